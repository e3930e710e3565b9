"""The virt-install line: its arguments, and what the real virt-install makes of them.

The second half runs ``virt-install --print-xml 1 --dry-run`` (Debian package
virtinst) with kvmgui's arguments for every golden spec and compares the VM it
describes with kvmgui's own XML.

Why not ``--connect qemu:///system``: even with ``--dry-run``, virt-install
defines, starts and autostarts a storage pool for a disk path that lies in no
pool (virtinst ``diskbackend.manage_path``). And ``test:///default`` offers
neither x86_64 nor KVM. So virt-install runs on a private test-driver host
that virtinst presents as QEMU with this host's real capabilities and domain
capabilities (virtinst's own test-suite URI, ``__virtinst_test__``): the
daemon is only asked for its capabilities, and nothing is created anywhere.
"""

from __future__ import annotations

import dataclasses
import os
import shlex
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.xml.domain import (
    DiskSpec,
    NewVmSpec,
    SourceKind,
    build_domain_xml,
    virt_install_command,
    virt_install_command_line,
)
from kvmgui.core.xml.model import Domain
from tests.unit.core.golden_specs import GOLDEN_SPECS, IMAGES, ISO


def _options(argv: list[str]) -> dict[str, list[str]]:
    opts: dict[str, list[str]] = {}
    for i, arg in enumerate(argv):
        if arg.startswith("--"):
            value = argv[i + 1] if i + 1 < len(argv) and not argv[i + 1].startswith("--") else ""
            opts.setdefault(arg, []).append(value)
    return opts


def test_virt_install_iso_uefi() -> None:
    argv = virt_install_command(GOLDEN_SPECS["iso-uefi"], connect_uri="qemu:///system")
    assert argv[0] == "virt-install"
    opts = _options(argv)
    assert opts["--connect"] == ["qemu:///system"]
    assert opts["--name"] == ["deb-iso-efi"]
    assert opts["--memory"] == ["2048"]
    assert opts["--vcpus"] == ["2"]
    assert opts["--virt-type"] == ["kvm"]
    assert opts["--osinfo"] == ["debian11"]
    assert opts["--cdrom"] == [ISO]
    assert opts["--boot"][0].startswith("uefi,")
    assert "firmware.feature0.enabled=no" in opts["--boot"][0]
    assert opts["--cpu"] == ["host-passthrough,check=none,migratable=on"]
    # format= only applies to storage virt-install creates; driver.type names an existing one's.
    assert opts["--disk"] == [
        f"path={IMAGES}/deb-iso-efi.qcow2,bus=virtio,driver.type=qcow2,discard=unmap"
    ]
    assert opts["--graphics"] == ["spice,listen=none"]
    assert opts["--controller"] == ["usb3"]
    # Devices virt-install would add that kvmgui's VM does not have.
    assert opts["--sound"] == opts["--redirdev"] == opts["--tpm"] == ["none"]
    assert "--noautoconsole" in opts


@pytest.mark.parametrize(
    ("name", "install", "absent"),
    [
        ("import-bios", "--import", "--cdrom"),
        ("cloudinit-bios", "--import", "--cdrom"),
        ("pxe-bios", "--pxe", "--import"),
        ("empty-bios", "--install", "--import"),
        ("iso-tcg-bios", "--cdrom", "--cpu"),
    ],
)
def test_virt_install_source_kinds(name: str, install: str, absent: str) -> None:
    opts = _options(virt_install_command(GOLDEN_SPECS[name]))
    assert install in opts
    assert absent not in opts
    assert "--boot" not in opts  # all BIOS


def test_virt_install_details() -> None:
    cloud = _options(virt_install_command(GOLDEN_SPECS["cloudinit-uefi"]))
    assert cloud["--disk"][1] == (
        f"path={IMAGES}/cloud2-seed.iso,device=cdrom,bus=sata,driver.type=raw"
    )
    assert cloud["--network"] == ["type=user,model=virtio"]
    assert cloud["--osinfo"] == ["detect=on,require=off"]
    assert _options(virt_install_command(GOLDEN_SPECS["empty-bios"]))["--disk"] == ["none"]
    assert _options(virt_install_command(GOLDEN_SPECS["import-bios"]))["--network"] == [
        "bridge=br0,model=virtio"
    ]
    secure = _options(virt_install_command(GOLDEN_SPECS["import-uefi-secureboot-sata"]))
    assert secure["--features"] == ["smm.state=on"]
    assert "firmware.feature0.enabled=yes" in secure["--boot"][0]


