"""The asyncio loop of the app: qasync's, with a handoff from other threads
that never emits a Qt signal off the GUI thread."""

from __future__ import annotations

import concurrent.futures
import contextlib
import contextvars
import socket
import sys
from collections import deque
from collections.abc import Callable
from typing import Any

import qasync
from PySide6.QtCore import QAbstractEventDispatcher, QSocketNotifier
from PySide6.QtWidgets import QApplication

from kvmgui.core.gui_priority import mark_gui_awake, mark_gui_idle

DEFAULT_WORKERS = 4
# The GUI thread takes the GIL back for every Python callback while Qt paints
# (each model data() call, each delegate paint); a pool thread busy in Python
# keeps it for up to the switch interval each time. 0.5 ms instead of 5 ms:
# GUI stalls p99 4.3 → 0.8 ms with a 2,000-domain fleet sampled every second
# (benchmarks/RESULTS.md).
GIL_SWITCH_INTERVAL_S = 0.0005


class AppEventLoop(qasync.QEventLoop):
    """qasync's call_soon_threadsafe emits a PySide signal from the calling
    thread; with libvirt's event thread and the connections' pools calling it
    all the time, that crashed the process once in a while (segfault in the
    emit). Here other threads only append to a deque and write a byte to a
    socket that a QSocketNotifier watches on the GUI thread.
    """

    def __init__(self, app: QApplication, *, already_running: bool = False) -> None:
        self._handoff: deque[tuple[Callable[..., object], tuple[Any, ...],
                                   contextvars.Context | None]] = deque()
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._wake_reader.setblocking(False)
        self._wake_writer.setblocking(False)
        super().__init__(app, already_running=already_running)
        sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        self._wake_notifier = QSocketNotifier(
            self._wake_reader.fileno(), QSocketNotifier.Type.Read
        )
        self._wake_notifier.activated.connect(self._run_handoff)
        # Pool threads step aside while the GUI thread works (kvmgui.core.gui_priority).
        self._dispatcher = QAbstractEventDispatcher.instance()
        if self._dispatcher is not None:
            self._dispatcher.awake.connect(mark_gui_awake)
            self._dispatcher.aboutToBlock.connect(mark_gui_idle)
        # The one pool for blocking work that is not a libvirt call
        # (kvmgui.ui.ops.in_worker); libvirt calls use their connection's pool.
        # Plain threads: qasync's default executor is made of QThreads, which
        # Qt warns about when they outlive the loop (an abandoned osinfo-detect).
        self.set_default_executor(
            concurrent.futures.ThreadPoolExecutor(DEFAULT_WORKERS, thread_name_prefix="loop")
        )

    def call_soon_threadsafe(
        self, callback: Callable[..., object], *args: Any,
        context: contextvars.Context | None = None,
    ) -> None:
        self._handoff.append((callback, args, context))  # deque.append is atomic
        # A full socket buffer means a wake-up is already pending.
        with contextlib.suppress(BlockingIOError, OSError):
            self._wake_writer.send(b"\0")

    def _run_handoff(self) -> None:
        with contextlib.suppress(BlockingIOError):
            while self._wake_reader.recv(4096):
                pass
        while self._handoff:
            callback, args, context = self._handoff.popleft()
            self.call_soon(callback, *args, context=context)

    def close(self) -> None:
        super().close()
        if self._dispatcher is not None:
            self._dispatcher.awake.disconnect(mark_gui_awake)
            self._dispatcher.aboutToBlock.disconnect(mark_gui_idle)
            mark_gui_idle()
        self._wake_notifier.setEnabled(False)
        self._wake_reader.close()
        self._wake_writer.close()
