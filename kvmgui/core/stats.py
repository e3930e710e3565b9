"""Live statistics: bulk sampling, rates, and fixed-size history.

The shape of one tick, per connection::

    updated = await conn.call("read statistics", partial(sampler.tick, groups=groups))

:meth:`StatsSampler.tick` reads (:func:`sample`, :func:`host_sample`) and
applies the rates and history in the connection's pool, so the caller's (GUI)
thread only learns which domains changed: its work does not grow with the
fleet. Readers on other threads hold :attr:`StatsSampler.lock` while they read
the history. Scheduling (the interval timer) belongs to the UI.

Definitions used throughout:

- **host view CPU %**: ``Δcpu.time / (Δt · 1e9) · 100 / host_cpus``; the share
  of the whole host the domain's QEMU used, 0..100.
- **guest view CPU %**: ``Δcpu.time / (Δt · 1e9) · 100 / vcpus``; how busy the
  guest's vCPUs were, 0..100 (100 = every vCPU busy all the time).

  ``cpu.time`` also counts QEMU's own threads, so both are clamped to 0..100.
- **memory used** (KiB): ``balloon.current - balloon.unused`` when the guest's
  balloon driver reports ``unused`` (the guest's free memory), else
  ``balloon.rss`` (what the QEMU process holds on the host), at most
  ``balloon.current``. kvmgui never sets a memory-stats period on guests (it
  costs every guest a periodic report), so ``unused`` shows only where the
  user enabled it.
- **disk / network**: bytes per second, summed over the domain's devices.

A rate needs two samples of the same counter in the same run of the domain
(its libvirt ID changes when it restarts): a domain's first sample, a new
run, a counter that went down, a device set that changed
(hot-plug) or a time step ≤ 0 give no rate for that tick (``None``, stored as
NaN in the history), never a negative or spurious one.
"""

from __future__ import annotations

import enum
import math
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import libvirt
import numpy as np
import numpy.typing as npt

#: Samples kept per metric: 10 minutes at one sample a second.
DEFAULT_CAPACITY = 600
#: The key of the host's entry in :attr:`StatsSampler.host_history`.
HOST_KEY = "host"


class StatGroups(enum.Flag):
    """Which statistics a tick reads (state is always read)."""

    NONE = 0
    CPU = enum.auto()
    MEMORY = enum.auto()
    DISK = enum.auto()
    NETWORK = enum.auto()
    ALL = CPU | MEMORY | DISK | NETWORK

    def libvirt_mask(self) -> int:
        """The ``VIR_DOMAIN_STATS_*`` mask for ``getAllDomainStats``."""
        # CPU is not in the mask: see sample().
        mask: int = libvirt.VIR_DOMAIN_STATS_STATE
        if StatGroups.MEMORY in self:
            mask |= libvirt.VIR_DOMAIN_STATS_BALLOON
        if StatGroups.DISK in self:
            mask |= libvirt.VIR_DOMAIN_STATS_BLOCK
        if StatGroups.NETWORK in self:
            mask |= libvirt.VIR_DOMAIN_STATS_INTERFACE
        return mask


#: Groups that libvirt reads through each QEMU's monitor (a job and a round
#: trip per domain, about 6 ms of QEMU's CPU for the balloon): read at most
#: once per period (seconds), their last values carried over in between. CPU
#: and network come from /proc and are read at every tick
#: (benchmarks/RESULTS.md, bench_stats).
SLOW_GROUP_PERIODS = {StatGroups.MEMORY: 10.0, StatGroups.DISK: 5.0}

class Metric(enum.StrEnum):
    """One series of a domain's (or the host's) history."""

    CPU_HOST = "cpu_host"  # % of the whole host
    CPU_GUEST = "cpu_guest"  # % of the domain's vCPUs
    MEMORY_USED = "memory_used"  # KiB
    MEMORY_TOTAL = "memory_total"  # KiB (balloon size, or host total)
    DISK_READ = "disk_read"  # bytes/s
    DISK_WRITE = "disk_write"  # bytes/s
    NET_RX = "net_rx"  # bytes/s
    NET_TX = "net_tx"  # bytes/s


