"""The real qemu:///system for tests: one connection per session, reopened when dead.

A pytest plugin (tests/conftest.py): integration tests and the core tests that
read a real host's facts share it. A test using it is marked ``integration``,
so under CI=true a missing daemon fails it instead of skipping it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest

SYSTEM_URI = "qemu:///system"
STARTED_RECORD = Path("/run/kvmgui-test/libvirtd.pid")  # written by scripts/ensure-libvirtd.sh


def libvirtd_started_by_this_project() -> int | None:
    """The PID of the libvirtd that scripts/ensure-libvirtd.sh started, if it runs:
    the only daemon a test or a benchmark may restart."""
    try:
        pid = int(STARTED_RECORD.read_text().strip())
        comm = Path(f"/proc/{pid}/comm").read_text().strip()
    except (OSError, ValueError):
        return None
    return pid if comm == "libvirtd" else None


class SystemHandle:
    """The tests' own connection to qemu:///system, for set-up and checks ("virsh").

    Reopened when dead: one test restarts the daemon.
    """

    def __init__(self) -> None:
        self._conn = libvirt.open(SYSTEM_URI)

    @property
    def conn(self) -> libvirt.virConnect:
        if not self._answers():
            with contextlib.suppress(libvirt.libvirtError):
                self._conn.close()
            self._conn = libvirt.open(SYSTEM_URI)
        return self._conn

    def _answers(self) -> bool:
        # isAlive() alone stays true after a restart until the socket is read:
        # a clean-up then failed on the dead connection and left its guest behind.
        try:
            return bool(self._conn.isAlive()) and self._conn.getLibVersion() > 0
        except libvirt.libvirtError:
            return False

    def close(self) -> None:
        with contextlib.suppress(libvirt.libvirtError):
            self._conn.close()


@pytest.fixture(scope="session")
def system_handle() -> Iterator[SystemHandle]:
    try:
        handle = SystemHandle()
    except libvirt.libvirtError as err:
        pytest.skip(f"no libvirt daemon on {SYSTEM_URI}: {err.get_error_message()}")
    yield handle
    handle.close()


@pytest.fixture
def system(system_handle: SystemHandle) -> libvirt.virConnect:
    return system_handle.conn
