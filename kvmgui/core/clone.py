"""Cloning a VM: full copies or linked clones (qcow2 overlays), one or many at once.

A clone is the source's inactive definition with its own name, UUID and MAC
addresses (libvirt makes new ones for those left out), its own disks (copied,
or overlaid on the source's, through libvirt's storage API so that remote
hosts work too), its own copy of the UEFI variables and, when the source has a
cloud-init seed, a seed made anew with the clone's own instance id and host
name. The source's disks must not change under a copy, nor under the overlays
that read through them: the source is shut off, or, when the request says
``from_snapshot``, its running disks are frozen first (see :func:`freeze_disks`).

Every function here blocks on the daemon: run it in the connection's pool.
"""

from __future__ import annotations

import enum
import logging
import posixpath
import re
import time
import uuid as uuid_module
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import partial

import libvirt
from lxml import etree

from kvmgui.core.addresses import agent_connected
from kvmgui.core.domain import DomainInfo, read_domain
from kvmgui.core.lifecycle import undefine
from kvmgui.core.metadata import metadata_in_domain, set_metadata_in_domain
from kvmgui.core.storage import (
    Rollback,
    download_volume_bytes,
    upload_volume_bytes,
    volume_for_path,
)
from kvmgui.core.texts import Sentences, Translatable
from kvmgui.core.xml.domain import validate_vm_name
from kvmgui.core.xml.model import Disk, Domain
from kvmgui.core.xml.properties import parse_xml
from kvmgui.core.xml.storage import VolumeFormat, dir_pool_xml, volume_xml

log = logging.getLogger(__name__)

CLONE_LIMIT = 50
NUMBER = "{n}"  # where a pattern puts each clone's number
# A cloud-init seed is a few hundred KiB; larger CD-ROM media (installers) are
# shared by the clones, never downloaded to look inside.
SEED_MAX_BYTES = 4 * 1024 * 1024
_FORMATS: dict[str, VolumeFormat] = {"qcow2": "qcow2", "raw": "raw"}
_EXTENSIONS = {"qcow2": "qcow2", "raw": "img"}
# Where the system qemu driver keeps UEFI variables files (its default nvram path).
SYSTEM_NVRAM_DIR = "/var/lib/libvirt/qemu/nvram"
# Pools whose volumes are files in the pool's directory: a frozen disk's overlay
# is made there, beside the image it freezes.
_FILE_POOLS = ("dir", "fs", "netfs")

# (the clone's position in the request, its name, the step it is at); called on
# the worker thread.
Progress = Callable[[int, str, str], None]


class CloneMode(enum.Enum):
    FULL = "Full copy"
    LINKED = "Linked clone"


# The steps of a clone that progress reports and a failure names.
DONE = Translatable("clone", "Done")
STARTING = Translatable("clone", "Starting")


class CloneRefused(ValueError):
    """The source cannot be cloned as it is (it runs); nothing was made."""


@dataclass(frozen=True)
class FrozenDisks:
    """A running source's disks frozen for its clones (see :func:`freeze_disks`).

    ``definition`` is the source's definition as it was, its disks on the frozen
    images; the source now writes to ``overlays``. ``quiesced``: the guest agent
    froze the guest's file systems for the snapshot (else crash-consistent).
    """

    definition: str
    overlays: tuple[str, ...]
    quiesced: bool

    def summary(self, source: str) -> str:
        overlays = ", ".join(self.overlays)
        if self.quiesced:
            return Translatable(
                "clone",
                "The clones start from {source}'s disks as they were at the snapshot: the guest "
                "agent froze its file systems for that instant. {source} keeps running, now "
                "writing to {overlays}.",
                source=source, overlays=overlays,
            )
        return Translatable(
            "clone",
            "The clones start from {source}'s disks as they were at the snapshot: no guest agent "
            "answered, so they are as after a power cut (crash-consistent). {source} keeps "
            "running, now writing to {overlays}.",
            source=source, overlays=overlays,
        )


def clone_names(pattern: str, count: int) -> list[str]:
    """The names ``pattern`` gives ``count`` clones: ``web-{n}`` → web-1, web-2, …"""
    if NUMBER in pattern:
        return [pattern.replace(NUMBER, str(number)) for number in range(1, count + 1)]
    return [pattern] * count


