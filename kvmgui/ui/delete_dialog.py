"""Delete one or more VMs; storage goes only where the user ticks it."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.core.lifecycle import DiskChoice, delete_domain, disks_for_delete
from kvmgui.ui.ops import OpRunner

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class DeleteDialog(QDialog):
    """Lists each VM with its disks; every disk box starts unticked."""

    deleted = Signal(str)  # the UUID of each VM removed

    def __init__(
        self, targets: list[tuple[Connection, DomainInfo]], ops: OpRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._targets = targets
        self._ops = ops
        self._pending_reads = len(targets)
        names = ", ".join(info.name for _c, info in targets)
        self.setWindowTitle("Delete Virtual Machine" + ("s" if len(targets) > 1 else ""))
        self.resize(620, 360)
        self.intro = QLabel(
            f"Delete {names}? Running machines are forced off first. Managed save, "
            "snapshot metadata and UEFI variables go with the definition.\n"
            "Tick the storage to delete too: unticked disks are kept."
        )
        self.intro.setWordWrap(True)
        self.disks = QTreeWidget()
        self.disks.setHeaderLabels(["Delete", "Disk", "Path"])
        self.disks.setRootIsDecorated(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.delete_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.delete_button.setText("Delete")
        self.delete_button.setEnabled(False)  # until the disks are listed
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.disks)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._vm_items: dict[str, QTreeWidgetItem] = {}
        for connection, info in targets:
            item = QTreeWidgetItem(self.disks, ["", info.name, "reading disks…"])
            self._vm_items[info.uuid] = item
            task = ops.run(
                connection.call_domain(
                    f"Could not list the disks of {info.name}", info.uuid, disks_for_delete
                ),
                partial(self._show_disks, info.uuid),
            )
            task.add_done_callback(lambda _t: self._disk_read_done())

    def _show_disks(self, uuid: str, disks: list[DiskChoice]) -> None:
        vm_item = self._vm_items[uuid]
        vm_item.setText(2, "" if disks else "no disks")
        for disk in disks:
            label = f"{disk.target} ({disk.device})"
            item = QTreeWidgetItem(vm_item, ["", label, disk.path])
            item.setData(0, PATH_ROLE, disk.path)
            if disk.is_volume:
                item.setCheckState(0, Qt.CheckState.Unchecked)
            else:
                item.setToolTip(2, "Not in a storage pool: kvmgui cannot delete it")
                item.setDisabled(True)
        vm_item.setExpanded(True)
        self.disks.resizeColumnToContents(1)

    def _disk_read_done(self) -> None:
        self._pending_reads -= 1
        if self._pending_reads == 0:
            self.delete_button.setEnabled(True)

    def ticked_paths(self, uuid: str) -> list[str]:
        vm_item = self._vm_items[uuid]
        children = [vm_item.child(i) for i in range(vm_item.childCount())]
        return [
            str(child.data(0, PATH_ROLE))
            for child in children
            if child is not None and child.checkState(0) == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        for connection, info in self._targets:
            paths = self.ticked_paths(info.uuid)
            self._ops.run(
                connection.call_domain(
                    f"Could not delete {info.name}", info.uuid,
                    partial(delete_domain, volume_paths=paths),
                ),
                partial(self._deleted, info),
            )
        super().accept()

    def _deleted(self, info: DomainInfo, failures: list[str]) -> None:
        self.deleted.emit(info.uuid)
        if failures:
            self._ops.failed.emit(
                f"{info.name} was deleted, but not all of its storage: " + "; ".join(failures)
            )
