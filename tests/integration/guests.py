"""XML of the objects integration tests make on qemu:///system (all named kvmgui-test-*)."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

PREFIX = "kvmgui-test-"
POOL_NAME = f"{PREFIX}pool"
POOL_DIR = "/var/tmp/kvmgui-test/pool"
NETWORK_NAME = f"{PREFIX}net"
# Isolated: no <forward>, so guests reach nothing beyond the host bridge.
NETWORK_XML = f"""<network>
  <name>{NETWORK_NAME}</name>
  <bridge name='kvmgui-test0' stp='on' delay='0'/>
  <ip address='192.168.251.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.251.100' end='192.168.251.199'/></dhcp>
  </ip>
</network>"""
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
