"""Domain XML for new VMs, the equivalent virt-install command, and disk reading.

``NewVmSpec`` is what the New-VM wizard collects; ``build_domain_xml`` turns it
into the XML given to ``virConnect.defineXML``. Both are pure: no libvirt call.
"""

from __future__ import annotations

import enum
import re
import shlex
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

VirtType = Literal["kvm", "qemu"]
Firmware = Literal["bios", "efi"]
DiskFormat = Literal["qcow2", "raw"]
DiskBus = Literal["virtio", "sata"]

LIBOSINFO_NS = "http://libosinfo.org/xmlns/libvirt/domain/1.0"
GUEST_AGENT_CHANNEL = "org.qemu.guest_agent.0"
SPICE_AGENT_CHANNEL = "com.redhat.spice.0"
MIN_MEMORY_MIB = 64
# What libvirt's qemu driver accepts in practice, and safe in volume file names.
_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]*")
_NAME_MAX = 64


class SourceKind(enum.Enum):
    """Where the new VM's operating system comes from."""

    ISO = "iso"  # install from an ISO on a CD-ROM, then boot the disk
    IMPORT = "import"  # boot an existing disk image
    CLOUD_INIT = "cloud-init"  # overlay on a cloud image + NoCloud seed ISO
    PXE = "pxe"  # network boot
    EMPTY = "empty"  # no install source


class NetworkKind(enum.Enum):
    """How the VM's NIC is attached."""

    NETWORK = "network"  # a libvirt virtual network
    BRIDGE = "bridge"  # a host bridge
    USER = "user"  # QEMU user-mode networking (works unprivileged)


@dataclass(frozen=True)
class NetworkSpec:
    """The VM's one NIC; ``name`` is the network or bridge name (empty for user mode)."""

    kind: NetworkKind = NetworkKind.NETWORK
    name: str = "default"

    def __post_init__(self) -> None:
        if self.kind is NetworkKind.USER:
            if self.name:
                raise ValueError("user-mode networking takes no name")
        elif not self.name:
            raise ValueError(f"a {self.kind.value} needs a name")

    @classmethod
    def libvirt_network(cls, name: str = "default") -> NetworkSpec:
        return cls(NetworkKind.NETWORK, name)

    @classmethod
    def bridge(cls, name: str) -> NetworkSpec:
        return cls(NetworkKind.BRIDGE, name)

    @classmethod
    def user(cls) -> NetworkSpec:
        return cls(NetworkKind.USER, "")


@dataclass(frozen=True)
class DiskSpec:
    """The VM's main disk: an existing file or block device (the wizard creates it first)."""

    path: str
    format: DiskFormat = "qcow2"
    bus: DiskBus = "virtio"

    def __post_init__(self) -> None:
        if not self.path.startswith("/"):
            raise ValueError(f"disk path must be absolute: {self.path!r}")
        if self.format not in ("qcow2", "raw"):
            raise ValueError(f"unsupported disk format {self.format!r}")
        if self.bus not in ("virtio", "sata"):
            raise ValueError(f"unsupported disk bus {self.bus!r}")


def validate_vm_name(name: str) -> str | None:
    """Why ``name`` cannot name a new VM, or None when it can."""
    if not name:
        return "Enter a name."
    if len(name) > _NAME_MAX:
        return f"The name is longer than {_NAME_MAX} characters."
    if not _NAME_RE.fullmatch(name):
        return (
            "Use letters, digits and . _ + - only, starting with a letter or digit."
        )
    return None


