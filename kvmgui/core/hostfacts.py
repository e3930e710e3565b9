"""What a connection's host offers a new VM, read through libvirt, never from this machine.

Domain capabilities, interfaces, networks and pools all come over the
connection, so a remote host (``qemu+ssh://``) is described as it is. What a
driver cannot tell (the test driver has no domain capabilities) is offered:
libvirt checks it when the VM is defined. Everything here blocks on the
daemon: run it in the connection's pool.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import libvirt
from lxml import etree

from kvmgui.core.storage import DEFAULT_POOL_NAME, DEFAULT_POOL_PATH, lookup_pool, pool_free_bytes
from kvmgui.core.uri import is_local_uri
from kvmgui.core.xml.properties import parse_xml

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# What kvmgui builds (see xml/domain.py): the capabilities asked for are those of this guest.
GUEST_ARCH = "x86_64"
GUEST_MACHINE = "q35"
# Refusals meaning "not this virt type here" (no /dev/kvm on the host, no such emulator).
_VIRT_TYPE_REFUSED = (
    libvirt.VIR_ERR_INVALID_ARG,
    libvirt.VIR_ERR_CONFIG_UNSUPPORTED,
    libvirt.VIR_ERR_OPERATION_UNSUPPORTED,
)


@dataclass(frozen=True)
class PoolFacts:
    """A storage pool a new disk can go to; ``exists`` is False for a ``default`` to create.

    ``free_bytes`` is None when unknown: a ``default`` pool still to be made
    outside every existing pool's directory.
    """

    name: str
    path: str
    free_bytes: int | None
    exists: bool = True

    def volume_path(self, volume: str) -> str:
        """Where a directory pool puts ``volume``: known before the volume is made."""
        return os.path.join(self.path, volume)


@dataclass(frozen=True)
class GuestSupport:
    """What the host offers kvmgui's guest (x86_64, q35), from its domain capabilities.

    ``capabilities_known`` is False when the driver gave none (the test
    driver): then ``uefi`` and ``secure_boot`` are offered unverified, and
    ``machines`` and ``disk_buses`` are empty (anything goes).
    """

    kvm: bool
    uefi: bool
    secure_boot: bool
    capabilities_known: bool
    machines: tuple[str, ...]
    disk_buses: tuple[str, ...]


@dataclass(frozen=True)
class HostFacts:
    """What the New-VM wizard offers and checks against, read once when it opens.

    ``bridges_listed`` is False when the host cannot list its interfaces: the
    user may still type a bridge's name.
    """

    memory_mib: int
    cpus: int
    guest: GuestSupport
    session: bool
    # The host is another machine: what listens there is reached through the URI's transport.
    remote: bool
    networks: tuple[str, ...]
    # Defined but not running (the `default` network often is): started on Create.
    inactive_networks: frozenset[str]
    bridges: tuple[str, ...]
    bridges_listed: bool
    pools: tuple[PoolFacts, ...]
    domain_names: frozenset[str]

    def pool(self, name: str) -> PoolFacts | None:
        return next((pool for pool in self.pools if pool.name == name), None)


def _strings(root: etree._Element, xpath: str) -> tuple[str, ...]:
    """The texts or attribute values ``xpath`` selects."""
    found = root.xpath(xpath)
    assert isinstance(found, list)
    return tuple(str(item) for item in found)


def _values(root: etree._Element, path: str) -> tuple[str, ...]:
    return _strings(root, f"{path}/text()")


def domain_capabilities(conn: libvirt.virConnect) -> tuple[bool, etree._Element] | None:
    """(KVM offered, the guest's domain capabilities); None when the driver cannot tell.

    KVM first; QEMU's TCG when the host refuses KVM. When the host refuses
    both (no emulator for the guest), the capabilities are known and empty.
    """
    for virt_type in ("kvm", "qemu"):
        try:
            xml = conn.getDomainCapabilities(None, GUEST_ARCH, GUEST_MACHINE, virt_type, 0)
        except libvirt.libvirtError as err:
            if err.get_error_code() == libvirt.VIR_ERR_NO_SUPPORT:
                return None
            if err.get_error_code() in _VIRT_TYPE_REFUSED:
                log.info("host refuses virt type %s: %s", virt_type, err.get_error_message())
                continue
            raise
        return virt_type == "kvm", parse_xml(xml)
    return False, etree.Element("domainCapabilities")


def _guest_support(conn: libvirt.virConnect) -> GuestSupport:
    return guest_support(parse_xml(conn.getCapabilities()), domain_capabilities(conn))


def guest_support(
    capabilities: etree._Element, answer: tuple[bool, etree._Element] | None
) -> GuestSupport:
    """What the host offers, from its capabilities and :func:`domain_capabilities`' answer."""
    arch = f"guest[os_type='hvm']/arch[@name='{GUEST_ARCH}']"
    listed_machines = (
        *_values(capabilities, f"{arch}/machine"),
        *_strings(capabilities, f"{arch}/machine/@canonical"),
        *_values(capabilities, f"{arch}/domain/machine"),
    )
    if answer is None:
        return GuestSupport(
            kvm=bool(capabilities.xpath(f"{arch}/domain[@type='kvm']")),
            uefi=True,
            secure_boot=True,
            capabilities_known=False,
            machines=tuple(sorted(set(listed_machines))),
            disk_buses=(),
        )
    kvm, domcaps = answer
    os_support = "os[@supported='yes']"
    loader = f"{os_support}/loader[@supported='yes']"
    # Newer libvirt lists firmware kinds; older only the loader files it found.
    uefi = "efi" in _values(domcaps, f"{os_support}/enum[@name='firmware']/value") or bool(
        _values(domcaps, f"{loader}/value")
    )
    secure_boot = uefi and "yes" in _values(domcaps, f"{loader}/enum[@name='secure']/value")
    return GuestSupport(
        kvm=kvm,
        uefi=uefi,
        secure_boot=secure_boot,
        capabilities_known=True,
        machines=tuple(sorted({*listed_machines, *_values(domcaps, "machine")})),
        disk_buses=_values(
            domcaps, "devices/disk[@supported='yes']/enum[@name='bus']/value"
        ),
    )


# What reading an object that another client removed (or stopped) since the
# listing raises: the object is left out, as if listed a moment later.
VANISHED_ERRORS = frozenset({
    libvirt.VIR_ERR_NO_STORAGE_POOL, libvirt.VIR_ERR_NO_NETWORK,
    libvirt.VIR_ERR_NO_INTERFACE, libvirt.VIR_ERR_OPERATION_INVALID,
})


def read_each_still_there(items: Iterable[T], read: Callable[[T], R]) -> list[R]:
    """``read(item)`` for every listed item that still exists when it is read."""
    results: list[R] = []
    for item in items:
        try:
            results.append(read(item))
        except libvirt.libvirtError as err:
            if err.get_error_code() not in VANISHED_ERRORS:
                raise
    return results


def _network_bridges(networks: list[libvirt.virNetwork]) -> set[str]:
    """Bridges libvirt's own networks make (virbr0…): reached as networks, not as bridges."""
    roots = read_each_still_there(networks, lambda network: parse_xml(network.XMLDesc(0)))
    return {name for root in roots for name in _strings(root, "bridge/@name")}


def _host_bridges(
    conn: libvirt.virConnect, taken: set[str]
) -> tuple[tuple[str, ...], bool]:
    """(the host's bridges, whether the host could list them)."""
    try:
        interfaces = conn.listAllInterfaces(0)
    except libvirt.libvirtError as err:
        if err.get_error_code() == libvirt.VIR_ERR_NO_SUPPORT:
            return (), False  # no interface driver (e.g. libvirtd without netcf/udev)
        raise
    bridges: set[str] = set()
    for root in read_each_still_there(interfaces, lambda i: parse_xml(i.XMLDesc(0))):
        name = root.get("name")
        if root.get("type") == "bridge" and name and name not in taken:
            bridges.add(name)
    return tuple(sorted(bridges)), True


def _pool_facts(pool: libvirt.virStoragePool) -> PoolFacts | None:
    root = parse_xml(pool.XMLDesc(0))
    path = root.findtext("target/path")
    # Only directory-like pools map a volume name to a file path we can show ahead.
    if root.get("type") not in ("dir", "fs", "netfs") or not path:
        return None
    return PoolFacts(pool.name(), path, pool_free_bytes(pool))


def default_pool_to_create(pools: list[PoolFacts]) -> PoolFacts:
    """The ``default`` pool ``create_vm`` would make, with the free space the host tells.

    Its directory's file system is known only when an existing pool holds that
    directory (e.g. a pool on /var/lib/libvirt); otherwise the free space is unknown.
    """
    holders = [
        pool for pool in pools
        if pool.path == DEFAULT_POOL_PATH
        or DEFAULT_POOL_PATH.startswith(pool.path.rstrip("/") + "/")
    ]
    holder = max(holders, key=lambda pool: len(pool.path), default=None)
    free = holder.free_bytes if holder is not None else None
    return PoolFacts(DEFAULT_POOL_NAME, DEFAULT_POOL_PATH, free, exists=False)


def read_host_facts(conn: libvirt.virConnect) -> HostFacts:
    """Memory, CPUs, virtualization, firmware, networks, bridges, pools and VM names."""
    _model, memory_mib, cpus, *_rest = conn.getInfo()
    listed = conn.listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE)
    pools = [facts for facts in read_each_still_there(listed, _pool_facts) if facts is not None]
    if lookup_pool(conn, DEFAULT_POOL_NAME) is None:
        pools.insert(0, default_pool_to_create(pools))
    networks = conn.listAllNetworks(0)
    inactive = conn.listAllNetworks(libvirt.VIR_CONNECT_LIST_NETWORKS_INACTIVE)
    bridges, bridges_listed = _host_bridges(conn, _network_bridges(networks))
    return HostFacts(
        memory_mib=memory_mib,
        cpus=cpus,
        guest=_guest_support(conn),
        session=conn.getURI().endswith("/session"),
        remote=not is_local_uri(conn.getURI()),
        networks=tuple(sorted(n.name() for n in networks)),
        inactive_networks=frozenset(n.name() for n in inactive),
        bridges=bridges,
        bridges_listed=bridges_listed,
        pools=tuple(pools),
        # name() is cached in the virDomain object: one RPC for the whole list.
        domain_names=frozenset(d.name() for d in conn.listAllDomains(0)),
    )
