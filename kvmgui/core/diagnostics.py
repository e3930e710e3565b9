"""Host diagnostics: a checklist, each item with a concrete fix, read through libvirt.

Every check asks the connection (capabilities, domain capabilities, pools,
networks), never this machine, so a remote host is judged as it is. The KVM
self-test boots a tiny transient guest under KVM and under TCG and compares:
a host can offer KVM (``/dev/kvm`` is there, libvirt lists it) and still run
KVM guests so slowly that they seem to hang (a software nested hypervisor).

Everything here blocks on the daemon: run it through ``Connection.call``.
"""

from __future__ import annotations

import enum
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import libvirt
from lxml import etree

from kvmgui.core.errors import describe_open_error
from kvmgui.core.hostfacts import GUEST_ARCH, domain_capabilities, guest_support
from kvmgui.core.pools import list_pools
from kvmgui.core.storage import (
    DEFAULT_POOL_NAME,
    lookup_pool,
    pool_free_bytes,
    upload_volume_bytes,
)
from kvmgui.core.texts import Translatable
from kvmgui.core.units import format_bytes
from kvmgui.core.xml.properties import parse_xml

log = logging.getLogger(__name__)

GIB = 1024**3
LOW_SPACE = 10 * GIB
VERY_LOW_SPACE = 2 * GIB
DEFAULT_NETWORK = "default"
SELF_TEST_PREFIX = "kvmgui-test-selftest-"
START_MARKER = b"KVMGUI-SELFTEST-START"
DONE_MARKER = b"KVMGUI-SELFTEST-OK"
# A real KVM host runs the test guest to its end in well under a second;
# TCG here takes about 0.5 s. KVM is judged unusable when it has not ended by then.
KVM_DEADLINE_S = 5.0
TCG_DEADLINE_S = 20.0
# How many times TCG's time (plus a second) a KVM run may take and still count as working.
KVM_SLOWER_THAN_TCG_LIMIT = 5.0


