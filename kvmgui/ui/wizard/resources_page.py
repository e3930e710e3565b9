"""Wizard page 2: memory, vCPUs and the disk, bounded by what the host has."""

from __future__ import annotations

import math

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kvmgui.core.hostfacts import HostFacts, PoolFacts
from kvmgui.core.newvm import GIB, disk_problem, memory_problem
from kvmgui.core.osinfo import OsEntry
from kvmgui.core.units import format_bytes, format_mib
from kvmgui.core.xml.domain import MIN_MEMORY_MIB
from kvmgui.ui.i18n import translate
from kvmgui.ui.widgets.plain import plain_label
from kvmgui.ui.wizard.common import FieldError

DEFAULT_MEMORY_MIB = 2048
DEFAULT_VCPUS = 2
DEFAULT_DISK_GIB = 20.0
MAX_DISK_GIB = 64 * 1024.0


def _tenths_up(gib: float) -> float:
    """``gib`` rounded up to what the one-decimal size box shows, never below it."""
    return math.ceil(gib * 10) / 10


class ResourcesPage(QWizardPage):
    """Memory and vCPUs default to the OS's recommendation, bounded by the host."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(translate("wizard.resources_page", "Memory, processors and disk"))
        self._facts: HostFacts | None = None
        self._defaults_for: tuple[str | None, bool] | None = None
        self.minimum_disk_bytes = 0
        self._disk_mode = "optional"
        self.disk_optional = True

        self.memory_spin = QSpinBox()
        self.memory_spin.setRange(0, 16 * 1024 * 1024)
        self.memory_spin.setSingleStep(256)
        self.memory_spin.setSuffix(" MiB")
        self.memory_error = FieldError()
        self.vcpus_spin = QSpinBox()
        self.vcpus_spin.setRange(1, 1)
        self.host_label = plain_label(translate("wizard.resources_page", "Reading the host…"))

        self.disk_box = QGroupBox(translate("wizard.resources_page", "Create a disk"))
        self.disk_box.setCheckable(True)
        self.pool_combo = QComboBox()
        self.size_spin = QDoubleSpinBox()
        self.size_spin.setDecimals(1)
        self.size_spin.setRange(0.0, MAX_DISK_GIB)
        self.size_spin.setSuffix(" GiB")
        self.disk_error = FieldError()
        self.disk_note = plain_label()
        self.disk_note.setWordWrap(True)
        disk_form = QFormLayout(self.disk_box)
        disk_form.addRow(translate("wizard.resources_page", "Storage pool:"), self.pool_combo)
        disk_form.addRow(translate("wizard.resources_page", "Size:"), self.size_spin)
        disk_form.addRow("", self.disk_error)

        form = QFormLayout()
        form.addRow(translate("wizard.resources_page", "Memory:"), self.memory_spin)
        form.addRow("", self.memory_error)
        form.addRow(translate("wizard.resources_page", "vCPUs:"), self.vcpus_spin)
        form.addRow("", self.host_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.disk_box)
        layout.addWidget(self.disk_note)
        layout.addStretch(1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.memory_spin.valueChanged.connect(self.on_input_changed)
        self.vcpus_spin.valueChanged.connect(self.on_input_changed)
        self.size_spin.valueChanged.connect(self.on_input_changed)
        self.pool_combo.currentIndexChanged.connect(self.on_input_changed)
        self.disk_box.toggled.connect(self.on_input_changed)

    def set_host_facts(self, facts: HostFacts) -> None:
        self._facts = facts
        self.vcpus_spin.setRange(1, facts.cpus)
        self.host_label.setText(
            translate("wizard.resources_page", "The host has {format_mib} and {cpus} CPUs.").format(
                format_mib=format_mib(facts.memory_mib, "MiB"), cpus=facts.cpus
            )
        )
        self.pool_combo.clear()
        for pool in facts.pools:
            free = (
                translate("wizard.resources_page", "{size} free").format(
                    size=format_bytes(pool.free_bytes, "GiB"))
                if pool.free_bytes is not None
                else translate("wizard.resources_page", "free space unknown")
            )
            label = f"{pool.name} — {pool.path} ({free})"
            if not pool.exists:
                label += translate("wizard.resources_page", ", created on Finish")
            self.pool_combo.addItem(label, pool)
        self.completeChanged.emit()

    def apply_defaults(self, entry: OsEntry | None, disk_mode: str, minimum_disk_bytes: int,
                       force: bool = False) -> None:
        """Defaults for the OS, once per OS choice (the user's edits stay otherwise).

        ``disk_mode``: "optional" (a new disk, may be unticked), "overlay" (cloud
        image: always a new disk), "copy" (an imported image copied to a pool) or
        "none" (an imported image used in place is the disk).
        """
        facts = self._facts
        key = (entry.id if entry else None, facts is not None)
        self.minimum_disk_bytes = minimum_disk_bytes
        minimum_disk_gib = minimum_disk_bytes / GIB
        self.disk_optional = disk_mode == "optional"
        self.disk_box.setVisible(disk_mode != "none")
        self.disk_box.setCheckable(self.disk_optional)
        self.disk_box.setTitle({"optional": "Create a disk", "overlay": "Overlay disk",
                                "copy": "Copy the image to"}.get(disk_mode, ""))
        self.disk_note.setText({
            "none": "The imported image is the VM's disk, used where it is.",
            "overlay": "The cloud image is the overlay's read-only backing file: "
                       "it stays pristine.",
        }.get(disk_mode, ""))
        self._disk_mode = disk_mode
        self.size_spin.setEnabled(disk_mode != "copy")
        if disk_mode == "copy":
            self.size_spin.setValue(_tenths_up(minimum_disk_gib))
        if key == self._defaults_for and not force:
            self.completeChanged.emit()
            return
        self._defaults_for = key
        suggested = entry.suggested if entry is not None else None
        memory = (suggested.memory_mib if suggested else None) or DEFAULT_MEMORY_MIB
        vcpus = (suggested.vcpus if suggested else None) or DEFAULT_VCPUS
        disk = (suggested.storage_gib if suggested else None) or DEFAULT_DISK_GIB
        if facts is not None:
            # Half the host at most: the host itself must keep running.
            memory = max(MIN_MEMORY_MIB, min(memory, facts.memory_mib // 2))
            vcpus = min(vcpus, facts.cpus)
            pool = self.pool()
            if pool is not None and pool.free_bytes is not None:
                disk = min(disk, pool.free_bytes / GIB)
        self.memory_spin.setValue(memory)
        self.vcpus_spin.setValue(vcpus)
        if disk_mode != "copy":
            self.size_spin.setValue(_tenths_up(max(disk, minimum_disk_gib)))
        self.completeChanged.emit()

    @property
    def memory_mib(self) -> int:
        return self.memory_spin.value()

    @property
    def vcpus(self) -> int:
        return self.vcpus_spin.value()

    @property
    def wants_disk(self) -> bool:
        # isHidden, not isVisible: the answer must not depend on the page being shown.
        return not self.disk_box.isHidden() and (
            not self.disk_optional or self.disk_box.isChecked()
        )

    @property
    def disk_bytes(self) -> int:
        return int(self.size_spin.value() * GIB)

    def pool(self) -> PoolFacts | None:
        pool = self.pool_combo.currentData()
        return pool if isinstance(pool, PoolFacts) else None

    def isComplete(self) -> bool:
        facts = self._facts
        if facts is None:
            return False
        fine = self.memory_error.show_problem(memory_problem(self.memory_mib, facts))
        if self.wants_disk:
            # A copy's size is the image's, not the (rounded) figure shown.
            size = self.minimum_disk_bytes if self._disk_mode == "copy" else self.disk_bytes
            disk = disk_problem(size, self.pool(), self.minimum_disk_bytes)
            fine = self.disk_error.show_problem(disk) and fine
        else:
            self.disk_error.show_problem(None)
        return fine

    @Slot()
    def on_input_changed(self) -> None:
        self.completeChanged.emit()
