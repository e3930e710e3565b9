"""What live statistics cost: the app, libvirtd and QEMU, at a 1 s interval.

On qemu:///system it defines 200 ``kvmgui-test-bench-`` domains (TCG, 64 MiB,
no disk, no NIC) and starts 50 of them paused (they report statistics but burn
no CPU), and it writes a test-driver file of 2,000 domains (500 running; the
test driver reports state only). Two phases, each run ``--runs`` times:

- **black-box** (the CPU and RSS figures): the installed ``kvmgui --connect
  URI`` runs as a separate process, under its own Xvfb server (else Qt's
  offscreen platform), with fresh XDG directories whose settings file (the
  app's own ``Settings``) shows all four statistics columns at 1 s. Once the
  app logs its first paint and a warm-up has passed, the app's, libvirtd's and
  the 50 QEMUs' CPU is read from ``/proc/PID/stat`` (utime+stime) over two
  spans of ``--seconds``: the first fills the sparklines' minute (every
  running row is repainted at each tick), the second is the steady state;
  the app's RSS at the end. Before each app run a third of a span without
  the app gives libvirtd's and QEMU's baseline (other clients of the daemon:
  other sessions' apps poll these QEMUs too); "caused" is the difference.
- **stalls** (in-process): the app's own MainWindow (offscreen) with all four
  columns, a 5 ms timer probe on its GUI thread, and the ticks it did. The
  probe costs about 1.2 CPU-s per minute: CPU is not taken from this phase.

Medians of the runs are compared with the issue's targets. The fleet is
removed at the end, also on Ctrl+C or an error.

    .venv/bin/python benchmarks/bench_stats.py [--runs 3] [--phase blackbox|stalls|both]
    [--no-system] [--source DIR (run the app from another checkout, for A/B runs)]
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
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import libvirt
from PySide6.QtCore import QSettings, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.bench_list import TickProbe, percentile, qt_message
from benchmarks.bench_startup import display, kvmgui_command, proc_cpu_and_rss, wait_for_line
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
CONNECT_TIMEOUT_S = 120.0
WARM_UP_S = 5.0
SYSTEM_LABEL = f"{DEFINED}/{PAUSED}, all four groups"
FLEET_LABEL = f"{FLEET_SIZE:,} test-driver domains"

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
    return proc_cpu_and_rss(pid)[0]


def libvirtd_pid() -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if (entry / "comm").read_text().strip() == "libvirtd":
                    return int(entry.name)
    raise RuntimeError("no libvirtd process")


def qemu_pids(names: list[str]) -> list[int]:
    return [int(Path(f"/run/libvirt/qemu/{name}.pid").read_text().strip()) for name in names]


def per_minute(meters: list[Callable[[], float]], seconds: float) -> list[float]:
    """Each meter's growth over ``seconds`` of wall time, per minute."""
    before = [meter() for meter in meters]
    started = time.monotonic()
    time.sleep(seconds)
    elapsed = time.monotonic() - started
    return [(meter() - b) * 60.0 / elapsed for meter, b in zip(meters, before, strict=True)]


@dataclass
class Measure:
    label: str
    app: float | None = None  # CPU-seconds per minute, steady (the second span)
    app_first_span: float | None = None  # the first span after the first paint
    libvirtd: float | None = None  # caused: less the baseline without the app
    qemu: float | None = None
    rss_mib: float | None = None
    stall_p99: float | None = None
    stall_max: float | None = None
    ticks: int | None = None
    skipped: int | None = None

    def line(self) -> str:
        shown = ", ".join(
            f"{name} {value:.2f}" for name, value in vars(self).items()
            if name != "label" and value is not None
        )
        return f"  {self.label:<30} {shown}"


# ----------------------------------------------------- phase 1: black-box


@dataclass
class System:
    """The qemu:///system fleet's processes."""

    libvirtd: int
    qemu: list[int]

    def meters(self) -> list[Callable[[], float]]:
        return [lambda: proc_cpu_seconds(self.libvirtd),
                lambda: sum(proc_cpu_seconds(pid) for pid in self.qemu)]


