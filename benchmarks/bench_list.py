"""How fast the main window lists a large fleet, and how smooth the GUI stays.

Runs the application's own objects (ConnectionManager, OpRunner, a shown
MainWindow) offscreen on a qasync loop, against libvirt test-driver files of
2,000 and 10,000 domains (one in four running), and prints:

1. the time from ``manager.add(uri)`` until the model holds every domain row
   and the connection is CONNECTED (median of several runs), next to what
   ``libvirt.open`` and the listing alone cost on the same file;
2. GUI-thread stalls seen by a 5 ms QTimer probe during connect+populate and
   during a steady state after it (tick gap minus 5 ms: p99 and max);
3. at 10,000 domains, the latency of keystrokes in the filter box;
4. at 10,000 domains, stalls during bursts of 100 lifecycle events (50 running
   domains paused, then resumed, in one call in the connection's pool), and the
   latency from a pause or resume of a domain on screen to the next paint of the
   list after the model shows its new state (the statistics poller runs at 1 s
   throughout, as in the steady state);
5. at 10,000 domains, scrolling: the list moved by a wheel step (3 rows) and by
   a page per frame, each frame's scroll and repaint timed (frames per second
   and the slowest frame against one frame at 60 Hz).

It is a report, not a test: a missed target prints MISS and the script still
exits 0; it exits non-zero only when something fails to run.

    make bench
    QT_QPA_PLATFORM=offscreen QT_NO_GLIB=1 .venv/bin/python benchmarks/bench_list.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Both before Qt is imported: libvirt's event thread owns GLib's default
# context (DESIGN.md, "Threads and async"), and there is no display here.
os.environ["QT_NO_GLIB"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# `python benchmarks/bench_list.py` puts benchmarks/ first on the path, not the
# repository root that holds `kvmgui` and `tests.fleet`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import datetime
import math
import platform
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise

import libvirt
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QMessageLogContext,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kvmgui.core.connection import Connection, ConnectionState
from kvmgui.core.domain import DomainInfo, DomainState, list_domains
from kvmgui.core.events import ensure_event_loop
from kvmgui.ui.app import App
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import Column, Role
from kvmgui.ui.settings import Settings
from tests.fleet import numbered_fleet, write_node

PROBE_INTERVAL_MS = 5
SMALL, LARGE = 2_000, 10_000
POPULATE_TARGET_MS = 500.0  # at 2,000 domains
# At 10,000 domains (issue 13): two frames at 60 Hz at most, p99 half a frame.
STALL_P99_TARGET_MS = 8.0
STALL_MAX_TARGET_MS = 33.0
KEYSTROKE_TARGET_MS = 33.0
# A libvirt event → its row repainted (issue 13).
EVENT_MEDIAN_TARGET_MS, EVENT_MAX_TARGET_MS = 10.0, 33.0
BURST_EVENTS = 100  # lifecycle events per burst: 50 domains paused, then resumed
BURSTS = 3
EVENT_SAMPLES = 20
FRAME_TARGET_MS = 1000.0 / 60.0  # scrolling keeps 60 frames per second (issue 13)
SCROLL_FRAMES = 120  # per kind of step: two seconds at 60 Hz
WHEEL_ROWS = 3  # Qt's default wheelScrollLines
POPULATE_TIMEOUT_S = 120.0
# What a user types into the filter box, then erases.
TYPED = ("v", "m", "-", "0", "1")
# What the offscreen platform says about every shown window (as in pytest's qt_log_ignore).
OFFSCREEN_NOISE = ("does not support raise()", "does not support propagateSizeHints()")


def qt_message(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if not any(noise in message for noise in OFFSCREEN_NOISE):
        print(f"Qt: {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ figures


@dataclass(frozen=True)
class Figure:
    label: str
    value_ms: float
    target_ms: float | None = None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.target_ms is None:
            return ""
        return "PASS" if self.value_ms < self.target_ms else "MISS"

    def line(self) -> str:
        target = f"target < {self.target_ms:g} ms" if self.target_ms is not None else ""
        note = f"  ({self.note})" if self.note else ""
        return f"  {self.label:<52} {self.value_ms:9.1f} ms  {target:<18} {self.verdict:<4}{note}"


@dataclass
class Report:
    figures: list[Figure] = field(default_factory=list)

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        print(figure.line(), flush=True)

    def markdown(self) -> str:
        rows = ["| figure | measured | target | result |", "| --- | ---: | ---: | --- |"]
        for figure in self.figures:
            target = f"< {figure.target_ms:g} ms" if figure.target_ms is not None else "—"
            rows.append(
                f"| {figure.label} | {figure.value_ms:.1f} ms | {target} | "
                f"{figure.verdict or '—'} |"
            )
        return "\n".join(rows)


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def ms_list(values: Sequence[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values)


# ------------------------------------------------------------ Qt instruments


class TickProbe(QObject):
    """A 5 ms precise timer: a late tick is time the GUI thread was busy."""

    def __init__(self, interval_ms: int = PROBE_INTERVAL_MS) -> None:
        super().__init__()
        self._interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_tick)
        self._ticks: list[float] = []

    def _on_tick(self) -> None:
        self._ticks.append(time.perf_counter())

    def start(self) -> None:
        self._ticks = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> list[float]:
        """Stalls in ms: each gap between ticks minus the interval (never below 0)."""
        self._timer.stop()
        self._ticks.append(time.perf_counter())
        return [
            max(0.0, (later - earlier) * 1000.0 - self._interval_ms)
            for earlier, later in pairwise(self._ticks)
        ]


class PaintWatcher(QObject):
    """Counts paint events of a widget and resolves a future on the next one."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self._waiters: list[asyncio.Future[float]] = []

    def next_paint(self, loop: asyncio.AbstractEventLoop) -> asyncio.Future[float]:
        future: asyncio.Future[float] = loop.create_future()
        self._waiters.append(future)
        return future

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            now = time.perf_counter()
            waiters, self._waiters = self._waiters, []
            for future in waiters:
                if not future.done():
                    future.set_result(now)
        return False