# ----------------------------------------------------------------- raw data


@dataclass(frozen=True, slots=True)
class DomainCounters:
    """One domain's raw counters at one moment; ``None`` where not reported.

    Memory figures are KiB, CPU time is ns, I/O counters are bytes summed over
    the devices named in ``block_devices`` / ``net_devices``.
    """

    state: int | None = None
    run_id: int | None = None  # the libvirt domain ID: a new one after a restart
    cpu_time_ns: int | None = None
    vcpus: int | None = None
    balloon_current_kib: int | None = None
    balloon_unused_kib: int | None = None
    balloon_available_kib: int | None = None
    balloon_usable_kib: int | None = None
    balloon_rss_kib: int | None = None
    block_rd_bytes: int | None = None
    block_wr_bytes: int | None = None
    block_devices: tuple[str, ...] = ()
    net_rx_bytes: int | None = None
    net_tx_bytes: int | None = None
    net_devices: tuple[str, ...] = ()

    @classmethod
    def from_libvirt(cls, stats: Mapping[str, Any], run_id: int | None = None) -> DomainCounters:
        """Read a ``getAllDomainStats`` record (``cpu.time``, ``block.0.rd.bytes``…)."""
        block_devices, (rd, wr) = _sum_devices(stats, "block", ("rd.bytes", "wr.bytes"))
        net_devices, (rx, tx) = _sum_devices(stats, "net", ("rx.bytes", "tx.bytes"))
        return cls(
            state=_int(stats.get("state.state")),
            run_id=run_id,
            cpu_time_ns=_int(stats.get("cpu.time")),
            vcpus=_int(stats.get("vcpu.current")),
            balloon_current_kib=_int(stats.get("balloon.current")),
            balloon_unused_kib=_int(stats.get("balloon.unused")),
            balloon_available_kib=_int(stats.get("balloon.available")),
            balloon_usable_kib=_int(stats.get("balloon.usable")),
            balloon_rss_kib=_int(stats.get("balloon.rss")),
            block_rd_bytes=rd,
            block_wr_bytes=wr,
            block_devices=block_devices,
            net_rx_bytes=rx,
            net_tx_bytes=tx,
            net_devices=net_devices,
        )


@dataclass(frozen=True, slots=True)
class RawSample:
    """Every running domain's counters at ``timestamp`` (``time.monotonic()``)."""

    timestamp: float
    domains: Mapping[str, DomainCounters]
    groups: StatGroups = StatGroups.ALL


@dataclass(frozen=True, slots=True)
class HostCounters:
    """The host's counters: CPU times in ns, memory in KiB; ``None`` where unsupported."""

    timestamp: float
    cpu_times_ns: Mapping[str, int] | None = None  # kernel, user, idle, iowait
    memory_kib: Mapping[str, int] | None = None  # total, free, buffers, cached


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    return None


def _sum_devices(
    stats: Mapping[str, Any], prefix: str, fields: tuple[str, str]
) -> tuple[tuple[str, ...], tuple[int | None, int | None]]:
    """Sum two counters over ``prefix.N.*`` devices; name the devices that counted."""
    count = _int(stats.get(f"{prefix}.count"))
    if count is None:
        return (), (None, None)
    names: list[str] = []
    totals: list[int | None] = [None, None]
    for n in range(count):
        values = [_int(stats.get(f"{prefix}.{n}.{name}")) for name in fields]
        if all(v is None for v in values):
            continue  # e.g. an empty CD-ROM drive
        names.append(str(stats.get(f"{prefix}.{n}.name", n)))
        for i, v in enumerate(values):
            if v is not None:
                totals[i] = (totals[i] or 0) + v
    return tuple(names), (totals[0], totals[1])


