"""What two readings of the same counters say: CPU %, memory used, I/O rates.

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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from kvmgui.core.stats.reading import DomainCounters, HostCounters, RawSample


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
