"""A throwaway VM on a real qemu:///system: it boots, shuts down, and leaves nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import libvirt
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.throwaway import VOLUME_PREFIX
from kvmgui.ui.mainwindow import MainWindow
from tests.integration.conftest import BOOT_TIMEOUT, GuestFactory, SerialWatch
from tests.integration.test_lifecycle import SHUTDOWN_TIMEOUT_MS, select_domain
from tests.qt_helpers import open_connection, run_task
from tests.system import SYSTEM_URI

# An overlay and a start: seconds when idle, much more when the host is busy.
STARTED_MS = 90000


def test_a_throwaway_boots_shuts_down_and_leaves_no_domain_or_overlay(
    window: MainWindow, guests: GuestFactory, qtbot: QtBot,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch], loop: asyncio.AbstractEventLoop,
) -> None:
    window.settings.set_console_after_create("details")
    template = guests.define("throwaway-base")
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    select_domain(window, connection, template.UUIDString())
    prefix = f"{template.name()}-throwaway-"
    try:
        run_throwaway_and_check(window, guests, qtbot, watch_serial, loop, connection, prefix)
    finally:
        # A throwaway that started late (a slow host) is not left running.
        for dom in guests.system.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE):
            if dom.name().startswith(prefix):
                dom.destroy()


def run_throwaway_and_check(
    window: MainWindow, guests: GuestFactory, qtbot: QtBot,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch], loop: asyncio.AbstractEventLoop,
    connection: Connection, prefix: str,
) -> None:
    window.vm_actions.throwaway_action.trigger()

    def started() -> str:
        return next((info.uuid for info in connection.domains()
                     if info.name.startswith(prefix)), "")

    qtbot.waitUntil(lambda: bool(started()), timeout=STARTED_MS)
    dom = guests.system.lookupByUUIDString(started())
    name = dom.name()
    throwaway_id = name.rsplit("-", 1)[1]
    overlays = [vol.name() for vol in guests.pool.listAllVolumes()
                if vol.name().startswith(f"{VOLUME_PREFIX}{throwaway_id}")]
    assert overlays == [f"{VOLUME_PREFIX}{throwaway_id}.qcow2"]
    assert not dom.isPersistent()
    run_task(qtbot, loop, watch_serial(dom).leased_ip(), timeout=int(BOOT_TIMEOUT * 1000))

    dom.shutdown()  # ACPI: the guest powers off, the transient domain vanishes

    qtbot.waitUntil(lambda: not started(), timeout=SHUTDOWN_TIMEOUT_MS)

    def overlay_gone() -> bool:
        guests.pool.refresh(0)
        return not any(vol.name().startswith(f"{VOLUME_PREFIX}{throwaway_id}")
                       for vol in guests.pool.listAllVolumes())

    qtbot.waitUntil(overlay_gone, timeout=10000)
    assert name not in {d.name() for d in guests.system.listAllDomains()}