def validate_clone_request(pattern: str, count: int, existing: Collection[str]) -> str | None:
    """Why ``count`` clones named by ``pattern`` cannot be made beside ``existing``, or None."""
    if not 1 <= count <= CLONE_LIMIT:
        return Translatable("clone", "Make between 1 and {limit} clones.", limit=CLONE_LIMIT)
    if count > 1 and NUMBER not in pattern:
        return Translatable(
            "clone", "To make several clones, put {number} in the name where each one's number "
            "goes.", number=NUMBER,
        )
    if re.search(r"[{}]", pattern.replace(NUMBER, "")):
        return Translatable("clone", "The only placeholder in a name is {number}.", number=NUMBER)
    names = clone_names(pattern, count)
    for name in (names[0], names[-1]):  # the longest number is the last one
        problem = validate_vm_name(name)
        if problem:
            return (Translatable("clone", "{name!r}: {problem}", name=name, problem=problem)
                    if name else problem)
    taken = [name for name in names if name in existing]
    if len(taken) == 1:
        return Translatable("clone", "{name} already exists.", name=taken[0])
    if len(taken) > 5:
        return Translatable("clone", "{names} and {more} more already exist.",
                            names=", ".join(taken[:5]), more=len(taken) - 5)
    if taken:
        return Translatable("clone", "{names} already exist.", names=", ".join(taken))
    return None


@dataclass(frozen=True)
class CloneRequest:
    source_uuid: str
    names: tuple[str, ...]
    mode: CloneMode
    start: bool = False
    # A running source: freeze its disks with a snapshot instead of refusing.
    from_snapshot: bool = False


@dataclass(frozen=True)
class CloneFailure:
    """Clone ``name`` failed at ``step``; what was made of it is removed but ``left_behind``."""

    name: str
    step: str
    message: str
    left_behind: tuple[str, ...] = ()


@dataclass(frozen=True)
class CloneOutcome:
    """The clones made, in order, and the failure that stopped the rest, if any."""

    made: tuple[DomainInfo, ...]
    failure: CloneFailure | None = None
    not_attempted: tuple[str, ...] = ()
    frozen_note: str = ""  # how a running source's disks were frozen (FrozenDisks.summary)

    def summary(self) -> str:
        return Sentences(self._made_text(), self.frozen_note)

    def _made_text(self) -> str:
        made = ", ".join(info.name for info in self.made)
        if self.failure is None:
            if len(self.made) == 1:
                return Translatable("clone", "Made 1 clone: {made}.", made=made)
            return Translatable("clone", "Made {count} clones: {made}.", count=len(self.made),
                                made=made)
        failure = self.failure
        return Sentences(
            Translatable("clone", "Could not make {name}: {step} failed: {message}",
                         name=failure.name, step=failure.step, message=failure.message),
            Translatable("clone", "Could not remove: {left}.",
                         left="; ".join(failure.left_behind))
            if failure.left_behind else
            Translatable("clone", "Nothing of {name} was left behind.", name=failure.name),
            Translatable("clone", "Kept the clones already made: {made}.", made=made)
            if self.made else "",
            Translatable("clone", "Not attempted: {names}.", names=", ".join(self.not_attempted))
            if self.not_attempted else "",
        )


def clone_vms(conn: libvirt.virConnect, request: CloneRequest, progress: Progress) -> CloneOutcome:
    """Make the clones of ``request`` one after the other.

    A failing clone is undone (what it made is removed) and the clones after it
    are not attempted; those made before it are kept. Raises CloneRefused when
    the source runs and the request is not ``from_snapshot``.
    """
    source = conn.lookupByUUIDString(request.source_uuid)
    frozen_note = ""
    if not source.isActive():
        source_xml = source.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)
    elif request.from_snapshot:
        progress(0, request.names[0],
                 Translatable("clone", "Freezing the source's disks (snapshot)"))
        frozen = freeze_disks(source)
        source_xml = frozen.definition
        frozen_note = frozen.summary(source.name())
    else:
        raise CloneRefused(Translatable(
            "clone",
            "{name} is running: shut it down first, or clone it from a snapshot of its disks. "
            "A disk that changes while it is copied, or under the clones that read through it, "
            "is corrupt.",
            name=source.name(),
        ))
    made: list[DomainInfo] = []
    for position, name in enumerate(request.names):
        step = ""

        def begin(what: str, position: int = position, name: str = name) -> None:
            nonlocal step
            step = what
            progress(position, name, what)

        rollback = Rollback()
        try:
            dom = _clone_one(conn, source_xml, name, request.mode, begin, rollback)
            if request.start:
                begin(STARTING)
                dom.create()
            made.append(read_domain(dom))
        except (libvirt.libvirtError, ValueError, OSError) as err:
            message = err.get_error_message() if isinstance(err, libvirt.libvirtError) else ""
            log.warning("cloning %s failed at %r: %s", name, step, message or err)
            left_behind = rollback.run()
            failure = CloneFailure(name, step, message or str(err), tuple(left_behind))
            return CloneOutcome(
                tuple(made), failure, request.names[position + 1 :], frozen_note
            )
        rollback.clear()
        progress(position, name, DONE)
    return CloneOutcome(tuple(made), frozen_note=frozen_note)