@dataclass
class Bench:
    app: QApplication
    manager: ConnectionManager
    window: MainWindow
    probe: TickProbe
    paints: PaintWatcher


# -------------------------------------------------------------- measurements


@dataclass
class ConnectRun:
    populated_ms: float
    painted_ms: float | None
    connect_stalls: list[float]
    steady_stalls: list[float]


def time_open_and_listing(uri: str, runs: int) -> tuple[float, float]:
    """Median ms of ``libvirt.open(uri)`` alone, and of one list_domains on it."""
    opens: list[float] = []
    listings: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        virconn = libvirt.open(uri)
        opened = time.perf_counter()
        list_domains(virconn, {})
        listed = time.perf_counter()
        virconn.close()
        opens.append((opened - started) * 1000.0)
        listings.append((listed - opened) * 1000.0)
    return statistics.median(opens), statistics.median(listings)


def check_columns(bench: Bench, connection: Connection, expected: int) -> None:
    """Every domain row shows text in every column (run outside the probes)."""
    model = bench.window.model
    parent = model.connection_index(connection)
    rows = model.rowCount(parent)
    if rows != expected:
        raise RuntimeError(f"{connection.uri}: {rows} rows, expected {expected}")
    for row in range(rows):
        for column in Column:
            if column is Column.SNAPSHOTS:
                continue  # counted only while shown (View menu), off by default
            if column is Column.IP_ADDRESS:
                continue  # test-driver guests have no addresses
            value = model.index(row, column, parent).data()
            if not value:
                raise RuntimeError(f"row {row} column {column.name} is empty: {value!r}")


async def connect_once(
    bench: Bench, uri: str, expected: int, steady_s: float
) -> tuple[ConnectRun, Connection]:
    """Add ``uri``, wait for every row, then watch a steady state; leaves it open."""
    loop = asyncio.get_running_loop()
    model = bench.window.model
    populated: asyncio.Future[float] = loop.create_future()
    added: list[Connection] = []

    def check(*_args: object) -> None:
        if populated.done() or not added:
            return
        connection = added[0]
        if connection.state in (ConnectionState.FAILED, ConnectionState.LOST):
            populated.set_exception(
                RuntimeError(f"{uri}: {connection.state.value}: {connection.error}")
            )
        elif (
            connection.state is ConnectionState.CONNECTED
            and model.rowCount(model.connection_index(connection)) == expected
        ):
            populated.set_result(time.perf_counter())

    model.rowsInserted.connect(check)
    bench.manager.connection_state_changed.connect(check)
    try:
        bench.probe.start()
        started = time.perf_counter()
        added.append(bench.manager.add(uri))
        check()
        populated_at = await asyncio.wait_for(populated, POPULATE_TIMEOUT_S)
        painted_at: float | None
        try:
            painted_at = await asyncio.wait_for(bench.paints.next_paint(loop), 2.0)
        except TimeoutError:
            painted_at = None
        connect_stalls = bench.probe.stop()
    finally:
        model.rowsInserted.disconnect(check)
        bench.manager.connection_state_changed.disconnect(check)

    bench.probe.start()
    await asyncio.sleep(steady_s)
    steady_stalls = bench.probe.stop()

    connection = added[0]
    check_columns(bench, connection, expected)
    run = ConnectRun(
        populated_ms=(populated_at - started) * 1000.0,
        painted_ms=None if painted_at is None else (painted_at - started) * 1000.0,
        connect_stalls=connect_stalls,
        steady_stalls=steady_stalls,
    )
    return run, connection


