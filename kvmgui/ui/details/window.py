"""The per-VM window: an overview now; later tabs add hardware, graphs, consoles."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QCloseEvent, QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from kvmgui.core.connection import Connection, DomainChanges
from kvmgui.core.domain import DomainInfo
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.models.domain_tree import format_memory
from kvmgui.ui.ops import OpRunner


class OverviewTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for field in ("Name", "Title", "UUID", "State", "vCPUs", "Memory", "Persistent",
                      "Autostart", "Connection"):
            label = QLabel()
            label.setTextInteractionFlags(label.textInteractionFlags().TextSelectableByMouse)
            self._labels[field] = label
            form.addRow(f"{field}:", label)

    def show_info(self, connection: Connection, info: DomainInfo) -> None:
        values = {
            "Name": info.name,
            "Title": info.title or "—",
            "UUID": info.uuid,
            "State": info.state_text,
            "vCPUs": str(info.vcpus),
            "Memory": f"{format_memory(info.memory_kib)} of {format_memory(info.max_memory_kib)}",
            "Persistent": "yes" if info.persistent else "no (transient)",
            "Autostart": "yes" if info.autostart else "no",
            "Connection": connection.uri,
        }
        for field, value in values.items():
            self._labels[field].setText(value)

    def text(self, field: str) -> str:
        return self._labels[field].text()


class DetailsWindow(QMainWindow):
    """Follows one domain; its XML is read only when its tab is opened."""

    closed = Signal()

    def __init__(
        self, connection: Connection, info: DomainInfo, manager: ConnectionManager,
        ops: OpRunner,
    ) -> None:
        super().__init__()
        self.connection = connection
        self.info = info
        self._ops = ops
        self.resize(640, 480)
        self.tabs = QTabWidget()
        self.overview = OverviewTab()
        self.xml_view = QPlainTextEdit()
        self.xml_view.setReadOnly(True)
        self.xml_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.tabs.addTab(self.overview, "Overview")
        self.tabs.addTab(self.xml_view, "XML")
        self.setCentralWidget(self.tabs)
        self._xml_loaded = False
        self._show(info)
        manager.domains_changed.connect(self.on_domains_changed)
        self.tabs.currentChanged.connect(self.on_tab_changed)

    def _show(self, info: DomainInfo) -> None:
        self.info = info
        self.setWindowTitle(f"{info.name} — {info.state_text} — kvmgui")
        self.overview.show_info(self.connection, info)

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        if connection is not self.connection:
            return
        for info in (*changes.changed, *changes.added):
            if info.uuid == self.info.uuid:
                self._show(info)
                if self._xml_loaded:
                    self._load_xml()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)

    def mark_removed(self) -> None:
        self.setWindowTitle(f"{self.info.name} — deleted — kvmgui")
        self.overview.show_info(self.connection, self.info)
        self.statusBar().showMessage("This virtual machine no longer exists.")

    @Slot(int)
    def on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.xml_view and not self._xml_loaded:
            self._load_xml()

    def _load_xml(self) -> None:
        self._xml_loaded = True
        self._ops.run(
            self.connection.call_domain(
                f"Could not read the XML of {self.info.name}", self.info.uuid,
                lambda dom: dom.XMLDesc(0),
            ),
            self.xml_view.setPlainText,
        )
