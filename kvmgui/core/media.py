"""Install media and disk images on the connection's host: checked, sized and listed there.

On a local connection (a URI without a host part: ``qemu:///system``,
``test:///…``) the host's disk is this machine's, so a file is checked where it
is. On a remote one, a path is usable only as a volume of one of the host's
storage pools, checked and sized through libvirt. Functions taking a
connection block on the daemon or the disk: run them in the connection's pool.
"""

from __future__ import annotations

import contextlib
import enum
import os
from dataclasses import dataclass

import libvirt
from lxml import etree

from kvmgui.core.osinfo import (
    ImageFormat,
    disk_image_error,
    disk_image_format,
    disk_image_virtual_size,
    is_iso_file,
)
from kvmgui.core.storage import ImageHeaderError, image_references, volume_for_path
from kvmgui.core.xml.domain import SourceKind
from kvmgui.core.xml.properties import parse_xml


class MediaKind(enum.Enum):
    """What a path is meant to be for the new VM."""

    ISO = "an ISO"  # install media, on a CD-ROM
    DISK_IMAGE = "a disk image"  # an imported disk, or a cloud image to overlay


# The install sources that start from a file, and what that file must be.
SOURCE_MEDIA = {
    SourceKind.ISO: MediaKind.ISO,
    SourceKind.IMPORT: MediaKind.DISK_IMAGE,
    SourceKind.CLOUD_INIT: MediaKind.DISK_IMAGE,
}


@dataclass(frozen=True)
class MediaCheck:
    """Whether ``path`` can be used as ``kind``; the image's format and virtual size if so."""

    kind: MediaKind
    path: str
    problem: str | None
    format: ImageFormat | None = None
    virtual_size: int = 0


@dataclass(frozen=True)
class MediaVolume:
    """A volume in one of the host's pools that can serve as install media or disk image."""

    pool: str
    name: str
    path: str
    kind: MediaKind
    capacity: int


def _local_problem(path: str, kind: MediaKind) -> str | None:
    if kind is MediaKind.ISO:
        if not os.path.exists(path):
            return "There is no such file."
        if os.path.isdir(path):
            return "This is a folder, not an ISO image."
        if not os.access(path, os.R_OK):
            return "You may not read this file."
        if not is_iso_file(path):
            return "This is not an ISO image (no ISO 9660 volume descriptor)."
        return None
    return disk_image_error(path)


def _volume_format(volume_root: etree._Element) -> str:
    return str(volume_root.xpath("string(target/format/@type)"))


def _volume_problem(format_: str, kind: MediaKind) -> str | None:
    if kind is MediaKind.ISO:
        if format_ in ("iso", "raw", ""):
            return None
        return f"This volume is a {format_} disk image, not an ISO image."
    if format_ in ("qcow2", "raw"):
        return None
    if format_ == "iso":
        return "This is an ISO image: choose it as install media instead."
    return f"This volume is in {format_ or 'an unknown'} format: convert it to qcow2 first."


def image_reference_problem(conn: libvirt.virConnect, path: str, *, local: bool) -> str | None:
    """Why the disk image at ``path`` must not be used: its header makes it read
    another file (a backing file, an external data file), which the VM would
    then see; or the header could not be read. None for a self-contained image.
    """
    try:
        references = image_references(conn, path, local=local)
    except ImageHeaderError as err:
        return f"Could not read the image's header ({err}): choose another image."
    if not references:
        return None
    return (
        f"This image reads its data through {', '.join(references)}: a VM made from "
        "it would see that file. Choose a self-contained image "
        "('qemu-img convert -O qcow2 IMAGE NEW.qcow2' makes one)."
    )


def check_media(
    conn: libvirt.virConnect, path: str, kind: MediaKind, *, local: bool
) -> MediaCheck:
    """Whether ``path`` on the connection's host can be ``kind``, and what the image is."""
    noun = "ISO image" if kind is MediaKind.ISO else "disk image"
    if not path:
        return MediaCheck(kind, path, f"Choose {'an' if kind is MediaKind.ISO else 'a'} {noun}.")
    if not os.path.isabs(path):
        return MediaCheck(kind, path, f"Give the full path of the {noun}.")
    if local:
        problem = _local_problem(path, kind)
        if problem is None and kind is MediaKind.DISK_IMAGE:
            problem = image_reference_problem(conn, path, local=True)
        if problem is not None or kind is MediaKind.ISO:
            return MediaCheck(kind, path, problem)
        return MediaCheck(kind, path, None, disk_image_format(path), disk_image_virtual_size(path))
    volume = volume_for_path(conn, path)
    if volume is None:
        # The host's files are reachable only as volumes: nothing is read from this machine.
        return MediaCheck(kind, path, f"Choose {kind.value} from one of the host's storage pools.")
    format_ = _volume_format(parse_xml(volume.XMLDesc(0)))
    problem = _volume_problem(format_, kind)
    if problem is None and kind is MediaKind.DISK_IMAGE:
        problem = image_reference_problem(conn, path, local=False)
    if problem is not None or kind is MediaKind.ISO:
        return MediaCheck(kind, path, problem)
    image_format: ImageFormat = "qcow2" if format_ == "qcow2" else "raw"
    _type, capacity, _allocation = volume.info()
    return MediaCheck(kind, path, None, image_format, int(capacity))


def _volume_kind(name: str, format_: str) -> MediaKind | None:
    if format_ == "iso" or name.lower().endswith(".iso"):
        return MediaKind.ISO
    if format_ in ("qcow2", "raw"):
        return MediaKind.DISK_IMAGE
    return None


def list_media_volumes(conn: libvirt.virConnect) -> tuple[MediaVolume, ...]:
    """The ISO images and disk images in the host's active pools, by pool then name."""
    found: list[MediaVolume] = []
    for pool in conn.listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE):
        # Files copied into the pool's directory by hand appear only after a refresh.
        with contextlib.suppress(libvirt.libvirtError):
            pool.refresh(0)
        for volume in pool.listAllVolumes(0):
            root = parse_xml(volume.XMLDesc(0))
            kind = _volume_kind(volume.name(), _volume_format(root))
            # An overlay (another VM's disk, most likely) is refused as an image: not offered.
            if kind is MediaKind.DISK_IMAGE and root.find("backingStore/path") is not None:
                continue
            if kind is not None:
                _type, capacity, _allocation = volume.info()
                found.append(
                    MediaVolume(pool.name(), volume.name(), volume.path(), kind, int(capacity))
                )
    return tuple(sorted(found, key=lambda v: (v.pool, v.name)))
