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
import grp
import os
import pwd
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

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
from kvmgui.core.texts import Translatable
from kvmgui.core.xml.domain import SourceKind
from kvmgui.core.xml.properties import parse_xml


class MediaKind(enum.Enum):
    """What a path is meant to be for the new VM."""

    ISO = Translatable("media", "an ISO")  # install media, on a CD-ROM
    DISK_IMAGE = Translatable("media", "a disk image")  # an imported disk, or a cloud image


# The install sources that start from a file, and what that file must be.
SOURCE_MEDIA = {
    SourceKind.ISO: MediaKind.ISO,
    SourceKind.IMPORT: MediaKind.DISK_IMAGE,
    SourceKind.CLOUD_INIT: MediaKind.DISK_IMAGE,
}


@dataclass(frozen=True)
class MediaCheck:
    """Whether ``path`` can be used as ``kind``; the image's format and virtual size if so.

    ``warning`` says why the VM may still fail to start with it (QEMU's user
    may not reach it), without refusing it.
    """

    kind: MediaKind
    path: str
    problem: str | None
    format: ImageFormat | None = None
    virtual_size: int = 0
    warning: str | None = None


@dataclass(frozen=True)
class MediaVolume:
    """A volume in one of the host's pools that can serve as install media or disk image."""

    pool: str
    name: str
    path: str
    kind: MediaKind
    capacity: int
    format: str = ""  # libvirt's volume format ("qcow2", "raw", "iso"; "" when unknown)


def _local_problem(path: str, kind: MediaKind) -> str | None:
    if kind is MediaKind.ISO:
        if not os.path.exists(path):
            return Translatable("media", "There is no such file.")
        if os.path.isdir(path):
            return Translatable("media", "This is a folder, not an ISO image.")
        if not os.access(path, os.R_OK):
            return Translatable("media", "You may not read this file.")
        if not is_iso_file(path):
            return Translatable(
                "media", "This is not an ISO image (no ISO 9660 volume descriptor)."
            )
        return None
    return disk_image_error(path)


def _volume_format(volume_root: etree._Element) -> str:
    return str(volume_root.xpath("string(target/format/@type)"))


def _volume_problem(format_: str, kind: MediaKind) -> str | None:
    if kind is MediaKind.ISO:
        if format_ in ("iso", "raw", ""):
            return None
        return Translatable(
            "media", "This volume is a {format_} disk image, not an ISO image.", format_=format_
        )
    if format_ in ("qcow2", "raw"):
        return None
    if format_ == "iso":
        return Translatable("media", "This is an ISO image: choose it as install media instead.")
    if not format_:
        return Translatable(
            "media", "This volume is in an unknown format: convert it to qcow2 first."
        )
    return Translatable("media", "This volume is in {format_} format: convert it to qcow2 first.",
                        format_=format_)


QEMU_CONF = Path("/etc/libvirt/qemu.conf")
# The user qemu:///system runs QEMU as when qemu.conf does not say (Debian's build).
DEFAULT_QEMU_USER = "libvirt-qemu"
_CONF_SETTING = re.compile(r'\s*(user|group)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class QemuUser:
    """Whom QEMU runs as: its name, uid and groups."""

    name: str
    uid: int
    gids: frozenset[int]


def _conf_settings(conf: Path) -> dict[str, str]:
    try:
        text = conf.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}  # 0600 root: a user who cannot read it gets the default
    return {m[1]: m[2] for line in text.splitlines() if (m := _CONF_SETTING.match(line))}


def system_qemu_user(conf: Path = QEMU_CONF) -> QemuUser | None:
    """The user QEMU of this machine's qemu:///system runs as; None for root or unknown."""
    settings = _conf_settings(conf)
    name = settings.get("user", DEFAULT_QEMU_USER)
    try:
        entry = pwd.getpwuid(int(name[1:])) if name.startswith("+") else pwd.getpwnam(name)
    except (KeyError, ValueError):
        return None
    if entry.pw_uid == 0:
        return None
    gids = set(os.getgrouplist(entry.pw_name, entry.pw_gid))
    group = settings.get("group")
    if group:
        with contextlib.suppress(KeyError, ValueError):
            gids.add(int(group[1:]) if group.startswith("+") else grp.getgrnam(group).gr_gid)
    return QemuUser(entry.pw_name, entry.pw_uid, frozenset(gids))


