"""The Hardware tab on the test driver: editors, now/next-boot choices, pending and error
markers, the change list, Apply and Revert."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.editing import read_definition_xml
from kvmgui.core.hardware import ItemRef
from kvmgui.core.xml.model import Domain
from kvmgui.ui.details.hardware_editors import (
    BootEditor,
    CpuEditor,
    DiskEditor,
    MemoryEditor,
    NicEditor,
    SerialEditor,
    VideoEditor,
    WatchdogEditor,
)
from kvmgui.ui.details.hardware_tab import (
    ERROR_MARK,
    PENDING_MARK,
    AddHardwareDialog,
    HardwareTab,
)
from kvmgui.ui.details.window import DetailsWindow
from kvmgui.ui.mainwindow import MainWindow
from tests.details_driver import apply_hardware
from tests.fleet import RUNNING, SHUTOFF, TEST_NS, domain_uuid
from tests.qt_helpers import run_task

Connect = Callable[[Path], Connection]
MAC = "52:54:00:00:00:01"


def hw_domain(name: str, state: int) -> str:
    return f"""<domain type='test' xmlns:test='{TEST_NS}'>
  <name>{name}</name><uuid>{domain_uuid(name)}</uuid>
  <memory unit='MiB'>512</memory><currentMemory unit='MiB'>512</currentMemory>
  <vcpu>2</vcpu><os><type>hvm</type><boot dev='hd'/></os>
  <devices>
    <disk type='file' device='disk'><source file='/srv/{name}.img'/>
      <target dev='vda' bus='virtio'/></disk>
    <disk type='file' device='cdrom'><source file='/srv/install.iso'/>
      <target dev='sda' bus='sata'/><readonly/></disk>
    <interface type='network'><mac address='{MAC}'/><source network='default'/>
      <model type='virtio'/></interface>
    <graphics type='vnc' port='-1' autoport='yes'><listen type='address' address='0.0.0.0'/>
    </graphics>
  </devices>
  <test:runstate>{state}</test:runstate>
