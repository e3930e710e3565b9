"""Errors of libvirt calls, worded for the user.

libvirt translates its messages, so errors are told apart by their code, their
domain (the part of libvirt that raised them) and, for system errors, the
errno libvirt keeps in ``int1`` (it travels over the RPC protocol too), never
by the message text.
"""

from __future__ import annotations

import errno
from urllib.parse import urlsplit

import libvirt

from kvmgui.core.texts import Translatable
from kvmgui.core.uri import SSH_TRANSPORTS, uri_transport


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


_TRANSPORT_DOMAINS = (libvirt.VIR_FROM_RPC, libvirt.VIR_FROM_REMOTE)
# A transport that died under a call: EOF (libvirt reports it as EIO), reset, broken pipe.
_TRANSPORT_LOST = (
    errno.EIO, errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED, errno.ENOTCONN,
    errno.ESHUTDOWN, errno.ETIMEDOUT,
)
# Nothing listens where the daemon's socket should be.
_NO_LISTENER = (errno.ENOENT, errno.ECONNREFUSED)
_ACCESS_ERRNOS = (errno.EACCES, errno.EPERM)
_ACCESS_CODES = (
    libvirt.VIR_ERR_AUTH_FAILED,
    libvirt.VIR_ERR_AUTH_CANCELLED,
    libvirt.VIR_ERR_AUTH_UNAVAILABLE,
    libvirt.VIR_ERR_OPERATION_DENIED,
)


def _system_errno(err: libvirt.libvirtError) -> int | None:
    """The errno of a system error (libvirt keeps it in ``int1``), else None."""
    if err.get_error_code() != libvirt.VIR_ERR_SYSTEM_ERROR:
        return None
    return err.get_int1()


def is_connection_broken(err: libvirt.libvirtError) -> bool:
    """Whether an error means the daemon is gone rather than the call being refused."""
    code = err.get_error_code()
    if code in (libvirt.VIR_ERR_NO_CONNECT, libvirt.VIR_ERR_INVALID_CONN):
        return True
    if err.get_error_domain() not in _TRANSPORT_DOMAINS:
        return False
    # After the transport broke, every call says "client socket is closed".
    return code == libvirt.VIR_ERR_INTERNAL_ERROR or _system_errno(err) in _TRANSPORT_LOST


def is_out_of_space(err: libvirt.libvirtError) -> bool:
    """Whether a call failed because a file system (or the user's quota) is full."""
    return _system_errno(err) in (errno.ENOSPC, errno.EDQUOT)


def _transport(uri: str) -> tuple[str, bool]:
    """The transport a URI names ("" for the default) and whether it names a host."""
    return uri_transport(uri), bool(urlsplit(uri).hostname)


def describe_open_error(uri: str, err: libvirt.libvirtError) -> str:
    """Why a connection could not be opened, and what to do about it."""
    message = err.get_error_message() or str(err)
    code = err.get_error_code()
    system_errno = _system_errno(err)
    transport, remote = _transport(uri)
    local_socket = transport in ("", "unix") and not remote
    if (
        local_socket
        and system_errno in _NO_LISTENER
        and err.get_error_domain() in _TRANSPORT_DOMAINS
    ):
        return Translatable(
            "errors",
            "The libvirt daemon is not running ({message}). Start it with 'sudo systemctl start "
            "libvirtd' (or 'sudo libvirtd -d' where there is no systemd), or try the demo.",
            message=message,
        )
    if code in _ACCESS_CODES or system_errno in _ACCESS_ERRNOS:
        return Translatable(
            "errors",
            "You may not use {uri} ({message}). Add yourself to the 'libvirt' group "
            "('sudo usermod -aG libvirt $USER'), then log out and in again.",
            uri=uri, message=message,
        )
    if code == libvirt.VIR_ERR_NO_CONNECT and err.get_error_domain() == libvirt.VIR_FROM_NONE:
        return Translatable(
            "errors",
            "libvirt has no driver for {uri!r} ({message}). Check the URI.",
            uri=uri,
            message=message,
        )
    if transport in SSH_TRANSPORTS:
        return Translatable(
            "errors",
            "Could not reach the host over SSH ({message}). Check the host and your SSH key.",
            message=message,
        )
    return Translatable("errors", "Could not connect to {uri}: {message}", uri=uri, message=message)
