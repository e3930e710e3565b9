"""Editing a VM on the real qemu:///system with the tiny guest: hardware now and at next
boot seen inside the guest, refused XML that changes nothing, snapshots with memory, and
what libvirt 9.0 cannot snapshot on a UEFI guest."""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import libvirt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kvmgui.core.domain import DomainState
from kvmgui.core.hardware import ItemRef
from kvmgui.core.snapshots import UEFI_INTERNAL_REFUSAL, SnapshotKind
from kvmgui.ui.details.hardware_editors import CpuEditor, DiskEditor, MemoryEditor
from kvmgui.ui.details.hardware_tab import AddHardwareDialog
from kvmgui.ui.details.window import DetailsWindow
from kvmgui.ui.mainwindow import MainWindow
from tests.details_driver import (
    apply_hardware,
    apply_xml_and_confirm,
    edit_xml,
    names,
    take_snapshot,
    top,
)
from tests.integration.conftest import BOOT_TIMEOUT, GuestFactory, SerialWatch
from tests.integration.guests import PREFIX, make_run_dir, tiny_guest_xml
from tests.qt_helpers import open_connection, run_task, wait_for_state
from tests.system import SYSTEM_URI

PROMPT = "tiny-guest# "
TIMEOUT_MS = 60000
# Spare PCIe ports: q35 hot-plugs a device only into a free root port.
SPARE_PORTS = ("<controller type='pci' index='0' model='pcie-root'/>"
               + "<controller type='pci' model='pcie-root-port'/>" * 4)


def virsh(*args: str) -> str:
    return subprocess.run(["virsh", "-c", SYSTEM_URI, *args], check=True,
                          capture_output=True, text=True).stdout


def open_details(window: MainWindow, qtbot: QtBot, dom: libvirt.virDomain,
                 state: DomainState = DomainState.SHUTOFF) -> DetailsWindow:
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    wait_for_state(qtbot, window.manager, connection, dom.UUIDString(), state)
    info = connection.domain(dom.UUIDString())
    assert info is not None
    return window.open_details(connection, info)


def open_hardware(details: DetailsWindow, qtbot: QtBot) -> None:
    details.tabs.setCurrentWidget(details.hardware)
    qtbot.waitUntil(lambda: details.hardware.state is not None, timeout=TIMEOUT_MS)


def define_custom(guests: GuestFactory, suffix: str, edit: Callable[[str], str],
                  with_disk: bool = False) -> libvirt.virDomain:
    """A tiny guest whose XML ``edit`` changes; removed with the factory's guests."""
    name = f"{PREFIX}{suffix}"
    guests.made.append(name)
    disk = guests.volume(name).path() if with_disk else None
    xml = tiny_guest_xml(name, str(guests.iso), disk=disk, network=guests.network)
    return guests.system.defineXML(edit(xml))


async def shell(serial: SerialWatch, command: str, answer: str, timeout: float = 60) -> str:
    """Run ``command`` at the guest's prompt; the first group of ``answer`` (a whole line)."""
    await serial.reader.wait_for(re.escape(PROMPT), timeout, partial_line=True)
    serial.stream.send(f"{command}\n".encode())
    match = await serial.reader.wait_for(re.compile(answer, re.MULTILINE), timeout)
    return match.group(1)


def run_shell(qtbot: QtBot, loop: asyncio.AbstractEventLoop, serial: SerialWatch,
              command: str, answer: str) -> str:
    return run_task(qtbot, loop, shell(serial, command, answer), timeout=TIMEOUT_MS)


def test_invalid_xml_shows_libvirts_message_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory,
) -> None:
    dom = guests.define("xml-edit", with_disk=False)
    details = open_details(window, qtbot, dom)
    tab = details.xml_tab
    details.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: f"<name>{dom.name()}</name>" in tab.editor.toPlainText(),
                    timeout=TIMEOUT_MS)
    before = virsh("dumpxml", "--inactive", "--security-info", dom.name())

    mine = edit_xml(tab, "</devices>", "  <bogus-device/>\n  </devices>")
    diff = apply_xml_and_confirm(tab, qtbot)
    assert "+    <bogus-device/>" in diff.splitlines()
    assert tab.status.kind == "error" and tab.status.isVisibleTo(tab)
    assert "failed to validate against schema" in tab.status.text()
    assert tab.editor.toPlainText() == mine
    assert virsh("dumpxml", "--inactive", "--security-info", dom.name()) == before


