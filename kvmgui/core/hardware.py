"""Changes to a VM's hardware: what each edits, when it applies, the calls that apply it.

A change applies **now** (to the running VM), **at next boot** (to its
definition) or both. The definition's changes are made on the domain XML
model and defined together, with libvirt's schema validation: one define is
all or nothing, and works on every driver. The running VM's changes go through
libvirt's live calls with ``VIR_DOMAIN_AFFECT_LIVE``: ``setVcpusFlags``,
``setMemoryFlags``, ``updateDeviceFlags``, ``attachDeviceFlags`` and
``detachDeviceFlags``, each given the device as the running XML has it.

A VM whose definition differs from what runs has changes **pending**: they
take effect when it next boots. Pending is read from libvirt (definition
against running XML, item by item), never remembered by the UI.
"""

from __future__ import annotations

import copy
import enum
import random
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import libvirt

from kvmgui.core.editing import read_definition_xml
from kvmgui.core.errors import is_connection_broken
from kvmgui.core.lifecycle import disk_file, path_users
from kvmgui.core.media import MediaKind, MediaVolume, list_media_volumes
from kvmgui.core.storage import Rollback, create_qcow2_volume, delete_volume_by_path
from kvmgui.core.texts import Translatable
from kvmgui.core.uri import is_local_uri
from kvmgui.core.xml.model import (
    BootDevice,
    Console,
    Disk,
    Domain,
    Graphics,
    HostDev,
    Interface,
    Listen,
    Rng,
    Serial,
    Sound,
    Tpm,
    Video,
    Watchdog,
)
from kvmgui.core.xml.properties import ChildListView, XmlObject, parse_xml

LIVE = libvirt.VIR_DOMAIN_AFFECT_LIVE
BOOT_DEVICES = ("hd", "cdrom", "network", "fd")
# Target name prefixes by disk bus: what libvirt and the guests expect.
_TARGET_PREFIX = {"virtio": "vd", "sata": "sd", "scsi": "sd", "usb": "sd", "ide": "hd"}


_DISK_WORDS = {
    "cdrom": Translatable("hardware", "CD-ROM"),
    "floppy": Translatable("hardware", "Floppy"),
    "lun": Translatable("hardware", "LUN"),
}
# How the hardware list names the items that are not devices, and the devices
# of the kinds without words of their own above.
_ITEM_WORDS = {
    "cpu": Translatable("hardware", "CPUs"),
    "memory": Translatable("hardware", "Memory"),
    "boot": Translatable("hardware", "Boot Options"),
    "video": Translatable("hardware", "Video"),
    "sound": Translatable("hardware", "Sound"),
    "serial": Translatable("hardware", "Serial"),
    "tpm": Translatable("hardware", "TPM"),
    "rng": Translatable("hardware", "RNG"),
    "watchdog": Translatable("hardware", "Watchdog"),
}


class When(enum.Flag):
    """When a change applies."""

    NOW = enum.auto()
    NEXT_BOOT = enum.auto()

    @property
    def text(self) -> str:
        if self == When.NOW | When.NEXT_BOOT:
            return Translatable("hardware", "now and at next boot")
        if self == When.NOW:
            return Translatable("hardware", "now")
        return Translatable("hardware", "at next boot")


BOTH = When.NOW | When.NEXT_BOOT


# ---------------------------------------------------------------- items


@dataclass(frozen=True)
class ItemRef:
    """One entry of the hardware list: "cpu", "memory", "boot", or a device by its key."""

    kind: str  # cpu, memory, boot, disk, interface, graphics
    key: str = ""  # a disk's target, a NIC's MAC, a display's type

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.key}" if self.key else self.kind


# The device lists the hardware tab shows, by item kind, in virt-manager's order.
DEVICE_KINDS: dict[str, str] = {
    "disk": "disks", "interface": "interfaces", "graphics": "graphics", "video": "videos",
    "sound": "sounds", "serial": "serials", "tpm": "tpms", "rng": "rngs", "watchdog": "watchdogs",
    "hostdev": "hostdevs",
}
_KIND_OF = {Disk: "disk", Interface: "interface", Graphics: "graphics", Video: "video",
            Sound: "sound", Serial: "serial", Tpm: "tpm", Rng: "rng", Watchdog: "watchdog",
            HostDev: "hostdev"}
