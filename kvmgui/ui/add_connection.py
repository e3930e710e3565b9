"""The Add Connection dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from kvmgui.core.uri import host_problem, ssh_uri, uri_problem, uri_warning, user_problem
from kvmgui.ui.theme import set_tone_style
from kvmgui.ui.widgets.plain import plain_label

PRESETS = (
    ("QEMU/KVM (system)", "qemu:///system"),
    ("QEMU/KVM user session", "qemu:///session"),
    ("QEMU/KVM on a remote host over SSH", "ssh"),
    ("Custom URI", ""),
)


class AddConnectionDialog(QDialog):
    """Builds a URI from a preset, an SSH host, or what the user types."""

    uri_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add Connection")
        self.kind = QComboBox()
        for label, value in PRESETS:
            self.kind.addItem(label, value)
        self.user = QLineEdit()
        self.user.setPlaceholderText("user (optional)")
        self.host = QLineEdit()
        self.host.setPlaceholderText("host.example.org")
        self.uri = QLineEdit()
        self.problem = plain_label()
        set_tone_style(self.problem, "color: $ERROR;")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem with this connection")
        self.warning = plain_label()
        set_tone_style(self.warning, "color: $WARNING;")
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Warning about this connection")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Connect")
        form = QFormLayout(self)
        form.addRow("Hypervisor:", self.kind)
        form.addRow("User:", self.user)
        form.addRow("Host:", self.host)
        form.addRow("URI:", self.uri)
        form.addRow(self.problem)
        form.addRow(self.warning)
        form.addRow(self.buttons)
        self._connect_signals()
        self.on_kind_changed()

    def _connect_signals(self) -> None:
        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        self.user.textChanged.connect(self.on_ssh_changed)
        self.host.textChanged.connect(self.on_ssh_changed)
        self.uri.textChanged.connect(self.on_uri_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def on_kind_changed(self) -> None:
        value = self.kind.currentData()
        is_ssh = value == "ssh"
        self.user.setEnabled(is_ssh)
        self.host.setEnabled(is_ssh)
        self.uri.setReadOnly(value not in ("",))
        if is_ssh:
            self.on_ssh_changed()
        else:
            self.uri.setText(value)

    def _ssh_problem(self) -> str:
        return user_problem(self.user.text().strip()) or host_problem(self.host.text().strip())

    @Slot()
    def on_ssh_changed(self) -> None:
        if self.kind.currentData() != "ssh":
            return
        if self._ssh_problem():
            self.uri.clear()
            self.on_uri_changed()  # shows the problem even when the URI was empty already
        else:
            self.uri.setText(ssh_uri(self.user.text().strip(), self.host.text().strip()))

    def problem_text(self) -> str:
        """Why the dialog cannot connect yet, or ""."""
        if self.kind.currentData() == "ssh" and (problem := self._ssh_problem()):
            return problem
        return uri_problem(self.uri.text())

    @Slot()
    def on_uri_changed(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        warning = "" if problem else uri_warning(self.uri.text())
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        if self.problem_text():
            return
        self.uri_chosen.emit(self.uri.text().strip())
        super().accept()
