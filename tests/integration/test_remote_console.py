"""The graphical console of a VM on a remote host, for real: qemu+libssh2 to a local sshd.

The "remote" host is this machine's qemu:///system reached through the test's
sshd on a loopback port (tests/integration/sshd.py). The guest's SPICE display
listens on 127.0.0.1, as the wizard makes it for a remote VM, so only a tunnel
reaches it from another machine. Here the display is also reachable directly,
so the test proves the route: QEMU's SPICE client must be a session of the
test's sshd, not the viewer itself.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest
from PySide6.QtCore import QProcessEnvironment
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection, ConnectionState
from kvmgui.core.domain import DomainInfo, DomainState
from kvmgui.core.xml.model import Domain
from kvmgui.ui.app import App
from kvmgui.ui.settings import Settings
from tests.integration.conftest import GuestFactory
from tests.integration.sshd import SSHD, LocalSshd
from tests.integration.test_consoles import xvfb_display
from tests.integration.test_remote_ssh import Answers, sshd
from tests.qt_helpers import run_task, wait_for_state

__all__ = ["sshd", "xvfb_display"]  # fixtures of other modules, used here too
pytestmark = pytest.mark.skipif(not Path(SSHD).exists(),
                                reason="openssh-server is not installed")

CONNECT_MS = 30000
VIEWER_MS = 60000


@pytest.fixture
def app(loop: asyncio.AbstractEventLoop, settings: Settings, qtbot: QtBot) -> Iterator[App]:
    """The app as the entry point builds it: its own credential dialogs and viewer launcher."""
    app = App(loop, settings)
    yield app
    app.viewer_launcher.close_all()
    app.stop()
    task = loop.create_task(app.manager.close_all())
    qtbot.waitUntil(task.done, timeout=20000)


def guest_on_loopback(guests: GuestFactory, suffix: str, display: str) -> libvirt.virDomain:
    """A tiny guest whose display listens on 127.0.0.1, as the wizard makes a remote VM's
    (SPICE there; the tiny guest's own is VNC)."""
    dom = guests.define(suffix, with_disk=False)
    model = Domain.from_xml(dom.XMLDesc(0))
    [graphics] = model.graphics
    assert graphics.listen_address == "127.0.0.1"
    graphics.type = display
    return guests.system.defineXML(model.to_xml())


def display_clients(dom: libvirt.virDomain) -> list[int]:
    """The ports of the loopback connections QEMU's display server has from clients."""
    [graphics] = Domain.from_xml(dom.XMLDesc(0)).graphics
    report = subprocess.run(
        ["virsh", "-c", "qemu:///system", "qemu-monitor-command", "--hmp", dom.name(),
         f"info {graphics.type}"], capture_output=True, text=True, check=True).stdout
    if graphics.type == "spice":  # one connection per channel, after the server's lines
        clients = re.findall(r"address: 127\.0\.0\.1:(\d+)", report.partition("Channel")[2])
    else:
        clients = re.findall(r"Client: 127\.0\.0\.1:(\d+)", report)
    return [int(port) for port in clients]


def owners_of(port: int) -> set[int]:
    """The processes holding the loopback TCP socket whose local port is ``port``."""
    listing = subprocess.run(["ss", "-Htnp", "src", f"127.0.0.1:{port}"],
                             capture_output=True, text=True, check=True).stdout
    return {int(pid) for pid in re.findall(r"pid=(\d+)", listing)}


def alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def display_port(dom: libvirt.virDomain) -> int:
    [graphics] = Domain.from_xml(dom.XMLDesc(0)).graphics
    assert graphics.port is not None
    return graphics.port


def running_remote_guest(
    app: App, sshd: LocalSshd, guests: GuestFactory, suffix: str, display: str,
    xvfb_display: str, loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> tuple[Connection, DomainInfo, libvirt.virDomain]:
    """A guest with its display on loopback, started over the SSH connection (host key accepted in
    kvmgui's dialog), and the app's viewers pointed at the test's X server."""
    dom = guest_on_loopback(guests, suffix, display)
    uuid = dom.UUIDString()
    answers = Answers(app.credentials)
    connection = app.manager.add(sshd.uri)
    qtbot.waitUntil(lambda: connection.state is ConnectionState.CONNECTED, timeout=CONNECT_MS)
    assert any("Accept SSH host key" in prompt for prompt in answers.prompts)
    run_task(qtbot, loop, connection.call_domain("Start", uuid, lambda d: d.create()))
    wait_for_state(qtbot, app.manager, connection, uuid, DomainState.RUNNING, timeout=CONNECT_MS)
    environment = QProcessEnvironment.systemEnvironment()
    environment.insert("DISPLAY", xvfb_display)
    app.viewer_launcher.environment = environment
    info = connection.domain(uuid)
    assert info is not None
    return connection, info, dom


@pytest.mark.parametrize("display", ["spice", "vnc"])
def test_the_console_of_a_remote_vm_goes_through_an_ssh_tunnel(
    app: App, sshd: LocalSshd, guests: GuestFactory, display: str, xvfb_display: str,
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    connection, info, dom = running_remote_guest(
        app, sshd, guests, f"remote-{display}", display, xvfb_display, loop, qtbot)
    uuid = info.uuid
    assert display_clients(dom) == []
    sessions_before = set(sshd.sessions())  # the libvirt connection's own session
    launcher = app.viewer_launcher
    failures: list[str] = []
    launcher.failed.connect(failures.append)
    with qtbot.waitSignal(launcher.viewer_started, timeout=VIEWER_MS):
        launcher.open(connection, info)
    viewer = launcher.viewer(sshd.uri, uuid)
    tunnel = launcher.tunnel(sshd.uri, uuid)
    assert viewer is not None and tunnel is not None, failures
    assert viewer.program().endswith("remote-viewer")
    # The forward ends on a socket in a private directory (and for VNC a loopback port too).
    target = f"127.0.0.1:{display_port(dom)}"
    *port_forward, socket_forward = [
        argument.removesuffix(f":{target}") for argument in tunnel.arguments()
        if argument.endswith(f":{target}")
    ]
    assert tunnel.arguments()[-2:] == ["--", "127.0.0.1"]
    assert os.stat(Path(socket_forward).parent).st_mode & 0o077 == 0  # this user's alone
    if display == "spice":
        assert port_forward == []
        assert viewer.arguments()[-1] == f"spice+unix://{socket_forward}"
    else:
        assert port_forward == [viewer.arguments()[-1].removeprefix("vnc://")]
        assert port_forward[0].startswith("127.0.0.1:")

    # QEMU has a client, and each of its connections comes from a new sshd session.
    qtbot.waitUntil(lambda: len(display_clients(dom)) > 0, timeout=VIEWER_MS)
    assert not failures
    tunnel_sessions = set(sshd.sessions()) - sessions_before
    assert tunnel_sessions
    for port in display_clients(dom):
        owners = owners_of(port)
        assert owners, port
        assert owners <= tunnel_sessions, (port, owners, tunnel_sessions)

    # The user closes the viewer: its tunnel and the tunnel's sshd session end with it.
    viewer_pid, tunnel_pid = viewer.processId(), tunnel.processId()
    os.kill(viewer_pid, signal.SIGTERM)
    qtbot.waitUntil(lambda: launcher.viewer(sshd.uri, uuid) is None, timeout=VIEWER_MS)
    assert launcher.tunnel(sshd.uri, uuid) is None
    assert not alive(viewer_pid) and not alive(tunnel_pid)
    assert not Path(socket_forward).parent.exists()
    qtbot.waitUntil(lambda: not set(sshd.sessions()) - sessions_before, timeout=VIEWER_MS)
    qtbot.waitUntil(lambda: display_clients(dom) == [], timeout=VIEWER_MS)
    assert connection.state is ConnectionState.CONNECTED


def test_an_unknown_host_key_stops_the_tunnel_before_any_viewer(
    app: App, sshd: LocalSshd, guests: GuestFactory, xvfb_display: str,
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    """ssh never accepts a host key itself: a known_hosts that lost it means no console."""
    connection, info, dom = running_remote_guest(
        app, sshd, guests, "remote-unknown-key", "spice", xvfb_display, loop, qtbot)
    uuid = info.uuid
    sshd.known_hosts.write_text("")  # as if the host's key were not known
    launcher = app.viewer_launcher
    with qtbot.waitSignal(launcher.failed, timeout=VIEWER_MS) as failed:
        launcher.open(connection, info)
    assert "Host key verification failed" in failed.args[0]
    assert launcher.viewer(sshd.uri, uuid) is None
    assert launcher.tunnel(sshd.uri, uuid) is None
    assert display_clients(dom) == []
