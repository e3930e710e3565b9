"""Templates in the window, on the test driver: Make Template, New VM from Template in
three clicks without typing, and the warning before deleting a template with clones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QToolButton
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.ui.delete_dialog import DeleteDialog
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.settings import Settings
from kvmgui.ui.template_dialog import NewFromTemplateDialog
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_uuid, pool_xml, write_node

Connect = Callable[[Path], Connection]
FLEET = [
    FleetDomain("base", SHUTOFF, disk="/pool/base.qcow2"),
    FleetDomain("other", RUNNING),
]


def info_of(connection: Connection, name: str) -> DomainInfo | None:
    return next((info for info in connection.domains() if info.name == name), None)


def select(window: MainWindow, connection: Connection, name: str) -> None:
    index = window.model.domain_index(connection, domain_uuid(name))
    window.view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def accept_box(window: MainWindow, qtbot: QtBot, title: str) -> QMessageBox:
    qtbot.waitUntil(lambda: any(b.windowTitle() == title
                                for b in window.findChildren(QMessageBox)), timeout=5000)
    box = next(b for b in window.findChildren(QMessageBox) if b.windowTitle() == title)
    accept = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    accept.click()
    return box


def test_make_template_then_a_vm_from_it_in_three_clicks_then_the_delete_warning(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot, settings: Settings,
) -> None:
    settings.set_console_after_create("details")
    connection = connect(write_node(
        tmp_path / "fleet.xml", FLEET, pool_xml("kvmgui-test-pool", "/pool", ["base.qcow2"])))
    select(window, connection, "other")
    assert not window.vm_actions.make_template_action.isEnabled()  # it runs
    select(window, connection, "base")
    window.vm_actions.make_template_action.trigger()
    accept_box(window, qtbot, "Make Template")

    def is_template() -> bool:
        info = info_of(connection, "base")
        return info is not None and info.is_template

    qtbot.waitUntil(is_template, timeout=5000)
    assert not window.vm_actions.make_template_action.isEnabled()

    window.show()
    qtbot.waitExposed(window)
    clicks = 0
    button = next(b for b in window.findChildren(QToolButton)
                  if b.defaultAction() is window.new_from_template_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    clicks += 1
    dialog = window.findChild(NewFromTemplateDialog)
    assert dialog is not None and dialog.template_list.currentItem().text() == "base"
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    clicks += 1

    def started() -> bool:
        info = info_of(connection, "base-1")
        return info is not None and info.state.is_active

    qtbot.waitUntil(started, timeout=5000)
    assert clicks <= 3
    made = info_of(connection, "base-1")
    assert made is not None
    qtbot.waitUntil(lambda: window.details_window(connection.uri, made.uuid) is not None,
                    timeout=5000)

    select(window, connection, "base")
    window.vm_actions.delete_action.trigger()
    box = accept_box(window, qtbot, "Delete Template")
    assert "base backs the disks of: base-1." in box.text()
    qtbot.waitUntil(lambda: window.findChild(DeleteDialog) is not None, timeout=5000)
