"""Small non-modal forms of the Host window: a new pool, a new or resized volume.

Each form checks what is typed with the core's own rules and emits what the
user chose; it never calls libvirt.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kvmgui.core.pools import POOL_KIND_LABELS, VOLUME_FORMATS, PoolKind, PoolSpec

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
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #c62828")
        self.problem_label.setWordWrap(True)
        named(self.problem_label, "Problem")
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
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        if not self.problem():
            self.emit_choice()
            super().accept()

    def emit_choice(self) -> None:
        raise NotImplementedError


class NewPoolDialog(FormDialog):
    """Kind, name, directory and source of a new pool."""

    pool_chosen = Signal(object)  # PoolSpec

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("New Storage Pool", "Create", parent)
        self.kind = QComboBox()
        for kind, label in POOL_KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.name = QLineEdit()
        self.target = QLineEdit()
        self.target.setPlaceholderText("/var/lib/libvirt/images/…")
        self.source = QLineEdit()
        for widget, label in ((self.kind, "Pool type"), (self.name, "Pool name"),
                              (self.target, "Directory"), (self.source, "Source")):
            self.form.addRow(f"{label}:", named(widget, label))
        self.kind.currentIndexChanged.connect(self.on_changed)
        for edit in (self.name, self.target, self.source):
            edit.textChanged.connect(self.on_changed)
        self.finish_form()

    def spec(self) -> PoolSpec:
        return PoolSpec(self.kind.currentData(), self.name.text().strip(),
                        self.target.text().strip(), self.source.text().strip())

    def problem(self) -> str:
        kind = self.kind.currentData()
        self.target.setEnabled(kind is not PoolKind.LOGICAL)
        self.source.setEnabled(kind is not PoolKind.DIR)
        self.source.setPlaceholderText(
            "host:/export" if kind is PoolKind.NETFS else "/dev/…"
        )
        return self.spec().problem()

    def emit_choice(self) -> None:
        self.pool_chosen.emit(self.spec())


class VolumeSizeDialog(FormDialog):
    """A new volume's name, format and size; or, given ``resize_of``, a volume's new size."""

    volume_chosen = Signal(str, str, int)  # name, format, size in bytes

    def __init__(
        self, parent: QWidget | None = None, *, resize_of: str = "", size_bytes: int = 10 * GIB,
    ) -> None:
        super().__init__(f"Resize {resize_of}" if resize_of else "New Volume",
                         "Resize" if resize_of else "Create", parent)
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
        for widget, label in ((self.name, "Volume name"), (self.format, "Format"),
                              (self.size_box, "Size")):
            self.form.addRow(f"{label}:", named(widget, label))
        self.name.textChanged.connect(self.on_changed)
        self.finish_form()

    def size_bytes(self) -> int:
        return round(self.size_box.value() * GIB)

    def problem(self) -> str:
        name = self.name.text().strip()
        if not name or "/" in name:
            return "Enter a volume name without '/'."
        return ""

    def emit_choice(self) -> None:
        self.volume_chosen.emit(self.name.text().strip(), self.format.currentText(),
                                self.size_bytes())
