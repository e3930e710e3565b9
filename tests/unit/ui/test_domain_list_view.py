"""The list paints a domain row in one call, pixel for pixel as QTreeView paints
it cell by cell (its delegates asking the model through Qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QCursor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHeaderView, QProxyStyle, QStyle, QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection, ConnectionState
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import STATS_COLUMNS, Column, DomainTreeModel, Role
from kvmgui.ui.widgets.sparkline import SparklineDelegate
from tests.fleet import RUNNING, FleetDomain, domain_uuid, numbered_fleet, write_node
from tests.unit.ui.conftest import SMALL_FLEET
from tests.unit.ui.test_stats_ui import ALPHA, feed, row_of

# A name longer than its column is made narrow below: it is elided.
LONG_NAME = "kvmgui-a-rather-long-name-for-a-virtual-machine"


@pytest.fixture
def listed(
    window: MainWindow, connect: Callable[[Path], Connection], tmp_path: Path
) -> Connection:
    """The small fleet and a long-named VM, with four ticks of alpha's statistics."""
    fleet = [*SMALL_FLEET, FleetDomain(LONG_NAME, RUNNING, vcpus=8, memory_mib=8192)]
    connection = connect(write_node(tmp_path / "fleet.xml", fleet))
    window.stats.stop()  # only the fed samples count here
    for second in range(4):
        feed(window.stats, connection, 100.0 + second, cpu_s=second * 0.5,
             used_kib=(512 + second) * 1024)
    return connection


def grab(window: MainWindow, paints_rows: bool, *, charts_drawn_anew: bool = False) -> QImage:
    view = window.view
    view.paints_rows = paints_rows
    if charts_drawn_anew:
        # A chart painted again unchanged comes from a see-through pixmap of it, which
        # can differ by one in a channel of a pixel from the chart drawn directly.
        for column in STATS_COLUMNS:
            delegate = view.itemDelegateForColumn(column)
            assert isinstance(delegate, SparklineDelegate)
            delegate._drawn.clear()
    return view.viewport().grab().toImage()


def assert_painted_as_by_qtreeview(window: MainWindow, *, charts_drawn_anew: bool = False) -> None:
    mine = grab(window, True, charts_drawn_anew=charts_drawn_anew)
    qts = grab(window, False, charts_drawn_anew=charts_drawn_anew)
    assert mine.size() == qts.size()
    line = mine.bytesPerLine()
    ours, theirs = bytes(mine.constBits()), bytes(qts.constBits())
    differing = [
        y for y in range(mine.height())
        if ours[y * line:(y + 1) * line] != theirs[y * line:(y + 1) * line]
    ]
    assert not differing, f"scan lines that differ: {differing}"


def select_alpha(window: MainWindow, listed: Connection, qtbot: QtBot) -> None:
    view = window.view
    view.selectionModel().setCurrentIndex(
        row_of(window, listed, ALPHA, Column.NAME),
        QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)


def test_selected_focused_and_alternate_rows_with_icons_and_charts(
    window: MainWindow, listed: Connection, qtbot: QtBot
) -> None:
    select_alpha(window, listed, qtbot)
    assert_painted_as_by_qtreeview(window)


def test_rows_of_a_lost_connection_are_grey(
    window: MainWindow, listed: Connection, qtbot: QtBot
) -> None:
    select_alpha(window, listed, qtbot)
    listed.state = ConnectionState.LOST
    window.model.on_connection_state_changed(listed)
    assert_painted_as_by_qtreeview(window)


def test_narrow_moved_and_extra_columns_scrolled_sideways_in_descending_order(
    window: MainWindow, listed: Connection
) -> None:
    window.ip_column_action.setChecked(True)
    window.snapshot_column.action.setChecked(True)
    header = window.view.header()
    header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(Column.NAME, 150)  # the long name is elided
    header.resizeSection(Column.MEMORY, 40)  # and "8 GiB"
    header.moveSection(header.visualIndex(Column.VCPUS), 0)  # left of the tree column
    window.view.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    window.resize(700, 400)
    window.view.horizontalScrollBar().setValue(60)
    assert_painted_as_by_qtreeview(window)


def test_a_disabled_list(window: MainWindow, listed: Connection, qtbot: QtBot) -> None:
    select_alpha(window, listed, qtbot)
    window.view.setEnabled(False)
    assert_painted_as_by_qtreeview(window)


