"""Open SSH Terminal into the tiny guest (dropbear) over the isolated test network."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Callable
from pathlib import Path

import libvirt
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kvmgui.core.domain import DomainState
from kvmgui.ui.console.ssh_window import SshWindow
from kvmgui.ui.mainwindow import MainWindow
from tests.integration.conftest import BOOT_TIMEOUT, GuestFactory, SerialWatch
from tests.integration.guests import SUBNET_PREFIX
from tests.integration.test_lifecycle import select_domain
from tests.qt_helpers import open_connection, run_task, wait_for_state
from tests.system import SYSTEM_URI

PROMPT = "tiny-guest#"


def test_open_ssh_terminal_reaches_a_shell_in_the_guest(
    window: MainWindow, guests: GuestFactory, qtbot: QtBot, tmp_path: Path,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch], loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    dom = guests.define("ssh", with_disk=False)
    dom.create()
    ip = run_task(qtbot, loop, watch_serial(dom).leased_ip(), timeout=int(BOOT_TIMEOUT * 1000))
    assert ip.startswith(SUBNET_PREFIX)  # the isolated network this run made
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    wait_for_state(qtbot, window.manager, connection, dom.UUIDString(), DomainState.RUNNING)
    select_domain(window, connection, dom.UUIDString())

    with qtbot.waitSignal(window.vm_actions.ssh_window_opened, timeout=10000) as blocker:
        window.vm_actions.open_ssh_action.trigger()
    ssh: SshWindow = blocker.args[0]
    try:
        terminal = ssh.terminal
        qtbot.waitUntil(lambda: PROMPT in terminal.screen_text(), timeout=30000)
        qtbot.keyClicks(terminal, "echo kvmgui-$((6*7))")
        qtbot.keyClick(terminal, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "kvmgui-42" in terminal.screen_text(), timeout=10000)
        known_hosts = tmp_path / "kvmgui" / "known_hosts" / dom.UUIDString()
        # The guest's key went to its own file (hashed or not, as ssh_config says).
        found = subprocess.run(["ssh-keygen", "-F", ip, "-f", str(known_hosts)],
                               capture_output=True, text=True)
        assert found.returncode == 0 and "ssh-" in found.stdout
    finally:
        ssh.close()
