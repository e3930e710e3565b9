"""A list cell that draws a small line chart of recent values and the current one."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kvmgui.core.units import format_percent

_MARGIN = 2
_GAP = 6
#: Drawn cells kept per delegate: a few screenfuls of a statistics column.
CACHED_CELLS = 256


@dataclass(frozen=True, eq=False)
class _DrawnCell:
    data: Any  # the model's values object it was drawn from (kept: its identity is its version)
    look: tuple[Any, ...]
    pixmap: QPixmap


class SparklineDelegate(QStyledItemDelegate):
    """Paints ``index.data(values_role)`` (floats, oldest first) as a line chart.

    The model returns a sequence of floats (a list, a tuple or a numpy array,
    e.g. ``StatsHistory.values(uuid, metric, last=60)``); NaN is a gap. The
    newest value is shown as text at the right, formatted by ``formatter``, or
    taken as a string from ``text_role`` when one is given. The chart's
    y-range is ``0..maximum`` (e.g. 100 for a percentage), or ``0..`` the
    item's ``maximum_role`` value (e.g. a VM's memory), else ``0..`` the
    largest value shown. ``text_reserve`` is the widest text expected: the
    chart keeps that much room for it, so it does not jump as the text changes.

    A cell is drawn once on a pixmap and painted from it until the model's
    values object is another one (identity, not equality: the model hands out a
    new object when the values change, as the statistics poller does after a
    tick that changed the domain), or the text, scale, size, selection, palette,
    font or pixel ratio change.
    """

    def __init__(
        self,
        values_role: int,
        parent: QObject | None = None,
        *,
        max_points: int = 60,
        maximum: float | None = None,
        formatter: Callable[[float | None], str] = format_percent,
        text_role: int | None = None,
        maximum_role: int | None = None,
        color: QColor | None = None,
        text_reserve: str = "100 %",
    ) -> None:
        super().__init__(parent)
        if max_points < 2:
            raise ValueError("a sparkline needs at least two points")
        self.values_role = values_role
        self.max_points = max_points
        self.maximum = maximum
        self.formatter = formatter
        self.text_role = text_role
        self.maximum_role = maximum_role
        self.color = color
        self.text_reserve = text_reserve
        # The cells drawn lately, by (row, column, parent): redrawn only when the
        # model's values object, the text or the look changed.
        self._drawn: OrderedDict[tuple[int, int, int], _DrawnCell] = OrderedDict()
        self._reserve: tuple[str, int] = ("", 0)  # (font key, width of text_reserve)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # The background, selection and focus as the view's other cells have them:
        # the view's option says all that; the model's text and icon are not drawn.
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)

        data = index.data(self.values_role)
        text = self._text(index, data)
        maximum = self._maximum(index)
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ratio = painter.device().devicePixelRatioF()
        look = (
            text, maximum, rect.width(), rect.height(), selected, option.palette.cacheKey(),
            QFont(option.font), ratio,
        )
        slot = (index.row(), index.column(), index.internalId())
        drawn = self._drawn.get(slot)
        if drawn is None or drawn.data is not data or drawn.look != look:
            drawn = self._drawn[slot] = _DrawnCell(
                data, look, self._draw(option, ratio, text, _tail(data, self.max_points), maximum)
            )
            if len(self._drawn) > CACHED_CELLS:
                self._drawn.popitem(last=False)
        else:
            self._drawn.move_to_end(slot)
        painter.drawPixmap(rect.topLeft(), drawn.pixmap)

    def _draw(
        self, option: QStyleOptionViewItem, ratio: float, text: str, values: list[float],
        maximum: float | None,
    ) -> QPixmap:
        """The cell's text and chart on a transparent pixmap of the cell's size."""
        size = option.rect.size()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        rect = QRectF(0, 0, size.width(), size.height()).adjusted(
            _MARGIN, _MARGIN, -_MARGIN, -_MARGIN
        )
        painter = QPainter(pixmap)
        try:
            text_width = 0.0
            if text:
                text_width = max(
                    option.fontMetrics.horizontalAdvance(text), self._reserve_width(option)
                )
                painter.setFont(option.font)
                painter.setPen(
                    palette.color(
                        QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
                    )
                )
                painter.drawText(
                    rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text
                )
            chart = rect.adjusted(0, 0, -(text_width + _GAP if text else 0), 0)
            if values and chart.width() >= 8 and chart.height() >= 4:
                color = self.color or palette.color(
                    QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
                )
                self._draw_line(painter, chart, values, color, maximum)
        finally:
            painter.end()
        return pixmap

    def _reserve_width(self, option: QStyleOptionViewItem) -> int:
        font = option.font.key()
        if self._reserve[0] != font:
            self._reserve = (font, option.fontMetrics.horizontalAdvance(self.text_reserve))
        return self._reserve[1]

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = option.fontMetrics.height() + 2 * _MARGIN
        return QSize(120, max(height, 18))

    def _text(self, index: QModelIndex | QPersistentModelIndex, data: Any) -> str:
        if self.text_role is not None:
            text = index.data(self.text_role)
            return text if isinstance(text, str) else ""
        values = _tail(data, self.max_points)
        if not values:
            return ""
        latest = next((v for v in reversed(values) if math.isfinite(v)), None)
        return self.formatter(latest)

    def _maximum(self, index: QModelIndex | QPersistentModelIndex) -> float | None:
        if self.maximum is not None or self.maximum_role is None:
            return self.maximum
        value = index.data(self.maximum_role)
        return float(value) if isinstance(value, int | float) else None

    def _draw_line(
        self, painter: QPainter, chart: QRectF, values: list[float], color: QColor,
        maximum: float | None,
    ) -> None:
        finite = [v for v in values if math.isfinite(v)]
        if not finite:
            return
        top = maximum if maximum is not None else max(finite)
        if top <= 0:
            top = 1.0
        # Newest at the right edge; a short history grows from the right.
        step = chart.width() / (self.max_points - 1)
        x0 = chart.right() - (len(values) - 1) * step
        bottom, height = chart.bottom(), chart.height()
        pen = QPen(color, 1.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        segment: list[QPointF] = []
        for i, value in enumerate(values):
            if not math.isfinite(value):
                _draw_segment(painter, segment)
                segment = []
                continue
            y = bottom - min(max(value / top, 0.0), 1.0) * height
            segment.append(QPointF(x0 + i * step, y))
        _draw_segment(painter, segment)


def _draw_segment(painter: QPainter, points: list[QPointF]) -> None:
    if len(points) == 1:
        painter.drawPoint(points[0])
    elif points:
        painter.drawPolyline(QPolygonF(points))


def _tail(data: Any, count: int) -> list[float]:
    """The last ``count`` values of a model's sequence, as plain floats."""
    if data is None or isinstance(data, str | bytes):
        return []
    tolist = getattr(data, "tolist", None)  # numpy: one conversion, no per-item boxing in Python
    if tolist is not None:
        data = data[-count:].tolist() if len(data) > count else tolist()
    elif isinstance(data, Sequence):
        data = list(data[-count:])
    else:
        return []
    try:
        return [float(v) for v in data]
    except (TypeError, ValueError):
        return []