@dataclass
class Keystroke:
    text: str  # the filter text after the key
    key_ms: float  # the keyClick call: textChanged → set_filter_text → views told
    idle_ms: float  # keypress until processEvents returned (layout, updates)
    repaint_ms: float  # a forced synchronous repaint of the list afterwards
    painted: bool  # whether processEvents painted the list (it does when rows changed)
    rows: int


def press(bench: Bench, connection: Connection, key: str | Qt.Key) -> Keystroke:
    """One keystroke into the filter box; runs from a Qt callback, not a task,
    so that the nested processEvents may run asyncio handles."""
    edit = bench.window.filter_edit
    viewport = bench.window.view.viewport()
    paints_before = bench.paints.count
    started = time.perf_counter()
    if isinstance(key, str):
        QTest.keyClicks(edit, key)
    else:
        QTest.keyClick(edit, key)
    clicked = time.perf_counter()
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()  # what the first pass posted (update requests)
    idle = time.perf_counter()
    painted = bench.paints.count > paints_before
    viewport.repaint()
    repainted = time.perf_counter()
    model = bench.window.model
    return Keystroke(
        text=edit.text(),
        key_ms=(clicked - started) * 1000.0,
        idle_ms=(idle - started) * 1000.0,
        repaint_ms=(repainted - idle) * 1000.0,
        painted=painted,
        rows=model.rowCount(model.connection_index(connection)),
    )


