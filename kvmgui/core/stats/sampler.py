"""One connection's statistics tick: read, compute rates, record the history.

The shape of one tick, per connection::

    updated = await conn.call("read statistics", partial(sampler.tick, groups=groups))

:meth:`StatsSampler.tick` reads (:func:`~kvmgui.core.stats.reading.sample`,
:func:`~kvmgui.core.stats.reading.host_sample`) and applies the rates and
history in the connection's pool, so the caller's (GUI) thread only learns
which domains changed: its work does not grow with the fleet. Readers on
other threads hold :attr:`StatsSampler.lock` while they read the history.
Scheduling (the interval timer) belongs to the UI.
"""

from __future__ import annotations

import functools
import math
import threading
import time
from functools import partial

import libvirt

from kvmgui.core.gui_priority import step_aside
from kvmgui.core.stats.history import DEFAULT_CAPACITY, HOST_KEY, StatsHistory
from kvmgui.core.stats.rates import DomainRates, HostRates, Metric, RateCalculator
from kvmgui.core.stats.reading import (
    PER_DOMAIN_GROUPS,
    RECORDS_PER_CALL,
    HostCounters,
    RawSample,
    StatGroups,
    host_cpu_count,
    host_sample,
    sample,
)

#: Groups that libvirt reads through each QEMU's monitor (a job and a round
#: trip per domain, about 1.8 ms of QEMU's CPU and 0.6 ms of libvirtd's for
#: the balloon or the disks): read at most once per period (seconds), their
#: last values carried over in between. CPU and network come from /proc and
#: are read at every tick (benchmarks/RESULTS.md, bench_stats).
SLOW_GROUP_PERIODS = {StatGroups.MEMORY: 10.0, StatGroups.DISK: 5.0}
#: A paused domain's vCPUs do not run and its devices do no I/O: its CPU
#: is read once per this period, its memory and disk once when it pauses (each
#: read pokes its QEMU, whose CPU time would then move), and all of them at
#: once when its state changes; their last values are carried over in between.
PAUSED_PERIODS = {StatGroups.CPU: 10.0, StatGroups.MEMORY: math.inf, StatGroups.DISK: math.inf}
#: Domains whose history one hold of the lock appends (see apply()).
APPLY_SLICE = 100
_PAUSED = libvirt.VIR_DOMAIN_PAUSED


