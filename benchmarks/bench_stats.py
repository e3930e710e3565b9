"""What live statistics cost: the app, libvirtd and QEMU, at a 1 s interval.

On qemu:///system it defines 200 ``kvmgui-test-bench-`` domains (TCG, 64 MiB,
no disk, no NIC) and starts 50 of them paused (they report statistics but burn
no CPU). Per run it opens the app's own MainWindow (offscreen; its
StatsPoller, DomainTreeModel and sparkline delegates) on that connection and
measures 60 s of polling with the CPU and memory columns shown, then 60 s with
all four groups, then 20 s with the window minimized (polling stopped: the
baseline of the same processes, which other users of the daemon also load).
Then the same app on a test-driver fleet of 2,000 domains (500 running; the
test driver reports state only) for the steady-state CPU of the app.

Printed per configuration, as CPU-seconds per minute: the app process
(getrusage), libvirtd and the bench domains' QEMU processes (/proc/PID/stat
utime+stime), the app's RSS, GUI-thread stalls (a 5 ms timer probe) and the
ticks done. Medians of the runs are compared with the issue's targets. The
fleet is removed at the end, also on Ctrl+C or an error.

    QT_QPA_PLATFORM=offscreen QT_NO_GLIB=1 .venv/bin/python benchmarks/bench_stats.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Both before Qt is imported (DESIGN.md, "Threads and async"; no display here).
os.environ["QT_NO_GLIB"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import contextlib
import datetime
import platform
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

import libvirt
from PySide6.QtCore import QSettings, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.bench_list import TickProbe, percentile, qt_message
from kvmgui.core.connection import Connection, ConnectionState
from kvmgui.core.events import ensure_event_loop
from kvmgui.core.stats.reading import StatGroups
from kvmgui.ui.app import App
from kvmgui.ui.eventloop import AppEventLoop
from kvmgui.ui.gc import GuiThreadGarbageCollector
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.settings import Settings
from tests.fleet import numbered_fleet, write_node

SYSTEM_URI = "qemu:///system"
PREFIX = "kvmgui-test-bench-"
DEFINED, PAUSED = 200, 50
FLEET_SIZE, FLEET_RUNNING_EVERY = 2_000, 4
CLK_TCK = os.sysconf("SC_CLK_TCK")
CONNECT_TIMEOUT_S = 120.0
WARM_UP_S = 3.0

# Targets at 1 s with all four groups (issue 13).
APP_TARGET, LIBVIRTD_TARGET, QEMU_TARGET = 2.0, 0.5, 1.5  # CPU-s per minute
RSS_TARGET_MIB = 110.0
FLEET_TARGET_PERCENT = 5.0
STALL_P99_TARGET_MS, STALL_MAX_TARGET_MS = 8.0, 33.0


def bench_domain_xml(name: str) -> str:
    return f"""<domain type='qemu'>
  <name>{name}</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  <devices><memballoon model='virtio'/></devices>
</domain>"""


# ------------------------------------------------------------------ the fleet


def remove_fleet(conn: libvirt.virConnect, prefix: str = PREFIX) -> int:
    removed = 0
    for dom in conn.listAllDomains(0):
        if not dom.name().startswith(prefix):
            continue
        with contextlib.suppress(libvirt.libvirtError):
            if dom.isActive():
                dom.destroy()
        with contextlib.suppress(libvirt.libvirtError):
            dom.undefine()
            removed += 1
    return removed


def make_fleet(
    conn: libvirt.virConnect, prefix: str = PREFIX, defined: int = DEFINED, paused: int = PAUSED,
) -> list[str]:
    """Define ``defined`` domains, start the first ``paused`` paused; the names started."""
    remove_fleet(conn, prefix)  # left over by a run that was killed
    started = []
    for index in range(defined):
        name = f"{prefix}{index:03d}"
        dom = conn.defineXML(bench_domain_xml(name))
        if index < paused:
            dom.createWithFlags(libvirt.VIR_DOMAIN_START_PAUSED)
            started.append(name)
    return started


# --------------------------------------------------------------- CPU meters


def proc_cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime


def libvirtd_pid() -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if (entry / "comm").read_text().strip() == "libvirtd":
                    return int(entry.name)
    raise RuntimeError("no libvirtd process")


def qemu_pids(names: list[str]) -> list[int]:
    return [int(Path(f"/run/libvirt/qemu/{name}.pid").read_text().strip()) for name in names]


def app_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def app_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


@dataclass
class Measure:
    label: str
    app: float  # CPU-seconds per minute
    libvirtd: float | None
    qemu: float | None
    rss_mib: float
    stall_p99: float
    stall_max: float
    ticks: int
    skipped: int

    def line(self) -> str:
        def fmt(value: float | None) -> str:
            return "—" if value is None else f"{value:.2f}"

        return (
            f"  {self.label:<34} app {fmt(self.app)}  libvirtd {fmt(self.libvirtd)}  "
            f"qemu {fmt(self.qemu)} CPU-s/min  RSS {self.rss_mib:.0f} MiB  "
            f"stalls p99 {self.stall_p99:.1f} / max {self.stall_max:.1f} ms  "
            f"ticks {self.ticks} (skipped {self.skipped})"
        )


# ------------------------------------------------------------------ the runs


@dataclass
class Opened:
    """One configuration's app, main window and connection."""

    app: App
    window: MainWindow
    connection: Connection


