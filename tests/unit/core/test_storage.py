"""Pool/volume XML, storage helpers on libvirt's test driver, and Rollback."""

from __future__ import annotations

import logging
from pathlib import Path

import libvirt
import pytest
from lxml import etree

from kvmgui.core import storage
from kvmgui.core.storage import Rollback
from kvmgui.core.xml.storage import dir_pool_xml, volume_xml

SCHEMA_DIR = Path("/usr/share/libvirt/schemas")
GIB = 1024**3


def _schema(name: str) -> etree.RelaxNG:
    path = SCHEMA_DIR / name
    if not path.exists():
        pytest.skip("libvirt's RelaxNG schemas are not installed")
    return etree.RelaxNG(etree.parse(str(path)))


def _el(parent: etree._Element, path: str) -> etree._Element:
    el = parent.find(path)
    assert el is not None, f"no {path}"
    return el


def _attrs(el: etree._Element) -> dict[str, str]:
    return {str(k): str(v) for k, v in el.items()}


def test_volume_xml_plain() -> None:
    root = etree.fromstring(volume_xml("vm1.qcow2", 20 * GIB).encode())
    assert root.tag == "volume"
    assert root.findtext("name") == "vm1.qcow2"
    assert _attrs(_el(root, "capacity")) == {"unit": "bytes"}
    assert root.findtext("capacity") == str(20 * GIB)
    assert root.findtext("allocation") == "0"
    assert _el(root, "target/format").get("type") == "qcow2"
    assert root.findtext("target/compat") == "1.1"
    assert root.find("backingStore") is None


def test_volume_xml_with_backing() -> None:
    xml = volume_xml("vm1.qcow2", 10 * GIB, backing=("/images/debian-12-genericcloud.raw", "raw"))
    root = etree.fromstring(xml.encode())
    assert root.findtext("backingStore/path") == "/images/debian-12-genericcloud.raw"
    assert _el(root, "backingStore/format").get("type") == "raw"


@pytest.mark.parametrize(
    "xml",
    [
        volume_xml("a.qcow2", GIB),
        volume_xml("a.qcow2", GIB, backing=("/b.qcow2", "qcow2")),
        volume_xml("seed.iso", 4096, "raw"),
    ],
)
def test_volume_xml_is_valid_for_libvirt_schema(xml: str) -> None:
    schema = _schema("storagevol.rng")
    assert schema.validate(etree.fromstring(xml.encode())), str(schema.error_log)


def test_raw_volume_has_no_qcow2_options() -> None:
    root = etree.fromstring(volume_xml("seed.iso", 4096, "raw").encode())
    assert _el(root, "target/format").get("type") == "raw"
    assert root.find("target/compat") is None


def test_dir_pool_xml() -> None:
    xml = dir_pool_xml("default", "/var/lib/libvirt/images")
    root = etree.fromstring(xml.encode())
    assert root.get("type") == "dir"
    assert root.findtext("name") == "default"
    assert root.findtext("target/path") == "/var/lib/libvirt/images"
    schema = _schema("storagepool.rng")
    assert schema.validate(root), str(schema.error_log)


@pytest.mark.parametrize(
    ("args", "word"),
    [
        (("", GIB), "name"),
        (("a/b", GIB), "name"),
        (("a", 0), "capacity"),
        (("a", GIB, "vmdk"), "format"),
        (("a", GIB, "raw", ("/b.qcow2", "qcow2")), "qcow2"),
        (("a", GIB, "qcow2", ("relative.qcow2", "qcow2")), "backing"),
    ],
)
def test_volume_xml_refuses(args: tuple[object, ...], word: str) -> None:
    with pytest.raises(ValueError, match=word):
        volume_xml(*args)  # type: ignore[arg-type]


def test_dir_pool_xml_refuses_relative_path() -> None:
    with pytest.raises(ValueError):
        dir_pool_xml("p", "relative")


# --- on libvirt's test driver -------------------------------------------------------------


