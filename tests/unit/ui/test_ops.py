"""The op shape: hooks, the default failure display (once), lifetime tied to an owner."""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from kvmgui.core import gui_priority
from kvmgui.core.connection import Connection
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.gui_priority import step_aside
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.ops import OpRunner, cancel_with, in_worker
from tests.fleet import domain_uuid
from tests.qt_helpers import run_task

MISSING_UUID = domain_uuid("kvmgui-test-missing")


def look_at_missing(connection: Connection) -> Coroutine[Any, Any, object]:
    """A call libvirt refuses: the domain does not exist."""
    return connection.call_domain("Could not look at missing", MISSING_UUID, lambda dom: dom)


def recorder(ops: OpRunner) -> list[str]:
    said: list[str] = []
    ops.failed.connect(said.append)
    return said


def test_a_failure_is_shown_once_by_default(
    window: MainWindow, connect: Callable[[Path], Connection], fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    said = recorder(window.ops)
    succeeded: list[object] = []
    with qtbot.waitSignal(window.ops.finished, timeout=5000):
        window.ops.run(
            look_at_missing(connection),
            succeeded.append,
        )
    assert len(said) == 1 and said[0].startswith("Could not look at missing: ")
    assert window.message_bar.isVisible() and window.message_bar.text == said[0]
    assert succeeded == []


def test_a_failure_hook_decides_alone(
    ops: OpRunner, connect: Callable[[Path], Connection], fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    said = recorder(ops)
    handled: list[Exception] = []
    with qtbot.waitSignal(ops.finished, timeout=5000):
        ops.run(
            look_at_missing(connection),
            on_failure=handled.append,
        )
    assert said == []  # the default display stayed quiet
    assert len(handled) == 1 and isinstance(handled[0], LibvirtCallError)

    # A hook that wants the default display too asks for it.
    with qtbot.waitSignal(ops.finished, timeout=5000):
        ops.run(
            look_at_missing(connection),
            on_failure=lambda error: ops.report(f"said by the hook: {error}"),
        )
    assert len(said) == 1 and said[0].startswith("said by the hook: Could not look at missing")


def test_success_runs_the_success_hook_with_the_result(
    ops: OpRunner, connect: Callable[[Path], Connection], fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    said = recorder(ops)
    names: list[str] = []
    owner = QWidget()
    with qtbot.waitSignal(ops.finished, timeout=5000):
        ops.run(
            connection.call_domain("read alpha", domain_uuid("alpha"), lambda dom: dom.name()),
            names.append, owner=owner,
        )
    assert names == ["alpha"] and said == []
    assert not ops.busy


def test_no_hook_runs_once_the_owner_is_destroyed(
    ops: OpRunner, loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    said = recorder(ops)
    hooks: list[object] = []
    for result_first in (False, True):
        # The op waits on a gate the test opens, before or after the owner dies.
        gate: asyncio.Future[str] = loop.create_future()

        async def wait_for_gate(gate: asyncio.Future[str] = gate) -> str:
            return await gate

        owner = QWidget()
        task = ops.run(wait_for_gate(), hooks.append, on_failure=hooks.append, owner=owner)
        if result_first:
            gate.set_result("arrived")  # the op has its result but has not resumed yet
        Shiboken.delete(owner)
        if not result_first:
            gate.set_result("too late")
        qtbot.waitUntil(task.done, timeout=5000)
        assert task.cancelled()
    assert hooks == [] and said == []


def test_an_op_cancelled_before_it_started_is_closed(ops: OpRunner, qtbot: QtBot) -> None:
    async def never_started() -> None:
        raise AssertionError("the op ran")

    coro = never_started()
    owner = QWidget()
    task = ops.run(coro, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.cancelled()
    # Closed, not left to be reported as "never awaited".
    assert inspect.getcoroutinestate(coro) == inspect.CORO_CLOSED


def test_a_failing_hook_is_an_unexpected_error(ops: OpRunner, qtbot: QtBot) -> None:
    async def answer() -> int:
        return 42

    def broken_hook(_result: int) -> None:
        raise ValueError("the hook is broken")

    said = recorder(ops)
    with qtbot.waitSignal(ops.finished, timeout=5000):
        ops.run(answer(), broken_hook)
    assert said == ["Unexpected error: the hook is broken"]


def test_non_libvirt_work_runs_in_the_loops_one_pool(
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    worker = run_task(qtbot, loop, in_worker(threading.current_thread))
    assert worker is not threading.main_thread()
    assert worker.name.startswith("loop")  # AppEventLoop's default executor


def test_an_owner_destroyed_after_the_loop_stopped_leaves_its_task_alone() -> None:
    """As the app quits: windows die after the loop (and its Qt timer) is gone,
    so a cancel would schedule on a deleted timer (an uncaught error at exit)."""
    stopped = asyncio.new_event_loop()
    try:
        task = stopped.create_task(asyncio.sleep(60))
        owner = QWidget()
        cancel_with(owner, task)
        Shiboken.delete(owner)
        assert not task.cancelling()
        task.cancel()  # only so that the loop closes with nothing pending
        stopped.run_until_complete(asyncio.gather(task, return_exceptions=True))
    finally:
        stopped.close()


def test_pool_threads_step_aside_while_the_gui_thread_works(
    loop: asyncio.AbstractEventLoop, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The loop tells kvmgui.core.gui_priority when the GUI thread wakes and rests."""
    monkeypatch.setattr(gui_priority, "MAX_WAIT_S", 60.0)
    stepped_aside = threading.Event()
    waited_while_working: list[bool] = []

    def pool_work() -> None:
        step_aside()
        stepped_aside.set()

    def gui_work() -> None:
        threading.Thread(target=pool_work, daemon=True).start()
        waited_while_working.append(not stepped_aside.wait(0.1))

    QTimer.singleShot(0, gui_work)
    qtbot.waitUntil(stepped_aside.is_set, timeout=5000)  # the loop rested: it went on
    assert waited_while_working == [True]