@dataclass(frozen=True)
class NewVmSpec:
    """Everything needed to define a new VM; invalid combinations raise ValueError.

    ``cdrom`` is the install ISO (ISO) or the cloud-init seed ISO (CLOUD_INIT).
    ``os_id`` is the osinfo URI (``http://debian.org/debian/11``), written to the
    libosinfo metadata as virt-manager does; ``os_short_id`` (``debian11``) is
    what virt-install's ``--osinfo`` shows.
    """

    name: str
    memory_mib: int
    vcpus: int
    source: SourceKind
    virt_type: VirtType = "kvm"
    firmware: Firmware = "bios"
    secure_boot: bool = False
    disk: DiskSpec | None = None
    cdrom: str | None = None
    network: NetworkSpec = field(default_factory=NetworkSpec)
    os_id: str | None = None
    os_short_id: str | None = None

    def __post_init__(self) -> None:
        problem = validate_vm_name(self.name)
        if problem:
            raise ValueError(f"invalid VM name {self.name!r}: {problem}")
        if self.memory_mib < MIN_MEMORY_MIB:
            raise ValueError(f"memory must be at least {MIN_MEMORY_MIB} MiB")
        if self.vcpus < 1:
            raise ValueError("a VM needs at least one vCPU")
        if self.virt_type not in ("kvm", "qemu"):
            raise ValueError(f"unknown virt type {self.virt_type!r}")
        if self.firmware not in ("bios", "efi"):
            raise ValueError(f"unknown firmware {self.firmware!r}")
        if self.secure_boot and self.firmware != "efi":
            raise ValueError("secure boot needs UEFI firmware")
        if self.cdrom is not None and not self.cdrom.startswith("/"):
            raise ValueError(f"CD-ROM path must be absolute: {self.cdrom!r}")
        wants_cdrom = self.source in (SourceKind.ISO, SourceKind.CLOUD_INIT)
        if wants_cdrom and self.cdrom is None:
            raise ValueError(f"{self.source.value} needs a CD-ROM image")
        if not wants_cdrom and self.cdrom is not None:
            raise ValueError(f"{self.source.value} takes no CD-ROM image")
        if self.source in (SourceKind.IMPORT, SourceKind.CLOUD_INIT) and self.disk is None:
            raise ValueError(f"{self.source.value} needs a disk")
        if self.source is SourceKind.CLOUD_INIT and self.disk and self.disk.format != "qcow2":
            raise ValueError("the cloud-init overlay disk must be qcow2")

    @property
    def boot_order(self) -> tuple[str, ...]:
        """libvirt ``<boot dev>`` values, first tried first."""
        if self.source is SourceKind.ISO:
            return ("cdrom", "hd")
        if self.source is SourceKind.PXE:
            return ("network", "hd") if self.disk else ("network",)
        return ("hd",)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    child = etree.SubElement(parent, tag, attrs)
    if text is not None:
        child.text = text
    return child


def _target_devs(spec: NewVmSpec) -> tuple[str | None, str | None]:
    """Target names of the disk and the CD-ROM (vda / sda, sdb on a shared SATA bus)."""
    disk_dev = None
    sata_index = 0
    if spec.disk is not None:
        if spec.disk.bus == "virtio":
            disk_dev = "vda"
        else:
            disk_dev = "sda"
            sata_index = 1
    cdrom_dev = f"sd{chr(ord('a') + sata_index)}" if spec.cdrom is not None else None
    return disk_dev, cdrom_dev


def _add_disk(devices: etree._Element, disk: DiskSpec, dev: str) -> None:
    # /dev paths are block devices (LVM volumes, partitions): libvirt wants type='block'.
    is_block = disk.path.startswith("/dev/")
    el = _sub(devices, "disk", type="block" if is_block else "file", device="disk")
    _sub(el, "driver", name="qemu", type=disk.format, discard="unmap")
    if is_block:
        _sub(el, "source", dev=disk.path)
    else:
        _sub(el, "source", file=disk.path)
    _sub(el, "target", dev=dev, bus=disk.bus)


def _add_cdrom(devices: etree._Element, path: str, dev: str) -> None:
    el = _sub(devices, "disk", type="file", device="cdrom")
    _sub(el, "driver", name="qemu", type="raw")
    _sub(el, "source", file=path)
    # q35 has no IDE: SATA is the CD-ROM bus every guest and firmware knows.
    _sub(el, "target", dev=dev, bus="sata")
    _sub(el, "readonly")


def _add_interface(devices: etree._Element, net: NetworkSpec) -> None:
    el = _sub(devices, "interface", type=net.kind.value)
    if net.kind is NetworkKind.NETWORK:
        _sub(el, "source", network=net.name)
    elif net.kind is NetworkKind.BRIDGE:
        _sub(el, "source", bridge=net.name)
    _sub(el, "model", type="virtio")


