"""The per-VM window: overview, hardware, performance, serial console, snapshots and
XML tabs, and the same actions on its VM as the main window has on a selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget

from kvmgui.core.connection import Connection, DomainChanges
from kvmgui.core.domain import DomainInfo
from kvmgui.ui.app import App
from kvmgui.ui.console.serial_tab import SerialConsoleTab
from kvmgui.ui.console.thumbnails import ThumbnailService
from kvmgui.ui.details.hardware_tab import HardwareTab
from kvmgui.ui.details.overview_tab import OverviewTab
from kvmgui.ui.details.snapshots_tab import SnapshotsTab
from kvmgui.ui.details.xml_tab import XmlTab
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.vm_actions import SelectedDomain, VmActions

if TYPE_CHECKING:
    from kvmgui.ui.details.graphs import PerformanceTab


class DetailsWindow(QMainWindow):
    """Follows one domain; its XML is read only when its tab is opened."""

    closed = Signal()

    def __init__(
        self, connection: Connection, info: DomainInfo, app: App,
        thumbnails: ThumbnailService | None = None,
    ) -> None:
        super().__init__()
        self.connection = connection
        self.info = info
        self._removed = False
        self._ops = ops = app.ops
        self._thumbnails = thumbnails
        self.resize(640, 480)
        self.tabs = QTabWidget()
        self.overview = OverviewTab(connection, info, ops)
        self.xml_tab = XmlTab(connection, info, ops)
        self.tabs.addTab(self.overview, translate("details.window", "Overview"))
        self.hardware = HardwareTab(connection, info, ops)
        self.tabs.addTab(self.hardware, translate("details.window", "Hardware"))
        # pyqtgraph (about 34 MiB) is loaded with the first graph, not at start.
        from kvmgui.ui.details.graphs import PerformanceTab

        self.performance: PerformanceTab = PerformanceTab()
        self.performance.follow(app.stats, connection, info.uuid)
        self.tabs.addTab(self.performance, translate("details.window", "Performance"))
        self.serial_console = SerialConsoleTab(connection, info, app.manager, ops)
        self.tabs.addTab(self.serial_console, translate("details.window", "Serial Console"))
        self.snapshots = SnapshotsTab(connection, info, ops)
        self.tabs.addTab(self.snapshots, translate("details.window", "Snapshots"))
        self.tabs.addTab(self.xml_tab, translate("details.window", "XML"))
        self.setCentralWidget(self.tabs)
        self.vm_actions = VmActions(self.selected_domains, ops, lambda: app.viewer_launcher, self)
        self.vm_actions.snapshots_changed.connect(self.on_snapshots_changed)
        self._create_menu_and_toolbar()
        self._show(info)
        app.manager.domains_changed.connect(self.on_domains_changed)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.overview.show_screen(None)
        if thumbnails is not None:
            thumbnails.thumbnail_changed.connect(self.on_thumbnail_changed)
            thumbnails.watch(connection, info.uuid)
            self.overview.show_screen(thumbnails.image(connection, info.uuid))

    def _create_menu_and_toolbar(self) -> None:
        self.vm_actions.fill_menu(
            self.menuBar().addMenu(translate("details.window", "&Virtual Machine"))
        )
        toolbar = self.addToolBar(translate("details.window", "Virtual Machine"))
        toolbar.setObjectName("vmToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.vm_actions.fill_toolbar(toolbar)

    def selected_domains(self) -> list[SelectedDomain]:
        """The VM this window shows, while it exists: what its actions act on."""
        return [] if self._removed else [SelectedDomain(self.connection, self.info)]

    def _show(self, info: DomainInfo) -> None:
        self.info = info
        self.setWindowTitle(
            translate("details.window", "{name} — {state_text} — kvmgui").format(
                name=info.name, state_text=shown(info.state_text)
            )
        )
        self.overview.show_info(info)
        self.xml_tab.show_info(info)
        self.hardware.show_info(info)
        self.snapshots.show_info(info)
        self.vm_actions.update_enabled()

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        if connection is not self.connection:
            return
        for info in (*changes.changed, *changes.added):
            if info.uuid == self.info.uuid:
                self._show(info)

    @Slot(object, str)
    def on_snapshots_changed(self, connection: Connection, uuid: str) -> None:
        if connection is self.connection and uuid == self.info.uuid and self.snapshots.loaded:
            self.snapshots.load()

    def show_serial_console(self) -> None:
        self.tabs.setCurrentWidget(self.serial_console)

    @Slot(object, str)
    def on_thumbnail_changed(self, connection: Connection, uuid: str) -> None:
        if connection is self.connection and uuid == self.info.uuid and self._thumbnails:
            self.overview.show_screen(self._thumbnails.image(connection, uuid))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.serial_console.close_console()
        if self._thumbnails is not None:  # closeEvent may come twice
            self._thumbnails.unwatch(self.connection, self.info.uuid)
            self._thumbnails.thumbnail_changed.disconnect(self.on_thumbnail_changed)
            self._thumbnails = None
        self.closed.emit()
        super().closeEvent(event)

    def mark_removed(self) -> None:
        self._removed = True
        self.vm_actions.update_enabled()
        self.setWindowTitle(
            translate("details.window", "{name} — deleted — kvmgui").format(name=self.info.name)
        )
        self.overview.show_info(self.info)
        self.statusBar().showMessage(
            translate("details.window", "This virtual machine no longer exists.")
        )

    @Slot(int)
    def on_tab_changed(self, index: int) -> None:
        # A tab reads libvirt when first shown, then follows the VM.
        for tab in (self.xml_tab, self.hardware, self.snapshots):
            if self.tabs.widget(index) is tab and not tab.loaded:
                tab.load()
