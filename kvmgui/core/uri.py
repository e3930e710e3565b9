"""libvirt connection URIs: checking what a user typed, and the demo's."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from kvmgui.core.resource_files import resource_file
from kvmgui.core.texts import Translatable

_SCHEME = re.compile(r"^[a-z][a-z0-9]*(\+[a-z0-9]+)?$")
# The SSH transports: the ssh program, or libssh2 inside libvirt (which asks
# kvmgui's credential callback for host keys, passphrases and passwords).
SSH_TRANSPORTS = ("ssh", "libssh2")
NETWORK_TRANSPORTS = (*SSH_TRANSPORTS, "tcp", "tls")
# libvirt 9.0's libssh client crashes the process (SIGSEGV inside its own I/O
# loop) when calls overlap on one connection: 3 of 3 runs of test_remote_ssh,
# 1 of 2 with the calls serialised; libssh2 passed 6 of 6 with the same tests.
REFUSED_TRANSPORTS = {
    "libssh": Translatable(
        "uri",
        "qemu+libssh crashes libvirt 9.0's client when calls overlap: "
        "use qemu+libssh2 (the same questions, in kvmgui's dialogs) or qemu+ssh.",
    ),
}
# `ext` runs a local program named in the URI: never from a typed URI.
ALLOWED_TRANSPORTS = ("", "unix", *NETWORK_TRANSPORTS)
KNOWN_DRIVERS = ("qemu", "test", "lxc", "xen", "vbox", "ch", "bhyve", "vz", "esx")
# Query parameters that choose a key or an authentication method; the others
# (no_verify, known_hosts_verify, command, netcat, proxy, ...) turn off host-key
# checks or run commands, and a remote `socket` reaches the remote shell.
REMOTE_PARAMETERS = frozenset({"keyfile", "sshauth", "known_hosts", "mode", "pkipath", "no_tty"})
LOCAL_PARAMETERS = frozenset({"socket", "mode"})
# A POSIX user name; never starting with "-" (ssh would read it as an option).
_USER = re.compile(r"[A-Za-z_][A-Za-z0-9._-]{0,31}")
_HOST_LABEL = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
HOST_MAX = 253


def uri_transport(uri: str) -> str:
    """The transport a URI names after its driver ("ssh" in qemu+ssh://…; "" for none)."""
    return uri.strip().split("://", 1)[0].partition("+")[2]


def is_local_uri(uri: str) -> bool:
    """Whether the connection's host is this machine: its URI names no host."""
    return not urlsplit(uri).netloc


def is_in_process_uri(uri: str) -> bool:
    """Whether libvirt runs the URI's driver inside this process (the test driver on a
    local file): its calls are function calls there, not RPCs to a daemon."""
    return is_local_uri(uri) and uri.strip().split(":", 1)[0] == "test"


def demo_uri() -> str:
    """libvirt's test driver on the demo fleet shipped with kvmgui."""
    return f"test://{resource_file('demo-fleet.xml')}"


def host_problem(host: str) -> str:
    """What is wrong with a host name or address, or "" when it is one."""
    if not host:
        return Translatable("uri", "Enter the host to connect to.")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return ""
    if len(host) > HOST_MAX or not all(_HOST_LABEL.fullmatch(label) for label in host.split(".")):
        return Translatable("uri", "{host!r} is not a host name or IP address.", host=host)
    return ""


def user_problem(user: str) -> str:
    """What is wrong with an SSH user name ("" for none or a valid one)."""
    if user and not _USER.fullmatch(user):
        return Translatable(
            "uri", "{user!r} is not a user name (letters, digits, '.', '_', '-').", user=user
        )
    return ""


def keyfile_problem(path: str) -> str:
    """What is wrong with an SSH private key's path ("" for none or an absolute path)."""
    if path and (not path.startswith("/") or any(ord(c) < 32 for c in path)):
        return Translatable("uri", "{path!r} is not an absolute path to a private key.", path=path)
    return ""


def ssh_uri(
    user: str, host: str, port: int | None = None, keyfile: str = "", transport: str = "ssh",
) -> str:
    """The qemu+ssh (or qemu+libssh2) URI of ``user@host:port``, with ``keyfile``;
    ValueError when a part is not valid."""
    if problem := user_problem(user) or host_problem(host) or keyfile_problem(keyfile):
        raise ValueError(problem)
    if port is not None and not 0 < port < 65536:
        raise ValueError(Translatable("uri", "{port} is not a TCP port.", port=port))
    if transport not in SSH_TRANSPORTS:
        raise ValueError(
            Translatable("uri", "{transport!r} is not an SSH transport.", transport=transport)
        )
    where = f"[{host}]" if ":" in host else host
    if port is not None and port != 22:
        where += f":{port}"
    query = f"?keyfile={quote(keyfile, safe='/')}" if keyfile else ""
    return f"qemu+{transport}://{quote(user, safe='') + '@' if user else ''}{where}/system{query}"


def uri_warning(uri: str) -> str:
    """A risk the user should know of before connecting, or ""."""
    if uri_transport(uri) == "tcp":
        return Translatable(
            "uri",
            "qemu+tcp sends everything unencrypted and usually without authentication: "
            "prefer qemu+ssh or qemu+tls.",
        )
    return ""


def uri_problem(uri: str) -> str:
    """What is wrong with a URI the user typed, or "" when it looks right."""
    text = uri.strip()
    if not text:
        return Translatable("uri", "Enter a connection URI, for example qemu:///system.")
    if "://" not in text:
        return Translatable(
            "uri", "{text!r} is not a URI: it needs a scheme, as in qemu:///system.", text=text
        )
    scheme = text.split("://", 1)[0]
    if not _SCHEME.match(scheme):
        return Translatable("uri", "{scheme!r} is not a valid URI scheme.", scheme=scheme)
    driver = scheme.split("+", 1)[0]
    if driver not in KNOWN_DRIVERS:
        return Translatable(
            "uri",
            "Unknown hypervisor driver {driver!r} (known: {join}).",
            driver=driver,
            join=", ".join(KNOWN_DRIVERS),
        )
    try:
        parts = urlsplit(text)
        _ = parts.port
    except ValueError as err:
        return Translatable("uri", "Malformed URI: {err}.", err=err)
    transport = uri_transport(text)
    if transport in REFUSED_TRANSPORTS:
        return REFUSED_TRANSPORTS[transport]
    if transport not in ALLOWED_TRANSPORTS:
        return Translatable(
            "uri",
            "The transport {transport!r} is not allowed (use one of: {join}).",
            transport=transport,
            join=", ".join(t for t in ALLOWED_TRANSPORTS if t),
        )
    if parts.fragment or text.endswith("#"):
        return Translatable("uri", "A connection URI has no '#' part.")
    # Without a transport, a host means TLS (libvirt's default for remote URIs).
    remote = transport in NETWORK_TRANSPORTS or (not transport and bool(parts.netloc))
    if remote:
        if not parts.hostname:
            return Translatable("uri", "A remote URI needs a host, as in qemu+ssh://user@host/system.")
        if problem := host_problem(parts.hostname) or user_problem(unquote(parts.username or "")):
            return problem
    elif parts.netloc:
        return Translatable(
            "uri", "{scheme} is local and names no host: use {scheme}:///…", scheme=scheme
        )
    allowed = REMOTE_PARAMETERS if remote else LOCAL_PARAMETERS
    for key, _value in parse_qsl(parts.query, keep_blank_values=True):
        if key not in allowed:
            return Translatable("uri", "The URI parameter {key!r} is not allowed here.", key=key)
    if driver == "test" and parts.path not in ("/default", "") and not Path(parts.path).is_file():
        return Translatable("uri", "No such test driver file: {path}", path=parts.path)
    if driver == "qemu" and parts.path not in ("/system", "/session", "/embed"):
        return Translatable("uri", "A QEMU URI ends in /system or /session.")
    return ""
