"""One editor per hardware item; each turns its fields into core ``Change``s.

An editor shows the definition (what the next boot uses). Its ``changes()``
are what differs from it, each applying when its "Now" / "At next boot"
boxes say; "Now" is offered only while the VM runs and for what libvirt
can change live.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.hardware import (
    BOOT_DEVICES,
    VIDEO_MODELS,
    WATCHDOG_ACTIONS,
    Change,
    HardwareState,
    ItemRef,
    When,
    change_media,
    describe_device,
    find_device,
    item_label,
    remove_device,
    set_boot,
    set_cpu_mode,
    set_cpu_topology,
    set_graphics,
    set_link,
    set_memory,
    set_vcpus,
    set_video_model,
    set_watchdog_action,
    update_disk,
    update_interface,
)
from kvmgui.core.media import MediaKind
from kvmgui.core.texts import Translatable
from kvmgui.core.xml.model import DISK_CACHE_MODES, Disk, Graphics, Interface, Watchdog
from kvmgui.ui.details.common import StatusLabel
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.theme import set_tone_style
from kvmgui.ui.widgets.files import open_file_dialog
from kvmgui.ui.widgets.plain import plain_label

CPU_MODES = ("host-passthrough", "host-model", "maximum", "custom")
DISK_BUSES = ("virtio", "sata", "scsi", "usb")
NIC_MODELS = ("virtio", "e1000e", "e1000", "rtl8139")
BOOT_WORDS = {
    "hd": Translatable("details.hardware_editors", "Hard disk"),
    "cdrom": Translatable("details.hardware_editors", "CD-ROM"),
    "network": Translatable("details.hardware_editors", "Network (PXE)"),
    "fd": Translatable("details.hardware_editors", "Floppy"),
}


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    return widget


_FILE_FILTERS = {
    MediaKind.ISO: (
        Translatable("details.hardware_editors", "Choose an ISO image"),
        Translatable("details.hardware_editors", "ISO images (*.iso);;All files (*)"),
    ),
    MediaKind.DISK_IMAGE: (
        Translatable("details.hardware_editors", "Choose a disk image"),
        Translatable(
            "details.hardware_editors", "Disk images (*.qcow2 *.img *.raw);;All files (*)"
        ),
    ),
}


def choose_file(parent: QWidget, kind: MediaKind, target: QLineEdit) -> None:
    """A file dialog (not modal to the app) whose chosen file goes into ``target``;
    for hosts whose files are this machine's."""
    title, filters = _FILE_FILTERS[kind]
    open_file_dialog(parent, shown(title), shown(filters), target.setText)


class WhenChoice(QWidget):
    """"Now" and "At next boot" boxes: when this editor's changes apply."""

    changed = Signal()

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = QCheckBox(translate("details.hardware_editors", "Now"))
        self.now.setAccessibleName(
            translate("details.hardware_editors", "Apply the {what} change now").format(what=what)
        )
        self.next_boot = QCheckBox(translate("details.hardware_editors", "At next boot"))
        self.next_boot.setAccessibleName(
            translate("details.hardware_editors", "Apply the {what} change at next boot").format(
                what=what
            )
        )
        self.next_boot.setChecked(True)
        self.now.setEnabled(False)  # until offer_now says a change can apply live
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(translate("details.hardware_editors", "Apply:")))
        layout.addWidget(self.now)
        layout.addWidget(self.next_boot)
        layout.addStretch(1)
        self.now.toggled.connect(self.changed)
        self.next_boot.toggled.connect(self.changed)

    def offer_now(self, possible: bool, why_not: str = "") -> None:
        """Offer "Now" (ticked by default) or say why it cannot be."""
        was_enabled = self.now.isEnabled()
        self.now.setEnabled(possible)
        self.now.setToolTip("" if possible else why_not)
        if not possible:
            self.now.setChecked(False)
        elif not was_enabled:
            self.now.setChecked(True)

    @property
    def value(self) -> When:
        when = When(0)
        if self.now.isChecked():
            when |= When.NOW
        if self.next_boot.isChecked():
            when |= When.NEXT_BOOT
        return when


