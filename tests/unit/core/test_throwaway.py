"""Throwaway VMs on libvirt's test driver: transient, on overlays, leftovers found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.clone import CloneRefused
from kvmgui.core.throwaway import (
    VOLUME_PREFIX,
    find_leftovers,
    remove_throwaway_volumes,
    run_throwaway,
)
from kvmgui.core.xml.model import Domain
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_uuid, pool_xml, write_node

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


def volumes(conn: libvirt.virConnect) -> set[str]:
    return {vol.name() for vol in conn.storagePoolLookupByName("kvmgui-test-pool")
            .listAllVolumes()}


def test_a_throwaway_is_transient_on_an_overlay_and_leaves_a_leftover_until_removed(
    conn: libvirt.virConnect,
) -> None:
    steps: list[str] = []
    info = run_throwaway(conn, domain_uuid("base"), steps.append)
    assert steps == ["Overlaying disk vda", "Starting"]
    assert info.state.is_active and not info.persistent
    throwaway_id = info.labels.metadata.throwaway_id
    assert info.name == f"base-throwaway-{throwaway_id}"
    dom = conn.lookupByUUIDString(info.uuid)
    disk = Domain.from_xml(dom.XMLDesc(0)).disks[0].source_file
    assert disk == f"/pool/{VOLUME_PREFIX}{throwaway_id}.qcow2"
    assert find_leftovers(conn) == []  # it runs

    dom.destroy()  # the guest shut down: the transient domain is gone
    assert info.name not in {d.name() for d in conn.listAllDomains()}
    leftovers = find_leftovers(conn)
    assert [(lo.throwaway_id, lo.paths) for lo in leftovers] == [(throwaway_id, (disk,))]
    assert remove_throwaway_volumes(conn, throwaway_id) == []
    assert volumes(conn) == {"base.qcow2", "busy.qcow2"}
    assert find_leftovers(conn) == []


def test_a_running_source_is_refused(conn: libvirt.virConnect) -> None:
    with pytest.raises(CloneRefused, match="shut it down first"):
        run_throwaway(conn, domain_uuid("busy"), lambda _step: None)
    assert volumes(conn) == {"base.qcow2", "busy.qcow2"}
