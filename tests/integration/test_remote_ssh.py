"""kvmgui against a remote host for real: qemu+libssh2 to a local sshd started by the test.

The "remote" host is this machine's qemu:///system reached through SSH on a
loopback port, so the guests are the integration tests' own tiny guests.
libvirt's questions (the unknown host key, the key's passphrase) are answered
in kvmgui's credential dialogs.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import libvirt
import pytest
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection, ConnectionState
from kvmgui.core.domain import DomainInfo, DomainState
from kvmgui.core.stats.reading import sample
from kvmgui.ui.app import App
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.credential_dialog import CredentialDialog
from kvmgui.ui.credentials import CredentialAsker
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.settings import Settings
from tests.integration.conftest import BOOT_TIMEOUT, GuestFactory, SerialWatch
from tests.integration.guests import NETWORK_NAME, POOL_NAME
from tests.integration.sshd import SSHD, LocalSshd
from tests.integration.test_wizard import CREATE_TIMEOUT_MS, WIZARD_PREFIX, wizard_cleanup
from tests.integration.wizard_driver import FirstVm, WizardDriver
from tests.qt_helpers import open_connection, run_task, wait_for_state

__all__ = ["wizard_cleanup"]  # a fixture of the wizard's tests, used here too
pytestmark = pytest.mark.skipif(not Path(SSHD).exists(),
                                reason="openssh-server is not installed")


class Answers:
    """Answers kvmgui's credential dialogs as a user would, and keeps the questions."""

    def __init__(self, asker: CredentialAsker, passphrase: str | None = "") -> None:
        self.passphrase = passphrase  # None: the user cancels when asked for it
        self.prompts: list[str] = []
        asker.dialog_opened.connect(self.on_dialog)

    def on_dialog(self, dialog: CredentialDialog) -> None:
        for request, field in zip(dialog.requests, dialog.fields, strict=True):
            self.prompts.append(request.prompt)
            assert field.accessibleName() == request.prompt
            if not request.yes_no and self.passphrase is None:
                dialog.reject()
                return
            field.setText("y" if request.yes_no else self.passphrase or "")
        dialog.accept()


