"""Clone a VM: full copy or linked clone, one or many by a name pattern, with progress."""

from __future__ import annotations

import asyncio
from functools import partial

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.clone import (
    CLONE_LIMIT,
    DONE,
    NUMBER,
    CloneMode,
    CloneOutcome,
    CloneRequest,
    clone_names,
    clone_vms,
    validate_clone_request,
)
from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.ui.i18n import shown, shown_exception, translate
from kvmgui.ui.ops import OpRunner, failure_message

_PREVIEW_NAMES = 4


class CloneDialog(QDialog):
    """Asks how to clone one VM, then clones it and shows each clone's progress.

    The clones appear in the list through libvirt's events; ``cloned`` carries
    the outcome for whoever wants to say more.
    """

    cloned = Signal(object)  # CloneOutcome

    def __init__(
        self, connection: Connection, info: DomainInfo, ops: OpRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self._info = info
        self._ops = ops
        self._running = False
        self.setWindowTitle(translate("clone_dialog", "Clone {name}").format(name=info.name))
        self.setAccessibleName(translate("clone_dialog", "Clone {name}").format(name=info.name))
        self.resize(540, 380)

        self.intro = QLabel(self._intro_text())
        self.intro.setWordWrap(True)
        self.linked_button = QRadioButton(
            translate("clone_dialog", "Linked clone: a thin overlay on the source's disks")
        )
        self.linked_button.setAccessibleName(translate("clone_dialog", "Linked clone"))
        self.full_button = QRadioButton(translate("clone_dialog", "Full copy: disks of its own"))
        self.full_button.setAccessibleName(translate("clone_dialog", "Full copy"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.linked_button)
        self.mode_group.addButton(self.full_button)
        self.linked_button.setChecked(True)
        self.pattern_edit = QLineEdit(f"{info.name}-{NUMBER}")
        self.pattern_edit.setAccessibleName(translate("clone_dialog", "Name pattern"))
        self.pattern_edit.setToolTip(
            translate("clone_dialog", "{NUMBER} becomes each clone's number: 1, 2, 3…").format(
                NUMBER=NUMBER
            )
        )
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, CLONE_LIMIT)
        self.count_spin.setAccessibleName(translate("clone_dialog", "Number of clones"))
        self.start_check = QCheckBox(translate("clone_dialog", "Start the clones"))
        self.start_check.setAccessibleName(translate("clone_dialog", "Start the clones"))
        # A running source: its disks are frozen by a snapshot, or it is refused.
        self.snapshot_check = QCheckBox(
            translate("clone_dialog", "Clone it running, from a snapshot of its disks taken now")
        )
        self.snapshot_check.setAccessibleName(
            translate("clone_dialog", "Clone from a snapshot of the running disks")
        )
        self.snapshot_check.setToolTip(
            translate(
                "clone_dialog",
                "A disk-only snapshot: the VM keeps running on new overlay files and its "
                "current disk images, frozen, become the read-only base of the clones.",
            )
        )
        self.snapshot_check.setVisible(info.state.is_active)
        self.names_label = QLabel()
        self.names_label.setAccessibleName(translate("clone_dialog", "Names of the clones"))
        self.names_label.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setAccessibleName(translate("clone_dialog", "Problem"))
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020")
        self.progress = QProgressBar()
        self.progress.setAccessibleName(translate("clone_dialog", "Cloning progress"))
        self.progress.hide()
        self.steps = QListWidget()
        self.steps.setAccessibleName(translate("clone_dialog", "Progress of each clone"))
        self.steps.hide()
        self.summary_label = QLabel()
        self.summary_label.setAccessibleName(translate("clone_dialog", "Summary"))
        self.summary_label.setWordWrap(True)
        self.summary_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.clone_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.clone_button.setText(translate("clone_dialog", "Clone"))
        self.clone_button.setAccessibleName(translate("clone_dialog", "Clone"))
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)

        form = QFormLayout()
        form.addRow(translate("clone_dialog", "Kind:"), self.linked_button)
        form.addRow("", self.full_button)
        form.addRow(translate("clone_dialog", "Name:"), self.pattern_edit)
        form.addRow(translate("clone_dialog", "How many:"), self.count_spin)
        form.addRow("", self.start_check)
        form.addRow("", self.snapshot_check)
        form.addRow(translate("clone_dialog", "Names:"), self.names_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.steps)
        layout.addWidget(self.summary_label)
        layout.addStretch(1)  # the progress list takes the room once it shows
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.validate()

    def _connect_signals(self) -> None:
        self.pattern_edit.textChanged.connect(self.validate)
        self.count_spin.valueChanged.connect(self.validate)
        self.snapshot_check.toggled.connect(self.validate)
        self.buttons.accepted.connect(self.start_cloning)
        self.buttons.rejected.connect(self.reject)

    def _intro_text(self) -> str:
        name = self._info.name
        if self._info.state.is_active:
            return translate(
                "clone_dialog",
                "{name} is running. Shut it down first, or clone it from a snapshot of its "
                "disks taken now: {name} keeps running, writing to new overlay files, and "
                "its disk images as they are at that instant become the read-only base of "
                "the clones. When the guest agent answers, it freezes the guest's file "
                "systems for the snapshot; without it, the clones start from disks as after "
                "a power cut (crash-consistent), like a VM that was switched off.",
            ).format(name=name)
        return translate(
            "clone_dialog",
            "Clones of {name} get their own name, UUID, MAC addresses, UEFI variables and "
            "cloud-init identity. A linked clone reads through the source's disks, so the source "
            "must stay shut off while its linked clones exist (make it a template).",
        ).format(name=name)

    # ------------------------------------------------------------ validation

    def names(self) -> list[str]:
        return clone_names(self.pattern_edit.text().strip(), self.count_spin.value())

    def problem(self) -> str | None:
        """Why the clones cannot be made as asked, or None."""
        if self._info.state.is_active and not self.snapshot_check.isChecked():
            return translate(
                "clone_dialog",
                "{name} is running: shut it down first, or clone it from a snapshot of its disks.",
            ).format(name=self._info.name)
        existing = {info.name for info in self._connection.domains()}
        return validate_clone_request(
            self.pattern_edit.text().strip(), self.count_spin.value(), existing
        )

    @Slot()
    def validate(self) -> None:
        problem = self.problem()
        self.problem_label.setText(shown(problem or ""))
        self.problem_label.setVisible(bool(problem))
        names = self.names() if problem is None else []
        preview = names if len(names) <= _PREVIEW_NAMES else [*names[:2], "…", names[-1]]
        self.names_label.setText(", ".join(preview))
        self.clone_button.setEnabled(problem is None and not self._running)

    # --------------------------------------------------------------- cloning

    @Slot()
    def start_cloning(self) -> None:
        if self.problem() is not None or self._running:
            return
        names = self.names()
        mode = CloneMode.LINKED if self.linked_button.isChecked() else CloneMode.FULL
        request = CloneRequest(
            self._info.uuid, tuple(names), mode, self.start_check.isChecked(),
            from_snapshot=self.snapshot_check.isChecked(),
        )
        self._set_running(True)
        self.steps.clear()
        for name in names:
            self.steps.addItem(
                QListWidgetItem(translate("clone_dialog", "{name}: waiting").format(name=name))
            )
        self.progress.setRange(0, len(names))
        self.progress.setValue(0)
        loop = asyncio.get_running_loop()

        def progress(position: int, name: str, step: str) -> None:
            loop.call_soon_threadsafe(self.on_progress, position, name, step)

        self._ops.run(
            self._connection.call(
                translate("clone_dialog", "Could not clone {name}").format(name=self._info.name),
                partial(clone_vms, request=request, progress=progress),
            ),
            self.on_cloned, on_failure=self.on_failed, owner=self,
        )

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in (self.linked_button, self.full_button, self.pattern_edit,
                       self.count_spin, self.start_check, self.snapshot_check,
                       self.close_button):
            widget.setEnabled(not running)
        self.progress.setVisible(running or self.progress.isVisible())
        self.steps.setVisible(running or self.steps.isVisible())
        self.validate()

    def on_progress(self, position: int, name: str, step: str) -> None:
        item = self.steps.item(position)
        if item is not None:
            item.setText(translate("clone_dialog", "{name}: done").format(name=name) if step == DONE
                         else f"{name}: {shown(step)}")
        if step == DONE:
            self.progress.setValue(position + 1)

    def on_cloned(self, outcome: CloneOutcome) -> None:
        self._set_running(False)
        if outcome.failure is not None:
            failed = len(outcome.made)
            item = self.steps.item(failed)
            if item is not None:
                item.setText(
                    translate("clone_dialog", "{name}: failed ({step})").format(
                        name=outcome.failure.name, step=shown(outcome.failure.step)
                    )
                )
            for position, name in enumerate(outcome.not_attempted, start=failed + 1):
                self.steps.item(position).setText(
                    translate("clone_dialog", "{name}: not attempted").format(name=name)
                )
        self._show_summary(shown(outcome.summary()))
        self.cloned.emit(outcome)

    def on_failed(self, error: Exception) -> None:
        self._set_running(False)
        self._show_summary(shown_exception(error) if isinstance(error, ValueError)
                           else failure_message(error))

    def _show_summary(self, text: str) -> None:
        self.summary_label.setText(text)
        self.summary_label.show()
        self.validate()  # the names just made now clash

    def reject(self) -> None:
        if not self._running:  # a clone half made must finish or be undone first
            super().reject()
