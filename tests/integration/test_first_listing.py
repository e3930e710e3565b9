"""A daemon's first listing: shown from bulk calls, the vCPUs and memory read after it."""

from __future__ import annotations

import asyncio

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainState
from tests.integration.conftest import GuestFactory
from tests.system import SYSTEM_URI
from tests.unit.core.test_connection import Recorder


def test_a_daemons_first_listing_comes_before_the_vcpus_and_memory(
    guests: GuestFactory,
) -> None:
    dom = guests.define("sizes-later", with_disk=False)
    uuid = dom.UUIDString()
    _state, max_memory, memory, vcpus, _cpu = dom.info()

    async def scenario() -> None:
        recorder = Recorder()
        connection = Connection(SYSTEM_URI, recorder, asyncio.get_running_loop(),
                                reconcile_interval=None)
        connection.start()

        def sized() -> bool:
            info = connection.domain(uuid)
            return info is not None and info.vcpus > 0

        await recorder.until(sized)
        first = recorder.changes[0]
        assert first.complete
        listed = next(info for info in first.added if info.uuid == uuid)
        # Names, states and flags from the bulk calls; no info() RPC per domain.
        assert (listed.name, listed.state, listed.persistent) == (
            dom.name(), DomainState.SHUTOFF, True)
        assert (listed.vcpus, listed.memory_kib, listed.max_memory_kib) == (0, 0, 0)
        # Filled into the snapshots as they are then, not by a second full listing
        # (which could put back a state an event has changed since).
        sizes = next(c for c in recorder.changes if any(i.uuid == uuid for i in c.changed))
        assert not sizes.complete
        info = connection.domain(uuid)
        assert info is not None
        assert (info.vcpus, info.memory_kib, info.max_memory_kib) == (vcpus, memory, max_memory)
        await connection.close()

    asyncio.run(scenario())