async def open_app(
    loop: asyncio.AbstractEventLoop, tmpdir: Path, uri: str, groups: StatGroups, run: int
) -> Opened:
    settings = Settings(QSettings(str(tmpdir / f"settings-{run}-{groups.value}.ini"),
                                  QSettings.Format.IniFormat))
    settings.set_stats_columns(groups)
    settings.set_stats_interval(1.0)
    app = App(loop, settings)
    window = MainWindow(app, remember_connections=False)
    window.show()
    if not QTest.qWaitForWindowExposed(window, 5000):
        raise RuntimeError("the main window was never exposed")
    connection = app.manager.add(uri)
    deadline = time.monotonic() + CONNECT_TIMEOUT_S
    while connection.state is not ConnectionState.CONNECTED:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{uri}: {connection.state.value} {connection.error}")
        await asyncio.sleep(0.1)
    return Opened(app, window, connection)


async def close_app(opened: Opened) -> None:
    opened.window.close()
    opened.app.stop()
    await opened.app.manager.close_all()


async def measure(
    app: Opened, label: str, seconds: float, qemu: list[int] | None, libvirtd: int | None
) -> Measure:
    ticks = 0

    def count(connection: Connection, _uuids: object) -> None:
        nonlocal ticks
        ticks += connection is app.connection

    app.window.stats.stats_sampled.connect(count)
    skipped_before = app.window.stats.skipped_ticks
    probe = TickProbe()
    meters: list[Callable[[], float]] = [app_cpu_seconds]
    if libvirtd is not None:
        meters.append(lambda: proc_cpu_seconds(libvirtd))
    if qemu is not None:
        meters.append(lambda: sum(proc_cpu_seconds(pid) for pid in qemu))
    before = [meter() for meter in meters]
    started = time.monotonic()
    probe.start()
    await asyncio.sleep(seconds)
    stalls = probe.stop()
    elapsed = time.monotonic() - started
    per_minute = [(meter() - b) * 60.0 / elapsed for meter, b in zip(meters, before, strict=True)]
    app.window.stats.stats_sampled.disconnect(count)
    return Measure(
        label=label,
        app=per_minute[0],
        libvirtd=per_minute[1] if libvirtd is not None else None,
        qemu=per_minute[-1] if qemu is not None else None,
        rss_mib=app_rss_mib(),
        stall_p99=percentile(stalls, 0.99),
        stall_max=max(stalls, default=0.0),
        ticks=ticks,
        skipped=app.window.stats.skipped_ticks - skipped_before,
    )


async def bench_system(
    loop: asyncio.AbstractEventLoop, tmpdir: Path, run: int, seconds: float, qemu: list[int]
) -> list[Measure]:
    libvirtd = libvirtd_pid()
    results = []
    for label, groups in (("200/50, CPU+memory", StatGroups.CPU | StatGroups.MEMORY),
                          ("200/50, all four groups", StatGroups.ALL)):
        app = await open_app(loop, tmpdir, SYSTEM_URI, groups, run)
        try:
            await asyncio.sleep(WARM_UP_S)
            results.append(await measure(app, label, seconds, qemu, libvirtd))
            print(results[-1].line(), flush=True)
            if groups is StatGroups.ALL:
                app.window.showMinimized()
                await asyncio.sleep(WARM_UP_S)
                baseline = await measure(app, "200/50, minimized (baseline)", seconds / 3,
                                         qemu, libvirtd)
                results.append(baseline)
                print(baseline.line(), flush=True)
        finally:
            await close_app(app)
    return results


async def bench_fleet(
    loop: asyncio.AbstractEventLoop, tmpdir: Path, run: int, seconds: float, uri: str
) -> Measure:
    app = await open_app(loop, tmpdir, uri, StatGroups.CPU | StatGroups.MEMORY, run)
    try:
        await asyncio.sleep(WARM_UP_S)
        result = await measure(app, f"{FLEET_SIZE:,} test-driver domains", seconds, None, None)
        print(result.line(), flush=True)
        return result
    finally:
        await close_app(app)


# ----------------------------------------------------------------- report


