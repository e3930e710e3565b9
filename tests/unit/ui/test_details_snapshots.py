"""The Snapshots tab and the snapshot actions on the test driver."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainState
from kvmgui.ui.details.snapshots_tab import (
    CURRENT_MARK,
    RevertDialog,
    TakeSnapshotDialog,
)
from kvmgui.ui.details.window import DetailsWindow
from kvmgui.ui.mainwindow import MainWindow
from tests.details_driver import names, take_snapshot, top
from tests.fleet import domain_uuid
from tests.qt_helpers import wait_for_state

Connect = Callable[[Path], Connection]


@pytest.fixture
def details(window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot) -> DetailsWindow:
    connection = connect(fleet_file)
    info = connection.domain(domain_uuid("alpha"))  # running
    assert info is not None
    details = window.open_details(connection, info)
    details.tabs.setCurrentWidget(details.snapshots)
    qtbot.waitUntil(lambda: details.snapshots.loaded and not window.ops.busy, timeout=5000)
    return details


def test_take_revert_describe_and_delete(details: DetailsWindow, qtbot: QtBot) -> None:
    tab = details.snapshots
    assert names(tab) == [] and not tab.revert_button.isEnabled()
    assert not tab.explanation.isVisible()  # the fleet's VMs have no disk: internal works
    take_snapshot(tab, qtbot, "first", "before the upgrade")
    take_snapshot(tab, qtbot, "second")
    assert names(tab) == ["first", f"second {CURRENT_MARK}"]
    assert tab.tree.snapshots["second"].parent == "first"
    assert top(tab).childCount() == 1

    tab.tree.setCurrentItem(top(tab))
    assert tab.description.toPlainText() == "before the upgrade"
    tab.description.setPlainText("known good")
    tab.save_description_button.click()
    qtbot.waitUntil(lambda: tab.tree.snapshots["first"].description == "known good",
                    timeout=5000)
    assert tab.status.text() == "Description saved."

    tab.tree.setCurrentItem(top(tab))
    tab.revert_button.click()
    qtbot.waitUntil(lambda: tab.status.text() == "Reverted to first.", timeout=5000)
    qtbot.waitUntil(lambda: names(tab) == [f"first {CURRENT_MARK}", "second"], timeout=5000)

    tab.tree.setCurrentItem(top(tab))
    tab.with_children.setChecked(True)
    tab.delete_button.click()
    question = tab.dialog
    assert isinstance(question, QMessageBox)
    assert question.text() == "Delete first and its children?"
    question.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: names(tab) == [], timeout=5000)


def test_the_vm_menu_takes_a_snapshot_and_reverts_to_one(
    details: DetailsWindow, qtbot: QtBot, window: MainWindow,
) -> None:
    actions = details.vm_actions
    assert actions.take_snapshot_action.shortcut() == QKeySequence("Ctrl+Alt+S")
    actions.take_snapshot_action.trigger()
    dialog = details.findChild(TakeSnapshotDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5000)
    assert dialog.kind.currentText().startswith("Internal (disks, with the VM's memory")
    dialog.name.setText("from-menu")
    with qtbot.waitSignal(dialog.taken, timeout=5000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: names(details.snapshots) == [f"from-menu {CURRENT_MARK}"],
                    timeout=5000)
    details.vm_actions.lifecycle[next(a for a in details.vm_actions.lifecycle
                                      if a.spec.label == "Force Off")].trigger()
    wait_for_state(qtbot, window.manager, details.connection, details.info.uuid,
                   DomainState.SHUTOFF)

    actions.revert_snapshot_action.trigger()
    revert = details.findChild(RevertDialog)
    assert revert is not None
    qtbot.waitUntil(lambda: revert.tree.selected() is not None, timeout=5000)
    with qtbot.waitSignal(revert.reverted, timeout=5000):
        revert.ok_button.click()
    wait_for_state(qtbot, window.manager, details.connection, details.info.uuid,
                   DomainState.RUNNING)


def test_a_failed_snapshot_keeps_the_dialog_and_its_words(
    details: DetailsWindow, qtbot: QtBot,
) -> None:
    tab = details.snapshots
    take_snapshot(tab, qtbot, "same")
    tab.take_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, TakeSnapshotDialog)
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5000)
    dialog.name.setText("same")
    dialog.description.setPlainText("my words")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.status.kind == "error", timeout=5000)
    assert "same" in dialog.status.text() and dialog.isVisible()
    assert dialog.description.toPlainText() == "my words" and dialog.ok_button.isEnabled()
    dialog.reject()


def test_every_control_of_the_tab_has_an_accessible_name(details: DetailsWindow) -> None:
    tab = details.snapshots
    kinds = (QAbstractButton, QPlainTextEdit, QTreeWidget)
    controls = [w for kind in kinds for w in tab.findChildren(kind)]
    assert len(controls) >= 7
    assert [c for c in controls if not c.accessibleName()] == []
