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
        self.setWindowTitle(f"Clone {info.name}")
        self.setAccessibleName(f"Clone {info.name}")
        self.resize(540, 380)

        self.intro = QLabel(self._intro_text())
        self.intro.setWordWrap(True)
        self.linked_button = QRadioButton("Linked clone: a thin overlay on the source's disks")
        self.linked_button.setAccessibleName("Linked clone")
        self.full_button = QRadioButton("Full copy: disks of its own")
        self.full_button.setAccessibleName("Full copy")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.linked_button)
        self.mode_group.addButton(self.full_button)
        self.linked_button.setChecked(True)
        self.pattern_edit = QLineEdit(f"{info.name}-{NUMBER}")
        self.pattern_edit.setAccessibleName("Name pattern")
        self.pattern_edit.setToolTip(f"{NUMBER} becomes each clone's number: 1, 2, 3…")
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, CLONE_LIMIT)
        self.count_spin.setAccessibleName("Number of clones")
        self.start_check = QCheckBox("Start the clones")
        self.start_check.setAccessibleName("Start the clones")
        # A running source: its disks are frozen by a snapshot, or it is refused.
        self.snapshot_check = QCheckBox(
            "Clone it running, from a snapshot of its disks taken now"
        )
        self.snapshot_check.setAccessibleName("Clone from a snapshot of the running disks")
        self.snapshot_check.setToolTip(
            "A disk-only snapshot: the VM keeps running on new overlay files and its "
            "current disk images, frozen, become the read-only base of the clones."
        )
        self.snapshot_check.setVisible(info.state.is_active)
        self.names_label = QLabel()
        self.names_label.setAccessibleName("Names of the clones")
        self.names_label.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setAccessibleName("Problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Cloning progress")
        self.progress.hide()
        self.steps = QListWidget()
        self.steps.setAccessibleName("Progress of each clone")
        self.steps.hide()
        self.summary_label = QLabel()
        self.summary_label.setAccessibleName("Summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.clone_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.clone_button.setText("Clone")
        self.clone_button.setAccessibleName("Clone")
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)

        form = QFormLayout()
        form.addRow("Kind:", self.linked_button)
        form.addRow("", self.full_button)
        form.addRow("Name:", self.pattern_edit)
        form.addRow("How many:", self.count_spin)
        form.addRow("", self.start_check)
        form.addRow("", self.snapshot_check)
        form.addRow("Names:", self.names_label)
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
            return (
                f"{name} is running. Shut it down first, or clone it from a snapshot of its "
                f"disks taken now: {name} keeps running, writing to new overlay files, and "
                "its disk images as they are at that instant become the read-only base of "
                "the clones. When the guest agent answers, it freezes the guest's file "
                "systems for the snapshot; without it, the clones start from disks as after "
                "a power cut (crash-consistent), like a VM that was switched off."
            )
        return (
            f"Clones of {self._info.name} get their own name, UUID, MAC addresses, UEFI "
            "variables and cloud-init identity. A linked clone reads through the source's "
            "disks, so the source must stay shut off while its linked clones exist "
            "(make it a template)."
        )

    # ------------------------------------------------------------ validation

    def names(self) -> list[str]:
        return clone_names(self.pattern_edit.text().strip(), self.count_spin.value())

    def problem(self) -> str | None:
        """Why the clones cannot be made as asked, or None."""
        if self._info.state.is_active and not self.snapshot_check.isChecked():
            return (f"{self._info.name} is running: shut it down first, or clone it from "
                    "a snapshot of its disks.")
        existing = {info.name for info in self._connection.domains()}
        return validate_clone_request(
            self.pattern_edit.text().strip(), self.count_spin.value(), existing
        )

    @Slot()
    def validate(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(bool(problem))
        names = self.names() if problem is None else []
        shown = names if len(names) <= _PREVIEW_NAMES else [*names[:2], "…", names[-1]]
        self.names_label.setText(", ".join(shown))
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
            self.steps.addItem(QListWidgetItem(f"{name}: waiting"))
        self.progress.setRange(0, len(names))
        self.progress.setValue(0)
        loop = asyncio.get_running_loop()

        def progress(position: int, name: str, step: str) -> None:
            loop.call_soon_threadsafe(self.on_progress, position, name, step)

        self._ops.run(
            self._connection.call(
                f"Could not clone {self._info.name}",
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
            item.setText(f"{name}: {step.lower() if step == 'Done' else step}")
        if step == "Done":
            self.progress.setValue(position + 1)

    def on_cloned(self, outcome: CloneOutcome) -> None:
        self._set_running(False)
        if outcome.failure is not None:
            failed = len(outcome.made)
            item = self.steps.item(failed)
            if item is not None:
                item.setText(f"{outcome.failure.name}: failed at {outcome.failure.step.lower()}")
            for position, name in enumerate(outcome.not_attempted, start=failed + 1):
                self.steps.item(position).setText(f"{name}: not attempted")
        self._show_summary(outcome.summary())
        self.cloned.emit(outcome)

    def on_failed(self, error: Exception) -> None:
        self._set_running(False)
        self._show_summary(str(error) if isinstance(error, ValueError) else failure_message(error))

    def _show_summary(self, text: str) -> None:
        self.summary_label.setText(text)
        self.summary_label.show()
        self.validate()  # the names just made now clash

    def reject(self) -> None:
        if not self._running:  # a clone half made must finish or be undone first
            super().reject()
