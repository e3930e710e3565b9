"""Checking connection URIs."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvmgui.core.uri import (
    demo_uri,
    host_problem,
    is_in_process_uri,
    ssh_uri,
    uri_problem,
    uri_warning,
    user_problem,
)


@pytest.mark.parametrize(
    "uri",
    ["qemu:///system", "qemu:///session", "qemu+ssh://dev@host.example/system",
     "qemu+ssh://host/system", "test:///default", "qemu+unix:///system",
     "qemu+ssh://dev@192.0.2.7/system", "qemu+ssh://dev@[2001:db8::1]/system",
     "qemu+ssh://dev@host/system?keyfile=/home/dev/.ssh/id_ed25519",
     "qemu+unix:///system?socket=/run/libvirt/libvirt-sock", "qemu+tcp://host/system",
     "qemu://host.example/system"],
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
        # Injected through the host field: turns off host-key checks.
        ("qemu+ssh://h/system?no_verify=1#/system", "no '#' part"),
        ("qemu+ssh://h/system?no_verify=1", "'no_verify' is not allowed"),
        ("qemu+ssh://h/system?known_hosts_verify=ignore", "'known_hosts_verify' is not allowed"),
        ("qemu+ssh://h/system?command=/bin/sh", "'command' is not allowed"),
        ("qemu+ssh://h/system?netcat=evil", "'netcat' is not allowed"),
        ("qemu+ssh://h/system?socket=/x;rm", "'socket' is not allowed"),
        ("qemu+ssh://-oProxyCommand=evil/system", "not a host name"),
        ("qemu+ssh://-oProxyCommand=evil@host/system", "not a user name"),
        ("qemu+ext:///system?command=/bin/sh", "transport 'ext' is not allowed"),
        ("qemu+libssh://root@h/system", "use qemu+libssh2"),
        ("qemu+unix://host/system", "is local and names no host"),
        ("qemu:///system?no_verify=1", "'no_verify' is not allowed"),
    ],
)
def test_bad_uris_say_what_is_wrong(uri: str, words: str) -> None:
    assert words in uri_problem(uri)


def test_demo_uri_is_a_valid_test_driver_uri() -> None:
    assert uri_problem(demo_uri()) == ""


def test_only_a_local_test_driver_runs_in_process() -> None:
    assert is_in_process_uri("test:///default") and is_in_process_uri(demo_uri())
    for uri in ("qemu:///system", "qemu:///session", "test+tcp://host/default",
                "qemu+ssh://user@host/system"):
        assert not is_in_process_uri(uri)


def test_ssh_uri() -> None:
    assert ssh_uri("dev", "build.example.org") == "qemu+ssh://dev@build.example.org/system"
    assert ssh_uri("", "build.example.org") == "qemu+ssh://build.example.org/system"
    assert ssh_uri("dev", "2001:db8::1") == "qemu+ssh://dev@[2001:db8::1]/system"
    assert ssh_uri("dev", "2001:db8::1", 2222) == "qemu+ssh://dev@[2001:db8::1]:2222/system"
    assert ssh_uri("dev", "h", 22, "/k/my key", "libssh2") == (
        "qemu+libssh2://dev@h/system?keyfile=/k/my%20key")
    for bad in ({"port": 0}, {"port": 70000}, {"keyfile": "id_rsa"}, {"transport": "ext"}):
        with pytest.raises(ValueError):
            ssh_uri("dev", "h", **bad)


@pytest.mark.parametrize(
    ("user", "host"),
    [("dev", "h/system?no_verify=1#"), ("dev", "-oProxyCommand=x"), ("-oProxyCommand=x", "h"),
     ("dev", ""), ("dev", "a..b"), ("de v", "h"), ("dev", "h" * 254), ("dev@evil", "h")],
)
def test_ssh_uri_refuses_what_is_not_a_user_or_host(user: str, host: str) -> None:
    with pytest.raises(ValueError):
        ssh_uri(user, host)


def test_only_tcp_gets_a_warning() -> None:
    assert "unencrypted" in uri_warning("qemu+tcp://host/system")
    assert uri_warning("qemu+ssh://host/system") == ""
    assert uri_warning("qemu:///system") == ""


@given(st.text(max_size=80), st.text(max_size=300))
def test_any_ssh_uri_made_is_accepted_and_names_exactly_that_host(user: str, host: str) -> None:
    try:
        uri = ssh_uri(user, host)
    except ValueError:
        assert user_problem(user) or host_problem(host)
        return
    assert uri_problem(uri) == ""
    parts = urlsplit(uri)
    assert parts.hostname == host.lower()
    assert (parts.username or "") == user
    assert parts.path == "/system" and not parts.query and not parts.fragment


@given(st.text(max_size=200))
def test_uri_problem_never_raises(text: str) -> None:
    assert isinstance(uri_problem(text), str)

