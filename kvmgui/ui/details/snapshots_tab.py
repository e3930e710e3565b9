"""The Snapshots tab, and the Take Snapshot and Revert dialogs the VM menus open too."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.core.snapshots import (
    EXTERNAL_DELETE_REFUSAL,
    EXTERNAL_REVERT_REFUSAL,
    SnapshotAbility,
    SnapshotInfo,
    SnapshotKind,
    create_snapshot,
    delete_snapshot,
    forget_snapshot,
    list_snapshots,
    read_snapshot_ability,
    restore_external_disks,
    revert_snapshot,
    set_snapshot_description,
)
from kvmgui.core.texts import Translatable
from kvmgui.ui.details.common import StatusLabel, failure_text
from kvmgui.ui.i18n import local_date_time, shown, translate
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.theme import set_tone_style

T = TypeVar("T")
CURRENT_MARK = "●"
KIND_WORDS = {
    SnapshotKind.INTERNAL: Translatable(
        "details.snapshots_tab", "Internal (disks{memory}; can be reverted)"
    ),
    SnapshotKind.EXTERNAL: Translatable(
        "details.snapshots_tab", "Disk-only external (disks frozen, new writes on overlays)"
    ),
}


class _VmOps:
    """Runs a VM's snapshot calls; their failures show in ``status``."""

    def __init__(self, connection: Connection, info: DomainInfo, ops: OpRunner,
                 owner: QWidget, status: StatusLabel) -> None:
        self.connection = connection
        self.info = info
        self._ops = ops
        self._owner = owner
        self._status = status

    def run(
        self, what: str, fn: Callable[[Any], T], on_success: Callable[[T], object],
        after_failure: Callable[[], object] = lambda: None,
    ) -> None:
        """``fn(virDomain)`` in the connection's pool."""

        def failed(error: Exception) -> None:
            self._status.show_error(failure_text(error))
            after_failure()

        self._ops.run(
            self.connection.call_domain(
                translate("details.snapshots_tab", "Could not {what}").format(what=what),
                self.info.uuid,
                fn,
            ),
            on_success,
            on_failure=failed,
            owner=self._owner,
        )


