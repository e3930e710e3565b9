"""Lifecycle actions on domains: which states allow them and the call each makes."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

import libvirt

from kvmgui.core.domain import DomainInfo, DomainState
from kvmgui.core.storage import delete_volume_by_path, volume_for_path
from kvmgui.core.xml.domain import domain_disks

_RUNNING = frozenset({DomainState.RUNNING, DomainState.BLOCKED})
_ACTIVE = frozenset(state for state in DomainState if state.is_active)


@dataclass(frozen=True)
class ActionSpec:
    label: str
    verb: str
    states: frozenset[DomainState]
    run: Callable[[libvirt.virDomain], object]
    needs_persistent: bool = False


class Action(enum.Enum):
    START = ActionSpec(
        "Start", "start",
        frozenset({DomainState.SHUTOFF, DomainState.CRASHED}),
        libvirt.virDomain.create, needs_persistent=True,
    )
    PAUSE = ActionSpec("Pause", "pause", _RUNNING, libvirt.virDomain.suspend)
    RESUME = ActionSpec(
        "Resume", "resume", frozenset({DomainState.PAUSED}), libvirt.virDomain.resume
    )
    SHUTDOWN = ActionSpec("Shut Down", "shut down", _RUNNING, libvirt.virDomain.shutdown)
    REBOOT = ActionSpec("Reboot", "reboot", _RUNNING, libvirt.virDomain.reboot)
    FORCE_OFF = ActionSpec("Force Off", "force off", _ACTIVE, libvirt.virDomain.destroy)
    SAVE = ActionSpec(
        "Save", "save",
        frozenset({DomainState.RUNNING, DomainState.BLOCKED, DomainState.PAUSED}),
        libvirt.virDomain.managedSave, needs_persistent=True,
    )

    @property
    def spec(self) -> ActionSpec:
        value: ActionSpec = self.value
        return value

    def allowed_for(self, info: DomainInfo) -> bool:
        spec = self.spec
        return info.state in spec.states and (info.persistent or not spec.needs_persistent)

    def refusal(self, info: DomainInfo) -> str:
        """Why the action cannot run on this domain now ("" when it can)."""
        if self.allowed_for(info):
            return ""
        if self.spec.needs_persistent and not info.persistent:
            return f"{info.name} is transient: it cannot {self.spec.verb}."
        return f"{info.name} is {info.state_text.lower()}: it cannot {self.spec.verb} now."


# Everything libvirt keeps beside a domain's definition goes with it; older
# drivers reject flags they don't know, so fewer are tried after.
_UNDEFINE_FLAG_SETS = (
    libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
    | libvirt.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA
    | libvirt.VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA
    | libvirt.VIR_DOMAIN_UNDEFINE_NVRAM,
    libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | libvirt.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA,
    0,
)


def undefine(dom: libvirt.virDomain) -> None:
    """Stop the domain if it runs and remove its definition, managed save, snapshots, NVRAM."""
    if dom.isActive():
        dom.destroy()
    if not dom.isPersistent():
        return  # a transient domain vanished when it stopped
    last_error: libvirt.libvirtError | None = None
    for flags in _UNDEFINE_FLAG_SETS:
        try:
            dom.undefineFlags(flags)
            return
        except libvirt.libvirtError as err:
            if err.get_error_code() not in (
                libvirt.VIR_ERR_INVALID_ARG, libvirt.VIR_ERR_NO_SUPPORT,
                libvirt.VIR_ERR_ARGUMENT_UNSUPPORTED,
            ):
                raise
            last_error = err
    assert last_error is not None
    raise last_error


@dataclass(frozen=True)
class DiskChoice:
    """A disk of a domain as the delete dialog offers it."""

    target: str
    path: str
    device: str
    is_volume: bool  # only storage volumes can be removed through libvirt


def disks_for_delete(dom: libvirt.virDomain) -> list[DiskChoice]:
    """The domain's file-backed disks, and which of them libvirt can remove."""
    conn = dom.connect()
    return [
        DiskChoice(disk.target, disk.path, disk.device,
                   is_volume=volume_for_path(conn, disk.path) is not None)
        for disk in domain_disks(dom.XMLDesc(0))
        if disk.path
    ]


def delete_domain(dom: libvirt.virDomain, volume_paths: list[str]) -> list[str]:
    """Undefine the domain, then remove the volumes the user ticked.

    The definition goes first so that a failure leaves the disks in place
    rather than a domain pointing at missing disks. Returns the volumes
    that could not be removed, with why.
    """
    conn = dom.connect()
    undefine(dom)
    failures = []
    for path in volume_paths:
        try:
            if not delete_volume_by_path(conn, path):
                failures.append(f"{path}: no storage pool holds it")
        except libvirt.libvirtError as err:
            failures.append(f"{path}: {err.get_error_message()}")
    return failures
