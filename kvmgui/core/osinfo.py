"""The osinfo-db operating system list, ISO detection, and checks of user-chosen images.

Reading the database parses about 800 XML files (~0.3 s): call ``load_os_entries``
from a worker thread; the result is cached for the process.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import stat
import subprocess
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from lxml import etree

log = logging.getLogger(__name__)

DEFAULT_DB_DIR = Path("/usr/share/osinfo")
DETECT_TIMEOUT_S = 15.0
_ARCH_PREFERENCE = ("x86_64", "all")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Resources:
    """Resource figures for x86_64 guests; None where the database says nothing."""

    vcpus: int | None = None
    memory_bytes: int | None = None
    storage_bytes: int | None = None

    def filled_from(self, other: Resources) -> Resources:
        return Resources(
            vcpus=self.vcpus if self.vcpus is not None else other.vcpus,
            memory_bytes=self.memory_bytes if self.memory_bytes is not None else other.memory_bytes,
            storage_bytes=(
                self.storage_bytes if self.storage_bytes is not None else other.storage_bytes
            ),
        )

    @property
    def memory_mib(self) -> int | None:
        return None if self.memory_bytes is None else self.memory_bytes // (1024 * 1024)

    @property
    def storage_gib(self) -> float | None:
        return None if self.storage_bytes is None else self.storage_bytes / 1024**3


@dataclass(frozen=True)
class OsEntry:
    """One operating system of osinfo-db (English names)."""

    id: str  # the osinfo URI, e.g. http://debian.org/debian/11
    short_id: str  # the first short id, e.g. debian11
    short_ids: tuple[str, ...]  # every alias, e.g. (debian11, debianbullseye)
    name: str
    vendor: str
    family: str  # linux, winnt, freebsd, ...
    distro: str
    version: str
    codename: str
    release_date: dt.date | None
    eol_date: dt.date | None
    minimum: Resources
    recommended: Resources
    derives_from: str | None = None

    def is_eol(self, today: dt.date | None = None) -> bool:
        return self.eol_date is not None and self.eol_date <= (today or dt.date.today())

    def is_released(self, today: dt.date | None = None) -> bool:
        return self.release_date is None or self.release_date <= (today or dt.date.today())

    @property
    def suggested(self) -> Resources:
        """Recommended figures, minimum ones where osinfo-db recommends nothing."""
        return self.recommended.filled_from(self.minimum)

    @property
    def search_text(self) -> str:
        words = (self.name, *self.short_ids, self.vendor, self.distro, self.codename)
        return " ".join(words).lower()


def _english_text(parent: etree._Element, tag: str) -> str:
    """The untranslated child text (osinfo-db repeats names with xml:lang)."""
    for child in parent.iterfind(tag):
        if child.get(_XML_LANG) is None:
            return (child.text or "").strip()
    return ""


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


@dataclass(frozen=True)
class _Raw:
    entry: OsEntry
    inherits: bool  # resources missing or marked inherit="true": fill from derives-from


def _resources(os_el: etree._Element, kind: str) -> tuple[Resources, bool]:
    """``kind`` (minimum/recommended) resources, x86_64 before "all"; and whether to inherit."""
    by_arch = {el.get("arch", "all"): el for el in os_el.iterfind("resources")}
    result = Resources()
    found = False
    inherit = False
    for arch in _ARCH_PREFERENCE:
        el = by_arch.get(arch)
        if el is None:
            continue
        found = True
        inherit = inherit or el.get("inherit") == "true"
        section = el.find(kind)
        if section is None:
            continue
        result = result.filled_from(
            Resources(
                vcpus=_int(section.findtext("n-cpus")),
                memory_bytes=_int(section.findtext("ram")),
                storage_bytes=_int(section.findtext("storage")),
            )
        )
    return result, inherit or not found


def _parse_file(path: Path) -> _Raw | None:
    try:
        root = etree.parse(str(path)).getroot()
    except (OSError, etree.XMLSyntaxError) as err:
        log.warning("skipping unreadable osinfo file %s: %s", path, err)
        return None
    os_el = root.find("os")
    if os_el is None or not os_el.get("id"):
        return None
    short_ids = tuple(
        (el.text or "").strip() for el in os_el.iterfind("short-id") if (el.text or "").strip()
    )
    if not short_ids:
        return None
    minimum, inherit_min = _resources(os_el, "minimum")
    recommended, inherit_rec = _resources(os_el, "recommended")
    derives = os_el.find("derives-from")
    entry = OsEntry(
        id=os_el.get("id", ""),
        short_id=short_ids[0],
        short_ids=short_ids,
        name=_english_text(os_el, "name") or short_ids[0],
        vendor=_english_text(os_el, "vendor"),
        family=_english_text(os_el, "family"),
        distro=_english_text(os_el, "distro"),
        version=_english_text(os_el, "version"),
        codename=_english_text(os_el, "codename"),
        release_date=_date(_english_text(os_el, "release-date")),
        eol_date=_date(_english_text(os_el, "eol-date")),
        minimum=minimum,
        recommended=recommended,
        derives_from=derives.get("id") if derives is not None else None,
    )
    return _Raw(entry, inherit_min or inherit_rec)


def _resolve_inheritance(raws: dict[str, _Raw]) -> list[OsEntry]:
    resolved: dict[str, OsEntry] = {}

    def resolve(os_id: str, seen: frozenset[str]) -> OsEntry:
        if os_id in resolved:
            return resolved[os_id]
        raw = raws[os_id]
        entry = raw.entry
        parent_id = entry.derives_from
        if raw.inherits and parent_id in raws and parent_id not in seen:
            assert parent_id is not None
            parent = resolve(parent_id, seen | {os_id})
            entry = replace(
                entry,
                minimum=entry.minimum.filled_from(parent.minimum),
                recommended=entry.recommended.filled_from(parent.recommended),
            )
        resolved[os_id] = entry
        return entry

    return [resolve(os_id, frozenset()) for os_id in raws]


def parse_os_db(db_dir: Path) -> tuple[OsEntry, ...]:
    """Read every OS of an osinfo-db directory (the one holding ``os/``); no caching."""
    raws: dict[str, _Raw] = {}
    # vendor/name.xml only: the name.d/ directories hold driver lists of the same OS.
    for path in sorted((db_dir / "os").glob("*/*.xml")):
        raw = _parse_file(path)
        if raw is not None and raw.entry.id not in raws:
            raws[raw.entry.id] = raw
    return tuple(sorted(_resolve_inheritance(raws), key=lambda e: e.name.lower()))


_cache: dict[Path, tuple[OsEntry, ...]] = {}
_cache_lock = threading.Lock()


def default_db_dir() -> Path:
    """Where osinfo-db lives; ``OSINFO_SYSTEM_DIR`` overrides it, as for libosinfo."""
    env = os.environ.get("OSINFO_SYSTEM_DIR")
    return Path(env) if env else DEFAULT_DB_DIR


def load_os_entries(db_dir: Path | None = None) -> tuple[OsEntry, ...]:
    """Every OS of osinfo-db, sorted by name; blocking on first call, then cached."""
    key = db_dir or default_db_dir()
    # The lock makes a second caller wait for the first parse instead of repeating it.
    with _cache_lock:
        if key not in _cache:
            _cache[key] = parse_os_db(key)
        return _cache[key]


def lookup(entries: Iterable[OsEntry], key: str) -> OsEntry | None:
    """The entry whose URI or any short id is ``key``."""
    for entry in entries:
        if key == entry.id or key in entry.short_ids:
            return entry
    return None


def search(
    entries: Sequence[OsEntry], text: str, *, include_eol: bool = True,
    today: dt.date | None = None,
) -> list[OsEntry]:
    """Entries matching every word of ``text``, best first.

    Best: an exact short id, then names starting with the text, then supported
    before end-of-life, then the newest release.
    """
    today = today or dt.date.today()
    needle = text.strip().lower()
    words = needle.split()
    hits = [
        e for e in entries
        if all(w in e.search_text for w in words) and (include_eol or not e.is_eol(today))
    ]

    def rank(e: OsEntry) -> tuple[bool, bool, bool, int, str]:
        released = e.release_date.toordinal() if e.release_date else 0
        return (
            needle not in e.short_ids,
            not e.name.lower().startswith(needle),
            e.is_eol(today),
            -released,
            e.name.lower(),
        )

    return sorted(hits, key=rank)


# --- ISO detection ------------------------------------------------------------------------

_DETECT_RE = re.compile(r"^Media is (?:an installer|live media) for OS '(?P<name>.+)'$", re.M)
_ARCH_SUFFIX_RE = re.compile(r"^(?P<name>.*) \((?P<arch>[\w-]+)\)$")


def parse_detect_output(output: str) -> tuple[str, str | None] | None:
    """The OS name and architecture in ``osinfo-detect --format=plain`` output."""
    match = _DETECT_RE.search(output)
    if match is None:
        return None
    name = match.group("name")
    arch_match = _ARCH_SUFFIX_RE.match(name)
    if arch_match:
        return arch_match.group("name"), arch_match.group("arch")
    return name, None


def detect_iso(
    path: str | os.PathLike[str],
    entries: Sequence[OsEntry] | None = None,
    *,
    timeout: float = DETECT_TIMEOUT_S,
) -> OsEntry | None:
    """The OS an install ISO is for, by ``osinfo-detect``; None when unknown.

    Blocking (reads the ISO, may load the database): call from a worker thread.
    libosinfo 1.10 has only the plain output, which names the OS; several
    entries may share a name, and then the newest is taken.
    """
    # C locale: the output is translated otherwise.
    env = {**os.environ, "LC_ALL": "C", "LANGUAGE": ""}
    try:
        proc = subprocess.run(
            ["osinfo-detect", "--format=plain", "--type=media", os.fspath(path)],
            capture_output=True, text=True, timeout=timeout, env=env, check=False,
        )
    except FileNotFoundError:
        log.info("osinfo-detect is not installed (Debian: libosinfo-bin)")
        return None
    except subprocess.TimeoutExpired:
        log.warning("osinfo-detect took more than %.0f s on %s", timeout, path)
        return None
    parsed = parse_detect_output(proc.stdout)
    if parsed is None:
        return None
    name, _arch = parsed
    candidates = [e for e in (entries if entries is not None else load_os_entries())
                  if e.name == name]
    if not candidates:
        return None
    return max(candidates, key=lambda e: (e.release_date or dt.date.min, e.short_id))


# --- checking files the user picked -------------------------------------------------------

_ISO_MAGIC_OFFSET = 0x8001
_SECTOR = 512
ImageFormat = Literal["qcow2", "raw"]

# Leading bytes of formats that must not be booted as raw.
_FOREIGN_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"KDMV", "a VMware VMDK image: convert it with qemu-img first"),
    (b"vhdxfile", "a Hyper-V VHDX image: convert it with qemu-img first"),
    (b"conectix", "a VirtualPC VHD image: convert it with qemu-img first"),
    (b"QED\x00", "a QED image: convert it to qcow2 with qemu-img first"),
    (b"\xfd7zXZ\x00", "xz-compressed: decompress it first (unxz)"),
    (b"\x1f\x8b", "gzip-compressed: decompress it first (gunzip)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed: decompress it first (unzstd)"),
    (b"BZh", "bzip2-compressed: decompress it first (bunzip2)"),
    (b"PK\x03\x04", "a zip archive: extract the image first"),
)
_VDI_MAGIC_OFFSET = 0x40
_VDI_MAGIC = b"\x7f\x10\xda\xbe"


def _read_at(path: str | os.PathLike[str], offset: int, size: int) -> bytes:
    with open(path, "rb") as f:
        f.seek(offset)
        return f.read(size)


def is_iso_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a regular file with an ISO 9660 volume descriptor ('CD001')."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        return _read_at(path, _ISO_MAGIC_OFFSET, 5) == b"CD001"
    except OSError:
        return False


def disk_image_error(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be used as a qcow2/raw VM disk, or None when it can."""
    try:
        st = os.stat(path)
    except OSError as err:
        return f"Cannot read the file: {err.strerror or err}."
    if not stat.S_ISREG(st.st_mode):
        return "This is not a regular file."
    if not os.access(path, os.R_OK):
        return "You may not read this file."
    try:
        head = _read_at(path, 0, 512)
        iso_magic = _read_at(path, _ISO_MAGIC_OFFSET, 5)
    except OSError as err:
        return f"Cannot read the file: {err.strerror or err}."
    if head.startswith(b"QFI\xfb"):
        return None
    for magic, what in _FOREIGN_MAGIC:
        if head.startswith(magic):
            return f"This is {what}."
    if head[_VDI_MAGIC_OFFSET:_VDI_MAGIC_OFFSET + 4] == _VDI_MAGIC:
        return "This is a VirtualBox VDI image: convert it with qemu-img first."
    if iso_magic == b"CD001":
        return "This is an ISO image: choose it as install media instead."
    if st.st_size == 0:
        return "The file is empty."
    # A raw disk image is whole sectors; anything else is most likely not a disk.
    if st.st_size % _SECTOR:
        return "This is neither a qcow2 image nor a raw disk image (size not a multiple of 512)."
    return None


def disk_image_format(path: str | os.PathLike[str]) -> ImageFormat | None:
    """'qcow2' or 'raw' for a usable disk image, None otherwise (see ``disk_image_error``)."""
    if disk_image_error(path) is not None:
        return None
    try:
        return "qcow2" if _read_at(path, 0, 4) == b"QFI\xfb" else "raw"
    except OSError:
        return None


def disk_image_virtual_size(path: str | os.PathLike[str]) -> int:
    """The size in bytes the guest sees: a qcow2 header's size field, else the file size."""
    head = _read_at(path, 0, 32)
    if head.startswith(b"QFI\xfb") and len(head) == 32:
        return int.from_bytes(head[24:32], "big")
    return os.path.getsize(path)