def test_virt_install_doubles_commas_in_paths() -> None:
    spec = NewVmSpec("c", 512, 1, SourceKind.IMPORT, disk=DiskSpec("/vms/a,b.qcow2"))
    assert _options(virt_install_command(spec))["--disk"][0].startswith("path=/vms/a,,b.qcow2,")


def test_virt_install_command_line_round_trips_through_a_shell() -> None:
    spec = NewVmSpec("q", 512, 1, SourceKind.ISO, cdrom="/my isos/it's.iso")
    argv = virt_install_command(spec)
    line = virt_install_command_line(spec)
    assert "\\\n" in line  # one option per line for reading
    assert shlex.split(line.replace(" \\\n", " ")) == argv
    assert shlex.split(shlex.join(argv)) == argv


# --- the real virt-install -----------------------------------------------------------------

VIRT_INSTALL = shutil.which("virt-install")
SYSTEM_URI = "qemu:///system"
COMPARED_SPECS = {
    **GOLDEN_SPECS,
    # A live ISO needs no disk: --cdrom without a --disk still says "--disk none".
    "iso-no-disk-tcg": NewVmSpec("live", 512, 1, SourceKind.ISO, virt_type="qemu", cdrom=ISO),
}


@pytest.fixture(scope="module")
def host_capabilities(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This host's capabilities and domain capabilities (kvm, qemu), as files."""
    if VIRT_INSTALL is None:
        pytest.skip("virt-install is not installed (Debian package virtinst)")
    try:
        conn = libvirt.open(SYSTEM_URI)
    except libvirt.libvirtError as err:
        pytest.skip(f"no libvirtd answers at {SYSTEM_URI}: {err}")
    where = tmp_path_factory.mktemp("caps")
    try:
        (where / "caps.xml").write_text(conn.getCapabilities())
        for virt_type in ("kvm", "qemu"):
            try:
                domcaps = conn.getDomainCapabilities(None, "x86_64", "q35", virt_type)
            except libvirt.libvirtError:
                continue  # no KVM here: the kvm specs skip below, saying so
            (where / f"domcaps-{virt_type}.xml").write_text(domcaps)
    finally:
        conn.close()
    return where


@pytest.fixture
def block_device_dir() -> Iterator[Path]:
    """A directory under /dev for a block device node: kvmgui takes /dev paths as block devices.

    The node (of an unused loop minor) is only stat'ed by virt-install, never opened.
    """
    where = Path(tempfile.mkdtemp(prefix="kvmgui-test-", dir="/dev/shm"))
    try:
        yield where
    finally:
        shutil.rmtree(where)


def _with_local_files(spec: NewVmSpec, files: Path, block_dir: Path) -> NewVmSpec:
    """``spec`` with its disk and CD-ROM made as real files: virt-install stats them."""
    disk = spec.disk
    if disk is not None:
        if disk.path.startswith("/dev/"):
            node = block_dir / "disk"
            try:
                os.mknod(node, stat.S_IFBLK | 0o600, os.makedev(7, 255))
            except PermissionError:
                pytest.skip("making a block device node needs root")
        else:
            node = files / f"disk.{disk.format}"
            subprocess.run(
                ["qemu-img", "create", "-q", "-f", disk.format, str(node), "16M"], check=True
            )
        disk = dataclasses.replace(disk, path=str(node))
    cdrom = spec.cdrom
    if cdrom is not None:
        (files / "media.iso").write_bytes(b"")
        cdrom = str(files / "media.iso")
    return dataclasses.replace(spec, disk=disk, cdrom=cdrom)


def _facts(dom: Domain, installing: bool) -> dict[str, object]:
    """What must agree between kvmgui's VM and virt-install's; not addresses, MACs, UUIDs."""
    facts: dict[str, object] = {
        "type": dom.type,
        "name": dom.name,
        "os_id": dom.os_id,
        "memory_kib": dom.memory_kib,
        "current_memory_kib": dom.current_memory_kib,
        "vcpus": dom.vcpus,
        "os": (dom.os_type, dom.arch, dom.machine),
        "uefi": dom.is_uefi,
        "secure_boot": dom.secure_boot,
        "smm": bool(dom.smm),
        "acpi, apic, vmport": (dom.acpi, dom.apic, dom.vmport),
        "cpu_mode": dom.cpu_mode,
        "clock_offset": dom.clock_offset,
        "boot": [b.dev for b in dom.boot_devices],
        "disks": [
            (
                d.type, d.device, d.path, d.target_dev, d.target_bus,
                # virt-install leaves a --cdrom's format to libvirt, whose default is raw.
                d.driver_type or ("raw" if d.device == "cdrom" else None),
                d.driver_discard, d.readonly,
            )
            for d in dom.disks
        ],
        "interfaces": [(i.type, i.source, i.model) for i in dom.interfaces],
        "graphics": [(g.type, g.listen_address, g.autoport) for g in dom.graphics],
        "videos": [v.model for v in dom.videos],
        "sounds": [s.model for s in dom.sounds],
        "redirdevs": len(dom.redirdevs),
        "tpms": len(dom.tpms),
        "rngs": [(r.model, r.backend_model, r.backend_source) for r in dom.rngs],
        "memballoons": [m.model for m in dom.memballoons],
        "serials": [s.type for s in dom.serials],
        "consoles": [(c.type, c.target_type) for c in dom.consoles],
        "channels": [(c.type, c.target_type, c.target_name) for c in dom.channels],
        "usb_controllers": [(c.model, c.ports) for c in dom.controllers if c.type == "usb"],
        "inputs": [(i.type, i.bus) for i in dom.inputs],
        "on_poweroff, on_crash": (dom.on_poweroff, dom.on_crash),
        "suspend": (dom.suspend_to_mem, dom.suspend_to_disk),
    }
    if not installing:
        # During an install (--cdrom, --pxe) virt-install stops the VM at its first reboot.
        facts["on_reboot"] = dom.on_reboot
    return facts


def _system_objects() -> set[str]:
    """The daemon's domains, pools and networks, except those tests make (kvmgui-test-*)."""
    conn = libvirt.open(SYSTEM_URI)
    try:
        names = {f"domain {d.name()}" for d in conn.listAllDomains()}
        names |= {f"pool {p.name()}" for p in conn.listAllStoragePools()}
        names |= {f"network {n.name()}" for n in conn.listAllNetworks()}
    finally:
        conn.close()
    return {n for n in names if not n.split(" ", 1)[1].startswith("kvmgui-test-")}


@pytest.mark.integration  # under CI=true a missing virt-install or daemon fails the test
@pytest.mark.parametrize("name", sorted(COMPARED_SPECS))
def test_real_virt_install_makes_the_same_vm(
    name: str, host_capabilities: Path, tmp_path: Path, block_device_dir: Path
) -> None:
    assert VIRT_INSTALL is not None
    spec = _with_local_files(COMPARED_SPECS[name], tmp_path, block_device_dir)
    domcaps = host_capabilities / f"domcaps-{spec.virt_type}.xml"
    if not domcaps.exists():
        pytest.skip(f"{SYSTEM_URI} offers no {spec.virt_type} domain for x86_64 q35")
    node = tmp_path / "node.xml"
    node.write_text("<node/>\n")
    uri = (
        f"__virtinst_test__test://{node},fakeuri={SYSTEM_URI},"
        f"caps={host_capabilities / 'caps.xml'},domcaps={domcaps}"
    )
    argv = virt_install_command(spec, connect_uri=uri)
    argv[0] = VIRT_INSTALL
    before = _system_objects()
    # Step 1 is the VM as first booted: with an install ISO or PXE, the install phase.
    done = subprocess.run(
        [*argv, "--print-xml", "1", "--dry-run"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert _system_objects() == before

    installing = "--cdrom" in argv or "--pxe" in argv
    theirs = _facts(Domain.from_xml(done.stdout), installing)
    ours = _facts(Domain.from_xml(build_domain_xml(spec)), installing)
    assert ours == theirs
