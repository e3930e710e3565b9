"""Snapshots of a VM: list, what kind can be taken, create, revert, delete, describe.

libvirt 9.0 (Debian 12) takes two kinds a workstation needs:

- **internal**: inside each qcow2 disk, with the memory when the VM runs; it
  can be reverted and deleted. It needs every writable disk to be qcow2, and
  a VM without pflash (UEFI) firmware: libvirt 9.0 refuses internal
  snapshots of UEFI VMs, because the NVRAM file cannot hold one.
- **disk-only external**: each writable disk goes on a new overlay file; the
  files under it are frozen. libvirt 9.0 can neither revert to nor delete
  such a snapshot; kvmgui says so before the user tries, and offers what
  works instead: forgetting it (its metadata), and reading the frozen files.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from html import escape  # not xml.sax.saxutils: it imports urllib, http and ssl (30 ms at start)

import libvirt
from lxml import etree

from kvmgui.core.editing import read_definition_xml
from kvmgui.core.texts import Sentences, Translatable
from kvmgui.core.xml.model import Domain
from kvmgui.core.xml.properties import parse_xml

UEFI_INTERNAL_REFUSAL = Translatable(
    "snapshots",
    "This VM boots with UEFI firmware. libvirt 9.0 cannot take internal snapshots "
    "of UEFI VMs (their firmware variables live in a separate NVRAM file).",
)
EXTERNAL_REVERT_REFUSAL = Translatable(
    "snapshots",
    "This is a disk-only external snapshot: libvirt 9.0 cannot revert to it. Its "
    "frozen disk files are kept unchanged under the overlays the VM writes to now; "
    "with the VM shut off, Restore Disks puts its disks back on those files.",
)
EXTERNAL_DELETE_REFUSAL = Translatable(
    "snapshots",
    "libvirt 9.0 cannot delete external snapshots with their files. kvmgui can "
    "forget it (remove libvirt's record of it); every disk file is kept.",
)


class SnapshotKind(enum.Enum):
    INTERNAL = "internal"
    EXTERNAL = "external"  # disk-only


class SnapshotRefused(Exception):
    """What libvirt 9.0 cannot do with a snapshot, in plain words."""


@dataclass(frozen=True)
class SnapshotInfo:
    name: str
    parent: str | None
    created: int  # seconds since the epoch
    description: str
    state: str  # the VM's state when taken: running, shutoff, paused, disk-snapshot
    current: bool
    kind: SnapshotKind
    with_memory: bool

    @property
    def state_text(self) -> str:
        words = {
            "running": Translatable("snapshots", "running"),
            "paused": Translatable("snapshots", "paused"),
            "shutoff": Translatable("snapshots", "shut off"),
            "disk-snapshot": Translatable("snapshots", "running (disks only)"),
        }
        return words.get(self.state, self.state)


def snapshot_info(snap: libvirt.virDomainSnapshot) -> SnapshotInfo:
    root = parse_xml(snap.getXMLDesc(0))
    external = any(d.get("snapshot") == "external" for d in root.findall("./disks/disk"))
    memory = root.find("./memory")
    return SnapshotInfo(
        name=root.findtext("name") or snap.getName(),
        parent=root.findtext("./parent/name"),
        created=int(root.findtext("creationTime") or 0),
        description=root.findtext("description") or "",
        state=root.findtext("state") or "",
        current=bool(snap.isCurrent(0)),
        kind=SnapshotKind.EXTERNAL if external else SnapshotKind.INTERNAL,
        with_memory=memory is not None and memory.get("snapshot") not in (None, "no"),
    )


def list_snapshots(dom: libvirt.virDomain) -> list[SnapshotInfo]:
    """Every snapshot of ``dom``, parents before their children."""
    snaps = dom.listAllSnapshots(libvirt.VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL)
    return [snapshot_info(snap) for snap in snaps]


def snapshot_count(dom: libvirt.virDomain) -> int:
    return int(dom.snapshotNum(0))


@dataclass(frozen=True)
class SnapshotAbility:
    """What kind of snapshot a VM can take now, and why not the other."""

    kinds: tuple[SnapshotKind, ...]  # the first is the one offered first
    explanation: str  # "" when internal snapshots work
    with_memory: bool = False  # an internal snapshot of a running VM keeps its memory


def snapshot_ability(definition: Domain, running: bool) -> SnapshotAbility:
    """Internal when libvirt 9.0 can take it (with memory if running), else disk-only external."""
    writable = [d for d in definition.disks if d.device in (None, "disk") and not d.readonly]
    if definition.is_uefi:
        return SnapshotAbility((SnapshotKind.EXTERNAL,), Sentences(
            UEFI_INTERNAL_REFUSAL,
            Translatable(
                "snapshots", "kvmgui offers a disk-only external snapshot instead: it freezes "
                "the disk files and puts new writes on overlays, without the memory.",
            ),
        ))
    not_qcow2 = [d.target_dev or "?" for d in writable if d.driver_type != "qcow2"]
    if not_qcow2:
        return SnapshotAbility((SnapshotKind.EXTERNAL,), Translatable(
            "snapshots", "Internal snapshots live inside qcow2 disks, and {disks} is not qcow2. "
            "kvmgui offers a disk-only external snapshot instead.", disks=", ".join(not_qcow2),
        ))
    return SnapshotAbility((SnapshotKind.INTERNAL, SnapshotKind.EXTERNAL), "", with_memory=running)


def snapshot_xml(name: str, description: str, kind: SnapshotKind, definition: Domain) -> str:
    disks = ""
    if kind is SnapshotKind.EXTERNAL:
        # Only writable disks get an overlay; CD-ROMs and read-only disks stay as they are.
        entries = [
            f"<disk name={_quote(d.target_dev or '')} snapshot="
            + ("'external'/>" if d.device in (None, "disk") and not d.readonly else "'no'/>")
            for d in definition.disks
        ]
        disks = f"<disks>{''.join(entries)}</disks>"
    name, description = escape(name, quote=False), escape(description, quote=False)
    return (f"<domainsnapshot><name>{name}</name>"
            f"<description>{description}</description>{disks}</domainsnapshot>")


def _quote(value: str) -> str:
    return "'" + escape(value) + "'"


def create_snapshot(
    dom: libvirt.virDomain, name: str, description: str, kind: SnapshotKind,
) -> SnapshotInfo:
    """Take a snapshot: internal (with memory when running) or disk-only external."""
    definition = Domain.from_xml(read_definition_xml(dom))
    flags = 0
    if kind is SnapshotKind.EXTERNAL:
        flags = (libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY
                 | libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC)
    elif definition.is_uefi:
        raise SnapshotRefused(UEFI_INTERNAL_REFUSAL)
    snap = dom.snapshotCreateXML(snapshot_xml(name, description, kind, definition), flags)
    return snapshot_info(snap)


def revert_snapshot(dom: libvirt.virDomain, name: str) -> None:
    """Go back to snapshot ``name``: disks, and the memory and run state when it has them."""
    snap = dom.snapshotLookupByName(name, 0)
    if snapshot_info(snap).kind is SnapshotKind.EXTERNAL:
        raise SnapshotRefused(EXTERNAL_REVERT_REFUSAL)
    dom.revertToSnapshot(snap, 0)


def delete_snapshot(dom: libvirt.virDomain, name: str, *, children: bool) -> None:
    """Delete snapshot ``name`` (and its children when asked; else they move to its parent)."""
    snap = dom.snapshotLookupByName(name, 0)
    if snapshot_info(snap).kind is SnapshotKind.EXTERNAL:
        raise SnapshotRefused(EXTERNAL_DELETE_REFUSAL)
    snap.delete(libvirt.VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN if children else 0)


def forget_snapshot(dom: libvirt.virDomain, name: str) -> None:
    """Remove libvirt's record of a snapshot and keep every file (what works for external ones)."""
    dom.snapshotLookupByName(name, 0).delete(libvirt.VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY)


