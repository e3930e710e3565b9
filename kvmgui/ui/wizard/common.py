"""Small pieces the wizard pages share: field error labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kvmgui.ui.i18n import shown
from kvmgui.ui.theme import set_tone_style


class FieldError(QLabel):
    """The message next to a field; hidden while the field is fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # problems quote paths and names
        self.setWordWrap(True)
        set_tone_style(self, "color: $ERROR;")
        self.hide()

    def show_problem(self, problem: str | None) -> bool:
        """Show ``problem`` (or hide on None); True when the field is fine."""
        self.setText(shown(problem or ""))
        self.setVisible(bool(problem))
        return problem is None

