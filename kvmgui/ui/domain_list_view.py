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

While the list scrolls, the page that comes next is painted ahead, between
frames, a slice at a time: each of its domain rows onto a picture (a pixmap of
the row as this view paints it, all but the branches), which the frame that
scrolls to it copies in about 3 µs a row instead of painting it in 80-145 µs
(benchmarks/RESULTS.md, "Ninth pass"). A picture is used only while the row
shows what it was painted from (the same answers, the same charts, neither
selected, under the pointer nor current), and they are all dropped when the
look of the rows changes or the list has been still for a moment.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFont,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTreeView,
)

from kvmgui.core.kept import keep
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
#: The most memory the pictures of rows painted ahead may take: two pages of a
#: list 1,300 pixels wide, 1,000 tall, at twice the pixels per point.
PICTURES_BYTES = 24 * 1024 * 1024
#: How long the rows painted ahead may hold the GUI thread at a time: input and
#: the next frame wait no longer than that for a slice to end.
AHEAD_SLICE_S = 0.001
_SOLID = Qt.BrushStyle.SolidPattern
# The changes of the view's own that change what a row's text says.
_TEXT_CHANGES = (QEvent.Type.LanguageChange, QEvent.Type.LocaleChange)


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
    row_height: int
    charts: list[_ColumnLook]  # the statistics columns shown, in the order they are drawn
    # What a row painted on a picture is painted over (the viewport's background),
    # and all of the above that a row's picture depends on; None: no pictures.
    background: QColor | None
    look: tuple[Any, ...]


@dataclass(slots=True)
class _Picture:
    """A domain row painted ahead, and what it was painted from."""

    pixmap: QPixmap  # the row from the frame's left to its right, less the branches
    cells: RowCells
    charted: tuple[ChartedValue | None, ...]  # per chart of the frame
    alternate: bool


@dataclass(slots=True)
class _AheadJob:
    """The page to paint ahead of the scrolling."""

    frame: _FrameLook  # of the paint after the scrolling
    direction: int  # +1: the page below, -1: the page above
    # Its rows yet to paint (index, alternate), nearest last; None: not yet found.
    rows: list[tuple[QModelIndex, bool]] | None = None