# ----------------------------------------------------------------- sampling


def sample(
    conn: libvirt.virConnect, groups: StatGroups = StatGroups.ALL, *, info_cpu_is_real: bool = True
) -> RawSample:
    """Read the counters of every running domain (blocking: run it in the pool).

    One ``getAllDomainStats`` RPC per call gives states, balloon, block and
    interface counters; drivers without it are read per domain instead.

    CPU time comes from ``virDomainGetInfo``, one RPC per running domain:
    measured on libvirt 9.0 with paused TCG guests, the CPU_TOTAL group costs
    each QEMU about 1 ms of CPU per call (a monitor exchange) and libvirtd
    0.3 ms, the VCPU group as much; info() costs QEMU nothing and libvirtd
    0.1 ms (benchmarks/RESULTS.md, bench_stats). It also gives the vCPU count.
    ``info_cpu_is_real`` is False for libvirt's test driver, whose info()
    reports wall-clock time as CPU time: no CPU figure beats a made-up one.
    """
    flags: int = libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE
    before = time.monotonic()
    try:
        records = _all_domain_stats(conn, groups.libvirt_mask(), flags)
    except libvirt.libvirtError as err:
        if err.get_error_code() != libvirt.VIR_ERR_NO_SUPPORT:
            raise
        return _sample_per_domain(conn, groups)
    domains = {}
    for dom, stats in records:
        if StatGroups.CPU in groups and info_cpu_is_real:
            cpu = _optional(dom.info)
            if cpu is not None:
                stats = {**stats, "cpu.time": cpu[4], "vcpu.current": cpu[3]}
        # virDomain.ID() is read from the object the call returned: no RPC.
        domains[dom.UUIDString()] = DomainCounters.from_libvirt(stats, dom.ID())
    # The calls' midpoint is the best single timestamp: at a steady interval
    # each domain is read at the same offset from it at every tick.
    return RawSample((before + time.monotonic()) / 2, domains, groups)


def _all_domain_stats(
    conn: libvirt.virConnect, mask: int, flags: int
) -> list[tuple[libvirt.virDomain, dict[str, Any]]]:
    # NOWAIT: a domain whose monitor is busy (migration, a stuck QEMU) must not
    # hold up the whole fleet's tick; its job-bound stats are skipped instead.
    try:
        return conn.getAllDomainStats(
            mask, flags | libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT
        )
    except libvirt.libvirtError as err:
        if err.get_error_code() != libvirt.VIR_ERR_INVALID_ARG:
            raise
        return conn.getAllDomainStats(mask, flags)  # a driver older than NOWAIT


def _sample_per_domain(conn: libvirt.virConnect, groups: StatGroups) -> RawSample:
    domains: dict[str, DomainCounters] = {}
    before = time.monotonic()
    for dom in conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE):
        try:
            domains[dom.UUIDString()] = _read_domain_counters(dom, groups, dom.ID())
        except libvirt.libvirtError as err:
            if err.get_error_code() not in (
                libvirt.VIR_ERR_NO_DOMAIN, libvirt.VIR_ERR_OPERATION_INVALID
            ):
                raise
            # stopped or undefined since the listing: no sample this tick
    return RawSample((before + time.monotonic()) / 2, domains, groups)


def _read_domain_counters(
    dom: libvirt.virDomain, groups: StatGroups, run_id: int
) -> DomainCounters:
    state, _max_memory, memory, vcpus, cpu_time = dom.info()
    stats: dict[str, Any] = {"state.state": state}
    if StatGroups.CPU in groups:
        stats["cpu.time"] = cpu_time
        stats["vcpu.current"] = vcpus
    if StatGroups.MEMORY in groups:
        stats["balloon.current"] = memory
        memory_stats = _optional(dom.memoryStats) or {}
        for key in ("unused", "available", "usable", "rss"):
            if key in memory_stats:
                stats[f"balloon.{key}"] = memory_stats[key]
    if groups & (StatGroups.DISK | StatGroups.NETWORK):
        disks, interfaces = _devices(dom.XMLDesc(0))
        if StatGroups.DISK in groups:
            _per_device(stats, "block", disks, dom.blockStats, {"rd.bytes": 1, "wr.bytes": 3})
        if StatGroups.NETWORK in groups:
            _per_device(
                stats, "net", interfaces, dom.interfaceStats, {"rx.bytes": 0, "tx.bytes": 4}
            )
    return DomainCounters.from_libvirt(stats, run_id)