def median_of(results: list[Measure], label: str, field: str) -> float | None:
    values = [getattr(r, field) for r in results if r.label == label]
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def verdict(value: float | None, target: float, *, strict: bool = False) -> str:
    if value is None:
        return "—"
    return "PASS" if (value < target if strict else value <= target) else "**MISS**"


def report(results: list[Measure], runs: int) -> str:
    rows = [
        f"| figure (median of {runs}) | measured | target | result |",
        "| --- | ---: | ---: | --- |",
    ]

    def row(label: str, what: str, field: str, unit: str, target: float | None = None,
            *, strict: bool = False, scale: float = 1.0) -> None:
        value = median_of(results, label, field)
        shown = "—" if value is None else f"{value * scale:.2f} {unit}"
        goal = "—" if target is None else f"{'<' if strict else '≤'} {target:g} {unit}"
        result = "—" if target is None or value is None else verdict(
            value * scale, target, strict=strict
        )
        rows.append(f"| {label}: {what} | {shown} | {goal} | {result} |")

    for label in ("200/50, CPU+memory", "200/50, all four groups"):
        full = label.endswith("groups")
        row(label, "app", "app", "CPU-s/min", APP_TARGET if full else None)
        row(label, "libvirtd", "libvirtd", "CPU-s/min", LIBVIRTD_TARGET if full else None)
        row(label, "QEMU (50 paused)", "qemu", "CPU-s/min", QEMU_TARGET if full else None)
        row(label, "app RSS", "rss_mib", "MiB", RSS_TARGET_MIB, strict=True)
        row(label, "GUI stall p99", "stall_p99", "ms", STALL_P99_TARGET_MS, strict=True)
        row(label, "GUI stall max", "stall_max", "ms", STALL_MAX_TARGET_MS, strict=True)
        row(label, "ticks in 60 s", "ticks", "")
    base = "200/50, minimized (baseline)"
    row(base, "app", "app", "CPU-s/min")
    row(base, "libvirtd (other clients)", "libvirtd", "CPU-s/min")
    row(base, "QEMU", "qemu", "CPU-s/min")
    fleet = f"{FLEET_SIZE:,} test-driver domains"
    row(fleet, "app, % of a core", "app", "%", FLEET_TARGET_PERCENT, strict=True,
        scale=100 / 60)
    row(fleet, "app RSS", "rss_mib", "MiB", RSS_TARGET_MIB, strict=True)
    row(fleet, "GUI stall p99", "stall_p99", "ms", STALL_P99_TARGET_MS, strict=True)
    row(fleet, "GUI stall max", "stall_max", "ms", STALL_MAX_TARGET_MS, strict=True)
    row(fleet, "ticks in 60 s", "ticks", "")
    return "\n".join(rows)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60.0, help="per configuration")
    parser.add_argument("--no-system", action="store_true", help="only the test-driver fleet")
    return parser.parse_args()


async def bench_all(
    loop: asyncio.AbstractEventLoop, tmpdir: Path, args: argparse.Namespace,
    qemu: list[int] | None, fleet_uri: str,
) -> list[Measure]:
    results: list[Measure] = []
    for run in range(1, args.runs + 1):
        print(f"run {run} of {args.runs}", flush=True)
        if qemu is not None:
            results += await bench_system(loop, tmpdir, run, args.seconds, qemu)
        results.append(await bench_fleet(loop, tmpdir, run, args.seconds, fleet_uri))
    return results


def main() -> int:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="kvmgui-bench-") as tmp:
        tmpdir = Path(tmp)
        runtime_dir = tmpdir / "runtime"
        runtime_dir.mkdir(mode=0o700)
        os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))
        fleet_uri = "test://" + str(write_node(
            tmpdir / "fleet.xml", numbered_fleet(FLEET_SIZE, FLEET_RUNNING_EVERY)
        ))
        ensure_event_loop()
        qInstallMessageHandler(qt_message)
        app = QApplication(sys.argv[:1])
        app.setQuitOnLastWindowClosed(False)  # each configuration closes its window
        _collector = GuiThreadGarbageCollector(app)
        loop = AppEventLoop(app)
        asyncio.set_event_loop(loop)
        print(
            f"bench_stats: {datetime.datetime.now().isoformat(timespec='seconds')}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"libvirt {libvirt.getVersion()}, Qt platform {app.platformName()}", flush=True
        )
        system = None if args.no_system else libvirt.open(SYSTEM_URI)
        try:
            qemu = None
            if system is not None:
                started = time.monotonic()
                qemu = qemu_pids(make_fleet(system))
                print(f"fleet: {DEFINED} defined, {PAUSED} paused, "
                      f"in {time.monotonic() - started:.0f} s", flush=True)
            results = loop.run_until_complete(bench_all(loop, tmpdir, args, qemu, fleet_uri))
        finally:
            if system is not None:
                print(f"fleet removed: {remove_fleet(system)} domains", flush=True)
                system.close()
        print("\n" + report(results, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
