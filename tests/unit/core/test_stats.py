"""Reading, rates, history and sampling of live statistics (no Qt, no daemon)."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import libvirt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvmgui.core.stats import sampler as sampler_module
from kvmgui.core.stats.history import HOST_KEY, RingBuffer, StatsHistory
from kvmgui.core.stats.rates import Metric, RateCalculator, cpu_percent, memory_used_kib
from kvmgui.core.stats.reading import (
    PER_DOMAIN_GROUPS,
    RECORDS_PER_CALL,
    DomainCounters,
    HostCounters,
    RawSample,
    StatGroups,
    host_sample,
    read_listed_domain_stats,
    sample,
)
from kvmgui.core.stats.sampler import (
    APPLY_SLICE,
    PAUSED_PERIODS,
    SLOW_GROUP_PERIODS,
    StatsSampler,
)
from tests.fleet import FleetDomain, domain_xml, numbered_fleet, write_node

A = "11111111-1111-1111-1111-111111111111"
B = "22222222-2222-2222-2222-222222222222"
SECOND = 1_000_000_000


def raw(t: float, **domains: dict[str, Any]) -> RawSample:
    """A sample from libvirt-style records, keyed ``a``/``b`` for UUIDs A/B."""
    uuids = {"a": A, "b": B}
    return RawSample(
        t, {uuids[k]: DomainCounters.from_libvirt(v) for k, v in domains.items()}
    )


def record(
    cpu: int | None = None,
    vcpus: int = 2,
    rd: int = 0,
    wr: int = 0,
    rx: int = 0,
    tx: int = 0,
    **extra: Any,
) -> dict[str, Any]:
    stats: dict[str, Any] = {"state.state": 1, "state.reason": 1, "vcpu.current": vcpus}
    if cpu is not None:
        stats["cpu.time"] = cpu
    stats.update({
        "block.count": 2,
        "block.0.name": "vda", "block.0.rd.bytes": rd, "block.0.wr.bytes": wr,
        "block.1.name": "sda", "block.1.rd.bytes": 0, "block.1.wr.bytes": 0,
        "net.count": 1,
        "net.0.name": "vnet0", "net.0.rx.bytes": rx, "net.0.tx.bytes": tx,
    })
    stats.update(extra)
    return stats


# ---------------------------------------------------------------- parsing


def test_from_libvirt_sums_devices_and_reads_balloon() -> None:
    counters = DomainCounters.from_libvirt({
        "state.state": 1,
        "cpu.time": 5 * SECOND,
        "vcpu.current": 4,
        "vcpu.maximum": 8,
        "vcpu.0.time": 123,
        "balloon.current": 2048,
        "balloon.unused": 512,
        "balloon.rss": 1500,
        "block.count": 3,
        "block.0.name": "vda", "block.0.rd.bytes": 100, "block.0.wr.bytes": 10,
        "block.1.name": "vdb", "block.1.rd.bytes": 200, "block.1.wr.bytes": 20,
        "block.2.name": "sda",  # empty CD-ROM: no counters
        "net.count": 2,
        "net.0.name": "vnet0", "net.0.rx.bytes": 7, "net.0.tx.bytes": 3,
        "net.1.name": "vnet1", "net.1.rx.bytes": 1, "net.1.tx.bytes": 2,
    })
    assert counters.cpu_time_ns == 5 * SECOND
    assert counters.vcpus == 4
    assert (counters.block_rd_bytes, counters.block_wr_bytes) == (300, 30)
    assert counters.block_devices == ("vda", "vdb")
    assert (counters.net_rx_bytes, counters.net_tx_bytes) == (8, 5)
    assert counters.net_devices == ("vnet0", "vnet1")
    assert memory_used_kib(counters) == 1536


def test_from_libvirt_state_only_has_no_counters() -> None:
    # What the test driver returns.
    counters = DomainCounters.from_libvirt({"state.state": 1, "state.reason": 0})
    assert counters.state == 1
    assert counters.cpu_time_ns is None
    assert counters.block_rd_bytes is None and counters.block_devices == ()
    assert memory_used_kib(counters) is None


def test_memory_used_falls_back_to_rss() -> None:
    assert memory_used_kib(DomainCounters(balloon_current_kib=4096, balloon_rss_kib=900)) == 900
    # QEMU's own memory (TCG's code cache) is not the guest's: capped at the balloon.
    assert memory_used_kib(DomainCounters(balloon_current_kib=4096, balloon_rss_kib=5000)) == 4096
    assert memory_used_kib(DomainCounters(balloon_rss_kib=5000)) == 5000
    assert memory_used_kib(DomainCounters(balloon_current_kib=4096, balloon_rss_kib=0)) is None
    # More free than the balloon holds (stale guest report): never negative.
    assert memory_used_kib(DomainCounters(balloon_current_kib=100, balloon_unused_kib=200)) == 0


def test_stat_groups_mask() -> None:
    assert StatGroups.NONE.libvirt_mask() == libvirt.VIR_DOMAIN_STATS_STATE
    # CPU time comes from virDomainGetInfo: the CPU and VCPU groups cost every QEMU.
    assert StatGroups.CPU.libvirt_mask() == libvirt.VIR_DOMAIN_STATS_STATE
    assert StatGroups.ALL.libvirt_mask() == (
        libvirt.VIR_DOMAIN_STATS_STATE
        | libvirt.VIR_DOMAIN_STATS_BALLOON
        | libvirt.VIR_DOMAIN_STATS_BLOCK
        | libvirt.VIR_DOMAIN_STATS_INTERFACE
    )


# ------------------------------------------------------------------ rates


def test_rates_from_two_samples() -> None:
    calc = RateCalculator(host_cpus=8)
    first = calc.update(raw(10.0, a=record(cpu=0, rd=1000, wr=0, rx=0, tx=0)))
    assert first[A].cpu_guest_percent is None
    assert first[A].disk_read_bps is None
    second = calc.update(
        raw(12.0, a=record(cpu=2 * SECOND, rd=5000, wr=2000, rx=300, tx=100))
    )[A]
    # 2 s of CPU in 2 s: one CPU busy = 50 % of 2 vCPUs, 12.5 % of 8 host CPUs.
    assert second.cpu_guest_percent == pytest.approx(50.0)
    assert second.cpu_host_percent == pytest.approx(12.5)
    assert second.disk_read_bps == pytest.approx(2000.0)
    assert second.disk_write_bps == pytest.approx(1000.0)
    assert second.net_rx_bps == pytest.approx(150.0)
    assert second.net_tx_bps == pytest.approx(50.0)


def test_host_view_needs_host_cpus() -> None:
    calc = RateCalculator()
    calc.update(raw(0.0, a=record(cpu=0)))
    rates = calc.update(raw(1.0, a=record(cpu=SECOND)))[A]
    assert rates.cpu_host_percent is None
    assert rates.cpu_guest_percent == pytest.approx(50.0)


def test_cpu_over_vcpus_is_clamped() -> None:
    # QEMU's own threads count in cpu.time: a busy guest can exceed its vCPUs.
    calc = RateCalculator(host_cpus=4)
    calc.update(raw(0.0, a=record(cpu=0, vcpus=1)))
    rates = calc.update(raw(1.0, a=record(cpu=int(1.2 * SECOND), vcpus=1)))[A]
    assert rates.cpu_guest_percent == 100.0
    assert rates.cpu_host_percent == pytest.approx(30.0)


def test_counter_reset_gives_no_rate_then_resumes() -> None:
    calc = RateCalculator(host_cpus=2)
    calc.update(raw(0.0, a=record(cpu=50 * SECOND, rd=10_000)))
    reset = calc.update(raw(1.0, a=record(cpu=SECOND // 10, rd=0)))[A]
    assert reset.cpu_guest_percent is None
    assert reset.cpu_host_percent is None
    assert reset.disk_read_bps is None
    after = calc.update(raw(2.0, a=record(cpu=SECOND // 10 + SECOND, rd=4096)))[A]
    assert after.cpu_guest_percent == pytest.approx(50.0)
    assert after.disk_read_bps == pytest.approx(4096.0)


def test_restart_between_ticks_gives_no_rate() -> None:
    """A domain stopped and started again between two ticks: its counters began
    anew and may already be above the old ones; only its new ID tells."""
    calc = RateCalculator(host_cpus=1)
    first = RawSample(0.0, {A: DomainCounters.from_libvirt(record(cpu=SECOND, rd=100), 3)})
    calc.update(first)
    again = RawSample(
        1.0, {A: DomainCounters.from_libvirt(record(cpu=3 * SECOND, rd=10**9), 4)}
    )
    rates = calc.update(again)[A]
    assert rates.cpu_guest_percent is None and rates.disk_read_bps is None
    later = RawSample(2.0, {A: DomainCounters.from_libvirt(record(cpu=4 * SECOND, rd=10**9), 4)})
    assert calc.update(later)[A].cpu_guest_percent == pytest.approx(50.0)


def test_changed_device_set_gives_no_rate() -> None:
    calc = RateCalculator()
    calc.update(raw(0.0, a=record(rd=1000)))
    hotplugged = record(rd=1000)
    hotplugged.update({
        "block.count": 3, "block.2.name": "vdb",
        "block.2.rd.bytes": 10**9, "block.2.wr.bytes": 0,
    })
    rates = calc.update(raw(1.0, a=hotplugged))[A]
    assert rates.disk_read_bps is None  # not a 1 GB/s spike
    assert rates.net_rx_bps == 0.0


def test_missing_keys_give_none_and_keep_old_reading() -> None:
    calc = RateCalculator(host_cpus=1)
    calc.update(raw(0.0, a={"state.state": 1, "cpu.time": 0, "vcpu.current": 1}))
    # A tick that read only state: no CPU rate, no error.
    rates = calc.update(raw(1.0, a={"state.state": 1}))[A]
    assert rates.cpu_guest_percent is None
    assert rates.disk_read_bps is None and rates.memory_used_kib is None
    # The next CPU reading pairs with the last one there was, over 2 s.
    rates = calc.update(raw(2.0, a={"cpu.time": SECOND, "vcpu.current": 1}))[A]
    assert rates.cpu_guest_percent == pytest.approx(50.0)


def test_non_positive_time_step() -> None:
    calc = RateCalculator(host_cpus=1)
    calc.update(raw(5.0, a=record(cpu=0, rd=0)))
    same = calc.update(raw(5.0, a=record(cpu=SECOND, rd=100)))[A]
    assert same.cpu_guest_percent is None and same.disk_read_bps is None
    older = calc.update(raw(4.0, a=record(cpu=SECOND, rd=100)))[A]
    assert older.cpu_guest_percent is None and older.disk_read_bps is None
    later = calc.update(raw(6.0, a=record(cpu=SECOND, rd=100)))[A]
    assert later.cpu_guest_percent == pytest.approx(50.0)  # against the t=5 reading
    assert later.disk_read_bps == pytest.approx(100.0)


def test_domains_appearing_and_vanishing() -> None:
    calc = RateCalculator(host_cpus=1)
    calc.update(raw(0.0, a=record(cpu=0)))
    both = calc.update(raw(1.0, a=record(cpu=SECOND), b=record(cpu=7 * SECOND)))
    assert both[A].cpu_guest_percent == pytest.approx(50.0)
    assert both[B].cpu_guest_percent is None  # first sample of B
    only_b = calc.update(raw(2.0, b=record(cpu=8 * SECOND)))
    assert set(only_b) == {B}
    assert only_b[B].cpu_guest_percent == pytest.approx(50.0)
    assert calc.known() == {B}
    # A comes back (restarted): its old counters are gone, no rate at first.
    back = calc.update(raw(3.0, a=record(cpu=SECOND), b=record(cpu=9 * SECOND)))
    assert back[A].cpu_guest_percent is None


def test_empty_sample() -> None:
    calc = RateCalculator()
    assert calc.update(RawSample(1.0, {})) == {}


# A physically possible pair of readings: the guest's vCPUs ran at most
# all of the elapsed time each.
@given(
    vcpus=st.integers(1, 256),
    host_cpus=st.integers(1, 1024),
    start_ns=st.integers(0, 10**15),
    dt=st.floats(1e-3, 3600.0),
    busy=st.floats(0.0, 1.0),
)
def test_cpu_percent_is_within_bounds(
    vcpus: int, host_cpus: int, start_ns: int, dt: float, busy: float
) -> None:
    used_ns = int(busy * dt * 1e9 * vcpus)
    calc = RateCalculator(host_cpus=host_cpus)
    calc.update(RawSample(100.0, {A: DomainCounters(cpu_time_ns=start_ns, vcpus=vcpus)}))
    rates = calc.update(
        RawSample(100.0 + dt, {A: DomainCounters(cpu_time_ns=start_ns + used_ns, vcpus=vcpus)})
    )[A]
    guest, host = rates.cpu_guest_percent, rates.cpu_host_percent
    assert guest is not None and host is not None
    assert 0.0 <= guest <= 100.0
    assert 0.0 <= host <= 100.0
    # The guest view times the vCPUs is top's figure: at most 100 per vCPU.
    assert guest * vcpus <= 100.0 * vcpus + 1e-6
    # Within bounds the figure is the exact one, not a clamp hiding an error.
    assert guest == pytest.approx(used_ns / (dt * 1e9) * 100 / vcpus, rel=1e-9, abs=1e-9)


@given(
    first=st.integers(0, 2**63 - 1),
    second=st.integers(0, 2**63 - 1),
    dt=st.floats(-10.0, 10.0),
    cpus=st.one_of(st.none(), st.integers(-1, 64)),
)
def test_rates_are_never_negative(first: int, second: int, dt: float, cpus: int | None) -> None:
    calc = RateCalculator(host_cpus=cpus)
    calc.update(raw(50.0, a=record(cpu=first, rd=first, rx=first, vcpus=cpus or 1)))
    rates = calc.update(raw(50.0 + dt, a=record(cpu=second, rd=second, rx=second)))[A]
    for _metric, value in rates.metrics():
        assert value is None or value >= 0.0
    assert cpu_percent(second - first, dt, cpus) is None or second >= first


# ------------------------------------------------------------------- host


def test_host_rates() -> None:
    calc = RateCalculator()
    memory = {"total": 16_000_000, "free": 4_000_000, "buffers": 1_000_000, "cached": 3_000_000}
    first = calc.update_host(HostCounters(
        1.0, {"user": 0, "kernel": 0, "idle": 0, "iowait": 0}, memory
    ))
    assert first.cpu_percent is None
    assert first.memory_used_kib == 8_000_000
    assert first.memory_total_kib == 16_000_000
    second = calc.update_host(HostCounters(
        2.0, {"user": 3 * SECOND, "kernel": SECOND, "idle": 3 * SECOND, "iowait": SECOND}
    ))
    assert second.cpu_percent == pytest.approx(50.0)
    assert second.memory_used_kib is None
    reset = calc.update_host(HostCounters(3.0, {"user": 0, "kernel": 0, "idle": 0}))
    assert reset.cpu_percent is None


class FakeError(libvirt.libvirtError):
    def __init__(self, code: int) -> None:
        Exception.__init__(self, f"error {code}")
        self.code = code

    def get_error_code(self) -> int:
        return self.code


def unsupported(*_args: object) -> Any:
    raise FakeError(libvirt.VIR_ERR_NO_SUPPORT)


class FakeConn:
    """Just enough of virConnect for the samplers."""

    def __init__(self, **methods: Callable[..., Any]) -> None:
        self.calls: list[tuple[str, tuple[object, ...]]] = []
        self._methods = methods

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = self._methods[name]

        def call(*args: object) -> Any:
            self.calls.append((name, args))
            return method(*args)

        return call


def test_host_sample_unsupported_returns_none() -> None:
    conn = FakeConn(getCPUStats=unsupported, getMemoryStats=unsupported)
    assert host_sample(conn) is None  # type: ignore[arg-type]


def test_host_sample_partial() -> None:
    conn = FakeConn(getCPUStats=lambda _f: {"idle": 5, "user": 1}, getMemoryStats=unsupported)
    host = host_sample(conn)  # type: ignore[arg-type]
    assert host is not None
    assert host.cpu_times_ns == {"idle": 5, "user": 1}
    assert host.memory_kib is None


def test_host_sample_other_errors_raise() -> None:
    def broken(*_args: object) -> Any:
        raise FakeError(libvirt.VIR_ERR_SYSTEM_ERROR)

    conn = FakeConn(getCPUStats=broken, getMemoryStats=unsupported)
    with pytest.raises(libvirt.libvirtError):
        host_sample(conn)  # type: ignore[arg-type]


# --------------------------------------------------------------- sampling


class FakeDomain:
    def __init__(self, uuid: str, run_id: int = 7, **methods: Callable[..., Any]) -> None:
        self.uuid = uuid
        self.run_id = run_id
        self._methods = methods

    def UUIDString(self) -> str:
        return self.uuid

    def ID(self) -> int:
        return self.run_id

    def __getattr__(self, name: str) -> Callable[..., Any]:
        return self._methods[name]


def info(cpu_ns: int, vcpus: int = 2) -> Callable[[], list[int]]:
    """A domain's virDomainGetInfo: state, max memory, memory, vCPUs, CPU time."""
    return lambda: [1, 1024, 1024, vcpus, cpu_ns]