AddableDevice = Disk | Interface | Sound | Tpm | Rng | Watchdog | HostDev


def _device_lists(dom: Domain) -> dict[str, ChildListView[Any]]:
    return {kind: getattr(dom, attr) for kind, attr in DEVICE_KINDS.items()}


def _device_key(device: XmlObject) -> str:
    """What tells a device from the others of its kind, the same in the definition
    and in the running XML (which adds aliases and addresses)."""
    if isinstance(device, Disk):
        return device.target_dev or ""
    if isinstance(device, Interface):
        return (device.mac or "").lower()
    if isinstance(device, Graphics):
        return device.type or ""
    if isinstance(device, HostDev):
        return f"{device.vendor_id or '?'}:{device.product_id or '?'}"
    if isinstance(device, Serial):
        return "" if device.target_port is None else str(device.target_port)
    if isinstance(device, Video | Sound | Tpm | Rng | Watchdog):
        return device.model or ""
    raise TypeError(f"no key for {device!r}")


def hardware_items(dom: Domain) -> list[ItemRef]:
    """The hardware list of ``dom``, in virt-manager's order."""
    items = [ItemRef("cpu"), ItemRef("memory"), ItemRef("boot")]
    for kind, devices in _device_lists(dom).items():
        items += [ItemRef(kind, _device_key(d)) for d in devices]
    return items


def find_device(dom: Domain, ref: ItemRef) -> XmlObject | None:
    """The device ``ref`` names in ``dom``, or None."""
    devices = _device_lists(dom).get(ref.kind, ())
    return next((d for d in devices if _device_key(d) == ref.key), None)


def item_label(dom: Domain, ref: ItemRef) -> str:
    """How the hardware list names an item."""
    device = find_device(dom, ref)
    if isinstance(device, Disk):
        what = _DISK_WORDS.get(device.device or "", Translatable("hardware", "Disk"))
        return Translatable("hardware", "{what} {key}", what=what, key=ref.key)
    if isinstance(device, Interface):
        return Translatable("hardware", "NIC {key}", key=ref.key[-8:])
    if isinstance(device, Graphics):
        protocol = ref.key.upper() if ref.key in ("vnc", "rdp") else ref.key.title()
        return Translatable("hardware", "Display {protocol}", protocol=protocol)
    if isinstance(device, HostDev):
        return Translatable("hardware", "USB {key}", key=ref.key)
    if device is None or not ref.key:
        return _ITEM_WORDS[ref.kind]
    return Translatable("hardware", "{what} {key}", what=_ITEM_WORDS[ref.kind], key=ref.key)


def _state(dom: Domain, ref: ItemRef) -> tuple[object, ...] | None:
    """What the editors edit of an item (None when absent): equal states, nothing pending."""
    if ref.kind == "cpu":
        return (dom.vcpus, dom.vcpus_current or dom.vcpus, dom.cpu_mode, dom.cpu_model,
                dom.cpu_sockets, dom.cpu_cores, dom.cpu_threads)
    if ref.kind == "memory":
        return dom.memory_kib, dom.current_memory_kib
    if ref.kind == "boot":
        return tuple(b.dev for b in dom.boot_devices), bool(dom.boot_menu)
    device = find_device(dom, ref)
    if isinstance(device, Disk):
        return (device.device, device.path, device.target_bus, device.driver_cache,
                device.readonly, device.shareable)
    if isinstance(device, Interface):
        return device.type, device.source, device.model, device.link_state or "up"
    if isinstance(device, Graphics):
        return device.type, tuple((listen.type, listen.address) for listen in device.listens)
    if isinstance(device, Video):
        return device.model, device.heads
    if isinstance(device, Watchdog):
        return device.model, device.action
    if isinstance(device, Tpm):
        return device.model, device.backend_type, device.backend_version
    if isinstance(device, Rng):
        return device.model, device.backend_model, device.backend_source
    if isinstance(device, Serial):
        # Not the source path: a running pty gets its /dev/pts/N there.
        return device.type, device.target_type
    if device is not None:
        return (_device_key(device),)
    return None


