"""One shape for running libvirt work from the GUI: an op runs off the GUI
thread (the connection's pool), and its failure lands in the message bar."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from kvmgui.core.errors import LibvirtCallError

log = logging.getLogger(__name__)

T = TypeVar("T")


class OpRunner(QObject):
    """Runs coroutines as tasks and reports their errors in one place."""

    failed = Signal(str)  # a message for the user
    finished = Signal()  # every op ended (for tests and busy indicators)

    def __init__(self, loop: asyncio.AbstractEventLoop, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loop = loop
        self._tasks: set[asyncio.Task[Any]] = set()

    def run(
        self,
        coro: Coroutine[Any, Any, T],
        on_success: Callable[[T], None] | None = None,
    ) -> asyncio.Task[T]:
        task = self._loop.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(lambda done: self._done(done, on_success))
        return task

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def _done(self, task: asyncio.Task[T], on_success: Callable[[T], None] | None) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            pass
        elif (error := task.exception()) is not None:
            if isinstance(error, LibvirtCallError):
                self.failed.emit(str(error))
            else:
                log.error("operation failed", exc_info=error)
                self.failed.emit(f"Unexpected error: {error}")
        elif on_success is not None:
            on_success(task.result())
        if not self._tasks:
            self.finished.emit()