def test_ensure_default_pool_creates_it(
    empty_test_conn: libvirt.virConnect, tmp_path: Path
) -> None:
    assert storage.lookup_pool(empty_test_conn, "default") is None
    pool = storage.ensure_default_pool(empty_test_conn, str(tmp_path / "images"))
    assert pool.name() == "default"
    assert pool.isActive()
    assert pool.autostart()
    assert etree.fromstring(pool.XMLDesc(0).encode()).findtext("target/path") == str(
        tmp_path / "images"
    )
    # Idempotent: the same pool, not a second definition.
    again = storage.ensure_default_pool(empty_test_conn, "/elsewhere")
    assert again.UUIDString() == pool.UUIDString()
    assert len(empty_test_conn.listAllStoragePools(0)) == 1


def test_ensure_default_pool_starts_an_inactive_one(
    empty_test_conn: libvirt.virConnect, tmp_path: Path
) -> None:
    pool = empty_test_conn.storagePoolDefineXML(dir_pool_xml("default", str(tmp_path)), 0)
    assert not pool.isActive()
    assert storage.ensure_default_pool(empty_test_conn).isActive()
    # The existing definition is kept, not replaced with the default path.
    assert etree.fromstring(pool.XMLDesc(0).encode()).findtext("target/path") == str(tmp_path)


class _FailingPool:
    def __init__(self) -> None:
        self.undefined = False

    def build(self, flags: int) -> None:
        pass

    def setAutostart(self, value: int) -> None:
        pass

    def create(self, flags: int) -> None:
        raise libvirt.libvirtError("cannot start pool")

    def undefine(self) -> None:
        self.undefined = True


class _NoSuchPool(libvirt.libvirtError):
    def get_error_code(self) -> int:
        return int(libvirt.VIR_ERR_NO_STORAGE_POOL)


class _FakeConn:
    def __init__(self, pool: _FailingPool) -> None:
        self.pool = pool

    def storagePoolLookupByName(self, name: str) -> None:
        raise _NoSuchPool("no pool")

    def storagePoolDefineXML(self, xml: str, flags: int) -> _FailingPool:
        return self.pool


def test_ensure_default_pool_undefines_what_it_could_not_start() -> None:
    pool = _FailingPool()
    with pytest.raises(libvirt.libvirtError, match="cannot start pool"):
        storage.ensure_default_pool(_FakeConn(pool))  # type: ignore[arg-type]
    assert pool.undefined


def test_volumes(empty_test_conn: libvirt.virConnect, tmp_path: Path) -> None:
    pool = storage.ensure_default_pool(empty_test_conn, str(tmp_path))
    assert storage.pool_free_bytes(pool) > 0
    base = storage.create_qcow2_volume(pool, "base.qcow2", GIB)
    vol = storage.create_qcow2_volume(pool, "vm.qcow2", 20 * GIB, backing=(base.path(), "qcow2"))
    path = vol.path()
    assert path == str(tmp_path / "vm.qcow2")
    assert vol.info()[1] == 20 * GIB
    found = storage.volume_for_path(empty_test_conn, path)
    assert found is not None
    assert found.name() == "vm.qcow2"
    assert storage.volume_for_path(empty_test_conn, "/not/in/a/pool.iso") is None
    assert storage.delete_volume_by_path(empty_test_conn, path)
    assert storage.volume_for_path(empty_test_conn, path) is None
    assert not storage.delete_volume_by_path(empty_test_conn, path)
    assert [v.name() for v in pool.listAllVolumes(0)] == ["base.qcow2"]


def test_pool_free_bytes_of_inactive_pool(
    empty_test_conn: libvirt.virConnect, tmp_path: Path
) -> None:
    pool = empty_test_conn.storagePoolDefineXML(dir_pool_xml("p", str(tmp_path)), 0)
    assert storage.pool_free_bytes(pool) == 0