def test_sample_uses_one_bulk_call_info_for_cpu_and_one_listed_call_for_disks() -> None:
    dom = FakeDomain(A, info=info(SECOND))
    block = {k: v for k, v in record(rd=5).items() if k.startswith("block.")}
    conn = FakeConn(
        getAllDomainStats=lambda mask, flags: [(dom, {"state.state": 1})],
        domainListGetStats=lambda doms, mask, flags: [(d, dict(block)) for d in doms],
    )
    result = sample(conn, StatGroups.CPU | StatGroups.DISK)  # type: ignore[arg-type]
    assert list(result.domains) == [A]
    counters = result.domains[A]
    assert (counters.cpu_time_ns, counters.vcpus, counters.run_id) == (SECOND, 2, 7)
    assert counters.block_rd_bytes == 5
    assert counters.read == StatGroups.CPU | StatGroups.DISK
    assert [name for name, _args in conn.calls] == ["getAllDomainStats", "domainListGetStats"]
    mask, flags = conn.calls[0][1]
    assert mask == libvirt.VIR_DOMAIN_STATS_STATE  # disks are not read of every domain
    assert flags & libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE
    _doms, mask, _flags = conn.calls[1][1]
    assert mask == libvirt.VIR_DOMAIN_STATS_BLOCK


