"""When to sample live statistics, and for whom: the Qt side of kvmgui.core.stats.

One :class:`StatsPoller` serves every connection. Widgets that show statistics
hold a :class:`StatsDemand`, which asks for what they show (the statistics
groups, the host) while they are on screen; the poller ticks only while some
demand is active, and each tick reads only the union of what is asked. A tick
is one :meth:`StatsSampler.tick <kvmgui.core.stats.sampler.StatsSampler.tick>` per
connection in the connection's pool (rates and history included), so the GUI
thread receives only ``stats_sampled(connection, uuids)``.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from kvmgui.core.connection import Connection, ConnectionState, DomainChanges
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.stats.rates import Metric
from kvmgui.core.stats.reading import StatGroups
from kvmgui.core.units import NO_VALUE, format_kib, format_percent, format_rate
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.i18n import translate
from kvmgui.ui.ops import cancel_with, in_worker
from kvmgui.ui.widgets.sparkline import ChartedValue

if TYPE_CHECKING:
    from kvmgui.core.stats.sampler import StatsSampler

log = logging.getLogger(__name__)

#: Points a list sparkline shows: one minute at the default interval.
SPARKLINE_POINTS = 60
#: Domains whose list values are kept between ticks, per connection: the rows
#: painted lately (a screenful or a few); past this the memo starts afresh.
SHOWN_MEMO_LIMIT = 1000


# What a list cell shows of a domain: its newest value as text and its recent
# values (None when it is not running).
_NOT_RUNNING = ChartedValue(NO_VALUE, None)


@dataclass(frozen=True)
class StatsSeries:
    """What one list column shows of a group: the sum of ``metrics``, formatted."""

    metrics: tuple[Metric, ...]
    format: Callable[[float | None], str]


#: The list column of each statistics group, in column order.
LIST_SERIES: dict[StatGroups, StatsSeries] = {
    StatGroups.CPU: StatsSeries((Metric.CPU_GUEST,), format_percent),
    StatGroups.MEMORY: StatsSeries((Metric.MEMORY_USED,), format_kib),
    StatGroups.DISK: StatsSeries((Metric.DISK_READ, Metric.DISK_WRITE), format_rate),
    StatGroups.NETWORK: StatsSeries((Metric.NET_RX, Metric.NET_TX), format_rate),
}


class StatsPoller(QObject):
    """Samples every connection at the interval while some widget asks for statistics.

    A connection's tick is skipped while its previous one still runs (a slow
    daemon must not pile up calls).
    """

    # Connection, set[str]: the UUIDs whose list values (text or sparkline) changed
    stats_sampled = Signal(object, object)

    def __init__(
        self, manager: ConnectionManager, interval: float, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._manager = manager
        self._samplers: dict[Connection, StatsSampler] = {}
        self._demands: set[StatsDemand] = set()
        self._in_flight: set[Connection] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._logged_errors: dict[Connection, str] = {}
        # Per connection, UUID and group: what the list shows, read once after
        # each tick that changed it. A repaint then neither reads the history
        # again nor waits while the next tick holds the sampler's lock.
        self._shown: dict[Connection, dict[tuple[str, StatGroups], ChartedValue]] = {}
        self.skipped_ticks = 0
        # Ticks put off while the list scrolled (hold_ticks), and when they may run.
        self.held_ticks = 0
        self._held_until = 0.0
        self._held_tick = QTimer(self)
        self._held_tick.setSingleShot(True)
        self._timer = QTimer(self)
        self._timer.setInterval(round(interval * 1000))
        self._connect_signals()

    def _connect_signals(self) -> None:
        # Before any view's slot: the values they read next must be the new ones.
        self.stats_sampled.connect(self._forget_shown)
        self._timer.timeout.connect(self.on_tick)
        self._held_tick.timeout.connect(self.on_tick)
        self._manager.connection_removed.connect(self.on_connection_removed)
        self._manager.connection_state_changed.connect(self.on_connection_state_changed)
        self._manager.domains_changed.connect(self.on_domains_changed)

    # -------------------------------------------------------------- demand

    @property
    def interval(self) -> float:
        return self._timer.interval() / 1000

    def set_interval(self, seconds: float) -> None:
        self._timer.setInterval(round(seconds * 1000))

    @property
    def active(self) -> bool:
        """Whether ticks are scheduled (some demand is active)."""
        return self._timer.isActive()

    def wanted(self, connection: Connection) -> tuple[StatGroups, bool]:
        """The groups and whether the host is read at ``connection``'s next tick."""
        groups, host = StatGroups.NONE, False
        for demand in self._demands:
            if demand.connection is None or demand.connection is connection:
                groups |= demand.groups
                host = host or demand.host
        return groups, host

    def activate(self, demand: StatsDemand) -> None:
        self._demands.add(demand)
        if not self._timer.isActive():
            self._timer.start()
            self.on_tick()  # what just appeared should not wait a whole interval

    def withdraw(self, demand: StatsDemand) -> None:
        self._demands.discard(demand)
        if not self._demands:
            self._timer.stop()
            self._held_tick.stop()

    def hold_ticks(self, seconds: float) -> None:
        """Start no tick for ``seconds`` from now; one that falls due meanwhile
        starts when they have passed. The list holds the ticks while it scrolls:
        at thousands of VMs a tick's read, in the pool, shares the GIL and the
        machine's cores with the frames (benchmarks/RESULTS.md, issue 13,
        "Seventh pass"), and the rows flying past need no fresher values."""
        self._held_until = max(self._held_until, time.monotonic() + seconds)

    # ---------------------------------------------------------------- data

    def sampler(self, connection: Connection) -> StatsSampler:
        sampler = self._samplers.get(connection)
        if sampler is None:
            sampler = self._samplers[connection] = new_sampler()
        return sampler

    def current_text(self, connection: Connection, uuid: str, group: StatGroups) -> str:
        """A running domain's newest value of a list column, as text."""
        return self.shown(connection, uuid, group).text

    def shown(self, connection: Connection, uuid: str, group: StatGroups) -> ChartedValue:
        """What a list column shows of a domain: its newest value as text and,
        while it runs, its last SPARKLINE_POINTS values."""
        shown = self._shown.setdefault(connection, {})
        values = shown.get((uuid, group))
        if values is None:
            values = shown[(uuid, group)] = self._read_shown(connection, uuid, group)
        return values

    def _read_shown(self, connection: Connection, uuid: str, group: StatGroups) -> ChartedValue:
        sampler = self._samplers.get(connection)
        if sampler is None:
            return _NOT_RUNNING
        metrics = LIST_SERIES[group].metrics
        history = sampler.history
        with sampler.lock:
            if sampler.latest(uuid) is None:
                return _NOT_RUNNING
            series = [history.values(uuid, metric, SPARKLINE_POINTS) for metric in metrics]
            latest = [history.latest(uuid, metric) for metric in metrics]
        # The series are aligned: a sum of two is their sum point by point.
        values = (
            series[0] if len(series) == 1 else [sum(point) for point in zip(*series, strict=True)]
        )
        known = [v for v in latest if v is not None]
        return ChartedValue(LIST_SERIES[group].format(sum(known) if known else None), values)

    @Slot(object, object)
    def _forget_shown(self, connection: Connection, uuids: set[str]) -> None:
        shown = self._shown.get(connection)
        if not shown:
            return
        if len(shown) > SHOWN_MEMO_LIMIT:
            shown.clear()
            return
        for key in [key for key in shown if key[0] in uuids]:
            del shown[key]

    # --------------------------------------------------------------- ticks

    @Slot()
    def on_tick(self) -> None:
        held_for = self._held_until - time.monotonic()
        if held_for > 0:
            self.held_ticks += 1
            self._held_tick.start(math.ceil(held_for * 1000))
            return
        for connection in self._manager.connections():
            if connection.state is not ConnectionState.CONNECTED:
                continue
            groups, host = self.wanted(connection)
            if not groups and not host:
                continue
            if connection in self._in_flight:
                self.skipped_ticks += 1
                continue
            self._in_flight.add(connection)
            task = asyncio.get_running_loop().create_task(self._tick(connection, groups, host))
            # Not an OpRunner op: a tick a second would flood its `finished`,
            # and a failed tick is not news for the message bar (the connection
            # state says it); it is logged once. Like an op, it ends with the poller.
            cancel_with(self, task)
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _tick(self, connection: Connection, groups: StatGroups, host: bool) -> None:
        try:
            sampler = self._samplers.get(connection)
            if sampler is None:
                # The first sampler imports libvirt's bindings and the XML model:
                # not on the GUI thread.
                created = await in_worker(new_sampler)
                if connection.state is not ConnectionState.CONNECTED or (
                    self._manager.get(connection.uri) is not connection
                ):
                    return  # gone or lost while the sampler was made
                sampler = self._samplers.setdefault(connection, created)
            updated = await connection.call(
                translate("stats_poller", "read statistics"),
                partial(sampler.tick, groups=groups, host=host),
            )
        except LibvirtCallError as err:
            if self._logged_errors.get(connection) != err.message:
                self._logged_errors[connection] = err.message
                log.warning("statistics of %s: %s", connection.uri, err)
            return
        finally:
            self._in_flight.discard(connection)
        self._logged_errors.pop(connection, None)
        if self._samplers.get(connection) is sampler:  # not forgotten while the pool read
            self.stats_sampled.emit(connection, updated)

    def stop(self) -> None:
        """Stop ticking and cancel the ticks that run (on shutdown)."""
        self._timer.stop()
        self._held_tick.stop()
        for task in list(self._tasks):
            task.cancel()

    # --------------------------------------------------------------- slots

    @Slot(object)
    def on_connection_removed(self, connection: Connection) -> None:
        self._samplers.pop(connection, None)
        self._shown.pop(connection, None)
        self._logged_errors.pop(connection, None)

    @Slot(object)
    def on_connection_state_changed(self, connection: Connection) -> None:
        if connection.state is not ConnectionState.CONNECTED:
            # Values of a lost connection would be stale: start afresh on reconnect.
            self._samplers.pop(connection, None)
            self._shown.pop(connection, None)

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        sampler = self._samplers.get(connection)
        if sampler is not None:
            for uuid in changes.removed:
                sampler.forget(uuid)
            self._forget_shown(connection, set(changes.removed))


