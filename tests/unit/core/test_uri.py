"""Checking connection URIs and wording why a connection failed."""

from __future__ import annotations

from pathlib import Path

import libvirt
import pytest

from kvmgui.core.errors import describe_open_error
from kvmgui.core.uri import DEMO_FLEET, demo_uri, ssh_uri, uri_problem


@pytest.mark.parametrize(
    "uri",
    ["qemu:///system", "qemu:///session", "qemu+ssh://dev@host.example/system",
     "qemu+ssh://host/system", "test:///default", "qemu+unix:///system"],
)
def test_good_uris(uri: str) -> None:
    assert uri_problem(uri) == ""


@pytest.mark.parametrize(
    ("uri", "words"),
    [
        ("", "Enter a connection URI"),
        ("system", "needs a scheme"),
        ("qemu:/system", "needs a scheme"),
        ("9qemu:///system", "not a valid URI scheme"),
        ("foo:///system", "Unknown hypervisor driver 'foo'"),
        ("qemu+ssh:///system", "needs a host"),
        ("qemu+ssh://host:port/system", "Malformed URI"),
        ("qemu:///elsewhere", "/system or /session"),
        ("test:///no/such/file.xml", "No such test driver file"),
    ],
)
def test_bad_uris_say_what_is_wrong(uri: str, words: str) -> None:
    assert words in uri_problem(uri)


def test_demo_fleet_is_shipped() -> None:
    assert DEMO_FLEET.is_file()
    assert uri_problem(demo_uri()) == ""


def test_ssh_uri() -> None:
    assert ssh_uri("dev", "build.example.org") == "qemu+ssh://dev@build.example.org/system"
    assert ssh_uri("", "build.example.org") == "qemu+ssh://build.example.org/system"


def open_error(uri: str) -> libvirt.libvirtError:
    with pytest.raises(libvirt.libvirtError) as caught:
        libvirt.open(uri)
    return caught.value


def test_missing_daemon_socket_says_to_start_the_daemon(tmp_path: Path) -> None:
    uri = f"qemu+unix:///system?socket={tmp_path}/libvirt-sock"
    message = describe_open_error(uri, open_error(uri))
    assert "daemon is not running" in message
    assert "systemctl start libvirtd" in message


def test_missing_test_file_names_the_file(tmp_path: Path) -> None:
    uri = f"test://{tmp_path}/missing.xml"
    message = describe_open_error(uri, open_error(uri))
    assert message.startswith(f"Could not connect to {uri}: ")
    assert "missing.xml" in message