@pytest.fixture
def asked_of_domain_rows(window: MainWindow) -> Iterator[list[QModelIndex]]:
    """The domain rows' cells whose answers Qt asks the model for."""
    asked: list[QModelIndex] = []
    model = window.model

    def counting(index: Any, roles: Any) -> None:
        if index.parent().isValid():
            asked.append(QModelIndex(index))
        DomainTreeModel.multiData(model, index, roles)

    model.multiData = counting  # type: ignore[method-assign]
    yield asked
    del model.multiData


def test_a_domain_row_is_painted_without_a_call_through_qt_per_cell(
    window: MainWindow, listed: Connection, asked_of_domain_rows: list[QModelIndex]
) -> None:
    grab(window, True)
    assert asked_of_domain_rows == []
    grab(window, False)  # QTreeView's own painting asks for every cell
    assert len(asked_of_domain_rows) >= len(SMALL_FLEET) * 4


def use_a_style_that_draws_the_branches(window: MainWindow) -> None:
    """Qt's Windows style: branch lines, no selection under them."""
    style = QStyleFactory.create("Windows")
    assert style is not None
    window.view.setStyle(style)


def test_in_a_style_that_draws_the_branches(
    window: MainWindow, listed: Connection, qtbot: QtBot
) -> None:
    use_a_style_that_draws_the_branches(window)
    select_alpha(window, listed, qtbot)
    assert_painted_as_by_qtreeview(window)


def test_a_selected_row_with_a_column_moved_left_of_the_tree_in_that_style(
    window: MainWindow, listed: Connection, qtbot: QtBot
) -> None:
    use_a_style_that_draws_the_branches(window)
    header = window.view.header()
    header.moveSection(header.visualIndex(Column.STATE), 0)
    select_alpha(window, listed, qtbot)
    assert_painted_as_by_qtreeview(window)


def test_a_selected_row_of_a_window_in_the_background(
    window: MainWindow, listed: Connection, qtbot: QtBot
) -> None:
    palette = window.view.palette()
    for role, name in ((QPalette.ColorRole.Highlight, "#808000"),
                       (QPalette.ColorRole.HighlightedText, "#202020"),
                       (QPalette.ColorRole.Text, "#600060")):
        palette.setColor(QPalette.ColorGroup.Inactive, role, QColor(name))
    window.view.setPalette(palette)  # colours of their own in the background
    select_alpha(window, listed, qtbot)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    assert_painted_as_by_qtreeview(window)


class HoverStyle(QProxyStyle):
    """Fusion, and a red item under the pointer (as some desktops' styles highlight it)."""

    def drawPrimitive(self, element: Any, option: Any, painter: Any, widget: Any = None) -> None:
        if (
            element == QStyle.PrimitiveElement.PE_PanelItemViewItem
            and QStyle.StateFlag.State_MouseOver in option.state
        ):
            painter.fillRect(option.rect, QColor("#ff0000"))
            return
        super().drawPrimitive(element, option, painter, widget)


def test_the_row_under_the_pointer_in_a_style_that_highlights_it(
    window: MainWindow, listed: Connection, qtbot: QtBot
) -> None:
    view = window.view
    style = HoverStyle("Fusion")
    view.setStyle(style)
    view.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
    alpha = view.visualRect(row_of(window, listed, ALPHA, Column.NAME))
    QTest.mouseMove(view.viewport(), alpha.center())
    qtbot.waitUntil(view.viewport().underMouse)
    image = grab(window, True)
    assert image.pixelColor(alpha.center().x(), alpha.center().y() + 1) == QColor("#ff0000")
    assert_painted_as_by_qtreeview(window)


def test_a_style_sheet_leaves_the_rows_to_qtreeview(
    window: MainWindow, listed: Connection, asked_of_domain_rows: list[QModelIndex]
) -> None:
    window.view.setStyleSheet("QTreeView::item { color: #ff0000; }")
    grab(window, True)
    assert asked_of_domain_rows  # its delegates apply the item rules


# ------------------------------------------------------- rows painted ahead

# Enough VMs for several pages; every other one runs, with charts.
LONG_FLEET = numbered_fleet(80, running_every=2)
LONG_RUNNING = tuple(domain_uuid(d.name) for d in LONG_FLEET if d.state == RUNNING)


