"""Small pieces the wizard pages share: field error labels, work in a worker thread."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget

T = TypeVar("T")

# Plain Python threads: qasync's default executor is QThreads, which Qt warns
# about when they still run at exit (e.g. an osinfo-detect the user abandoned).
_WORKERS = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="wizard")


async def in_worker(fn: Callable[[], T]) -> T:
    """Run blocking non-libvirt work (file reads, hashing, osinfo) off the GUI thread."""
    return await asyncio.get_running_loop().run_in_executor(_WORKERS, fn)


class FieldError(QLabel):
    """The message next to a field; hidden while the field is fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #c01c28;")
        self.hide()

    def show_problem(self, problem: str | None) -> bool:
        """Show ``problem`` (or hide on None); True when the field is fine."""
        self.setText(problem or "")
        self.setVisible(bool(problem))
        return problem is None