def test_sample_reads_of_each_domain_only_the_groups_due() -> None:
    doms = [FakeDomain(A, info=info(SECOND)), FakeDomain(B, info=info(SECOND))]
    conn = FakeConn(
        getAllDomainStats=lambda mask, flags: [(d, {"state.state": 1}) for d in doms],
        domainListGetStats=lambda listed, mask, flags: [(d, {}) for d in listed],
    )
    result = sample(
        conn, StatGroups.ALL,  # type: ignore[arg-type]
        due=lambda uuid, state, run_id: StatGroups.MEMORY if uuid == A else StatGroups.NONE,
    )
    assert result.domains[A].read == StatGroups.MEMORY | StatGroups.NETWORK
    assert result.domains[B].read == StatGroups.NETWORK
    assert result.domains[A].cpu_time_ns is None  # no info() call: CPU was not due
    listed, _mask, _flags = conn.calls[1][1]
    assert listed == [doms[0]]


def test_sample_retries_without_nowait() -> None:
    def stats(_mask: int, flags: int) -> list[Any]:
        if flags & libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT:
            raise FakeError(libvirt.VIR_ERR_INVALID_ARG)
        return [(FakeDomain(A, info=info(1)), record())]

    conn = FakeConn(getAllDomainStats=stats)
    assert sample(conn, StatGroups.CPU).domains[A].cpu_time_ns == 1  # type: ignore[arg-type]
    assert len(conn.calls) == 2


