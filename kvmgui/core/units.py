"""Sizes, rates and percentages as people read them: one rule everywhere.

- Sizes are binary (1 KiB = 1024 B), shown in the largest unit that keeps the
  number at least 1 (``1023 B``, ``1 KiB``), or in a unit the caller names
  (a message about a field in MiB speaks MiB).
- The number has one decimal, left out when it is 0 once rounded:
  ``512 MiB`` and ``515.3 MiB``, never ``512.0 MiB``. Bytes are whole.
- Rates are sizes per second: ``4 KiB/s``.
- Percentages are whole: ``42 %``.
- A value not known (yet), ``None`` or NaN, reads as :data:`NO_VALUE`.
- The decimal point is the user's locale's (``1,5 GiB`` in German): the UI,
  which knows the locale, sets it once with :func:`use_decimal_point`.
"""

from __future__ import annotations

import math

#: What a value that is not known (yet) reads as.
NO_VALUE = "\N{EN DASH}"
#: Binary units, each 1024 times the one before.
BINARY_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")
# The locale's, as use_decimal_point set it.
_decimal_point = "."
# format_kib's answers, by value: a list shows the same few memory sizes on
# thousands of rows, and a page scrolled to formats a size per row.
_KIB_TEXTS: dict[float, str] = {}
_KIB_TEXTS_KEPT = 4096


def use_decimal_point(point: str) -> None:
    """Write decimals with ``point`` (the locale's) from now on."""
    global _decimal_point
    _decimal_point = point
    _KIB_TEXTS.clear()


def binary_unit(largest: float) -> tuple[float, str]:
    """The largest unit (its size in bytes, its name) that shows ``largest`` bytes as ≥ 1."""
    exponent = 0
    while exponent < len(BINARY_UNITS) - 1 and largest >= 1024 ** (exponent + 1):
        exponent += 1
    return float(1024**exponent), BINARY_UNITS[exponent]


def format_bytes(value: float | None, unit: str | None = None) -> str:
    """``1536`` → ``"1.5 KiB"``, ``512 * 1024**2`` → ``"512 MiB"``; in ``unit`` if given."""
    if value is None or not math.isfinite(value):
        return NO_VALUE
    if unit is not None:
        exponent = BINARY_UNITS.index(unit)
        shown = _rounded(value, exponent)
    else:
        exponent = 0
        shown = _rounded(value, exponent)
        # Rounding can reach the next unit: 1023.96 MiB is shown as 1 GiB.
        while abs(shown) >= 1024 and exponent < len(BINARY_UNITS) - 1:
            exponent += 1
            shown = _rounded(value, exponent)
    return f"{_number(shown)} {BINARY_UNITS[exponent]}"


def format_kib(value: float | None) -> str:
    """A size given in KiB (as libvirt gives memory)."""
    if value is None:
        return NO_VALUE
    text = _KIB_TEXTS.get(value)
    if text is None:
        text = format_bytes(value * 1024)
        if len(_KIB_TEXTS) < _KIB_TEXTS_KEPT and math.isfinite(value):
            _KIB_TEXTS[value] = text
    return text


def format_mib(value: float | None, unit: str | None = None) -> str:
    """A size given in MiB (as the new-VM wizard asks for memory)."""
    return format_bytes(None if value is None else value * 1024**2, unit)


def format_rate(value: float | None) -> str:
    """Bytes per second: ``2048`` → ``"2 KiB/s"``."""
    text = format_bytes(value)
    return text if text == NO_VALUE else f"{text}/s"


def format_percent(value: float | None) -> str:
    """``12.4`` → ``"12 %"``."""
    return NO_VALUE if value is None or not math.isfinite(value) else f"{value:.0f} %"


def _rounded(value: float, exponent: int) -> float:
    # + 0.0 turns a rounded -0.0 into 0.0.
    return round(value / 1024.0**exponent, 0 if exponent == 0 else 1) + 0.0


def _number(shown: float) -> str:
    return f"{shown:.0f}" if shown.is_integer() else f"{shown:.1f}".replace(".", _decimal_point)
