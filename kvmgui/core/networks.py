"""libvirt virtual networks, as the Networks view manages them.

NAT, isolated and routed IPv4 networks with a DHCP range: defined, started,
stopped, autostarted and deleted; their DHCP leases; which VMs use each one.
Every function here blocks on the daemon: run it through ``Connection.call``.
"""

from __future__ import annotations

import enum
import ipaddress
from collections import defaultdict
from dataclasses import dataclass

import libvirt
from lxml import etree

from kvmgui.core.storage import Rollback
from kvmgui.core.texts import Translatable
from kvmgui.core.xml.properties import parse_xml
from kvmgui.core.xml.storage import indented_xml


class NetworkMode(enum.Enum):
    """How guests reach beyond the host; the value is what the user reads."""

    NAT = "NAT"
    ISOLATED = "isolated"
    ROUTED = "routed"


# The <forward mode> libvirt writes for each (an isolated network has no <forward>).
_FORWARD_MODES = {NetworkMode.NAT: "nat", NetworkMode.ROUTED: "route"}


@dataclass(frozen=True)
class NetworkSpec:
    """A new IPv4 network: the host takes the subnet's first address, DHCP hands out a range.

    ``forward_device`` limits NAT or routing to one host interface ("" for any).
    """

    name: str
    mode: NetworkMode
    subnet: str
    dhcp_start: str
    dhcp_end: str
    forward_device: str = ""

    def problem(self) -> str:
        """Why this spec cannot be defined, or ""."""
        if not self.name or "/" in self.name or len(self.name) > 64:
            return Translatable("networks", "Enter a network name without '/'.")
        try:
            subnet = ipaddress.IPv4Network(self.subnet, strict=True)
        except ValueError:
            return Translatable(
                "networks", "Enter the subnet as an IPv4 network, e.g. 192.168.150.0/24."
            )
        if subnet.num_addresses < 8:
            return Translatable("networks", "The subnet is too small (at most /29).")
        try:
            start = ipaddress.IPv4Address(self.dhcp_start)
            end = ipaddress.IPv4Address(self.dhcp_end)
        except ValueError:
            return Translatable("networks", "Enter the DHCP range as two IPv4 addresses.")
        usable = (subnet.network_address + 2, subnet.broadcast_address - 1)
        if not (usable[0] <= start <= end <= usable[1]):
            return Translatable(
                "networks",
                "The DHCP range must lie within {value} to {value2} (the first address is the "
                "host's).",
                value=usable[0],
                value2=usable[1],
            )
        if self.forward_device and self.mode is NetworkMode.ISOLATED:
            return Translatable("networks", "An isolated network forwards to no device.")
        return ""


def network_xml(spec: NetworkSpec) -> str:
    """The ``<network>`` XML of ``spec``; ValueError when the spec has a problem.

    libvirt names the bridge (virbrN) and the MAC itself.
    """
    if problem := spec.problem():
        raise ValueError(problem)
    subnet = ipaddress.IPv4Network(spec.subnet)
    root = etree.Element("network")
    etree.SubElement(root, "name").text = spec.name
    if spec.mode is not NetworkMode.ISOLATED:
        forward = etree.SubElement(root, "forward", mode=_FORWARD_MODES[spec.mode])
        if spec.forward_device:
            forward.set("dev", spec.forward_device)
    etree.SubElement(root, "bridge", stp="on", delay="0")
    ip = etree.SubElement(root, "ip", address=str(subnet.network_address + 1),
                          netmask=str(subnet.netmask))
    dhcp = etree.SubElement(ip, "dhcp")
    etree.SubElement(dhcp, "range", start=spec.dhcp_start, end=spec.dhcp_end)
    return indented_xml(root)


@dataclass(frozen=True)
class NetworkInfo:
    """One network as the view shows it; ``users`` are the VMs whose NICs are on it."""

    name: str
    mode: str
    subnet: str
    dhcp_range: str
    bridge: str
    active: bool
    autostart: bool
    persistent: bool
    users: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lease:
    mac: str
    ip: str
    hostname: str
    expires: int  # seconds since the epoch (0: never)


