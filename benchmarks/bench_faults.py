"""Faults kvmgui must survive (issue 14), measured from outside the app.

Runs the application's own objects (App, a shown MainWindow, a details window
with its serial console open) offscreen on qemu:///system, polling a fleet of
``kvmgui-test-`` domains (shut off, but for one running tiny TCG guest whose
serial console is open) at 0.5 s, and reports:

1. ``daemon``: libvirtd SIGKILLed and restarted ``--rounds`` times: reconnects,
   whether the list matches ``virsh list --all`` after each, the seconds from
   the restarted daemon answering until the list is right again, and the
   process's fds, threads and uncaught errors before and after;
2. ``qemu``: the running guest's QEMU SIGKILLed: seconds until its row shows
   it stopped, what the serial console says, and whether it reattaches when
   the guest is started again;
3. ``soak``: ``--soak-minutes`` of polling after ``--warm-up-minutes``:
   RSS, fds and threads sampled each minute, RSS growth after warm-up.

``--parts`` picks which run (all three by default). The fleet is
``--fleet`` domains (bench_stats' maker: 64 MiB TCG, no disk), the first
``--paused`` of them started paused so that the poller reads real statistics.

Only a libvirtd whose PID matches /run/kvmgui-test/libvirtd.pid (the one the
project's scripts/ensure-libvirtd.sh started) is ever killed, and it is
restarted by that script. Other sessions use the daemon: ``--dry-run`` (a tiny
fleet, the daemon left alone, no soak) checks the setup, the comparison and
the QEMU kill of its own guest.

    QT_QPA_PLATFORM=offscreen QT_NO_GLIB=1 .venv/bin/python benchmarks/bench_faults.py --dry-run
    QT_QPA_PLATFORM=offscreen QT_NO_GLIB=1 .venv/bin/python benchmarks/bench_faults.py
    # the soak alone, leaving the daemon alone:
    QT_QPA_PLATFORM=offscreen QT_NO_GLIB=1 .venv/bin/python benchmarks/bench_faults.py \
        --parts soak --paused 50 --soak-minutes 30

It is a report: a missed target prints MISS and the script still exits 0; it
exits non-zero only when something fails to run. A disk filling up during a
create is an integration test (tests/integration/test_disk_full.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Before Qt is imported: libvirt's event thread owns GLib's default context
# (DESIGN.md, "Threads and async"), and there is no display here.
os.environ["QT_NO_GLIB"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import contextlib
import datetime
import logging
import platform
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import libvirt
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from benchmarks.bench_first_vm import until
from benchmarks.bench_stats import make_fleet, remove_fleet
from kvmgui.core.connection import Connection, ConnectionState
from kvmgui.core.events import ensure_event_loop
from kvmgui.ui.app import App
from kvmgui.ui.details.window import DetailsWindow
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.settings import Settings
from tests.integration.conftest import REPO, stage_tiny_guest
from tests.integration.guests import PREFIX, RUN_DIR, tiny_guest_xml
from tests.system import SYSTEM_URI, SystemHandle, libvirtd_started_by_this_project

FLEET_PREFIX = f"{PREFIX}fault-"
POLL_INTERVAL_S = 0.5
RECONNECT_TARGET_S = 1.0
STOPPED_ROW_TARGET_S = 1.0
RSS_GROWTH_TARGET_KIB = 5 * 1024
DAEMON_STOP_TIMEOUT_S = 60.0
RECONNECT_TIMEOUT_S = 90.0
BOOT_TIMEOUT_S = 120.0
PARTS = ("daemon", "qemu", "soak")


# ------------------------------------------------------------------ the process


@dataclass(frozen=True)
class ProcessCounts:
    fds: int
    threads: int  # native threads of this process, libvirt's and Qt's included
    rss_kib: int

    @classmethod
    def now(cls) -> ProcessCounts:
        status = dict(
            line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines()
        )
        return cls(
            fds=len(os.listdir("/proc/self/fd")),
            threads=int(status["Threads"]),
            rss_kib=int(status["VmRSS"].split()[0]),
        )

    def line(self) -> str:
        return f"{self.fds} fds, {self.threads} threads, RSS {self.rss_kib / 1024:.1f} MiB"


class UncaughtCounter(logging.Handler):
    """Counts what kvmgui's uncaught-error handler logged (CRITICAL)."""

    def __init__(self) -> None:
        super().__init__(logging.CRITICAL)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


# --------------------------------------------------------------------- truth


def virsh_names(*flags: str) -> set[str]:
    out = subprocess.run(
        ["virsh", "-c", SYSTEM_URI, "list", "--name", *flags],
        capture_output=True, text=True, timeout=30, check=True,
    ).stdout
    return {name for name in out.split() if name.startswith(FLEET_PREFIX)}


