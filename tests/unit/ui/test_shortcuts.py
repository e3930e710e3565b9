"""Help → Keyboard Shortcuts lists the main window's actions with their keys,
made from the actions themselves; the keys are virt-manager's where it has them."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.shortcuts import OTHER_GROUP, ShortcutsDialog, shortcut_sheet


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_sheet_lists_every_action_with_a_shortcut_once_by_menu(window: MainWindow) -> None:
    sheet = dict(shortcut_sheet(window))
    # Edit holds Preferences only, whose standard key some platforms leave empty
    assert [g for g in sheet if g != "Edit"] == [
        "File", "View", "Virtual Machine", "Help", OTHER_GROUP,
    ]
    listed = [(text, keys) for rows in sheet.values() for text, keys in rows]
    with_keys = {a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    assert len(listed) == len(with_keys)
    assert ("Filter", _native("Ctrl+F")) in sheet[OTHER_GROUP]
    assert ("Start", _native("Ctrl+R")) in sheet["Virtual Machine"]
    assert ("Keyboard Shortcuts", _native("F1")) in sheet["Help"]


def test_virt_manager_users_find_its_keys(window: MainWindow) -> None:
    sheet = dict(shortcut_sheet(window))
    assert ("New VM", _native("Ctrl+N")) in sheet["File"]
    assert ("Quit", _native("Ctrl+Q")) in sheet["File"]
    assert ("Delete", _native("Del")) in sheet["Virtual Machine"]


def test_no_two_actions_of_a_window_share_a_key(window: MainWindow) -> None:
    keys = Counter(
        sequence.toString()
        for action in window.findChildren(QAction) for sequence in action.shortcuts()
    )
    assert [key for key, count in keys.items() if count > 1] == []


def test_f1_opens_the_sheet(window: MainWindow, qtbot: QtBot) -> None:
    window.shortcuts_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog)
    )
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    texts = []
    iterator = QTreeWidgetItemIterator(dialog.table)
    while iterator.value() is not None:
        texts.append(iterator.value().text(0))
        iterator += 1
    assert "Virtual Machine" in texts and "Shut Down" in texts
