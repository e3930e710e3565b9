"""Lifecycle actions on domains: which states allow them and the call each makes."""

from __future__ import annotations

import enum
import logging
import os
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libvirt

from kvmgui.core.domain import DomainInfo, DomainState
from kvmgui.core.texts import Translatable
from kvmgui.core.uri import is_local_uri

# Storage and the domain XML model are loaded by the deleting functions: the
# lifecycle actions are in every main window, which must not wait for them
# before its first paint (bench_startup.py).
if TYPE_CHECKING:
    from kvmgui.core.xml.model import Disk

log = logging.getLogger(__name__)

_RUNNING = frozenset({DomainState.RUNNING, DomainState.BLOCKED})
_ACTIVE = frozenset(state for state in DomainState if state.is_active)


@dataclass(frozen=True)
class ActionSpec:
    label: str
    verb: str
    states: frozenset[DomainState]
    run: Callable[[libvirt.virDomain], object]
    needs_persistent: bool = False


class Action(enum.Enum):
    START = ActionSpec(
        Translatable("lifecycle", "Start"), Translatable("lifecycle", "start"),
        frozenset({DomainState.SHUTOFF, DomainState.CRASHED}),
        libvirt.virDomain.create, needs_persistent=True,
    )
    PAUSE = ActionSpec(
        Translatable("lifecycle", "Pause"),
        Translatable("lifecycle", "pause"),
        _RUNNING,
        libvirt.virDomain.suspend,
    )
    RESUME = ActionSpec(
        Translatable("lifecycle", "Resume"),
        Translatable("lifecycle", "resume"),
        frozenset({DomainState.PAUSED}),
        libvirt.virDomain.resume,
    )
    SHUTDOWN = ActionSpec(
        Translatable("lifecycle", "Shut Down"),
        Translatable("lifecycle", "shut down"),
        _RUNNING,
        libvirt.virDomain.shutdown,
    )
    REBOOT = ActionSpec(
        Translatable("lifecycle", "Reboot"),
        Translatable("lifecycle", "reboot"),
        _RUNNING,
        libvirt.virDomain.reboot,
    )
    FORCE_OFF = ActionSpec(
        Translatable("lifecycle", "Force Off"),
        Translatable("lifecycle", "force off"),
        _ACTIVE,
        libvirt.virDomain.destroy,
    )
    SAVE = ActionSpec(
        Translatable("lifecycle", "Save"), Translatable("lifecycle", "save"),
        frozenset({DomainState.RUNNING, DomainState.BLOCKED, DomainState.PAUSED}),
        libvirt.virDomain.managedSave, needs_persistent=True,
    )

    @property
    def spec(self) -> ActionSpec:
        value: ActionSpec = self.value
        return value

    def allowed_for(self, info: DomainInfo) -> bool:
        spec = self.spec
        return info.state in spec.states and (info.persistent or not spec.needs_persistent)

    def refusal(self, info: DomainInfo) -> str:
        """Why the action cannot run on this domain now ("" when it can)."""
        if self.allowed_for(info):
            return ""
        if self.spec.needs_persistent and not info.persistent:
            return Translatable("lifecycle", "{name} is transient: it cannot {verb}.",
                                name=info.name, verb=self.spec.verb)
        return Translatable("lifecycle", "{name} is {state}: it cannot {verb} now.",
                            name=info.name, state=info.state_text.lower(), verb=self.spec.verb)


# Everything libvirt keeps beside a domain's definition goes with it; older
# drivers reject flags they don't know, so fewer are tried after.
_UNDEFINE_FLAG_SETS = (
    libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
    | libvirt.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA
    | libvirt.VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA
    | libvirt.VIR_DOMAIN_UNDEFINE_NVRAM,
    libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | libvirt.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA,
    0,
)


def undefine(dom: libvirt.virDomain) -> None:
    """Stop the domain if it runs and remove its definition, managed save, snapshots, NVRAM."""
    if dom.isActive():
        dom.destroy()
    if not dom.isPersistent():
        return  # a transient domain vanished when it stopped
    last_error: libvirt.libvirtError | None = None
    for flags in _UNDEFINE_FLAG_SETS:
        try:
            dom.undefineFlags(flags)
            return
        except libvirt.libvirtError as err:
            if err.get_error_code() not in (
                libvirt.VIR_ERR_INVALID_ARG, libvirt.VIR_ERR_NO_SUPPORT,
                libvirt.VIR_ERR_ARGUMENT_UNSUPPORTED,
            ):
                raise
            last_error = err
    assert last_error is not None
    raise last_error


@dataclass(frozen=True)
class DiskChoice:
    """A disk of a domain as the delete dialog offers it."""

    target: str
    path: str
    device: str
    is_volume: bool  # only storage volumes can be removed through libvirt
    # Other domains that read this file, as their disk or in their backing chain.
    used_by: tuple[str, ...] = ()
    is_seed: bool = False  # the cloud-init seed kvmgui made for it (holds the password hash)

    @property
    def ticked_by_default(self) -> bool:
        """Only the seed: a secret no one else needs. Disks are kept unless ticked."""
        return self.is_seed and self.is_volume and not self.used_by