def freeze_disks(source: libvirt.virDomain) -> FrozenDisks:
    """Freeze the running ``source``'s cloned disks for its clones, leaving it running.

    A disk-only external snapshot puts each disk the clones copy on a new qcow2
    overlay beside its image (the running VM writes there from now on), and the
    image under it is never written again: the clones read it as their base.
    The guest agent freezes the guest's file systems for that instant when it
    answers; else the images are crash-consistent. The snapshot keeps no
    metadata: libvirt 9.0 could only "restore" it by putting the VM back on the
    frozen images, which would change its clones' base under them.
    Raises CloneRefused (nothing done) when a disk is not a file libvirt's pools manage.
    """
    conn = source.connect()
    definition_xml = source.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)
    definition = Domain.from_xml(definition_xml)
    template = metadata_in_domain(definition.node).template
    running = {disk.target_dev: disk.path for disk in Domain.from_xml(source.XMLDesc(0)).disks}
    stamp = time.strftime("%Y%m%d-%H%M%S")
    snapshot = etree.Element("domainsnapshot")
    etree.SubElement(snapshot, "name").text = f"kvmgui-clone-{stamp}"
    etree.SubElement(snapshot, "description").text = "The base of kvmgui's clones"
    disks = etree.SubElement(snapshot, "disks")
    overlays: list[str] = []
    pools: dict[str, libvirt.virStoragePool] = {}
    for disk in definition.disks:
        entry = etree.SubElement(disks, "disk", name=disk.target_dev or "")
        if not _is_cloned(disk, template):
            entry.set("snapshot", "no")
            continue
        if running.get(disk.target_dev) != disk.path:
            raise CloneRefused(Translatable(
                "clone",
                "Disk {disk} of {name} is another file while it runs than in its definition: "
                "shut it down first.",
                disk=disk.target_dev, name=source.name(),
            ))
        image = _source_volume(conn, disk)
        pool = image.storagePoolLookupByVolume()
        if parse_xml(pool.XMLDesc(0)).get("type") not in _FILE_POOLS:
            raise CloneRefused(Translatable(
                "clone",
                "Disk {disk} of {name} is in pool {pool}, whose volumes are not files: only a "
                "shut-off VM can be cloned from it.",
                disk=disk.target_dev, name=source.name(), pool=pool.name(),
            ))
        stem = posixpath.splitext(image.path())[0]
        overlay = f"{stem}-{stamp}.qcow2"
        overlays.append(overlay)
        pools[pool.name()] = pool
        entry.set("snapshot", "external")
        etree.SubElement(entry, "driver", type="qcow2")
        etree.SubElement(entry, "source", file=overlay)
    if not overlays:
        raise CloneRefused(Translatable("clone", "{name} has no disk to clone.",
                                        name=source.name()))
    snapshot_xml = etree.tostring(snapshot, encoding="unicode")
    flags = (libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY
             | libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC
             | libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA)
    quiesced = agent_connected(source)
    try:
        source.snapshotCreateXML(
            snapshot_xml, flags | (libvirt.VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE if quiesced else 0)
        )
    except libvirt.libvirtError as err:
        if not quiesced:
            raise
        # The agent did not answer, or could not freeze a file system (libvirt
        # reports that as an internal error): the snapshot is taken without it;
        # any other cause fails the same way again (ATOMIC left nothing behind).
        log.info("the guest agent of %s did not freeze: %s", source.name(), err)
        quiesced = False
        source.snapshotCreateXML(snapshot_xml, flags)
    for pool in pools.values():
        pool.refresh(0)  # the overlays libvirt made become volumes kvmgui can manage
    return FrozenDisks(definition_xml, tuple(overlays), quiesced)


