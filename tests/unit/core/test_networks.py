"""Virtual networks: XML of each mode, spec checks, and the calls on the test driver."""

from __future__ import annotations

from pathlib import Path

import libvirt
import pytest
from lxml import etree

from kvmgui.core import networks
from kvmgui.core.networks import NetworkMode, NetworkSpec, network_xml

SCHEMA = Path("/usr/share/libvirt/schemas/network.rng")
NODE = """<node>
  <network><name>kvmgui-test-used</name><bridge name='kvt0'/>
    <ip address='192.168.151.1' prefix='24'>
      <dhcp><range start='192.168.151.10' end='192.168.151.20'/></dhcp></ip></network>
  <domain type='test'><name>kvmgui-test-vm</name><memory>65536</memory>
    <os><type>hvm</type></os>
    <devices><interface type='network'><source network='kvmgui-test-used'/></interface>
    </devices></domain>
</node>
"""


def _spec(mode: NetworkMode, **changes: str) -> NetworkSpec:
    values = {"name": "kvmgui-test-n", "subnet": "192.168.150.0/24",
              "dhcp_start": "192.168.150.128", "dhcp_end": "192.168.150.254", **changes}
    return NetworkSpec(mode=mode, **values)


@pytest.mark.parametrize(("mode", "forward"), [
    (NetworkMode.NAT, "nat"), (NetworkMode.ROUTED, "route"), (NetworkMode.ISOLATED, None)])
def test_network_xml_of_each_mode(mode: NetworkMode, forward: str | None) -> None:
    root = etree.fromstring(network_xml(_spec(mode)).encode())
    assert root.findtext("name") == "kvmgui-test-n"
    forward_el = root.find("forward")
    assert (forward_el.get("mode") if forward_el is not None else None) == forward
    ip = root.find("ip")
    assert ip is not None
    assert (ip.get("address"), ip.get("netmask")) == ("192.168.150.1", "255.255.255.0")
    dhcp = root.find("ip/dhcp/range")
    assert dhcp is not None
    assert (dhcp.get("start"), dhcp.get("end")) == ("192.168.150.128", "192.168.150.254")
    if SCHEMA.exists():
        assert etree.RelaxNG(etree.parse(str(SCHEMA))).validate(root)


def test_a_forward_device_is_named() -> None:
    root = etree.fromstring(network_xml(_spec(NetworkMode.ROUTED, forward_device="eth1")).encode())
    forward = root.find("forward")
    assert forward is not None and forward.get("dev") == "eth1"


@pytest.mark.parametrize("changes", [
    {"name": ""}, {"name": "a/b"}, {"subnet": "192.168.150.1/24"}, {"subnet": "nonsense"},
    {"subnet": "10.0.0.0/30"}, {"dhcp_start": "192.168.150.1"},
    {"dhcp_end": "192.168.150.255"}, {"dhcp_start": "192.168.151.5"},
    {"dhcp_start": "192.168.150.200", "dhcp_end": "192.168.150.100"},
])
def test_a_spec_with_a_problem_is_refused(changes: dict[str, str]) -> None:
    spec = _spec(NetworkMode.NAT, **changes)
    assert spec.problem()
    with pytest.raises(ValueError):
        network_xml(spec)


def test_an_isolated_network_forwards_nowhere() -> None:
    assert _spec(NetworkMode.ISOLATED, forward_device="eth0").problem()


def test_network_lifecycle_and_users(tmp_path: Path) -> None:
    node = tmp_path / "node.xml"
    node.write_text(NODE)
    conn = libvirt.open(f"test://{node}")
    try:
        made = networks.define_network(conn, _spec(NetworkMode.ISOLATED))
        assert (made.mode, made.active, made.autostart) == ("isolated", True, True)
        listed = {info.name: info for info in networks.list_networks(conn)}
        assert listed["kvmgui-test-used"].users == ("kvmgui-test-vm",)
        assert listed["kvmgui-test-used"].subnet == "192.168.151.0/24"
        assert listed["kvmgui-test-used"].dhcp_range == "192.168.151.10 to 192.168.151.20"
        assert listed["kvmgui-test-n"].users == ()
        assert networks.dhcp_leases(conn, "kvmgui-test-n") == []  # the test driver keeps none

        networks.set_network_autostart(conn, "kvmgui-test-n", False)
        networks.stop_network(conn, "kvmgui-test-n")
        stopped = {i.name: i for i in networks.list_networks(conn)}["kvmgui-test-n"]
        assert (stopped.active, stopped.autostart) == (False, False)
        networks.start_network(conn, "kvmgui-test-n")
        networks.delete_network(conn, "kvmgui-test-n")
        assert [i.name for i in networks.list_networks(conn)] == ["kvmgui-test-used"]
    finally:
        conn.close()
