"""The host overview: a connection's host CPU and memory over the last minutes."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from kvmgui.core.connection import Connection
from kvmgui.ui.details.graphs import HostGraphs
from kvmgui.ui.models.domain_tree import connection_label
from kvmgui.ui.stats_poller import StatsPoller


class HostWindow(QMainWindow):
    """Host graphs of one connection; the host is read only while this is on screen."""

    closed = Signal()

    def __init__(self, connection: Connection, poller: StatsPoller) -> None:
        super().__init__()
        self.connection = connection
        self.resize(760, 360)
        self.graphs = HostGraphs()
        self.graphs.follow(poller, connection)
        self.setCentralWidget(self.graphs)
        self._update_title()
        self._connect_signals(poller)

    def _connect_signals(self, poller: StatsPoller) -> None:
        poller.stats_sampled.connect(self.on_stats_sampled)

    @Slot(object, object)
    def on_stats_sampled(self, connection: Connection, _uuids: set[str]) -> None:
        if connection is self.connection:
            self._update_title()

    def _update_title(self) -> None:
        # The host name is known once the connection is open.
        self.setWindowTitle(f"Host overview — {connection_label(self.connection)} — kvmgui")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
