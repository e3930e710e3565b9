"""A new VM as the user chose it, turned into a plan checked against what the host offers.

The New-VM wizard collects :class:`NewVmChoices`; :func:`plan_new_vm` decides
everything else (volume names and paths, copy, overlay or in place, the seed,
the firmware and disk bus) and raises ValueError, worded for the user, while
the choices are incomplete or the host cannot take them. Pure: no libvirt
call, no file read; ``create_vm`` carries the plan out.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kvmgui.core.cloudinit import CloudInitConfig, validate_ssh_public_key
from kvmgui.core.hostfacts import GUEST_MACHINE, GuestSupport, HostFacts, PoolFacts
from kvmgui.core.osinfo import ImageFormat
from kvmgui.core.texts import Translatable
from kvmgui.core.units import format_bytes, format_mib
from kvmgui.core.xml.domain import (
    MIN_MEMORY_MIB,
    DiskBus,
    DiskSpec,
    NetworkSpec,
    NewVmSpec,
    SourceKind,
    VirtType,
    build_domain_xml,
    validate_vm_name,
)
from kvmgui.core.xml.storage import VolumeFormat

GIB = 1024**3


class FirmwareChoice(enum.Enum):
    BIOS = "bios"
    UEFI = "efi"
    UEFI_SECURE_BOOT = "efi-secure-boot"


@dataclass(frozen=True)
class CloudInitChoices:
    """What the user typed for cloud-init; the password is hashed by ``config``."""

    user: str
    password: str
    ssh_key: str
    hostname: str  # "" for the VM's name

    def login_problem(self) -> str | None:
        """Why nobody could log in to the VM with these, or None."""
        if not self.ssh_key and not self.password:
            return Translatable("newvm", "Give a password or an SSH key, or nobody can log in.")
        return validate_ssh_public_key(self.ssh_key) if self.ssh_key else None

    def config(self, vm_name: str) -> CloudInitConfig:
        """The seed's content. Slow (hashes the password): call it off the GUI thread."""
        return CloudInitConfig.create(
            self.user, self.hostname or vm_name, password=self.password or None,
            ssh_keys=[self.ssh_key] if self.ssh_key else [],
        )


@dataclass(frozen=True)
class NewVmChoices:
    """What the user picked in the wizard, as plain data.

    ``media_path`` is the install ISO (ISO) or the disk image (IMPORT,
    CLOUD_INIT), with the ``image_format`` and ``image_size`` (virtual bytes)
    its check found. ``media_local`` is True when it is a file on this machine
    (a local connection), False when it is a volume on the remote host.
    ``disk`` asks for a new empty disk (ISO, PXE, EMPTY); ``pool`` names the
    pool new volumes go to; ``domain_xml`` is the user's edited XML.
    """

    source: SourceKind
    name: str
    memory_mib: int
    vcpus: int
    network: NetworkSpec | None
    media_path: str = ""
    image_format: ImageFormat | None = None
    image_size: int = 0
    media_local: bool = True
    copy_image: bool = False
    os_id: str | None = None
    os_short_id: str | None = None
    disk: bool = True
    disk_bytes: int = 0
    pool: str | None = None
    firmware: FirmwareChoice = FirmwareChoice.BIOS
    virt_type: VirtType = "kvm"
    cloud_init: CloudInitChoices | None = None
    domain_xml: str | None = None


@dataclass(frozen=True)
class NewVolume:
    """A volume ``create_vm`` makes: an empty or overlay qcow2, or a copy of an image."""

    pool: str
    name: str
    size_bytes: int = 0
    format: VolumeFormat = "qcow2"
    backing: tuple[str, VolumeFormat] | None = None
    upload_from: str | None = None  # a file on this machine, sent over the connection
    clone_of: str | None = None  # a volume on the host, copied there by libvirt


