"""Drives the details window's editors as a user does, for UI and integration tests."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QTreeWidgetItem, QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from kvmgui.core.snapshots import SnapshotKind
from kvmgui.ui.details.hardware_tab import HardwareTab
from kvmgui.ui.details.snapshots_tab import SnapshotsTab, TakeSnapshotDialog
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


def apply_hardware(tab: HardwareTab, qtbot: QtBot, timeout: int = 10000) -> None:
    """Click Apply and wait until the tab says how it went."""
    tab.apply_button.click()
    qtbot.waitUntil(lambda: tab.status.kind in ("info", "error"), timeout=timeout)


def names(tab: SnapshotsTab) -> list[str]:
    """The first column of every snapshot row, parents before their children."""
    found = []
    iterator = QTreeWidgetItemIterator(tab.tree)
    while iterator.value():
        found.append(iterator.value().text(0))
        iterator += 1
    return found


def top(tab: SnapshotsTab) -> QTreeWidgetItem:
    item = tab.tree.topLevelItem(0)
    assert item is not None
    return item


def take_snapshot(
    tab: SnapshotsTab, qtbot: QtBot, name: str, description: str = "", timeout: int = 10000,
) -> list[SnapshotKind]:
    """Take a snapshot through the tab's dialog (its first kind) and wait until the tree
    lists it; the kinds the dialog offered."""
    tab.take_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, TakeSnapshotDialog)
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=timeout)
    dialog.name.setText(name)
    dialog.description.setPlainText(description)
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: any(n.startswith(name) for n in names(tab)), timeout=timeout)
    return kinds
