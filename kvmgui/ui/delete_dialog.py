"""Choose what to delete with one or more VMs; storage goes only where the user ticks it."""

from __future__ import annotations

from dataclasses import dataclass
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
from kvmgui.core.lifecycle import DiskChoice, disks_for_delete
from kvmgui.ui.ops import OpRunner, failure_message

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Deletion:
    """A VM to delete, with the paths of the volumes to delete with it."""

    connection: Connection
    info: DomainInfo
    volume_paths: list[str]


class DeleteDialog(QDialog):
    """Lists each VM with its disks; every disk box starts unticked.

    It deletes nothing itself: Delete emits ``deletion_chosen`` and whoever
    opened it runs the deletions, which outlive the dialog.
    """

    deletion_chosen = Signal(object)  # list[Deletion]

    def __init__(
        self, targets: list[tuple[Connection, DomainInfo]], ops: OpRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._targets = targets
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
            ops.run(
                connection.call_domain(
                    f"Could not list the disks of {info.name}", info.uuid, disks_for_delete
                ),
                partial(self._show_disks, info.uuid),
                on_failure=partial(self._show_disk_failure, info.uuid),
                owner=self,
            )

    def _show_disk_failure(self, uuid: str, error: Exception) -> None:
        # Said in the dialog, where the user decides; the VM can still be deleted.
        self._vm_items[uuid].setText(2, failure_message(error))
        self._disk_read_done()

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
        self._disk_read_done()

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
        self.deletion_chosen.emit([
            Deletion(connection, info, self.ticked_paths(info.uuid))
            for connection, info in self._targets
        ])
        super().accept()
