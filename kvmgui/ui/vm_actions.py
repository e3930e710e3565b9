"""What can be done to virtual machines, as QActions that any window can show.

The main window acts on the VMs selected in its list, a details window on the
VM it shows: each has a :class:`VmActions` that asks it for its selection and
enables the actions by the states of the VMs in it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QMenu,
    QMessageBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.consoles import send_key_combo
from kvmgui.core.domain import DomainInfo
from kvmgui.core.lifecycle import Action, delete_domain
from kvmgui.core.metadata import change_tags
from kvmgui.core.texts import Translatable
from kvmgui.ui.console.send_keys import SendKeyMenu
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.widgets.actions import make_action

# The dialogs and the operations behind them (cloning, templates, SSH,
# addresses) are imported where an action opens or runs them: the window's
# first paint needs only the actions (bench_startup.py).
if TYPE_CHECKING:
    from kvmgui.core.addresses import GuestAddress
    from kvmgui.core.consoles import KeyCombo
    from kvmgui.ui.clone_dialog import CloneDialog
    from kvmgui.ui.console.ssh_window import SshWindow
    from kvmgui.ui.console.viewer_launcher import ViewerLauncher
    from kvmgui.ui.delete_dialog import Deletion
    from kvmgui.ui.details.snapshots_tab import RevertDialog, TakeSnapshotDialog
    from kvmgui.ui.tags_dialog import TagChange, TagsDialog

ACTION_SHORTCUTS = {
    Action.START: "Ctrl+R",
    Action.PAUSE: "Ctrl+P",
    Action.RESUME: "Ctrl+Shift+P",
    Action.SHUTDOWN: "Ctrl+D",
    Action.REBOOT: "Ctrl+Shift+R",
    Action.FORCE_OFF: "Ctrl+Shift+D",
    Action.SAVE: "Ctrl+Shift+S",
}
# Asked before acting on several VMs at once: what each loses.
CONFIRMED_FOR_SEVERAL = {
    Action.FORCE_OFF: Translatable(
        "vm_actions",
        "Each stops at once, like pulling its power cord: "
        "what its guest has not written to disk is lost.",
    ),
    Action.SAVE: Translatable(
        "vm_actions",
        "Each is stopped with its memory saved to the host's disk, "
        "which needs as much free space as their memory.",
    ),
}
# Behind the Shut Down button's arrow, in the toolbar.
SHUTDOWN_MENU = (Action.REBOOT, Action.FORCE_OFF, Action.SAVE)


@dataclass(frozen=True)
class SelectedDomain:
    connection: Connection
    info: DomainInfo


class VmActions(QObject):
    """Lifecycle actions, Delete, Open Console and Send Key for a window's selection.

    ``selection`` returns the VMs the window acts on now; the window calls
    :meth:`update_enabled` when that selection or a selected VM's state changes.
    Failures go to the op runner's default display; refusals (a VM in the
    wrong state) too.
    """

    # A snapshot was taken or reverted to through these actions: (connection, uuid).
    snapshots_changed = Signal(object, str)
    vm_started = Signal(object, object)  # Connection, DomainInfo: a VM this made and started
    said = Signal(str)  # news for the status bar (not a failure)
    ssh_window_opened = Signal(object)  # SshWindow

    def __init__(
        self,
        selection: Callable[[], list[SelectedDomain]],
        ops: OpRunner,
        viewer_launcher: Callable[[], ViewerLauncher],
        window: QWidget,
    ) -> None:
        """``viewer_launcher`` gives the app's launcher when a console is opened
        (it is made then: see :attr:`kvmgui.ui.app.App.viewer_launcher`)."""
        super().__init__(window)
        self._selection = selection
        self._ops = ops
        self._viewer_launcher = viewer_launcher
        self._window = window
        # The open "act on several VMs?" question, if any.
        self.confirmation: QMessageBox | None = None
        self.lifecycle: dict[Action, QAction] = {
            action: make_action(
                self,
                shown(action.spec.label),
                ACTION_SHORTCUTS[action],
                partial(self.run, action),
                translate("vm_actions", "{label} the selected virtual machines").format(
                    label=shown(action.spec.label)
                ),
            )
            for action in Action
        }
        self.delete_action = make_action(
            self, translate("vm_actions", "Delete…"), QKeySequence.StandardKey.Delete, self.delete,
            translate("vm_actions", "Delete the selected virtual machines"),
        )
        self.open_console_action = make_action(
            self,
            translate("vm_actions", "Open Console"),
            "Ctrl+O",
            self.open_console,
            translate("vm_actions", "Open the graphical console of the selected VMs"),
        )
        self.send_key_menu = SendKeyMenu(window)
        self.send_key_menu.key_requested.connect(self.send_key)
        self._create_snapshot_actions()
        self._create_test_vm_actions()
        self.update_enabled()

    # ------------------------------------------------------------- showing

    def fill_menu(self, menu: QMenu) -> None:
        """Open Console, Send Key, the lifecycle actions and Delete, in that order."""
        menu.addAction(self.open_console_action)
        menu.addMenu(self.send_key_menu)
        menu.addSeparator()
        menu.addActions(list(self.lifecycle.values()))
        menu.addSeparator()
        menu.addActions(self.snapshot_actions)
        menu.addSeparator()
        self._fill_test_vm_menu(menu)
        menu.addSeparator()
        menu.addAction(self.delete_action)

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        """Open Console, then Start, Pause, Resume, Shut Down (the others in its menu), Delete."""
        toolbar.addAction(self.open_console_action)
        toolbar.addSeparator()
        for action in (Action.START, Action.PAUSE, Action.RESUME):
            toolbar.addAction(self.lifecycle[action])
        shutdown_button = QToolButton()
        shutdown_button.setDefaultAction(self.lifecycle[Action.SHUTDOWN])
        shutdown_menu = QMenu(shutdown_button)
        shutdown_menu.addActions([self.lifecycle[action] for action in SHUTDOWN_MENU])
        shutdown_button.setMenu(shutdown_menu)
        shutdown_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        toolbar.addWidget(shutdown_button)
        toolbar.addAction(self.delete_action)

    @Slot()
    def update_enabled(self) -> None:
        selected = self._selection()
        for action, qaction in self.lifecycle.items():
            qaction.setEnabled(any(action.allowed_for(s.info) for s in selected))
        self.delete_action.setEnabled(bool(selected))
        self.open_console_action.setEnabled(bool(selected))
        self.send_key_menu.setEnabled(any(s.info.state.is_active for s in selected))
        self._update_snapshot_actions(selected)
        self._update_test_vm_actions(selected)

    # -------------------------------------------------------------- acting

    def run(self, action: Action) -> None:
        """Run ``action`` on every selected VM that allows it; say why for the others.

        Force Off and Save on several VMs at once are asked first
        (:attr:`confirmation`): one keystroke must not pull the plug on a fleet.
        """
        selected = self._selection()
        refusals = [action.refusal(s.info) for s in selected if not action.allowed_for(s.info)]
        targets = [s for s in selected if action.allowed_for(s.info)]
        if refusals:
            self._ops.report(" ".join(refusals))
        if len(targets) > 1 and action in CONFIRMED_FOR_SEVERAL:
            self._confirm(action, targets)
        else:
            self._run_on(action, targets)

    def _run_on(self, action: Action, targets: list[SelectedDomain]) -> None:
        if len(targets) == 1:
            item = targets[0]
            what = translate("vm_actions", "Could not {verb} {name}").format(
                verb=shown(action.spec.verb), name=item.info.name
            )
            self._ops.run(item.connection.call_domain(what, item.info.uuid, action.spec.run))
        elif targets:
            # A group (several VMs, or a tag group's row): one progress window,
            # the failures in its rows, one summary in the status bar.
            from kvmgui.ui.group_progress import GroupActionDialog

            progress = GroupActionDialog(action, targets, self._ops, self._window)
            progress.ended.connect(self.said)
            progress.show()
            progress.start()

    def _confirm(self, action: Action, targets: list[SelectedDomain]) -> None:
        names = ", ".join(item.info.name for item in targets)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("vm_actions", "{label} {len} virtual machines?").format(
                label=shown(action.spec.label), len=len(targets)
            ),
            translate("vm_actions", "{label} {len} virtual machines: {names}?\n\n").format(
                label=shown(action.spec.label), len=len(targets), names=names
            )
            + shown(CONFIRMED_FOR_SEVERAL[action]),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        go = box.addButton(shown(action.spec.label), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(partial(self._on_confirmed, box, go, action, targets))
        self.confirmation = box
        box.open()

    def _on_confirmed(
        self, box: QMessageBox, go: QAbstractButton, action: Action,
        targets: list[SelectedDomain], _result: int,
    ) -> None:
        self.confirmation = None
        box.deleteLater()
        if box.clickedButton() is go:
            self._run_on(action, targets)

    def delete(self) -> None:
        """Ask which storage goes with the selected VMs, then delete them.

        Templates whose disks back clones are said first, with those clones.
        """
        selected = self._selection()
        if not selected:
            return
        templates = [s for s in selected if s.info.is_template]
        if templates:
            self._ops.run(
                _clones_of_templates(templates),
                partial(self._warn_about_clones, selected), owner=self._window,
            )
            return
        self._open_delete_dialog(selected)

    def _warn_about_clones(
        self, selected: list[SelectedDomain], clones: dict[str, list[str]]
    ) -> None:
        if not clones:
            self._open_delete_dialog(selected)
            return
        lines = [
            translate("vm_actions", "{template} backs the disks of: {join}.").format(
                template=template, join=", ".join(names)
            )
            for template, names in clones.items()
        ]
        self._ask(
            QMessageBox.Icon.Warning,
            translate("vm_actions", "Delete Template"),
            "\n".join(lines)
            + translate(
                "vm_actions",
                "\nThose clones read through the template's disks: deleting "
                "its disks leaves them unable to start.",
            ),
            translate("vm_actions", "Continue…"),
            partial(self._open_delete_dialog, selected),
        )

    def _ask(
        self, icon: QMessageBox.Icon, title: str, text: str, accept: str,
        on_accept: Callable[[], object],
    ) -> None:
        """A window-modal question with Cancel and ``accept``; ``on_accept`` if accepted."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Cancel, self._window)
        box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.setAccessibleName(title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(on_accept)
        box.open()

    def _open_delete_dialog(self, selected: list[SelectedDomain]) -> None:
        from kvmgui.ui.delete_dialog import DeleteDialog

        dialog = DeleteDialog([(s.connection, s.info) for s in selected], self._ops, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.deletion_chosen.connect(self.on_deletion_chosen)
        dialog.open()

    @Slot(object)
    def on_deletion_chosen(self, deletions: list[Deletion]) -> None:
        for deletion in deletions:
            info = deletion.info
            # Not owned by the window: a delete that started finishes, and its
            # partial failure is still said, after the window has closed.
            self._ops.run(
                deletion.connection.call_domain(
                    translate("vm_actions", "Could not delete {name}").format(name=info.name),
                    info.uuid,
                    partial(
                        delete_domain,
                        volume_paths=deletion.volume_paths,
                        confirmed_shared=deletion.confirmed_shared,
                    ),
                ),
                partial(_report_storage_left, self._ops, info),
            )

    def open_console(self) -> None:
        for item in self._selection():
            self._viewer_launcher().open(item.connection, item.info)

    @Slot(object)
    def send_key(self, combo: KeyCombo) -> None:
        for item in self._selection():
            if item.info.state.is_active:
                self._ops.run(
                    item.connection.call_domain(
                        translate("vm_actions", "Could not send {label} to {name}").format(
                            label=combo.label, name=item.info.name
                        ),
                        item.info.uuid,
                        partial(send_key_combo, combo=combo),
                    )
                )


    # ----------------------------------------------------------- snapshots
    # Take Snapshot… and Revert to… act on one VM: the first selected.

    def _create_snapshot_actions(self) -> None:
        self.take_snapshot_action = make_action(
            self,
            translate("vm_actions", "Take Snapshot…"),
            "Ctrl+Alt+S",
            self.take_snapshot,
            translate("vm_actions", "Take a snapshot of the selected virtual machine"),
        )
        self.revert_snapshot_action = make_action(
            self, translate("vm_actions", "Revert to…"), None, self.revert_to_snapshot,
            translate("vm_actions", "Revert the selected virtual machine to one of its snapshots"),
        )
        self.snapshot_actions = [self.take_snapshot_action, self.revert_snapshot_action]

    def _update_snapshot_actions(self, selected: list[SelectedDomain]) -> None:
        for action in self.snapshot_actions:
            action.setEnabled(bool(selected) and selected[0].info.persistent)

    def take_snapshot(self) -> None:
        from kvmgui.ui.details.snapshots_tab import TakeSnapshotDialog

        self._open_snapshot_dialog(TakeSnapshotDialog)

    def revert_to_snapshot(self) -> None:
        from kvmgui.ui.details.snapshots_tab import RevertDialog

        self._open_snapshot_dialog(RevertDialog)

    def _open_snapshot_dialog(self, dialog_class: type[TakeSnapshotDialog | RevertDialog]) -> None:
        selected = self._selection()
        if not selected:
            return
        vm = selected[0]
        dialog = dialog_class(vm.connection, vm.info, self._ops, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self.snapshots_changed.emit, vm.connection, vm.info.uuid))
        dialog.open()

    # ------------------------------------- the test-VM workflow (issue 10)

    def _create_test_vm_actions(self) -> None:
        self.clone_action = make_action(
            self,
            translate("vm_actions", "Clone…"),
            "Ctrl+Shift+C",
            self.clone,
            translate("vm_actions", "Make one or more clones (full or linked) of the selected VM"),
        )
        self.tags_action = make_action(
            self,
            translate("vm_actions", "Tags…"),
            "Ctrl+Shift+T",
            self.edit_tags,
            translate("vm_actions", "Add or remove tags on the selected virtual machines"),
        )
        self.make_template_action = make_action(
            self,
            translate("vm_actions", "Make Template…"),
            None,
            self.make_template,
            translate(
                "vm_actions", "Keep the selected shut-off VMs as templates for linked clones"
            ),
        )
        self.throwaway_action = make_action(
            self,
            translate("vm_actions", "Run Throwaway"),
            None,
            self.run_throwaway,
            translate(
                "vm_actions",
                "Start a temporary copy of the selected shut-off VM; it is gone when it shuts down",
            ),
        )

        self.copy_ssh_action = make_action(
            self,
            translate("vm_actions", "Copy SSH Command"),
            None,
            self.copy_ssh_command,
            translate(
                "vm_actions", "Copy the command that logs into the selected running VM over SSH"
            ),
        )
        self.open_ssh_action = make_action(
            self,
            translate("vm_actions", "Open SSH Terminal"),
            None,
            self.open_ssh_terminal,
            translate(
                "vm_actions", "Log into the selected running VM over SSH in a terminal window"
            ),
        )
        self._ssh_windows: list[SshWindow] = []

    def _fill_test_vm_menu(self, menu: QMenu) -> None:
        menu.addActions([self.open_ssh_action, self.copy_ssh_action])
        menu.addSeparator()
        menu.addActions([self.clone_action, self.throwaway_action, self.tags_action,
                         self.make_template_action])

    def _update_test_vm_actions(self, selected: list[SelectedDomain]) -> None:
        # Enabled for a running VM too: the dialog offers a clone from a snapshot.
        self.clone_action.setEnabled(len(selected) == 1)
        self.tags_action.setEnabled(bool(selected))
        self.make_template_action.setEnabled(any(_can_be_template(s.info) for s in selected))
        self.throwaway_action.setEnabled(
            len(selected) == 1 and not selected[0].info.state.is_active
        )
        one_running = len(selected) == 1 and selected[0].info.state.is_active
        self.copy_ssh_action.setEnabled(one_running)
        self.open_ssh_action.setEnabled(one_running)

    def clone(self) -> CloneDialog | None:
        """Open the clone dialog on the one selected VM."""
        selected = self._selection()
        if len(selected) != 1:
            return None
        item = selected[0]
        from kvmgui.ui.clone_dialog import CloneDialog

        dialog = CloneDialog(item.connection, item.info, self._ops, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_tags(self) -> TagsDialog | None:
        """Open the tags dialog on the selected VMs; OK changes every one of them."""
        selected = self._selection()
        if not selected:
            return None
        from kvmgui.ui.tags_dialog import TagsDialog

        dialog = TagsDialog([item.info for item in selected], self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.tags_chosen.connect(partial(self.change_tags, selected))
        dialog.open()
        return dialog

    def copy_ssh_command(self) -> None:
        self._with_ssh_command(self._copy_ssh_command)

    def open_ssh_terminal(self) -> None:
        self._with_ssh_command(self._open_ssh_terminal)

    def _with_ssh_command(self, then: Callable[[SelectedDomain, list[str]], object]) -> None:
        """Read the one selected VM's address now, then ``then(vm, ssh arguments)``."""
        selected = self._selection()
        if len(selected) != 1:
            return
        item = selected[0]
        from kvmgui.core.addresses import primary_address, read_addresses
        from kvmgui.core.ssh import known_hosts_path, ssh_command

        def build(addresses: tuple[GuestAddress, ...]) -> None:
            address = primary_address(addresses)
            if not address:
                self._ops.report(
                    translate(
                        "vm_actions",
                        "{name} has no IP address yet (no DHCP lease, guest agent or ARP entry): "
                        "wait until it is up, then try again.",
                    ).format(name=item.info.name)
                )
                return
            user = item.info.labels.metadata.ssh_user
            known_hosts = known_hosts_path(item.info.uuid)
            then(item, ssh_command(address, user, known_hosts, item.connection.uri))

        self._ops.run(
            item.connection.call_domain(
                translate("vm_actions", "Could not read the address of {name}").format(
                    name=item.info.name
                ),
                item.info.uuid,
                read_addresses,
            ),
            build,
        )

    def _copy_ssh_command(self, item: SelectedDomain, args: list[str]) -> None:
        from kvmgui.core.ssh import ssh_command_line

        line = ssh_command_line(args)
        QGuiApplication.clipboard().setText(line)
        self.said.emit(translate("vm_actions", "Copied: {line}").format(line=line))

    def _open_ssh_terminal(self, item: SelectedDomain, args: list[str]) -> None:
        # The terminal (pyte) is loaded with the first SSH window, not at start.
        from kvmgui.core.ssh import known_hosts_path
        from kvmgui.ui.console.ssh_window import SshWindow

        known_hosts = known_hosts_path(item.info.uuid)
        known_hosts.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        window = SshWindow(
            translate("vm_actions", "SSH: {name}").format(name=item.info.name),
            args,
            str(known_hosts),
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ssh_windows.append(window)
        window.destroyed.connect(lambda: self._ssh_windows.remove(window))
        window.resize(760, 480)
        window.show()
        self.ssh_window_opened.emit(window)

    def run_throwaway(self) -> None:
        """Start a throwaway VM of the one selected shut-off VM."""
        selected = self._selection()
        if len(selected) != 1:
            return
        item = selected[0]
        from kvmgui.core.throwaway import run_throwaway

        self._ops.run(
            item.connection.call(
                translate("vm_actions", "Could not run a throwaway of {name}").format(
                    name=item.info.name
                ),
                partial(run_throwaway, source_uuid=item.info.uuid, progress=lambda _step: None),
            ),
            partial(self.vm_started.emit, item.connection),
        )

    def make_template(self) -> None:
        """Ask, then make the selected shut-off VMs templates."""
        targets = [s for s in self._selection() if _can_be_template(s.info)]
        if not targets:
            return
        names = ", ".join(item.info.name for item in targets)
        self._ask(
            QMessageBox.Icon.Question,
            translate("vm_actions", "Make Template"),
            translate(
                "vm_actions",
                "Make {names} a template? Its disks become read-only for its own guest, so that "
                "its linked clones stay sound; clones get writable disks of their own.",
            ).format(names=names),
            translate("vm_actions", "Make Template"),
            partial(self._make_templates, targets),
        )

    def _make_templates(self, targets: list[SelectedDomain]) -> None:
        from kvmgui.core.templates import make_template

        for item in targets:
            self._ops.run(
                item.connection.call_domain(
                    translate("vm_actions", "Could not make {name} a template").format(
                        name=item.info.name
                    ),
                    item.info.uuid,
                    make_template,
                )
            )

    def change_tags(self, targets: list[SelectedDomain], change: TagChange) -> None:
        # The list shows the new tags when libvirt's metadata event arrives,
        # in this kvmgui and in any other that watches the same host.
        for item in targets:
            self._ops.run(
                item.connection.call_domain(
                    translate("vm_actions", "Could not change the tags of {name}").format(
                        name=item.info.name
                    ),
                    item.info.uuid,
                    partial(change_tags, added=change.added, removed=change.removed),
                )
            )


def _can_be_template(info: DomainInfo) -> bool:
    return info.persistent and not info.state.is_active and not info.is_template


async def _clones_of_templates(templates: list[SelectedDomain]) -> dict[str, list[str]]:
    from kvmgui.core.templates import clones_backed_by

    clones: dict[str, list[str]] = {}
    for item in templates:
        names = await item.connection.call_domain(
            translate("vm_actions", "Could not look for the clones of {name}").format(
                name=item.info.name
            ),
            item.info.uuid,
            clones_backed_by,
        )
        if names:
            clones[item.info.name] = names
    return clones


def _report_storage_left(ops: OpRunner, info: DomainInfo, failures: list[str]) -> None:
    if failures:
        ops.report(
            translate("vm_actions", "{name} was deleted, but not all of its storage: ").format(
                name=info.name
            )
            + "; ".join(failures)
        )
