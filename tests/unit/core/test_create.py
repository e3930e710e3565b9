"""create_vm carrying out plans from plan_new_vm, on a private test-driver host."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.create import CreateVmError, create_vm
from kvmgui.core.hostfacts import read_host_facts
from kvmgui.core.newvm import GIB, CloudInitChoices, NewVmChoices, plan_new_vm
from kvmgui.core.units import format_bytes
from kvmgui.core.xml.domain import NetworkSpec, SourceKind
from tests.fleet import SHUTOFF, FleetDomain, open_node

KEY = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKxJ3bH9SlUgLq2bS4t9NkQb6o0bqzL1Y6l+X1m0hVZq "
    "dev@laptop"
)
# The host's pool holds a cloud image a remote user would pick among its volumes.
POOL = """
<pool type='dir'><name>default</name><target><path>/srv/images</path></target>
  <volume type='file'><name>base.qcow2</name><capacity unit='G'>3</capacity>
    <target><format type='qcow2'/></target></volume>
</pool>
<network><name>default</name><bridge name='virbr0'/></network>
"""


@pytest.fixture
def host(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    with open_node(tmp_path / "host.xml", [], POOL) as conn:
        yield conn


def volumes(conn: libvirt.virConnect) -> list[str]:
    return sorted(v.name() for v in conn.storagePoolLookupByName("default").listAllVolumes(0))


def new_vm(**changes: object) -> NewVmChoices:
    base = NewVmChoices(
        source=SourceKind.ISO, name="fresh", memory_mib=512, vcpus=1,
        network=NetworkSpec.libvirt_network("default"), media_path="/srv/isos/install.iso",
        disk_bytes=2 * GIB, pool="default", virt_type="qemu",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_an_iso_plan_makes_the_disk_defines_and_starts(host: libvirt.virConnect) -> None:
    steps: list[tuple[str, int, int]] = []
    plan = plan_new_vm(new_vm(), read_host_facts(host))
    info = create_vm(host, plan, lambda what, done, total: steps.append((what, done, total)))
    assert info.name == "fresh"
    assert volumes(host) == ["base.qcow2", "fresh.qcow2"]
    assert host.lookupByName("fresh").isActive()
    assert steps[0] == ("Creating the disk", 0, 3)
    assert steps[-1] == ("Done", 3, 3)


def test_a_remote_image_copy_is_cloned_on_the_host(host: libvirt.virConnect) -> None:
    choices = new_vm(source=SourceKind.IMPORT, media_path="/srv/images/base.qcow2",
                     image_format="qcow2", image_size=3 * GIB, copy_image=True,
                     media_local=False)
    plan = plan_new_vm(choices, read_host_facts(host))
    create_vm(host, plan, lambda *_progress: None)
    copy = host.storageVolLookupByPath("/srv/images/fresh.qcow2")
    assert copy.info()[1] == 3 * GIB
    assert "/srv/images/fresh.qcow2" in host.lookupByName("fresh").XMLDesc(0)


def test_a_seed_without_content_fails_and_leaves_nothing_behind(
    host: libvirt.virConnect,
) -> None:
    choices = new_vm(source=SourceKind.CLOUD_INIT, media_path="/srv/images/base.qcow2",
                     image_format="qcow2", image_size=3 * GIB, disk_bytes=4 * GIB,
                     cloud_init=CloudInitChoices("dev", "", KEY, ""))
    preview = plan_new_vm(choices, read_host_facts(host))  # no cloud-init content yet
    with pytest.raises(CreateVmError) as failed:
        create_vm(host, preview, lambda *_progress: None)
    assert failed.value.step == "Writing the cloud-init seed"
    assert failed.value.left_behind == []
    assert volumes(host) == ["base.qcow2"]
    assert "fresh" not in {d.name() for d in host.listAllDomains(0)}


def test_a_disk_the_pool_no_longer_has_room_for_is_refused_with_both_sizes(
    host: libvirt.virConnect,
) -> None:
    plan = plan_new_vm(new_vm(disk_bytes=50 * GIB), read_host_facts(host))
    # Between the wizard's check and Create, something else took most of the pool.
    pool = host.storagePoolLookupByName("default")
    filler = pool.createXML(f"<volume><name>filler.img</name><capacity>{60 * GIB}</capacity>"
                            f"<allocation>{60 * GIB}</allocation></volume>", 0)
    free = pool.info()[3]
    with pytest.raises(CreateVmError) as failed:
        create_vm(host, plan, lambda *_progress: None)
    assert failed.value.step == "Creating the disk"
    assert str(failed.value) == (
        "Could not create fresh: Creating the disk failed: Pool 'default' is full: the disk "
        f"needs 50 GiB and only {format_bytes(free)} is free. Nothing was left behind."
    )
    filler.delete(0)
    assert volumes(host) == ["base.qcow2"]
    assert host.listAllDomains(0) == []


# --- a customized XML naming a VM that exists (issue 14, hole 1) -------------------------


@pytest.fixture
def host_with_other(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    other = FleetDomain("other", state=SHUTOFF, memory_mib=256)
    with open_node(tmp_path / "host.xml", [other], POOL) as conn:
        yield conn


@pytest.mark.parametrize(
    ("edit", "refusal"),
    [
        # `virsh dumpxml other` pasted with a change: same name, same UUID.
        (("<memory unit='KiB'>262144</memory>", "<memory>1048576</memory>"),
         "'other' already exists"),
        # A new name over the other's UUID would rename it.
        (("<name>other</name>", "<name>fresh</name>"), "is the VM 'other'"),
    ],
)
def test_xml_naming_an_existing_vm_is_refused_and_that_vm_kept(
    host_with_other: libvirt.virConnect, edit: tuple[str, str], refusal: str,
) -> None:
    host = host_with_other
    before = host.lookupByName("other").XMLDesc(0)
    pasted = before.replace(*edit)
    assert pasted != before
    plan = plan_new_vm(new_vm(domain_xml=pasted), read_host_facts(host))
    with pytest.raises(CreateVmError, match=refusal) as failed:
        create_vm(host, plan, lambda *_progress: None)
    assert failed.value.step == "Defining the virtual machine"
    assert failed.value.left_behind == []
    assert host.lookupByName("other").XMLDesc(0) == before
    assert sorted(d.name() for d in host.listAllDomains(0)) == ["other"]
    assert volumes(host) == ["base.qcow2"]


# --- rollback whatever stops the create (issue 14, hole 8) --------------------------------


@pytest.mark.parametrize("error", [RuntimeError("a bug"), KeyboardInterrupt()])
def test_any_error_rolls_back_then_passes(
    host: libvirt.virConnect, error: BaseException
) -> None:
    def progress(what: str, _done: int, _total: int) -> None:
        if what == "Starting the virtual machine":
            raise error

    plan = plan_new_vm(new_vm(), read_host_facts(host))
    expected = CreateVmError if isinstance(error, Exception) else type(error)
    with pytest.raises(expected) as failed:
        create_vm(host, plan, progress)
    if isinstance(failed.value, CreateVmError):
        assert failed.value.__cause__ is error
        assert failed.value.left_behind == []
    assert volumes(host) == ["base.qcow2"]
    assert "fresh" not in {d.name() for d in host.listAllDomains(0)}


def test_an_image_given_a_backing_file_after_its_check_is_refused(
    host: libvirt.virConnect, tmp_path: Path,
) -> None:
    image, other = tmp_path / "image.qcow2", tmp_path / "other-vm.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(other), "64M"], check=True)
    choices = new_vm(source=SourceKind.IMPORT, media_path=str(image), image_format="qcow2",
                     image_size=64 * 1024**2)
    plan = plan_new_vm(choices, read_host_facts(host))
    # Between the wizard's check and Create, the image became an overlay of another disk.
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-b", str(other),
                    "-F", "qcow2", str(image)], check=True)
    with pytest.raises(CreateVmError) as failed:
        create_vm(host, plan, lambda *_progress: None)
    assert failed.value.step == "Checking the image"
    assert f"reads its data through {other}" in str(failed.value)
    assert "fresh" not in {d.name() for d in host.listAllDomains(0)}
