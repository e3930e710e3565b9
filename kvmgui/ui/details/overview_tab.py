"""The Overview tab: what the VM is, its screen, and its name, title, description and
autostart, editable."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.core.editing import Overview, OverviewEdit, apply_overview_edit, read_overview
from kvmgui.core.texts import Translatable
from kvmgui.core.units import format_kib
from kvmgui.ui.details.common import StatusLabel, failure_text
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.widgets.plain import plain_label

FACTS = (
    "UUID",
    Translatable("details.overview_tab", "State"),
    Translatable("details.overview_tab", "IP addresses"),
    Translatable("details.overview_tab", "vCPUs"),
    Translatable("details.overview_tab", "Memory"),
    Translatable("details.overview_tab", "OS"),
    Translatable("details.overview_tab", "Firmware"),
    Translatable("details.overview_tab", "Machine"),
    Translatable("details.overview_tab", "Emulator"),
    Translatable("details.overview_tab", "Persistent"),
    Translatable("details.overview_tab", "Connection"),
)


class OverviewTab(QWidget):
    """Facts about the VM, and its editable name, title, description and autostart.

    Edits stay in the fields until applied or reverted; each field's failure
    shows under it. The fields follow the VM while they hold no edit.
    """

    def __init__(self, connection: Connection, info: DomainInfo, ops: OpRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("details.overview_tab", "Overview"))
        self._connection = connection
        self._info = info
        self._ops = ops
        self._description = ""
        self.name = QLineEdit()
        self.name.setAccessibleName(translate("details.overview_tab", "Name"))
        self.title = QLineEdit()
        self.title.setAccessibleName(translate("details.overview_tab", "Title"))
        self.title.setPlaceholderText(
            translate("details.overview_tab", "A short line shown in the list's tooltip")
        )
        self.description = QPlainTextEdit()
        self.description.setAccessibleName(translate("details.overview_tab", "Description"))
        self.description.setMaximumHeight(70)
        self.autostart = QCheckBox(
            translate("details.overview_tab", "Start the VM when the host boots")
        )
        self.autostart.setAccessibleName(translate("details.overview_tab", "Autostart"))
        self.errors = {
            field: StatusLabel(
                translate("details.overview_tab", "{title}: message").format(title=field.title())
            )
            for field in ("name", "title", "description", "autostart")
        }
        self.status = StatusLabel(translate("details.overview_tab", "Overview message"))
        self.apply_button = QPushButton(translate("details.overview_tab", "&Apply"))
        self.apply_button.setAccessibleName(
            translate("details.overview_tab", "Apply the overview changes")
        )
        self.revert_button = QPushButton(translate("details.overview_tab", "&Revert"))
        self.revert_button.setAccessibleName(
            translate("details.overview_tab", "Revert the overview changes")
        )
        self._labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for label, widget, field in (
            (translate("details.overview_tab", "Name:"), self.name, "name"),
            (translate("details.overview_tab", "Title:"), self.title, "title"),
            (translate("details.overview_tab", "Description:"), self.description, "description"),
            ("", self.autostart, "autostart"),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(self.errors[field])
            form.addRow(label, column)
        for fact in FACTS:
            value = plain_label()
            value.setAccessibleName(shown(fact))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._labels[fact] = value
            form.addRow(f"{shown(fact)}:", value)
        self.screen_label = QLabel()  # the VM's thumbnail while it runs
        self.screen_label.setAccessibleName(translate("details.overview_tab", "The VM's screen"))
        self.screen_label.setToolTip(
            translate("details.overview_tab", "The VM's screen, refreshed every few seconds")
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.screen_label)
        layout.addStretch(1)
        self._connect_signals()
        self._show_editable()

    def _connect_signals(self) -> None:
        self.name.textEdited.connect(self._on_edited)
        self.title.textEdited.connect(self._on_edited)
        self.description.textChanged.connect(self._on_edited)
        self.autostart.clicked.connect(self._on_edited)
        self.apply_button.clicked.connect(self.on_apply_clicked)
        self.revert_button.clicked.connect(self.on_revert_clicked)

    def show_screen(self, image: QImage | None) -> None:
        self.screen_label.setPixmap(QPixmap.fromImage(image) if image is not None else QPixmap())
        self.screen_label.setVisible(image is not None)

    def show_info(self, info: DomainInfo) -> None:
        """Show the VM as the list knows it; the editable fields only while unedited."""
        self._info = info
        values = {
            "UUID": info.uuid,
            "State": shown(info.state_text),
            "vCPUs": str(info.vcpus),
            "Memory": f"{format_kib(info.memory_kib)} of {format_kib(info.max_memory_kib)}",
            "Persistent": "yes"
            if info.persistent
            else translate("details.overview_tab", "no (transient)"),
            "Connection": self._connection.uri,
        }
        for fact, value in values.items():
            self._labels[fact].setText(value)
        if not self.edit():
            self._show_editable()
            self.load()

    def load(self) -> None:
        """Read the facts the list does not hold (description, OS, firmware...)."""
        self._ops.run(
            self._connection.call_domain(
                translate("details.overview_tab", "Could not read {name}").format(
                    name=self._info.name
                ),
                self._info.uuid,
                read_overview,
            ),
            self._show_overview,
            on_failure=lambda error: self.status.show_error(failure_text(error)),
            owner=self,
        )

    def _show_overview(self, overview: Overview) -> None:
        for fact, value in (
            ("OS", overview.os_id),
            ("Firmware", overview.firmware),
            ("Machine", overview.machine),
            ("Emulator", overview.emulator),
            ("IP addresses", ", ".join(overview.addresses)),
        ):
            self._labels[fact].setText(value or "—")
        if self.description.toPlainText() == self._description:
            self._description = overview.description
            self.description.setPlainText(overview.description)
        self._on_edited()

    def _show_editable(self) -> None:
        self.name.setText(self._info.name)
        self.title.setText(self._info.title)
        self.description.setPlainText(self._description)
        self.autostart.setChecked(self._info.autostart)
        self.name.setEnabled(self._info.persistent)
        self.autostart.setEnabled(self._info.persistent)
        self._on_edited()

    def edit(self) -> OverviewEdit | None:
        """What the fields change, or None."""
        name, title = self.name.text().strip(), self.title.text().strip()
        description, autostart = self.description.toPlainText(), self.autostart.isChecked()
        edit = OverviewEdit(
            name=name if name != self._info.name else None,
            title=title if title != self._info.title else None,
            description=description if description != self._description else None,
            autostart=autostart if autostart != self._info.autostart else None,
        )
        return None if edit == OverviewEdit() else edit

    @Slot()
    def _on_edited(self) -> None:
        edited = self.edit() is not None
        self.apply_button.setEnabled(edited)
        self.revert_button.setEnabled(edited)

    @Slot()
    def on_apply_clicked(self) -> None:
        edit = self.edit()
        if edit is None:
            return
        for label in self.errors.values():
            label.clear_message()
        self.status.show_busy(translate("details.overview_tab", "Applying…"))
        self._ops.run(
            self._connection.call(
                translate("details.overview_tab", "Could not change {name}").format(
                    name=self._info.name
                ),
                partial(apply_overview_edit, uuid=self._info.uuid, edit=edit),
            ),
            partial(self._on_applied, edit),
            on_failure=lambda error: self.status.show_error(failure_text(error)),
            owner=self,
        )

    def _on_applied(self, edit: OverviewEdit, errors: dict[str, str]) -> None:
        for field, message in errors.items():
            self.errors[field].show_error(message)
        if "description" not in errors and edit.description is not None:
            self._description = edit.description
        if errors:
            self.status.show_error(
                translate(
                    "details.overview_tab", "Not everything was applied: see the fields marked."
                )
            )
        else:
            self.status.show_info(translate("details.overview_tab", "Applied."))
        self._on_edited()

    @Slot()
    def on_revert_clicked(self) -> None:
        for label in (*self.errors.values(), self.status):
            label.clear_message()
        self._show_editable()

    def text(self, fact: str) -> str:
        """The text shown for one of FACTS."""
        return self._labels[fact].text()
