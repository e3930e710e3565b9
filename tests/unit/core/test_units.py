"""The one rule for sizes, rates and percentages shown to people."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvmgui.core.units import (
    NO_VALUE,
    binary_unit,
    format_bytes,
    format_kib,
    format_mib,
    format_percent,
    format_rate,
    use_decimal_point,
)

KIB, MIB, GIB, TIB = 1024, 1024**2, 1024**3, 1024**4


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0 B"),
        (1, "1 B"),
        (1023, "1023 B"),
        (1023.6, "1 KiB"),  # rounds to 1024 B: the next unit
        (1024, "1 KiB"),
        (1536, "1.5 KiB"),
        (512 * MIB, "512 MiB"),
        (515.04 * MIB, "515 MiB"),  # 515.0 once rounded: no ".0"
        (515.3 * MIB, "515.3 MiB"),
        (1023.96 * MIB, "1 GiB"),
        (3 * GIB, "3 GiB"),
        (2.5 * TIB, "2.5 TiB"),
        (5000 * TIB, "4.9 PiB"),
        (2 * 1024**6, "2048 PiB"),  # the largest unit grows past 1024
        (-1536, "-1.5 KiB"),
        (-0.01, "0 B"),
    ],
)
def test_format_bytes(value: float, text: str) -> None:
    assert format_bytes(value) == text


def test_unknown_values_read_as_no_value() -> None:
    for format_unknown in (format_bytes, format_kib, format_mib, format_rate, format_percent):
        assert format_unknown(None) == NO_VALUE
        assert format_unknown(math.nan) == NO_VALUE
        assert format_unknown(math.inf) == NO_VALUE


def test_a_named_unit_keeps_the_same_precision_rule() -> None:
    assert format_bytes(100 * GIB, "GiB") == "100 GiB"
    assert format_bytes(512 * MIB, "GiB") == "0.5 GiB"
    assert format_bytes(2048 * GIB, "GiB") == "2048 GiB"
    assert format_mib(32768, "MiB") == "32768 MiB"
    assert format_bytes(1536, "B") == "1536 B"
    with pytest.raises(ValueError):
        format_bytes(1, "GB")


def test_kib_and_mib_inputs() -> None:
    assert format_kib(0) == "0 B"
    assert format_kib(256 * 1024) == "256 MiB"
    assert format_kib(3 * 1024 * 1024 // 2) == "1.5 GiB"
    assert format_kib(4 * 1024 * 1024) == "4 GiB"
    assert format_mib(512) == "512 MiB"
    assert format_mib(15934) == "15.6 GiB"


def test_rates_are_sizes_per_second() -> None:
    assert format_rate(0) == "0 B/s"
    assert format_rate(1023) == "1023 B/s"
    assert format_rate(2048) == "2 KiB/s"
    assert format_rate(1.5 * MIB) == "1.5 MiB/s"


def test_percentages_are_whole() -> None:
    assert format_percent(0) == "0 %"
    assert format_percent(12.4) == "12 %"
    assert format_percent(99.6) == "100 %"
    assert format_percent(100) == "100 %"


def test_binary_unit_of_the_largest_value() -> None:
    assert binary_unit(0) == (1.0, "B")
    assert binary_unit(1023) == (1.0, "B")
    assert binary_unit(1024) == (1024.0, "KiB")
    assert binary_unit(800 * MIB) == (float(MIB), "MiB")
    assert binary_unit(16 * GIB) == (float(GIB), "GiB")
    assert binary_unit(3 * TIB) == (float(TIB), "TiB")


@given(st.floats(0, 2**60, allow_nan=False))
def test_shown_number_is_below_1024_with_at_most_one_decimal(value: float) -> None:
    number, unit = format_bytes(value).split(" ")
    assert float(number) < 1024 or unit == "PiB"
    assert not number.endswith(".0")
    if unit == "B":
        assert "." not in number
    else:
        assert len(number.partition(".")[2]) <= 1


def test_a_size_formatted_before_the_decimal_point_changed_follows_it() -> None:
    assert format_kib(3 * 1024 * 1024 // 2) == "1.5 GiB"
    use_decimal_point(",")
    try:
        assert format_kib(3 * 1024 * 1024 // 2) == "1,5 GiB"
    finally:
        use_decimal_point(".")
    assert format_kib(3 * 1024 * 1024 // 2) == "1.5 GiB"
