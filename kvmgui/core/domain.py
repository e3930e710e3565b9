"""Immutable snapshots of libvirt domains, and the reading of them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

import libvirt

from kvmgui.core.gui_priority import step_aside
from kvmgui.core.metadata import NO_METADATA, KvmguiMetadata, read_metadata
from kvmgui.core.texts import Translatable


class DomainState(enum.IntEnum):
    """libvirt's virDomainState, with the words a user reads."""

    NOSTATE = 0
    RUNNING = 1
    BLOCKED = 2
    PAUSED = 3
    SHUTDOWN = 4
    SHUTOFF = 5
    CRASHED = 6
    PMSUSPENDED = 7

    @classmethod
    def from_libvirt(cls, value: int) -> DomainState:
        try:
            return cls(value)
        except ValueError:
            return cls.NOSTATE

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]

    @property
    def is_active(self) -> bool:
        """Whether QEMU runs for the domain (it holds memory, it can be forced off)."""
        return self not in (DomainState.SHUTOFF, DomainState.NOSTATE)


_STATE_LABELS = {
    DomainState.NOSTATE: Translatable("domain", "Unknown"),
    DomainState.RUNNING: Translatable("domain", "Running"),
    DomainState.BLOCKED: Translatable("domain", "Blocked"),
    DomainState.PAUSED: Translatable("domain", "Paused"),
    DomainState.SHUTDOWN: Translatable("domain", "Shutting down"),
    DomainState.SHUTOFF: Translatable("domain", "Shut off"),
    DomainState.CRASHED: Translatable("domain", "Crashed"),
    DomainState.PMSUSPENDED: Translatable("domain", "Suspended"),
}
# A shut-off domain whose memory libvirt saved (managed save).
SAVED_LABEL = Translatable("domain", "Saved")
# Every word a domain's state is shown with (reasons aside).
STATE_WORDS = (*_STATE_LABELS.values(), SAVED_LABEL)

# The reasons worth showing, per state (virDomain*Reason enums).
_REASON_LABELS: dict[DomainState, dict[int, str]] = {
    DomainState.RUNNING: {
        1: Translatable("domain", "booted"),
        2: Translatable("domain", "migrated"),
        3: Translatable("domain", "restored"),
        4: Translatable("domain", "from snapshot"),
        5: Translatable("domain", "unpaused"),
        6: Translatable("domain", "migration canceled"),
        7: Translatable("domain", "save canceled"),
        8: Translatable("domain", "woken up"),
        9: Translatable("domain", "crashed"),
        10: Translatable("domain", "post-copy"),
    },
    DomainState.PAUSED: {
        1: Translatable("domain", "by user"),
        2: Translatable("domain", "migrating"),
        3: Translatable("domain", "saving"),
        4: Translatable("domain", "dumping"),
        5: Translatable("domain", "I/O error"),
        6: Translatable("domain", "watchdog"),
        7: Translatable("domain", "from snapshot"),
        8: Translatable("domain", "shutting down"),
        9: Translatable("domain", "snapshot"),
        10: Translatable("domain", "crashed"),
        11: Translatable("domain", "starting up"),
        12: Translatable("domain", "post-copy"),
        13: Translatable("domain", "post-copy failed"),
    },
    DomainState.SHUTOFF: {
        1: Translatable("domain", "shut down"),
        2: Translatable("domain", "forced off"),
        3: Translatable("domain", "crashed"),
        4: Translatable("domain", "migrated"),
        5: Translatable("domain", "saved"),
        6: Translatable("domain", "failed"),
        7: Translatable("domain", "from snapshot"),
        8: Translatable("domain", "daemon restarted"),
    },
    DomainState.CRASHED: {1: Translatable("domain", "panicked")},
}


def reason_label(state: DomainState, reason: int) -> str:
    return _REASON_LABELS.get(state, {}).get(reason, "")


@dataclass(frozen=True, slots=True)
class Labels:
    """What a domain says of itself beyond its state: its title and kvmgui's metadata.

    They cost one RPC each per domain, so a listing carries over those already
    read and they are read afterwards, in the background.
    """

    title: str = ""
    metadata: KvmguiMetadata = NO_METADATA


NO_LABELS = Labels()


