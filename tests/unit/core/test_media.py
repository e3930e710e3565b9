"""ISO and image paths checked on the connection's host: files locally, volumes remotely."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.media import (
    MediaCheck,
    MediaKind,
    MediaVolume,
    QemuUser,
    check_media,
    list_media_volumes,
    qemu_reach_problem,
    system_qemu_user,
)
from kvmgui.core.uri import is_local_uri
from tests.fleet import write_node

GIB = 1024**3
# A remote host's pools as the test driver holds them (the files need not exist here).
POOLS = """
<pool type='dir'><name>media</name><target><path>/srv/media</path></target>
  <volume type='file'><name>debian-12.iso</name><capacity unit='bytes'>1048576</capacity>
    <target><format type='iso'/></target></volume>
  <volume type='file'><name>cloud.qcow2</name><capacity unit='G'>3</capacity>
    <target><format type='qcow2'/></target></volume>
  <volume type='file'><name>overlay.qcow2</name><capacity unit='G'>3</capacity>
    <target><format type='qcow2'/></target>
    <backingStore><path>/dev/sda</path><format type='raw'/></backingStore></volume>
  <volume type='file'><name>old.vmdk</name><capacity unit='G'>1</capacity>
    <target><format type='vmdk'/></target></volume>
</pool>
<pool type='dir'><name>images</name><target><path>/srv/images</path></target>
  <volume type='file'><name>disk.img</name><capacity unit='G'>2</capacity>
    <target><format type='raw'/></target></volume>