def _optional(fn: Any, *args: object) -> Any:
    try:
        return fn(*args)
    except libvirt.libvirtError as err:
        if err.get_error_code() in (
            libvirt.VIR_ERR_NO_SUPPORT,
            libvirt.VIR_ERR_OPERATION_UNSUPPORTED,
            libvirt.VIR_ERR_INVALID_ARG,
        ):
            return None
        raise


def _per_device(
    stats: dict[str, Any], prefix: str, devices: list[str], fn: Any, fields: dict[str, int]
) -> None:
    count = 0
    for name in devices:
        values = _optional(fn, name)
        if values is None:
            continue
        stats[f"{prefix}.{count}.name"] = name
        for key, position in fields.items():
            stats[f"{prefix}.{count}.{key}"] = values[position]
        count += 1
    stats[f"{prefix}.count"] = count


def _devices(xml: str) -> tuple[list[str], list[str]]:
    """Disk targets and interface device names of a running domain's XML."""
    root = ET.fromstring(xml)
    disks = [
        target.get("dev", "")
        for target in root.findall("./devices/disk/target")
        if target.get("dev")
    ]
    interfaces = [
        target.get("dev", "")
        for target in root.findall("./devices/interface/target")
        if target.get("dev")
    ]
    return disks, interfaces


def host_sample(conn: libvirt.virConnect) -> HostCounters | None:
    """Read the host's CPU times and memory (blocking); ``None`` if unsupported."""
    before = time.monotonic()
    cpu = _optional(conn.getCPUStats, libvirt.VIR_NODE_CPU_STATS_ALL_CPUS)
    memory = _optional(conn.getMemoryStats, libvirt.VIR_NODE_MEMORY_STATS_ALL_CELLS)
    if cpu is None and memory is None:
        return None
    return HostCounters(
        timestamp=(before + time.monotonic()) / 2,
        cpu_times_ns=_int_mapping(cpu),
        memory_kib=_int_mapping(memory),
    )


def _int_mapping(values: object) -> dict[str, int] | None:
    if not isinstance(values, Mapping):
        return None
    result = {str(k): v for k, v in ((k, _int(v)) for k, v in values.items()) if v is not None}
    return result or None


def host_cpu_count(conn: libvirt.virConnect) -> int:
    """The host's active CPUs (blocking; read once per connection)."""
    info = conn.getInfo()
    return max(1, int(info[2]))


# -------------------------------------------------------------------- rates


@dataclass(frozen=True, slots=True)
class DomainRates:
    """What one tick says of one domain; ``None`` where it cannot be known yet."""

    timestamp: float
    cpu_host_percent: float | None = None
    cpu_guest_percent: float | None = None
    memory_used_kib: float | None = None
    memory_total_kib: float | None = None
    disk_read_bps: float | None = None
    disk_write_bps: float | None = None
    net_rx_bps: float | None = None
    net_tx_bps: float | None = None

    def metrics(self) -> Iterator[tuple[Metric, float | None]]:
        yield Metric.CPU_HOST, self.cpu_host_percent
        yield Metric.CPU_GUEST, self.cpu_guest_percent
        yield Metric.MEMORY_USED, self.memory_used_kib
        yield Metric.MEMORY_TOTAL, self.memory_total_kib
        yield Metric.DISK_READ, self.disk_read_bps
        yield Metric.DISK_WRITE, self.disk_write_bps
        yield Metric.NET_RX, self.net_rx_bps
        yield Metric.NET_TX, self.net_tx_bps


