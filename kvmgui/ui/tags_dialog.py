"""Add and remove tags on one or many VMs at once."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.domain import DomainInfo
from kvmgui.core.metadata import normalize_tags, validate_tag
from kvmgui.ui.i18n import translate


@dataclass(frozen=True)
class TagChange:
    added: tuple[str, ...]
    removed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


class TagsDialog(QDialog):
    """Lists the tags of the VMs (ticked: all have it; half: some do) and takes new ones.

    It changes nothing itself: OK emits ``tags_chosen`` with what to add and
    remove on every VM, for whoever opened it to apply.
    """

    tags_chosen = Signal(object)  # TagChange

    def __init__(self, infos: list[DomainInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = ", ".join(info.name for info in infos[:3]) + ("…" if len(infos) > 3 else "")
        self.setWindowTitle(translate("tags_dialog", "Tags of {names}").format(names=names))
        self.setAccessibleName(translate("tags_dialog", "Edit tags"))
        self._count = len(infos)
        counts: dict[str, int] = {}
        for info in infos:
            for tag in info.tags:
                counts[tag] = counts.get(tag, 0) + 1
        self._initial = {tag: self._state(n) for tag, n in counts.items()}
        self.intro = QLabel(
            translate("tags_dialog", "Untick a tag to remove it")
            + (translate("tags_dialog", " from every VM.") if len(infos) > 1 else ".")
        )
        self.tag_list = QListWidget()
        self.tag_list.setAccessibleName(translate("tags_dialog", "Tags"))
        for tag in sorted(counts):
            item = QListWidgetItem(tag)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if self._initial[tag] is Qt.CheckState.PartiallyChecked:
                flags |= Qt.ItemFlag.ItemIsUserTristate
            item.setFlags(flags)
            item.setCheckState(self._initial[tag])
            self.tag_list.addItem(item)
        self.add_edit = QLineEdit()
        self.add_edit.setPlaceholderText(translate("tags_dialog", "New tags, separated by spaces"))
        self.add_edit.setAccessibleName(translate("tags_dialog", "New tags"))
        self.problem_label = QLabel()
        self.problem_label.setAccessibleName(translate("tags_dialog", "Problem"))
        self.problem_label.setStyleSheet("color: #b00020")
        self.problem_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tag_list)
        layout.addWidget(QLabel(translate("tags_dialog", "Add:")))
        layout.addWidget(self.add_edit)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.add_edit.textChanged.connect(self.validate)
        self.buttons.accepted.connect(self.on_accepted)
        self.buttons.rejected.connect(self.reject)

    def _state(self, count: int) -> Qt.CheckState:
        return Qt.CheckState.Checked if count == self._count else Qt.CheckState.PartiallyChecked

    def new_tags(self) -> list[str]:
        return self.add_edit.text().split()

    @Slot()
    def validate(self) -> None:
        problem = next(
            (f"{tag!r}: {p}" for tag in self.new_tags() if (p := validate_tag(tag))), None
        )
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None)
        self.ok_button.setEnabled(problem is None)

    def change(self) -> TagChange:
        """What to add to and remove from every VM, as the dialog stands."""
        added = set(normalize_tags(self.new_tags()))
        removed: set[str] = set()
        for row in range(self.tag_list.count()):
            item = self.tag_list.item(row)
            state = item.checkState()
            if state == self._initial[item.text()]:
                continue
            if state == Qt.CheckState.Checked:
                added.add(item.text())
            elif state == Qt.CheckState.Unchecked:
                removed.add(item.text())
        return TagChange(tuple(sorted(added)), tuple(sorted(removed - added)))

    @Slot()
    def on_accepted(self) -> None:
        change = self.change()
        if change:
            self.tags_chosen.emit(change)
        self.accept()
