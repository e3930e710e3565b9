"""Copy SSH Command on the test driver, and the pty terminal window with a local shell
(a unit test talks to no guest: the real SSH round trip is an integration test)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.ui.console.ssh_window import SshWindow
from kvmgui.ui.mainwindow import MainWindow
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_uuid, write_node

Connect = Callable[[Path], Connection]
NETWORK = """<network><name>default</name><bridge name='virbr0'/>
<ip address='192.168.122.1' netmask='255.255.255.0'/></network>"""


def test_copy_ssh_command_uses_the_address_and_the_vms_known_hosts(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    connection = connect(write_node(tmp_path / "fleet.xml", [
        FleetDomain("web", RUNNING, mac="52:54:00:00:00:01"), FleetDomain("off", SHUTOFF),
    ], NETWORK))
    selection = window.view.selectionModel()
    for name, enabled in (("off", False), ("web", True)):
        selection.select(
            window.model.domain_index(connection, domain_uuid(name)),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        assert window.vm_actions.copy_ssh_action.isEnabled() is enabled
        assert window.vm_actions.open_ssh_action.isEnabled() is enabled
    with qtbot.waitSignal(window.vm_actions.said, timeout=5000):
        window.vm_actions.copy_ssh_action.trigger()
    known = tmp_path / "data" / "kvmgui" / "known_hosts" / domain_uuid("web")
    assert QGuiApplication.clipboard().text() == (
        f"ssh -o UserKnownHostsFile={known} -o StrictHostKeyChecking=accept-new "
        "root@192.168.122.2"
    )
    assert window.statusBar().currentMessage().startswith("Copied: ssh ")


def test_the_terminal_window_runs_a_command_on_a_pty(qtbot: QtBot, tmp_path: Path) -> None:
    script = "stty size; read line; echo got-$line; exit 3"
    window = SshWindow("SSH: test", ["sh", "-c", script], str(tmp_path / "known"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "24 80" in window.terminal.screen_text(), timeout=5000)
    with qtbot.waitSignal(window.session.finished, timeout=5000) as blocker:
        qtbot.keyClicks(window.terminal, "hello")
        qtbot.keyClick(window.terminal, Qt.Key.Key_Return)
    assert blocker.args == [3]
    assert "got-hello" in window.terminal.screen_text()
    assert window.statusBar().currentMessage() == "The SSH session ended (exit status 3)."


def test_a_changed_host_key_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    warning = "@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @"
    window = SshWindow("SSH: test", ["sh", "-c", f"echo '{warning}'; exit 255"],
                       str(tmp_path / "known"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "host key changed" in window.statusBar().currentMessage(),
                    timeout=5000)
    assert str(tmp_path / "known") in window.statusBar().currentMessage()
