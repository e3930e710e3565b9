"""Storage pools and their volumes, as the Storage view manages them.

Pools of four kinds (dir, fs, logical, netfs) are defined, started, stopped,
autostarted, refreshed and deleted; volumes are listed, created, resized,
deleted, uploaded from and downloaded to local files. Listing is in two steps
so that a pool of thousands of volumes shows at once: :func:`list_volumes` is
one RPC (names and keys), :func:`read_volume_details` reads sizes in slices.

Every function here blocks on the daemon: run it through ``Connection.call``.
"""

from __future__ import annotations

import contextlib
import enum
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import cast, get_args

import libvirt
from lxml import etree

from kvmgui.core.storage import Rollback, upload_volume_file
from kvmgui.core.texts import Translatable
from kvmgui.core.xml.properties import parse_xml
from kvmgui.core.xml.storage import VolumeFormat, indented_xml, volume_xml

# (bytes done, bytes in all) — called from the worker thread as a transfer goes.
VOLUME_FORMATS: tuple[str, ...] = get_args(VolumeFormat)
Progress = Callable[[int, int], None]
_CHUNK = 256 * 1024


class PoolKind(enum.Enum):
    """The pool types kvmgui creates; the value is libvirt's ``type``."""

    DIR = "dir"
    FS = "fs"
    LOGICAL = "logical"
    NETFS = "netfs"


POOL_KIND_LABELS = {
    PoolKind.DIR: "Directory",
    PoolKind.FS: "Block device with a file system",
    PoolKind.LOGICAL: "LVM volume group",
    PoolKind.NETFS: "NFS export",
}


@dataclass(frozen=True)
class PoolSpec:
    """What a new pool is: its kind, name, target and (fs, logical, netfs) source.

    ``source`` is a device (fs, logical: the physical volume, optional for an
    existing volume group) or ``host:/export`` (netfs).
    """

    kind: PoolKind
    name: str
    target: str = ""
    source: str = ""

    def problem(self) -> str:
        """Why this spec cannot be defined, or ""."""
        if not self.name or "/" in self.name:
            return Translatable("pools", "Enter a pool name without '/'.")
        if self.kind is not PoolKind.LOGICAL and not self.target.startswith("/"):
            return Translatable("pools", "Enter the pool's directory as an absolute path.")
        if self.kind is PoolKind.FS and not self.source.startswith("/dev/"):
            return Translatable(
                "pools", "Enter the block device (/dev/…) that holds the file system."
            )
        if self.kind is PoolKind.NETFS:
            host, _, export = self.source.partition(":")
            if not host or not export.startswith("/"):
                return Translatable("pools", "Enter the NFS export as host:/path.")
        if self.kind is PoolKind.LOGICAL and self.source and not self.source.startswith("/dev/"):
            return Translatable(
                "pools",
                "Enter the physical volume as /dev/…, or leave it empty for an existing group.",
            )
        return ""


def pool_xml(spec: PoolSpec) -> str:
    """The ``<pool>`` XML of ``spec``; ValueError when the spec has a problem."""
    if problem := spec.problem():
        raise ValueError(problem)
    root = etree.Element("pool", type=spec.kind.value)
    etree.SubElement(root, "name").text = spec.name
    if spec.kind is PoolKind.FS:
        source = etree.SubElement(root, "source")
        etree.SubElement(source, "device", path=spec.source)
    elif spec.kind is PoolKind.NETFS:
        host, _, export = spec.source.partition(":")
        source = etree.SubElement(root, "source")
        etree.SubElement(source, "host", name=host)
        etree.SubElement(source, "dir", path=export)
        etree.SubElement(source, "format", type="nfs")
    elif spec.kind is PoolKind.LOGICAL:
        source = etree.SubElement(root, "source")
        etree.SubElement(source, "name").text = spec.name
        if spec.source:
            etree.SubElement(source, "device", path=spec.source)
    target = etree.SubElement(root, "target")
    etree.SubElement(target, "path").text = (
        f"/dev/{spec.name}" if spec.kind is PoolKind.LOGICAL else spec.target
    )
    return indented_xml(root)


