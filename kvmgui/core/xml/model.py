"""The libvirt domain XML model: ``Domain`` and its devices, declared once.

Every property reads from and writes to the underlying lxml tree (see
``properties``), so one class serves parsing an existing domain, building a new
one and editing a defined one without losing what the model does not know::

    dom = Domain.from_xml(xml)
    dom.disks[0].target_dev          # "vda"
    dom.vcpus = 4
    dom.interfaces.remove(dom.interfaces[0])
    dom.to_xml()
"""

from __future__ import annotations

from kvmgui.core.xml.properties import (
    BoolProperty,
    ChildList,
    FlagProperty,
    IntProperty,
    KibProperty,
    StrProperty,
    XmlObject,
)

GUEST_AGENT_CHANNEL = "org.qemu.guest_agent.0"
SPICE_AGENT_CHANNEL = "com.redhat.spice.0"
ON_OFF = ("on", "off")
DISK_CACHE_MODES = ("default", "none", "writethrough", "writeback", "directsync", "unsafe")
LIFECYCLE_ACTIONS = (
    "destroy", "restart", "preserve", "rename-restart", "coredump-destroy", "coredump-restart",
)


class BackingStore(XmlObject):
    """``<backingStore>``: the image a disk (or a backing store) reads through.

    libvirt writes the chain into a running domain's XML, nested one level per image.
    """

    TAG = "backingStore"
    source_file = StrProperty("./source/@file")
    source_dev = StrProperty("./source/@dev")
    format = StrProperty("./format/@type")


class Disk(XmlObject):
    """``<disk>``: a hard disk, CD-ROM, floppy or LUN."""

    TAG = "disk"
    type = StrProperty(
        "./@type", ("file", "block", "dir", "network", "volume", "nvme", "vhostuser")
    )
    device = StrProperty("./@device", ("disk", "cdrom", "floppy", "lun"))
    driver_name = StrProperty("./driver/@name")
    driver_type = StrProperty("./driver/@type")  # the image format: qcow2, raw, ...
    driver_discard = StrProperty("./driver/@discard", ("unmap", "ignore"))
    driver_cache = StrProperty("./driver/@cache", DISK_CACHE_MODES)
    source_file = StrProperty("./source/@file")
    source_dev = StrProperty("./source/@dev")
    source_pool = StrProperty("./source/@pool")
    source_volume = StrProperty("./source/@volume")
    source_protocol = StrProperty("./source/@protocol")
    source_name = StrProperty("./source/@name")
    target_dev = StrProperty("./target/@dev")
    target_bus = StrProperty("./target/@bus")
    readonly = FlagProperty("./readonly")
    shareable = FlagProperty("./shareable")
    boot_order = IntProperty("./boot/@order")

    @property
    def path(self) -> str | None:
        """The local file or block device; None for volumes not yet resolved and network disks."""
        return self.source_file or self.source_dev or None

    @property
    def backing_paths(self) -> list[str]:
        """The files of the backing chain the XML shows, nearest first (running domains)."""
        paths = []
        node = self.node.find("backingStore")
        while node is not None:
            store = BackingStore(node)
            path = store.source_file or store.source_dev
            if path:
                paths.append(path)
            node = node.find("backingStore")
        return paths


class Interface(XmlObject):
    """``<interface>``: a NIC."""

    TAG = "interface"
    type = StrProperty("./@type")  # network, bridge, user, direct, ...
    source_network = StrProperty("./source/@network")
    source_bridge = StrProperty("./source/@bridge")
    source_dev = StrProperty("./source/@dev")  # direct (macvtap)
    mac = StrProperty("./mac/@address")
    model = StrProperty("./model/@type")
    target_dev = StrProperty("./target/@dev")  # the host side (vnet0), running domains only
    boot_order = IntProperty("./boot/@order")
    link_state = StrProperty("./link/@state", ("up", "down"))

    @property
    def source(self) -> str | None:
        """The network, bridge or host device the NIC is attached to."""
        return self.source_network or self.source_bridge or self.source_dev


class Listen(XmlObject):
    """``<listen>`` of a graphics device."""

    TAG = "listen"
    type = StrProperty("./@type", ("address", "network", "socket", "none"))
    address = StrProperty("./@address")
    network = StrProperty("./@network")
    socket = StrProperty("./@socket")


