"""Versions for the About box: the libvirt library's and each connection's hypervisor's."""

from __future__ import annotations

import libvirt


def format_libvirt_version(number: int) -> str:
    """libvirt encodes versions as major * 1,000,000 + minor * 1,000 + release."""
    return f"{number // 1_000_000}.{number // 1000 % 1000}.{number % 1000}"


def libvirt_version() -> str:
    """The version of the libvirt library this process runs (no daemon is asked)."""
    return format_libvirt_version(libvirt.getVersion())


def hypervisor_version(virconn: libvirt.virConnect) -> str | None:
    """"QEMU 7.2.0" for a QEMU connection; None for other drivers (blocking: two RPCs).

    The test driver's version number describes nothing a user runs.
    """
    if virconn.getType() != "QEMU":
        return None
    return f"QEMU {format_libvirt_version(virconn.getVersion())}"