@contextlib.contextmanager
def launched(
    uri: str, run_dir: Path, platform_env: dict[str, str], source: Path | None
) -> Iterator[int]:
    """``kvmgui --connect uri`` with all four statistics columns at 1 s, from
    its first paint on; yields its PID, ends it afterwards."""
    for name in ("config", "state", "runtime"):
        (run_dir / name).mkdir(mode=0o700, parents=True)
    # Where QSettings("kvmgui", "kvmgui") reads on Linux: the user's settings file.
    settings = Settings(QSettings(str(run_dir / "config" / "kvmgui" / "kvmgui.conf"),
                                  QSettings.Format.IniFormat))
    settings.set_stats_columns(StatGroups.ALL)
    settings.set_stats_interval(1.0)
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        **platform_env,
        "XDG_CONFIG_HOME": str(run_dir / "config"),
        "XDG_STATE_HOME": str(run_dir / "state"),
        "XDG_RUNTIME_DIR": str(run_dir / "runtime"),
    }
    command, command_env = kvmgui_command(source)
    env.update(command_env)
    with open(run_dir / "stderr.txt", "wb") as stderr:
        process = subprocess.Popen(
            # Not in the checkout: "python -m" puts the working directory first on sys.path.
            [*command, "--connect", uri], env=env, cwd=run_dir,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr,
        )
        try:
            wait_for_line(run_dir / "state" / "kvmgui" / "kvmgui.log", process)
            time.sleep(WARM_UP_S)
            yield process.pid
        finally:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(10)
            process.kill()  # nothing once it has exited
            process.wait()


def black_box(
    uri: str, label: str, run_dir: Path, platform_env: dict[str, str], seconds: float,
    system: System | None, source: Path | None,
) -> Measure:
    baseline = per_minute(system.meters(), seconds / 3) if system else []
    with launched(uri, run_dir, platform_env, source) as pid:
        print(f"  {label}: app PID {pid}", flush=True)
        meters = [lambda: proc_cpu_seconds(pid), *(system.meters() if system else [])]
        # The first span fills the sparklines' window (60 ticks), whose every
        # row is repainted at each tick; the steady state is the second.
        first = per_minute(meters, seconds)
        cpu = per_minute(meters, seconds)
        rss = proc_cpu_and_rss(pid)[1]
    caused = [max(0.0, value - base) for value, base in zip(cpu[1:], baseline, strict=True)]
    return Measure(label, app=cpu[0], app_first_span=first[0], rss_mib=rss,
                   libvirtd=caused[0] if caused else None, qemu=caused[1] if caused else None)


# -------------------------------------------------- phase 2: GUI stalls


@dataclass
class Opened:
    """One configuration's app, main window and connection."""

    app: App
    window: MainWindow
    connection: Connection


async def open_app(loop: asyncio.AbstractEventLoop, settings_file: Path, uri: str) -> Opened:
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.set_stats_columns(StatGroups.ALL)
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


async def stalls(
    loop: asyncio.AbstractEventLoop, settings_file: Path, uri: str, label: str, seconds: float
) -> Measure:
    opened = await open_app(loop, settings_file, uri)
    try:
        await asyncio.sleep(WARM_UP_S)
        ticks = 0

        def count(connection: Connection, _uuids: object) -> None:
            nonlocal ticks
            ticks += connection is opened.connection

        poller = opened.window.stats
        poller.stats_sampled.connect(count)
        skipped_before = poller.skipped_ticks
        probe = TickProbe()
        probe.start()
        await asyncio.sleep(seconds)
        gaps = probe.stop()
        poller.stats_sampled.disconnect(count)
        return Measure(label, stall_p99=percentile(gaps, 0.99), stall_max=max(gaps, default=0.0),
                       ticks=ticks, skipped=poller.skipped_ticks - skipped_before)
    finally:
        opened.window.close()
        opened.app.stop()
        await opened.app.manager.close_all()


