"""The pyte side of the serial terminal: a screen with scrollback, and its stream.

:class:`TerminalScreen` holds the character grid, the scrollback and the modes
the guest set, and answers the guest's status queries; :class:`TerminalStream`
parses the guest's bytes into it. Drawing belongs to
:class:`~kvmgui.ui.console.terminal.TerminalWidget`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pyte
from pyte.screens import Char, StaticDefaultDict

log = logging.getLogger(__name__)

#: One row of the grid or of the scrollback: pyte characters by column.
Line = StaticDefaultDict[int, Char]

HISTORY_LINES = 10_000

# pyte stores private modes (ESC[?Nh) shifted left by 5.
_DECCKM = 1 << 5
_BRACKETED_PASTE = 2004 << 5


class TerminalScreen(pyte.HistoryScreen):
    """A pyte screen that answers status queries and counts lines scrolled off.

    The scrollback is HistoryScreen's ``history.top``; the view scrolls over it
    without pyte's paging (prev_page/next_page are never called).
    """

    # HistoryScreen wraps every attribute access in Python to support paging,
    # which took 40 % of the time spent feeding a boot log; without paging the
    # wrappers do nothing (DECTCEM is tracked by Screen.set_mode itself).
    __getattribute__ = object.__getattribute__

    def __init__(
        self,
        columns: int,
        lines: int,
        *,
        reply: Callable[[str], None],
        title: Callable[[str], None],
    ) -> None:
        self._reply = reply
        self._title = title
        self.scrolled_total = 0
        super().__init__(columns, lines, history=HISTORY_LINES)

    @property
    def application_cursor(self) -> bool:
        """The guest asked for application cursor keys (DECCKM, ``ESC[?1h``)."""
        return _DECCKM in self.mode

    @property
    def bracketed_paste(self) -> bool:
        """The guest's shell asked to tell pastes from typing (``ESC[?2004h``)."""
        return _BRACKETED_PASTE in self.mode

    def write_process_input(self, data: str) -> None:
        self._reply(data)

    def report_device_status(self, mode: int, **kwargs: Any) -> None:
        # pyte passes private=True for ESC[?6n and its own method takes no
        # keyword; also, after drawing in the last column pyte's cursor sits at
        # x == columns, which a real terminal reports as the last column.
        if mode == 6:
            x = min(self.cursor.x, self.columns - 1) + 1
            y = self.cursor.y + 1
            if pyte.modes.DECOM in self.mode and self.margins is not None:
                y -= self.margins.top
            self.write_process_input(f"\x1b[{y};{x}R")
        else:
            super().report_device_status(mode)

    def set_title(self, param: str) -> None:
        super().set_title(param)
        self._title(param)

    def index(self) -> None:
        bottom = self.margins.bottom if self.margins else self.lines - 1
        if self.cursor.y == bottom:
            # HistoryScreen.index keeps the line leaving the top.
            self.scrolled_total += 1
        super().index()

    def push_to_history(self, count: int) -> None:
        """Move the top ``count`` lines into the scrollback (shrinking the screen)."""
        for _ in range(count):
            self.history.top.append(self.buffer[0])
            for y in range(self.lines - 1):
                self.buffer[y] = self.buffer[y + 1]
            self.buffer.pop(self.lines - 1, None)
            self.scrolled_total += 1


class TerminalStream(pyte.ByteStream):
    """Parses a guest's bytes into a :class:`TerminalScreen`."""

    def _send_to_parser(self, data: str) -> bool | None:
        # pyte raises from a handler that refuses its arguments (for example a
        # private CSI it does not know) and drops the rest of the chunk; a
        # console must keep going, so skip the sequence instead.
        try:
            return super()._send_to_parser(data)
        except Exception:
            log.debug("terminal: ignored an escape sequence pyte could not handle", exc_info=True)
            return self._taking_plain_text
