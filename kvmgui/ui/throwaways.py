"""Removes a throwaway VM's overlays once its transient domain is gone, and finds
the overlays a crash left behind."""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from PySide6.QtCore import QObject, Signal, Slot

from kvmgui.core.connection import Connection, DomainChanges
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.throwaway import find_leftovers, remove_throwaway_volumes
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.i18n import translate
from kvmgui.ui.ops import OpRunner, cancel_with

log = logging.getLogger(__name__)


class ThrowawayJanitor(QObject):
    """Watches the throwaway VMs of every connection (by the id in their metadata)."""

    leftovers_found = Signal(object, object)  # Connection, list[Leftover]

    def __init__(
        self, manager: ConnectionManager, ops: OpRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._running: dict[tuple[str, str], str] = {}  # (URI, UUID) -> throwaway id
        self._scanned: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        manager.domains_changed.connect(self.on_domains_changed)

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        for info in (*changes.added, *changes.changed):
            throwaway_id = info.labels.metadata.throwaway_id
            if throwaway_id:
                self._running[(connection.uri, info.uuid)] = throwaway_id
        for uuid in changes.removed:
            throwaway_id = self._running.pop((connection.uri, uuid), "")
            if throwaway_id:
                self.remove(connection, throwaway_id)
        if changes.complete and connection.uri not in self._scanned:
            self._scanned.add(connection.uri)
            # Not an op: a background look whose failure is no news for the user.
            task = asyncio.get_running_loop().create_task(self._scan(connection))
            cancel_with(self, task)
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _scan(self, connection: Connection) -> None:
        try:
            leftovers = await connection.call(
                translate("throwaways", "look for throwaway leftovers"), find_leftovers
            )
        except LibvirtCallError as err:
            log.warning(
                "looking for throwaway leftovers on %s: %s",
                connection.uri,
                err,
            )
            return
        if leftovers:
            self.leftovers_found.emit(connection, leftovers)

    def remove(self, connection: Connection, throwaway_id: str) -> None:
        """Delete the overlays of a throwaway VM that is gone."""
        self._ops.run(
            connection.call(
                translate("throwaways", "Could not remove a throwaway VM's overlays"),
                partial(remove_throwaway_volumes, throwaway_id=throwaway_id),
            ),
            self._report,
        )

    def _report(self, failures: list[str]) -> None:
        if failures:
            self._ops.report(
                translate("throwaways", "Could not remove a throwaway VM's overlays: ")
                + "; ".join(failures)
            )