@dataclass(frozen=True, slots=True)
class HostRates:
    timestamp: float
    cpu_percent: float | None = None
    memory_used_kib: float | None = None
    memory_total_kib: float | None = None

    def metrics(self) -> Iterator[tuple[Metric, float | None]]:
        yield Metric.CPU_HOST, self.cpu_percent
        yield Metric.MEMORY_USED, self.memory_used_kib
        yield Metric.MEMORY_TOTAL, self.memory_total_kib


def cpu_percent(delta_cpu_ns: float, delta_t: float, cpus: int | None) -> float | None:
    """``Δcpu / (Δt · 1e9) · 100 / cpus``, clamped to 0..100; ``None`` if undefined."""
    if cpus is None or cpus <= 0 or delta_t <= 0 or delta_cpu_ns < 0:
        return None
    value = delta_cpu_ns / (delta_t * 1e9) * 100.0 / cpus
    return min(100.0, max(0.0, value))


def memory_used_kib(counters: DomainCounters) -> float | None:
    """Guest-reported used memory, else the QEMU process's resident memory.

    Either is capped at the balloon's size: QEMU's own memory (its code, TCG's
    translation cache) is not memory the guest uses.
    """
    current, unused = counters.balloon_current_kib, counters.balloon_unused_kib
    if current is not None and unused is not None:
        return float(min(current, max(0, current - unused)))
    rss = counters.balloon_rss_kib
    if rss is None or rss <= 0:
        return None  # 0 while QEMU is going away
    return float(rss if current is None else min(current, rss))


@dataclass(slots=True)
class _Counter:
    timestamp: float
    value: int
    devices: tuple[str, ...] = ()


@dataclass(slots=True)
class _Previous:
    run_id: int | None = None
    counters: dict[str, _Counter] = field(default_factory=dict)