class Graphics(XmlObject):
    """``<graphics>``: a SPICE, VNC or other display."""

    TAG = "graphics"
    type = StrProperty("./@type")
    autoport = BoolProperty("./@autoport")
    port = IntProperty("./@port")
    tls_port = IntProperty("./@tlsPort")
    # The old attribute forms; libvirt mirrors the first address <listen> into them.
    listen_attr = StrProperty("./@listen")
    socket_attr = StrProperty("./@socket")
    passwd = StrProperty("./@passwd")  # only in XML fetched with VIR_DOMAIN_XML_SECURE
    listens = ChildList(Listen)

    @property
    def listen_address(self) -> str | None:
        """The address it listens on: the attribute, else the first address or network listen."""
        if self.listen_attr is not None:
            return self.listen_attr
        for listen in self.listens:
            if listen.type in ("address", "network") and listen.address is not None:
                return listen.address
        return None

    @property
    def socket_path(self) -> str | None:
        """The UNIX socket it listens on: the attribute, else the first socket listen."""
        if self.socket_attr is not None:
            return self.socket_attr
        for listen in self.listens:
            if listen.type == "socket" and listen.socket is not None:
                return listen.socket
        return None


class _CharDevice(XmlObject):
    """A character device: where its data goes (``type``) and what the guest sees."""

    type = StrProperty("./@type")  # pty, unix, file, spicevmc, ...
    source_path = StrProperty("./source/@path")
    source_mode = StrProperty("./source/@mode", ("bind", "connect"))
    target_type = StrProperty("./target/@type")
    target_port = IntProperty("./target/@port")


class Serial(_CharDevice):
    TAG = "serial"
    target_model = StrProperty("./target/model/@name")  # isa-serial, pci-serial, ...


class Console(_CharDevice):
    TAG = "console"


class Channel(_CharDevice):
    TAG = "channel"
    target_name = StrProperty("./target/@name")  # org.qemu.guest_agent.0, ...


class Controller(XmlObject):
    TAG = "controller"
    type = StrProperty("./@type")  # usb, pci, sata, virtio-serial, scsi, ...
    index = IntProperty("./@index")
    model = StrProperty("./@model")
    ports = IntProperty("./@ports")


class Input(XmlObject):
    TAG = "input"
    type = StrProperty("./@type", ("mouse", "tablet", "keyboard", "passthrough", "evdev"))
    bus = StrProperty("./@bus")


class Video(XmlObject):
    TAG = "video"
    model = StrProperty("./model/@type")
    heads = IntProperty("./model/@heads")
    primary = BoolProperty("./model/@primary")
    vram_kib = IntProperty("./model/@vram")


class Sound(XmlObject):
    TAG = "sound"
    model = StrProperty("./@model")


class Rng(XmlObject):
    """``<rng>``: a virtio RNG fed from the host."""

    TAG = "rng"
    model = StrProperty("./@model")
    backend_model = StrProperty("./backend/@model", ("random", "egd", "builtin"))
    backend_source = StrProperty("./backend")  # /dev/urandom for the random backend


class MemBalloon(XmlObject):
    TAG = "memballoon"
    model = StrProperty("./@model")


class RedirDev(XmlObject):
    """``<redirdev>``: a USB device redirected from the viewer's machine."""

    TAG = "redirdev"
    type = StrProperty("./@type")
    bus = StrProperty("./@bus")


class Tpm(XmlObject):
    TAG = "tpm"
    model = StrProperty("./@model")
    backend_type = StrProperty("./backend/@type", ("passthrough", "emulator", "external"))
    backend_version = StrProperty("./backend/@version")  # 1.2 or 2.0 (emulator)


class Watchdog(XmlObject):
    """``<watchdog>``: a hardware watchdog and what the host does when it fires."""

    TAG = "watchdog"
    model = StrProperty("./@model")  # i6300esb, ib700, diag288, itco
    action = StrProperty("./@action")  # reset, shutdown, poweroff, pause, none, dump, inject-nmi


class HostDev(XmlObject):
    """``<hostdev>``: a host device passed through (here: USB, by vendor and product)."""

    TAG = "hostdev"
    mode = StrProperty("./@mode", ("subsystem", "capabilities"))
    type = StrProperty("./@type")  # usb, pci, scsi, mdev
    managed = BoolProperty("./@managed")
    vendor_id = StrProperty("./source/vendor/@id")
    product_id = StrProperty("./source/product/@id")


class Timer(XmlObject):
    """``<timer>`` of ``<clock>``."""

    TAG = "timer"
    name = StrProperty("./@name")
    tickpolicy = StrProperty("./@tickpolicy", ("delay", "catchup", "merge", "discard"))
    present = BoolProperty("./@present")


class BootDevice(XmlObject):
    """``<os><boot dev>``: one entry of the BIOS-style boot order."""

    TAG = "boot"
    dev = StrProperty("./@dev", ("hd", "cdrom", "network", "fd"))


