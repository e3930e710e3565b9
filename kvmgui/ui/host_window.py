"""The Host window of one connection: its CPU and memory, storage, networks and diagnostics."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from kvmgui.core.connection import Connection
from kvmgui.core.texts import Translatable
from kvmgui.ui.details.graphs import HostGraphs
from kvmgui.ui.host.diagnostics_view import DiagnosticsView
from kvmgui.ui.host.network_view import NetworkView
from kvmgui.ui.host.storage_view import StorageView
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.models.domain_tree import connection_label
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.settings import Settings
from kvmgui.ui.stats_poller import StatsPoller


class HostWindow(QMainWindow):
    """A connection's host in tabs; the host's statistics are read only while this is on screen.

    Each other tab reads the host each time it is shown.
    """

    closed = Signal()

    OVERVIEW = Translatable("host_window", "Overview")
    STORAGE = Translatable("host_window", "Storage")
    NETWORKS = Translatable("host_window", "Networks")
    DIAGNOSTICS = Translatable("host_window", "Diagnostics")

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
        self.tabs.setAccessibleName(translate("host_window", "Host views"))
        # Tabs are named by their English label (show_tab), shown translated.
        self._tab_labels = (self.OVERVIEW, self.STORAGE, self.NETWORKS, self.DIAGNOSTICS)
        pages: tuple[QWidget, ...] = (self.graphs, self.storage, self.networks, self.diagnostics)
        for page, label in zip(pages, self._tab_labels, strict=True):
            self.tabs.addTab(page, shown(label))
        self.setCentralWidget(self.tabs)
        self._update_title()
        self._connect_signals(poller)

    def _connect_signals(self, poller: StatsPoller) -> None:
        poller.stats_sampled.connect(self.on_stats_sampled)

    def show_tab(self, label: str) -> None:
        """Show the tab of English ``label`` (one of OVERVIEW, STORAGE, ...)."""
        if label in self._tab_labels:
            self.tabs.setCurrentIndex(self._tab_labels.index(label))

    @Slot(object, object)
    def on_stats_sampled(self, connection: Connection, _uuids: set[str]) -> None:
        if connection is self.connection:
            self._update_title()

    def _update_title(self) -> None:
        # The host name is known once the connection is open.
        self.setWindowTitle(
            translate("host_window", "Host — {connection_label} — kvmgui").format(
                connection_label=connection_label(self.connection)
            )
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
