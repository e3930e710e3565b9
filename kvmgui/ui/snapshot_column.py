"""The list's optional Snapshots column: counts read only while it is shown."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTreeView

from kvmgui.core.connection import Connection, DomainChanges
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.i18n import translate
from kvmgui.ui.models.domain_tree import Column, DomainTreeModel
from kvmgui.ui.ops import OpRunner


class SnapshotCountColumn(QObject):
    """Shows and fills the Snapshots column: every count when it is shown, then the
    counts of VMs that changed or had a snapshot taken or reverted to (hidden: none)."""

    def __init__(self, view: QTreeView, model: DomainTreeModel, manager: ConnectionManager,
                 ops: OpRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._model = model
        self._manager = manager
        self._ops = ops
        self._counts: dict[tuple[Connection, str], int] = {}
        self.action = QAction(translate("snapshot_column", "Snapshots Column"), self)
        self.action.setCheckable(True)
        self.action.setStatusTip(
            translate("snapshot_column", "Show how many snapshots each VM has")
        )
        model.snapshot_count_for = lambda connection, uuid: self._counts.get((connection, uuid))
        view.setColumnHidden(Column.SNAPSHOTS, True)
        self.action.toggled.connect(self.on_toggled)
        manager.domains_changed.connect(self.on_domains_changed)

    @property
    def shown(self) -> bool:
        return self.action.isChecked()

    @Slot(bool)
    def on_toggled(self, checked: bool) -> None:
        self._view.setColumnHidden(Column.SNAPSHOTS, not checked)
        if not checked:
            self._counts.clear()
            return
        for connection in self._manager.connections():
            self._read(connection, None)

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        if self.shown:
            uuids = [info.uuid for info in (*changes.added, *changes.changed)]
            if uuids:
                self._read(connection, uuids)

    @Slot(object, str)
    def on_snapshots_changed(self, connection: Connection, uuid: str) -> None:
        if self.shown:
            self._read(connection, [uuid])

    def _read(self, connection: Connection, uuids: list[str] | None) -> None:
        if not connection.is_open:
            return
        # Snapshots (and their XML diffing) load when the column is first shown.
        from kvmgui.core.snapshots import snapshot_counts

        self._ops.run(
            connection.call(
                translate("snapshot_column", "Could not count snapshots"),
                partial(snapshot_counts, uuids=uuids),
            ),
            partial(self._show, connection),
            owner=self,
        )

    def _show(self, connection: Connection, counts: dict[str, int]) -> None:
        if not self.shown:
            return
        for uuid, count in counts.items():
            self._counts[(connection, uuid)] = count
            self._model.on_snapshot_count_changed(connection, uuid)
