"""What the details window's editors share: where an edit's outcome is said."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kvmgui.core.editing import EditRefused
from kvmgui.core.errors import LibvirtCallError
from kvmgui.ui.ops import failure_message

_STYLES = {
    "error": "color: #b00020; background: #fdecea; border: 1px solid #e0a39d; padding: 4px;",
    "info": "color: #1b5e20; background: #edf7ed; border: 1px solid #a5d6a7; padding: 4px;",
    "busy": "color: #444444; padding: 4px;",
}


def failure_text(error: Exception) -> str:
    """An edit's failure for the label beside it: libvirt's own message, or kvmgui's refusal."""
    if isinstance(error, LibvirtCallError):
        return error.message
    if isinstance(error, EditRefused):
        return str(error)
    return failure_message(error)


class StatusLabel(QLabel):
    """An editor's outcome, next to it: an error, a confirmation or work under way."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def _show(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setStyleSheet(_STYLES[kind])
        self.setText(text)
        self.show()

    def show_error(self, text: str) -> None:
        self._show("error", text)

    def show_info(self, text: str) -> None:
        self._show("info", text)

    def show_busy(self, text: str) -> None:
        self._show("busy", text)

    def clear_message(self) -> None:
        self.kind = ""
        self.clear()
        self.hide()
