"""The new-VM specs pinned by golden files, shared by the XML and virt-install tests."""

from __future__ import annotations

from kvmgui.core.xml.domain import DiskSpec, NetworkSpec, NewVmSpec, SourceKind

IMAGES = "/var/lib/libvirt/images"
ISO = "/srv/iso/debian-11.5.0-amd64-netinst.iso"
DEBIAN11_ID = "http://debian.org/debian/11"

GOLDEN_SPECS: dict[str, NewVmSpec] = {
    "iso-bios": NewVmSpec(
        "deb-iso", 2048, 2, SourceKind.ISO,
        disk=DiskSpec(f"{IMAGES}/deb-iso.qcow2"), cdrom=ISO,
        os_id=DEBIAN11_ID, os_short_id="debian11",
    ),
    "iso-uefi": NewVmSpec(
        "deb-iso-efi", 2048, 2, SourceKind.ISO, firmware="efi",
        disk=DiskSpec(f"{IMAGES}/deb-iso-efi.qcow2"), cdrom=ISO,
        os_id=DEBIAN11_ID, os_short_id="debian11",
    ),
    "iso-tcg-bios": NewVmSpec(
        "tcg-iso", 512, 1, SourceKind.ISO, virt_type="qemu",
        disk=DiskSpec(f"{IMAGES}/tcg-iso.qcow2"), cdrom=ISO,
    ),
    "import-bios": NewVmSpec(
        "imported", 1024, 1, SourceKind.IMPORT,
        disk=DiskSpec("/srv/vms/old.img", format="raw"), network=NetworkSpec.bridge("br0"),
        display_listen="localhost",  # as on a remote host: its SSH tunnel reaches localhost
    ),
    "import-uefi-secureboot-sata": NewVmSpec(
        "win-import", 4096, 4, SourceKind.IMPORT, firmware="efi", secure_boot=True,
        disk=DiskSpec(f"{IMAGES}/win.qcow2", bus="sata"),
        os_id="http://microsoft.com/win/11", os_short_id="win11",
    ),
    "cloudinit-bios": NewVmSpec(
        "cloud1", 1024, 2, SourceKind.CLOUD_INIT,
        disk=DiskSpec(f"{IMAGES}/cloud1.qcow2"), cdrom=f"{IMAGES}/cloud1-seed.iso",
        os_id=DEBIAN11_ID, os_short_id="debian11",
    ),
    "cloudinit-uefi": NewVmSpec(
        "cloud2", 1024, 2, SourceKind.CLOUD_INIT, firmware="efi",
        disk=DiskSpec(f"{IMAGES}/cloud2.qcow2"), cdrom=f"{IMAGES}/cloud2-seed.iso",
        network=NetworkSpec.user(),
    ),
    "pxe-bios": NewVmSpec(
        "netboot", 1024, 1, SourceKind.PXE, disk=DiskSpec("/dev/vg0/netboot", format="raw"),
        network=NetworkSpec.libvirt_network("provisioning"),
    ),
    "empty-bios": NewVmSpec("blank", 256, 1, SourceKind.EMPTY),
}
