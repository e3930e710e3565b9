"""Creating a new VM: what the host offers, then volumes, seed, domain and start.

Both functions block on the daemon: run them in the connection's pool.
``create_vm`` undoes everything it made when a step fails, so a failed create
leaves no volume, seed or domain behind.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import libvirt
from lxml import etree

from kvmgui.core.cloudinit import CloudInitConfig, seed_iso_bytes
from kvmgui.core.domain import DomainInfo, read_domain
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.lifecycle import undefine
from kvmgui.core.storage import (
    DEFAULT_POOL_NAME,
    DEFAULT_POOL_PATH,
    Rollback,
    create_qcow2_volume,
    ensure_default_pool,
    lookup_pool,
    pool_free_bytes,
    upload_volume_bytes,
    upload_volume_file,
)
from kvmgui.core.units import format_bytes
from kvmgui.core.xml.domain import NetworkKind, NewVmSpec, build_domain_xml
from kvmgui.core.xml.storage import VolumeFormat

log = logging.getLogger(__name__)

OVMF_DIR = Path("/usr/share/OVMF")
KVM_DEVICE = Path("/dev/kvm")
SYS_NET = Path("/sys/class/net")
# (what is being done, steps done, steps in all); called on the worker thread.
Progress = Callable[[str, int, int], None]


# --- what the host offers -----------------------------------------------------------------


@dataclass(frozen=True)
class PoolFacts:
    """A storage pool a new disk can go to; ``exists`` is False for a ``default`` to create."""

    name: str
    path: str
    free_bytes: int
    exists: bool = True

    def volume_path(self, volume: str) -> str:
        """Where a directory pool puts ``volume``: known before the volume is made."""
        return os.path.join(self.path, volume)


@dataclass(frozen=True)
class HostFacts:
    """What the New-VM wizard offers and checks against, read once when it opens."""

    memory_mib: int
    cpus: int
    kvm: bool
    uefi: bool
    session: bool
    networks: tuple[str, ...]
    # Defined but not running (the `default` network often is): started on Create.
    inactive_networks: frozenset[str]
    bridges: tuple[str, ...]
    pools: tuple[PoolFacts, ...]
    domain_names: frozenset[str]


def _offers_kvm(capabilities_xml: str) -> bool:
    root = etree.fromstring(capabilities_xml.encode())
    listed = root.xpath("guest/arch[@name='x86_64']/domain[@type='kvm']")
    return bool(listed) and KVM_DEVICE.exists()


def _pool_facts(pool: libvirt.virStoragePool) -> PoolFacts | None:
    root = etree.fromstring(pool.XMLDesc(0).encode())
    path = root.findtext("target/path")
    # Only directory-like pools map a volume name to a file path we can show ahead.
    if root.get("type") not in ("dir", "fs", "netfs") or not path:
        return None
    return PoolFacts(pool.name(), path, pool_free_bytes(pool))


def _free_bytes_at(path: str) -> int:
    """Free bytes of the file system that would hold ``path`` (its nearest existing parent)."""
    where = Path(path)
    while not where.exists() and where != where.parent:
        where = where.parent
    st = os.statvfs(where)
    return st.f_bavail * st.f_frsize


def host_bridges() -> tuple[str, ...]:
    """The host's bridges (local host only: read from /sys)."""
    try:
        return tuple(sorted(p.name for p in SYS_NET.iterdir() if (p / "bridge").is_dir()))
    except OSError:
        return ()


def read_host_facts(conn: libvirt.virConnect) -> HostFacts:
    """Memory, CPUs, virtualization, networks, pools and VM names of a connection."""
    _model, memory_mib, cpus, *_rest = conn.getInfo()
    pools = [
        facts for pool in conn.listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE)
        if (facts := _pool_facts(pool)) is not None
    ]
    if lookup_pool(conn, DEFAULT_POOL_NAME) is None:
        pools.insert(0, PoolFacts(DEFAULT_POOL_NAME, DEFAULT_POOL_PATH,
                                  _free_bytes_at(DEFAULT_POOL_PATH), exists=False))
    networks = conn.listAllNetworks(0)
    inactive = conn.listAllNetworks(libvirt.VIR_CONNECT_LIST_NETWORKS_INACTIVE)
    return HostFacts(
        memory_mib=memory_mib,
        cpus=cpus,
        kvm=_offers_kvm(conn.getCapabilities()),
        uefi=OVMF_DIR.is_dir(),
        session=conn.getURI().endswith("/session"),
        networks=tuple(sorted(n.name() for n in networks)),
        inactive_networks=frozenset(n.name() for n in inactive),
        bridges=host_bridges(),
        pools=tuple(pools),
        # name() is cached in the virDomain object: one RPC for the whole list.
        domain_names=frozenset(d.name() for d in conn.listAllDomains(0)),
    )


# --- the create sequence ------------------------------------------------------------------


@dataclass(frozen=True)
class NewVolume:
    """A volume ``create_vm`` makes: an empty or overlay qcow2, or a copy of an image."""

    pool: str
    name: str
    size_bytes: int = 0
    backing: tuple[str, VolumeFormat] | None = None
    copy_of: str | None = None  # an image file to copy instead of a new qcow2


