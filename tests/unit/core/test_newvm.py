"""The new-VM plan, without Qt: on the test driver's facts and on the real qemu:///system's."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import libvirt
import pytest

from kvmgui.core.cloudinit import CloudInitConfig
from kvmgui.core.hostfacts import HostFacts, PoolFacts, read_host_facts
from kvmgui.core.newvm import (
    GIB,
    CloudInitChoices,
    CreatePlan,
    FirmwareChoice,
    NewVmChoices,
    NewVolume,
    disk_problem,
    plan_new_vm,
    unique_name,
)
from kvmgui.core.storage import DEFAULT_POOL_NAME, DEFAULT_POOL_PATH
from kvmgui.core.uri import demo_uri
from kvmgui.core.xml.domain import NetworkSpec, SourceKind

KEY = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKxJ3bH9SlUgLq2bS4t9NkQb6o0bqzL1Y6l+X1m0hVZq "
    "dev@laptop"
)
DEFAULT = NetworkSpec.libvirt_network("default")


@pytest.fixture(scope="module")
def demo_facts() -> HostFacts:
    """The demo fleet's host: a 'default' pool and network, VMs, no domain capabilities."""
    conn = libvirt.open(demo_uri())
    try:
        return read_host_facts(conn)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def bare_facts(tmp_path_factory: pytest.TempPathFactory) -> HostFacts:
    """A host with no pool at all: the 'default' pool is still to be made."""
    node = tmp_path_factory.mktemp("bare") / "node.xml"
    node.write_text("<node><network><name>default</name><bridge name='virbr0'/></network></node>")
    conn = libvirt.open(f"test://{node}")
    try:
        return read_host_facts(conn)
    finally:
        conn.close()


@pytest.fixture
def system_facts(system: libvirt.virConnect) -> Iterator[HostFacts]:
    yield read_host_facts(system)


