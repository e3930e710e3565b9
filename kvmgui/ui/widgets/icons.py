"""Icons drawn in code: they look the same on every desktop theme and offscreen,
sharp at every scale."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

from kvmgui.core.domain import DomainState
from kvmgui.core.resource_files import resource_file

# Each at least 3:1 against light and dark backgrounds (WCAG 1.4.11), so the
# dots read on either colour scheme; the state's name is always beside them.
STATE_COLOURS = {
    DomainState.RUNNING: "#2e9d44",
    DomainState.BLOCKED: "#2e9d44",
    DomainState.PAUSED: "#b58600",
    DomainState.SHUTDOWN: "#d46a00",
    DomainState.PMSUSPENDED: "#3c7dd9",
    DomainState.CRASHED: "#d32f2f",
    DomainState.SHUTOFF: "#858585",
    DomainState.NOSTATE: "#858585",
}
SAVED_COLOUR = "#3c7dd9"


# Device pixel ratios drawn ahead: Qt picks the exact one at scale 1, 1.5, 2
# and 3 instead of stretching a 16-pixel dot.
ICON_SCALES = (1.0, 1.5, 2.0, 3.0)
STATE_ICON_SIZE = 16


@cache
def state_icon(state: DomainState, saved: bool = False) -> QIcon:
    """A dot in the state's colour; paused gets bars, saved a ring. Drawn, not
    scaled, at every scale of :data:`ICON_SCALES`."""
    icon = QIcon()
    for scale in ICON_SCALES:
        icon.addPixmap(_state_pixmap(state, saved, scale))
    return icon


def _state_pixmap(state: DomainState, saved: bool, scale: float) -> QPixmap:
    size = STATE_ICON_SIZE
    pixmap = QPixmap(round(size * scale), round(size * scale))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATE_COLOURS[state])
    if saved:
        painter.setPen(QPen(QColor(SAVED_COLOUR), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
    painter.drawEllipse(QRectF(2, 2, size - 4, size - 4))
    if state is DomainState.PAUSED:
        painter.setBrush(QBrush(QColor("white")))
        painter.drawRect(QRectF(5.5, 5, 1.8, 6))
        painter.drawRect(QRectF(8.7, 5, 1.8, 6))
    painter.end()
    return pixmap


@cache
def app_icon() -> QIcon:
    return QIcon(str(resource_file("kvmgui.svg")))
