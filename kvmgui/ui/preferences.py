"""The Preferences dialog: one tab per area, each page applying its own settings.

A new area adds a :class:`PreferencesPage` subclass and one ``add_page`` line
in :meth:`PreferencesDialog.__init__`.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.consoles import ViewerName
from kvmgui.core.texts import Translatable
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.settings import (
    STATS_INTERVAL_RANGE,
    THUMBNAIL_INTERVAL_RANGE,
    THUMBNAIL_MAX_RUNNING_RANGE,
    ConsoleAfterCreate,
    Settings,
)

Page = TypeVar("Page", bound="PreferencesPage")


class PreferencesPage(QWidget):
    """One tab of the dialog: shows the settings when made, saves them in apply()."""

    def apply(self) -> None:
        raise NotImplementedError


class StatisticsPage(PreferencesPage):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.interval = QDoubleSpinBox()
        low, high = STATS_INTERVAL_RANGE
        self.interval.setRange(low, high)
        self.interval.setSingleStep(0.5)
        self.interval.setDecimals(1)
        self.interval.setSuffix(" s")
        self.interval.setValue(settings.stats_interval())
        note = QLabel(
            translate(
                "preferences",
                "Statistics are read only for what is on screen: the list's columns "
                "(View menu), open Performance tabs and host overviews. Nothing is read "
                "while the main window is minimized.",
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(translate("preferences", "Update interval:"), self.interval)
        form.addRow(note)

    def apply(self) -> None:
        self._settings.set_stats_interval(self.interval.value())


class ConsolesPage(PreferencesPage):
    VIEWERS: tuple[tuple[str, ViewerName], ...] = (
        (Translatable("preferences", "virt-viewer (attaches through libvirt)"), "virt-viewer"),
        (
            Translatable("preferences", "remote-viewer (connects to the display's address)"),
            "remote-viewer",
        ),
    )
    AFTER_CREATE: tuple[tuple[str, ConsoleAfterCreate], ...] = (
        (Translatable("preferences", "Graphical console"), "graphical"),
        (Translatable("preferences", "Serial console"), "serial"),
        (Translatable("preferences", "Details window"), "details"),
    )

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.viewer = QComboBox()
        for label, viewer in self.VIEWERS:
            self.viewer.addItem(shown(label), viewer)
        self.viewer.setCurrentIndex(self.viewer.findData(settings.console_viewer()))
        self.after_create = QComboBox()
        for label, choice in self.AFTER_CREATE:
            self.after_create.addItem(shown(label), choice)
        self.after_create.setCurrentIndex(
            self.after_create.findData(settings.console_after_create())
        )
        self.thumbnail_interval = QDoubleSpinBox()
        self.thumbnail_interval.setRange(*THUMBNAIL_INTERVAL_RANGE)
        self.thumbnail_interval.setDecimals(0)
        self.thumbnail_interval.setSuffix(" s")
        self.thumbnail_interval.setValue(settings.thumbnail_interval())
        self.thumbnail_max_running = QSpinBox()
        self.thumbnail_max_running.setRange(*THUMBNAIL_MAX_RUNNING_RANGE)
        self.thumbnail_max_running.setSuffix(translate("preferences", " running VMs"))
        self.thumbnail_max_running.setValue(settings.thumbnail_max_running())
        note = QLabel(
            translate(
                "preferences",
                "Thumbnails are screenshots of the running VMs shown in the thumbnail view "
                "(View menu) and in open details windows; above the limit they are off.",
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(translate("preferences", "Graphical console viewer:"), self.viewer)
        form.addRow(translate("preferences", "After creating a VM, open:"), self.after_create)
        form.addRow(translate("preferences", "Thumbnail refresh:"), self.thumbnail_interval)
        form.addRow(translate("preferences", "Thumbnails up to:"), self.thumbnail_max_running)
        form.addRow(note)

    def apply(self) -> None:
        self._settings.set_console_viewer(self.viewer.currentData())
        self._settings.set_console_after_create(self.after_create.currentData())
        self._settings.set_thumbnail_interval(self.thumbnail_interval.value())
        self._settings.set_thumbnail_max_running(self.thumbnail_max_running.value())


class PreferencesDialog(QDialog):
    """Emits ``preferences_changed`` after OK has saved every page."""

    preferences_changed = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("preferences", "Preferences — kvmgui"))
        self.tabs = QTabWidget()
        self.pages: list[PreferencesPage] = []
        self.statistics = self.add_page(
            StatisticsPage(settings), translate("preferences", "Statistics")
        )
        self.consoles = self.add_page(ConsolesPage(settings), translate("preferences", "Consoles"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self._connect_signals()

    def add_page(self, page: Page, title: str) -> Page:
        self.pages.append(page)
        self.tabs.addTab(page, title)
        return page

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def accept(self) -> None:
        for page in self.pages:
            page.apply()
        super().accept()
        self.preferences_changed.emit()
