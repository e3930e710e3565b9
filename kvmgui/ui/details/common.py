"""What the details window's editors share: where an edit's outcome is said."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kvmgui.core.editing import EditRefused
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.snapshots import SnapshotRefused
from kvmgui.ui.i18n import shown_exception
from kvmgui.ui.ops import failure_message
from kvmgui.ui.theme import set_tone_style

# Tone templates (kvmgui.ui.theme): the colours follow a light or dark palette.
_STYLES = {
    "error": "color: $ERROR; background: $MESSAGE_BACKGROUND; "
             "border: 1px solid $MESSAGE_BORDER; padding: 4px;",
    "info": "border: 1px solid $STALE; padding: 4px;",
    "busy": "color: $STALE; padding: 4px;",
}


def failure_text(error: Exception) -> str:
    """An edit's failure for the label beside it: libvirt's own message, or kvmgui's refusal."""
    if isinstance(error, LibvirtCallError):
        return error.message
    if isinstance(error, EditRefused | SnapshotRefused):
        return shown_exception(error)
    return failure_message(error)


class StatusLabel(QLabel):
    """An editor's outcome, next to it: an error, a confirmation or work under way."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setTextFormat(Qt.TextFormat.PlainText)  # libvirt's messages name VMs and files
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def _show(self, kind: str, text: str) -> None:
        self.kind = kind
        set_tone_style(self, _STYLES[kind])
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
