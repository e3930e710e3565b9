"""Raw statistics counters, read from libvirt (blocking: run in the connection's pool).

A tick reads every running domain's counters with one ``getAllDomainStats``
(:func:`sample`), or a few hundred at a time in a large fleet, and the host's
CPU times and memory (:func:`host_sample`).
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

import libvirt

from kvmgui.core.gui_priority import step_aside
from kvmgui.core.xml.model import Domain


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


#: The groups a tick reads only of the domains they are due for (CPU: one
#: ``info()`` each; memory and disk: a monitor exchange in each QEMU); the
#: others (state, network) are read of every running domain at every tick.
PER_DOMAIN_GROUPS = StatGroups.CPU | StatGroups.MEMORY | StatGroups.DISK
#: Which of :data:`PER_DOMAIN_GROUPS` to read of a domain now, from its UUID,
#: state (``virDomainState``) and run ID.
DueGroups = Callable[[str, int | None, int | None], StatGroups]


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
    #: The groups read this time: ``None`` in another group means "not reported".
    read: StatGroups = StatGroups.ALL

    @classmethod
    def from_libvirt(
        cls, stats: Mapping[str, Any], run_id: int | None = None, read: StatGroups = StatGroups.ALL
    ) -> DomainCounters:
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
            read=read,
        )


@dataclass(frozen=True, slots=True)
class RawSample:
    """Every running domain's counters at ``timestamp`` (``time.monotonic()``)."""

    timestamp: float
    domains: Mapping[str, DomainCounters]


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


#: Records per call where a fleet runs more domains than this. libvirt's Python
#: binding builds a call's records holding the GIL: 2,500 of them held it 5-6 ms
#: here, a stalled frame on the GUI thread; 250 hold it about half a millisecond
#: (benchmarks/RESULTS.md, issue 13, "Seventh pass").
RECORDS_PER_CALL = 250


def sample(
    conn: libvirt.virConnect,
    groups: StatGroups = StatGroups.ALL,
    *,
    info_cpu_is_real: bool = True,
    due: DueGroups | None = None,
    large: bool = False,
) -> RawSample:
    """Read the counters of every running domain (blocking: run it in the pool).

    One ``getAllDomainStats`` RPC per call gives every domain's state and
    interface counters; of the :data:`PER_DOMAIN_GROUPS` in ``groups``, each
    domain is read only for those ``due`` names (all by default), memory and
    disk with one ``virDomainListGetStats`` for the domains they are due for.
    Drivers without the bulk call are read per domain instead.

    CPU time comes from ``virDomainGetInfo``, one RPC per domain: measured on
    libvirt 9.0 with paused TCG guests, the CPU_TOTAL group costs each QEMU
    about 1 ms of CPU per call (a monitor exchange) and libvirtd 0.6 ms, the
    VCPU group as much; info() costs QEMU nothing and libvirtd 0.14 ms
    (benchmarks/RESULTS.md, bench_stats). It also gives the vCPU count.
    ``info_cpu_is_real`` is False for libvirt's test driver, whose info()
    reports wall-clock time as CPU time: no CPU figure beats a made-up one.

    ``large`` (the last tick read more than :data:`RECORDS_PER_CALL` domains)
    lists the running domains and reads them that many at a time.
    """
    every_domain = groups & ~PER_DOMAIN_GROUPS
    before = time.monotonic()
    try:
        records = (_running_domain_stats_in_parts if large else _all_domain_stats)(
            conn, every_domain.libvirt_mask()
        )
    except libvirt.libvirtError as err:
        if err.get_error_code() != libvirt.VIR_ERR_NO_SUPPORT:
            raise
        return _sample_per_domain(conn, groups, due)
    wanted = groups & PER_DOMAIN_GROUPS
    # Per answer of due(): read CPU?, the slow groups, what is read at once.
    # Flag arithmetic costs microseconds: done per distinct answer, not per domain.
    plans: dict[StatGroups, tuple[bool, StatGroups, StatGroups]] = {}
    read: dict[str, StatGroups] = {}
    by_uuid: dict[str, tuple[dict[str, Any], int]] = {}  # a record and its run ID
    slow: dict[StatGroups, list[libvirt.virDomain]] = {}
    for dom, stats in records:
        step_aside()
        uuid = dom.UUIDString()
        # virDomain.ID() is read from the object the call returned: no RPC.
        run_id = dom.ID()
        answer = wanted if due is None else due(uuid, _int(stats.get("state.state")), run_id)
        plan = plans.get(answer)
        if plan is None:
            extra = answer & wanted
            plan = plans[answer] = (
                StatGroups.CPU in extra, extra & ~StatGroups.CPU,
                every_domain | (extra & StatGroups.CPU),
            )
        read_cpu, slow_groups, read[uuid] = plan
        if read_cpu and info_cpu_is_real:
            cpu = _optional(dom.info)
            if cpu is not None:
                stats["cpu.time"], stats["vcpu.current"] = cpu[4], cpu[3]
        if slow_groups:
            slow.setdefault(slow_groups, []).append(dom)
        by_uuid[uuid] = stats, run_id
    for slow_groups, listed in slow.items():
        for dom, stats in _listed_domain_stats(conn, listed, slow_groups):
            uuid = dom.UUIDString()
            if uuid in by_uuid:
                by_uuid[uuid][0].update(stats)
                read[uuid] |= slow_groups
    domains = {}
    for uuid, (stats, run_id) in by_uuid.items():
        step_aside()
        domains[uuid] = DomainCounters.from_libvirt(stats, run_id, read[uuid])
    # The calls' midpoint is the best single timestamp: at a steady interval
    # each domain is read at the same offset from it at every tick.
    return RawSample((before + time.monotonic()) / 2, domains)