@dataclass(frozen=True)
class CreatePlan:
    """What to make. ``spec`` already names the paths the volumes will have.

    ``cloud_init`` is the seed's content; a plan for the preview (the
    virt-install line) has a seed volume but no content yet, because hashing
    the password is slow. ``domain_xml`` is the user's edited XML ("Customize
    before install"), used instead of ``build_domain_xml(spec)``.
    """

    spec: NewVmSpec
    disk_volume: NewVolume | None = None
    seed_volume: NewVolume | None = None
    cloud_init: CloudInitConfig | None = None
    domain_xml: str | None = None
    start: bool = True
    # The imported or cloud image, checked again for backing files before use;
    # a file on this machine when ``source_image_local``, else a host's volume.
    source_image: str | None = None
    source_image_local: bool = True

    def __post_init__(self) -> None:
        if self.cloud_init is not None and self.seed_volume is None:
            raise ValueError(Translatable("newvm", "a cloud-init config needs a seed volume"))

    @property
    def xml(self) -> str:
        return self.domain_xml if self.domain_xml is not None else build_domain_xml(self.spec)

    @property
    def step_count(self) -> int:
        return (self.disk_volume is not None) + (self.seed_volume is not None) + 1 + self.start


def seed_volume_name(vm_name: str) -> str:
    """The cloud-init seed's volume (it holds the password hash: deleted with the VM)."""
    return f"{vm_name}-seed.iso"


# --- checks the pages show next to their fields, and the plan repeats --------------------


def name_problem(name: str, facts: HostFacts | None) -> str | None:
    problem = validate_vm_name(name)
    if problem is None and facts is not None and name in facts.domain_names:
        problem = Translatable(
            "newvm", "A VM named '{name}' already exists on this connection.", name=name
        )
    return problem


