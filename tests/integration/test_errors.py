"""A connection to the real daemon whose transport breaks under it is told broken.

The test's connection reaches libvirtd through a relay socket that the test
then cuts, as a daemon that dies or a network that drops would.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.errors import is_connection_broken

DAEMON_SOCKET = "/run/libvirt/libvirt-sock"


class Relay:
    """Forwards every client of a socket to the daemon's, until cut."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._server = socket.socket(socket.AF_UNIX)
        self._server.bind(str(path))
        self._server.listen()
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):  # the server socket closed: the test ended
            while True:
                client, _ = self._server.accept()
                daemon = socket.socket(socket.AF_UNIX)
                daemon.connect(DAEMON_SOCKET)
                self._sockets += [client, daemon]
                for source, target in ((client, daemon), (daemon, client)):
                    threading.Thread(target=_pump, args=(source, target), daemon=True).start()

    def cut(self) -> None:
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        self.cut()
        self._server.close()


def _pump(source: socket.socket, target: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            target.sendall(data)


@pytest.fixture
def relay(system: libvirt.virConnect, tmp_path: Path) -> Iterator[Relay]:
    assert system.isAlive()  # the daemon answers
    relayed = Relay(tmp_path / "relay-sock")
    yield relayed
    relayed.close()


def test_calls_after_the_transport_broke_say_the_connection_is_broken(relay: Relay) -> None:
    conn = libvirt.open(f"qemu:///system?socket={relay.path}")
    try:
        assert conn.getLibVersion() > 0
        relay.cut()
        errors = []
        for _ in range(2):  # the call that meets the cut, then one on a closed client
            with pytest.raises(libvirt.libvirtError) as caught:
                conn.getLibVersion()
            errors.append(caught.value)
    finally:
        with contextlib.suppress(libvirt.libvirtError):
            conn.close()
    for err in errors:
        assert err.get_error_domain() == libvirt.VIR_FROM_RPC
        assert is_connection_broken(err), err.get_error_message()
