"""Templates on libvirt's test driver: making one, naming its clones, finding them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.clone import CloneMode, clone_vms
from kvmgui.core.domain import read_domain
from kvmgui.core.metadata import read_metadata
from kvmgui.core.templates import clones_backed_by, make_template, template_clone_request
from kvmgui.core.xml.model import Domain
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, pool_xml, write_node

FLEET = [
    FleetDomain("base", SHUTOFF, disk="/pool/base.qcow2"),
    FleetDomain("busy", RUNNING, disk="/pool/busy.qcow2"),
]


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    extra = pool_xml("kvmgui-test-pool", "/pool", ["base.qcow2", "busy.qcow2"])
    connection = libvirt.open(f"test://{write_node(tmp_path / 'fleet.xml', FLEET, extra)}")
    yield connection
    connection.close()


def test_make_template_marks_it_and_makes_its_disks_read_only(
    conn: libvirt.virConnect,
) -> None:
    make_template(conn.lookupByName("base"))
    dom = conn.lookupByName("base")
    assert read_metadata(dom).template and read_domain(dom).is_template
    assert Domain.from_xml(dom.XMLDesc(0)).disks[0].readonly
    with pytest.raises(ValueError, match="shut it down first"):
        make_template(conn.lookupByName("busy"))


def test_new_vm_from_template_takes_the_first_free_name(conn: libvirt.virConnect) -> None:
    make_template(conn.lookupByName("base"))
    template = read_domain(conn.lookupByName("base"))
    request = template_clone_request(template, {"base", "base-1", "base-3"})
    assert request.names == ("base-2",)
    assert request.mode is CloneMode.LINKED and request.start


def test_clones_backed_by_a_template_are_found(conn: libvirt.virConnect) -> None:
    base = conn.lookupByName("base")
    make_template(base)
    assert clones_backed_by(base) == []
    template = read_domain(base)
    for existing in ({"base"}, {"base", "base-1"}):
        outcome = clone_vms(conn, template_clone_request(template, existing), lambda *_: None)
        assert outcome.failure is None
    assert clones_backed_by(base) == ["base-1", "base-2"]
    assert clones_backed_by(conn.lookupByName("busy")) == []
