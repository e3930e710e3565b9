"""Fixtures for tests that run the app's Qt parts on a qasync loop."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection, ConnectionState, DomainChanges
from kvmgui.core.domain import DomainState
from kvmgui.ui.app import App
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.eventloop import AppEventLoop
from kvmgui.ui.gc import GuiThreadGarbageCollector
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.settings import Settings

T = TypeVar("T")


@pytest.fixture(scope="session")
def _gui_thread_gc(qapp: QApplication) -> GuiThreadGarbageCollector:
    # As in the app: cycles holding QObjects are collected on the GUI thread.
    return GuiThreadGarbageCollector(qapp)


@pytest.fixture
def loop(
    qapp: QApplication, _gui_thread_gc: GuiThreadGarbageCollector
) -> Iterator[asyncio.AbstractEventLoop]:
    """The app's qasync loop, running during the test as it runs in the app once
    ``run_forever`` has started: in qasync's mode for a Qt loop spun by someone
    else (here pytest-qt's waits and its event processing after the test)."""
    event_loop = AppEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    # Stopped, then run until what the test left is cancelled, as asyncio.run
    # ends: after run_until_complete it no longer counts as running, so that
    # later tests without Qt can use asyncio.run.
    event_loop.stop()
    left = asyncio.all_tasks(event_loop)
    for task in left:
        task.cancel()
    event_loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
    asyncio.set_event_loop(None)
    event_loop.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "kvmgui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def app(
    loop: asyncio.AbstractEventLoop, settings: Settings, qtbot: QtBot
) -> Iterator[App]:
    # No periodic reconcile: every change a test sees must come from an event.
    services = App(loop, settings, ConnectionManager(loop, reconcile_interval=None))
    yield services
    services.stop()
    task = loop.create_task(services.manager.close_all())
    qtbot.waitUntil(task.done, timeout=10000)


@pytest.fixture
def manager(app: App) -> ConnectionManager:
    return app.manager


@pytest.fixture
def ops(app: App) -> OpRunner:
    return app.ops


@pytest.fixture
def window(app: App, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(app)
    qtbot.addWidget(main)
    main.show()
    yield main


def open_connection(
    manager: ConnectionManager, qtbot: QtBot, uri: str, timeout: int = 10000
) -> Connection:
    """Add a connection and wait until its first listing has arrived."""
    # The first listing is delivered before the state turns CONNECTED.
    with qtbot.waitSignal(
        manager.connection_state_changed,
        check_params_cb=lambda c: c.uri == uri and c.state is ConnectionState.CONNECTED,
        timeout=timeout,
    ):
        connection = manager.add(uri)
    return connection


def wait_for_state(
    qtbot: QtBot, manager: ConnectionManager, connection: Connection, uuid: str,
    state: DomainState | None, timeout: int = 10000,
) -> None:
    """Wait for a domain's state as the app knows it (None: until it is gone)."""

    def reached() -> bool:
        info = connection.domain(uuid)
        return info is None if state is None else info is not None and info.state is state

    if reached():
        return

    def check(changed: Connection, _changes: DomainChanges) -> bool:
        return changed is connection and reached()

    qtbot.waitSignal(manager.domains_changed, check_params_cb=check, timeout=timeout).wait()


class _TaskDone(QObject):
    done = Signal()


def run_task(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T],
    timeout: int = 10000,
) -> T:
    """Run a coroutine on the app's loop while Qt spins; return its result."""
    notifier = _TaskDone()
    blocker = qtbot.waitSignal(notifier.done, timeout=timeout)
    task = loop.create_task(coro)
    task.add_done_callback(lambda _task: notifier.done.emit())
    blocker.wait()
    return task.result()
