"""The domain XML model: reading, writing in place, keeping what it does not know."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest
from lxml import etree

from kvmgui.core.xml.model import Disk, Domain, FirmwareFeature, Graphics, Interface, Listen
from kvmgui.core.xml.properties import (
    BoolProperty,
    IntProperty,
    KibProperty,
    StrProperty,
    UnsafeXmlError,
    XmlObject,
    parse_xml,
)

DEMO_FLEET = Path(__file__).resolve().parents[3] / "resources" / "demo-fleet.xml"


def _canonical(xml: str) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(xml.encode(), parser), method="c14n")


def _el(parent: etree._Element, path: str) -> etree._Element:
    el = parent.find(path)
    assert el is not None, f"no {path}"
    return el


def _demo_fleet_xml() -> Iterator[str]:
    conn = libvirt.open(f"test://{DEMO_FLEET}")
    try:
        for dom in conn.listAllDomains():
            yield dom.XMLDesc(0)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def default_test_domain_xml() -> str:
    """The test driver's built-in domain ``test``, read in another process.

    Opened by virsh, not here: test:///default's state would live as long as this process.
    """
    virsh = shutil.which("virsh")
    if virsh is None:
        pytest.skip("virsh is not installed (Debian package libvirt-clients)")
    done = subprocess.run(
        [virsh, "-c", "test:///default", "dumpxml", "test"],
        capture_output=True, text=True, check=True, timeout=60,
    )
    return done.stdout


# A domain as libvirt writes it, with what the model does not declare: a
# comment, foreign metadata, <iotune>, an address, a watchdog.
RICH_XML = """<domain type='kvm' id='7'>
  <name>rich</name>
  <uuid>b1a7c8e2-55f8-4c1a-9d9e-0e1f2a3b4c5d</uuid>
  <metadata>
    <app:tags xmlns:app="https://example.org/app"><app:tag>keep</app:tag></app:tags>
  </metadata>
  <memory unit='GiB'>2</memory>
  <currentMemory unit='KiB'>1048576</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
    <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>
    <nvram>/var/lib/libvirt/qemu/nvram/rich_VARS.fd</nvram>
    <boot dev='hd'/>
  </os>
  <features><acpi/><apic/><vmport state='off'/></features>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <!-- the system disk -->
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/var/lib/libvirt/images/rich.qcow2'/>
      <target dev='vda' bus='virtio'/>
      <iotune><total_iops_sec>500</total_iops_sec></iotune>
      <alias name='virtio-disk0'/>
      <address type='pci' domain='0x0000' bus='0x04' slot='0x00' function='0x0'/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:12:34:56'/>
      <source network='default'/>
      <target dev='vnet3'/>
      <model type='virtio'/>
    </interface>
    <graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
    <watchdog model='i6300esb' action='reset'/>
  </devices>
