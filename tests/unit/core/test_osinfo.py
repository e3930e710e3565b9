"""osinfo-db reading, search, ISO detection and disk image checks."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import time
from pathlib import Path

import pycdlib
import pytest

from kvmgui.core import osinfo
from kvmgui.core.osinfo import OsEntry, Resources

GIB = 1024**3

_OS_TEMPLATE = """<?xml version="1.0"?>
<libosinfo version="0.0.1">
  <os id="{id}">
    {short_ids}
    <name>{name}</name>
    <name xml:lang="de">Übersetzt {name}</name>
    <vendor>{vendor}</vendor>
    <vendor xml:lang="fr">Projet</vendor>
    <family>linux</family>
    <distro>{distro}</distro>
    <version>{version}</version>
    {extra}
  </os>
</libosinfo>
"""


def _write_os(db: Path, rel: str, **fields: str) -> None:
    path = db / "os" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    short_ids = "".join(f"<short-id>{s}</short-id>" for s in fields.pop("short_ids").split())
    values = {"vendor": "Example Project", "distro": "ex", "version": "1", "extra": "", **fields}
    path.write_text(_OS_TEMPLATE.format(short_ids=short_ids, **values))


@pytest.fixture
def fake_db(tmp_path: Path) -> Path:
    db = tmp_path / "osinfo"
    _write_os(
        db, "example.org/ex-1.xml", id="http://example.org/ex/1", short_ids="ex1 exone",
        name="Example 1",
        extra="""<release-date>2019-01-01</release-date><eol-date>2021-01-01</eol-date>
        <resources arch="all">
          <minimum><n-cpus>1</n-cpus><ram>536870912</ram><storage>5368709120</storage></minimum>
          <recommended><ram>1073741824</ram></recommended>
        </resources>
        <resources arch="x86_64"><recommended><ram>2147483648</ram></recommended></resources>
        <resources arch="aarch64"><recommended><ram>999</ram></recommended></resources>""",
    )
    # No resources of its own: they come from ex1 through derives-from.
    _write_os(
        db, "example.org/ex-2.xml", id="http://example.org/ex/2", short_ids="ex2",
        name="Example 2", version="2",
        extra="""<derives-from id="http://example.org/ex/1"/>
        <release-date>2022-06-01</release-date>""",
    )
    # Own minimum, marked to inherit the rest.
    _write_os(
        db, "example.org/ex-3.xml", id="http://example.org/ex/3", short_ids="ex3",
        name="Example 3", version="3",
        extra="""<derives-from id="http://example.org/ex/2"/>
        <release-date>2023-06-01</release-date>
        <resources arch="all" inherit="true"><minimum><ram>805306368</ram></minimum></resources>""",
    )
    _write_os(
        db, "other.net/zeta.xml", id="http://other.net/zeta/1", short_ids="zeta1",
        name="Zeta OS", vendor="Other", distro="zeta",
        extra="<resources arch='all'><minimum><ram>1</ram></minimum></resources>",
    )
    # A driver list in a .d directory repeats an OS: it must not replace or duplicate it.
    _write_os(
        db, "example.org/ex-1.d/drivers.xml", id="http://example.org/ex/1", short_ids="ex1",
        name="Example 1 drivers",
    )
    (db / "os" / "other.net" / "broken.xml").write_text("<libosinfo><os id=")
    (db / "os" / "other.net" / "noshort.xml").write_text(
        '<libosinfo><os id="http://other.net/x"><name>No short id</name></os></libosinfo>'
    )
    return db


def test_parse_fake_db(fake_db: Path) -> None:
    entries = osinfo.parse_os_db(fake_db)
    assert [e.short_id for e in entries] == ["ex1", "ex2", "ex3", "zeta1"]  # sorted by name
    ex1 = entries[0]
    assert ex1 == OsEntry(
        id="http://example.org/ex/1", short_id="ex1", short_ids=("ex1", "exone"),
        name="Example 1", vendor="Example Project", family="linux", distro="ex", version="1",
        codename="", release_date=dt.date(2019, 1, 1), eol_date=dt.date(2021, 1, 1),
        # x86_64 wins over "all" field by field; aarch64 is ignored.
        minimum=Resources(1, 512 * 1024**2, 5 * GIB),
        recommended=Resources(None, 2 * GIB, None),
    )
    assert ex1.suggested == Resources(1, 2 * GIB, 5 * GIB)
    assert ex1.recommended.memory_mib == 2048
    assert ex1.minimum.storage_gib == 5.0


def test_resources_inherit_through_derives_from(fake_db: Path) -> None:
    entries = {e.short_id: e for e in osinfo.parse_os_db(fake_db)}
    assert entries["ex2"].minimum == entries["ex1"].minimum
    assert entries["ex2"].recommended == entries["ex1"].recommended
    ex3 = entries["ex3"]
    assert ex3.minimum == Resources(1, 768 * 1024**2, 5 * GIB)
    assert ex3.recommended.memory_bytes == 2 * GIB


def test_eol_and_release(fake_db: Path) -> None:
    entries = {e.short_id: e for e in osinfo.parse_os_db(fake_db)}
    assert entries["ex1"].is_eol(dt.date(2021, 1, 1))
    assert not entries["ex1"].is_eol(dt.date(2020, 12, 31))
    assert not entries["ex2"].is_eol(dt.date(2100, 1, 1))
    assert not entries["ex3"].is_released(dt.date(2023, 1, 1))
    assert entries["ex3"].is_released(dt.date(2023, 6, 1))


def test_load_os_entries_caches(fake_db: Path) -> None:
    first = osinfo.load_os_entries(fake_db)
    assert osinfo.load_os_entries(fake_db) is first


def test_default_db_dir_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OSINFO_SYSTEM_DIR", str(tmp_path))
    assert osinfo.default_db_dir() == tmp_path
    monkeypatch.delenv("OSINFO_SYSTEM_DIR")
    assert osinfo.default_db_dir() == Path("/usr/share/osinfo")


def test_lookup(fake_db: Path) -> None:
    entries = osinfo.parse_os_db(fake_db)
    assert osinfo.lookup(entries, "exone").short_id == "ex1"  # type: ignore[union-attr]
    assert osinfo.lookup(entries, "http://example.org/ex/2").short_id == "ex2"  # type: ignore[union-attr]
    assert osinfo.lookup(entries, "nope") is None


def test_search_ranking(fake_db: Path) -> None:
    entries = osinfo.parse_os_db(fake_db)
    today = dt.date(2024, 1, 1)
    # Newest first, EOL last.
    assert [e.short_id for e in osinfo.search(entries, "example", today=today)] == [
        "ex3", "ex2", "ex1",
    ]
    # An exact short id beats everything.
    assert osinfo.search(entries, "ex1", today=today)[0].short_id == "ex1"
    # Every word must match, case-insensitively, in name, ids, vendor or distro.
    assert [e.short_id for e in osinfo.search(entries, "EXAMPLE 2", today=today)] == ["ex2"]
    assert [e.short_id for e in osinfo.search(entries, "other", today=today)] == ["zeta1"]
    assert osinfo.search(entries, "example zeta", today=today) == []
    assert len(osinfo.search(entries, "", today=today)) == 4
    assert "ex1" not in [
        e.short_id for e in osinfo.search(entries, "", include_eol=False, today=today)
    ]


SYSTEM_DB = Path("/usr/share/osinfo/os")
needs_system_db = pytest.mark.skipif(not SYSTEM_DB.is_dir(), reason="osinfo-db not installed")


@needs_system_db
def test_real_db_parses_fast_enough() -> None:
    start = time.perf_counter()
    entries = osinfo.parse_os_db(Path("/usr/share/osinfo"))
    elapsed = time.perf_counter() - start
    assert len(entries) > 300
    assert len({e.id for e in entries}) == len(entries)
    # About 0.2 s here; the bound only catches an accidental quadratic.
    assert elapsed < 5.0
    debian = osinfo.lookup(entries, "debian11")
    assert debian is not None
    assert debian.name == "Debian 11"
    assert debian.family == "linux"
    assert debian.suggested.memory_bytes is not None
    assert osinfo.search(entries, "debian")[0].distro == "debian"


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("Media is bootable.\nMedia is an installer for OS 'Debian 11 (x86_64)'\n",
         ("Debian 11", "x86_64")),
        ("Media is bootable.\nMedia is live media for OS 'Fedora 37 (aarch64)'\n",
         ("Fedora 37", "aarch64")),
        ("Media is an installer for OS 'Microsoft Windows 10'\n", ("Microsoft Windows 10", None)),
        ("Media is an installer for OS 'Ex (Beta) (x86_64)'\n", ("Ex (Beta)", "x86_64")),
        ("Media is not bootable.\n", None),
        ("", None),
    ],
)
def test_parse_detect_output(output: str, expected: tuple[str, str | None] | None) -> None:
    assert osinfo.parse_detect_output(output) == expected


def _fake_detect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    bindir = tmp_path / "bin"
    bindir.mkdir()
    tool = bindir / "osinfo-detect"
    tool.write_text("#!/bin/sh\n" + script + "\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")


def test_detect_iso_maps_the_name(
    fake_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_detect(tmp_path, monkeypatch, "echo 'Media is bootable.'; "
                 "echo \"Media is an installer for OS 'Example 2 (x86_64)'\"")
    entries = osinfo.parse_os_db(fake_db)
    detected = osinfo.detect_iso(tmp_path / "x.iso", entries)
    assert detected is not None
    assert detected.short_id == "ex2"


def test_detect_iso_unknown_name(
    fake_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_detect(tmp_path, monkeypatch, "echo \"Media is an installer for OS 'Nope (x86_64)'\"")
    assert osinfo.detect_iso(tmp_path / "x.iso", osinfo.parse_os_db(fake_db)) is None


def test_detect_iso_times_out(
    fake_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_detect(tmp_path, monkeypatch, "exec sleep 30")
    start = time.monotonic()
    assert osinfo.detect_iso(tmp_path / "x.iso", osinfo.parse_os_db(fake_db), timeout=0.5) is None
    assert time.monotonic() - start < 10


def test_detect_iso_without_the_tool(
    fake_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert osinfo.detect_iso(tmp_path / "x.iso", osinfo.parse_os_db(fake_db)) is None


def _make_iso(path: Path, vol_ident: str = "TEST", bootable: bool = False) -> Path:
    iso = pycdlib.PyCdlib()
    iso.new(interchange_level=3, vol_ident=vol_ident, sys_ident="LINUX")
    data = b"\0" * 2048
    iso.add_fp(io.BytesIO(data), len(data), "/BOOT.;1")
    if bootable:
        iso.add_eltorito("/BOOT.;1", bootcatfile="/BOOT.CAT;1", media_name="noemul")
    iso.write(str(path))
    iso.close()
    return path


@needs_system_db
@pytest.mark.skipif(shutil.which("osinfo-detect") is None, reason="libosinfo-bin not installed")
def test_detect_iso_with_real_tool(tmp_path: Path) -> None:
    # The volume id Debian's netinst ISOs carry, matched by osinfo-db's regex.
    iso = _make_iso(tmp_path / "deb.iso", "Debian 11.5.0 amd64 n", bootable=True)
    detected = osinfo.detect_iso(iso)
    assert detected is not None
    assert detected.short_id == "debian11"
    assert osinfo.detect_iso(_make_iso(tmp_path / "plain.iso")) is None


def test_is_iso_file(tmp_path: Path) -> None:
    assert osinfo.is_iso_file(_make_iso(tmp_path / "a.iso"))
    small = tmp_path / "small"
    small.write_bytes(b"CD001")
    assert not osinfo.is_iso_file(small)
    fake = tmp_path / "fake.iso"
    fake.write_bytes(b"\0" * 0x8001 + b"CD002" + b"\0" * 100)
    assert not osinfo.is_iso_file(fake)
    assert not osinfo.is_iso_file(tmp_path)
    assert not osinfo.is_iso_file(tmp_path / "missing.iso")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "fmt", "error_word"),
    [
        (b"QFI\xfb\x00\x00\x00\x03" + b"\0" * 1000, "qcow2", None),  # qcow2 need not be 512-aligned
        (b"\0" * 1024 * 1024, "raw", None),
        (b"\xeb\x63\x90" + b"\0" * 1021, "raw", None),  # an MBR boot sector
        (b"\0" * 1000, None, "multiple of 512"),
        (b"", None, "empty"),
        (b"\xfd7zXZ\x00" + b"\0" * 506, None, "xz"),
        (b"\x1f\x8b\x08" + b"\0" * 509, None, "gzip"),
        (b"KDMV" + b"\0" * 508, None, "VMDK"),
        (b"\0" * 0x40 + b"\x7f\x10\xda\xbe" + b"\0" * (512 - 0x44), None, "VDI"),
        (b"\0" * 0x8001 + b"CD001" + b"\0" * (0x8800 - 0x8006), None, "ISO"),
    ],
)
def test_disk_image_format(
    tmp_path: Path, data: bytes, fmt: str | None, error_word: str | None
) -> None:
    path = _write(tmp_path / "img", data)
    assert osinfo.disk_image_format(path) == fmt
    error = osinfo.disk_image_error(path)
    if error_word is None:
        assert error is None
    else:
        assert error is not None
        assert error_word in error


def test_disk_image_format_refuses_non_files(tmp_path: Path) -> None:
    assert osinfo.disk_image_format(tmp_path) is None
    assert osinfo.disk_image_format(tmp_path / "missing") is None
    assert "not a regular file" in (osinfo.disk_image_error(tmp_path) or "")


@pytest.mark.skipif(shutil.which("qemu-img") is None, reason="qemu-img not installed")
def test_disk_image_format_of_real_qemu_img_output(tmp_path: Path) -> None:
    import subprocess

    qcow = tmp_path / "a.qcow2"
    raw = tmp_path / "a.raw"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(qcow), "1G"], check=True)
    subprocess.run(["qemu-img", "create", "-q", "-f", "raw", str(raw), "1M"], check=True)
    assert osinfo.disk_image_format(qcow) == "qcow2"
    assert osinfo.disk_image_format(raw) == "raw"
