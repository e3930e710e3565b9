"""Connection on a plain asyncio loop (no Qt) against libvirt's test driver."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.connection import Connection, ConnectionState, DomainChanges
from kvmgui.core.domain import DomainState, read_labels
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.metadata import change_tags
from kvmgui.core.opening import Opening, start_opening
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_xml, write_node

TIMEOUT = 10.0


class Recorder:
    """A ConnectionListener that lets a coroutine wait for a condition."""

    def __init__(self) -> None:
        self.states: list[ConnectionState] = []
        self.changes: list[DomainChanges] = []
        self._changed = asyncio.Event()

    def on_connection_state_changed(self, connection: Connection) -> None:
        self.states.append(connection.state)
        self._wake()

    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        self.changes.append(changes)
        self._wake()

    def _wake(self) -> None:
        self._changed.set()

    async def until(self, condition: Callable[[], bool]) -> None:
        async with asyncio.timeout(TIMEOUT):
            while not condition():
                self._changed.clear()
                await self._changed.wait()


def fleet(tmp_path: Path) -> Path:
    return write_node(
        tmp_path / "fleet.xml", [FleetDomain("one", RUNNING), FleetDomain("two", SHUTOFF)]
    )


def _without_reconcile(tmp_path: Path, recorder: Recorder) -> Connection:
    """A started connection to the fleet that only events update after its listing."""
    connection = Connection(
        f"test://{fleet(tmp_path)}", recorder, asyncio.get_running_loop(),
        reconcile_interval=None,
    )
    connection.start()
    return connection


def test_lists_then_follows_events_without_reconcile(tmp_path: Path) -> None:
    async def scenario() -> None:
        recorder = Recorder()
        connection = _without_reconcile(tmp_path, recorder)
        await recorder.until(lambda: connection.state is ConnectionState.CONNECTED)
        assert recorder.states == [ConnectionState.CONNECTED]  # CONNECTING from the start
        first = recorder.changes[0]
        assert first.complete and {i.name for i in first.added} == {"one", "two"}
        two = next(i for i in connection.domains() if i.name == "two")

        await connection.call_domain("start two", two.uuid, libvirt.virDomain.create)

        def two_runs() -> bool:
            info = connection.domain(two.uuid)
            return info is not None and info.state is DomainState.RUNNING

        await recorder.until(two_runs)
        event_change = recorder.changes[-1]
        assert not event_change.complete
        assert [i.name for i in event_change.changed] == ["two"]
        await connection.close()
        assert connection.state is ConnectionState.CLOSED

    asyncio.run(scenario())


def test_the_loop_thread_starts_at_most_one_pool_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A thread's start waits until the new thread runs: on the GUI thread, while
    # another thread holds the GIL, that was a stall per pool thread.
    loop_thread = threading.current_thread()
    started_here: list[str] = []
    start = threading.Thread.start

    def recording(thread: threading.Thread) -> None:
        if threading.current_thread() is loop_thread and thread.name.startswith("libvirt"):
            started_here.append(thread.name)
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", recording)

    async def scenario() -> None:
        recorder = Recorder()
        connection = _without_reconcile(tmp_path, recorder)
        await recorder.until(lambda: connection.state is ConnectionState.CONNECTED)
        # Calls at once, as many as the pool has threads: each finds the others busy.
        both = threading.Barrier(4, timeout=TIMEOUT)
        await asyncio.gather(*(connection.call("wait", lambda _conn: both.wait())
                               for _ in range(4)))
        await connection.close()

    asyncio.run(scenario())
    assert len(started_here) <= 1, started_here


def test_libvirt_errors_carry_what_the_user_asked(tmp_path: Path) -> None:
    async def scenario() -> None:
        recorder = Recorder()
        connection = Connection(f"test://{fleet(tmp_path)}", recorder,
                                asyncio.get_running_loop(), reconcile_interval=None)
        connection.start()
        await recorder.until(lambda: connection.state is ConnectionState.CONNECTED)
        one = next(i for i in connection.domains() if i.name == "one")
        with pytest.raises(LibvirtCallError) as caught:
            await connection.call_domain("Could not resume one", one.uuid,
                                         libvirt.virDomain.resume)
        assert str(caught.value).startswith("Could not resume one: ")
        assert "not paused" in caught.value.message
        await connection.close()

    asyncio.run(scenario())


def test_failed_open_is_retried_and_recovers(tmp_path: Path) -> None:
    missing = tmp_path / "later.xml"

    async def scenario() -> None:
        recorder = Recorder()
        connection = Connection(f"test://{missing}", recorder, asyncio.get_running_loop(),
                                reconcile_interval=None)
        connection.start()
        await recorder.until(lambda: connection.state is ConnectionState.FAILED)
        assert "later.xml" in connection.error
        with pytest.raises(LibvirtCallError, match="not connected"):
            await connection.call("list", libvirt.virConnect.listAllDomains)
        write_node(missing, [FleetDomain("late", SHUTOFF)])
        connection.reconnect_now()
        await recorder.until(lambda: connection.state is ConnectionState.CONNECTED)
        assert [i.name for i in connection.domains()] == ["late"]
        assert connection.error == ""
        await connection.close()

    asyncio.run(scenario())


def started_with(path: Path, opening: Opening) -> tuple[Recorder, Connection]:
    recorder = Recorder()
    connection = Connection(f"test://{path}", recorder, asyncio.get_running_loop(),
                            reconcile_interval=None, opening=opening)
    connection.start()
    return recorder, connection


def test_an_open_started_early_serves_the_first_session(tmp_path: Path) -> None:
    path = write_node(tmp_path / "fleet.xml", [FleetDomain("early", SHUTOFF)])
    opening = start_opening(f"test://{path}")
    opening.result(TIMEOUT)
    # A fresh open would now read "later": the connection must list what was opened early.
    write_node(path, [FleetDomain("later", SHUTOFF)])

    async def scenario() -> None:
        recorder, connection = started_with(path, opening)
        await recorder.until(lambda: connection.state is ConnectionState.CONNECTED)
        assert [i.name for i in connection.domains()] == ["early"]
        await connection.close()

    asyncio.run(scenario())


def test_a_failed_early_open_is_reported_then_retried_afresh(tmp_path: Path) -> None:
    missing = tmp_path / "later.xml"
    opening = start_opening(f"test://{missing}")

    async def scenario() -> None:
        recorder, connection = started_with(missing, opening)
        await recorder.until(lambda: connection.state is ConnectionState.FAILED)
        assert "later.xml" in connection.error
        write_node(missing, [FleetDomain("late", SHUTOFF)])
        connection.reconnect_now()
        await recorder.until(lambda: connection.state is ConnectionState.CONNECTED)
        assert [i.name for i in connection.domains()] == ["late"]
        await connection.close()

    asyncio.run(scenario())


class FailsOnceWhenConnected(Recorder):
    """A listener with a bug that shows once: the connection must survive it."""

    def __init__(self) -> None:
        super().__init__()
        self.raised = False

    def on_connection_state_changed(self, connection: Connection) -> None:
        super().on_connection_state_changed(connection)
        if connection.state is ConnectionState.CONNECTED and not self.raised:
            self.raised = True
            raise RuntimeError("listener bug")


def test_an_unexpected_error_is_shown_and_retried(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        recorder = FailsOnceWhenConnected()
        connection = Connection(f"test://{fleet(tmp_path)}", recorder,
                                asyncio.get_running_loop(), reconcile_interval=None)
        connection.start()
        await recorder.until(lambda: recorder.states.count(ConnectionState.CONNECTED) == 2)
        failed_at = recorder.states.index(ConnectionState.LOST)
        assert recorder.states[failed_at - 1] is ConnectionState.CONNECTED
        assert connection.state is ConnectionState.CONNECTED and connection.error == ""
        assert {i.name for i in connection.domains()} == {"one", "two"}
        await connection.close()

    asyncio.run(scenario())
    assert "listener bug" in caplog.text


def test_periodic_reconcile_reports_only_differences(tmp_path: Path) -> None:
    async def scenario() -> None:
        recorder = Recorder()
        connection = Connection(f"test://{fleet(tmp_path)}", recorder,
                                asyncio.get_running_loop(), reconcile_interval=0.05)
        connection.start()
        await recorder.until(lambda: connection.state is ConnectionState.CONNECTED)
        # Titles and reconciles arrive; none of them may re-add what is known.
        await recorder.until(lambda: sum(c.complete for c in recorder.changes) >= 3)
        later = [c for c in recorder.changes[1:] if c.complete]
        assert all(not c.added and not c.removed and not c.changed for c in later)
        await connection.close()

    asyncio.run(scenario())


def test_tags_are_read_after_the_listing_and_follow_the_metadata_event(tmp_path: Path) -> None:
    async def scenario() -> None:
        recorder = Recorder()
        connection = _without_reconcile(tmp_path, recorder)
        await recorder.until(lambda: len(connection.domains()) == 2)
        one = next(i for i in connection.domains() if i.name == "one")
        await connection.call_domain("tag one", one.uuid, partial(change_tags, added=["web"]))

        def tagged() -> bool:
            info = connection.domain(one.uuid)
            return info is not None and info.tags == ("web",)

        # No reconcile runs: only the metadata-change event can bring the tag.
        await recorder.until(tagged)
        await connection.close()

    asyncio.run(scenario())


def test_labels_read_for_a_domain_not_yet_stored_do_not_break_the_next_listing(
    tmp_path: Path,
) -> None:
    """A label read may finish for a domain the store does not hold (yet); the
    next full listing looks up every UUID marked read, so none may be marked."""
    async def scenario() -> None:
        recorder = Recorder()
        connection = _without_reconcile(tmp_path, recorder)
        await recorder.until(lambda: len(connection.domains()) == 2)
        # A second test-driver instance of the same fleet: a domain only it knows.
        elsewhere = libvirt.open(f"test://{fleet(tmp_path)}")
        three = elsewhere.defineXML(domain_xml(FleetDomain("three", SHUTOFF)))
        connection._fill_in_chunk(
            elsewhere, [three.UUIDString()], read_labels, connection._with_labels)
        listed, _unlabelled = await connection.call("list", connection._full_listing)
        assert len(listed) == 2
        elsewhere.close()
        await connection.close()

    asyncio.run(scenario())
