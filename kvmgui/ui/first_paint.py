"""The log line that times a launch: the list painted its first rows after the
first complete listing (benchmarks/bench_startup.py reads it from the log)."""

from __future__ import annotations

import logging
import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QAbstractItemView

from kvmgui.core.connection import Connection, ConnectionState, DomainChanges
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.widgets.viewport import viewport_of

log = logging.getLogger(__name__)


def seconds_since_exec() -> float | None:
    """Time since this process started (Linux /proc; 10 ms resolution), or None."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            # Fields after the parenthesised command name; starttime is field 22.
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started


class FirstRowsPaintLog(QObject):
    """Logs once, at INFO, when ``view`` has painted after the first complete
    listing of any connection, then stops watching."""

    def __init__(self, view: QAbstractItemView, manager: ConnectionManager) -> None:
        super().__init__(view)
        self._view = view
        self._manager = manager
        self._domains = -1
        listed = [c for c in manager.connections() if c.state is ConnectionState.CONNECTED]
        if listed:
            self._watch_paints(listed[0])
        else:
            manager.domains_changed.connect(self.on_domains_changed)

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        if changes.complete:
            self._manager.domains_changed.disconnect(self.on_domains_changed)
            self._watch_paints(connection)

    def _watch_paints(self, connection: Connection) -> None:
        self._domains = len(connection.domains())
        viewport = viewport_of(self._view)
        viewport.installEventFilter(self)
        viewport.update()  # an empty listing changes no row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Logged once this paint event has been handled, not before it.
            QTimer.singleShot(0, self._log)
        return False

    def _log(self) -> None:
        since_exec = seconds_since_exec()
        log.info(
            "first rows painted after listing: %d domains, %s s after exec",
            self._domains, "?" if since_exec is None else f"{since_exec:.3f}",
        )