@dataclass(frozen=True)
class CreatePlan:
    """What to make. ``spec`` already names the paths the volumes will have.

    ``domain_xml`` is the user's edited XML ("Customize before install"), used
    instead of ``build_domain_xml(spec)``.
    """

    spec: NewVmSpec
    disk_volume: NewVolume | None = None
    seed_volume: NewVolume | None = None
    cloud_init: CloudInitConfig | None = None
    domain_xml: str | None = None
    start: bool = True

    def __post_init__(self) -> None:
        if (self.seed_volume is None) != (self.cloud_init is None):
            raise ValueError("a seed volume needs a cloud-init config, and the reverse")

    @property
    def xml(self) -> str:
        return self.domain_xml if self.domain_xml is not None else build_domain_xml(self.spec)

    @property
    def step_count(self) -> int:
        return (self.disk_volume is not None) + (self.seed_volume is not None) + 1 + self.start


class CreateVmError(LibvirtCallError):
    """A step failed; everything made before it was removed unless ``left_behind`` says."""

    def __init__(self, name: str, step: str, message: str, left_behind: list[str]) -> None:
        text = f"{step} failed: {message}"
        if left_behind:
            text += " Could not undo: " + "; ".join(left_behind) + "."
        else:
            text += " Nothing was left behind."
        super().__init__(f"Could not create {name}", text)
        self.step = step
        self.left_behind = left_behind


def _pool_for(conn: libvirt.virConnect, name: str) -> libvirt.virStoragePool:
    if name == DEFAULT_POOL_NAME:
        # Like virt-manager: the default pool is made when the first VM needs it, and kept.
        return ensure_default_pool(conn)
    pool = lookup_pool(conn, name)
    if pool is None:
        raise ValueError(f"there is no storage pool {name!r}")
    return pool


def _make_volume(
    conn: libvirt.virConnect, spec: NewVolume, expected_path: str | None
) -> libvirt.virStorageVol:
    pool = _pool_for(conn, spec.pool)
    if spec.copy_of is not None:
        vol = upload_volume_file(conn, pool, spec.name, spec.copy_of)
    else:
        free = pool_free_bytes(pool)
        if spec.size_bytes > free:
            raise ValueError(
                f"the disk needs {format_bytes(spec.size_bytes)} and pool "
                f"{spec.pool!r} has {format_bytes(free)} free"
            )
        vol = create_qcow2_volume(pool, spec.name, spec.size_bytes, spec.backing)
    if expected_path is not None and vol.path() != expected_path:
        vol.delete(0)
        raise ValueError(f"the volume went to {vol.path()}, not {expected_path}")
    return vol


def create_vm(conn: libvirt.virConnect, plan: CreatePlan, progress: Progress) -> DomainInfo:
    """Make the volumes, the seed and the domain of ``plan``, start it, and read it back.

    On failure, what was made is removed (newest first) and CreateVmError says
    which step failed, why, and anything that could not be removed.
    """
    spec = plan.spec
    total = plan.step_count
    done = 0
    step = ""
    rollback = Rollback()

    def begin(what: str) -> None:
        nonlocal step
        step = what
        progress(what, done, total)

    try:
        if plan.disk_volume is not None:
            begin("Creating the disk")
            disk = _make_volume(conn, plan.disk_volume, spec.disk.path if spec.disk else None)
            rollback.push(f"delete {disk.path()}", disk.delete)
            done += 1
        if plan.seed_volume is not None and plan.cloud_init is not None:
            begin("Writing the cloud-init seed")
            pool = _pool_for(conn, plan.seed_volume.pool)
            seed = upload_volume_bytes(
                conn, pool, plan.seed_volume.name, seed_iso_bytes(plan.cloud_init)
            )
            rollback.push(f"delete {seed.path()}", seed.delete)
            if seed.path() != spec.cdrom:
                raise ValueError(f"the seed went to {seed.path()}, not {spec.cdrom}")
            done += 1
        if spec.network.kind is NetworkKind.NETWORK:
            network = conn.networkLookupByName(spec.network.name)
            if not network.isActive():
                # As virt-manager does; left running if the create fails later.
                begin(f"Starting the network {spec.network.name}")
                network.create()
        begin("Defining the virtual machine")
        # VALIDATE: an edited XML is checked against libvirt's schema, not half-read.
        dom = conn.defineXMLFlags(plan.xml, libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
        # Stops it if it runs, and takes its UEFI variables and saved state along.
        rollback.push(f"undefine {spec.name}", partial(undefine, dom))
        done += 1
        if plan.start:
            begin("Starting the virtual machine")
            dom.create()
            done += 1
        info = read_domain(dom)
    except (libvirt.libvirtError, ValueError, OSError) as err:
        message = err.get_error_message() if isinstance(err, libvirt.libvirtError) else str(err)
        log.warning("creating %s failed at %r: %s", spec.name, step, message)
        left_behind = rollback.run()
        raise CreateVmError(spec.name, step, message or str(err), left_behind) from err
    progress("Done", total, total)
    return info