class StatsSampler:
    """Rates and history for one connection; Qt-free, fed by the caller's timer.

    :meth:`tick` does a whole tick (blocking: run it in the connection's
    pool). Every method takes :attr:`lock`; a reader on another thread that
    reads several things that must agree (times and values of a series) holds
    it around them. A tick appends to the history a slice of domains at a time:
    each domain's series is whole when read, but during a tick some domains may
    have its point and others not yet.
    """

    def __init__(
        self, host_cpus: int | None = None, capacity: int = DEFAULT_CAPACITY,
        *, shown_points: int | None = None,
    ) -> None:
        self.lock = threading.RLock()
        # A window of this many newest points (the list's sparklines) looks the
        # same after a tick when the last shown_points + 1 values are one value.
        self._unchanged_after = None if shown_points is None else shown_points + 1
        self.calculator = RateCalculator(host_cpus)
        self.history = StatsHistory(capacity)
        self.host_history = StatsHistory(
            capacity, (Metric.CPU_HOST, Metric.MEMORY_USED, Metric.MEMORY_TOTAL)
        )
        self._latest: dict[str, DomainRates] = {}
        # When each domain was forgotten: a sample read before then is stale for it.
        self._forgotten: dict[str, float] = {}
        self.host_latest: HostRates | None = None
        # Per per-domain group, when each domain was last read; the state and
        # run each domain had then.
        self._read_at: dict[StatGroups, dict[str, float]] = {
            group: {} for group in PER_DOMAIN_GROUPS
        }
        self._seen: dict[str, tuple[int | None, int | None]] = {}
        # Per groups asked: each per-domain group's value, period and _read_at.
        self._periods: dict[StatGroups, list[tuple[int, float, float, dict[str, float]]]] = {}
        self._info_cpu_is_real = True
        # Whether the last tick read more than RECORDS_PER_CALL domains (see sample()).
        self._large = False

    @property
    def host_cpus(self) -> int | None:
        return self.calculator.host_cpus

    @host_cpus.setter
    def host_cpus(self, value: int | None) -> None:
        self.calculator.host_cpus = value

    def tick(
        self,
        conn: libvirt.virConnect,
        groups: StatGroups,
        *,
        host: bool = False,
    ) -> set[str]:
        """Read every running domain (and the host if asked), then :meth:`apply` it."""
        if self.host_cpus is None:
            self.host_cpus = host_cpu_count(conn)
            self._info_cpu_is_real = conn.getType() != "TEST"
        for group in PER_DOMAIN_GROUPS & ~groups:
            self._read_at[group].clear()  # asked again later: read at once
        now = time.monotonic()
        raw = sample(
            conn, groups, info_cpu_is_real=self._info_cpu_is_real,
            due=partial(self.due, now=now, groups=groups), large=self._large,
        )
        self._large = len(raw.domains) > RECORDS_PER_CALL
        host_counters = host_sample(conn) if host else None
        self.apply_host(host_counters)
        return self.apply(raw)

    def due(
        self, uuid: str, state: int | None, run_id: int | None, *,
        now: float, groups: StatGroups = PER_DOMAIN_GROUPS,
    ) -> StatGroups:
        """Which of ``groups`` to read of a domain at ``now``: each once per its
        period (every tick for CPU; :data:`PAUSED_PERIODS` while it is paused),
        and all of them when its state or run changed."""
        if self._seen.get(uuid) != (state, run_id):
            self._seen[uuid] = (state, run_id)
            for read_at in self._read_at.values():
                read_at.pop(uuid, None)
        paused = state == _PAUSED
        due = 0
        periods = self._periods.get(groups)
        if periods is None:
            periods = self._periods[groups] = [
                (group.value, SLOW_GROUP_PERIODS.get(group, 0.0), PAUSED_PERIODS[group],
                 self._read_at[group])
                for group in PER_DOMAIN_GROUPS if group in groups
            ]
        for value, period, paused_period, read_at in periods:
            if now - read_at.get(uuid, -math.inf) >= (paused_period if paused else period):
                read_at[uuid] = now
                due |= value
        return _GROUPS[due]

    def apply(self, raw: RawSample) -> set[str]:
        """Take one sample; return the UUIDs whose shown statistics changed.

        That is the domains in ``raw`` (less, with ``shown_points``, those whose
        last ``shown_points`` + 1 values of every metric are the same: a window
        of their newest ``shown_points`` did not move) and those that were
        running at the previous sample and are no longer (their :meth:`latest`
        is now None; their history is kept until :meth:`forget`). A group not
        read of a domain this time keeps its last values.
        """
        # The rates are the tick's own (only ticks use the calculator): worked
        # out before the lock is taken.
        rates = self.calculator.update(raw)
        with self.lock:
            for uuid, when in list(self._forgotten.items()):
                if when > raw.timestamp:
                    rates.pop(uuid, None)  # read before it was undefined
                else:
                    del self._forgotten[uuid]
            vanished = self._latest.keys() - rates.keys()
            for uuid in vanished:
                self._seen.pop(uuid, None)
                for read_at in self._read_at.values():
                    read_at.pop(uuid, None)
        # The history takes a slice of domains at a time under the lock: a reader
        # on the GUI thread (a cell scrolled into view) waits for one slice, not
        # for the whole fleet (10,000 test-driver domains: 24-38 ms a tick, and
        # a scrolled frame waited that long; benchmarks/RESULTS.md).
        items = list(rates.items())
        for start in range(0, len(items), APPLY_SLICE):
            step_aside()
            with self.lock:
                for uuid, domain_rates in items[start : start + APPLY_SLICE]:
                    if uuid in self._forgotten:  # forgotten since the lock was last held
                        del rates[uuid]
                        continue
                    rates[uuid] = self._append(uuid, domain_rates, raw)
        with self.lock:
            self._latest = rates
            changed = set(rates) | vanished
            if self._unchanged_after is not None:
                changed -= self.history.unchanged(rates.keys(), self._unchanged_after)
            return changed

    def _append(self, uuid: str, domain_rates: DomainRates, raw: RawSample) -> DomainRates:
        """Record a domain's rates of ``raw``, those of the groups not read carried
        over from the last tick, and return what was recorded."""
        previous = self._latest.get(uuid)
        counters = raw.domains[uuid]
        unread = _unread(counters.read)
        if previous is not None and unread != (False, False, False):
            domain_rates = _carry_over(
                domain_rates, previous, *unread, paused=counters.state == _PAUSED
            )
        self.history.append(uuid, domain_rates.timestamp, domain_rates.metrics())
        return domain_rates

    def apply_host(self, host: HostCounters | None) -> HostRates | None:
        if host is None:
            return None
        with self.lock:
            rates = self.calculator.update_host(host)
            self.host_history.append(HOST_KEY, rates.timestamp, rates.metrics())
            self.host_latest = rates
            return rates

    def latest(self, uuid: str) -> DomainRates | None:
        """The last tick's rates of a running domain (None when it is not running)."""
        with self.lock:
            return self._latest.get(uuid)

    def forget(self, uuid: str) -> None:
        """Drop a domain's history (it was undefined)."""
        with self.lock:
            self.history.forget(uuid)
            self._latest.pop(uuid, None)
            self._seen.pop(uuid, None)
            for read_at in self._read_at.values():
                read_at.pop(uuid, None)
            # A tick may have read it before it went, and apply after this.
            self._forgotten[uuid] = time.monotonic()


#: Every StatGroups by value: StatGroups(value) costs a microsecond.
_GROUPS = {group.value: group for group in map(StatGroups, range(StatGroups.ALL.value + 1))}


@functools.cache
def _unread(read: StatGroups) -> tuple[bool, bool, bool]:
    """Whether CPU, memory and disk were left unread."""
    return (StatGroups.CPU not in read, StatGroups.MEMORY not in read,
            StatGroups.DISK not in read)


def _carry_over(
    rates: DomainRates, previous: DomainRates, cpu: bool, memory: bool, disk: bool,
    *, paused: bool,
) -> DomainRates:
    """Rates of a tick that did not read ``cpu``, ``memory`` or ``disk`` keep
    their last values of them; a ``paused`` domain's CPU is 0 (its vCPUs do not
    run), not the rate of the second in which it paused."""
    carried = previous if cpu else rates
    cpu_host, cpu_guest = carried.cpu_host_percent, carried.cpu_guest_percent
    if cpu and paused:
        # 0 where a rate was known; none stays none (a driver without CPU times).
        cpu_host = None if cpu_host is None else 0.0
        cpu_guest = None if cpu_guest is None else 0.0
    kept_memory = previous if memory else rates
    kept_disk = previous if disk else rates
    return DomainRates(
        rates.timestamp, cpu_host, cpu_guest,
        kept_memory.memory_used_kib, kept_memory.memory_total_kib,
        kept_disk.disk_read_bps, kept_disk.disk_write_bps, rates.net_rx_bps, rates.net_tx_bps,
    )