</domain>"""


@pytest.fixture
def hw_file(tmp_path: Path) -> Path:
    path = tmp_path / "hw.xml"
    path.write_text(
        f"<node>{hw_domain('on', RUNNING)}{hw_domain('off', SHUTOFF)}"
        "<pool type='dir'><name>images</name><target><path>/images</path></target>"
        "<volume type='file'><name>tools.iso</name><capacity>1000</capacity></volume>"
        "<volume type='file'><name>data.img</name><capacity>1000</capacity></volume></pool>"
        # With an address: the test driver's DHCP lease lookup crashes on a network without.
        "<network><name>default</name><bridge name='virbr0'/>"
        "<ip address='192.168.122.1' netmask='255.255.255.0'/></network>"
        "<network><name>lab</name><bridge name='virbr9'/></network>"
        "<device><name>usb_1_2</name><parent>computer</parent><capability type='usb_device'>"
        "<bus>1</bus><device>2</device><product id='0xc52b'>Unifying Receiver</product>"
        "<vendor id='0x046d'>Logitech, Inc.</vendor></capability></device></node>"
    )
    return path


@pytest.fixture
def open_hardware(
    window: MainWindow, connect: Connect, hw_file: Path, qtbot: QtBot,
) -> Callable[[str], DetailsWindow]:
    connection = connect(hw_file)

    def open_tab(name: str) -> DetailsWindow:
        info = connection.domain(domain_uuid(name))
        assert info is not None
        details = window.open_details(connection, info)
        details.tabs.setCurrentWidget(details.hardware)
        qtbot.waitUntil(lambda: details.hardware.state is not None, timeout=5000)
        return details

    return open_tab


@pytest.fixture
def definition(loop: asyncio.AbstractEventLoop, qtbot: QtBot) -> Callable[[DetailsWindow], Domain]:
    def read(details: DetailsWindow) -> Domain:
        return Domain.from_xml(run_task(qtbot, loop, details.connection.call_domain(
            "read", details.info.uuid, read_definition_xml)))

    return read


def open_add_dialog(tab: HardwareTab) -> AddHardwareDialog:
    tab.add_button.click()
    # The one just opened: an accepted one may still wait for its deletion.
    [dialog] = [d for d in tab.findChildren(AddHardwareDialog) if d.isVisible()]
    return dialog


def choose_file_with(button: QAbstractButton | None, owner: QWidget, path: str) -> None:
    """Click a Browse… button and choose ``path`` in the file dialog it opens."""
    assert button is not None
    button.click()
    chooser = owner.findChild(QFileDialog)
    assert chooser is not None and chooser.isVisible()
    chooser.fileSelected.emit(path)
    chooser.reject()


def changes_listed(tab: HardwareTab) -> list[str]:
    return [tab.change_list.item(i).text() for i in range(tab.change_list.count())]


def list_texts(tab: HardwareTab) -> list[str]:
    return [tab.device_list.item(i).text() for i in range(tab.device_list.count())]


def test_a_shut_off_vm_offers_next_boot_only_and_applies_it(
    open_hardware: Callable[[str], DetailsWindow], definition: Callable[[DetailsWindow], Domain],
    qtbot: QtBot,
) -> None:
    details = open_hardware("off")
    tab = details.hardware
    assert list_texts(tab) == [
        "CPUs", "Memory", "Boot Options", "Disk vda", "CD-ROM sda", "NIC 00:00:01", "Display VNC",
        "Video cirrus",  # the test driver adds one
    ]
    assert not tab.apply_button.isEnabled() and changes_listed(tab) == []
    cpu = tab.editors[ItemRef("cpu")]
    assert isinstance(cpu, CpuEditor)
    assert not cpu.when.now.isEnabled() and cpu.when.next_boot.isChecked()
    cpu.maximum.setValue(4)
    assert changes_listed(tab) == ["vCPUs: 2 of 4 — at next boot"]
    assert not cpu.cores.isEnabled()
    cpu.manual_topology.setChecked(True)
    cpu.cores.setValue(4)
    assert changes_listed(tab) == [
        "vCPUs: 2 of 4 — at next boot",
        "CPU topology: 1 socket(s), 4 core(s), 1 thread(s) — at next boot",
    ]
    apply_hardware(tab, qtbot)
    assert tab.status.text() == "Applied."
    dom = definition(details)
    assert (dom.vcpus_current, dom.vcpus) == (2, 4)
    assert (dom.cpu_sockets, dom.cpu_cores, dom.cpu_threads) == (1, 4, 1)
    qtbot.waitUntil(lambda: changes_listed(tab) == [] and tab.state is not None
                    and tab.state.definition.vcpus == 4, timeout=5000)


def test_hardware_read_again_while_the_user_edits_keeps_their_edit(
    window: MainWindow, open_hardware: Callable[[str], DetailsWindow], qtbot: QtBot,
) -> None:
    """A change of the VM re-reads its hardware; the answer may come after the
    user began to edit."""
    details = open_hardware("off")
    tab = details.hardware
    cpu = tab.editors[ItemRef("cpu")]
    assert isinstance(cpu, CpuEditor)
    with qtbot.waitSignal(window.ops.finished, timeout=5000):
        tab.show_info(details.info)  # the VM changed: its hardware is read again...
        cpu.maximum.setValue(4)  # ...while the user edits
    assert tab.editors[ItemRef("cpu")] is cpu
    assert changes_listed(tab) == ["vCPUs: 2 of 4 — at next boot"]


def test_the_hardware_list_and_its_changes_are_german(
    german: None, open_hardware: Callable[[str], DetailsWindow],
) -> None:
    """Core's item names and change labels are translated where the tab shows them."""
    tab = open_hardware("on").hardware
    assert list_texts(tab)[:5] == ["CPUs", "Speicher", "Startoptionen", "Platte vda",
                                   "CD-ROM sda"]
    memory = tab.editors[ItemRef("memory")]
    assert isinstance(memory, MemoryEditor)
    memory.current.setValue(256)
    nic = tab.editors[ItemRef("interface", MAC)]
    assert isinstance(nic, NicEditor)
    nic.link.setChecked(False)
    assert changes_listed(tab) == [
        "Speicher: 256 MiB von 512 MiB — jetzt und beim nächsten Start",
        f"Netzwerkkarte {MAC}: Verbindung getrennt — jetzt und beim nächsten Start",
    ]


def test_a_running_vm_changes_memory_now_and_marks_a_restart_change_pending(
    open_hardware: Callable[[str], DetailsWindow], definition: Callable[[DetailsWindow], Domain],
    qtbot: QtBot,
) -> None:
    details = open_hardware("on")
    tab = details.hardware
    memory = tab.editors[ItemRef("memory")]
    assert isinstance(memory, MemoryEditor)
    memory.current.setValue(256)
    assert memory.when.now.isEnabled() and memory.when.now.isChecked()
    assert changes_listed(tab) == ["Memory: 256 MiB of 512 MiB — now and at next boot"]
    memory.maximum.setValue(1024)
    assert not memory.when.now.isEnabled()
    assert changes_listed(tab) == ["Memory: 256 MiB of 1024 MiB — at next boot"]
    apply_hardware(tab, qtbot)
    assert tab.status.kind == "info"
    qtbot.waitUntil(lambda: f"Memory {PENDING_MARK}" in list_texts(tab), timeout=5000)
    assert definition(details).memory_kib == 1024 * 1024
    editor = tab.editors[ItemRef("memory")]
    assert editor.pending_label.isVisibleTo(editor)
    entry = tab.device_list.item(1)
    assert "pending" in entry.data(Qt.ItemDataRole.AccessibleTextRole)