def virsh_truth() -> dict[str, bool]:
    """The fleet as ``virsh list`` sees it: name → running."""
    running = virsh_names()
    return {name: name in running for name in virsh_names("--all")}


def app_view(connection: Connection) -> dict[str, bool]:
    return {
        info.name: info.state.is_active
        for info in connection.domains() if info.name.startswith(FLEET_PREFIX)
    }


async def list_is_right(connection: Connection) -> bool:
    if connection.state is not ConnectionState.CONNECTED:
        return False
    truth = await asyncio.get_running_loop().run_in_executor(None, virsh_truth)
    return app_view(connection) == truth


async def until_list_is_right(connection: Connection, timeout: float) -> float:
    """Seconds until the app's list matches virsh's (polled every 50 ms)."""
    started = time.monotonic()
    while not await list_is_right(connection):
        if time.monotonic() - started > timeout:
            raise TimeoutError("the list did not come right")
        await asyncio.sleep(0.05)
    return time.monotonic() - started


# --------------------------------------------------------------------- fleet


@contextlib.contextmanager
def fleet(
    system: SystemHandle, size: int, paused: int, iso: Path,
) -> Iterator[libvirt.virDomain]:
    """``size`` domains (the first ``paused`` started paused) and one running guest
    (yielded); all removed after, on a connection reopened if the daemon restarted
    meanwhile."""
    try:
        make_fleet(system.conn, FLEET_PREFIX, size, paused)  # removes a killed run's first
        console = system.conn.defineXML(
            tiny_guest_xml(f"{FLEET_PREFIX}console", str(iso), network=None)
        )
        console.create()
        yield console
    finally:
        remove_fleet(system.conn, FLEET_PREFIX)


# ----------------------------------------------------------------- scenarios


def kill_project_daemon(dry_run: bool) -> int | None:
    """SIGKILL the libvirtd the project's scripts started and wait until it is gone.

    Returns its PID; None (and nothing killed) in a dry run.
    """
    pid = libvirtd_started_by_this_project()
    if pid is None and dry_run:
        print("  dry run: the running libvirtd is not the scripts' (a real run would stop here)")
        return None
    if pid is None:
        raise RuntimeError(
            "the running libvirtd was not started by scripts/ensure-libvirtd.sh "
            "(no matching /run/kvmgui-test/libvirtd.pid): it is not this benchmark's to kill"
        )
    if dry_run:
        print(f"  dry run: would SIGKILL libvirtd {pid} and restart it with ensure-libvirtd.sh")
        return None
    daemon = os.pidfd_open(pid)
    try:
        os.kill(pid, signal.SIGKILL)
        ready, _, _ = select.select([daemon], [], [], DAEMON_STOP_TIMEOUT_S)
    finally:
        os.close(daemon)
    if not ready:
        raise RuntimeError(f"libvirtd {pid} did not end after SIGKILL")
    return pid


def restart_daemon() -> None:
    """As the project does: scripts/ensure-libvirtd.sh starts it and waits until it answers."""
    subprocess.run(["bash", str(REPO / "scripts/ensure-libvirtd.sh")], check=True, timeout=120,
                   capture_output=True)


async def daemon_rounds(
    connection: Connection, rounds: int, dry_run: bool, counter: UncaughtCounter,
) -> None:
    loop = asyncio.get_running_loop()
    before = ProcessCounts.now()
    errors_before = counter.count
    print(f"daemon: {rounds} round(s){' (dry run)' if dry_run else ''}; before: {before.line()}")
    reconnects, right, delays = 0, 0, []
    for round_ in range(1, rounds + 1):
        killed = kill_project_daemon(dry_run)
        if killed is not None:
            await until(lambda: connection.state is not ConnectionState.CONNECTED, 30)
            await loop.run_in_executor(None, restart_daemon)
        try:
            delay = await until_list_is_right(connection, RECONNECT_TIMEOUT_S)
        except TimeoutError:
            print(f"  round {round_}: the list was not right within {RECONNECT_TIMEOUT_S:.0f} s")
            continue
        reconnects += 1
        right += 1
        delays.append(delay)
        verdict = "PASS" if delay < RECONNECT_TARGET_S else "MISS"
        print(f"  round {round_}: list right {delay:.2f} s after the daemon answered "
              f"(target < {RECONNECT_TARGET_S:g} s: {verdict})")
    after = ProcessCounts.now()
    print(f"  reconnects {reconnects}/{rounds}, list right {right}/{rounds}; after: {after.line()}")
    if delays:
        print(f"  seconds to a right list: max {max(delays):.2f}, "
              f"median {sorted(delays)[len(delays) // 2]:.2f}")
    print(f"  fds {after.fds - before.fds:+d}, threads {after.threads - before.threads:+d}, "
          f"uncaught errors {counter.count - errors_before}")


