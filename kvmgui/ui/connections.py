"""The set of open connections, as a QObject that speaks in signals."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kvmgui.core.auth import Ask
from kvmgui.core.connection import Connection, DomainChanges
from kvmgui.core.opening import Opening

log = logging.getLogger(__name__)


class ConnectionManager(QObject):
    """Owns the connections; widgets and models only listen to it.

    Connections report on the asyncio loop, which is the Qt GUI thread
    (qasync), so the signals are emitted there.
    """

    connection_added = Signal(object)  # Connection
    connection_removed = Signal(object)  # Connection
    connection_state_changed = Signal(object)  # Connection
    domains_changed = Signal(object, object)  # Connection, DomainChanges

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        *,
        reconcile_interval: float | None = 30.0,
        ask_for: Callable[[str], Ask] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loop = loop
        self._reconcile_interval = reconcile_interval
        # Who answers libvirt's questions while a connection to a URI opens.
        self._ask_for = ask_for
        self._connections: dict[str, Connection] = {}

    def connections(self) -> list[Connection]:
        return list(self._connections.values())

    def get(self, uri: str) -> Connection | None:
        return self._connections.get(uri)

    def add(self, uri: str, *, opening: Opening | None = None) -> Connection:
        """Open ``uri`` (or return the connection already open on it); ``opening``
        is an open of it already under way (kvmgui.core.opening.start_opening)."""
        existing = self._connections.get(uri)
        if existing is not None:
            return existing
        connection = Connection(
            uri, self, self._loop, reconcile_interval=self._reconcile_interval,
            ask=self._ask_for(uri) if self._ask_for is not None else None, opening=opening,
        )
        self._connections[uri] = connection
        self.connection_added.emit(connection)
        connection.start()
        return connection

    async def remove(self, uri: str) -> None:
        connection = self._connections.pop(uri, None)
        if connection is None:
            return
        self.connection_removed.emit(connection)
        await connection.close()

    async def close_all(self) -> None:
        for uri in list(self._connections):
            await self.remove(uri)

    # ConnectionListener
    def on_connection_state_changed(self, connection: Connection) -> None:
        if self._connections.get(connection.uri) is connection:
            self.connection_state_changed.emit(connection)

    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        if self._connections.get(connection.uri) is connection:
            self.domains_changed.emit(connection, changes)
