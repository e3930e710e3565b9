"""The serial console of a domain as a non-blocking libvirt stream.

:class:`SerialConsoleStream` reads on libvirt's event thread (see
:mod:`kvmgui.core.events`) and hands every chunk and the final closure to the
caller's loop through ``deliver`` (the UI passes ``loop.call_soon_threadsafe``),
so ``on_data`` and ``on_closed`` always run on the caller's thread.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable

import libvirt

from kvmgui.core.errors import LibvirtCallError

log = logging.getLogger(__name__)

Deliver = Callable[[Callable[[], None]], object]

READ_CHUNK = 64 * 1024
# Reads per READABLE event before the event thread lets others run: a guest
# printing without pause must not starve the other connections' callbacks.
MAX_READS_PER_EVENT = 16
# A guest printing faster than the caller's loop takes its output: reading
# pauses while this much waits for delivery, and resumes below half of it, so
# the queue on the caller's loop stays bounded (the guest's port then waits).
MAX_UNDELIVERED = 4 * 1024 * 1024

_EAGAIN = -2
_BASE_EVENTS = (
    libvirt.VIR_STREAM_EVENT_READABLE
    | libvirt.VIR_STREAM_EVENT_ERROR
    | libvirt.VIR_STREAM_EVENT_HANGUP
)

# Closure reasons given to on_closed.
CLOSED_EOF = "The console was closed (the guest stopped or its serial port went away)."
CLOSED_HANGUP = "The console hung up (the guest stopped, or another client took the console)."
CLOSED_ERROR = "The console failed"


class ConsoleBusyError(LibvirtCallError):
    """Another client holds the console; opening again with ``force=True`` takes it over."""


class ConsoleOpenFailure(enum.Enum):
    """Why openConsole failed, from libvirt's error code (its messages are translated)."""

    NO_DEVICE = "no serial device"  # INTERNAL_ERROR: no such or non-pty character device
    NOT_RUNNING = "not running"  # OPERATION_INVALID
    OTHER = "other"

    @classmethod
    def from_code(cls, code: int) -> ConsoleOpenFailure:
        if code == libvirt.VIR_ERR_INTERNAL_ERROR:
            return cls.NO_DEVICE
        if code == libvirt.VIR_ERR_OPERATION_INVALID:
            return cls.NOT_RUNNING
        return cls.OTHER


def _is_console_busy(dom: libvirt.virDomain, err: libvirt.libvirtError) -> bool:
    # openConsole fails with OPERATION_FAILED when another client holds the
    # console (libvirt's virChrdevOpen), and also while a starting domain has
    # no PTY yet ("not yet assigned", seen in CI): not something to take over.
    # The messages are translated, so the domain's state tells them apart.
    if err.get_error_code() != libvirt.VIR_ERR_OPERATION_FAILED:
        return False
    try:
        state, reason = dom.state()
    except libvirt.libvirtError:
        return True
    return not (state == libvirt.VIR_DOMAIN_PAUSED
                and reason == libvirt.VIR_DOMAIN_PAUSED_STARTING_UP)