DOMAIN_XML = """<domain type='kvm'><devices>
  <disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>
  <interface type='network'><target dev='vnet3'/></interface>
</devices></domain>"""


def test_sample_falls_back_per_domain() -> None:
    running = FakeDomain(
        A,
        info=lambda: [1, 4096, 2048, 2, 3 * SECOND],
        memoryStats=lambda: {"actual": 2048, "unused": 1024, "rss": 3000},
        XMLDesc=lambda _flags: DOMAIN_XML,
        blockStats=lambda dev: (5, 500, 6, 600, 0),
        interfaceStats=lambda dev: (70, 1, 0, 0, 80, 1, 0, 0),
    )

    def gone() -> Any:
        raise FakeError(libvirt.VIR_ERR_NO_DOMAIN)

    vanished = FakeDomain(B, info=gone)
    conn = FakeConn(getAllDomainStats=unsupported, listAllDomains=lambda _f: [running, vanished])
    result = sample(conn)  # type: ignore[arg-type]
    assert set(result.domains) == {A}
    counters = result.domains[A]
    assert counters.cpu_time_ns == 3 * SECOND and counters.vcpus == 2
    assert memory_used_kib(counters) == 1024
    assert (counters.block_rd_bytes, counters.block_wr_bytes) == (500, 600)
    assert counters.block_devices == ("vda",)
    assert (counters.net_rx_bytes, counters.net_tx_bytes) == (70, 80)