@pytest.fixture
def long_list(
    window: MainWindow, connect: Callable[[Path], Connection], tmp_path: Path
) -> Connection:
    """80 VMs, 40 of them running with two ticks of statistics, in a short window."""
    connection = connect(write_node(tmp_path / "long.xml", LONG_FLEET))
    window.stats.stop()  # only the fed samples count here
    for second in range(2):
        feed(window.stats, connection, 100.0 + second, cpu_s=second * 0.3,
             used_kib=(300 + second) * 1024, uuids=LONG_RUNNING)
    window.resize(900, 420)
    window.view.viewport().repaint()
    return connection


def page_down(window: MainWindow) -> None:
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.value() + bar.pageStep())


def paint_page_ahead(window: MainWindow, qtbot: QtBot) -> None:
    """Scroll a page down, and wait until the page after it is painted ahead."""
    with qtbot.waitSignal(window.view.painted_ahead):
        page_down(window)
        window.view.viewport().repaint()
    assert window.view.rows_painted_ahead > 10


def row_under_pointer(window: MainWindow) -> set[int]:
    viewport = window.view.viewport()
    if not viewport.underMouse():
        return set()
    return {window.view.indexAt(viewport.mapFromGlobal(QCursor.pos())).row()}


@pytest.fixture
def painted_live(window: MainWindow) -> Iterator[list[int]]:
    """The rows the list paints cell by cell from now on (not copied from a picture)."""
    rows: list[int] = []
    view = window.view
    paint_row = view._paint_row

    def counting(painter: Any, frame: Any, y: int, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("branches", True):  # (not a picture being painted)
            rows.append(args[1].row())
        return paint_row(painter, frame, y, *args, **kwargs)

    view._paint_row = counting  # type: ignore[method-assign]
    yield rows
    del view._paint_row


@pytest.mark.parametrize("branch_lines", [False, True])
def test_the_next_page_is_painted_ahead_and_copied_as_qtreeview_paints_it(
    window: MainWindow, long_list: Connection, qtbot: QtBot, painted_live: list[int],
    branch_lines: bool,
) -> None:
    if branch_lines:
        use_a_style_that_draws_the_branches(window)
    paint_page_ahead(window, qtbot)
    painted_live.clear()
    page_down(window)
    grab(window, True)
    # Every row of the new page came from a picture, but one under the pointer
    # (where an earlier test left it), which is painted as such.
    assert set(painted_live) <= row_under_pointer(window)
    # (The charts in the pictures were drawn directly: so are QTreeView's.)
    assert_painted_as_by_qtreeview(window, charts_drawn_anew=True)


def test_a_row_painted_ahead_that_changed_since_is_painted_anew(
    window: MainWindow, long_list: Connection, qtbot: QtBot, painted_live: list[int]
) -> None:
    paint_page_ahead(window, qtbot)
    view = window.view
    # The page ahead: a tick (announced only for the rows on screen), a selected row.
    feed(window.stats, long_list, 102.0, cpu_s=0.9, used_kib=900 * 1024, uuids=LONG_RUNNING)
    page_down(window)
    top = view.indexAt(view.viewport().rect().topLeft())
    # A VM shut off (a tick announces the running ones of this list to the view).
    selected = next(
        row for row in (top.siblingAtRow(top.row() + n) for n in range(1, 6))
        if row.data(Role.UUID) not in LONG_RUNNING
    )
    view.selectionModel().select(
        selected, QItemSelectionModel.SelectionFlag.Select
        | QItemSelectionModel.SelectionFlag.Rows,
    )
    painted_live.clear()
    assert_painted_as_by_qtreeview(window, charts_drawn_anew=True)
    assert selected.row() in painted_live


def test_the_pictures_are_dropped_when_the_list_is_still(
    window: MainWindow, long_list: Connection, qtbot: QtBot
) -> None:
    paint_page_ahead(window, qtbot)
    qtbot.waitUntil(lambda: window.view.rows_painted_ahead == 0)


def test_a_change_of_the_rows_look_drops_the_pictures(
    window: MainWindow, long_list: Connection, qtbot: QtBot, painted_live: list[int]
) -> None:
    paint_page_ahead(window, qtbot)
    window.view.header().resizeSection(Column.MEMORY, 40)  # "2 GiB" elided
    page_down(window)
    painted_live.clear()
    assert_painted_as_by_qtreeview(window, charts_drawn_anew=True)
    assert painted_live  # painted from scratch