class SerialConsoleStream:
    """One open serial console of a domain.

    ``open()`` blocks (it is one RPC): run it in the connection's executor.
    ``send()`` never blocks: what the stream cannot take now is buffered and
    written when libvirt reports the stream writable. ``close()`` is idempotent;
    after it, no ``on_data`` or ``on_closed`` is delivered. ``on_closed`` is
    called once when the stream ends for any other reason (guest stopped,
    console taken over by a forced open, error).
    """

    def __init__(
        self,
        domain: libvirt.virDomain,
        *,
        on_data: Callable[[bytes], None],
        on_closed: Callable[[str], None],
        deliver: Deliver,
        device: str | None = None,
        force: bool = False,
        max_undelivered: int = MAX_UNDELIVERED,
    ) -> None:
        self._domain = domain
        self._max_undelivered = max_undelivered
        self._on_data = on_data
        self._on_closed = on_closed
        self._deliver = deliver
        self._device = device
        self._force = force
        self._lock = threading.Lock()
        self._stream: libvirt.virStream | None = None
        self._pending = bytearray()
        self._opening = False
        self._closed = False
        self._closed_locally = False
        self._writable_watched = False
        self._undelivered = 0  # bytes read and handed to ``deliver``, not yet delivered
        self._reading_paused = False

    @property
    def is_open(self) -> bool:
        with self._lock:
            return self._stream is not None and not self._closed

    @property
    def reading_paused(self) -> bool:
        """Whether reading waits for the caller's loop to take what was read."""
        with self._lock:
            return self._reading_paused

    def open(self) -> None:
        """Attach to the console (blocking).

        Raises :class:`ConsoleBusyError` when another client holds it (retry
        with ``force=True`` to take it over) and :class:`LibvirtCallError` for
        other failures (no serial device, domain not running, ...).
        """
        with self._lock:
            if self._opening or self._closed:
                raise RuntimeError("a SerialConsoleStream opens once")
            self._opening = True
        flags = libvirt.VIR_DOMAIN_CONSOLE_FORCE if self._force else 0
        try:
            stream = self._domain.connect().newStream(libvirt.VIR_STREAM_NONBLOCK)
            self._domain.openConsole(self._device, stream, flags)
        except libvirt.libvirtError as err:
            message = err.get_error_message() or str(err)
            if _is_console_busy(self._domain, err):
                raise ConsoleBusyError(
                    "Open the serial console", message, err.get_error_code()
                ) from err
            raise LibvirtCallError.wrap("Open the serial console", err) from err
        with self._lock:
            # close() may have run while openConsole was in flight.
            if not self._closed_locally:
                # Set before registering, so that the first event is not dropped.
                self._stream = stream
                try:
                    stream.eventAddCallback(_BASE_EVENTS, self._on_stream_event, None)
                except libvirt.libvirtError as err:
                    self._stream = None
                    self._closed = True
                    _abort_quietly(stream)
                    raise LibvirtCallError.wrap("Watch the serial console", err) from err
                return
        _abort_quietly(stream)

    def send(self, data: bytes) -> None:
        """Write to the console without blocking (keystrokes, terminal answers)."""
        if not data:
            return
        failure: str | None = None
        with self._lock:
            stream = self._stream
            if stream is None or self._closed:
                return
            self._pending += data
            try:
                self._flush_locked(stream)
            except libvirt.libvirtError as err:
                failure = f"{CLOSED_ERROR}: {err.get_error_message() or err}"
        if failure is not None:
            self._fail(failure)

    def close(self) -> None:
        """Detach from the console; may block for one RPC. Safe to call twice."""
        with self._lock:
            self._closed_locally = True
        was_open, stream = self._mark_closed()
        if was_open and stream is not None:
            _remove_and_finish(stream)

    def _mark_closed(self) -> tuple[bool, libvirt.virStream | None]:
        """Close once: whether this call did it, and the stream it took."""
        with self._lock:
            if self._closed:
                return False, None
            self._closed = True
            stream, self._stream = self._stream, None
            self._pending.clear()
            return True, stream

    # --- libvirt event thread ---------------------------------------------

    def _watch_locked(self, stream: libvirt.virStream, *, writable: bool, paused: bool) -> None:
        """Watch for what the stream's state needs: writable while sends wait,
        readable unless reading is paused."""
        if (writable, paused) == (self._writable_watched, self._reading_paused):
            return
        events = _BASE_EVENTS
        if writable:
            events |= libvirt.VIR_STREAM_EVENT_WRITABLE
        if paused:
            events &= ~libvirt.VIR_STREAM_EVENT_READABLE
        stream.eventUpdateCallback(events)
        self._writable_watched, self._reading_paused = writable, paused

    def _flush_locked(self, stream: libvirt.virStream) -> None:
        while self._pending:
            sent = stream.send(bytes(self._pending))
            if sent == _EAGAIN or sent == 0:
                break
            del self._pending[:sent]
        self._watch_locked(stream, writable=bool(self._pending), paused=self._reading_paused)

    def _on_stream_event(self, stream: libvirt.virStream, events: int, _opaque: object) -> None:
        chunks: list[bytes] = []
        reason: str | None = None
        with self._lock:
            if self._closed or stream is not self._stream:
                return
            try:
                if events & libvirt.VIR_STREAM_EVENT_READABLE:
                    reason = self._read_locked(stream, chunks)
                    self._undelivered += sum(map(len, chunks))
                    if reason is None and self._undelivered >= self._max_undelivered:
                        self._watch_locked(stream, writable=self._writable_watched, paused=True)
                if reason is None and events & libvirt.VIR_STREAM_EVENT_WRITABLE:
                    self._flush_locked(stream)
            except libvirt.libvirtError as err:
                reason = f"{CLOSED_ERROR}: {err.get_error_message() or err}"
            if reason is None and events & libvirt.VIR_STREAM_EVENT_ERROR:
                reason = f"{CLOSED_ERROR}."
            elif reason is None and events & libvirt.VIR_STREAM_EVENT_HANGUP:
                reason = CLOSED_HANGUP
        if chunks:
            data = b"".join(chunks)
            self._deliver(lambda: self._deliver_data(data))
        if reason is not None:
            self._fail(reason)

    def _read_locked(self, stream: libvirt.virStream, chunks: list[bytes]) -> str | None:
        for _ in range(MAX_READS_PER_EVENT):
            got: bytes | int = stream.recv(READ_CHUNK)
            if isinstance(got, int):  # -2: nothing more for now
                return None
            if not got:
                return CLOSED_EOF
            chunks.append(got)
        return None

    def _fail(self, reason: str) -> None:
        was_open, stream = self._mark_closed()
        if not was_open:
            return
        if stream is not None:
            _remove_and_abort(stream)
        log.info("serial console of %s closed: %s", _name(self._domain), reason)
        self._deliver(lambda: self._deliver_closed(reason))

    # --- caller's loop -----------------------------------------------------

    def _deliver_data(self, data: bytes) -> None:
        # A chunk queued just before close() must not reach a closed console;
        # one read before a remote end is still shown (it precedes on_closed).
        if not self._closed_locally:
            self._on_data(data)
        failure: str | None = None
        with self._lock:
            self._undelivered -= len(data)
            stream = self._stream
            if (self._reading_paused and self._undelivered < self._max_undelivered // 2
                    and stream is not None and not self._closed):
                try:
                    self._watch_locked(stream, writable=self._writable_watched, paused=False)
                except libvirt.libvirtError as err:
                    failure = f"{CLOSED_ERROR}: {err.get_error_message() or err}"
        if failure is not None:
            self._fail(failure)

    def _deliver_closed(self, reason: str) -> None:
        if not self._closed_locally:
            self._on_closed(reason)


