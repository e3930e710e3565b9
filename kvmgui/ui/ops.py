"""One shape for background work from the GUI.

An op is a coroutine that :meth:`OpRunner.run` runs as a task. Its blocking
parts run off the GUI thread: libvirt calls in the connection's pool
(``await connection.call(...)``), anything else in the app's one pool for
other work (``await in_worker(fn)``). When the op ends:

- ``on_success(result)`` runs if it succeeded;
- if it failed, ``on_failure(error)`` runs when given, and decides alone what
  the user sees (it may call :meth:`OpRunner.report`); otherwise the default
  display shows it, once: ``failed``, which the main window puts in its
  message bar;
- with an ``owner``, the op is cancelled when the owner is destroyed, and no
  hook runs after that: a hook never reaches a dead widget.

Hooks run on the GUI thread, inside the op's task.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from kvmgui.core.errors import LibvirtCallError
from kvmgui.ui.i18n import shown, shown_exception, translate

log = logging.getLogger(__name__)

T = TypeVar("T")


async def in_worker(fn: Callable[[], T]) -> T:
    """Run blocking work that is not a libvirt call (files, hashing, osinfo,
    console streams) off the GUI thread, in the loop's default executor: the
    one pool for such work (see :class:`kvmgui.ui.eventloop.AppEventLoop`)."""
    return await asyncio.get_running_loop().run_in_executor(None, fn)


def cancel_with(owner: QObject, task: asyncio.Task[Any]) -> None:
    """Cancel ``task`` when ``owner`` is destroyed.

    Cancelling also stops a task whose awaited result has arrived but which has
    not resumed yet, so nothing after its ``await`` runs once ``owner`` is gone.
    """
    def cancel() -> None:
        # An owner destroyed while the app quits outlives the loop's timer
        # object: cancelling then would schedule on a deleted timer.
        if task.get_loop().is_running():
            task.cancel()

    connection = owner.destroyed.connect(cancel)
    task.add_done_callback(lambda _task: QObject.disconnect(connection))


def failure_message(error: BaseException) -> str:
    """What the user reads about a failed op."""
    if isinstance(error, LibvirtCallError):
        return f"{shown(error.what)}: {shown(error.message)}"
    return translate("ops", "Unexpected error: {error}").format(error=shown_exception(error))


class OpRunner(QObject):
    """Runs ops and shows the failures no one else handles, in one place."""

    failed = Signal(str)  # a message for the user (the default display)
    finished = Signal()  # every op ended (for tests and busy indicators)

    def __init__(self, loop: asyncio.AbstractEventLoop, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loop = loop
        self._tasks: set[asyncio.Task[None]] = set()

    def run(
        self,
        coro: Coroutine[Any, Any, T],
        on_success: Callable[[T], object] | None = None,
        *,
        on_failure: Callable[[Exception], object] | None = None,
        owner: QObject | None = None,
    ) -> asyncio.Task[None]:
        """Run ``coro`` as an op (see the module's docstring); the task is the op's."""
        task = self._loop.create_task(self._op(coro, on_success, on_failure))
        self._tasks.add(task)
        if owner is not None:
            cancel_with(owner, task)
        task.add_done_callback(partial(self._done, coro))
        return task

    def report(self, message: str) -> None:
        """Show ``message`` where failures are shown by default (the message bar)."""
        self.failed.emit(message)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    async def _op(
        self,
        coro: Coroutine[Any, Any, T],
        on_success: Callable[[T], object] | None,
        on_failure: Callable[[Exception], object] | None,
    ) -> None:
        try:
            result = await coro
        except Exception as error:  # a cancellation is no failure: it passes
            if not isinstance(error, LibvirtCallError):
                log.error("operation failed", exc_info=error)
            if on_failure is None:
                self.report(failure_message(error))
            else:
                on_failure(error)
            return
        if on_success is not None:
            on_success(result)

    def _done(self, coro: Coroutine[Any, Any, Any], task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            coro.close()  # cancelled before it started: it is not "never awaited"
        elif (error := task.exception()) is not None:
            log.error("a hook of an operation failed", exc_info=error)
            self.report(failure_message(error))
        if not self._tasks:
            self.finished.emit()
