"""The list of VMs: a tree view that paints each domain row in one call.

QTreeView paints a row cell by cell: for each, its delegate asks the model for
seven roles (a call into Python), lays the text out, and the style draws the
background. Scrolling a page at 10,000 VMs paints about 250 cells never painted
before, 60 times a second; that was 15-20 ms a frame here (benchmarks/
RESULTS.md, "Seventh pass"). This view paints a domain row with one Python call:
the row's answers come from the model without a round trip through Qt, the
texts are laid out once (TextStamps), the background, selection and focus are
drawn once per row by the style, as QTreeView draws them for each cell, and the
statistics cells are drawn by their SparklineDelegate from the values the model
gave. Connections' rows, and every row where the layout runs right to left, a
style sheet styles the list or a column has a delegate of another kind, are
painted by QTreeView itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor, QCursor, QFont, QIcon, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QStyle,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTreeView,
)

from kvmgui.core.stats.reading import StatGroups
from kvmgui.ui.gc import hold_collections
from kvmgui.ui.models.domain_tree import (
    NUMBER_COLUMNS,
    STATS_COLUMNS,
    Column,
    DomainTreeModel,
    Role,
    RowCells,
)
from kvmgui.ui.theme import Tone, colour
from kvmgui.ui.widgets.sparkline import ChartedValue, SparklineDelegate, chart_colors
from kvmgui.ui.widgets.stamped_text import TextStamps

# Looked up once: each is an attribute lookup through PySide's enum type.
_PANEL_ROW = QStyle.PrimitiveElement.PE_PanelItemViewRow
_PANEL_ITEM = QStyle.PrimitiveElement.PE_PanelItemViewItem
_FOCUS_FRAME = QStyle.PrimitiveElement.PE_FrameFocusRect
_SELECTED = QStyle.StateFlag.State_Selected
_MOUSE_OVER = QStyle.StateFlag.State_MouseOver
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
# A row's background features, by whether it is an alternate row: under its
# cells, and under the branches (what QTreeView says of that background there).
# Combined once: a flag's `|` goes through Python's enum.
_ROW_FEATURES = (QStyleOptionViewItem.ViewItemFeature.None_, _ALTERNATE)
_BRANCH_FEATURES = tuple(
    features
    | QStyleOptionViewItem.ViewItemFeature.IsDecoratedRootColumn
    | QStyleOptionViewItem.ViewItemFeature.IsDecorationForRootColumn
    for features in _ROW_FEATURES
)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_MAXIMUM = Role.STATS_MAXIMUM
_ICON_OFF = QIcon.State.Off
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
#: How long after the list last scrolled it counts as still: what its frames
#: would share the GUI thread or the machine with waits until then.
SCROLL_QUIET_S = 0.3


@dataclass(slots=True)
class _ColumnLook:
    """Where one shown column's cell of a domain row is, and what it holds."""

    column: int
    x: int  # the cell's left edge in the viewport (after the tree's indentation)
    width: int
    text_x: int  # where its text's room begins, from x
    text_room: int
    right_aligned: bool
    icon: QRect | None  # where the decoration goes, from (x, row top); None: no icon
    chart: SparklineDelegate | None  # the statistics columns'
    group: StatGroups  # what a statistics column shows


@dataclass(slots=True)
class _FrameLook:
    """What every domain row of one paint shares, found once per paint."""

    columns: list[_ColumnLook]
    left: int  # the row's extent in the viewport
    right: int
    branches: tuple[int, int] | None  # the tree column's indentation (x, width), if shown
    # Where a selected row's cells are (left, right): all of the row but the branches.
    cell_spans: list[tuple[int, int]]
    indent: int  # that indentation's width
    branch_selection: bool  # whether the style paints the selection under the branches
    style: QStyle
    selection: QItemSelectionModel
    option: QStyleOptionViewItem  # the view's, with the colour group of this paint
    # A row's states, by (selected, under the pointer): its background's (never
    # selected, as QTreeView draws it) and its cells' (flag arithmetic goes
    # through Python's enum: done once a paint, not per row).
    states: dict[tuple[bool, bool], tuple[QStyle.StateFlag, QStyle.StateFlag]]
    font: QFont
    # The text's pen: in a row not selected, in a selected one, in a stale one.
    text: QColor
    highlighted_text: QColor
    stale: QColor
    # A chart's text and line colours, in a row not selected and in a selected one
    # (the palette's current group is this paint's).
    chart_colors: tuple[tuple[QColor, QColor], tuple[QColor, QColor]]
    icon_modes: tuple[QIcon.Mode, QIcon.Mode]  # of a row not selected, of a selected one
    alternate: bool
    offset: int  # the view's vertical offset: which rows are the alternate ones
    focus: tuple[int, int] | None  # (row, parent's id) of the current row, while focused
    hover: tuple[int, int] | None  # of the row under the pointer


