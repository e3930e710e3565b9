"""Screen readers (AT-SPI) see every control by its name: the main window, the
New-VM wizard, the details window and the dialogs are walked through QAccessible,
as an assistive technology would, and every interactive control must have a name.
The list's state and statistics cells, drawn as icons and sparklines, must give
their value as text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtGui import QAccessible, QAccessibleInterface, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kvmgui.core.auth import CredentialKind, CredentialRequest
from kvmgui.core.connection import Connection
from kvmgui.core.lifecycle import Action
from kvmgui.core.uri import demo_uri
from kvmgui.ui.about import AboutDialog
from kvmgui.ui.add_connection import AddConnectionDialog
from kvmgui.ui.clone_dialog import CloneDialog
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.credential_dialog import CredentialDialog
from kvmgui.ui.delete_dialog import DeleteDialog
from kvmgui.ui.group_progress import GroupActionDialog
from kvmgui.ui.host.forms import NewNetworkDialog, NewPoolDialog, VolumeSizeDialog
from kvmgui.ui.host_window import HostWindow
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import STATS_COLUMNS, Column
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.preferences import PreferencesDialog
from kvmgui.ui.settings import Settings
from kvmgui.ui.shortcuts import ShortcutsDialog
from kvmgui.ui.tags_dialog import TagsDialog
from kvmgui.ui.template_dialog import NewFromTemplateDialog
from kvmgui.ui.vm_actions import SelectedDomain
from kvmgui.ui.wizard import NewVmWizard
from tests.qt_helpers import open_connection
from tests.unit.ui.test_stats_ui import feed

Connect = Callable[[Path], Connection]

INTERACTIVE = (
    QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractSlider,
    QAbstractItemView, QPlainTextEdit, QTextEdit,
)
# Qt's own parts of a composite control, which the composite's name covers: a
# spin box's or combo box's edit, a tab bar's scroll buttons, a line edit's
# clear button, a view's header and scroll bars, the overflow buttons of
# toolbars and menu bars.
COMPOSITES = (QAbstractSpinBox, QComboBox, QTabBar, QLineEdit, QHeaderView, QScrollBar)
OVERFLOW_BUTTONS = {"qt_toolbar_ext_button", "qt_menubar_ext_button"}


def _name(interface: QAccessibleInterface | None) -> str:
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _is_part(widget: QWidget) -> bool:
    if isinstance(widget, QHeaderView | QScrollBar):
        return True
    if widget.objectName() in OVERFLOW_BUTTONS:
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def _describe(widget: QWidget) -> str:
    chain = []
    current: QWidget | None = widget
    while current is not None:
        chain.append(type(current).__name__)
        current = current.parentWidget()
    hint = widget.toolTip() or getattr(widget, "placeholderText", lambda: "")()
    return " < ".join(chain) + (f" ({hint})" if hint else "")


def _menu_items(menu: QMenu, path: str) -> Iterator[tuple[str, QAction]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield path, action
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_items(submenu, f"{path} > {action.text()}")


def unnamed_controls(root: QWidget) -> list[str]:
    """Every interactive control under ``root``, shown or not, that an
    assistive technology would find without a name."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QTabBar):
            tabs = QAccessible.queryAccessibleInterface(widget)
            for index in range(widget.count()):
                if not _name(tabs.child(index)):
                    problems.append(f"tab {index} of {_describe(widget)}")
        if not isinstance(widget, INTERACTIVE) or _is_part(widget):
            continue
        if not _name(QAccessible.queryAccessibleInterface(widget)):
            problems.append(_describe(widget))
    if isinstance(root, QMainWindow):
        for top in root.menuBar().actions():
            menu = top.menu()
            if not top.text() or not isinstance(menu, QMenu):
                problems.append(f"a menu bar entry without a title or a menu: {top.text()!r}")
                continue
            problems += [
                f"an item of {path}" for path, action in _menu_items(menu, top.text())
                if not action.text().replace("&", "").strip()
            ]
    return problems


def test_every_control_of_the_main_window_has_a_name(
    window: MainWindow, connect: Connect, fleet_file: Path
) -> None:
    connect(fleet_file)
    problems = unnamed_controls(window)
    assert not problems, "\n".join(problems)


