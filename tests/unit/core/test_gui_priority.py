"""Pool threads step aside while the GUI thread works (kvmgui.core.gui_priority)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from kvmgui.core import gui_priority
from kvmgui.core.gui_priority import mark_gui_awake, mark_gui_idle, step_aside


@pytest.fixture
def gui_working(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This thread plays the GUI thread, awake; a step aside would wait 60 s."""
    monkeypatch.setattr(gui_priority, "MAX_WAIT_S", 60.0)
    mark_gui_awake()
    yield
    mark_gui_idle()


def step_aside_in_a_thread() -> tuple[threading.Event, threading.Event]:
    entered, done = threading.Event(), threading.Event()

    def pool_work() -> None:
        entered.set()
        step_aside()
        done.set()

    threading.Thread(target=pool_work, daemon=True).start()
    assert entered.wait(5)
    return entered, done


def test_a_pool_thread_waits_while_the_gui_thread_works_and_goes_on_when_it_rests(
    gui_working: None,
) -> None:
    _entered, done = step_aside_in_a_thread()
    assert not done.wait(0.1)  # the GUI thread still works
    mark_gui_idle()
    assert done.wait(5)


def test_the_gui_thread_itself_never_waits(gui_working: None) -> None:
    started = time.monotonic()
    step_aside()
    assert time.monotonic() - started < 5


def test_a_gui_thread_that_never_rests_delays_a_step_only_by_the_cap(
    gui_working: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui_priority, "MAX_WAIT_S", 0.01)
    _entered, done = step_aside_in_a_thread()
    assert done.wait(5)


def test_without_a_gui_thread_nothing_waits() -> None:
    _entered, done = step_aside_in_a_thread()
    assert done.wait(5)
