"""The main window: every connection's VMs in one list, and what can be done to them.

It renders and wires: the services come from :class:`kvmgui.ui.app.App`, the
actions on VMs from :class:`kvmgui.ui.vm_actions.VmActions`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.connection import Connection, ConnectionState, DomainChanges
from kvmgui.core.domain import DomainInfo
from kvmgui.core.uri import demo_uri
from kvmgui.ui.app import App
from kvmgui.ui.domain_list_view import DomainListView
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.models.domain_tree import STATS_COLUMNS, Column, DomainTreeModel, Role
from kvmgui.ui.models.tag_groups import GROUP_ROLE, GroupColumn, TagGroupModel
from kvmgui.ui.snapshot_column import SnapshotCountColumn
from kvmgui.ui.stats_columns import ListStatsColumns
from kvmgui.ui.vm_actions import SelectedDomain, VmActions
from kvmgui.ui.widgets.actions import make_action
from kvmgui.ui.widgets.icons import app_icon
from kvmgui.ui.widgets.message_bar import MessageBar

# What no first paint needs is imported when first used (bench_startup.py;
# tests/unit/ui/test_startup_imports.py names what must stay out).
if TYPE_CHECKING:
    from kvmgui.core.clone import CloneOutcome
    from kvmgui.core.throwaway import Leftover
    from kvmgui.ui.console.thumbnails import ThumbnailService, ThumbnailView
    from kvmgui.ui.console.viewer_launcher import ViewerLauncher
    from kvmgui.ui.details.window import DetailsWindow
    from kvmgui.ui.host_window import HostWindow
    from kvmgui.ui.template_dialog import NewFromTemplateDialog
    from kvmgui.ui.wizard import NewVmWizard

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Lists domains of every connection and runs lifecycle actions on the selection."""

    def __init__(self, app: App, *, remember_connections: bool = True) -> None:
        super().__init__()
        self.app = app
        self.manager = app.manager
        self.ops = app.ops
        self.settings = settings = app.settings
        self.stats = app.stats
        self._remember_connections = remember_connections
        self._details: dict[tuple[str, str], DetailsWindow] = {}
        self._shown_errors: dict[str, str] = {}
        self.setWindowIcon(app_icon())
        self.resize(1180, 680)

        self._host_windows: dict[str, HostWindow] = {}
        self.model = DomainTreeModel(self.manager, self, stats=self.stats)
        self.view = DomainListView(self.model)
        self.view.setAccessibleName(translate("mainwindow", "Virtual machines"))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setAlternatingRowColors(True)
        self.view.setAllColumnsShowFocus(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.STATE, 170), (Column.VCPUS, 60), (Column.MEMORY, 90),
                              (Column.IP_ADDRESS, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.stats_columns = ListStatsColumns(self.view, self.stats, settings, self)
        self._sort_shown = (Column.NAME, Qt.SortOrder.AscendingOrder)

        self.filter_edit = QLineEdit()
        self.filter_edit.setAccessibleName(translate("mainwindow", "Filter"))
        self.filter_edit.setPlaceholderText(
            translate("mainwindow", "Filter: words, tag:web, state:running (Ctrl+F)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(320)
        self.message_bar = MessageBar()
        self.model.addresses_for = app.addresses.addresses
        # Made with the icon view or the first details window (see thumbnails).
        self._thumbnails: tuple[ThumbnailService, ThumbnailView] | None = None
        self.group_model = TagGroupModel(self.manager, self)
        self.group_view = QTreeView()
        self.group_view.setModel(self.group_model)
        self.group_view.setAccessibleName(
            translate("mainwindow", "Virtual machines grouped by tag")
        )
        self.group_view.setUniformRowHeights(True)
        self.group_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.group_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.group_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.group_view.setAlternatingRowColors(True)
        self.group_view.header().resizeSection(GroupColumn.NAME, 320)
        self.group_view.header().resizeSection(GroupColumn.STATE, 170)
        self.view_stack = QStackedWidget()
        self.view_stack.addWidget(self.view)
        self.view_stack.addWidget(self.group_view)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.view_stack)
        self.setCentralWidget(central)

        self._create_actions()
        self._create_menus_and_toolbar()
        self._connect_signals()
        # Connections opened before this window (the entry point opens them first).
        self.on_rows_inserted(QModelIndex(), 0, self.model.rowCount() - 1)
        self._update_title()
        self.update_actions()
        self.view.setColumnHidden(Column.IP_ADDRESS, True)
        self.ip_column_action.setChecked(settings.column_shown("ip"))
        self.snapshot_column.action.setChecked(settings.column_shown("snapshots"))

    # ------------------------------------------------------------- building

    @property
    def viewer_launcher(self) -> ViewerLauncher:
        return self.app.viewer_launcher

    @property
    def thumbnails(self) -> ThumbnailService:
        """The screens of the VMs that this window's icon view and details windows show."""
        return self._thumbnail_service_and_view()[0]

    @property
    def thumbnail_view(self) -> ThumbnailView:
        """The icon view: the screens of the running VMs of one connection."""
        return self._thumbnail_service_and_view()[1]

    def _thumbnail_service_and_view(self) -> tuple[ThumbnailService, ThumbnailView]:
        if self._thumbnails is None:
            # Made on first use: no screenshot is taken before the icon view or a
            # details window asks, and the list's first paint needs neither.
            from kvmgui.ui.console.thumbnails import ThumbnailService, ThumbnailView

            service = ThumbnailService(self.settings, self.ops, self)
            self.model.thumbnail_for = service.icon
            # The icon view shares the list's selection: actions see one selection.
            view = ThumbnailView(self.model)
            view.setAccessibleName(translate("mainwindow", "Virtual machine screens"))
            view.setSelectionModel(self.view.selectionModel())
            service.add_provider(view.visible_domains)
            self.view_stack.insertWidget(1, view)
            view.activated.connect(self.on_activated)
            view.customContextMenuRequested.connect(self.on_context_menu)
            service.thumbnail_changed.connect(self.model.on_thumbnail_changed)
            service.paused_changed.connect(self.on_thumbnails_paused)
            service.start()
            self._thumbnails = service, view
        return self._thumbnails

    def _create_actions(self) -> None:
        make = partial(make_action, self)
        self.vm_actions = VmActions(
            self.selected_domains, self.ops, lambda: self.viewer_launcher, self)
        self.snapshot_column = SnapshotCountColumn(
            self.view, self.model, self.manager, self.ops, self)
        self.vm_actions.snapshots_changed.connect(self.snapshot_column.on_snapshots_changed)
        self.new_vm_action = make(
            translate("mainwindow", "New VM…"),
            QKeySequence.StandardKey.New,
            self.new_vm,
            translate("mainwindow", "Create a virtual machine on the selected connection"),
        )
        self.open_action = make(
            translate("mainwindow", "Details"),
            None,
            self.open_selected,
            translate("mainwindow", "Open the details of the selected virtual machines"),
        )
        self.thumbnails_action = QAction(translate("mainwindow", "Thumbnails"), self)
        self.thumbnails_action.setShortcut(QKeySequence("Ctrl+T"))
        self.thumbnails_action.setToolTip(
            translate("mainwindow", "Show the screens of running VMs instead of the list")
        )
        self.thumbnails_action.setCheckable(True)
        self.group_by_tag_action = QAction(translate("mainwindow", "Group by Tag"), self)
        self.group_by_tag_action.setShortcut(QKeySequence("Ctrl+G"))
        self.group_by_tag_action.setToolTip(
            translate(
                "mainwindow",
                "Show the VMs in groups by tag, templates apart; a group's row selects all its VMs",
            )
        )
        self.group_by_tag_action.setCheckable(True)
        self.ip_column_action = QAction(translate("mainwindow", "IP Address Column"), self)
        self.ip_column_action.setCheckable(True)
        self.ip_column_action.setStatusTip(
            translate("mainwindow", "Show running VMs' addresses (DHCP lease, guest agent, ARP)")
        )
        # One view at a time: the list, the thumbnails or the groups.
        self.view_choice = QActionGroup(self)
        self.view_choice.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.view_choice.addAction(self.thumbnails_action)
        self.view_choice.addAction(self.group_by_tag_action)
        self.new_from_template_action = make(
            translate("mainwindow", "New VM from Template…"),
            "Ctrl+Shift+N",
            self.new_from_template,
            translate("mainwindow", "Make a linked clone of a template and start it"),
        )
        self.add_connection_action = make(
            translate("mainwindow", "Add Connection…"), None, self.add_connection
        )
        self.remove_connection_action = make(translate("mainwindow", "Remove Connection"), None,
                                             self.remove_selected_connection)
        self.reconnect_action = make(
            translate("mainwindow", "Reconnect"), None, self.reconnect_selected
        )
        self.demo_action = make(
            translate("mainwindow", "Open Demo Fleet"),
            None,
            self.open_demo,
            translate("mainwindow", "Open libvirt's test driver on a demo fleet"),
        )
        # virt-manager's key; StandardKey.Quit is empty under some platform themes
        self.quit_action = make(
            translate("mainwindow", "Quit"), "Ctrl+Q", self.close
        )
        self.about_action = make(translate("mainwindow", "About kvmgui"), None, self.show_about)
        self.shortcuts_action = make(translate("mainwindow", "Keyboard Shortcuts"), "F1",
                                     self.show_shortcuts)
        self.preferences_action = make(
            translate("mainwindow", "Preferences…"),
            QKeySequence.StandardKey.Preferences,
            self.show_preferences,
        )
        self.host_overview_action = make(
            translate("mainwindow", "Host Overview"), None, self.show_host_overview,
            translate("mainwindow", "Show the host's CPU and memory (of the selected connection)"),
        )
        self.host_storage_action = make(
            translate("mainwindow", "Storage…"),
            None,
            partial(self.show_host_overview, "Storage"),
            translate(
                "mainwindow", "Show the storage pools and volumes of the selected connection"
            ),
        )
        self.filter_action = make(
            translate("mainwindow", "Filter"), QKeySequence.StandardKey.Find, self.focus_filter
        )
        self.addAction(self.filter_action)

    def _create_menus_and_toolbar(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(translate("mainwindow", "&File"))
        file_menu.addActions([self.new_vm_action, self.new_from_template_action,
                              self.add_connection_action, self.demo_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu(translate("mainwindow", "&Edit"))
        edit_menu.addAction(self.preferences_action)
        view_menu = menu_bar.addMenu(translate("mainwindow", "&View"))
        view_menu.addAction(self.thumbnails_action)
        view_menu.addAction(self.group_by_tag_action)
        view_menu.addSeparator()
        view_menu.addActions(list(self.stats_columns.actions.values()))
        view_menu.addAction(self.snapshot_column.action)
        view_menu.addAction(self.ip_column_action)
        view_menu.addSeparator()
        view_menu.addAction(self.host_overview_action)
        self.vm_menu = menu_bar.addMenu(translate("mainwindow", "&Virtual Machine"))
        self._fill_vm_menu(self.vm_menu)
        help_menu = menu_bar.addMenu(translate("mainwindow", "&Help"))
        help_menu.addActions([self.shortcuts_action, self.about_action])

        toolbar = self.addToolBar(translate("mainwindow", "Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.new_vm_action)
        toolbar.addAction(self.new_from_template_action)
        toolbar.addAction(self.open_action)
        self.vm_actions.fill_toolbar(toolbar)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.thumbnails_action)
        toolbar.addWidget(self.filter_edit)

    def _fill_vm_menu(self, menu: QMenu) -> None:
        menu.addAction(self.open_action)
        self.vm_actions.fill_menu(menu)

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self.model.set_filter_text)
        self.filter_edit.textChanged.connect(self.group_model.set_filter_text)
        self.group_by_tag_action.toggled.connect(self.show_groups)
        self.ip_column_action.toggled.connect(self.show_ip_column)
        self.ip_column_action.toggled.connect(partial(self.settings.set_column_shown, "ip"))
        self.snapshot_column.action.toggled.connect(
            partial(self.settings.set_column_shown, "snapshots"))
        self.vm_actions.vm_started.connect(self.on_vm_created)
        self.vm_actions.said.connect(self.statusBar().showMessage)
        self.app.throwaways.leftovers_found.connect(self.on_throwaway_leftovers)
        self.app.addresses.addresses_changed.connect(self.model.on_addresses_changed)
        self.group_view.activated.connect(self.on_activated)
        self.group_view.customContextMenuRequested.connect(self.on_context_menu)
        self.group_view.selectionModel().selectionChanged.connect(self.update_actions)
        self.group_model.modelReset.connect(self.group_view.expandAll)
        self.view.activated.connect(self.on_activated)
        self.view.customContextMenuRequested.connect(self.on_context_menu)
        self.view.header().sortIndicatorChanged.connect(self.on_sort_indicator_changed)
        self.view.selectionModel().selectionChanged.connect(self.update_actions)
        self.model.dataChanged.connect(self.on_model_data_changed)
        self.model.rowsInserted.connect(self.on_rows_inserted)
        self.model.rowsRemoved.connect(self.update_actions)
        self.model.layoutChanged.connect(self.update_actions)
        self.manager.connection_state_changed.connect(self.on_connection_state_changed)
        self.manager.connection_added.connect(self.on_connections_changed)
        self.manager.connection_removed.connect(self.on_connections_changed)
        self.manager.domains_changed.connect(self.on_domains_changed)
        self.ops.failed.connect(self.message_bar.on_error)
        self.thumbnails_action.toggled.connect(self.show_thumbnails)
        self.app.when_viewer_launcher_made(self._connect_viewer_launcher)

    def _connect_viewer_launcher(self, launcher: ViewerLauncher) -> None:
        launcher.failed.connect(self.message_bar.on_error)
        launcher.no_graphics.connect(self.on_no_graphics)

    # ------------------------------------------------------------ selection

    def selected_domains(self) -> list[SelectedDomain]:
        if self.view_stack.currentWidget() is self.group_view:
            return self._selected_in_groups()
        selected = []
        for index in self.view.selectionModel().selectedRows(0):
            info = index.data(Role.DOMAIN)
            if isinstance(info, DomainInfo):
                selected.append(SelectedDomain(index.data(Role.CONNECTION), info))
        return selected

    def _selected_in_groups(self) -> list[SelectedDomain]:
        """The VMs of the selected rows, a group's row standing for all its VMs, once each."""
        selected: dict[tuple[str, str], SelectedDomain] = {}
        for index in self.group_view.selectionModel().selectedRows(0):
            for connection, info in self.group_model.members(index):
                selected.setdefault((connection.uri, info.uuid), SelectedDomain(connection, info))
        return list(selected.values())

    def selected_connection(self) -> Connection | None:
        index = self.view.currentIndex()
        connection = index.data(Role.CONNECTION) if index.isValid() else None
        return connection if isinstance(connection, Connection) else None

    @Slot()
    def update_actions(self) -> None:
        self.vm_actions.update_enabled()
        self.open_action.setEnabled(bool(self.selected_domains()))
        connection = self.selected_connection()
        self.remove_connection_action.setEnabled(connection is not None)
        self.reconnect_action.setEnabled(
            connection is not None and connection.state is not ConnectionState.CONNECTED
        )

    # ---------------------------------------------------------------- slots

    @Slot(QModelIndex, QModelIndex)
    def on_model_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        # Only a change of state of a selected row can change what the actions
        # allow; look at the selection, not at the (possibly long) range.
        if top_left.column() > Column.STATE:
            return
        parent = top_left.parent()
        for index in self.view.selectionModel().selectedRows(0):
            if index.parent() == parent and top_left.row() <= index.row() <= bottom_right.row():
                self.update_actions()
                return

    @Slot(QModelIndex, int, int)
    def on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.view.expand(self.model.index(row, 0))

    @Slot(QModelIndex)
    def on_activated(self, index: QModelIndex) -> None:
        if isinstance(index.data(Role.DOMAIN), DomainInfo):
            self.open_selected()

    @Slot(QPoint)
    def on_context_menu(self, position: QPoint) -> None:
        view = self.view_stack.currentWidget()
        assert isinstance(view, QAbstractItemView)
        index = view.indexAt(position)
        menu = QMenu(self)
        if isinstance(index.data(Role.DOMAIN), DomainInfo) or index.data(GROUP_ROLE):
            self._fill_vm_menu(menu)
        elif index.isValid():
            menu.addActions([self.reconnect_action, self.remove_connection_action,
                             self.host_overview_action, self.host_storage_action])
        else:
            menu.addAction(self.add_connection_action)
        menu.popup(view.viewport().mapToGlobal(position))

    @Slot(object)
    def on_connection_state_changed(self, connection: Connection) -> None:
        self.update_actions()
        self._update_title()
        if connection.state is ConnectionState.CONNECTED:
            self._shown_errors.pop(connection.uri, None)
            if self.message_bar.isVisible() and connection.uri in self.message_bar.text:
                self.message_bar.hide()
            return
        if connection.state not in (ConnectionState.FAILED, ConnectionState.LOST):
            return
        if self._shown_errors.get(connection.uri) == connection.error:
            return  # the same error on every retry: said once is enough
        self._shown_errors[connection.uri] = connection.error
        actions: list[tuple[str, Callable[[], None]]] = [
            (translate("mainwindow", "Retry now"), connection.reconnect_now),
        ]
        actions.append(
            (
                translate("mainwindow", "Diagnose…"),
                partial(self.show_host_window, connection, "Diagnostics"),
            )
        )
        if connection.uri != demo_uri() and self.manager.get(demo_uri()) is None:
            actions.append((translate("mainwindow", "Open the demo"), self.open_demo))
        what = (
            "lost"
            if connection.state is ConnectionState.LOST
            else translate("mainwindow", "not connected")
        )
        self.message_bar.show_message(
            translate("mainwindow", "{uri} {what}: {error}\nkvmgui retries by itself.").format(
                uri=connection.uri, what=what, error=shown(connection.error)
            ),
            actions,
        )

    @Slot(object)
    def on_connections_changed(self, _connection: Connection) -> None:
        self._update_title()
        if self._remember_connections:
            self.settings.set_connection_uris(
                [c.uri for c in self.manager.connections() if c.uri != demo_uri()]
            )

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        for uuid in changes.removed:
            window = self._details.get((connection.uri, uuid))
            if window is not None:
                window.mark_removed()

    # -------------------------------------------------------------- actions

    def open_selected(self) -> None:
        for item in self.selected_domains():
            self.open_details(item.connection, item.info)

    @Slot(object, object)
    def open_details(self, connection: Connection, info: DomainInfo) -> DetailsWindow:
        key = (connection.uri, info.uuid)
        window = self._details.get(key)
        if window is None:
            from kvmgui.ui.details.window import DetailsWindow

            window = DetailsWindow(connection, info, self.app, self.thumbnails)
            window.closed.connect(partial(self._details.pop, key, None))
            self._details[key] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    @Slot(object, object, bool)
    def on_no_graphics(self, connection: Connection, info: DomainInfo, has_serial: bool) -> None:
        if not has_serial:
            self.message_bar.show_message(
                translate("mainwindow", "{name} has no graphical or serial console.").format(
                    name=info.name
                )
            )
            return
        self.message_bar.show_message(
            translate(
                "mainwindow",
                "{name} has no graphical display (SPICE or VNC), but it has a serial console.",
            ).format(name=info.name),
            [
                (
                    translate("mainwindow", "Open Serial Console"),
                    partial(self.open_serial_console, connection, info),
                )
            ],
        )

    def open_serial_console(self, connection: Connection, info: DomainInfo) -> None:
        self.open_details(connection, info).show_serial_console()

    @Slot(object, object)
    def on_vm_created(self, connection: Connection, info: DomainInfo) -> None:
        choice = self.settings.console_after_create()
        if choice == "graphical":
            self.viewer_launcher.open(connection, info)
        elif choice == "serial":
            self.open_serial_console(connection, info)
        else:
            self.open_details(connection, info)

    @Slot(bool)
    def show_thumbnails(self, shown: bool) -> None:
        if shown:
            self.thumbnail_view.show_connection(self.selected_connection() or next(
                iter(self.manager.connections()), None))
        self._show_chosen_view()
        if shown:
            # The first pictures now rather than one interval later.
            self.ops.run(self.thumbnails.capture(), owner=self.thumbnails)

    @Slot(object, object)
    def on_throwaway_leftovers(self, connection: Connection, leftovers: list[Leftover]) -> None:
        paths = [path for leftover in leftovers for path in leftover.paths]
        count = len(leftovers)  # lupdate reads no call among translate's arguments
        self.message_bar.show_message(
            translate(
                "mainwindow",
                "%n throwaway VM(s) on {uri} left overlays behind (kvmgui was not running "
                "when they stopped): ",
                None,
                count,
            ).format(uri=connection.uri)
            + ", ".join(paths),
            [
                (
                    translate("mainwindow", "Remove Them"),
                    partial(self._remove_leftovers, connection, leftovers),
                )
            ],
        )

    def _remove_leftovers(self, connection: Connection, leftovers: list[Leftover]) -> None:
        for leftover in leftovers:
            self.app.throwaways.remove(connection, leftover.throwaway_id)

    @Slot(bool)
    def show_ip_column(self, shown: bool) -> None:
        self.view.setColumnHidden(Column.IP_ADDRESS, not shown)
        if shown:
            self.app.addresses.acquire()
        else:
            self.app.addresses.release()

    @Slot(bool)
    def show_groups(self, shown: bool) -> None:
        self.group_model.set_active(shown)
        self._show_chosen_view()
        self.update_actions()

    def _show_chosen_view(self) -> None:
        if self.thumbnails_action.isChecked():
            self.view_stack.setCurrentWidget(self.thumbnail_view)
        elif self.group_by_tag_action.isChecked():
            self.view_stack.setCurrentWidget(self.group_view)
        else:
            self.view_stack.setCurrentWidget(self.view)

    @Slot(str)
    def on_thumbnails_paused(self, reason: str) -> None:
        if reason:
            self.statusBar().showMessage(reason)
        else:
            self.statusBar().clearMessage()

    def new_vm(self) -> NewVmWizard | None:
        """Open the New-VM wizard on the selected connection (or the only one)."""
        connection = self.selected_connection()
        connections = self.manager.connections()
        if connection is None and len(connections) == 1:
            connection = connections[0]
        if connection is None:
            self.message_bar.show_message(
                translate("mainwindow", "Select the connection to create the VM on.") if connections
                else translate("mainwindow", "Add a connection first (File → Add Connection).")
            )
            return None
        from kvmgui.ui.wizard import NewVmWizard

        wizard = NewVmWizard(connection, self.ops, self.settings, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.vm_created.connect(self.on_vm_created)
        wizard.template_chosen.connect(self.create_from_template)
        self.manager.domains_changed.connect(wizard.on_domains_changed)
        wizard.diagnose_requested.connect(partial(self.show_host_window, tab="Diagnostics"))
        wizard.open()
        return wizard

    def new_from_template(self) -> NewFromTemplateDialog:
        """Offer the templates of every connection; the one chosen is cloned and started."""
        from kvmgui.ui.template_dialog import NewFromTemplateDialog

        templates = [
            (connection, info)
            for connection in self.manager.connections()
            for info in connection.domains()
            if info.is_template
        ]
        dialog = NewFromTemplateDialog(templates, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.template_chosen.connect(self.create_from_template)
        dialog.open()
        return dialog

    @Slot(object, object)
    def create_from_template(self, connection: Connection, template: DomainInfo) -> None:
        from kvmgui.core.clone import clone_vms
        from kvmgui.core.templates import template_clone_request

        request = template_clone_request(template, {info.name for info in connection.domains()})
        self.statusBar().showMessage(
            translate("mainwindow", "Making {value} from {name}…").format(
                value=request.names[0], name=template.name
            )
        )
        self.ops.run(
            connection.call(
                translate("mainwindow", "Could not make a VM from {name}").format(
                    name=template.name
                ),
                partial(clone_vms, request=request, progress=lambda *_: None),
            ),
            partial(self._on_made_from_template, connection),
        )

    def _on_made_from_template(self, connection: Connection, outcome: CloneOutcome) -> None:
        summary = shown(outcome.summary())
        self.statusBar().showMessage(summary, 10_000)
        if outcome.failure is not None:
            self.ops.report(summary)
        for info in outcome.made:
            self.on_vm_created(connection, info)

    @Slot(int, Qt.SortOrder)
    def on_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column not in STATS_COLUMNS:
            self._sort_shown = (Column(column), order)
            return
        # The model does not sort by live statistics: show the order it keeps.
        header = self.view.header()
        blocked = header.blockSignals(True)
        header.setSortIndicator(*self._sort_shown)
        header.blockSignals(blocked)

    def show_preferences(self) -> None:
        from kvmgui.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.preferences_changed.connect(self.on_preferences_changed)
        dialog.open()

    @Slot()
    def on_preferences_changed(self) -> None:
        self.app.apply_settings()

    def show_host_overview(self, tab: str = "") -> None:
        """Open the Host window (at ``tab``) of the selected connection, else of every one."""
        selected = self.selected_connection()
        for connection in [selected] if selected else self.manager.connections():
            self.show_host_window(connection, tab)

    def show_host_window(self, connection: Connection, tab: str = "") -> None:
        """Open the Host window of ``connection``, at ``tab`` if given."""
        window = self._host_windows.get(connection.uri)
        if window is None:
            # pyqtgraph (about 34 MiB) is loaded with the first graph, not at start.
            from kvmgui.ui.host_window import HostWindow

            window = HostWindow(connection, self.stats, self.ops, self.settings)
            window.closed.connect(partial(self._host_windows.pop, connection.uri, None))
            self._host_windows[connection.uri] = window
        if tab:
            window.show_tab(tab)
        window.show()
        window.raise_()
        window.activateWindow()

    def host_window(self, uri: str) -> HostWindow | None:
        return self._host_windows.get(uri)

    def details_window(self, uri: str, uuid: str) -> DetailsWindow | None:
        return self._details.get((uri, uuid))

    def add_connection(self) -> None:
        from kvmgui.ui.add_connection import AddConnectionDialog

        dialog = AddConnectionDialog(self)
        dialog.uri_chosen.connect(self.manager.add)
        dialog.open()

    def remove_selected_connection(self) -> None:
        connection = self.selected_connection()
        if connection is not None:
            self.ops.run(self.manager.remove(connection.uri))

    def reconnect_selected(self) -> None:
        connection = self.selected_connection()
        if connection is not None:
            connection.reconnect_now()

    def open_demo(self) -> None:
        self.manager.add(demo_uri())

    def show_shortcuts(self) -> None:
        from kvmgui.ui.shortcuts import ShortcutsDialog

        ShortcutsDialog(self, self).open()

    def show_about(self) -> None:
        from kvmgui.ui.about import AboutDialog

        AboutDialog(self.manager, self.ops, self).open()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _update_title(self) -> None:
        uris = [c.uri for c in self.manager.connections()]
        if len(uris) == 1:
            connection = self.manager.connections()[0]
            suffix = f" — {connection.uri}"
            if connection.state is not ConnectionState.CONNECTED:
                suffix += f" ({shown(connection.state.value).lower()})"
        elif uris:
            count = len(uris)  # lupdate reads no call among translate's arguments
            suffix = translate("mainwindow", " — %n connection(s)", None, count)
        else:
            suffix = ""
        self.setWindowTitle(f"kvmgui{suffix}")

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in [*self._details.values(), *self._host_windows.values()]:
            window.close()
        if self._thumbnails is not None:
            self._thumbnails[0].stop()
        if self.ip_column_action.isChecked():
            # No more reading of addresses; the action stays checked, so the
            # column is remembered as shown.
            self.app.addresses.release()
        super().closeEvent(event)