def test_volume_for_path_raises_other_errors(tmp_path: Path) -> None:
    node = tmp_path / "node.xml"
    node.write_text("<node/>\n")
    empty_test_conn = libvirt.open(f"test://{node}")
    empty_test_conn.close()  # a dead connection is not "no such volume"
    with pytest.raises(libvirt.libvirtError):
        storage.volume_for_path(empty_test_conn, "/x")


# --- Rollback -----------------------------------------------------------------------------


def test_rollback_runs_newest_first_and_forgets() -> None:
    done: list[str] = []
    rollback = Rollback()
    rollback.push("a", lambda: done.append("a"))
    rollback.push("b", lambda: done.append("b"))
    assert len(rollback) == 2
    assert rollback.run() == []
    assert done == ["b", "a"]
    assert len(rollback) == 0
    assert rollback.run() == []
    assert done == ["b", "a"]


def test_rollback_logs_failing_undo_and_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    done: list[str] = []

    def boom() -> None:
        raise RuntimeError("undo exploded")

    rollback = Rollback()
    rollback.push("first", lambda: done.append("first"))
    rollback.push("exploding", boom)
    rollback.push("last", lambda: done.append("last"))
    with caplog.at_level(logging.ERROR, logger="kvmgui.core.storage"):
        assert rollback.run() == ["exploding"]
    assert done == ["last", "first"]
    assert "exploding" in caplog.text
    assert "undo exploded" in caplog.text


def test_rollback_context_undoes_on_error_and_reraises() -> None:
    done: list[str] = []
    with pytest.raises(KeyError), Rollback() as rollback:
        rollback.push("x", lambda: done.append("x"))
        raise KeyError("step failed")
    assert done == ["x"]


def test_rollback_context_keeps_work_on_success() -> None:
    done: list[str] = []
    with Rollback() as rollback:
        rollback.push("x", lambda: done.append("x"))
    assert done == []
    assert len(rollback) == 0


def test_rollback_context_keeps_original_error_when_undo_fails() -> None:
    def boom() -> None:
        raise RuntimeError("undo failed")

    with pytest.raises(ValueError, match="original"), Rollback() as rollback:
        rollback.push("boom", boom)
        raise ValueError("original")


# --- a volume that does not fit (issue 14: disk full while creating a VM) -----------------


def test_pool_full_says_what_was_asked_and_what_is_free() -> None:
    refused = storage.PoolFullError("small", "the disk", 2 * 1024**3, 40 * 1024**2)
    assert str(refused) == "Pool 'small' is full: the disk needs 2 GiB and only 40 MiB is free."
    filled = storage.PoolFullError("small", "the disk", 80 * 1024**2, 100 * 1024**2,
                                   free_after=1024**2)
    assert str(filled) == (
        "Pool 'small' is full: it ran out of space while the disk was written "
        "(the disk needs 80 MiB; 100 MiB was free when it began, 1 MiB is free now)."
    )


def test_a_volume_that_does_not_fit_is_refused_before_anything_is_made(
    empty_test_conn: libvirt.virConnect, tmp_path: Path,
) -> None:
    pool = storage.ensure_default_pool(empty_test_conn, str(tmp_path))
    free = storage.pool_free_bytes(pool)

    def make() -> libvirt.virStorageVol:
        raise AssertionError("a volume that does not fit was made")

    with pytest.raises(storage.PoolFullError) as refused:
        storage.make_volume_that_fits(pool, "the disk", free + 1, make)
    assert (refused.value.needed, refused.value.free, refused.value.free_after) == (
        free + 1, free, None)


def test_a_failure_with_room_to_spare_is_not_called_full(
    empty_test_conn: libvirt.virConnect, tmp_path: Path,
) -> None:
    pool = storage.ensure_default_pool(empty_test_conn, str(tmp_path))
    taken = volume_xml("taken.qcow2", 1024**2)
    pool.createXML(taken, 0)
    with pytest.raises(libvirt.libvirtError) as failed:  # the name is taken: not a full pool
        storage.make_volume_that_fits(pool, "the disk", 1024**2,
                                      lambda: pool.createXML(taken, 0))
    assert not isinstance(failed.value, storage.PoolFullError)