# A backing chain is followed this deep at most (qemu's own limit is far higher,
# but a loop in a broken chain must end).
_MAX_CHAIN = 16


def disk_file(conn: libvirt.virConnect, disk: Disk) -> str | None:
    """A disk's file or device: its source, or its pool volume's path (None: gone, or a
    network disk)."""
    if disk.path is not None or not (disk.source_pool and disk.source_volume):
        return disk.path
    try:
        pool = conn.storagePoolLookupByName(disk.source_pool)
        path: str = pool.storageVolLookupByName(disk.source_volume).path()
    except libvirt.libvirtError as err:
        log.debug("volume %s/%s not found: %s", disk.source_pool, disk.source_volume, err)
        return None
    return path


def _disk_files(conn: libvirt.virConnect, disk: Disk, local: bool) -> set[str]:
    """The files a disk reads: its source and its whole backing chain."""
    from kvmgui.core.storage import ImageHeaderError, image_references

    path = disk_file(conn, disk)
    if path is None:
        return set()
    files = {path, *disk.backing_paths}
    if disk.backing_paths or disk.driver_type in ("raw", None) or disk.device != "disk":
        return files  # the chain is in the XML (a running domain), or there is none
    pending = [path]
    while pending and len(files) < _MAX_CHAIN:
        try:
            found = image_references(conn, pending.pop(), local=local)
        except ImageHeaderError as err:
            log.debug("backing chain of %s not read: %s", path, err)
            break
        pending += [p for p in found if p not in files]
        files.update(found)
    return files


def _running_and_defined_disks(dom: libvirt.virDomain) -> list[Disk]:
    """The disks of what runs and of the definition: a disk added or removed for the
    next boot counts."""
    from kvmgui.core.xml.model import Domain

    xmls = [dom.XMLDesc(0)]
    if dom.isActive():
        xmls.append(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    return [disk for xml in xmls for disk in Domain.from_xml(xml).disks]


def path_users(
    conn: libvirt.virConnect, paths: Collection[str], exclude_uuid: str | None = None,
) -> dict[str, tuple[str, ...]]:
    """For each path, the domains (by name; all but ``exclude_uuid``) that read it, as
    their disk's file, as a pool volume, or in a backing chain, running or at next boot."""
    users: dict[str, list[str]] = {path: [] for path in paths}
    if not users:
        return {}
    local = is_local_uri(conn.getURI())
    for other in conn.listAllDomains(0):
        if other.UUIDString() == exclude_uuid:
            continue
        try:
            disks = _running_and_defined_disks(other)
        except libvirt.libvirtError as err:
            if err.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN:
                continue  # undefined meanwhile
            raise
        read = set().union(*(_disk_files(conn, disk, local) for disk in disks))
        for path in read & users.keys():
            users[path].append(other.name())
    return {path: tuple(sorted(names)) for path, names in users.items()}


def disks_for_delete(dom: libvirt.virDomain) -> list[DiskChoice]:
    """The domain's file-backed disks: which libvirt can remove, who else uses them,
    and which is its cloud-init seed."""
    from kvmgui.core.storage import volume_for_path
    from kvmgui.core.xml.domain import domain_disks

    conn = dom.connect()
    disks = [(disk, disk.path) for disk in domain_disks(dom.XMLDesc(0)) if disk.path]
    users = path_users(conn, [path for _disk, path in disks], dom.UUIDString())
    # newvm pulls cloud-init's ISO and hash libraries in: not at launch (bench_startup.py).
    from kvmgui.core.newvm import seed_volume_name

    seed = seed_volume_name(dom.name())
    return [
        DiskChoice(
            disk.target, path, disk.device,
            is_volume=volume_for_path(conn, path) is not None,
            used_by=users[path],
            is_seed=disk.device == "cdrom" and os.path.basename(path) == seed,
        )
        for disk, path in disks
    ]


def delete_domain(
    dom: libvirt.virDomain, volume_paths: list[str], confirmed_shared: Collection[str] = ()
) -> list[str]:
    """Undefine the domain, then remove the volumes the user ticked.

    A volume that other domains read (found again now: they may have changed
    since the dialog) is kept unless its path is in ``confirmed_shared``, which
    the user confirmed separately. The definition goes first so that a failure
    leaves the disks in place rather than a domain pointing at missing disks.
    Returns the volumes that could not be removed, with why.
    """
    from kvmgui.core.storage import delete_volume_by_path

    conn = dom.connect()
    users = path_users(conn, volume_paths, dom.UUIDString())
    undefine(dom)
    failures = []
    for path in volume_paths:
        if users[path] and path not in confirmed_shared:
            failures.append(f"{path}: kept, used by {', '.join(users[path])}")
            continue
        try:
            if not delete_volume_by_path(conn, path):
                failures.append(f"{path}: no storage pool holds it")
        except libvirt.libvirtError as err:
            failures.append(f"{path}: {err.get_error_message()}")
    return failures