def test_a_refused_live_call_is_said_beside_its_item_and_the_edit_is_kept(
    open_hardware: Callable[[str], DetailsWindow], definition: Callable[[DetailsWindow], Domain],
    qtbot: QtBot,
) -> None:
    details = open_hardware("on")
    tab = details.hardware
    nic = tab.editors[ItemRef("interface", MAC)]
    assert isinstance(nic, NicEditor)
    nic.link.setChecked(False)
    assert changes_listed(tab) == [f"NIC {MAC}: link down — now and at next boot"]
    apply_hardware(tab, qtbot)
    assert tab.status.kind == "error"
    # The test driver has no updateDeviceFlags: the live half fails, the definition changed.
    assert nic.status.kind == "error" and "not supported" in nic.status.text()
    assert not nic.link.isChecked() and tab.editors[ItemRef("interface", MAC)] is nic
    qtbot.waitUntil(
        lambda: f"NIC 00:00:01 {ERROR_MARK} {PENDING_MARK}" in list_texts(tab), timeout=5000)
    assert definition(details).interfaces[0].link_state == "down"


def test_boot_order_and_revert(
    open_hardware: Callable[[str], DetailsWindow], definition: Callable[[DetailsWindow], Domain],
    qtbot: QtBot,
) -> None:
    details = open_hardware("off")
    tab = details.hardware
    boot = tab.editors[ItemRef("boot")]
    assert isinstance(boot, BootEditor)
    assert boot.boot_order() == ["hd"]
    boot.order.item(1).setCheckState(Qt.CheckState.Checked)  # CD-ROM
    boot.order.setCurrentRow(1)
    boot._move(-1)
    boot.menu.setChecked(True)
    assert boot.boot_order() == ["cdrom", "hd"]
    tab.revert_button.click()
    assert changes_listed(tab) == []
    boot = tab.editors[ItemRef("boot")]
    assert isinstance(boot, BootEditor) and boot.boot_order() == ["hd"]
    boot.menu.setChecked(True)
    apply_hardware(tab, qtbot)
    assert definition(details).boot_menu is True


def test_added_nic_is_listed_then_defined(
    open_hardware: Callable[[str], DetailsWindow], definition: Callable[[DetailsWindow], Domain],
    qtbot: QtBot,
) -> None:
    details = open_hardware("off")
    tab = details.hardware
    dialog = open_add_dialog(tab)
    dialog.kind.setCurrentIndex(dialog.kind.findData("nic"))
    dialog.nic_model.setCurrentText("e1000e")
    dialog.accept()
    [listed] = changes_listed(tab)
    assert listed.startswith("Add NIC 52:54:00:") and listed.endswith("— at next boot")
    apply_hardware(tab, qtbot)
    nics = definition(details).interfaces
    assert len(nics) == 2 and nics[1].model == "e1000e"


def test_every_control_of_the_tab_has_an_accessible_name(
    open_hardware: Callable[[str], DetailsWindow],
) -> None:
    tab = open_hardware("on").hardware
    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QListWidget)
    # A spin box's or combo box's own line edit goes by its owner's name.
    controls = [w for kind in kinds for w in tab.findChildren(kind)
                if not isinstance(w.parent(), (QAbstractSpinBox, QComboBox))]
    assert len(controls) > 30
    unnamed = [repr(c) for c in controls if not c.accessibleName()]
    assert unnamed == []