class _VmDialog(QDialog):
    """A dialog acting on one VM: its OK button, and its failures said inside it."""

    def __init__(self, connection: Connection, info: DomainInfo, ops: OpRunner,
                 parent: QWidget | None, title: str, ok_text: str, ok_name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.status = StatusLabel(
            translate("details.snapshots_tab", "{title}: message").format(title=title)
        )
        self._vm = _VmOps(connection, info, ops, self, self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setAccessibleName(ok_name)
        self.buttons.rejected.connect(self.reject)


class TakeSnapshotDialog(_VmDialog):
    """Name, description and kind of a new snapshot; says first what libvirt cannot do."""

    taken = Signal(object)  # SnapshotInfo

    def __init__(self, connection: Connection, info: DomainInfo, ops: OpRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            connection,
            info,
            ops,
            parent,
            translate("details.snapshots_tab", "Take a Snapshot of {name}").format(name=info.name),
            translate("details.snapshots_tab", "Take Snapshot"),
            translate("details.snapshots_tab", "Take the snapshot"),
        )
        self.name = QLineEdit(time.strftime("snapshot-%Y%m%d-%H%M%S"))
        self.name.setAccessibleName(translate("details.snapshots_tab", "Snapshot name"))
        self.description = QPlainTextEdit()
        self.description.setAccessibleName(
            translate("details.snapshots_tab", "Snapshot description")
        )
        self.description.setMaximumHeight(80)
        self.kind = QComboBox()
        self.kind.setAccessibleName(translate("details.snapshots_tab", "Snapshot kind"))
        self.explanation = QLabel()
        self.explanation.setAccessibleName(
            translate("details.snapshots_tab", "What libvirt can do")
        )
        self.explanation.setWordWrap(True)
        self.explanation.hide()
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.on_take_clicked)
        form = QFormLayout()
        form.addRow(translate("details.snapshots_tab", "Name:"), self.name)
        form.addRow(translate("details.snapshots_tab", "Description:"), self.description)
        form.addRow(translate("details.snapshots_tab", "Kind:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._vm.run(
            translate("details.snapshots_tab", "read what snapshots the VM can take"),
            read_snapshot_ability,
            self._show_ability,
        )

    def _show_ability(self, ability: SnapshotAbility) -> None:
        self.kind.clear()
        memory = (
            translate("details.snapshots_tab", ", with the VM's memory")
            if ability.with_memory
            else ""
        )
        for kind in ability.kinds:
            self.kind.addItem(shown(KIND_WORDS[kind]).format(memory=memory), kind)
        self.explanation.setText(shown(ability.explanation))
        self.explanation.setVisible(bool(ability.explanation))
        self.ok_button.setEnabled(True)

    @Slot()
    def on_take_clicked(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.status.show_error(translate("details.snapshots_tab", "Give the snapshot a name."))
            return
        self.ok_button.setEnabled(False)
        self.status.show_busy(translate("details.snapshots_tab", "Taking the snapshot…"))
        self._vm.run(
            translate("details.snapshots_tab", "take snapshot {name} of {name2}").format(
                name=name, name2=self._vm.info.name
            ),
            partial(
                create_snapshot,
                name=name,
                description=self.description.toPlainText(),
                kind=self.kind.currentData(),
            ),
            self._on_taken,
            # The dialog stays open, with the user's name and words, to try again.
            after_failure=lambda: self.ok_button.setEnabled(True),
        )

    def _on_taken(self, snapshot: SnapshotInfo) -> None:
        self.taken.emit(snapshot)
        self.accept()


class RevertDialog(_VmDialog):
    """Pick a snapshot to revert to; external ones are listed with why they cannot be."""

    reverted = Signal(str)

    def __init__(self, connection: Connection, info: DomainInfo, ops: OpRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            connection,
            info,
            ops,
            parent,
            translate("details.snapshots_tab", "Revert {name} to a Snapshot").format(
                name=info.name
            ),
            translate("details.snapshots_tab", "Revert"),
            translate("details.snapshots_tab", "Revert to the chosen snapshot"),
        )
        self.tree = SnapshotTree()
        self.buttons.accepted.connect(self.on_revert_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate("details.snapshots_tab", "What the VM did since the snapshot is lost.")
            )
        )
        layout.addWidget(self.tree)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.tree.currentItemChanged.connect(self._on_selection)
        self._on_selection()
        self._vm.run(
            translate("details.snapshots_tab", "list the snapshots"),
            list_snapshots,
            self.tree.show_snapshots,
        )

    @Slot()
    def _on_selection(self) -> None:
        snapshot = self.tree.selected()
        external = snapshot is not None and snapshot.kind is SnapshotKind.EXTERNAL
        self.ok_button.setEnabled(snapshot is not None and not external)
        if external:
            self.status.show_info(shown(EXTERNAL_REVERT_REFUSAL))
        else:
            self.status.clear_message()

    @Slot()
    def on_revert_clicked(self) -> None:
        snapshot = self.tree.selected()
        if snapshot is None:
            return
        self.status.show_busy(
            translate("details.snapshots_tab", "Reverting to {name}…").format(name=snapshot.name)
        )
        self._vm.run(
            translate("details.snapshots_tab", "revert {name} to {name2}").format(
                name=self._vm.info.name, name2=snapshot.name
            ),
            partial(revert_snapshot, name=snapshot.name),
            lambda _none: self._on_reverted(snapshot.name),
        )

    def _on_reverted(self, name: str) -> None:
        self.reverted.emit(name)
        self.accept()


class SnapshotTree(QTreeWidget):
    """Snapshots under their parents: name (● current), time, state, description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("details.snapshots_tab", "Snapshots"))
        self.setHeaderLabels(
            [
                translate("details.snapshots_tab", "Name"),
                translate("details.snapshots_tab", "Taken"),
                translate("details.snapshots_tab", "State"),
                translate("details.snapshots_tab", "Kind"),
                translate("details.snapshots_tab", "Description"),
            ]
        )
        self.setColumnWidth(0, 180)
        self.setColumnWidth(1, 150)
        self.snapshots: dict[str, SnapshotInfo] = {}

    def show_snapshots(self, snapshots: list[SnapshotInfo]) -> None:
        selected = self.selected()
        self.clear()
        self.snapshots = {s.name: s for s in snapshots}
        items: dict[str, QTreeWidgetItem] = {}
        for snapshot in snapshots:  # parents come first
            parent = items.get(snapshot.parent or "")
            name = f"{snapshot.name} {CURRENT_MARK}" if snapshot.current else snapshot.name
            kind = (
                "external"
                if snapshot.kind is SnapshotKind.EXTERNAL
                else (
                    translate("details.snapshots_tab", "internal + memory")
                    if snapshot.with_memory
                    else "internal"
                )
            )
            item = QTreeWidgetItem(
                [
                    name,
                    local_date_time(snapshot.created),
                    shown(snapshot.state_text),
                    kind,
                    snapshot.description.splitlines()[0] if snapshot.description else "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, snapshot.name)
            said = (translate("details.snapshots_tab", "{name}, current").format(name=snapshot.name)
                    if snapshot.current else snapshot.name)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, said)
            if snapshot.current:
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
                item.setToolTip(
                    0,
                    translate(
                        "details.snapshots_tab",
                        "The current snapshot: the VM's state derives from it",
                    ),
                )
            if parent is None:
                self.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[snapshot.name] = item
        self.expandAll()
        keep = items.get(selected.name) if selected else None
        current = next((items[s.name] for s in snapshots if s.current), None)
        chosen = keep or current
        if chosen is not None:
            self.setCurrentItem(chosen)

    def selected(self) -> SnapshotInfo | None:
        item = self.currentItem()
        return None if item is None else self.snapshots.get(item.data(0, Qt.ItemDataRole.UserRole))


class SnapshotsTab(QWidget):
    """The VM's snapshots, and taking, reverting, deleting and describing them."""

    def __init__(self, connection: Connection, info: DomainInfo, ops: OpRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("details.snapshots_tab", "Snapshots"))
        self._connection = connection
        self._ops = ops
        self.loaded = False
        self._listing_failed = False
        self.status = StatusLabel(translate("details.snapshots_tab", "Snapshots message"))
        self._vm = _VmOps(connection, info, ops, self, self.status)
        self.explanation = QLabel()
        self.explanation.setAccessibleName(
            translate("details.snapshots_tab", "What libvirt can do")
        )
        self.explanation.setWordWrap(True)
        set_tone_style(self.explanation, "color: $WARNING;")
        self.explanation.hide()
        self.tree = SnapshotTree()
        self.take_button = QPushButton(translate("details.snapshots_tab", "&Take Snapshot…"))
        self.take_button.setAccessibleName(translate("details.snapshots_tab", "Take a snapshot"))
        self.revert_button = QPushButton(translate("details.snapshots_tab", "&Revert"))
        self.revert_button.setAccessibleName(
            translate("details.snapshots_tab", "Revert to the selected snapshot")
        )
        self.delete_button = QPushButton(translate("details.snapshots_tab", "&Delete…"))
        self.delete_button.setAccessibleName(
            translate("details.snapshots_tab", "Delete the selected snapshot")
        )
        self.restore_button = QPushButton(translate("details.snapshots_tab", "Restore Dis&ks…"))
        self.restore_button.setAccessibleName(
            translate("details.snapshots_tab", "Restore the disks of the selected snapshot")
        )
        self.restore_button.setToolTip(
            translate(
                "details.snapshots_tab",
                "Put the shut-off VM's disks back on the files this snapshot froze",
            )
        )
        self.with_children = QCheckBox(translate("details.snapshots_tab", "with its children"))
        self.with_children.setAccessibleName(
            translate("details.snapshots_tab", "Delete its child snapshots too")
        )
        self.description = QPlainTextEdit()
        self.description.setAccessibleName(
            translate("details.snapshots_tab", "Description of the selected snapshot")
        )
        self.description.setMaximumHeight(70)
        self.save_description_button = QPushButton(
            translate("details.snapshots_tab", "Save &Description")
        )
        self.save_description_button.setAccessibleName(
            translate("details.snapshots_tab", "Save the snapshot's description")
        )
        buttons = QHBoxLayout()
        for widget in (self.take_button, self.revert_button, self.restore_button,
                       self.delete_button, self.with_children):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        describe = QHBoxLayout()
        describe.addWidget(self.description, 1)
        describe.addWidget(self.save_description_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addLayout(describe)
        layout.addLayout(buttons)
        self.dialog: QDialog | None = None
        self._connect_signals()
        self._on_selection()

    def _connect_signals(self) -> None:
        self.tree.currentItemChanged.connect(self._on_selection)
        self.take_button.clicked.connect(self.on_take_clicked)
        self.revert_button.clicked.connect(self.on_revert_clicked)
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.restore_button.clicked.connect(self.on_restore_clicked)
        self.save_description_button.clicked.connect(self.on_save_description_clicked)

    def show_info(self, info: DomainInfo) -> None:
        self._vm.info = info
        self._on_selection()
        if self.loaded:
            self.load()

    def load(self) -> None:
        self.loaded = True
        self._vm.run(
            translate("details.snapshots_tab", "list the snapshots"),
            list_snapshots,
            self._show_snapshots,
            after_failure=self._on_listing_failed,
        )
        self._vm.run(
            translate("details.snapshots_tab", "read what snapshots the VM can take"),
            read_snapshot_ability,
            self._show_ability,
        )

    def _on_listing_failed(self) -> None:
        self._listing_failed = True

    def _show_snapshots(self, snapshots: list[SnapshotInfo]) -> None:
        self.tree.show_snapshots(snapshots)
        if self._listing_failed:
            # A listing can fail while a snapshot is being taken; this one worked.
            self._listing_failed = False
            self.status.clear_message()

    def _show_ability(self, ability: SnapshotAbility) -> None:
        self.explanation.setText(shown(ability.explanation))
        self.explanation.setVisible(bool(ability.explanation))

    @Slot()
    def _on_selection(self) -> None:
        snapshot = self.tree.selected()
        external = snapshot is not None and snapshot.kind is SnapshotKind.EXTERNAL
        self.revert_button.setEnabled(snapshot is not None and not external)
        self.revert_button.setToolTip(shown(EXTERNAL_REVERT_REFUSAL) if external else "")
        self.delete_button.setEnabled(snapshot is not None)
        self.delete_button.setText(
            translate("details.snapshots_tab", "&Forget…")
            if external
            else translate("details.snapshots_tab", "&Delete…")
        )
        self.delete_button.setToolTip(shown(EXTERNAL_DELETE_REFUSAL) if external else "")
        self.with_children.setEnabled(snapshot is not None and not external)
        # What works instead of reverting to an external snapshot, on a shut-off VM.
        self.restore_button.setVisible(external)
        self.restore_button.setEnabled(external and not self._vm.info.state.is_active)
        self.description.setEnabled(snapshot is not None)
        self.save_description_button.setEnabled(snapshot is not None)
        self.description.setPlainText(snapshot.description if snapshot else "")

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None

    @Slot()
    def on_take_clicked(self) -> None:
        dialog = TakeSnapshotDialog(self._connection, self._vm.info, self._ops, self)
        dialog.taken.connect(lambda _snapshot: self.load())
        self._open(dialog)

    @Slot()
    def on_revert_clicked(self) -> None:
        snapshot = self.tree.selected()
        if snapshot is None:
            return
        self.status.show_busy(
            translate("details.snapshots_tab", "Reverting to {name}…").format(name=snapshot.name)
        )
        self._vm.run(
            translate("details.snapshots_tab", "revert to {name}").format(name=snapshot.name),
            partial(revert_snapshot, name=snapshot.name),
            lambda _none: self._done(
                translate("details.snapshots_tab", "Reverted to {name}.").format(name=snapshot.name)
            ),
        )

    @Slot()
    def on_delete_clicked(self) -> None:
        snapshot = self.tree.selected()
        if snapshot is None:
            return
        external = snapshot.kind is SnapshotKind.EXTERNAL
        children = self.with_children.isChecked() and not external
        self._confirm(
            translate("details.snapshots_tab", "Forget Snapshot")
            if external
            else translate("details.snapshots_tab", "Delete Snapshot"),
            (
                translate("details.snapshots_tab", "Forget {name}? ").format(name=snapshot.name)
                + shown(EXTERNAL_DELETE_REFUSAL)
            )
            if external
            else (
                translate("details.snapshots_tab", "Delete {name} and its children?")
                if children
                else translate("details.snapshots_tab", "Delete {name}?")
            ).format(name=snapshot.name),
            partial(self._delete, snapshot, children),
        )

    @Slot()
    def on_restore_clicked(self) -> None:
        snapshot = self.tree.selected()
        if snapshot is None:
            return
        self._confirm(
            translate("details.snapshots_tab", "Restore Disks"),
            translate(
                "details.snapshots_tab",
                "Put the disks back on the files {name} froze? What was written since stays in "
                "the overlay files, which are kept but no longer used; {name} is then forgotten.",
            ).format(name=snapshot.name),
            partial(self._restore, snapshot),
        )

    def _restore(self, snapshot: SnapshotInfo) -> None:
        self._vm.run(
            translate("details.snapshots_tab", "restore the disks of {name}").format(
                name=snapshot.name
            ),
            partial(restore_external_disks, name=snapshot.name),
            lambda overlays: self._done(
                translate(
                    "details.snapshots_tab", "The disks are back on {name}'s files; kept, unused: "
                ).format(name=snapshot.name)
                + ", ".join(overlays)
                + "."
            ),
        )

    def _confirm(self, title: str, text: str, on_ok: Callable[[], None]) -> None:
        question = QMessageBox(
            QMessageBox.Icon.Question, title, text,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self,
        )
        question.setTextFormat(Qt.TextFormat.PlainText)  # the snapshot's name, as typed
        question.setAccessibleName(title)
        question.accepted.connect(on_ok)
        self._open(question)

    def _delete(self, snapshot: SnapshotInfo, children: bool) -> None:
        if snapshot.kind is SnapshotKind.EXTERNAL:
            fn: Callable[[Any], None] = partial(forget_snapshot, name=snapshot.name)
        else:
            fn = partial(delete_snapshot, name=snapshot.name, children=children)
        self._vm.run(
            translate("details.snapshots_tab", "delete {name}").format(name=snapshot.name),
            fn,
            lambda _none: self._done(
                translate("details.snapshots_tab", "{name} is gone.").format(name=snapshot.name)
            ),
        )

    @Slot()
    def on_save_description_clicked(self) -> None:
        snapshot = self.tree.selected()
        if snapshot is None:
            return
        self._vm.run(
            translate("details.snapshots_tab", "describe {name}").format(name=snapshot.name),
            partial(set_snapshot_description, name=snapshot.name,
                    description=self.description.toPlainText()),
            lambda _none: self._done(translate("details.snapshots_tab", "Description saved.")),
        )

    def _done(self, message: str) -> None:
        self.status.show_info(message)
        self.load()
