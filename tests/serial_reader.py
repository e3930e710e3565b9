"""A serial console read as plain text, with asyncio waits on regular expressions.

Integration tests and benchmarks wait for ``TINY-GUEST READY ip=...`` with it,
fed by :class:`kvmgui.core.serial.SerialConsoleStream`.
"""

from __future__ import annotations

import asyncio
import codecs
import re
from collections.abc import Callable

# CSI, OSC, charset designation and two-byte escapes; what is left is text.
_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[()*+][0-9A-Za-z]"
    r"|\x1b[@-Z\\-_]"
    r"|\x1b[0-9=>]"
)
# An escape cut by a chunk boundary: hold it back until the rest arrives.
_PARTIAL_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*\x1b?|[()*+])?\Z")
_CURSOR_QUERY = "\x1b[6n"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class ConsoleClosedError(Exception):
    """The console closed before the awaited text appeared."""


class SerialLineReader:
    """Plain text of what a console printed, with asyncio waits on regular expressions.

    Feed it with :meth:`feed` on the loop's thread (it is an ``on_data``
    callback) and :meth:`close` (an ``on_closed`` callback). Escape sequences
    and carriage returns are dropped. When ``answer`` is set, cursor position
    queries (``ESC[6n``, sent by busybox after each prompt) are answered with an
    estimate of the cursor (column exact for the current line, row clamped to
    ``rows``), since nothing else would answer them headless.
    """

    def __init__(self, answer: Callable[[bytes], None] | None = None, *, rows: int = 24) -> None:
        self.answer = answer
        self.rows = rows
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._held = ""
        self._text: list[str] = []
        self._joined = ""
        self._dirty = False
        self._search_from = 0
        self._lines_seen = 0
        self._closed_reason: str | None = None
        self._waiters: list[asyncio.Future[None]] = []

    @property
    def text(self) -> str:
        """Everything printed so far, escapes and carriage returns removed."""
        if self._dirty:
            self._joined = "".join(self._text)
            self._text = [self._joined]
            self._dirty = False
        return self._joined

    @property
    def closed_reason(self) -> str | None:
        return self._closed_reason

    def feed(self, data: bytes) -> None:
        raw = self._held + self._decoder.decode(data)
        partial = _PARTIAL_ESCAPE.search(raw)
        if partial is not None:
            self._held = raw[partial.start() :]
            raw = raw[: partial.start()]
        else:
            self._held = ""
        queries = raw.count(_CURSOR_QUERY)
        if queries:
            # Answer each query with the cursor as it stood when it was asked.
            for piece in raw.split(_CURSOR_QUERY)[:-1]:
                self._append(piece)
                self._answer_cursor()
            self._append(raw.rsplit(_CURSOR_QUERY, 1)[1])
        else:
            self._append(raw)
        self._wake()

    def close(self, reason: str = "closed") -> None:
        self._closed_reason = reason
        self._wake()

    async def wait_for(
        self, pattern: str | re.Pattern[str], timeout: float, *, partial_line: bool = False
    ) -> re.Match[str]:
        """Wait until ``pattern`` appears after the previous match; return the match.

        By default only complete lines are searched (a console may deliver half
        a line, and ``ip=\\S+`` must not match ``ip=10.0``); pass
        ``partial_line=True`` to wait for a prompt. Raises :class:`TimeoutError`
        (with the last lines seen) or :class:`ConsoleClosedError`.
        """
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            text = self.text
            end = len(text) if partial_line else text.rfind("\n") + 1
            match = regex.search(text, self._search_from, max(end, self._search_from))
            if match is not None:
                self._search_from = match.end()
                return match
            if self._closed_reason is not None:
                raise ConsoleClosedError(
                    f"console closed ({self._closed_reason}) before {regex.pattern!r}; "
                    f"last output: {text[-400:]!r}"
                )
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"{regex.pattern!r} not seen in {timeout:g} s; last output: {text[-400:]!r}"
                )
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.append(waiter)
            try:
                await asyncio.wait_for(asyncio.shield(waiter), remaining)
            except TimeoutError:
                pass
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)

    def _append(self, raw: str) -> None:
        if not raw:
            return
        plain = _ESCAPE.sub("", raw).replace("\r", "")
        plain = _CONTROL.sub("", plain)
        if plain:
            self._lines_seen += plain.count("\n")
            self._text.append(plain)
            self._dirty = True

    def _answer_cursor(self) -> None:
        if self.answer is None:
            return
        text = self.text
        column = len(text) - (text.rfind("\n") + 1) + 1
        row = min(self._lines_seen + 1, self.rows)
        self.answer(f"\x1b[{row};{column}R".encode())

    def _wake(self) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)
