"""Linked clones of a template on a real qemu:///system with the tiny guest."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import libvirt
from pytestqt.qtbot import QtBot

from kvmgui.core.clone import SYSTEM_NVRAM_DIR, CloneMode, CloneRequest, clone_names, clone_vms
from kvmgui.core.cloudinit import (
    CloudInitConfig,
    hostname_for,
    read_seed_files,
    seed_iso_bytes,
    user_data,
)
from kvmgui.core.metadata import read_metadata
from kvmgui.core.storage import upload_volume_bytes
from kvmgui.core.templates import make_template
from kvmgui.core.xml.model import Disk, Domain
from tests.integration.conftest import BOOT_TIMEOUT, GuestFactory, SerialWatch
from tests.integration.guests import PREFIX, SUBNET_PREFIX
from tests.qt_helpers import run_task

SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl dev"
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


def _define_with_disk(guests: GuestFactory, suffix: str) -> tuple[libvirt.virDomain, str]:
    """A tiny guest and the path of its disk."""
    dom = guests.define(suffix)
    disk = Domain.from_xml(dom.XMLDesc(0)).disks[1].source_file
    assert disk is not None
    return dom, disk


async def _leased_ips(
    watch_serial: Callable[[libvirt.virDomain], SerialWatch], doms: list[libvirt.virDomain],
) -> list[str]:
    """The address each of ``doms`` says it leased when it is READY (they boot at once)."""
    watches = [watch_serial(dom) for dom in doms]
    return list(await asyncio.gather(*(w.leased_ip(BOOT_TIMEOUT * 2) for w in watches)))


def test_three_linked_clones_of_a_template_boot_and_leave_it_unchanged(
    guests: GuestFactory, watch_serial: Callable[[libvirt.virDomain], SerialWatch],
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    template, template_disk = _define_with_disk(guests, "template")
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

    ips = run_task(qtbot, loop, _leased_ips(watch_serial, clones), timeout=BOOT_MS)
    assert len(set(ips)) == 3 and all(ip.startswith(SUBNET_PREFIX) for ip in ips)
    for dom in clones:
        dom.destroy()
    assert _sha256(template_disk) == before


def test_a_full_copy_gets_its_own_uefi_variables_and_a_new_seed(
    guests: GuestFactory,
) -> None:
    system = guests.system
    source = guests.define("uefi")
    seed_name = f"{PREFIX}uefi-seed.iso"
    config = CloudInitConfig.create("dev", "uefi", ssh_keys=[SSH_KEY])
    seed = upload_volume_bytes(system, guests.pool, seed_name, seed_iso_bytes(config))
    model = Domain.from_xml(source.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    model.node.find("os").set("firmware", "efi")  # type: ignore[union-attr]
    cdrom = Disk()
    cdrom.type, cdrom.device, cdrom.driver_name, cdrom.driver_type = "file", "cdrom", "qemu", "raw"
    cdrom.source_file, cdrom.target_dev, cdrom.target_bus = seed.path(), "sdb", "sata"
    cdrom.readonly = True
    model.disks.append(cdrom)
    source = system.defineXML(model.to_xml())
    source.create()  # libvirt makes the UEFI variables file at the first start
    source.destroy()
    # libvirt 9.0 leaves an autoselected firmware's file out of the XML: its default.
    source_nvram = (
        Domain.from_xml(source.XMLDesc(0)).nvram
        or f"{SYSTEM_NVRAM_DIR}/{source.name()}_VARS.fd"
    )
    assert Path(source_nvram).is_file()
    name = f"{PREFIX}uefi-copy"
    guests.made.append(name)
    try:
        outcome = clone_vms(
            system, CloneRequest(source.UUIDString(), (name,), CloneMode.FULL), lambda *_: None
        )
        assert outcome.failure is None, outcome.summary()
        clone = Domain.from_xml(system.lookupByName(name).XMLDesc(0))
        clone_nvram = clone.nvram
        assert clone_nvram is not None and clone_nvram != source_nvram
        assert Path(clone_nvram).read_bytes() == Path(source_nvram).read_bytes()
        disks = {disk.target_dev: disk.source_file for disk in clone.disks}
        assert disks["vda"] == f"{Path(seed.path()).parent}/{name}.qcow2"
        assert _chain(str(disks["vda"]))[0].get("backing-filename") is None
        clone_seed = disks["sdb"]
        assert clone_seed == f"{Path(seed.path()).parent}/{name}-seed.iso"
        files = read_seed_files(Path(clone_seed).read_bytes())
        assert files["user-data"] == user_data(config)
        assert f'local-hostname: "{hostname_for(name)}"' in files["meta-data"]
        assert config.instance_id not in files["meta-data"]
        assert not any(p.name().startswith("kvmgui-nvram-") for p in system.listAllStoragePools())
    finally:
        with contextlib.suppress(libvirt.libvirtError):
            guests.pool.storageVolLookupByName(f"{name}-seed.iso").delete()
        seed.delete()
    guests.cleanup()
    assert not Path(clone_nvram).exists()  # undefine took the clone's variables along


def test_two_clones_of_a_running_vm_from_a_snapshot_of_its_disks(
    guests: GuestFactory, watch_serial: Callable[[libvirt.virDomain], SerialWatch],
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    source, base = _define_with_disk(guests, "running")
    source.create()
    run_task(qtbot, loop, watch_serial(source).ready_ip(BOOT_TIMEOUT), timeout=BOOT_MS)
    names = clone_names(f"{PREFIX}live-{{n}}", 2)
    guests.made.extend(names)
    overlay = ""
    try:
        outcome = clone_vms(
            guests.system,
            CloneRequest(source.UUIDString(), tuple(names), CloneMode.LINKED, start=True,
                         from_snapshot=True),
            lambda *_: None,
        )
        assert outcome.failure is None, outcome.summary()
        assert "crash-consistent" in outcome.summary()  # the tiny guest has no agent
        # The source runs on, on an overlay whose backing is its former image.
        assert source.isActive()
        overlay = str(Domain.from_xml(source.XMLDesc(0)).disks[1].source_file)
        assert overlay != base and overlay in outcome.summary()
        inactive = Domain.from_xml(source.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
        assert inactive.disks[1].source_file == overlay
        assert [entry["filename"] for entry in _chain(overlay)] == [overlay, base]
        assert guests.system.storageVolLookupByPath(overlay).name().startswith(PREFIX)
        clones = [guests.system.lookupByName(name) for name in names]
        for dom in clones:
            chain = _chain(str(Domain.from_xml(dom.XMLDesc(0)).disks[1].source_file))
            assert chain[1]["filename"] == base

        ips = run_task(qtbot, loop, _leased_ips(watch_serial, clones), timeout=BOOT_MS)
        assert len(set(ips)) == 2
        assert source.isActive()
        for dom in [*clones, source]:
            dom.destroy()
        chain = _chain(overlay)
        assert [entry["filename"] for entry in chain] == [overlay, base]
        assert all(entry["format"] == "qcow2" for entry in chain)
    finally:
        guests.cleanup()
        if overlay:
            with contextlib.suppress(libvirt.libvirtError):
                guests.system.storageVolLookupByPath(overlay).delete()
    assert not Path(overlay).exists() and not Path(base).exists()
