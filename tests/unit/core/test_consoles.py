"""Console descriptions, viewer command lines, send keys and the serial console stream.

libvirt's test driver cannot open consoles, so the stream is driven here by
fakes that behave as libvirt's non-blocking streams do (recv returns -2 when
empty, b"" at the end); real guests exercise it in the integration tests.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import libvirt
import pytest

from kvmgui.core.consoles import (
    CTRL_ALT_DEL,
    KEY_COMBOS,
    KEY_DELETE,
    KEY_LEFTALT,
    KEY_LEFTCTRL,
    SSH_PACKAGE,
    VIEWER_PACKAGE,
    GraphicsInfo,
    KeyCombo,
    NoGraphicsError,
    SshTunnel,
    UnreachableGraphicsError,
    ViewerCommand,
    ViewerError,
    connection_kind,
    find_viewer,
    has_serial_console,
    install_hint,
    parse_graphics,
    read_viewer_command,
    send_key_combo,
    viewer_command,
)
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.serial import (
    CLOSED_EOF,
    CLOSED_HANGUP,
    ConsoleBusyError,
    SerialConsoleStream,
    open_serial_console,
)
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_uuid, write_node

LIVE_XML = """\
<domain type='kvm' id='3'>
  <name>web 1</name>
  <devices>
    <serial type='pty'>
      <source path='/dev/pts/4'/>
      <target type='isa-serial' port='0'/>
    </serial>
    <console type='pty' tty='/dev/pts/4'>
      <target type='serial' port='0'/>
    </console>
    <graphics type='spice' port='5900' tlsPort='5901' autoport='yes' listen='127.0.0.1'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
    <graphics type='vnc' socket='/run/libvirt/qemu/vnc-3.sock'>
      <listen type='socket' socket='/run/libvirt/qemu/vnc-3.sock'/>
    </graphics>
    <graphics type='vnc' port='5902' autoport='no' passwd='s3cret'>
      <listen type='network' address='192.168.122.1' network='default'/>
    </graphics>
    <graphics type='sdl' display=':0'/>
  </devices>
</domain>
"""

INACTIVE_XML = """\
<domain type='kvm'>
  <name>off</name>
  <devices>
    <graphics type='spice' autoport='yes'>
      <listen type='address'/>
    </graphics>
  </devices>
