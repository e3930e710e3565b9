"""The VMs of every connection grouped by tag: the list's "Group by Tag" view.

Top-level rows are groups (each tag, then templates, then the untagged VMs);
their children are the VMs in them, a VM with two tags under both. A group
row stands for all its VMs: selecting it selects them for the actions.

The grouping is rebuilt only while the view shows (``set_active``), and a
change that moves no VM between groups updates the rows in place, so that a
selection survives state changes.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot

from kvmgui.core.connection import Connection, DomainChanges
from kvmgui.core.domain import DomainInfo
from kvmgui.core.tags import (
    TEMPLATES_GROUP,
    UNTAGGED_GROUP,
    VmQuery,
    groups_of,
    translated_states,
)
from kvmgui.core.texts import Translatable
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.models.domain_tree import Role
from kvmgui.ui.widgets.icons import state_icon

AnyIndex = QModelIndex | QPersistentModelIndex
Member = tuple[Connection, DomainInfo]


class GroupColumn(enum.IntEnum):
    NAME = 0
    STATE = 1
    TAGS = 2


GROUP_COLUMN_TITLES = {
    GroupColumn.NAME: Translatable("models.tag_groups", "Name"),
    GroupColumn.STATE: Translatable("models.tag_groups", "State"),
    GroupColumn.TAGS: Translatable("models.tag_groups", "Tags"),
}
GROUP_ROLE = Qt.ItemDataRole.UserRole + 20  # str: the group's name, on group rows


def _group_order(name: str) -> tuple[int, str]:
    rank = 0 if name == TEMPLATES_GROUP else 2 if name == UNTAGGED_GROUP else 1
    return rank, name


class TagGroupModel(QAbstractItemModel):
    """Groups of VMs by tag, over the connection manager's domains."""

    def __init__(self, manager: ConnectionManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._manager = manager
        self._active = False
        self._query = VmQuery()
        self._groups: list[tuple[str, list[Member]]] = []
        # (connection URI, UUID) → its rows as (group row, row in the group).
        self._positions: dict[tuple[str, str], list[tuple[int, int]]] = {}
        manager.domains_changed.connect(self.on_domains_changed)
        manager.connection_removed.connect(self.on_connection_removed)

    # ------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < len(GroupColumn):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or row >= len(self._groups[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._groups[parent.row()][1])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(GroupColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return shown(GROUP_COLUMN_TITLES[GroupColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            name, members = self._groups[index.row()]
            if role == GROUP_ROLE:
                return name
            if role == Qt.ItemDataRole.DisplayRole and index.column() == GroupColumn.NAME:
                return f"{name} ({len(members)})"
            if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == GroupColumn.NAME:
                return translate(
                    "models.tag_groups", "Group {name}, {len} virtual machines"
                ).format(name=name, len=len(members))
            return None
        connection, info = self._groups[index.internalId() - 1][1][index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == GroupColumn.NAME:
                return info.name
            if column == GroupColumn.STATE:
                return shown(info.state_text)
            return " ".join(info.tags)
        if role == Role.DOMAIN:
            return info
        if role == Role.CONNECTION:
            return connection
        if role == Role.UUID:
            return info.uuid
        if role == Qt.ItemDataRole.DecorationRole and column == GroupColumn.STATE:
            return state_icon(info.state, info.managed_save)
        if role == Qt.ItemDataRole.ToolTipRole and column == GroupColumn.NAME:
            return f"{info.title or info.name} on {connection.uri}"
        return None

    # -------------------------------------------------------------- queries

    def members(self, index: QModelIndex) -> list[Member]:
        """The VMs a row stands for: a group row's every VM, a VM row's own."""
        if not index.isValid():
            return []
        if index.internalId() == 0:
            return list(self._groups[index.row()][1])
        return [self._groups[index.internalId() - 1][1][index.row()]]

    def group_names(self) -> list[str]:
        return [name for name, _members in self._groups]

    # -------------------------------------------------------------- control

    def set_active(self, active: bool) -> None:
        """Follow the domains (and rebuild now) only while the grouped view shows."""
        self._active = active
        self._rebuild() if active else self._clear()

    def set_filter_text(self, text: str) -> None:
        query = VmQuery.parse(text, translated_states(shown))
        if query != self._query:
            self._query = query
            if self._active:
                self._rebuild()

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        # Work in proportion to the change: a state change updates its VM's rows;
        # only a VM that joins, leaves or moves between groups regroups them all.
        if not self._active:
            return
        if changes.added or changes.removed or not all(
            self._stays_in_place(connection, info) for info in changes.changed
        ):
            self._rebuild()
            return
        for info in changes.changed:
            for group, row in self._positions.get((connection.uri, info.uuid), ()):
                self._groups[group][1][row] = (connection, info)
                parent = self.index(group, 0)
                self.dataChanged.emit(parent, self.index(group, len(GroupColumn) - 1))
                self.dataChanged.emit(
                    self.index(row, 0, parent), self.index(row, len(GroupColumn) - 1, parent)
                )

    def _stays_in_place(self, connection: Connection, info: DomainInfo) -> bool:
        """Whether ``info`` keeps the rows (or the absence of rows) it has now."""
        shown = bool(self._positions.get((connection.uri, info.uuid)))
        matches = not self._query or self._query.matches(info)
        if not shown:
            return not matches
        group, row = self._positions[(connection.uri, info.uuid)][0]
        old = self._groups[group][1][row][1]
        return matches and old.name == info.name and groups_of(old) == groups_of(info)

    @Slot(object)
    def on_connection_removed(self, _connection: Connection) -> None:
        if self._active:
            self._rebuild()

    def _grouped(self) -> list[tuple[str, list[Member]]]:
        groups: dict[str, list[Member]] = {}
        query = self._query
        for connection in self._manager.connections():
            for info in connection.domains():
                if query and not query.matches(info):
                    continue
                for group in groups_of(info):
                    groups.setdefault(group, []).append((connection, info))
        return [
            (name, sorted(groups[name], key=lambda m: (m[1].name.lower(), m[1].uuid)))
            for name in sorted(groups, key=_group_order)
        ]

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._set_groups(self._grouped())
        self.endResetModel()

    def _clear(self) -> None:
        self.beginResetModel()
        self._set_groups([])
        self.endResetModel()

    def _set_groups(self, groups: list[tuple[str, list[Member]]]) -> None:
        self._groups = groups
        self._positions = {}
        for group, (_name, members) in enumerate(groups):
            for row, (connection, info) in enumerate(members):
                self._positions.setdefault((connection.uri, info.uuid), []).append((group, row))
