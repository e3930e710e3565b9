"""Creating a new VM from its plan (core/newvm.py): volumes, seed, domain and start.

``create_vm`` blocks on the daemon: run it in the connection's pool. It undoes
everything it made when a step fails, so a failed create leaves no volume,
seed or domain behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

import libvirt

from kvmgui.core.cloudinit import seed_iso_bytes
from kvmgui.core.domain import DomainInfo, read_domain
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.lifecycle import undefine
from kvmgui.core.newvm import CreatePlan, NewVolume
from kvmgui.core.storage import (
    DEFAULT_POOL_NAME,
    Rollback,
    create_qcow2_volume,
    ensure_default_pool,
    lookup_pool,
    pool_free_bytes,
    upload_volume_bytes,
    upload_volume_file,
)
from kvmgui.core.units import format_bytes
from kvmgui.core.xml.domain import NetworkKind
from kvmgui.core.xml.storage import volume_xml

log = logging.getLogger(__name__)

# (what is being done, steps done, steps in all); called on the worker thread.
Progress = Callable[[str, int, int], None]


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
    if spec.upload_from is not None:
        vol = upload_volume_file(conn, pool, spec.name, spec.upload_from)
    elif spec.clone_of is not None:
        source = conn.storageVolLookupByPath(spec.clone_of)
        xml = volume_xml(spec.name, spec.size_bytes, spec.format)
        vol = pool.createXMLFrom(xml, source, 0)
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
        if plan.seed_volume is not None:
            begin("Writing the cloud-init seed")
            if plan.cloud_init is None:
                raise ValueError("the plan has a seed volume but no cloud-init config")
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
