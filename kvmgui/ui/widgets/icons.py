"""Icons drawn in code: they look the same on every desktop theme and offscreen."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

from kvmgui.core.domain import DomainState
from kvmgui.core.resource_files import resource_file

_STATE_COLOURS = {
    DomainState.RUNNING: "#2e9d44",
    DomainState.BLOCKED: "#2e9d44",
    DomainState.PAUSED: "#d9a400",
    DomainState.SHUTDOWN: "#d97000",
    DomainState.PMSUSPENDED: "#3c7dd9",
    DomainState.CRASHED: "#c62828",
    DomainState.SHUTOFF: "#9e9e9e",
    DomainState.NOSTATE: "#9e9e9e",
}


@cache
def state_icon(state: DomainState, saved: bool = False) -> QIcon:
    """A dot in the state's colour; paused gets bars, saved a ring."""
    size = 16
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(_STATE_COLOURS[state])
    if saved:
        painter.setPen(QPen(QColor("#3c7dd9"), 2))
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
    return QIcon(pixmap)


@cache
def app_icon() -> QIcon:
    return QIcon(str(resource_file("kvmgui.svg")))
