"""Drives the details window's editors as a user does, for UI and integration tests."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kvmgui.ui.details.xml_tab import XmlTab


def edit_xml(tab: XmlTab, old: str, new: str) -> str:
    """Replace ``old`` by ``new`` in the editor as typing would; the text now."""
    text = tab.editor.toPlainText()
    assert old in text
    tab.editor.setPlainText(text.replace(old, new))
    tab.editor.document().setModified(True)
    return tab.editor.toPlainText()


def apply_xml_and_confirm(tab: XmlTab, qtbot: QtBot, timeout: int = 10000) -> str:
    """Click Apply, accept the diff shown and wait for the outcome; the diff."""
    tab.apply_button.click()
    qtbot.waitUntil(lambda: tab.diff_dialog is not None, timeout=timeout)
    assert tab.diff_dialog is not None
    diff = tab.diff_dialog.diff_view.toPlainText()
    tab.diff_dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    qtbot.waitUntil(lambda: tab.status.kind in ("info", "error"), timeout=timeout)
    return diff
