"""Live statistics in the main window, on libvirt's test driver.

The test driver reports state only (DESIGN.md): ticks run for real, and the
values the list shows are fed to the sampler as synthetic RawSamples.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.stats.reading import DomainCounters, RawSample, StatGroups
from kvmgui.core.units import NO_VALUE
from kvmgui.ui.app import App
from kvmgui.ui.details.window import DetailsWindow
from kvmgui.ui.domain_list_view import SCROLL_QUIET_S
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import COLUMN_TITLES, STATS_COLUMNS, Column, Role
from kvmgui.ui.preferences import PreferencesDialog
from kvmgui.ui.settings import Settings
from kvmgui.ui.stats_poller import StatsPoller
from tests.fleet import domain_uuid, numbered_fleet, write_node
from tests.qt_helpers import run_task

ALPHA = domain_uuid("alpha")  # running, 2 vCPUs, 2 GiB
BRAVO = domain_uuid("bravo")  # shut off
SECOND = 1_000_000_000
TICK_TIMEOUT_MS = 10000


def wait_tick(qtbot: QtBot, poller: StatsPoller, connection: Connection) -> set[str]:
    with qtbot.waitSignal(
        poller.stats_sampled, timeout=TICK_TIMEOUT_MS,
        check_params_cb=lambda c, _uuids: c is connection,
    ) as blocker:
        pass
    assert blocker.args is not None
    uuids: set[str] = blocker.args[1]
    return uuids


def feed(poller: StatsPoller, connection: Connection, t: float, cpu_s: float,
         used_kib: int, uuids: tuple[str, ...] = (ALPHA,)) -> None:
    """A tick's worth of counters for alpha (or ``uuids``), as getAllDomainStats gives them."""
    counters = DomainCounters.from_libvirt({
        "state.state": 1, "cpu.time": int(cpu_s * SECOND), "vcpu.current": 2,
        "balloon.current": 2 * 1024 * 1024, "balloon.rss": used_kib,
    }, run_id=1)
    updated = poller.sampler(connection).apply(
        RawSample(t, dict.fromkeys(uuids, counters))
    )
    poller.stats_sampled.emit(connection, updated)


def polling(window: MainWindow) -> bool:
    return window.stats.active


def row_of(window: MainWindow, connection: Connection, uuid: str, column: int) -> QModelIndex:
    index = window.model.domain_index(connection, uuid, column)
    assert index.isValid()
    return index


@pytest.fixture
def opened(
    window: MainWindow, connect: Callable[[Path], Connection], fleet_file: Path
) -> Connection:
    return connect(fleet_file)


def test_statistics_columns_follow_the_view_menu(
    window: MainWindow, opened: Connection, settings: Settings
) -> None:
    titles = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert titles[Column.MEMORY + 1:Column.NETWORK_IO + 1] == [
        "CPU usage", "Memory usage", "Disk I/O", "Network I/O"]
    view = window.view
    shown = {c for c in STATS_COLUMNS if not view.isColumnHidden(c)}
    assert shown == {Column.CPU_USAGE, Column.MEMORY_USAGE}  # the default
    assert window.stats.wanted(opened) == (StatGroups.CPU | StatGroups.MEMORY, False)

    window.stats_columns.actions[Column.DISK_IO].trigger()
    window.stats_columns.actions[Column.CPU_USAGE].trigger()
    assert not view.isColumnHidden(Column.DISK_IO)
    assert view.isColumnHidden(Column.CPU_USAGE)
    assert settings.stats_columns() == StatGroups.MEMORY | StatGroups.DISK
    assert window.stats.wanted(opened) == (StatGroups.MEMORY | StatGroups.DISK, False)
    menu_texts = [a.text() for a in window.stats_columns.actions.values()]
    assert menu_texts == [f"{COLUMN_TITLES[Column(c)]} Column" for c in STATS_COLUMNS]


def test_columns_shown_come_from_the_settings(
    app: App, settings: Settings, qtbot: QtBot
) -> None:
    settings.set_stats_columns(StatGroups.NETWORK)
    main = MainWindow(app)
    qtbot.addWidget(main)
    hidden = {c for c in STATS_COLUMNS if main.view.isColumnHidden(c)}
    assert hidden == {Column.CPU_USAGE, Column.MEMORY_USAGE, Column.DISK_IO}


def test_a_tick_announces_the_changed_rows_on_screen(
    window: MainWindow, opened: Connection, qtbot: QtBot
) -> None:
    wait_tick(qtbot, window.stats, opened)  # the first tick: running ones seen
    parent = window.model.connection_index(opened)
    assert window.stats_columns.rows_on_screen(parent) == range(5)
    ranges: list[tuple[QModelIndex, QModelIndex]] = []
    window.model.dataChanged.connect(lambda top, bottom, _roles: ranges.append((top, bottom)))
    uuids = wait_tick(qtbot, window.stats, opened)
    # alpha and echo run, charlie is paused: state only on the test driver.
    assert uuids == {ALPHA, domain_uuid("charlie"), domain_uuid("echo")}
    assert all(top.parent() == parent and bottom.parent() == parent for top, bottom in ranges)
    assert [(top.row(), top.column(), bottom.row(), bottom.column()) for top, bottom in ranges] == [
        (row, min(STATS_COLUMNS), row, max(STATS_COLUMNS)) for row in (0, 2, 4)
    ]

    # Rows off screen are not announced: they are painted anew when they scroll in.
    window.view.collapse(parent)
    assert window.stats_columns.rows_on_screen(parent) == range(0)
    ranges.clear()
    wait_tick(qtbot, window.stats, opened)
    assert ranges == []


