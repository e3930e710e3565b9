"""The serial console's terminal: the widget fed with recorded byte streams, the
pyte screen on its own, and the key encoding."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kvmgui.ui.console.terminal import (
    BACKLOG_MAX,
    DEFAULT_BG,
    DEFAULT_FG,
    FEED_SLICE,
    TerminalWidget,
    color_for,
)
from kvmgui.ui.console.terminal_keys import key_to_bytes
from kvmgui.ui.console.terminal_screen import TerminalScreen, TerminalStream

DATA = Path(__file__).resolve().parents[2] / "data" / "terminal"
COLUMNS, ROWS = 80, 24


def recorded(name: str) -> bytes:
    return (DATA / name).read_bytes()


@pytest.fixture
def term(qtbot: QtBot) -> Iterator[TerminalWidget]:
    widget = TerminalWidget()
    qtbot.addWidget(widget)
    cell = widget.cell_size()
    widget.resize(cell.width() * COLUMNS, cell.height() * ROWS)
    widget.show()
    assert (widget.columns, widget.rows) == (COLUMNS, ROWS)
    yield widget


def row_of(term: TerminalWidget, text: str) -> int:
    rows = term.screen_text().split("\n")
    matches = [index for index, line in enumerate(rows) if text in line]
    assert matches, f"{text!r} not on screen:\n{term.screen_text()}"
    return matches[0]


def cell_of(term: TerminalWidget, text: str) -> tuple[int, int]:
    row = row_of(term, text)
    return row, term.screen_text().split("\n")[row].index(text)


# --- recorded streams -------------------------------------------------------


def test_busybox_cursor_query_is_answered_with_the_prompt_position(
    term: TerminalWidget, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(term.input_produced, timeout=1000) as blocker:
        term.feed(recorded("busybox_prompt.bin"))
    # Six lines above the prompt; "tiny-guest# " is 12 cells wide.
    assert blocker.args == [b"\x1b[7;13R"]
    assert term.cursor_position() == (6, 12)
    assert "TINY-GUEST READY ip=192.168.122.57" in term.screen_text()
    assert term.screen_text().split("\n")[6] == "tiny-guest#"


def test_query_split_across_chunks_is_answered_once(term: TerminalWidget, qtbot: QtBot) -> None:
    answers: list[bytes] = []
    term.input_produced.connect(answers.append)
    term.feed(b"tiny-guest# \x1b[")
    assert answers == []
    term.feed(b"6n")
    assert answers == [b"\x1b[1;13R"]


def test_ls_color_output_keeps_its_colours(term: TerminalWidget) -> None:
    term.feed(recorded("ls_color.bin"))
    expectations = {
        "bin": "blue",
        "lib": "cyan",
        "run.sh": "green",
        "backup.tar.gz": "red",
    }
    for word, colour in expectations.items():
        row, column = cell_of(term, word)
        char = term.cell(row, column)
        assert char.fg == colour, word
        assert char.bold, word
        assert term.cell_colors(row, column) == (color_for(colour, foreground=True), DEFAULT_BG)
    row, column = cell_of(term, "notes.txt")
    assert term.cell_colors(row, column) == (DEFAULT_FG, DEFAULT_BG)
    assert not term.cell(row, column).bold
    # The separating blanks after a coloured name went back to the default.
    assert term.cell(row, column - 1).fg == "default"


def test_256_colour_truecolour_and_reverse_video(term: TerminalWidget) -> None:
    term.feed(recorded("ls_color.bin"))
    row, column = cell_of(term, "orange256")
    assert term.cell_colors(row, column)[0] == QColor("#ff8700")
    row, column = cell_of(term, "truecolor")
    assert term.cell_colors(row, column)[0] == QColor(18, 52, 86)
    row, column = cell_of(term, "reverse")
    assert term.cell_colors(row, column) == (DEFAULT_BG, DEFAULT_FG)
    row, column = cell_of(term, "black-on-white")
    fg, bg = term.cell_colors(row, column)
    assert (fg, bg) == (color_for("black", foreground=True), color_for("white", foreground=False))


def test_painted_pixels_use_the_cell_colours(term: TerminalWidget) -> None:
    term.feed(recorded("ls_color.bin"))
    image = term.grab().toImage()
    cell = term.cell_size()

    def background_at(text: str) -> QColor:
        row, column = cell_of(term, text)
        # The cell's top-left corner: background only, no glyph there.
        return image.pixelColor(column * cell.width(), row * cell.height())

    assert background_at("black-on-white") == color_for("white", foreground=False)
    assert background_at("reverse") == DEFAULT_FG
    assert background_at("notes.txt") == DEFAULT_BG
    # Text is drawn: some pixel of the blue "bin" cell is the blue foreground.
    row, column = cell_of(term, "bin")
    blue = color_for("blue", foreground=True)
    pixels = {
        image.pixelColor(x, y).name()
        for x in range(column * cell.width(), (column + 3) * cell.width())
        for y in range(row * cell.height(), (row + 1) * cell.height())
    }
    assert blue.name() in pixels


def test_clear_empties_the_screen(term: TerminalWidget) -> None:
    term.feed(recorded("clear.bin"))
    lines = term.screen_text().split("\n")
    assert lines[0] == "tiny-guest#"
    assert all(line == "" for line in lines[1:])
    assert "EXT4-fs" not in term.screen_text()
    assert term.cursor_position() == (0, 12)


def test_cursor_movements_and_position_report(term: TerminalWidget, qtbot: QtBot) -> None:
    with qtbot.waitSignal(term.input_produced, timeout=1000) as blocker:
        term.feed(recorded("cursor_moves.bin"))
    assert blocker.args == [b"\x1b[8;20R"]
    assert term.cell(4, 9).data == "X"
    assert term.cell(2, 10).data == "Y"
    assert term.cell(2, 14).data == "Z"
    assert term.cell(6, 13).data == "W"
    assert term.screen_text().split("\n")[9] == ""
    assert term.cursor_position() == (7, 19)


def test_device_attributes_and_private_queries(term: TerminalWidget, qtbot: QtBot) -> None:
    with qtbot.waitSignal(term.input_produced, timeout=1000) as blocker:
        term.feed(b"\x1b[c")
    assert blocker.args == [b"\x1b[?6c"]
    # pyte's own handler rejects ESC[?6n; the stream must go on regardless.
    term.feed(b"\x1b[?6nstill here")
    assert "still here" in term.screen_text()


def test_guest_can_hide_and_show_the_cursor(term: TerminalWidget) -> None:
    seen = [term.cursor_visible]
    term.feed(b"\x1b[?25l")
    seen.append(term.cursor_visible)
    term.feed(b"\x1b[?25h")
    seen.append(term.cursor_visible)
    assert seen == [True, False, True]


def test_title_sequence_is_reported(term: TerminalWidget, qtbot: QtBot) -> None:
    with qtbot.waitSignal(term.title_changed, timeout=1000) as blocker:
        term.feed(b"\x1b]0;root@tiny-guest\x07")
    assert blocker.args == ["root@tiny-guest"]


def test_wide_characters_take_two_cells(term: TerminalWidget) -> None:
    term.feed("日本x".encode())
    assert term.cell(0, 0).data == "日"
    assert term.cell(0, 2).data == "本"
    assert term.cell(0, 4).data == "x"
    term.grab()  # paints the stub cells without error


# --- scrollback -------------------------------------------------------------


def test_scrollback_holds_what_scrolled_off(term: TerminalWidget) -> None:
    term.feed(recorded("scrollback.bin"))
    # 200 lines and a prompt on 24 rows: 177 lines scrolled off.
    history = term.history_text().split("\n")
    assert len(history) == 177
    assert history[0].startswith("line 001")
    assert history[-1].startswith("line 177")
    lines = term.screen_text().split("\n")
    assert lines[0].startswith("line 178")
    assert lines[-1] == "tiny-guest#"


def test_shift_page_up_scrolls_back_and_typing_returns(term: TerminalWidget, qtbot: QtBot) -> None:
    term.feed(recorded("scrollback.bin"))
    QTest.keyClick(term, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ShiftModifier)
    assert term.scroll_offset == ROWS - 1
    assert term.screen_text().split("\n")[0].startswith("line 155")
    # While the user reads, new output does not move the view.
    term.feed(b"\r\nmore output\r\ntiny-guest# ")
    assert term.screen_text().split("\n")[0].startswith("line 155")
    assert term.scroll_offset == ROWS - 1 + 2
    QTest.keyClick(term, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ShiftModifier)
    assert term.scroll_offset == 2
    QTest.keyClick(term, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(term.input_produced, timeout=1000) as blocker:
        QTest.keyClick(term, Qt.Key.Key_L)
    assert blocker.args == [b"l"]
    assert term.scroll_offset == 0
    assert term.screen_text().split("\n")[-1] == "tiny-guest#"


def test_mouse_wheel_scrolls_three_lines_a_notch(term: TerminalWidget) -> None:
    term.feed(recorded("scrollback.bin"))

    def wheel(delta: int) -> None:
        position = QPointF(10, 10)
        event = QWheelEvent(
            position,
            term.mapToGlobal(position),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(term, event)

    wheel(120)
    assert term.scroll_offset == 3
    assert term.screen_text().split("\n")[0].startswith("line 175")
    wheel(-240)
    assert term.scroll_offset == 0
    # The view never scrolls past the oldest line.
    for _ in range(100):
        wheel(120)
    assert term.scroll_offset == 177
    assert term.screen_text().split("\n")[0].startswith("line 001")


# --- keyboard ---------------------------------------------------------------

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.mark.parametrize(
    ("key", "modifier", "expected"),
    [
        (Qt.Key.Key_C, CTRL, b"\x03"),
        (Qt.Key.Key_D, CTRL, b"\x04"),
        (Qt.Key.Key_Z, CTRL, b"\x1a"),
        (Qt.Key.Key_BracketLeft, CTRL, b"\x1b"),
        (Qt.Key.Key_Space, CTRL, b"\x00"),
        (Qt.Key.Key_Return, NONE, b"\r"),
        (Qt.Key.Key_Enter, NONE, b"\r"),
        (Qt.Key.Key_Backspace, NONE, b"\x7f"),
        (Qt.Key.Key_Tab, NONE, b"\t"),
        (Qt.Key.Key_Escape, NONE, b"\x1b"),
        (Qt.Key.Key_Up, NONE, b"\x1b[A"),
        (Qt.Key.Key_Down, NONE, b"\x1b[B"),
        (Qt.Key.Key_Right, NONE, b"\x1b[C"),
        (Qt.Key.Key_Left, NONE, b"\x1b[D"),
        (Qt.Key.Key_Up, CTRL, b"\x1b[1;5A"),
        (Qt.Key.Key_Home, NONE, b"\x1b[H"),
        (Qt.Key.Key_End, NONE, b"\x1b[F"),
        (Qt.Key.Key_PageUp, NONE, b"\x1b[5~"),
        (Qt.Key.Key_PageDown, NONE, b"\x1b[6~"),
        (Qt.Key.Key_Insert, NONE, b"\x1b[2~"),
        (Qt.Key.Key_Delete, NONE, b"\x1b[3~"),
        (Qt.Key.Key_F1, NONE, b"\x1bOP"),
        (Qt.Key.Key_F4, NONE, b"\x1bOS"),
        (Qt.Key.Key_F5, NONE, b"\x1b[15~"),
        (Qt.Key.Key_F12, NONE, b"\x1b[24~"),
        (Qt.Key.Key_A, NONE, b"a"),
        (Qt.Key.Key_X, ALT, b"\x1bx"),
    ],
)
def test_key_presses_produce_xterm_bytes(
    term: TerminalWidget,
    qtbot: QtBot,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
    expected: bytes,
) -> None:
    with qtbot.waitSignal(term.input_produced, timeout=1000) as blocker:
        QTest.keyClick(term, key, modifier)
    assert blocker.args == [expected]


def test_typed_text_is_sent_as_utf8(term: TerminalWidget, qtbot: QtBot) -> None:
    produced: list[bytes] = []
    term.input_produced.connect(produced.append)
    QTest.keyClicks(term, "Ls ")
    # QTest types ASCII only: send the key event a keyboard layout would give.
    QApplication.sendEvent(
        term,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Eacute, Qt.KeyboardModifier.NoModifier, "é"),
    )
    assert b"".join(produced) == "Ls é".encode()


def test_application_cursor_mode_changes_arrow_keys(term: TerminalWidget, qtbot: QtBot) -> None:
    term.feed(b"\x1b[?1h")  # what vi or less sends on start
    with qtbot.waitSignal(term.input_produced, timeout=1000) as blocker:
        QTest.keyClick(term, Qt.Key.Key_Up)
    assert blocker.args == [b"\x1bOA"]


def test_tab_stays_in_the_terminal(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    term = TerminalWidget()
    other = QLineEdit()
    layout.addWidget(term)
    layout.addWidget(other)
    window.show()
    term.setFocus()
    with qtbot.waitSignal(term.input_produced, timeout=1000) as blocker:
        QTest.keyClick(term, Qt.Key.Key_Tab)
    assert blocker.args == [b"\t"]
    assert not other.hasFocus()


# --- copy and paste ---------------------------------------------------------


def test_copy_selection_and_paste_clipboard(term: TerminalWidget, qtbot: QtBot) -> None:
    term.feed(recorded("busybox_prompt.bin"))
    row, column = cell_of(term, "192.168.122.57")
    term.select((row, column), (row, column + len("192.168.122.57")))
    QTest.keyClick(
        term, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert QGuiApplication.clipboard().text() == "192.168.122.57"

    QGuiApplication.clipboard().setText("echo one\nls -l\n")
    with qtbot.waitSignal(term.input_produced, timeout=1000) as blocker:
        QTest.keyClick(
            term,
            Qt.Key.Key_V,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert blocker.args == [b"echo one\rls -l\r"]


def test_bracketed_paste_when_the_shell_asks_for_it(term: TerminalWidget, qtbot: QtBot) -> None:
    term.feed(b"\x1b[?2004h")
    QGuiApplication.clipboard().setText("rm -rf /tmp/x")
    with qtbot.waitSignal(term.input_produced, timeout=1000) as blocker:
        term.paste()
    assert blocker.args == [b"\x1b[200~rm -rf /tmp/x\x1b[201~"]


def test_mouse_drag_selects_text(term: TerminalWidget, qtbot: QtBot) -> None:
    term.feed(recorded("busybox_prompt.bin"))
    row, column = cell_of(term, "TINY-GUEST")
    cell = term.cell_size()
    y = row * cell.height() + cell.height() // 2
    start = QPoint(column * cell.width() + 1, y)
    end = QPoint((column + len("TINY-GUEST")) * cell.width() + 1, y)
    QTest.mousePress(term, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(term, end)
    QTest.mouseRelease(term, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert term.selected_text() == "TINY-GUEST"


def test_selection_spanning_lines(term: TerminalWidget) -> None:
    term.feed(b"first line\r\nsecond line\r\n")
    term.select((0, 6), (1, 6))
    assert term.selected_text() == "line\nsecond"
    term.clear_selection()
    assert term.selected_text() == ""


# --- size and repaint -------------------------------------------------------


def test_resize_follows_the_widget(term: TerminalWidget, qtbot: QtBot) -> None:
    cell = term.cell_size()
    with qtbot.waitSignal(term.size_changed, timeout=1000) as blocker:
        term.resize(cell.width() * 100 + 3, cell.height() * 30 + 5)
    assert blocker.args == [100, 30]
    assert (term.columns, term.rows) == (100, 30)


def test_shrinking_keeps_the_cursor_line_and_saves_the_rest(
    term: TerminalWidget, qtbot: QtBot
) -> None:
    term.feed(b"".join(f"row {n:02d}\r\n".encode() for n in range(20)) + b"tiny-guest# ")
    cell = term.cell_size()
    with qtbot.waitSignal(term.size_changed, timeout=1000):
        term.resize(cell.width() * 40, cell.height() * 10)
    lines = term.screen_text().split("\n")
    assert lines[-1] == "tiny-guest#"
    assert lines[0] == "row 11"
    assert term.history_text().split("\n")[-1] == "row 10"
    assert term.cursor_position() == (9, 12)
    # Wider again: tab stops exist in the new columns too.
    with qtbot.waitSignal(term.size_changed, timeout=1000):
        term.resize(cell.width() * 120, cell.height() * 10)
    term.feed(b"\r" + b"\t" * 12 + b"T")
    assert term.cell(9, 96).data == "T"


def test_only_dirty_rows_are_repainted(term: TerminalWidget, qtbot: QtBot) -> None:
    term.feed(recorded("busybox_prompt.bin"))
    qtbot.waitUntil(lambda: not term.dirty_rows, timeout=1000)
    term.feed(b"l")
    term.feed(b"s")
    # Two chunks, one pending repaint of the prompt's row only.
    assert term.dirty_rows == {6}
    qtbot.waitUntil(lambda: not term.dirty_rows, timeout=1000)


def test_a_large_burst_is_parsed_in_slices(term: TerminalWidget, qtbot: QtBot) -> None:
    burst = b"".join(f"burst line {n:05d}\r\n".encode() for n in range(6000))
    assert len(burst) > 4 * FEED_SLICE
    term.feed(burst)
    term.feed(b"tiny-guest# ")  # arrives after the burst, shown after it
    assert 0 < term.backlog < len(burst)
    qtbot.waitUntil(lambda: term.backlog == 0, timeout=20000)
    lines = term.screen_text().split("\n")
    assert lines[-2] == "burst line 05999"
    assert lines[-1] == "tiny-guest#"


def test_a_flood_keeps_only_the_newest_bytes_waiting(term: TerminalWidget, qtbot: QtBot) -> None:
    line = b"flood " * 20 + b"\r\n"
    for _ in range(3):
        term.feed(line * (BACKLOG_MAX // len(line)))
    assert term.backlog <= BACKLOG_MAX
    term.feed(b"after the flood")
    qtbot.waitUntil(lambda: term.backlog == 0, timeout=60000)
    assert term.screen_text().split("\n")[-1] == "after the flood"


def test_reset_forgets_screen_and_scrollback(term: TerminalWidget) -> None:
    term.feed(recorded("scrollback.bin"))
    term.reset()
    assert term.screen_text().strip() == ""
    assert term.history_text() == ""
    assert term.cursor_position() == (0, 0)


# --- the screen and the key encoding, without a widget ----------------------


def test_screen_answers_queries_and_tracks_modes_on_its_own() -> None:
    replies: list[str] = []
    titles: list[str] = []
    screen = TerminalScreen(20, 3, reply=replies.append, title=titles.append)
    stream = TerminalStream(screen)
    assert (screen.application_cursor, screen.bracketed_paste) == (False, False)
    stream.feed(b"\x1b[?1h\x1b[?2004h\x1b]2;guest\x07one\r\ntwo\x1b[6n")
    assert (screen.application_cursor, screen.bracketed_paste) == (True, True)
    assert replies == ["\x1b[2;4R"]
    assert titles == ["guest"]
    stream.feed(b"\r\nthree\r\nfour\x1b[?1l")
    assert not screen.application_cursor
    # "one" scrolled off the top into the scrollback.
    assert screen.scrolled_total == 1
    assert [line[0].data for line in screen.history.top] == ["o"]


def test_stream_skips_a_sequence_pyte_cannot_handle() -> None:
    screen = TerminalScreen(20, 3, reply=lambda _data: None, title=lambda _title: None)
    # pyte's cursor_up refuses the private flag of "ESC[?5A" and raises.
    TerminalStream(screen).feed(b"\x1b[?5Aok")
    assert screen.display[0].rstrip() == "ok"


@pytest.mark.parametrize(
    ("key", "modifier", "text", "application_cursor", "expected"),
    [
        (Qt.Key.Key_Up, NONE, "", True, b"\x1bOA"),
        (Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier, "", True, b"\x1b[1;2A"),
        (Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier, "", False, b"\x1b[15;2~"),
        (Qt.Key.Key_F1, CTRL, "", False, b"\x1b[1;5P"),
        (Qt.Key.Key_Backspace, CTRL, "", False, b"\x08"),
        (Qt.Key.Key_C, CTRL | ALT, "", False, b"\x1b\x03"),
        (Qt.Key.Key_Slash, CTRL, "", False, b"\x1f"),
        (Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier, "", False, b""),
    ],
)
def test_key_to_bytes(
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
    text: str,
    application_cursor: bool,
    expected: bytes,
) -> None:
    assert key_to_bytes(key, modifier, text, application_cursor=application_cursor) == expected