</domain>
"""

HEADLESS_XML = "<domain type='kvm'><name>headless</name><devices/></domain>"

SPICE = GraphicsInfo(type="spice", port=5900, listen="0.0.0.0")
VNC = GraphicsInfo(type="vnc", port=5901, listen="0.0.0.0")
ODD_NAMES = ["web 1", 'say "hi"', "it's mine", "a;b && rm -rf ~ `x` $(y)"]


# --- parsing ----------------------------------------------------------------


def test_parse_graphics_reads_every_spice_and_vnc_display() -> None:
    spice, vnc_socket, vnc_network = parse_graphics(LIVE_XML)
    assert spice == GraphicsInfo(
        type="spice", port=5900, tls_port=5901, listen="127.0.0.1", autoport=True
    )
    assert vnc_socket.type == "vnc"
    assert vnc_socket.socket == "/run/libvirt/qemu/vnc-3.sock"
    assert vnc_socket.port is None
    assert vnc_network == GraphicsInfo(
        type="vnc", port=5902, listen="192.168.122.1", has_password=True
    )


def test_parse_graphics_of_an_inactive_domain_has_no_port() -> None:
    [spice] = parse_graphics(INACTIVE_XML.encode())
    assert spice.port is None
    assert spice.autoport


def test_parse_graphics_of_a_headless_domain_is_empty() -> None:
    assert parse_graphics(HEADLESS_XML) == []


def test_has_serial_console() -> None:
    assert has_serial_console(LIVE_XML)
    assert not has_serial_console(HEADLESS_XML)


# --- connection kinds and viewer commands -----------------------------------


@pytest.mark.parametrize(
    ("uri", "kind"),
    [
        ("qemu:///system", "local"),
        ("qemu:///session", "local"),
        ("qemu+unix:///system", "local"),
        ("test:///tmp/fleet.xml", "local"),
        ("qemu+ssh://root@host.example/system", "ssh"),
        ("qemu+ssh://host.example:2222/system?keyfile=/k", "ssh"),
        ("qemu+tcp://host.example/system", "remote"),
        ("qemu+tls://host.example/system", "remote"),
        ("qemu://host.example/system", "remote"),
    ],
)
def test_connection_kind(uri: str, kind: str) -> None:
    assert connection_kind(uri) == kind


@pytest.mark.parametrize("uri", ["qemu:///system", "qemu:///session", "test:///tmp/fleet.xml"])
@pytest.mark.parametrize("graphics", [SPICE, VNC])
def test_local_connection_attaches(uri: str, graphics: GraphicsInfo) -> None:
    assert viewer_command(uri, "web", [graphics]) == [
        "virt-viewer", "--connect", uri, "--wait", "--attach", "web",
    ]  # fmt: skip


def argv_of(command: ViewerCommand) -> list[str]:
    assert isinstance(command, list), command
    return command


def tunnel_of(command: ViewerCommand) -> SshTunnel:
    assert isinstance(command, SshTunnel), command
    return command


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_names_stay_one_argument(name: str) -> None:
    local = argv_of(viewer_command("qemu:///system", name, [SPICE]))
    assert local[-1] == name
    assert local.count(name) == 1
    viewer = tunnel_of(viewer_command("qemu+ssh://root@h/system", name, [SPICE])).viewer_argv("/s")
    assert viewer == ["remote-viewer", "--title", name, "spice+unix:///s"]


def test_a_name_that_looks_like_an_option_is_not_read_as_one() -> None:
    assert argv_of(viewer_command("qemu:///system", "--help", [SPICE]))[-2:] == ["--", "--help"]


LIBSSH2_URI = ("qemu+libssh2://root@host.example:2222/system"
               "?keyfile=/home/me/.ssh/id_ed25519&known_hosts=/home/me/kvmgui/known_hosts")
# What every tunnel runs with: no prompt, no unknown host, nothing else forwarded.
SSH_OPTIONS = [
    "ssh", "-N", "-T", "-x", "-a",
    "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "ExitOnForwardFailure=yes",
    "-o", "ControlMaster=no", "-o", "ControlPath=none",
    "-o", "ConnectTimeout=20", "-o", "ServerAliveInterval=15",
]  # fmt: skip


LOCAL_SOCKET = "/run/user/1000/kvmgui-console-x/display"


@pytest.mark.parametrize(
    ("graphics", "target"),
    [
        # What the wizard makes for a remote VM: SPICE on the remote loopback.
        (GraphicsInfo(type="spice", port=5900, listen="127.0.0.1", autoport=True),
         "127.0.0.1:5900"),
        (GraphicsInfo(type="spice", port=5901, listen="0.0.0.0"), "127.0.0.1:5901"),
        (GraphicsInfo(type="spice", port=5902, listen="::"), "127.0.0.1:5902"),
        (GraphicsInfo(type="spice", port=5903, listen="::1"), "[::1]:5903"),
        (GraphicsInfo(type="spice", port=5904, listen="10.0.0.7"), "10.0.0.7:5904"),
        (GraphicsInfo(type="spice", socket="/run/libvirt/qemu/spice-3.sock"),
         "/run/libvirt/qemu/spice-3.sock"),
    ],
)  # fmt: skip
def test_libssh2_connection_tunnels_spice_to_a_private_socket(
    graphics: GraphicsInfo, target: str,
) -> None:
    tunnel = tunnel_of(viewer_command(LIBSSH2_URI, "web 1", [graphics]))
    assert not tunnel.needs_port
    assert tunnel.ssh_argv(LOCAL_SOCKET) == [
        *SSH_OPTIONS,
        "-o", 'UserKnownHostsFile="/home/me/kvmgui/known_hosts"',
        "-i", "/home/me/.ssh/id_ed25519",
        "-p", "2222", "-l", "root",
        "-L", f"{LOCAL_SOCKET}:{target}", "--", "host.example",
    ]  # fmt: skip
    assert tunnel.viewer_argv(LOCAL_SOCKET) == [
        "remote-viewer", "--title", "web 1", f"spice+unix://{LOCAL_SOCKET}",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("graphics", "target"),
    [
        (GraphicsInfo(type="vnc", port=5905, listen="127.0.0.1"), "127.0.0.1:5905"),
        (GraphicsInfo(type="vnc", socket="/run/libvirt/qemu/vnc-3.sock"),
         "/run/libvirt/qemu/vnc-3.sock"),
    ],
)  # fmt: skip
def test_vnc_is_tunnelled_from_a_loopback_port_listening_before_the_socket(
    graphics: GraphicsInfo, target: str,
) -> None:
    tunnel = tunnel_of(viewer_command(LIBSSH2_URI, "web", [graphics]))
    assert tunnel.needs_port
    # The socket's forward comes last: it appears once the port listens too.
    assert tunnel.ssh_argv(LOCAL_SOCKET, 41234)[-6:] == [
        "-L", f"127.0.0.1:41234:{target}", "-L", f"{LOCAL_SOCKET}:{target}",
        "--", "host.example",
    ]  # fmt: skip
    assert tunnel.viewer_argv(LOCAL_SOCKET, 41234) == [
        "remote-viewer", "--title", "web", "vnc://127.0.0.1:41234",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="loopback port"):
        tunnel.viewer_argv(LOCAL_SOCKET)


def test_ssh_connection_without_port_user_or_files_leaves_them_to_ssh() -> None:
    tunnel = tunnel_of(viewer_command("qemu+ssh://host.example/system", "web", [SPICE]))
    assert tunnel.ssh_argv("/d/display") == [
        *SSH_OPTIONS, "-L", "/d/display:127.0.0.1:5900", "--", "host.example",
    ]  # fmt: skip


def test_ssh_tunnel_paths_are_passed_as_ssh_reads_them() -> None:
    uri = ("qemu+ssh://me@[fd00::1]/system"
           "?keyfile=/home/me/my%25key&known_hosts=/home/me/known%20hosts")
    argv = tunnel_of(viewer_command(uri, "web", [SPICE])).ssh_argv("/d/display")
    # ssh expands %-tokens in both; the quotes keep a space in the option.
    assert "/home/me/my%%key" in argv
    assert 'UserKnownHostsFile="/home/me/known hosts"' in argv
    assert argv[-2:] == ["--", "fd00::1"]
    with pytest.raises(ValueError, match="':'"):
        tunnel_of(viewer_command(uri, "web", [SPICE])).ssh_argv("/d:e/display")


@pytest.mark.parametrize("keyfile", ["/home/me/$HOME/key", '/home/me/"key', "relative/key"])
def test_ssh_files_that_ssh_would_read_otherwise_are_refused(keyfile: str) -> None:
    uri = f"qemu+libssh2://me@h/system?keyfile={keyfile}"
    with pytest.raises(UnreachableGraphicsError, match="cannot pass"):
        viewer_command(uri, "web", [SPICE])


def test_ssh_tunnel_needs_a_started_plain_display() -> None:
    with pytest.raises(ViewerError, match="no port"):
        viewer_command(LIBSSH2_URI, "web", [GraphicsInfo(type="spice", autoport=True)])
    with pytest.raises(UnreachableGraphicsError, match="TLS"):
        viewer_command(LIBSSH2_URI, "web", [GraphicsInfo(type="spice", tls_port=5901)])


@pytest.mark.parametrize(
    ("graphics", "url"),
    [
        (SPICE, "spice://host.example:5900"),
        (VNC, "vnc://host.example:5901"),
        (GraphicsInfo(type="vnc", port=5905, listen="10.1.2.3"), "vnc://10.1.2.3:5905"),
        (GraphicsInfo(type="spice", port=5900, tls_port=5901), "spice://host.example:5900?tls-port=5901"),
        (GraphicsInfo(type="spice", tls_port=5901, listen="::"), "spice://host.example?tls-port=5901"),
        (GraphicsInfo(type="spice", port=5900, listen="fd00::5"), "spice://[fd00::5]:5900"),
    ],
)  # fmt: skip
def test_other_remote_connections_open_remote_viewer_on_the_xml_address(
    graphics: GraphicsInfo, url: str
) -> None:
    assert viewer_command("qemu+tcp://host.example/system", "web", [graphics]) == [
        "remote-viewer",
        url,
    ]


def test_remote_display_on_loopback_is_unreachable() -> None:
    graphics = GraphicsInfo(type="spice", port=5900, listen="127.0.0.1")
    with pytest.raises(UnreachableGraphicsError, match="qemu\\+ssh"):
        viewer_command("qemu+tls://host.example/system", "web", [graphics])
    socket_only = GraphicsInfo(type="vnc", socket="/run/vnc.sock")
    with pytest.raises(UnreachableGraphicsError):
        viewer_command("qemu+tcp://host.example/system", "web", [socket_only])


def test_remote_display_without_a_port_yet() -> None:
    with pytest.raises(ViewerError, match="no port"):
        viewer_command("qemu+tcp://h/system", "web", [GraphicsInfo(type="vnc")])


def test_local_connection_with_remote_viewer_uses_the_url() -> None:
    [spice, vnc_socket, _] = parse_graphics(LIVE_XML)
    assert viewer_command("qemu:///system", "web", [spice], viewer="remote-viewer") == [
        "remote-viewer",
        "spice://127.0.0.1:5900?tls-port=5901",
    ]
    # remote-viewer 11 opens no vnc+unix:// (gtk-vnc asserts a host): attached instead.
    assert viewer_command("qemu:///system", "web", [vnc_socket], viewer="remote-viewer") == [
        "virt-viewer", "--connect", "qemu:///system", "--wait", "--attach", "web",
    ]


def test_a_display_listening_nowhere_is_attached_even_for_remote_viewer() -> None:
    xml = (
        "<domain type='kvm'><name>web</name><devices><graphics type='spice'>"
        "<listen type='none'/></graphics></devices></domain>"
    )
    assert viewer_command("qemu:///system", "web", parse_graphics(xml), viewer="remote-viewer") == [
        "virt-viewer", "--connect", "qemu:///system", "--wait", "--attach", "web",
    ]


def test_the_first_supported_display_is_used() -> None:
    graphics = [GraphicsInfo(type="vnc", port=5907, listen="0.0.0.0"), SPICE]
    assert argv_of(viewer_command("qemu+tcp://h/system", "web", graphics))[1] == "vnc://h:5907"


@pytest.mark.parametrize("uri", ["qemu:///system", "qemu+ssh://h/system", "qemu+tcp://h/system"])
def test_no_graphics_raises_so_the_ui_offers_the_serial_console(uri: str) -> None:
    with pytest.raises(NoGraphicsError) as caught:
        viewer_command(uri, "headless", parse_graphics(HEADLESS_XML))
    assert caught.value.domain_name == "headless"
    assert "serial console" in str(caught.value)


def test_find_viewer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "virt-viewer"
    program.write_text("#!/bin/sh\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_viewer("virt-viewer") == str(program)
    assert find_viewer("remote-viewer") is None
    assert os.access(str(program), os.X_OK)


def test_install_hint_names_the_debian_package() -> None:
    assert "apt install openssh-client" in install_hint("ssh", SSH_PACKAGE)
    assert VIEWER_PACKAGE == "virt-viewer"
    assert "apt install virt-viewer" in install_hint("remote-viewer")


# --- on a live domain (libvirt's test driver) --------------------------------

GRAPHICS_DOMAIN = f"""<domain type='test'>
  <name>with screen</name><uuid>{domain_uuid("with screen")}</uuid>
  <memory unit='MiB'>512</memory><vcpu>1</vcpu><os><type>hvm</type></os>
  <devices><graphics type='vnc' port='5900' autoport='no' listen='127.0.0.1'/></devices>
