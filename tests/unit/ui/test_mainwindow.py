"""The main window on the test driver: actions, selection, dialogs, errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection, ConnectionState
from kvmgui.core.domain import DomainState
from kvmgui.core.lifecycle import Action
from kvmgui.core.uri import demo_uri
from kvmgui.ui.about import AboutDialog
from kvmgui.ui.add_connection import AddConnectionDialog
from kvmgui.ui.app import App
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.delete_dialog import DeleteDialog
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import Column
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.settings import Settings
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, write_node
from tests.qt_helpers import wait_for_state

Connect = Callable[[Path], Connection]


def select(window: MainWindow, connection: Connection, *names: str) -> None:
    """Select these domains as a user's Ctrl+clicks would; the last one is current."""
    selection = window.view.selectionModel()
    selection.clearSelection()
    by_name = {info.name: info for info in connection.domains()}
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for name in names:
        index = window.model.domain_index(connection, by_name[name].uuid)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.select(index, flags)


def uuid_of(connection: Connection, name: str) -> str:
    return next(info.uuid for info in connection.domains() if info.name == name)


def test_window_title_names_kvmgui_and_the_connection(
    window: MainWindow, connect: Connect, fleet_file: Path
) -> None:
    connect(fleet_file)
    assert window.windowTitle() == f"kvmgui — test://{fleet_file}"


def test_actions_follow_the_selection(
    window: MainWindow, connect: Connect, fleet_file: Path
) -> None:
    connection = connect(fleet_file)
    actions = window.vm_actions.lifecycle
    assert not any(a.isEnabled() for a in actions.values())
    select(window, connection, "bravo")
    assert actions[Action.START].isEnabled()
    assert not actions[Action.PAUSE].isEnabled()
    assert not actions[Action.FORCE_OFF].isEnabled()
    select(window, connection, "alpha", "charlie")
    assert actions[Action.PAUSE].isEnabled()  # alpha runs
    assert actions[Action.RESUME].isEnabled()  # charlie is paused
    assert not actions[Action.START].isEnabled()
    assert window.vm_actions.delete_action.isEnabled()


