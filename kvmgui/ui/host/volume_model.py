"""The volumes of one pool as a flat table, and the proxy that filters it as the user types.

The list arrives in two steps (see :mod:`kvmgui.core.pools`): names first,
sizes later in slices. The model keeps rows in name order, and a row's index
by name, so a slice of details costs one ``dataChanged`` per contiguous run.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kvmgui.core.pools import VolumeInfo
from kvmgui.core.units import format_bytes

Index = QModelIndex | QPersistentModelIndex


class VolumeColumn(enum.IntEnum):
    NAME = 0
    CAPACITY = 1
    ALLOCATION = 2
    TYPE = 3
    PATH = 4


HEADERS = {
    VolumeColumn.NAME: "Name",
    VolumeColumn.CAPACITY: "Size",
    VolumeColumn.ALLOCATION: "Used",
    VolumeColumn.TYPE: "Type",
    VolumeColumn.PATH: "Path",
}
VOLUME_ROLE = int(Qt.ItemDataRole.UserRole)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NAME, _CAPACITY, _ALLOCATION, _TYPE = (int(VolumeColumn.NAME), int(VolumeColumn.CAPACITY),
                                        int(VolumeColumn.ALLOCATION), int(VolumeColumn.TYPE))


class VolumeTableModel(QAbstractTableModel):
    """A pool's volumes, in name order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._volumes: list[VolumeInfo] = []
        self._rows: dict[str, int] = {}
        self._folded: list[str] = []  # names in any case, for the filter

    def set_volumes(self, volumes: Sequence[VolumeInfo]) -> None:
        """Show ``volumes`` (sorted by name) instead of what was shown."""
        self.beginResetModel()
        self._volumes = sorted(volumes, key=lambda volume: volume.name)
        self._rows = {volume.name: row for row, volume in enumerate(self._volumes)}
        self._folded = [volume.name.casefold() for volume in self._volumes]
        self.endResetModel()

    def update_volumes(self, volumes: Sequence[VolumeInfo]) -> None:
        """Details read for volumes already shown (others are ignored)."""
        rows = sorted(row for volume in volumes if (row := self._rows.get(volume.name)) is not None)
        by_name = {volume.name: volume for volume in volumes}
        for row in rows:
            self._volumes[row] = by_name[self._volumes[row].name]
        last_column = len(VolumeColumn) - 1
        start = 0
        while start < len(rows):
            end = start
            while end + 1 < len(rows) and rows[end + 1] == rows[end] + 1:
                end += 1
            self.dataChanged.emit(self.index(rows[start], 0), self.index(rows[end], last_column))
            start = end + 1

    def volume(self, row: int) -> VolumeInfo:
        return self._volumes[row]

    def folded_names(self) -> list[str]:
        """The names, case-folded, in row order (what a filter compares with)."""
        return self._folded

    def names(self) -> list[str]:
        return [volume.name for volume in self._volumes]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._volumes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(VolumeColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return self.cell(index.row(), index.column(), role) if index.isValid() else None

    def cell(self, row: int, column: int, role: int) -> object:
        """What ``data`` answers, without a model index (the proxy asks this way, for speed)."""
        # Plain ints compared: data() runs for every role of every painted cell.
        if role == _DISPLAY:
            volume = self._volumes[row]
            if column == _NAME:
                return volume.name
            if column == _CAPACITY:
                return format_bytes(volume.capacity)
            if column == _ALLOCATION:
                return format_bytes(volume.allocation)
            return volume.kind if column == _TYPE else volume.path
        if role == _ALIGNMENT and column in (_CAPACITY, _ALLOCATION):
            return _RIGHT
        if role == VOLUME_ROLE:
            return self._volumes[row]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[VolumeColumn(section)]
        return None


class VolumeFilterProxy(QAbstractProxyModel):
    """The rows whose name holds the filter text (any case), in the model's order.

    Unlike QSortFilterProxyModel, which asks Python about every row on each
    keystroke, it filters the names in one pass and then answers only for
    the rows a view shows: typing stays smooth at thousands of volumes.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._source_rows: list[int] = []  # proxy row → source row
        self._proxy_rows: list[int] = []  # source row → proxy row (-1: filtered out)
        # Kept here: sourceModel() costs a wrapper lookup on every painted cell.
        self._source = VolumeTableModel(self)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        assert isinstance(model, VolumeTableModel)
        self.beginResetModel()
        super().setSourceModel(model)
        self._source = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._on_source_reset)
        model.dataChanged.connect(self._on_source_data_changed)
        self._refilter()
        self.endResetModel()

    def set_filter_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        needle = self._needle
        folded = self._source.folded_names()
        self._source_rows = ([row for row, name in enumerate(folded) if needle in name]
                             if needle else list(range(len(folded))))
        # Every source row is looked up when a view asks for it: a list, not a dict.
        self._proxy_rows = [-1] * len(folded)
        for proxy, source in enumerate(self._source_rows):
            self._proxy_rows[source] = proxy

    def _on_source_reset(self) -> None:
        self._refilter()
        self.endResetModel()

    def _on_source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        shown = [proxy for proxy in self._proxy_rows[top_left.row() : bottom_right.row() + 1]
                 if proxy >= 0]
        if shown:  # a source run maps onto one proxy run: the order is kept
            self.dataChanged.emit(self.index(shown[0], top_left.column()),
                                  self.index(shown[-1], bottom_right.column()))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        return self._source.cell(self._source_rows[index.row()], index.column(), role)

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        if not proxy_index.isValid():
            return QModelIndex()
        return self._source.index(self._source_rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid() or source_index.row() >= len(self._proxy_rows):
            return QModelIndex()
        proxy = self._proxy_rows[source_index.row()]
        return QModelIndex() if proxy < 0 else self.index(proxy, source_index.column())

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._source_rows)
                                    and 0 <= column < len(VolumeColumn)):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, _child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._source_rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(VolumeColumn)