def _clone_one(
    conn: libvirt.virConnect, source_xml: str, name: str, mode: CloneMode,
    begin: Callable[[str], None], rollback: Rollback,
) -> libvirt.virDomain:
    dom = clone_definition(conn, source_xml, name, name, mode, begin, rollback)
    nvram_source = _new_nvram_path(conn, dom, Domain.from_xml(source_xml).name or "", name)
    begin(Translatable("clone", "Defining the virtual machine"))
    clone: libvirt.virDomain = conn.defineXMLFlags(
        dom.to_xml(), libvirt.VIR_DOMAIN_DEFINE_VALIDATE
    )
    # Takes the UEFI variables along (VIR_DOMAIN_UNDEFINE_NVRAM), copied or not yet.
    rollback.push(f"undefine {name}", partial(undefine, clone))
    if nvram_source is not None:
        begin(Translatable("clone", "Copying the UEFI variables"))
        _copy_nvram(conn, nvram_source, dom.nvram)
    return clone


def clone_definition(
    conn: libvirt.virConnect, source_xml: str, name: str, volume_prefix: str, mode: CloneMode,
    begin: Callable[[str], None], rollback: Rollback,
) -> Domain:
    """The definition of a clone called ``name``, its disks and seed made (named
    ``volume_prefix…``, each pushed on ``rollback``); UEFI variables are the caller's."""
    root = parse_xml(source_xml)
    dom = Domain(root)
    meta = metadata_in_domain(root)
    dom.name = name
    dom.uuid = None  # libvirt makes a new one
    for interface in dom.interfaces:
        interface.mac = None  # libvirt makes a new one, unique on the host
        interface.target_dev = None
    made_volumes = 0
    for disk in dom.disks:
        if _is_cloned(disk, meta.template):
            source = _source_volume(conn, disk)
            volume_name = _volume_name(volume_prefix, disk, made_volumes, mode, source)
            begin(Translatable("clone", "Overlaying disk {disk}", disk=disk.target_dev)
                  if mode is CloneMode.LINKED else
                  Translatable("clone", "Copying disk {disk}", disk=disk.target_dev))
            new = _clone_volume(source, volume_name, mode)
            rollback.push(f"delete volume {new.path()}", new.delete)
            made_volumes += 1
            _point_at(disk, new)
            if mode is CloneMode.LINKED:
                disk.driver_type = "qcow2"
            # A template's disks are read-only for its guest, not for its clones'.
            disk.readonly = disk.readonly and not meta.template
        elif disk.device == "cdrom":
            seed = _seed_volume(conn, disk)
            if seed is not None:
                from kvmgui.core.cloudinit import hostname_for, reseeded_iso

                begin(Translatable("clone", "Writing the cloud-init seed"))
                source, data = seed
                new = upload_volume_bytes(
                    conn, source.storagePoolLookupByVolume(), f"{volume_prefix}-seed.iso",
                    reseeded_iso(data, hostname_for(name)),
                )
                rollback.push(f"delete volume {new.path()}", new.delete)
                _point_at(disk, new)
    if meta.template:
        set_metadata_in_domain(root, replace(meta, template=False))
    return dom


def is_hard_disk(disk: Disk) -> bool:
    """A disk a guest writes its system to (not a CD-ROM, floppy or shared disk)."""
    return (disk.device or "disk") in ("disk", "lun") and not disk.shareable


def _is_cloned(disk: Disk, template: bool) -> bool:
    """Hard disks are cloned; read-only ones are shared as they are, except a
    template's (made read-only for its own guest, see core/templates.py)."""
    return is_hard_disk(disk) and (template or not disk.readonly)


def _source_volume(conn: libvirt.virConnect, disk: Disk) -> libvirt.virStorageVol:
    if disk.type == "volume" and disk.source_pool and disk.source_volume:
        vol: libvirt.virStorageVol = conn.storagePoolLookupByName(
            disk.source_pool
        ).storageVolLookupByName(disk.source_volume)
        return vol
    found = volume_for_path(conn, disk.path) if disk.path else None
    if found is None:
        raise ValueError(
            f"disk {disk.target_dev} ({disk.path or disk.type}) is in no storage pool: "
            "kvmgui clones only the storage libvirt manages"
        )
    return found


def _volume_format(vol: libvirt.virStorageVol) -> str:
    element = parse_xml(vol.XMLDesc(0)).find("target/format")
    return (element.get("type") if element is not None else None) or "raw"