def test_sparkline_data_from_fed_samples(
    window: MainWindow, opened: Connection, qtbot: QtBot
) -> None:
    window.stats.stop()  # only the fed samples count here
    for second in range(4):
        feed(window.stats, opened, 100.0 + second, cpu_s=second * 0.5,
             used_kib=(512 + second) * 1024)
    cpu = row_of(window, opened, ALPHA, Column.CPU_USAGE)
    history = cpu.data(Role.STATS_SHOWN).values
    # 0.5 s of CPU per second over 2 vCPUs: 25 %; no rate for the first sample.
    assert math.isnan(history[0]) and list(history[1:]) == pytest.approx([25.0] * 3)
    assert cpu.data() == "25 %"
    memory = row_of(window, opened, ALPHA, Column.MEMORY_USAGE)
    assert memory.data() == "515 MiB"
    assert memory.data(Role.STATS_MAXIMUM) == 2 * 1024 * 1024
    assert memory.data(Role.STATS_SHOWN).values[-1] == (512 + 3) * 1024
    # Not read (no disk column shown): no value, yet no error.
    assert row_of(window, opened, ALPHA, Column.DISK_IO).data() == NO_VALUE
    stopped = row_of(window, opened, BRAVO, Column.CPU_USAGE)
    assert stopped.data() == NO_VALUE and stopped.data(Role.STATS_SHOWN).values is None
    # The delegate paints it (a Qt warning would fail the test).
    window.view.viewport().grab()


class CountingLock:
    """Counts the times a sampler's lock is taken."""

    def __init__(self, lock: object) -> None:
        self._lock = lock
        self.taken = 0

    def __enter__(self) -> object:
        self.taken += 1
        return self._lock.__enter__()  # type: ignore[attr-defined]

    def __exit__(self, *details: object) -> None:
        self._lock.__exit__(*details)  # type: ignore[attr-defined]


def test_list_values_are_read_once_per_tick_that_changes_them(
    window: MainWindow, opened: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.stats.stop()  # only the fed samples count here
    for second in range(2):
        feed(window.stats, opened, 100.0 + second, cpu_s=second * 0.5, used_kib=512 * 1024)
    sampler = window.stats.sampler(opened)
    lock = CountingLock(sampler.lock)
    monkeypatch.setattr(sampler, "lock", lock)
    cpu = row_of(window, opened, ALPHA, Column.CPU_USAGE)
    assert cpu.data() == "25 %"
    taken = lock.taken
    for _repaint in range(3):
        assert cpu.data() == "25 %"
        assert cpu.data(Role.STATS_SHOWN).values[-1] == pytest.approx(25.0)
    # Repaints between ticks wait for no tick that holds the lock.
    assert lock.taken == taken
    feed(window.stats, opened, 102.0, cpu_s=1.5, used_kib=512 * 1024)  # 1 s of CPU: 50 %
    assert cpu.data() == "50 %"
    assert cpu.data(Role.STATS_SHOWN).values[-1] == pytest.approx(50.0)


def test_polling_stops_while_minimized(
    window: MainWindow, opened: Connection, qtbot: QtBot
) -> None:
    assert polling(window)
    window.showMinimized()
    qtbot.waitUntil(lambda: not polling(window))
    window.showNormal()
    qtbot.waitUntil(lambda: polling(window))
    wait_tick(qtbot, window.stats, opened)


def test_details_performance_tab_reads_every_group_while_shown(
    window: MainWindow, opened: Connection, qtbot: QtBot
) -> None:
    window.view.setCurrentIndex(row_of(window, opened, ALPHA, Column.NAME))
    window.open_selected()
    details = window.details_window(opened.uri, ALPHA)
    assert isinstance(details, DetailsWindow) and details.performance is not None
    qtbot.waitExposed(details)
    list_only = (StatGroups.CPU | StatGroups.MEMORY, False)
    assert window.stats.wanted(opened) == list_only  # Overview is the current tab
    details.tabs.setCurrentWidget(details.performance)
    assert window.stats.wanted(opened) == (StatGroups.ALL, False)

    # The main window minimized, the visible graphs keep their connection polled.
    window.showMinimized()
    qtbot.waitUntil(lambda: window.stats.wanted(opened) == (StatGroups.ALL, False))
    assert polling(window)
    wait_tick(qtbot, window.stats, opened)
    details.tabs.setCurrentWidget(details.overview)
    assert not polling(window)
    details.tabs.setCurrentWidget(details.performance)
    details.close()
    assert not polling(window)
    window.showNormal()
    qtbot.waitUntil(lambda: window.stats.wanted(opened) == list_only)


def test_ticks_do_not_overlap(window: MainWindow, opened: Connection, qtbot: QtBot) -> None:
    wait_tick(qtbot, window.stats, opened)
    skipped = window.stats.skipped_ticks
    window.stats.on_tick()
    window.stats.on_tick()  # the first is still in the pool
    assert window.stats.skipped_ticks == skipped + 1
    wait_tick(qtbot, window.stats, opened)


def test_preferences_set_the_interval(
    window: MainWindow, settings: Settings, qtbot: QtBot
) -> None:
    assert settings.stats_interval() == window.stats.interval == 1.0
    window.preferences_action.trigger()
    dialog = window.findChild(PreferencesDialog)
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.tabs.tabText(0) == "Statistics"
    spin = dialog.statistics.interval
    assert (spin.minimum(), spin.maximum()) == (0.5, 10.0)
    spin.setValue(2.5)
    with qtbot.waitSignal(dialog.preferences_changed):
        dialog.buttons.accepted.emit()
    assert settings.stats_interval() == window.stats.interval == 2.5


def test_interval_setting_is_bounded(settings: Settings) -> None:
    settings.set_stats_interval(0.1)
    assert settings.stats_interval() == 0.5
    settings.set_stats_interval(60)
    assert settings.stats_interval() == 10.0


def test_host_overview_asks_for_the_host(
    window: MainWindow, opened: Connection, qtbot: QtBot
) -> None:
    window.host_overview_action.trigger()
    host = window.host_window(opened.uri)
    assert host is not None
    qtbot.waitExposed(host)
    assert window.stats.wanted(opened)[1] is True
    wait_tick(qtbot, window.stats, opened)
    host.close()
    assert window.stats.wanted(opened)[1] is False


def test_statistics_columns_are_not_sortable(window: MainWindow, opened: Connection) -> None:
    header = window.view.header()
    window.view.sortByColumn(Column.MEMORY, Qt.SortOrder.DescendingOrder)
    first = window.model.index(0, Column.NAME, window.model.connection_index(opened)).data()
    header.setSortIndicator(Column.CPU_USAGE, Qt.SortOrder.AscendingOrder)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.MEMORY, Qt.SortOrder.DescendingOrder
    )
    assert window.model.index(0, Column.NAME, window.model.connection_index(opened)).data() == first


