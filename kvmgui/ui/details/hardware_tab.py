"""The Hardware tab: the device list, an editor per item, the changes and Apply/Revert."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import cast

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.core.hardware import (
    SOUND_MODELS,
    WATCHDOG_ACTIONS,
    WATCHDOG_MODELS,
    AddableDevice,
    Change,
    ChangeError,
    HardwareState,
    ItemRef,
    NewVolume,
    When,
    add_device,
    add_new_volume_disk,
    add_serial,
    apply_changes,
    free_serial_port,
    free_target,
    hardware_items,
    item_label,
    new_mac,
    new_rng,
    new_sound,
    new_tpm,
    new_usb_hostdev,
    new_watchdog,
    read_hardware,
)
from kvmgui.core.media import MediaKind, MediaVolume
from kvmgui.core.texts import Translatable
from kvmgui.core.xml.domain import (
    DiskBus,
    DiskFormat,
    DiskSpec,
    NetworkKind,
    NetworkSpec,
    cdrom_device,
    disk_device,
    interface_device,
)
from kvmgui.ui.details.common import StatusLabel, failure_text
from kvmgui.ui.details.hardware_editors import (
    DISK_BUSES,
    EDITORS,
    NIC_MODELS,
    ItemEditor,
    WhenChoice,
    choose_file,
    combo_box,
    show_nic_sources,
)
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.ops import OpRunner

PENDING_MARK = "⟳"
ERROR_MARK = "⚠"
# The first entry of the volume list, when the host's pools hold none of a kind.
_NO_VOLUMES = {
    MediaKind.ISO: Translatable(
        "details.hardware_tab", "No ISO volumes in the host's storage pools"
    ),
    MediaKind.DISK_IMAGE: Translatable(
        "details.hardware_tab", "No disk image volumes in the host's storage pools"
    ),
}


class AddHardwareDialog(QDialog):
    """A disk on an existing file or volume, a CD-ROM, or a NIC, as a change to apply."""

    def __init__(self, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("details.hardware_tab", "Add Hardware"))
        self.setAccessibleName(translate("details.hardware_tab", "Add Hardware"))
        self._state = state
        self.kind = QComboBox()
        self.kind.setAccessibleName(translate("details.hardware_tab", "Kind of hardware to add"))
        self.kind.addItem(
            translate("details.hardware_tab", "Disk (a new volume in a storage pool)"),
            "new-disk",
        )
        self.kind.addItem(
            translate("details.hardware_tab", "Disk (an existing image file or volume)"),
            "disk",
        )
        self.kind.addItem(
            translate("details.hardware_tab", "CD-ROM"), "cdrom"
        )
        self.kind.addItem(
            translate("details.hardware_tab", "Network interface"),
            "nic",
        )
        self.kind.addItem(
            translate("details.hardware_tab", "Sound card"),
            "sound",
        )
        self.kind.addItem(
            translate("details.hardware_tab", "Serial port (pty; at next boot)"),
            "serial",
        )
        self.kind.addItem(
            translate("details.hardware_tab", "TPM 2.0 (emulated; the host needs swtpm)"),
            "tpm",
        )
        self.kind.addItem(
            translate(
                "details.hardware_tab", "Random number generator (virtio, from /dev/urandom)"
            ),
            "rng",
        )
        self.kind.addItem(
            translate("details.hardware_tab", "Watchdog"),
            "watchdog",
        )
        self.kind.addItem(
            translate("details.hardware_tab", "USB host device (passed through)"),
            "usb",
        )
        self.path = QLineEdit()
        self.path.setAccessibleName(
            translate("details.hardware_tab", "Path of the disk image or ISO")
        )
        self.path.setPlaceholderText("/var/lib/libvirt/images/data.qcow2")
        # A volume of the host's pools, or (on this machine) a file, fills the path in.
        self.volumes = QComboBox()
        self.volumes.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.volumes.setAccessibleName(
            translate("details.hardware_tab", "Volumes of the host's storage pools")
        )
        self.volumes.activated.connect(self._on_volume_chosen)
        self.browse = QPushButton(translate("details.hardware_tab", "Browse…"))
        self.browse.setAccessibleName(
            translate("details.hardware_tab", "Choose a file on this machine")
        )
        self.browse.setVisible(state.local_host)
        self.browse.clicked.connect(
            lambda: choose_file(self, self._media_kind(), self.path))
        self.choosers = QWidget()
        self._choosers_layout = choosers = QHBoxLayout(self.choosers)
        choosers.setContentsMargins(0, 0, 0, 0)
        choosers.addWidget(self.volumes, 1)
        choosers.addWidget(self.browse)
        self.disk_format = combo_box(
            translate("details.hardware_tab", "Disk image format"), ("qcow2", "raw"), "qcow2"
        )
        self.pool = combo_box(
            translate("details.hardware_tab", "Storage pool for the new volume"), state.pools, None
        )
        self.volume_name = QLineEdit()
        self.volume_name.setAccessibleName(
            translate("details.hardware_tab", "Name of the new volume")
        )
        self.volume_size = QSpinBox()
        self.volume_size.setAccessibleName(
            translate("details.hardware_tab", "Size of the new volume")
        )
        self.volume_size.setRange(1, 64 * 1024)
        self.volume_size.setValue(10)
        self.volume_size.setSuffix(" GiB")
        self.bus = combo_box(
            translate("details.hardware_tab", "Disk bus"), DISK_BUSES[:2], "virtio"
        )
        self.nic_kind = combo_box(
            translate("details.hardware_tab", "NIC connection"), ("network", "bridge"), "network"
        )
        self.nic_source = QComboBox()
        self.nic_source.setAccessibleName(
            translate("details.hardware_tab", "NIC network or bridge name")
        )
        show_nic_sources(self.nic_source, "network", state.networks,
                         "default" if "default" in state.networks else "")
        self.nic_model = combo_box(
            translate("details.hardware_tab", "NIC model"), NIC_MODELS, "virtio"
        )
        self.sound_model = combo_box(
            translate("details.hardware_tab", "Sound card model"), SOUND_MODELS, "ich9"
        )
        self.watchdog_model = combo_box(
            translate("details.hardware_tab", "Watchdog model"), WATCHDOG_MODELS, "i6300esb"
        )
        self.watchdog_action = combo_box(
            translate("details.hardware_tab", "Watchdog action"), WATCHDOG_ACTIONS, "reset"
        )
        self.usb_device = QComboBox()
        self.usb_device.setAccessibleName(translate("details.hardware_tab", "Host USB device"))
        for usb in state.usb_devices:
            self.usb_device.addItem(
                f"{usb.description} ({usb.vendor_id[2:]}:{usb.product_id[2:]})", usb)
        self.when = WhenChoice(translate("details.hardware_tab", "new hardware"))
        self.form = form = QFormLayout()
        form.addRow(translate("details.hardware_tab", "Add:"), self.kind)
        form.addRow(translate("details.hardware_tab", "Pool:"), self.pool)
        form.addRow(translate("details.hardware_tab", "Volume name:"), self.volume_name)
        form.addRow(translate("details.hardware_tab", "Size:"), self.volume_size)
        form.addRow(translate("details.hardware_tab", "Path:"), self.path)
        form.addRow("", self.choosers)
        form.addRow(translate("details.hardware_tab", "Format:"), self.disk_format)
        form.addRow(translate("details.hardware_tab", "Bus:"), self.bus)
        form.addRow(translate("details.hardware_tab", "Connection:"), self.nic_kind)
        form.addRow(translate("details.hardware_tab", "Network / bridge:"), self.nic_source)
        form.addRow(translate("details.hardware_tab", "Model:"), self.nic_model)
        form.addRow(translate("details.hardware_tab", "Model:"), self.sound_model)
        form.addRow(translate("details.hardware_tab", "Model:"), self.watchdog_model)
        form.addRow(translate("details.hardware_tab", "When it fires:"), self.watchdog_action)
        form.addRow(translate("details.hardware_tab", "Device:"), self.usb_device)
        # The fields each kind uses; the others are hidden.
        self._fields = {
            "new-disk": (self.pool, self.volume_name, self.volume_size, self.bus),
            "disk": (self.path, self.choosers, self.disk_format, self.bus),
            "cdrom": (self.path, self.choosers),
            "nic": (self.nic_kind, self.nic_source, self.nic_model),
            "sound": (self.sound_model,),
            "serial": (),
            "tpm": (),
            "rng": (),
            "watchdog": (self.watchdog_model, self.watchdog_action),
            "usb": (self.usb_device,),
        }
        self.kind.currentIndexChanged.connect(self._show_fields)
        self.nic_kind.currentTextChanged.connect(
            lambda kind: show_nic_sources(self.nic_source, kind, state.networks, ""))
        self.bus.currentTextChanged.connect(self._suggest_volume_name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.when)
        layout.addWidget(self.buttons)
        self._show_fields()
        self._suggest_volume_name()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        used = self._fields[kind]
        for widgets in self._fields.values():
            for widget in widgets:
                self.form.setRowVisible(widget, widget in used)
        if kind in ("disk", "cdrom"):
            self._offer_volumes()
        if self._state.running is None:
            self.when.offer_now(False, translate("details.hardware_tab", "The VM is not running."))
        else:
            # An ISA serial port cannot be plugged into a running VM.
            self.when.offer_now(
                kind != "serial",
                translate("details.hardware_tab", "A serial port is added at the next boot."),
            )

    def _media_kind(self) -> MediaKind:
        return MediaKind.ISO if self.kind.currentData() == "cdrom" else MediaKind.DISK_IMAGE

    def _offer_volumes(self) -> None:
        kind = self._media_kind()
        volumes = self._state.volumes_of(kind)
        self.volumes.clear()
        self.volumes.addItem(
            translate("details.hardware_tab", "Pick {what} from the host's storage pools…").format(
                what=shown(kind.value)
            ) if volumes else shown(_NO_VOLUMES[kind]),
            None,
        )
        for volume in volumes:
            self.volumes.addItem(f"{volume.pool} / {volume.name}", volume)
        self.volumes.updateGeometry()
        self._choosers_layout.activate()
        self.adjustSize()  # the dialog grows with the longest entry, not cut at its old width

    @Slot(int)
    def _on_volume_chosen(self, index: int) -> None:
        volume = self.volumes.itemData(index)
        if not isinstance(volume, MediaVolume):
            return
        self.path.setText(volume.path)
        if volume.format in ("qcow2", "raw"):
            self.disk_format.setCurrentText(volume.format)

    def _target(self, bus: str) -> str:
        return free_target([d.target_dev or "" for d in self._state.definition.disks], bus)

    def _suggest_volume_name(self) -> None:
        name = self._state.definition.name or "vm"
        self.volume_name.setText(
            f"{name}-{self._target(self.bus.currentText())}.qcow2"
        )

    def change(self) -> Change | None:
        """The addition asked for; None when a needed field is empty."""
        kind = self.kind.currentData()
        path = self.path.text().strip()
        when = self.when.value if self._state.running is not None else When.NEXT_BOOT
        if not when or (kind in ("disk", "cdrom") and not path):
            return None
        bus = self.bus.currentText()
        if kind == "serial":
            if When.NEXT_BOOT not in when:
                return None
            return add_serial(free_serial_port(self._state.definition))
        if kind == "new-disk":
            volume = self.volume_name.text().strip()
            if not volume or not self.pool.currentText():
                return None
            new = NewVolume(self.pool.currentText(), volume, self.volume_size.value() * 1024**3)
            return add_new_volume_disk(new, self._target(bus), bus, when)
        device: AddableDevice
        if kind == "sound":
            device = new_sound(self.sound_model.currentText())
        elif kind == "tpm":
            device = new_tpm()
        elif kind == "rng":
            device = new_rng()
        elif kind == "watchdog":
            device = new_watchdog(self.watchdog_model.currentText(),
                                  self.watchdog_action.currentText())
        elif kind == "usb":
            usb = self.usb_device.currentData()
            if usb is None:
                return None
            device = new_usb_hostdev(usb.vendor_id, usb.product_id)
        elif kind == "disk":
            spec = DiskSpec(path, format=cast(DiskFormat, self.disk_format.currentText()),
                            bus=cast(DiskBus, bus))
            device = disk_device(spec, self._target(bus))
        elif kind == "cdrom":
            device = cdrom_device(path, self._target("sata"))
        else:
            network_kind = NetworkKind(self.nic_kind.currentText())
            nic = interface_device(NetworkSpec(network_kind, self.nic_source.currentText().strip()))
            nic.model = self.nic_model.currentText()
            nic.mac = new_mac()  # the same NIC now and at next boot
            device = nic
        return add_device(device, when)


class HardwareTab(QWidget):
    """The VM's hardware as its definition has it, with what is pending a restart.

    Edits stay in the editors until applied; a failure shows next to its item
    and keeps every edit. The tab re-reads libvirt after each apply and when
    the VM changes while nothing is being edited.
    """

    def __init__(
        self, connection: Connection, info: DomainInfo, ops: OpRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("details.hardware_tab", "Hardware"))
        self._connection = connection
        self._info = info
        self._ops = ops
        self.state: HardwareState | None = None
        self.loaded = False
        self.editors: dict[ItemRef, ItemEditor] = {}
        self.added: list[Change] = []
        self.device_list = QListWidget()
        self.device_list.setAccessibleName(translate("details.hardware_tab", "Hardware list"))
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(translate("details.hardware_tab", "Hardware editor"))
        self.change_list = QListWidget()
        self.change_list.setAccessibleName(translate("details.hardware_tab", "Changes to apply"))
        self.change_list.setMaximumHeight(110)
        self.status = StatusLabel(translate("details.hardware_tab", "Hardware message"))
        self.add_button = QPushButton(translate("details.hardware_tab", "Add &Hardware…"))
        self.add_button.setAccessibleName(translate("details.hardware_tab", "Add hardware"))
        self.revert_button = QPushButton(translate("details.hardware_tab", "&Revert"))
        self.revert_button.setAccessibleName(
            translate("details.hardware_tab", "Revert the hardware changes")
        )
        self.apply_button = QPushButton(translate("details.hardware_tab", "&Apply"))
        self.apply_button.setAccessibleName(
            translate("details.hardware_tab", "Apply the hardware changes")
        )
        splitter = QSplitter()
        splitter.addWidget(self.device_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 460])
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addWidget(QLabel(translate("details.hardware_tab", "Changes to apply:")))
        layout.addWidget(self.change_list)
        layout.addLayout(buttons)
        self._connect_signals()
        self._refresh_changes()

    def _connect_signals(self) -> None:
        self.device_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.revert_button.clicked.connect(self.on_revert_clicked)
        self.apply_button.clicked.connect(self.on_apply_clicked)

    # ------------------------------------------------------------- reading

    def show_info(self, info: DomainInfo) -> None:
        """Follow the VM: re-read its hardware unless the user is editing it."""
        self._info = info
        if self.loaded and not self.changes():
            self._read(self._show_state_unless_edited)

    def load(self) -> None:
        self.loaded = True
        self._read(self._show_state)

    def _show_state_unless_edited(self, state: HardwareState) -> None:
        # The user may have begun editing while it was read: their edits stay.
        if not self.changes():
            self._show_state(state)

    def _read(self, on_success: Callable[[HardwareState], object]) -> None:
        self._ops.run(
            self._connection.call_domain(
                translate("details.hardware_tab", "Could not read the hardware of {name}").format(
                    name=self._info.name
                ),
                self._info.uuid,
                read_hardware,
            ),
            on_success,
            on_failure=lambda error: self.status.show_error(failure_text(error)),
            owner=self,
        )

    def _show_state(self, state: HardwareState) -> None:
        self.state = state
        row = max(self.device_list.currentRow(), 0)
        self.device_list.clear()
        for editor in self.editors.values():
            self.stack.removeWidget(editor)
            editor.deleteLater()
        self.editors = {}
        self.added = []
        for ref in hardware_items(state.definition):
            editor = EDITORS[ref.kind](ref, state)
            editor.changed.connect(self._refresh_changes)
            self.editors[ref] = editor
            self.stack.addWidget(editor)
            self.device_list.addItem(QListWidgetItem())
        self._mark_items(state.pending, set())
        self.device_list.setCurrentRow(min(row, self.device_list.count() - 1))
        self._refresh_changes()

    def _mark_items(self, pending: set[ItemRef], failed: set[ItemRef]) -> None:
        assert self.state is not None
        for row, ref in enumerate(self.editors):
            label = shown(item_label(self.state.definition, ref))
            marks = (f" {ERROR_MARK}" if ref in failed else "") + (
                f" {PENDING_MARK}" if ref in pending else "")
            entry = self.device_list.item(row)
            entry.setText(label + marks)
            entry.setData(Qt.ItemDataRole.UserRole, ref)
            said = [label]
            if ref in failed:
                said.append(translate("details.hardware_tab", "not applied, see the message"))
            if ref in pending:
                said.append(translate("details.hardware_tab", "pending: takes effect at next boot"))
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(said))
            entry.setToolTip(", ".join(said[1:]))
            self.editors[ref].show_pending(ref in pending)

    # ------------------------------------------------------------- editing

    def changes(self) -> list[Change]:
        return [c for editor in self.editors.values() for c in editor.changes()] + self.added

    @Slot()
    def _refresh_changes(self) -> None:
        changes = self.changes()
        if changes and self.status.kind == "info":
            self.status.clear_message()  # "Applied." is about earlier edits
        self.change_list.clear()
        for change in changes:
            entry = QListWidgetItem(f"{shown(change.label)} — {shown(change.when.text)}")
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, entry.text())
            self.change_list.addItem(entry)
        self.apply_button.setEnabled(bool(changes))
        self.revert_button.setEnabled(bool(changes))
        self.add_button.setEnabled(self.state is not None)

    @Slot()
    def on_add_clicked(self) -> None:
        if self.state is None:
            return
        dialog = AddHardwareDialog(self.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._on_added, dialog))
        dialog.open()

    def _on_added(self, dialog: AddHardwareDialog) -> None:
        change = dialog.change()
        if change is None:
            self.status.show_error(
                translate(
                    "details.hardware_tab",
                    "Nothing was added: give a path, or tick when it applies.",
                )
            )
            return
        self.added.append(change)
        self._refresh_changes()

    @Slot()
    def on_revert_clicked(self) -> None:
        self.status.clear_message()
        if self.state is not None:
            self._show_state(self.state)

    @Slot()
    def on_apply_clicked(self) -> None:
        changes = self.changes()
        if not changes:
            return
        self.status.show_busy(translate("details.hardware_tab", "Applying…"))
        self._ops.run(
            self._connection.call(
                translate("details.hardware_tab", "Could not change the hardware of {name}").format(
                    name=self._info.name
                ),
                partial(apply_changes, uuid=self._info.uuid, changes=changes),
            ),
            self._on_applied,
            on_failure=lambda error: self.status.show_error(failure_text(error)),
            owner=self,
        )

    def _on_applied(self, errors: list[ChangeError]) -> None:
        if not errors:
            self.status.show_info(translate("details.hardware_tab", "Applied."))
            self.load()
            return
        self.status.show_error(
            translate(
                "details.hardware_tab",
                "Not everything was applied: see the items marked ⚠. Your edits are kept.",
            )
        )
        for error in errors:
            editor = self.editors.get(error.item)
            if editor is not None:
                editor.status.show_error(shown(error.message))
            else:  # an added device: its error goes to the tab's message
                self.status.show_error(f"{self.status.text()} {shown(error.message)}")
        failed = {error.item for error in errors}
        self._read(lambda state: self._mark_items(state.pending, failed))
