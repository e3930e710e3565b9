"""A local connection's ``libvirt.open``, begun at launch before the rest loads.

A large test-driver file or a slow daemon takes longer to open than the window
takes to appear, so the entry point starts the open first of all. This module
imports only libvirt and the event loop thread: asyncio, the connection code
and Qt load while the open runs (a 10,000-domain test-driver file takes over
a second to open).
"""

from __future__ import annotations

import concurrent.futures
import threading

import libvirt

from kvmgui.core.events import ensure_event_loop

#: An open of a URI under way (see start_opening).
Opening = concurrent.futures.Future[libvirt.virConnect]


def start_opening(uri: str) -> Opening:
    """``libvirt.open(uri)``, begun now in a thread of its own. Give the future
    to the :class:`~kvmgui.core.connection.Connection` of ``uri``."""
    ensure_event_loop()
    future: Opening = concurrent.futures.Future()

    def run() -> None:
        try:
            future.set_result(libvirt.open(uri))
        except BaseException as err:  # handed to the Connection, which reports it
            future.set_exception(err)

    threading.Thread(target=run, name="libvirt-open", daemon=True).start()
    return future
