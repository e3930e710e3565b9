"""The About dialog: what is running, in which versions."""

from __future__ import annotations

import html
from functools import partial

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kvmgui import __version__
from kvmgui.core.connection import ConnectionState
from kvmgui.core.versions import hypervisor_version, libvirt_version
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.i18n import translate
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.widgets.icons import app_icon


class AboutDialog(QDialog):
    def __init__(self, manager: ConnectionManager, ops: OpRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("about", "About kvmgui"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        self.versions = QLabel()
        self.versions.setTextFormat(self.versions.textFormat().RichText)
        self._lines = [
            f"<b>kvmgui {__version__}</b>",
            translate("about", "A fast desktop manager for local KVM virtual machines."),
            "",
            f"libvirt {libvirt_version()}",
            translate("about", "Qt {qVersion}, PySide6 {pyside_version}").format(
                qVersion=qVersion(), pyside_version=pyside_version
            ),
        ]
        self._render()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.versions)
        layout.addWidget(buttons)
        for connection in manager.connections():
            if connection.state is ConnectionState.CONNECTED:
                ops.run(
                    connection.call(
                        translate("about", "read the hypervisor's version"), hypervisor_version
                    ),
                    partial(self._add_hypervisor_version, connection.uri),
                    owner=self,
                )

    def _add_hypervisor_version(self, uri: str, version: str | None) -> None:
        if version is not None:
            self._lines.append(html.escape(f"{version} ({uri})"))
            self._render()

    def _render(self) -> None:
        self.versions.setText("<br>".join(self._lines))
