"""Screenshots on libvirt's test driver, which sends one fixed PNG for any domain.

A running guest's own screen is checked in tests/integration/test_consoles.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.screenshot import ScreenshotTooLarge, capture_screens, take_screenshot
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_uuid, write_node

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    fleet = [FleetDomain("web", RUNNING), FleetDomain("db", RUNNING), FleetDomain("off", SHUTOFF)]
    connection = libvirt.open(f"test://{write_node(tmp_path / 'fleet.xml', fleet)}")
    yield connection
    connection.close()


def test_take_screenshot_reads_the_whole_image(conn: libvirt.virConnect) -> None:
    data = take_screenshot(conn.lookupByName("web"))
    assert data.startswith(PNG_SIGNATURE)
    # A PNG ends with its IEND chunk and that chunk's CRC: the stream was read to the end.
    assert data[-12:-4] == b"\x00\x00\x00\x00IEND"


def test_capture_screens_converts_each_screen(conn: libvirt.virConnect) -> None:
    uuids = [domain_uuid(name) for name in ("web", "gone", "db")]
    running, screens = capture_screens(conn, uuids, limit=2, convert=lambda data: data[:8])
    assert running == 2
    assert screens == {
        domain_uuid("web"): PNG_SIGNATURE,
        domain_uuid("gone"): None,  # removed since it was listed: no screen to show
        domain_uuid("db"): PNG_SIGNATURE,
    }


def test_capture_screens_takes_none_above_the_limit(conn: libvirt.virConnect) -> None:
    converted: list[bytes] = []
    running, screens = capture_screens(
        conn, [domain_uuid("web")], limit=1, convert=converted.append
    )
    assert (running, screens, converted) == (2, {}, [])


def test_a_screen_larger_than_the_limit_is_refused(conn: libvirt.virConnect) -> None:
    whole = take_screenshot(conn.lookupByName("web"))
    with pytest.raises(ScreenshotTooLarge):
        take_screenshot(conn.lookupByName("web"), max_bytes=len(whole) - 1)
    assert take_screenshot(conn.lookupByName("web"), max_bytes=len(whole)) == whole
