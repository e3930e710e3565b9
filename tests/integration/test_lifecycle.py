"""The main window on a real qemu:///system with real tiny TCG guests."""

from __future__ import annotations

import asyncio
import os
import select
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import libvirt
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection, ConnectionState
from kvmgui.core.domain import DomainState
from kvmgui.core.lifecycle import Action
from kvmgui.ui.delete_dialog import DeleteDialog
from kvmgui.ui.mainwindow import MainWindow
from tests.integration.conftest import (
    REPO,
    GuestFactory,
    SerialWatch,
)
from tests.integration.guests import PREFIX, SUBNET_PREFIX
from tests.qt_helpers import open_connection, run_task, wait_for_state
from tests.system import SYSTEM_URI, libvirtd_started_by_this_project

# An ACPI shutdown reaches busybox's acpid in a second or two once booted.
SHUTDOWN_TIMEOUT_MS = 60000
STATE_TIMEOUT_MS = 30000


def select_domain(window: MainWindow, connection: Connection, uuid: str) -> None:
    index = window.model.domain_index(connection, uuid)
    assert index.isValid()
    selection = window.view.selectionModel()
    selection.clearSelection()
    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
    selection.select(
        index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )


def act(window: MainWindow, connection: Connection, uuid: str, action: Action,
        expected: DomainState, qtbot: QtBot, timeout: int = STATE_TIMEOUT_MS) -> None:
    select_domain(window, connection, uuid)
    assert window.vm_actions.lifecycle[action].isEnabled()
    window.vm_actions.lifecycle[action].trigger()
    wait_for_state(qtbot, window.manager, connection, uuid, expected, timeout)
    assert window.model.domain_index(connection, uuid).isValid()


def virsh(*args: str) -> None:
    subprocess.run(["virsh", "-c", SYSTEM_URI, *args], check=True, capture_output=True,
                   timeout=60)


def delete_from_window(
    window: MainWindow, connection: Connection, uuid: str, tick_disk: bool, qtbot: QtBot
) -> None:
    select_domain(window, connection, uuid)
    window.vm_actions.delete_action.trigger()
    dialog = window.findChildren(DeleteDialog)[-1]
    if not dialog.delete_button.isEnabled():
        qtbot.waitSignal(window.ops.finished, timeout=STATE_TIMEOUT_MS).wait()
    vm_item = dialog._vm_items[uuid]
    assert vm_item.childCount() == 2  # the ISO (outside any pool) and the volume
    for row in range(vm_item.childCount()):
        item = vm_item.child(row)
        assert item is not None
        if item.text(2).endswith(".qcow2") and tick_disk:
            item.setCheckState(0, Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.deletion_chosen, timeout=STATE_TIMEOUT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_for_state(qtbot, window.manager, connection, uuid, None)
    # The domain goes first, then the storage ticked, in the same op.
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=STATE_TIMEOUT_MS)


def test_full_lifecycle_of_a_real_guest(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory, system: libvirt.virConnect,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch], loop: asyncio.AbstractEventLoop,
) -> None:
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    # Defined outside the app: the model learns it from the lifecycle event
    # (the manager runs no periodic reconcile).
    dom = guests.define("life")
    uuid = dom.UUIDString()
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.SHUTOFF)

    act(window, connection, uuid, Action.START, DomainState.RUNNING, qtbot)
    serial = watch_serial(dom)
    ip = run_task(qtbot, loop, serial.ready_ip(), timeout=120000)
    assert ip.startswith(SUBNET_PREFIX)

    act(window, connection, uuid, Action.PAUSE, DomainState.PAUSED, qtbot)
    assert system.lookupByUUIDString(uuid).state()[0] == libvirt.VIR_DOMAIN_PAUSED
    act(window, connection, uuid, Action.RESUME, DomainState.RUNNING, qtbot)
    act(window, connection, uuid, Action.SHUTDOWN, DomainState.SHUTOFF, qtbot,
        timeout=SHUTDOWN_TIMEOUT_MS)
    assert connection.domain(uuid) is not None
    assert connection.domain(uuid).state_text == "Shut off (shut down)"  # type: ignore[union-attr]

    act(window, connection, uuid, Action.START, DomainState.RUNNING, qtbot)
    act(window, connection, uuid, Action.FORCE_OFF, DomainState.SHUTOFF, qtbot)
    assert connection.domain(uuid).state_text == "Shut off (forced off)"  # type: ignore[union-attr]

    # Delete without ticking the disk: the definition goes, the volume stays.
    volume_path = guests.pool.storageVolLookupByName(f"{PREFIX}life.qcow2").path()
    delete_from_window(window, connection, uuid, tick_disk=False, qtbot=qtbot)
    with pytest.raises(libvirt.libvirtError):
        system.lookupByUUIDString(uuid)
    assert Path(volume_path).exists()
    guests.pool.refresh()
    assert guests.pool.storageVolLookupByName(f"{PREFIX}life.qcow2").path() == volume_path


