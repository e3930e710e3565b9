"""Texts laid out once and stamped many times: a list shows the same few texts
over and over, and QPainter.drawText, like Qt's item delegates, lays a text out
at every paint (shaping it with HarfBuzz: a large part of a list cell's cost)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QStaticText, QTransform

from kvmgui.core.kept import keep

#: Laid-out texts kept per set of stamps.
KEPT_TEXTS = 1000
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight


@dataclass(frozen=True, slots=True)
class StampedText:
    static: QStaticText
    width: int  # as an item view aligns it: the laid-out size, rounded
    height: int
    exact_width: float  # where right-aligned text begins, from the right edge


class TextStamps:
    """Texts laid out in one font, the last KEPT_TEXTS kept."""

    def __init__(self) -> None:
        self._font = QFont()
        self._metrics = QFontMetrics(self._font)
        self._texts: dict[str, StampedText] = {}
        self._elided: dict[tuple[str, int], StampedText] = {}

    @property
    def font(self) -> QFont:
        """The font the texts are laid out in (another object after each change)."""
        return self._font

    def use_font(self, font: QFont) -> None:
        """Lay out the texts asked from now on in ``font`` (a no-op if they already are)."""
        if font != self._font or not self._texts:
            self._font = QFont(font)
            self._metrics = QFontMetrics(self._font)
            self._texts = {}
            self._elided = {}

    def stamp(self, text: str) -> StampedText:
        stamped = self._texts.get(text)
        if stamped is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), self._font)
            size = static.size()
            stamped = keep(self._texts, text, StampedText(
                static, round(size.width()), math.ceil(size.height()), size.width()
            ), KEPT_TEXTS)
        return stamped

    def fitted(self, text: str, room: int) -> StampedText:
        """``text``, elided at the right ("…") where it is wider than ``room``."""
        stamped = self.stamp(text)
        if stamped.width <= room:
            return stamped
        key = (text, room)
        elided = self._elided.get(key)
        if elided is None:
            elided = keep(self._elided, key, self.stamp(
                self._metrics.elidedText(text, _ELIDE_RIGHT, room)
            ), KEPT_TEXTS)
        return elided
