"""Errors of libvirt calls, worded for the user."""

from __future__ import annotations

import libvirt


class LibvirtCallError(Exception):
    """A libvirt call failed; ``what`` says what the user asked for."""

    def __init__(self, what: str, message: str, code: int = 0) -> None:
        super().__init__(f"{what}: {message}")
        self.what = what
        self.message = message
        self.code = code

    @classmethod
    def wrap(cls, what: str, err: libvirt.libvirtError) -> LibvirtCallError:
        return cls(what, err.get_error_message() or str(err), err.get_error_code())


def is_connection_broken(err: libvirt.libvirtError) -> bool:
    """Whether an error means the daemon is gone rather than the call being refused."""
    code = err.get_error_code()
    if code in (libvirt.VIR_ERR_NO_CONNECT, libvirt.VIR_ERR_INVALID_CONN):
        return True
    if code in (libvirt.VIR_ERR_SYSTEM_ERROR, libvirt.VIR_ERR_INTERNAL_ERROR, libvirt.VIR_ERR_RPC):
        message = (err.get_error_message() or "").lower()
        return any(
            word in message
            for word in ("socket is closed", "end of file", "connection reset", "broken pipe")
        )
    return False


def describe_open_error(uri: str, err: libvirt.libvirtError) -> str:
    """Why a connection could not be opened, and what to do about it."""
    message = err.get_error_message() or str(err)
    lowered = message.lower()
    daemon_missing = "socket" in lowered and (
        "no such file or directory" in lowered or "connection refused" in lowered
    )
    if daemon_missing:
        return (
            f"The libvirt daemon is not running ({message}). Start it with "
            "'sudo systemctl start libvirtd' (or 'sudo libvirtd -d' where there is "
            "no systemd), or try the demo."
        )
    if "permission denied" in lowered or "authentication failed" in lowered:
        return (
            f"You may not use {uri} ({message}). Add yourself to the 'libvirt' group "
            "('sudo usermod -aG libvirt $USER'), then log out and in again."
        )
    if "no connection driver available" in lowered:
        return f"libvirt has no driver for {uri!r} ({message}). Check the URI."
    if uri.startswith("qemu+ssh://"):
        return f"Could not reach the host over SSH ({message}). Check the host and your SSH key."
    return f"Could not connect to {uri}: {message}"