def test_sample_other_errors_raise() -> None:
    def broken(*_args: object) -> Any:
        raise FakeError(libvirt.VIR_ERR_RPC)

    with pytest.raises(libvirt.libvirtError):
        sample(FakeConn(getAllDomainStats=broken))  # type: ignore[arg-type]


def one_domain_node(tmp_path: Path) -> Path:
    """A test-driver file with one running domain, UUID A."""
    node = tmp_path / "node.xml"
    node.write_text(
        "<node><domain type='test'><name>kvmgui-test-stats</name>"
        f"<uuid>{A}</uuid><memory>1048576</memory><vcpu>2</vcpu>"
        "<os><type>hvm</type></os></domain></node>"
    )
    return node


def test_sample_on_test_driver(tmp_path: Path) -> None:
    """The real call shapes, on libvirt's in-process test driver (state only)."""
    conn = libvirt.open(f"test://{one_domain_node(tmp_path)}")
    try:
        result = sample(conn)
        assert set(result.domains) == {A}
        assert result.domains[A].state == 1
        # The test driver's info() reports wall-clock time as CPU time.
        assert result.domains[A].cpu_time_ns is not None
        assert result.domains[A].vcpus == 2
        assert sample(conn, info_cpu_is_real=False).domains[A].cpu_time_ns is None
        sampler = StatsSampler()
        sampler.tick(conn, StatGroups.CPU)
        sampler.tick(conn, StatGroups.CPU)
        latest = sampler.latest(A)
        assert latest is not None and latest.cpu_guest_percent is None
        host = host_sample(conn)  # CPU times are faked there, memory is unsupported
        assert host is None or host.memory_kib is None
    finally:
        conn.close()


# ------------------------------------------------------------ ring buffer


def test_ring_buffer_fills_then_wraps() -> None:
    buffer = RingBuffer(4)
    assert len(buffer) == 0
    assert buffer.values().tolist() == []
    assert buffer.latest() is None
    for value in (1, 2, 3):
        buffer.append(value)
    assert buffer.values().tolist() == [1, 2, 3]
    for value in (4, 5, 6):
        buffer.append(value)
    assert len(buffer) == 4
    assert buffer.values().tolist() == [3, 4, 5, 6]
    assert buffer.values(last=2).tolist() == [5, 6]
    assert buffer.values(last=10).tolist() == [3, 4, 5, 6]
    assert buffer.values(last=0).tolist() == []
    assert buffer.latest() == 6
    for value in range(7, 7 + 4 * 3 + 1):
        buffer.append(value)
    assert buffer.values().tolist() == [16, 17, 18, 19]


def test_ring_buffer_values_are_a_copy_and_none_is_nan() -> None:
    buffer = RingBuffer(3)
    buffer.append(1.0)
    buffer.append(None)
    values = buffer.values()
    assert values[0] == 1.0 and math.isnan(values[1])
    assert buffer.latest() is None
    values[0] = 99.0
    assert buffer.values()[0] == 1.0


def test_ring_buffer_rejects_zero_capacity() -> None:
    with pytest.raises(ValueError):
        RingBuffer(0)


@given(capacity=st.integers(1, 20), items=st.lists(st.floats(-1e6, 1e6), max_size=60))
def test_ring_buffer_keeps_the_last_items(capacity: int, items: list[float]) -> None:
    buffer = RingBuffer(capacity)
    for item in items:
        buffer.append(item)
    assert buffer.values().tolist() == items[-capacity:]
    assert len(buffer) == min(capacity, len(items))


def test_history_stays_aligned() -> None:
    history = StatsHistory(capacity=3)
    history.append(A, 1.0, [(Metric.CPU_GUEST, 10.0)])
    history.append(A, 2.0, [(Metric.CPU_GUEST, None), (Metric.NET_RX, 5.0)])
    history.append(A, 3.0, [(Metric.CPU_GUEST, 30.0)])
    history.append(A, 4.0, [(Metric.CPU_GUEST, 40.0)])
    assert history.times(A).tolist() == [2.0, 3.0, 4.0]
    cpu = history.values(A, Metric.CPU_GUEST)
    assert math.isnan(cpu[0]) and cpu[1:].tolist() == [30.0, 40.0]
    assert [math.isnan(v) for v in history.values(A, Metric.NET_RX)] == [False, True, True]
    assert history.latest(A, Metric.CPU_GUEST) == 40.0
    assert len(history.values(B, Metric.CPU_GUEST)) == 0
    assert len(history.times(B)) == 0
    history.retain([B])
    assert A not in history


