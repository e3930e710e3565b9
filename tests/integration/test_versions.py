"""The About box's hypervisor version on the real qemu:///system."""

from __future__ import annotations

import re

import libvirt

from kvmgui.core.versions import hypervisor_version


def test_qemu_names_its_version(system: libvirt.virConnect) -> None:
    version = hypervisor_version(system)
    assert version is not None and re.fullmatch(r"QEMU \d+\.\d+\.\d+", version), version