def test_every_control_of_every_wizard_page_has_a_name(
    manager: ConnectionManager, ops: OpRunner, settings: Settings, qtbot: QtBot
) -> None:
    # the demo fleet has a pool and a network, for every page to fill
    wizard = NewVmWizard(open_connection(manager, qtbot, demo_uri()), ops, settings)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.facts is not None and not ops.busy, timeout=10000)
    assert len(wizard.pageIds()) >= 3
    problems = unnamed_controls(wizard)
    assert not problems, "\n".join(problems)


def test_every_control_of_every_details_tab_has_a_name(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    connection = connect(fleet_file)
    alpha = next(info for info in connection.domains() if info.name == "alpha")
    details = window.open_details(connection, alpha)
    assert details.tabs.count() >= 4
    problems = unnamed_controls(details)
    assert not problems, "\n".join(problems)


def test_every_control_of_the_dialogs_has_a_name(
    window: MainWindow, connect: Connect, fleet_file: Path, settings: Settings, qtbot: QtBot
) -> None:
    connection = connect(fleet_file)
    targets = [(connection, info) for info in connection.domains()[:2]]
    dialogs = [
        AddConnectionDialog(window),
        PreferencesDialog(settings, window),
        DeleteDialog(targets, window.ops, window),
        AboutDialog(window.manager, window.ops, window),
        ShortcutsDialog(window, window),
        CloneDialog(connection, targets[0][1], window.ops, window),
        TagsDialog([info for _connection, info in targets], window),
        NewFromTemplateDialog(targets, window),
        GroupActionDialog(Action.START, [SelectedDomain(c, i) for c, i in targets], window.ops,
                          window),
        NewPoolDialog(window),
        NewNetworkDialog(window),
        VolumeSizeDialog(window),
        CredentialDialog(connection.uri, [
            CredentialRequest(CredentialKind.ECHOPROMPT, "Accept the host key?"),
            CredentialRequest(CredentialKind.PASSPHRASE, "Passphrase for the key"),
        ], window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=10000)  # the delete dialog's disks
    problems = [problem for dialog in dialogs for problem in unnamed_controls(dialog)]
    assert not problems, "\n".join(problems)


def test_every_control_of_every_host_tab_has_a_name(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    connection = connect(fleet_file)
    # An earlier test's host window may still be open (closed windows are deleted later).
    earlier = set(QApplication.topLevelWidgets())
    window.show_host_window(connection)
    [host] = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, HostWindow) and w not in earlier]
    qtbot.addWidget(host)
    assert host.tabs.count() >= 4  # overview, storage, networks, diagnostics
    for index in range(host.tabs.count()):
        host.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=10000)
    problems = unnamed_controls(host)
    assert not problems, "\n".join(problems)


def _accessible_rows(view: QAbstractItemView) -> dict[str, list[str]]:
    """Each row of a list as a screen reader reads it, by the row's first cell:
    the list's accessible children are its column headers, then its cells row
    by row."""
    tree = QAccessible.queryAccessibleInterface(view)
    texts = [tree.child(i).text(QAccessible.Text.Name) for i in range(tree.childCount())]
    columns = view.model().columnCount()
    cells = texts[columns:]
    rows = [cells[start:start + columns] for start in range(0, len(cells), columns)]
    return {row[0]: row for row in rows}


def test_state_and_statistics_cells_give_their_value_as_text(
    window: MainWindow, connect: Connect, fleet_file: Path
) -> None:
    connection = connect(fleet_file)
    window.stats.stop()  # only the fed samples count here
    for second in range(4):
        feed(window.stats, connection, 100.0 + second, cpu_s=second * 0.5,
             used_kib=(512 + second) * 1024)
    rows = _accessible_rows(window.view)
    # the state icon's meaning, as the text beside it says it
    assert {name: rows[name][Column.STATE] for name in ("alpha", "bravo", "charlie")} == {
        "alpha": "Running", "bravo": "Shut off", "charlie": "Paused",
    }
    # a sparkline cell reads as its latest value
    sparklines = {Column(column): rows["alpha"][column] for column in STATS_COLUMNS}
    assert sparklines[Column.CPU_USAGE] == "25 %"
    assert sparklines[Column.MEMORY_USAGE] == "515 MiB"