def new_sampler() -> StatsSampler:
    # Imported with the first sampler, not before the window's first paint.
    from kvmgui.core.stats.sampler import StatsSampler

    return StatsSampler(shown_points=SPARKLINE_POINTS)


class StatsDemand(QObject):
    """Asks ``poller`` for ``groups`` (and the host) while ``widget`` is on screen:
    shown, and its window not minimized. ``connection`` None means every one."""

    def __init__(
        self,
        poller: StatsPoller,
        widget: QWidget,
        groups: StatGroups,
        connection: Connection | None = None,
        *,
        host: bool = False,
    ) -> None:
        super().__init__(widget)
        self.poller = poller
        self.widget = widget
        self.groups = groups
        self.connection = connection
        self.host = host
        self._watched_window: QWidget | None = None
        widget.installEventFilter(self)
        self.update()

    def set_groups(self, groups: StatGroups) -> None:
        self.groups = groups
        self.update()

    @property
    def on_screen(self) -> bool:
        return self.widget.isVisible() and not self.widget.window().isMinimized()

    def update(self) -> None:
        window = self.widget.window()
        if window is not self._watched_window and window is not self.widget:
            # Minimizing changes the window's state, not the widget's visibility.
            if self._watched_window is not None:
                self._watched_window.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched_window = window
        if self.on_screen and (self.groups or self.host):
            self.poller.activate(self)
        else:
            self.poller.withdraw(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.WindowStateChange):
            self.update()
        return False
