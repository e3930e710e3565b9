"""Host facts read through the connection: the test driver's files, and the real qemu:///system.

Read-only: nothing here creates a libvirt object.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest
from lxml import etree

from kvmgui.core.hostfacts import read_each_still_there, read_host_facts
from kvmgui.core.storage import DEFAULT_POOL_NAME, DEFAULT_POOL_PATH
from kvmgui.core.uri import demo_uri
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, write_node

# A host with a bridge, a plain NIC, a network bridged on virbr5, and two pools.
HOST_EXTRA = """
<interface type='bridge' name='br0'>
  <start mode='onboot'/>
  <bridge stp='off'>
    <interface type='ethernet' name='eth0'><mac address='52:54:00:00:00:01'/></interface>
  </bridge>
</interface>
<interface type='bridge' name='virbr5'>
  <start mode='onboot'/>
  <bridge stp='off'/>
</interface>
<interface type='ethernet' name='eth1'><mac address='52:54:00:00:00:02'/></interface>
<network><name>lab</name><bridge name='virbr5'/>
  <ip address='192.168.5.1' netmask='255.255.255.0'/></network>
<pool type='dir'><name>media</name><target><path>/srv/media</path></target></pool>
"""
# Holds the directory the default pool would be made in.
VAR_LIB_POOL = "<pool type='dir'><name>lib</name><target><path>/var/lib</path></target></pool>\n"


@contextlib.contextmanager
def open_node(path: Path) -> Iterator[libvirt.virConnect]:
    conn = libvirt.open(f"test://{path}")
    try:
        yield conn
    finally:
        conn.close()


@pytest.fixture
def host(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    node = write_node(
        tmp_path / "host.xml",
        [FleetDomain("web", RUNNING), FleetDomain("db", SHUTOFF)],
        HOST_EXTRA,
    )
    with open_node(node) as conn:
        yield conn


@pytest.fixture
def demo() -> Iterator[libvirt.virConnect]:
    conn = libvirt.open(demo_uri())
    yield conn
    conn.close()


def free_bytes(conn: libvirt.virConnect, pool: str) -> int:
    return int(conn.storagePoolLookupByName(pool).info()[3])


def test_test_driver_host_memory_cpus_names_and_networks(host: libvirt.virConnect) -> None:
    facts = read_host_facts(host)
    assert (facts.memory_mib, facts.cpus) == (32768, 8)  # tests/fleet.py's node
    assert facts.domain_names == {"web", "db"}
    assert facts.networks == ("lab",)
    assert facts.inactive_networks == frozenset()
    assert not facts.session


def test_bridges_come_from_the_hosts_interfaces_without_the_networks_own(
    host: libvirt.virConnect,
) -> None:
    facts = read_host_facts(host)
    # virbr5 is the 'lab' network's bridge: offered as that network, not as a bridge.
    assert facts.bridges == ("br0",)
    assert facts.bridges_listed


def test_the_test_driver_gives_no_domain_capabilities_so_firmware_is_offered_unverified(
    demo: libvirt.virConnect,
) -> None:
    guest = read_host_facts(demo).guest
    assert not guest.capabilities_known
    # Its capabilities list only 'test' domains: no KVM.
    assert not guest.kvm
    assert guest.uefi and guest.secure_boot
    assert guest.machines == () and guest.disk_buses == ()


def test_pool_free_space_is_the_pools_own(demo: libvirt.virConnect) -> None:
    facts = read_host_facts(demo)
    assert [(p.name, p.exists) for p in facts.pools] == [(DEFAULT_POOL_NAME, True)]
    pool = facts.pools[0]
    assert pool.free_bytes == free_bytes(demo, DEFAULT_POOL_NAME)
    assert pool.volume_path("vm.qcow2") == f"{pool.path}/vm.qcow2"


def test_a_default_pool_to_create_has_unknown_free_space(host: libvirt.virConnect) -> None:
    facts = read_host_facts(host)
    assert [p.name for p in facts.pools] == [DEFAULT_POOL_NAME, "media"]
    default = facts.pools[0]
    assert not default.exists
    assert default.path == DEFAULT_POOL_PATH
    assert default.free_bytes is None  # /srv/media does not hold it; this machine is not asked
    assert facts.pool("media") is facts.pools[1]
    assert facts.pool("nowhere") is None


def test_a_default_pool_to_create_inside_a_pool_has_that_pools_free_space(
    tmp_path: Path,
) -> None:
    node = write_node(tmp_path / "lib.xml", [], HOST_EXTRA + VAR_LIB_POOL)
    with open_node(node) as conn:
        facts = read_host_facts(conn)
        default = facts.pools[0]
        assert (default.name, default.exists) == (DEFAULT_POOL_NAME, False)
        assert default.free_bytes == free_bytes(conn, "lib")


def test_inactive_networks_are_listed_as_such(tmp_path: Path) -> None:
    node = write_node(tmp_path / "nets.xml", [], HOST_EXTRA)
    with open_node(node) as conn:
        conn.networkLookupByName("lab").destroy()  # the file's own network, in this private host
        facts = read_host_facts(conn)
        assert facts.networks == ("lab",)
        assert facts.inactive_networks == {"lab"}


# --- the real qemu:///system ---------------------------------------------------------------


def _domain_names(conn: libvirt.virConnect) -> set[str]:
    return {dom.name() for dom in conn.listAllDomains(0)}


@pytest.mark.integration
def test_system_host_facts_come_from_its_capabilities(system: libvirt.virConnect) -> None:
    before = _domain_names(system)
    facts = read_host_facts(system)
    after = _domain_names(system)
    _model, memory_mib, cpus, *_rest = system.getInfo()
    assert (facts.memory_mib, facts.cpus) == (memory_mib, cpus)
    # Other tests may make and remove their VMs meanwhile.
    assert before & after <= facts.domain_names <= before | after

    guest = facts.guest
    assert guest.capabilities_known
    capabilities = etree.fromstring(system.getCapabilities().encode())
    kvm_listed = bool(capabilities.xpath("guest/arch[@name='x86_64']/domain[@type='kvm']"))
    assert guest.kvm == kvm_listed
    virt_type = "kvm" if kvm_listed else "qemu"
    domcaps = etree.fromstring(
        system.getDomainCapabilities(None, "x86_64", "q35", virt_type, 0).encode()
    )
    firmware = domcaps.xpath("os/enum[@name='firmware']/value/text()")
    loaders = domcaps.xpath("os/loader/value/text()")
    assert guest.uefi == ("efi" in firmware or bool(loaders))  # type: ignore[operator]
    secure = domcaps.xpath("os/loader/enum[@name='secure']/value/text()")
    assert guest.secure_boot == (guest.uefi and "yes" in secure)  # type: ignore[operator]
    assert "q35" in guest.machines
    assert {"virtio", "sata"} <= set(guest.disk_buses)


@pytest.mark.integration
def test_system_networks_bridges_and_pools(system: libvirt.virConnect) -> None:
    facts = read_host_facts(system)
    assert set(facts.networks) <= {n.name() for n in system.listAllNetworks(0)}
    assert facts.bridges_listed  # libvirtd here has an interface driver
    interfaces = {i.name() for i in system.listAllInterfaces(0)}
    assert set(facts.bridges) <= interfaces
    for network in system.listAllNetworks(0):
        bridge = etree.fromstring(network.XMLDesc(0).encode()).xpath("string(bridge/@name)")
        assert bridge not in facts.bridges
    for pool in facts.pools:
        if pool.exists:
            capacity = int(system.storagePoolLookupByName(pool.name).info()[1])
            assert pool.free_bytes is not None and 0 <= pool.free_bytes <= capacity
    default = facts.pool(DEFAULT_POOL_NAME)
    assert default is not None
    if not default.exists:
        holders = [p for p in facts.pools
                   if p.exists and DEFAULT_POOL_PATH.startswith(p.path.rstrip("/") + "/")]
        assert (default.free_bytes is None) == (not holders)


def test_objects_removed_between_listing_and_reading_are_left_out(
    demo: libvirt.virConnect,
) -> None:
    # Another client may remove a pool or network while the facts are read.
    pools = demo.listAllStoragePools(0)
    networks = demo.listAllNetworks(0)
    gone_pool, gone_network = pools[0], networks[0]
    gone_pool.destroy()
    gone_pool.undefine()
    gone_network.destroy()
    gone_network.undefine()
    assert len(read_each_still_there(pools, lambda pool: pool.XMLDesc(0))) == len(pools) - 1
    assert len(read_each_still_there(networks, lambda net: net.XMLDesc(0))) == len(networks) - 1
    facts = read_host_facts(demo)
    assert gone_pool.name() == DEFAULT_POOL_NAME  # now offered as one to create
    assert [(pool.name, pool.exists) for pool in facts.pools] == [(DEFAULT_POOL_NAME, False)]
    assert gone_network.name() not in facts.networks
    with pytest.raises(libvirt.libvirtError):  # other errors still reach the caller
        read_each_still_there([demo], lambda conn: conn.lookupByName("kvmgui-test-none"))
