"""The list's live statistics columns: sparklines, their View-menu toggles, and
the statistics they ask the poller for."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex, QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QTreeView

from kvmgui.core.stats.reading import StatGroups
from kvmgui.ui import i18n
from kvmgui.ui.domain_list_view import SCROLL_QUIET_S
from kvmgui.ui.i18n import translate
from kvmgui.ui.models.domain_tree import (
    COLUMN_TITLES,
    STATS_COLUMNS,
    Column,
    DomainTreeModel,
    Role,
)
from kvmgui.ui.settings import Settings
from kvmgui.ui.stats_poller import StatsDemand, StatsPoller
from kvmgui.ui.widgets.sparkline import SparklineDelegate
from kvmgui.ui.widgets.viewport import viewport_of

# Per column: the widest current value expected (the chart keeps room for
# it) and the column's width.
_TEXT_RESERVE = {
    Column.CPU_USAGE: ("100 %", 130),
    Column.MEMORY_USAGE: ("999.9 MiB", 170),
    Column.DISK_IO: ("999.9 KiB/s", 180),
    Column.NETWORK_IO: ("999.9 KiB/s", 180),
}


class ListStatsColumns(QObject):
    """Shows the statistics columns the settings name and samples only those,
    while the list is on screen (not while its window is minimized)."""

    def __init__(
        self, view: QTreeView, poller: StatsPoller, settings: Settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = view
        # Fetched once: rows_on_screen runs at every tick (kvmgui never replaces it).
        self._viewport = viewport_of(view)
        self._settings = settings
        shown = settings.stats_columns()
        header = view.header()
        self.actions: dict[int, QAction] = {}
        for column, group in STATS_COLUMNS.items():
            reserve, width = _TEXT_RESERVE[Column(column)]
            view.setItemDelegateForColumn(column, SparklineDelegate(
                Role.STATS_SHOWN, view,
                maximum=100.0 if group is StatGroups.CPU else None,
                maximum_role=Role.STATS_MAXIMUM if group is StatGroups.MEMORY else None,
                text_reserve=reserve,
            ))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
            view.setColumnHidden(column, group not in shown)
            action = QAction(
                translate("stats_columns", "{value} Column").format(
                    value=i18n.shown(COLUMN_TITLES[Column(column)])
                ),
                self,
            )
            action.setCheckable(True)
            action.setChecked(group in shown)
            action.setStatusTip(
                translate("stats_columns", "Show the live {value} of running VMs").format(
                    value=i18n.shown(COLUMN_TITLES[Column(column)])
                )
            )
            self.actions[column] = action
        self.demand = StatsDemand(poller, view, shown)
        model = view.model()
        if isinstance(model, DomainTreeModel):
            # A tick repaints the rows this view shows, not the whole fleet's.
            model.rows_on_screen = self.rows_on_screen
        self._connect_signals()

    def _connect_signals(self) -> None:
        for column, action in self.actions.items():
            action.toggled.connect(partial(self.on_column_toggled, column))
        self._view.verticalScrollBar().valueChanged.connect(self.on_scrolled)

    @Slot()
    def on_scrolled(self) -> None:
        self.demand.poller.hold_ticks(SCROLL_QUIET_S)

    def rows_on_screen(self, parent: QModelIndex) -> range:
        """The rows under ``parent`` (a connection's) that the list shows now."""
        view = self._view
        model = view.model()
        count = model.rowCount(parent)
        if not count or not view.isVisible():
            return range(0)
        first = view.visualRect(model.index(0, 0, parent))
        if not first.isValid():
            return range(0)  # collapsed
        # Every row is as tall as the first (uniform row heights).
        height = first.height()
        top = max(0, -first.top() // height)
        bottom = min(count - 1, (self._viewport.height() - 1 - first.top()) // height)
        return range(top, bottom + 1)

    def shown(self) -> StatGroups:
        groups = StatGroups.NONE
        for column, action in self.actions.items():
            if action.isChecked():
                groups |= STATS_COLUMNS[column]
        return groups

    @Slot(int, bool)
    def on_column_toggled(self, column: int, checked: bool) -> None:
        self._view.setColumnHidden(column, not checked)
        shown = self.shown()
        self._settings.set_stats_columns(shown)
        self.demand.set_groups(shown)