# NOWAIT: a domain whose monitor is busy (migration, a stuck QEMU) must not
# hold up the whole fleet's tick; its job-bound stats are skipped instead.
_NOWAIT = libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT


def _all_domain_stats(
    conn: libvirt.virConnect, mask: int
) -> list[tuple[libvirt.virDomain, dict[str, Any]]]:
    active: int = libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE
    return _without_nowait_if_refused(partial(conn.getAllDomainStats, mask), active)


def _running_domain_stats_in_parts(
    conn: libvirt.virConnect, mask: int
) -> list[tuple[libvirt.virDomain, dict[str, Any]]]:
    """What :func:`_all_domain_stats` reads, RECORDS_PER_CALL domains per call."""
    listed = conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)
    records = []
    for start in range(0, len(listed), RECORDS_PER_CALL):
        step_aside()
        part = read_listed_domain_stats(conn, listed[start:start + RECORDS_PER_CALL], mask)
        if part is None:
            # A driver that refuses a domain gone since the listing (qemu's and
            # the test driver's skip it): read the fleet in one call, as small
            # fleets are, rather than leave a part's running domains out.
            return _all_domain_stats(conn, mask)
        records.extend(part)
    return records


def read_listed_domain_stats(
    conn: libvirt.virConnect, domains: list[libvirt.virDomain], mask: int
) -> list[tuple[libvirt.virDomain, dict[str, Any]]] | None:
    """The running ones of ``domains`` with their ``mask`` of statistics
    (state included); None if the driver refused one that is gone."""
    records = _domain_list_stats(conn, domains, mask | libvirt.VIR_DOMAIN_STATS_STATE)
    if records is None:
        return None
    # One that stopped since the listing is read as shut off: the one call, which
    # reads the running ones only, would have left it out.
    return [
        (dom, stats) for dom, stats in records
        if stats.get("state.state") != libvirt.VIR_DOMAIN_SHUTOFF
    ]


def _listed_domain_stats(
    conn: libvirt.virConnect, domains: list[libvirt.virDomain], groups: StatGroups
) -> list[tuple[libvirt.virDomain, dict[str, Any]]]:
    """``groups`` of ``domains``; none of a domain that stopped since the listing
    (its values are carried over this tick)."""
    mask = groups.libvirt_mask() & ~libvirt.VIR_DOMAIN_STATS_STATE
    return _domain_list_stats(conn, domains, mask) or []


def _domain_list_stats(
    conn: libvirt.virConnect, domains: list[libvirt.virDomain], mask: int
) -> list[tuple[libvirt.virDomain, dict[str, Any]]] | None:
    """``mask`` of ``domains``; None if one of them stopped or went since the listing."""
    try:
        return _without_nowait_if_refused(partial(conn.domainListGetStats, domains, mask), 0)
    except libvirt.libvirtError as err:
        if err.get_error_code() not in (
            libvirt.VIR_ERR_NO_DOMAIN, libvirt.VIR_ERR_OPERATION_INVALID
        ):
            raise
        return None


def _without_nowait_if_refused(
    call: Callable[[int], list[tuple[libvirt.virDomain, dict[str, Any]]]], flags: int
) -> list[tuple[libvirt.virDomain, dict[str, Any]]]:
    try:
        return call(flags | _NOWAIT)
    except libvirt.libvirtError as err:
        if err.get_error_code() != libvirt.VIR_ERR_INVALID_ARG:
            raise
        return call(flags)  # a driver older than NOWAIT


def _sample_per_domain(
    conn: libvirt.virConnect, groups: StatGroups, due: DueGroups | None
) -> RawSample:
    domains: dict[str, DomainCounters] = {}
    before = time.monotonic()
    for dom in conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE):
        try:
            domains[dom.UUIDString()] = _read_domain_counters(dom, groups, due)
        except libvirt.libvirtError as err:
            if err.get_error_code() not in (
                libvirt.VIR_ERR_NO_DOMAIN, libvirt.VIR_ERR_OPERATION_INVALID
            ):
                raise
            # stopped or undefined since the listing: no sample this tick
    return RawSample((before + time.monotonic()) / 2, domains)


def _read_domain_counters(
    dom: libvirt.virDomain, groups: StatGroups, due: DueGroups | None
) -> DomainCounters:
    state, _max_memory, memory, vcpus, cpu_time = dom.info()
    run_id = dom.ID()
    if due is not None:
        groups &= due(dom.UUIDString(), state, run_id) | ~PER_DOMAIN_GROUPS
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
    return DomainCounters.from_libvirt(stats, run_id, groups)


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
    domain = Domain.from_xml(xml)
    disks = [disk.target_dev for disk in domain.disks if disk.target_dev]
    interfaces = [nic.target_dev for nic in domain.interfaces if nic.target_dev]
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