async def type_filter(bench: Bench, connection: Connection, rounds: int) -> list[Keystroke]:
    loop = asyncio.get_running_loop()
    model = bench.window.model
    view = bench.window.view
    # A selected row, as a user would have: the filter must keep it.
    first = model.index(0, 0, model.connection_index(connection))
    view.selectionModel().select(
        first,
        QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setCurrentIndex(first)
    keys: list[str | Qt.Key] = [*TYPED, *[Qt.Key.Key_Backspace] * len(TYPED)]
    strokes: list[Keystroke] = []
    for _ in range(rounds):
        for key in keys:
            done: asyncio.Future[Keystroke] = loop.create_future()

            def run(key: str | Qt.Key = key, done: asyncio.Future[Keystroke] = done) -> None:
                try:
                    done.set_result(press(bench, connection, key))
                except Exception as err:  # handed to the awaiting coroutine
                    done.set_exception(err)

            QTimer.singleShot(0, run)
            strokes.append(await done)
            await asyncio.sleep(0.05)  # a fast typist's pause between keys
    if bench.window.filter_edit.text():
        raise RuntimeError(f"filter not erased: {bench.window.filter_edit.text()!r}")
    return strokes


def running_on_screen(bench: Bench, connection: Connection, count: int) -> list[DomainInfo]:
    """Up to ``count`` running domains, the first rows of the list first."""
    model = bench.window.model
    parent = model.connection_index(connection)
    running = []
    for row in range(model.rowCount(parent)):
        info = model.index(row, 0, parent).data(Role.DOMAIN)
        if isinstance(info, DomainInfo) and info.state is DomainState.RUNNING:
            running.append(info)
            if len(running) == count:
                break
    return running


def pause_then_resume(virconn: libvirt.virConnect, uuids: list[str]) -> None:
    domains = [virconn.lookupByUUIDString(uuid) for uuid in uuids]
    for dom in domains:
        dom.suspend()
    for dom in domains:
        dom.resume()


async def event_bursts(bench: Bench, connection: Connection) -> list[float]:
    """Stalls (ms) while the app takes in BURSTS bursts of BURST_EVENTS events."""
    uuids = [info.uuid for info in running_on_screen(bench, connection, BURST_EVENTS // 2)]
    bench.probe.start()
    for _ in range(BURSTS):
        await connection.call("pause and resume", partial(pause_then_resume, uuids=uuids))
        await asyncio.sleep(1.0)  # the refreshes land and the list repaints
    return bench.probe.stop()


async def event_latencies(bench: Bench, connection: Connection) -> list[float]:
    """ms from asking libvirt to pause (or resume) a domain on screen to the
    first paint of the list after the model shows the new state."""
    loop = asyncio.get_running_loop()
    model = bench.window.model
    info = running_on_screen(bench, connection, 1)[0]
    latencies = []
    for sample in range(EVENT_SAMPLES):
        pause = sample % 2 == 0
        wanted = DomainState.PAUSED if pause else DomainState.RUNNING
        painted: asyncio.Future[float] = loop.create_future()

        def on_data_changed(*_args: object, wanted: DomainState = wanted,
                            painted: asyncio.Future[float] = painted) -> None:
            shown = model.domain_index(connection, info.uuid).data(Role.DOMAIN)
            if isinstance(shown, DomainInfo) and shown.state is wanted and not painted.done():
                model.dataChanged.disconnect(on_data_changed)
                bench.paints.next_paint(loop).add_done_callback(
                    lambda paint: painted.set_result(paint.result())
                )

        model.dataChanged.connect(on_data_changed)
        action = libvirt.virDomain.suspend if pause else libvirt.virDomain.resume
        started = time.perf_counter()
        await connection.call_domain("pause or resume", info.uuid, action)
        latencies.append((await asyncio.wait_for(painted, 5.0) - started) * 1000.0)
        await asyncio.sleep(0.2 + 0.05 * (sample % 3))  # not in step with the poller
    return latencies



@dataclass
class ScrollRun:
    step: str  # "wheel" or "page"
    frames_ms: list[float]  # each frame: the scroll and the repaint it causes
    painted: int  # frames in which the list was painted
    elapsed_s: float  # wall time of the frames, the loop's work between them included

    @property
    def fps(self) -> float:
        return len(self.frames_ms) / self.elapsed_s


def scroll_frame(bench: Bench, rows: int | None) -> float:
    """Scroll the list down by ``rows`` rows (None: a page; back to the top at
    the end) and return the ms until the repaint it causes is done. Runs from a
    Qt callback, like press()."""
    bar = bench.window.view.verticalScrollBar()
    step = bar.pageStep() if rows is None else rows * bar.singleStep()
    target = bar.value() + step if bar.value() < bar.maximum() else bar.minimum()
    started = time.perf_counter()
    bar.setValue(target)
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()  # what the first pass posted (update requests)
    return (time.perf_counter() - started) * 1000.0


async def scrolling(bench: Bench) -> list[ScrollRun]:
    """Scroll the list by wheel steps and by pages, one step per frame interval."""
    loop = asyncio.get_running_loop()
    bar = bench.window.view.verticalScrollBar()
    bar.setValue(bar.minimum())
    await asyncio.sleep(0.2)
    results = []
    for step, rows in (("wheel", WHEEL_ROWS), ("page", None)):
        frames: list[float] = []
        painted = 0
        started = time.perf_counter()
        # One frame per Qt callback, 60 a second, the loop (poller, events) running between.
        # Each frame is due at a fixed time from the first, as a display's refresh is:
        # work done between two frames delays the next only where it overruns the interval.
        for frame in range(SCROLL_FRAMES):
            done: asyncio.Future[float] = loop.create_future()

            def run(rows: int | None = rows, done: asyncio.Future[float] = done) -> None:
                try:
                    done.set_result(scroll_frame(bench, rows))
                except Exception as err:  # handed to the awaiting coroutine
                    done.set_exception(err)

            paints = bench.paints.count
            QTimer.singleShot(0, run)
            frames.append(await done)
            painted += bench.paints.count > paints
            due = started + (frame + 1) * FRAME_TARGET_MS / 1000.0
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
        results.append(ScrollRun(step, frames, painted, time.perf_counter() - started))
    bar.setValue(bar.minimum())
    return results


# ------------------------------------------------------------------ the run


def report_size(
    report: Report, size: int, runs: list[ConnectRun], open_ms: float, listing_ms: float
) -> None:
    populated = [r.populated_ms for r in runs]
    painted = [r.painted_ms for r in runs if r.painted_ms is not None]
    print(f"  populated per run (ms): {ms_list(populated)}")
    report.add(Figure(f"{size:,}: libvirt.open(uri) alone (median)", open_ms))
    report.add(Figure(f"{size:,}: list_domains alone (median)", listing_ms))
    report.add(Figure(
        f"{size:,}: add → populated (median of {len(runs)})",
        statistics.median(populated),
        POPULATE_TARGET_MS if size == SMALL else None,
    ))
    if painted:
        report.add(Figure(f"{size:,}: add → first paint of the list (median)",
                          statistics.median(painted)))
    stall_targets = size == LARGE
    for phase, stalls in (
        ("connect+populate", [s for r in runs for s in r.connect_stalls]),
        ("steady state", [s for r in runs for s in r.steady_stalls]),
    ):
        note = f"{len(stalls)} ticks over {len(runs)} runs"
        report.add(Figure(
            f"{size:,}: stall p99, {phase}", percentile(stalls, 0.99),
            STALL_P99_TARGET_MS if stall_targets else None, note,
        ))
        report.add(Figure(
            f"{size:,}: stall max, {phase}", max(stalls, default=0.0),
            STALL_MAX_TARGET_MS if stall_targets else None,
            "per run: " + ms_list([max(phase_of(r, phase), default=0.0) for r in runs]),
        ))


def phase_of(run: ConnectRun, phase: str) -> list[float]:
    return run.connect_stalls if phase == "connect+populate" else run.steady_stalls


def report_keystrokes(report: Report, size: int, strokes: list[Keystroke]) -> None:
    print("  keystrokes, first round (text → rows: keyClick / until idle / +forced repaint ms):")
    for stroke in strokes[: 2 * len(TYPED)]:
        print(
            f"    {stroke.text!r:>9} → {stroke.rows:>6}: {stroke.key_ms:6.1f} / "
            f"{stroke.idle_ms:6.1f} / {stroke.repaint_ms:5.1f}"
            f"{'' if stroke.painted else '  (list not repainted)'}"
        )
    idle = [s.idle_ms for s in strokes]
    total = [s.idle_ms + s.repaint_ms for s in strokes]
    note = f"{len(strokes)} keystrokes"
    report.add(Figure(f"{size:,}: keystroke → model updated, idle (median)",
                      statistics.median(idle), KEYSTROKE_TARGET_MS, note))
    report.add(Figure(f"{size:,}: keystroke → model updated, idle (max)",
                      max(idle), KEYSTROKE_TARGET_MS, note))
    report.add(Figure(f"{size:,}: keystroke, idle + a forced repaint (median)",
                      statistics.median(total)))
    report.add(Figure(f"{size:,}: keystroke, idle + a forced repaint (max)", max(total)))


def report_events(
    report: Report, size: int, burst_stalls: list[float], latencies: list[float]
) -> None:
    note = f"{BURSTS} bursts of {BURST_EVENTS} events, {len(burst_stalls)} ticks"
    report.add(Figure(f"{size:,}: stall p99, event bursts", percentile(burst_stalls, 0.99),
                      STALL_P99_TARGET_MS, note))
    report.add(Figure(f"{size:,}: stall max, event bursts", max(burst_stalls, default=0.0),
                      STALL_MAX_TARGET_MS, note))
    note = f"{len(latencies)} pauses and resumes: {ms_list(latencies)}"
    report.add(Figure(f"{size:,}: event → row repainted (median)",
                      statistics.median(latencies), EVENT_MEDIAN_TARGET_MS, note))
    report.add(Figure(f"{size:,}: event → row repainted (max)", max(latencies),
                      EVENT_MAX_TARGET_MS, note))


def report_scrolling(report: Report, size: int, runs: list[ScrollRun]) -> None:
    for run in runs:
        frames = run.frames_ms
        within = sum(1 for f in frames if f <= FRAME_TARGET_MS)
        note = (
            f"{len(frames)} frames at up to 60 a second: {run.fps:.1f} per second, "
            f"{run.painted} painted, {within} within {FRAME_TARGET_MS:.1f} ms"
        )
        print(f"  scrolling by {run.step}: {note}")
        report.add(Figure(f"{size:,}: scroll frame by {run.step}, median",
                          statistics.median(frames), FRAME_TARGET_MS))
        report.add(Figure(f"{size:,}: scroll frame by {run.step}, p99",
                          percentile(frames, 0.99), FRAME_TARGET_MS))
        report.add(Figure(f"{size:,}: scroll frame by {run.step}, max",
                          max(frames), FRAME_TARGET_MS, note))


async def bench_all(
    bench: Bench, fleets: dict[int, str], runs: dict[int, int], steady_s: float,
    key_rounds: int, report: Report,
) -> None:
    for size, uri in fleets.items():
        print(f"\n{size:,} domains ({uri})", flush=True)
        open_ms, listing_ms = time_open_and_listing(uri, 3)
        results: list[ConnectRun] = []
        strokes: list[Keystroke] = []
        burst_stalls: list[float] = []
        latencies: list[float] = []
        scrolls: list[ScrollRun] = []
        for index in range(runs[size]):
            run, connection = await connect_once(bench, uri, size, steady_s)
            print(
                f"  run {index + 1}: populated {run.populated_ms:.0f} ms, stall max "
                f"{max(run.connect_stalls, default=0):.0f} / "
                f"{max(run.steady_stalls, default=0):.0f} ms (connect / steady)",
                flush=True,
            )
            results.append(run)
            last = index == runs[size] - 1
            if last and size == LARGE and key_rounds:
                strokes = await type_filter(bench, connection, key_rounds)
            if last and size == LARGE:
                scrolls = await scrolling(bench)
            if last and size == LARGE:
                burst_stalls = await event_bursts(bench, connection)
                latencies = await event_latencies(bench, connection)
            await bench.manager.remove(uri)
            await asyncio.sleep(0.2)  # let the closed connection's leftovers drain
        report_size(report, size, results, open_ms, listing_ms)
        if strokes:
            report_keystrokes(report, size, strokes)
        if scrolls:
            report_scrolling(report, size, scrolls)
        if latencies:
            report_events(report, size, burst_stalls, latencies)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[SMALL, LARGE],
                        help="fleet sizes (default: 2000 10000)")
    parser.add_argument("--runs", type=int, default=0,
                        help="runs per size (default: 5 at 2,000, 3 at 10,000 and above)")
    parser.add_argument("--steady", type=float, default=3.0,
                        help="seconds of steady state watched after each populate")
    parser.add_argument("--key-rounds", type=int, default=3,
                        help="times the filter text is typed and erased at 10,000")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kvmgui-bench-") as tmp:
        tmpdir = Path(tmp)
        runtime_dir = tmpdir / "runtime"  # Qt warns when XDG_RUNTIME_DIR is unset
        runtime_dir.mkdir(mode=0o700)
        os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))
        fleets: dict[int, str] = {}
        for size in args.sizes:
            path = write_node(tmpdir / f"fleet-{size}.xml", numbered_fleet(size))
            fleets[size] = f"test://{path}"
        runs = {size: args.runs or (5 if size < LARGE else 3) for size in args.sizes}

        ensure_event_loop()
        qInstallMessageHandler(qt_message)
        app = QApplication(sys.argv[:1])
        services = App.start(
            app, Settings(QSettings(str(tmpdir / "settings.ini"), QSettings.Format.IniFormat))
        )
        loop, manager = services.loop, services.manager
        window = MainWindow(services, remember_connections=False)
        window.show()
        if not QTest.qWaitForWindowExposed(window, 5000):
            raise RuntimeError("the main window was never exposed")
        paints = PaintWatcher()
        window.view.viewport().installEventFilter(paints)
        bench = Bench(app, manager, window, TickProbe(), paints)

        print(
            f"bench_list: {datetime.datetime.now().isoformat(timespec='seconds')}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"libvirt {libvirt.getVersion()}, Qt platform {app.platformName()}"
        )
        report = Report()
        try:
            loop.run_until_complete(
                bench_all(bench, fleets, runs, args.steady, args.key_rounds, report)
            )
        finally:
            loop.run_until_complete(manager.close_all())
            window.close()
        print("\n" + report.markdown())
        misses = [f.label for f in report.figures if f.verdict == "MISS"]
        print(f"\n{len(misses)} target(s) missed" + (": " + "; ".join(misses) if misses else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
