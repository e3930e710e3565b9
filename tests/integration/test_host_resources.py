"""Host resources on the real qemu:///system through kvmgui's core paths: a dir pool and an
isolated network made, used by a new tiny guest, stopped and deleted; a volume uploaded and
downloaded back byte-identical; a resize that `virsh vol-info` sees; the KVM self-test."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import libvirt
import pytest
from pytestqt.qtbot import QtBot

from kvmgui.core import diagnostics, networks, pools
from kvmgui.core.lifecycle import undefine
from kvmgui.core.networks import NetworkMode, NetworkSpec
from kvmgui.core.pools import PoolKind, PoolSpec
from tests.integration.conftest import BOOT_TIMEOUT, SerialWatch
from tests.integration.guests import PREFIX, free_subnet, make_run_dir, tiny_guest_xml
from tests.qt_helpers import run_task
from tests.system import SYSTEM_URI, SystemHandle

POOL = f"{PREFIX}respool"
NETWORK = f"{PREFIX}resnet"
GUEST = f"{PREFIX}resguest"
MIB = 1024**2


def _remove_all(conn: libvirt.virConnect) -> None:
    """Whatever of this test's objects is left (a failed run)."""
    for remove in (
        lambda: undefine(conn.lookupByName(GUEST)),
        lambda: networks.delete_network(conn, NETWORK),
        lambda: pools.delete_pool(conn, POOL, delete_storage=True),
    ):
        with contextlib.suppress(libvirt.libvirtError):
            remove()


@pytest.fixture
def resources(system_handle: SystemHandle) -> Iterator[libvirt.virConnect]:
    conn = system_handle.conn
    _remove_all(conn)
    yield conn
    _remove_all(conn)


def _vol_info_capacity(name: str) -> str:
    out = subprocess.run(["virsh", "-c", SYSTEM_URI, "vol-info", "--pool", POOL, name],
                         capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Capacity:\s+(.+)$", out, re.MULTILINE)
    assert match is not None, out
    return match.group(1).strip()


def test_pool_network_and_guest_through_core_paths(
    resources: libvirt.virConnect, tiny_guest_iso: Path, tmp_path: Path,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch],
    loop: asyncio.AbstractEventLoop, qtbot: QtBot,
) -> None:
    conn = resources
    directory = make_run_dir("respool")
    shutil.rmtree(directory)  # the pool builds its directory itself
    made = pools.define_pool(conn, PoolSpec(PoolKind.DIR, POOL, str(directory)))
    assert (made.active, made.autostart, made.kind) == (True, True, "dir")
    subnet = free_subnet()
    network = networks.define_network(conn, NetworkSpec(
        NETWORK, NetworkMode.ISOLATED, str(subnet), str(subnet[100]), str(subnet[150])))
    assert (network.mode, network.active) == ("isolated", True)

    # Upload, then download back: the same bytes.
    original = tmp_path / "original.bin"
    original.write_bytes(os.urandom(3 * MIB + 12345))
    sent: list[tuple[int, int]] = []
    pools.upload_file(conn, POOL, f"{PREFIX}upload.raw", str(original),
                      lambda done, total: sent.append((done, total)))
    assert sent[-1] == (original.stat().st_size, original.stat().st_size)
    copy = tmp_path / "copy.bin"
    received: list[tuple[int, int]] = []
    pools.download_volume(conn, POOL, f"{PREFIX}upload.raw", str(copy),
                          lambda done, total: received.append((done, total)))
    assert copy.read_bytes() == original.read_bytes()
    assert received[-1][0] == original.stat().st_size
    with pytest.raises(FileExistsError):  # never over an existing file
        pools.download_volume(conn, POOL, f"{PREFIX}upload.raw", str(copy), lambda *_: None)
    assert copy.read_bytes() == original.read_bytes()

    # A disk, resized: virsh sees the new size.
    disk = pools.create_volume(conn, POOL, f"{GUEST}.qcow2", 64 * MIB, "qcow2")
    assert _vol_info_capacity(f"{GUEST}.qcow2") == "64.00 MiB"
    pools.resize_volume(conn, POOL, f"{GUEST}.qcow2", 128 * MIB)
    assert _vol_info_capacity(f"{GUEST}.qcow2") == "128.00 MiB"
    listed = {v.name: v for v in pools.read_volume_details(
        conn, POOL, [v.name for v in pools.list_volumes(conn, POOL)])}
    assert listed[f"{GUEST}.qcow2"].capacity == 128 * MIB

    # A new tiny guest on the pool's disk and the new network: it boots and takes a lease.
    dom = conn.defineXML(tiny_guest_xml(GUEST, str(tiny_guest_iso), disk=disk.path,
                                        network=NETWORK))
    assert networks.list_networks(conn) and {
        info.name: info for info in networks.list_networks(conn)}[NETWORK].users == (GUEST,)
    dom.create()
    serial = watch_serial(dom)
    ip = run_task(qtbot, loop, serial.ready_ip(), timeout=int(BOOT_TIMEOUT * 1000) + 30000)
    assert ip.startswith(str(subnet.network_address).rsplit(".", 1)[0] + ".")
    leases = networks.dhcp_leases(conn, NETWORK)
    assert ip in [lease.ip for lease in leases]

    # Stopped and deleted, through the same paths.
    dom.destroy()
    undefine(dom)
    networks.stop_network(conn, NETWORK)
    assert not {i.name: i for i in networks.list_networks(conn)}[NETWORK].active
    networks.delete_network(conn, NETWORK)
    assert NETWORK not in [i.name for i in networks.list_networks(conn)]
    pools.stop_pool(conn, POOL)
    pools.start_pool(conn, POOL)
    pools.delete_pool(conn, POOL, delete_storage=True)
    assert POOL not in [i.name for i in pools.list_pools(conn)]
    assert not directory.exists()


def test_kvm_self_test_on_this_machine(resources: libvirt.virConnect) -> None:
    """KVM is offered here but its guests crawl (DESIGN.md): the self-test says TCG."""
    conn = resources
    directory = make_run_dir("selftestpool")
    shutil.rmtree(directory)
    pools.define_pool(conn, PoolSpec(PoolKind.DIR, POOL, str(directory)))
    result = diagnostics.run_kvm_self_test(conn, POOL)
    assert result.tcg.done_s is not None  # the test guest itself works
    assert result.kvm_works is False, result
    assert "TCG is the safe choice" in result.check().found
    assert pools.list_volumes(conn, POOL) == []  # its disk is gone
    assert not [d.name() for d in conn.listAllDomains(0)
                if d.name().startswith(diagnostics.SELF_TEST_PREFIX)]
