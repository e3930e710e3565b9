"""A throwaway sshd on a loopback port, for tests of remote connections (qemu+libssh2).

Everything it uses (host key, client key, authorized_keys, config, log) is in
one private directory the test gives it. Stopping it ends the listener and the
sessions it forked (each in a session of its own: found as its descendants in
/proc), by their process ids: no other sshd is touched.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from kvmgui.core.consoles import free_loopback_port

SSHD = "/usr/sbin/sshd"


class LocalSshd:
    """sshd for root on 127.0.0.1:``port``, accepting one key (with ``passphrase`` if given)."""

    def __init__(self, directory: Path, passphrase: str = "") -> None:
        self.directory = directory
        self.port = free_loopback_port()
        self.passphrase = passphrase
        self.client_key = directory / "client_key"
        self.known_hosts = directory / "known_hosts"
        self._process: subprocess.Popen[bytes] | None = None
        for key, secret in ((directory / "host_key", ""), (self.client_key, passphrase)):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", secret, "-C",
                            "kvmgui-test", "-f", str(key)], check=True)
        (directory / "client_key.pub").rename(directory / "authorized_keys")
        # StrictModes off: the keys live in a test's temporary directory, under /tmp.
        (directory / "sshd_config").write_text(f"""\
Port {self.port}
ListenAddress 127.0.0.1
HostKey {directory / "host_key"}
PidFile {directory / "sshd.pid"}
AuthorizedKeysFile {directory / "authorized_keys"}
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
""")

    @property
    def uri(self) -> str:
        return (f"qemu+libssh2://root@127.0.0.1:{self.port}/system"
                f"?keyfile={self.client_key}&known_hosts={self.known_hosts}")

    def start(self) -> None:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # its privilege separation dir
        log = (self.directory / "sshd.log").open("ab")
        self._process = subprocess.Popen(
            [SSHD, "-D", "-e", "-f", str(self.directory / "sshd_config")],
            stdout=log, stderr=log, start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"sshd exited: {(self.directory / 'sshd.log').read_text()}")
            with contextlib.suppress(OSError), socket.create_connection(
                ("127.0.0.1", self.port), timeout=0.2
            ):
                return
            time.sleep(0.05)
        raise RuntimeError("sshd did not listen")

    def sessions(self) -> list[int]:
        """The processes of the sessions this sshd forked (none once they all ended)."""
        return _descendants(self._process.pid) if self._process is not None else []

    def stop(self) -> None:
        """End this sshd and every session it forked: open connections break."""
        process, self._process = self._process, None
        if process is None:
            return
        # Found before the listener ends: then its children are no longer its own.
        for pid in [process.pid, *_descendants(process.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        process.wait(timeout=10)


def _descendants(pid: int) -> list[int]:
    """The processes below ``pid``, from /proc (children before their own children)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            # pid (comm) state ppid …: comm may hold spaces, so split after its ')'.
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(entry.name))
    found: list[int] = []
    queue = [pid]
    while queue:
        children = parents.get(queue.pop(0), [])
        found += children
        queue += children
    return found