class RateCalculator:
    """Turns successive :class:`RawSample` s into per-domain :class:`DomainRates`.

    Each counter remembers its own last value and time, so a tick that did not
    read a group (a narrower ``StatGroups``) leaves that group's next rate
    correct over the longer span.
    """

    def __init__(self, host_cpus: int | None = None) -> None:
        self.host_cpus = host_cpus
        self._previous: dict[str, _Previous] = {}
        self._host_previous: HostCounters | None = None

    def known(self) -> set[str]:
        """UUIDs seen in the last sample."""
        return set(self._previous)

    def update(self, raw: RawSample) -> dict[str, DomainRates]:
        """Rates of every domain in ``raw``; domains absent from it are forgotten."""
        for uuid in self._previous.keys() - raw.domains.keys():
            del self._previous[uuid]
        return {
            uuid: self._domain_rates(uuid, counters, raw.timestamp)
            for uuid, counters in raw.domains.items()
        }

    def _domain_rates(self, uuid: str, now: DomainCounters, t: float) -> DomainRates:
        previous = self._previous.get(uuid)
        if previous is None or previous.run_id != now.run_id:
            # First sight, or restarted between two ticks: counters began again.
            previous = self._previous[uuid] = _Previous(now.run_id)
        cpu_host = cpu_guest = None
        cpu = self._delta(previous, "cpu", t, now.cpu_time_ns)
        if cpu is not None:
            cpu_host = cpu_percent(*cpu, self.host_cpus)
            cpu_guest = cpu_percent(*cpu, now.vcpus)
        return DomainRates(
            timestamp=t,
            cpu_host_percent=cpu_host,
            cpu_guest_percent=cpu_guest,
            memory_used_kib=memory_used_kib(now),
            memory_total_kib=(
                float(now.balloon_current_kib) if now.balloon_current_kib is not None else None
            ),
            disk_read_bps=self._rate(
                previous, "rd", t, now.block_rd_bytes, now.block_devices
            ),
            disk_write_bps=self._rate(
                previous, "wr", t, now.block_wr_bytes, now.block_devices
            ),
            net_rx_bps=self._rate(previous, "rx", t, now.net_rx_bytes, now.net_devices),
            net_tx_bps=self._rate(previous, "tx", t, now.net_tx_bytes, now.net_devices),
        )

    @staticmethod
    def _delta(
        previous: _Previous, key: str, t: float, value: int | None, devices: tuple[str, ...] = ()
    ) -> tuple[float, float] | None:
        """(Δvalue, Δt) since the counter's last reading, or None; remembers ``value``."""
        if value is None:
            return None  # not read this tick: keep the old reading for later
        old = previous.counters.get(key)
        if old is not None and t <= old.timestamp:
            return None  # out of order or same instant: keep the newer reading
        previous.counters[key] = _Counter(t, value, devices)
        if old is None or old.devices != devices or value < old.value:
            return None  # first reading, hot-plug, or a reset (the domain restarted)
        return float(value - old.value), t - old.timestamp

    @classmethod
    def _rate(
        cls, previous: _Previous, key: str, t: float, value: int | None, devices: tuple[str, ...]
    ) -> float | None:
        delta = cls._delta(previous, key, t, value, devices)
        if delta is None:
            return None
        dv, dt = delta
        return dv / dt

    def update_host(self, host: HostCounters) -> HostRates:
        """Host CPU % (busy share of all CPUs) and memory used (total - free - caches)."""
        previous = self._host_previous
        if previous is not None and host.timestamp <= previous.timestamp:
            return HostRates(host.timestamp, *_host_memory(host))
        self._host_previous = host
        cpu: float | None = None
        if previous is not None and previous.cpu_times_ns and host.cpu_times_ns:
            cpu = _host_cpu_percent(previous.cpu_times_ns, host.cpu_times_ns)
        return HostRates(host.timestamp, cpu, *_host_memory(host))


def _host_cpu_percent(old: Mapping[str, int], new: Mapping[str, int]) -> float | None:
    keys = old.keys() & new.keys()
    deltas = {k: new[k] - old[k] for k in keys}
    if any(d < 0 for d in deltas.values()):
        return None  # counters reset (host CPU went offline and back)
    total = sum(deltas.values())
    if total <= 0 or "idle" not in deltas:
        return None
    idle = deltas["idle"] + deltas.get("iowait", 0)
    return min(100.0, max(0.0, (total - idle) / total * 100.0))


def _host_memory(host: HostCounters) -> tuple[float | None, float | None]:
    memory = host.memory_kib
    if not memory or "total" not in memory or "free" not in memory:
        return None, None
    total = memory["total"]
    used = total - memory["free"] - memory.get("buffers", 0) - memory.get("cached", 0)
    return float(min(total, max(0, used))), float(total)


# ------------------------------------------------------------------ history


class RingBuffer:
    """A fixed-capacity series of floats; the oldest values fall off the front."""

    __slots__ = ("_count", "_data", "_next")

    def __init__(self, capacity: int = DEFAULT_CAPACITY, dtype: npt.DTypeLike = np.float64) -> None:
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self._data: npt.NDArray[Any] = np.full(capacity, np.nan, dtype=dtype)
        self._next = 0
        self._count = 0

    @property
    def capacity(self) -> int:
        return int(self._data.shape[0])

    def __len__(self) -> int:
        return self._count

    def append(self, value: float | None) -> None:
        """Add a value (``None`` is stored as NaN: a gap in a plot)."""
        self._data[self._next] = math.nan if value is None else value
        self._next = (self._next + 1) % self.capacity
        if self._count < self.capacity:
            self._count += 1

    def values(self, last: int | None = None) -> npt.NDArray[Any]:
        """The stored values, oldest first (a copy); only the ``last`` ones if given."""
        n = self._count if last is None else max(0, min(last, self._count))
        start = (self._next - n) % self.capacity
        if start + n <= self.capacity:
            return self._data[start : start + n].copy()
        return np.concatenate((self._data[start:], self._data[: self._next]))

    def latest(self) -> float | None:
        """The newest value, or None if empty or NaN."""
        if not self._count:
            return None
        value = float(self._data[(self._next - 1) % self.capacity])
        return None if math.isnan(value) else value

    def clear(self) -> None:
        self._next = self._count = 0


