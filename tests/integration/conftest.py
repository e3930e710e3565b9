"""Integration fixtures: the real qemu:///system, a test pool and network, tiny guests.

Everything made here is named kvmgui-test-* and removed by the fixture that
made it. Under CI=true a skip is a failure (tests/conftest.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.lifecycle import undefine
from kvmgui.core.serial import SerialConsoleStream
from tests.integration.guests import (
    NETWORK_NAME,
    NETWORK_XML,
    POOL_NAME,
    POOL_XML,
    PREFIX,
    RUN_DIR,
    make_run_dir,
    tiny_guest_xml,
    volume_xml,
)
from tests.serial_reader import SerialLineReader
from tests.system import SystemHandle

REPO = Path(__file__).resolve().parents[2]
# Under the checkout (ignored by git), as in the Makefile: a fixed path under
# /var/tmp could be a symlink planted by another user.
GUEST_DIR = REPO / ".cache" / "guest"
READY = r"TINY-GUEST READY ip=(\S+)"
LEASED = r"TINY-GUEST READY ip=(\d+\.\d+\.\d+\.\d+)"
# TCG boot to READY takes about 8 s with a lease; allow for two busy cores.
BOOT_TIMEOUT = 90.0


def build_tiny_guest() -> Path:
    """The tiny guest's ISO: $KVMGUI_TINY_GUEST, or built (and cached) in GUEST_DIR.

    The builder runs every time: it returns at once when the cached ISO was
    built by the same script, and rebuilds it when the script has changed.
    Raises :class:`subprocess.CalledProcessError` when it cannot be built.
    """
    given = os.environ.get("KVMGUI_TINY_GUEST")
    iso = Path(given) if given else GUEST_DIR / "tiny-guest.iso"
    if not given:
        subprocess.run(
            ["bash", str(REPO / "tests/guest/build-tiny-guest.sh"), str(iso.parent)],
            capture_output=True, text=True, timeout=600, check=True,
        )
    return iso


def stage_tiny_guest() -> Path:
    """The tiny guest's ISO, built if needed and copied into the test pool's
    directory: QEMU runs as libvirt-qemu, which cannot enter a checkout under a
    0700 home such as /root. The copy goes with the pool's directory."""
    iso = make_run_dir("pool") / f"{PREFIX}tiny-guest.iso"
    shutil.copyfile(build_tiny_guest(), iso)
    iso.chmod(0o644)
    return iso


@pytest.fixture(scope="session")
def tiny_guest_iso(test_pool: str) -> Iterator[Path]:
    try:
        iso = stage_tiny_guest()
    except subprocess.CalledProcessError as err:
        pytest.skip(f"cannot build the tiny test guest: {err.stderr[-500:]}")
    yield iso
    iso.unlink(missing_ok=True)


def _remove_network(system: libvirt.virConnect) -> None:
    with contextlib.suppress(libvirt.libvirtError):
        network = system.networkLookupByName(NETWORK_NAME)
        if network.isActive():
            network.destroy()
        network.undefine()


def _remove_pool(system: libvirt.virConnect) -> None:
    with contextlib.suppress(libvirt.libvirtError):
        pool = system.storagePoolLookupByName(POOL_NAME)
        if not pool.isActive():
            pool.create()
        for volume in pool.listAllVolumes():
            if volume.name().startswith(PREFIX):
                volume.delete()
        pool.destroy()
        pool.undefine()


@pytest.fixture(scope="session")
def test_network(system_handle: SystemHandle) -> Iterator[str]:
    network = system_handle.conn.networkDefineXML(NETWORK_XML)
    network.create()
    yield NETWORK_NAME
    _remove_network(system_handle.conn)


@pytest.fixture(scope="session")
def test_pool(system_handle: SystemHandle) -> Iterator[str]:
    make_run_dir("pool")
    pool = system_handle.conn.storagePoolDefineXML(POOL_XML)
    pool.create()
    yield POOL_NAME
    _remove_pool(system_handle.conn)
    shutil.rmtree(RUN_DIR, ignore_errors=True)


