"""The SSH command line into a guest: its user, its address, its own known-hosts file.

Each VM has its own known-hosts file, named by its UUID: a re-created VM (a
new UUID) starts afresh, while a changed key on the same VM is refused by ssh
with its own warning (``StrictHostKeyChecking=accept-new`` accepts only keys
never seen). A guest behind a remote libvirt host is reached through that host
(``-J``), as the host's own connection is.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_USER = "root"


def known_hosts_path(uuid: str, data_home: Path | None = None) -> Path:
    """The VM's known-hosts file under kvmgui's data directory (XDG_DATA_HOME)."""
    base = data_home or Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local/share")
    return base / "kvmgui" / "known_hosts" / uuid


def jump_host(uri: str) -> str | None:
    """``user@host`` of a qemu+ssh:// connection, through which its guests are reached."""
    parts = urlsplit(uri)
    if not parts.scheme.endswith("+ssh") or not parts.hostname:
        return None
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return f"{user}{parts.hostname}{port}"


def ssh_command(
    address: str, user: str, known_hosts: Path, uri: str = "qemu:///system"
) -> list[str]:
    """The ssh argument list to log into ``address`` as ``user`` (root when empty)."""
    if not address:
        raise ValueError("the guest has no address yet")
    args = [
        "ssh",
        "-o", f"UserKnownHostsFile={known_hosts}",
        "-o", "StrictHostKeyChecking=accept-new",
    ]
    jump = jump_host(uri)
    if jump is not None:
        args += ["-J", jump]
    args.append(f"{user or DEFAULT_USER}@{address}")
    return args


def ssh_command_line(args: list[str]) -> str:
    """The command as a user pastes it into a shell."""
    return shlex.join(args)
