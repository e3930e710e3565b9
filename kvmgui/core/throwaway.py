"""Throwaway VMs: a transient domain on overlays of a shut-off VM or template.

Everything written goes to overlays named ``kvmgui-throwaway-<id>…``; when the
guest shuts down the transient domain is gone, and kvmgui deletes the overlays
(:func:`remove_throwaway_volumes`). Overlays left behind (kvmgui was not
running then, or crashed) are found by :func:`find_leftovers`: their id is on
no running domain.

Every function here blocks on the daemon: run it in the connection's pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

import libvirt

from kvmgui.core.domain import DomainInfo, read_domain
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.metadata import metadata_in_domain, read_metadata, set_metadata_in_domain
from kvmgui.core.texts import Sentences, Translatable

log = logging.getLogger(__name__)

VOLUME_PREFIX = "kvmgui-throwaway-"
_ID_LENGTH = 8


class ThrowawayError(LibvirtCallError):
    """A throwaway VM could not start; what was made for it is removed."""


@dataclass(frozen=True)
class Leftover:
    """The overlays of a throwaway VM that no longer runs."""

    throwaway_id: str
    paths: tuple[str, ...]


def run_throwaway(
    conn: libvirt.virConnect, source_uuid: str, progress: Callable[[str], None]
) -> DomainInfo:
    """Start a throwaway VM of the shut-off ``source_uuid``; its snapshot."""
    # Cloning (uuid, storage, the XML model) is loaded when a throwaway starts:
    # the main window's watch for leftovers imports this module at launch.
    import uuid as uuid_module

    from kvmgui.core.clone import STARTING, CloneMode, CloneRefused, clone_definition
    from kvmgui.core.storage import Rollback

    source = conn.lookupByUUIDString(source_uuid)
    if source.isActive():
        raise CloneRefused(Translatable(
            "throwaway",
            "{name} is running: shut it down first. A throwaway reads through its disks, which "
            "must not change under it.",
            name=source.name(),
        ))
    throwaway_id = uuid_module.uuid4().hex[:_ID_LENGTH]
    name = f"{source.name()}-throwaway-{throwaway_id}"
    rollback = Rollback()
    step = ""

    def begin(what: str) -> None:
        nonlocal step
        step = what
        progress(what)

    try:
        dom = clone_definition(
            conn, source.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE), name,
            f"{VOLUME_PREFIX}{throwaway_id}", CloneMode.LINKED, begin, rollback,
        )
        dom.nvram = None  # fresh UEFI variables: the source's are left alone
        meta = metadata_in_domain(dom.node)
        set_metadata_in_domain(dom.node, replace(meta, throwaway_id=throwaway_id))
        begin(STARTING)
        created = conn.createXML(dom.to_xml(), 0)
        info = read_domain(created)
    except (libvirt.libvirtError, ValueError, OSError) as err:
        message = err.get_error_message() if isinstance(err, libvirt.libvirtError) else str(err)
        left = rollback.run()
        text = Sentences(
            Translatable("throwaway", "{step} failed: {message}", step=step, message=message),
            Translatable("throwaway", "Could not remove: {left}.", left="; ".join(left))
            if left else "",
        )
        raise ThrowawayError(
            Translatable("throwaway", "Could not run a throwaway of {name}", name=source.name()),
            text,
        ) from err
    rollback.clear()
    return info


def _throwaway_volumes(conn: libvirt.virConnect) -> dict[str, list[libvirt.virStorageVol]]:
    """Every throwaway overlay in the active pools, by throwaway id."""
    found: dict[str, list[libvirt.virStorageVol]] = {}
    for pool in conn.listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE):
        pool.refresh(0)
        for vol in pool.listAllVolumes(0):
            name = vol.name()
            if name.startswith(VOLUME_PREFIX):
                throwaway_id = name[len(VOLUME_PREFIX):][:_ID_LENGTH]
                found.setdefault(throwaway_id, []).append(vol)
    return found


def remove_throwaway_volumes(conn: libvirt.virConnect, throwaway_id: str) -> list[str]:
    """Delete the overlays of throwaway ``throwaway_id``; those that could not be, with why."""
    failures = []
    for vol in _throwaway_volumes(conn).get(throwaway_id, []):
        try:
            vol.delete(0)
        except libvirt.libvirtError as err:
            failures.append(f"{vol.path()}: {err.get_error_message()}")
    return failures


def find_leftovers(conn: libvirt.virConnect) -> list[Leftover]:
    """Overlays of throwaway VMs that run no more (left by a crash, or by a
    shutdown while kvmgui was not watching)."""
    volumes = _throwaway_volumes(conn)
    if not volumes:
        return []
    running = set()
    for dom in conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE):
        try:
            running.add(read_metadata(dom).throwaway_id)
        except libvirt.libvirtError as err:
            if err.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN:
                raise
    return [
        Leftover(throwaway_id, tuple(sorted(vol.path() for vol in vols)))
        for throwaway_id, vols in sorted(volumes.items())
        if throwaway_id not in running
    ]
