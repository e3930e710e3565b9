"""The About dialog: what is running, in which versions."""

from __future__ import annotations

from functools import partial

import libvirt
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kvmgui import __version__
from kvmgui.core.connection import ConnectionState
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.widgets.icons import app_icon


def format_libvirt_version(number: int) -> str:
    """libvirt encodes versions as major * 1,000,000 + minor * 1,000 + release."""
    return f"{number // 1_000_000}.{number // 1000 % 1000}.{number % 1000}"


class AboutDialog(QDialog):
    def __init__(self, manager: ConnectionManager, ops: OpRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About kvmgui")
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        self.versions = QLabel()
        self.versions.setTextFormat(self.versions.textFormat().RichText)
        self._lines = [
            f"<b>kvmgui {__version__}</b>",
            "A fast desktop manager for local KVM virtual machines.",
            "",
            f"libvirt {format_libvirt_version(libvirt.getVersion())}",
            f"Qt {qVersion()}, PySide6 {pyside_version}",
        ]
        self._render()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.versions)
        layout.addWidget(buttons)
        for connection in manager.connections():
            if connection.uri.startswith("qemu") and connection.state is ConnectionState.CONNECTED:
                ops.run(
                    connection.call("read the QEMU version", libvirt.virConnect.getVersion),
                    partial(self._add_qemu_version, connection.uri),
                )

    def _add_qemu_version(self, uri: str, version: int) -> None:
        self._lines.append(f"QEMU {format_libvirt_version(version)} ({uri})")
        self._render()

    def _render(self) -> None:
        self.versions.setText("<br>".join(self._lines))
