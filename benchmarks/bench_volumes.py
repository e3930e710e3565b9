"""How fast the Storage tab lists a pool of 5,000 volumes, and how smooth the GUI stays.

Makes a directory pool ``kvmgui-test-<run>-volumes`` on qemu:///system holding
5,000 small files ``kvmgui-test-NNNN.img`` (written straight into the pool's
root-owned directory, then the pool is started: libvirt lists them), then runs
the app's own StorageView offscreen on a qasync loop and prints:

1. the time from choosing the pool until every volume's row is shown
   (names: one RPC), and until every size is shown (read in slices);
2. GUI-thread stalls seen by a 5 ms QTimer probe while the list loads, and
   while a filter is typed and erased in the filter box (p99 and max).

The pool and its directory are removed afterwards. It is a report, not a
test: a missed target prints MISS and the script still exits 0.

    QT_QPA_PLATFORM=offscreen QT_NO_GLIB=1 .venv/bin/python benchmarks/bench_volumes.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_NO_GLIB"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import datetime
import platform
import shutil
import tempfile
import time
from collections.abc import Sequence

import libvirt
from PySide6.QtCore import QSettings, Qt, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.bench_list import Figure, Report, TickProbe, percentile, qt_message
from kvmgui.core.connection import ConnectionState
from kvmgui.core.events import ensure_event_loop
from kvmgui.ui.app import App
from kvmgui.ui.host.storage_view import StorageView
from kvmgui.ui.settings import Settings
from tests.integration.guests import PREFIX, make_run_dir
from tests.system import SYSTEM_URI

VOLUMES = 5_000
POPULATE_TARGET_MS = 1000.0
STALL_P99_TARGET_MS = 16.0
STALL_MAX_TARGET_MS = 50.0
TYPED = "kvmgui-test-4"
POOL_NAME = f"{PREFIX}volumes"


def make_pool(count: int) -> tuple[libvirt.virConnect, Path]:
    """A started dir pool of ``count`` 4 KiB files; (the setup connection, its directory)."""
    directory = make_run_dir("bench-volumes")
    for n in range(count):
        (directory / f"kvmgui-test-{n:04d}.img").write_bytes(b"\0" * 4096)
    conn = libvirt.open(SYSTEM_URI)
    pool = conn.storagePoolCreateXML(
        f"<pool type='dir'><name>{POOL_NAME}</name>"
        f"<target><path>{directory}</path></target></pool>", 0)
    if len(pool.listAllVolumes(0)) != count:
        raise RuntimeError("the pool does not list every file")
    return conn, directory


async def wait_signal(signal: object, loop: asyncio.AbstractEventLoop) -> None:
    future: asyncio.Future[None] = loop.create_future()

    def done(*_args: object) -> None:
        if not future.done():
            future.set_result(None)

    signal.connect(done)  # type: ignore[attr-defined]
    try:
        await future
    finally:
        signal.disconnect(done)  # type: ignore[attr-defined]


async def bench(view: StorageView, loop: asyncio.AbstractEventLoop, runs: int,
                report: Report) -> None:
    probe = TickProbe()
    listed_ms: list[float] = []
    sized_ms: list[float] = []
    load_stalls: list[float] = []
    for run in range(runs):
        view.resource_list.clearSelection()  # nothing chosen: the next choice lists anew
        await asyncio.sleep(0.2)
        probe.start()
        started = time.perf_counter()
        listed = loop.create_task(wait_signal(view.volumes_listed, loop))
        sized = loop.create_task(wait_signal(view.volume_details_read, loop))
        view.select(POOL_NAME)
        await listed
        listed_ms.append((time.perf_counter() - started) * 1000)
        await sized
        sized_ms.append((time.perf_counter() - started) * 1000)
        load_stalls += probe.stop()
        if view.volume_model.rowCount() != VOLUMES:
            raise RuntimeError(f"listed {view.volume_model.rowCount()} volumes")
        print(f"  run {run + 1}: rows {listed_ms[-1]:.0f} ms, sizes {sized_ms[-1]:.0f} ms",
              flush=True)
    report.add(Figure(f"{VOLUMES:,}: choose pool → every row shown (median)",
                      sorted(listed_ms)[len(listed_ms) // 2], POPULATE_TARGET_MS))
    report.add(Figure(f"{VOLUMES:,}: choose pool → every size shown (median)",
                      sorted(sized_ms)[len(sized_ms) // 2]))
    report.add(Figure("stall p99 while loading", percentile(load_stalls, 0.99),
                      STALL_P99_TARGET_MS))
    report.add(Figure("stall max while loading", max(load_stalls), STALL_MAX_TARGET_MS))

    probe.start()
    for _round in range(3):
        for char in TYPED:
            QTest.keyClicks(view.filter_edit, char)
            await asyncio.sleep(0.03)  # the probe ticks between keystrokes, as between a user's
        shown = view.volume_model.rowCount()
        for _char in TYPED:
            QTest.keyClick(view.filter_edit, Qt.Key.Key_Backspace)
            await asyncio.sleep(0.03)
    filter_stalls = probe.stop()
    if shown != 1000 or view.volume_model.rowCount() != VOLUMES:
        raise RuntimeError(f"the filter showed {shown} rows")
    report.add(Figure("stall p99 while filtering", percentile(filter_stalls, 0.99),
                      STALL_P99_TARGET_MS))
    report.add(Figure("stall max while filtering", max(filter_stalls), STALL_MAX_TARGET_MS))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    conn, directory = make_pool(VOLUMES)
    try:
        with tempfile.TemporaryDirectory(prefix="kvmgui-bench-") as tmp:
            runtime_dir = Path(tmp) / "runtime"
            runtime_dir.mkdir(mode=0o700)
            os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))
            ensure_event_loop()
            qInstallMessageHandler(qt_message)
            qapp = QApplication(sys.argv[:1])
            services = App.start(qapp, Settings(
                QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)))
            loop = services.loop
            connection = services.manager.add(SYSTEM_URI)
            view = StorageView(connection, services.ops)
            view.resize(900, 600)

            async def run() -> None:
                while connection.state is not ConnectionState.CONNECTED:
                    await asyncio.sleep(0.05)
                pools_listed = loop.create_task(wait_signal(view.listed, loop))
                view.show()
                await pools_listed
                await bench(view, loop, args.runs, report)

            print(f"bench_volumes: {datetime.datetime.now().isoformat(timespec='seconds')}, "
                  f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
                  f"libvirt {libvirt.getVersion()}, Qt platform {qapp.platformName()}")
            report = Report()
            try:
                loop.run_until_complete(run())
            finally:
                view.close()
                loop.run_until_complete(services.manager.close_all())
            print("\n" + report.markdown())
    finally:
        conn.storagePoolLookupByName(POOL_NAME).destroy()  # transient: gone once stopped
        conn.close()
        shutil.rmtree(directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