def qemu_pid(name: str) -> int:
    return int(Path(f"/run/libvirt/qemu/{name}.pid").read_text().strip())


def when_gone(pid: int, marks: dict[str, float]) -> None:
    """Mark when ``pid`` leaves /proc: a killed QEMU is a zombie until PID 1 reaps it
    (it is daemonized), and libvirtd finishes the stop only then."""
    while Path(f"/proc/{pid}").exists():
        time.sleep(0.005)
    marks["QEMU reaped"] = time.monotonic()


async def qemu_kill(
    connection: Connection, details: DetailsWindow, console: libvirt.virDomain, rounds: int,
) -> None:
    name, uuid = console.name(), console.UUIDString()
    serial = details.serial_console
    marks: dict[str, float] = {}

    def on_lifecycle(_conn: object, _dom: object, event: int, _detail: int, _opaque: object,
                     ) -> None:
        if event == libvirt.VIR_DOMAIN_EVENT_STOPPED:
            marks.setdefault("libvirtd's event", time.monotonic())

    def on_detached(_reason: str) -> None:
        marks.setdefault("serial stream ended", time.monotonic())

    # The daemon's own event, on this script's connection: what kvmgui cannot beat.
    callback = console.connect().domainEventRegisterAny(
        console, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, on_lifecycle, None)
    serial.detached.connect(on_detached)
    delays = []
    try:
        for round_ in range(1, rounds + 1):
            await until(lambda: serial.is_attached, BOOT_TIMEOUT_S)
            marks.clear()
            pid = qemu_pid(name)
            os.kill(pid, signal.SIGKILL)
            started = time.monotonic()
            threading.Thread(target=when_gone, args=(pid, marks), daemon=True).start()

            def stopped() -> bool:
                info = connection.domain(uuid)
                return info is not None and not info.state.is_active

            await until(stopped, 30)
            delays.append(time.monotonic() - started)
            await until(lambda: not serial.is_attached and "QEMU reaped" in marks, 10)
            verdict = "PASS" if delays[-1] < STOPPED_ROW_TARGET_S else "MISS"
            seen = ", ".join(f"{what} {at - started:.3f}"
                             for what, at in sorted(marks.items(), key=lambda mark: mark[1]))
            print(f"qemu {round_}: row shows {connection.domain(uuid).state_text!r} "  # type: ignore[union-attr]
                  f"{delays[-1]:.3f} s after SIGKILL (target < {STOPPED_ROW_TARGET_S:g} s: "
                  f"{verdict}); seconds after SIGKILL: {seen}", flush=True)
            print(f"  serial console says: {serial.status_text!r}")
            await asyncio.get_running_loop().run_in_executor(None, console.create)
            await until(lambda: serial.is_attached, 30)
            print("  serial console reattached after the guest started again")
    finally:
        serial.detached.disconnect(on_detached)
        console.connect().domainEventDeregisterAny(callback)
    print(f"qemu: row stopped after median {sorted(delays)[len(delays) // 2]:.3f} s, "
          f"max {max(delays):.3f} s")


