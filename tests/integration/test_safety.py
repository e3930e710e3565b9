"""What a create or a delete must never do to someone else's VM or data (issue 14),
on the real qemu:///system."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import libvirt
import pytest
from pytestqt.qtbot import QtBot

from kvmgui.core.create import CreateVmError, create_vm
from kvmgui.core.hostfacts import read_host_facts
from kvmgui.core.lifecycle import delete_domain, disks_for_delete
from kvmgui.core.media import MediaKind, check_media
from kvmgui.core.newvm import NewVmChoices, plan_new_vm
from kvmgui.core.serial import MAX_READS_PER_EVENT, READ_CHUNK, SerialConsoleStream
from kvmgui.core.xml.domain import NetworkSpec, SourceKind
from kvmgui.core.xml.storage import volume_xml
from tests.integration.conftest import BOOT_TIMEOUT, READY, GuestFactory
from tests.integration.guests import (
    NETWORK_NAME,
    POOL_DIR,
    POOL_NAME,
    PREFIX,
    make_run_dir,
    tiny_guest_xml,
)
from tests.qt_helpers import run_task
from tests.serial_reader import SerialLineReader

MIB = 1024**2
BOOT_MS = int(BOOT_TIMEOUT * 1000) + 10000


def iso_choices(name: str, iso: Path, **changes: object) -> NewVmChoices:
    choices = NewVmChoices(
        source=SourceKind.ISO, name=name, memory_mib=256, vcpus=1,
        network=NetworkSpec.libvirt_network(NETWORK_NAME), media_path=str(iso),
        disk_bytes=64 * MIB, pool=POOL_NAME, virt_type="qemu",
    )
    return replace(choices, **changes)  # type: ignore[arg-type]


def test_customized_xml_of_another_vm_neither_redefines_nor_removes_it(
    guests: GuestFactory, system: libvirt.virConnect,
) -> None:
    # A VM that cannot start (its disk is missing): a create that redefined it
    # would fail at Start, and its rollback would undefine it.
    victim_name = f"{PREFIX}victim"
    guests.made.append(victim_name)
    missing_disk = f"{POOL_DIR}/{PREFIX}missing.qcow2"
    victim = system.defineXML(
        tiny_guest_xml(victim_name, str(guests.iso), disk=missing_disk, network=None)
    )
    before = victim.XMLDesc(0)
    name = f"{PREFIX}customized"
    guests.made.append(name)
    # "Customize before install" with the XML of `virsh dumpxml victim` pasted in.
    choices = iso_choices(name, guests.iso, domain_xml=before)
    plan = plan_new_vm(choices, read_host_facts(system))
    with pytest.raises(CreateVmError) as failed:
        create_vm(system, plan, lambda *_progress: None)
    assert failed.value.step == "Defining the virtual machine"
    assert f"{victim_name!r} already exists" in str(failed.value)
    assert "Nothing was left behind" in str(failed.value)
    assert system.lookupByName(victim_name).XMLDesc(0) == before
    pool = system.storagePoolLookupByName(POOL_NAME)
    pool.refresh(0)
    assert f"{name}.qcow2" not in pool.listVolumes()


def test_an_image_whose_header_names_another_disk_is_refused(
    guests: GuestFactory, system: libvirt.virConnect,
) -> None:
    # Another VM's disk, and an "image" that is an overlay of it.
    other = guests.define("owner")
    other_disk = guests.pool.storageVolLookupByName(f"{PREFIX}owner.qcow2").path()
    image = Path(POOL_DIR) / f"{PREFIX}reads-owner.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-b", other_disk,
                    "-F", "qcow2", str(image)], check=True)
    guests.pool.refresh(0)
    try:
        # Read by qemu-img here, and through libvirt's volume XML as for a remote host.
        for local in (True, False):
            check = check_media(system, str(image), MediaKind.DISK_IMAGE, local=local)
            assert f"reads its data through {other_disk}" in str(check.problem), local
        name = f"{PREFIX}imported"
        guests.made.append(name)
        choices = iso_choices(name, image, source=SourceKind.IMPORT, image_format="qcow2",
                              image_size=32 * MIB, disk=False)
        plan = plan_new_vm(choices, read_host_facts(system))
        with pytest.raises(CreateVmError, match="reads its data through"):
            create_vm(system, plan, lambda *_progress: None)
        assert name not in [d.name() for d in system.listAllDomains(0)]
        assert other.XMLDesc(0)  # still there
    finally:
        image.unlink(missing_ok=True)


def test_delete_keeps_a_base_image_and_an_iso_other_vms_use(
    guests: GuestFactory, system: libvirt.virConnect,
) -> None:
    doomed = guests.define("doomed")
    base = guests.pool.storageVolLookupByName(f"{PREFIX}doomed.qcow2").path()
    # Another VM's disk is an overlay over doomed's disk; both boot the same ISO.
    overlaid_name = f"{PREFIX}overlaid"
    guests.made.append(overlaid_name)
    overlay = guests.pool.createXML(
        volume_xml(f"{overlaid_name}.qcow2", 32 * MIB, "qcow2", backing=(base, "qcow2")), 0
    )
    overlaid = system.defineXML(
        tiny_guest_xml(overlaid_name, str(guests.iso), disk=overlay.path(), network=None)
    )
    choices = {choice.path: choice for choice in disks_for_delete(doomed)}
    assert overlaid_name in choices[base].used_by
    assert overlaid_name in choices[str(guests.iso)].used_by
    assert not any(choice.ticked_by_default for choice in choices.values())

    failures = delete_domain(doomed, [base, str(guests.iso)])
    assert failures == [f"{path}: kept, used by {overlaid_name}" for path in (base, guests.iso)]
    assert Path(base).exists() and guests.iso.exists()
    assert f"{PREFIX}doomed" not in [d.name() for d in system.listAllDomains(0)]
    assert overlaid.isPersistent()  # untouched


def test_the_warning_about_qemus_user_predicts_a_failed_start(
    guests: GuestFactory, system: libvirt.virConnect,
) -> None:
    private = make_run_dir("private-isos")
    private.chmod(0o700)  # root's alone: libvirt-qemu may not enter
    iso = private / "install.iso"
    shutil.copyfile(guests.iso, iso)
    iso.chmod(0o644)
    check = check_media(system, str(iso), MediaKind.ISO, local=True)
    assert check.problem is None
    assert f"may not enter {private}:" in str(check.warning)
    name = f"{PREFIX}unreachable-iso"
    guests.made.append(name)
    plan = plan_new_vm(iso_choices(name, iso, disk=False), read_host_facts(system))
    with pytest.raises(CreateVmError) as failed:
        create_vm(system, plan, lambda *_progress: None)
    assert failed.value.step == "Starting the virtual machine"
    private.chmod(0o711)
    assert check_media(system, str(iso), MediaKind.ISO, local=True).warning is None


@dataclass
class GatedDelivery:
    """Hands chunks to the loop while open; holds them (as a busy GUI would) while shut."""

    loop: asyncio.AbstractEventLoop
    open: bool = True
    held: list[Callable[[], None]] = field(default_factory=list)

    def __call__(self, callback: Callable[[], None]) -> None:
        if self.open:
            self.loop.call_soon_threadsafe(callback)
        else:
            self.held.append(callback)

    def release(self) -> None:
        """Open, and deliver what was held now, in order."""
        self.open = True
        held, self.held = self.held, []
        for callback in held:
            callback()


def test_a_guest_flooding_its_serial_port_cannot_fill_the_gui_queue(
    guests: GuestFactory, loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    dom = guests.define("flood", with_disk=False)
    dom.create()
    received = bytearray()
    reader = SerialLineReader()
    gate = GatedDelivery(loop)

    def on_data(data: bytes) -> None:
        received.extend(data)
        reader.feed(data)

    bound = 256 * 1024
    stream = SerialConsoleStream(dom, on_data=on_data, on_closed=reader.close, deliver=gate,
                                 force=True, max_undelivered=bound)
    reader.answer = stream.send
    stream.open()
    try:
        run_task(qtbot, loop, reader.wait_for(READY, BOOT_TIMEOUT), timeout=BOOT_MS)
        gate.open = False  # the GUI stops taking output; the guest prints without end
        stream.send(b"yes kvmgui-flood-line\n")
        qtbot.waitUntil(lambda: stream.reading_paused, timeout=60000)
        before = len(received)
        gate.release()
        # What waited was bounded: the limit, plus at most one event's reads.
        assert bound <= len(received) - before <= bound + MAX_READS_PER_EVENT * READ_CHUNK
        assert not stream.reading_paused  # taken: reading goes on
        qtbot.waitUntil(lambda: len(received) > before + 2 * bound, timeout=60000)
        stream.send(b"\x03")  # Ctrl+C ends yes
    finally:
        stream.close()
