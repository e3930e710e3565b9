"""Small non-modal forms of the Host window: a new pool, a new or resized volume, a network.

Each form checks what is typed with the core's own rules and emits what the
user chose; it never calls libvirt.
"""

from __future__ import annotations

import ipaddress
from typing import TypeVar

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from kvmgui.core.networks import NetworkMode, NetworkSpec
from kvmgui.core.pools import POOL_KIND_LABELS, VOLUME_FORMATS, PoolKind, PoolSpec
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.theme import set_tone_style
from kvmgui.ui.widgets.plain import plain_label

GIB = 1024**3
W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with ``name`` as its accessible name (screen readers, tests, tools)."""
    widget.setAccessibleName(name)
    return widget


class FormDialog(QDialog):
    """A form with a problem line and OK/Cancel; OK is enabled when ``problem()`` is ""."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.problem_label = plain_label()
        set_tone_style(self.problem_label, "color: $ERROR;")
        self.problem_label.setWordWrap(True)
        named(self.problem_label, translate("host.forms", "Problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        named(self.ok_button, ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_form(self) -> None:
        self.form.addRow(self.problem_label)
        self.form.addRow(self.buttons)
        self.on_changed()

    def problem(self) -> str:
        raise NotImplementedError

    @Slot()
    def on_changed(self) -> None:
        problem = self.problem()
        self.problem_label.setText(shown(problem))
        self.problem_label.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        if not self.problem():
            self.emit_choice()
            super().accept()

    def emit_choice(self) -> None:
        raise NotImplementedError


class SpecDialog(FormDialog):
    """A form whose answer is a spec (of a pool, a network) that has its own ``problem()``."""

    spec_chosen = Signal(object)

    def spec(self) -> PoolSpec | NetworkSpec:
        raise NotImplementedError

    def problem(self) -> str:
        self.update_fields()
        return self.spec().problem()

    def update_fields(self) -> None:
        """Enable the fields that the current choices use."""

    def emit_choice(self) -> None:
        self.spec_chosen.emit(self.spec())


class NewPoolDialog(SpecDialog):
    """Kind, name, directory and source of a new pool."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("host.forms", "New Storage Pool"), translate("host.forms", "Create"), parent
        )
        self.kind = QComboBox()
        for kind, label in POOL_KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.name = QLineEdit()
        self.target = QLineEdit()
        self.target.setPlaceholderText("/var/lib/libvirt/images/…")
        self.source = QLineEdit()
        for widget, label in (
            (self.kind, translate("host.forms", "Pool type")),
            (self.name, translate("host.forms", "Pool name")),
            (self.target, translate("host.forms", "Directory")),
            (self.source, translate("host.forms", "Source")),
        ):
            self.form.addRow(f"{label}:", named(widget, label))
        self.kind.currentIndexChanged.connect(self.on_changed)
        for edit in (self.name, self.target, self.source):
            edit.textChanged.connect(self.on_changed)
        self.finish_form()

    def spec(self) -> PoolSpec:
        return PoolSpec(self.kind.currentData(), self.name.text().strip(),
                        self.target.text().strip(), self.source.text().strip())

    def update_fields(self) -> None:
        kind = self.kind.currentData()
        self.target.setEnabled(kind is not PoolKind.LOGICAL)
        self.source.setEnabled(kind is not PoolKind.DIR)
        self.source.setPlaceholderText(
            "host:/export"
            if kind is PoolKind.NETFS
            else "/dev/…"
        )


class VolumeSizeDialog(FormDialog):
    """A new volume's name, format and size; or, given ``resize_of``, a volume's new size."""

    volume_chosen = Signal(str, str, int)  # name, format, size in bytes

    def __init__(
        self, parent: QWidget | None = None, *, resize_of: str = "", size_bytes: int = 10 * GIB,
    ) -> None:
        super().__init__(
            translate("host.forms", "Resize {resize_of}").format(resize_of=resize_of)
            if resize_of
            else translate("host.forms", "New Volume"),
            translate("host.forms", "Resize") if resize_of else translate("host.forms", "Create"),
            parent,
        )
        self.name = QLineEdit(resize_of)
        self.name.setReadOnly(bool(resize_of))
        self.format = QComboBox()
        self.format.addItems(VOLUME_FORMATS)
        self.format.setEnabled(not resize_of)
        self.size_box = QDoubleSpinBox()
        self.size_box.setRange(0.001, 64 * 1024)
        self.size_box.setDecimals(3)
        self.size_box.setSuffix(" GiB")
        self.size_box.setValue(size_bytes / GIB)
        for widget, label in (
            (self.name, translate("host.forms", "Volume name")),
            (self.format, translate("host.forms", "Format")),
            (self.size_box, translate("host.forms", "Size")),
        ):
            self.form.addRow(f"{label}:", named(widget, label))
        self.name.textChanged.connect(self.on_changed)
        self.finish_form()

    def size_bytes(self) -> int:
        return round(self.size_box.value() * GIB)

    def problem(self) -> str:
        name = self.name.text().strip()
        if not name or "/" in name:
            return translate("host.forms", "Enter a volume name without '/'.")
        return ""

    def emit_choice(self) -> None:
        self.volume_chosen.emit(self.name.text().strip(), self.format.currentText(),
                                self.size_bytes())


class NewNetworkDialog(SpecDialog):
    """Name, mode, subnet and DHCP range of a new network (the range follows the subnet)."""

    def __init__(self, parent: QWidget | None = None, subnet: str = "192.168.150.0/24") -> None:
        super().__init__(
            translate("host.forms", "New Virtual Network"),
            translate("host.forms", "Create"),
            parent,
        )
        self.name = QLineEdit()
        self.mode = QComboBox()
        for mode in NetworkMode:
            self.mode.addItem(mode.value, mode)
        self.subnet = QLineEdit(subnet)
        self.dhcp_start = QLineEdit()
        self.dhcp_end = QLineEdit()
        self.forward_device = QLineEdit()
        self.forward_device.setPlaceholderText(translate("host.forms", "any host interface"))
        for widget, label in (
            (self.name, translate("host.forms", "Network name")),
            (self.mode, translate("host.forms", "Mode")),
            (self.subnet, translate("host.forms", "Subnet")),
            (self.dhcp_start, translate("host.forms", "DHCP start")),
            (self.dhcp_end, translate("host.forms", "DHCP end")),
            (self.forward_device, translate("host.forms", "Forward device")),
        ):
            self.form.addRow(f"{label}:", named(widget, label))
        self.mode.currentIndexChanged.connect(self.on_changed)
        self.subnet.textChanged.connect(self.on_subnet_changed)
        for edit in (self.name, self.dhcp_start, self.dhcp_end, self.forward_device):
            edit.textChanged.connect(self.on_changed)
        self.on_subnet_changed()
        self.finish_form()

    @Slot()
    def on_subnet_changed(self) -> None:
        try:
            subnet = ipaddress.IPv4Network(self.subnet.text().strip())
        except ValueError:
            self.on_changed()
            return
        hosts = subnet.num_addresses
        # The upper half of the subnet, as virt-manager proposes.
        self.dhcp_start.setText(str(subnet.network_address + hosts // 2))
        self.dhcp_end.setText(str(subnet.broadcast_address - 1))

    def spec(self) -> NetworkSpec:
        return NetworkSpec(self.name.text().strip(), self.mode.currentData(),
                           self.subnet.text().strip(), self.dhcp_start.text().strip(),
                           self.dhcp_end.text().strip(), self.forward_device.text().strip())

    def update_fields(self) -> None:
        self.forward_device.setEnabled(self.mode.currentData() is not NetworkMode.ISOLATED)
