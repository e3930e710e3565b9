"""libvirt's questions while a connection opens (SSH host key, passphrase, password), in Qt.

libvirt asks on a connection's pool thread (kvmgui.core.auth); :meth:`CredentialAsker.ask`
hands the questions to the GUI thread, where a non-modal dialog shows them,
and waits for the answers there, so the window keeps running meanwhile.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kvmgui.core.auth import Ask, CredentialRequest

if TYPE_CHECKING:
    from kvmgui.ui.credential_dialog import CredentialDialog

# How long a question waits for the user before the connect is given up.
ANSWER_TIMEOUT_S = 300.0


class CredentialAsker(QObject):
    """Answers libvirt's questions through dialogs; :meth:`ask` is for pool threads only."""

    dialog_opened = Signal(object)  # CredentialDialog (for tests and accessibility tools)

    def __init__(self, loop: asyncio.AbstractEventLoop, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loop = loop
        self._closed = threading.Event()
        self._open: set[CredentialDialog] = set()

    def asker_for(self, uri: str) -> Ask:
        """The ``ask`` of the connection to ``uri`` (its dialogs name the URI)."""
        return lambda requests: self.ask(uri, requests)

    def ask(self, uri: str, requests: list[CredentialRequest]) -> list[str] | None:
        """The user's answers, or None (cancelled, timed out, the app quitting). Blocks."""
        if self._closed.is_set():
            return None
        future = asyncio.run_coroutine_threadsafe(self._ask(uri, requests), self._loop)
        waited = 0.0
        # Wakes up now and then: a quitting app must not leave this thread waiting.
        while not self._closed.is_set() and waited < ANSWER_TIMEOUT_S:
            try:
                return future.result(timeout=0.5)
            except concurrent.futures.TimeoutError:
                waited += 0.5
        future.cancel()
        return None

    async def _ask(self, uri: str, requests: list[CredentialRequest]) -> list[str] | None:
        # Loaded on the first question: a launch on local connections asks none.
        from kvmgui.ui.credential_dialog import CredentialDialog

        dialog = CredentialDialog(uri, requests)
        answered: asyncio.Future[list[str] | None] = self._loop.create_future()

        def on_finished(result: int) -> None:
            if not answered.done():
                accepted = result == dialog.DialogCode.Accepted
                answered.set_result(dialog.answers() if accepted else None)

        dialog.finished.connect(on_finished)
        self._open.add(dialog)
        dialog.open()
        self.dialog_opened.emit(dialog)
        try:
            return await answered
        finally:
            self._open.discard(dialog)
            dialog.close()
            dialog.deleteLater()

    def close(self) -> None:
        """Refuse every question from now on and close the dialogs (the app quits)."""
        self._closed.set()
        for dialog in list(self._open):
            dialog.reject()