class DomainListView(QTreeView):
    """The list of VMs over a DomainTreeModel."""

    def __init__(self, model: DomainTreeModel) -> None:
        super().__init__()
        self.setModel(model)
        # Constant-time layout at thousands of rows; and a domain row's painting
        # takes every row to be as tall as the first.
        self.setUniformRowHeights(True)
        self._model = model
        self._texts = TextStamps()
        self._frame: _FrameLook | None = None
        #: Whether domain rows are painted by this view (else by QTreeView, cell by cell).
        self.paints_rows = True
        self.verticalScrollBar().valueChanged.connect(self.on_scrolled)

    @Slot()
    def on_scrolled(self) -> None:
        # Frames follow each other while the list scrolls: garbage waits for a pause.
        hold_collections(SCROLL_QUIET_S)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._frame = self._frame_look() if self.paints_rows else None
        try:
            super().paintEvent(event)
        finally:
            self._frame = None

    def drawRow(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        frame = self._frame
        cells = None if frame is None else self._model.painted_row(index)
        if frame is None or cells is None:
            super().drawRow(painter, option, index)
            return
        self._paint_row(painter, frame, option.rect, index, cells)

    # ------------------------------------------------------------- painting

    def _frame_look(self) -> _FrameLook | None:
        """What this paint's domain rows share; None where QTreeView paints them."""
        style = self.style()
        if self.isRightToLeft() or style.inherits("QStyleSheetStyle"):
            # (A style sheet's rules for items can set their text's colour and
            # font, which only the delegates apply.)
            return None
        header = self.header()
        viewport_width = self.viewport().width()
        default_delegate = self.itemDelegate()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.showDecorationSelected = True  # rows are selected whole (SelectRows)
        # One piece across the row, as the cells QTreeView draws join up (some
        # styles draw nothing of an item without a position).
        option.viewItemPosition = QStyleOptionViewItem.ViewItemPosition.OnlyOne
        enabled = self.isEnabled()
        group = (
            QPalette.ColorGroup.Disabled if not enabled
            else QPalette.ColorGroup.Normal if self.isActiveWindow()
            else QPalette.ColorGroup.Inactive
        )
        palette = option.palette
        palette.setCurrentColorGroup(group)
        option.palette = palette
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        tree_column = self.treePosition()
        indent = self.indentation() * (2 if self.rootIsDecorated() else 1)
        # Rows are as tall as each other (uniform row heights); the first one's height.
        row_height = self.rowHeight(self._model.index(0, 0))
        columns: list[_ColumnLook] = []
        branches = None
        left, right = viewport_width, 0
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if header.isSectionHidden(column):
                continue
            x, width = header.sectionViewportPosition(column), header.sectionSize(column)
            if x + width <= 0 or x >= viewport_width:
                continue
            left, right = min(left, x), max(right, x + width)
            if column == tree_column:
                branches = (x, min(indent, width))
                x, width = x + indent, width - indent
                if width <= 0:
                    continue
            delegate = self.itemDelegateForColumn(column)
            if isinstance(delegate, SparklineDelegate) and column in STATS_COLUMNS:
                delegate.use_font(option.font)
                columns.append(_ColumnLook(
                    column, x, width, 0, 0, False, None, delegate, STATS_COLUMNS[column]
                ))
                continue
            if delegate is not None and delegate is not default_delegate:
                return None  # a delegate this view does not know paints its cells
            probe = QStyleOptionViewItem(option)
            probe.rect = QRect(0, 0, width, row_height)
            probe.text = "0"
            probe.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
            icon = None
            if column == Column.STATE:
                probe.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
                icon = style.subElementRect(
                    QStyle.SubElement.SE_ItemViewItemDecoration, probe, self
                )
            text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, probe, self)
            columns.append(_ColumnLook(
                column, x, width, text.x() + margin, text.width() - 2 * margin,
                column in NUMBER_COLUMNS, icon, None, StatGroups.NONE,
            ))
        current = self.currentIndex()
        focused = (self.hasFocus() or self.viewport().hasFocus()) and current.isValid()
        hover = None
        if self.viewport().underMouse():
            under = self.indexAt(self.viewport().mapFromGlobal(QCursor.pos()))
            hover = (under.row(), under.internalId()) if under.isValid() else None
        option.rect = QRect(0, 0, 1, 1)
        self._texts.use_font(option.font)
        first = columns[0].x if columns else left
        cell_spans = [(first, right)]
        if branches is not None and first <= branches[0] < right:
            # A column moved left of the tree's: the branches part the row.
            cell_spans = [(first, branches[0]), (branches[0] + branches[1], right)]
        text_pen = palette.color(group, _TEXT)
        highlighted_pen = palette.color(group, _HIGHLIGHTED_TEXT)
        return _FrameLook(
            columns, left, right, branches, cell_spans, indent,
            bool(style.styleHint(QStyle.StyleHint.SH_ItemView_ShowDecorationSelected, option,
                                 self)),
            style, self.selectionModel(), option, _row_states(option.state), option.font,
            text_pen, highlighted_pen, colour(Tone.STALE),
            (chart_colors(palette, False), chart_colors(palette, True)),
            (QIcon.Mode.Normal, QIcon.Mode.Selected) if enabled
            else (QIcon.Mode.Disabled, QIcon.Mode.Disabled),
            self.alternatingRowColors(), self.verticalOffset(),
            (current.row(), current.internalId()) if focused else None, hover,
        )

    def _paint_row(
        self, painter: QPainter, frame: _FrameLook, rect: QRect,
        index: QModelIndex | QPersistentModelIndex, cells: RowCells,
    ) -> None:
        """Paint a domain row as QTreeView would, cell by cell, with its delegates."""
        y, height = rect.y(), rect.height()
        row, parent_id = index.row(), index.internalId()
        key = (row, parent_id)
        style = frame.style
        option = frame.option
        selected = frame.selection.isSelected(index)
        hovered = key == frame.hover
        background_state, state = frame.states[selected, hovered]
        # The row's background (the alternate rows' colour), as under each cell.
        option.state = background_state
        alternate = frame.alternate and (y + frame.offset) // height % 2 == 1
        option.features = _ROW_FEATURES[alternate]
        option.rect = QRect(frame.left, y, frame.right - frame.left, height)
        style.drawPrimitive(_PANEL_ROW, option, painter, self)
        option.state = state
        if frame.branches is not None:
            # Under the branches, the row's background with its selection and the
            # pointer's highlight where the style shows them there.
            branch_x, indent = frame.branches
            branches = QRect(branch_x, y, indent, height)
            option.rect = branches
            option.showDecorationSelected = frame.branch_selection
            option.features = _BRANCH_FEATURES[alternate]
            style.drawPrimitive(_PANEL_ROW, option, painter, self)
            option.showDecorationSelected = True
            self.drawBranches(painter, branches, index)
        # The selection and the pointer's highlight, as each cell's delegate draws it
        # (neither: nothing more to draw of the background).
        if selected or hovered:
            for left, right in frame.cell_spans:
                option.rect = QRect(left, y, right - left, height)
                style.drawPrimitive(_PANEL_ITEM, option, painter, self)
        model = self._model
        answer = model.cell_answer
        texts = self._texts
        painter.setFont(frame.font)
        painter.setPen(
            frame.highlighted_text if selected else frame.stale if cells.stale else frame.text
        )
        charts: list[tuple[_ColumnLook, ChartedValue | None]] = []
        for look in frame.columns:
            if look.chart is not None:
                charts.append((look, model.charted(cells, look.group)))
                continue
            if look.icon is not None:
                icon = answer(cells, look.column, _DECORATION)
                if icon is not None:
                    icon.paint(
                        painter, look.icon.translated(look.x, y), option.decorationAlignment,
                        frame.icon_modes[selected], _ICON_OFF,
                    )
            text = answer(cells, look.column, _DISPLAY)
            if not text:
                continue
            stamped = texts.fitted(text, look.text_room)
            top = y + (height - stamped.height) // 2
            if look.right_aligned:
                # Aligned within its line, as QTextLayout aligns it: to the fraction of a pixel.
                painter.drawStaticText(
                    QPointF(look.x + look.text_x + look.text_room - stamped.exact_width, top),
                    stamped.static,
                )
            else:
                painter.drawStaticText(look.x + look.text_x, top, stamped.static)
        text_color, line_color = frame.chart_colors[selected]
        for look, charted in charts:
            if charted is None:
                continue
            values = charted.values
            look.chart.draw(  # type: ignore[union-attr]
                painter, look.x, y, look.width, height, charted.text, values,
                None if values is None else answer(cells, look.column, _MAXIMUM),
                text_color, line_color, (row, look.column, parent_id),
            )
        if key == frame.focus:
            self._paint_focus(painter, frame, y, height, selected)

    def _paint_focus(
        self, painter: QPainter, frame: _FrameLook, y: int, height: int, selected: bool
    ) -> None:
        """The current row's focus frame, across every column (allColumnsShowFocus)."""
        header = self.header()
        focus = QStyleOptionFocusRect()
        focus.initFrom(self)
        focus.state |= QStyle.StateFlag.State_KeyboardFocusChange
        group = (
            QPalette.ColorGroup.Normal if self.isEnabled() else QPalette.ColorGroup.Disabled
        )
        focus.backgroundColor = frame.option.palette.color(
            group, QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Window
        )
        # From the left edge where the style selects the branches too, else from the text.
        left = 0 if frame.branch_selection else header.sectionPosition(0) + frame.indent
        focus.rect = QRect(left - header.offset(), y, header.length() - left, height)
        style = frame.style
        style.drawPrimitive(_FOCUS_FRAME, focus, painter)
        if not frame.branch_selection and header.visualIndex(0) != 0:
            # Columns moved left of the tree's have a frame of their own (as QTreeView
            # draws it: from the viewport's edge, whatever the scrolling).
            focus.rect = QRect(0, y, header.sectionPosition(0), height)
            style.drawPrimitive(_FOCUS_FRAME, focus, painter)


def _row_states(
    base: QStyle.StateFlag,
) -> dict[tuple[bool, bool], tuple[QStyle.StateFlag, QStyle.StateFlag]]:
    states = {}
    for selected in (False, True):
        for hovered in (False, True):
            state = base | _SELECTED if selected else base & ~_SELECTED
            if hovered:
                state |= _MOUSE_OVER
            states[selected, hovered] = (state & ~_SELECTED, state)
    return states
