"""Disk full while creating a VM (issue 14), on the real qemu:///system: a dir pool on a
small loop-mounted ext4 file system that fills up before or during the create.

The user reads that the pool is full, with what the disk needs and what is free, and
nothing of the create is left: no volume, no domain.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import libvirt
import pytest
from pytestqt.qtbot import QtBot

from kvmgui.core.create import CreateVmError, create_vm
from kvmgui.core.hostfacts import read_host_facts
from kvmgui.core.lifecycle import undefine
from kvmgui.core.newvm import NewVmChoices, plan_new_vm
from kvmgui.core.storage import PoolFullError, pool_free_bytes
from kvmgui.core.units import format_bytes
from kvmgui.core.xml.domain import NetworkSpec, SourceKind
from kvmgui.ui.mainwindow import MainWindow
from tests.integration.guests import NETWORK_NAME, POOL_DIR, PREFIX, make_run_dir
from tests.integration.wizard_driver import FirstVm, WizardDriver
from tests.qt_helpers import open_connection, run_task
from tests.system import SYSTEM_URI, SystemHandle

MIB = 1024**2
# Sparse: the file system takes little real space until it is written.
FILE_SYSTEM_BYTES = 1200 * MIB
POOL = f"{PREFIX}small"
VM = f"{PREFIX}full"
CREATE_TIMEOUT_MS = 120000
FILLER = "filler"


@dataclass
class SmallPool:
    pool: libvirt.virStoragePool
    mount: Path

    def free_bytes(self) -> int:
        """What a file may still take. The pool's figure is larger: libvirt counts
        f_bfree, which on ext4 includes 16 MiB kept back for its own metadata."""
        stat = os.statvfs(self.mount)
        return stat.f_bavail * stat.f_frsize

    def fill(self, leave_bytes: int) -> None:
        """Take the file system's writable space but ``leave_bytes``, as another writer
        would."""
        with open(self.mount / FILLER, "ab") as filler:
            os.posix_fallocate(filler.fileno(), 0,
                               os.fstat(filler.fileno()).st_size + self.free_bytes() - leave_bytes)

    def volumes(self) -> set[str]:
        """The pool's volumes but the filler (the other writer's)."""
        self.pool.refresh(0)
        return {volume.name() for volume in self.pool.listAllVolumes(0)} - {FILLER}


def _run(*argv: str) -> str:
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout.strip()


def _remove_vm(conn: libvirt.virConnect) -> None:
    with contextlib.suppress(libvirt.libvirtError):
        undefine(conn.lookupByName(VM))


@pytest.fixture
def small_pool(system_handle: SystemHandle) -> Iterator[SmallPool]:
    if os.geteuid() != 0:
        pytest.skip("a loop-mounted file system needs root")
    conn = system_handle.conn
    directory = make_run_dir("disk-full")
    image, mount = directory / "fs.img", directory / "mnt"
    mount.mkdir(exist_ok=True)
    with open(image, "wb") as f:
        f.truncate(FILE_SYSTEM_BYTES)
    # -m 0: no blocks reserved for root, who writes here (the daemon does).
    _run("mkfs.ext4", "-q", "-F", "-m", "0", str(image))
    device = _run("losetup", "--find", "--show", str(image))
    pool = None
    try:
        _run("mount", device, str(mount))
        _remove_vm(conn)  # left by a run that was killed
        pool = conn.storagePoolDefineXML(
            f"<pool type='dir'><name>{POOL}</name><target><path>{mount}</path></target></pool>"
        )
        pool.create(0)
        yield SmallPool(pool, mount)
    finally:
        _remove_vm(conn)
        if pool is not None:
            with contextlib.suppress(libvirt.libvirtError):
                pool.destroy()
            with contextlib.suppress(libvirt.libvirtError):
                pool.undefine()
        subprocess.run(["umount", str(mount)], check=False, capture_output=True)
        subprocess.run(["losetup", "-d", device], check=False, capture_output=True)
        shutil.rmtree(directory, ignore_errors=True)


def choices(**changes: object) -> NewVmChoices:
    base = NewVmChoices(
        source=SourceKind.ISO, name=VM, memory_mib=256, vcpus=1,
        network=NetworkSpec.libvirt_network(NETWORK_NAME), media_path="",
        disk_bytes=32 * MIB, pool=POOL, virt_type="qemu",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def assert_nothing_left(conn: libvirt.virConnect, small: SmallPool, before: set[str]) -> None:
    assert small.volumes() == before
    assert VM not in {dom.name() for dom in conn.listAllDomains(0)}


def test_a_disk_the_pool_has_no_room_for_is_refused_with_both_sizes(
    small_pool: SmallPool, system: libvirt.virConnect, tiny_guest_iso: Path,
    test_network: str,
) -> None:
    plan = plan_new_vm(choices(media_path=str(tiny_guest_iso)), read_host_facts(system))
    small_pool.fill(leave_bytes=4 * MIB)  # after the plan's (the wizard's) own check
    before = small_pool.volumes()
    with pytest.raises(CreateVmError) as failed:
        create_vm(system, plan, lambda *_progress: None)
    full = failed.value.__cause__
    assert isinstance(full, PoolFullError)
    assert failed.value.step == "Creating the disk"
    assert str(failed.value) == (
        f"Could not create {VM}: Creating the disk failed: Pool {POOL!r} is full: the disk "
        f"needs 32 MiB and only {format_bytes(full.free)} is free. Nothing was left behind."
    )
    assert full.free == pool_free_bytes(small_pool.pool)  # libvirt's figure, as it says
    assert_nothing_left(system, small_pool, before)


def test_an_image_copy_that_fills_the_pool_midway_says_so_and_leaves_nothing(
    small_pool: SmallPool, system: libvirt.virConnect, test_network: str,
) -> None:
    image = make_run_dir("disk-full-image") / "disk.img"
    image.write_bytes(os.urandom(24 * MIB))  # not sparse: every byte is written
    plan = plan_new_vm(choices(
        source=SourceKind.IMPORT, media_path=str(image), image_format="raw",
        image_size=24 * MIB, copy_image=True, media_local=True, disk=False,
    ), read_host_facts(system))
    before = small_pool.volumes()
    reports: list[str] = []

    def progress(what: str, _done: int, _total: int) -> None:
        copying = what.startswith("Copying the image")
        if copying and not any(report.startswith("Copying") for report in reports):
            small_pool.fill(leave_bytes=MIB)  # the free-space check passed; now it fills
        reports.append(what)

    try:
        with pytest.raises(CreateVmError) as failed:
            create_vm(system, plan, progress)
    finally:
        image.unlink()
    full = failed.value.__cause__
    assert isinstance(full, PoolFullError)
    assert reports[0] == "Creating the disk"
    assert reports[1] == "Copying the image (1 %)"  # after its first 256 KiB
    assert failed.value.left_behind == []
    assert str(failed.value) == (
        f"Could not create {VM}: Creating the disk failed: Pool {POOL!r} is full: it ran out "
        f"of space while the disk was written (the disk needs 24 MiB; "
        f"{format_bytes(full.free)} was free when it began, "
        f"{format_bytes(full.free_after)} is free now). Nothing was left behind."
    )
    assert full.free > 24 * MIB > full.free_after  # type: ignore[operator]
    assert_nothing_left(system, small_pool, before)


@pytest.mark.parametrize("leave_mib", [4, 16])
def test_a_copy_on_the_host_that_does_not_fit_says_so_and_leaves_nothing(
    small_pool: SmallPool, system: libvirt.virConnect, test_network: str, test_pool: str,
    leave_mib: int,
) -> None:
    # An image in another pool of the host, as a remote user would pick it.
    source = Path(POOL_DIR) / f"{PREFIX}big-image.img"
    source.write_bytes(os.urandom(24 * MIB))
    system.storagePoolLookupByName(test_pool).refresh(0)
    try:
        plan = plan_new_vm(choices(
            source=SourceKind.IMPORT, media_path=str(source), image_format="raw",
            image_size=24 * MIB, copy_image=True, media_local=False, disk=False,
        ), read_host_facts(system))
        # 4 MiB: the pool says about 20 MiB free, refused before the copy. 16 MiB: the pool
        # says 32 MiB (see free_bytes), the daemon's copy runs out of space on the way.
        small_pool.fill(leave_bytes=leave_mib * MIB)
        before = small_pool.volumes()
        with pytest.raises(CreateVmError) as failed:
            create_vm(system, plan, lambda *_progress: None)
    finally:
        source.unlink()
        system.storagePoolLookupByName(test_pool).refresh(0)
    full = failed.value.__cause__
    assert isinstance(full, PoolFullError)
    if leave_mib == 4:
        assert full.free_after is None
        assert f"Pool {POOL!r} is full: the disk needs 24 MiB and only " in str(failed.value)
    else:
        assert full.free >= 24 * MIB
        assert f"Pool {POOL!r} is full: it ran out of space while the disk was written" in (
            str(failed.value))
    assert failed.value.left_behind == []
    assert_nothing_left(system, small_pool, before)


def test_the_wizard_says_the_pool_is_full(
    small_pool: SmallPool, window: MainWindow, qtbot: QtBot, system: libvirt.virConnect,
    tiny_guest_iso: Path, test_network: str, loop: asyncio.AbstractEventLoop,
) -> None:
    driver = WizardDriver()
    open_connection(window.manager, qtbot, SYSTEM_URI)
    wizard = driver.open_wizard(window)
    qtbot.waitUntil(lambda: wizard.facts is not None, timeout=30000)
    vm = FirstVm(VM, str(tiny_guest_iso), POOL, NETWORK_NAME, disk_gib=1)
    run_task(qtbot, loop, driver.first_vm_from_iso(wizard, vm), timeout=60000)
    small_pool.fill(leave_bytes=100 * MIB)  # while the user read the last page
    before = small_pool.volumes()
    with qtbot.waitSignal(window.ops.finished, timeout=CREATE_TIMEOUT_MS):
        driver.finish(wizard)
    message = wizard.finish_page.status_label.text()
    assert message.startswith(
        f"Could not create {VM}: Creating the disk failed: Pool {POOL!r} is full: "
        "the disk needs 1 GiB and only "
    ), message
    assert "MiB is free. Nothing was left behind." in message
    assert wizard.isVisible()
    assert_nothing_left(system, small_pool, before)
