"""Pools and volumes: pool XML of each kind, and the calls on the test driver."""

from __future__ import annotations

from pathlib import Path

import libvirt
import pytest
from lxml import etree

from kvmgui.core import pools
from kvmgui.core.pools import PoolKind, PoolSpec, pool_xml

SCHEMA = Path("/usr/share/libvirt/schemas/storagepool.rng")
GIB = 1024**3


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (PoolSpec(PoolKind.DIR, "images", "/srv/images"),
         "<pool type='dir'><name>images</name><target><path>/srv/images</path></target></pool>"),
        (PoolSpec(PoolKind.FS, "disk", "/mnt/disk", "/dev/sdb1"),
         "<pool type='fs'><name>disk</name><source><device path='/dev/sdb1'/></source>"
         "<target><path>/mnt/disk</path></target></pool>"),
        (PoolSpec(PoolKind.NETFS, "nfs", "/mnt/nfs", "filer:/export/vms"),
         "<pool type='netfs'><name>nfs</name><source><host name='filer'/>"
         "<dir path='/export/vms'/><format type='nfs'/></source>"
         "<target><path>/mnt/nfs</path></target></pool>"),
        (PoolSpec(PoolKind.LOGICAL, "vg0", source="/dev/sdc"),
         "<pool type='logical'><name>vg0</name><source><name>vg0</name>"
         "<device path='/dev/sdc'/></source><target><path>/dev/vg0</path></target></pool>"),
    ],
)
def test_pool_xml_of_each_kind(spec: PoolSpec, expected: str) -> None:
    built = etree.fromstring(pool_xml(spec).encode())
    assert _same(built, expected)
    if SCHEMA.exists():
        assert etree.RelaxNG(etree.parse(str(SCHEMA))).validate(built)


def _same(built: etree._Element, expected: str) -> bool:
    parser = etree.XMLParser(remove_blank_text=True)
    again = etree.fromstring(etree.tostring(built), parser)
    return etree.tostring(again) == etree.tostring(etree.fromstring(expected.encode(), parser))


@pytest.mark.parametrize(
    "spec",
    [
        PoolSpec(PoolKind.DIR, "", "/srv"),
        PoolSpec(PoolKind.DIR, "a/b", "/srv"),
        PoolSpec(PoolKind.DIR, "a", "relative"),
        PoolSpec(PoolKind.FS, "a", "/mnt", "sdb1"),
        PoolSpec(PoolKind.NETFS, "a", "/mnt", "filer"),
        PoolSpec(PoolKind.NETFS, "a", "/mnt", "filer:export"),
        PoolSpec(PoolKind.LOGICAL, "a", source="sdc"),
    ],
)
def test_a_spec_with_a_problem_is_refused(spec: PoolSpec) -> None:
    assert spec.problem()
    with pytest.raises(ValueError):
        pool_xml(spec)


def test_pool_and_volume_lifecycle(empty_test_conn: libvirt.virConnect) -> None:
    conn = empty_test_conn
    made = pools.define_pool(conn, PoolSpec(PoolKind.DIR, "kvmgui-test-p", "/kvmgui-test-p"))
    assert (made.name, made.kind, made.active, made.autostart) == (
        "kvmgui-test-p", "dir", True, True)
    assert [info.name for info in pools.list_pools(conn)] == ["kvmgui-test-p"]

    pools.create_volume(conn, "kvmgui-test-p", "b.qcow2", GIB, "qcow2")
    pools.create_volume(conn, "kvmgui-test-p", "a.raw", 2 * GIB, "raw")
    listed = pools.list_volumes(conn, "kvmgui-test-p")
    assert [(v.name, v.path, v.capacity) for v in listed] == [
        ("a.raw", "/kvmgui-test-p/a.raw", None), ("b.qcow2", "/kvmgui-test-p/b.qcow2", None)]
    details = pools.read_volume_details(conn, "kvmgui-test-p", ["b.qcow2", "gone", "a.raw"])
    assert [(v.name, v.capacity, v.kind) for v in details] == [
        ("b.qcow2", GIB, "file"), ("a.raw", 2 * GIB, "file")]
    with pytest.raises(ValueError):
        pools.create_volume(conn, "kvmgui-test-p", "c.vmdk", GIB, "vmdk")

    pools.delete_volume(conn, "kvmgui-test-p", "a.raw")
    assert [v.name for v in pools.list_volumes(conn, "kvmgui-test-p")] == ["b.qcow2"]

    pools.set_pool_autostart(conn, "kvmgui-test-p", False)
    pools.stop_pool(conn, "kvmgui-test-p")
    stopped = pools.pool_info(conn, "kvmgui-test-p")
    assert (stopped.active, stopped.autostart, stopped.available) == (False, False, 0)
    pools.start_pool(conn, "kvmgui-test-p")
    pools.refresh_pool(conn, "kvmgui-test-p")
    assert pools.pool_info(conn, "kvmgui-test-p").active

    pools.delete_pool(conn, "kvmgui-test-p", delete_storage=False)
    assert pools.list_pools(conn) == []


def test_a_taken_pool_name_is_refused(empty_test_conn: libvirt.virConnect) -> None:
    spec = PoolSpec(PoolKind.DIR, "kvmgui-test-p", "/kvmgui-test-p")
    pools.define_pool(empty_test_conn, spec)
    with pytest.raises(libvirt.libvirtError):
        pools.define_pool(empty_test_conn, spec)  # the name is taken: nothing more is defined
    assert [info.name for info in pools.list_pools(empty_test_conn)] == ["kvmgui-test-p"]