class ItemEditor(QWidget):
    """The editor of one item; ``changed`` when its fields or its removal changed."""

    changed = Signal()
    removable = False
    noun = "device"

    def __init__(self, item: ItemRef, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.state = state
        self.running = state.running is not None
        self.label = shown(item_label(state.definition, item))
        self.setAccessibleName(
            translate("details.hardware_editors", "{label} editor").format(label=self.label)
        )
        self.title = plain_label(self.label)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.pending_label = QLabel()
        self.pending_label.setAccessibleName(
            translate("details.hardware_editors", "{label}: pending").format(label=self.label)
        )
        self.pending_label.setWordWrap(True)
        set_tone_style(self.pending_label, "color: $WARNING;")
        self.status = StatusLabel(
            translate("details.hardware_editors", "{label}: message").format(label=self.label)
        )
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.status)
        layout.addLayout(self.form)
        self.remove_box: QCheckBox | None = None
        self.delete_storage_box: QCheckBox | None = None
        if self.removable:
            self.remove_box = QCheckBox(
                translate("details.hardware_editors", "Remove this {noun}").format(noun=self.noun)
            )
            self.remove_box.setAccessibleName(
                translate("details.hardware_editors", "Remove {label}").format(label=self.label)
            )
            layout.addWidget(self.remove_box)
            self.remove_box.toggled.connect(self._on_field_changed)
        self.when = WhenChoice(self.label)
        layout.addWidget(self.when)
        layout.addStretch(1)
        self.when.changed.connect(self._on_field_changed)
        self.show_pending(item in state.pending)

    def show_pending(self, pending: bool) -> None:
        self.pending_label.setText(
            translate(
                "details.hardware_editors",
                "Pending: the running VM still has its old setting; the one shown here "
                "takes effect at its next boot.",
            )
            if pending
            else ""
        )
        self.pending_label.setVisible(pending)

    def _watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            if isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._on_field_changed)
            elif isinstance(widget, QComboBox):
                widget.currentTextChanged.connect(self._on_field_changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._on_field_changed)
            elif isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._on_field_changed)

    @Slot()
    def _on_field_changed(self) -> None:
        self.status.clear_message()
        self._offer_now()
        self.changed.emit()

    def _offer_now(self) -> None:
        """Offer "Now" where what was edited can change live (subclasses say more)."""
        self.when.offer_now(
            self.running and self.removing,
            translate("details.hardware_editors", "This change needs a restart of the VM."),
        )

    @property
    def removing(self) -> bool:
        return self.remove_box is not None and self.remove_box.isChecked()

    def changes(self) -> list[Change]:
        when = self.when.value
        if not when:
            return []
        if self.removing:
            storage = None
            if self.delete_storage_box is not None and self.delete_storage_box.isChecked():
                storage = self.state.disk_files.get(self.item.key)
            return [remove_device(self.item, self._live_or_boot(when), storage)]
        return self.field_changes(when)

    def _live_or_boot(self, when: When) -> When:
        return when if self.running else when & When.NEXT_BOOT

    def field_changes(self, when: When) -> list[Change]:
        raise NotImplementedError