class SeriesSet:
    """One key's history: sample times and one aligned buffer per metric."""

    __slots__ = ("buffers", "times")

    def __init__(self, capacity: int, metrics: Iterable[Metric]) -> None:
        self.times = RingBuffer(capacity, np.float64)
        # float32: plenty for plots, half the memory for large fleets.
        self.buffers = {metric: RingBuffer(capacity, np.float32) for metric in metrics}

    def append(self, timestamp: float, values: Iterable[tuple[Metric, float | None]]) -> None:
        self.times.append(timestamp)
        given = dict(values)
        for metric, buffer in self.buffers.items():
            buffer.append(given.get(metric))

    def __len__(self) -> int:
        return len(self.times)


class StatsHistory:
    """Per key (domain UUID or :data:`HOST_KEY`), the recent values of each metric.

    Every append adds one time and one value to every metric's buffer (NaN
    where a metric has none), so ``times(key)`` and ``values(key, metric)``
    stay aligned.
    """

    def __init__(
        self, capacity: int = DEFAULT_CAPACITY, metrics: Iterable[Metric] = tuple(Metric)
    ) -> None:
        self.capacity = capacity
        self.metrics = tuple(metrics)
        self._series: dict[str, SeriesSet] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._series

    def keys(self) -> set[str]:
        return set(self._series)

    def append(
        self, key: str, timestamp: float, values: Iterable[tuple[Metric, float | None]]
    ) -> None:
        series = self._series.get(key)
        if series is None:
            series = self._series[key] = SeriesSet(self.capacity, self.metrics)
        series.append(timestamp, values)

    def series(self, key: str) -> SeriesSet | None:
        return self._series.get(key)

    def times(self, key: str, last: int | None = None) -> npt.NDArray[np.float64]:
        """Sample times (``time.monotonic()`` seconds), oldest first."""
        series = self._series.get(key)
        return series.times.values(last) if series else np.empty(0, np.float64)

    def values(self, key: str, metric: Metric, last: int | None = None) -> npt.NDArray[Any]:
        """One metric's values, oldest first, aligned with :meth:`times`."""
        series = self._series.get(key)
        if series is None or metric not in series.buffers:
            return np.empty(0, np.float32)
        return series.buffers[metric].values(last)

    def latest(self, key: str, metric: Metric) -> float | None:
        series = self._series.get(key)
        if series is None or metric not in series.buffers:
            return None
        return series.buffers[metric].latest()

    def forget(self, key: str) -> None:
        self._series.pop(key, None)

    def retain(self, keys: Iterable[str]) -> None:
        """Drop the history of every key not in ``keys``."""
        keep = set(keys)
        for key in self._series.keys() - keep:
            del self._series[key]


