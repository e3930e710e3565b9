"""Graphical and serial console descriptions, the viewer's command line, and
the keys a console cannot send itself.

The graphical console is ``virt-viewer`` / ``remote-viewer`` run as a separate
process. Its command line is built from the live domain XML as an argv list
(never a shell string, so a domain name with spaces or quotes stays one
argument). The functions taking a ``virDomain`` block: run them in the
connection's pool.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from ipaddress import ip_address
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

import libvirt

from kvmgui.core.domain import read_domain_xml
from kvmgui.core.texts import Translatable
from kvmgui.core.uri import SSH_TRANSPORTS, is_local_uri, uri_transport
from kvmgui.core.xml.model import Domain

GraphicsType = Literal["spice", "vnc"]
ViewerName = Literal["virt-viewer", "remote-viewer"]

#: The Debian package that ships both ``virt-viewer`` and ``remote-viewer``.
VIEWER_PACKAGE = "virt-viewer"
#: The Debian package of ``ssh``, which tunnels the consoles of SSH connections.
SSH_PACKAGE = "openssh-client"

_SUPPORTED_TYPES: tuple[GraphicsType, ...] = ("spice", "vnc")
# Listen addresses that mean "every interface": a remote client reaches them
# at the host's own name.
_WILDCARD_LISTENS = ("0.0.0.0", "::", "")


class ViewerError(Exception):
    """The graphical console cannot be shown this way."""


class NoGraphicsError(ViewerError):
    """The domain has no SPICE or VNC display; offer the serial console instead.

    ``has_serial_console`` tells whether there is one to offer (known when the
    error comes from :func:`read_viewer_command`, which has the whole XML).
    """

    def __init__(self, domain_name: str, *, has_serial_console: bool = False) -> None:
        super().__init__(Translatable(
            "consoles",
            "{name} has no graphical display (SPICE or VNC); use the serial console instead.",
            name=domain_name,
        ))
        self.domain_name = domain_name
        self.has_serial_console = has_serial_console


class UnreachableGraphicsError(ViewerError):
    """The display of a remote domain listens where this machine cannot reach it."""


@dataclass(frozen=True)
class GraphicsInfo:
    """One ``<graphics>`` device of a domain, as the live XML describes it.

    ``port`` and ``tls_port`` are ``None`` when absent or not yet allocated
    (``-1``, an inactive domain with autoport). ``has_password`` is only
    reliable on XML fetched with ``VIR_DOMAIN_XML_SECURE``: libvirt hides
    ``passwd`` otherwise.
    """

    type: GraphicsType
    port: int | None = None
    tls_port: int | None = None
    listen: str | None = None
    socket: str | None = None
    has_password: bool = False
    autoport: bool = False


def _port(value: int | None) -> int | None:
    """A real port: libvirt writes -1 until one is allocated."""
    return value if value is not None and value > 0 else None


def parse_graphics(xml: str | bytes) -> list[GraphicsInfo]:
    """The SPICE and VNC displays of a domain, in XML order (other types are skipped)."""
    found: list[GraphicsInfo] = []
    for graphics in Domain.from_xml(xml).graphics:
        kind = graphics.type
        if kind == "spice":
            gtype: GraphicsType = "spice"
        elif kind == "vnc":
            gtype = "vnc"
        else:
            continue
        found.append(
            GraphicsInfo(
                type=gtype,
                port=_port(graphics.port),
                tls_port=_port(graphics.tls_port),
                listen=graphics.listen_address,
                socket=graphics.socket_path,
                has_password=graphics.passwd is not None,
                autoport=bool(graphics.autoport),
            )
        )
    return found


def has_serial_console(xml: str | bytes) -> bool:
    """Whether the domain has a console or serial port that ``openConsole`` can attach to."""
    dom = Domain.from_xml(xml)
    if any((console.type or "pty") == "pty" for console in dom.consoles):
        return True
    return any(serial.type == "pty" for serial in dom.serials)


ConnectionKind = Literal["local", "ssh", "remote"]


def connection_kind(uri: str) -> ConnectionKind:
    """How a viewer reaches a connection's domains.

    ``local``: the daemon is on this machine (``qemu:///system``,
    ``qemu+unix:///session``, ``test:///...``). ``ssh``: kvmgui tunnels the
    display through SSH to the same host (:class:`SshTunnel`). ``remote``:
    anything else with a host.
    """
    transport = uri_transport(uri)
    if is_local_uri(uri) and transport in ("", "unix"):
        return "local"
    if transport in SSH_TRANSPORTS:
        return "ssh"
    return "remote"


def _pick(domain_name: str, graphics: Sequence[GraphicsInfo]) -> GraphicsInfo:
    for info in graphics:
        if info.type in _SUPPORTED_TYPES:
            return info
    raise NoGraphicsError(domain_name)


def _url_host(host: str) -> str:
    try:
        if ip_address(host).version == 6:
            return f"[{host}]"
    except ValueError:
        pass
    return host


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def graphics_url(info: GraphicsInfo, host: str) -> str:
    """The ``remote-viewer`` URL of a display served by ``host``."""
    if info.socket and not info.port and not info.tls_port:
        # Local only (remote-viewer 11 opens spice+unix://, not vnc+unix://).
        return f"{info.type}+unix://{info.socket}"
    name = _url_host(host)
    if info.type == "spice":
        if info.port and info.tls_port:
            return f"spice://{name}:{info.port}?tls-port={info.tls_port}"
        if info.tls_port:
            return f"spice://{name}?tls-port={info.tls_port}"
    if info.port is None:
        raise ViewerError(Translatable(
            "consoles", "The {protocol} display has no port yet; start the domain first.",
            protocol=info.type.upper(),
        ))
    return f"{info.type}://{name}:{info.port}"


def _direct_command(uri: str, domain_name: str, info: GraphicsInfo, *, local: bool) -> list[str]:
    if local:
        host = info.listen if info.listen not in (None, *_WILDCARD_LISTENS) else "127.0.0.1"
        assert host is not None
        return ["remote-viewer", graphics_url(info, host)]
    uri_host = urlsplit(uri).hostname
    if not uri_host:
        raise UnreachableGraphicsError(Translatable(
            "consoles", "{uri} names no host serving {name}'s display.", uri=uri, name=domain_name
        ))
    if info.socket and not info.port and not info.tls_port:
        raise UnreachableGraphicsError(Translatable(
            "consoles",
            "The display of {name} listens on a UNIX socket on {host}; connect with qemu+ssh:// "
            "to reach it.",
            name=domain_name, host=uri_host,
        ))
    listen = info.listen or ""
    if listen in _WILDCARD_LISTENS:
        host = uri_host
    elif _is_loopback(listen):
        raise UnreachableGraphicsError(Translatable(
            "consoles",
            "The display of {name} listens on {listen} only, which this machine cannot reach; "
            "connect with qemu+ssh:// to tunnel it.",
            name=domain_name, listen=listen,
        ))
    else:
        host = listen
    return ["remote-viewer", graphics_url(info, host)]


# ssh gives up on a host that does not answer, and ends a tunnel whose host died.
SSH_CONNECT_TIMEOUT_S = 20
SSH_ALIVE_INTERVAL_S = 15


@dataclass(frozen=True)
class SshTunnel:
    """The graphical console of a domain on an SSH connection: an ``ssh -L``
    forward that kvmgui runs, and ``remote-viewer`` on its local end.

    virt-viewer's own tunnel is not used: virt-viewer 11 tunnels only
    ``qemu+ssh`` URIs (on ``qemu+libssh2`` it connects to the display's listen
    address on *this* machine: another display, or none), ignores the URI's
    keyfile and known_hosts, and needs socat or nc on the remote host.

    The forward's local end is a UNIX socket the caller makes in a directory
    of its own (ssh creates it mode 0600): the display is reachable by this
    user only. remote-viewer 11 opens VNC on TCP only (``vnc+unix://`` fails
    in gtk-vnc), so a VNC display is also forwarded from a port on
    127.0.0.1, which other users of this machine can reach. ssh runs with ``BatchMode`` and
    ``StrictHostKeyChecking=yes``: it never prompts, and refuses a host whose
    key is not already known (the connection's known_hosts when its URI names
    one, else ssh's own). A key with a passphrase must be in the SSH agent.
    """

    domain_name: str
    display: GraphicsType
    host: str
    #: Where the remote sshd connects: ``address:port`` or a UNIX socket path.
    target: str
    user: str | None = None
    port: int | None = None
    keyfile: str | None = None
    known_hosts: str | None = None

    def __post_init__(self) -> None:
        for path in (self.keyfile, self.known_hosts):
            # ssh expands ${VAR} in these options; quotes and backslashes end them.
            if path is not None and (any(char in path for char in '"\\$') or path[:1] != "/"):
                raise UnreachableGraphicsError(Translatable(
                    "consoles",
                    "kvmgui cannot pass the SSH file {path!r} to ssh for the console tunnel.",
                    path=path,
                ))

    @property
    def needs_port(self) -> bool:
        """Whether the viewer needs a loopback TCP port as well as the socket."""
        return self.display == "vnc"

    def ssh_argv(self, local_socket: str, local_port: int | None = None) -> list[str]:
        """The ``ssh`` argv forwarding ``local_socket`` (and ``local_port`` on 127.0.0.1)
        to the display, until it is ended."""
        if ":" in local_socket:
            raise ValueError(f"ssh cannot forward from a path with ':' ({local_socket!r}).")
        # ssh listens on its forwards in order: once the socket exists, all listen.
        forwards = ["-L", f"{local_socket}:{self.target}"]
        if local_port is not None:
            forwards = ["-L", f"127.0.0.1:{local_port}:{self.target}", *forwards]
        argv = [
            "ssh", "-N", "-T", "-x", "-a",
            "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=yes",
            "-o", "ExitOnForwardFailure=yes",
            # A master connection of the user's config would outlive this tunnel.
            "-o", "ControlMaster=no", "-o", "ControlPath=none",
            "-o", f"ConnectTimeout={SSH_CONNECT_TIMEOUT_S}",
            "-o", f"ServerAliveInterval={SSH_ALIVE_INTERVAL_S}",
        ]  # fmt: skip
        if self.known_hosts:
            argv += ["-o", f'UserKnownHostsFile="{_ssh_path(self.known_hosts)}"']
        if self.keyfile:
            argv += ["-i", _ssh_path(self.keyfile)]
        if self.port is not None:
            argv += ["-p", str(self.port)]
        if self.user:
            argv += ["-l", self.user]
        return [*argv, *forwards, "--", self.host]

    def viewer_argv(self, local_socket: str, local_port: int | None = None) -> list[str]:
        """The ``remote-viewer`` argv showing the display at the forward's local end."""
        if self.needs_port:
            if local_port is None:
                raise ValueError("A VNC display is opened on a loopback port.")
            url = f"vnc://127.0.0.1:{local_port}"
        else:
            url = f"{self.display}+unix://{local_socket}"
        return ["remote-viewer", "--title", self.domain_name, url]


def free_loopback_port() -> int:
    """A TCP port free on 127.0.0.1 now (ssh refuses it, ExitOnForwardFailure, if taken since)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


#: What opens a graphical console: a viewer's argv, or a tunnel and the viewer behind it.
ViewerCommand = list[str] | SshTunnel

def _ssh_path(path: str) -> str:
    """``path`` as ssh reads it in ``-i`` and ``-o``: ssh expands ``%`` tokens there."""
    return path.replace("%", "%%")


def _ssh_tunnel(uri: str, domain_name: str, info: GraphicsInfo) -> SshTunnel:
    parts = urlsplit(uri)
    if not parts.hostname:
        raise UnreachableGraphicsError(Translatable(
            "consoles", "{uri} names no host serving {name}'s display.", uri=uri, name=domain_name
        ))
    if info.port:
        listen = info.listen or ""
        # A display on every interface is also on the remote host's loopback.
        address = "127.0.0.1" if listen in _WILDCARD_LISTENS else listen
        target = f"{_url_host(address)}:{info.port}"
    elif info.socket and ":" not in info.socket:
        target = info.socket
    elif info.tls_port:
        raise UnreachableGraphicsError(Translatable(
            "consoles",
            "The display of {name} has only a TLS port, which kvmgui does not tunnel.",
            name=domain_name,
        ))
    else:
        raise ViewerError(Translatable(
            "consoles", "The {protocol} display has no port yet; start the domain first.",
            protocol=info.type.upper(),
        ))
    query = dict(parse_qsl(parts.query))
    return SshTunnel(
        domain_name=domain_name,
        display=info.type,
        host=parts.hostname,
        target=target,
        user=unquote(parts.username) if parts.username else None,
        port=parts.port,
        keyfile=query.get("keyfile") or None,
        known_hosts=query.get("known_hosts") or None,
    )


def viewer_command(
    uri: str,
    domain_name: str,
    graphics: Sequence[GraphicsInfo],
    viewer: ViewerName = "virt-viewer",
) -> ViewerCommand:
    """What opens the graphical console of ``domain_name``.

    Local connections attach through libvirt (``virt-viewer --attach``: no TCP
    port, no password). SSH connections get an :class:`SshTunnel` to the
    display (``--attach`` needs a UNIX socket to libvirt). Other remote
    connections open ``remote-viewer`` on the URL the live XML gives.
    ``viewer="remote-viewer"`` asks for the direct URL on a local connection
    too, where the display has one. The first SPICE or VNC display is used;
    raises :class:`NoGraphicsError` when there is none. Passwords are never
    put on the command line (other users could read them): the viewer prompts.
    """
    info = _pick(domain_name, graphics)
    kind = connection_kind(uri)
    if kind == "local":
        # A display with neither port nor socket (listen type none, or not
        # started yet) can only be reached through libvirt; remote-viewer 11
        # opens no VNC socket.
        reachable_directly = (
            info.port or info.tls_port or (info.socket and info.type == "spice"))
        if viewer == "virt-viewer" or not reachable_directly:
            # A name starting with "-" would be read as an option.
            name_args = ["--", domain_name] if domain_name.startswith("-") else [domain_name]
            return ["virt-viewer", "--connect", uri, "--wait", "--attach", *name_args]
        return _direct_command(uri, domain_name, info, local=True)
    if kind == "ssh":
        return _ssh_tunnel(uri, domain_name, info)
    return _direct_command(uri, domain_name, info, local=False)


def read_viewer_command(
    dom: libvirt.virDomain, uri: str, viewer: ViewerName = "virt-viewer"
) -> ViewerCommand:
    """What opens the graphical console of ``dom`` on ``uri``, from its live XML.

    Blocking (one RPC). Raises as :func:`viewer_command` does; its
    :class:`NoGraphicsError` says whether the domain has a serial console.
    """
    xml = read_domain_xml(dom)
    name = dom.name()
    try:
        return viewer_command(uri, name, parse_graphics(xml), viewer)
    except NoGraphicsError:
        raise NoGraphicsError(name, has_serial_console=has_serial_console(xml)) from None


def find_viewer(name: str) -> str | None:
    """The absolute path of a viewer program, or None when it is not installed."""
    return shutil.which(name)


def install_hint(program: str, package: str = VIEWER_PACKAGE) -> str:
    """What to tell a user whose machine lacks ``program`` (shipped in ``package``)."""
    return Translatable(
        "consoles",
        "{program} is not installed. Install it with 'sudo apt install {package}' (Debian, "
        "Ubuntu) or your distribution's {package} package.",
        program=program, package=package,
    )


# --- keys the host keeps for itself -------------------------------------------
# Ctrl+Alt+Del or Ctrl+Alt+F2 typed on the host never reach a guest (the host's
# session takes them), so they are sent with virDomainSendKey as Linux input
# key codes, which libvirt translates for every display type.

# linux/input-event-codes.h
KEY_LEFTCTRL = 29
KEY_LEFTALT = 56
KEY_F1 = 59
KEY_SYSRQ = 99  # the PrintScreen/SysRq key
KEY_DELETE = 111


@dataclass(frozen=True)
class KeyCombo:
    """Keys pressed together, then released."""

    label: str
    codes: tuple[int, ...]


CTRL_ALT_DEL = KeyCombo("Ctrl+Alt+Del", (KEY_LEFTCTRL, KEY_LEFTALT, KEY_DELETE))
KEY_COMBOS: tuple[KeyCombo, ...] = (
    CTRL_ALT_DEL,
    *(
        KeyCombo(f"Ctrl+Alt+F{number}", (KEY_LEFTCTRL, KEY_LEFTALT, KEY_F1 + number - 1))
        for number in range(1, 8)
    ),
    # Magic SysRq is Alt held with the SysRq key; the guest then waits for a letter.
    KeyCombo("Alt+SysRq", (KEY_LEFTALT, KEY_SYSRQ)),
    KeyCombo("PrintScreen", (KEY_SYSRQ,)),
)


def send_key_combo(dom: libvirt.virDomain, combo: KeyCombo) -> None:
    """Press and release ``combo`` in the guest (blocking: one RPC)."""
    codes = list(combo.codes)
    # Hold time 0: libvirt's default (a press short enough not to repeat).
    dom.sendKey(libvirt.VIR_KEYCODE_SET_LINUX, 0, codes, len(codes), 0)