def build_domain_xml(spec: NewVmSpec) -> str:
    """The domain XML to define ``spec``; libvirt adds UUID, MAC, addresses and controllers."""
    root = etree.Element("domain", type=spec.virt_type)
    _sub(root, "name", spec.name)
    if spec.os_id:
        metadata = _sub(root, "metadata")
        info = etree.SubElement(
            metadata, f"{{{LIBOSINFO_NS}}}libosinfo", nsmap={"libosinfo": LIBOSINFO_NS}
        )
        etree.SubElement(info, f"{{{LIBOSINFO_NS}}}os", id=spec.os_id)
    _sub(root, "memory", str(spec.memory_mib), unit="MiB")
    _sub(root, "currentMemory", str(spec.memory_mib), unit="MiB")
    _sub(root, "vcpu", str(spec.vcpus), placement="static")

    os_el = _sub(root, "os")
    if spec.firmware == "efi":
        # Firmware autoselection: libvirt picks an OVMF build matching these features.
        os_el.set("firmware", "efi")
    _sub(os_el, "type", "hvm", arch="x86_64", machine="q35")
    if spec.firmware == "efi":
        # Say it either way: Debian lists the secure-boot build with enrolled keys
        # first, which refuses unsigned test kernels.
        fw = _sub(os_el, "firmware")
        _sub(fw, "feature", enabled="yes" if spec.secure_boot else "no", name="secure-boot")
    for dev in spec.boot_order:
        _sub(os_el, "boot", dev=dev)

    features = _sub(root, "features")
    _sub(features, "acpi")
    _sub(features, "apic")
    _sub(features, "vmport", state="off")
    if spec.secure_boot:
        _sub(features, "smm", state="on")  # OVMF's secure-boot build requires SMM
    if spec.virt_type == "kvm":
        _sub(root, "cpu", mode="host-passthrough", check="none", migratable="on")
    # TCG: no <cpu>, libvirt's default model; host-passthrough needs KVM.

    clock = _sub(root, "clock", offset="utc")
    _sub(clock, "timer", name="rtc", tickpolicy="catchup")
    _sub(clock, "timer", name="pit", tickpolicy="delay")
    _sub(clock, "timer", name="hpet", present="no")
    _sub(root, "on_poweroff", "destroy")
    _sub(root, "on_reboot", "restart")
    _sub(root, "on_crash", "destroy")
    pm = _sub(root, "pm")
    _sub(pm, "suspend-to-mem", enabled="no")
    _sub(pm, "suspend-to-disk", enabled="no")

    devices = _sub(root, "devices")
    disk_dev, cdrom_dev = _target_devs(spec)
    if spec.disk is not None and disk_dev is not None:
        _add_disk(devices, spec.disk, disk_dev)
    if spec.cdrom is not None and cdrom_dev is not None:
        _add_cdrom(devices, spec.cdrom, cdrom_dev)
    _sub(devices, "controller", type="usb", model="qemu-xhci", ports="15")
    _add_interface(devices, spec.network)
    serial = _sub(devices, "serial", type="pty")
    _sub(serial, "target", port="0")
    console = _sub(devices, "console", type="pty")
    _sub(console, "target", type="serial", port="0")
    agent = _sub(devices, "channel", type="unix")
    _sub(agent, "target", type="virtio", name=GUEST_AGENT_CHANNEL)
    spice_agent = _sub(devices, "channel", type="spicevmc")
    _sub(spice_agent, "target", type="virtio", name=SPICE_AGENT_CHANNEL)
    _sub(devices, "input", type="tablet", bus="usb")
    graphics = _sub(devices, "graphics", type="spice", autoport="yes")
    _sub(graphics, "listen", type="address", address="127.0.0.1")
    video = _sub(devices, "video")
    _sub(video, "model", type="virtio", heads="1", primary="yes")
    _sub(devices, "memballoon", model="virtio")
    rng = _sub(devices, "rng", model="virtio")
    _sub(rng, "backend", "/dev/urandom", model="random")

    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode") + "\n"


def _subopt(value: str) -> str:
    """A virt-install sub-option value: a literal comma is written twice."""
    return value.replace(",", ",,")