@dataclass(frozen=True)
class PoolInfo:
    """One pool as the Storage view shows it; sizes are bytes (0 when inactive)."""

    name: str
    kind: str
    path: str
    active: bool
    autostart: bool
    persistent: bool
    capacity: int
    allocation: int
    available: int


def _pool_info(pool: libvirt.virStoragePool) -> PoolInfo:
    root = parse_xml(pool.XMLDesc(0))
    _state, capacity, allocation, available = pool.info()
    active = bool(pool.isActive())
    return PoolInfo(
        name=pool.name(),
        kind=root.get("type", ""),
        path=root.findtext("target/path") or "",
        active=active,
        autostart=bool(pool.autostart()),
        persistent=bool(pool.isPersistent()),
        capacity=capacity if active else 0,
        allocation=allocation if active else 0,
        available=available if active else 0,
    )


def list_pools(conn: libvirt.virConnect) -> list[PoolInfo]:
    """Every pool of the host, sorted by name."""
    return sorted((_pool_info(pool) for pool in conn.listAllStoragePools(0)),
                  key=lambda info: info.name)


def pool_info(conn: libvirt.virConnect, name: str) -> PoolInfo:
    return _pool_info(conn.storagePoolLookupByName(name))


def define_pool(conn: libvirt.virConnect, spec: PoolSpec, *, start: bool = True) -> PoolInfo:
    """Define the pool, build it (make the directory, format nothing), autostart and start it.

    A pool whose build or start fails is undefined again: no half-made pool stays.
    """
    with Rollback() as rollback:
        pool = conn.storagePoolDefineXML(pool_xml(spec), 0)
        rollback.push(Translatable("pools", "undefine pool {name}", name=spec.name), pool.undefine)
        if spec.kind in (PoolKind.DIR, PoolKind.NETFS, PoolKind.FS):
            # Makes the target directory; never formats a device (no flags).
            pool.build(0)
        if start:
            pool.create(0)
            pool.setAutostart(1)
    return _pool_info(pool)


def start_pool(conn: libvirt.virConnect, name: str) -> None:
    conn.storagePoolLookupByName(name).create(0)


def stop_pool(conn: libvirt.virConnect, name: str) -> None:
    """Deactivate the pool: its volumes stay where they are."""
    conn.storagePoolLookupByName(name).destroy()


def set_pool_autostart(conn: libvirt.virConnect, name: str, autostart: bool) -> None:
    conn.storagePoolLookupByName(name).setAutostart(int(autostart))


def refresh_pool(conn: libvirt.virConnect, name: str) -> None:
    conn.storagePoolLookupByName(name).refresh(0)


DELETE_POOL_WARNING = (
    "Deleting the pool {name} removes its definition from libvirt. "
    "With \"also delete its storage\", libvirt also deletes the pool's "
    "directory or volume group and every volume in it ({count} volumes): "
    "virtual machines using them will not start again. This cannot be undone."
)


def delete_pool(conn: libvirt.virConnect, name: str, *, delete_storage: bool) -> None:
    """Stop and undefine the pool; with ``delete_storage``, first delete its volumes and storage."""
    pool = conn.storagePoolLookupByName(name)
    if delete_storage:
        if not pool.isActive():
            pool.create(0)
        for vol in pool.listAllVolumes(0):
            vol.delete(0)
        pool.destroy()
        pool.delete(libvirt.VIR_STORAGE_POOL_DELETE_NORMAL)
    elif pool.isActive():
        pool.destroy()
    if pool.isPersistent():
        pool.undefine()


# ---------------------------------------------------------------- volumes


@dataclass(frozen=True)
class VolumeInfo:
    """One volume; ``capacity``/``allocation`` are None until read (see module doc)."""

    name: str
    path: str
    capacity: int | None = None
    allocation: int | None = None
    kind: str = ""


_VOLUME_TYPES = {
    libvirt.VIR_STORAGE_VOL_FILE: "file",
    libvirt.VIR_STORAGE_VOL_BLOCK: "block",
    libvirt.VIR_STORAGE_VOL_DIR: "directory",
    libvirt.VIR_STORAGE_VOL_NETWORK: "network",
    libvirt.VIR_STORAGE_VOL_NETDIR: "network directory",
    libvirt.VIR_STORAGE_VOL_PLOOP: "ploop",
}


