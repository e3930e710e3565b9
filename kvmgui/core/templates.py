"""Templates: shut-off VMs kept as the base of linked clones.

A template is marked in kvmgui's metadata and its hard disks are read-only for
its own guest, so that nothing writes the images its clones read through.
Every function here blocks on the daemon: run it in the connection's pool.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

import libvirt

from kvmgui.core.clone import CloneMode, CloneRequest, is_hard_disk
from kvmgui.core.domain import DomainInfo
from kvmgui.core.metadata import metadata_in_domain, set_metadata_in_domain
from kvmgui.core.texts import Translatable
from kvmgui.core.xml.model import Domain
from kvmgui.core.xml.properties import parse_xml


def make_template(dom: libvirt.virDomain) -> None:
    """Mark the shut-off ``dom`` as a template and make its hard disks read-only."""
    if dom.isActive():
        raise ValueError(
            Translatable("templates", "{name} is running: shut it down first.", name=dom.name())
        )
    if not dom.isPersistent():
        raise ValueError(Translatable(
            "templates", "{name} is transient: only a defined VM can be a template.",
            name=dom.name(),
        ))
    root = parse_xml(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    for disk in Domain(root).disks:
        if is_hard_disk(disk):
            disk.readonly = True
    set_metadata_in_domain(root, replace(metadata_in_domain(root), template=True))
    dom.connect().defineXMLFlags(Domain(root).to_xml(), libvirt.VIR_DOMAIN_DEFINE_VALIDATE)


def template_clone_request(
    template: DomainInfo, existing: Collection[str]
) -> CloneRequest:
    """A linked clone of ``template`` named ``<template>-<first free number>``, started."""
    number = 1
    while f"{template.name}-{number}" in existing:
        number += 1
    return CloneRequest(
        template.uuid, (f"{template.name}-{number}",), CloneMode.LINKED, start=True
    )


def clones_backed_by(dom: libvirt.virDomain) -> list[str]:
    """The names of the other domains whose disks read through ``dom``'s disks (linked clones).

    The backing files are read from the storage pools (libvirt keeps a shut-off
    domain's chain nowhere else), so clones whose overlays are in no pool are missed.
    """
    conn = dom.connect()
    own = {disk.path for disk in Domain(parse_xml(dom.XMLDesc(0))).disks if disk.path}
    overlays: set[str] = set()
    for pool in conn.listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE):
        for vol in pool.listAllVolumes(0):
            backing = parse_xml(vol.XMLDesc(0)).findtext("backingStore/path")
            if backing in own:
                overlays.add(vol.path())
    if not overlays:
        return []
    names = []
    for other in conn.listAllDomains(0):
        if other.UUIDString() == dom.UUIDString():
            continue
        paths = {disk.path for disk in Domain(parse_xml(other.XMLDesc(0))).disks}
        if paths & overlays:
            names.append(other.name())
    return sorted(names)
