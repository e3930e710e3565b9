"""Connections and their domains as a two-level tree model.

Sorting and filtering live here rather than in a QSortFilterProxyModel: the
proxy calls back into Python for every comparison and every row, which at
10,000 domains stalls the GUI thread for hundreds of milliseconds
(benchmarks/bench_list.py). Here each connection keeps its visible domains
in a list sorted by the current key, so an update costs one bisect and a
new filter or sort costs one C-level sort of a Python list.

The rows' structure lives in a QStandardItemModel: one item per connection,
whose children are empty slots, one per visible domain. A QTreeView lays out
every row of an expanded connection on each change of rows, and asks
``index()`` and ``flags()`` of each; answered in Python, that is 50-70 ms at
10,000 domains (a few times more when worker threads hold the GIL), answered
by QStandardItemModel it is under 1 ms. Python answers only ``data()``, which a
view asks of the cells it paints. Empty slots have QStandardItemModel's
default flags, editable among them: the views that show this model edit
nothing (their edit triggers are off).
"""

from __future__ import annotations

import bisect
import enum
import itertools
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, cast

import shiboken6
from PySide6.QtCore import (
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QFont, QIcon, QStandardItem, QStandardItemModel

from kvmgui.core.addresses import GuestAddress, primary_address
from kvmgui.core.connection import Connection, ConnectionState, DomainChanges
from kvmgui.core.domain import DomainInfo, DomainState
from kvmgui.core.kept import keep
from kvmgui.core.stats.reading import StatGroups
from kvmgui.core.tags import VmQuery, translated_states
from kvmgui.core.texts import Translatable
from kvmgui.core.units import NO_VALUE, format_kib
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.stats_poller import StatsPoller
from kvmgui.ui.theme import Tone, colour
from kvmgui.ui.widgets.icons import state_icon
from kvmgui.ui.widgets.plain import plain_tooltip
from kvmgui.ui.widgets.sparkline import ChartedValue

AnyIndex = QModelIndex | QPersistentModelIndex

# Above this many changes in one set, rebuilding a connection's rows is
# cheaper than moving them one by one.
BULK_THRESHOLD = 200


class Column(enum.IntEnum):
    NAME = 0
    STATE = 1
    VCPUS = 2
    MEMORY = 3
    CPU_USAGE = 4
    MEMORY_USAGE = 5
    DISK_IO = 6
    NETWORK_IO = 7
    SNAPSHOTS = 8
    IP_ADDRESS = 9


_COLUMN_COUNT = len(Column)

COLUMN_TITLES = {
    Column.NAME: Translatable("models.domain_tree", "Name"),
    Column.STATE: Translatable("models.domain_tree", "State"),
    Column.VCPUS: Translatable("models.domain_tree", "vCPUs"),
    Column.MEMORY: Translatable("models.domain_tree", "Memory"),
    Column.CPU_USAGE: Translatable("models.domain_tree", "CPU usage"),
    Column.MEMORY_USAGE: Translatable("models.domain_tree", "Memory usage"),
    Column.DISK_IO: Translatable("models.domain_tree", "Disk I/O"),
    Column.NETWORK_IO: Translatable("models.domain_tree", "Network I/O"),
    Column.SNAPSHOTS: Translatable("models.domain_tree", "Snapshots"),
    Column.IP_ADDRESS: Translatable("models.domain_tree", "IP address"),
}

# Live statistics columns (sparklines), and the group each one needs sampled.
STATS_COLUMNS: dict[int, StatGroups] = {
    Column.CPU_USAGE: StatGroups.CPU,
    Column.MEMORY_USAGE: StatGroups.MEMORY,
    Column.DISK_IO: StatGroups.DISK,
    Column.NETWORK_IO: StatGroups.NETWORK,
}


class Role(enum.IntEnum):
    DOMAIN = Qt.ItemDataRole.UserRole + 1  # DomainInfo, on domain rows
    CONNECTION = Qt.ItemDataRole.UserRole + 2  # Connection, on every row
    UUID = Qt.ItemDataRole.UserRole + 3  # str, on domain rows
    STATS_SHOWN = Qt.ItemDataRole.UserRole + 4  # ChartedValue (text, recent values), stats columns
    STATS_MAXIMUM = Qt.ItemDataRole.UserRole + 5  # float: top of a sparkline's scale, or None
    THUMBNAIL = Qt.ItemDataRole.UserRole + 6  # QIcon of the VM's screen, or None


SortKey = tuple[Any, ...]

_CONNECTION_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# Domain rows of these connections show last known values, greyed.
_STALE_STATES = (ConnectionState.LOST, ConnectionState.FAILED)

_STATE_ORDER = {
    DomainState.RUNNING: 0, DomainState.BLOCKED: 0, DomainState.PAUSED: 1,
    DomainState.SHUTDOWN: 2, DomainState.PMSUSPENDED: 3, DomainState.CRASHED: 4,
    DomainState.SHUTOFF: 5, DomainState.NOSTATE: 6,
}

# Numbers, right-aligned (the painted answers say so; DomainListView asks this once a frame).
NUMBER_COLUMNS = frozenset((Column.VCPUS, Column.MEMORY, Column.SNAPSHOTS))
# Combined once: a flag's `|` is a Python call, and every painted number cell asks.
_RIGHT_ALIGNED = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# Columns whose painted answers (multiData) are kept per row (_RowCells):
# functions of the DomainInfo, and the addresses (on_addresses_changed drops
# them). The statistics columns change every tick (the poller keeps their
# values); the snapshot counts are filled when their column is shown.
_REMEMBERED_COLUMNS = frozenset(
    (Column.NAME, Column.STATE, Column.VCPUS, Column.MEMORY, Column.IP_ADDRESS)
)
# The roles a painted cell is asked, looked up once: each `Qt.ItemDataRole.X`
# is an attribute lookup through PySide's enum type, and a cell is asked seven.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FONT = Qt.ItemDataRole.FontRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
# The roles a domain row's cells can answer; any other is None at once. Of the
# seven roles a delegate asks of each cell it paints, three (font, background,
# check state) are never answered there.
_DOMAIN_ROLES = frozenset((_DISPLAY, _DECORATION, _TOOLTIP, _ALIGNMENT, _FOREGROUND, *Role))
# The members compared in every cell's answer, looked up once: in Python 3.11
# `Column.NAME` is a call through the enum's descriptor.
_NAME, _STATE, _VCPUS, _MEMORY = Column.NAME, Column.STATE, Column.VCPUS, Column.MEMORY
_SNAPSHOTS, _IP_ADDRESS = Column.SNAPSHOTS, Column.IP_ADDRESS
_ROLE_DOMAIN, _ROLE_UUID, _ROLE_CONNECTION = Role.DOMAIN, Role.UUID, Role.CONNECTION
_ROLE_THUMBNAIL = Role.THUMBNAIL
_ROLE_SHOWN, _ROLE_MAXIMUM = Role.STATS_SHOWN, Role.STATS_MAXIMUM
_MEMORY_GROUP = StatGroups.MEMORY
# Rows whose answers are kept, per connection: a few screenfuls.
REMEMBERED_ROWS = 1000
_NOT_ASKED = object()

_SORT_KEYS: dict[Column, Callable[[DomainInfo], SortKey]] = {
    Column.NAME: lambda d: (d.name.lower(), d.uuid),
    Column.STATE: lambda d: (_STATE_ORDER[d.state], d.name.lower(), d.uuid),
    Column.VCPUS: lambda d: (d.vcpus, d.name.lower(), d.uuid),
    Column.MEMORY: lambda d: (d.memory_kib, d.name.lower(), d.uuid),
}


@dataclass(eq=False)
class _ConnectionNode:
    connection: Connection
    # The connection's row in the structure; its children are the domain rows.
    item: QStandardItem
    # The internalId() of the domain rows: the item's address.
    node_id: int
    domains: dict[str, DomainInfo] = field(default_factory=dict)
    # Visible (filtered) domains in ascending key order, with their keys.
    visible: list[DomainInfo] = field(default_factory=list)
    keys: list[SortKey] = field(default_factory=list)
    stale: bool = False
    # Every domain in key order, filtered or not; dropped on any change.
    ordered: tuple[list[DomainInfo], list[SortKey]] | None = None
    # The answers of the rows painted lately, by UUID (DomainTreeModel._row_cells).
    cells: dict[str, RowCells] = field(default_factory=dict)


@dataclass(eq=False)
class RowCells:
    """A domain row as painted: what its cells answered, kept while the row shows
    this DomainInfo; a repaint then answers from a dict, not from the formatting code."""

    node: _ConnectionNode
    info: DomainInfo
    # Per column painted (of _REMEMBERED_COLUMNS): role -> answer.
    answers: dict[int, dict[int, Any]] = field(default_factory=dict)

    @property
    def stale(self) -> bool:
        """Whether the row shows last known values of a lost connection (greyed)."""
        return self.node.stale


class DomainTreeModel(QStandardItemModel):
    """Top-level rows are connections; their children are domains."""

    def __init__(
        self, manager: ConnectionManager, parent: QObject | None = None,
        *, stats: StatsPoller | None = None,
    ) -> None:
        super().__init__(parent)
        self.setColumnCount(_COLUMN_COUNT)
        self._stats = stats
        self._nodes: list[_ConnectionNode] = []
        self._by_id: dict[int, _ConnectionNode] = {}
        # What an insertion or removal of rows changes in the lists above (_change_rows).
        self._pending: Callable[[], None] | None = None
        # Connected before any view's: the lists change after what watches the
        # rows as they were, and before what looks at the rows as they are.
        self.rowsInserted.connect(self._commit_pending)
        self.rowsRemoved.connect(self._commit_pending)
        self._sort_column = Column.NAME
        self._descending = False
        self._sort_key = _SORT_KEYS[Column.NAME]
        self._query = VmQuery()
        #: Where Role.THUMBNAIL comes from: (connection, UUID) -> QIcon or None.
        self.thumbnail_for: Callable[[Connection, str], QIcon | None] | None = None
        #: Where the Snapshots column's counts come from: (connection, UUID) -> count or None.
        self.snapshot_count_for: Callable[[Connection, str], int | None] | None = None
        #: Where Column.IP_ADDRESS comes from: (connection, UUID) -> the guest's addresses.
        self.addresses_for: Callable[[Connection, str], tuple[GuestAddress, ...]] | None = None
        #: The rows of a connection (given its index) that the view showing the
        #: statistics columns has on screen; None: every row.
        self.rows_on_screen: Callable[[QModelIndex], range] | None = None
        manager.connection_added.connect(self.on_connection_added)
        manager.connection_removed.connect(self.on_connection_removed)
        manager.connection_state_changed.connect(self.on_connection_state_changed)
        manager.domains_changed.connect(self.on_domains_changed)
        if stats is not None:
            stats.stats_sampled.connect(self.on_stats_sampled)
        for connection in manager.connections():
            self.on_connection_added(connection)

    # ------------------------------------------------------------ structure

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return shown(COLUMN_TITLES[Column(section)]) if section < _COLUMN_COUNT else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._by_id.get(index.internalId())
        if node is None:
            return self._connection_data(self._nodes[index.row()], index.column(), role)
        info = node.visible[self._position(node, index.row())]
        return self._domain_data(node, info, index.column(), role)

    def multiData(self, index: AnyIndex, roles: QModelRoleDataSpan) -> None:  # type: ignore[override]
        # A delegate asks seven roles of each cell it paints: one call into Python, not seven.
        if not index.isValid():
            return
        # PySide6 iterates a span (its stub does not say so).
        spans = cast("Iterable[QModelRoleData]", roles)
        node = self._by_id.get(index.internalId())
        column = index.column()
        if node is None:
            answer = partial(self._connection_data, self._nodes[index.row()], column)
        else:
            info = node.visible[self._position(node, index.row())]
            if column in _REMEMBERED_COLUMNS:
                self._answer_remembered(node, info, column, spans)
                return
            answer = partial(self._domain_data, node, info, column)
        for role_data in spans:
            _set_role_data(role_data, answer(role_data.role()))

    def _answer_remembered(
        self, node: _ConnectionNode, info: DomainInfo, column: int,
        spans: Iterable[QModelRoleData],
    ) -> None:
        """Answer from what the row's cells answered while it showed ``info``: a
        repaint of a row costs dictionary lookups, not the formatting code."""
        answers = self._remembered(self._row_cells(node, info), column)
        # Stale rows' colour follows the theme: asked each time.
        foreground = colour(Tone.STALE) if node.stale else None
        for role_data in spans:
            role = role_data.role()
            if role == _FOREGROUND:
                value = foreground
            else:
                try:
                    value = answers[role]
                except KeyError:
                    value = answers[role] = self._domain_data(node, info, column, role)
            if value is None:  # (_set_role_data inlined: called for every role painted)
                role_data.clearData()
            else:
                role_data.setData(value)

    @staticmethod
    def _row_cells(node: _ConnectionNode, info: DomainInfo) -> RowCells:
        cells = node.cells.get(info.uuid)
        if cells is None or cells.info is not info:
            cells = keep(node.cells, info.uuid, RowCells(node, info), REMEMBERED_ROWS)
        return cells

    @staticmethod
    def _remembered(cells: RowCells, column: int) -> dict[int, Any]:
        answers = cells.answers.get(column)
        if answers is None:
            answers = cells.answers[column] = {}
        return answers

    def painted_row(self, index: AnyIndex) -> RowCells | None:
        """The cells of the domain row at ``index``, for a view that paints a row in
        one call (DomainListView); None on a connection's row."""
        node = self._by_id.get(index.internalId())
        if node is None:
            return None
        return self._row_cells(node, node.visible[self._position(node, index.row())])

    def cell_answer(self, cells: RowCells, column: int, role: int) -> Any:
        """What the cell of ``cells``' row in ``column`` answers ``role``, as
        ``data()`` would (remembered where multiData remembers it)."""
        if column not in _REMEMBERED_COLUMNS or role == _FOREGROUND:
            return self._domain_data(cells.node, cells.info, column, role)
        answers = self._remembered(cells, column)
        # (get, not an exception: a page scrolled to asks of rows never painted.)
        value = answers.get(role, _NOT_ASKED)
        if value is _NOT_ASKED:
            value = answers[role] = self._domain_data(cells.node, cells.info, column, role)
        return value

    def charted(self, cells: RowCells, group: StatGroups) -> ChartedValue | None:
        """What a statistics cell of ``cells``' row shows (Role.STATS_SHOWN)."""
        return self._charted(cells.node, cells.info, group)

    def _charted(
        self, node: _ConnectionNode, info: DomainInfo, group: StatGroups
    ) -> ChartedValue | None:
        stats = self._stats
        return None if stats is None else stats.shown(node.connection, info.uuid, group)

    def _connection_data(self, node: _ConnectionNode, column: int, role: int) -> Any:
        connection = node.connection
        if role == Role.CONNECTION:
            return connection
        if role == _DISPLAY:
            if column == Column.NAME:
                return connection_label(connection)
            if column == Column.STATE:
                return shown(connection.state.value)
            return None
        if role == _TOOLTIP:
            return plain_tooltip(shown(connection.error) or connection.uri)
        if role == _FONT and column == Column.NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == _FOREGROUND and connection.state in _STALE_STATES:
            return colour(Tone.ERROR)
        return None

    def _domain_data(self, node: _ConnectionNode, info: DomainInfo, column: int, role: int) -> Any:
        if role not in _DOMAIN_ROLES:
            return None
        group = STATS_COLUMNS.get(column)
        if group is not None:
            return self._stats_data(node, info, group, role)
        if role == _DISPLAY:
            if column == _NAME:
                return info.name
            if column == _STATE:
                return shown(info.state_text)
            # 0: not read yet (a connection's first listing leaves them out).
            if column == _VCPUS:
                return str(info.vcpus) if info.vcpus else ""
            if column == _MEMORY:
                return format_kib(info.memory_kib) if info.memory_kib else ""
            if column == _SNAPSHOTS and self.snapshot_count_for is not None:
                count = self.snapshot_count_for(node.connection, info.uuid)
                return None if count is None else str(count)
            if column == _IP_ADDRESS and self.addresses_for is not None:
                return primary_address(self.addresses_for(node.connection, info.uuid))
            return None
        if role == _DECORATION:
            return state_icon(info.state, info.managed_save) if column == _STATE else None
        if role == _ALIGNMENT:
            return _RIGHT_ALIGNED if column in NUMBER_COLUMNS else None
        if role == _FOREGROUND:
            return colour(Tone.STALE) if node.stale else None
        if role == _TOOLTIP:
            return self._tooltip(node, info, column)
        if role == _ROLE_DOMAIN:
            return info
        if role == _ROLE_UUID:
            return info.uuid
        if role == _ROLE_CONNECTION:
            return node.connection
        if role == _ROLE_THUMBNAIL:
            return self.thumbnail_for(node.connection, info.uuid) if self.thumbnail_for else None
        return None

    def _tooltip(self, node: _ConnectionNode, info: DomainInfo, column: int) -> str | None:
        if column == _IP_ADDRESS:
            addresses = self.addresses_for(node.connection, info.uuid) if self.addresses_for else ()
            return "\n".join(address.text for address in addresses) or None
        if column == _NAME:
            tags = (
                translate("models.domain_tree", "Tags: ") + " ".join(info.tags) if info.tags else ""
            )
            text = "\n".join(part for part in (info.title, tags) if part)
            return plain_tooltip(text) if text else None
        return None

    def _stats_data(
        self, node: _ConnectionNode, info: DomainInfo, group: StatGroups, role: int
    ) -> Any:
        stats = self._stats
        if role == _DISPLAY:
            return NO_VALUE if stats is None else stats.current_text(node.connection, info.uuid,
                                                                     group)
        if role == _ROLE_SHOWN:
            return self._charted(node, info, group)
        if role == _ROLE_MAXIMUM:
            return float(info.memory_kib) if group is _MEMORY_GROUP else None
        if role == _ALIGNMENT:
            return _RIGHT_ALIGNED
        if role in (_ROLE_DOMAIN, _ROLE_UUID, _ROLE_CONNECTION):
            return self._domain_data(node, info, _NAME, role)
        return None

    # -------------------------------------------------------- lookups (API)

    def connection_index(self, connection: Connection) -> QModelIndex:
        for row, node in enumerate(self._nodes):
            if node.connection is connection:
                return self.index(row, 0)
        return QModelIndex()

    def domain_index(self, connection: Connection, uuid: str, column: int = 0) -> QModelIndex:
        """The index of a visible domain, or an invalid index."""
        node = self._node_of(connection)
        if node is None or uuid not in node.domains:
            return QModelIndex()
        position = self._find(node, node.domains[uuid])
        if position < 0:
            return QModelIndex()
        return self.index(self._row(node, position), column, node.item.index())

    def domain_count(self) -> int:
        return sum(len(node.domains) for node in self._nodes)

    @Slot(object, str)
    def on_addresses_changed(self, connection: Connection, uuid: str) -> None:
        node = self._node_of(connection)
        if node is not None:
            node.cells.pop(uuid, None)
        index = self.domain_index(connection, uuid, Column.IP_ADDRESS)
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    @Slot(object, str)
    def on_thumbnail_changed(self, connection: Connection, uuid: str) -> None:
        index = self.domain_index(connection, uuid)
        if index.isValid():
            self.dataChanged.emit(index, index, [Role.THUMBNAIL])

    @Slot(object, str)
    def on_snapshot_count_changed(self, connection: Connection, uuid: str) -> None:
        index = self.domain_index(connection, uuid, Column.SNAPSHOTS)
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    # ------------------------------------------------------- sort and filter

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return  # live statistics change every tick: not a stable order
        self._sort_column = Column(column)
        self._sort_key = _SORT_KEYS[self._sort_column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        for node in self._nodes:
            node.ordered = None
        self._relayout()

    def set_filter_text(self, text: str) -> None:
        """Show the VMs that match ``text``: words, ``tag:NAME`` and ``state:WORD`` terms."""
        query = VmQuery.parse(text, translated_states(shown))
        if query == self._query:
            return
        # Typing on narrows the filter: only the rows shown now can still match.
        narrows = query.narrows(self._query)
        self._query = query
        self._relayout(narrows=narrows)

    def _matches(self, info: DomainInfo) -> bool:
        return not self._query or self._query.matches(info)

    def _relayout(self, *, narrows: bool = False) -> None:
        """Re-sort and re-filter every connection's rows, keeping the selection."""
        for parent_row, node in enumerate(self._nodes):
            parent = self.index(parent_row, 0)
            visible, keys = self._sorted_visible(node, narrows=narrows)
            if len(visible) == len(node.visible) and all(
                map(operator.is_, visible, node.visible)
            ):
                continue  # a keystroke that hides nothing more costs no layout
            if len(visible) != len(node.visible):
                # Row counts change: tell the views through remove/insert.
                self._replace_rows(node, visible, keys)
                continue
            self.layoutAboutToBeChanged.emit()
            old_persistent = [
                index for index in self.persistentIndexList() if index.internalId() == node.node_id
            ]
            old_uuids = [
                node.visible[self._position(node, index.row())].uuid for index in old_persistent
            ]
            node.visible, node.keys = visible, keys
            new_positions = {info.uuid: pos for pos, info in enumerate(visible)}
            new_indexes = []
            for index, uuid in zip(old_persistent, old_uuids, strict=True):
                position = new_positions.get(uuid)
                new_indexes.append(
                    QModelIndex() if position is None
                    else self.index(self._row(node, position), index.column(), parent)
                )
            self.changePersistentIndexList(old_persistent, new_indexes)
            self.layoutChanged.emit()

    def _sorted_visible(
        self, node: _ConnectionNode, *, narrows: bool = False
    ) -> tuple[list[DomainInfo], list[SortKey]]:
        if narrows:
            infos, keys = node.visible, node.keys
        else:
            if node.ordered is None:
                node.ordered = _sorted_by(self._sort_key, list(node.domains.values()))
            infos, keys = node.ordered
        query = self._query
        if not query:
            return list(infos), list(keys)
        # One linear pass over the kept order: typing in the filter box sorts nothing.
        if len(query.words) == 1 and not query.tags and not query.states:
            word = query.words[0]  # the common case, without a call per row
            matches = [word in info.search_text for info in infos]
        else:
            matches = [query.matches(info) for info in infos]
        return (
            list(itertools.compress(infos, matches)),
            list(itertools.compress(keys, matches)),
        )

    # ------------------------------------------------------- row arithmetic

    def _position(self, node: _ConnectionNode, row: int) -> int:
        """Position in the ascending list of the row shown at ``row``."""
        return len(node.visible) - 1 - row if self._descending else row

    def _row(self, node: _ConnectionNode, position: int, count: int | None = None) -> int:
        size = len(node.visible) if count is None else count
        return size - 1 - position if self._descending else position

    def _find(self, node: _ConnectionNode, info: DomainInfo) -> int:
        key = self._sort_key(info)
        position = bisect.bisect_left(node.keys, key)
        if position < len(node.keys) and node.keys[position] == key:
            return position
        return -1

    def _node_of(self, connection: Connection) -> _ConnectionNode | None:
        for node in self._nodes:
            if node.connection is connection:
                return node
        return None

    # ---------------------------------------------------------------- slots

    @Slot(object)
    def on_connection_added(self, connection: Connection) -> None:
        item = QStandardItem()
        item.setFlags(_CONNECTION_FLAGS)
        item.setColumnCount(_COLUMN_COUNT)
        node = _ConnectionNode(connection, item, int(shiboken6.getCppPointer(item)[0]))

        def commit() -> None:
            self._nodes.append(node)
            self._by_id[node.node_id] = node

        self._pending = commit
        self.appendRow(item)
        infos = connection.domains()
        if infos:
            self.on_domains_changed(connection, DomainChanges(added=tuple(infos), complete=True))

    @Slot(object)
    def on_connection_removed(self, connection: Connection) -> None:
        node = self._node_of(connection)
        if node is None:
            return
        row = self._nodes.index(node)

        def commit() -> None:
            del self._nodes[row]
            del self._by_id[node.node_id]

        self._change_rows(self.invisibleRootItem(), row, 1, insert=False, commit=commit)

    @Slot(object)
    def on_connection_state_changed(self, connection: Connection) -> None:
        node = self._node_of(connection)
        if node is None:
            return
        row = self._nodes.index(node)
        self.dataChanged.emit(self.index(row, 0), self.index(row, _COLUMN_COUNT - 1))
        stale = connection.state in _STALE_STATES
        if stale == node.stale:
            return
        node.stale = stale
        if node.visible:
            parent = self.index(row, 0)
            last = self.index(len(node.visible) - 1, _COLUMN_COUNT - 1, parent)
            self.dataChanged.emit(self.index(0, 0, parent), last)

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        node = self._node_of(connection)
        if node is None:
            return
        node.ordered = None
        size = len(changes.added) + len(changes.changed) + len(changes.removed)
        if size > BULK_THRESHOLD or (changes.complete and not node.domains):
            self._rebuild(node, changes)
            return
        parent = self.index(self._nodes.index(node), 0)
        for uuid in changes.removed:
            old = node.domains.pop(uuid, None)
            if old is not None:
                self._remove_visible(node, parent, old)
        for info in changes.changed:
            old = node.domains.get(info.uuid)
            node.domains[info.uuid] = info
            self._update_visible(node, parent, old, info)
        for info in changes.added:
            old = node.domains.get(info.uuid)
            node.domains[info.uuid] = info
            self._update_visible(node, parent, old, info)

    @Slot(object, object)
    def on_stats_sampled(self, connection: Connection, uuids: set[str]) -> None:
        """Announce the new statistics of the rows on screen whose values changed
        (a tick changes every running VM's: the rows off screen are painted
        with their newest values when they scroll in)."""
        node = self._node_of(connection)
        if node is None or not node.visible or not uuids:
            return
        parent = self.index(self._nodes.index(node), 0)
        rows = (
            range(len(node.visible)) if self.rows_on_screen is None
            else self.rows_on_screen(parent)
        )
        visible = node.visible
        changed = [
            row for row in rows
            if row < len(visible) and visible[self._position(node, row)].uuid in uuids
        ]
        roles = [Qt.ItemDataRole.DisplayRole, Role.STATS_SHOWN]
        # One signal per run of adjacent rows: each costs the view a lookup.
        for _key, run in itertools.groupby(enumerate(changed), lambda pair: pair[1] - pair[0]):
            run_rows = [row for _position, row in run]
            self.dataChanged.emit(
                self.index(run_rows[0], min(STATS_COLUMNS), parent),
                self.index(run_rows[-1], max(STATS_COLUMNS), parent),
                roles,
            )

    def _rebuild(self, node: _ConnectionNode, changes: DomainChanges) -> None:
        for uuid in changes.removed:
            node.domains.pop(uuid, None)
        for info in itertools.chain(changes.changed, changes.added):
            node.domains[info.uuid] = info
        self._replace_rows(node, *self._sorted_visible(node))

    def _replace_rows(
        self, node: _ConnectionNode, visible: list[DomainInfo], keys: list[SortKey]
    ) -> None:
        """Show ``visible`` instead of the node's rows: remove them all, insert the new."""
        if node.visible:
            self._change_rows(node.item, 0, len(node.visible), insert=False,
                              commit=partial(self._set_visible, node, [], []))
        if visible:
            self._change_rows(node.item, 0, len(visible), insert=True,
                              commit=partial(self._set_visible, node, visible, keys))

    @staticmethod
    def _set_visible(node: _ConnectionNode, visible: list[DomainInfo], keys: list[SortKey]) -> None:
        node.visible, node.keys = visible, keys

    def _change_rows(
        self, item: QStandardItem, row: int, count: int, *, insert: bool,
        commit: Callable[[], None],
    ) -> None:
        """Insert or remove ``count`` rows under ``item`` at ``row``, and ``commit``
        the same change to the lists (between the signals before and after it)."""
        self._pending = commit
        if insert:
            item.insertRows(row, count)
        else:
            item.removeRows(row, count)

    @Slot()
    def _commit_pending(self) -> None:
        commit, self._pending = self._pending, None
        if commit is not None:
            commit()

    def _remove_visible(self, node: _ConnectionNode, parent: QModelIndex, old: DomainInfo) -> None:
        position = self._find(node, old)
        if position < 0:
            return
        def commit() -> None:
            del node.visible[position]
            del node.keys[position]

        self._change_rows(node.item, self._row(node, position), 1, insert=False, commit=commit)

    def _update_visible(
        self, node: _ConnectionNode, parent: QModelIndex, old: DomainInfo | None, new: DomainInfo
    ) -> None:
        old_position = -1 if old is None else self._find(node, old)
        if not self._matches(new):
            if old is not None and old_position >= 0:
                self._remove_visible(node, parent, old)
            return
        key = self._sort_key(new)
        if old_position >= 0 and node.keys[old_position] == key:
            node.visible[old_position] = new
            row = self._row(node, old_position)
            self.dataChanged.emit(
                self.index(row, 0, parent), self.index(row, _COLUMN_COUNT - 1, parent)
            )
            return
        if old_position >= 0:
            # The sort key changed: move the row so that the selection follows it.
            del node.visible[old_position]
            del node.keys[old_position]
            new_position = bisect.bisect_left(node.keys, key)
            node.visible.insert(old_position, new)
            node.keys.insert(old_position, key)
            self._move(node, parent, old_position, new_position, new, key)
            return
        position = bisect.bisect_left(node.keys, key)

        def commit() -> None:
            node.visible.insert(position, new)
            node.keys.insert(position, key)

        self._change_rows(node.item, self._row(node, position, len(node.visible) + 1), 1,
                          insert=True, commit=commit)

    def _move(
        self, node: _ConnectionNode, parent: QModelIndex, old_position: int, new_position: int,
        info: DomainInfo, key: SortKey,
    ) -> None:
        """Move the entry at ``old_position`` to ``new_position`` (a position in the
        list without it); the entry's content is already the new one."""
        source_row = self._row(node, old_position)
        final_row = self._row(node, new_position)
        if final_row == source_row:
            self.dataChanged.emit(
                self.index(source_row, 0, parent), self.index(source_row, _COLUMN_COUNT - 1, parent)
            )
            return
        # beginMoveRows wants the row to insert before, counted before the move.
        destination_row = final_row + 1 if final_row > source_row else final_row
        self.beginMoveRows(parent, source_row, source_row, parent, destination_row)
        del node.visible[old_position]
        del node.keys[old_position]
        node.visible.insert(new_position, info)
        node.keys.insert(new_position, key)
        self.endMoveRows()
        self.dataChanged.emit(
            self.index(final_row, 0, parent), self.index(final_row, _COLUMN_COUNT - 1, parent)
        )


def _sorted_by(
    key: Callable[[DomainInfo], SortKey], infos: list[DomainInfo]
) -> tuple[list[DomainInfo], list[SortKey]]:
    """``infos`` in ascending ``key`` order, and their keys. Positions sorted by the
    keys list: a third of the time of sorting (key, info) pairs at 10,000 domains
    (the pairs' comparison goes through the outer tuples first)."""
    keys = list(map(key, infos))
    order = sorted(range(len(infos)), key=keys.__getitem__)
    return [infos[i] for i in order], [keys[i] for i in order]


def _set_role_data(role_data: QModelRoleData, value: Any) -> None:
    if value is None:
        role_data.clearData()  # a delegate reuses its span: no value from the last cell
    else:
        role_data.setData(value)


def connection_label(connection: Connection) -> str:
    uri = connection.uri
    if uri.startswith("test://"):
        return translate("models.domain_tree", "Test driver ({value})").format(
            value=uri.rsplit("/", 1)[-1]
        )
    names = {
        "qemu:///system": translate("models.domain_tree", "QEMU/KVM"),
        "qemu:///session": translate("models.domain_tree", "QEMU/KVM user session"),
    }
    label = names.get(uri, uri)
    return f"{label} on {connection.hostname}" if connection.hostname and uri in names else label