def _spin(name: str, low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setAccessibleName(name)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


def combo_box(name: str, choices: tuple[str, ...], value: str | None) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItems(list(choices))
    if value and value not in choices:
        combo.addItem(value)
    if value:
        combo.setCurrentText(value)
    return combo


def show_nic_sources(
    combo: QComboBox, kind: str, networks: tuple[str, ...], value: str,
) -> None:
    """The host's networks to choose from, or a bridge's name to type in."""
    combo.clear()
    combo.setEditable(kind == "bridge")
    if kind == "network":
        combo.addItems([*networks, *([value] if value and value not in networks else [])])
    combo.setCurrentText(value)


def _checkbox(text: str, name: str, checked: bool) -> QCheckBox:
    box = QCheckBox(text)
    box.setAccessibleName(name)
    box.setChecked(checked)
    return box


class CpuEditor(ItemEditor):
    def __init__(self, item: ItemRef, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(item, state, parent)
        dom = state.definition
        self._max = dom.vcpus or 1
        self._current = dom.vcpus_current or self._max
        self._mode = dom.cpu_mode or ""
        self._model = dom.cpu_model or ""
        self.current = _spin(
            translate("details.hardware_editors", "Current vCPUs"), 1, 512, self._current
        )
        self.maximum = _spin(
            translate("details.hardware_editors", "Maximum vCPUs"), 1, 512, self._max
        )
        self.mode = combo_box(
            translate("details.hardware_editors", "CPU mode"), ("", *CPU_MODES), self._mode
        )
        self.mode.setItemText(0, translate("details.hardware_editors", "(hypervisor default)"))
        self.model = QLineEdit(self._model)
        self.model.setAccessibleName(translate("details.hardware_editors", "Named CPU model"))
        self.model.setPlaceholderText(
            translate("details.hardware_editors", "e.g. Skylake-Client (with mode custom)")
        )
        self.form.addRow(translate("details.hardware_editors", "Current vCPUs:"), self.current)
        self.form.addRow(translate("details.hardware_editors", "Maximum vCPUs:"), self.maximum)
        self.form.addRow(translate("details.hardware_editors", "CPU mode:"), self.mode)
        self.form.addRow(translate("details.hardware_editors", "CPU model:"), self.model)
        self._topology = (dom.cpu_sockets or 0, dom.cpu_cores or 1, dom.cpu_threads or 1)
        self.manual_topology = _checkbox(
            translate("details.hardware_editors", "Set the topology by hand"),
            translate("details.hardware_editors", "Manual CPU topology"),
            bool(self._topology[0]),
        )
        self.sockets = _spin(
            translate("details.hardware_editors", "Sockets"), 1, 64, self._topology[0] or 1
        )
        self.cores = _spin(
            translate("details.hardware_editors", "Cores per socket"), 1, 256, self._topology[1]
        )
        self.threads = _spin(
            translate("details.hardware_editors", "Threads per core"), 1, 8, self._topology[2]
        )
        topology = QHBoxLayout()
        for spin, what in ((self.sockets, "sockets"), (self.cores, "cores"),
                           (self.threads, "threads")):
            topology.addWidget(spin)
            topology.addWidget(QLabel(what))
            self.manual_topology.toggled.connect(spin.setEnabled)
            spin.setEnabled(self.manual_topology.isChecked())
        self.form.addRow(self.manual_topology)
        self.form.addRow(translate("details.hardware_editors", "Topology:"), topology)
        self._watch(self.current, self.maximum, self.mode, self.model, self.manual_topology,
                    self.sockets, self.cores, self.threads)
        self._offer_now()

    def _topology_value(self) -> tuple[int, int, int]:
        if not self.manual_topology.isChecked():
            return 0, 1, 1
        return self.sockets.value(), self.cores.value(), self.threads.value()

    def _mode_value(self) -> str:
        return "" if self.mode.currentIndex() == 0 else self.mode.currentText()

    def _offer_now(self) -> None:
        # Only the plugged-in count changes live; the maximum and the model need a restart.
        live = (self.running and self.maximum.value() == self._max
                and self._mode_value() == self._mode and self.model.text() == self._model
                and self._topology_value() == self._topology)
        self.when.offer_now(
            live,
            translate(
                "details.hardware_editors", "Only the current vCPU count changes on a running VM."
            ),
        )

    def field_changes(self, when: When) -> list[Change]:
        changes = []
        current, maximum = self.current.value(), self.maximum.value()
        if (current, maximum) != (self._current, self._max):
            changes.append(set_vcpus(min(current, maximum), maximum, self._live_or_boot(when)))
        mode, model = self._mode_value(), self.model.text().strip()
        if (mode, model) != (self._mode, self._model) and mode and When.NEXT_BOOT in when:
            changes.append(set_cpu_mode(mode, model or None))
        if self._topology_value() != self._topology and When.NEXT_BOOT in when:
            changes.append(set_cpu_topology(*self._topology_value()))
        return changes


class MemoryEditor(ItemEditor):
    def __init__(self, item: ItemRef, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(item, state, parent)
        dom = state.definition
        self._max = (dom.memory_kib or 0) // 1024
        self._current = (dom.current_memory_kib or dom.memory_kib or 0) // 1024
        self.current = _spin(
            translate("details.hardware_editors", "Current memory"),
            16,
            4 * 1024 * 1024,
            self._current,
            " MiB",
        )
        self.maximum = _spin(
            translate("details.hardware_editors", "Maximum memory"),
            16,
            4 * 1024 * 1024,
            self._max,
            " MiB",
        )
        self.form.addRow(translate("details.hardware_editors", "Current memory:"), self.current)
        self.form.addRow(translate("details.hardware_editors", "Maximum memory:"), self.maximum)
        self._watch(self.current, self.maximum)
        self._offer_now()

    def _offer_now(self) -> None:
        live = self.running and self.maximum.value() == self._max
        self.when.offer_now(
            live,
            translate(
                "details.hardware_editors",
                "Only the current memory (balloon) changes on a running VM.",
            ),
        )

    def field_changes(self, when: When) -> list[Change]:
        current, maximum = self.current.value(), self.maximum.value()
        if (current, maximum) == (self._current, self._max):
            return []
        return [set_memory(min(current, maximum) * 1024, maximum * 1024,
                           self._live_or_boot(when))]


class BootEditor(ItemEditor):
    def __init__(self, item: ItemRef, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(item, state, parent)
        dom = state.definition
        self._order = [b.dev for b in dom.boot_devices if b.dev]
        self._menu = bool(dom.boot_menu)
        self.order = QListWidget()
        self.order.setAccessibleName(translate("details.hardware_editors", "Boot order"))
        for dev in [*self._order, *(d for d in BOOT_DEVICES if d not in self._order)]:
            entry = QListWidgetItem(shown(BOOT_WORDS[dev]))
            entry.setData(Qt.ItemDataRole.UserRole, dev)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if dev in self._order else Qt.CheckState.Unchecked)
            self.order.addItem(entry)
        up = QPushButton(translate("details.hardware_editors", "Up"))
        up.setAccessibleName(translate("details.hardware_editors", "Move the boot device up"))
        down = QPushButton(translate("details.hardware_editors", "Down"))
        down.setAccessibleName(translate("details.hardware_editors", "Move the boot device down"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        buttons = QVBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.order, 1)
        row.addLayout(buttons)
        self.form.addRow(translate("details.hardware_editors", "Boot order:"), row)
        self.menu = _checkbox(
            translate("details.hardware_editors", "Show the boot menu"),
            translate("details.hardware_editors", "Boot menu"),
            self._menu,
        )
        self.form.addRow(self.menu)
        self.order.itemChanged.connect(self._on_field_changed)
        self._watch(self.menu)
        self._offer_now()

    def _move(self, step: int) -> None:
        row = self.order.currentRow()
        if row < 0 or not 0 <= row + step < self.order.count():
            return
        entry = self.order.takeItem(row)
        self.order.insertItem(row + step, entry)
        self.order.setCurrentRow(row + step)
        self._on_field_changed()

    def boot_order(self) -> list[str]:
        entries = (self.order.item(i) for i in range(self.order.count()))
        return [e.data(Qt.ItemDataRole.UserRole) for e in entries
                if e.checkState() == Qt.CheckState.Checked]

    def field_changes(self, when: When) -> list[Change]:
        order, menu = self.boot_order(), self.menu.isChecked()
        if (order, menu) == (self._order, self._menu) or When.NEXT_BOOT not in when:
            return []
        return [set_boot(order, menu)]


class DiskEditor(ItemEditor):
    removable = True
    noun = "disk"

    def __init__(self, item: ItemRef, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(item, state, parent)
        disk = find_device(state.definition, item)
        assert isinstance(disk, Disk)
        self.is_cdrom = disk.device in ("cdrom", "floppy")
        self._path = disk.path or ""
        self._bus = disk.target_bus or "virtio"
        self._cache = disk.driver_cache or "default"
        self._readonly, self._shareable = disk.readonly, disk.shareable
        self.source = QLineEdit(self._path if self.is_cdrom else
                                state.disk_files.get(item.key, shown(describe_device(disk))))
        self.source.setAccessibleName(
            translate("details.hardware_editors", "{label} source").format(label=self.label)
        )
        self.source.setReadOnly(not self.is_cdrom)
        self.form.addRow(
            translate("details.hardware_editors", "Media:")
            if self.is_cdrom
            else translate("details.hardware_editors", "Source:"),
            self.source,
        )
        self.browse: QPushButton | None = None
        if self.is_cdrom:
            self.source.setPlaceholderText(
                translate("details.hardware_editors", "(empty) — the path of an ISO to insert")
            )
            self.isos = QComboBox()
            self.isos.setAccessibleName(
                translate(
                    "details.hardware_editors", "{label}: ISO images in the host's storage pools"
                ).format(label=self.label)
            )
            isos = state.volumes_of(MediaKind.ISO)
            self.isos.addItem(
                translate("details.hardware_editors", "Insert an ISO volume of the host…")
                if isos
                else translate(
                    "details.hardware_editors", "No ISO volumes in the host's storage pools"
                )
            )
            for volume in isos:
                self.isos.addItem(f"{volume.pool} / {volume.name}", volume.path)
            self.isos.currentIndexChanged.connect(self._on_iso_chosen)
            buttons = QHBoxLayout()
            buttons.addWidget(self.isos, 1)
            if state.local_host:  # the host's files are this machine's: browse them
                self.browse = QPushButton(translate("details.hardware_editors", "Browse…"))
                self.browse.setAccessibleName(
                    translate("details.hardware_editors", "Choose an ISO file for {label}").format(
                        label=self.label
                    )
                )
                self.browse.clicked.connect(self.on_browse_clicked)
                buttons.addWidget(self.browse)
            eject = QPushButton(translate("details.hardware_editors", "Eject"))
            eject.setAccessibleName(
                translate("details.hardware_editors", "Eject the media of {label}").format(
                    label=self.label
                )
            )
            eject.clicked.connect(self.source.clear)
            buttons.addWidget(eject)
            self.form.addRow(buttons)
        self.bus = combo_box(
            translate("details.hardware_editors", "{label} bus").format(label=self.label),
            DISK_BUSES,
            self._bus,
        )
        self.cache = combo_box(
            translate("details.hardware_editors", "{label} cache mode").format(label=self.label),
            DISK_CACHE_MODES,
            self._cache,
        )
        self.readonly = _checkbox(
            translate("details.hardware_editors", "Read-only"),
            translate("details.hardware_editors", "{label} read-only").format(label=self.label),
            self._readonly,
        )
        self.shareable = _checkbox(
            translate("details.hardware_editors", "Shareable"),
            translate("details.hardware_editors", "{label} shareable").format(label=self.label),
            self._shareable,
        )
        self.form.addRow(translate("details.hardware_editors", "Bus:"), self.bus)
        self.form.addRow(translate("details.hardware_editors", "Cache:"), self.cache)
        self.form.addRow(self.readonly)
        self.form.addRow(self.shareable)
        if not self.is_cdrom:
            assert self.remove_box is not None
            self.delete_storage_box = _checkbox(
                translate(
                    "details.hardware_editors",
                    "Also delete its storage (only if no other VM uses it)",
                ),
                translate("details.hardware_editors", "Delete the storage of {label}").format(
                    label=self.label
                ),
                False,
            )
            self.delete_storage_box.setEnabled(False)
            if item.key in state.disk_files:  # not a network disk, nor a vanished volume
                self.remove_box.toggled.connect(self.delete_storage_box.setEnabled)
            self.form.addRow(self.delete_storage_box)
            self._watch(self.delete_storage_box)
        self._watch(self.source, self.bus, self.cache, self.readonly, self.shareable)
        self._offer_now()

    @Slot(int)
    def _on_iso_chosen(self, index: int) -> None:
        path = self.isos.itemData(index)
        if path:
            self.source.setText(path)

    @Slot()
    def on_browse_clicked(self) -> None:
        choose_file(self, MediaKind.ISO, self.source)

    def _settings(self) -> tuple[str, str, bool, bool]:
        return (self.bus.currentText(), self.cache.currentText(), self.readonly.isChecked(),
                self.shareable.isChecked())

    def _offer_now(self) -> None:
        # Media change and removal are live; bus, cache and flags need a restart.
        settings_same = self._settings() == (
            self._bus, self._cache, self._readonly, self._shareable)
        live = self.running and settings_same and (
            self.removing or (self.is_cdrom and self.source.text() != self._path))
        self.when.offer_now(
            live,
            translate(
                "details.hardware_editors",
                "Bus, cache and flags of a disk change at its next boot.",
            ),
        )

    def field_changes(self, when: When) -> list[Change]:
        changes = []
        path = self.source.text().strip()
        if self.is_cdrom and path != self._path:
            changes.append(change_media(self.item.key, path or None, self._live_or_boot(when)))
        bus, cache, readonly, shareable = self._settings()
        if (bus, cache, readonly, shareable) != (
            self._bus, self._cache, self._readonly, self._shareable
        ) and When.NEXT_BOOT in when:
            taken = [d.target_dev or "" for d in self.state.definition.disks]
            changes.append(update_disk(self.item.key, bus=bus, cache=cache, readonly=readonly,
                                       shareable=shareable, taken=taken))
        return changes


class NicEditor(ItemEditor):
    removable = True
    noun = "NIC"

    def __init__(self, item: ItemRef, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(item, state, parent)
        nic = find_device(state.definition, item)
        assert isinstance(nic, Interface)
        self._kind = nic.type or "network"
        self._source = nic.source or ""
        self._model = nic.model or "virtio"
        self._up = nic.link_state != "down"
        self.kind = combo_box(
            translate("details.hardware_editors", "{label} connection").format(label=self.label),
            ("network", "bridge"),
            self._kind,
        )
        self.source = QComboBox()
        self.source.setAccessibleName(
            translate("details.hardware_editors", "{label} network or bridge name").format(
                label=self.label
            )
        )
        show_nic_sources(self.source, self._kind, state.networks, self._source)
        self.kind.currentTextChanged.connect(self._on_kind_changed)
        self.model = combo_box(
            translate("details.hardware_editors", "{label} model").format(label=self.label),
            NIC_MODELS,
            self._model,
        )
        mac = QLineEdit(nic.mac or "")
        mac.setReadOnly(True)
        mac.setAccessibleName(
            translate("details.hardware_editors", "{label} MAC address").format(label=self.label)
        )
        self.link = _checkbox(
            translate("details.hardware_editors", "Link up (cable plugged in)"),
            translate("details.hardware_editors", "{label} link up").format(label=self.label),
            self._up,
        )
        self.form.addRow(translate("details.hardware_editors", "Connection:"), self.kind)
        self.form.addRow(translate("details.hardware_editors", "Network / bridge:"), self.source)
        self.form.addRow(translate("details.hardware_editors", "Model:"), self.model)
        self.form.addRow(translate("details.hardware_editors", "MAC:"), mac)
        self.form.addRow(self.link)
        self._watch(self.kind, self.source, self.model, self.link)
        self._offer_now()

    @Slot(str)
    def _on_kind_changed(self, kind: str) -> None:
        show_nic_sources(self.source, kind, self.state.networks,
                         self._source if kind == self._kind else "")

    def _settings(self) -> tuple[str, str, str]:
        return self.kind.currentText(), self.source.currentText().strip(), self.model.currentText()

    def _offer_now(self) -> None:
        settings_same = self._settings() == (self._kind, self._source, self._model)
        live = self.running and settings_same and (
            self.removing or self.link.isChecked() != self._up)
        self.when.offer_now(
            live,
            translate(
                "details.hardware_editors",
                "Only the link state and removal change on a running VM.",
            ),
        )

    def field_changes(self, when: When) -> list[Change]:
        changes = []
        if self.link.isChecked() != self._up:
            changes.append(set_link(self.item.key, self.link.isChecked(),
                                    self._live_or_boot(when)))
        kind, source, model = self._settings()
        if (kind, source, model) != (self._kind, self._source, self._model) and (
            When.NEXT_BOOT in when
        ):
            changes.append(update_interface(self.item.key, kind, source, model))
        return changes


class GraphicsEditor(ItemEditor):
    def __init__(self, item: ItemRef, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(item, state, parent)
        graphics = find_device(state.definition, item)
        assert isinstance(graphics, Graphics)
        self._type = graphics.type or "spice"
        listens = [listen.type for listen in graphics.listens]
        self._listen = "none" if listens == ["none"] else (
            "local" if graphics.listen_address == "127.0.0.1" else "other")
        self.type = combo_box(
            translate("details.hardware_editors", "Display protocol"), ("spice", "vnc"), self._type
        )
        self.listen = QComboBox()
        self.listen.setAccessibleName(translate("details.hardware_editors", "Display listens on"))
        self.listen.addItem(
            translate("details.hardware_editors", "Nowhere: local viewers attach through libvirt"),
            "none",
        )
        self.listen.addItem(
            translate("details.hardware_editors", "127.0.0.1 only (for SSH tunnels)"),
            "local",
        )
        if self._listen == "other":
            self.listen.addItem(
                translate("details.hardware_editors", "{value} (as defined)").format(
                    value=graphics.listen_address or "other"
                ),
                "other",
            )
        self.listen.setCurrentIndex(self.listen.findData(self._listen))
        self.form.addRow(translate("details.hardware_editors", "Protocol:"), self.type)
        self.form.addRow(translate("details.hardware_editors", "Listen:"), self.listen)
        self._watch(self.type, self.listen)
        self._offer_now()

    def field_changes(self, when: When) -> list[Change]:
        new_type, listen = self.type.currentText(), self.listen.currentData()
        if (new_type, listen) == (self._type, self._listen) or When.NEXT_BOOT not in when:
            return []
        if listen == "other":
            listen = "local"
        return [set_graphics(self.item.key, new_type, listen)]


class DeviceEditor(ItemEditor):
    """A device that can be removed, and nothing else changed here (sound, TPM, RNG, USB)."""

    removable = True

    def __init__(self, item: ItemRef, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(item, state, parent)
        device = find_device(state.definition, item)
        assert device is not None
        about = plain_label(shown(describe_device(device)) or item.key)
        about.setAccessibleName(
            translate("details.hardware_editors", "{label}: about").format(label=self.label)
        )
        self.form.addRow(translate("details.hardware_editors", "Device:"), about)
        self._offer_now()

    def field_changes(self, when: When) -> list[Change]:
        return []


class SerialEditor(DeviceEditor):
    """A serial port: removed at next boot (an ISA port cannot be unplugged live)."""

    noun = "serial port"

    def _offer_now(self) -> None:
        self.when.offer_now(
            False,
            translate("details.hardware_editors", "A serial port is removed at the next boot."),
        )


class VideoEditor(ItemEditor):
    removable = True
    noun = "video card"

    def __init__(self, item: ItemRef, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(item, state, parent)
        self.model = combo_box(
            translate("details.hardware_editors", "Video model"), VIDEO_MODELS, item.key
        )
        self.form.addRow(translate("details.hardware_editors", "Model:"), self.model)
        self._watch(self.model)
        self._offer_now()

    def field_changes(self, when: When) -> list[Change]:
        if self.model.currentText() == self.item.key or When.NEXT_BOOT not in when:
            return []
        return [set_video_model(self.item.key, self.model.currentText())]


class WatchdogEditor(ItemEditor):
    removable = True
    noun = "watchdog"

    def __init__(self, item: ItemRef, state: HardwareState, parent: QWidget | None = None) -> None:
        super().__init__(item, state, parent)
        watchdog = find_device(state.definition, item)
        assert isinstance(watchdog, Watchdog)
        self._action = watchdog.action or "reset"
        self.action = combo_box(
            translate("details.hardware_editors", "Watchdog action"), WATCHDOG_ACTIONS, self._action
        )
        self.form.addRow(translate("details.hardware_editors", "When it fires:"), self.action)
        self._watch(self.action)
        self._offer_now()

    def field_changes(self, when: When) -> list[Change]:
        if self.action.currentText() == self._action or When.NEXT_BOOT not in when:
            return []
        return [set_watchdog_action(self.item.key, self.action.currentText())]


EDITORS: dict[str, type[ItemEditor]] = {
    "cpu": CpuEditor, "memory": MemoryEditor, "boot": BootEditor, "disk": DiskEditor,
    "interface": NicEditor, "graphics": GraphicsEditor, "video": VideoEditor,
    "watchdog": WatchdogEditor, "sound": DeviceEditor, "tpm": DeviceEditor,
    "rng": DeviceEditor, "hostdev": DeviceEditor, "serial": SerialEditor,
}
