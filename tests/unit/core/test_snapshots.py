"""Snapshots on the test driver: the tree, kinds offered, create, revert, delete, describe."""

from __future__ import annotations

import libvirt
import pytest

from kvmgui.core.snapshots import (
    EXTERNAL_DELETE_REFUSAL,
    EXTERNAL_REVERT_REFUSAL,
    UEFI_INTERNAL_REFUSAL,
    SnapshotKind,
    SnapshotRefused,
    create_snapshot,
    delete_snapshot,
    list_snapshots,
    restore_external_disks,
    revert_snapshot,
    set_snapshot_description,
    snapshot_ability,
    snapshot_count,
    snapshot_xml,
)
from kvmgui.core.xml.model import Domain

UUID = "4a1f0c52-1d3e-4a8b-9f3c-2b7d9e6a1c20"


def vm_xml(disk_format: str = "qcow2", firmware: str = "") -> str:
    return f"""<domain type='test'><name>snap</name><uuid>{UUID}</uuid>
<memory unit='MiB'>128</memory><os{firmware}><type>hvm</type></os><devices>
<disk type='file' device='disk'><driver name='qemu' type='{disk_format}'/>
<source file='/srv/snap.img'/><target dev='vda' bus='virtio'/></disk>
<disk type='file' device='cdrom'><source file='/srv/a.iso'/><target dev='sda' bus='sata'/>
<readonly/></disk></devices></domain>"""


@pytest.fixture
def dom(empty_test_conn: libvirt.virConnect) -> libvirt.virDomain:
    return empty_test_conn.defineXML(vm_xml())


def test_internal_snapshots_where_libvirt_can_take_them() -> None:
    ability = snapshot_ability(Domain.from_xml(vm_xml()), running=True)
    assert ability.kinds == (SnapshotKind.INTERNAL, SnapshotKind.EXTERNAL)
    assert ability.explanation == "" and ability.with_memory
    assert not snapshot_ability(Domain.from_xml(vm_xml()), running=False).with_memory


def test_uefi_vms_get_the_plain_words_and_the_external_kind() -> None:
    ability = snapshot_ability(Domain.from_xml(vm_xml(firmware=" firmware='efi'")), running=True)
    assert ability.kinds == (SnapshotKind.EXTERNAL,)
    assert ability.explanation.startswith(UEFI_INTERNAL_REFUSAL)
    assert "disk-only external snapshot instead" in ability.explanation


def test_raw_disks_get_the_external_kind() -> None:
    ability = snapshot_ability(Domain.from_xml(vm_xml("raw")), running=False)
    assert ability.kinds == (SnapshotKind.EXTERNAL,)
    assert "vda is not qcow2" in ability.explanation


def test_external_snapshots_leave_cdroms_alone() -> None:
    xml = snapshot_xml("s", "before <upgrade>", SnapshotKind.EXTERNAL, Domain.from_xml(vm_xml()))
    assert ("<disks><disk name='vda' snapshot='external'/><disk name='sda' snapshot='no'/>"
            "</disks>") in xml
    assert "<description>before &lt;upgrade&gt;</description>" in xml


def test_the_tree_create_revert_and_delete(dom: libvirt.virDomain) -> None:
    dom.create()
    first = create_snapshot(dom, "first", "clean install", SnapshotKind.INTERNAL)
    assert first.state == "running" and first.current and first.parent is None
    dom.destroy()
    create_snapshot(dom, "second", "", SnapshotKind.INTERNAL)
    assert [(s.name, s.parent, s.current, s.state_text) for s in list_snapshots(dom)] == [
        ("first", None, False, "running"), ("second", "first", True, "shut off"),
    ]
    assert snapshot_count(dom) == 2
    revert_snapshot(dom, "first")
    assert dom.isActive()  # taken while it ran: it runs again
    assert [s.name for s in list_snapshots(dom) if s.current] == ["first"]
    delete_snapshot(dom, "first", children=True)
    assert snapshot_count(dom) == 0


def test_deleting_without_children_moves_them_up(dom: libvirt.virDomain) -> None:
    create_snapshot(dom, "a", "", SnapshotKind.INTERNAL)
    create_snapshot(dom, "b", "", SnapshotKind.INTERNAL)
    delete_snapshot(dom, "a", children=False)
    assert [(s.name, s.parent) for s in list_snapshots(dom)] == [("b", None)]


def test_a_description_is_edited_and_current_stays(dom: libvirt.virDomain) -> None:
    create_snapshot(dom, "a", "old words", SnapshotKind.INTERNAL)
    set_snapshot_description(dom, "a", "new words")
    [snap] = list_snapshots(dom)
    assert snap.description == "new words" and snap.current


def test_external_snapshots_are_refused_in_plain_words_and_can_be_forgotten(
    dom: libvirt.virDomain,
) -> None:
    # The test driver takes no disk-only snapshot: one is recorded as libvirt has it.
    dom.snapshotCreateXML(
        "<domainsnapshot><name>ext</name><state>disk-snapshot</state>"
        "<creationTime>1700000000</creationTime><memory snapshot='no'/><disks>"
        "<disk name='vda' snapshot='external'><source file='/srv/snap.ext'/></disk>"
        f"</disks>{vm_xml()}</domainsnapshot>",
        libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE,
    )
    [snap] = list_snapshots(dom)
    assert snap.kind is SnapshotKind.EXTERNAL and not snap.with_memory
    with pytest.raises(SnapshotRefused, match="cannot revert"):
        revert_snapshot(dom, "ext")
    with pytest.raises(SnapshotRefused) as refused:
        delete_snapshot(dom, "ext", children=False)
    assert str(refused.value) == EXTERNAL_DELETE_REFUSAL
    assert EXTERNAL_REVERT_REFUSAL.startswith("This is a disk-only external snapshot")
    assert snapshot_count(dom) == 1  # forget_snapshot: the test driver has no metadata-only delete


def test_restoring_external_disks_needs_a_shut_off_vm_and_no_newer_snapshot(
    dom: libvirt.virDomain,
) -> None:
    # Recorded as libvirt has a disk-only snapshot (the test driver takes none).
    for name, parent in (("ext", ""), ("newer", "<parent><name>ext</name></parent>")):
        dom.snapshotCreateXML(
            f"<domainsnapshot><name>{name}</name>{parent}<state>disk-snapshot</state>"
            "<creationTime>1700000000</creationTime><memory snapshot='no'/><disks>"
            "<disk name='vda' snapshot='external'><source file='/srv/snap.ext'/></disk>"
            f"</disks>{vm_xml()}</domainsnapshot>",
            libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE,
        )
    with pytest.raises(SnapshotRefused, match="newer snapshots on top of it"):
        restore_external_disks(dom, "ext")
    dom.create()
    with pytest.raises(SnapshotRefused, match="Shut the VM down first"):
        restore_external_disks(dom, "newer")
