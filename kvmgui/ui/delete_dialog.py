"""Choose what to delete with one or more VMs; storage goes only where the user ticks it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.core.lifecycle import DiskChoice, disks_for_delete
from kvmgui.ui.i18n import translate
from kvmgui.ui.ops import OpRunner, failure_message

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
USERS_ROLE = Qt.ItemDataRole.UserRole + 2  # the other domains that use the disk's file


@dataclass(frozen=True)
class Deletion:
    """A VM to delete, with the paths of the volumes to delete with it.

    ``confirmed_shared`` are those of the paths other domains use, which the
    user confirmed deleting all the same.
    """

    connection: Connection
    info: DomainInfo
    volume_paths: list[str]
    confirmed_shared: frozenset[str] = field(default_factory=frozenset)


class DeleteDialog(QDialog):
    """Lists each VM with its disks and who else uses each; only the cloud-init
    seed starts ticked.

    A ticked disk that other domains use is deleted only after a second,
    separate confirmation that names them (``shared_confirmation``).

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
        count = len(targets)  # lupdate reads no call among translate's arguments
        self.setWindowTitle(
            translate("delete_dialog", "Delete Virtual Machine(s)", None, count)
        )
        self.resize(620, 360)
        self.intro = QLabel(
            translate(
                "delete_dialog",
                "Delete {names}? Running machines are forced off first. Managed save, snapshot "
                "metadata and UEFI variables go with the definition.\nTick the storage to delete "
                "too: unticked disks are kept.",
            ).format(names=names)
        )
        self.intro.setTextFormat(Qt.TextFormat.PlainText)  # names are the user's text
        self.intro.setWordWrap(True)
        self.disks = QTreeWidget()
        self.disks.setAccessibleName(translate("delete_dialog", "Disks"))
        self.disks.setHeaderLabels(
            [
                translate("delete_dialog", "Delete"),
                translate("delete_dialog", "Disk"),
                translate("delete_dialog", "Path"),
                translate("delete_dialog", "Also used by"),
            ]
        )
        self.disks.setRootIsDecorated(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.delete_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.delete_button.setText(translate("delete_dialog", "Delete"))
        self.delete_button.setEnabled(False)  # until the disks are listed
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.disks)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._vm_items: dict[str, QTreeWidgetItem] = {}
        self.shared_confirmation: QMessageBox | None = None
        for connection, info in targets:
            item = QTreeWidgetItem(
                self.disks, ["", info.name, translate("delete_dialog", "reading disks…")]
            )
            self._vm_items[info.uuid] = item
            ops.run(
                connection.call_domain(
                    translate("delete_dialog", "Could not list the disks of {name}").format(
                        name=info.name
                    ),
                    info.uuid,
                    disks_for_delete,
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
        vm_item.setText(2, "" if disks else translate("delete_dialog", "no disks"))
        for disk in disks:
            kind = (
                translate("delete_dialog", "{device}, cloud-init seed").format(device=disk.device)
                if disk.is_seed
                else disk.device
            )
            label = f"{disk.target} ({kind})"
            item = QTreeWidgetItem(vm_item, ["", label, disk.path, ", ".join(disk.used_by)])
            item.setData(0, PATH_ROLE, disk.path)
            item.setData(0, USERS_ROLE, disk.used_by)
            if disk.is_volume:
                item.setCheckState(0, Qt.CheckState.Checked if disk.ticked_by_default
                                   else Qt.CheckState.Unchecked)
            else:
                item.setToolTip(
                    2, translate("delete_dialog", "Not in a storage pool: kvmgui cannot delete it")
                )
                item.setDisabled(True)
            if disk.is_seed:
                item.setToolTip(
                    1, translate("delete_dialog", "Holds the cloud-init user's password hash")
                )
            if disk.used_by:
                item.setToolTip(3, translate("delete_dialog", "Deleting it breaks these VMs"))
        vm_item.setExpanded(True)
        self.disks.resizeColumnToContents(1)
        self._disk_read_done()

    def _disk_read_done(self) -> None:
        self._pending_reads -= 1
        if self._pending_reads == 0:
            self.delete_button.setEnabled(True)

    def _ticked_items(self, uuid: str) -> list[QTreeWidgetItem]:
        vm_item = self._vm_items[uuid]
        children = [vm_item.child(i) for i in range(vm_item.childCount())]
        return [
            child for child in children
            if child is not None and child.checkState(0) == Qt.CheckState.Checked
        ]

    def ticked_paths(self, uuid: str) -> list[str]:
        return [str(item.data(0, PATH_ROLE)) for item in self._ticked_items(uuid)]

    def _ticked_shared(self) -> dict[str, tuple[str, ...]]:
        """The ticked paths other domains use, with those domains' names."""
        return {
            str(item.data(0, PATH_ROLE)): tuple(item.data(0, USERS_ROLE))
            for uuid in self._vm_items
            for item in self._ticked_items(uuid)
            if item.data(0, USERS_ROLE)
        }

    def accept(self) -> None:
        shared = self._ticked_shared()
        if shared:
            self._confirm_shared(shared)
        else:
            self._delete(frozenset())

    def _confirm_shared(self, shared: dict[str, tuple[str, ...]]) -> None:
        lines = [
            translate("delete_dialog", "{path}\n    used by {join}").format(
                path=path, join=", ".join(users)
            )
            for path, users in shared.items()
        ]
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("delete_dialog", "Delete storage other VMs use?"),
            translate(
                "delete_dialog",
                "Other virtual machines use storage you ticked; deleting it breaks them:\n\n",
            )
            + "\n".join(lines),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        delete = box.addButton(
            translate("delete_dialog", "Delete Anyway"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(partial(self._on_shared_answered, box, delete, shared))
        self.shared_confirmation = box
        box.open()

    def _on_shared_answered(
        self, box: QMessageBox, delete: QAbstractButton, shared: dict[str, tuple[str, ...]],
        _result: int,
    ) -> None:
        confirmed = box.clickedButton() is delete
        self.shared_confirmation = None
        box.deleteLater()
        if confirmed:
            self._delete(frozenset(shared))
        # else the dialog stays open: the user unticks, or cancels.

    def _delete(self, confirmed_shared: frozenset[str]) -> None:
        self.deletion_chosen.emit([
            Deletion(connection, info, self.ticked_paths(info.uuid),
                     confirmed_shared & set(self.ticked_paths(info.uuid)))
            for connection, info in self._targets
        ])
        super().accept()