def pending_items(definition: Domain, running: Domain | None) -> set[ItemRef]:
    """The items whose definition differs from what runs (none when it does not run)."""
    if running is None:
        return set()
    refs = set(hardware_items(definition)) | set(hardware_items(running))
    return {ref for ref in refs if _state(definition, ref) != _state(running, ref)}


# -------------------------------------------------------------- changes


@dataclass(frozen=True)
class NewVolume:
    """A thin qcow2 volume to create in a pool for a new disk."""

    pool: str
    name: str
    size_bytes: int


@dataclass(frozen=True)
class Change:
    """One edit the user asked for.

    ``edit`` changes a domain model: the definition's when it applies at next
    boot. ``live`` applies it to the running VM (given the running XML's
    model, which it may edit to match); None for changes that need a restart.
    """

    item: ItemRef
    label: str
    when: When
    edit: Callable[[Domain], None]
    live: Callable[[libvirt.virDomain, Domain], None] | None = None
    # Storage to delete once the change applied, if no VM uses it any more.
    then_delete: str | None = None
    # A volume to create first (and to delete again if the change is not applied).
    new_volume: NewVolume | None = None

    def __post_init__(self) -> None:
        if self.live is None and When.NOW in self.when:
            raise ValueError(f"{self.label} cannot apply to a running VM")


@dataclass(frozen=True)
class ChangeError:
    item: ItemRef
    message: str


def set_vcpus(current: int, maximum: int, when: When) -> Change:
    """Plug ``current`` of ``maximum`` vCPUs; only ``current`` changes on a running VM."""

    def edit(dom: Domain) -> None:
        dom.vcpus = maximum
        dom.vcpus_current = current if current != maximum else None

    def live(virdom: libvirt.virDomain, running: Domain) -> None:
        virdom.setVcpusFlags(current, LIVE)
        running.vcpus_current = current if current != running.vcpus else None

    label = Translatable("hardware", "vCPUs: {current} of {maximum}", current=current,
                         maximum=maximum)
    return Change(ItemRef("cpu"), label, when, edit, live)


def set_cpu_mode(mode: str, model_name: str | None = None) -> Change:
    """host-passthrough, host-model, maximum, or a named model (``custom``); at next boot."""

    def edit(dom: Domain) -> None:
        dom.cpu_mode = mode
        dom.cpu_model = model_name if mode == "custom" else None
        if mode != "custom":
            dom.cpu_check = None

    label = (Translatable("hardware", "CPU model: {model}", model=model_name) if mode == "custom"
             else Translatable("hardware", "CPU mode: {mode}", mode=mode))
    return Change(ItemRef("cpu"), label, When.NEXT_BOOT, edit)


def set_cpu_topology(sockets: int, cores: int, threads: int) -> Change:
    """How the vCPUs are laid out (libvirt wants sockets * cores * threads = the maximum
    vCPUs); 0 sockets: no topology, the hypervisor's default. At next boot."""

    def edit(dom: Domain) -> None:
        if not sockets:
            dom.cpu_sockets = dom.cpu_dies = dom.cpu_cores = dom.cpu_threads = None
            return
        dom.cpu_sockets, dom.cpu_dies = sockets, 1
        dom.cpu_cores, dom.cpu_threads = cores, threads

    label = (
        Translatable(
            "hardware", "CPU topology: {sockets} socket(s), {cores} core(s), {threads} thread(s)",
            sockets=sockets, cores=cores, threads=threads,
        )
        if sockets else Translatable("hardware", "CPU topology: the hypervisor's default")
    )
    return Change(ItemRef("cpu"), label, When.NEXT_BOOT, edit)


