"""``kvmgui --check``: start as usual, report the first listing of each
connection and whether the icon loaded, then quit. It tells a packager or a
user that an installation works without anyone looking at the window."""

from __future__ import annotations

from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtGui import QIcon

from kvmgui.core.connection import Connection, ConnectionState
from kvmgui.ui.connections import ConnectionManager

ICON_SIZE = 64


class StartupCheck(QObject):
    """Waits until each connection of ``manager`` has listed its domains or
    failed, writes a line for each and one for ``icon`` to ``report``, and
    quits the application. ``passed`` then says whether every connection
    listed and the icon loaded."""

    def __init__(
        self, manager: ConnectionManager, icon: QIcon, report: TextIO,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._icon = icon
        self._report = report
        self._waiting = {connection.uri for connection in manager.connections()}
        self.passed = bool(self._waiting)
        if not self._waiting:
            self._write("no connection to check (give a URI or --demo)")
            # Quit once the loop runs: a quit before it starts is lost.
            QTimer.singleShot(0, self._finish)
        manager.connection_state_changed.connect(self.on_connection_state_changed)

    @Slot(object)
    def on_connection_state_changed(self, connection: Connection) -> None:
        if connection.uri not in self._waiting:
            return
        if connection.state is ConnectionState.CONNECTED:
            count = len(connection.domains())
            self._write(f"{connection.uri}: listed {count} domain{'' if count == 1 else 's'}")
        elif connection.state in (ConnectionState.FAILED, ConnectionState.LOST):
            self._write(f"{connection.uri}: failed: {connection.error}")
            self.passed = False
        else:
            return
        self._waiting.discard(connection.uri)
        if not self._waiting:
            self._finish()

    def _finish(self) -> None:
        if self._icon.pixmap(ICON_SIZE, ICON_SIZE).isNull():
            self._write("icon not loaded")
            self.passed = False
        else:
            self._write("icon loaded")
        QCoreApplication.quit()

    def _write(self, line: str) -> None:
        print(f"kvmgui: {line}", file=self._report, flush=True)
