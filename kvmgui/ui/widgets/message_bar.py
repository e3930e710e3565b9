"""A bar above the list that shows errors and offers a way out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QWidget

from kvmgui.ui.i18n import translate
from kvmgui.ui.theme import set_tone_style
from kvmgui.ui.widgets.plain import plain_label

MAX_BUTTONS = 3
STYLE = ("#messageBar { background: $MESSAGE_BACKGROUND; "
         "border: 1px solid $MESSAGE_BORDER; border-radius: 4px; }")


class MessageBar(QFrame):
    """Shows the latest message; older ones stay reachable in the log."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._styled = False  # the style sheet is set when the bar first shows (see show_message)
        self._label = plain_label()
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons: list[QPushButton] = []
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(translate("widgets.message_bar", "Dismiss"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 4, 4)
        self._layout.addWidget(self._label, 1)
        self._layout.addWidget(close)
        self.hide()

    @property
    def text(self) -> str:
        return self._label.text()

    def show_message(
        self, text: str, actions: list[tuple[str, Callable[[], None]]] | None = None
    ) -> None:
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        self._label.setText(text)
        if not self._styled:
            # A style sheet costs 6 ms to set; a launch shows no message.
            set_tone_style(self, STYLE)
            self._styled = True
        for label, callback in (actions or [])[:MAX_BUTTONS]:
            button = QPushButton(label)
            button.clicked.connect(callback)
            button.clicked.connect(self.hide)
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons.append(button)
        self.show()

    @Slot(str)
    def on_error(self, text: str) -> None:
        self.show_message(text)