def stalls_phase(
    tmpdir: Path, runs: int, seconds: float, uris: list[tuple[str, str]]
) -> list[Measure]:
    ensure_event_loop()
    qInstallMessageHandler(qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # each configuration closes its window
    _collector = GuiThreadGarbageCollector(app)
    loop = AppEventLoop(app)
    asyncio.set_event_loop(loop)
    results: list[Measure] = []
    for run in range(1, runs + 1):
        for uri, label in uris:
            result = loop.run_until_complete(
                stalls(loop, tmpdir / f"stalls-{run}-{len(results)}.ini", uri, label, seconds)
            )
            print(f"stalls, run {run}:{result.line()}", flush=True)
            results.append(result)
    return results


# ----------------------------------------------------------------- report


def median_of(results: list[Measure], label: str, field: str) -> float | None:
    values = [getattr(r, field) for r in results if r.label == label]
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def report(results: list[Measure], runs: int) -> str:
    rows = [
        f"| figure (median of {runs}) | measured | target | result |",
        "| --- | ---: | ---: | --- |",
    ]

    def row(label: str, what: str, field: str, unit: str, target: float | None = None,
            *, strict: bool = False, scale: float = 1.0) -> None:
        value = median_of(results, label, field)
        if value is None:
            return
        goal = "—" if target is None else f"{'<' if strict else '≤'} {target:g} {unit}"
        result = "—"
        if target is not None:
            met = value * scale < target if strict else value * scale <= target
            result = "PASS" if met else "**MISS**"
        rows.append(f"| {label}: {what} | {value * scale:.2f} {unit} | {goal} | {result} |")

    row(SYSTEM_LABEL, "app, first span", "app_first_span", "CPU-s/min")
    row(SYSTEM_LABEL, "app, steady", "app", "CPU-s/min", APP_TARGET)
    row(SYSTEM_LABEL, "libvirtd caused", "libvirtd", "CPU-s/min", LIBVIRTD_TARGET)
    row(SYSTEM_LABEL, "QEMU (50 paused) caused", "qemu", "CPU-s/min", QEMU_TARGET)
    row(FLEET_LABEL, "app, first span, % of a core", "app_first_span", "%", scale=100 / 60)
    row(FLEET_LABEL, "app, steady, % of a core", "app", "%", FLEET_TARGET_PERCENT, scale=100 / 60)
    for label in (SYSTEM_LABEL, FLEET_LABEL):
        # The RSS target is the 200/50 fleet's.
        row(label, "app RSS", "rss_mib", "MiB", RSS_TARGET_MIB if label == SYSTEM_LABEL else None)
        row(label, "GUI stall p99", "stall_p99", "ms", STALL_P99_TARGET_MS, strict=True)
        row(label, "GUI stall max", "stall_max", "ms", STALL_MAX_TARGET_MS, strict=True)
        row(label, "ticks in the span", "ticks", "")
    return "\n".join(rows)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60.0, help="per configuration")
    parser.add_argument("--phase", choices=("blackbox", "stalls", "both"), default="both")
    parser.add_argument("--no-system", action="store_true", help="only the test-driver fleet")
    parser.add_argument("--offscreen", action="store_true",
                        help="the black-box app on Qt's offscreen platform even with Xvfb")
    parser.add_argument("--source", type=Path,
                        help="run the black-box app from this checkout (A/B runs)")
    return parser.parse_args()


def black_box_phase(
    tmpdir: Path, args: argparse.Namespace, system: System | None, fleet_uri: str
) -> list[Measure]:
    results: list[Measure] = []
    with display(args.offscreen) as platform_env:
        print(f"black-box: platform {platform_env['QT_QPA_PLATFORM']}, "
              f"app {args.source or kvmgui_command(None)[0][0]}", flush=True)
        for run in range(1, args.runs + 1):
            configurations: list[tuple[str, str, System | None]] = [
                (fleet_uri, FLEET_LABEL, None)
            ]
            if system is not None:
                configurations.insert(0, (SYSTEM_URI, SYSTEM_LABEL, system))
            for uri, label, processes in configurations:
                run_dir = tmpdir / f"blackbox-{run}-{len(results)}"
                result = black_box(uri, label, run_dir, platform_env, args.seconds,
                                   processes, args.source)
                print(f"black-box, run {run}:{result.line()}", flush=True)
                results.append(result)
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
        print(
            f"bench_stats: {datetime.datetime.now().isoformat(timespec='seconds')}, "
            f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}, "
            f"Python {platform.python_version()}, libvirt {libvirt.getVersion()}", flush=True
        )
        conn = None if args.no_system else libvirt.open(SYSTEM_URI)
        results: list[Measure] = []
        try:
            system = None
            if conn is not None:
                started = time.monotonic()
                system = System(libvirtd_pid(), qemu_pids(make_fleet(conn)))
                print(f"fleet: {DEFINED} defined, {PAUSED} paused, "
                      f"in {time.monotonic() - started:.0f} s", flush=True)
            if args.phase != "stalls":
                results += black_box_phase(tmpdir, args, system, fleet_uri)
            if args.phase != "blackbox":
                uris = [(fleet_uri, FLEET_LABEL)]
                if system is not None:
                    uris.insert(0, (SYSTEM_URI, SYSTEM_LABEL))
                results += stalls_phase(tmpdir, args.runs, args.seconds, uris)
        finally:
            if conn is not None:
                print(f"fleet removed: {remove_fleet(conn)} domains", flush=True)
                conn.close()
        print("\n" + report(results, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