async def soak(minutes: float, warm_up_minutes: float, counter: UncaughtCounter) -> None:
    """Poll for ``warm_up_minutes`` then ``minutes``, printing the counts each minute."""
    started = time.monotonic()

    def sample() -> ProcessCounts:
        counts = ProcessCounts.now()
        print(f"  soak {(time.monotonic() - started) / 60:5.1f} min: {counts.line()}, "
              f"uncaught errors {counter.count}", flush=True)
        return counts

    print(f"soak: {warm_up_minutes:g} min of warm-up, then {minutes:g} min", flush=True)
    warm = sample()
    await asyncio.sleep(warm_up_minutes * 60)  # caches, pools and histories reach their size
    start = sample()
    samples = [start]
    # A whole number of sleeps: near a deadline, a sleep shorter than the loop's timer
    # resolution returns at once (the first run sampled the last second 7 times).
    full, rest = divmod(minutes * 60, 60.0)
    for seconds in [60.0] * int(full) + ([rest] if rest else []):
        await asyncio.sleep(seconds)
        samples.append(sample())
    end = samples[-1]
    growth = end.rss_kib - start.rss_kib
    # The second half alone: growth that is still going on, not a late warm-up.
    late = end.rss_kib - samples[len(samples) // 2].rss_kib
    verdict = "PASS" if growth < RSS_GROWTH_TARGET_KIB else "MISS"
    print(f"  after warm-up: RSS {start.rss_kib / 1024:.1f} → {end.rss_kib / 1024:.1f} MiB, "
          f"growth {growth / 1024:+.1f} MiB (second half {late / 1024:+.1f} MiB; peak "
          f"{max(c.rss_kib for c in samples) / 1024:.1f} MiB; target < "
          f"{RSS_GROWTH_TARGET_KIB // 1024} MiB: {verdict})")
    print(f"  fds {start.fds} → {end.fds} (range {min(c.fds for c in samples)} to "
          f"{max(c.fds for c in samples)}), threads {start.threads} → {end.threads} (range "
          f"{min(c.threads for c in samples)} to {max(c.threads for c in samples)}); "
          f"warm-up from {warm.line()}; uncaught errors {counter.count}")


# ---------------------------------------------------------------------- main


async def bench(
    app: App, window: MainWindow, console: libvirt.virDomain, args: argparse.Namespace,
    counter: UncaughtCounter,
) -> None:
    manager = app.manager
    manager.add(SYSTEM_URI)
    await until(lambda: all(c.is_open for c in manager.connections()), 30)
    connection = manager.connections()[0]
    await until(lambda: connection.domain(console.UUIDString()) is not None, 30)
    info = connection.domain(console.UUIDString())
    assert info is not None
    details = window.open_details(connection, info)
    details.show_serial_console()
    try:
        print(f"fleet of {args.fleet} + 1 running, polled every {POLL_INTERVAL_S:g} s: "
              f"list right {await until_list_is_right(connection, 60):.2f} s after connecting")
        if "daemon" in args.parts:
            await daemon_rounds(connection, args.rounds, args.dry_run, counter)
        if "qemu" in args.parts:
            # This run's own guest: killing its QEMU touches no one else's.
            await until(lambda: details.serial_console.is_attached, BOOT_TIMEOUT_S)
            await qemu_kill(connection, details, console, args.qemu_rounds)
        if "soak" in args.parts and args.soak_minutes > 0:
            await until(lambda: details.serial_console.is_attached, BOOT_TIMEOUT_S)
            await soak(args.soak_minutes, args.warm_up_minutes, counter)
    finally:
        details.close()
        await manager.close_all()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true",
                        help="a tiny fleet; kill nothing (the daemon is shared)")
    parser.add_argument("--parts", type=lambda text: set(text.split(",")),
                        default=set(PARTS), help="which to run: " + ",".join(PARTS))
    parser.add_argument("--fleet", type=int, default=50, help="domains to poll")
    parser.add_argument("--paused", type=int, default=0,
                        help="of which started paused (each a QEMU process)")
    parser.add_argument("--rounds", type=int, default=20, help="libvirtd kills and restarts")
    parser.add_argument("--qemu-rounds", type=int, default=5, help="QEMU kills and restarts")
    parser.add_argument("--soak-minutes", type=float, default=30.0)
    parser.add_argument("--warm-up-minutes", type=float, default=3.0)
    args = parser.parse_args(argv)
    if not args.parts <= set(PARTS):
        parser.error(f"--parts takes {','.join(PARTS)}")
    if args.dry_run:
        args.fleet, args.rounds, args.soak_minutes = min(args.fleet, 3), 1, 0.0
        args.paused = min(args.paused, args.fleet)
        args.qemu_rounds = 1
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    ensure_event_loop()
    system = SystemHandle()
    counter = UncaughtCounter()
    logging.getLogger().addHandler(counter)
    with tempfile.TemporaryDirectory(prefix="kvmgui-bench-") as tmp:
        runtime_dir = Path(tmp) / "runtime"  # Qt warns when XDG_RUNTIME_DIR is unset
        runtime_dir.mkdir(mode=0o700)
        os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))
        guest_iso = stage_tiny_guest()  # where QEMU, run as libvirt-qemu, reads it
        qapp = QApplication(sys.argv[:1])
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        settings.set_stats_interval(POLL_INTERVAL_S)
        app = App.start(qapp, settings)
        window = MainWindow(app, remember_connections=False)
        window.show()
        print(
            f"bench_faults: {datetime.datetime.now().isoformat(timespec='seconds')}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"libvirt {libvirt.getVersion()}, {threading.active_count()} Python threads"
        )
        try:
            with fleet(system, args.fleet, args.paused, guest_iso) as console:
                app.loop.run_until_complete(bench(app, window, console, args, counter))
        finally:
            window.close()
            shutil.rmtree(RUN_DIR, ignore_errors=True)
            system.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