# ---------------------------------------------------------------- sampler


def test_sampler_apply_reports_updated_and_vanished() -> None:
    sampler = StatsSampler(host_cpus=2, capacity=10)
    assert sampler.apply(raw(0.0, a=record(cpu=0), b=record(cpu=0))) == {A, B}
    assert sampler.apply(raw(1.0, a=record(cpu=SECOND))) == {A, B}  # B stopped
    latest = sampler.latest(A)
    assert latest is not None and latest.cpu_guest_percent == pytest.approx(50.0)
    assert sampler.latest(B) is None
    assert sampler.history.values(A, Metric.CPU_GUEST)[-1] == pytest.approx(50.0)
    assert sampler.history.times(B).tolist() == [0.0]  # kept until forgotten
    assert sampler.apply(raw(2.0, a=record(cpu=SECOND))) == {A}
    sampler.forget(B)
    assert B not in sampler.history


def test_sampler_tick_reads_and_applies() -> None:
    cpu_readings = iter([0, SECOND])
    dom = FakeDomain(A, info=lambda: [1, 1024, 1024, 2, next(cpu_readings)])
    conn = FakeConn(
        getInfo=lambda: ["x86_64", 4096, 4, 3000, 1, 1, 4, 1],
        getType=lambda: "QEMU",
        getAllDomainStats=lambda mask, flags: [(dom, record())],
        getCPUStats=lambda _f: {"idle": 0, "user": 0},
        getMemoryStats=lambda _f: {"total": 1000, "free": 400},
    )
    sampler = StatsSampler()
    assert sampler.tick(conn, StatGroups.CPU) == {A}  # type: ignore[arg-type]
    assert sampler.host_cpus == 4
    assert len(sampler.host_history.times(HOST_KEY)) == 0  # host not asked for
    assert sampler.tick(conn, StatGroups.CPU, host=True) == {A}  # type: ignore[arg-type]
    latest = sampler.latest(A)
    assert latest is not None and latest.cpu_host_percent is not None
    assert sampler.host_history.latest(HOST_KEY, Metric.MEMORY_USED) == 600
    assert [name for name, _args in conn.calls].count("getInfo") == 1


def test_sampler_ignores_a_forgotten_domain_in_an_older_sample() -> None:
    sampler = StatsSampler()
    sampler.apply(raw(time.monotonic(), a=record(cpu=0)))
    read_before = raw(time.monotonic(), a=record(cpu=1))  # a tick read it, then...
    sampler.forget(A)  # ...it was undefined before that tick applied
    assert sampler.apply(read_before) == set()
    assert A not in sampler.history
    assert sampler.apply(raw(time.monotonic(), a=record(cpu=2))) == {A}  # defined anew


def test_sampler_host() -> None:
    sampler = StatsSampler()
    assert sampler.apply_host(None) is None
    sampler.apply_host(HostCounters(1.0, {"idle": 0, "user": 0}))
    rates = sampler.apply_host(HostCounters(2.0, {"idle": SECOND, "user": SECOND}))
    assert rates is not None and rates.cpu_percent == pytest.approx(50.0)
    assert sampler.host_history.latest(HOST_KEY, Metric.CPU_HOST) == pytest.approx(50.0)
    assert len(sampler.host_history.times(HOST_KEY)) == 2


def test_slow_groups_are_read_once_per_period() -> None:
    sampler = StatsSampler(host_cpus=1)
    every = StatGroups.ALL & PER_DOMAIN_GROUPS
    memory_period = SLOW_GROUP_PERIODS[StatGroups.MEMORY]
    disk_period = SLOW_GROUP_PERIODS[StatGroups.DISK]

    def due(now: float, state: int = libvirt.VIR_DOMAIN_RUNNING, run_id: int = 1) -> StatGroups:
        return sampler.due(A, state, run_id, now=now)

    assert due(100.0) == every  # the first tick reads all
    assert due(101.0) == StatGroups.CPU
    assert due(100.0 + disk_period) == StatGroups.CPU | StatGroups.DISK
    assert due(100.0 + memory_period) == every
    # Paused: everything at once when the state changes, then CPU once per
    # its paused period, memory and disk no more.
    paused = libvirt.VIR_DOMAIN_PAUSED
    assert due(111.0, paused) == every
    assert due(112.0, paused) == StatGroups.NONE
    assert due(111.0 + PAUSED_PERIODS[StatGroups.CPU], paused) == StatGroups.CPU
    assert due(1000.0, paused) == StatGroups.CPU
    assert due(1001.0) == every  # resumed
    assert due(1002.0, run_id=2) == every  # restarted