def test_start_many_at_once_with_the_shortcut(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    connection = connect(fleet_file)
    select(window, connection, "bravo", "delta")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    for name in ("bravo", "delta"):
        wait_for_state(qtbot, window.manager, connection, uuid_of(connection, name),
                       DomainState.RUNNING)
    assert window.vm_actions.lifecycle[Action.PAUSE].isEnabled()
    assert not window.vm_actions.lifecycle[Action.START].isEnabled()


@pytest.mark.parametrize(
    ("name", "action", "expected"),
    [
        ("alpha", Action.PAUSE, DomainState.PAUSED),
        ("charlie", Action.RESUME, DomainState.RUNNING),
        ("alpha", Action.SHUTDOWN, DomainState.SHUTOFF),
        ("alpha", Action.FORCE_OFF, DomainState.SHUTOFF),
        ("echo", Action.SAVE, DomainState.SHUTOFF),
    ],
)
def test_each_lifecycle_action(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
    name: str, action: Action, expected: DomainState,
) -> None:
    connection = connect(fleet_file)
    select(window, connection, name)
    window.vm_actions.lifecycle[action].trigger()
    wait_for_state(qtbot, window.manager, connection, uuid_of(connection, name), expected)
    if action is Action.SAVE:
        info = next(i for i in connection.domains() if i.name == name)
        assert info.managed_save and info.state_text == "Saved"


def test_action_in_the_wrong_state_says_why(
    window: MainWindow, connect: Connect, fleet_file: Path
) -> None:
    connection = connect(fleet_file)
    select(window, connection, "alpha", "bravo")
    window.vm_actions.run(Action.START)
    assert window.message_bar.isVisible()
    assert "alpha is running" in window.message_bar.text


def test_libvirt_error_lands_in_the_message_bar(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    connection = connect(fleet_file)
    bravo = next(i for i in connection.domains() if i.name == "bravo")
    # A call libvirt refuses: resuming a domain that is shut off.
    with qtbot.waitSignal(window.ops.failed, timeout=5000):
        window.ops.run(
            connection.call_domain("Could not resume bravo", bravo.uuid, Action.RESUME.spec.run)
        )
    assert window.message_bar.isVisible()
    assert window.message_bar.text.startswith("Could not resume bravo: ")


def test_delete_keeps_storage_unless_ticked_and_only_the_selection(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot
) -> None:

    disk = tmp_path / "disk.qcow2"
    fleet = write_node(tmp_path / "delete.xml", [
        FleetDomain("keep-me", SHUTOFF),
        FleetDomain("doomed", RUNNING, disk=str(disk)),
    ])
    connection = connect(fleet)
    select(window, connection, "doomed")
    window.vm_actions.delete_action.trigger()
    dialog = window.findChild(DeleteDialog)
    assert dialog is not None and dialog.isVisible()
    if not dialog.delete_button.isEnabled():
        qtbot.waitSignal(window.ops.finished, timeout=5000).wait()
    assert dialog.delete_button.isEnabled()
    doomed = next(i for i in connection.domains() if i.name == "doomed")
    disk_item = dialog._vm_items[doomed.uuid].child(0)
    assert disk_item is not None and disk_item.text(2) == str(disk)
    assert dialog.ticked_paths(doomed.uuid) == []
    with qtbot.waitSignal(dialog.deletion_chosen, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_for_state(qtbot, window.manager, connection, doomed.uuid, None)
    assert [i.name for i in connection.domains()] == ["keep-me"]


def test_enter_opens_details_that_follow_the_domain(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    connection = connect(fleet_file)
    select(window, connection, "bravo")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    bravo = next(i for i in connection.domains() if i.name == "bravo")
    details = window.details_window(connection.uri, bravo.uuid)
    assert details is not None and details.isVisible()
    assert details.overview.text("State") == "Shut off"
    window.vm_actions.lifecycle[Action.START].trigger()
    wait_for_state(qtbot, window.manager, connection, bravo.uuid, DomainState.RUNNING)
    assert details.overview.text("State") == "Running (booted)"
    with qtbot.waitSignal(window.ops.finished, timeout=5000):
        details.tabs.setCurrentWidget(details.xml_tab)
    assert "<name>bravo</name>" in details.xml_tab.editor.toPlainText()
    # A second open raises the same window.
    window.open_selected()
    assert window.details_window(connection.uri, bravo.uuid) is details


def test_filter_box_filters_as_you_type(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    connect(fleet_file)
    parent = window.model.index(0, 0)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    qtbot.keyClicks(window.filter_edit, "ech")
    assert window.model.rowCount(parent) == 1
    assert window.model.index(0, Column.NAME, parent).data() == "echo"


def test_missing_test_file_says_why_and_offers_the_demo(
    window: MainWindow, manager: ConnectionManager, tmp_path: Path, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(
        manager.connection_state_changed,
        check_params_cb=lambda c: c.state is ConnectionState.FAILED, timeout=5000,
    ):
        manager.add(f"test://{tmp_path}/missing.xml")
    assert window.message_bar.isVisible()
    assert "missing.xml" in window.message_bar.text
    demo_button = next(b for b in window.message_bar._buttons if b.text() == "Open the demo")
    with qtbot.waitSignal(
        manager.connection_state_changed,
        check_params_cb=lambda c: c.uri == demo_uri() and c.state is ConnectionState.CONNECTED,
        timeout=5000,
    ):
        demo_button.click()
    demo = manager.get(demo_uri())
    assert demo is not None and len(demo.domains()) == 30


def test_a_window_made_after_the_listing_shows_it_expanded(
    app: App, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    # The entry point opens the connections before it builds the window.
    connection = connect(fleet_file)
    late = MainWindow(app)
    qtbot.addWidget(late)
    parent = late.model.connection_index(connection)
    assert late.model.rowCount(parent) == len(connection.domains()) > 0
    assert late.view.isExpanded(parent)


def test_connections_are_remembered(
    window: MainWindow, connect: Connect, fleet_file: Path, settings: Settings
) -> None:
    connect(fleet_file)
    assert settings.connection_uris() == [f"test://{fleet_file}"]


def test_add_connection_dialog_checks_the_uri(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AddConnectionDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.kind.setCurrentIndex(dialog.kind.findData(""))  # custom
    dialog.uri.setText("not a uri")
    assert not ok.isEnabled() and "scheme" in dialog.problem.text()
    dialog.uri.setText("foo:///system")
    assert not ok.isEnabled() and "Unknown hypervisor driver" in dialog.problem.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("ssh"))
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.host, "build.example.org")
    qtbot.keyClicks(dialog.user, "dev")
    assert dialog.uri.text() == "qemu+ssh://dev@build.example.org/system"
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.uri_chosen) as chosen:
        ok.click()
    assert chosen.args == ["qemu+ssh://dev@build.example.org/system"]


def test_about_names_the_versions(manager: ConnectionManager, ops: OpRunner, qtbot: QtBot) -> None:
    dialog = AboutDialog(manager, ops)
    qtbot.addWidget(dialog)
    text = dialog.versions.text()
    assert "kvmgui 0.1.0" in text and "libvirt " in text and "Qt 6." in text


def test_no_window_is_left_over(qapp: QApplication) -> None:
    # Guards the fixtures: every test's windows were closed by qtbot.
    assert all(not w.isVisible() for w in qapp.topLevelWidgets())
