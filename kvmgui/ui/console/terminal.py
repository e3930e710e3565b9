"""A terminal widget for serial consoles: pyte emulates, QPainter draws.

The emulation (screen, scrollback, stream) is in
:mod:`~kvmgui.ui.console.terminal_screen`, the key encoding in
:mod:`~kvmgui.ui.console.terminal_keys`; this module draws and takes input.

Bytes from the guest go into :meth:`TerminalWidget.feed`; keystrokes, pastes
and the terminal's answers to status queries (``ESC[6n`` and DA) come out of
:attr:`TerminalWidget.input_produced`. Only lines pyte marks dirty are
repainted, and repaints are coalesced to at most one per frame.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QClipboard,
    QColor,
    QFocusEvent,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QRegion,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget
from pyte.screens import Char

from kvmgui.ui.console.terminal_keys import key_to_bytes
from kvmgui.ui.console.terminal_screen import Line, TerminalScreen, TerminalStream

WHEEL_LINES = 3
# One repaint per frame at most while a guest floods the console.
REPAINT_INTERVAL_MS = 16
# pyte parses about 250 kB/s here: a larger burst is parsed in slices between
# which the event loop runs, so that the window never freezes.
FEED_SLICE = 16 * 1024
# The guest decides how fast it writes: beyond this many bytes waiting to be
# parsed, the oldest are dropped (they would scroll past unseen anyway).
BACKLOG_MAX = 1024 * 1024

DEFAULT_FG = QColor("#d3d7cf")
DEFAULT_BG = QColor("#141414")
SELECTION = QColor(80, 130, 200, 110)

# Tango, the palette of GNOME Terminal; pyte calls yellow "brown".
_NAMED_COLORS = {
    "black": "#2e3436",
    "red": "#cc0000",
    "green": "#4e9a06",
    "brown": "#c4a000",
    "yellow": "#c4a000",
    "blue": "#3465a4",
    "magenta": "#75507b",
    "cyan": "#06989a",
    "white": "#d3d7cf",
    "brightblack": "#555753",
    "brightred": "#ef2929",
    "brightgreen": "#8ae234",
    "brightbrown": "#fce94f",
    "brightyellow": "#fce94f",
    "brightblue": "#729fcf",
    "brightmagenta": "#ad7fa8",
    "brightcyan": "#34e2e2",
    "brightwhite": "#eeeeec",
}

_color_cache: dict[str, QColor] = {}


def color_for(name: str, *, foreground: bool) -> QColor:
    """The QColor of a pyte colour: a name, ``default`` or six hex digits."""
    if name == "default":
        return DEFAULT_FG if foreground else DEFAULT_BG
    color = _color_cache.get(name)
    if color is None:
        spec = _NAMED_COLORS.get(name)
        if spec is None:
            spec = f"#{name}" if len(name) == 6 else ""
        color = QColor(spec) if spec else QColor()
        if not color.isValid():
            color = DEFAULT_FG if foreground else DEFAULT_BG
        _color_cache[name] = color
    return color


class _Cell(NamedTuple):
    line: int  # absolute line number: scrollback and screen counted together
    column: int


class TerminalWidget(QWidget):
    """A terminal emulator view of a byte stream (a VM's serial console)."""

    #: Bytes for the guest: typed keys, pastes, answers to status queries.
    input_produced = Signal(bytes)
    #: The terminal's size in character cells changed: (columns, rows).
    size_changed = Signal(int, int)
    #: The guest set the window title (OSC 0/2).
    title_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, columns: int = 80, rows: int = 24) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
        self.setCursor(Qt.CursorShape.IBeamCursor)

        self._screen = TerminalScreen(columns, rows, reply=self._on_reply, title=self._on_title)
        self._stream = TerminalStream(self._screen)
        self._scroll = 0  # lines scrolled back from the bottom
        self._selection: tuple[_Cell, _Cell] | None = None
        self._selecting = False
        self._dirty_rows: set[int] = set()
        self._full_repaint = False
        self._last_cursor = (0, 0)

        self._repaint_timer = QTimer(self)
        self._repaint_timer.setSingleShot(True)
        self._repaint_timer.setInterval(REPAINT_INTERVAL_MS)
        self._repaint_timer.timeout.connect(self._on_repaint_due)
        self._backlog = bytearray()
        self._backlog_timer = QTimer(self)
        self._backlog_timer.setSingleShot(True)
        self._backlog_timer.setInterval(0)
        self._backlog_timer.timeout.connect(self._on_backlog_due)

        self._fonts: dict[tuple[bool, bool], QFont] = {}
        self._cell_width = 1
        self._cell_height = 1
        self._ascent = 0
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        self.set_terminal_font(font)
        self._screen.dirty.clear()

    # --- public API -------------------------------------------------------

    @property
    def columns(self) -> int:
        return int(self._screen.columns)

    @property
    def rows(self) -> int:
        return int(self._screen.lines)

    @property
    def scroll_offset(self) -> int:
        """How many lines the view is scrolled back from the live screen."""
        return self._scroll

    @property
    def dirty_rows(self) -> frozenset[int]:
        """Rows waiting for the next coalesced repaint (for tests and benchmarks)."""
        return frozenset(self._dirty_rows)

    def cell_size(self) -> QSize:
        return QSize(self._cell_width, self._cell_height)

    def set_terminal_font(self, font: QFont) -> None:
        """Use ``font`` (monospace) and recompute the grid from the widget size."""
        font.setFixedPitch(True)
        font.setKerning(False)
        self._fonts = {}
        for bold in (False, True):
            for italic in (False, True):
                variant = QFont(font)
                variant.setBold(bold)
                variant.setItalic(italic)
                self._fonts[(bold, italic)] = variant
        self.setFont(font)
        metrics = QFontMetrics(font)
        self._cell_width = max(1, metrics.horizontalAdvance("M"))
        self._cell_height = max(1, metrics.height())
        self._ascent = metrics.ascent()
        self._fit_to_widget()
        self.updateGeometry()
        self.update()

    @property
    def backlog(self) -> int:
        """Bytes received but not parsed yet (a large burst is parsed in slices)."""
        return len(self._backlog)

    def feed(self, data: bytes) -> None:
        """Show bytes received from the guest.

        Up to :data:`FEED_SLICE` bytes are parsed at once, before this returns;
        the rest of a larger burst follows from the event loop, in order.
        """
        if not data:
            return
        if self._backlog:
            self._backlog += data
            del self._backlog[:-BACKLOG_MAX]
            return
        if len(data) > FEED_SLICE:
            self._backlog += data[FEED_SLICE:][-BACKLOG_MAX:]
            data = data[:FEED_SLICE]
            self._backlog_timer.start()
        self._parse(data)

    @Slot()
    def _on_backlog_due(self) -> None:
        data = bytes(self._backlog[:FEED_SLICE])
        del self._backlog[:FEED_SLICE]
        if self._backlog:
            self._backlog_timer.start()
        self._parse(data)

    def _parse(self, data: bytes) -> None:
        screen = self._screen
        scrolled_before = screen.scrolled_total
        self._stream.feed(data)
        scrolled = screen.scrolled_total - scrolled_before
        if self._scroll:
            # Keep showing the same lines while the user reads the scrollback.
            self._scroll = min(self._scroll + scrolled, len(screen.history.top))
        self._collect_dirty()

    def screen_text(self) -> str:
        """The rows the view shows now (scrollback included), trailing blanks dropped."""
        return "\n".join(self._line_text(self._view_line(row)).rstrip() for row in range(self.rows))

    def history_text(self) -> str:
        """The scrollback above the live screen, oldest first."""
        return "\n".join(self._line_text(line).rstrip() for line in self._screen.history.top)

    def cell(self, row: int, column: int) -> Char:
        """The pyte character shown at a view position."""
        return self._view_line(row)[column]

    def cell_colors(self, row: int, column: int) -> tuple[QColor, QColor]:
        """(foreground, background) as painted at a view position, reverse applied."""
        return self._colors(self.cell(row, column))

    def cursor_position(self) -> tuple[int, int]:
        """The cursor as (row, column), 0-based, in the live screen."""
        cursor = self._screen.cursor
        return int(cursor.y), min(int(cursor.x), self.columns - 1)

    @property
    def cursor_visible(self) -> bool:
        """False when the guest hid the cursor (ESC[?25l)."""
        return not self._screen.cursor.hidden

    def selected_text(self) -> str:
        if self._selection is None:
            return ""
        start, end = sorted(self._selection)
        lines: list[str] = []
        for absolute in range(start.line, end.line + 1):
            line = self._absolute_line(absolute)
            text = self._line_text(line) if line is not None else ""
            first = start.column if absolute == start.line else 0
            last = end.column if absolute == end.line else len(text)
            lines.append(text[first:last].rstrip())
        return "\n".join(lines)

    def select(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        """Select from view (row, column) ``start`` up to, not including, ``end``."""
        self._selection = (self._view_cell(*start), self._view_cell(*end))
        self.update()

    def clear_selection(self) -> None:
        if self._selection is not None:
            self._selection = None
            self.update()

    @Slot()
    def copy(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text, QClipboard.Mode.Clipboard)

    @Slot()
    def paste(self) -> None:
        self._paste_from(QClipboard.Mode.Clipboard)

    def scroll_lines(self, count: int) -> None:
        """Scroll the view back (positive) or forward (negative) by ``count`` lines."""
        limit = len(self._screen.history.top)
        offset = max(0, min(self._scroll + count, limit))
        if offset != self._scroll:
            self._scroll = offset
            self.update()

    @Slot()
    def scroll_to_bottom(self) -> None:
        self.scroll_lines(-self._scroll)

    @Slot()
    def reset(self) -> None:
        """Forget everything shown (a new console session)."""
        self._backlog.clear()
        self._backlog_timer.stop()
        self._screen.reset()
        self._scroll = 0
        self._selection = None
        self._collect_dirty()
        self.update()

    # --- Qt events --------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(self._cell_width * 80, self._cell_height * 24)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._cell_width * 10, self._cell_height * 3)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab belongs to the guest's shell, not to focus navigation.
        return False

    def event(self, event: QEvent) -> bool:
        # Keys the guest needs (Ctrl+W, Ctrl+Q, F1...) win over window shortcuts.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (self._is_terminal_shortcut(event) or self._bytes_for(event))
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._is_terminal_shortcut(event):
            if key == Qt.Key.Key_C:
                self.copy()
            elif key == Qt.Key.Key_V:
                self.paste()
            elif key == Qt.Key.Key_Insert:
                self._paste_from(self._selection_mode())
            elif key == Qt.Key.Key_PageUp:
                self.scroll_lines(max(1, self.rows - 1))
            elif key == Qt.Key.Key_PageDown:
                self.scroll_lines(-max(1, self.rows - 1))
            event.accept()
            return
        data = self._bytes_for(event)
        if not data:
            super().keyPressEvent(event)
            return
        event.accept()
        self.scroll_to_bottom()
        self.input_produced.emit(data)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        text = event.commitString()
        if text:
            self.scroll_to_bottom()
            self.input_produced.emit(text.encode())
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.scroll_lines(round(steps * WHEEL_LINES) or (1 if steps > 0 else -1))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        button = event.button()
        if button == Qt.MouseButton.LeftButton:
            cell = self._cell_at(event.position().toPoint())
            self._selection = (cell, cell)
            self._selecting = True
            self.update()
            event.accept()
        elif button == Qt.MouseButton.MiddleButton:
            self._paste_from(self._selection_mode())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._selecting and self._selection is not None:
            self._selection = (self._selection[0], self._cell_at(event.position().toPoint()))
            self.update()
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._selecting:
            self._selecting = False
            if self._selection is not None and self._selection[0] == self._selection[1]:
                self._selection = None
                self.update()
            text = self.selected_text()
            clipboard = QGuiApplication.clipboard()
            if text and clipboard.supportsSelection():
                clipboard.setText(text, QClipboard.Mode.Selection)
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_to_widget()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._update_rows({self._screen.cursor.y})

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._update_rows({self._screen.cursor.y})

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter, event.rect())
        finally:
            painter.end()

    # --- painting ---------------------------------------------------------

    def _paint(self, painter: QPainter, rect: QRect) -> None:
        # The strip right of and below the grid keeps the default background.
        painter.fillRect(rect, DEFAULT_BG)
        ch = self._cell_height
        first = max(0, rect.top() // ch)
        last = min(self.rows - 1, rect.bottom() // ch)
        columns = self.columns
        for row in range(first, last + 1):
            self._paint_row(painter, row, self._view_line(row), columns)
        if self._scroll == 0 and not self._screen.cursor.hidden:
            self._paint_cursor(painter)
        self._paint_selection(painter, first, last)

    def _paint_row(self, painter: QPainter, row: int, line: Line, columns: int) -> None:
        cw, ch = self._cell_width, self._cell_height
        y = row * ch
        baseline = y + self._ascent
        column = 0
        while column < columns:
            char: Char = line[column]
            # A run of ASCII cells with the same attributes is drawn at once;
            # anything else one cell at a time, so that fallback fonts and wide
            # characters cannot shift the grid.
            style = char[1:]
            text = char.data
            end = column + 1
            if not text:
                # The stub after a wide character: already painted.
                column = end
                continue
            if text.isascii():
                parts = [text]
                while end < columns:
                    nxt: Char = line[end]
                    if nxt[1:] != style or not nxt.data.isascii() or not nxt.data:
                        break
                    parts.append(nxt.data)
                    end += 1
                text = "".join(parts)
            fg, bg = self._colors(char)
            width_cells = end - column
            if bg != DEFAULT_BG:
                painter.fillRect(column * cw, y, width_cells * cw, ch, bg)
            if text.strip():
                painter.setPen(fg)
                painter.setFont(self._fonts[(char.bold, char.italics)])
                painter.drawText(column * cw, baseline, text)
            if char.underscore:
                painter.fillRect(column * cw, baseline + 1, width_cells * cw, 1, fg)
            if char.strikethrough:
                painter.fillRect(column * cw, y + ch // 2, width_cells * cw, 1, fg)
            column = end

    def _paint_cursor(self, painter: QPainter) -> None:
        row, column = self.cursor_position()
        cw, ch = self._cell_width, self._cell_height
        char = self._screen.buffer[row][column]
        fg, bg = self._colors(char)
        cell = QRect(column * cw, row * ch, cw, ch)
        if self.hasFocus():
            painter.fillRect(cell, fg)
            if char.data.strip():
                painter.setPen(bg)
                painter.setFont(self._fonts[(char.bold, char.italics)])
                painter.drawText(cell.left(), cell.top() + self._ascent, char.data)
        else:
            painter.setPen(fg)
            painter.drawRect(cell.adjusted(0, 0, -1, -1))

    def _paint_selection(self, painter: QPainter, first: int, last: int) -> None:
        if self._selection is None:
            return
        start, end = sorted(self._selection)
        cw, ch = self._cell_width, self._cell_height
        top = self._top_absolute()
        for row in range(first, last + 1):
            absolute = top + row
            if absolute < start.line or absolute > end.line:
                continue
            left = start.column if absolute == start.line else 0
            right = end.column if absolute == end.line else self.columns
            if right > left:
                painter.fillRect(left * cw, row * ch, (right - left) * cw, ch, SELECTION)

    def _colors(self, char: Char) -> tuple[QColor, QColor]:
        fg = color_for(char.fg, foreground=True)
        bg = color_for(char.bg, foreground=False)
        return (bg, fg) if char.reverse else (fg, bg)

    # --- screen geometry and content --------------------------------------

    def _view_line(self, row: int) -> Line:
        """The pyte line shown at view row ``row`` (scrollback or live screen)."""
        history = self._screen.history.top
        index = len(history) - self._scroll + row
        if index < len(history):
            return history[index]
        return self._screen.buffer[index - len(history)]

    def _top_absolute(self) -> int:
        """The absolute line number of view row 0."""
        return int(self._screen.scrolled_total) - self._scroll

    def _absolute_line(self, absolute: int) -> Line | None:
        screen = self._screen
        live_top = int(screen.scrolled_total)
        if absolute >= live_top:
            row = absolute - live_top
            return screen.buffer[row] if row < self.rows else None
        index = len(screen.history.top) - (live_top - absolute)
        return screen.history.top[index] if index >= 0 else None

    def _line_text(self, line: Line) -> str:
        return "".join(line[column].data for column in range(self.columns))

    def _view_cell(self, row: int, column: int) -> _Cell:
        row = max(0, min(row, self.rows - 1))
        column = max(0, min(column, self.columns))
        return _Cell(self._top_absolute() + row, column)

    def _cell_at(self, point: QPoint) -> _Cell:
        # Round to the nearest cell boundary, as text editors do.
        column = (point.x() + self._cell_width // 2) // self._cell_width
        return self._view_cell(point.y() // self._cell_height, column)

    def _fit_to_widget(self) -> None:
        columns = max(2, self.width() // self._cell_width)
        rows = max(1, self.height() // self._cell_height)
        if not self.isVisible() and not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            return  # keep the initial size until the widget gets a real one
        if (columns, rows) == (self.columns, self.rows):
            return
        self._resize_screen(columns, rows)
        self._full_repaint = True
        self._scroll = min(self._scroll, len(self._screen.history.top))
        self.update()
        self.size_changed.emit(columns, rows)

    def _resize_screen(self, columns: int, rows: int) -> None:
        screen = self._screen
        if rows < screen.lines:
            # Keep the cursor's line on screen: what falls off the top goes
            # to the scrollback (pyte itself would delete the top lines).
            overflow = max(0, screen.cursor.y - (rows - 1))
            screen.push_to_history(overflow)
            screen.cursor.y -= overflow
            for y in range(rows, screen.lines):
                screen.buffer.pop(y, None)
            screen.lines = rows
        old_columns = screen.columns
        screen.resize(rows, columns)
        if columns > old_columns:
            screen.tabstops.update(range(8, columns, 8))
        screen.set_margins()
        screen.ensure_hbounds()
        screen.ensure_vbounds()
        screen.dirty.update(range(rows))

    # --- input helpers ----------------------------------------------------

    def _is_terminal_shortcut(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if mods == ctrl_shift and key in (Qt.Key.Key_C, Qt.Key.Key_V):
            return True
        return mods == Qt.KeyboardModifier.ShiftModifier and key in (
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_Insert,
        )

    def _bytes_for(self, event: QKeyEvent) -> bytes:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return key_to_bytes(
            event.key(),
            mods,
            event.text(),
            application_cursor=self._screen.application_cursor,
        )

    def _selection_mode(self) -> QClipboard.Mode:
        """X11's primary selection where there is one, else the clipboard."""
        if QGuiApplication.clipboard().supportsSelection():
            return QClipboard.Mode.Selection
        return QClipboard.Mode.Clipboard

    def _paste_from(self, mode: QClipboard.Mode) -> None:
        text = QGuiApplication.clipboard().text(mode)
        if not text:
            return
        # A terminal sends Enter as CR; bracketed paste lets the shell tell a
        # paste from typing.
        data = text.replace("\r\n", "\r").replace("\n", "\r").encode()
        if self._screen.bracketed_paste:
            data = b"\x1b[200~" + data.replace(b"\x1b[201~", b"") + b"\x1b[201~"
        self.scroll_to_bottom()
        self.input_produced.emit(data)

    def _on_reply(self, data: str) -> None:
        self.input_produced.emit(data.encode())

    def _on_title(self, title: str) -> None:
        self.title_changed.emit(title)

    # --- repaint coalescing -----------------------------------------------

    def _collect_dirty(self) -> None:
        screen = self._screen
        rows = set(screen.dirty)
        screen.dirty.clear()
        cursor = (int(screen.cursor.y), int(screen.cursor.x))
        if cursor != self._last_cursor:
            rows.add(self._last_cursor[0])
            rows.add(cursor[0])
            self._last_cursor = cursor
        self._update_rows(rows)

    def _update_rows(self, rows: set[int]) -> None:
        rows = {row for row in rows if 0 <= row < self.rows}
        if not rows:
            return
        self._dirty_rows |= rows
        if not self._repaint_timer.isActive():
            self._repaint_timer.start()

    @Slot()
    def _on_repaint_due(self) -> None:
        if self._full_repaint or self._scroll:
            # Scrolled back, every view row moves when output arrives.
            self.update()
        else:
            region = QRegion()
            width = self.width()
            for row in sorted(self._dirty_rows):
                region += QRect(0, row * self._cell_height, width, self._cell_height)
            self.update(region)
        self._dirty_rows.clear()
        self._full_repaint = False
