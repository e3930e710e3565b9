"""Choosing a file on this machine: one non-modal dialog that cleans up after itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget


def open_file_dialog(
    parent: QWidget, title: str, filters: str, on_chosen: Callable[[str], None],
) -> None:
    """Ask for an existing file, starting in the home directory; ``on_chosen`` gets its path.

    Not modal to the app (the window stays usable) and deleted once closed."""
    dialog = QFileDialog(parent, title, str(Path.home()), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(on_chosen)
    dialog.open()