def test_a_new_volume_disk_is_created_in_the_chosen_pool_and_deleted_with_its_disk(
    open_hardware: Callable[[str], DetailsWindow], definition: Callable[[DetailsWindow], Domain],
    qtbot: QtBot, loop: asyncio.AbstractEventLoop,
) -> None:
    details = open_hardware("off")
    tab = details.hardware
    dialog = open_add_dialog(tab)
    assert dialog.kind.currentData() == "new-disk" and dialog.pool.currentText() == "images"
    assert dialog.volume_name.text() == "off-vdb.qcow2"
    assert not dialog.path.isVisibleTo(dialog) and dialog.volume_size.isVisibleTo(dialog)
    dialog.volume_size.setValue(2)
    dialog.accept()
    assert changes_listed(tab) == [
        "Add disk vdb: new volume images/off-vdb.qcow2 (2 GiB) — at next boot"]
    apply_hardware(tab, qtbot)
    assert tab.status.kind == "info", tab.status.text()
    disks = definition(details).disks
    assert sorted((d.target_dev or "", d.source_volume or "") for d in disks) == [
        ("sda", ""), ("vda", ""), ("vdb", "off-vdb.qcow2")]
    qtbot.waitUntil(lambda: "Disk vdb" in list_texts(tab), timeout=5000)
    # Removed with its storage: the volume, named by pool and name, is resolved to its file.
    disk = tab.editors[ItemRef("disk", "vdb")]
    assert isinstance(disk, DiskEditor) and disk.source.text() == "/images/off-vdb.qcow2"
    assert disk.remove_box is not None and disk.delete_storage_box is not None
    disk.remove_box.setChecked(True)
    disk.delete_storage_box.setChecked(True)
    assert changes_listed(tab) == [
        "Remove disk vdb and delete /images/off-vdb.qcow2 — at next boot"]
    apply_hardware(tab, qtbot)
    assert tab.status.kind == "info", tab.status.text()
    assert len(definition(details).disks) == 2
    volumes = run_task(qtbot, loop, details.connection.call(
        "list", lambda conn: conn.storagePoolLookupByName("images").listVolumes()))
    assert "off-vdb.qcow2" not in volumes


def test_added_devices_of_every_other_kind_are_defined_and_editable(
    open_hardware: Callable[[str], DetailsWindow], definition: Callable[[DetailsWindow], Domain],
    qtbot: QtBot,
) -> None:
    details = open_hardware("off")
    tab = details.hardware
    for kind in ("sound", "tpm", "rng", "watchdog", "usb"):
        dialog = open_add_dialog(tab)
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        if kind == "watchdog":
            dialog.watchdog_action.setCurrentText("poweroff")
        dialog.accept()
    assert changes_listed(tab) == [
        "Add sound ich9 — at next boot",
        "Add tpm tpm-crb (emulator 2.0) — at next boot",
        "Add rng virtio — at next boot",
        "Add watchdog i6300esb (on firing: poweroff) — at next boot",
        "Add USB device 0x046d:0xc52b — at next boot",
    ]
    apply_hardware(tab, qtbot)
    assert tab.status.kind == "info", tab.status.text()
    dom = definition(details)
    assert [len(dom.sounds), len(dom.tpms), len(dom.rngs), len(dom.hostdevs)] == [1, 1, 1, 1]
    qtbot.waitUntil(lambda: "Watchdog i6300esb" in list_texts(tab), timeout=5000)
    watchdog = tab.editors[ItemRef("watchdog", "i6300esb")]
    assert isinstance(watchdog, WatchdogEditor)
    watchdog.action.setCurrentText("pause")
    video = tab.editors[ItemRef("video", "cirrus")]
    assert isinstance(video, VideoEditor)
    video.model.setCurrentText("virtio")
    usb = tab.editors[ItemRef("hostdev", "0x046d:0xc52b")]
    assert usb.remove_box is not None
    usb.remove_box.setChecked(True)
    assert changes_listed(tab) == [
        "Video: virtio — at next boot", "Watchdog i6300esb: pause — at next boot",
        "Remove hostdev 0x046d:0xc52b — at next boot",
    ]
    apply_hardware(tab, qtbot)
    dom = definition(details)
    assert dom.watchdogs[0].action == "pause" and dom.videos[0].model == "virtio"
    assert len(dom.hostdevs) == 0


def test_a_serial_port_is_added_and_removed_at_next_boot(
    open_hardware: Callable[[str], DetailsWindow], definition: Callable[[DetailsWindow], Domain],
    qtbot: QtBot,
) -> None:
    details = open_hardware("on")
    tab = details.hardware
    dialog = open_add_dialog(tab)
    assert dialog.when.now.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("serial"))
    assert not dialog.when.now.isEnabled() and dialog.when.next_boot.isChecked()
    dialog.accept()
    assert changes_listed(tab) == ["Add serial port 0 (pty) — at next boot"]
    apply_hardware(tab, qtbot)
    assert tab.status.kind == "info", tab.status.text()
    dom = definition(details)
    [serial], [console] = dom.serials, dom.consoles
    assert (serial.type, serial.target_type, serial.target_port) == ("pty", "isa-serial", 0)
    assert (console.target_type, console.target_port) == ("serial", 0)
    qtbot.waitUntil(lambda: f"Serial 0 {PENDING_MARK}" in list_texts(tab), timeout=5000)
    editor = tab.editors[ItemRef("serial", "0")]
    assert isinstance(editor, SerialEditor) and editor.remove_box is not None
    editor.remove_box.setChecked(True)
    assert not editor.when.now.isEnabled()
    assert changes_listed(tab) == ["Remove serial 0 — at next boot"]
    apply_hardware(tab, qtbot)
    dom = definition(details)
    assert (len(dom.serials), len(dom.consoles)) == (0, 0)


