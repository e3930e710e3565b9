"""XML of the objects integration tests make on qemu:///system (all named kvmgui-test-*)."""

from __future__ import annotations

import ipaddress
import os
import random
import secrets
import stat
import subprocess
from pathlib import Path
from xml.sax.saxutils import quoteattr

# Each run's objects are its own: two checkouts (or CI and a developer) may
# test against the same daemon at once.
RUN_ID = secrets.token_hex(3)
PREFIX = f"kvmgui-test-{RUN_ID}-"
POOL_NAME = f"{PREFIX}pool"
NETWORK_NAME = f"{PREFIX}net"
BRIDGE_NAME = f"kvt{RUN_ID}br"  # a Linux interface name has at most 15 characters
# Under /var/lib, where only root creates entries: no other user can plant a
# symlink at a path the tests then write as root (as under /tmp or /var/tmp).
WORK_ROOT = Path("/var/lib/kvmgui-test")
RUN_DIR = WORK_ROOT / RUN_ID
POOL_DIR = str(RUN_DIR / "pool")
# Where a test network's /24 may go: private, and checked against the host's routes.
CANDIDATE_SUBNETS = [ipaddress.IPv4Network(f"192.168.{n}.0/24") for n in range(200, 255)]


def _routed_networks() -> list[ipaddress.IPv4Network]:
    lines = subprocess.run(
        ["ip", "-4", "-o", "route", "show", "table", "all"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    routed = []
    for line in lines:
        destination = line.split()[0]
        if destination in ("default", "local", "broadcast", "unreachable"):
            destination = line.split()[1]
        try:
            routed.append(ipaddress.IPv4Network(destination, strict=False))
        except ValueError:
            continue
    return routed


def free_subnet() -> ipaddress.IPv4Network:
    """A /24 that no host route uses (random among the free, so that two runs differ)."""
    routed = [net for net in _routed_networks() if net.prefixlen > 0]
    free = [net for net in CANDIDATE_SUBNETS if not any(net.overlaps(r) for r in routed)]
    if not free:
        raise RuntimeError("no free 192.168.200-254.0/24 subnet for a test network")
    return random.choice(free)


SUBNET = free_subnet()
SUBNET_PREFIX = str(SUBNET.network_address).rsplit(".", 1)[0] + "."  # "192.168.N."
# Isolated: no <forward>, so guests reach nothing beyond the host bridge.
NETWORK_XML = f"""<network>
  <name>{NETWORK_NAME}</name>
  <bridge name='{BRIDGE_NAME}' stp='on' delay='0'/>
  <ip address='{SUBNET[1]}' netmask='{SUBNET.netmask}'>
    <dhcp><range start='{SUBNET[100]}' end='{SUBNET[199]}'/></dhcp>
  </ip>
</network>"""


def make_run_dir(*parts: str) -> Path:
    """A directory of this run under WORK_ROOT, refusing a WORK_ROOT that is not
    a real directory owned by this user and writable by it alone."""
    WORK_ROOT.mkdir(mode=0o711, exist_ok=True)
    info = WORK_ROOT.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o022:
        raise RuntimeError(f"{WORK_ROOT} is not a directory that only this user can write")
    RUN_DIR.mkdir(mode=0o711, exist_ok=True)
    path = RUN_DIR.joinpath(*parts)
    path.mkdir(mode=0o755, parents=True, exist_ok=True)
    return path
POOL_XML = f"""<pool type='dir'>
  <name>{POOL_NAME}</name>
  <target><path>{POOL_DIR}</path><permissions><mode>0755</mode></permissions></target>
</pool>"""


def volume_xml(name: str, size_mib: int = 32) -> str:
    return f"""<volume>
  <name>{name}</name>
  <capacity unit='MiB'>{size_mib}</capacity>
  <target><format type='qcow2'/></target>
</volume>"""


def tiny_guest_xml(
    name: str, iso: str, *, disk: str | None = None, memory_mib: int = 256,
    network: str | None = NETWORK_NAME,
) -> str:
    """A TCG guest (KVM is nested in software here and hangs guests) booting the
    tiny test guest ISO, with a serial console and a VNC screen on loopback."""
    disk_xml = (
        f"""<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
      <source file={quoteattr(disk)}/><target dev='vda' bus='virtio'/></disk>"""
        if disk else ""
    )
    nic_xml = (
        f"""<interface type='network'><source network={quoteattr(network)}/>
      <model type='virtio'/></interface>"""
        if network else ""
    )
    return f"""<domain type='qemu'>
  <name>{name}</name>
  <memory unit='MiB'>{memory_mib}</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='q35'>hvm</type><boot dev='cdrom'/><boot dev='hd'/></os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <disk type='file' device='cdrom'><driver name='qemu' type='raw'/>
      <source file={quoteattr(iso)}/><target dev='sda' bus='sata'/><readonly/></disk>
    {disk_xml}
    {nic_xml}
    <serial type='pty'><target port='0'/></serial>
    <console type='pty'><target type='serial' port='0'/></console>
    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>
    <video><model type='vga'/></video>
    <memballoon model='virtio'/>
  </devices>
</domain>"""
