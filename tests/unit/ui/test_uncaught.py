"""An exception nothing caught: a dialog naming the log, and the app goes on (issue 14, hole 9)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from kvmgui.ui.uncaught import UncaughtErrorHandler


@pytest.fixture
def handler(loop: asyncio.AbstractEventLoop, tmp_path: Path) -> Iterator[UncaughtErrorHandler]:
    installed = UncaughtErrorHandler(loop, tmp_path / "kvmgui.log")
    installed.install()  # in place of pytest-qt's hook, which would fail the test
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()


def shown(handler: UncaughtErrorHandler) -> QMessageBox:
    assert handler.dialog is not None and handler.dialog.isVisible()
    return handler.dialog


def test_an_exception_in_a_slot_shows_the_log_and_the_app_goes_on(
    handler: UncaughtErrorHandler, qtbot: QtBot, tmp_path: Path,
) -> None:
    clicks: list[int] = []

    def faulty_slot() -> None:
        clicks.append(1)
        raise RuntimeError(f"bug number {len(clicks)}")

    button = QPushButton("Do it")
    qtbot.addWidget(button)
    button.clicked.connect(faulty_slot)
    button.click()
    qtbot.waitUntil(lambda: handler.dialog is not None, timeout=5000)
    text = shown(handler).text()
    assert "RuntimeError: bug number 1" in text
    assert str(tmp_path / "kvmgui.log") in text
    # Still alive: the same slot runs again, and a second error joins the open dialog.
    button.click()
    assert clicks == [1, 1]
    assert shown(handler).informativeText() == "1 more unexpected error since."
    with qtbot.waitSignal(shown(handler).finished, timeout=5000):
        shown(handler).button(QMessageBox.StandardButton.Ok).click()
    assert handler.dialog is None


def test_an_exception_in_a_thread_is_shown_on_the_gui_thread(
    handler: UncaughtErrorHandler, qtbot: QtBot,
) -> None:
    def faulty_work() -> None:
        raise ValueError("worker bug")

    worker = threading.Thread(target=faulty_work, name="event-thread")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: handler.dialog is not None, timeout=5000)
    assert "in event-thread" in shown(handler).text()
    assert "ValueError: worker bug" in shown(handler).text()


def test_an_exception_in_a_loop_callback_is_shown(
    handler: UncaughtErrorHandler, loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    def faulty_callback() -> None:
        raise KeyError("callback bug")

    loop.call_soon(faulty_callback)
    qtbot.waitUntil(lambda: handler.dialog is not None, timeout=5000)
    assert "KeyError: 'callback bug'" in shown(handler).text()
