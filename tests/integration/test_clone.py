"""Linked clones of a template on a real qemu:///system with the tiny guest."""

from __future__ import annotations

import asyncio
import hashlib
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import libvirt
from pytestqt.qtbot import QtBot

from kvmgui.core.clone import CloneMode, CloneRequest, clone_names, clone_vms
from kvmgui.core.metadata import read_metadata
from kvmgui.core.templates import make_template
from kvmgui.core.xml.model import Domain
from tests.integration.conftest import BOOT_TIMEOUT, GuestFactory, SerialWatch
from tests.integration.guests import PREFIX, SUBNET_PREFIX
from tests.qt_helpers import run_task

BOOT_MS = int(BOOT_TIMEOUT * 1000) * 2  # three TCG guests boot at once on two cores


def _sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _chain(path: str) -> list[dict[str, object]]:
    out = subprocess.run(
        ["qemu-img", "info", "--force-share", "--backing-chain", "--output=json", path],
        capture_output=True, text=True, check=True,
    ).stdout
    chain = json.loads(out)
    assert isinstance(chain, list)
    return chain


def test_three_linked_clones_of_a_template_boot_and_leave_it_unchanged(
    guests: GuestFactory, watch_serial: Callable[[libvirt.virDomain], SerialWatch],
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    template = guests.define("template")
    template_disk = Domain.from_xml(template.XMLDesc(0)).disks[1].source_file
    assert template_disk is not None
    make_template(template)
    assert read_metadata(template).template
    before = _sha256(template_disk)
    names = clone_names(f"{PREFIX}web-{{n}}", 3)
    guests.made.extend(names)  # removed at the end, whatever happens

    outcome = clone_vms(
        guests.system,
        CloneRequest(template.UUIDString(), tuple(names), CloneMode.LINKED, start=True),
        lambda *_: None,
    )

    assert outcome.failure is None, outcome.summary()
    clones = [guests.system.lookupByName(name) for name in names]
    macs = set()
    for dom in clones:
        model = Domain.from_xml(dom.XMLDesc(0))
        disk = model.disks[1]
        assert disk.source_file is not None and not disk.readonly
        chain = _chain(disk.source_file)
        assert chain[0]["format"] == "qcow2"
        assert chain[1]["filename"] == template_disk
        assert int(chain[0]["actual-size"]) < 2 * 1024 * 1024  # type: ignore[call-overload]
        macs.add(model.interfaces[0].mac)
        assert not read_metadata(dom).template
    assert len(macs) == 3
    template_mac = Domain.from_xml(template.XMLDesc(0)).interfaces[0].mac
    assert template_mac not in macs

    async def ready_ips() -> list[str]:
        watches = [watch_serial(dom) for dom in clones]
        return list(await asyncio.gather(*(w.ready_ip(BOOT_TIMEOUT * 2) for w in watches)))

    ips = run_task(qtbot, loop, ready_ips(), timeout=BOOT_MS)
    assert len(set(ips)) == 3 and all(ip.startswith(SUBNET_PREFIX) for ip in ips)
    for dom in clones:
        dom.destroy()
    assert _sha256(template_disk) == before
