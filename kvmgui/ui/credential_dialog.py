"""The dialog that shows libvirt's questions of one connect (see kvmgui.ui.credentials)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from kvmgui.core.auth import CredentialRequest
from kvmgui.ui.i18n import translate
from kvmgui.ui.widgets.plain import plain_label


class CredentialDialog(QDialog):
    """The questions of one connect, one field each; a secret is typed unseen."""

    def __init__(
        self, uri: str, requests: list[CredentialRequest], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("credential_dialog", "Connecting to {uri}").format(uri=uri))
        self.requests = requests
        form = QFormLayout(self)
        intro = plain_label(
            translate("credential_dialog", "libvirt asks, to connect to {uri}:").format(uri=uri)
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.fields: list[QLineEdit] = []
        for request in requests:
            field = QLineEdit(request.default)
            field.setAccessibleName(request.prompt)
            if request.secret:
                field.setEchoMode(QLineEdit.EchoMode.Password)
            if request.yes_no:
                field.setText("")
                field.setPlaceholderText(translate("credential_dialog", "y to accept, n to refuse"))
            label = plain_label(request.prompt)
            label.setWordWrap(True)
            form.addRow(label)
            form.addRow(field)
            self.fields.append(field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def answers(self) -> list[str]:
        return [field.text() for field in self.fields]