def virt_install_command(spec: NewVmSpec, connect_uri: str | None = None) -> list[str]:
    """The virt-install argv making (about) the same VM, for the user to read or copy.

    virt-install ejects the install ISO after the first boot, and adds
    addresses; otherwise the result matches ``build_domain_xml``.
    """
    argv = ["virt-install"]
    if connect_uri:
        argv += ["--connect", connect_uri]
    argv += [
        "--name", spec.name,
        "--memory", str(spec.memory_mib),
        "--vcpus", str(spec.vcpus),
        "--virt-type", spec.virt_type,
        "--machine", "q35",
    ]
    if spec.os_short_id:
        argv += ["--osinfo", spec.os_short_id]
    elif spec.os_id:
        argv += ["--osinfo", f"id={_subopt(spec.os_id)}"]
    else:
        argv += ["--osinfo", "detect=on,require=off"]
    if spec.firmware == "efi":
        enabled = "yes" if spec.secure_boot else "no"
        argv += [
            "--boot",
            f"uefi,firmware.feature0.name=secure-boot,firmware.feature0.enabled={enabled}",
        ]
    if spec.virt_type == "kvm":
        argv += ["--cpu", "host-passthrough"]

    if spec.source is SourceKind.ISO:
        assert spec.cdrom is not None  # guaranteed by NewVmSpec
        argv += ["--cdrom", spec.cdrom]
    elif spec.source is SourceKind.PXE:
        argv += ["--pxe"]
    elif spec.source is SourceKind.EMPTY:
        argv += ["--install", "no_install=yes"]
    else:
        argv += ["--import"]

    if spec.disk is not None:
        d = spec.disk
        argv += ["--disk", f"path={_subopt(d.path)},format={d.format},bus={d.bus},discard=unmap"]
    else:
        argv += ["--disk", "none"]
    if spec.source is SourceKind.CLOUD_INIT:
        assert spec.cdrom is not None
        argv += ["--disk", f"path={_subopt(spec.cdrom)},device=cdrom,bus=sata"]

    net = spec.network
    if net.kind is NetworkKind.NETWORK:
        argv += ["--network", f"network={_subopt(net.name)},model=virtio"]
    elif net.kind is NetworkKind.BRIDGE:
        argv += ["--network", f"bridge={_subopt(net.name)},model=virtio"]
    else:
        argv += ["--network", "type=user,model=virtio"]

    argv += [
        "--graphics", "spice,listen=127.0.0.1",
        "--video", "virtio",
        "--serial", "pty",
        "--channel", f"unix,target.type=virtio,name={GUEST_AGENT_CHANNEL}",
        "--channel", "spicevmc",
        "--controller", "usb,model=qemu-xhci,ports=15",
        "--input", "tablet,bus=usb",
        "--rng", "/dev/urandom",
        "--memballoon", "virtio",
        "--events", "on_poweroff=destroy,on_reboot=restart,on_crash=destroy",
        "--noautoconsole",
    ]
    return argv


def virt_install_command_line(spec: NewVmSpec, connect_uri: str | None = None) -> str:
    """``virt_install_command`` quoted for a shell, one option per line."""
    argv = virt_install_command(spec, connect_uri)
    lines = [shlex.quote(argv[0])]
    i = 1
    while i < len(argv):
        # Options with a value stay on one line with it; bare flags stand alone.
        if i + 1 < len(argv) and not argv[i + 1].startswith("--"):
            lines.append(f"{shlex.quote(argv[i])} {shlex.quote(argv[i + 1])}")
            i += 2
        else:
            lines.append(shlex.quote(argv[i]))
            i += 1
    return " \\\n  ".join(lines)


# --- reading existing domains -------------------------------------------------------------


@dataclass(frozen=True)
class DiskRef:
    """A disk of an existing domain, as the delete dialog and details pages need it.

    ``path`` is the file or block device when libvirt knows it (for
    ``type='volume'`` disks only after the domain started); ``pool`` and
    ``volume`` are set for ``type='volume'`` disks.
    """

    target: str
    device: str  # "disk", "cdrom", "floppy" or "lun"
    source_type: str  # "file", "block", "volume", "network", ...
    path: str | None = None
    pool: str | None = None
    volume: str | None = None
    format: str | None = None
    bus: str | None = None
    readonly: bool = False
    shareable: bool = False

    @property
    def is_removable(self) -> bool:
        """CD-ROMs and floppies hold media the user usually keeps (ISOs)."""
        return self.device in ("cdrom", "floppy")


def domain_disks(xml: str) -> list[DiskRef]:
    """The ``<disk>`` devices of a domain XML, in document order."""
    root = etree.fromstring(xml.encode())
    disks: list[DiskRef] = []
    for el in root.iterfind("./devices/disk"):
        source_type = el.get("type", "file")
        source = el.find("source")
        path: str | None = None
        pool: str | None = None
        volume: str | None = None
        if source is not None:
            # Network disks (RBD, iSCSI, NBD) have a name, not a local path: None.
            path = source.get("file") or source.get("dev") or None
            if source_type == "volume":
                pool = source.get("pool")
                volume = source.get("volume")
        target = el.find("target")
        driver = el.find("driver")
        disks.append(
            DiskRef(
                target=target.get("dev", "") if target is not None else "",
                device=el.get("device", "disk"),
                source_type=source_type,
                path=path,
                pool=pool,
                volume=volume,
                format=driver.get("type") if driver is not None else None,
                bus=target.get("bus") if target is not None else None,
                readonly=el.find("readonly") is not None,
                shareable=el.find("shareable") is not None,
            )
        )
    return disks
