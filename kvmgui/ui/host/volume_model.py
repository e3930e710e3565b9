"""The volumes of one pool as a flat table that filters itself as the user types.

The list arrives in two steps (see :mod:`kvmgui.core.pools`): names first,
sizes later in slices. The model keeps every volume in name order, and a
volume's position by name, so a slice of details costs one ``dataChanged``
per contiguous run of shown rows.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kvmgui.core.pools import VolumeInfo
from kvmgui.core.texts import Translatable
from kvmgui.core.units import format_bytes
from kvmgui.ui.i18n import shown

Index = QModelIndex | QPersistentModelIndex


class VolumeColumn(enum.IntEnum):
    NAME = 0
    CAPACITY = 1
    ALLOCATION = 2
    TYPE = 3
    PATH = 4


HEADERS = {
    VolumeColumn.NAME: Translatable("host.volume_model", "Name"),
    VolumeColumn.CAPACITY: Translatable("host.volume_model", "Size"),
    VolumeColumn.ALLOCATION: Translatable("host.volume_model", "Used"),
    VolumeColumn.TYPE: Translatable("host.volume_model", "Type"),
    VolumeColumn.PATH: Translatable("host.volume_model", "Path"),
}
VOLUME_ROLE = int(Qt.ItemDataRole.UserRole)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NAME, _CAPACITY, _ALLOCATION, _TYPE = (int(VolumeColumn.NAME), int(VolumeColumn.CAPACITY),
                                        int(VolumeColumn.ALLOCATION), int(VolumeColumn.TYPE))
_COLUMNS = len(VolumeColumn)  # a constant: an enum's len() is a Python call per use
_LAST = _COLUMNS - 1


class VolumeTableModel(QAbstractTableModel):
    """A pool's volumes in name order, the rows shown being those whose name holds the
    filter text (any case).

    The filter is one pass over the case-folded names and one reset; no proxy
    model, which would cost Python calls per row on each keystroke and per
    painted cell (index, parent, mapToSource): typing stays smooth at
    thousands of volumes.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._volumes: list[VolumeInfo] = []  # every volume, in name order
        self._positions: dict[str, int] = {}  # name → position in _volumes
        self._folded: list[str] = []  # names in any case, for the filter
        self._needle = ""
        self._shown: list[int] = []  # row → position in _volumes
        self._rows: list[int] = []  # position → row (-1: filtered out)

    def set_volumes(self, volumes: Sequence[VolumeInfo]) -> None:
        """Show ``volumes`` (sorted by name) instead of what was shown."""
        self.beginResetModel()
        self._volumes = sorted(volumes, key=lambda volume: volume.name)
        self._positions = {volume.name: at for at, volume in enumerate(self._volumes)}
        self._folded = [volume.name.casefold() for volume in self._volumes]
        self._show(self._matching(self._needle))
        self.endResetModel()

    def set_filter_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        self._needle = needle
        shown = self._matching(needle)
        if shown != self._shown:
            # A reset: a table with fixed row heights then lays out no row.
            self.beginResetModel()
            self._show(shown)
            self.endResetModel()

    def _matching(self, needle: str) -> list[int]:
        """The positions of the volumes whose name holds ``needle``, in order."""
        if not needle:
            return list(range(len(self._folded)))
        return [at for at, name in enumerate(self._folded) if needle in name]

    def _show(self, shown: list[int]) -> None:
        self._shown = shown
        self._rows = [-1] * len(self._folded)
        for row, at in enumerate(shown):
            self._rows[at] = row

    def update_volumes(self, volumes: Sequence[VolumeInfo]) -> None:
        """Details read for volumes already listed (others are ignored)."""
        positions = self._positions
        for volume in volumes:
            at = positions.get(volume.name)
            if at is not None:
                self._volumes[at] = volume
        rows = sorted(row for volume in volumes
                      if (at := positions.get(volume.name)) is not None
                      and (row := self._rows[at]) >= 0)
        start = 0
        while start < len(rows):
            end = start
            while end + 1 < len(rows) and rows[end + 1] == rows[end] + 1:
                end += 1
            self.dataChanged.emit(self.index(rows[start], 0), self.index(rows[end], _LAST))
            start = end + 1

    def volume(self, row: int) -> VolumeInfo:
        """The volume shown at ``row``."""
        return self._volumes[self._shown[row]]

    def volume_count(self) -> int:
        """Every volume of the pool, shown or filtered out."""
        return len(self._volumes)

    def names(self) -> list[str]:
        """Every volume's name, shown or filtered out."""
        return [volume.name for volume in self._volumes]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        return _cell(self._volumes[self._shown[index.row()]], index.column(), role)

    def multiData(self, index: Index, roles: QModelRoleDataSpan) -> None:  # type: ignore[override]
        # A delegate asks several roles of each cell it paints: one call into Python.
        if not index.isValid():
            return
        volume, column = self._volumes[self._shown[index.row()]], index.column()
        # PySide6 iterates a span (its stub does not say so).
        for role_data in cast("Iterable[QModelRoleData]", roles):
            value = _cell(volume, column, role_data.role())
            if value is None:
                role_data.clearData()  # a delegate reuses its span: no value from the last cell
            else:
                role_data.setData(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return shown(HEADERS[VolumeColumn(section)])
        return None


def _cell(volume: VolumeInfo, column: int, role: int) -> object:
    """What the model answers for ``role`` of ``volume``'s ``column``."""
    # Plain ints compared: this runs for every role of every painted cell.
    if role == _DISPLAY:
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
        return volume
    return None
