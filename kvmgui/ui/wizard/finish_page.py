"""Wizard page 3: name, network, firmware, virtualization, and the virt-install command."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kvmgui.core.hostfacts import HostFacts
from kvmgui.core.newvm import FirmwareChoice, name_problem, unique_name
from kvmgui.core.xml.domain import NetworkSpec, VirtType
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.theme import set_tone_style
from kvmgui.ui.widgets.plain import plain_label, plain_tooltip
from kvmgui.ui.wizard.common import FieldError

# The network combo's item for a bridge the host could not list: named in bridge_edit.
TYPED_BRIDGE = "typed-bridge"


class FinishPage(QWizardPage):
    """The last choices; Finish creates the VM while a progress bar runs."""

    input_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(translate("wizard.finish_page", "Name and finish"))
        self._facts: HostFacts | None = None
        self.name_edit = QLineEdit()
        self.name_error = FieldError()
        self.network_combo = QComboBox()
        self.bridge_edit = QLineEdit()
        self.bridge_edit.setPlaceholderText(
            translate("wizard.finish_page", "the name of a bridge on the host, e.g. br0")
        )
        self.bridge_edit.setAccessibleName(translate("wizard.finish_page", "Host bridge name"))
        self.bridge_edit.hide()
        self.network_error = FieldError()
        self.firmware_combo = QComboBox()
        self.virt_type_combo = QComboBox()
        self.customize_check = QCheckBox(
            translate("wizard.finish_page", "Customize before install (review and edit the XML)")
        )
        self.command_view = QPlainTextEdit()
        self.command_view.setAccessibleName(
            translate("wizard.finish_page", "Equivalent virt-install command")
        )
        self.command_view.setReadOnly(True)
        self.command_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.command_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.copy_button = QPushButton(translate("wizard.finish_page", "Copy"))
        self.copy_button.setToolTip(
            translate("wizard.finish_page", "Copy the virt-install command to the clipboard")
        )
        self.progress = QProgressBar()
        self.progress.hide()
        # Offered once a create has failed: the host's checklist often says why.
        self.diagnose_button = QPushButton(translate("wizard.finish_page", "Diagnose the Host…"))
        self.diagnose_button.setToolTip(
            translate("wizard.finish_page", "Check KVM, firmware, networks, pools and free space")
        )
        self.diagnose_button.hide()
        self.status_label = plain_label()
        self.status_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(translate("wizard.finish_page", "Name:"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(translate("wizard.finish_page", "Network:"), self.network_combo)
        form.addRow("", self.bridge_edit)
        form.addRow("", self.network_error)
        form.addRow(translate("wizard.finish_page", "Firmware:"), self.firmware_combo)
        form.addRow(translate("wizard.finish_page", "Virtualization:"), self.virt_type_combo)
        form.addRow("", self.customize_check)
        command_header = QHBoxLayout()
        command_header.addWidget(
            QLabel(translate("wizard.finish_page", "Equivalent virt-install command:")), 1
        )
        command_header.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(command_header)
        layout.addWidget(self.command_view, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.diagnose_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.name_edit.textChanged.connect(self.on_input_changed)
        self.network_combo.currentIndexChanged.connect(self.on_input_changed)
        self.bridge_edit.textChanged.connect(self.on_input_changed)
        self.firmware_combo.currentIndexChanged.connect(self.on_input_changed)
        self.virt_type_combo.currentIndexChanged.connect(self.on_input_changed)
        self.copy_button.clicked.connect(self.on_copy_clicked)

    def set_host_facts(self, facts: HostFacts) -> None:
        self._facts = facts
        self.network_combo.clear()
        for name in facts.networks:
            state = (
                translate("wizard.finish_page", " (inactive: started on Create)")
                if name in facts.inactive_networks
                else ""
            )
            self.network_combo.addItem(
                translate("wizard.finish_page", "Virtual network '{name}'{state}").format(
                    name=name, state=state
                ),
                NetworkSpec.libvirt_network(name),
            )
        for name in facts.bridges:
            self.network_combo.addItem(
                translate("wizard.finish_page", "Host bridge {name}").format(name=name),
                NetworkSpec.bridge(name),
            )
        if not facts.bridges_listed:
            self.network_combo.addItem(
                translate(
                    "wizard.finish_page", "Host bridge (the host cannot list them: type its name)"
                ),
                TYPED_BRIDGE,
            )
        if facts.session:
            self.network_combo.addItem(
                translate("wizard.finish_page", "User-mode networking"), NetworkSpec.user()
            )
        if "default" in facts.networks:
            self.network_combo.setCurrentIndex(facts.networks.index("default"))
        self.firmware_combo.clear()
        self.firmware_combo.addItem(translate("wizard.finish_page", "BIOS"), FirmwareChoice.BIOS)
        if facts.guest.uefi:
            self.firmware_combo.addItem(
                translate("wizard.finish_page", "UEFI (OVMF)"), FirmwareChoice.UEFI
            )
        if facts.guest.secure_boot:
            self.firmware_combo.addItem(
                translate("wizard.finish_page", "UEFI with Secure Boot"),
                FirmwareChoice.UEFI_SECURE_BOOT,
            )
        self.virt_type_combo.clear()
        if facts.guest.kvm:
            self.virt_type_combo.addItem(
                translate("wizard.finish_page", "KVM (hardware acceleration)"),
                "kvm",
            )
        self.virt_type_combo.addItem(
            translate("wizard.finish_page", "QEMU TCG (software emulation, slow)"),
            "qemu",
        )
        self.completeChanged.emit()

    def prefer_tcg(self, reason: str) -> None:
        """Propose TCG: the host's KVM self-test found that KVM guests do not run there."""
        self.virt_type_combo.setCurrentIndex(self.virt_type_combo.findData("qemu"))
        self.virt_type_combo.setToolTip(plain_tooltip(reason))

    def suggest_name(self, base: str) -> None:
        taken = self._facts.domain_names if self._facts is not None else frozenset()
        self.name_edit.setText(unique_name(base, taken))

    @property
    def vm_name(self) -> str:
        return self.name_edit.text().strip()

    def network(self) -> NetworkSpec | None:
        network = self.network_combo.currentData()
        if network == TYPED_BRIDGE:
            name = self.bridge_edit.text().strip()
            return NetworkSpec.bridge(name) if name else None
        return network if isinstance(network, NetworkSpec) else None

    @property
    def firmware(self) -> FirmwareChoice:
        firmware = self.firmware_combo.currentData()
        return firmware if isinstance(firmware, FirmwareChoice) else FirmwareChoice.BIOS

    @property
    def virt_type(self) -> VirtType:
        return "kvm" if self.virt_type_combo.currentData() == "kvm" else "qemu"

    def isComplete(self) -> bool:
        typing_bridge = self.network_combo.currentData() == TYPED_BRIDGE
        self.bridge_edit.setVisible(typing_bridge)
        name_fine = self.name_error.show_problem(name_problem(self.vm_name, self._facts))
        network_fine = self.network_error.show_problem(
            None
            if self.network() is not None
            else translate("wizard.finish_page", "Type the name of a bridge on the host.")
            if typing_bridge
            else translate("wizard.finish_page", "This host offers no network for the VM.")
        )
        return self._facts is not None and name_fine and network_fine

    def show_command(self, text: str) -> None:
        self.command_view.setPlainText(text)

    def show_progress(self, what: str, done: int, total: int) -> None:
        self.diagnose_button.hide()
        self.progress.show()
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        set_tone_style(self.status_label, "")
        self.status_label.setText(f"{shown(what)}…")

    def show_failure(self, message: str, *, diagnose: bool = False) -> None:
        self.progress.hide()
        self.diagnose_button.setVisible(diagnose)
        set_tone_style(self.status_label, "color: $ERROR;")
        self.status_label.setText(message)

    @Slot()
    def on_input_changed(self) -> None:
        self.completeChanged.emit()
        self.input_changed.emit()

    @Slot()
    def on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.command_view.toPlainText())
