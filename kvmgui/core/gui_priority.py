"""Pool threads step aside while the GUI thread works.

While Qt paints, it calls into Python for every cell (a model's data(), a
delegate's paint), and each call takes the GIL back. A pool thread busy in
Python keeps the GIL up to the switch interval each time, so one busy thread
made a repaint of a screenful of new rows twice as slow (benchmarks/RESULTS.md,
issue 13, "Fourth pass"), whatever the interval. The GUI thread says when it is awake and
when it is about to wait for events (:func:`mark_gui_awake`,
:func:`mark_gui_idle`), and loops that do Python work per domain in other
threads call :func:`step_aside` between domains: while the GUI thread works,
they wait for it to go idle, the GIL released, for at most :data:`MAX_WAIT_S`
each time, so a GUI thread that never rests slows them down but cannot stop
them.

Never call :func:`step_aside` while holding a lock that the GUI thread takes:
it would wait for a thread that waits for it.
"""

from __future__ import annotations

import threading

#: The longest one step aside waits.
MAX_WAIT_S = 0.05

_gui_idle = threading.Event()
_gui_idle.set()  # until a GUI thread says otherwise (core code used without one)
_gui_thread: int | None = None


# Both run at every turn of the GUI thread's loop: the Event, whose set() and
# clear() take its lock, is touched only when the state changes (only the GUI
# thread changes it, so the check and the change cannot race).


def mark_gui_awake() -> None:
    """Called on the GUI thread when its event loop wakes up."""
    global _gui_thread
    _gui_thread = threading.get_ident()
    if _gui_idle.is_set():
        _gui_idle.clear()


def mark_gui_idle() -> None:
    """Called on the GUI thread when its event loop is about to wait for events."""
    if not _gui_idle.is_set():
        _gui_idle.set()


def step_aside() -> None:
    """Wait while the GUI thread works (a no-op on the GUI thread itself)."""
    if not _gui_idle.is_set() and threading.get_ident() != _gui_thread:
        _gui_idle.wait(MAX_WAIT_S)