def test_removed_domain_history_is_forgotten(
    window: MainWindow, opened: Connection, qtbot: QtBot, loop: asyncio.AbstractEventLoop
) -> None:
    wait_tick(qtbot, window.stats, opened)
    sampler = window.stats.sampler(opened)
    assert ALPHA in sampler.history

    def undefine(conn: object) -> None:
        dom = conn.lookupByUUIDString(ALPHA)  # type: ignore[attr-defined]
        dom.destroy()
        dom.undefine()

    # The store drops it before the change set reaches the GUI: wait for that.
    with qtbot.waitSignal(
        window.manager.domains_changed, timeout=TICK_TIMEOUT_MS,
        check_params_cb=lambda _c, changes: ALPHA in changes.removed,
    ):
        run_task(qtbot, loop, opened.call("undefine", undefine))
    assert ALPHA not in sampler.history
    wait_tick(qtbot, window.stats, opened)  # a tick that read it before it went adds nothing
    assert ALPHA not in sampler.history


def test_rows_on_screen_follow_the_scroll(
    window: MainWindow, connect: Callable[[Path], Connection], tmp_path: Path
) -> None:
    connection = connect(write_node(tmp_path / "fleet.xml", numbered_fleet(300)))
    view = window.view
    parent = window.model.connection_index(connection)
    view.scrollTo(window.model.index(150, 0, parent))
    shown = window.stats_columns.rows_on_screen(parent)
    assert 150 in shown and 0 < len(shown) < 300
    viewport = view.viewport()
    top = view.indexAt(viewport.rect().topLeft())
    bottom = view.indexAt(viewport.rect().bottomLeft())
    assert (shown.start, shown.stop - 1) == (top.row(), bottom.row())


def test_no_tick_starts_while_the_list_scrolls(
    window: MainWindow, connect: Callable[[Path], Connection], tmp_path: Path, qtbot: QtBot
) -> None:
    connection = connect(write_node(tmp_path / "fleet.xml", numbered_fleet(300)))
    poller = window.stats
    wait_tick(qtbot, poller, connection)
    poller.set_interval(60.0)  # no regular tick in the test: only the one held
    bar = window.view.verticalScrollBar()
    assert bar.maximum() > 0
    held = poller.held_ticks
    bar.setValue(bar.value() + 3)  # the list scrolls: a tick due now waits
    scrolled = time.monotonic()
    poller.on_tick()
    assert poller.held_ticks == held + 1
    # It runs once the list has been still for SCROLL_QUIET_S.
    with qtbot.waitSignal(poller.stats_sampled, timeout=TICK_TIMEOUT_MS):
        pass
    assert time.monotonic() - scrolled >= SCROLL_QUIET_S
