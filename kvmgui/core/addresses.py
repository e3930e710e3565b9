"""A running guest's IP addresses, from each source libvirt has, each labelled.

- the DHCP leases of libvirt's own networks (dnsmasq; asks nothing of QEMU);
- the QEMU guest agent, when the guest runs one and its channel is connected;
- the host's ARP table (addresses the guest has used on a bridge).

Every function here blocks on the daemon: run it in the connection's pool.
"""

from __future__ import annotations

import enum
import ipaddress
import logging
from dataclasses import dataclass

import libvirt

from kvmgui.core.errors import is_connection_broken
from kvmgui.core.gui_priority import step_aside
from kvmgui.core.xml.model import GUEST_AGENT_CHANNEL, Domain
from kvmgui.core.xml.properties import parse_xml

log = logging.getLogger(__name__)


class AddressSource(enum.Enum):
    LEASE = ("lease", libvirt.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE)
    AGENT = ("agent", libvirt.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT)
    ARP = ("arp", libvirt.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP)

    @property
    def label(self) -> str:
        label: str = self.value[0]
        return label


@dataclass(frozen=True, slots=True)
class GuestAddress:
    """One address of the guest and every source that reported it."""

    address: str
    prefix: int
    mac: str
    sources: tuple[AddressSource, ...]

    @property
    def is_ipv4(self) -> bool:
        return ipaddress.ip_address(self.address).version == 4

    @property
    def text(self) -> str:
        """``192.168.122.5 (lease, agent)``"""
        return f"{self.address} ({', '.join(source.label for source in self.sources)})"


def agent_connected(dom: libvirt.virDomain) -> bool:
    """Whether the guest agent's channel is connected: only then is it asked, so
    that a guest without an agent costs no agent timeout."""
    for channel in Domain(parse_xml(dom.XMLDesc(0))).channels:
        if channel.target_name == GUEST_AGENT_CHANNEL:
            return channel.node.find("target[@state='connected']") is not None
    return False


def read_addresses(dom: libvirt.virDomain) -> tuple[GuestAddress, ...]:
    """The running guest's addresses, IPv4 first, with the sources that saw each."""
    if not dom.isActive():
        return ()
    found: dict[str, tuple[int, str, list[AddressSource]]] = {}
    for source in AddressSource:
        if source is AddressSource.AGENT and not agent_connected(dom):
            continue
        try:
            interfaces = dom.interfaceAddresses(source.value[1], 0) or {}
        except libvirt.libvirtError as err:
            # One source failing (no agent, a network gone, libvirt 9.0's ARP
            # reader failing on some hosts with "wrong nlmsg len") leaves the others.
            if is_connection_broken(err) or err.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN:
                raise
            log.debug("%s addresses of %s: %s", source.label, dom.name(), err)
            continue
        for name, interface in interfaces.items():
            if name == "lo":
                continue
            for addr in interface.get("addrs") or ():
                ip = addr.get("addr")
                if not ip or ipaddress.ip_address(ip).is_loopback:
                    continue
                entry = found.setdefault(ip, (int(addr.get("prefix") or 0),
                                              interface.get("hwaddr") or "", []))
                entry[2].append(source)
    addresses = [
        GuestAddress(ip, prefix, mac, tuple(sources))
        for ip, (prefix, mac, sources) in found.items()
    ]
    return tuple(sorted(addresses, key=lambda a: (not a.is_ipv4, a.address)))


def primary_address(addresses: tuple[GuestAddress, ...]) -> str:
    """The address to show in one line and to SSH to: the first IPv4, else the first."""
    return addresses[0].address if addresses else ""


def read_addresses_of(
    conn: libvirt.virConnect, uuids: list[str]
) -> dict[str, tuple[GuestAddress, ...]]:
    """The addresses of each running domain in ``uuids``; those gone are left out."""
    result: dict[str, tuple[GuestAddress, ...]] = {}
    for uuid in uuids:
        step_aside()
        try:
            result[uuid] = read_addresses(conn.lookupByUUIDString(uuid))
        except libvirt.libvirtError as err:
            if err.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN:
                raise
    return result
