"""The Add Connection dialog."""

from __future__ import annotations

import os

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kvmgui.core.texts import Translatable
from kvmgui.core.uri import (
    SSH_TRANSPORTS,
    host_problem,
    keyfile_problem,
    ssh_uri,
    uri_problem,
    uri_warning,
    user_problem,
)
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.theme import set_tone_style
from kvmgui.ui.widgets.plain import plain_label

# A remote preset's value is its SSH transport: libssh2 asks kvmgui (host key,
# passphrase, password in dialogs); ssh runs the ssh program (agent, ~/.ssh/config).
PRESETS = (
    (Translatable("add_connection", "QEMU/KVM (system)"), "qemu:///system"),
    (Translatable("add_connection", "QEMU/KVM user session"), "qemu:///session"),
    (Translatable("add_connection", "QEMU/KVM on a remote host over SSH"), "libssh2"),
    (
        Translatable(
            "add_connection",
            "QEMU/KVM on a remote host with the ssh program (agent, ~/.ssh/config)",
        ),
        "ssh",
    ),
    (Translatable("add_connection", "Custom URI"), ""),
)


class AddConnectionDialog(QDialog):
    """Builds a URI from a preset, an SSH host, or what the user types."""

    uri_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("add_connection", "Add Connection"))
        self.kind = QComboBox()
        for label, value in PRESETS:
            self.kind.addItem(shown(label), value)
        self.user = QLineEdit()
        self.user.setPlaceholderText(translate("add_connection", "user (optional)"))
        self.host = QLineEdit()
        self.host.setPlaceholderText("host.example.org")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(22)
        self.keyfile = QLineEdit()
        self.keyfile.setPlaceholderText(
            translate("add_connection", "~/.ssh/id_… (optional: the agent's or the default keys)")
        )
        self.browse_key = QPushButton(translate("add_connection", "Browse…"))
        self.uri = QLineEdit()
        for widget, name in (
            (self.kind, translate("add_connection", "Hypervisor")),
            (self.user, translate("add_connection", "User")),
            (self.host, translate("add_connection", "Host")),
            (self.port, translate("add_connection", "SSH port")),
            (self.keyfile, translate("add_connection", "SSH private key")),
            (self.browse_key, translate("add_connection", "Browse for the SSH private key")),
            (self.uri, "URI"),
        ):
            widget.setAccessibleName(name)
        self.problem = plain_label()
        set_tone_style(self.problem, "color: $ERROR;")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(translate("add_connection", "Problem with this connection"))
        self.warning = plain_label()
        set_tone_style(self.warning, "color: $WARNING;")
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(translate("add_connection", "Warning about this connection"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("add_connection", "Connect")
        )
        form = QFormLayout(self)
        form.addRow(translate("add_connection", "Hypervisor:"), self.kind)
        form.addRow(translate("add_connection", "User:"), self.user)
        form.addRow(translate("add_connection", "Host:"), self.host)
        form.addRow(translate("add_connection", "Port:"), self.port)
        key_row = QHBoxLayout()
        key_row.addWidget(self.keyfile)
        key_row.addWidget(self.browse_key)
        form.addRow(translate("add_connection", "Key file:"), key_row)
        form.addRow(translate("add_connection", "URI:"), self.uri)
        form.addRow(self.problem)
        form.addRow(self.warning)
        form.addRow(self.buttons)
        self._connect_signals()
        self.on_kind_changed()

    def _connect_signals(self) -> None:
        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        self.user.textChanged.connect(self.on_ssh_changed)
        self.host.textChanged.connect(self.on_ssh_changed)
        self.port.valueChanged.connect(self.on_ssh_changed)
        self.keyfile.textChanged.connect(self.on_ssh_changed)
        self.browse_key.clicked.connect(self.browse_for_key)
        self.uri.textChanged.connect(self.on_uri_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def on_kind_changed(self) -> None:
        value = self.kind.currentData()
        is_ssh = value in SSH_TRANSPORTS
        for widget in (self.user, self.host, self.port, self.keyfile, self.browse_key):
            widget.setEnabled(is_ssh)
        self.uri.setReadOnly(value not in ("",))
        if is_ssh:
            self.on_ssh_changed()
        else:
            self.uri.setText(value)

    def _keyfile(self) -> str:
        return os.path.expanduser(self.keyfile.text().strip())

    def _ssh_problem(self) -> str:
        return (user_problem(self.user.text().strip()) or host_problem(self.host.text().strip())
                or keyfile_problem(self._keyfile()))

    @Slot()
    def on_ssh_changed(self) -> None:
        transport = self.kind.currentData()
        if transport not in SSH_TRANSPORTS:
            return
        if self._ssh_problem():
            self.uri.clear()
            self.on_uri_changed()  # shows the problem even when the URI was empty already
        else:
            self.uri.setText(ssh_uri(self.user.text().strip(), self.host.text().strip(),
                                     self.port.value(), self._keyfile(), transport))

    @Slot()
    def browse_for_key(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, translate("add_connection", "SSH Private Key"), os.path.expanduser("~/.ssh"))
        if path:
            self.keyfile.setText(path)

    def problem_text(self) -> str:
        """Why the dialog cannot connect yet, or ""."""
        if self.kind.currentData() in SSH_TRANSPORTS and (problem := self._ssh_problem()):
            return problem
        return uri_problem(self.uri.text())

    @Slot()
    def on_uri_changed(self) -> None:
        problem = self.problem_text()
        self.problem.setText(shown(problem))
        self.problem.setVisible(bool(problem))
        warning = "" if problem else uri_warning(self.uri.text())
        self.warning.setText(shown(warning))
        self.warning.setVisible(bool(warning))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        if self.problem_text():
            return
        self.uri_chosen.emit(self.uri.text().strip())
        super().accept()
