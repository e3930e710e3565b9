"""Writes libvirt test-driver files: the demo fleet, test fleets, benchmark fleets.

A test-driver file is a <node> holding domains (type='test'), networks and
pools; ``test:///abs/path.xml`` opens it in-process, without a daemon.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import libvirt

TEST_NS = "http://libvirt.org/schemas/domain/test/1.0"
# libvirt's virDomainState numbers, as <test:runstate> takes them.
RUNNING, PAUSED, SHUTOFF, CRASHED = 1, 3, 5, 6


@dataclass(frozen=True)
class FleetDomain:
    name: str
    state: int = RUNNING
    vcpus: int = 1
    memory_mib: int = 512
    title: str = ""
    managed_save: bool = False
    disk: str = ""
    mac: str = ""  # a NIC on the network "default" with this MAC


def domain_uuid(name: str) -> str:
    """A stable UUID per name, so re-generated files keep their identities."""
    return str(uuid_module.uuid5(uuid_module.NAMESPACE_URL, f"kvmgui-fleet:{name}"))


def domain_xml(domain: FleetDomain) -> str:
    title = f"<title>{escape(domain.title)}</title>" if domain.title else ""
    disk = (
        f"<disk type='file' device='disk'><source file='{escape(domain.disk)}'/>"
        "<target dev='vda' bus='virtio'/></disk>"
        if domain.disk else ""
    )
    nic = (
        f"<interface type='network'><mac address='{escape(domain.mac)}'/>"
        "<source network='default'/></interface>"
        if domain.mac else ""
    )
    devices = f"<devices>{disk}{nic}</devices>" if disk or nic else ""
    managed = "<test:hasmanagedsave/>" if domain.managed_save else ""
    return (
        f"<domain type='test' xmlns:test='{TEST_NS}'>"
        f"<name>{escape(domain.name)}</name><uuid>{domain_uuid(domain.name)}</uuid>{title}"
        f"<memory unit='MiB'>{domain.memory_mib}</memory>"
        f"<currentMemory unit='MiB'>{domain.memory_mib}</currentMemory>"
        f"<vcpu>{domain.vcpus}</vcpu><os><type>hvm</type></os>{devices}"
        f"<test:runstate>{domain.state}</test:runstate>{managed}</domain>"
    )


def node_xml(domains: Iterable[FleetDomain], extra: str = "") -> str:
    body = "\n".join(domain_xml(d) for d in domains)
    return (
        "<node>\n<cpu><nodes>1</nodes><sockets>1</sockets><cores>4</cores>"
        "<threads>2</threads><active>8</active><mhz>3000</mhz><model>x86_64</model></cpu>\n"
        "<memory>33554432</memory>\n"
        f"{body}\n{extra}</node>\n"
    )


def write_node(path: Path, domains: Iterable[FleetDomain], extra: str = "") -> Path:
    path.write_text(node_xml(domains, extra), encoding="utf-8")
    return path


@contextmanager
def open_node(
    path: Path, domains: Iterable[FleetDomain], extra: str = ""
) -> Iterator[libvirt.virConnect]:
    """A private test-driver host made of ``domains`` and ``extra``, closed after use."""
    conn = libvirt.open(f"test://{write_node(path, domains, extra)}")
    try:
        yield conn
    finally:
        conn.close()


def numbered_fleet(count: int, running_every: int = 4, prefix: str = "vm") -> list[FleetDomain]:
    """``count`` domains; one in ``running_every`` runs, the rest are shut off."""
    return [
        FleetDomain(
            name=f"{prefix}-{index:05d}",
            state=RUNNING if index % running_every == 0 else SHUTOFF,
            vcpus=1 + index % 4,
            memory_mib=256 * (1 + index % 8),
        )
        for index in range(count)
    ]


def pool_xml(name: str, path: str, volumes: Iterable[str] = ()) -> str:
    """A test-driver dir pool at ``path`` holding empty qcow2 ``volumes`` (for node_xml's extra)."""
    uuid = uuid_module.uuid5(uuid_module.NAMESPACE_URL, f"kvmgui-pool:{name}")
    vols = "".join(
        f"<volume type='file'><name>{escape(vol)}</name><capacity unit='GiB'>2</capacity>"
        f"<allocation>0</allocation><target><path>{escape(path)}/{escape(vol)}</path>"
        "<format type='qcow2'/></target></volume>"
        for vol in volumes
    )
    return (
        f"<pool type='dir'><name>{escape(name)}</name><uuid>{uuid}</uuid>"
        "<capacity unit='GiB'>100</capacity><allocation>0</allocation>"
        "<available unit='GiB'>100</available>"
        f"<source/><target><path>{escape(path)}</path></target>{vols}</pool>\n"
    )