@pytest.fixture
def remote(
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> Iterator[tuple[ConnectionManager, CredentialAsker]]:
    asker = CredentialAsker(loop)
    manager = ConnectionManager(loop, reconcile_interval=None, ask_for=asker.asker_for)
    yield manager, asker
    asker.close()
    task = loop.create_task(manager.close_all())
    qtbot.waitUntil(task.done, timeout=20000)


PASSPHRASE = "kvmgui-test-passphrase"


def _started(server: LocalSshd) -> Iterator[LocalSshd]:
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[LocalSshd]:
    yield from _started(LocalSshd(tmp_path))


@pytest.fixture
def sshd_with_passphrase(tmp_path: Path) -> Iterator[LocalSshd]:
    """An sshd whose authorized key is protected by PASSPHRASE."""
    yield from _started(LocalSshd(tmp_path, passphrase=PASSPHRASE))


def _domain(connection: Connection, qtbot: QtBot, loop: asyncio.AbstractEventLoop,
            uuid: str) -> libvirt.virDomain:
    return run_task(qtbot, loop, connection.call(
        "look up", lambda conn: conn.lookupByUUIDString(uuid)))


def test_list_start_serial_and_stats_over_ssh(
    remote: tuple[ConnectionManager, CredentialAsker], sshd: LocalSshd, guests: GuestFactory,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch],
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    manager, asker = remote
    answers = Answers(asker)
    dom = guests.define("remote")
    uuid = dom.UUIDString()
    connection = open_connection(manager, qtbot, sshd.uri, timeout=30000)
    assert any("Accept SSH host key" in prompt for prompt in answers.prompts)
    assert connection.domain(uuid) is not None  # listed over SSH

    run_task(qtbot, loop, connection.call_domain("Start", uuid, lambda d: d.create()))
    wait_for_state(qtbot, manager, connection, uuid, DomainState.RUNNING, timeout=30000)
    serial = watch_serial(_domain(connection, qtbot, loop, uuid))
    run_task(qtbot, loop, serial.ready_ip(), timeout=int(BOOT_TIMEOUT * 1000) + 30000)
    counters = run_task(qtbot, loop, connection.call("Read statistics", sample))
    assert counters.domains[uuid].cpu_time_ns
    assert counters.domains[uuid].state == libvirt.VIR_DOMAIN_RUNNING


def test_a_passphrase_is_asked_in_a_dialog(
    remote: tuple[ConnectionManager, CredentialAsker], sshd_with_passphrase: LocalSshd,
    qtbot: QtBot,
) -> None:
    manager, asker = remote
    answers = Answers(asker, passphrase=PASSPHRASE)
    connection = open_connection(manager, qtbot, sshd_with_passphrase.uri, timeout=30000)
    assert connection.state is ConnectionState.CONNECTED
    assert any(prompt.startswith("Passphrase") for prompt in answers.prompts)


def test_a_cancelled_passphrase_leaves_the_connection_failed(
    remote: tuple[ConnectionManager, CredentialAsker], sshd_with_passphrase: LocalSshd,
    qtbot: QtBot,
) -> None:
    manager, asker = remote
    answers = Answers(asker, passphrase=None)
    with qtbot.waitSignal(manager.connection_state_changed, timeout=30000,
                          check_params_cb=lambda c: c.state is ConnectionState.FAILED):
        connection = manager.add(sshd_with_passphrase.uri)
    assert any(prompt.startswith("Passphrase") for prompt in answers.prompts)
    assert connection.error


def test_the_connection_is_lost_with_sshd_and_comes_back_with_it(
    remote: tuple[ConnectionManager, CredentialAsker], sshd: LocalSshd, qtbot: QtBot,
) -> None:
    manager, asker = remote
    answers = Answers(asker)  # kept: PySide holds no reference to a plain object's slot
    connection = open_connection(manager, qtbot, sshd.uri, timeout=30000)
    assert answers.prompts
    with qtbot.waitSignal(manager.connection_state_changed, timeout=60000,
                          check_params_cb=lambda c: c.state is ConnectionState.LOST):
        sshd.stop()
    with qtbot.waitSignal(manager.connection_state_changed, timeout=90000,
                          check_params_cb=lambda c: c.state is ConnectionState.CONNECTED):
        sshd.start()
    assert connection.state is ConnectionState.CONNECTED


def test_a_vm_from_an_iso_in_a_pool_of_the_remote_side(
    sshd: LocalSshd, tiny_guest_iso: Path, wizard_cleanup: None,
    system: libvirt.virConnect, settings: Settings,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch],
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    """The New VM wizard on the SSH connection: the ISO is a volume of the remote test pool.
    The app is built as the entry point builds it: its own credential dialogs."""
    app = App(loop, settings)
    try:
        _create_remote_vm(app, sshd, tiny_guest_iso, system, watch_serial, loop, qtbot)
    finally:
        app.stop()
        task = loop.create_task(app.manager.close_all())
        qtbot.waitUntil(task.done, timeout=20000)


def _create_remote_vm(
    app: App, sshd: LocalSshd, iso: Path, system: libvirt.virConnect,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch],
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    window = MainWindow(app, remember_connections=False)
    qtbot.addWidget(window)
    window.show()
    app.settings.set_console_after_create("details")
    answers = Answers(app.credentials)
    app.manager.add(sshd.uri)
    qtbot.waitUntil(lambda: app.manager.connections()[0].state is ConnectionState.CONNECTED,
                    timeout=30000)
    assert answers.prompts
    driver = WizardDriver()
    wizard = driver.open_wizard(window)
    assert wizard.connection.uri == sshd.uri
    qtbot.waitUntil(lambda: wizard.facts is not None, timeout=30000)
    assert wizard.facts is not None and wizard.facts.remote
    vm = FirstVm(f"{WIZARD_PREFIX}-remote", str(iso), POOL_NAME, NETWORK_NAME)
    run_task(qtbot, loop, driver.first_vm_from_iso(wizard, vm), timeout=60000)
    with qtbot.waitSignal(wizard.vm_created, timeout=CREATE_TIMEOUT_MS) as created:
        driver.finish(wizard)
    info = created.args[1]
    assert isinstance(info, DomainInfo)
    dom = system.lookupByUUIDString(info.uuid)
    serial = watch_serial(dom)
    run_task(qtbot, loop, serial.ready_ip(), timeout=int(BOOT_TIMEOUT * 1000) + 30000)