def test_a_slow_group_just_asked_for_is_read_at_once(tmp_path: Path) -> None:
    conn = libvirt.open(f"test://{one_domain_node(tmp_path)}")
    try:
        run_id = conn.lookupByUUIDString(A).ID()
        sampler = StatsSampler()
        cpu_memory = StatGroups.CPU | StatGroups.MEMORY
        sampler.tick(conn, cpu_memory)
        assert sampler.due(A, 1, run_id, now=time.monotonic(), groups=cpu_memory) == (
            StatGroups.CPU
        )
        sampler.tick(conn, StatGroups.CPU)
        assert sampler.due(A, 1, run_id, now=time.monotonic(), groups=cpu_memory) == cpu_memory
    finally:
        conn.close()


def test_a_paused_domain_keeps_its_last_values_between_its_reads(tmp_path: Path) -> None:
    """On the test driver: pausing reads the domain at once, then not until the period."""
    conn = libvirt.open(f"test://{one_domain_node(tmp_path)}")
    try:
        dom = conn.lookupByUUIDString(A)
        sampler = StatsSampler()
        sampler.tick(conn, StatGroups.ALL)
        dom.suspend()
        sampler.tick(conn, StatGroups.ALL)
        paused = libvirt.VIR_DOMAIN_PAUSED
        assert sampler.due(A, paused, dom.ID(), now=time.monotonic()) == StatGroups.NONE
        sampler.tick(conn, StatGroups.ALL)
        assert len(sampler.history.times(A)) == 3  # still recorded at every tick
    finally:
        conn.close()