def test_vcpus_and_memory_set_while_shut_off_are_seen_inside_the_guest(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory, loop: asyncio.AbstractEventLoop,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch],
) -> None:
    dom = guests.define("hw-boot", with_disk=False)
    details = open_details(window, qtbot, dom)
    open_hardware(details, qtbot)
    tab = details.hardware
    cpu = tab.editors[ItemRef("cpu")]
    memory = tab.editors[ItemRef("memory")]
    assert isinstance(cpu, CpuEditor) and isinstance(memory, MemoryEditor)
    cpu.maximum.setValue(2)
    cpu.current.setValue(2)
    memory.maximum.setValue(384)
    memory.current.setValue(384)
    apply_hardware(tab, qtbot)
    assert tab.status.text() == "Applied."

    dom.create()
    serial = watch_serial(dom)
    ip = run_task(qtbot, loop, serial.ready_ip(), timeout=int(BOOT_TIMEOUT * 1000))
    assert run_shell(qtbot, loop, serial, "nproc", r"^(\d+)$") == "2"
    # The Overview tab shows the address the guest leased (re-read as the VM changes).
    qtbot.waitUntil(lambda: details.overview.text("State").startswith("Running"),
                    timeout=TIMEOUT_MS)
    details.overview.load()
    qtbot.waitUntil(lambda: details.overview.text("IP addresses") == ip, timeout=TIMEOUT_MS)
    mem_total = run_shell(qtbot, loop, serial, "grep MemTotal /proc/meminfo",
                          r"^MemTotal:\s+(\d+) kB$")
    # The kernel keeps some for itself; more than the 256 MiB the guest had.
    assert 256 * 1024 < int(mem_total) <= 384 * 1024


def test_cd_media_and_a_nic_change_on_a_running_guest(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory, loop: asyncio.AbstractEventLoop,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch],
) -> None:
    dom = define_custom(guests, "hw-live", lambda xml: xml.replace(
        "<serial type='pty'>", f"{SPARE_PORTS}<serial type='pty'>"))
    other_iso = make_run_dir("media") / f"{PREFIX}other.iso"
    shutil.copyfile(guests.iso, other_iso)
    other_iso.chmod(0o644)
    dom.create()
    serial = watch_serial(dom)
    run_task(qtbot, loop, serial.ready_ip(), timeout=int(BOOT_TIMEOUT * 1000))
    details = open_details(window, qtbot, dom, DomainState.RUNNING)
    open_hardware(details, qtbot)
    tab = details.hardware

    cdrom = tab.editors[ItemRef("disk", "sda")]
    assert isinstance(cdrom, DiskEditor) and cdrom.is_cdrom
    cdrom.source.clear()
    assert cdrom.when.now.isChecked() and cdrom.when.next_boot.isChecked()
    apply_hardware(tab, qtbot)
    assert tab.status.kind == "info", tab.status.text()
    assert re.search(r"^\s*sda\s+-\s*$", virsh("domblklist", dom.name()), re.MULTILINE)

    qtbot.waitUntil(lambda: tab.state is not None and not tab.changes(), timeout=TIMEOUT_MS)
    cdrom = tab.editors[ItemRef("disk", "sda")]
    assert isinstance(cdrom, DiskEditor)
    cdrom.source.setText(str(other_iso))
    apply_hardware(tab, qtbot)
    assert tab.status.kind == "info", tab.status.text()
    assert re.search(rf"^\s*sda\s+{re.escape(str(other_iso))}\s*$",
                     virsh("domblklist", dom.name()), re.MULTILINE)

    qtbot.waitUntil(lambda: tab.state is not None and not tab.changes(), timeout=TIMEOUT_MS)
    tab.add_button.click()
    dialog = tab.findChild(AddHardwareDialog)
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("nic"))
    dialog.nic_source.setCurrentText(guests.network)
    assert dialog.when.now.isChecked()
    dialog.accept()
    apply_hardware(tab, qtbot)
    assert tab.status.kind == "info", tab.status.text()

    async def interfaces_with_eth1() -> str:
        # The guest's kernel takes the hot-plugged NIC in its own time: ask again.
        while "eth1" not in (seen := await shell(
                serial, "echo nics: $(ls /sys/class/net)", r"^nics: (.*)$")):
            await asyncio.sleep(1)
        return seen

    assert "eth0" in run_task(qtbot, loop, interfaces_with_eth1(), timeout=TIMEOUT_MS)
    assert len(re.findall("<interface ", virsh("dumpxml", "--inactive", dom.name()))) == 2


