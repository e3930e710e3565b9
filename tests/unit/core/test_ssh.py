"""The SSH command line into a guest."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmgui.core.ssh import jump_host, known_hosts_path, ssh_command, ssh_command_line


def test_command_uses_the_vms_own_known_hosts_and_its_user(tmp_path: Path) -> None:
    known = known_hosts_path("u-1", tmp_path)
    assert known == tmp_path / "kvmgui" / "known_hosts" / "u-1"
    args = ssh_command("192.168.122.5", "dev", known)
    assert args == ["ssh", "-o", f"UserKnownHostsFile={known}",
                    "-o", "StrictHostKeyChecking=accept-new", "dev@192.168.122.5"]
    assert ssh_command("10.0.0.2", "", known)[-1] == "root@10.0.0.2"
    line = ssh_command_line(ssh_command("10.0.0.2", "dev", Path("/x y/k")))
    assert line.startswith("ssh -o 'UserKnownHostsFile=/x y/k' ")


@pytest.mark.parametrize(
    ("uri", "jump"),
    [
        ("qemu:///system", None),
        ("qemu+ssh://admin@host.example/system", "admin@host.example"),
        ("qemu+ssh://host.example:2222/system", "host.example:2222"),
        ("qemu+tcp://host/system", None),
    ],
)
def test_a_remote_hosts_guests_are_reached_through_it(uri: str, jump: str | None) -> None:
    assert jump_host(uri) == jump
    args = ssh_command("10.0.0.2", "dev", Path("/k"), uri)
    assert ("-J" in args) is (jump is not None)


def test_no_address_no_command() -> None:
    with pytest.raises(ValueError, match="no address"):
        ssh_command("", "dev", Path("/k"))
