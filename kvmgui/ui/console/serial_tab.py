"""The details window's Serial console tab: a terminal on the guest's serial port.

The console attaches when the tab is first shown, and again whenever the VM
starts (lifecycle events) or its stream ends while the VM still runs. A
reboot inside the same QEMU process keeps the stream; a stop and a start give
a new one. When another client (``virsh console``, virt-manager) holds the
console, the tab says so and offers to take it over.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kvmgui.core.connection import Connection, ConnectionState, DomainChanges
from kvmgui.core.domain import DomainInfo
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.serial import (
    ConsoleBusyError,
    ConsoleOpenFailure,
    SerialConsoleStream,
    open_serial_console,
)
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.console.terminal import TerminalWidget
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.ops import OpRunner, in_worker
from kvmgui.ui.widgets.plain import plain_label

log = logging.getLogger(__name__)

# Shown in the terminal where a new session follows an ended one.
REATTACHED_MARK = b"\r\n\x1b[7m kvmgui: console reattached \x1b[0m\r\n"


class SerialConsoleTab(QWidget):
    """A terminal attached to one domain's serial console through its connection."""

    #: A console session began (every attach, reattaches included).
    attached = Signal()
    #: The session ended: the reason, for the user.
    detached = Signal(str)
    #: Guest output reached the terminal.
    output_received = Signal()

    def __init__(
        self, connection: Connection, info: DomainInfo, manager: ConnectionManager,
        ops: OpRunner, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self._info = info
        self._manager = manager
        self._ops = ops
        self._stream: SerialConsoleStream | None = None
        # Each attach attempt has a number: callbacks of older ones are ignored.
        self._session = 0
        self._attaching = False
        self._wanted = False  # set once the tab was shown: no console is held before
        self._closed = False
        self._was_active = info.state.is_active
        self._had_session = False
        # One automatic reattach per ended session; output re-arms it, so an
        # open that fails at once cannot loop.
        self._may_retry = True
        self._outgoing = bytearray()
        self._sending = False

        self.terminal = TerminalWidget()
        self.status_label = plain_label()
        self.status_label.setWordWrap(True)
        self.take_over_button = QPushButton(translate("console.serial_tab", "Take Over"))
        self.take_over_button.setToolTip(
            translate(
                "console.serial_tab",
                "Disconnect the other client and attach here (libvirt's force flag)",
            )
        )
        self.reconnect_button = QPushButton(translate("console.serial_tab", "Reconnect"))
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.take_over_button)
        status_row.addWidget(self.reconnect_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(status_row)
        layout.addWidget(self.terminal, 1)
        self.setFocusProxy(self.terminal)
        self._show_status("")
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.terminal.input_produced.connect(self.on_input)
        self.take_over_button.clicked.connect(self.take_over)
        self.reconnect_button.clicked.connect(self.reconnect)
        self._manager.domains_changed.connect(self.on_domains_changed)
        self._manager.connection_state_changed.connect(self.on_connection_state_changed)

    # ------------------------------------------------------------ public

    @property
    def is_attached(self) -> bool:
        return self._stream is not None

    @property
    def status_text(self) -> str:
        return self.status_label.text()

    def attach(self, *, force: bool = False) -> None:
        """Open the console unless it is open or opening; ``force`` takes it from another client."""
        self._wanted = True
        if self._closed or self._stream is not None or self._attaching:
            return
        info = self._connection.domain(self._info.uuid) or self._info
        if not info.state.is_active:
            self._show_status(_not_running(info))
            return
        self._attaching = True
        self._session += 1
        self._show_status(
            translate("console.serial_tab", "Attaching to the serial console of {name}…").format(
                name=info.name
            )
        )
        self._ops.run(self._open(self._session, force))

    @Slot()
    def take_over(self) -> None:
        self.attach(force=True)

    @Slot()
    def reconnect(self) -> None:
        self._may_retry = True
        self.attach()

    def close_console(self) -> None:
        """Detach for good (the window closes); nothing reaches the widgets afterwards."""
        if self._closed:
            return
        self._closed = True
        self._session += 1
        self._manager.domains_changed.disconnect(self.on_domains_changed)
        self._manager.connection_state_changed.disconnect(self.on_connection_state_changed)
        self._release()

    # ------------------------------------------------------------ slots

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._wanted:
            self.attach()

    @Slot(bytes)
    def on_input(self, data: bytes) -> None:
        if self._stream is None:
            return
        self._outgoing += data
        if not self._sending:
            self._sending = True
            self._ops.run(self._send_input())

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        if connection is not self._connection:
            return
        if self._info.uuid in changes.removed:
            self._release()
            self._show_status(
                translate("console.serial_tab", "{name} no longer exists.").format(
                    name=self._info.name
                )
            )
            return
        for info in (*changes.changed, *changes.added):
            if info.uuid == self._info.uuid:
                self._on_domain(info)

    @Slot(object)
    def on_connection_state_changed(self, connection: Connection) -> None:
        # A stream does not survive its connection: attach on the new one.
        if (
            connection is self._connection and connection.state is ConnectionState.CONNECTED
            and self._wanted and self._stream is None
        ):
            self.attach()

    # ------------------------------------------------------------ sessions

    def _on_domain(self, info: DomainInfo) -> None:
        self._info = info
        started = info.state.is_active and not self._was_active
        self._was_active = info.state.is_active
        if not self._wanted:
            return
        if not info.state.is_active:
            # A stopped domain has no console. Its stream usually ends by itself,
            # but not always: after a daemon restart, libvirtd kept a killed
            # QEMU's console stream open (bench_faults), so it is closed here.
            self._release()
            self._show_status(_not_running(info))
            return
        if started:
            self._may_retry = True
            self.attach()

    async def _open(self, session: int, force: bool) -> None:
        loop = asyncio.get_running_loop()
        name = self._info.name

        try:
            stream = await self._connection.call_domain(
                translate("console.serial_tab", "Open the serial console"), self._info.uuid,
                partial(
                    open_serial_console,
                    on_data=partial(self._on_data, session),
                    on_closed=partial(self._on_closed, session),
                    deliver=loop.call_soon_threadsafe,
                    force=force,
                ),
            )
        except ConsoleBusyError:
            if session == self._session:
                self._attaching = False
                self._show_status(
                    translate(
                        "console.serial_tab",
                        "Another client (virsh console, virt-manager…) holds the serial console "
                        "of {name}.",
                    ).format(name=name),
                    take_over=True,
                )
            return
        except LibvirtCallError as err:
            if session == self._session:
                self._attaching = False
                self._show_status(_describe_open_failure(name, err), reconnect=True)
            return
        if session != self._session:
            # The tab closed or started over while the console opened.
            self._close_stream(stream)
            return
        self._attaching = False
        self._stream = stream
        if self._had_session:
            self.terminal.feed(REATTACHED_MARK)
        self._had_session = True
        self._show_status("")
        self.attached.emit()

    def _on_data(self, session: int, data: bytes) -> None:
        if session != self._session:
            return
        self._may_retry = True
        self.terminal.feed(data)
        self.output_received.emit()

    def _on_closed(self, session: int, reason: str) -> None:
        if session != self._session:
            return
        self._stream = None
        self._outgoing.clear()
        self.detached.emit(reason)
        info = self._connection.domain(self._info.uuid) or self._info
        if not info.state.is_active:
            self._show_status(_not_running(info))
            return
        self._show_status(reason, reconnect=True)
        # The VM still runs as far as the app knows: either it is stopping
        # (its event follows) or another client forced the console away. One
        # plain attempt tells which: it succeeds, finds the console busy, or
        # fails because the VM is gone.
        if self._may_retry:
            self._may_retry = False
            self.attach()

    def _release(self) -> None:
        stream, self._stream = self._stream, None
        self._attaching = False
        self._outgoing.clear()
        if stream is not None:
            self._close_stream(stream)

    def _close_stream(self, stream: SerialConsoleStream) -> None:
        # Stream work, not a call on the connection: the stream keeps its own
        # reference to it, so it closes even while the connection is gone.
        self._ops.run(in_worker(stream.close))

    async def _send_input(self) -> None:
        try:
            while self._outgoing and self._stream is not None:
                stream, data = self._stream, bytes(self._outgoing)
                self._outgoing.clear()
                # Sends queue in order: one at a time, each a non-blocking write.
                # A write that fails ends the session, and on_closed says why.
                await in_worker(partial(stream.send, data))
        finally:
            self._sending = False

    def _show_status(self, text: str, *, take_over: bool = False, reconnect: bool = False) -> None:
        if self._closed:
            return
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        self.take_over_button.setVisible(take_over)
        self.reconnect_button.setVisible(reconnect or take_over)


def _not_running(info: DomainInfo) -> str:
    return translate(
        "console.serial_tab", "{name} is {lower}. The console attaches when it starts."
    ).format(name=info.name, lower=shown(info.state_text).lower())


def _describe_open_failure(name: str, err: LibvirtCallError) -> str:
    failure = ConsoleOpenFailure.from_code(err.code)
    if failure is ConsoleOpenFailure.NO_DEVICE:
        return translate("console.serial_tab", "{name} has no serial console.").format(name=name)
    if failure is ConsoleOpenFailure.NOT_RUNNING:
        return translate(
            "console.serial_tab", "{name} is not running. The console attaches when it starts."
        ).format(name=name)
    return translate(
        "console.serial_tab", "Could not open the serial console of {name}: {message}"
    ).format(name=name, message=err.message)
