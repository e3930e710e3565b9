"""Text from VMs, hosts and users shown as typed, never read as HTML.

A QLabel or a tooltip whose text looks like HTML renders it (Qt's AutoText):
a VM titled ``<img src=…>`` or a URI with markup in it would draw, or load
a file, in kvmgui's windows.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel


def plain_label(text: str = "") -> QLabel:
    """A label that shows its text as plain text, whatever it holds."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shows it: as it is, escaped only when Qt would read it as HTML."""
    if not GuiQt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
