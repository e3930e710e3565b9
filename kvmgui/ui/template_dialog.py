"""New VM from Template: pick a template (the first is picked already) and press Create."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.ui.i18n import translate

_TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 1


def template_label(info: DomainInfo) -> str:
    """How a template is listed: its name, and its title when it has one."""
    return info.name if not info.title else f"{info.name} — {info.title}"


class NewFromTemplateDialog(QDialog):
    """Lists the templates of every connection; Create emits ``template_chosen``.

    No typing: the new VM is named after the template with the first free number,
    made as a linked clone and started.
    """

    template_chosen = Signal(object, object)  # Connection, DomainInfo

    def __init__(
        self, templates: list[tuple[Connection, DomainInfo]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("template_dialog", "New VM from Template"))
        self.setAccessibleName(translate("template_dialog", "New VM from Template"))
        self.resize(480, 320)
        self.intro = QLabel(
            translate(
                "template_dialog",
                "A linked clone of the template is made and started, named after it.",
            )
            if templates
            else translate(
                "template_dialog",
                "There is no template yet. Shut a VM off and use Virtual Machine → Make Template.",
            )
        )
        self.intro.setWordWrap(True)
        self.template_list = QListWidget()
        self.template_list.setAccessibleName(translate("template_dialog", "Templates"))
        for connection, info in sorted(templates, key=lambda t: t[1].name.lower()):
            item = QListWidgetItem(template_label(info))
            item.setData(_TEMPLATE_ROLE, (connection, info))
            item.setToolTip(connection.uri)
            self.template_list.addItem(item)
        self.template_list.setCurrentRow(0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(translate("template_dialog", "Create and Start"))
        self.create_button.setAccessibleName(translate("template_dialog", "Create and Start"))
        self.create_button.setEnabled(bool(templates))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.template_list)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.on_accepted)
        self.buttons.rejected.connect(self.reject)
        self.template_list.itemActivated.connect(self.on_accepted)

    @Slot()
    def on_accepted(self) -> None:
        item: QListWidgetItem | None = self.template_list.currentItem()
        if item is None:
            return
        connection, info = item.data(_TEMPLATE_ROLE)
        self.template_chosen.emit(connection, info)
        self.accept()
