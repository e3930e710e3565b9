"""Guest IP addresses for the list's IP column and the details' Overview.

libvirt has no event for a new DHCP lease, so addresses are read when a VM
starts (a few times in its first half minute, while it takes its lease) and
then in one slow pass over the running VMs, never per VM on every tick.
Reading stops while nothing shows them.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kvmgui.core.addresses import GuestAddress, read_addresses_of
from kvmgui.core.connection import Connection, DomainChanges
from kvmgui.core.domain import DomainInfo
from kvmgui.core.errors import LibvirtCallError
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.i18n import translate
from kvmgui.ui.ops import cancel_with

log = logging.getLogger(__name__)
# Seconds after a start at which the new VM's addresses are read again.
AFTER_START = (1.0, 4.0, 10.0, 25.0)
SLOW_INTERVAL_MS = 30_000
Key = tuple[str, str]  # (connection URI, domain UUID)


class GuestAddresses(QObject):
    """The last addresses read of each running VM, and when to read them again."""

    addresses_changed = Signal(object, str)  # Connection, UUID

    def __init__(
        self, manager: ConnectionManager, loop: asyncio.AbstractEventLoop,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._manager = manager
        self._loop = loop
        self._tasks: set[asyncio.Task[None]] = set()
        self._addresses: dict[Key, tuple[GuestAddress, ...]] = {}
        self._pending: dict[Key, list[asyncio.TimerHandle]] = {}
        self._running: set[Key] = set()
        self._listed: set[str] = set()  # connections whose first listing has been read
        self._users = 0
        self._slow = QTimer(self)
        self._slow.setInterval(SLOW_INTERVAL_MS)
        self._slow.timeout.connect(self.refresh_running)
        manager.domains_changed.connect(self.on_domains_changed)

    def addresses(self, connection: Connection, uuid: str) -> tuple[GuestAddress, ...]:
        return self._addresses.get((connection.uri, uuid), ())

    # ------------------------------------------------------------- demand

    def acquire(self) -> None:
        """Someone shows addresses (the IP column, an Overview): read them."""
        self._users += 1
        if self._users == 1:
            self._slow.start()
            self.refresh_running()

    def release(self) -> None:
        self._users = max(0, self._users - 1)
        if self._users == 0:
            self._slow.stop()
            for handles in self._pending.values():
                for handle in handles:
                    handle.cancel()
            self._pending.clear()

    @property
    def active(self) -> bool:
        return self._users > 0

    # ------------------------------------------------------------ reading

    @Slot()
    def refresh_running(self) -> None:
        """One pass over every running VM of every connection, one op per connection."""
        # From the running set this object keeps, not a walk over every domain.
        running: dict[str, list[str]] = {}
        for uri, uuid in self._running:
            running.setdefault(uri, []).append(uuid)
        for connection in self._manager.connections():
            uuids = running.get(connection.uri)
            if uuids and connection.is_open:
                self.refresh(connection, uuids)

    def refresh(self, connection: Connection, uuids: list[str]) -> None:
        # Not an OpRunner op: background reading, whose failure is no news for
        # the message bar (the next pass tries again). It ends with this object.
        task = self._loop.create_task(self._read(connection, uuids))
        cancel_with(self, task)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _read(self, connection: Connection, uuids: list[str]) -> None:
        try:
            read = await connection.call(
                translate("guest_addresses", "read guest addresses"),
                partial(read_addresses_of, uuids=uuids),
            )
        except LibvirtCallError as err:
            log.debug("guest addresses on %s: %s", connection.uri, err)
            return
        self._store(connection, uuids, read)

    def _store(
        self, connection: Connection, asked: list[str],
        read: dict[str, tuple[GuestAddress, ...]],
    ) -> None:
        for uuid in asked:
            key = (connection.uri, uuid)
            if key not in self._running:
                continue  # stopped while its addresses were being read
            addresses = read.get(uuid, ())
            if self._addresses.get(key, ()) != addresses:
                if addresses:
                    self._addresses[key] = addresses
                else:
                    self._addresses.pop(key, None)
                self.addresses_changed.emit(connection, uuid)

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        # One pass over the change set, nothing over the connection's other domains.
        first_listing = changes.complete and connection.uri not in self._listed
        if first_listing:
            self._listed.add(connection.uri)
        for uuid in changes.removed:
            self._forget(connection, uuid)
        started_now: list[str] = []
        uri, running = connection.uri, self._running
        for info in itertools.chain(changes.added, changes.changed):
            key = (uri, info.uuid)
            if not info.state.is_active:
                # Only running VMs have addresses or reads pending: the
                # others of a listing (most of a large one) cost a lookup.
                if key in running:
                    self._forget(connection, info.uuid)
                continue
            if key not in running:
                self._running.add(key)
                started_now.append(info.uuid)
                # A full listing's running VMs are read together, not one by one.
                if self.active and not changes.complete:
                    self._read_after_start(connection, info)
        if first_listing and started_now and self.active:
            # A connection's first listing (every domain is new in it): its
            # running VMs in one read.
            self.refresh(connection, started_now)

    def _read_after_start(self, connection: Connection, info: DomainInfo) -> None:
        key = (connection.uri, info.uuid)

        def read(last: bool) -> None:
            if last:
                self._pending.pop(key, None)
            self.refresh(connection, [info.uuid])

        for handle in self._pending.pop(key, []):
            handle.cancel()
        self._pending[key] = [
            self._loop.call_later(delay, read, delay == AFTER_START[-1]) for delay in AFTER_START
        ]

    def _forget(self, connection: Connection, uuid: str) -> None:
        key = (connection.uri, uuid)
        self._running.discard(key)
        for handle in self._pending.pop(key, []):
            handle.cancel()
        if self._addresses.pop(key, None) is not None:
            self.addresses_changed.emit(connection, uuid)
