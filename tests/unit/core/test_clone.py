"""Cloning on libvirt's test driver: names, validation, linked and full clones, failures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.clone import (
    CLONE_LIMIT,
    CloneMode,
    CloneRefused,
    CloneRequest,
    clone_names,
    clone_vms,
    validate_clone_request,
)
from kvmgui.core.metadata import KvmguiMetadata, read_metadata, write_metadata
from kvmgui.core.xml.model import Domain
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, pool_xml, write_node

POOL = pool_xml("kvmgui-test-pool", "/test-pool", ["src.qcow2"])
FLEET = [
    FleetDomain("src", SHUTOFF, disk="/test-pool/src.qcow2"),
    FleetDomain("busy", RUNNING, disk="/test-pool/src.qcow2"),
    FleetDomain("loose", SHUTOFF, disk="/elsewhere/loose.qcow2"),
]


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    connection = libvirt.open(f"test://{write_node(tmp_path / 'fleet.xml', FLEET, POOL)}")
    yield connection
    connection.close()


def _request(
    conn: libvirt.virConnect, source: str, names: list[str], mode: CloneMode,
    start: bool = False,
) -> CloneRequest:
    return CloneRequest(conn.lookupByName(source).UUIDString(), tuple(names), mode, start)


def _disk_of(conn: libvirt.virConnect, name: str) -> str | None:
    return Domain.from_xml(conn.lookupByName(name).XMLDesc(0)).disks[0].source_file


def test_clone_names() -> None:
    assert clone_names("web-{n}", 3) == ["web-1", "web-2", "web-3"]
    assert clone_names("db", 1) == ["db"]


@pytest.mark.parametrize(
    ("pattern", "count", "problem"),
    [
        ("web-{n}", 3, None),
        ("web", 1, None),
        ("web-{n}", 0, f"between 1 and {CLONE_LIMIT}"),
        ("web-{n}", CLONE_LIMIT + 1, f"between 1 and {CLONE_LIMIT}"),
        ("web", 2, "put {n} in the name"),
        ("web-{i}", 1, "only placeholder"),
        ("", 1, "Enter a name"),
        ("bad name-{n}", 2, "letters, digits"),
        ("src", 1, "src already exists"),
        ("lo{n}se", 1, None),
        ("{n}", 2, None),
    ],
)
def test_validate_clone_request(pattern: str, count: int, problem: str | None) -> None:
    found = validate_clone_request(pattern, count, {"src", "busy", "web-7"})
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def test_validate_names_every_clash() -> None:
    found = validate_clone_request("web-{n}", 9, {f"web-{n}" for n in range(2, 9)})
    assert found == "web-2, web-3, web-4, web-5, web-6 and 2 more already exist."


def test_linked_clones_overlay_the_source_disk(conn: libvirt.virConnect) -> None:
    steps: list[tuple[int, str, str]] = []
    outcome = clone_vms(
        conn, _request(conn, "src", clone_names("web-{n}", 3), mode=CloneMode.LINKED),
        lambda *step: steps.append(step),
    )
    assert [info.name for info in outcome.made] == ["web-1", "web-2", "web-3"]
    assert outcome.failure is None and outcome.summary() == "Made 3 clones: web-1, web-2, web-3."
    assert (2, "web-3", "Done") in steps and (0, "web-1", "Overlaying disk vda") in steps
    uuids = {info.uuid for info in outcome.made} | {conn.lookupByName("src").UUIDString()}
    assert len(uuids) == 4
    for name in ("web-1", "web-2", "web-3"):
        assert _disk_of(conn, name) == f"/test-pool/{name}.qcow2"
        vol = conn.storageVolLookupByPath(f"/test-pool/{name}.qcow2")
        assert "<path>/test-pool/src.qcow2</path>" in vol.XMLDesc(0).split("<backingStore>")[1]
    assert _disk_of(conn, "src") == "/test-pool/src.qcow2"


def test_full_clone_copies_and_can_start(conn: libvirt.virConnect) -> None:
    outcome = clone_vms(
        conn, _request(conn, "src", ["copy"], mode=CloneMode.FULL, start=True), lambda *_: None
    )
    assert outcome.made[0].state.is_active
    vol = conn.storageVolLookupByPath("/test-pool/copy.qcow2")
    assert "<backingStore>" not in vol.XMLDesc(0)


def test_a_running_source_is_refused(conn: libvirt.virConnect) -> None:
    with pytest.raises(CloneRefused, match="shut it down first"):
        clone_vms(conn, _request(conn, "busy", ["x"], mode=CloneMode.LINKED), lambda *_: None)
    assert "x" not in {dom.name() for dom in conn.listAllDomains()}


def test_a_disk_outside_every_pool_fails_with_nothing_left(conn: libvirt.virConnect) -> None:
    outcome = clone_vms(
        conn, _request(conn, "loose", ["l-1", "l-2"], mode=CloneMode.LINKED), lambda *_: None
    )
    assert outcome.made == () and outcome.failure is not None
    assert "in no storage pool" in outcome.failure.message
    assert outcome.not_attempted == ("l-2",)


def test_failure_of_clone_k_removes_its_leftovers_and_keeps_the_others(
    conn: libvirt.virConnect,
) -> None:
    # web-2 exists (as validation would say): its clone's volume is made, then
    # its definition fails.
    conn.defineXML(
        "<domain type='test'><name>web-2</name><memory>524288</memory>"
        "<os><type>hvm</type></os></domain>"
    )
    outcome = clone_vms(
        conn, _request(conn, "src", clone_names("web-{n}", 3), mode=CloneMode.LINKED),
        lambda *_: None,
    )
    assert [info.name for info in outcome.made] == ["web-1"]
    assert outcome.failure is not None and outcome.failure.name == "web-2"
    assert outcome.failure.step == "Defining the virtual machine"
    assert outcome.failure.left_behind == ()
    assert outcome.not_attempted == ("web-3",)
    pool_volumes = {vol.name() for vol in conn.storagePoolLookupByName("kvmgui-test-pool")
                    .listAllVolumes()}
    assert pool_volumes == {"src.qcow2", "web-1.qcow2"}
    summary = outcome.summary()
    assert "Could not make web-2" in summary and "Kept the clones already made: web-1" in summary
    assert "Not attempted: web-3" in summary


def test_clones_of_a_template_are_no_templates_and_write_their_disks(
    conn: libvirt.virConnect,
) -> None:
    src = conn.lookupByName("src")
    xml = src.XMLDesc(0).replace("<target dev='vda' bus='virtio'/>",
                                 "<target dev='vda' bus='virtio'/><readonly/>")
    conn.defineXML(xml)
    write_metadata(src, KvmguiMetadata(tags=("web",), template=True, ssh_user="dev"))
    outcome = clone_vms(
        conn, _request(conn, "src", ["from-template"], mode=CloneMode.LINKED), lambda *_: None
    )
    clone = conn.lookupByName("from-template")
    assert read_metadata(clone) == KvmguiMetadata(tags=("web",), ssh_user="dev")
    assert not Domain.from_xml(clone.XMLDesc(0)).disks[0].readonly
    assert outcome.made[0].tags == ("web",) and not outcome.made[0].is_template
