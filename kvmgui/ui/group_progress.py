"""One progress view for a lifecycle action on many VMs (a tag group, a multi-selection).

Each VM has a row (pending, in progress, done, failed with libvirt's message,
cancelled), the window an overall count; Cancel Pending drops the VMs not
started yet. Failures are said in their rows, not one message each.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.lifecycle import Action
from kvmgui.core.texts import Translatable
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.ops import OpRunner, failure_message

if TYPE_CHECKING:
    from kvmgui.ui.vm_actions import SelectedDomain  # which opens this window

# VMs acted on at once: the connection's pool has four workers, and the VMs
# that wait are the ones Cancel Pending can still spare.
GROUP_PARALLEL = 4


class RowStatus(enum.Enum):
    PENDING = Translatable("group_progress", "Pending")
    IN_PROGRESS = Translatable("group_progress", "In progress")
    DONE = Translatable("group_progress", "Done")
    FAILED = Translatable("group_progress", "Failed")
    CANCELLED = Translatable("group_progress", "Cancelled")


# How the summary counts the rows that did not end done: ", 2 failed".
_SUMMARY_COUNTS = {
    RowStatus.FAILED: Translatable("group_progress", ", {count} failed"),
    RowStatus.CANCELLED: Translatable("group_progress", ", {count} cancelled"),
}


_ENDED = (RowStatus.DONE, RowStatus.FAILED, RowStatus.CANCELLED)


class GroupActionDialog(QDialog):
    """Runs ``action`` on every target, a few at a time, and shows each one's progress.

    Closing the window hides it: the VMs started on finish, and the window goes
    away when they have. ``ended`` carries the one-line summary.
    """

    ended = Signal(str)

    def __init__(
        self, action: Action, targets: Sequence[SelectedDomain], ops: OpRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.action = action
        self._targets = list(targets)
        self._ops = ops
        self.statuses = [RowStatus.PENDING] * len(self._targets)
        title = translate("group_progress", "{label} {count} virtual machines").format(
            label=shown(action.spec.label), count=len(self._targets)
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(560, 360)
        self.summary_label = QLabel()
        self.summary_label.setAccessibleName(translate("group_progress", "Overall progress"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(
            translate("group_progress", "Virtual machines finished")
        )
        self.progress.setRange(0, len(self._targets))
        self.progress.setFormat(translate("group_progress", "%v of %m finished"))
        self.rows = QTreeWidget()
        self.rows.setAccessibleName(
            translate("group_progress", "Progress of each virtual machine")
        )
        self.rows.setHeaderLabels(
            [translate("group_progress", "Virtual machine"), translate("group_progress", "Status")]
        )
        self.rows.setRootIsDecorated(False)
        self.rows.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._cells = [QTreeWidgetItem([item.info.name, shown(RowStatus.PENDING.value)])
                       for item in self._targets]
        self.rows.addTopLevelItems(self._cells)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.cancel_button = QPushButton(translate("group_progress", "Cancel Pending"))
        self.cancel_button.setAccessibleName(translate("group_progress", "Cancel Pending"))
        self.cancel_button.setToolTip(
            translate("group_progress", "Do not act on the virtual machines not started yet")
        )
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.buttons)
        self.cancel_button.clicked.connect(self.cancel_pending)
        self.buttons.rejected.connect(self.reject)
        self._show_counts()

    def start(self) -> None:
        limit = asyncio.Semaphore(GROUP_PARALLEL)
        for row in range(len(self._targets)):
            # Owned by the window: it lives until every row has ended (see done()).
            self._ops.run(
                self._act_on(row, limit), on_failure=partial(self._failed, row), owner=self
            )

    async def _act_on(self, row: int, limit: asyncio.Semaphore) -> None:
        async with limit:
            if self.statuses[row] is RowStatus.CANCELLED:
                return
            self._set(row, RowStatus.IN_PROGRESS)
            item = self._targets[row]
            spec = self.action.spec
            await item.connection.call_domain(
                translate("group_progress", "Could not {verb} {name}").format(
                    verb=shown(spec.verb), name=item.info.name
                ),
                item.info.uuid,
                spec.run,
            )
            self._set(row, RowStatus.DONE)

    def _failed(self, row: int, error: Exception) -> None:
        message = error.message if isinstance(error, LibvirtCallError) else failure_message(error)
        self._set(row, RowStatus.FAILED, message)

    def _set(self, row: int, status: RowStatus, message: str = "") -> None:
        self.statuses[row] = status
        text = f"{shown(status.value)}: {message}" if message else shown(status.value)
        cell = self._cells[row]
        cell.setText(1, text)
        cell.setToolTip(1, text)
        self._show_counts()

    def count(self, status: RowStatus) -> int:
        return self.statuses.count(status)

    @property
    def all_ended(self) -> bool:
        return all(status in _ENDED for status in self.statuses)

    def summary(self) -> str:
        total = len(self.statuses)
        text = translate("group_progress", "{label}: {done} of {total} done").format(
            label=shown(self.action.spec.label), done=self.count(RowStatus.DONE), total=total
        )
        for status, count_text in _SUMMARY_COUNTS.items():
            if self.count(status):
                text += shown(count_text).format(count=self.count(status))
        return text + ("." if self.all_ended else "…")

    def _show_counts(self) -> None:
        self.summary_label.setText(self.summary())
        self.progress.setValue(sum(self.count(status) for status in _ENDED))
        self.cancel_button.setEnabled(RowStatus.PENDING in self.statuses)
        if self.all_ended:
            self.ended.emit(self.summary())
            if self.isHidden():
                self.deleteLater()

    @Slot()
    def cancel_pending(self) -> None:
        for row, status in enumerate(self.statuses):
            if status is RowStatus.PENDING:
                self._set(row, RowStatus.CANCELLED)

    def done(self, result: int) -> None:
        super().done(result)  # hides it
        if self.all_ended:
            self.deleteLater()
