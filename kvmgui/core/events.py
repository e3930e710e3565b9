"""The process-wide libvirt event loop thread.

libvirtaio on the qasync loop segfaults as soon as a libvirt call runs in a
worker thread (QSocketNotifier must stay on the GUI thread), so libvirt gets
its own default event implementation, driven by one daemon thread. Callbacks
registered with libvirt run on that thread; whoever registers them hands the
work to its own loop with ``loop.call_soon_threadsafe``.
"""

from __future__ import annotations

import logging
import threading
import time

import libvirt

log = logging.getLogger(__name__)

_lock = threading.Lock()
_thread: threading.Thread | None = None


def _silence_default_error_printing() -> None:
    # libvirt prints every error to stderr unless a handler is set; errors
    # reach callers as exceptions and are logged where they are handled.
    def ignore(_ctx: object, _err: object) -> None:
        return None

    libvirt.registerErrorHandler(ignore, None)


# After a failed iteration the thread waits before the next one, longer each
# time up to the last delay, so that a broken event loop does not spin a core.
FAILURE_DELAYS = (0.01, 0.1, 1.0)


def _run_forever() -> None:
    failures = 0
    while True:
        if libvirt.virEventRunDefaultImpl() >= 0:
            failures = 0
            continue
        if failures == 0:
            log.error("libvirt event loop iteration failed")
        time.sleep(FAILURE_DELAYS[min(failures, len(FAILURE_DELAYS) - 1)])
        failures += 1


def ensure_event_loop() -> None:
    """Start the libvirt event thread once; must run before any connection opens."""
    global _thread
    with _lock:
        if _thread is not None:
            return
        _silence_default_error_printing()
        libvirt.virEventRegisterDefaultImpl()
        _thread = threading.Thread(target=_run_forever, name="libvirt-events", daemon=True)
        _thread.start()