def set_memory(current_kib: int, maximum_kib: int, when: When) -> Change:
    """``current_kib`` of ``maximum_kib``; only the current (balloon) size changes live."""

    def edit(dom: Domain) -> None:
        dom.memory_kib = maximum_kib
        dom.current_memory_kib = current_kib

    def live(virdom: libvirt.virDomain, running: Domain) -> None:
        virdom.setMemoryFlags(current_kib, LIVE)
        running.current_memory_kib = current_kib

    label = Translatable("hardware", "Memory: {current} MiB of {maximum} MiB",
                         current=current_kib // 1024, maximum=maximum_kib // 1024)
    return Change(ItemRef("memory"), label, when, edit, live)


def set_boot(devices: list[str], menu: bool) -> Change:
    """The boot order (BIOS style, ``<os><boot dev>``) and the boot menu; at next boot.

    Per-device boot orders go: libvirt refuses both kinds together.
    """
    for dev in devices:
        if dev not in BOOT_DEVICES:
            raise ValueError(f"unknown boot device {dev!r}")

    def edit(dom: Domain) -> None:
        for boot in list(dom.boot_devices):
            dom.boot_devices.remove(boot)
        for disk in dom.disks:
            disk.boot_order = None
        for nic in dom.interfaces:
            nic.boot_order = None
        for dev in devices:
            dom.boot_devices.append(_boot_device(dev))
        dom.boot_menu = menu

    order = ", ".join(devices) or Translatable("hardware", "none")
    label = (Translatable("hardware", "Boot order: {order}; boot menu on", order=order) if menu
             else Translatable("hardware", "Boot order: {order}; boot menu off", order=order))
    return Change(ItemRef("boot"), label, When.NEXT_BOOT, edit)


def _boot_device(dev: str) -> BootDevice:
    boot = BootDevice()
    boot.dev = dev
    return boot


def _update_device(
    ref: ItemRef, label: str, when: When, edit_device: Callable[[XmlObject], None],
) -> Change:
    """A change to one device, applied live with updateDeviceFlags."""

    def edit(dom: Domain) -> None:
        device = find_device(dom, ref)
        if device is None:
            raise ValueError(f"{ref.id} is not in the VM")
        edit_device(device)

    def live(virdom: libvirt.virDomain, running: Domain) -> None:
        device = find_device(running, ref)
        if device is None:
            raise ValueError(f"{ref.id} is not in the running VM")
        edited = type(device)(copy.deepcopy(device.node))
        edit_device(edited)
        virdom.updateDeviceFlags(edited.to_xml(), LIVE)
        edit_device(device)

    return Change(ref, label, when, edit, live if When.NOW in when else None)


def change_media(target: str, path: str | None, when: When) -> Change:
    """Insert the ISO at ``path`` in a CD-ROM (or floppy), or eject its media (None)."""

    def edit_device(device: XmlObject) -> None:
        assert isinstance(device, Disk)
        device.type = "file"
        device.source_dev = device.source_pool = device.source_volume = None
        device.source_file = path

    label = (Translatable("hardware", "CD-ROM {target}: insert {path}", target=target, path=path)
             if path else Translatable("hardware", "CD-ROM {target}: eject", target=target))
    return _update_device(ItemRef("disk", target), label, when, edit_device)


def set_link(mac: str, up: bool, when: When) -> Change:
    """A NIC's link up or down: the guest sees its cable plugged or pulled."""

    def edit_device(device: XmlObject) -> None:
        assert isinstance(device, Interface)
        device.link_state = None if up else "down"  # up is libvirt's default

    label = (Translatable("hardware", "NIC {mac}: link up", mac=mac) if up
             else Translatable("hardware", "NIC {mac}: link down", mac=mac))
    return _update_device(ItemRef("interface", mac.lower()), label, when, edit_device)


def update_interface(mac: str, kind: str, source: str, model: str) -> Change:
    """A NIC's network or bridge and its model; at next boot."""
    if kind not in ("network", "bridge"):
        raise ValueError(f"a NIC is on a network or a bridge, not {kind!r}")

    def edit_device(device: XmlObject) -> None:
        assert isinstance(device, Interface)
        device.type = kind
        device.source_network = source if kind == "network" else None
        device.source_bridge = source if kind == "bridge" else None
        device.source_dev = None
        device.model = model

    label = (
        Translatable("hardware", "NIC {mac}: network {source}, model {model}", mac=mac,
                     source=source, model=model)
        if kind == "network" else
        Translatable("hardware", "NIC {mac}: bridge {source}, model {model}", mac=mac,
                     source=source, model=model)
    )
    return _update_device(ItemRef("interface", mac.lower()), label, When.NEXT_BOOT, edit_device)


def update_disk(
    target: str, *, bus: str, cache: str | None, readonly: bool, shareable: bool,
    taken: Iterable[str] = (),
) -> Change:
    """A disk's bus, cache mode, read-only and shareable flags; at next boot.

    A new bus gets a target name of its own (vda → sda) and loses the old
    address, which libvirt fills in again for the new bus.
    """
    def edit_device(device: XmlObject) -> None:
        assert isinstance(device, Disk)
        if device.target_bus != bus:
            device.target_dev = free_target([*taken, target], bus)
            for address in device.node.findall("address"):
                device.node.remove(address)
        device.target_bus = bus
        device.driver_cache = None if cache in (None, "default") else cache
        device.readonly = readonly
        device.shareable = shareable

    label = Translatable("hardware", "Disk {target}: bus {bus}, cache {cache}", target=target,
                         bus=bus, cache=cache or Translatable("hardware", "default"))
    if readonly:
        label = Translatable("hardware", "{label}, read-only", label=label)
    if shareable:
        label = Translatable("hardware", "{label}, shareable", label=label)
    return _update_device(ItemRef("disk", target), label, When.NEXT_BOOT, edit_device)


def set_graphics(old_type: str, new_type: str, listen: str) -> Change:
    """A display's protocol (spice or vnc) and where it listens; at next boot.

    ``listen`` is "none" (no TCP port: viewers attach through libvirt, the
    default for a local host) or "local" (127.0.0.1, for SSH tunnels).
    """
    if new_type not in ("spice", "vnc") or listen not in ("none", "local"):
        raise ValueError(f"unsupported display {new_type!r} listening {listen!r}")

    def edit_device(device: XmlObject) -> None:
        assert isinstance(device, Graphics)
        device.type = new_type
        device.port = device.tls_port = None
        device.listen_attr = device.socket_attr = None
        for old in list(device.listens):
            device.listens.remove(old)
        new_listen = device.listens.append(Listen())
        if listen == "none":
            device.autoport = None
            new_listen.type = "none"
        else:
            device.autoport = True
            new_listen.type = "address"
            new_listen.address = "127.0.0.1"

    label = (
        Translatable("hardware", "Display: {protocol}, listening nowhere (local viewers)",
                     protocol=new_type)
        if listen == "none" else
        Translatable("hardware", "Display: {protocol}, listening on 127.0.0.1", protocol=new_type)
    )
    return _update_device(ItemRef("graphics", old_type), label, When.NEXT_BOOT, edit_device)


VIDEO_MODELS = ("virtio", "qxl", "vga", "bochs", "ramfb", "cirrus", "none")
SOUND_MODELS = ("ich9", "ich6", "ac97", "usb")
WATCHDOG_MODELS = ("i6300esb", "itco", "ib700")
WATCHDOG_ACTIONS = ("reset", "poweroff", "shutdown", "pause", "none", "dump", "inject-nmi")


def set_video_model(old_model: str, new_model: str) -> Change:
    """The video card's model; at next boot. Model-specific sizes (QXL's) go."""
    if new_model not in VIDEO_MODELS:
        raise ValueError(f"unknown video model {new_model!r}")

    def edit_device(device: XmlObject) -> None:
        assert isinstance(device, Video)
        model = device.node.find("model")
        if model is not None:
            for name in [n for n in model.attrib if n not in ("type", "heads", "primary")]:
                del model.attrib[name]
            for child in list(model):
                model.remove(child)  # <acceleration>, <resolution>
        device.model = new_model

    label = Translatable("hardware", "Video: {model}", model=new_model)
    return _update_device(ItemRef("video", old_model), label, When.NEXT_BOOT, edit_device)


def set_watchdog_action(model: str, action: str) -> Change:
    """What the host does when the watchdog fires; at next boot."""
    if action not in WATCHDOG_ACTIONS:
        raise ValueError(f"unknown watchdog action {action!r}")

    def edit_device(device: XmlObject) -> None:
        assert isinstance(device, Watchdog)
        device.action = action

    label = Translatable("hardware", "Watchdog {model}: {action}", model=model, action=action)
    return _update_device(ItemRef("watchdog", model), label, When.NEXT_BOOT, edit_device)


def new_sound(model: str) -> Sound:
    sound = Sound()
    sound.model = model
    return sound


def new_tpm() -> Tpm:
    """An emulated TPM 2.0 (CRB): the host needs swtpm."""
    tpm = Tpm()
    tpm.model = "tpm-crb"
    tpm.backend_type = "emulator"
    tpm.backend_version = "2.0"
    return tpm


def new_rng() -> Rng:
    """A virtio RNG fed from the host's /dev/urandom."""
    rng = Rng()
    rng.model = "virtio"
    rng.backend_model = "random"
    rng.backend_source = "/dev/urandom"
    return rng


def free_serial_port(dom: Domain) -> int:
    """The first serial port number ``dom`` does not use (0 for the guest's ttyS0)."""
    used = {serial.target_port for serial in dom.serials}
    return next(port for port in range(len(used) + 1) if port not in used)


def add_serial(port: int) -> Change:
    """A pty serial port (an ISA one: the guest's ttyS<port>); at next boot, as an ISA
    device cannot be plugged into a running VM.

    A domain without a console gets one on it, so the Serial Console tab and
    ``virsh console`` reach the guest.
    """
    serial = Serial()
    serial.type = "pty"
    serial.target_type = "isa-serial"
    serial.target_port = port
    serial.target_model = "isa-serial"

    def edit(dom: Domain) -> None:
        dom.serials.append(Serial(copy.deepcopy(serial.node)))
        if not dom.consoles:
            console = dom.consoles.append(Console())
            console.type = "pty"
            console.target_type = "serial"
            console.target_port = 0

    label = Translatable("hardware", "Add serial port {port} (pty)", port=port)
    return Change(ItemRef("serial", str(port)), label, When.NEXT_BOOT, edit)


def new_watchdog(model: str, action: str) -> Watchdog:
    watchdog = Watchdog()
    watchdog.model = model
    watchdog.action = action
    return watchdog


def new_usb_hostdev(vendor_id: str, product_id: str) -> HostDev:
    """A host USB device, found by vendor and product, passed through (libvirt detaches it
    from the host while the VM has it)."""
    hostdev = HostDev()
    hostdev.mode = "subsystem"
    hostdev.type = "usb"
    hostdev.managed = True
    hostdev.vendor_id = vendor_id
    hostdev.product_id = product_id
    return hostdev


@dataclass(frozen=True)
class UsbDevice:
    """A USB device plugged into the host."""

    vendor_id: str  # 0x046d
    product_id: str
    description: str


def usb_host_devices(conn: libvirt.virConnect) -> list[UsbDevice]:
    """The host's USB devices, from libvirt's node devices (so a remote host's own)."""
    devices = []
    for node_device in conn.listAllDevices(libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV):
        capability = parse_xml(node_device.XMLDesc(0)).find("capability")
        if capability is None:
            continue
        vendor, product = capability.find("vendor"), capability.find("product")
        if vendor is None or product is None:
            continue
        words = " ".join(w for w in (vendor.text, product.text) if w)
        devices.append(UsbDevice(vendor.get("id", ""), product.get("id", ""),
                                 words or node_device.name()))
    return devices


def free_target(taken: Iterable[str], bus: str) -> str:
    """The first target name on ``bus``'s prefix that ``taken`` does not hold (vdb, sdc...)."""
    prefix = _TARGET_PREFIX.get(bus, "sd")
    used = set(taken)
    for letter in string.ascii_lowercase:
        if prefix + letter not in used:
            return prefix + letter
    raise ValueError(f"no free target name on the {bus} bus")


def add_device(device: AddableDevice, when: When) -> Change:
    """Attach ``device``: live with attachDeviceFlags, to the definition by adding it."""
    kind = _KIND_OF[type(device)]
    ref = ItemRef(kind, _device_key(device))

    def edit(dom: Domain) -> None:
        _device_lists(dom)[kind].append(type(device)(copy.deepcopy(device.node)))

    def live(virdom: libvirt.virDomain, running: Domain) -> None:
        virdom.attachDeviceFlags(device.to_xml(), LIVE)

    what = {
        "interface": Translatable("hardware", "NIC"),
        "hostdev": Translatable("hardware", "USB device"),
    }.get(kind, kind)
    label = Translatable("hardware", "Add {what} {key}", what=what, key=ref.key)
    if details := describe_device(device):
        label = Translatable("hardware", "{label} ({details})", label=label, details=details)
    return Change(ref, label, when, edit, live)


def add_new_volume_disk(volume: NewVolume, target: str, bus: str, when: When) -> Change:
    """A new thin qcow2 volume in a pool, added as disk ``target`` on ``bus``."""
    disk = Disk()
    disk.type = "volume"
    disk.device = "disk"
    disk.driver_name = "qemu"
    disk.driver_type = "qcow2"
    disk.driver_discard = "unmap"
    disk.source_pool = volume.pool
    disk.source_volume = volume.name
    disk.target_dev = target
    disk.target_bus = bus
    change = add_device(disk, when)
    size_gib = volume.size_bytes / 1024**3
    label = Translatable(
        "hardware", "Add disk {target}: new volume {pool}/{name} ({size} GiB)", target=target,
        pool=volume.pool, name=volume.name, size=f"{size_gib:g}",
    )
    return replace(change, label=label, new_volume=volume)


def storage_pools(conn: libvirt.virConnect) -> list[str]:
    """The names of the host's active storage pools, where new volumes can go."""
    pools = conn.listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE)
    return sorted(pool.name() for pool in pools)