def test_a_snapshot_with_memory_brings_the_disk_and_the_running_guest_back(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory, loop: asyncio.AbstractEventLoop,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch],
) -> None:
    dom = guests.define("snap", with_disk=True)  # a qcow2 data disk on vda
    dom.create()
    serial = watch_serial(dom)
    run_task(qtbot, loop, serial.ready_ip(), timeout=int(BOOT_TIMEOUT * 1000))
    write = "echo {0} > /dev/vda && sync && echo wrote-{0}"
    assert run_shell(qtbot, loop, serial, write.format("MARK-A"), r"^wrote-(MARK-A)$")
    details = open_details(window, qtbot, dom, DomainState.RUNNING)
    details.tabs.setCurrentWidget(details.snapshots)
    tab = details.snapshots
    kinds = take_snapshot(tab, qtbot, "marker-a", timeout=TIMEOUT_MS)
    assert kinds == [SnapshotKind.INTERNAL, SnapshotKind.EXTERNAL]
    assert tab.tree.snapshots["marker-a"].with_memory
    assert run_shell(qtbot, loop, serial, write.format("MARK-B"), r"^wrote-(MARK-B)$")

    tab.tree.setCurrentItem(top(tab))
    tab.revert_button.click()
    qtbot.waitUntil(lambda: tab.status.text() == "Reverted to marker-a.", timeout=TIMEOUT_MS)
    assert dom.state()[0] == libvirt.VIR_DOMAIN_RUNNING
    # libvirt restarts QEMU from the snapshot: a new console, and the guest goes on from
    # the moment of the snapshot, at its prompt, with A on its disk.
    serial = watch_serial(dom)
    serial.stream.send(b"\n")
    assert run_shell(qtbot, loop, serial, "echo read-$(head -c 6 /dev/vda)",
                     r"^read-(MARK-\w)$") == "MARK-A"


def test_a_uefi_guest_is_told_why_and_gets_a_working_disk_only_snapshot_and_its_disks_back(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory,
) -> None:
    dom = define_custom(guests, "uefi", lambda xml: xml.replace("<os>", "<os firmware='efi'>"),
                        with_disk=True)
    dom.create()
    details = open_details(window, qtbot, dom, DomainState.RUNNING)
    details.tabs.setCurrentWidget(details.snapshots)
    tab = details.snapshots
    qtbot.waitUntil(tab.explanation.isVisible, timeout=TIMEOUT_MS)
    assert tab.explanation.text().startswith(UEFI_INTERNAL_REFUSAL)
    base = re.search(r"^\s*vda\s+(\S+)\s*$", virsh("domblklist", dom.name()), re.MULTILINE)
    assert base is not None
    assert take_snapshot(tab, qtbot, "disks-only", timeout=TIMEOUT_MS) == [
        SnapshotKind.EXTERNAL]
    assert names(tab) == ["disks-only ●"]
    snapshot = tab.tree.snapshots["disks-only"]
    assert snapshot.kind is SnapshotKind.EXTERNAL
    # vda now writes to an overlay; the file under it is frozen.
    overlay = re.search(r"^\s*vda\s+(\S+)\s*$", virsh("domblklist", dom.name()), re.MULTILINE)
    assert overlay is not None and overlay.group(1) != base.group(1)
    assert Path(overlay.group(1)).exists()
    # What libvirt 9.0 cannot do is said before trying, and what works is offered.
    tab.tree.setCurrentItem(top(tab))
    assert not tab.revert_button.isEnabled() and "cannot revert" in tab.revert_button.toolTip()
    assert tab.delete_button.text() == "&Forget…"
    assert tab.restore_button.isVisibleTo(tab) and not tab.restore_button.isEnabled()
    dom.destroy()
    wait_for_state(qtbot, window.manager, details.connection, dom.UUIDString(),
                   DomainState.SHUTOFF)
    qtbot.waitUntil(tab.restore_button.isEnabled, timeout=TIMEOUT_MS)
    tab.tree.setCurrentItem(top(tab))
    tab.restore_button.click()
    question = tab.dialog
    assert isinstance(question, QMessageBox)
    question.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: names(tab) == [], timeout=TIMEOUT_MS)
    assert overlay.group(1) in tab.status.text()
    assert re.search(rf"^\s*vda\s+{re.escape(base.group(1))}\s*$",
                     virsh("domblklist", dom.name()), re.MULTILINE)
    assert Path(overlay.group(1)).exists()  # kept, unused
