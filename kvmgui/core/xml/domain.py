"""New VMs: the wizard's spec, its domain model, XML and virt-install line; disk reading.

``NewVmSpec`` is what the New-VM wizard collects; ``new_vm_domain`` turns it
into a ``Domain`` model, which ``build_domain_xml`` writes as the XML given to
``virConnect.defineXML`` and ``virt_install_command`` as the equivalent
virt-install line. All pure: no libvirt call.
"""

from __future__ import annotations

import enum
import re
import shlex
from dataclasses import dataclass, field
from typing import Literal

from kvmgui.core.texts import Translatable
from kvmgui.core.xml.model import (
    GUEST_AGENT_CHANNEL,
    SPICE_AGENT_CHANNEL,
    BootDevice,
    Channel,
    Console,
    Controller,
    Disk,
    Domain,
    FirmwareFeature,
    Graphics,
    Input,
    Interface,
    Listen,
    MemBalloon,
    Rng,
    Serial,
    Timer,
    Video,
)
from kvmgui.core.xml.virt_install import virt_install_args

VirtType = Literal["kvm", "qemu"]
Firmware = Literal["bios", "efi"]
DiskFormat = Literal["qcow2", "raw"]
DiskBus = Literal["virtio", "sata"]
# "none": no TCP port at all, local viewers attach through libvirt (virt-viewer
# --attach); "localhost": on a remote host, reached through the SSH tunnel.
DisplayListen = Literal["none", "localhost"]

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
        return Translatable("domain", "Enter a name.")
    if len(name) > _NAME_MAX:
        return Translatable("domain", "The name is longer than {limit} characters.",
                            limit=_NAME_MAX)
    if not _NAME_RE.fullmatch(name):
        return Translatable(
            "domain", "Use letters, digits and . _ + - only, starting with a letter or digit."
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
    display_listen: DisplayListen = "none"

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
        # Without a disk there is nothing to boot after the install medium.
        if self.source is SourceKind.ISO:
            return ("cdrom", "hd") if self.disk else ("cdrom",)
        if self.source is SourceKind.PXE:
            return ("network", "hd") if self.disk else ("network",)
        return ("hd",)


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


def disk_device(disk: DiskSpec, dev: str) -> Disk:
    """A hard disk on ``disk``'s file or block device, as ``dev`` (new VMs and added disks)."""
    # /dev paths are block devices (LVM volumes, partitions): libvirt wants type='block'.
    is_block = disk.path.startswith("/dev/")
    el = Disk()
    el.type = "block" if is_block else "file"
    el.device = "disk"
    el.driver_name = "qemu"
    el.driver_type = disk.format
    el.driver_discard = "unmap"
    if is_block:
        el.source_dev = disk.path
    else:
        el.source_file = disk.path
    el.target_dev = dev
    el.target_bus = disk.bus
    return el


def cdrom_device(path: str, dev: str) -> Disk:
    """A SATA CD-ROM holding the ISO at ``path``, as ``dev``."""
    el = Disk()
    el.type = "file"
    el.device = "cdrom"
    el.driver_name = "qemu"
    el.driver_type = "raw"
    el.source_file = path
    # q35 has no IDE: SATA is the CD-ROM bus every guest and firmware knows.
    el.target_dev = dev
    el.target_bus = "sata"
    el.readonly = True
    return el


def interface_device(net: NetworkSpec) -> Interface:
    """A virtio NIC on ``net`` (libvirt gives it a MAC when defined or attached)."""
    el = Interface()
    el.type = net.kind.value
    if net.kind is NetworkKind.NETWORK:
        el.source_network = net.name
    elif net.kind is NetworkKind.BRIDGE:
        el.source_bridge = net.name
    el.model = "virtio"
    return el


def _timer(name: str, tickpolicy: str | None = None, present: bool | None = None) -> Timer:
    timer = Timer()
    timer.name = name
    timer.tickpolicy = tickpolicy
    timer.present = present
    return timer


def _char_devices(dom: Domain) -> None:
    serial = dom.serials.append(Serial())
    serial.type = "pty"
    serial.target_port = 0
    console = dom.consoles.append(Console())
    console.type = "pty"
    console.target_type = "serial"
    console.target_port = 0
    agent = dom.channels.append(Channel())
    agent.type = "unix"
    agent.target_type = "virtio"
    agent.target_name = GUEST_AGENT_CHANNEL
    spice_agent = dom.channels.append(Channel())
    spice_agent.type = "spicevmc"
    spice_agent.target_type = "virtio"
    spice_agent.target_name = SPICE_AGENT_CHANNEL


def _display(dom: Domain, where: DisplayListen) -> None:
    tablet = dom.inputs.append(Input())
    tablet.type = "tablet"
    tablet.bus = "usb"
    graphics = dom.graphics.append(Graphics())
    graphics.type = "spice"
    graphics.autoport = True
    listen = graphics.listens.append(Listen())
    if where == "none":
        graphics.autoport = None
        listen.type = "none"
    else:
        listen.type = "address"
        listen.address = "127.0.0.1"
    video = dom.videos.append(Video())
    video.model = "virtio"
    video.heads = 1
    video.primary = True


def new_vm_domain(spec: NewVmSpec) -> Domain:
    """The model of the VM ``spec`` describes; its XML and its virt-install line read it.

    libvirt adds UUID, MAC, addresses and controllers when the XML is defined.
    """
    dom = Domain()
    dom.type = spec.virt_type
    dom.name = spec.name
    dom.os_id = spec.os_id
    dom.memory_kib = dom.current_memory_kib = spec.memory_mib * 1024
    dom.vcpus = spec.vcpus
    dom.vcpu_placement = "static"

    dom.os_type = "hvm"
    dom.arch = "x86_64"
    dom.machine = "q35"
    if spec.firmware == "efi":
        # Firmware autoselection: libvirt picks an OVMF build matching these features.
        dom.firmware = "efi"
        # Say it either way: Debian lists the secure-boot build with enrolled keys
        # first, which refuses unsigned test kernels.
        secure_boot = dom.firmware_features.append(FirmwareFeature())
        secure_boot.enabled = spec.secure_boot
        secure_boot.name = "secure-boot"
    for dev in spec.boot_order:
        dom.boot_devices.append(BootDevice()).dev = dev

    dom.acpi = True
    dom.apic = True
    dom.vmport = False
    if spec.secure_boot:
        dom.smm = True  # OVMF's secure-boot build requires SMM
    if spec.virt_type == "kvm":
        dom.cpu_mode = "host-passthrough"
        dom.cpu_check = "none"
        dom.cpu_migratable = True
    # TCG: no <cpu>, libvirt's default model; host-passthrough needs KVM.

    dom.clock_offset = "utc"
    dom.timers.append(_timer("rtc", tickpolicy="catchup"))
    dom.timers.append(_timer("pit", tickpolicy="delay"))
    dom.timers.append(_timer("hpet", present=False))
    dom.on_poweroff = "destroy"
    dom.on_reboot = "restart"
    dom.on_crash = "destroy"
    dom.suspend_to_mem = False
    dom.suspend_to_disk = False

    disk_dev, cdrom_dev = _target_devs(spec)
    if spec.disk is not None and disk_dev is not None:
        dom.disks.append(disk_device(spec.disk, disk_dev))
    if spec.cdrom is not None and cdrom_dev is not None:
        dom.disks.append(cdrom_device(spec.cdrom, cdrom_dev))
    usb = dom.controllers.append(Controller())
    usb.type = "usb"
    usb.model = "qemu-xhci"
    usb.ports = 15
    dom.interfaces.append(interface_device(spec.network))
    _char_devices(dom)
    _display(dom, spec.display_listen)
    dom.memballoons.append(MemBalloon()).model = "virtio"
    rng = dom.rngs.append(Rng())
    rng.model = "virtio"
    rng.backend_model = "random"
    rng.backend_source = "/dev/urandom"
    return dom


def build_domain_xml(spec: NewVmSpec) -> str:
    """The domain XML to define ``spec``."""
    return new_vm_domain(spec).to_xml()


def virt_install_command(spec: NewVmSpec, connect_uri: str | None = None) -> list[str]:
    """The virt-install argv making the same VM, for the user to read or copy.

    It is read from the same model as ``build_domain_xml``, so the two cannot
    drift; virt-install ejects the install ISO after the first boot.
    """
    return virt_install_args(new_vm_domain(spec), connect_uri, os_name=spec.os_short_id)


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
    refs: list[DiskRef] = []
    for disk in Domain.from_xml(xml).disks:
        source_type = disk.type or "file"
        refs.append(
            DiskRef(
                target=disk.target_dev or "",
                device=disk.device or "disk",
                source_type=source_type,
                # Network disks (RBD, iSCSI, NBD) have a name, not a local path: None.
                path=disk.path,
                pool=disk.source_pool if source_type == "volume" else None,
                volume=disk.source_volume if source_type == "volume" else None,
                format=disk.driver_type,
                bus=disk.target_bus,
                readonly=disk.readonly,
                shareable=disk.shareable,
            )
        )
    return refs