def test_delete_with_the_disk_ticked_removes_only_that_domain_and_volume(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory, system: libvirt.virConnect,
) -> None:
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    doomed = guests.define("doomed")
    kept = guests.define("kept")
    wait_for_state(qtbot, window.manager, connection, kept.UUIDString(), DomainState.SHUTOFF)
    act(window, connection, doomed.UUIDString(), Action.START, DomainState.RUNNING, qtbot)
    volume_path = guests.pool.storageVolLookupByName(f"{PREFIX}doomed.qcow2").path()
    delete_from_window(window, connection, doomed.UUIDString(), tick_disk=True, qtbot=qtbot)
    assert not Path(volume_path).exists()
    assert system.lookupByName(f"{PREFIX}kept").UUIDString() == kept.UUIDString()
    assert guests.pool.storageVolLookupByName(f"{PREFIX}kept.qcow2") is not None
    assert connection.domain(kept.UUIDString()) is not None


def test_changes_made_with_virsh_show_from_events(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory,
) -> None:
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    dom = guests.define("outside", with_disk=False)
    uuid = dom.UUIDString()
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.SHUTOFF)
    virsh("start", f"{PREFIX}outside")
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.RUNNING)
    assert window.model.domain_index(connection, uuid).isValid()
    virsh("destroy", f"{PREFIX}outside")
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.SHUTOFF)
    virsh("undefine", f"{PREFIX}outside")
    wait_for_state(qtbot, window.manager, connection, uuid, None)
    assert not window.model.domain_index(connection, uuid).isValid()


def test_connection_comes_back_after_the_daemon_restarts(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory,
) -> None:
    pid = libvirtd_started_by_this_project()
    if pid is None:
        pytest.skip("the libvirtd running was not started by this project's scripts")
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    running = guests.define("survivor", with_disk=False)
    uuid = running.UUIDString()
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.SHUTOFF)
    act(window, connection, uuid, Action.START, DomainState.RUNNING, qtbot)

    daemon = os.pidfd_open(pid)
    with qtbot.waitSignal(
        window.manager.connection_state_changed,
        check_params_cb=lambda c: c is connection and c.state is ConnectionState.LOST,
        timeout=STATE_TIMEOUT_MS,
    ):
        os.kill(pid, signal.SIGTERM)
    assert "lost" in window.message_bar.text
    # libvirtd takes a moment to stop; a pidfd turns readable when it has.
    ready, _, _ = select.select([daemon], [], [], 60)
    os.close(daemon)
    assert ready, "libvirtd did not stop within 60 s of SIGTERM"
    # While the daemon is away, a domain is defined behind the app's back.
    with qtbot.waitSignal(
        window.manager.connection_state_changed,
        check_params_cb=lambda c: c is connection and c.state is ConnectionState.CONNECTED,
        timeout=90000,
    ):
        subprocess.run(["bash", str(REPO / "scripts/ensure-libvirtd.sh")], check=True,
                       timeout=60)
        late = guests.define("late", with_disk=False)
    # The reconnect's listing is the truth again: both domains, right states.
    assert connection.domain(uuid) is not None
    assert connection.domain(uuid).state is DomainState.RUNNING  # type: ignore[union-attr]
    late_uuid = late.UUIDString()
    if connection.domain(late_uuid) is None:
        wait_for_state(qtbot, window.manager, connection, late_uuid, DomainState.SHUTOFF)
    assert window.model.domain_index(connection, late_uuid).isValid()
    assert window.model.domain_index(connection, uuid).isValid()