def test_a_nic_picks_one_of_the_hosts_networks_or_a_typed_bridge(
    open_hardware: Callable[[str], DetailsWindow], definition: Callable[[DetailsWindow], Domain],
    qtbot: QtBot,
) -> None:
    details = open_hardware("off")
    tab = details.hardware
    nic = tab.editors[ItemRef("interface", MAC)]
    assert isinstance(nic, NicEditor)
    networks = [nic.source.itemText(i) for i in range(nic.source.count())]
    assert networks == ["default", "lab"] and not nic.source.isEditable()
    nic.source.setCurrentText("lab")
    assert changes_listed(tab) == [f"NIC {MAC}: network lab, model virtio — at next boot"]
    nic.kind.setCurrentText("bridge")
    assert nic.source.isEditable() and nic.source.count() == 0
    nic.source.setEditText("br0")
    assert changes_listed(tab) == [f"NIC {MAC}: bridge br0, model virtio — at next boot"]
    nic.kind.setCurrentText("network")
    nic.source.setCurrentText("lab")
    apply_hardware(tab, qtbot)
    assert definition(details).interfaces[0].source_network == "lab"


def test_a_cdrom_takes_an_iso_volume_of_the_host_or_a_local_file(
    open_hardware: Callable[[str], DetailsWindow], qtbot: QtBot,
) -> None:
    tab = open_hardware("off").hardware
    cdrom = tab.editors[ItemRef("disk", "sda")]
    assert isinstance(cdrom, DiskEditor)
    assert [cdrom.isos.itemText(i) for i in range(1, cdrom.isos.count())] == [
        "images / tools.iso"]
    cdrom.isos.setCurrentIndex(1)
    assert changes_listed(tab) == ["CD-ROM sda: insert /images/tools.iso — at next boot"]
    assert cdrom.browse is not None  # a test:/// URI is local: this machine's files
    choose_file_with(cdrom.browse, cdrom, "/srv/other.iso")
    assert cdrom.source.text() == "/srv/other.iso"
    assert tab.state is not None
    remote = DiskEditor(ItemRef("disk", "sda"), replace(tab.state, local_host=False))
    qtbot.addWidget(remote)
    assert remote.browse is None and remote.isos.count() == 2


def test_the_add_dialog_fills_the_path_from_a_pool_volume_or_a_local_file(
    open_hardware: Callable[[str], DetailsWindow],
) -> None:
    tab = open_hardware("off").hardware
    dialog = open_add_dialog(tab)
    dialog.kind.setCurrentIndex(dialog.kind.findData("disk"))
    assert dialog.volumes.isVisibleTo(dialog) and dialog.browse.isVisibleTo(dialog)
    assert [dialog.volumes.itemText(i) for i in range(1, dialog.volumes.count())] == [
        "images / data.img"]  # a disk image, not the ISO
    longest = max(dialog.volumes.fontMetrics().horizontalAdvance(dialog.volumes.itemText(i))
                  for i in range(dialog.volumes.count()))
    option = QStyleOptionComboBox()
    dialog.volumes.initStyleOption(option)
    field = dialog.volumes.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField,
        dialog.volumes)
    assert field.width() >= longest  # no entry cut off
    dialog.volumes.setCurrentIndex(1)
    dialog.volumes.activated.emit(1)
    assert dialog.path.text() == "/images/data.img"
    assert dialog.disk_format.currentText() == "raw"  # the volume's own format

    dialog.kind.setCurrentIndex(dialog.kind.findData("cdrom"))
    assert [dialog.volumes.itemText(i) for i in range(1, dialog.volumes.count())] == [
        "images / tools.iso"]
    choose_file_with(dialog.browse, dialog, "/srv/other.iso")
    assert dialog.path.text() == "/srv/other.iso"
    dialog.accept()
    assert changes_listed(tab) == ["Add disk sdb (/srv/other.iso) — at next boot"]
