"""Fixtures for UI tests: the app's objects on libvirt's test driver."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection, ConnectionState
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.ops import OpRunner
from tests.fleet import PAUSED, RUNNING, SHUTOFF, FleetDomain, write_node

SMALL_FLEET = [
    FleetDomain("alpha", RUNNING, vcpus=2, memory_mib=2048, title="Alpha web server"),
    FleetDomain("bravo", SHUTOFF, vcpus=1, memory_mib=512),
    FleetDomain("charlie", PAUSED, vcpus=4, memory_mib=4096),
    FleetDomain("delta", SHUTOFF, vcpus=1, memory_mib=1024),
    FleetDomain("echo", RUNNING, vcpus=1, memory_mib=256),
]


@pytest.fixture
def fleet_file(tmp_path: Path) -> Path:
    return write_node(tmp_path / "fleet.xml", SMALL_FLEET)


@pytest.fixture
def manager(loop: asyncio.AbstractEventLoop, qtbot: QtBot) -> Iterator[ConnectionManager]:
    # No periodic reconcile: every change a test sees must come from an event.
    connections = ConnectionManager(loop, reconcile_interval=None)
    yield connections
    task = loop.create_task(connections.close_all())
    qtbot.waitUntil(task.done, timeout=5000)


@pytest.fixture
def ops(loop: asyncio.AbstractEventLoop) -> OpRunner:
    return OpRunner(loop)


@pytest.fixture
def connect(
    manager: ConnectionManager, qtbot: QtBot
) -> Callable[[Path], Connection]:
    """Open a test-driver file and wait until its first listing arrived."""

    def open_file(path: Path) -> Connection:
        # The first listing is delivered before the state turns CONNECTED.
        with qtbot.waitSignal(
            manager.connection_state_changed,
            check_params_cb=lambda c: c.state is ConnectionState.CONNECTED,
            timeout=5000,
        ):
            connection = manager.add(f"test://{path}")
        return connection

    return open_file
