"""What every tab of the Host window shares: reading on show, ops that re-read, confirmations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.networks import NetworkSpec
from kvmgui.core.pools import PoolSpec
from kvmgui.ui.host.forms import SpecDialog, named
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.widgets.plain import plain_label


def button(text: str, tip: str = "") -> QPushButton:
    """A push button named as it reads (without the ellipsis)."""
    push = QPushButton(text)
    push.setToolTip(tip or text)
    return named(push, text.rstrip("…"))


class HostTab(QWidget):
    """A view of one kind of host resource; it reads the host each time it is shown."""

    def __init__(
        self, connection: Connection, ops: OpRunner, what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        self.ops = ops
        self.status = named(plain_label(), translate("host.tab", "{what} status").format(what=what))
        self.status.setWordWrap(True)

    def refresh(self) -> None:
        raise NotImplementedError

    def selected_name(self) -> str:
        """The name of the chosen pool, network…, or ""."""
        return ""

    def run_on_selected(self, what: str, fn: Callable[..., object], **arguments: object) -> None:
        """Run ``fn(virConnect, name=<the chosen one>, **arguments)`` as an op."""
        name = self.selected_name()
        if name:
            self.run_op(f"{what} {name}", partial(fn, name=name, **arguments))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # shown by the app, not the window system
            self.refresh()

    def run_op(self, what: str, fn: Callable[[Any], object]) -> None:
        """Run ``fn(virConnect)`` as ``what``; the view is read again after it."""
        self.status.setText(f"{what}…")
        self.ops.run(self.connection.call(what, fn), lambda _result: self.op_done(what),
                     on_failure=self.show_failure, owner=self)

    def op_done(self, what: str) -> None:
        self.status.setText(translate("host.tab", "{what}: done.").format(what=what))
        self.refresh()

    def show_failure(self, error: Exception) -> None:
        self.status.setText(str(error))
        self.ops.report(str(error))

    def confirm_delete(
        self, title: str, text: str, on_delete: Callable[[bool], None], also: str = "",
    ) -> QMessageBox:
        """Ask before deleting (Cancel is the default); ``on_delete(also ticked)`` on Delete."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names of volumes and VMs, never HTML
        delete = named(
            box.addButton(translate("host.tab", "Delete"), QMessageBox.ButtonRole.DestructiveRole),
            translate("host.tab", "Delete"),
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        also_box = None
        if also:
            also_box = named(QCheckBox(also), also)
            box.setCheckBox(also_box)

        def on_finished() -> None:
            if box.clickedButton() is delete:
                on_delete(also_box is not None and also_box.isChecked())

        box.finished.connect(on_finished)
        box.open()
        return box


class Resource(Protocol):
    """What a pool and a network have in common, as a ResourceTab lists them."""

    @property
    def name(self) -> str: ...
    @property
    def active(self) -> bool: ...
    @property
    def autostart(self) -> bool: ...
    @property
    def persistent(self) -> bool: ...


R = TypeVar("R", bound=Resource)
NAME_ROLE = Qt.ItemDataRole.UserRole


class ResourceTab(HostTab, Generic[R]):
    """A list of named resources that start, stop, autostart and can be deleted.

    Subclasses fill ``resource_list`` through :meth:`show_resources`, react to
    the choice in :meth:`on_selected` and add their own actions.
    """

    listed = Signal()

    def __init__(
        self, connection: Connection, ops: OpRunner, noun: str, list_name: str,
        headers: list[str], calls: ResourceCalls, parent: QWidget | None = None,
    ) -> None:
        super().__init__(connection, ops, list_name, parent)
        self._calls = calls
        self._noun = noun
        self._resources: dict[str, R] = {}
        self.resource_list = named(QTreeWidget(), list_name)
        self.resource_list.setHeaderLabels(headers)
        self.resource_list.setRootIsDecorated(False)
        self.new_button = button(
            translate("host.tab", "New {noun}…").format(noun=noun),
            # {noun} too: German keeps nouns capitalized
            translate("host.tab", "Define a new {lower}").format(lower=noun.lower(), noun=noun),
        )
        self.start_button = button(translate("host.tab", "Start"))
        self.stop_button = button(translate("host.tab", "Stop"), shown(calls.stop_tip))
        self.autostart_box = named(
            QCheckBox(translate("host.tab", "Autostart")), translate("host.tab", "Autostart")
        )
        self.autostart_box.setToolTip(translate("host.tab", "Start it when the host starts"))
        self.delete_button = button(translate("host.tab", "Delete {noun}…").format(noun=noun))
        self.resource_buttons = QHBoxLayout()
        for widget in (self.new_button, self.start_button, self.stop_button,
                       self.autostart_box, self.delete_button):
            self.resource_buttons.addWidget(widget)
        self.resource_list.itemSelectionChanged.connect(self.on_selected)
        self.new_button.clicked.connect(self.ask_new)
        self.start_button.clicked.connect(
            lambda: self.run_on_selected(translate("host.tab", "Start"), calls.start)
        )
        self.stop_button.clicked.connect(
            lambda: self.run_on_selected(translate("host.tab", "Stop"), calls.stop)
        )
        self.autostart_box.clicked.connect(self.on_autostart_clicked)
        self.delete_button.clicked.connect(self.ask_delete)

    def show_resources(self, resources: list[R], columns: Callable[[R], list[str]]) -> None:
        """List ``resources``, keeping the choice (else choosing the first)."""
        chosen = self.selected_name()
        self._resources = {resource.name: resource for resource in resources}
        blocked = self.resource_list.blockSignals(True)
        self.resource_list.clear()
        for resource in resources:
            item = QTreeWidgetItem(self.resource_list, columns(resource))
            item.setData(0, NAME_ROLE, resource.name)
            item.setSelected(resource.name == chosen)
        self.resource_list.blockSignals(blocked)
        for column in range(self.resource_list.columnCount() - 1):
            self.resource_list.resizeColumnToContents(column)
        first = self.resource_list.topLevelItem(0)
        if chosen not in self._resources and first is not None:
            first.setSelected(True)  # emits the selection change
        else:
            self.on_selected()
        self.listed.emit()

    def resource(self, name: str) -> R | None:
        return self._resources.get(name)

    def selected_name(self) -> str:
        items = self.resource_list.selectedItems()
        return str(items[0].data(0, NAME_ROLE)) if items else ""

    def select(self, name: str) -> None:
        for row in range(self.resource_list.topLevelItemCount()):
            item = self.resource_list.topLevelItem(row)
            if item is not None:
                item.setSelected(item.data(0, NAME_ROLE) == name)

    def names(self) -> list[str]:
        return list(self._resources)

    @Slot()
    def on_selected(self) -> None:
        self.update_actions()

    @Slot()
    def update_actions(self) -> None:
        chosen = self._resources.get(self.selected_name())
        self.start_button.setEnabled(chosen is not None and not chosen.active)
        self.stop_button.setEnabled(chosen is not None and chosen.active)
        self.delete_button.setEnabled(chosen is not None)
        self.autostart_box.setEnabled(chosen is not None and chosen.persistent)
        self.autostart_box.setChecked(chosen is not None and chosen.autostart)

    @Slot(bool)
    def on_autostart_clicked(self, checked: bool) -> None:
        self.run_on_selected(
            translate("host.tab", "Autostart")
            if checked
            else translate("host.tab", "No autostart for"),
            self._calls.set_autostart,
            autostart=checked,
        )

    def new_dialog(self) -> SpecDialog:
        raise NotImplementedError

    def ask_new(self) -> SpecDialog:
        """Open the form of a new one; it is defined (and started) when the form is accepted."""
        dialog = self.new_dialog()
        dialog.spec_chosen.connect(self.create_from_spec)
        dialog.open()
        return dialog

    def create_from_spec(self, spec: PoolSpec | NetworkSpec) -> None:
        self.run_op(
            translate("host.tab", "Create {lower} {name}").format(
                lower=self._noun.lower(), noun=self._noun, name=spec.name
            ),
            partial(self._calls.define, spec=spec),
        )

    def ask_delete(self) -> QMessageBox:
        raise NotImplementedError


@dataclass(frozen=True)
class ResourceCalls:
    """The core functions that define (from a spec), start, stop and autostart a kind of
    resource (by name)."""

    define: Callable[..., object]
    start: Callable[..., None]
    stop: Callable[..., None]
    set_autostart: Callable[..., None]
    stop_tip: str