def _volume_name(
    prefix: str, disk: Disk, index: int, mode: CloneMode, source: libvirt.virStorageVol
) -> str:
    fmt = "qcow2" if mode is CloneMode.LINKED else _volume_format(source)
    extension = _EXTENSIONS.get(fmt, fmt)
    return f"{prefix}.{extension}" if index == 0 else f"{prefix}-{disk.target_dev}.{extension}"


def _clone_volume(
    source: libvirt.virStorageVol, name: str, mode: CloneMode
) -> libvirt.virStorageVol:
    fmt = _FORMATS.get(_volume_format(source))
    if fmt is None:
        raise ValueError(f"{source.path()} is neither qcow2 nor raw")
    capacity = int(source.info()[1])
    pool = source.storagePoolLookupByVolume()
    new: libvirt.virStorageVol
    if mode is CloneMode.LINKED:
        # The source's image becomes a backing file: never written again.
        new = pool.createXML(volume_xml(name, capacity, "qcow2", (source.path(), fmt)), 0)
    else:
        new = pool.createXMLFrom(volume_xml(name, capacity, fmt), source, 0)
    return new


def _point_at(disk: Disk, vol: libvirt.virStorageVol) -> None:
    if disk.type == "volume":
        disk.source_pool = vol.storagePoolLookupByVolume().name()
        disk.source_volume = vol.name()
    else:
        disk.source_file = vol.path()
    # What libvirt probed of the old image's chain is not the new image's.
    for stale in disk.node.findall("backingStore"):
        disk.node.remove(stale)


def _seed_volume(
    conn: libvirt.virConnect, disk: Disk
) -> tuple[libvirt.virStorageVol, bytes] | None:
    """The CD-ROM's volume and content when it is a cloud-init seed, else None."""
    vol = volume_for_path(conn, disk.path) if disk.path else None
    if vol is None:
        return None  # not in a pool: not a seed kvmgui made; shared as it is
    capacity = int(vol.info()[1])
    if capacity > SEED_MAX_BYTES:
        return None
    data = download_volume_bytes(conn, vol, capacity)
    # cloudinit loads pycdlib and passlib: imported when a CD-ROM is looked
    # into, not when the app starts (issue 13's launch budget).
    from kvmgui.core.cloudinit import read_seed_files

    try:
        read_seed_files(data)
    except ValueError:
        return None
    return vol, data


def _new_nvram_path(
    conn: libvirt.virConnect, dom: Domain, source_name: str, name: str
) -> str | None:
    """Give the clone ``name`` its own UEFI variables file beside the source's; the source's.

    With firmware autoselection libvirt 9.0 leaves the path out of a shut-off
    domain's XML: it is then its default, as virt-clone also reckons it.
    None when the source boots BIOS or its file cannot be told.
    """
    source = (dom.nvram or "").strip()
    if not source:
        if not dom.is_uefi or not conn.getURI().startswith("qemu:///system"):
            return None
        source = posixpath.join(SYSTEM_NVRAM_DIR, f"{source_name}_VARS.fd")
    dom.nvram = posixpath.join(posixpath.dirname(source), f"{name}_VARS.fd")
    return source


def _copy_nvram(conn: libvirt.virConnect, source_path: str, target_path: str | None) -> None:
    """Copy the UEFI variables file through libvirt's storage API.

    libvirt's NVRAM directory is usually in no pool: a transient pool lends
    the API for the copy and goes away after it (the files stay).
    """
    if target_path is None:
        raise ValueError("the clone's definition has no UEFI variables file")
    directory, target_name = posixpath.split(target_path)
    transient: libvirt.virStoragePool | None = None
    try:
        source = volume_for_path(conn, source_path)
        if source is None:
            transient = conn.storagePoolCreateXML(
                dir_pool_xml(f"kvmgui-nvram-{uuid_module.uuid4().hex[:8]}",
                             posixpath.dirname(source_path)), 0,
            )
            source = volume_for_path(conn, source_path)
        if source is None:
            # The source never ran: there is nothing to copy; the clone's is
            # made from the firmware's template at its first start.
            return
        if posixpath.dirname(source.path()) != directory:
            raise ValueError(f"the UEFI variables go to {directory}, not beside the source's")
        pool = source.storagePoolLookupByVolume()
        capacity = int(source.info()[1])
        pool.createXMLFrom(volume_xml(target_name, capacity, "raw"), source, 0)
    finally:
        if transient is not None:
            transient.destroy()