def _network_info(network: libvirt.virNetwork, users: tuple[str, ...]) -> NetworkInfo:
    root = parse_xml(network.XMLDesc(0))
    forward = root.find("forward")
    if forward is None:
        mode = NetworkMode.ISOLATED.value
    else:  # libvirt's other modes (bridge, open, hostdev…) read as libvirt names them
        forward_mode = forward.get("mode", "nat")
        mode = next((kind.value for kind, value in _FORWARD_MODES.items()
                     if value == forward_mode), forward_mode)
    subnet = dhcp_range = ""
    ip = root.find("ip")
    if ip is not None and ip.get("address"):
        prefix = ip.get("prefix") or ip.get("netmask") or "24"
        subnet = str(ipaddress.IPv4Interface(f"{ip.get('address')}/{prefix}").network)
        first = ip.find("dhcp/range")
        if first is not None:
            dhcp_range = f"{first.get('start')} to {first.get('end')}"
    bridge = root.find("bridge")
    return NetworkInfo(
        name=network.name(),
        mode=mode,
        subnet=subnet,
        dhcp_range=dhcp_range,
        bridge="" if bridge is None else bridge.get("name", ""),
        active=bool(network.isActive()),
        autostart=bool(network.autostart()),
        persistent=bool(network.isPersistent()),
        users=users,
    )


def network_users(conn: libvirt.virConnect) -> dict[str, tuple[str, ...]]:
    """Network name → the names of the VMs (running or not) with a NIC on it."""
    users: dict[str, set[str]] = defaultdict(set)
    for dom in conn.listAllDomains(0):
        try:
            root = parse_xml(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
        except libvirt.libvirtError as err:
            if err.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN:
                continue  # gone while listing
            raise
        for source in root.iterfind("devices/interface[@type='network']/source"):
            if network := source.get("network"):
                users[network].add(dom.name())
    return {name: tuple(sorted(names)) for name, names in users.items()}


def list_networks(conn: libvirt.virConnect) -> list[NetworkInfo]:
    """Every network of the host with the VMs using it, sorted by name."""
    users = network_users(conn)
    return sorted((_network_info(net, users.get(net.name(), ()))
                   for net in conn.listAllNetworks(0)), key=lambda info: info.name)


def define_network(conn: libvirt.virConnect, spec: NetworkSpec) -> NetworkInfo:
    """Define, autostart and start the network; undefined again if it cannot start."""
    with Rollback() as rollback:
        network = conn.networkDefineXML(network_xml(spec))
        rollback.push(
            Translatable("networks", "undefine network {name}", name=spec.name), network.undefine
        )
        network.create()
        network.setAutostart(1)
    return _network_info(network, ())


def start_network(conn: libvirt.virConnect, name: str) -> None:
    conn.networkLookupByName(name).create()


def stop_network(conn: libvirt.virConnect, name: str) -> None:
    """Stop the network: running VMs on it lose their link until it starts again."""
    conn.networkLookupByName(name).destroy()


def set_network_autostart(conn: libvirt.virConnect, name: str, autostart: bool) -> None:
    conn.networkLookupByName(name).setAutostart(int(autostart))


def delete_network(conn: libvirt.virConnect, name: str) -> None:
    """Stop (when running) and undefine the network."""
    network = conn.networkLookupByName(name)
    if network.isActive():
        network.destroy()
    if network.isPersistent():
        network.undefine()


def dhcp_leases(conn: libvirt.virConnect, name: str) -> list[Lease]:
    """The network's current DHCP leases (none while it is stopped, or where the
    driver keeps none: the test driver)."""
    network = conn.networkLookupByName(name)
    if not network.isActive():
        return []
    try:
        leases = network.DHCPLeases()
    except libvirt.libvirtError as err:
        if err.get_error_code() == libvirt.VIR_ERR_NO_SUPPORT:
            return []
        raise
    return sorted(
        (Lease(lease.get("mac", ""), lease.get("ipaddr", ""), lease.get("hostname") or "",
               int(lease.get("expirytime") or 0))
         for lease in leases),
        key=lambda lease: ipaddress.IPv4Address(lease.ip) if lease.ip.count(".") == 3
        else ipaddress.IPv4Address(0),
    )