def unique_name(base: str, taken: frozenset[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is free."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def memory_problem(memory_mib: int, facts: HostFacts) -> str | None:
    if memory_mib < MIN_MEMORY_MIB:
        return Translatable("newvm", "Give the VM at least {size}.",
                            size=format_mib(MIN_MEMORY_MIB, "MiB"))
    if memory_mib > facts.memory_mib:
        return Translatable("newvm", "The host has only {size}.",
                            size=format_mib(facts.memory_mib, "MiB"))
    return None


def disk_problem(size_bytes: int, pool: PoolFacts | None, minimum_bytes: int) -> str | None:
    """Why a disk of ``size_bytes`` cannot go to ``pool``; an unknown free space never blocks."""
    if pool is None:
        return Translatable("newvm", "There is no storage pool for the disk.")
    if size_bytes <= 0:
        return Translatable("newvm", "Give the disk a size.")
    if size_bytes < minimum_bytes:
        return Translatable("newvm", "The disk must hold the image: at least {size}.",
                            size=format_bytes(minimum_bytes, "GiB"))
    if pool.free_bytes is not None and size_bytes > pool.free_bytes:
        return Translatable("newvm", "Pool '{pool}' has only {size} free.",
                            pool=pool.name, size=format_bytes(pool.free_bytes, "GiB"))
    return None


# --- the plan -----------------------------------------------------------------------------


def require_no_problem(problem: str | None) -> None:
    """Raise the ``problem`` a check found as ValueError (worded for the user)."""
    if problem is not None:
        raise ValueError(problem)


def _disk_bus(guest: GuestSupport) -> DiskBus:
    if not guest.disk_buses or "virtio" in guest.disk_buses:
        return "virtio"
    if "sata" in guest.disk_buses:
        return "sata"
    raise ValueError(Translatable("newvm", "This host offers neither virtio nor SATA disks."))


def _check_host(choices: NewVmChoices, facts: HostFacts) -> None:
    require_no_problem(name_problem(choices.name, facts))
    require_no_problem(memory_problem(choices.memory_mib, facts))
    if not 1 <= choices.vcpus <= facts.cpus:
        raise ValueError(
            Translatable(
                "newvm", "Give the VM 1 to {cpus} vCPUs: the host has {cpus}.", cpus=facts.cpus
            )
        )
    guest = facts.guest
    if choices.virt_type == "kvm" and not guest.kvm:
        raise ValueError(Translatable("newvm", "This host does not offer KVM: choose QEMU TCG."))
    if choices.firmware is not FirmwareChoice.BIOS and not guest.uefi:
        raise ValueError(
            Translatable("newvm", "This host has no UEFI firmware (OVMF): choose BIOS.")
        )
    if choices.firmware is FirmwareChoice.UEFI_SECURE_BOOT and not guest.secure_boot:
        raise ValueError(
            Translatable("newvm", "This host has no Secure Boot firmware: choose plain UEFI.")
        )
    if guest.machines and not any(GUEST_MACHINE in machine for machine in guest.machines):
        raise ValueError(
            Translatable(
                "newvm",
                "This host's QEMU has no {GUEST_MACHINE} machine type.",
                GUEST_MACHINE=GUEST_MACHINE,
            )
        )


def _pool(choices: NewVmChoices, facts: HostFacts, what: str) -> PoolFacts:
    pool = facts.pool(choices.pool) if choices.pool is not None else None
    if pool is None:
        raise ValueError(Translatable("newvm", "Choose a storage pool for {what}.", what=what))
    return pool


def _image(choices: NewVmChoices) -> ImageFormat:
    if not choices.media_path or choices.image_format is None:
        raise ValueError(Translatable("newvm", "Choose a usable disk image."))
    return choices.image_format


def plan_new_vm(
    choices: NewVmChoices, facts: HostFacts, cloud_init: CloudInitConfig | None = None
) -> CreatePlan:
    """The spec and the volumes to make for ``choices`` on the host ``facts`` describe.

    ``cloud_init`` is the seed's content (``CloudInitChoices.config``), left out
    for a preview. Raises ValueError, worded for the user, when something is
    missing or the host cannot take it.
    """
    _check_host(choices, facts)
    if choices.network is None:
        raise ValueError(Translatable("newvm", "Choose a network for the VM."))
    kind, name = choices.source, choices.name
    bus = _disk_bus(facts.guest)
    disk: DiskSpec | None = None
    disk_volume: NewVolume | None = None
    seed_volume: NewVolume | None = None
    cdrom: str | None = None
    if kind is SourceKind.IMPORT:
        fmt = _image(choices)
        if choices.copy_image:
            pool = _pool(choices, facts, Translatable("newvm", "the copy of the image"))
            require_no_problem(disk_problem(choices.image_size, pool, 0))
            volume = f"{name}.{'qcow2' if fmt == 'qcow2' else 'img'}"
            disk_volume = NewVolume(
                pool.name, volume, choices.image_size, fmt,
                upload_from=choices.media_path if choices.media_local else None,
                clone_of=None if choices.media_local else choices.media_path,
            )
            disk = DiskSpec(pool.volume_path(volume), fmt, bus)
        else:
            disk = DiskSpec(choices.media_path, fmt, bus)
    elif kind is SourceKind.CLOUD_INIT:
        fmt = _image(choices)
        if choices.cloud_init is None:
            raise ValueError(Translatable("newvm", "Set up the cloud-init user."))
        require_no_problem(choices.cloud_init.login_problem())
        pool = _pool(choices, facts, Translatable("newvm", "the overlay disk and the seed"))
        require_no_problem(disk_problem(choices.disk_bytes, pool, choices.image_size))
        disk_volume = NewVolume(pool.name, f"{name}.qcow2", choices.disk_bytes,
                                backing=(choices.media_path, fmt))
        seed_volume = NewVolume(pool.name, seed_volume_name(name), format="raw")
        disk = DiskSpec(pool.volume_path(disk_volume.name), "qcow2", bus)
        cdrom = pool.volume_path(seed_volume.name)
    elif choices.disk:
        pool = _pool(choices, facts, Translatable("newvm", "the disk"))
        require_no_problem(disk_problem(choices.disk_bytes, pool, 0))
        disk_volume = NewVolume(pool.name, f"{name}.qcow2", choices.disk_bytes)
        disk = DiskSpec(pool.volume_path(disk_volume.name), "qcow2", bus)
    if kind is SourceKind.ISO:
        if not choices.media_path:
            raise ValueError(Translatable("newvm", "Choose an ISO image."))
        cdrom = choices.media_path
    spec = NewVmSpec(
        name=name,
        memory_mib=choices.memory_mib,
        vcpus=choices.vcpus,
        source=kind,
        virt_type=choices.virt_type,
        firmware="bios" if choices.firmware is FirmwareChoice.BIOS else "efi",
        secure_boot=choices.firmware is FirmwareChoice.UEFI_SECURE_BOOT,
        disk=disk,
        cdrom=cdrom,
        network=choices.network,
        os_id=choices.os_id,
        os_short_id=choices.os_short_id,
        display_listen="localhost" if facts.remote else "none",
    )
    image = choices.media_path if kind in (SourceKind.IMPORT, SourceKind.CLOUD_INIT) else None
    return CreatePlan(
        spec, disk_volume, seed_volume, cloud_init, choices.domain_xml,
        source_image=image, source_image_local=choices.media_local,
    )
