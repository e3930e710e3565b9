"""Storage pools and volumes for the New-VM wizard, and rollback of a failed create.

Every function here blocks on the daemon: call them from a worker thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import types
from collections.abc import Callable, Iterable, Iterator

import libvirt

from kvmgui.core.errors import is_out_of_space
from kvmgui.core.texts import Translatable
from kvmgui.core.units import format_bytes
from kvmgui.core.xml.properties import parse_xml
from kvmgui.core.xml.storage import VolumeFormat, dir_pool_xml, volume_xml

log = logging.getLogger(__name__)

DEFAULT_POOL_NAME = "default"
DEFAULT_POOL_PATH = "/var/lib/libvirt/images"
_UPLOAD_CHUNK = 256 * 1024
# qemu-img reads one header: seconds are plenty, unless the file hangs (a dead NFS mount).
_QEMU_IMG_TIMEOUT = 30.0


class Rollback:
    """Undo steps of a multi-step create, run newest first if a later step fails.

    ::

        with Rollback() as rollback:
            vol = create_qcow2_volume(pool, ...)
            rollback.push(f"delete {vol.path()}", vol.delete)
            dom = conn.defineXML(xml)  # raises: the volume is deleted, the error propagates

    An undo that fails is logged and skipped, so the others still run and the
    original error is the one the caller sees.
    """

    def __init__(self) -> None:
        self._steps: list[tuple[str, Callable[[], object]]] = []

    def __len__(self) -> int:
        return len(self._steps)

    def push(self, description: str, undo: Callable[[], object]) -> None:
        self._steps.append((description, undo))

    def clear(self) -> None:
        """The whole operation succeeded: forget the undo steps."""
        self._steps.clear()

    def run(self) -> list[str]:
        """Run and forget every undo step, newest first; the descriptions of those that failed."""
        failed: list[str] = []
        while self._steps:
            description, undo = self._steps.pop()
            try:
                undo()
            except Exception:
                log.exception("rollback step failed: %s", description)
                failed.append(description)
        return failed

    def __enter__(self) -> Rollback:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.clear()
        else:
            self.run()


def _is_error(err: libvirt.libvirtError, code: int) -> bool:
    return err.get_error_code() == code


def lookup_pool(conn: libvirt.virConnect, name: str) -> libvirt.virStoragePool | None:
    """The pool called ``name``, or None."""
    try:
        return conn.storagePoolLookupByName(name)
    except libvirt.libvirtError as err:
        if _is_error(err, libvirt.VIR_ERR_NO_STORAGE_POOL):
            return None
        raise


def ensure_default_pool(
    conn: libvirt.virConnect, path: str = DEFAULT_POOL_PATH
) -> libvirt.virStoragePool:
    """The active ``default`` pool, defined (dir at ``path``), built, autostarted if missing.

    An existing ``default`` pool is kept as it is, only started when inactive.
    """
    pool = lookup_pool(conn, DEFAULT_POOL_NAME)
    if pool is None:
        with Rollback() as rollback:
            pool = conn.storagePoolDefineXML(dir_pool_xml(DEFAULT_POOL_NAME, path), 0)
            rollback.push(f"undefine pool {DEFAULT_POOL_NAME}", pool.undefine)
            pool.build(0)  # creates the directory when missing
            pool.setAutostart(1)
            pool.create(0)
    elif not pool.isActive():
        pool.create(0)
    return pool


def pool_free_bytes(pool: libvirt.virStoragePool) -> int:
    """Bytes available in an active pool, refreshed first (0 for an inactive pool)."""
    if not pool.isActive():
        return 0
    try:
        pool.refresh(0)
    except libvirt.libvirtError as err:
        # e.g. a volume is being created; the last known figure is good enough.
        log.debug("pool refresh failed: %s", err)
    info: list[int] = pool.info()
    return int(info[3])


class PoolFullError(ValueError):
    """A volume did not fit in its pool: said with what it needs and what is free.

    ``free_after`` is None when the volume was refused before anything was
    written, else the free space once the write had failed (the pool filled up
    while the volume was written).
    """

    def __init__(
        self, pool: str, what: str, needed: int, free: int, free_after: int | None = None,
    ) -> None:
        sizes = {"needed": format_bytes(needed), "free": format_bytes(free)}
        text = Translatable(
            "storage", "Pool {pool!r} is full: {what} needs {needed} and only {free} is free.",
            pool=pool, what=what, **sizes,
        )
        if free_after is not None:
            text = Translatable(
                "storage",
                "Pool {pool!r} is full: it ran out of space while {what} was written ({what} "
                "needs {needed}; {free} was free when it began, {free_after} is free now).",
                pool=pool, what=what, free_after=format_bytes(free_after), **sizes,
            )
        super().__init__(text)
        self.pool, self.needed, self.free, self.free_after = pool, needed, free, free_after


def make_volume_that_fits(
    pool: libvirt.virStoragePool,
    what: str,
    needed: int,
    make: Callable[[], libvirt.virStorageVol],
) -> libvirt.virStorageVol:
    """``make()`` a volume that writes about ``needed`` bytes into ``pool``.

    PoolFullError, before anything is written, when the pool has less free;
    PoolFullError too when the write fails because the pool filled up meanwhile
    (the file system said so, or less than ``needed`` is free afterwards).
    ``make`` must leave nothing behind when it fails, as libvirt's volume
    creation and ``upload_volume_file`` do. ``what`` names the volume ("the disk").
    """
    free = pool_free_bytes(pool)
    if needed > free:
        raise PoolFullError(pool.name(), what, needed, free)
    try:
        return make()
    except libvirt.libvirtError as err:
        try:
            free_after = pool_free_bytes(pool)
        except libvirt.libvirtError:
            raise err from None  # the first error is the one to tell
        # qemu-img, run by the daemon for a copy, reports ENOSPC in its message only:
        # hence the free space too.
        if is_out_of_space(err) or free_after < needed:
            raise PoolFullError(pool.name(), what, needed, free, free_after) from err
        raise


def create_qcow2_volume(
    pool: libvirt.virStoragePool,
    name: str,
    size_bytes: int,
    backing: tuple[str, VolumeFormat] | None = None,
) -> libvirt.virStorageVol:
    """A new thin qcow2 volume in ``pool``, over ``backing`` (path, format) when given."""
    vol: libvirt.virStorageVol = pool.createXML(volume_xml(name, size_bytes, "qcow2", backing), 0)
    return vol


def upload_volume_bytes(
    conn: libvirt.virConnect,
    pool: libvirt.virStoragePool,
    name: str,
    data: bytes,
) -> libvirt.virStorageVol:
    """A new raw volume holding ``data`` (e.g. a cloud-init seed ISO), sent over libvirt.

    The file then belongs to the daemon, so it works without write access to the
    pool directory, and on remote hosts. The test driver cannot upload.
    """
    view = memoryview(data)
    chunks = (view[start : start + _UPLOAD_CHUNK].tobytes()
              for start in range(0, len(data), _UPLOAD_CHUNK))
    return _upload_volume(conn, pool, name, len(data), chunks)


def upload_volume_file(
    conn: libvirt.virConnect,
    pool: libvirt.virStoragePool,
    name: str,
    path: str,
    progress: Callable[[int, int], None] | None = None,
) -> libvirt.virStorageVol:
    """A new volume holding a copy of the file at ``path`` (an imported disk image).

    The copy keeps the file's format: libvirt detects it when the pool is refreshed.
    ``progress(bytes sent, bytes in all)`` is called after each chunk.
    """
    size = os.path.getsize(path)

    def chunks() -> Iterator[bytes]:
        sent = 0
        with open(path, "rb") as f:
            while chunk := f.read(_UPLOAD_CHUNK):
                yield chunk
                sent += len(chunk)
                if progress is not None:
                    progress(sent, size)

    vol = _upload_volume(conn, pool, name, size, chunks())
    pool.refresh(0)
    return vol


def _upload_volume(
    conn: libvirt.virConnect,
    pool: libvirt.virStoragePool,
    name: str,
    size: int,
    chunks: Iterable[bytes],
) -> libvirt.virStorageVol:
    vol: libvirt.virStorageVol = pool.createXML(volume_xml(name, size, "raw"), 0)
    with Rollback() as rollback:
        rollback.push(f"delete volume {name}", vol.delete)
        stream = conn.newStream(0)
        try:
            vol.upload(stream, 0, size, 0)
            for chunk in chunks:
                sent = 0
                while sent < len(chunk):
                    sent += stream.send(chunk[sent:])
            stream.finish()
        except BaseException:
            try:
                stream.abort()
            except libvirt.libvirtError as err:
                log.debug("stream abort failed: %s", err)
            raise
    return vol


def download_volume_bytes(
    conn: libvirt.virConnect, vol: libvirt.virStorageVol, length: int
) -> bytes:
    """The first ``length`` bytes of ``vol``, read over libvirt (a remote host's too)."""
    stream = conn.newStream(0)
    chunks: list[bytes] = []
    try:
        vol.download(stream, 0, length, 0)
        while True:
            chunk = stream.recv(_UPLOAD_CHUNK)
            if not chunk or not isinstance(chunk, bytes):
                break  # b"" at the end (-2, "would block", only on non-blocking streams)
            chunks.append(chunk)
        stream.finish()
    except BaseException:
        with contextlib.suppress(libvirt.libvirtError):
            stream.abort()
        raise
    return b"".join(chunks)


def volume_for_path(conn: libvirt.virConnect, path: str) -> libvirt.virStorageVol | None:
    """The pool volume at ``path``, or None when no pool holds it (e.g. an ISO in ~/Downloads)."""
    try:
        return conn.storageVolLookupByPath(path)
    except libvirt.libvirtError as err:
        if _is_error(err, libvirt.VIR_ERR_NO_STORAGE_VOL):
            return None
        raise


def delete_volume_by_path(conn: libvirt.virConnect, path: str) -> bool:
    """Delete the pool volume at ``path``; False when no pool holds it (nothing deleted).

    Files outside every pool are left alone: the app deletes only what libvirt manages.
    """
    vol = volume_for_path(conn, path)
    if vol is None:
        return False
    vol.delete(0)
    return True


class ImageHeaderError(Exception):
    """An image's header could not be read, so what it points to is unknown."""


def _local_image_references(path: str) -> list[str]:
    # -U: an image a running VM holds open is read too (its header, not its data).
    try:
        result = subprocess.run(
            ["qemu-img", "info", "--output=json", "-U", path],
            capture_output=True, text=True, timeout=_QEMU_IMG_TIMEOUT, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ImageHeaderError(f"qemu-img could not run: {err}") from err
    if result.returncode != 0:
        raise ImageHeaderError(result.stderr.strip() or f"qemu-img failed ({result.returncode})")
    info = json.loads(result.stdout)
    found = []
    backing = info.get("full-backing-filename") or info.get("backing-filename")
    if backing:
        found.append(str(backing))
    data_file = info.get("format-specific", {}).get("data", {}).get("data-file")
    if data_file:
        found.append(str(data_file))
    return found


def _volume_references(volume: libvirt.virStorageVol) -> list[str]:
    backing = parse_xml(volume.XMLDesc(0)).findtext("backingStore/path")
    return [backing] if backing else []


def image_references(conn: libvirt.virConnect, path: str, *, local: bool) -> list[str]:
    """The other files whose data the image at ``path`` reads: its backing file and
    its qcow2 external data file ([] for a self-contained image).

    A local image's header is read with ``qemu-img info`` (the daemon may not
    know the file); a remote one, or a local one this user may not read, from
    its volume's XML, as the daemon read it. ImageHeaderError when neither can.
    """
    local_error: ImageHeaderError | None = None
    if local:
        try:
            return _local_image_references(path)
        except ImageHeaderError as err:
            local_error = err
    volume = volume_for_path(conn, path)
    if volume is not None:
        return _volume_references(volume)
    if local_error is not None:
        raise local_error
    raise ImageHeaderError(Translatable("storage", "it is in none of the host's storage pools"))