def list_volumes(conn: libvirt.virConnect, pool_name: str) -> list[VolumeInfo]:
    """The pool's volumes, names and keys only: one RPC whatever their number.

    The key of a file volume is its path, which libvirt hands over with the list.
    """
    pool = conn.storagePoolLookupByName(pool_name)
    return sorted((VolumeInfo(vol.name(), vol.key()) for vol in pool.listAllVolumes(0)),
                  key=lambda info: info.name)


def read_volume_details(
    conn: libvirt.virConnect, pool_name: str, names: Sequence[str]
) -> list[VolumeInfo]:
    """Sizes and type of the named volumes (one RPC each); gone ones are left out."""
    pool = conn.storagePoolLookupByName(pool_name)
    read: list[VolumeInfo] = []
    for name in names:
        try:
            vol = pool.storageVolLookupByName(name)
            kind, capacity, allocation = vol.info()
        except libvirt.libvirtError as err:
            if err.get_error_code() == libvirt.VIR_ERR_NO_STORAGE_VOL:
                continue
            raise
        read.append(VolumeInfo(name, vol.key(), capacity, allocation,
                               _VOLUME_TYPES.get(kind, "")))
    return read


def create_volume(
    conn: libvirt.virConnect, pool_name: str, name: str, size_bytes: int, fmt: str
) -> VolumeInfo:
    """A new thin volume; ``fmt`` is one of :data:`VOLUME_FORMATS`."""
    if fmt not in VOLUME_FORMATS:
        raise ValueError(Translatable("pools", "unsupported volume format {fmt!r}", fmt=fmt))
    pool = conn.storagePoolLookupByName(pool_name)
    vol = pool.createXML(volume_xml(name, size_bytes, cast(VolumeFormat, fmt)), 0)
    kind, capacity, allocation = vol.info()
    return VolumeInfo(name, vol.key(), capacity, allocation, _VOLUME_TYPES.get(kind, ""))


def resize_volume(conn: libvirt.virConnect, pool_name: str, name: str, size_bytes: int) -> None:
    """Grow (or, when the format allows, shrink) the volume to ``size_bytes``."""
    vol = conn.storagePoolLookupByName(pool_name).storageVolLookupByName(name)
    _kind, capacity, _allocation = vol.info()
    flags = libvirt.VIR_STORAGE_VOL_RESIZE_SHRINK if size_bytes < capacity else 0
    vol.resize(size_bytes, flags)


def delete_volume(conn: libvirt.virConnect, pool_name: str, name: str) -> None:
    conn.storagePoolLookupByName(pool_name).storageVolLookupByName(name).delete(0)


def upload_file(
    conn: libvirt.virConnect, pool_name: str, name: str, path: str, progress: Progress
) -> None:
    """A new volume ``name`` holding a copy of the local file at ``path``."""
    pool = conn.storagePoolLookupByName(pool_name)
    upload_volume_file(conn, pool, name, path, progress)


def download_volume(
    conn: libvirt.virConnect, pool_name: str, name: str, path: str, progress: Progress
) -> None:
    """Copy the volume into the local file ``path`` (made anew; removed if the copy fails)."""
    vol = conn.storagePoolLookupByName(pool_name).storageVolLookupByName(name)
    _kind, capacity, _allocation = vol.info()
    with open(path, "xb") as out:  # never over an existing file
        stream = conn.newStream(0)
        try:
            vol.download(stream, 0, 0, 0)
            done = 0
            for chunk in _received(stream):
                out.write(chunk)
                done += len(chunk)
                progress(done, max(capacity, done))
            stream.finish()
        except BaseException:
            # A broken stream cannot abort: the original error is the one to tell.
            with contextlib.suppress(libvirt.libvirtError):
                stream.abort()
            os.unlink(path)
            raise


def _received(stream: libvirt.virStream) -> Iterator[bytes]:
    while True:
        chunk = stream.recv(_CHUNK)
        if isinstance(chunk, int):  # -2: would block (only on a non-blocking stream)
            continue
        if not chunk:
            return
        yield chunk