def _may_search(info: os.stat_result, user: QemuUser) -> bool:
    if info.st_uid == user.uid:
        return bool(info.st_mode & stat.S_IXUSR)
    if info.st_gid in user.gids:
        return bool(info.st_mode & stat.S_IXGRP)
    return bool(info.st_mode & stat.S_IXOTH)


def qemu_reach_problem(path: str, user: QemuUser) -> str | None:
    """Why QEMU, run as ``user``, cannot reach ``path``: a folder on the way it may not
    enter. (libvirt gives QEMU the file itself when the VM starts, not its folders.)
    ACLs are not read: an ACL may grant what the mode bits refuse."""
    for folder in reversed(Path(path).parents):
        try:
            info = folder.stat()
        except OSError:
            return None  # the file's own check says what is wrong
        if not _may_search(info, user):
            return Translatable(
                "media",
                "QEMU runs as {name}, who may not enter {folder}: the VM would fail to start. "
                "Move the file (e.g. to /var/lib/libvirt/images) or let it in ('setfacl -m "
                "u:{name}:x {folder}').",
                name=user.name,
                folder=folder,
            )
    return None


def _runs_qemu_as_system(conn: libvirt.virConnect) -> bool:
    uri = urlsplit(conn.getURI())
    return uri.scheme.startswith("qemu") and uri.path == "/system"


def image_reference_problem(conn: libvirt.virConnect, path: str, *, local: bool) -> str | None:
    """Why the disk image at ``path`` must not be used: its header makes it read
    another file (a backing file, an external data file), which the VM would
    then see; or the header could not be read. None for a self-contained image.
    """
    try:
        references = image_references(conn, path, local=local)
    except ImageHeaderError as err:
        return Translatable(
            "media", "Could not read the image's header ({err}): choose another image.",
            err=err.args[0],
        )
    if not references:
        return None
    return Translatable(
        "media",
        "This image reads its data through {join}: a VM made from it would see that file. Choose "
        "a self-contained image ('qemu-img convert -O qcow2 IMAGE NEW.qcow2' makes one).",
        join=", ".join(references),
    )


def check_media(
    conn: libvirt.virConnect, path: str, kind: MediaKind, *, local: bool
) -> MediaCheck:
    """Whether ``path`` on the connection's host can be ``kind``, and what the image is."""
    noun = (
        Translatable("media", "ISO image")
        if kind is MediaKind.ISO
        else Translatable("media", "disk image")
    )
    if not path:
        return MediaCheck(
            kind,
            path,
            Translatable("media", "Choose an ISO image.")
            if kind is MediaKind.ISO
            else Translatable("media", "Choose a disk image."),
        )
    if not os.path.isabs(path):
        return MediaCheck(
            kind, path, Translatable("media", "Give the full path of the {noun}.", noun=noun)
        )
    if local:
        problem = _local_problem(path, kind)
        if problem is None and kind is MediaKind.DISK_IMAGE:
            problem = image_reference_problem(conn, path, local=True)
        if problem is not None:
            return MediaCheck(kind, path, problem)
        qemu = system_qemu_user() if _runs_qemu_as_system(conn) else None
        warning = qemu_reach_problem(path, qemu) if qemu is not None else None
        if kind is MediaKind.ISO:
            return MediaCheck(kind, path, None, warning=warning)
        return MediaCheck(kind, path, None, disk_image_format(path), disk_image_virtual_size(path),
                          warning=warning)
    volume = volume_for_path(conn, path)
    if volume is None:
        # The host's files are reachable only as volumes: nothing is read from this machine.
        return MediaCheck(
            kind,
            path,
            Translatable(
                "media", "Choose {value} from one of the host's storage pools.", value=kind.value
            ),
        )
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
                    MediaVolume(pool.name(), volume.name(), volume.path(), kind, int(capacity),
                                _volume_format(root))
                )
    return tuple(sorted(found, key=lambda v: (v.pool, v.name)))