</domain>
"""


def test_reads_typed_values() -> None:
    dom = Domain.from_xml(RICH_XML)
    assert (dom.type, dom.name, dom.uuid) == ("kvm", "rich", "b1a7c8e2-55f8-4c1a-9d9e-0e1f2a3b4c5d")
    assert dom.memory_kib == 2 * 1024 * 1024  # GiB read as KiB
    assert dom.current_memory_kib == 1048576
    assert dom.vcpus == 2
    assert (dom.os_type, dom.arch, dom.machine) == ("hvm", "x86_64", "pc-q35-7.2")
    assert dom.is_uefi  # a pflash loader, no autoselection
    assert dom.firmware is None
    assert dom.secure_boot is None
    assert (dom.acpi, dom.apic, dom.vmport, dom.smm) == (True, True, False, None)
    assert [b.dev for b in dom.boot_devices] == ["hd"]
    assert dom.title is None
    [disk] = dom.disks
    assert (disk.target_dev, disk.target_bus, disk.driver_type, disk.path) == (
        "vda", "virtio", "qcow2", "/var/lib/libvirt/images/rich.qcow2",
    )
    [nic] = dom.interfaces
    assert (nic.type, nic.source, nic.mac, nic.model, nic.target_dev) == (
        "network", "default", "52:54:00:12:34:56", "virtio", "vnet3",
    )
    [graphics] = dom.graphics
    assert (graphics.type, graphics.port, graphics.autoport) == ("vnc", 5901, True)
    assert graphics.listen_address == "127.0.0.1"
    assert dom.emulator == "/usr/bin/qemu-system-x86_64"


def test_unknown_nodes_survive_a_round_trip_and_edits() -> None:
    dom = Domain.from_xml(RICH_XML)
    assert _canonical(dom.to_xml()) == _canonical(RICH_XML)

    dom.vcpus = 4
    dom.disks[0].target_bus = "scsi"
    dom.interfaces.remove(dom.interfaces[0])
    extra = Disk()
    extra.device = "cdrom"
    extra.source_file = "/isos/x.iso"
    dom.disks.append(extra)

    root = etree.fromstring(dom.to_xml().encode())
    assert root.get("id") == "7"
    assert root.findtext("{*}metadata/{*}tags/{*}tag") == "keep"
    assert root.find("os/nvram") is not None
    assert root.findtext("devices/disk/iotune/total_iops_sec") == "500"
    assert _el(root, "devices/disk/address").get("bus") == "0x04"
    assert _el(root, "devices/watchdog").get("action") == "reset"
    comments = [c.text for c in root.iter(etree.Comment)]
    assert comments == [" the system disk "]
    assert root.findtext("vcpu") == "4"
    assert _el(root, "vcpu").get("placement") == "static"
    assert root.find("devices/interface") is None
    # The new disk goes after the other disk, before the graphics.
    assert [c.tag for c in _el(root, "devices") if isinstance(c.tag, str)] == [
        "emulator", "disk", "disk", "graphics", "watchdog",
    ]


def test_round_trip_of_the_test_drivers_domain(default_test_domain_xml: str) -> None:
    dom = Domain.from_xml(default_test_domain_xml)
    assert dom.name == "test"
    assert dom.memory_kib is not None and dom.memory_kib > 0
    assert _canonical(dom.to_xml()) == _canonical(default_test_domain_xml)


def test_round_trip_of_the_demo_fleet() -> None:
    xmls = list(_demo_fleet_xml())
    assert len(xmls) == 30
    for xml in xmls:
        dom = Domain.from_xml(xml)
        assert _canonical(dom.to_xml()) == _canonical(xml), dom.name
        assert [d.target_dev for d in dom.disks] == ["vda"]
        assert dom.disks[0].path == f"/var/lib/libvirt/images/{dom.name}.qcow2"


def test_setting_a_property_creates_missing_parents_in_libvirts_order() -> None:
    dom = Domain.from_xml("<domain type='kvm'><name>n</name><devices/></domain>")
    dom.machine = "q35"
    dom.os_id = "http://debian.org/debian/12"
    dom.uuid = "00000000-0000-0000-0000-000000000001"
    dom.smm = True
    xml = dom.to_xml()
    root = etree.fromstring(xml.encode())
    assert [c.tag for c in root] == ["name", "uuid", "metadata", "os", "features", "devices"]
    assert _el(root, "os/type").get("machine") == "q35"
    assert _el(root, "features/smm").get("state") == "on"
    libosinfo = "{http://libosinfo.org/xmlns/libvirt/domain/1.0}"
    assert _el(root, f"metadata/{libosinfo}libosinfo/{libosinfo}os").get("id") == (
        "http://debian.org/debian/12"
    )
    assert 'xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0"' in xml
    assert Domain.from_xml(xml).os_id == "http://debian.org/debian/12"


def test_setting_none_removes_the_value_and_the_elements_it_alone_kept() -> None:
    dom = Domain.from_xml(RICH_XML)
    dom.os_id = "http://example.org/os"
    dom.os_id = None
    root = etree.fromstring(dom.to_xml().encode())
    assert root.find("metadata/{*}libosinfo") is None
    assert root.find("metadata/{*}tags") is not None  # the foreign metadata stays

    dom.vmport = None
    assert dom.node.find("features/vmport") is None
    assert dom.acpi  # its siblings stay
    dom.current_memory_kib = None
    assert dom.node.find("currentMemory") is None  # the element, with its unit

    nic = Interface()
    nic.source_network = "default"
    nic.source_network = None
    assert len(nic.node) == 0


class _Probe(XmlObject):
    """Properties the model classes do not exercise."""

    TAG = "probe"
    predicate = BoolProperty("./firmware/feature[@name='secure-boot']/@enabled")
    address = IntProperty("./address/@slot")
    size = KibProperty("./size")
    bus = StrProperty("./@bus", ("virtio", "sata"))


def test_a_predicate_step_is_created_with_its_attributes_and_removed_with_them() -> None:
    probe = _Probe()
    probe.predicate = True
    assert etree.tostring(probe.node) == (
        b'<probe><firmware><feature name="secure-boot" enabled="yes"/></firmware></probe>'
    )
    probe.predicate = None
    assert etree.tostring(probe.node) == b"<probe/>"


def test_value_types() -> None:
    probe = _Probe(parse_xml("<probe><address slot='0x1f'/><size unit='M'>3</size></probe>"))
    assert probe.address == 31
    assert probe.size == 3 * 1024
    probe.size = 1536  # KiB, not whole MiB
    assert (probe.node.findtext("size"), _el(probe.node, "size").get("unit")) == ("1536", "KiB")
    probe.size = 4 * 1024
    assert (probe.node.findtext("size"), _el(probe.node, "size").get("unit")) == ("4", "MiB")
    probe.bus = "sata"
    with pytest.raises(ValueError, match="bus"):
        probe.bus = "ide"
    assert probe.bus == "sata"


def test_device_lists_append_and_remove() -> None:
    dom = Domain()
    dom.name = "fresh"
    nic = dom.interfaces.append(Interface())
    nic.type = "user"
    graphics = dom.graphics.append(Graphics())
    listen = graphics.listens.append(Listen())
    listen.type = "none"
    assert len(dom.interfaces) == 1 and dom.interfaces[0] == nic
    dom.interfaces.remove(nic)
    assert len(dom.interfaces) == 0
    with pytest.raises(ValueError, match="not in this list"):
        dom.interfaces.remove(nic)
    feature = dom.firmware_features.append(FirmwareFeature())
    feature.name = "secure-boot"
    feature.enabled = False
    assert dom.secure_boot is False
    assert etree.fromstring(dom.to_xml().encode()).find("os/firmware/feature") is not None


def test_wrong_root_is_refused() -> None:
    with pytest.raises(ValueError, match="<domain>"):
        Domain.from_xml("<network><name>n</name></network>")


def test_entities_and_dtds_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("leaked")
    external = (
        f'<!DOCTYPE domain [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<domain><name>&x;</name></domain>"
    )
    with pytest.raises(UnsafeXmlError):
        Domain.from_xml(external)
    with pytest.raises((UnsafeXmlError, etree.XMLSyntaxError)):
        Domain.from_xml(
            '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            "<domain><name>&b;</name></domain>"
        )