def open_serial_console(
    domain: libvirt.virDomain,
    *,
    on_data: Callable[[bytes], None],
    on_closed: Callable[[str], None],
    deliver: Deliver,
    force: bool = False,
) -> SerialConsoleStream:
    """Attach to ``domain``'s serial console (blocking).

    Raises as :meth:`SerialConsoleStream.open` does.
    """
    stream = SerialConsoleStream(
        domain, on_data=on_data, on_closed=on_closed, deliver=deliver, force=force
    )
    stream.open()
    return stream


def _name(domain: libvirt.virDomain) -> str:
    try:
        return domain.name()
    except libvirt.libvirtError:
        return "?"


def _abort_quietly(stream: libvirt.virStream) -> None:
    try:
        stream.abort()
    except libvirt.libvirtError as err:
        log.debug("aborting a console stream failed: %s", err)


def _remove_and_abort(stream: libvirt.virStream) -> None:
    try:
        stream.eventRemoveCallback()
    except libvirt.libvirtError as err:
        log.debug("removing a console stream callback failed: %s", err)
    _abort_quietly(stream)


def _remove_and_finish(stream: libvirt.virStream) -> None:
    try:
        stream.eventRemoveCallback()
    except libvirt.libvirtError as err:
        log.debug("removing a console stream callback failed: %s", err)
    try:
        stream.finish()
    except libvirt.libvirtError:
        # A console has no graceful end on every driver: abort instead.
        _abort_quietly(stream)