#: How long a clean-up keeps trying to remove a guest. Just after a daemon
#: restart, libvirtd may still hold the guest's job while it reattaches to (or,
#: failing that, kills) its QEMU: a destroy then failed, the failure was
#: swallowed, and the guest left behind failed a later test that counts an
#: ISO's users (CI, 2026-12-04).
REMOVE_TIMEOUT_S = 30.0
REMOVE_RETRY_S = 0.5


def remove_guest(system: libvirt.virConnect | SystemHandle, name: str) -> None:
    """Remove a test guest and its volume in the test pool, whatever is left of
    them; raises when the guest is still defined after REMOVE_TIMEOUT_S. Given a
    handle, its connection is asked anew at each try: it is reopened if the
    daemon restarted."""

    def conn() -> libvirt.virConnect:
        return system.conn if isinstance(system, SystemHandle) else system

    deadline = time.monotonic() + REMOVE_TIMEOUT_S
    while True:
        try:
            undefine(conn().lookupByName(name))
            break
        except libvirt.libvirtError as err:
            if err.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN:
                break  # gone (or never made)
            if time.monotonic() > deadline:
                raise
        # Nothing announces that libvirtd let go of the guest: ask again shortly.
        time.sleep(REMOVE_RETRY_S)
    with contextlib.suppress(libvirt.libvirtError):
        conn().storagePoolLookupByName(POOL_NAME).storageVolLookupByName(f"{name}.qcow2").delete()


@dataclass
class GuestFactory:
    """Defines tiny guests and removes whatever of them is left at the end."""

    handle: SystemHandle
    iso: Path
    network: str
    made: list[str] = field(default_factory=list)

    @property
    def system(self) -> libvirt.virConnect:
        return self.handle.conn

    @property
    def pool(self) -> libvirt.virStoragePool:
        return self.system.storagePoolLookupByName(POOL_NAME)

    def volume(self, name: str) -> libvirt.virStorageVol:
        return self.pool.createXML(volume_xml(f"{name}.qcow2"), 0)

    def define(self, suffix: str, *, with_disk: bool = True) -> libvirt.virDomain:
        name = f"{PREFIX}{suffix}"
        self.made.append(name)
        self._remove(name)  # left over by a run that was killed
        disk = self.volume(name).path() if with_disk else None
        return self.system.defineXML(
            tiny_guest_xml(name, str(self.iso), disk=disk, network=self.network)
        )

    def cleanup(self) -> None:
        """Remove every guest made; a failure to remove one is raised after the others went."""
        failures: list[libvirt.libvirtError] = []
        for name in self.made:
            try:
                self._remove(name)
            except libvirt.libvirtError as err:
                failures.append(err)
        if failures:
            raise failures[0]

    def _remove(self, name: str) -> None:
        remove_guest(self.handle, name)


@pytest.fixture
def guests(
    system_handle: SystemHandle, tiny_guest_iso: Path, test_pool: str, test_network: str,
) -> Iterator[GuestFactory]:
    factory = GuestFactory(system_handle, tiny_guest_iso, test_network)
    yield factory
    factory.cleanup()


@dataclass
class SerialWatch:
    """A domain's serial console read into a SerialLineReader."""

    stream: SerialConsoleStream
    reader: SerialLineReader

    async def ready_ip(self, timeout: float = BOOT_TIMEOUT) -> str:
        match = await self.reader.wait_for(READY, timeout)
        return match.group(1)

    async def leased_ip(self, timeout: float = BOOT_TIMEOUT) -> str:
        """The address of the first READY line that has one: on a busy host the
        lease may come after the guest stopped waiting (``ip=none``, then READY again)."""
        match = await self.reader.wait_for(LEASED, timeout)
        return match.group(1)


@pytest.fixture
def watch_serial(
    loop: asyncio.AbstractEventLoop,
) -> Iterator[Callable[[libvirt.virDomain], SerialWatch]]:
    opened: list[SerialConsoleStream] = []

    def watch(dom: libvirt.virDomain) -> SerialWatch:
        reader = SerialLineReader()
        stream = SerialConsoleStream(
            dom, on_data=reader.feed, on_closed=reader.close,
            deliver=loop.call_soon_threadsafe, force=True,
        )
        reader.answer = stream.send
        stream.open()
        opened.append(stream)
        return SerialWatch(stream, reader)

    yield watch
    for stream in opened:
        stream.close()
