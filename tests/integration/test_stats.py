"""Live statistics of a real tiny guest on qemu:///system, read by the app's poller."""

from __future__ import annotations

import libvirt
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainState
from kvmgui.core.stats.rates import DomainRates
from kvmgui.core.stats.reading import StatGroups
from kvmgui.core.stats.sampler import SLOW_GROUP_PERIODS
from kvmgui.core.units import NO_VALUE
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import STATS_COLUMNS, Column
from tests.integration.conftest import GuestFactory
from tests.qt_helpers import open_connection, wait_for_state
from tests.system import SYSTEM_URI

# Ticks are 1 s; allow for two shared cores and a busy daemon.
TICK_TIMEOUT_MS = 15000
STATE_TIMEOUT_MS = 30000
# Disk is read once per its slow period (5 s): a rate needs two readings, so
# a look must span more than one period at the 1 s interval.
TICKS = 2 + int(SLOW_GROUP_PERIODS[StatGroups.DISK])


def collect(window: MainWindow, connection: Connection, uuid: str, qtbot: QtBot,
            count: int = TICKS) -> list[DomainRates]:
    """The domain's rates at each of the next ``count`` ticks that read it."""
    sampler = window.stats.sampler(connection)
    rates: list[DomainRates] = []
    while len(rates) < count:
        with qtbot.waitSignal(
            window.stats.stats_sampled, timeout=TICK_TIMEOUT_MS,
            check_params_cb=lambda c, uuids: c is connection and uuid in uuids,
        ):
            pass
        latest = sampler.latest(uuid)
        if latest is not None:
            rates.append(latest)
    return rates


def assert_sane(rates: list[DomainRates], memory_kib: int) -> None:
    for tick in rates:
        for value in (tick.cpu_guest_percent, tick.cpu_host_percent):
            assert value is None or 0.0 <= value <= 100.0
        for rate in (tick.disk_read_bps, tick.disk_write_bps, tick.net_rx_bps, tick.net_tx_bps):
            assert rate is None or 0.0 <= rate < 1e9  # not a spike from a counter reset
        used = tick.memory_used_kib
        assert used is None or 0 < used <= memory_kib
    # NOWAIT skips the balloon while the domain's monitor is busy (a start,
    # another client's job): a tick may lack it, not every tick.
    assert any(tick.memory_used_kib for tick in rates)


def test_live_statistics_of_a_real_guest(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory, system: libvirt.virConnect,
) -> None:
    for column in (Column.DISK_IO, Column.NETWORK_IO):  # every group, on a real daemon
        window.stats_columns.actions[column].trigger()
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    dom = guests.define("stats", with_disk=False)
    uuid = dom.UUIDString()
    dom.create()
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.RUNNING,
                   STATE_TIMEOUT_MS)
    _state, _max_memory, memory_kib, vcpus, _cpu = dom.info()

    rates = collect(window, connection, uuid, qtbot)
    assert_sane(rates, memory_kib)
    cpu = [r.cpu_guest_percent for r in rates if r.cpu_guest_percent is not None]
    assert len(cpu) >= TICKS - 1  # only the first sample has no rate
    assert all(0.0 <= value <= 100.0 * vcpus for value in cpu)
    assert any(value > 0.0 for value in cpu)  # a booting TCG guest is busy
    # Its CD-ROM and NIC are counted.
    assert any(r.disk_read_bps is not None for r in rates)
    assert any(r.net_rx_bps is not None for r in rates)
    # What the list shows.
    for stats_column in STATS_COLUMNS:
        index = window.model.domain_index(connection, uuid, stats_column)
        assert index.isValid() and index.data() != NO_VALUE

    # Restarted (a new QEMU, counters from zero): no rate across it, then sane ones.
    dom.destroy()
    dom.create()
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.RUNNING,
                   STATE_TIMEOUT_MS)
    after = collect(window, connection, uuid, qtbot)
    assert_sane(after, memory_kib)
    assert any(r.cpu_guest_percent for r in after)

    # Reset (same QEMU, counters go on).
    dom.reset()
    assert_sane(collect(window, connection, uuid, qtbot), memory_kib)
