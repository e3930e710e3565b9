"""Versions for the About box (QEMU's own is checked in tests/integration/test_versions.py)."""

from __future__ import annotations

import libvirt

from kvmgui.core.versions import format_libvirt_version, hypervisor_version, libvirt_version


def test_format_libvirt_version() -> None:
    assert format_libvirt_version(9_000_000) == "9.0.0"
    assert format_libvirt_version(7_002_022) == "7.2.22"
    assert format_libvirt_version(10_010_001) == "10.10.1"


def test_libvirt_version_is_the_library_in_use() -> None:
    major, minor, release = (int(part) for part in libvirt_version().split("."))
    assert major * 1_000_000 + minor * 1000 + release == libvirt.getVersion()


def test_the_test_driver_has_no_hypervisor_version(
    empty_test_conn: libvirt.virConnect,
) -> None:
    assert hypervisor_version(empty_test_conn) is None
