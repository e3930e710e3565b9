"""VmActions on the test driver: enabled by state, acting for real, failures said once;
the same actions in the details window, on the VM it shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo, DomainState
from kvmgui.core.lifecycle import Action
from kvmgui.ui.delete_dialog import DeleteDialog
from kvmgui.ui.details.window import DetailsWindow
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.vm_actions import SelectedDomain, VmActions
from tests.fleet import domain_uuid
from tests.qt_helpers import wait_for_state

Connect = Callable[[Path], Connection]


def info_of(connection: Connection, name: str) -> DomainInfo:
    info = connection.domain(domain_uuid(name))
    assert info is not None
    return info


def enabled(actions: VmActions) -> set[Action]:
    return {action for action, qaction in actions.lifecycle.items() if qaction.isEnabled()}


@pytest.fixture
def selection() -> list[SelectedDomain]:
    return []


@pytest.fixture
def actions(
    window: MainWindow, selection: list[SelectedDomain], qtbot: QtBot
) -> VmActions:
    """Actions on a selection the test sets, failures said in ``window``'s message bar."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return VmActions(lambda: list(selection), window.ops, lambda: window.viewer_launcher, widget)


@pytest.mark.parametrize(
    ("name", "allowed", "keys"),
    [
        ("alpha", {Action.PAUSE, Action.SHUTDOWN, Action.REBOOT, Action.FORCE_OFF, Action.SAVE},
         True),
        ("bravo", {Action.START}, False),
        ("charlie", {Action.RESUME, Action.FORCE_OFF, Action.SAVE}, True),
    ],
)
def test_actions_are_enabled_by_the_selected_state(
    actions: VmActions, selection: list[SelectedDomain], connect: Connect, fleet_file: Path,
    name: str, allowed: set[Action], keys: bool,
) -> None:
    connection = connect(fleet_file)
    actions.update_enabled()
    assert enabled(actions) == set()
    assert not actions.delete_action.isEnabled() and not actions.send_key_menu.isEnabled()
    selection.append(SelectedDomain(connection, info_of(connection, name)))
    actions.update_enabled()
    assert enabled(actions) == allowed
    assert actions.delete_action.isEnabled() and actions.open_console_action.isEnabled()
    assert actions.send_key_menu.isEnabled() is keys


def test_a_failure_is_said_once_in_the_message_bar(
    window: MainWindow, actions: VmActions, selection: list[SelectedDomain], connect: Connect,
    fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    # What the app believes lags behind: bravo is shown running, but is shut off.
    stale = replace(info_of(connection, "bravo"), state=DomainState.RUNNING)
    selection.append(SelectedDomain(connection, stale))
    actions.update_enabled()
    said: list[str] = []
    window.ops.failed.connect(said.append)
    with qtbot.waitSignal(window.ops.failed, timeout=5000):
        actions.lifecycle[Action.PAUSE].trigger()
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=5000)
    assert len(said) == 1 and said[0].startswith("Could not pause bravo: ")
    assert window.message_bar.isVisible() and window.message_bar.text == said[0]


def test_details_window_acts_on_its_vm(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    details = window.open_details(connection, info_of(connection, "bravo"))
    assert isinstance(details, DetailsWindow)
    toolbar = details.findChild(QToolBar)
    assert toolbar is not None
    assert details.vm_actions.lifecycle[Action.START] in toolbar.actions()
    assert enabled(details.vm_actions) == {Action.START}

    details.vm_actions.lifecycle[Action.START].trigger()
    wait_for_state(qtbot, window.manager, connection, domain_uuid("bravo"), DomainState.RUNNING)
    assert details.overview.text("State").startswith("Running")
    assert Action.PAUSE in enabled(details.vm_actions)
    assert Action.START not in enabled(details.vm_actions)
    assert details.vm_actions.send_key_menu.isEnabled()


def test_details_window_deletes_its_vm_then_offers_nothing(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    details = window.open_details(connection, info_of(connection, "delta"))
    details.vm_actions.delete_action.trigger()
    dialog = details.findChild(DeleteDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.delete_button.isEnabled, timeout=5000)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_for_state(qtbot, window.manager, connection, domain_uuid("delta"), None)
    assert "deleted" in details.windowTitle()
    assert enabled(details.vm_actions) == set()
    assert not details.vm_actions.delete_action.isEnabled()
    assert not window.message_bar.isVisible()


def test_keys_typed_in_the_serial_console_go_to_the_guest_not_to_the_actions(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    details = window.open_details(connection, info_of(connection, "alpha"))
    details.show_serial_console()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is details, timeout=5000)
    terminal = details.serial_console.terminal
    terminal.setFocus()
    actions = details.vm_actions
    triggered: list[str] = []
    for qaction in [*actions.lifecycle.values(), actions.delete_action,
                    actions.open_console_action]:
        qaction.triggered.connect(lambda _checked=False, a=qaction: triggered.append(a.text()))
    typed: list[bytes] = []
    terminal.input_produced.connect(typed.append)
    # EOF, history search, previous line, the Delete key: a shell needs them all.
    for key, modifiers in (
        (Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(terminal, key, modifiers)
    assert triggered == []
    assert typed == [b"\x04", b"\x12", b"\x10", b"\x0f", b"\x1b[3~"]
    # Elsewhere in the window, the same key is the action's shortcut.
    details.tabs.setFocus()
    qtbot.keyClick(details.tabs, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert triggered == ["Shut Down"]
    wait_for_state(qtbot, window.manager, connection, domain_uuid("alpha"), DomainState.SHUTOFF)


def asked(actions: VmActions) -> QMessageBox:
    box = actions.confirmation
    assert box is not None and box.isVisible()
    return box


def test_force_off_of_several_vms_is_asked_first(
    window: MainWindow, actions: VmActions, selection: list[SelectedDomain], connect: Connect,
    fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    selection += [SelectedDomain(connection, info_of(connection, n)) for n in ("alpha", "echo")]
    actions.update_enabled()
    actions.lifecycle[Action.FORCE_OFF].trigger()
    box = asked(actions)
    assert "Force Off 2 virtual machines: alpha, echo?" in box.text()
    assert not window.ops.busy  # nothing runs before the answer
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert actions.confirmation is None and not window.ops.busy
    assert info_of(connection, "alpha").state is DomainState.RUNNING

    actions.lifecycle[Action.FORCE_OFF].trigger()
    box = asked(actions)
    next(b for b in box.buttons() if b.text() == "Force Off").click()
    for name in ("alpha", "echo"):
        wait_for_state(qtbot, window.manager, connection, domain_uuid(name), DomainState.SHUTOFF)


def test_force_off_of_one_vm_acts_at_once(
    window: MainWindow, actions: VmActions, selection: list[SelectedDomain], connect: Connect,
    fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    selection.append(SelectedDomain(connection, info_of(connection, "alpha")))
    actions.update_enabled()
    actions.lifecycle[Action.FORCE_OFF].trigger()
    assert actions.confirmation is None
    wait_for_state(qtbot, window.manager, connection, domain_uuid("alpha"), DomainState.SHUTOFF)
