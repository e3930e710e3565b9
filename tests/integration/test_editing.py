"""Editing a VM on the real qemu:///system: what libvirt refuses leaves it as it was."""

from __future__ import annotations

import subprocess

from pytestqt.qtbot import QtBot

from kvmgui.core.domain import DomainState
from kvmgui.ui.mainwindow import MainWindow
from tests.details_driver import apply_xml_and_confirm, edit_xml
from tests.integration.conftest import GuestFactory
from tests.qt_helpers import open_connection, wait_for_state
from tests.system import SYSTEM_URI


def dumpxml(name: str) -> str:
    return subprocess.run(
        ["virsh", "-c", SYSTEM_URI, "dumpxml", "--inactive", "--security-info", name],
        check=True, capture_output=True, text=True,
    ).stdout


def test_invalid_xml_shows_libvirts_message_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory,
) -> None:
    dom = guests.define("xml-edit", with_disk=False)
    name, uuid = dom.name(), dom.UUIDString()
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.SHUTOFF)
    info = connection.domain(uuid)
    assert info is not None
    details = window.open_details(connection, info)
    tab = details.xml_tab
    details.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: f"<name>{name}</name>" in tab.editor.toPlainText(), timeout=10000)
    before = dumpxml(name)

    mine = edit_xml(tab, "</devices>", "  <bogus-device/>\n  </devices>")
    diff = apply_xml_and_confirm(tab, qtbot)
    assert "+    <bogus-device/>" in diff.splitlines()
    assert tab.status.kind == "error" and tab.status.isVisibleTo(tab)
    assert "failed to validate against schema" in tab.status.text()
    assert tab.editor.toPlainText() == mine
    assert dumpxml(name) == before