def test_ticks_without_slow_groups_carry_memory_and_disk_over() -> None:
    sampler = StatsSampler(host_cpus=1)
    first = record(cpu=0, vcpus=1) | {"balloon.current": 4096, "balloon.rss": 1000}
    sampler.apply(RawSample(0.0, {A: DomainCounters.from_libvirt(first, 1)}))
    second = {"state.state": 1, "cpu.time": SECOND // 2, "vcpu.current": 1}
    sampler.apply(RawSample(
        1.0, {A: DomainCounters.from_libvirt(second, 1, StatGroups.CPU | StatGroups.NETWORK)},
    ))
    latest = sampler.latest(A)
    assert latest is not None
    assert latest.cpu_guest_percent == pytest.approx(50.0)
    assert latest.memory_used_kib == 1000  # carried over, not a gap
    assert sampler.history.values(A, Metric.MEMORY_USED).tolist() == [1000.0, 1000.0]


def test_a_paused_domain_shows_no_cpu_between_its_reads() -> None:
    """The read when it pauses spans the second before (it ran): that rate is
    shown once, not carried over while its vCPUs stand still."""
    sampler = StatsSampler(host_cpus=1)
    running = {"state.state": libvirt.VIR_DOMAIN_RUNNING, "vcpu.current": 1}
    paused = running | {"state.state": libvirt.VIR_DOMAIN_PAUSED}
    sampler.apply(RawSample(0.0, {A: DomainCounters.from_libvirt(running | {"cpu.time": 0}, 1)}))
    sampler.apply(RawSample(1.0, {
        A: DomainCounters.from_libvirt(paused | {"cpu.time": SECOND // 2}, 1)
    }))
    latest = sampler.latest(A)
    assert latest is not None and latest.cpu_guest_percent == pytest.approx(50.0)
    sampler.apply(RawSample(2.0, {
        A: DomainCounters.from_libvirt(paused, 1, StatGroups.NETWORK)  # CPU not due
    }))
    latest = sampler.latest(A)
    assert latest is not None
    assert (latest.cpu_guest_percent, latest.cpu_host_percent) == (0.0, 0.0)


def test_a_paused_domain_without_cpu_times_shows_no_cpu() -> None:
    """A driver that reports no CPU time (libvirt's test driver) shows no value, not 0 %."""
    sampler = StatsSampler(host_cpus=1)
    paused = {"state.state": libvirt.VIR_DOMAIN_PAUSED}
    sampler.apply(RawSample(0.0, {A: DomainCounters.from_libvirt(paused, 1)}))
    sampler.apply(RawSample(1.0, {
        A: DomainCounters.from_libvirt(paused, 1, StatGroups.NETWORK)  # CPU not due
    }))
    latest = sampler.latest(A)
    assert latest is not None
    assert (latest.cpu_guest_percent, latest.cpu_host_percent) == (None, None)


def test_series_count_the_newest_samples_whose_values_are_the_same() -> None:
    history = StatsHistory(3, (Metric.CPU_GUEST, Metric.NET_RX))
    for cpu, repeats in ((0.1, 1), (0.1, 2), (None, 1), (None, 2), (None, 3), (None, 4), (5, 1)):
        history.append(A, 0.0, [(Metric.CPU_GUEST, cpu)])  # NET_RX: a gap every time
        series = history.series(A)
        assert series is not None and series.repeats == repeats


def test_sampler_leaves_out_a_domain_whose_shown_window_stands_still() -> None:
    sampler = StatsSampler(host_cpus=1, shown_points=2)
    still = {"state.state": 1, "balloon.current": 4096, "balloon.rss": 1000}
    for second, changed in enumerate(({A}, {A}, set(), set())):
        assert sampler.apply(RawSample(float(second), {
            A: DomainCounters.from_libvirt(still, 1)
        })) == changed
    moved = still | {"balloon.rss": 2000}
    assert sampler.apply(RawSample(4.0, {A: DomainCounters.from_libvirt(moved, 1)})) == {A}
    assert sampler.apply(RawSample(5.0, {})) == {A}  # stopped


def test_a_tick_lets_readers_take_the_lock_between_slices_of_domains(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reader on the GUI thread (a list cell scrolled into view) waits for one
    slice of a tick's domains, not for the whole fleet."""
    uuids = [f"{n:08d}-0000-4000-8000-000000000000" for n in range(3 * APPLY_SLICE)]
    domains = [FakeDomain(uuid, info=info(SECOND)) for uuid in uuids]
    conn = FakeConn(
        getInfo=lambda: ["x86_64", 4096, 4, 3000, 1, 1, 4, 1],
        getType=lambda: "QEMU",
        getAllDomainStats=lambda mask, flags: [(dom, record()) for dom in domains],
    )
    sampler = StatsSampler()
    # Between slices, another thread takes the lock and counts the domains with history.
    seen: list[int] = []

    def read_from_another_thread() -> None:
        def read() -> None:
            if sampler.lock.acquire(timeout=5):
                seen.append(sum(uuid in sampler.history for uuid in uuids))
                sampler.lock.release()

        reader = threading.Thread(target=read)
        reader.start()
        reader.join()

    monkeypatch.setattr(sampler_module, "step_aside", read_from_another_thread)
    assert sampler.tick(conn, StatGroups.CPU) == set(uuids)  # type: ignore[arg-type]
    assert seen == [0, APPLY_SLICE, 2 * APPLY_SLICE]


# ------------------------------------------------- a large fleet, read in parts


class CountingConn:
    """A real connection whose stats calls are counted (and whose listing can be
    followed by ``after_listing``: what happens between a listing and its read)."""

    def __init__(self, conn: libvirt.virConnect,
                 after_listing: Callable[[], None] | None = None) -> None:
        self._conn = conn
        self._after_listing = after_listing
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    def getAllDomainStats(self, *args: Any) -> Any:
        self.calls.append("all")
        return self._conn.getAllDomainStats(*args)

    def domainListGetStats(self, domains: list[libvirt.virDomain], *args: Any) -> Any:
        self.calls.append(f"listed {len(domains)}")
        return self._conn.domainListGetStats(domains, *args)

    def listAllDomains(self, *args: Any) -> Any:
        listed = self._conn.listAllDomains(*args)
        if self._after_listing is not None:
            self._after_listing()
        return listed


@pytest.fixture
def large_fleet(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    """1,200 test-driver domains, 300 of them running (more than RECORDS_PER_CALL)."""
    conn = libvirt.open(f"test://{write_node(tmp_path / 'node.xml', numbered_fleet(1200))}")
    yield conn
    conn.close()


def states(raw: RawSample) -> dict[str, int | None]:
    return {uuid: counters.state for uuid, counters in raw.domains.items()}


def test_a_large_fleet_is_read_in_parts_as_in_one_call(
    large_fleet: libvirt.virConnect
) -> None:
    assert RECORDS_PER_CALL == 250
    counting = CountingConn(large_fleet)
    whole = sample(counting, StatGroups.NETWORK)  # type: ignore[arg-type]
    assert counting.calls == ["all"] and len(whole.domains) == 300
    counting.calls.clear()
    parts = sample(counting, StatGroups.NETWORK, large=True)  # type: ignore[arg-type]
    assert counting.calls == ["listed 250", "listed 50"]
    assert states(parts) == states(whole)


def test_the_sampler_reads_in_parts_after_a_tick_that_read_a_large_fleet(
    large_fleet: libvirt.virConnect
) -> None:
    counting = CountingConn(large_fleet)
    sampler = StatsSampler()
    sampler.tick(counting, StatGroups.NETWORK)  # type: ignore[arg-type]
    assert counting.calls == ["all"]
    counting.calls.clear()
    sampler.tick(counting, StatGroups.NETWORK)  # type: ignore[arg-type]
    assert counting.calls == ["listed 250", "listed 50"]


def test_a_domain_stopped_since_the_listing_is_left_out(
    large_fleet: libvirt.virConnect
) -> None:
    listed = large_fleet.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)
    listed[0].destroy()
    records = read_listed_domain_stats(large_fleet, listed, libvirt.VIR_DOMAIN_STATS_STATE)
    assert records is not None
    assert {dom.UUIDString() for dom, _stats in records} == {
        dom.UUIDString() for dom in listed[1:]
    }


def test_a_domain_gone_since_the_listing_is_left_out(
    large_fleet: libvirt.virConnect
) -> None:
    transient = large_fleet.createXML(domain_xml(FleetDomain("kvmgui-test-transient")))
    uuid = transient.UUIDString()
    counting = CountingConn(large_fleet, after_listing=transient.destroy)
    raw = sample(counting, StatGroups.NETWORK, large=True)  # type: ignore[arg-type]
    assert counting.calls == ["listed 250", "listed 51"]
    assert len(raw.domains) == 300 and uuid not in raw.domains
