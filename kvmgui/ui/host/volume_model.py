"""The volumes of one pool as a flat table, and the proxy that filters it as the user types.

The list arrives in two steps (see :mod:`kvmgui.core.pools`): names first,
sizes later in slices. The model keeps rows in name order, and a row's index
by name, so a slice of details costs one ``dataChanged`` per contiguous run.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
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
VOLUME_ROLE = Qt.ItemDataRole.UserRole


class VolumeTableModel(QAbstractTableModel):
    """A pool's volumes, in name order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._volumes: list[VolumeInfo] = []
        self._rows: dict[str, int] = {}

    def set_volumes(self, volumes: Sequence[VolumeInfo]) -> None:
        """Show ``volumes`` (sorted by name) instead of what was shown."""
        self.beginResetModel()
        self._volumes = sorted(volumes, key=lambda volume: volume.name)
        self._rows = {volume.name: row for row, volume in enumerate(self._volumes)}
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

    def names(self) -> list[str]:
        return [volume.name for volume in self._volumes]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._volumes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(VolumeColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        volume = self._volumes[index.row()]
        column = VolumeColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is VolumeColumn.NAME:
                return volume.name
            if column is VolumeColumn.CAPACITY:
                return format_bytes(volume.capacity)
            if column is VolumeColumn.ALLOCATION:
                return format_bytes(volume.allocation)
            if column is VolumeColumn.TYPE:
                return volume.kind
            return volume.path
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            VolumeColumn.CAPACITY, VolumeColumn.ALLOCATION
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == VOLUME_ROLE:
            return volume
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[VolumeColumn(section)]
        return None


class VolumeFilterProxy(QSortFilterProxyModel):
    """Rows whose name contains the filter text (any case); never re-sorts (the model is sorted)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setDynamicSortFilter(False)

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, VolumeTableModel)
        return self._needle in model.volume(source_row).name.casefold()