class StatsSampler:
    """Rates and history for one connection; Qt-free, fed by the caller's timer.

    :meth:`tick` does a whole tick (blocking: run it in the connection's
    pool). Every method takes :attr:`lock`; a reader on another thread that
    reads several things that must agree (times and values of a series) holds
    it around them.
    """

    def __init__(self, host_cpus: int | None = None, capacity: int = DEFAULT_CAPACITY) -> None:
        self.lock = threading.RLock()
        self.calculator = RateCalculator(host_cpus)
        self.history = StatsHistory(capacity)
        self.host_history = StatsHistory(
            capacity, (Metric.CPU_HOST, Metric.MEMORY_USED, Metric.MEMORY_TOTAL)
        )
        self._latest: dict[str, DomainRates] = {}
        # When each domain was forgotten: a sample read before then is stale for it.
        self._forgotten: dict[str, float] = {}
        self.host_latest: HostRates | None = None
        self._slow_read_at: dict[StatGroups, float] = {}
        self._info_cpu_is_real = True

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
        raw = sample(
            conn, self.groups_to_read(groups, time.monotonic()),
            info_cpu_is_real=self._info_cpu_is_real,
        )
        host_counters = host_sample(conn) if host else None
        with self.lock:
            self.apply_host(host_counters)
            return self.apply(raw)

    def groups_to_read(self, groups: StatGroups, now: float) -> StatGroups:
        """``groups`` less the slow ones read less than their period ago (a
        group just asked for, as when a Performance tab opens, is read at once)."""
        read = groups
        for group, period in SLOW_GROUP_PERIODS.items():
            if group not in groups:
                self._slow_read_at.pop(group, None)  # asked again later: read at once
            elif now - self._slow_read_at.get(group, -math.inf) >= period:
                self._slow_read_at[group] = now
            else:
                read &= ~group
        return read

    def apply(self, raw: RawSample) -> set[str]:
        """Take one sample; return the UUIDs whose shown statistics changed.

        That is the domains in ``raw`` and those that were running at the
        previous sample and are no longer (their :meth:`latest` is now None;
        their history is kept until :meth:`forget`).
        """
        with self.lock:
            rates = self.calculator.update(raw)
            for uuid, when in list(self._forgotten.items()):
                if when > raw.timestamp:
                    rates.pop(uuid, None)  # read before it was undefined
                else:
                    del self._forgotten[uuid]
            vanished = self._latest.keys() - rates.keys()
            for uuid, domain_rates in rates.items():
                previous = self._latest.get(uuid)
                if previous is not None:
                    rates[uuid] = domain_rates = _carry_over(domain_rates, previous, raw.groups)
                self.history.append(uuid, domain_rates.timestamp, domain_rates.metrics())
            self._latest = rates
            return set(rates) | vanished

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
            # A tick may have read it before it went, and apply after this.
            self._forgotten[uuid] = time.monotonic()


def _carry_over(rates: DomainRates, previous: DomainRates, read: StatGroups) -> DomainRates:
    """Rates of a tick that skipped the slow groups keep their last values."""
    if StatGroups.MEMORY not in read:
        rates = replace(
            rates,
            memory_used_kib=previous.memory_used_kib,
            memory_total_kib=previous.memory_total_kib,
        )
    if StatGroups.DISK not in read:
        rates = replace(
            rates, disk_read_bps=previous.disk_read_bps, disk_write_bps=previous.disk_write_bps
        )
    return rates


# --------------------------------------------------------------- formatting

#: What a value that is not known (yet) reads as.
NO_VALUE = "\N{EN DASH}"
_BINARY_UNITS = ("B", "KiB", "MiB", "GiB", "TiB")


def format_bytes(value: float | None) -> str:
    """``1536`` → ``"1.5 KiB"``; ``None`` or NaN → :data:`NO_VALUE`."""
    if value is None or not math.isfinite(value):
        return NO_VALUE
    unit = 0
    while abs(value) >= 1024 and unit < len(_BINARY_UNITS) - 1:
        value /= 1024
        unit += 1
    if unit == 0:
        return f"{value:.0f} B"
    return f"{value:.1f} {_BINARY_UNITS[unit]}"


def format_kib(value: float | None) -> str:
    return format_bytes(None if value is None else value * 1024)


def format_rate(value: float | None) -> str:
    return NO_VALUE if value is None or not math.isfinite(value) else f"{format_bytes(value)}/s"


def format_percent(value: float | None) -> str:
    return NO_VALUE if value is None or not math.isfinite(value) else f"{value:.0f} %"
