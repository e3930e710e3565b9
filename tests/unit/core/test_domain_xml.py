"""New-VM domain XML: golden files, libvirt's schema and test driver, disk reading."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import libvirt
import pytest
from lxml import etree

from kvmgui.core.xml.domain import (
    DiskRef,
    DiskSpec,
    NetworkSpec,
    NewVmSpec,
    SourceKind,
    build_domain_xml,
    domain_disks,
    validate_vm_name,
)
from tests.unit.core.golden_specs import GOLDEN_SPECS, IMAGES, ISO

GOLDEN_DIR = Path(__file__).resolve().parents[2] / "data" / "golden"
SCHEMA_DIR = Path("/usr/share/libvirt/schemas")
REGEN = os.environ.get("KVMGUI_REGEN_GOLDEN") == "1"

def _canonical(xml: str) -> bytes:
    """Whitespace-insensitive canonical form: formatting changes do not fail a golden."""
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(xml.encode(), parser), method="c14n")


@pytest.mark.parametrize("name", sorted(GOLDEN_SPECS))
def test_build_domain_xml_matches_golden(name: str) -> None:
    golden = GOLDEN_DIR / f"domain-{name}.xml"
    actual = build_domain_xml(GOLDEN_SPECS[name])
    if REGEN:
        GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual)
    assert golden.exists(), f"missing {golden}: run with KVMGUI_REGEN_GOLDEN=1 and review the diff"
    expected = golden.read_text()
    if _canonical(actual) != _canonical(expected):
        diff = "\n".join(difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), str(golden), "build_domain_xml",
            lineterm="",
        ))
        pytest.fail(f"domain XML differs from the golden file:\n{diff}")


def test_every_golden_file_has_a_spec() -> None:
    """A stale golden (spec renamed or removed) would otherwise never be checked."""
    files = {p.name for p in GOLDEN_DIR.glob("domain-*.xml")}
    assert files == {f"domain-{name}.xml" for name in GOLDEN_SPECS}


@pytest.fixture(scope="module")
def domain_schema() -> etree.RelaxNG:
    schema = SCHEMA_DIR / "domain.rng"
    if not schema.exists():
        pytest.skip("libvirt's RelaxNG schemas are not installed (libvirt-daemon / -clients)")
    return etree.RelaxNG(etree.parse(str(schema)))


@pytest.mark.parametrize("name", sorted(GOLDEN_SPECS))
def test_domain_xml_is_valid_for_libvirt_schema(name: str, domain_schema: etree.RelaxNG) -> None:
    # What virt-xml-validate does, without needing xmllint.
    doc = etree.fromstring(build_domain_xml(GOLDEN_SPECS[name]).encode())
    assert domain_schema.validate(doc), str(domain_schema.error_log)


def test_schema_check_rejects_a_broken_domain(domain_schema: etree.RelaxNG) -> None:
    """The schema test above can fail: an unknown element is refused."""
    xml = build_domain_xml(GOLDEN_SPECS["iso-bios"]).replace("<acpi/>", "<acpi/><bogus/>")
    assert not domain_schema.validate(etree.fromstring(xml.encode()))


@pytest.mark.parametrize("name", sorted(GOLDEN_SPECS))
def test_domain_xml_defines_on_test_driver(name: str, empty_test_conn: libvirt.virConnect) -> None:
    spec = GOLDEN_SPECS[name]
    dom = empty_test_conn.defineXML(build_domain_xml(spec))
    assert dom.name() == spec.name
    described = dom.XMLDesc(0)
    # libvirt kept every disk as we wrote it.
    assert [(d.target, d.device, d.path) for d in domain_disks(described)] == [
        (d.target, d.device, d.path) for d in domain_disks(build_domain_xml(spec))
    ]


def _parse(spec: NewVmSpec) -> etree._Element:
    return etree.fromstring(build_domain_xml(spec).encode())


def _el(parent: etree._Element, path: str, ns: dict[str, str] | None = None) -> etree._Element:
    el = parent.find(path, ns)
    assert el is not None, f"no {path}"
    return el


def _attrs(el: etree._Element) -> dict[str, str]:
    return {str(k): str(v) for k, v in el.items()}


# Checks independent of the golden files, so a careless regeneration cannot hide them.


def test_common_devices() -> None:
    root = _parse(GOLDEN_SPECS["iso-bios"])
    assert root.get("type") == "kvm"
    assert _el(root, "os/type").get("machine") == "q35"
    assert root.findtext("on_reboot") == "restart"
    graphics = _el(root, "devices/graphics")
    assert graphics.get("type") == "spice"
    # No TCP port another local user could open: viewers attach through libvirt.
    assert graphics.get("autoport") is None and graphics.get("port") is None
    assert _attrs(_el(graphics, "listen")) == {"type": "none"}
    remote = _el(_parse(GOLDEN_SPECS["import-bios"]), "devices/graphics")
    assert remote.get("autoport") == "yes"
    assert _attrs(_el(remote, "listen")) == {"type": "address", "address": "127.0.0.1"}
    assert _el(root, "devices/serial").get("type") == "pty"
    assert _el(root, "devices/console").get("type") == "pty"
    assert _el(root, "devices/console/target").get("type") == "serial"
    names = [t.get("name") for t in root.iterfind("devices/channel[@type='unix']/target")]
    assert names == ["org.qemu.guest_agent.0"]
    assert _el(root, "devices/video/model").get("type") == "virtio"
    assert _attrs(_el(root, "devices/input")) == {"type": "tablet", "bus": "usb"}
    assert root.findtext("devices/rng/backend") == "/dev/urandom"
    assert _el(root, "devices/memballoon").get("model") == "virtio"
    assert _el(root, "devices/interface/model").get("type") == "virtio"
    assert _attrs(_el(root, "memory")) == {"unit": "MiB"}
    assert root.findtext("memory") == "2048"
    assert root.findtext("vcpu") == "2"


def test_cpu_host_passthrough_only_with_kvm() -> None:
    assert _el(_parse(GOLDEN_SPECS["iso-bios"]), "cpu").get("mode") == "host-passthrough"
    tcg = _parse(GOLDEN_SPECS["iso-tcg-bios"])
    assert tcg.get("type") == "qemu"
    assert tcg.find("cpu") is None


def test_firmware() -> None:
    bios = _parse(GOLDEN_SPECS["iso-bios"])
    assert _el(bios, "os").get("firmware") is None
    assert bios.find("os/firmware") is None
    efi = _parse(GOLDEN_SPECS["iso-uefi"])
    assert _el(efi, "os").get("firmware") == "efi"
    assert _attrs(_el(efi, "os/firmware/feature")) == {"enabled": "no", "name": "secure-boot"}
    assert efi.find("features/smm") is None
    secure = _parse(GOLDEN_SPECS["import-uefi-secureboot-sata"])
    assert _el(secure, "os/firmware/feature").get("enabled") == "yes"
    assert _el(secure, "features/smm").get("state") == "on"


@pytest.mark.parametrize(
    ("name", "boot"),
    [
        ("iso-bios", ["cdrom", "hd"]),
        ("import-bios", ["hd"]),
        ("cloudinit-bios", ["hd"]),
        ("pxe-bios", ["network", "hd"]),
        ("empty-bios", ["hd"]),
    ],
)
def test_boot_order(name: str, boot: list[str]) -> None:
    assert [b.get("dev") for b in _parse(GOLDEN_SPECS[name]).iterfind("os/boot")] == boot


def test_pxe_without_disk_boots_network_only() -> None:
    spec = NewVmSpec("pxe", 512, 1, SourceKind.PXE)
    assert [b.get("dev") for b in _parse(spec).iterfind("os/boot")] == ["network"]


def test_live_iso_without_disk_boots_cdrom_only() -> None:
    spec = NewVmSpec("live", 512, 1, SourceKind.ISO, cdrom=ISO)
    assert [b.get("dev") for b in _parse(spec).iterfind("os/boot")] == ["cdrom"]


def test_disks_per_source_kind() -> None:
    iso = domain_disks(build_domain_xml(GOLDEN_SPECS["iso-bios"]))
    assert [(d.target, d.device, d.bus, d.format, d.path) for d in iso] == [
        ("vda", "disk", "virtio", "qcow2", f"{IMAGES}/deb-iso.qcow2"),
        ("sda", "cdrom", "sata", "raw", ISO),
    ]
    assert iso[1].readonly
    cloud = domain_disks(build_domain_xml(GOLDEN_SPECS["cloudinit-bios"]))
    assert [d.path for d in cloud] == [f"{IMAGES}/cloud1.qcow2", f"{IMAGES}/cloud1-seed.iso"]
    sata = domain_disks(build_domain_xml(GOLDEN_SPECS["import-uefi-secureboot-sata"]))
    assert [(d.target, d.bus) for d in sata] == [("sda", "sata")]
    assert domain_disks(build_domain_xml(GOLDEN_SPECS["empty-bios"])) == []


def test_sata_disk_and_cdrom_get_distinct_targets() -> None:
    spec = NewVmSpec("w", 1024, 1, SourceKind.ISO, disk=DiskSpec("/d.qcow2", bus="sata"),
                     cdrom="/i.iso")
    assert [d.target for d in domain_disks(build_domain_xml(spec))] == ["sda", "sdb"]


def test_block_device_disk() -> None:
    disk = _el(_parse(GOLDEN_SPECS["pxe-bios"]), "devices/disk")
    assert disk.get("type") == "block"
    assert _attrs(_el(disk, "source")) == {"dev": "/dev/vg0/netboot"}


@pytest.mark.parametrize(
    ("network", "iface_type", "source"),
    [
        (NetworkSpec.libvirt_network("default"), "network", {"network": "default"}),
        (NetworkSpec.bridge("br0"), "bridge", {"bridge": "br0"}),
        (NetworkSpec.user(), "user", None),
    ],
)
def test_network_kinds(
    network: NetworkSpec, iface_type: str, source: dict[str, str] | None
) -> None:
    spec = NewVmSpec("n", 512, 1, SourceKind.EMPTY, network=network)
    iface = _el(_parse(spec), "devices/interface")
    assert iface.get("type") == iface_type
    src = iface.find("source")
    assert (_attrs(src) if src is not None else None) == source


def test_libosinfo_metadata() -> None:
    root = _parse(GOLDEN_SPECS["iso-bios"])
    ns = {"l": "http://libosinfo.org/xmlns/libvirt/domain/1.0"}
    assert _el(root, "metadata/l:libosinfo/l:os", ns).get("id") == "http://debian.org/debian/11"
    assert _parse(GOLDEN_SPECS["empty-bios"]).find("metadata") is None


def test_special_characters_in_paths_are_escaped() -> None:
    spec = NewVmSpec("x", 512, 1, SourceKind.ISO, cdrom="/isos/a&b <'\"c>.iso")
    assert domain_disks(build_domain_xml(spec))[0].path == "/isos/a&b <'\"c>.iso"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "name"),
        ({"name": "a/b"}, "name"),
        ({"name": "-x"}, "name"),
        ({"name": "x" * 65}, "name"),
        ({"memory_mib": 32}, "memory"),
        ({"vcpus": 0}, "vCPU"),
        ({"source": SourceKind.ISO, "cdrom": None}, "CD-ROM"),
        ({"source": SourceKind.IMPORT}, "disk"),
        ({"source": SourceKind.CLOUD_INIT, "cdrom": "/seed.iso"}, "disk"),
        ({"source": SourceKind.CLOUD_INIT, "cdrom": "/s.iso",
          "disk": DiskSpec("/d.img", format="raw")}, "qcow2"),
        ({"source": SourceKind.PXE, "cdrom": "/x.iso"}, "CD-ROM"),
        ({"cdrom": "relative.iso"}, "absolute"),
        ({"secure_boot": True}, "UEFI"),
        ({"virt_type": "xen"}, "virt type"),
        ({"firmware": "coreboot"}, "firmware"),
    ],
)
def test_invalid_specs_are_refused(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {
        "name": "ok", "memory_mib": 512, "vcpus": 1, "source": SourceKind.EMPTY, **kwargs,
    }
    with pytest.raises(ValueError, match=message):
        NewVmSpec(**args)  # type: ignore[arg-type]


def test_invalid_disk_and_network_specs_are_refused() -> None:
    with pytest.raises(ValueError, match="absolute"):
        DiskSpec("disk.qcow2")
    with pytest.raises(ValueError, match="format"):
        DiskSpec("/d.vmdk", format="vmdk")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="name"):
        NetworkSpec.bridge("")
    with pytest.raises(ValueError, match="no name"):
        NetworkSpec(NetworkSpec.user().kind, "x")


def test_validate_vm_name() -> None:
    assert validate_vm_name("debian-12.test_1+x") is None
    assert validate_vm_name("") is not None
    assert validate_vm_name("has space") is not None
    assert validate_vm_name("ünïcode") is not None


def test_domain_disks_reads_every_source_kind() -> None:
    xml = """<domain type='kvm'><name>x</name><devices>
      <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
        <source file='/a.qcow2'/><target dev='vda' bus='virtio'/></disk>
      <disk type='block' device='disk'><source dev='/dev/sdz'/><target dev='vdb'/>
        <shareable/></disk>
      <disk type='volume' device='disk'><source pool='default' volume='v.qcow2'/>
        <target dev='vdc' bus='virtio'/></disk>
      <disk type='network' device='disk'><source protocol='rbd' name='pool/img'/>
        <target dev='vdd' bus='virtio'/></disk>
      <disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>
    </devices></domain>"""
    assert domain_disks(xml) == [
        DiskRef("vda", "disk", "file", "/a.qcow2", format="qcow2", bus="virtio"),
        DiskRef("vdb", "disk", "block", "/dev/sdz", shareable=True),
        DiskRef("vdc", "disk", "volume", None, "default", "v.qcow2", bus="virtio"),
        DiskRef("vdd", "disk", "network", None, bus="virtio"),
        DiskRef("sda", "cdrom", "file", None, bus="sata", readonly=True),
    ]
    assert [d.is_removable for d in domain_disks(xml)] == [False] * 4 + [True]