</pool>
"""


@pytest.fixture
def host(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    conn = libvirt.open(f"test://{write_node(tmp_path / 'host.xml', [], POOLS)}")
    yield conn
    conn.close()


@pytest.mark.parametrize(
    ("uri", "local"),
    [
        ("qemu:///system", True),
        ("qemu:///session", True),
        ("qemu+unix:///system", True),
        ("test:///default", True),
        ("test:///srv/fleet.xml", True),
        ("qemu+ssh://dev@build-host/system", False),
        ("qemu+tls://build-host/system", False),
        ("qemu://localhost/system", False),
    ],
)
def test_a_uri_without_a_host_is_this_machine(uri: str, local: bool) -> None:
    assert is_local_uri(uri) is local


def checker(conn: libvirt.virConnect) -> Callable[[Path | str, MediaKind], MediaCheck]:
    """Local checks read the file where it is; the connection is not asked."""
    return lambda path, kind: check_media(conn, str(path), kind, local=True)


def test_local_iso_checks(empty_test_conn: libvirt.virConnect, tmp_path: Path) -> None:
    local = checker(empty_test_conn)
    assert local("", MediaKind.ISO).problem == "Choose an ISO image."
    assert local("install.iso", MediaKind.ISO).problem == "Give the full path of the ISO image."
    assert local(tmp_path / "missing.iso", MediaKind.ISO).problem == "There is no such file."
    assert local(tmp_path, MediaKind.ISO).problem == "This is a folder, not an ISO image."
    text = tmp_path / "notes.txt"
    text.write_text("hello\n" * 10000)
    assert "not an ISO image" in str(local(text, MediaKind.ISO).problem)
    iso = tmp_path / "install.iso"
    iso.write_bytes(b"\0" * 0x8001 + b"CD001" + b"\0" * 2043)
    assert local(iso, MediaKind.ISO) == MediaCheck(MediaKind.ISO, str(iso), None)


def test_local_disk_images_give_format_and_virtual_size(
    empty_test_conn: libvirt.virConnect, tmp_path: Path,
) -> None:
    local = checker(empty_test_conn)
    qcow2 = tmp_path / "cloud.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(qcow2), "3G"], check=True)
    check = local(qcow2, MediaKind.DISK_IMAGE)
    assert (check.problem, check.format, check.virtual_size) == (None, "qcow2", 3 * GIB)
    raw = tmp_path / "disk.img"
    raw.write_bytes(b"\0" * 4096)
    check = local(raw, MediaKind.DISK_IMAGE)
    assert (check.problem, check.format, check.virtual_size) == (None, "raw", 4096)
    vmdk = tmp_path / "disk.vmdk"
    vmdk.write_bytes(b"KDMV" + b"\0" * 1020)
    assert "VMware" in str(local(vmdk, MediaKind.DISK_IMAGE).problem)
    assert local("", MediaKind.DISK_IMAGE).problem == "Choose a disk image."


def qemu_img(*args: str) -> None:
    subprocess.run(["qemu-img", "create", "-q", *args], check=True)


def test_a_local_image_reading_another_file_is_refused(
    empty_test_conn: libvirt.virConnect, tmp_path: Path,
) -> None:
    local = checker(empty_test_conn)
    base, overlay, data = tmp_path / "base.qcow2", tmp_path / "top.qcow2", tmp_path / "data.raw"
    qemu_img("-f", "qcow2", str(base), "64M")
    qemu_img("-f", "qcow2", "-b", str(base), "-F", "qcow2", str(overlay))
    qemu_img("-f", "qcow2", "-o", f"data_file={data}", str(tmp_path / "external.qcow2"), "64M")
    check = local(overlay, MediaKind.DISK_IMAGE)
    assert check.format is None
    assert f"reads its data through {base}" in str(check.problem)
    external = local(tmp_path / "external.qcow2", MediaKind.DISK_IMAGE)
    assert f"through {data}" in str(external.problem)
    assert local(base, MediaKind.DISK_IMAGE).problem is None


def remote(conn: libvirt.virConnect, path: str, kind: MediaKind) -> MediaCheck:
    return check_media(conn, path, kind, local=False)


def test_a_remote_path_must_be_a_volume_of_the_hosts_pools(
    host: libvirt.virConnect, tmp_path: Path,
) -> None:
    iso = tmp_path / "install.iso"  # a real ISO here, but on this machine, not the host
    iso.write_bytes(b"\0" * 0x8001 + b"CD001" + b"\0" * 2043)
    assert remote(host, str(iso), MediaKind.ISO).problem == (
        "Choose an ISO from one of the host's storage pools."
    )
    assert remote(host, str(iso), MediaKind.DISK_IMAGE).problem == (
        "Choose a disk image from one of the host's storage pools."
    )
    assert remote(host, "/srv/media/debian-12.iso", MediaKind.ISO).problem is None
    assert "not an ISO" in str(remote(host, "/srv/media/cloud.qcow2", MediaKind.ISO).problem)


def test_a_remote_disk_image_is_sized_by_its_volume(host: libvirt.virConnect) -> None:
    check = remote(host, "/srv/media/cloud.qcow2", MediaKind.DISK_IMAGE)
    assert (check.problem, check.format, check.virtual_size) == (None, "qcow2", 3 * GIB)
    check = remote(host, "/srv/images/disk.img", MediaKind.DISK_IMAGE)
    assert (check.problem, check.format, check.virtual_size) == (None, "raw", 2 * GIB)
    assert "install media" in str(
        remote(host, "/srv/media/debian-12.iso", MediaKind.DISK_IMAGE).problem
    )
    assert "vmdk" in str(remote(host, "/srv/media/old.vmdk", MediaKind.DISK_IMAGE).problem)


def test_a_remote_volume_with_a_backing_file_is_refused(host: libvirt.virConnect) -> None:
    check = remote(host, "/srv/media/overlay.qcow2", MediaKind.DISK_IMAGE)
    assert "reads its data through /dev/sda" in str(check.problem)


def test_the_hosts_media_volumes_are_listed_by_pool(host: libvirt.virConnect) -> None:
    assert list_media_volumes(host) == (
        MediaVolume("images", "disk.img", "/srv/images/disk.img", MediaKind.DISK_IMAGE, 2 * GIB,
                    "raw"),
        MediaVolume("media", "cloud.qcow2", "/srv/media/cloud.qcow2", MediaKind.DISK_IMAGE,
                    3 * GIB, "qcow2"),
        MediaVolume("media", "debian-12.iso", "/srv/media/debian-12.iso", MediaKind.ISO,
                    1048576, "iso"),
    )  # not overlay.qcow2: it reads /dev/sda


@pytest.mark.integration
def test_system_media_volumes_pass_their_own_check(system: libvirt.virConnect) -> None:
    for volume in list_media_volumes(system):
        check = remote(system, volume.path, volume.kind)
        assert check.problem is None, check
    missing = remote(system, "/nonexistent/kvmgui-test-install.iso", MediaKind.ISO)
    assert missing.problem == "Choose an ISO from one of the host's storage pools."


# --- whether QEMU's user reaches a file (issue 14, hole 8) --------------------------------

NOBODY = QemuUser("nobody", 65534, frozenset({65534}))


def test_the_qemu_user_comes_from_qemu_conf(tmp_path: Path) -> None:
    conf = tmp_path / "qemu.conf"
    conf.write_text('#user = "root"\nuser = "nobody"\ngroup = "+4242"\n')
    user = system_qemu_user(conf)
    assert user is not None and (user.name, user.uid) == ("nobody", 65534)
    assert 4242 in user.gids
    conf.write_text('user = "+0"\n')
    assert system_qemu_user(conf) is None  # root reaches everything
    conf.write_text('user = "no-such-user-kvmgui"\n')
    assert system_qemu_user(conf) is None


def test_a_folder_qemu_may_not_enter_is_named(tmp_path: Path) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    problem = qemu_reach_problem(str(private / "install.iso"), NOBODY)
    # The first folder on the way that nobody may enter (pytest's own are 0700 too).
    blocked = next(p for p in reversed((private / "x").parents) if not p.stat().st_mode & 0o001)
    assert f"may not enter {blocked}:" in str(problem)
    assert qemu_reach_problem("/usr/share/doc/install.iso", NOBODY) is None


def test_a_local_iso_qemu_cannot_reach_is_warned_about(
    system: libvirt.virConnect, tmp_path: Path,
) -> None:
    iso = tmp_path / "install.iso"  # under pytest's 0700 folders
    iso.write_bytes(b"\0" * 0x8001 + b"CD001" + b"\0" * 2043)
    check = check_media(system, str(iso), MediaKind.ISO, local=True)
    assert check.problem is None  # usable, but:
    assert check.warning is not None and "may not enter" in check.warning