class Status(enum.Enum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"
    INFO = "info"


@dataclass(frozen=True)
class Check:
    """One line of the checklist: what was checked, what was found, and how to fix it."""

    title: str
    status: Status
    found: str
    fix: str = ""


# ------------------------------------------------------------- connecting


def connection_check(uri: str) -> Check:
    """Whether ``uri`` opens now, with libvirt's reason and the fix when it does not.

    For a connection that failed: opened here once, apart from the app's own
    attempts. Blocks (it is a connect).
    """
    try:
        conn = libvirt.open(uri)
    except libvirt.libvirtError as err:
        return Check(Translatable("diagnostics", "Connect to the libvirt daemon"), Status.PROBLEM,
                     err.get_error_message() or str(err), describe_open_error(uri, err))
    conn.close()
    return Check(
        Translatable("diagnostics", "Connect to the libvirt daemon"),
        Status.OK,
        Translatable("diagnostics", "{uri} answers.", uri=uri),
    )


# ------------------------------------------------------------ capabilities


_KVM_FIX = (
    "Make /dev/kvm usable on the host: turn on virtualization (Intel VT-x or AMD-V) in "
    "its firmware (BIOS/UEFI) settings; load the module ('sudo modprobe kvm_intel' or "
    "'sudo modprobe kvm_amd'); when the host is itself a virtual machine, turn on nested "
    "virtualization on the machine that runs it; and give the daemon access to /dev/kvm "
    "(group 'kvm'). Until then, VMs run under TCG (software emulation, slow)."
)
_UEFI_FIX = (
    "Install the OVMF firmware on the host (Debian/Ubuntu: 'sudo apt install ovmf'; "
    "Fedora: 'sudo dnf install edk2-ovmf'), then reconnect. BIOS VMs work without it."
)


def capability_checks(
    capabilities: etree._Element, answer: tuple[bool, etree._Element] | None
) -> list[Check]:
    """KVM or TCG, a nested host, and UEFI firmware, from the host's (domain) capabilities.

    ``answer`` is what :func:`kvmgui.core.hostfacts.domain_capabilities` returns.
    """
    support = guest_support(capabilities, answer)
    arch = f"guest[os_type='hvm']/arch[@name='{GUEST_ARCH}']"
    checks: list[Check] = []
    if support.kvm:
        checks.append(Check(Translatable("diagnostics", "KVM (hardware virtualization)"), Status.OK,
                            Translatable("diagnostics", "The host offers KVM for x86_64 guests.")))
    elif capabilities.xpath(f"{arch}/domain[@type='qemu']") or answer is not None:
        checks.append(
            Check(
                Translatable("diagnostics", "KVM (hardware virtualization)"),
                Status.PROBLEM,
                Translatable(
                    "diagnostics",
                    "The host offers only TCG (software emulation): /dev/kvm is "
                    "missing or the daemon cannot use it.",
                ),
                _KVM_FIX,
            )
        )
    elif capabilities.xpath("guest/arch/domain[@type!='qemu' and @type!='kvm']"):
        checks.append(
            Check(
                Translatable("diagnostics", "KVM (hardware virtualization)"),
                Status.INFO,
                Translatable(
                    "diagnostics", "This driver runs no QEMU/KVM guests (e.g. the test driver)."
                ),
            )
        )
    else:
        checks.append(
            Check(
                Translatable("diagnostics", "KVM (hardware virtualization)"),
                Status.PROBLEM,
                Translatable("diagnostics", "The host offers no x86_64 emulator at all."),
                Translatable(
                    "diagnostics",
                    "Install QEMU on the host (Debian: 'sudo apt install "
                    "qemu-system-x86'), then reconnect.",
                ),
            )
        )
    if capabilities.xpath("host/cpu/feature[@name='hypervisor']"):
        checks.append(
            Check(
                Translatable("diagnostics", "Nested virtualization"),
                Status.WARNING if support.kvm else Status.INFO,
                Translatable(
                    "diagnostics",
                    "The host is itself a virtual machine: its KVM is nested, and may be slow "
                    "or emulated in software.",
                ),
                Translatable(
                    "diagnostics",
                    "Run the KVM self-test: it shows whether KVM guests really run here.",
                )
                if support.kvm
                else "",
            )
        )
    if not support.capabilities_known:
        checks.append(
            Check(
                Translatable("diagnostics", "UEFI firmware (OVMF)"),
                Status.INFO,
                Translatable(
                    "diagnostics", "This driver does not tell; libvirt checks when a VM is defined."
                ),
            )
        )
    elif support.uefi:
        secure = Translatable("diagnostics", " with Secure Boot") if support.secure_boot else ""
        checks.append(
            Check(
                Translatable("diagnostics", "UEFI firmware (OVMF)"),
                Status.OK,
                Translatable("diagnostics", "UEFI firmware{secure} is installed.", secure=secure),
            )
        )
    else:
        checks.append(
            Check(
                Translatable("diagnostics", "UEFI firmware (OVMF)"),
                Status.WARNING,
                Translatable("diagnostics", "No UEFI firmware: VMs can boot with BIOS only."),
                _UEFI_FIX,
            )
        )
    return checks


# ------------------------------------------------------- networks and pools


def default_network_check(conn: libvirt.virConnect) -> Check:
    title = Translatable("diagnostics", "Default network")
    try:
        network = conn.networkLookupByName(DEFAULT_NETWORK)
    except libvirt.libvirtError as err:
        if err.get_error_code() != libvirt.VIR_ERR_NO_NETWORK:
            raise
        return Check(
            title,
            Status.WARNING,
            Translatable("diagnostics", "There is no 'default' network (NAT)."),
            Translatable(
                "diagnostics",
                "Create a NAT network named 'default' in the Networks tab, or on the "
                "host: 'virsh net-define /usr/share/libvirt/networks/default.xml && "
                "virsh net-start default && virsh net-autostart default'.",
            ),
        )
    if not network.isActive():
        return Check(
            title,
            Status.WARNING,
            Translatable("diagnostics", "The 'default' network is defined but stopped."),
            Translatable(
                "diagnostics",
                "Start it in the Networks tab (tick Autostart to keep it running), "
                "or 'virsh net-start default'. kvmgui starts it when a new VM uses it.",
            ),
        )
    return Check(title, Status.OK, Translatable("diagnostics", "The 'default' network is running."))


def default_pool_checks(conn: libvirt.virConnect) -> list[Check]:
    """The ``default`` pool, and the free space where new disks go."""
    title = Translatable("diagnostics", "Default storage pool")
    pool = lookup_pool(conn, DEFAULT_POOL_NAME)
    if pool is None:
        others = [info for info in list_pools(conn) if info.active]
        found = (Translatable("diagnostics", "There is no 'default' pool; other active pools: "
                              "{pools}.", pools=", ".join(info.name for info in others))
                  if others else Translatable("diagnostics", "There is no 'default' pool."))
        return [
            Check(
                title,
                Status.INFO if others else Status.WARNING,
                found,
                Translatable(
                    "diagnostics",
                    "kvmgui creates it (a directory pool at /var/lib/libvirt/images) with "
                    "the first new VM; or create a pool in the Storage tab.",
                ),
            )
        ]
    if not pool.isActive():
        return [
            Check(
                title,
                Status.WARNING,
                Translatable("diagnostics", "The 'default' pool is defined but stopped."),
                Translatable(
                    "diagnostics",
                    "Start it in the Storage tab (tick Autostart), or 'virsh pool-start default'.",
                ),
            )
        ]
    free = pool_free_bytes(pool)
    space = Check(
        Translatable("diagnostics", "Free space in the default pool"),
        Status.OK,
        Translatable("diagnostics", "{format_bytes} free.", format_bytes=format_bytes(free)),
    )
    if free < LOW_SPACE:
        space = Check(
            Translatable("diagnostics", "Free space in the default pool"),
            Status.PROBLEM if free < VERY_LOW_SPACE else Status.WARNING,
            Translatable(
                "diagnostics",
                "Only {format_bytes} free: a new VM's disk may not fit.",
                format_bytes=format_bytes(free),
            ),
            Translatable(
                "diagnostics",
                "Free space on the host's file system that holds the pool, delete "
                "volumes that no VM uses (Storage tab), or put new disks in another pool.",
            ),
        )
    return [
        Check(title, Status.OK, Translatable("diagnostics", "The 'default' pool is running.")),
        space,
    ]


def host_checks(conn: libvirt.virConnect) -> list[Check]:
    """The whole checklist of a connected host (without the self-test)."""
    checks = [
        Check(
            Translatable("diagnostics", "Connect to the libvirt daemon"),
            Status.OK,
            Translatable(
                "diagnostics",
                "Connected to {getURI} ({getHostname}).",
                getURI=conn.getURI(),
                getHostname=conn.getHostname(),
            ),
        )
    ]
    checks += capability_checks(parse_xml(conn.getCapabilities()), domain_capabilities(conn))
    checks.append(default_network_check(conn))
    checks += default_pool_checks(conn)
    return checks


# ---------------------------------------------------------- KVM self-test


def self_test_boot_sector() -> bytes:
    """A 1 MiB raw disk whose boot sector prints START, makes 262,140 port exits, prints OK.

    In 16-bit real mode, loaded by the BIOS at 0x7c00::

        xor ax,ax / mov ds,ax / cld
        mov si,START / call print
        mov bx,4
        outer: mov cx,0xffff
        inner: out 0x80,al / loop inner      ; each OUT leaves the guest (a VM exit)
        dec bx / jnz outer
        mov si,DONE / call print
        halt: cli / hlt / jmp halt
        print: mov dx,0x3f8 / lodsb / test al,al / jz ret / out dx,al / jmp print+3
    """
    start = START_MARKER + b"\r\n\0"
    done = DONE_MARKER + b"\r\n\0"
    start_at = 0x7C00 + 46  # the code is 46 bytes
    done_at = start_at + len(start)

    def word(value: int) -> bytes:
        return value.to_bytes(2, "little")

    code = b"".join([
        bytes([0x31, 0xC0, 0x8E, 0xD8, 0xFC, 0xBE]), word(start_at),
        bytes([0xE8]), word(23),  # call print (at 34, from 11)
        bytes([0xBB]), word(4),
        bytes([0xB9, 0xFF, 0xFF, 0xE6, 0x80, 0xE2, 0xFC, 0x4B, 0x75, 0xF6, 0xBE]), word(done_at),
        bytes([0xE8]), word(4),  # call print (at 34, from 30)
        bytes([0xFA, 0xF4, 0xEB, 0xFD]),
        bytes([0xBA, 0xF8, 0x03, 0xAC, 0x84, 0xC0, 0x74, 0x03, 0xEE, 0xEB, 0xF8, 0xC3]),
    ])
    assert len(code) == 46
    sector = code + start + done
    sector += bytes(510 - len(sector)) + b"\x55\xaa"
    # SeaBIOS refuses a disk of a few sectors ("could not read the boot disk").
    return sector + bytes(1024 * 1024 - len(sector))


def self_test_domain_xml(name: str, virt_type: str, disk_path: str) -> str:
    """A 64 MiB transient guest booting ``disk_path``, its serial port on a pty."""
    root = etree.Element("domain", type=virt_type)
    etree.SubElement(root, "name").text = name
    etree.SubElement(root, "memory", unit="MiB").text = "64"
    etree.SubElement(root, "vcpu").text = "1"
    os_el = etree.SubElement(root, "os")
    etree.SubElement(os_el, "type", arch=GUEST_ARCH, machine="q35").text = "hvm"
    etree.SubElement(os_el, "boot", dev="hd")
    devices = etree.SubElement(root, "devices")
    disk = etree.SubElement(devices, "disk", type="file", device="disk")
    etree.SubElement(disk, "driver", name="qemu", type="raw")
    etree.SubElement(disk, "source", file=disk_path)
    etree.SubElement(disk, "target", dev="vda", bus="virtio")
    etree.SubElement(disk, "readonly")
    serial = etree.SubElement(devices, "serial", type="pty")
    etree.SubElement(serial, "target", port="0")
    console = etree.SubElement(devices, "console", type="pty")
    etree.SubElement(console, "target", type="serial", port="0")
    return etree.tostring(root, encoding="unicode")


@dataclass(frozen=True)
class GuestRun:
    """One run of the self-test guest: seconds from resume to each marker (None: not seen)."""

    virt_type: str
    started_s: float | None
    done_s: float | None
    error: str = ""


@dataclass(frozen=True)
class SelfTestResult:
    kvm: GuestRun
    tcg: GuestRun

    @property
    def kvm_works(self) -> bool | None:
        """True or False; None when the test itself did not work (TCG did not finish either)."""
        if self.kvm.done_s is not None:
            # Hardware virtualization is never slower than emulation: a KVM
            # guest that finishes, but far behind TCG (4.8 s against 0.2 s
            # here under load), is the broken nested KVM of DESIGN.md.
            tcg = self.tcg.done_s
            return tcg is None or self.kvm.done_s <= KVM_SLOWER_THAN_TCG_LIMIT * tcg + 1.0
        return False if self.tcg.done_s is not None else None

    def check(self) -> Check:
        title = Translatable("diagnostics", "KVM self-test")
        if self.kvm_works:
            return Check(
                title,
                Status.OK,
                Translatable(
                    "diagnostics",
                    "A KVM guest ran the test in {done_s:.1f} s (TCG: {seconds}). KVM is the "
                    "right choice.",
                    done_s=self.kvm.done_s,
                    seconds=_seconds(self.tcg.done_s),
                ),
            )
        if self.kvm_works is None:
            return Check(
                title,
                Status.INFO,
                Translatable(
                    "diagnostics",
                    "The test guest finished under neither KVM nor TCG ({error}): no verdict.",
                    error=self.kvm.error
                    or self.tcg.error
                    or Translatable("diagnostics", "no output"),
                ),
            )
        started = (
            Translatable("diagnostics", "it had not even started")
            if self.kvm.started_s is None
            else Translatable(
                "diagnostics", "its BIOS took {started_s:.1f} s", started_s=self.kvm.started_s
            )
        )
        return Check(
            title,
            Status.PROBLEM,
            Translatable(
                "diagnostics",
                "A KVM guest did not finish within {KVM_DEADLINE_S:g} s ({started}), while the "
                "same guest under TCG finished in {seconds}: KVM guests hang or crawl on this "
                "host (KVM is nested or emulated in software). TCG is the safe choice.",
                KVM_DEADLINE_S=KVM_DEADLINE_S,
                started=started,
                seconds=_seconds(self.tcg.done_s),
            ),
            Translatable(
                "diagnostics",
                "Use TCG for VMs on this host, or turn on hardware nested virtualization "
                "on the machine that runs it.",
            ),
        )


def _seconds(value: float | None) -> str:
    return Translatable("diagnostics", "did not finish") if value is None else f"{value:.1f} s"


def run_kvm_self_test(conn: libvirt.virConnect, pool_name: str = "") -> SelfTestResult:
    """Boot the self-test guest under KVM, then under TCG; everything made is removed.

    The disk goes to ``pool_name``, else the ``default`` pool, else the first
    active directory pool, as an uploaded volume (so it works on a remote
    host). Takes up to KVM_DEADLINE_S + a few seconds.
    """
    pool = conn.storagePoolLookupByName(pool_name) if pool_name else _self_test_pool(conn)
    suffix = secrets.token_hex(3)
    vol = upload_volume_bytes(conn, pool, f"{SELF_TEST_PREFIX}{suffix}.img",
                              self_test_boot_sector())
    path = vol.path()
    try:
        kvm = _run_guest(conn, f"{SELF_TEST_PREFIX}{suffix}-kvm", "kvm", path, KVM_DEADLINE_S)
        tcg = _run_guest(conn, f"{SELF_TEST_PREFIX}{suffix}-tcg", "qemu", path, TCG_DEADLINE_S)
    finally:
        vol.delete(0)
    return SelfTestResult(kvm, tcg)


def _self_test_pool(conn: libvirt.virConnect) -> libvirt.virStoragePool:
    pool = lookup_pool(conn, DEFAULT_POOL_NAME)
    if pool is not None and pool.isActive():
        return pool
    for candidate in conn.listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE):
        root = parse_xml(candidate.XMLDesc(0))
        if root.get("type") in ("dir", "fs", "netfs"):
            return candidate
    raise LookupError(
        Translatable(
            "diagnostics",
            "the self-test needs an active directory pool: start or create one in the Storage tab",
        )
    )


