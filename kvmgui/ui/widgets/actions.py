"""QActions made the same way in every window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def make_action(
    parent: QObject, text: str, shortcut: str | QKeySequence.StandardKey | None,
    slot: Callable[[], object], tip: str = "",
) -> QAction:
    """An action that calls ``slot()``; ``tip`` (else ``text``) as tool and status tip."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setToolTip(tip or text)
    action.setStatusTip(tip or text)
    action.triggered.connect(lambda: slot())  # not the `checked` argument
    return action
