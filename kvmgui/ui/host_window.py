"""The Host window of one connection: its CPU and memory, storage, networks and diagnostics."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget

from kvmgui.core.connection import Connection
from kvmgui.ui.details.graphs import HostGraphs
from kvmgui.ui.host.diagnostics_view import DiagnosticsView
from kvmgui.ui.host.network_view import NetworkView
from kvmgui.ui.host.storage_view import StorageView
from kvmgui.ui.models.domain_tree import connection_label
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.settings import Settings
from kvmgui.ui.stats_poller import StatsPoller


class HostWindow(QMainWindow):
    """A connection's host in tabs; the host's statistics are read only while this is on screen.

    Each other tab reads the host each time it is shown.
    """

    closed = Signal()

    OVERVIEW = "Overview"
    STORAGE = "Storage"
    NETWORKS = "Networks"
    DIAGNOSTICS = "Diagnostics"

    def __init__(
        self, connection: Connection, poller: StatsPoller, ops: OpRunner, settings: Settings
    ) -> None:
        super().__init__()
        self.connection = connection
        self.resize(900, 600)
        self.graphs = HostGraphs()
        self.graphs.follow(poller, connection)
        self.storage = StorageView(connection, ops)
        self.networks = NetworkView(connection, ops)
        self.diagnostics = DiagnosticsView(connection, ops, settings)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Host views")
        self.tabs.addTab(self.graphs, self.OVERVIEW)
        self.tabs.addTab(self.storage, self.STORAGE)
        self.tabs.addTab(self.networks, self.NETWORKS)
        self.tabs.addTab(self.diagnostics, self.DIAGNOSTICS)
        self.setCentralWidget(self.tabs)
        self._update_title()
        self._connect_signals(poller)

    def _connect_signals(self, poller: StatsPoller) -> None:
        poller.stats_sampled.connect(self.on_stats_sampled)

    def show_tab(self, label: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == label:
                self.tabs.setCurrentIndex(index)

    @Slot(object, object)
    def on_stats_sampled(self, connection: Connection, _uuids: set[str]) -> None:
        if connection is self.connection:
            self._update_title()

    def _update_title(self) -> None:
        # The host name is known once the connection is open.
        self.setWindowTitle(f"Host — {connection_label(self.connection)} — kvmgui")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