def _run_guest(
    conn: libvirt.virConnect, name: str, virt_type: str, disk: str, deadline_s: float
) -> GuestRun:
    """Start the guest paused, attach to its serial port, resume, and watch for the markers.

    A blocking stream is read in this thread; at the deadline a timer destroys
    the guest, which ends the stream.
    """
    try:
        dom = conn.createXML(self_test_domain_xml(name, virt_type, disk),
                             libvirt.VIR_DOMAIN_START_PAUSED)
    except libvirt.libvirtError as err:
        return GuestRun(virt_type, None, None, err.get_error_message() or str(err))
    output = bytearray()
    started: float | None = None
    done: float | None = None
    timer = threading.Timer(deadline_s, _quietly, (dom.destroy,))
    try:
        stream = conn.newStream(0)
        dom.openConsole(None, stream, libvirt.VIR_DOMAIN_CONSOLE_FORCE)
        dom.resume()
        began = time.monotonic()
        timer.start()
        while done is None:
            try:
                chunk = stream.recv(4096)
            except libvirt.libvirtError:
                break  # the guest was destroyed at the deadline
            if not isinstance(chunk, bytes) or not chunk:
                break
            output += chunk
            now = time.monotonic() - began
            if started is None and START_MARKER in output:
                started = now
            if DONE_MARKER in output:
                done = now
        _quietly(stream.abort)
    finally:
        timer.cancel()
        _quietly(dom.destroy)  # transient: destroyed is gone
    log.info("self-test %s: start %s, done %s, output %r", virt_type, started, done,
             bytes(output[:200]))
    return GuestRun(virt_type, started, done)


def _quietly(fn: Callable[[], object]) -> None:
    try:
        fn()
    except libvirt.libvirtError as err:
        log.debug("self-test cleanup: %s", err.get_error_message())
