"""libvirt errors told apart by code, domain and errno, on errors libvirt really raises.

No daemon is needed: the daemon's socket is missing, refused, forbidden or
hangs up (a socket this test serves), and the test driver raises the rest.
"""

from __future__ import annotations

import errno
import json
import os
import select
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import libvirt
import pytest

from kvmgui.core.errors import describe_open_error, is_connection_broken

NOBODY = 65534
CHILD_TIMEOUT_S = 30


def raised(call: Callable[[], Any]) -> libvirt.libvirtError:
    with pytest.raises(libvirt.libvirtError) as caught:
        call()
    return caught.value


def open_error(uri: str) -> libvirt.libvirtError:
    return raised(lambda: libvirt.open(uri))


def kind(err: libvirt.libvirtError) -> tuple[int, int]:
    return err.get_error_code(), err.get_error_domain()


@pytest.fixture
def hanging_up_daemon(tmp_path: Path) -> Iterator[Path]:
    """A socket where a daemon reads the client's first request, then hangs up."""
    path = tmp_path / "libvirt-sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen()

    def serve() -> None:
        client, _ = server.accept()
        with client:
            client.recv(65536)
            client.shutdown(socket.SHUT_WR)  # the client reads end of file
            client.recv(65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield path
    thread.join(timeout=10)
    server.close()


def test_missing_daemon_socket_says_to_start_the_daemon(tmp_path: Path) -> None:
    for uri in (f"qemu:///system?socket={tmp_path}/libvirt-sock",
                f"qemu+unix:///system?socket={tmp_path}/libvirt-sock"):
        err = open_error(uri)
        assert kind(err) == (libvirt.VIR_ERR_SYSTEM_ERROR, libvirt.VIR_FROM_RPC)
        assert err.get_int1() == errno.ENOENT
        message = describe_open_error(uri, err)
        assert "daemon is not running" in message
        assert "systemctl start libvirtd" in message
        # Not a connection that broke: on a call, the daemon's own client to
        # virtlogd fails just so, and the connection is fine.
        assert not is_connection_broken(err)


def test_refused_daemon_socket_says_to_start_the_daemon(tmp_path: Path) -> None:
    path = tmp_path / "libvirt-sock"
    with socket.socket(socket.AF_UNIX) as stale:
        stale.bind(str(path))  # a socket file nobody listens on: a daemon that died
        uri = f"qemu:///system?socket={path}"
        err = open_error(uri)
    assert err.get_int1() == errno.ECONNREFUSED
    assert "daemon is not running" in describe_open_error(uri, err)


def test_a_daemon_that_hangs_up_breaks_the_connection(hanging_up_daemon: Path) -> None:
    uri = f"qemu:///system?socket={hanging_up_daemon}"
    err = open_error(uri)
    assert kind(err) == (libvirt.VIR_ERR_SYSTEM_ERROR, libvirt.VIR_FROM_RPC)
    assert err.get_int1() == errno.EIO  # libvirt's "end of file"
    assert is_connection_broken(err)
    assert describe_open_error(uri, err).startswith(f"Could not connect to {uri}: ")


def test_a_failing_ssh_says_to_check_the_host() -> None:
    # libvirt runs `command` instead of ssh: it exits at once, as an ssh that cannot log in.
    uri = "qemu+ssh://build.example.invalid/system?command=/bin/false&no_tty=1"
    err = open_error(uri)
    assert err.get_int1() == errno.ECONNRESET
    assert is_connection_broken(err)
    assert describe_open_error(uri, err).startswith("Could not reach the host over SSH")


def test_an_unknown_driver_says_to_check_the_uri() -> None:
    uri = "foo:///system"
    err = open_error(uri)
    assert kind(err) == (libvirt.VIR_ERR_NO_CONNECT, libvirt.VIR_FROM_NONE)
    assert describe_open_error(uri, err) == (
        f"libvirt has no driver for {uri!r} ({err.get_error_message()}). Check the URI."
    )


def test_missing_test_file_names_the_file(tmp_path: Path) -> None:
    uri = f"test://{tmp_path}/missing.xml"
    message = describe_open_error(uri, open_error(uri))
    assert message.startswith(f"Could not connect to {uri}: ")
    assert "missing.xml" in message


def test_a_forbidden_socket_says_to_join_the_libvirt_group(tmp_path: Path) -> None:
    """The Debian case: the daemon's socket belongs to the 'libvirt' group.

    A child process opens a socket in a directory it may not enter: as root it
    becomes nobody first (root passes every permission check).
    """
    hidden = tmp_path / "hidden"
    hidden.mkdir(mode=0o700)
    socket_path = hidden / "libvirt-sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(socket_path))
        server.listen()
        hidden.chmod(0)
        uri = f"qemu:///system?socket={socket_path}"
        try:
            code, domain, int1, message = _open_in_child_without_access(uri)
        finally:
            hidden.chmod(0o700)
    assert (code, domain, int1) == (libvirt.VIR_ERR_SYSTEM_ERROR, libvirt.VIR_FROM_RPC,
                                    errno.EACCES)
    assert message.startswith(f"You may not use {uri} (")
    assert "usermod -aG libvirt" in message


def _open_in_child_without_access(uri: str) -> tuple[int, int, int, str]:
    """(code, domain, errno, describe_open_error) of opening ``uri`` as an unprivileged user."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report, then leave without running pytest's clean-up
        try:
            os.close(read_end)
            signal.alarm(CHILD_TIMEOUT_S)  # a child stuck in libvirt must not hang the test
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            try:
                libvirt.open(uri)
                report: list[object] = []
            except libvirt.libvirtError as err:
                report = [err.get_error_code(), err.get_error_domain(), err.get_int1(),
                          describe_open_error(uri, err)]
            os.write(write_end, json.dumps(report).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], CHILD_TIMEOUT_S)
        assert ready, "the child did not report"
        with os.fdopen(read_end, "rb") as pipe:
            parsed = json.loads(pipe.read() or b"[]")
    finally:
        os.waitpid(pid, 0)
    assert parsed, f"{uri} opened without access"
    code, domain, int1, message = parsed
    return code, domain, int1, message


def test_a_read_only_connection_is_denied(tmp_path: Path) -> None:
    node = tmp_path / "node.xml"
    node.write_text(
        "<node><domain type='test'><name>kvmgui-test-ro</name><memory>1024</memory>"
        "<os><type>hvm</type></os></domain></node>\n"
    )
    uri = f"test://{node}"
    conn = libvirt.openReadOnly(uri)
    try:
        err = raised(lambda: conn.lookupByName("kvmgui-test-ro").destroy())
    finally:
        conn.close()
    assert kind(err) == (libvirt.VIR_ERR_OPERATION_DENIED, libvirt.VIR_FROM_DOMAIN)
    assert not is_connection_broken(err)
    assert describe_open_error(uri, err).startswith(f"You may not use {uri} (")


def test_refusals_of_the_driver_leave_the_connection_alone(
    empty_test_conn: libvirt.virConnect,
) -> None:
    missing = raised(lambda: empty_test_conn.lookupByName("kvmgui-test-missing"))
    assert kind(missing) == (libvirt.VIR_ERR_NO_DOMAIN, libvirt.VIR_FROM_TEST)
    unsupported = raised(lambda: empty_test_conn.getMemoryStats(-1))
    assert kind(unsupported) == (libvirt.VIR_ERR_NO_SUPPORT, libvirt.VIR_FROM_DOMAIN)
    invalid_xml = raised(lambda: empty_test_conn.defineXML("<domain/>"))
    for err in (missing, unsupported, invalid_xml):
        assert not is_connection_broken(err)


def test_a_closed_connection_is_broken(tmp_path: Path) -> None:
    node = tmp_path / "node.xml"
    node.write_text("<node/>\n")
    conn = libvirt.open(f"test://{node}")
    conn.close()
    err = raised(lambda: conn.listAllDomains(0))
    assert kind(err) == (libvirt.VIR_ERR_INVALID_CONN, libvirt.VIR_FROM_DOMAIN)
    assert is_connection_broken(err)
