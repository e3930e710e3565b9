"""Throwaway VMs in the window, on the test driver: run one, its overlay goes when it
stops; overlays left by a crash are offered for removal at start."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import libvirt
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.core.lifecycle import Action
from kvmgui.core.throwaway import VOLUME_PREFIX
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.settings import Settings
from tests.fleet import SHUTOFF, FleetDomain, domain_uuid, pool_xml, write_node
from tests.qt_helpers import run_task

Connect = Callable[[Path], Connection]
POOL = "kvmgui-test-pool"


def volumes(qtbot: QtBot, loop: asyncio.AbstractEventLoop, connection: Connection) -> set[str]:
    def names(conn: libvirt.virConnect) -> set[str]:
        return {vol.name() for vol in conn.storagePoolLookupByName(POOL).listAllVolumes()}

    return run_task(qtbot, loop, connection.call("list volumes", names))


def throwaway_of(connection: Connection) -> DomainInfo | None:
    return next((i for i in connection.domains() if i.labels.metadata.throwaway_id), None)


def test_a_throwaway_runs_and_its_overlay_goes_when_it_stops(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot, settings: Settings,
    loop: asyncio.AbstractEventLoop,
) -> None:
    settings.set_console_after_create("details")
    connection = connect(write_node(tmp_path / "fleet.xml", [
        FleetDomain("base", SHUTOFF, disk="/pool/base.qcow2")], pool_xml(POOL, "/pool", [
            "base.qcow2"])))
    index = window.model.domain_index(connection, domain_uuid("base"))
    window.view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    assert window.vm_actions.throwaway_action.isEnabled()
    window.vm_actions.throwaway_action.trigger()
    qtbot.waitUntil(lambda: throwaway_of(connection) is not None, timeout=5000)
    info = throwaway_of(connection)
    assert info is not None and info.state.is_active and not info.persistent
    overlay = f"{VOLUME_PREFIX}{info.labels.metadata.throwaway_id}.qcow2"
    assert overlay in volumes(qtbot, loop, connection)
    details = window.details_window(connection.uri, info.uuid)
    assert details is not None  # opened as after a create

    details.vm_actions.lifecycle[Action.FORCE_OFF].trigger()
    qtbot.waitUntil(lambda: throwaway_of(connection) is None, timeout=5000)
    qtbot.waitUntil(lambda: overlay not in volumes(qtbot, loop, connection), timeout=5000)
    assert volumes(qtbot, loop, connection) == {"base.qcow2"}


def test_leftovers_are_offered_for_removal_at_start(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
) -> None:
    leftover = f"{VOLUME_PREFIX}0badf00d.qcow2"
    connection = connect(write_node(tmp_path / "fleet.xml", [], pool_xml(
        POOL, "/pool", ["base.qcow2", leftover])))
    qtbot.waitUntil(lambda: "left overlays behind" in window.message_bar.text, timeout=5000)
    assert f"/pool/{leftover}" in window.message_bar.text
    button = next(b for b in window.message_bar.findChildren(QPushButton)
                  if b.text() == "Remove Them")
    button.click()
    qtbot.waitUntil(lambda: volumes(qtbot, loop, connection) == {"base.qcow2"}, timeout=5000)