def network_names(conn: libvirt.virConnect) -> list[str]:
    """The names of the host's networks (active or not), for a NIC to be on."""
    return sorted(network.name() for network in conn.listAllNetworks(0))


def remove_device(ref: ItemRef, when: When, delete_storage: str | None = None) -> Change:
    """Detach a device: live with detachDeviceFlags (the guest may have to agree).

    ``delete_storage``: a disk's volume to delete afterwards, which happens only
    when no VM, this one included, still uses it.
    """

    def edit(dom: Domain) -> None:
        device = find_device(dom, ref)
        if device is not None:
            _remove(dom, device)

    def live(virdom: libvirt.virDomain, running: Domain) -> None:
        device = find_device(running, ref)
        if device is None:
            return
        virdom.detachDeviceFlags(device.to_xml(), LIVE)
        _remove(running, device)

    label = (
        Translatable("hardware", "Remove {kind} {key} and delete {path}", kind=ref.kind,
                     key=ref.key, path=delete_storage)
        if delete_storage else
        Translatable("hardware", "Remove {kind} {key}", kind=ref.kind, key=ref.key)
    )
    return Change(ref, label, when, edit, live, then_delete=delete_storage)


def new_mac() -> str:
    """A random MAC in QEMU's 52:54:00 range: the same NIC added now and at next boot."""
    return "52:54:00:" + ":".join(f"{random.randrange(256):02x}" for _ in range(3))


