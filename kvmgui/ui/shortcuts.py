"""Help → Keyboard Shortcuts: a sheet made from a window's own actions, so it
lists what the keys do today and never goes stale."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.texts import Translatable
from kvmgui.ui.i18n import translate

# Actions with a shortcut that no menu shows (such as Filter) are listed under this.
OTHER_GROUP = Translatable("shortcuts", "Other")

ShortcutSheet = list[tuple[str, list[tuple[str, str]]]]


def _label(text: str) -> str:
    return text.replace("&", "").removesuffix("…")


def _keys(action: QAction) -> str:
    return ", ".join(
        sequence.toString(QKeySequence.SequenceFormat.NativeText)
        for sequence in action.shortcuts()
    )


def _menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found += _menu_actions(submenu)
        elif not action.isSeparator():
            found.append(action)
    return found


def shortcut_sheet(window: QMainWindow) -> ShortcutSheet:
    """Every action of ``window`` that has a shortcut, as (group, [(action, keys)]):
    one group per menu of the menu bar in its order, then the rest under
    :data:`OTHER_GROUP`. An action shown in several menus is listed once."""
    seen: set[QAction] = set()
    sheet: ShortcutSheet = []

    def group(title: str, actions: list[QAction]) -> None:
        rows = []
        for action in actions:
            if action in seen or action.shortcut().isEmpty():
                continue
            seen.add(action)
            rows.append((_label(action.text()), _keys(action)))
        if rows:
            sheet.append((title, rows))

    for entry in window.menuBar().actions():
        menu = entry.menu()
        if isinstance(menu, QMenu):
            group(_label(entry.text()), _menu_actions(menu))
    group(OTHER_GROUP, window.findChildren(QAction))
    return sheet


class ShortcutsDialog(QDialog):
    """The shortcut sheet of ``window``, grouped by menu."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("shortcuts", "Keyboard Shortcuts"))
        self.resize(420, 520)
        self.table = QTreeWidget()
        self.table.setAccessibleName(translate("shortcuts", "Keyboard shortcuts"))
        self.table.setHeaderLabels(
            [translate("shortcuts", "Action"), translate("shortcuts", "Keys")]
        )
        self.table.setRootIsDecorated(False)
        for title, rows in shortcut_sheet(window):
            heading = QTreeWidgetItem(self.table, [title])
            heading.setFirstColumnSpanned(True)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for text, keys in rows:
                QTreeWidgetItem(heading, [text, keys])
        self.table.expandAll()
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