def choices(**changes: object) -> NewVmChoices:
    base = NewVmChoices(
        source=SourceKind.ISO, name="web-1", memory_mib=1024, vcpus=2, network=DEFAULT,
        media_path="/isos/debian-12.iso", disk_bytes=20 * GIB, pool=DEFAULT_POOL_NAME,
        virt_type="qemu",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def default_pool(facts: HostFacts) -> PoolFacts:
    pool = facts.pool(DEFAULT_POOL_NAME)
    assert pool is not None
    return pool


def test_iso_install_gets_a_new_qcow2_in_the_pool_and_the_iso_on_a_cdrom(
    demo_facts: HostFacts,
) -> None:
    plan = plan_new_vm(choices(os_id="http://debian.org/debian/12", os_short_id="debian12"),
                       demo_facts)
    pool = default_pool(demo_facts)
    assert plan.disk_volume == NewVolume(DEFAULT_POOL_NAME, "web-1.qcow2", 20 * GIB)
    assert plan.seed_volume is None
    spec = plan.spec
    assert spec.cdrom == "/isos/debian-12.iso"
    assert spec.disk is not None
    assert (spec.disk.path, spec.disk.format, spec.disk.bus) == (
        pool.volume_path("web-1.qcow2"), "qcow2", "virtio"
    )
    assert (spec.name, spec.memory_mib, spec.vcpus, spec.virt_type) == ("web-1", 1024, 2, "qemu")
    assert (spec.os_id, spec.os_short_id) == ("http://debian.org/debian/12", "debian12")
    assert spec.boot_order == ("cdrom", "hd")
    assert "<name>web-1</name>" in plan.xml
    assert plan.step_count == 3  # disk, define, start


def test_iso_install_without_a_disk_makes_no_volume(demo_facts: HostFacts) -> None:
    plan = plan_new_vm(choices(disk=False), demo_facts)
    assert plan.disk_volume is None and plan.spec.disk is None


@pytest.mark.parametrize(
    ("source", "boot"),
    [(SourceKind.PXE, ("network", "hd")), (SourceKind.EMPTY, ("hd",))],
)
def test_pxe_and_empty_vms_take_no_media(
    demo_facts: HostFacts, source: SourceKind, boot: tuple[str, ...],
) -> None:
    plan = plan_new_vm(choices(source=source, media_path=""), demo_facts)
    assert plan.spec.cdrom is None
    assert plan.disk_volume is not None
    assert plan.spec.boot_order == boot


def test_an_image_imported_in_place_is_the_disk(demo_facts: HostFacts) -> None:
    plan = plan_new_vm(choices(source=SourceKind.IMPORT, media_path="/images/old.img",
                               image_format="raw", image_size=4 * GIB), demo_facts)
    assert plan.disk_volume is None
    assert plan.spec.disk is not None
    assert (plan.spec.disk.path, plan.spec.disk.format) == ("/images/old.img", "raw")
    assert plan.spec.cdrom is None


@pytest.mark.parametrize(("fmt", "volume"), [("raw", "web-1.img"), ("qcow2", "web-1.qcow2")])
def test_an_image_copied_from_this_machine_is_uploaded(
    demo_facts: HostFacts, fmt: str, volume: str,
) -> None:
    plan = plan_new_vm(choices(source=SourceKind.IMPORT, media_path="/images/old",
                               image_format=fmt, image_size=4 * GIB, copy_image=True),
                       demo_facts)
    assert plan.disk_volume == NewVolume(
        DEFAULT_POOL_NAME, volume, 4 * GIB, fmt, upload_from="/images/old"  # type: ignore[arg-type]
    )
    assert plan.spec.disk is not None
    assert plan.spec.disk.path == default_pool(demo_facts).volume_path(volume)


def test_an_image_copied_on_a_remote_host_is_cloned_there(demo_facts: HostFacts) -> None:
    plan = plan_new_vm(choices(source=SourceKind.IMPORT, media_path="/srv/images/base.qcow2",
                               image_format="qcow2", image_size=4 * GIB, copy_image=True,
                               media_local=False), demo_facts)
    assert plan.disk_volume == NewVolume(
        DEFAULT_POOL_NAME, "web-1.qcow2", 4 * GIB, "qcow2", clone_of="/srv/images/base.qcow2"
    )


def cloud(**changes: object) -> NewVmChoices:
    wanted: dict[str, object] = {
        "source": SourceKind.CLOUD_INIT, "media_path": "/images/debian-12-genericcloud.qcow2",
        "image_format": "qcow2", "image_size": 3 * GIB, "disk_bytes": 10 * GIB,
        "cloud_init": CloudInitChoices("dev", "", KEY, ""),
    }
    return choices(**(wanted | changes))


def test_a_cloud_image_gets_an_overlay_and_a_seed_in_the_pool(demo_facts: HostFacts) -> None:
    pool = default_pool(demo_facts)
    plan = plan_new_vm(cloud(), demo_facts)
    assert plan.disk_volume == NewVolume(
        DEFAULT_POOL_NAME, "web-1.qcow2", 10 * GIB,
        backing=("/images/debian-12-genericcloud.qcow2", "qcow2"),
    )
    assert plan.seed_volume is not None
    assert plan.seed_volume.name == "web-1-seed.iso"
    assert plan.spec.cdrom == pool.volume_path("web-1-seed.iso")
    assert plan.spec.disk is not None
    assert plan.spec.disk.path == pool.volume_path("web-1.qcow2")
    assert plan.cloud_init is None  # a preview: the seed's content comes at create time

    choice = cloud().cloud_init
    assert choice is not None
    config = choice.config("web-1")
    assert config.hostname == "web-1"  # no host name given: the VM's
    planned = plan_new_vm(cloud(), demo_facts, config)
    assert planned.cloud_init == config
    assert planned.spec == plan.spec


def test_a_cloud_overlay_must_hold_its_image_and_someone_must_log_in(
    demo_facts: HostFacts,
) -> None:
    with pytest.raises(ValueError, match="at least 3 GiB"):
        plan_new_vm(cloud(disk_bytes=2 * GIB), demo_facts)
    with pytest.raises(ValueError, match="nobody can log in"):
        plan_new_vm(replace(cloud(), cloud_init=CloudInitChoices("dev", "", "", "")), demo_facts)
    with pytest.raises(ValueError, match="Set up the cloud-init user"):
        plan_new_vm(replace(cloud(), cloud_init=None), demo_facts)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Enter a name."),
        ({"name": "bad name"}, "Use letters"),
        ({"network": None}, "Choose a network"),
        ({"media_path": ""}, "Choose an ISO image."),
        ({"pool": None}, "Choose a storage pool for the disk."),
        ({"pool": "nowhere"}, "Choose a storage pool for the disk."),
        ({"memory_mib": 16}, "at least 64 MiB"),
        ({"memory_mib": 64 * 1024}, "The host has only 32768 MiB."),
        ({"vcpus": 9}, "the host has 8"),
        ({"disk_bytes": 0}, "Give the disk a size."),
        ({"disk_bytes": 200 * GIB}, "Pool 'default' has only 100 GiB free"),
        ({"source": SourceKind.IMPORT, "media_path": ""}, "Choose a usable disk image."),
        ({"source": SourceKind.IMPORT, "image_format": None}, "Choose a usable disk image."),
        ({"source": SourceKind.CLOUD_INIT, "image_format": "qcow2"},
         "Set up the cloud-init user."),
    ],
)
def test_incomplete_choices_are_refused_in_the_users_words(
    demo_facts: HostFacts, changes: dict[str, object], message: str,
) -> None:
    with pytest.raises(ValueError, match=message):
        plan_new_vm(choices(**changes), demo_facts)