@dataclass(frozen=True, slots=True)
class DomainInfo:
    """What the list shows of one domain, read at one moment.

    ``vcpus``, ``memory_kib`` and ``max_memory_kib`` are 0 when not read yet
    (a connection's first listing leaves them out: see :func:`list_domains`).
    """

    uuid: str
    name: str
    state: DomainState
    reason: int
    vcpus: int
    memory_kib: int
    max_memory_kib: int
    persistent: bool
    autostart: bool
    managed_save: bool
    labels: Labels = NO_LABELS
    # Derived once, where the snapshot is made (a pool thread), so that the
    # GUI thread never formats them per row.
    state_text: str = field(init=False, compare=False, repr=False)
    search_text: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.state is DomainState.SHUTOFF and self.managed_save:
            state_text: str = SAVED_LABEL
        else:
            reason = reason_label(self.state, self.reason)
            state_text = (
                Translatable("domain", "{state} ({reason})", state=self.state.label, reason=reason)
                if reason else self.state.label
            )
        object.__setattr__(self, "state_text", state_text)
        # Lower-case text the filter box matches against.
        search = f"{self.name}\n{self.title}\n{state_text}\n{self.uuid}".lower()
        if self.tags:
            search += "\n" + "\n".join(self.tags)
        object.__setattr__(self, "search_text", search)

    @property
    def title(self) -> str:
        return self.labels.title

    @property
    def tags(self) -> tuple[str, ...]:
        return self.labels.metadata.tags

    @property
    def is_template(self) -> bool:
        return self.labels.metadata.template


def read_title(dom: libvirt.virDomain) -> str:
    """The domain's title, or "" (libvirt raises when a domain has none)."""
    try:
        return dom.metadata(libvirt.VIR_DOMAIN_METADATA_TITLE, None)
    except libvirt.libvirtError as err:
        if err.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN_METADATA:
            return ""
        raise


def read_labels(dom: libvirt.virDomain) -> Labels:
    """The domain's title and kvmgui's metadata on it (two RPCs)."""
    return Labels(read_title(dom), read_metadata(dom))


def read_domain(dom: libvirt.virDomain) -> DomainInfo:
    """Read one domain with per-domain calls (used after an event)."""
    _state, max_memory, memory, vcpus, _cpu_time = dom.info()
    state_now, reason = dom.state()
    persistent = bool(dom.isPersistent())
    return DomainInfo(
        uuid=dom.UUIDString(),
        name=dom.name(),
        state=DomainState.from_libvirt(state_now),
        reason=reason,
        vcpus=vcpus,
        memory_kib=memory,
        max_memory_kib=max_memory,
        persistent=persistent,
        autostart=persistent and bool(dom.autostart()),
        managed_save=persistent and bool(dom.hasManagedSaveImage()),
        labels=read_labels(dom),
    )


def read_domain_xml(dom: libvirt.virDomain) -> str:
    """The domain's XML as it runs now (its definition when it is shut off), without secrets."""
    return dom.XMLDesc(0)


def _uuids(conn: libvirt.virConnect, flags: int) -> set[str]:
    return {dom.UUIDString() for dom in conn.listAllDomains(flags)}


def list_domains(
    conn: libvirt.virConnect, known_labels: dict[str, Labels], *, with_sizes: bool = True
) -> tuple[list[DomainInfo], list[str]]:
    """Read every domain of a connection with bulk calls where libvirt has them.

    States come from one getAllDomainStats call and the flags from filtered
    listings; only vCPUs and memory cost one info() per domain, an RPC to the
    daemon each: ``with_sizes=False`` leaves them at 0 (the bulk calls alone,
    for the listing a launch waits for). Labels are carried over from
    ``known_labels``; the UUIDs returned second are those of domains whose
    labels are still to be read (see :func:`read_labels`).
    """
    try:
        states = {
            dom.UUIDString(): (dom, stats["state.state"], stats["state.reason"])
            for dom, stats in conn.getAllDomainStats(libvirt.VIR_DOMAIN_STATS_STATE)
        }
    except libvirt.libvirtError as err:
        if err.get_error_code() != libvirt.VIR_ERR_NO_SUPPORT:
            raise
        states = {}
        for dom in conn.listAllDomains(0):
            state, reason = dom.state()
            states[dom.UUIDString()] = (dom, state, reason)
    # Transient domains are few where persistent ones are nearly all: listing
    # those costs a Python object and a UUID per domain (about 40 ms at 10,000).
    transient = _uuids(conn, libvirt.VIR_CONNECT_LIST_DOMAINS_TRANSIENT)
    autostart = _uuids(conn, libvirt.VIR_CONNECT_LIST_DOMAINS_AUTOSTART)
    managed_save = _uuids(conn, libvirt.VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE)
    infos: list[DomainInfo] = []
    unlabelled: list[str] = []
    for uuid, (dom, state, reason) in states.items():
        step_aside()
        max_memory = memory = vcpus = 0
        if with_sizes:
            try:
                _state, max_memory, memory, vcpus, _cpu_time = dom.info()
            except libvirt.libvirtError as err:
                if err.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN:
                    continue  # undefined between the two calls
                raise
        labels = known_labels.get(uuid)
        if labels is None:
            unlabelled.append(uuid)
        infos.append(
            DomainInfo(
                uuid=uuid,
                name=dom.name(),
                state=DomainState.from_libvirt(state),
                reason=reason,
                vcpus=vcpus,
                memory_kib=memory,
                max_memory_kib=max_memory,
                persistent=uuid not in transient,
                autostart=uuid in autostart,
                managed_save=uuid in managed_save,
                labels=labels or NO_LABELS,
            )
        )
    return infos, unlabelled
