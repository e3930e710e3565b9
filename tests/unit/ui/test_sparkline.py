"""The sparkline delegate, painted into an image."""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from kvmgui.core.units import NO_VALUE, format_rate
from kvmgui.ui.widgets.sparkline import ChartedValue, SparklineDelegate

VALUES_ROLE = Qt.ItemDataRole.UserRole + 7
TEXT_ROLE = Qt.ItemDataRole.UserRole + 8
WIDTH, HEIGHT = 200, 40
BACKGROUND = QColor("white")
LINE = QColor("red")


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp


def paint(
    delegate: SparklineDelegate, values: Any, *, text: str | None = None, selected: bool = False
) -> QImage:
    model = QStandardItemModel(1, 1)
    index = model.index(0, 0)
    model.setData(index, values, VALUES_ROLE)
    if text is not None:
        model.setData(index, text, TEXT_ROLE)
    return paint_index(delegate, index, selected=selected)


@cache
def cell_palette() -> QPalette:
    """One palette for every paint, as a view has (its key is part of a drawn cell's)."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    palette.setColor(QPalette.ColorRole.Base, BACKGROUND)
    return palette


def paint_index(delegate: SparklineDelegate, index: Any, *, selected: bool = False) -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(BACKGROUND)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, WIDTH, HEIGHT)
    option.palette = cell_palette()
    option.state = QStyle.StateFlag.State_Enabled
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    painter = QPainter(image)
    try:
        delegate.paint(painter, option, index)
    finally:
        painter.end()
    return image


def is_line(image: QImage, x: int, y: int, radius: int = 2) -> bool:
    """Whether a line-coloured pixel is within ``radius`` of (x, y)."""
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            px, py = x + dx, y + dy
            if 0 <= px < image.width() and 0 <= py < image.height():
                color = image.pixelColor(px, py)
                if color.red() > 150 and color.green() < 120 and color.blue() < 120:
                    return True
    return False


def line_pixels(image: QImage, x0: int = 0, x1: int = WIDTH) -> int:
    return sum(
        1
        for x in range(x0, x1)
        for y in range(image.height())
        if is_line(image, x, y, radius=0)
    )


def non_background_pixels(image: QImage, x0: int, x1: int) -> int:
    return sum(
        1
        for x in range(x0, x1)
        for y in range(image.height())
        if image.pixelColor(x, y) != BACKGROUND
    )


def test_rising_line_goes_from_bottom_left_to_top_right(app: QApplication) -> None:
    # No text, so the chart spans the cell (inside a 2 px margin).
    delegate = SparklineDelegate(
        VALUES_ROLE, max_points=11, maximum=100.0, color=LINE, formatter=lambda _v: ""
    )
    image = paint(delegate, [float(v) for v in range(0, 101, 10)])
    left, right, top, bottom = 2, WIDTH - 3, 2, HEIGHT - 3
    assert is_line(image, left, bottom)
    assert is_line(image, (left + right) // 2, (top + bottom) // 2)
    assert is_line(image, right, top)
    # Off the diagonal there is nothing.
    assert not is_line(image, left + 5, top + 2)
    assert not is_line(image, right - 5, bottom - 2)


def test_numpy_values_and_a_short_history_grow_from_the_right(app: QApplication) -> None:
    delegate = SparklineDelegate(
        VALUES_ROLE, max_points=60, maximum=10.0, color=LINE, formatter=lambda _v: ""
    )
    image = paint(delegate, np.full(6, 5.0, dtype=np.float32))
    middle = HEIGHT // 2
    assert is_line(image, WIDTH - 4, middle)
    assert not is_line(image, 10, middle)  # the left part has no data yet
    assert line_pixels(image, 0, WIDTH // 2) == 0


def test_nan_is_a_gap(app: QApplication) -> None:
    delegate = SparklineDelegate(
        VALUES_ROLE, max_points=5, maximum=1.0, color=LINE, formatter=lambda _v: ""
    )
    image = paint(delegate, [0.5, 0.5, math.nan, math.nan, 0.5])
    middle = HEIGHT // 2
    step = (WIDTH - 4) / 4
    assert is_line(image, int(2 + step / 2), middle)  # between points 0 and 1
    assert not is_line(image, int(2 + 2.5 * step), middle, radius=1)  # between 2 and 3


def test_autoscale_uses_the_largest_value(app: QApplication) -> None:
    delegate = SparklineDelegate(VALUES_ROLE, max_points=2, color=LINE, formatter=lambda _v: "")
    image = paint(delegate, [1e9, 1e9])  # bytes/s: the top of the chart, not clipped away
    assert is_line(image, WIDTH // 2, 2)
    assert not is_line(image, WIDTH // 2, HEIGHT - 3)


def test_current_value_is_drawn_as_text_on_the_right(app: QApplication) -> None:
    delegate = SparklineDelegate(VALUES_ROLE, maximum=100.0, color=LINE)
    with_text = paint(delegate, [10.0, 20.0, 42.0])
    assert non_background_pixels(with_text, WIDTH - 30, WIDTH) > 0
    assert delegate._text(_index_with([10.0, math.nan]), [10.0, math.nan]) == "10 %"


def test_text_role_and_formatter(app: QApplication) -> None:
    delegate = SparklineDelegate(VALUES_ROLE, text_role=TEXT_ROLE, color=LINE)
    assert delegate._text(_index_with([1.0], text="3 MiB"), [1.0]) == "3 MiB"
    rate = SparklineDelegate(VALUES_ROLE, formatter=format_rate)
    assert rate._text(_index_with([2048.0]), [2048.0]) == "2 KiB/s"


class CountingModel(QStandardItemModel):
    """Counts the data() calls a paint makes."""

    def __init__(self) -> None:
        super().__init__(1, 1)
        self.asked: list[int] = []

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.asked.append(role)
        return super().data(index, role)


def test_a_charted_value_brings_its_text_with_it(app: QApplication) -> None:
    # The formatter draws no text: what shows at the right is the answer's own.
    delegate = SparklineDelegate(
        VALUES_ROLE, maximum=100.0, color=LINE, formatter=lambda _v: "", text_role=TEXT_ROLE
    )
    model = CountingModel()
    index = model.index(0, 0)
    model.setData(index, ChartedValue("99 %", [10.0, 90.0]), VALUES_ROLE)
    model.setData(index, "never asked", TEXT_ROLE)
    model.asked.clear()
    image = paint_index(delegate, index)
    assert model.asked == [VALUES_ROLE]  # one call into the model, not one per part
    assert line_pixels(image) > 0
    assert text_pixels(image) > 0
    assert text_pixels(paint(delegate, ChartedValue("", [10.0, 90.0]))) == 0
    # Not running: the text alone.
    idle = paint(delegate, ChartedValue(NO_VALUE, None))
    assert line_pixels(idle) == 0 and text_pixels(idle) > 0


def text_pixels(image: QImage) -> int:
    """Dark pixels in the right quarter: the text (black), not the line (red)."""
    return sum(
        1
        for x in range(WIDTH * 3 // 4, WIDTH)
        for y in range(image.height())
        if image.pixelColor(x, y).lightness() < 100
    )


def test_nothing_to_draw(app: QApplication) -> None:
    delegate = SparklineDelegate(VALUES_ROLE, color=LINE)
    for values in (None, [], [math.nan, math.nan], "not numbers", [object()]):
        image = paint(delegate, values)
        assert line_pixels(image) == 0


def test_selected_cell_paints_the_selection(app: QApplication) -> None:
    delegate = SparklineDelegate(VALUES_ROLE, maximum=100.0, formatter=lambda _v: "")
    image = paint(delegate, [50.0, 50.0], selected=True)
    highlight = QPalette().color(QPalette.ColorRole.Highlight)
    assert image.pixelColor(1, 1) == highlight


def test_max_points_must_allow_a_line() -> None:
    with pytest.raises(ValueError):
        SparklineDelegate(VALUES_ROLE, max_points=1)


def test_in_a_view(qtbot: QtBot) -> None:
    model = QStandardItemModel(3, 1)
    for row in range(3):
        model.setData(model.index(row, 0), np.linspace(0, 100, 30), VALUES_ROLE)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegateForColumn(0, SparklineDelegate(VALUES_ROLE, view, maximum=100.0))
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    assert not image.isNull()
    size = view.itemDelegateForColumn(0).sizeHint(QStyleOptionViewItem(), model.index(0, 0))
    assert size.height() >= 18


def _index_with(values: Any, text: str | None = None) -> Any:
    model = QStandardItemModel(1, 1)
    model.setData(model.index(0, 0), values, VALUES_ROLE)
    if text is not None:
        model.setData(model.index(0, 0), text, TEXT_ROLE)
    _models.append(model)  # keep the model alive as long as the index is used
    return model.index(0, 0)


_models: list[QStandardItemModel] = []


def test_a_cell_is_drawn_again_only_when_its_values_object_or_look_change(
    app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    delegate = SparklineDelegate(VALUES_ROLE, max_points=10, maximum=100.0, color=LINE)
    drawn: list[float] = []  # the newest value of each chart drawn
    draw_line = delegate._draw_line

    def counting(painter: QPainter, chart: Any, values: list[float], *args: Any) -> None:
        drawn.append(values[-1])
        draw_line(painter, chart, values, *args)

    monkeypatch.setattr(delegate, "_draw_line", counting)
    model = QStandardItemModel(1, 1)
    index = model.index(0, 0)
    model.setData(index, np.full(10, 10.0, dtype=np.float32), VALUES_ROLE)
    first = paint_index(delegate, index)  # drawn directly
    assert drawn == [10.0]
    images = [paint_index(delegate, index) for _ in range(3)]  # drawn once more, on a pixmap
    assert drawn == [10.0, 10.0]
    assert all(image == first for image in images)
    # A tick: the model hands out a new values object.
    model.setData(index, np.full(10, 90.0, dtype=np.float32), VALUES_ROLE)
    changed = paint_index(delegate, index)
    assert drawn == [10.0, 10.0, 90.0]
    near_top, near_bottom = 2 + round((HEIGHT - 4) * 0.1), HEIGHT - 3 - round((HEIGHT - 4) * 0.1)
    assert is_line(first, 10, near_bottom) and not is_line(first, 10, near_top)
    assert is_line(changed, 10, near_top) and not is_line(changed, 10, near_bottom)
    paint_index(delegate, index, selected=True)
    assert len(drawn) == 4  # the selection's colours: drawn again


def test_a_flat_run_is_one_crisp_row_of_pixels(app: QApplication) -> None:
    """An idle VM's chart: one row of the line's colour, not two half-tinted rows."""
    delegate = SparklineDelegate(
        VALUES_ROLE, max_points=5, maximum=1.0, color=LINE, formatter=lambda _v: ""
    )
    image = paint(delegate, [0.5] * 5)
    column = WIDTH // 2
    tinted = [y for y in range(HEIGHT) if image.pixelColor(column, y) != BACKGROUND]
    assert len(tinted) == 1
    assert is_line(image, column, tinted[0], radius=0)