def test_a_name_taken_on_the_connection_is_refused(demo_facts: HostFacts) -> None:
    taken = sorted(demo_facts.domain_names)[0]
    with pytest.raises(ValueError, match=f"A VM named '{taken}' already exists"):
        plan_new_vm(choices(name=taken), demo_facts)
    free = unique_name(taken, demo_facts.domain_names)
    assert free == f"{taken}-2"
    assert plan_new_vm(choices(name=free), demo_facts).spec.name == free


def test_unique_name_counts_past_taken_numbers() -> None:
    assert unique_name("vm", frozenset()) == "vm"
    assert unique_name("vm", frozenset({"vm", "vm-2", "vm-3"})) == "vm-4"


def test_the_test_driver_offers_no_kvm_but_unverified_uefi(demo_facts: HostFacts) -> None:
    with pytest.raises(ValueError, match="does not offer KVM"):
        plan_new_vm(choices(virt_type="kvm"), demo_facts)
    plan = plan_new_vm(choices(firmware=FirmwareChoice.UEFI_SECURE_BOOT), demo_facts)
    assert (plan.spec.firmware, plan.spec.secure_boot) == ("efi", True)


def test_a_missing_default_pool_with_unknown_free_space_does_not_block(
    bare_facts: HostFacts,
) -> None:
    pool = default_pool(bare_facts)
    assert (pool.exists, pool.free_bytes) == (False, None)
    plan = plan_new_vm(choices(disk_bytes=50_000 * GIB), bare_facts)
    assert plan.disk_volume is not None
    assert plan.disk_volume.pool == DEFAULT_POOL_NAME
    assert plan.spec.disk is not None
    assert plan.spec.disk.path == f"{DEFAULT_POOL_PATH}/web-1.qcow2"


def test_disk_problem_knows_unknown_free_space() -> None:
    unknown = PoolFacts("default", DEFAULT_POOL_PATH, None, exists=False)
    assert disk_problem(10**15, unknown, 0) is None
    assert disk_problem(2 * GIB, PoolFacts("p", "/p", GIB), 0) == "Pool 'p' has only 1 GiB free."
    assert disk_problem(GIB, None, 0) == "There is no storage pool for the disk."


def test_the_disk_bus_follows_what_the_host_offers(demo_facts: HostFacts) -> None:
    sata_only = replace(demo_facts, guest=replace(demo_facts.guest, disk_buses=("ide", "sata")))
    spec = plan_new_vm(choices(), sata_only).spec
    assert spec.disk is not None and spec.disk.bus == "sata"
    neither = replace(demo_facts, guest=replace(demo_facts.guest, disk_buses=("ide",)))
    with pytest.raises(ValueError, match="neither virtio nor SATA"):
        plan_new_vm(choices(), neither)


