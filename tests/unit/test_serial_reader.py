"""tests/serial_reader.py: what integration tests read from a guest's serial console."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest

from kvmgui.core.serial import CLOSED_EOF
from tests.serial_reader import ConsoleClosedError, SerialLineReader


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_marker_split_across_chunks_matches_only_when_the_line_is_complete() -> None:
    async def scenario() -> str:
        reader = SerialLineReader()
        reader.feed(b"udhcpc: lease obtained\r\nTINY-GUEST READY ip=192.168")
        with pytest.raises(TimeoutError, match=r"TINY-GUEST READY ip=192\.168"):
            await reader.wait_for(r"TINY-GUEST READY ip=(\S+)", timeout=0.05)
        asyncio.get_running_loop().call_later(0.01, reader.feed, b".122.57\r\n")
        match = await reader.wait_for(r"TINY-GUEST READY ip=(\S+)", timeout=2)
        return match.group(1)

    assert run(scenario()) == "192.168.122.57"


def test_escape_sequences_and_carriage_returns_are_dropped() -> None:
    reader = SerialLineReader()
    reader.feed(b"\x1b[1;32mTINY-GUEST\x1b[0m READY \x1b]0;title\x07ip=none\r\n")
    reader.feed(b"\x1b[")  # half an escape: held back, never shown
    reader.feed(b"0mdone\r\n")
    assert reader.text == "TINY-GUEST READY ip=none\ndone\n"


def test_cursor_query_is_answered_with_the_prompt_column() -> None:
    answers: list[bytes] = []
    reader = SerialLineReader(answer=answers.append)
    reader.feed(b"TINY-GUEST READY ip=none\r\n\r\ntiny-guest# \x1b[")
    assert answers == []
    reader.feed(b"6n")
    assert answers == [b"\x1b[3;13R"]
    assert reader.text.endswith("tiny-guest# ")


def test_waits_move_forward_and_prompts_need_partial_lines() -> None:
    async def scenario() -> list[str]:
        reader = SerialLineReader()
        reader.feed(b"tiny-guest# \x1b[6n")
        await reader.wait_for("tiny-guest# ", timeout=1, partial_line=True)
        reader.feed(b"uname -r\r\n6.1.0-amd64\r\ntiny-guest# \x1b[6n")
        release = await reader.wait_for(re.compile(r"^(\d\S+)$", re.M), timeout=1)
        # The first prompt was consumed: this finds the second one.
        await reader.wait_for("tiny-guest# ", timeout=1, partial_line=True)
        with pytest.raises(TimeoutError):
            await reader.wait_for("tiny-guest# ", timeout=0.05, partial_line=True)
        return [release.group(1)]

    assert run(scenario()) == ["6.1.0-amd64"]


def test_utf8_split_across_chunks() -> None:
    reader = SerialLineReader()
    data = "Grüße\n".encode()
    reader.feed(data[:3])
    reader.feed(data[3:])
    assert reader.text == "Grüße\n"


def test_closed_console_ends_the_wait() -> None:
    async def scenario() -> None:
        reader = SerialLineReader()
        asyncio.get_running_loop().call_later(0.01, reader.close, CLOSED_EOF)
        await reader.wait_for("never", timeout=5)

    with pytest.raises(ConsoleClosedError, match="guest stopped"):
        run(scenario())