class FirmwareFeature(XmlObject):
    """``<os><firmware><feature>``: what firmware autoselection must (not) offer."""

    TAG = "feature"
    name = StrProperty("./@name")  # secure-boot, enrolled-keys
    enabled = BoolProperty("./@enabled")


class Domain(XmlObject):
    """``<domain>``: a VM's definition."""

    TAG = "domain"
    type = StrProperty("./@type")  # kvm, qemu, test, ...
    name = StrProperty("./name")
    uuid = StrProperty("./uuid")
    title = StrProperty("./title")
    description = StrProperty("./description")
    os_id = StrProperty("./metadata/libosinfo:libosinfo/libosinfo:os/@id")  # osinfo URI

    memory_kib = KibProperty("./memory")
    current_memory_kib = KibProperty("./currentMemory")
    vcpus = IntProperty("./vcpu")  # the maximum; ``vcpus_current`` of them are plugged in
    vcpus_current = IntProperty("./vcpu/@current")
    vcpu_placement = StrProperty("./vcpu/@placement", ("static", "auto"))

    os_type = StrProperty("./os/type")  # hvm
    arch = StrProperty("./os/type/@arch")
    machine = StrProperty("./os/type/@machine")
    firmware = StrProperty("./os/@firmware", ("bios", "efi"))  # autoselection
    loader = StrProperty("./os/loader")  # an explicit firmware image
    loader_type = StrProperty("./os/loader/@type", ("rom", "pflash"))
    nvram = StrProperty("./os/nvram")  # the UEFI variables file
    firmware_features = ChildList(FirmwareFeature, "./os/firmware")
    boot_devices = ChildList(BootDevice, "./os")
    boot_menu = BoolProperty("./os/bootmenu/@enable")

    acpi = FlagProperty("./features/acpi")
    apic = FlagProperty("./features/apic")
    vmport = BoolProperty("./features/vmport/@state", ON_OFF)
    smm = BoolProperty("./features/smm/@state", ON_OFF)

    cpu_mode = StrProperty("./cpu/@mode", ("host-passthrough", "host-model", "custom", "maximum"))
    cpu_check = StrProperty("./cpu/@check", ("none", "partial", "full"))
    cpu_migratable = BoolProperty("./cpu/@migratable", ON_OFF)
    cpu_model = StrProperty("./cpu/model")
    cpu_sockets = IntProperty("./cpu/topology/@sockets")
    cpu_dies = IntProperty("./cpu/topology/@dies")
    cpu_cores = IntProperty("./cpu/topology/@cores")
    cpu_threads = IntProperty("./cpu/topology/@threads")

    clock_offset = StrProperty("./clock/@offset")
    timers = ChildList(Timer, "./clock")

    on_poweroff = StrProperty("./on_poweroff", LIFECYCLE_ACTIONS)
    on_reboot = StrProperty("./on_reboot", LIFECYCLE_ACTIONS)
    on_crash = StrProperty("./on_crash", LIFECYCLE_ACTIONS)
    suspend_to_mem = BoolProperty("./pm/suspend-to-mem/@enabled")
    suspend_to_disk = BoolProperty("./pm/suspend-to-disk/@enabled")

    emulator = StrProperty("./devices/emulator")
    disks = ChildList(Disk, "./devices")
    controllers = ChildList(Controller, "./devices")
    interfaces = ChildList(Interface, "./devices")
    serials = ChildList(Serial, "./devices")
    consoles = ChildList(Console, "./devices")
    channels = ChildList(Channel, "./devices")
    inputs = ChildList(Input, "./devices")
    graphics = ChildList(Graphics, "./devices")
    sounds = ChildList(Sound, "./devices")
    videos = ChildList(Video, "./devices")
    redirdevs = ChildList(RedirDev, "./devices")
    tpms = ChildList(Tpm, "./devices")
    memballoons = ChildList(MemBalloon, "./devices")
    rngs = ChildList(Rng, "./devices")
    watchdogs = ChildList(Watchdog, "./devices")
    hostdevs = ChildList(HostDev, "./devices")

    @property
    def secure_boot(self) -> bool | None:
        """The secure-boot firmware feature asked for; None when left to libvirt."""
        for feature in self.firmware_features:
            if feature.name == "secure-boot":
                return feature.enabled
        return None

    @property
    def is_uefi(self) -> bool:
        """UEFI firmware, autoselected or given as a pflash loader."""
        return self.firmware == "efi" or self.loader_type == "pflash"