</domain>"""
SERIAL_DOMAIN = f"""<domain type='test'>
  <name>serial only</name><uuid>{domain_uuid("serial only")}</uuid>
  <memory unit='MiB'>512</memory><vcpu>1</vcpu><os><type>hvm</type></os>
  <devices><serial type='pty'><target port='0'/></serial></devices>
</domain>"""


@pytest.fixture
def live(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    fleet = [FleetDomain("plain", RUNNING), FleetDomain("idle", SHUTOFF)]
    node = write_node(tmp_path / "consoles.xml", fleet, extra=GRAPHICS_DOMAIN + SERIAL_DOMAIN)
    conn = libvirt.open(f"test://{node}")
    yield conn
    conn.close()


def test_read_viewer_command_reads_the_live_xml(live: libvirt.virConnect) -> None:
    dom = live.lookupByName("with screen")
    assert read_viewer_command(dom, "qemu:///system") == [
        "virt-viewer", "--connect", "qemu:///system", "--wait", "--attach", "with screen",
    ]
    assert read_viewer_command(dom, "qemu:///system", "remote-viewer") == [
        "remote-viewer", "vnc://127.0.0.1:5900",
    ]


def test_read_viewer_command_without_graphics_says_whether_serial_is_there(
    live: libvirt.virConnect,
) -> None:
    with pytest.raises(NoGraphicsError) as serial:
        read_viewer_command(live.lookupByName("serial only"), "qemu:///system")
    assert serial.value.domain_name == "serial only"
    assert serial.value.has_serial_console
    with pytest.raises(NoGraphicsError) as headless:
        read_viewer_command(live.lookupByName("plain"), "qemu:///system")
    assert not headless.value.has_serial_console


def test_key_combos_are_linux_key_codes() -> None:
    labels = [combo.label for combo in KEY_COMBOS]
    assert labels[0] == CTRL_ALT_DEL.label == "Ctrl+Alt+Del"
    assert CTRL_ALT_DEL.codes == (KEY_LEFTCTRL, KEY_LEFTALT, KEY_DELETE) == (29, 56, 111)
    assert [f"Ctrl+Alt+F{n}" for n in range(1, 8)] == labels[1:8]
    assert {"Alt+SysRq", "PrintScreen"} <= set(labels)
    f7 = next(combo for combo in KEY_COMBOS if combo.label == "Ctrl+Alt+F7")
    assert f7.codes == (KEY_LEFTCTRL, KEY_LEFTALT, 65)  # KEY_F7


def test_send_key_combo_reaches_a_running_domain(live: libvirt.virConnect) -> None:
    running = live.lookupByName("plain")
    for combo in KEY_COMBOS:  # the driver checks every code against the Linux set
        send_key_combo(running, combo)
    with pytest.raises(libvirt.libvirtError, match="99999"):
        send_key_combo(running, KeyCombo("Bad", (KEY_LEFTCTRL, 99999)))
    with pytest.raises(libvirt.libvirtError):
        send_key_combo(live.lookupByName("idle"), CTRL_ALT_DEL)


def test_open_serial_console_reports_a_driver_without_consoles(
    live: libvirt.virConnect,
) -> None:
    delivered: list[object] = []
    with pytest.raises(LibvirtCallError) as caught:
        open_serial_console(
            live.lookupByName("serial only"), on_data=delivered.append,
            on_closed=delivered.append, deliver=delivered.append,
        )
    assert not isinstance(caught.value, ConsoleBusyError)
    assert delivered == []


# --- the serial console stream ----------------------------------------------

READABLE = libvirt.VIR_STREAM_EVENT_READABLE
WRITABLE = libvirt.VIR_STREAM_EVENT_WRITABLE
ERROR = libvirt.VIR_STREAM_EVENT_ERROR
HANGUP = libvirt.VIR_STREAM_EVENT_HANGUP
BASE = READABLE | ERROR | HANGUP


class FakeError(libvirt.libvirtError):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self._code = code
        self._message = message

    def get_error_code(self) -> int:
        return self._code

    def get_error_message(self) -> str:
        return self._message


class FakeStream:
    """A non-blocking virStream: recv gives queued chunks, then -2."""

    def __init__(self, flags: int) -> None:
        self.flags = flags
        self.incoming: list[bytes | Exception] = []
        self.send_results: list[int] = []  # per call: bytes taken, or -2
        self.sent = bytearray()
        self.events: int | None = None
        self.callback: Callable[[Any, int, Any], None] | None = None
        self.calls: list[str] = []

    def eventAddCallback(
        self, events: int, cb: Callable[[Any, int, Any], None], opaque: Any
    ) -> None:
        self.events, self.callback = events, cb
        self.calls.append("add")

    def eventUpdateCallback(self, events: int) -> None:
        self.events = events
        self.calls.append("update")

    def eventRemoveCallback(self) -> None:
        self.callback = None
        self.calls.append("remove")

    def recv(self, nbytes: int) -> bytes | int:
        if not self.incoming:
            return -2
        item = self.incoming.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    def send(self, data: bytes) -> int:
        result = self.send_results.pop(0) if self.send_results else len(data)
        if result < 0:
            return result
        self.sent += data[:result]
        return result

    def finish(self) -> None:
        self.calls.append("finish")

    def abort(self) -> None:
        self.calls.append("abort")

    def fire(self, events: int) -> None:
        assert self.callback is not None, "no callback registered"
        self.callback(self, events, None)


class FakeDomain:
    def __init__(self, error: Exception | None = None) -> None:
        self.error = error
        self.streams: list[FakeStream] = []
        self.opened: list[tuple[str | None, int]] = []
        self.during_open: Callable[[], None] | None = None
        self.state_and_reason = (libvirt.VIR_DOMAIN_RUNNING, libvirt.VIR_DOMAIN_RUNNING_BOOTED)

    def name(self) -> str:
        return "web 1"

    def state(self, flags: int = 0) -> tuple[int, int]:
        return self.state_and_reason

    def connect(self) -> FakeDomain:
        return self

    def newStream(self, flags: int = 0) -> FakeStream:
        stream = FakeStream(flags)
        self.streams.append(stream)
        return stream

    def openConsole(self, dev_name: str | None, st: FakeStream, flags: int = 0) -> int:
        if self.during_open is not None:
            self.during_open()
        if self.error is not None:
            raise self.error
        self.opened.append((dev_name, flags))
        return 0


class Loop:
    """Stands in for loop.call_soon_threadsafe: queues, runs on demand."""

    def __init__(self) -> None:
        self.queue: list[Callable[[], None]] = []

    def deliver(self, callback: Callable[[], None]) -> None:
        self.queue.append(callback)

    def run(self) -> None:
        queue, self.queue = self.queue, []
        for callback in queue:
            callback()


class Console:
    def __init__(self, domain: FakeDomain | None = None, **kwargs: Any) -> None:
        self.domain = domain or FakeDomain()
        self.loop = Loop()
        self.data: list[bytes] = []
        self.closed: list[str] = []
        self.stream = SerialConsoleStream(
            self.domain,  # type: ignore[arg-type]
            on_data=self.data.append,
            on_closed=self.closed.append,
            deliver=self.loop.deliver,
            **kwargs,
        )

    @property
    def fake(self) -> FakeStream:
        return self.domain.streams[-1]


def test_open_uses_a_non_blocking_stream_and_watches_it() -> None:
    console = Console()
    console.stream.open()
    assert console.fake.flags == libvirt.VIR_STREAM_NONBLOCK
    assert console.domain.opened == [(None, 0)]
    assert console.fake.events == BASE
    assert console.stream.is_open


def test_force_takes_the_console_over() -> None:
    console = Console(force=True, device="serial0")
    console.stream.open()
    assert console.domain.opened == [("serial0", libvirt.VIR_DOMAIN_CONSOLE_FORCE)]


def test_a_held_console_raises_console_busy() -> None:
    error = FakeError(
        libvirt.VIR_ERR_OPERATION_FAILED,
        "operation failed: Active console session exists for this domain",
    )
    console = Console(FakeDomain(error))
    with pytest.raises(ConsoleBusyError, match="Active console session"):
        console.stream.open()
    assert not console.stream.is_open


def test_a_starting_domain_without_its_pty_yet_is_not_busy() -> None:
    domain = FakeDomain(FakeError(libvirt.VIR_ERR_OPERATION_FAILED,
                                  "operation failed: PTY device is not yet assigned"))
    domain.state_and_reason = (libvirt.VIR_DOMAIN_PAUSED, libvirt.VIR_DOMAIN_PAUSED_STARTING_UP)
    console = Console(domain)
    with pytest.raises(LibvirtCallError) as caught:
        console.stream.open()
    assert not isinstance(caught.value, ConsoleBusyError)


def test_other_open_failures_are_not_busy() -> None:
    error = FakeError(libvirt.VIR_ERR_INTERNAL_ERROR, "cannot find character device <null>")
    console = Console(FakeDomain(error))
    with pytest.raises(LibvirtCallError) as caught:
        console.stream.open()
    assert not isinstance(caught.value, ConsoleBusyError)
    assert "character device" in str(caught.value)


def test_readable_data_reaches_on_data_through_deliver() -> None:
    console = Console()
    console.stream.open()
    console.fake.incoming += [b"TINY-GUEST ", b"READY ip=none\r\n"]
    console.fake.fire(READABLE)
    # Nothing runs on the event thread: the caller's loop gets one chunk.
    assert console.data == []
    console.loop.run()
    assert console.data == [b"TINY-GUEST READY ip=none\r\n"]
    assert console.closed == []


def test_end_of_stream_delivers_the_last_data_then_closure() -> None:
    console = Console()
    console.stream.open()
    console.fake.incoming += [b"reboot: Power down\r\n", b""]
    console.fake.fire(READABLE)
    console.loop.run()
    assert console.data == [b"reboot: Power down\r\n"]
    assert console.closed == [CLOSED_EOF]
    assert console.fake.calls[-2:] == ["remove", "abort"]
    assert not console.stream.is_open
    console.stream.close()  # after a remote end, close is a no-op
    assert console.fake.calls.count("remove") == 1


@pytest.mark.parametrize(
    ("events", "reason"), [(HANGUP, CLOSED_HANGUP), (ERROR, "The console failed.")]
)
def test_hangup_and_error_close_the_console(events: int, reason: str) -> None:
    console = Console()
    console.stream.open()
    console.fake.fire(events)
    console.loop.run()
    assert console.closed == [reason]


def test_a_failing_read_closes_with_libvirts_message() -> None:
    console = Console()
    console.stream.open()
    console.fake.incoming.append(FakeError(libvirt.VIR_ERR_RPC, "stream aborted by peer"))
    console.fake.fire(READABLE)
    console.loop.run()
    assert len(console.closed) == 1
    assert "stream aborted by peer" in console.closed[0]


def test_send_buffers_on_eagain_and_flushes_when_writable() -> None:
    console = Console()
    console.stream.open()
    console.fake.send_results = [-2]
    console.stream.send(b"ls\r")
    assert console.fake.sent == b""
    assert console.fake.events == BASE | WRITABLE
    console.stream.send(b"pwd\r")  # queued behind the first
    console.fake.fire(WRITABLE)
    assert console.fake.sent == b"ls\rpwd\r"
    assert console.fake.events == BASE


def test_partial_send_keeps_the_rest() -> None:
    console = Console()
    console.stream.open()
    console.fake.send_results = [2, -2]
    console.stream.send(b"hello")
    assert console.fake.sent == b"he"
    assert console.fake.events == BASE | WRITABLE
    console.fake.fire(WRITABLE)
    assert console.fake.sent == b"hello"


def test_close_is_idempotent_and_drops_late_deliveries() -> None:
    console = Console()
    console.stream.open()
    console.fake.incoming.append(b"late")
    console.fake.fire(READABLE)
    console.stream.close()
    console.stream.close()
    console.loop.run()
    assert console.data == []
    assert console.closed == []
    assert console.fake.calls == ["add", "remove", "finish"]
    console.stream.send(b"ignored")
    assert console.fake.sent == b""


def test_close_while_opening_releases_the_stream() -> None:
    console = Console()
    console.domain.during_open = console.stream.close
    console.stream.open()
    assert console.fake.calls == ["abort"]
    assert not console.stream.is_open


def test_a_console_opens_once() -> None:
    console = Console()
    console.stream.open()
    with pytest.raises(RuntimeError):
        console.stream.open()
