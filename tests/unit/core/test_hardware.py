"""Hardware changes: golden XML per editor (input + edit → expected), schema-valid results,
pending items, and applying on the test driver (define for next boot, live calls now)."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import libvirt
import pytest
from lxml import etree

from kvmgui.core.editing import read_definition_xml, schema_errors
from kvmgui.core.hardware import (
    BOTH,
    Change,
    ItemRef,
    NewVolume,
    UsbDevice,
    When,
    add_device,
    add_new_volume_disk,
    add_serial,
    apply_changes,
    change_media,
    free_serial_port,
    free_target,
    hardware_items,
    item_label,
    network_names,
    new_rng,
    new_sound,
    new_tpm,
    new_usb_hostdev,
    new_watchdog,
    pending_items,
    read_hardware,
    remove_device,
    set_boot,
    set_cpu_mode,
    set_cpu_topology,
    set_graphics,
    set_link,
    set_memory,
    set_vcpus,
    set_video_model,
    set_watchdog_action,
    storage_pools,
    update_disk,
    update_interface,
    usb_host_devices,
)
from kvmgui.core.lifecycle import path_users
from kvmgui.core.media import MediaKind
from kvmgui.core.xml.domain import (
    DiskSpec,
    NetworkSpec,
    cdrom_device,
    disk_device,
    interface_device,
)
from kvmgui.core.xml.model import Domain

DATA = Path(__file__).resolve().parents[2] / "data" / "hardware"
REGEN = os.environ.get("KVMGUI_REGEN_GOLDEN") == "1"
MAC = "52:54:00:12:34:56"


def _new_nic() -> Change:
    nic = interface_device(NetworkSpec.bridge("br0"))
    nic.mac = "52:54:00:ab:cd:ef"
    return add_device(nic, When.NEXT_BOOT)


GOLDEN_EDITS: dict[str, Callable[[], Change]] = {
    "vcpus-2-of-4": lambda: set_vcpus(2, 4, When.NEXT_BOOT),
    "cpu-host-model": lambda: set_cpu_mode("host-model"),
    "cpu-named-model": lambda: set_cpu_mode("custom", "Skylake-Client"),
    "cpu-topology-1-2-1": lambda: set_cpu_topology(1, 2, 1),
    "memory-1g-of-4g": lambda: set_memory(1024 * 1024, 4 * 1024 * 1024, When.NEXT_BOOT),
    "boot-cdrom-hd-menu": lambda: set_boot(["cdrom", "hd"], menu=True),
    "cdrom-eject": lambda: change_media("sda", None, When.NEXT_BOOT),
    "cdrom-insert": lambda: change_media("sda", "/srv/iso/other.iso", When.NEXT_BOOT),
    "disk-sata-writeback-readonly": lambda: update_disk(
        "vda", bus="sata", cache="writeback", readonly=True, shareable=False, taken=["sda"]),
    "disk-add-file": lambda: add_device(
        disk_device(DiskSpec("/srv/data.qcow2"), "vdb"), When.NEXT_BOOT),
    "disk-add-cdrom": lambda: add_device(cdrom_device("/srv/iso/tools.iso", "sdb"), When.NEXT_BOOT),
    "disk-remove": lambda: remove_device(ItemRef("disk", "vda"), When.NEXT_BOOT),
    "nic-link-down": lambda: set_link(MAC, up=False, when=When.NEXT_BOOT),
    "nic-bridge-e1000e": lambda: update_interface(MAC, "bridge", "br0", "e1000e"),
    "nic-add-bridge": _new_nic,
    "nic-remove": lambda: remove_device(ItemRef("interface", MAC), When.NEXT_BOOT),
    "graphics-vnc-none": lambda: set_graphics("spice", "vnc", "none"),
    "graphics-spice-local": lambda: set_graphics("spice", "spice", "local"),
    "video-qxl": lambda: set_video_model("virtio", "qxl"),
    "sound-add-ich9": lambda: add_device(new_sound("ich9"), When.NEXT_BOOT),
    "tpm-add": lambda: add_device(new_tpm(), When.NEXT_BOOT),
    "rng-add": lambda: add_device(new_rng(), When.NEXT_BOOT),
    "watchdog-add": lambda: add_device(new_watchdog("i6300esb", "poweroff"), When.NEXT_BOOT),
    "usb-hostdev-add": lambda: add_device(new_usb_hostdev("0x046d", "0xc52b"), When.NEXT_BOOT),
    "video-remove": lambda: remove_device(ItemRef("video", "virtio"), When.NEXT_BOOT),
    "serial-add": lambda: add_serial(1),
    "serial-remove": lambda: remove_device(ItemRef("serial", "0"), When.NEXT_BOOT),
}


def _canonical(xml: str) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(xml.encode(), parser), method="c14n")


@pytest.mark.parametrize("name", sorted(GOLDEN_EDITS))
def test_each_edit_matches_its_golden_xml_and_the_schema(name: str) -> None:
    dom = Domain.from_xml((DATA / "input.xml").read_text())
    GOLDEN_EDITS[name]().edit(dom)
    actual = dom.to_xml()
    golden = DATA / f"{name}.xml"
    if REGEN:
        golden.write_text(actual)
    expected = golden.read_text()
    if _canonical(actual) != _canonical(expected):
        diff = "\n".join(difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), str(golden), name, lineterm=""))
        pytest.fail(f"edited XML differs from the golden file:\n{diff}")
    assert schema_errors(actual) == []


def test_every_golden_file_has_an_edit() -> None:
    files = {p.stem for p in DATA.glob("*.xml")} - {"input"}
    assert files == set(GOLDEN_EDITS)


def test_an_edit_keeps_what_the_model_does_not_know() -> None:
    dom = Domain.from_xml((DATA / "input.xml").read_text())
    set_link(MAC, up=False, when=When.NEXT_BOOT).edit(dom)
    text = dom.to_xml()
    assert 'bus="0x01" slot="0x00"' in text and "libosinfo:os" in text


def test_the_hardware_list_names_every_item() -> None:
    dom = Domain.from_xml((DATA / "input.xml").read_text())
    assert [item_label(dom, ref) for ref in hardware_items(dom)] == [
        "CPUs", "Memory", "Boot Options", "Disk vda", "CD-ROM sda", "NIC 12:34:56", "Display Spice",
        "Video virtio", "Serial 0",
    ]


def test_a_serial_port_goes_on_the_next_free_port_with_a_console_where_none_is() -> None:
    dom = Domain.from_xml((DATA / "input.xml").read_text())
    assert free_serial_port(dom) == 1
    remove_device(ItemRef("serial", "0"), When.NEXT_BOOT).edit(dom)
    assert (len(dom.serials), len(dom.consoles), free_serial_port(dom)) == (0, 0, 0)
    change = add_serial(free_serial_port(dom))
    assert (change.item, change.when, change.live) == (ItemRef("serial", "0"), When.NEXT_BOOT, None)
    change.edit(dom)
    [serial], [console] = dom.serials, dom.consoles
    assert (serial.type, serial.target_type, serial.target_port, serial.target_model) == (
        "pty", "isa-serial", 0, "isa-serial")
    assert (console.type, console.target_type, console.target_port) == ("pty", "serial", 0)
    assert item_label(dom, ItemRef("serial", "0")) == "Serial 0"
    assert schema_errors(dom.to_xml()) == []
    add_serial(free_serial_port(dom)).edit(dom)
    assert [s.target_port for s in dom.serials] == [0, 1] and len(dom.consoles) == 1


def test_free_targets_follow_the_bus() -> None:
    assert free_target(["vda", "sda"], "virtio") == "vdb"
    assert free_target(["vda", "sda"], "sata") == "sdb"


def test_a_change_that_needs_a_restart_cannot_apply_now() -> None:
    with pytest.raises(ValueError, match="cannot apply to a running VM"):
        Change(ItemRef("boot"), "boot", BOTH, lambda dom: None)


def test_pending_items_are_where_definition_and_running_xml_differ() -> None:
    running = Domain.from_xml((DATA / "input.xml").read_text())
    definition = Domain.from_xml((DATA / "input.xml").read_text())
    assert pending_items(definition, running) == set()
    assert pending_items(definition, None) == set()
    set_vcpus(2, 4, When.NEXT_BOOT).edit(definition)
    remove_device(ItemRef("interface", MAC), When.NEXT_BOOT).edit(definition)
    assert pending_items(definition, running) == {ItemRef("cpu"), ItemRef("interface", MAC)}


# ------------------------------------------------------- on the test driver

UUID = "4a1f0c52-1d3e-4a8b-9f3c-2b7d9e6a1c09"
TEST_DOMAIN = f"""<domain type='test'><name>hw</name><uuid>{UUID}</uuid>
<memory unit='MiB'>512</memory><vcpu current='1'>4</vcpu><os><type>hvm</type></os>
<devices><disk type='file' device='disk'><source file='{{disk}}'/>
<target dev='vda' bus='virtio'/></disk>
<interface type='network'><mac address='{MAC}'/><source network='default'/></interface>
</devices></domain>"""


@pytest.fixture
def conn(empty_test_conn: libvirt.virConnect, tmp_path: Path) -> libvirt.virConnect:
    empty_test_conn.defineXML(TEST_DOMAIN.format(disk=tmp_path / "hw.img"))
    return empty_test_conn


def definition(conn: libvirt.virConnect) -> Domain:
    return Domain.from_xml(read_definition_xml(conn.lookupByUUIDString(UUID)))


def test_next_boot_changes_are_defined_together(conn: libvirt.virConnect) -> None:
    errors = apply_changes(conn, UUID, [
        set_vcpus(2, 4, When.NEXT_BOOT), set_memory(256 * 1024, 1024 * 1024, When.NEXT_BOOT),
        set_boot(["cdrom", "hd"], menu=True),
    ])
    assert errors == []
    dom = definition(conn)
    assert (dom.vcpus_current, dom.vcpus) == (2, 4)
    assert (dom.current_memory_kib, dom.memory_kib) == (256 * 1024, 1024 * 1024)
    assert [b.dev for b in dom.boot_devices] == ["cdrom", "hd"] and dom.boot_menu


def test_live_changes_apply_now_and_next_boot_ones_stay_pending(conn: libvirt.virConnect) -> None:
    virdom = conn.lookupByUUIDString(UUID)
    virdom.create()
    assert read_hardware(virdom).pending == set()
    errors = apply_changes(conn, UUID, [
        set_vcpus(3, 4, When.NOW), set_memory(256 * 1024, 512 * 1024, BOTH),
        set_cpu_mode("host-model"),
    ])
    assert errors == []
    state = read_hardware(virdom)
    assert state.running is not None
    assert state.running.vcpus_current == 3 and state.definition.vcpus_current == 1
    assert state.running.current_memory_kib == state.definition.current_memory_kib == 256 * 1024
    assert state.pending == {ItemRef("cpu")}


def test_a_refused_definition_applies_nothing_and_says_so_per_item(
    conn: libvirt.virConnect,
) -> None:
    before = read_definition_xml(conn.lookupByUUIDString(UUID))
    errors = apply_changes(conn, UUID, [
        set_memory(256 * 1024, 512 * 1024, When.NEXT_BOOT),
        update_disk("vda", bus="bogus-bus", cache=None, readonly=False, shareable=False),
    ])
    assert [e.item for e in errors] == [ItemRef("memory"), ItemRef("disk", "vda")]
    assert all("schema" in e.message for e in errors)
    assert read_definition_xml(conn.lookupByUUIDString(UUID)) == before


def test_a_live_call_the_driver_lacks_is_said_next_to_its_item(conn: libvirt.virConnect) -> None:
    conn.lookupByUUIDString(UUID).create()
    errors = apply_changes(conn, UUID, [set_link(MAC, up=False, when=BOTH)])
    assert len(errors) == 1 and errors[0].item == ItemRef("interface", MAC)
    assert "not supported" in errors[0].message
    assert definition(conn).interfaces[0].link_state == "down"
    assert read_hardware(conn.lookupByUUIDString(UUID)).pending == {ItemRef("interface", MAC)}


def test_storage_is_kept_while_a_vm_uses_it_and_outside_pools(
    conn: libvirt.virConnect, tmp_path: Path,
) -> None:
    path = str(tmp_path / "hw.img")
    conn.defineXML(TEST_DOMAIN.format(disk=path).replace(UUID, UUID[:-2] + "10")
                   .replace("<name>hw</name>", "<name>other</name>")
                   .replace(MAC, "52:54:00:00:00:10"))
    assert path_users(conn, [path]) == {path: ("hw", "other")}
    errors = apply_changes(conn, UUID, [
        remove_device(ItemRef("disk", "vda"), When.NEXT_BOOT, delete_storage=path)])
    assert [e.message for e in errors] == [f"{path} was kept: other still uses it."]
    assert len(definition(conn).disks) == 0


@pytest.fixture
def pool_conn(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    """A test-driver host with the domain and a storage pool."""
    node = tmp_path / "node.xml"
    node.write_text(
        "<node>" + TEST_DOMAIN.format(disk=tmp_path / "hw.img")
        + "<pool type='dir'><name>images</name><uuid>4a1f0c52-1d3e-4a8b-9f3c-2b7d9e6a1c30</uuid>"
        "<target><path>/images</path></target></pool></node>"
    )
    conn = libvirt.open(f"test://{node}")
    yield conn
    conn.close()


def test_a_new_volume_disk_creates_its_volume_or_leaves_none(
    pool_conn: libvirt.virConnect,
) -> None:
    assert storage_pools(pool_conn) == ["images"]
    pool = pool_conn.storagePoolLookupByName("images")
    refused = add_new_volume_disk(NewVolume("images", "bad.qcow2", 2**30), "vdb", "bogus-bus",
                                  When.NEXT_BOOT)
    errors = apply_changes(pool_conn, UUID, [refused])
    assert len(errors) == 1 and "schema" in errors[0].message
    assert "bad.qcow2" not in pool.listVolumes()

    change = add_new_volume_disk(NewVolume("images", "data.qcow2", 2**30), "vdb", "virtio",
                                 When.NEXT_BOOT)
    assert change.label == "Add disk vdb: new volume images/data.qcow2 (1 GiB)"
    assert apply_changes(pool_conn, UUID, [change]) == []
    assert pool.storageVolLookupByName("data.qcow2").info()[1] == 2**30
    [_, added] = definition(pool_conn).disks
    assert (added.source_pool, added.source_volume, added.target_dev) == (
        "images", "data.qcow2", "vdb")


def test_a_volume_another_vm_has_by_pool_and_name_is_kept(pool_conn: libvirt.virConnect) -> None:
    pool = pool_conn.storagePoolLookupByName("images")
    pool.createXML("<volume><name>data.qcow2</name><capacity>1024</capacity></volume>", 0)
    path = "/images/data.qcow2"
    add = add_new_volume_disk(NewVolume("images", "x.qcow2", 2**20), "vdb", "virtio",
                              When.NEXT_BOOT)
    assert apply_changes(pool_conn, UUID, [add]) == []
    # "other" names the volume by pool and name, never by its path.
    other = TEST_DOMAIN.format(disk="/srv/other.img").replace(UUID, UUID[:-2] + "10").replace(
        "<name>hw</name>", "<name>other</name>").replace(MAC, "52:54:00:00:00:10").replace(
        "</devices>", "<disk type='volume' device='disk'><source pool='images' "
        "volume='data.qcow2'/><target dev='vdb' bus='virtio'/></disk></devices>")
    pool_conn.defineXML(other)
    assert path_users(pool_conn, [path, "/images/x.qcow2"]) == {
        path: ("other",), "/images/x.qcow2": ("hw",)}
    errors = apply_changes(pool_conn, UUID, [
        remove_device(ItemRef("disk", "vdb"), When.NEXT_BOOT, delete_storage="/images/x.qcow2"),
    ])
    assert errors == [] and "x.qcow2" not in pool.listVolumes()
    pool_conn.lookupByName("other").create()  # running: its live XML and definition count
    assert path_users(pool_conn, [path]) == {path: ("other",)}
    assert path_users(pool_conn, [path], pool_conn.lookupByName("other").UUIDString()) == {
        path: ()}


def test_watchdog_action_and_a_second_edit_of_the_same_document() -> None:
    dom = Domain.from_xml((DATA / "input.xml").read_text())
    add_device(new_watchdog("i6300esb", "reset"), When.NEXT_BOOT).edit(dom)
    set_watchdog_action("i6300esb", "pause").edit(dom)
    [watchdog] = dom.watchdogs
    assert (watchdog.model, watchdog.action) == ("i6300esb", "pause")
    assert item_label(dom, ItemRef("watchdog", "i6300esb")) == "Watchdog i6300esb"
    assert schema_errors(dom.to_xml()) == []


def test_usb_devices_are_listed_from_the_hosts_node_devices(tmp_path: Path) -> None:
    node = tmp_path / "node.xml"
    node.write_text(
        "<node><device><name>usb_1_2</name><parent>computer</parent>"
        "<capability type='usb_device'><bus>1</bus><device>2</device>"
        "<product id='0xc52b'>Unifying Receiver</product>"
        "<vendor id='0x046d'>Logitech, Inc.</vendor></capability></device></node>"
    )
    conn = libvirt.open(f"test://{node}")
    try:
        assert usb_host_devices(conn) == [
            UsbDevice("0x046d", "0xc52b", "Logitech, Inc. Unifying Receiver")]
    finally:
        conn.close()


def test_the_hosts_networks_and_iso_volumes_are_read_with_the_hardware(tmp_path: Path) -> None:
    node = tmp_path / "node.xml"
    node.write_text(
        "<node>" + TEST_DOMAIN.format(disk=tmp_path / "hw.img")
        + "<pool type='dir'><name>images</name><target><path>/images</path></target>"
        "<volume type='file'><name>tools.iso</name><capacity>1000</capacity></volume>"
        "<volume type='file'><name>data.qcow2</name><capacity>1000</capacity></volume></pool>"
        "<network><name>lab</name><bridge name='virbr9'/></network>"
        "<network><name>default</name><bridge name='virbr0'/></network></node>"
    )
    conn = libvirt.open(f"test://{node}")
    try:
        assert network_names(conn) == ["default", "lab"]
        state = read_hardware(conn.lookupByUUIDString(UUID))
        assert state.networks == ("default", "lab") and state.local_host
        assert [(v.pool, v.name, v.path) for v in state.volumes_of(MediaKind.ISO)] == [
            ("images", "tools.iso", "/images/tools.iso")]
        assert [v.name for v in state.volumes_of(MediaKind.DISK_IMAGE)] == ["data.qcow2"]
    finally:
        conn.close()
