"""The list's Snapshots column and the main window's snapshot actions on the test driver."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.ui.details.snapshots_tab import TakeSnapshotDialog
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import Column
from tests.fleet import domain_uuid
from tests.unit.ui.test_mainwindow import select

Connect = Callable[[Path], Connection]


def count_shown(window: MainWindow, connection: Connection, name: str) -> object:
    return window.model.domain_index(connection, domain_uuid(name), Column.SNAPSHOTS).data()


def test_the_column_counts_snapshots_only_while_shown(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
) -> None:
    QAbstractItemModelTester(window.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    connection = connect(fleet_file)
    assert window.view.isColumnHidden(Column.SNAPSHOTS)
    assert count_shown(window, connection, "alpha") is None
    [view_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&View"]
    assert isinstance(view_menu, QMenu) and window.snapshot_column.action in view_menu.actions()

    window.snapshot_column.action.trigger()
    assert not window.view.isColumnHidden(Column.SNAPSHOTS)
    qtbot.waitUntil(lambda: count_shown(window, connection, "alpha") == "0", timeout=5000)

    select(window, connection, "alpha")
    window.vm_actions.take_snapshot_action.trigger()
    dialog = window.findChild(TakeSnapshotDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5000)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: count_shown(window, connection, "alpha") == "1", timeout=5000)
    assert count_shown(window, connection, "bravo") == "0"

    window.snapshot_column.action.trigger()
    assert window.view.isColumnHidden(Column.SNAPSHOTS)
    assert count_shown(window, connection, "alpha") is None


def test_the_optional_columns_shown_are_remembered(window: MainWindow, qtbot: QtBot) -> None:
    assert window.ip_column_action.isChecked()  # shown on a first start
    window.snapshot_column.action.trigger()
    window.ip_column_action.trigger()
    window.close()  # closing stops the address reading, not the choice

    again = MainWindow(window.app, remember_connections=False)
    qtbot.addWidget(again)
    assert again.snapshot_column.shown and not again.view.isColumnHidden(Column.SNAPSHOTS)
    assert not again.ip_column_action.isChecked()
    assert again.view.isColumnHidden(Column.IP_ADDRESS)
