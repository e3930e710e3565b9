"""The command line: connection URIs as arguments (the desktop entry's %U) and --check."""

from __future__ import annotations

import configparser
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from kvmgui.__main__ import parse_args

CHECK_TIMEOUT_S = 60


def _check(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kvmgui", "--check", *args], cwd=tmp_path,
        capture_output=True, text=True, timeout=CHECK_TIMEOUT_S, check=False,
    )


def test_uris_are_arguments_as_well_as_connect_options() -> None:
    args = parse_args(["test:///default", "-c", "qemu:///system", "qemu:///session"])
    assert sorted(args.connect) == ["qemu:///session", "qemu:///system", "test:///default"]
    assert parse_args([]).connect == []


def test_a_bad_uri_is_refused_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_args(["qemu:///elsewhere"])
    assert exited.value.code == 2
    assert "qemu:///elsewhere: A QEMU URI ends in /system or /session." in capsys.readouterr().err


def test_the_desktop_entrys_command_line_is_accepted() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.read_string(files("kvmgui.resources").joinpath("kvmgui.desktop").read_text())
    program, *arguments = entry["Desktop Entry"]["Exec"].split()
    assert program == "kvmgui"
    assert arguments == ["%U"]  # the launcher gives zero or more URIs
    for uris in ([], ["test:///default", "qemu:///system"]):
        assert parse_args(uris).connect == uris


def test_a_uri_given_is_connected_to(tmp_path: Path) -> None:
    result = _check(tmp_path, "test:///default")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert "kvmgui: test:///default: listed 1 domain" in lines
    assert "kvmgui: icon loaded" in lines


def test_check_fails_when_a_connection_fails(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<node>")
    result = _check(tmp_path, f"test://{broken}")
    assert result.returncode == 1
    assert f"kvmgui: test://{broken}: failed: " in result.stderr
