"""A list cell that draws a small line chart of recent values and the current one."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kvmgui.core.units import format_percent
from kvmgui.ui.widgets.stamped_text import TextStamps

_MARGIN = 2
_GAP = 6
#: Drawn cells kept per delegate: a few screenfuls of a statistics column.
CACHED_CELLS = 256
# Looked up once: each is an attribute lookup through PySide's enum type, and
# a list paints a few dozen sparklines at a time.
_ITEM_VIEW_ITEM = QStyle.ControlElement.CE_ItemViewItem
_SELECTED = QStyle.StateFlag.State_Selected
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHT = QPalette.ColorRole.Highlight
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_ANTIALIASING = QPainter.RenderHint.Antialiasing


@dataclass(frozen=True, eq=False, slots=True)
class ChartedValue:
    """A cell's recent values and its current one as text, in one answer: the
    delegate then asks the model once per paint, not twice (a list repaints
    every shown chart at every tick, and each model call is a round trip
    through Qt into Python)."""

    text: str
    values: Sequence[float] | None  # oldest first; None: nothing to chart


@dataclass(eq=False)
class _DrawnCell:
    data: Any  # the model's values object it was drawn from (kept: its identity is its version)
    look: tuple[Any, ...]
    pixmap: QPixmap | None = None  # made when the cell is painted again unchanged


class SparklineDelegate(QStyledItemDelegate):
    """Paints ``index.data(values_role)`` (floats, oldest first) as a line chart.

    The model returns a sequence of floats (a list, a tuple or a numpy array,
    e.g. ``StatsHistory.values(uuid, metric, last=60)``); NaN is a gap. The
    newest value is shown as text at the right, formatted by ``formatter``, or
    taken as a string from ``text_role`` when one is given. The model may
    instead return a :class:`ChartedValue`: its text is shown as it is. The chart's
    y-range is ``0..maximum`` (e.g. 100 for a percentage), or ``0..`` the
    item's ``maximum_role`` value (e.g. a VM's memory), else ``0..`` the
    largest value shown. ``text_reserve`` is the widest text expected: the
    chart keeps that much room for it, so it does not jump as the text changes.

    A chart painted again unchanged is drawn on a pixmap and painted from it
    until the model's values object is another one (identity, not equality: the
    model hands out a new object when the values change, as the statistics
    poller does after a tick that changed the domain), or its place, scale,
    colour or pixel ratio change. The text is drawn each time.

    A view that paints its rows itself draws a cell with :meth:`draw`, from
    values it got from its model without a call through Qt.
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
        # The texts drawn lately, laid out once; text_reserve's width in their font.
        self._texts = TextStamps()
        self._reserve: tuple[QFont, int] | None = None
        # The line's pen per colour (RGBA): a pen made and styled per chart cost
        # more than a tenth of a chart's paint.
        self._pens: dict[int, QPen] = {}

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
        style.drawControl(_ITEM_VIEW_ITEM, option, painter, widget)
        data = index.data(self.values_role)
        if type(data) is ChartedValue:
            text, data = data.text, data.values
        else:
            text = self._text(index, data)
        painter.save()
        painter.setFont(option.font)
        self.use_font(option.font)
        cell = option.rect
        # (`in`: a flag's `&` is a Python call through the enum, then bool() another.)
        text_color, line_color = chart_colors(option.palette, _SELECTED in option.state)
        self.draw(
            painter, cell.x(), cell.y(), cell.width(), cell.height(), text, data,
            None if data is None else self._maximum(index), text_color, line_color,
            (index.row(), index.column(), index.internalId()),
        )
        painter.restore()

    def use_font(self, font: QFont) -> None:
        """Draw the texts in ``font`` from now on (the painter's, in :meth:`draw`)."""
        self._texts.use_font(font)

    def draw(
        self, painter: QPainter, x: int, y: int, width: int, height: int, text: str,
        data: Any, maximum: float | None, text_color: QColor, line_color: QColor,
        slot: tuple[int, int, int],
    ) -> None:
        """Draw the chart of ``data`` (scaled to 0..``maximum``, or this delegate's
        maximum) and ``text`` over the background of the cell at ``x``, ``y``, in
        the painter's font (the one :meth:`use_font` was given) and the colours
        given (the line's unless this delegate has its own); the painter's pen is
        left as the text's. ``slot`` names the cell (row, column, parent's id):
        an unchanged chart is kept there."""
        if self.maximum is not None:
            maximum = self.maximum
        # The cell less its margins.
        left, top = x + _MARGIN, y + _MARGIN
        inner_width, inner_height = width - 2 * _MARGIN, height - 2 * _MARGIN
        room = 0
        if text:
            stamped = self._texts.stamp(text)
            room = max(stamped.width, self._reserve_width())
            painter.setPen(text_color)
            # At the right, centred vertically.
            painter.drawStaticText(
                QPointF(left + inner_width - stamped.width,
                        top + (inner_height - stamped.height) / 2),
                stamped.static,
            )
        if data is None:
            return
        chart_width = inner_width - (room + _GAP if text else 0)
        if chart_width < 8 or inner_height < 4:
            return
        color = self.color or line_color
        ratio = painter.device().devicePixelRatioF()
        # The chart relative to the cell: a pixmap of the cell's size is drawn
        # at the same (fractional) places as the direct drawing.
        at = QRectF(_MARGIN, _MARGIN, chart_width, inner_height)
        look = (chart_width, inner_height, maximum, width, height, color.rgba(), ratio)
        drawn = self._drawn.get(slot)
        if drawn is not None and drawn.data is data and drawn.look == look:
            self._drawn.move_to_end(slot)
            if drawn.pixmap is None:
                # Painted again unchanged (a tick elsewhere, a selection, the
                # filter): now worth a pixmap.
                drawn.pixmap = self._chart_pixmap(
                    QSize(width, height), ratio, at, data, color, maximum
                )
            painter.drawPixmap(x, y, drawn.pixmap)
            return
        # The first paint of these values here is drawn directly: scrolling
        # paints most cells once, and a pixmap would only add to it.
        painter.save()
        self._draw_line(
            painter, QRectF(left, top, chart_width, inner_height), _tail(data, self.max_points),
            color, maximum,
        )
        painter.restore()
        self._drawn[slot] = _DrawnCell(data, look)
        if len(self._drawn) > CACHED_CELLS:
            self._drawn.popitem(last=False)

    def _reserve_width(self) -> int:
        texts = self._texts
        reserve = self._reserve
        if reserve is None or reserve[0] is not texts.font:
            reserve = self._reserve = (texts.font, texts.stamp(self.text_reserve).width)
        return reserve[1]

    def _chart_pixmap(
        self, size: QSize, ratio: float, chart: QRectF, data: Any, color: QColor,
        maximum: float | None,
    ) -> QPixmap:
        """The chart alone on a transparent pixmap of the cell's size."""
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            self._draw_line(painter, chart, _tail(data, self.max_points), color, maximum)
        finally:
            painter.end()
        return pixmap

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
        if self.maximum_role is None:
            return None
        value = index.data(self.maximum_role)
        return float(value) if isinstance(value, int | float) else None

    def _pen(self, color: QColor) -> QPen:
        rgba = color.rgba()
        pen = self._pens.get(rgba)
        if pen is None:
            # One logical pixel: the raster engine strokes it on its fast path, a
            # twentieth of the time a 1.5 px line takes (9 against 195 us for 60
            # points; benchmarks/RESULTS.md, "Fourth pass"), and a list repaints
            # every running VM's chart at every tick.
            pen = self._pens[rgba] = QPen(color, 1.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

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
        painter.setPen(self._pen(color))
        painter.setRenderHint(_ANTIALIASING, True)
        # A path from plain numbers: a QPointF per point costs more than the stroke.
        path = QPainterPath()
        line_to, move_to, move_end = path.lineTo, path.moveTo, path.setElementPositionAt
        isfinite, floor = math.isfinite, math.floor
        scale, lowest = height / top, bottom - 0.5
        lone: list[QPointF] = []  # points between two gaps: a path would not show them
        run = 0  # points in the current segment
        level, last_y = False, 0.0  # whether its last stretch is flat, at which height
        x = x0 - step
        for value in values:
            x += step
            if not isfinite(value):
                if run == 1:
                    lone.append(path.currentPosition())
                run = 0
                continue
            lift = value * scale
            lift = height if lift > height else lift if lift > 0.0 else 0.0
            # On pixel centres: a flat run (an idle VM) is one row of pixels, not
            # two half-tinted ones.
            y = floor(bottom - lift) + 0.5
            if y > lowest:
                y = lowest
            if not run:
                move_to(floor(x) + 0.5, y)
                level = False
            elif level and y == last_y:
                # A flat run is one segment: where two meet, the thin-line
                # stroker leaves a lighter pixel, and a flat line looked dashed.
                move_end(path.elementCount() - 1, floor(x) + 0.5, y)
            else:
                line_to(floor(x) + 0.5, y)
                level = y == last_y
            last_y = y
            run += 1
        if run == 1:
            lone.append(path.currentPosition())
        painter.drawPath(path)
        for point in lone:
            painter.drawPoint(point)


def chart_colors(palette: QPalette, selected: bool) -> tuple[QColor, QColor]:
    """A chart's text and line colours in ``palette``'s current group: the text's
    and the selection's, or the selected text's for both in a selected cell."""
    if selected:
        color = palette.color(_HIGHLIGHTED_TEXT)
        return color, color
    return palette.color(_TEXT), palette.color(_HIGHLIGHT)


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
