"""Delete: who else uses each disk's file, the seed ticked, shared volumes kept (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.lifecycle import delete_domain, disks_for_delete, path_users
from tests.fleet import open_node

IMAGES = "/srv/images"


def volume(name: str, fmt: str, backing: str = "") -> str:
    store = f"<backingStore><path>{backing}</path><format type='qcow2'/></backingStore>"
    return (f"<volume type='file'><name>{name}</name><capacity unit='M'>64</capacity>"
            f"<target><format type='{fmt}'/></target>{store if backing else ''}</volume>")


def domain(name: str, *disks: tuple[str, str, str]) -> str:
    """A test-driver domain with (device, format, path) disks."""
    devices = "".join(
        f"<disk type='file' device='{device}'><driver name='qemu' type='{fmt}'/>"
        f"<source file='{path}'/><target dev='{'vd' if device == 'disk' else 'sd'}{chr(97 + i)}'/>"
        "</disk>"
        for i, (device, fmt, path) in enumerate(disks)
    )
    return (f"<domain type='test'><name>{name}</name><memory>262144</memory>"
            f"<os><type>hvm</type></os><devices>{devices}</devices></domain>")


HOST = f"""
<pool type='dir'><name>images</name><target><path>{IMAGES}</path></target>
  {volume("base.qcow2", "qcow2")}
  {volume("overlay.qcow2", "qcow2", f"{IMAGES}/base.qcow2")}
  {volume("doomed-seed.iso", "raw")}
  {volume("shared.iso", "raw")}
  {volume("own.qcow2", "qcow2")}
</pool>
{domain("doomed", ("disk", "qcow2", f"{IMAGES}/base.qcow2"),
        ("disk", "qcow2", f"{IMAGES}/own.qcow2"),
        ("cdrom", "raw", f"{IMAGES}/doomed-seed.iso"),
        ("cdrom", "raw", f"{IMAGES}/shared.iso"))}
{domain("overlaid", ("disk", "qcow2", f"{IMAGES}/overlay.qcow2"))}
{domain("reader", ("cdrom", "raw", f"{IMAGES}/shared.iso"))}
{domain("also-reader", ("cdrom", "raw", f"{IMAGES}/shared.iso"))}
"""


@pytest.fixture
def host(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    with open_node(tmp_path / "host.xml", [], HOST) as conn:
        yield conn


def volumes(conn: libvirt.virConnect) -> list[str]:
    return sorted(conn.storagePoolLookupByName("images").listVolumes())


def test_each_disk_says_who_else_reads_it_and_only_the_seed_is_ticked(
    host: libvirt.virConnect,
) -> None:
    choices = {c.path.rpartition("/")[2]: c for c in disks_for_delete(host.lookupByName("doomed"))}
    # base.qcow2 is the backing file of overlaid's disk (known from the volume's header).
    assert choices["base.qcow2"].used_by == ("overlaid",)
    assert choices["shared.iso"].used_by == ("also-reader", "reader")
    assert choices["own.qcow2"].used_by == ()
    assert [name for name, c in choices.items() if c.ticked_by_default] == ["doomed-seed.iso"]
    assert choices["doomed-seed.iso"].is_seed


def test_a_shared_volume_is_kept_unless_confirmed(host: libvirt.virConnect) -> None:
    paths = [f"{IMAGES}/{name}" for name in
             ("base.qcow2", "own.qcow2", "doomed-seed.iso", "shared.iso")]
    failures = delete_domain(host.lookupByName("doomed"), paths,
                             confirmed_shared={f"{IMAGES}/shared.iso"})
    assert failures == [f"{IMAGES}/base.qcow2: kept, used by overlaid"]
    assert volumes(host) == ["base.qcow2", "overlay.qcow2"]
    assert sorted(d.name() for d in host.listAllDomains(0)) == [
        "also-reader", "overlaid", "reader"
    ]


def test_path_users_leaves_out_the_domain_itself(host: libvirt.virConnect) -> None:
    reader = host.lookupByName("reader")
    assert path_users(host, [f"{IMAGES}/shared.iso"], reader.UUIDString()) == {
        f"{IMAGES}/shared.iso": ("also-reader", "doomed")
    }
