"""One libvirt connection: open, watch, reconnect, and run calls off the caller's thread.

A :class:`Connection` owns a small thread pool; every libvirt call goes through
:meth:`Connection.call` (or :meth:`Connection.call_domain`), which runs it in
that pool and raises :class:`LibvirtCallError` with the user's words for what
failed. The domain store lives behind a lock and is only read and diffed in the
pool, so the caller's loop receives change sets whose size is the size of the
change, never of the fleet.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import enum
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Protocol, TypeVar

import libvirt

from kvmgui.core.auth import Ask, open_connection
from kvmgui.core.domain import DomainInfo, Labels, list_domains, read_domain, read_labels
from kvmgui.core.errors import LibvirtCallError, describe_open_error, is_connection_broken
from kvmgui.core.events import ensure_event_loop
from kvmgui.core.gui_priority import step_aside
from kvmgui.core.opening import Opening
from kvmgui.core.texts import Translatable
from kvmgui.core.uri import is_in_process_uri, is_local_uri

log = logging.getLogger(__name__)

T = TypeVar("T")

RECONNECT_DELAYS = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
# A local daemon is asked again every half second at most: a refused connect
# to its socket costs next to nothing, and the list is right again within a
# second of a restarted daemon answering (a remote attempt starts ssh: back off).
LOCAL_RECONNECT_DELAYS = (0.05, 0.1, 0.2, 0.5)
KEEPALIVE_INTERVAL = 5
KEEPALIVE_COUNT = 3
# Labels (titles, tags) are read per domain, after the first listing, in
# slices so that events are not stuck behind a long job.
LABEL_SLICE = 500


class ConnectionState(enum.Enum):
    CONNECTING = Translatable("connection", "Connecting")
    CONNECTED = Translatable("connection", "Connected")
    FAILED = Translatable("connection", "Not connected")
    LOST = Translatable("connection", "Connection lost")
    CLOSED = Translatable("connection", "Closed")


@dataclass(frozen=True)
class DomainChanges:
    """What changed in a connection's domains.

    ``complete`` marks a full listing: domains the receiver knows that are in
    neither ``added`` nor ``changed`` are gone (also listed in ``removed``).
    """

    added: tuple[DomainInfo, ...] = ()
    changed: tuple[DomainInfo, ...] = ()
    removed: tuple[str, ...] = ()
    complete: bool = False

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.complete)


class ConnectionListener(Protocol):
    """Receives a connection's news on the connection's asyncio loop."""

    def on_connection_state_changed(self, connection: Connection) -> None: ...

    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None: ...


@dataclass
class _Session:
    """What belongs to one opened virConnect (replaced on reconnect)."""

    virconn: libvirt.virConnect
    callback_ids: list[int] = field(default_factory=list)
    lost: asyncio.Event = field(default_factory=asyncio.Event)
    # Calls submitted to the pool: the virConnect must outlive every one of
    # them (closing it under a running call crashes libvirt).
    in_flight: set[concurrent.futures.Future[Any]] = field(default_factory=set)
    closed: bool = False
    # The first listing, submitted by the pool thread that opened the session.
    first_listing: concurrent.futures.Future[tuple[list[str], list[str]]] | None = None


class Connection:
    """A libvirt connection that reopens itself when the daemon goes away."""

    def __init__(
        self,
        uri: str,
        listener: ConnectionListener,
        loop: asyncio.AbstractEventLoop,
        *,
        reconcile_interval: float | None = 30.0,
        max_workers: int = 4,
        ask: Ask | None = None,
        opening: Opening | None = None,
    ) -> None:
        self.uri = uri
        # Answers libvirt's questions (host key, passphrase) while opening: see core/auth.py.
        self._ask = ask
        # An open of the URI already under way (start_opening), used for the first session.
        self._opening = opening
        self.state = ConnectionState.CONNECTING
        self.error = ""
        self.hostname = ""
        self._listener = listener
        self._loop = loop
        self._reconcile_interval = reconcile_interval
        self._max_workers = max_workers
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="libvirt"
        )
        # The pool's truth, diffed against each listing and event...
        self._store: dict[str, DomainInfo] = {}
        # ...and what the loop's listener has been told of it, which is what
        # the loop's code asks about (a change may be on its way in between).
        self._delivered: dict[str, DomainInfo] = {}
        # UUIDs whose labels have been read: others show none until they are.
        self._labels_read: set[str] = set()
        self._store_lock = threading.Lock()
        self._session: _Session | None = None
        self._task: asyncio.Task[None] | None = None
        self._pending_refresh: set[str] = set()
        self._refresh_scheduled = False
        self._closing = threading.Event()
        self._wake = asyncio.Event()
        # A daemon answers info() with one RPC per domain: the first listing of
        # its domains is the bulk calls alone, shown as soon as they answer, and
        # a second one reads the vCPUs and memory. libvirt's test driver runs in
        # this process, where info() is a function call: one listing does.
        self._sizes_in_first_listing = is_in_process_uri(uri)

    # ---------------------------------------------------------------- calls

    @property
    def is_open(self) -> bool:
        return self._session is not None

    async def call(self, what: str, fn: Callable[[libvirt.virConnect], T]) -> T:
        """Run ``fn(virConnect)`` in the pool; ``what`` names it for the user."""
        session = self._session
        if session is None:
            raise LibvirtCallError(what, f"not connected to {self.uri}")
        return await self._run(what, fn, session)

    async def call_domain(self, what: str, uuid: str, fn: Callable[[libvirt.virDomain], T]) -> T:
        """Look the domain up by UUID and run ``fn(virDomain)`` in the pool."""
        return await self.call(what, lambda conn: fn(conn.lookupByUUIDString(uuid)))

    async def _run(self, what: str, fn: Callable[[libvirt.virConnect], T], session: _Session) -> T:
        if session.closed:
            raise LibvirtCallError(what, f"the connection to {self.uri} is closed")
        return await self._result(what, fn, self._submit(fn, session), session)

    def _submit(
        self, fn: Callable[[libvirt.virConnect], T], session: _Session
    ) -> concurrent.futures.Future[T]:
        future = self._executor.submit(fn, session.virconn)
        session.in_flight.add(future)
        future.add_done_callback(session.in_flight.discard)
        return future

    async def _result(
        self, what: str, fn: Callable[[libvirt.virConnect], T],
        future: concurrent.futures.Future[T], session: _Session,
    ) -> T:
        """``future``'s result (of ``fn`` in the pool), its libvirt error as a LibvirtCallError."""
        try:
            return await asyncio.wrap_future(future, loop=self._loop)
        except libvirt.libvirtError as err:
            log.warning(
                "libvirt error in %s (%s) on %s: %s",
                what, getattr(fn, "__qualname__", fn), self.uri, err.get_error_message(),
            )
            if is_connection_broken(err):
                session.lost.set()
            raise LibvirtCallError.wrap(what, err) from err

    def domain(self, uuid: str) -> DomainInfo | None:
        """The domain as the listener was last told (loop thread only)."""
        return self._delivered.get(uuid)

    def domains(self) -> list[DomainInfo]:
        """Every domain as the listener was last told (loop thread only)."""
        return list(self._delivered.values())

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Open the connection in the background and keep it open until close()."""
        ensure_event_loop()
        # The first session is opened (and its listing started) by the pool at
        # once, not after a turn of the loop, whose thread builds the window at
        # launch: the rows are ready when the window first paints.
        first_session = self._executor.submit(self._start_workers_and_open)
        self._task = self._loop.create_task(self._keep_open(first_session))

    def _start_workers_and_open(self) -> _Session:
        self._start_workers()
        return self._open_session()

    def _start_workers(self) -> None:
        """Start the rest of the pool's threads from this pool thread. A submit that
        finds no idle thread starts one, and a thread's start waits until the new
        thread runs: on the GUI thread, while other threads hold the GIL (a listing
        of 10,000 domains), that was a stall of tens of milliseconds per thread."""
        started = threading.Event()
        for _ in range(self._max_workers - 1):
            # Each waits until all are submitted, so that no thread is idle yet.
            self._executor.submit(started.wait)
        started.set()
        # Every thread runs now: a submit on the GUI thread starts none.

    async def close(self) -> None:
        self._closing.set()
        self._wake.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        session, self._session = self._session, None
        if session is not None:
            session.lost.set()
            await self._loop.run_in_executor(self._executor, self._close_session, session)
        self._executor.shutdown(wait=False)
        self._set_state(ConnectionState.CLOSED, "")

    def reconnect_now(self) -> None:
        """Skip the wait before the next attempt to connect."""
        self._wake.set()

    async def _keep_open(self, first_session: concurrent.futures.Future[_Session]) -> None:
        delays = LOCAL_RECONNECT_DELAYS if is_local_uri(self.uri) else RECONNECT_DELAYS
        attempt = 0
        first: concurrent.futures.Future[_Session] | None = first_session
        while not self._closing.is_set():
            opening = first or self._executor.submit(self._open_session)
            first = None
            try:
                if await self._open_and_serve(opening):
                    attempt = 0
            except Exception as err:  # whatever it is, the task must go on
                # A bug must not end the task silently: the user sees the
                # connection fail, the log has the trace, and it is retried.
                log.exception("connection %s failed unexpectedly", self.uri)
                self._session = None
                self._set_state(
                    ConnectionState.LOST if self._store else ConnectionState.FAILED,
                    f"Unexpected error: {err}",
                )
            if self._closing.is_set():
                return
            delay = delays[min(attempt, len(delays) - 1)]
            attempt += 1
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=delay)

    async def _open_and_serve(self, opening: concurrent.futures.Future[_Session]) -> bool:
        """One session, from ``opening`` it (in the pool) to losing it; whether it was served."""
        self._set_state(ConnectionState.CONNECTING, self.error)
        try:
            session = await asyncio.wrap_future(opening, loop=self._loop)
        except libvirt.libvirtError as err:
            message = describe_open_error(self.uri, err)
            log.warning("cannot open %s: %s", self.uri, err.get_error_message())
            self._set_state(
                ConnectionState.LOST if self._store else ConnectionState.FAILED, message
            )
            return False
        self._session = session
        served = False
        try:
            await self._serve(session)
            served = True
        except LibvirtCallError as err:
            log.warning("listing %s failed: %s", self.uri, err)
            self.error = err.message
        finally:
            self._session = None
            await self._loop.run_in_executor(self._executor, self._close_session, session)
        if not self._closing.is_set():
            self._set_state(ConnectionState.LOST,
                            self.error or Translatable("connection", "The daemon went away."))
        return served

    async def _serve(self, session: _Session) -> None:
        """List, then follow events until the session is lost."""
        started = time.monotonic()
        assert session.first_listing is not None
        listed, unlabelled = await self._result(
            "list virtual machines", self._first_listing, session.first_listing, session
        )
        self.error = ""
        self._set_state(ConnectionState.CONNECTED, "")
        log.info(
            "connection %s open, first listing complete: %d domains in %.3f s",
            self.uri, len(listed), time.monotonic() - started,
        )
        details = self._loop.create_task(
            self._read_labels(session, unlabelled) if self._sizes_in_first_listing
            else self._complete_first_listing(session, listed, unlabelled)
        )
        try:
            while not session.lost.is_set():
                try:
                    await asyncio.wait_for(session.lost.wait(), timeout=self._reconcile_interval)
                except TimeoutError:
                    _listed, unlabelled = await self._run(
                        "refresh virtual machines", self._full_listing, session
                    )
                    await self._read_labels(session, unlabelled)
        finally:
            details.cancel()

    async def _complete_first_listing(
        self, session: _Session, listed: list[str], unlabelled: list[str]
    ) -> None:
        """What the first listing left out, once the list shows it: the vCPUs and
        memory of the domains ``listed``, then titles and tags."""
        await self._fill_in(session, "read vCPUs and memory", listed, _read_sizes, _with_sizes)
        await self._read_labels(session, unlabelled)

    def _open_session(self) -> _Session:
        opening, self._opening = self._opening, None
        virconn = open_connection(self.uri, self._ask) if opening is None else opening.result()
        session = _Session(virconn)
        try:
            # Local drivers (test://) have no keepalive: there is no daemon to lose.
            with contextlib.suppress(libvirt.libvirtError):
                virconn.setKeepAlive(KEEPALIVE_INTERVAL, KEEPALIVE_COUNT)
            virconn.registerCloseCallback(self._on_closed_by_libvirt, session)
            for event_id, callback in (
                (libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, self._on_lifecycle_event),
                (libvirt.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, self._on_domain_event),
            ):
                session.callback_ids.append(
                    virconn.domainEventRegisterAny(None, event_id, callback, session)
                )
            self.hostname = _hostname(virconn)
            # The first listing starts here, not after a round trip through the
            # loop, whose thread is busy building the window at launch. The loop
            # takes the session first: the listing's changes come after it (FIFO),
            # so that listeners told of them can make calls.
            self._loop.call_soon_threadsafe(self._take_session, session)
            session.first_listing = self._submit(self._first_listing, session)
        except BaseException:
            self._close_session(session)  # nothing registered so far outlives it
            raise
        return session

    def _take_session(self, session: _Session) -> None:
        if not session.closed and not self._closing.is_set():
            self._session = session

    @staticmethod
    def _close_session(session: _Session) -> None:
        session.closed = True
        pending = list(session.in_flight)
        for future in pending:
            future.cancel()  # those not started yet; running ones are waited for
        concurrent.futures.wait(pending)
        # Each call fails harmlessly when the daemon is already gone.
        for callback_id in session.callback_ids:
            with contextlib.suppress(libvirt.libvirtError):
                session.virconn.domainEventDeregisterAny(callback_id)
        with contextlib.suppress(libvirt.libvirtError):
            session.virconn.unregisterCloseCallback()
        with contextlib.suppress(libvirt.libvirtError):
            session.virconn.close()

    def _set_state(self, state: ConnectionState, error: str) -> None:
        if state is self.state and error == self.error:
            return
        self.state = state
        self.error = error
        log.info("connection %s: %s %s", self.uri, state.value, error)
        self._listener.on_connection_state_changed(self)

    # --------------------------------------------- store (pool threads only)

    def _first_listing(self, virconn: libvirt.virConnect) -> tuple[list[str], list[str]]:
        return self._full_listing(virconn, with_sizes=self._sizes_in_first_listing)

    def _full_listing(
        self, virconn: libvirt.virConnect, with_sizes: bool = True
    ) -> tuple[list[str], list[str]]:
        """List every domain into the store; the UUIDs listed, and those whose labels
        are still to be read."""
        with self._store_lock:
            known_labels = {uuid: self._store[uuid].labels for uuid in self._labels_read}
        infos, unlabelled = list_domains(virconn, known_labels, with_sizes=with_sizes)
        with self._store_lock:
            old = self._store
            new = {info.uuid: info for info in infos}
            changes = DomainChanges(
                added=tuple(info for uuid, info in new.items() if uuid not in old),
                changed=tuple(
                    info for uuid, info in new.items() if uuid in old and old[uuid] != info
                ),
                removed=tuple(uuid for uuid in old if uuid not in new),
                complete=True,
            )
            self._store = new
            self._labels_read.intersection_update(new)
            self._publish(changes)
        return list(new), unlabelled

    def _refresh_domains(self, virconn: libvirt.virConnect, uuids: Iterable[str]) -> None:
        """Re-read domains an event named; the payload is not trusted."""
        read: dict[str, DomainInfo | None] = {}
        for uuid in uuids:
            try:
                read[uuid] = read_domain(virconn.lookupByUUIDString(uuid))
            except libvirt.libvirtError as err:
                if err.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN:
                    raise
                read[uuid] = None
        self._merge(read)

    def _merge(self, read: dict[str, DomainInfo | None]) -> None:
        """Apply domains read in full (labels included); None: the domain is gone."""
        added: list[DomainInfo] = []
        changed: list[DomainInfo] = []
        removed: list[str] = []
        with self._store_lock:
            for uuid, info in read.items():
                old = self._store.get(uuid)
                if info is None:
                    if old is not None:
                        del self._store[uuid]
                        self._labels_read.discard(uuid)
                        removed.append(uuid)
                    continue
                # Marked read in the same locked step as the store: _labels_read
                # holds only stored UUIDs, which a full listing looks up.
                self._labels_read.add(uuid)
                if old is None:
                    self._store[uuid] = info
                    added.append(info)
                elif old != info:
                    self._store[uuid] = info
                    changed.append(info)
            self._publish(DomainChanges(tuple(added), tuple(changed), tuple(removed)))

    def _publish(self, changes: DomainChanges) -> None:
        # Called with the store lock held, so change sets reach the loop in
        # the order they were applied to the store.
        if changes:
            self._loop.call_soon_threadsafe(self._deliver, changes)

    def _deliver(self, changes: DomainChanges) -> None:
        if self._closing.is_set():
            return
        for uuid in changes.removed:
            self._delivered.pop(uuid, None)
        for info in (*changes.added, *changes.changed):
            self._delivered[info.uuid] = info
        self._listener.on_domains_changed(self, changes)

    async def _read_labels(self, session: _Session, uuids: list[str]) -> None:
        await self._fill_in(session, "read titles and tags", uuids, read_labels, self._with_labels)

    def _with_labels(self, info: DomainInfo, labels: Labels) -> DomainInfo:
        # Marked read in the same locked step as the store: _labels_read holds
        # only stored UUIDs, which a full listing looks up.
        self._labels_read.add(info.uuid)
        return info if info.labels == labels else replace(info, labels=labels)

    async def _fill_in(
        self, session: _Session, what: str, uuids: list[str],
        read: Callable[[libvirt.virDomain], T], apply: Callable[[DomainInfo, T], DomainInfo],
    ) -> None:
        """Read ``read(domain)`` of each of ``uuids`` (one call or more per domain, in
        slices so that events are not stuck behind a long job) and store
        ``apply(snapshot, what was read)``."""
        for start in range(0, len(uuids), LABEL_SLICE):
            chunk = uuids[start : start + LABEL_SLICE]
            await self._run(
                what, partial(self._fill_in_chunk, uuids=chunk, read=read, apply=apply), session
            )

    def _fill_in_chunk(
        self, virconn: libvirt.virConnect, uuids: list[str],
        read: Callable[[libvirt.virDomain], T], apply: Callable[[DomainInfo, T], DomainInfo],
    ) -> None:
        found: dict[str, T] = {}
        for uuid in uuids:
            step_aside()
            try:
                found[uuid] = read(virconn.lookupByUUIDString(uuid))
            except libvirt.libvirtError as err:
                if err.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN:
                    continue  # gone: the event for it updates the store
                raise
        changed: list[DomainInfo] = []
        with self._store_lock:
            # Applied to the store as it is now: an event may have replaced
            # a snapshot while these were being read.
            for uuid, value in found.items():
                current = self._store.get(uuid)
                if current is None:
                    continue
                new = apply(current, value)
                if new != current:
                    self._store[uuid] = new
                    changed.append(new)
            self._publish(DomainChanges(changed=tuple(changed)))

    # ------------------------------------------- libvirt event thread → loop

    def _on_closed_by_libvirt(self, _conn: object, reason: int, session: _Session) -> None:
        log.warning("libvirt closed %s (reason %d)", self.uri, reason)
        self._loop.call_soon_threadsafe(session.lost.set)

    def _on_lifecycle_event(
        self, _conn: object, dom: libvirt.virDomain, _event: int, _detail: int,
        session: _Session,
    ) -> None:
        self._on_domain_event(_conn, dom, session)

    def _on_domain_event(self, _conn: object, dom: libvirt.virDomain, *rest: object) -> None:
        session = rest[-1]
        assert isinstance(session, _Session)
        self._loop.call_soon_threadsafe(self._schedule_refresh, dom.UUIDString(), session)

    def _schedule_refresh(self, uuid: str, session: _Session) -> None:
        # Events come in bursts (a start gives "started" then "resumed"):
        # gather them and re-read each domain once.
        self._pending_refresh.add(uuid)
        if not self._refresh_scheduled:
            self._refresh_scheduled = True
            self._loop.create_task(self._refresh_pending(session))

    async def _refresh_pending(self, session: _Session) -> None:
        try:
            while self._pending_refresh and not session.lost.is_set():
                uuids, self._pending_refresh = self._pending_refresh, set()
                await self._run(
                    "refresh virtual machine",
                    partial(self._refresh_domains, uuids=uuids), session,
                )
        except LibvirtCallError:
            pass  # logged by _run; the next reconcile catches up
        except Exception:  # a bug here must not stop later refreshes
            log.exception("refreshing domains of %s failed", self.uri)
        finally:
            self._refresh_scheduled = False


def _read_sizes(dom: libvirt.virDomain) -> tuple[int, int, int]:
    """vCPUs, memory and maximum memory (KiB): one RPC to a daemon."""
    _state, max_memory, memory, vcpus, _cpu_time = dom.info()
    return vcpus, memory, max_memory


def _with_sizes(info: DomainInfo, sizes: tuple[int, int, int]) -> DomainInfo:
    vcpus, memory, max_memory = sizes
    return replace(info, vcpus=vcpus, memory_kib=memory, max_memory_kib=max_memory)


def _hostname(virconn: libvirt.virConnect) -> str:
    try:
        return virconn.getHostname()
    except libvirt.libvirtError:
        return ""
