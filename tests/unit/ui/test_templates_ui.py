"""Templates in the window, on the test driver: Make Template, New VM from Template in
three clicks without typing, and the warning before deleting a template with clones."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QToolButton, QWizard
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.core.templates import make_template
from kvmgui.ui.delete_dialog import DeleteDialog
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.settings import Settings
from kvmgui.ui.template_dialog import NewFromTemplateDialog
from kvmgui.ui.wizard import NewVmWizard
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_uuid, pool_xml, write_node
from tests.qt_helpers import run_task

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


def click_toolbar(window: MainWindow, qtbot: QtBot, action: QAction) -> int:
    """Show the window and click ``action``'s toolbar button: one click."""
    window.show()
    qtbot.waitExposed(window)
    button = next(b for b in window.findChildren(QToolButton) if b.defaultAction() is action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return 1


def wait_started_and_shown(
    window: MainWindow, connection: Connection, qtbot: QtBot, name: str
) -> None:
    """Wait until VM ``name`` runs and the window shows its details (the chosen console)."""

    def started() -> bool:
        info = info_of(connection, name)
        return info is not None and info.state.is_active

    qtbot.waitUntil(started, timeout=5000)
    made = info_of(connection, name)
    assert made is not None
    qtbot.waitUntil(lambda: window.details_window(connection.uri, made.uuid) is not None,
                    timeout=5000)


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

    clicks = click_toolbar(window, qtbot, window.new_from_template_action)
    dialog = window.findChild(NewFromTemplateDialog)
    assert dialog is not None and dialog.template_list.currentItem().text() == "base"
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    clicks += 1
    assert clicks <= 3
    wait_started_and_shown(window, connection, qtbot, "base-1")

    select(window, connection, "base")
    window.vm_actions.delete_action.trigger()
    box = accept_box(window, qtbot, "Delete Template")
    assert "base backs the disks of: base-1." in box.text()
    qtbot.waitUntil(lambda: window.findChild(DeleteDialog) is not None, timeout=5000)


def test_the_wizards_first_page_makes_a_vm_from_a_template_in_three_clicks(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot, settings: Settings,
    loop: asyncio.AbstractEventLoop,
) -> None:
    settings.set_console_after_create("details")
    connection = connect(write_node(
        tmp_path / "fleet.xml", FLEET, pool_xml("kvmgui-test-pool", "/pool", ["base.qcow2"])))
    run_task(qtbot, loop, connection.call_domain("make template", domain_uuid("base"),
                                                 make_template))
    qtbot.waitUntil(lambda: getattr(info_of(connection, "base"), "is_template", False),
                    timeout=5000)
    clicks = click_toolbar(window, qtbot, window.new_vm_action)
    wizard = window.findChild(NewVmWizard)
    assert wizard is not None
    page = wizard.source_page
    assert page.template_button.isEnabled()
    qtbot.mouseClick(page.template_button, Qt.MouseButton.LeftButton,
                     pos=QPoint(4, page.template_button.height() // 2))
    clicks += 1
    assert page.template_list.currentItem().text() == "base"
    assert not page.os_box.isVisible()  # the template brings its OS
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.isEnabled() and finish.text() == "Create and Start"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    clicks += 1
    assert clicks <= 3
    wait_started_and_shown(window, connection, qtbot, "base-1")


def test_the_template_choice_is_off_without_templates(
    window: MainWindow, connect: Connect, tmp_path: Path,
) -> None:
    connection = connect(write_node(tmp_path / "fleet.xml", FLEET))
    window.view.setCurrentIndex(window.model.index(0, 0))
    wizard = window.new_vm()
    assert wizard is not None and wizard.connection is connection
    assert not wizard.source_page.template_button.isEnabled()
    assert "Make Template" in wizard.source_page.template_button.toolTip()
    wizard.reject()


def test_a_template_marked_while_the_wizard_is_open_is_offered(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
) -> None:
    connection = connect(write_node(
        tmp_path / "fleet.xml", FLEET, pool_xml("kvmgui-test-pool", "/pool", ["base.qcow2"])))
    window.view.setCurrentIndex(window.model.index(0, 0))
    wizard = window.new_vm()
    assert wizard is not None
    page = wizard.source_page
    assert not page.template_button.isEnabled()
    # As when the wizard opens right after connecting: the mark arrives later.
    run_task(qtbot, loop, connection.call_domain("make template", domain_uuid("base"),
                                                 make_template))
    qtbot.waitUntil(page.template_button.isEnabled, timeout=5000)
    assert page.template_list.currentItem().text() == "base"
    assert not page.template_button.toolTip()
    wizard.reject()
