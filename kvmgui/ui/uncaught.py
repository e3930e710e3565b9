"""Exceptions nothing caught: logged, said in a dialog that names the log, never fatal.

A bug in a slot, a callback of the asyncio loop or a thread must not end the
app while VMs' consoles and windows are open: the user reads what happened,
where the details are, and carries on.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import traceback
import types
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kvmgui.ui.i18n import translate

log = logging.getLogger(__name__)

ExceptHook = Any  # sys.excepthook's and threading.excepthook's types differ


class UncaughtErrorHandler(QObject):
    """Installs ``sys.excepthook``, ``threading.excepthook`` and the asyncio loop's
    exception handler; each logs the error and shows :attr:`dialog` on the GUI thread.

    While a dialog is open, further errors are logged and counted in it, so a
    failing timer cannot bury the screen under dialogs.
    """

    def __init__(
        self, loop: asyncio.AbstractEventLoop, log_file: Path | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loop = loop
        self._log_file = log_file
        self._gui_thread = threading.get_ident()
        self._previous: tuple[ExceptHook, ExceptHook] | None = None
        self.dialog: QMessageBox | None = None
        self._more = 0

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_sys_exception
        threading.excepthook = self._on_thread_exception
        self._loop.set_exception_handler(self._on_loop_exception)

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        self._loop.set_exception_handler(None)

    # ------------------------------------------------------------- hooks

    def _on_sys_exception(
        self, exc_type: type[BaseException], error: BaseException,
        tb: types.TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(exc_type, error, tb)
            return
        self._report(translate("uncaught", "in the GUI"), error)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return  # a thread that ended itself
        thread = args.thread.name if args.thread is not None else translate("uncaught", "a thread")
        self._report(f"in {thread}", args.exc_value)

    def _on_loop_exception(
        self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        error = context.get("exception")
        if not isinstance(error, Exception):
            loop.default_exception_handler(context)
            return
        self._report(translate("uncaught", "in a background task"), error)

    # ------------------------------------------------------------ report

    def _report(self, where: str, error: BaseException) -> None:
        # Never raise from here: an error in the handler would be the one that ends the app.
        try:
            log.critical("uncaught exception %s", where, exc_info=error)
            summary = "".join(traceback.format_exception_only(error)).strip()
            if threading.get_ident() == self._gui_thread:
                self._show(where, summary)
            else:
                self._loop.call_soon_threadsafe(self._show, where, summary)
        except BaseException:  # the last resort: stderr
            traceback.print_exc()

    def _show(self, where: str, summary: str) -> None:
        if self.dialog is not None:
            self._more += 1
            self.dialog.setInformativeText(
                translate("uncaught", "%n more unexpected error(s) since.", None, self._more)
            )
            return
        where_to_read = (
            translate("uncaught", "The details are in the log: {_log_file}").format(
                _log_file=self._log_file
            )
            if self._log_file is not None
            else translate(
                "uncaught", "No log file could be written; run kvmgui --debug to see the details."
            )
        )
        parent = QApplication.activeWindow()
        dialog = QMessageBox(
            QMessageBox.Icon.Critical,
            translate("uncaught", "kvmgui: unexpected error"),
            translate(
                "uncaught",
                "kvmgui met an unexpected error {where} and carried on; what you were doing may "
                "not have finished.\n\n{summary}\n\n{where_to_read}",
            ).format(where=where, summary=summary, where_to_read=where_to_read),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        dialog.setTextFormat(Qt.TextFormat.PlainText)
        dialog.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dialog.finished.connect(self._on_dialog_closed)
        self.dialog = dialog
        self._more = 0
        dialog.open()

    def _on_dialog_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