class DomainListView(QTreeView):
    """The list of VMs over a DomainTreeModel."""

    #: The rows of the page ahead of the scrolling are painted (tests wait for it).
    painted_ahead = Signal()

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
        # The rows painted ahead, by (row, parent's id), and the look they were painted in.
        self._pictures: dict[tuple[int, int], _Picture] = {}
        self._pictures_look: tuple[Any, ...] | None = None
        self._ahead: _AheadJob | None = None
        self._pictures_limit = 0
        # Which way the list scrolled last (+1 down, -1 up), and whether a page
        # is yet to be planned ahead since.
        self._scrolled_by = 0
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setSingleShot(True)
        self._ahead_timer.timeout.connect(self.on_paint_ahead)
        self._still_timer = QTimer(self)
        self._still_timer.setSingleShot(True)
        self._still_timer.setInterval(round(SCROLL_QUIET_S * 1000))
        self._still_timer.timeout.connect(self.forget_pictures)
        bar = self.verticalScrollBar()
        self._last_scroll = bar.value()
        bar.valueChanged.connect(self.on_scrolled)
        model.dataChanged.connect(self.on_rows_changed)
        for rows_moved in (model.rowsInserted, model.rowsRemoved, model.rowsMoved,
                           model.layoutChanged, model.modelReset):
            rows_moved.connect(self.forget_pictures)

    @property
    def rows_painted_ahead(self) -> int:
        """How many rows' pictures are held."""
        return len(self._pictures)

    @Slot(int)
    def on_scrolled(self, value: int) -> None:
        # Frames follow each other while the list scrolls: garbage waits for a pause.
        hold_collections(SCROLL_QUIET_S)
        self._scrolled_by = 1 if value > self._last_scroll else -1
        self._last_scroll = value
        self._still_timer.start()

    @Slot()
    def forget_pictures(self) -> None:
        """Drop the rows painted ahead (the rows moved, or the list is still)."""
        self._pictures.clear()
        self._ahead = None
        self._ahead_timer.stop()

    @Slot(QModelIndex, QModelIndex)
    def on_rows_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if not self._pictures:
            return
        # (The pictures are at most two pages: this does not grow with the list.)
        parent, first, last = top_left.internalId(), top_left.row(), bottom_right.row()
        for key in [key for key in self._pictures
                    if key[1] == parent and first <= key[0] <= last]:
            del self._pictures[key]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _TEXT_CHANGES:
            self.forget_pictures()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        frame = self._frame = self._frame_look() if self.paints_rows else None
        if frame is not None and frame.look != self._pictures_look:
            self.forget_pictures()
            self._pictures_look = frame.look
        try:
            super().paintEvent(event)
        finally:
            self._frame = None
        if frame is not None and self._scrolled_by and frame.background is not None:
            # Found and painted from the event loop, after this frame is out.
            self._ahead = _AheadJob(frame, self._scrolled_by)
            self._ahead_timer.start(0)
            self._scrolled_by = 0

    def drawRow(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        frame = self._frame
        cells = None if frame is None else self._model.painted_row(index)
        if frame is None or cells is None:
            super().drawRow(painter, option, index)
            return
        rect = option.rect
        y, height = rect.y(), rect.height()
        key = (index.row(), index.internalId())
        selected = frame.selection.isSelected(index)
        hovered = key == frame.hover
        alternate = frame.alternate and (y + frame.offset) // height % 2 == 1
        picture = self._pictures.get(key) if self._pictures else None
        if (
            picture is not None and not selected and not hovered and key != frame.focus
            and self._shows(picture, cells, frame, alternate)
        ):
            painter.drawPixmap(frame.left, y, picture.pixmap)
            if frame.branches is not None:
                # (Painted over the branches' background, as after it in _paint_row:
                # QTreeView says which row it is painting only within its paint.)
                self.drawBranches(painter, QRect(frame.branches[0], y, frame.branches[1],
                                                 height), index)
            return
        self._paint_row(painter, frame, y, height, index, cells, selected, hovered, alternate)

    # ------------------------------------------------------ painting ahead

    def _shows(
        self, picture: _Picture, cells: RowCells, frame: _FrameLook, alternate: bool
    ) -> bool:
        """Whether ``picture`` shows the row as it is now."""
        if picture.cells is not cells or picture.alternate != alternate:
            return False
        charted = self._model.charted
        # (A tick announces only the rows on screen: the charts are compared here.)
        return all(
            charted(cells, look.group) is shown
            for look, shown in zip(frame.charts, picture.charted, strict=True)
        )

    def _rows_ahead(self, frame: _FrameLook, direction: int) -> list[tuple[QModelIndex, bool]]:
        """The domain rows of the page beyond ``frame``'s in ``direction`` that have
        no picture showing them as they are (with whether each is an alternate row),
        farthest first; and room for their pictures."""
        height = frame.row_height
        if height <= 0 or frame.right <= frame.left:
            return []
        ratio = self.devicePixelRatioF()
        row_bytes = 4 * round((frame.right - frame.left) * ratio) * round(height * ratio)
        shown_whole = self.viewport().height() // height
        page = shown_whole + 1  # the rows on screen, the last one in part
        # This page's pictures and the next's, within the memory they may take.
        kept = min(2 * page, PICTURES_BYTES // max(row_bytes, 1))
        ahead = kept // 2
        if ahead <= 0:
            return []
        first = frame.offset // height
        # (Down: from the row shown in part, which a page step brings to the top.)
        visual_rows = (
            range(first + shown_whole, first + shown_whole + ahead) if direction > 0
            else range(first - 1, max(first - 1 - ahead, -1), -1)
        )
        x = max(frame.left, 0)
        selection = frame.selection
        rows = []
        for visual in visual_rows:
            index = self.indexAt(QPoint(x, visual * height - frame.offset))
            if not index.isValid() or selection.isSelected(index):
                continue
            key = (index.row(), index.internalId())
            if key == frame.focus:
                continue
            cells = self._model.painted_row(index)
            alternate = frame.alternate and visual % 2 == 1
            picture = self._pictures.get(key)
            if cells is None or (
                picture is not None and self._shows(picture, cells, frame, alternate)
            ):
                continue
            rows.append((index, alternate))
        self._pictures_limit = kept
        rows.reverse()
        return rows

    @Slot()
    def on_paint_ahead(self) -> None:
        """Paint the next slice of the page ahead."""
        job = self._ahead
        if job is None:
            return
        frame = job.frame
        deadline = time.perf_counter() + AHEAD_SLICE_S
        if job.rows is None:
            job.rows = self._rows_ahead(frame, job.direction)
        while job.rows:
            index, alternate = job.rows.pop()
            cells = self._model.painted_row(index)
            if cells is not None:
                keep(self._pictures, (index.row(), index.internalId()),
                     self._picture(frame, index, cells, alternate), self._pictures_limit)
            if time.perf_counter() >= deadline:
                break
        if job.rows:
            self._ahead_timer.start(0)
            return
        self._ahead = None
        self.painted_ahead.emit()

    def _picture(
        self, frame: _FrameLook, index: QModelIndex, cells: RowCells, alternate: bool
    ) -> _Picture:
        """The row at ``index`` painted as this view paints it, less the branches."""
        assert frame.background is not None  # (no job is planned without)
        ratio = self.devicePixelRatioF()
        height = frame.row_height
        pixmap = QPixmap(round((frame.right - frame.left) * ratio), round(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(frame.background)
        painter = QPainter(pixmap)
        try:
            painter.translate(-frame.left, 0)
            charted = self._paint_row(
                painter, frame, 0, height, index, cells, False, False, alternate,
                branches=False,
            )
        finally:
            painter.end()
        return _Picture(pixmap, cells, charted, alternate)

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
        branch_selection = bool(
            style.styleHint(QStyle.StyleHint.SH_ItemView_ShowDecorationSelected, option, self)
        )
        background = self._picture_background()
        look = (
            tuple((c.column, c.x, c.width, c.text_x, c.text_room) for c in columns),
            left, right, branches, branch_selection, row_height, id(style), group,
            palette.cacheKey(), option.font.key(), enabled, self.alternatingRowColors(),
            None if background is None else background.rgba(), self.devicePixelRatioF(),
        )
        return _FrameLook(
            columns, left, right, branches, cell_spans, indent,
            branch_selection,
            style, self.selectionModel(), option, _row_states(option.state), option.font,
            text_pen, highlighted_pen, colour(Tone.STALE),
            (chart_colors(palette, False), chart_colors(palette, True)),
            (QIcon.Mode.Normal, QIcon.Mode.Selected) if enabled
            else (QIcon.Mode.Disabled, QIcon.Mode.Disabled),
            self.alternatingRowColors(), self.verticalOffset(),
            (current.row(), current.internalId()) if focused else None, hover,
            row_height, [look for look in columns if look.chart is not None],
            background, look,
        )

    def _picture_background(self) -> QColor | None:
        """What the viewport paints under the rows, where a row's picture can be
        painted over it as the row is over the viewport; else None."""
        viewport = self.viewport()
        if not viewport.autoFillBackground():
            return None  # (what shows through is the parent's)
        brush: QBrush = viewport.palette().brush(viewport.backgroundRole())
        color = brush.color()
        ratio = self.devicePixelRatioF()
        if brush.style() != _SOLID or color.alpha() != 255 or ratio != int(ratio):
            return None  # a pattern, a see-through colour, fractional pixels
        if QPixmap(1, 1).logicalDpiY() != viewport.logicalDpiY():
            return None  # (text would be laid out at another size)
        return color

    def _paint_row(
        self, painter: QPainter, frame: _FrameLook, y: int, height: int,
        index: QModelIndex | QPersistentModelIndex, cells: RowCells,
        selected: bool, hovered: bool, alternate: bool, *, branches: bool = True,
    ) -> tuple[ChartedValue | None, ...]:
        """Paint a domain row as QTreeView would, cell by cell, with its delegates
        (its branches too unless told not to); return what its charts showed."""
        row, parent_id = index.row(), index.internalId()
        style = frame.style
        option = frame.option
        background_state, state = frame.states[selected, hovered]
        # The row's background (the alternate rows' colour), as under each cell.
        option.state = background_state
        option.features = _ROW_FEATURES[alternate]
        option.rect = QRect(frame.left, y, frame.right - frame.left, height)
        style.drawPrimitive(_PANEL_ROW, option, painter, self)
        option.state = state
        if frame.branches is not None:
            # Under the branches, the row's background with its selection and the
            # pointer's highlight where the style shows them there.
            branch_x, indent = frame.branches
            branch_rect = QRect(branch_x, y, indent, height)
            option.rect = branch_rect
            option.showDecorationSelected = frame.branch_selection
            option.features = _BRANCH_FEATURES[alternate]
            style.drawPrimitive(_PANEL_ROW, option, painter, self)
            option.showDecorationSelected = True
            if branches:
                self.drawBranches(painter, branch_rect, index)
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
        for look in frame.columns:
            if look.chart is not None:
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
        charts = tuple(model.charted(cells, look.group) for look in frame.charts)
        for look, charted in zip(frame.charts, charts, strict=True):
            if charted is None:
                continue
            values = charted.values
            look.chart.draw(  # type: ignore[union-attr]
                painter, look.x, y, look.width, height, charted.text, values,
                None if values is None else answer(cells, look.column, _MAXIMUM),
                text_color, line_color, (row, look.column, parent_id),
            )
        if (row, parent_id) == frame.focus:
            self._paint_focus(painter, frame, y, height, selected)
        return charts

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