def _remove(dom: Domain, device: XmlObject) -> None:
    _device_lists(dom)[_KIND_OF[type(device)]].remove(device)
    if isinstance(device, Serial) and not dom.serials:
        # A console on a serial port with no serial left: libvirt would make the
        # serial port again from it.
        for console in [c for c in dom.consoles if c.target_type == "serial"]:
            dom.consoles.remove(console)


def describe_device(device: XmlObject) -> str:
    """A device's source in a few words, for lists."""
    if isinstance(device, Disk):
        return device.path or (f"{device.source_pool}/{device.source_volume}"
                               if device.source_volume else Translatable("hardware", "empty"))
    if isinstance(device, Interface):
        return f"{device.type or '?'} {device.source or ''}, {device.model or 'default'}".strip()
    if isinstance(device, Watchdog):
        return Translatable("hardware", "on firing: {action}", action=device.action or "reset")
    if isinstance(device, Tpm):
        return f"{device.backend_type or ''} {device.backend_version or ''}".strip()
    if isinstance(device, Serial):
        return f"{device.type or '?'}, {device.target_model or device.target_type or 'default'}"
    return ""


# ------------------------------------------------------------- applying


def apply_changes(conn: libvirt.virConnect, uuid: str, changes: list[Change]) -> list[ChangeError]:
    """Apply ``changes``: the definition's in one validated define, then the live ones.

    Returns what failed, item by item (empty: all applied). A failed define
    applies nothing; a failed live call leaves its change pending.
    """
    virdom = conn.lookupByUUIDString(uuid)
    created: dict[Change, libvirt.virStorageVol] = {}
    for change in changes:
        if change.new_volume is None:
            continue
        try:
            created[change] = _create_volume(conn, change.new_volume)
        except libvirt.libvirtError as err:
            if is_connection_broken(err):
                raise
            _delete_volumes(created.values())
            return [ChangeError(c.item, err.get_error_message() if c is change else
                                Translatable("hardware",
                                             "Not applied: a new volume could not be created."))
                    for c in changes]
    at_boot = [c for c in changes if When.NEXT_BOOT in c.when]
    if at_boot:
        definition = Domain.from_xml(read_definition_xml(virdom))
        for change in at_boot:
            change.edit(definition)
        try:
            conn.defineXMLFlags(definition.to_xml(), libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
        except libvirt.libvirtError as err:
            if is_connection_broken(err):
                raise
            message = err.get_error_message()
            _delete_volumes(created.values())
            refused = Translatable("hardware", "Not applied: the definition was refused.")
            return [ChangeError(c.item, message if c in at_boot else refused) for c in changes]
    errors = []
    now = [c for c in changes if When.NOW in c.when]
    if now and virdom.isActive():
        running = Domain.from_xml(virdom.XMLDesc(0))
        for change in now:
            assert change.live is not None
            try:
                change.live(virdom, running)
            except libvirt.libvirtError as err:
                if is_connection_broken(err):
                    raise
                errors.append(ChangeError(change.item, err.get_error_message()))
                if change in created and When.NEXT_BOOT not in change.when:
                    _delete_volumes([created[change]])  # no VM has it
    failed = {error.item for error in errors}
    for change in changes:
        if change.then_delete and change.item not in failed:
            errors += _delete_storage(conn, change)
    return errors


def _create_volume(conn: libvirt.virConnect, volume: NewVolume) -> libvirt.virStorageVol:
    pool = conn.storagePoolLookupByName(volume.pool)
    return create_qcow2_volume(pool, volume.name, volume.size_bytes)


def _delete_volumes(volumes: Iterable[libvirt.virStorageVol]) -> None:
    rollback = Rollback()
    for vol in volumes:
        rollback.push(f"delete {vol.name()}", vol.delete)
    rollback.run()


def _delete_storage(conn: libvirt.virConnect, change: Change) -> list[ChangeError]:
    assert change.then_delete is not None
    users = path_users(conn, [change.then_delete])[change.then_delete]
    if users:
        return [ChangeError(change.item, Translatable(
            "hardware", "{path} was kept: {users} still uses it.", path=change.then_delete,
            users=", ".join(users),
        ))]
    try:
        if not delete_volume_by_path(conn, change.then_delete):
            return [ChangeError(change.item, Translatable(
                "hardware",
                "{path} was kept: no storage pool holds it, kvmgui deletes only pool volumes.",
                path=change.then_delete,
            ))]
    except libvirt.libvirtError as err:
        if is_connection_broken(err):
            raise
        return [ChangeError(change.item, err.get_error_message())]
    return []


@dataclass(frozen=True)
class HardwareState:
    """A VM's definition and, while it runs, its running XML."""

    definition: Domain
    running: Domain | None
    pools: tuple[str, ...] = ()  # where a new disk's volume can go
    usb_devices: tuple[UsbDevice, ...] = ()  # the host's, to pass through
    networks: tuple[str, ...] = ()  # the host's, for a NIC
    media: tuple[MediaVolume, ...] = ()  # the host pools' ISOs and disk images, to attach
    local_host: bool = False  # whether the host's files are this machine's (a file dialog)
    # Each disk's file by target, pool volumes resolved: the storage a removal may delete.
    disk_files: dict[str, str] = field(default_factory=dict)

    def volumes_of(self, kind: MediaKind) -> tuple[MediaVolume, ...]:
        return tuple(volume for volume in self.media if volume.kind is kind)

    @property
    def pending(self) -> set[ItemRef]:
        return pending_items(self.definition, self.running)


def read_hardware(virdom: libvirt.virDomain) -> HardwareState:
    definition = Domain.from_xml(read_definition_xml(virdom))
    running = Domain.from_xml(virdom.XMLDesc(0)) if virdom.isActive() else None
    conn = virdom.connect()
    files = {disk.target_dev: disk_file(conn, disk) for disk in definition.disks}
    return HardwareState(definition, running, tuple(storage_pools(conn)),
                         tuple(usb_host_devices(conn)), tuple(network_names(conn)),
                         list_media_volumes(conn),
                         is_local_uri(conn.getURI()),
                         {target: path for target, path in files.items() if target and path})