def test_a_plan_with_cloud_init_content_needs_a_seed(demo_facts: HostFacts) -> None:
    spec = plan_new_vm(choices(), demo_facts).spec
    config = CloudInitConfig.create("dev", "web-1", ssh_keys=[KEY])
    with pytest.raises(ValueError, match="seed volume"):
        CreatePlan(spec, cloud_init=config)


def test_the_users_edited_xml_is_carried(demo_facts: HostFacts) -> None:
    plan = plan_new_vm(choices(domain_xml="<domain type='qemu'/>"), demo_facts)
    assert plan.xml == "<domain type='qemu'/>"


# --- on the real qemu:///system ------------------------------------------------------------


@pytest.mark.integration
def test_system_plan_uses_kvm_uefi_and_virtio_as_the_host_offers(
    system_facts: HostFacts,
) -> None:
    guest = system_facts.guest
    assert guest.capabilities_known
    pool = system_facts.pools[0]
    wanted = choices(pool=pool.name, virt_type="kvm" if guest.kvm else "qemu",
                     firmware=FirmwareChoice.UEFI_SECURE_BOOT if guest.secure_boot
                     else FirmwareChoice.BIOS,
                     name="kvmgui-test-plan", memory_mib=256, vcpus=1, disk_bytes=GIB)
    plan = plan_new_vm(wanted, system_facts)
    assert plan.spec.virt_type == wanted.virt_type
    assert plan.spec.secure_boot == guest.secure_boot
    assert plan.spec.disk is not None
    assert plan.spec.disk.bus == "virtio"
    assert plan.spec.disk.path == pool.volume_path("kvmgui-test-plan.qcow2")
    if not guest.kvm:
        with pytest.raises(ValueError, match="does not offer KVM"):
            plan_new_vm(replace(wanted, virt_type="kvm"), system_facts)
    if not guest.uefi:
        with pytest.raises(ValueError, match="no UEFI"):
            plan_new_vm(replace(wanted, firmware=FirmwareChoice.UEFI), system_facts)


@pytest.mark.integration
def test_system_plan_refuses_more_than_the_host_has(system_facts: HostFacts) -> None:
    with pytest.raises(ValueError, match=f"only {system_facts.memory_mib} MiB"):
        plan_new_vm(choices(memory_mib=system_facts.memory_mib + 1,
                            pool=system_facts.pools[0].name), system_facts)
    with pytest.raises(ValueError, match=f"the host has {system_facts.cpus}"):
        plan_new_vm(choices(vcpus=system_facts.cpus + 1,
                            pool=system_facts.pools[0].name), system_facts)


@pytest.mark.integration
def test_system_cloud_init_and_default_pool_plan(system_facts: HostFacts) -> None:
    default = default_pool(system_facts)
    plan = plan_new_vm(cloud(name="kvmgui-test-plan", memory_mib=256, vcpus=1),
                       system_facts)
    assert plan.spec.cdrom == default.volume_path("kvmgui-test-plan-seed.iso")
    if default.free_bytes is None:
        # A default pool still to be made, outside every pool: its free space is unknown.
        assert not default.exists
        plan_new_vm(cloud(name="kvmgui-test-plan", memory_mib=256, vcpus=1,
                          disk_bytes=10**6 * GIB), system_facts)
    else:
        with pytest.raises(ValueError, match="GiB free"):
            plan_new_vm(cloud(name="kvmgui-test-plan", memory_mib=256, vcpus=1,
                              disk_bytes=default.free_bytes + GIB), system_facts)
    existing = sorted(system_facts.domain_names)
    if existing:
        with pytest.raises(ValueError, match="already exists"):
            plan_new_vm(cloud(name=existing[0], memory_mib=256, vcpus=1), system_facts)


def test_the_display_listens_nowhere_locally_and_on_localhost_remotely(
    demo_facts: HostFacts,
) -> None:
    assert not demo_facts.remote
    assert plan_new_vm(choices(), demo_facts).spec.display_listen == "none"
    remote = replace(demo_facts, remote=True)
    assert plan_new_vm(choices(), remote).spec.display_listen == "localhost"
