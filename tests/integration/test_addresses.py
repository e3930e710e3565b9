"""The guest's address as kvmgui reads it, on a real qemu:///system with the tiny guest."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Callable

import libvirt
from pytestqt.qtbot import QtBot

from kvmgui.core.addresses import AddressSource, primary_address, read_addresses
from tests.integration.conftest import BOOT_TIMEOUT, GuestFactory, SerialWatch
from tests.qt_helpers import run_task

BOOT_MS = int(BOOT_TIMEOUT * 1000)


def test_the_address_shown_is_the_guests_own_and_its_lease(
    guests: GuestFactory, watch_serial: Callable[[libvirt.virDomain], SerialWatch],
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    dom = guests.define("address", with_disk=False)
    dom.create()
    ready_ip = run_task(qtbot, loop, watch_serial(dom).leased_ip(), timeout=BOOT_MS)

    addresses = read_addresses(dom)

    assert primary_address(addresses) == ready_ip
    first = addresses[0]
    assert AddressSource.LEASE in first.sources
    assert first.text.startswith(f"{ready_ip} (lease")
    virsh = subprocess.run(
        ["virsh", "-c", "qemu:///system", "domifaddr", dom.name(), "--source", "lease"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert f" {ready_ip}/{first.prefix}" in virsh
    dom.destroy()
    assert read_addresses(dom) == ()