def restore_external_disks(dom: libvirt.virDomain, name: str) -> list[str]:
    """What works instead of reverting to a disk-only external snapshot (libvirt 9.0):
    the shut-off VM's disks go back to the files the snapshot froze, and the snapshot
    is forgotten. The overlays written since are kept, unused; their paths are returned.
    """
    if dom.isActive():
        raise SnapshotRefused(Translatable(
            "snapshots", "Shut the VM down first: its disks change files only while off."
        ))
    snap = dom.snapshotLookupByName(name, 0)
    if snap.numChildren(0):
        raise SnapshotRefused(Translatable(
            "snapshots", "{name} has newer snapshots on top of it: forget those first.", name=name
        ))
    root = parse_xml(snap.getXMLDesc(0))
    taken = [d.get("name") for d in root.findall("./disks/disk") if d.get("snapshot") == "external"]
    frozen_domain = root.find("domain")
    if frozen_domain is None:
        raise SnapshotRefused(
            Translatable("snapshots", "libvirt kept no record of {name}'s disks.", name=name)
        )
    frozen = {d.target_dev: d for d in Domain(frozen_domain).disks if d.target_dev in taken}
    definition = Domain.from_xml(read_definition_xml(dom))
    overlays = []
    for disk in definition.disks:
        before = frozen.get(disk.target_dev)
        if before is None or before.source_file is None:
            continue
        overlays.append(disk.path or "")
        disk.source_file = before.source_file
        disk.driver_type = before.driver_type
        for backing in disk.node.findall("backingStore"):
            disk.node.remove(backing)
    dom.connect().defineXMLFlags(definition.to_xml(), libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
    snap.delete(libvirt.VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY)
    return overlays


def set_snapshot_description(dom: libvirt.virDomain, name: str, description: str) -> None:
    """Redefine the snapshot's metadata with a new description (nothing else changes)."""
    snap = dom.snapshotLookupByName(name, 0)
    root = parse_xml(snap.getXMLDesc(libvirt.VIR_DOMAIN_SNAPSHOT_XML_SECURE))
    element = root.find("description")
    if element is None:
        element = root.makeelement("description", {})
        root.insert(1, element)
    element.text = description or None
    flags = libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE
    if snap.isCurrent(0):
        flags |= libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT
    dom.snapshotCreateXML(etree.tostring(root, encoding="unicode"), flags)


def read_snapshot_ability(dom: libvirt.virDomain) -> SnapshotAbility:
    """What kind of snapshot ``dom`` can take now (see :func:`snapshot_ability`)."""
    return snapshot_ability(Domain.from_xml(read_definition_xml(dom)), bool(dom.isActive()))


def snapshot_counts(conn: libvirt.virConnect, uuids: list[str] | None = None) -> dict[str, int]:
    """Snapshots per domain (of ``uuids``, or every domain): one call per domain, so the
    list asks only while its Snapshots column is shown. Domains gone meanwhile are left out."""
    counts: dict[str, int] = {}
    wanted = uuids if uuids is not None else [d.UUIDString() for d in conn.listAllDomains(0)]
    for uuid in wanted:
        try:
            counts[uuid] = snapshot_count(conn.lookupByUUIDString(uuid))
        except libvirt.libvirtError as err:
            if err.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN:
                raise
    return counts
