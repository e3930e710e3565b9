"""Host diagnostics: the checklist on capability XML of several machine kinds, the
self-test guest's boot sector, and this machine's own answer."""

from __future__ import annotations

from pathlib import Path

import libvirt
import pytest
from lxml import etree

from kvmgui.core import diagnostics
from kvmgui.core.diagnostics import Check, GuestRun, SelfTestResult, Status, capability_checks
from kvmgui.core.hostfacts import domain_capabilities

DATA = Path(__file__).parents[2] / "data" / "hostcaps"


def _xml(name: str) -> etree._Element:
    return etree.parse(str(DATA / name)).getroot()


def _by_title(checks: list[Check]) -> dict[str, Check]:
    return {check.title: check for check in checks}


@pytest.mark.parametrize(
    ("capabilities", "domcaps", "kvm", "nested", "uefi"),
    [
        # this machine: a VM offering nested KVM, OVMF installed
        ("nested-capabilities.xml", ("kvm", "kvm-ovmf-domcaps.xml"),
         Status.OK, Status.WARNING, Status.OK),
        # a workstation with VT-x and OVMF
        ("bare-capabilities.xml", ("kvm", "kvm-ovmf-domcaps.xml"), Status.OK, None, Status.OK),
        # a workstation with VT-x, without OVMF
        ("bare-capabilities.xml", ("kvm", "kvm-no-ovmf-domcaps.xml"),
         Status.OK, None, Status.WARNING),
        # no /dev/kvm (VT-x off in the BIOS, module not loaded): libvirt answers for TCG
        ("no-kvm-capabilities.xml", ("qemu", "tcg-ovmf-domcaps.xml"),
         Status.PROBLEM, None, Status.OK),
        ("no-kvm-capabilities.xml", ("qemu", "tcg-no-ovmf-domcaps.xml"),
         Status.PROBLEM, None, Status.WARNING),
    ],
)
def test_capability_checks_of_machine_kinds(
    capabilities: str, domcaps: tuple[str, str], kvm: Status, nested: Status | None,
    uefi: Status,
) -> None:
    checks = _by_title(capability_checks(_xml(capabilities),
                                         (domcaps[0] == "kvm", _xml(domcaps[1]))))
    assert checks["KVM (hardware virtualization)"].status is kvm
    assert ("Nested virtualization" in checks) == (nested is not None)
    if nested is not None:
        assert checks["Nested virtualization"].status is nested
        assert "self-test" in checks["Nested virtualization"].fix
    assert checks["UEFI firmware (OVMF)"].status is uefi
    for check in checks.values():
        if check.status in (Status.PROBLEM, Status.WARNING):
            assert check.fix, f"{check.title} has no fix"
    if kvm is Status.PROBLEM:
        assert "modprobe" in checks["KVM (hardware virtualization)"].fix
    if uefi is Status.WARNING:
        assert "ovmf" in checks["UEFI firmware (OVMF)"].fix


def test_a_driver_without_domain_capabilities_leaves_uefi_unknown() -> None:
    checks = _by_title(capability_checks(_xml("bare-capabilities.xml"), None))
    assert checks["KVM (hardware virtualization)"].status is Status.OK  # from <guest>
    assert checks["UEFI firmware (OVMF)"].status is Status.INFO


def test_a_driver_of_other_guests_is_no_problem() -> None:
    test_driver = etree.fromstring(
        b"<capabilities><host/><guest><os_type>hvm</os_type><arch name='i686'>"
        b"<domain type='test'/></arch></guest></capabilities>")
    assert capability_checks(test_driver, None)[0].status is Status.INFO


def test_no_emulator_at_all() -> None:
    empty = etree.fromstring(b"<capabilities><host/></capabilities>")
    check = capability_checks(empty, None)[0]
    assert check.status is Status.PROBLEM and "qemu-system-x86" in check.fix


def test_the_boot_sector_is_bootable_and_carries_both_markers() -> None:
    disk = diagnostics.self_test_boot_sector()
    assert len(disk) == 1024 * 1024
    assert disk[510:512] == b"\x55\xaa"
    sector = disk[:512]
    start = sector.index(diagnostics.START_MARKER)
    done = sector.index(diagnostics.DONE_MARKER)
    # The code points SI at each message where it lies once loaded at 0x7c00.
    assert sector[6:8] == (0x7C00 + start).to_bytes(2, "little")
    assert sector[25:27] == (0x7C00 + done).to_bytes(2, "little")


def test_the_self_test_guest_is_small_and_transient() -> None:
    root = etree.fromstring(diagnostics.self_test_domain_xml(
        "kvmgui-test-selftest-x-kvm", "kvm", "/p/disk.img").encode())
    assert root.get("type") == "kvm"
    assert root.findtext("memory") == "64" and root.find("memory").get("unit") == "MiB"  # type: ignore[union-attr]
    assert root.find("devices/disk/source").get("file") == "/p/disk.img"  # type: ignore[union-attr]
    assert root.find("devices/serial[@type='pty']") is not None


@pytest.mark.parametrize(("kvm", "tcg", "works", "status"), [
    (GuestRun("kvm", 0.1, 0.3), GuestRun("qemu", 0.3, 0.4), True, Status.OK),
    (GuestRun("kvm", None, None), GuestRun("qemu", 0.3, 0.4), False, Status.PROBLEM),
    (GuestRun("kvm", 4.0, None), GuestRun("qemu", 0.3, 0.4), False, Status.PROBLEM),
    # Finished, but 27 times slower than emulation (seen here under load): broken KVM.
    (GuestRun("kvm", 2.8, 4.8), GuestRun("qemu", 0.17, 0.18), False, Status.PROBLEM),
    (GuestRun("kvm", None, None, "no emulator"), GuestRun("qemu", None, None), None, Status.INFO),
])
def test_self_test_verdicts(kvm: GuestRun, tcg: GuestRun, works: bool | None,
                            status: Status) -> None:
    result = SelfTestResult(kvm, tcg)
    assert result.kvm_works is works
    check = result.check()
    assert check.status is status
    if status is Status.PROBLEM:
        assert "TCG is the safe choice" in check.found and check.fix


# --- this machine's real answer -----------------------------------------------------------


@pytest.mark.integration
def test_this_machines_checklist(system: libvirt.virConnect) -> None:
    """Here /dev/kvm exists and libvirt offers KVM, from inside a VM (DESIGN.md)."""
    checks = _by_title(diagnostics.host_checks(system))
    assert checks["Connect to the libvirt daemon"].status is Status.OK
    answer = domain_capabilities(system)
    assert answer is not None
    assert (checks["KVM (hardware virtualization)"].status is Status.OK) == answer[0]
    assert checks["Nested virtualization"].status is Status.WARNING
    assert checks["UEFI firmware (OVMF)"].status is Status.OK  # the ovmf package is installed
    assert "Default network" in checks and "Default storage pool" in checks
