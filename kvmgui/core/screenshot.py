"""Screenshots of running domains (``virDomainScreenshot``), for thumbnails.

Everything here blocks: run it in the connection's pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

import libvirt

log = logging.getLogger(__name__)

T = TypeVar("T")

SCREEN_CHUNK = 256 * 1024
# The guest chooses its screen size: a 7680x4320 screen as 32-bit PPM is 133 MB.
# Anything larger is refused rather than read into memory.
SCREENSHOT_MAX_BYTES = 160 * 1024 * 1024


class ScreenshotTooLarge(Exception):
    """The guest's screen is larger than SCREENSHOT_MAX_BYTES."""


def take_screenshot(dom: libvirt.virDomain, max_bytes: int = SCREENSHOT_MAX_BYTES) -> bytes:
    """The first screen of a running domain, as the image file libvirt sends.

    PNG from current QEMUs, PPM from older ones; raises ``libvirtError`` when
    the domain has no screen to show (no display, not running).
    """
    stream = dom.connect().newStream(0)
    try:
        dom.screenshot(stream, 0, 0)
        data = bytearray()
        while chunk := stream.recv(SCREEN_CHUNK):
            data += chunk
            if len(data) > max_bytes:
                raise ScreenshotTooLarge(f"the screen is larger than {max_bytes} bytes")
        stream.finish()
    except (libvirt.libvirtError, ScreenshotTooLarge):
        try:
            stream.abort()
        except libvirt.libvirtError as err:
            log.debug("aborting a screenshot stream failed: %s", err)
        raise
    return bytes(data)


def capture_screens(
    virconn: libvirt.virConnect, uuids: Iterable[str], limit: int, convert: Callable[[bytes], T]
) -> tuple[int, dict[str, T | None]]:
    """How many domains run, and the screens of ``uuids`` unless more than ``limit`` run.

    Each screenshot goes through ``convert`` as soon as it is read, in the
    calling thread (the pool), so that decoding and scaling cost the caller's
    loop nothing. A domain with no screen to show (stopped since, no display)
    gives None.
    """
    running = virconn.numOfDomains()
    screens: dict[str, T | None] = {}
    if running > limit:
        return running, screens
    for uuid in uuids:
        try:
            data = take_screenshot(virconn.lookupByUUIDString(uuid))
        except libvirt.libvirtError as err:
            log.debug("no screenshot of %s: %s", uuid, err.get_error_message())
            screens[uuid] = None
        except ScreenshotTooLarge as err:
            log.warning("no screenshot of %s: %s", uuid, err)
            screens[uuid] = None
        else:
            screens[uuid] = convert(data)
    return running, screens
