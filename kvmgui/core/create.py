"""Creating a new VM from its plan (core/newvm.py): volumes, seed, domain and start.

``create_vm`` blocks on the daemon: run it in the connection's pool. It undoes
everything it made when a step fails, so a failed create leaves no volume,
seed or domain behind.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable
from dataclasses import replace
from functools import partial

import libvirt

from kvmgui.core.cloudinit import seed_iso_bytes
from kvmgui.core.domain import DomainInfo, read_domain
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.lifecycle import undefine
from kvmgui.core.media import image_reference_problem
from kvmgui.core.metadata import metadata_in_domain, set_metadata_in_domain
from kvmgui.core.newvm import CreatePlan, NewVolume, require_no_problem
from kvmgui.core.storage import (
    DEFAULT_POOL_NAME,
    Rollback,
    create_qcow2_volume,
    ensure_default_pool,
    lookup_pool,
    make_volume_that_fits,
    upload_volume_bytes,
    upload_volume_file,
)
from kvmgui.core.texts import Sentences, Translatable
from kvmgui.core.xml.domain import NetworkKind
from kvmgui.core.xml.model import Domain
from kvmgui.core.xml.properties import parse_xml
from kvmgui.core.xml.storage import volume_xml

log = logging.getLogger(__name__)

# (what is being done, steps done, steps in all); called on the worker thread.
Progress = Callable[[str, int, int], None]


class CreateVmError(LibvirtCallError):
    """A step failed; everything made before it was removed unless ``left_behind`` says."""

    def __init__(self, name: str, step: str, message: str, left_behind: list[str]) -> None:
        text = Sentences(
            Translatable("create", "{step} failed: {message}", step=step, message=message),
            Translatable("create", "Could not undo: {left}.", left="; ".join(left_behind))
            if left_behind else Translatable("create", "Nothing was left behind."),
        )
        super().__init__(Translatable("create", "Could not create {name}", name=name), text)
        self.step = step
        self.left_behind = left_behind


def _pool_for(conn: libvirt.virConnect, name: str) -> libvirt.virStoragePool:
    if name == DEFAULT_POOL_NAME:
        # Like virt-manager: the default pool is made when the first VM needs it, and kept.
        return ensure_default_pool(conn)
    pool = lookup_pool(conn, name)
    if pool is None:
        raise ValueError(Translatable("create", "there is no storage pool {name!r}", name=name))
    return pool


def _copy_progress(progress: Progress, done: int, total: int) -> Callable[[int, int], None]:
    """``upload_volume_file``'s reports as the create's: once per percent, not per chunk
    (a large image is thousands of chunks)."""
    shown = -1

    def copied(sent: int, size: int) -> None:
        nonlocal shown
        percent = sent * 100 // size
        if percent != shown:
            shown = percent
            progress(Translatable("create", "Copying the image ({percent} %)", percent=percent),
                     done, total)

    return copied


def _make_volume(
    conn: libvirt.virConnect,
    spec: NewVolume,
    expected_path: str | None,
    copied: Callable[[int, int], None],
) -> libvirt.virStorageVol:
    pool = _pool_for(conn, spec.pool)
    make: Callable[[], libvirt.virStorageVol]
    if spec.upload_from is not None:
        # Sent byte for byte: the file's size is what the pool must take.
        needed = os.path.getsize(spec.upload_from)
        make = partial(upload_volume_file, conn, pool, spec.name, spec.upload_from, copied)
    elif spec.clone_of is not None:
        source = conn.storageVolLookupByPath(spec.clone_of)
        needed = int(source.info()[2])  # allocation: a sparse or qcow2 copy writes as much
        xml = volume_xml(spec.name, spec.size_bytes, spec.format)
        make = partial(pool.createXMLFrom, xml, source, 0)
    else:
        # Thin, but the guest may fill it: the whole capacity must fit.
        needed = spec.size_bytes
        make = partial(create_qcow2_volume, pool, spec.name, spec.size_bytes, spec.backing)
    vol = make_volume_that_fits(pool, Translatable("create", "the disk"), needed, make)
    if expected_path is not None and vol.path() != expected_path:
        vol.delete(0)
        raise ValueError(f"the volume went to {vol.path()}, not {expected_path}")
    return vol


def _existing_domain(
    lookup: Callable[[str], libvirt.virDomain], key: str
) -> libvirt.virDomain | None:
    try:
        return lookup(key)
    except libvirt.libvirtError as err:
        if err.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN:
            return None
        raise


def new_domain_xml(conn: libvirt.virConnect, xml: str) -> tuple[str, str]:
    """``xml`` made safe to define as a new domain: (the XML, the VM's name).

    ``defineXML`` of a name and UUID that exist redefines that domain (XML
    pasted from ``virsh dumpxml other``), and a rollback would then undefine
    it: a name or UUID that a domain has is refused. An XML without a UUID
    gets a fresh one, so that its define can only make a new domain (libvirt
    refuses a taken name under another UUID).
    """
    dom = Domain.from_xml(xml)
    if not dom.name:
        raise ValueError(Translatable("create", "the XML gives the VM no name"))
    if _existing_domain(conn.lookupByName, dom.name) is not None:
        raise ValueError(Translatable(
            "create", "a VM named {name!r} already exists on this connection", name=dom.name
        ))
    if dom.uuid:
        other = _existing_domain(conn.lookupByUUIDString, dom.uuid)
        if other is not None:
            raise ValueError(Translatable(
                "create",
                "the XML's UUID {uuid} is the VM {name!r}'s: remove the <uuid> element or give a "
                "new one",
                uuid=dom.uuid, name=other.name(),
            ))
        return xml, dom.name
    dom.uuid = str(uuid.uuid4())
    return dom.to_xml(), dom.name


def _with_ssh_user(plan: CreatePlan) -> str:
    """The plan's XML, remembering the user the cloud-init seed makes (kvmgui's
    metadata): Copy SSH Command and Open SSH Terminal log in as that user."""
    if plan.cloud_init is None:
        return plan.xml
    root = parse_xml(plan.xml)
    set_metadata_in_domain(
        root, replace(metadata_in_domain(root), ssh_user=plan.cloud_init.user)
    )
    return Domain(root).to_xml()


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
        if plan.source_image is not None:
            # Checked when chosen; the file may have changed since.
            step = Translatable("create", "Checking the image")
            local = plan.source_image_local
            require_no_problem(image_reference_problem(conn, plan.source_image, local=local))
        if plan.disk_volume is not None:
            begin(Translatable("create", "Creating the disk"))
            disk = _make_volume(conn, plan.disk_volume, spec.disk.path if spec.disk else None,
                                _copy_progress(progress, done, total))
            rollback.push(f"delete {disk.path()}", disk.delete)
            done += 1
        if plan.seed_volume is not None:
            begin(Translatable("create", "Writing the cloud-init seed"))
            if plan.cloud_init is None:
                raise ValueError("the plan has a seed volume but no cloud-init config")
            pool = _pool_for(conn, plan.seed_volume.pool)
            seed_bytes = seed_iso_bytes(plan.cloud_init)
            seed = make_volume_that_fits(
                pool, Translatable("create", "the cloud-init seed"), len(seed_bytes),
                partial(upload_volume_bytes, conn, pool, plan.seed_volume.name, seed_bytes),
            )
            rollback.push(f"delete {seed.path()}", seed.delete)
            if seed.path() != spec.cdrom:
                raise ValueError(f"the seed went to {seed.path()}, not {spec.cdrom}")
            done += 1
        if spec.network.kind is NetworkKind.NETWORK:
            network = conn.networkLookupByName(spec.network.name)
            if not network.isActive():
                # As virt-manager does; left running if the create fails later.
                begin(Translatable("create", "Starting the network {name}",
                                   name=spec.network.name))
                network.create()
        begin(Translatable("create", "Defining the virtual machine"))
        xml, vm_name = new_domain_xml(conn, _with_ssh_user(plan))
        # VALIDATE: an edited XML is checked against libvirt's schema, not half-read.
        dom = conn.defineXMLFlags(xml, libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
        # A new domain (new_domain_xml): undoing it touches no one else's.
        # Stops it if it runs, and takes its UEFI variables and saved state along.
        rollback.push(f"undefine {vm_name}", partial(undefine, dom))
        done += 1
        if plan.start:
            begin(Translatable("create", "Starting the virtual machine"))
            dom.create()
            done += 1
        info = read_domain(dom)
    except BaseException as err:
        # Whatever stopped it (a bug, a cancelled worker, Ctrl+C), what was made goes.
        left_behind = rollback.run()
        if not isinstance(err, Exception):
            raise
        if isinstance(err, libvirt.libvirtError):
            message = err.get_error_message() or str(err)
        elif len(err.args) == 1 and isinstance(err.args[0], Translatable):
            message = err.args[0]  # kept translatable
        else:
            message = str(err) or type(err).__name__
        expected = isinstance(err, (libvirt.libvirtError, ValueError, OSError))
        log.warning("creating %s failed at %r: %s", spec.name, step, message,
                    exc_info=None if expected else err)
        raise CreateVmError(spec.name, step, message, left_behind) from err
    progress(Translatable("create", "Done"), total, total)
    return info
