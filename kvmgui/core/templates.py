"""Templates: shut-off VMs kept as the base of linked clones.

A template is marked in kvmgui's metadata and its hard disks are read-only for
its own guest, so that nothing writes the images its clones read through.
Every function here blocks on the daemon: run it in the connection's pool.
"""

from __future__ import annotations

from dataclasses import replace

import libvirt

from kvmgui.core.metadata import metadata_in_domain, set_metadata_in_domain
from kvmgui.core.xml.model import Disk, Domain
from kvmgui.core.xml.properties import parse_xml


def is_hard_disk(disk: Disk) -> bool:
    """A disk a guest writes its system to (not a CD-ROM, floppy or shared disk)."""
    return (disk.device or "disk") in ("disk", "lun") and not disk.shareable


def make_template(dom: libvirt.virDomain) -> None:
    """Mark the shut-off ``dom`` as a template and make its hard disks read-only."""
    if dom.isActive():
        raise ValueError(f"{dom.name()} is running: shut it down first.")
    if not dom.isPersistent():
        raise ValueError(f"{dom.name()} is transient: only a defined VM can be a template.")
    root = parse_xml(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    for disk in Domain(root).disks:
        if is_hard_disk(disk):
            disk.readonly = True
    set_metadata_in_domain(root, replace(metadata_in_domain(root), template=True))
    dom.connect().defineXMLFlags(Domain(root).to_xml(), libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
