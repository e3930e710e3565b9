"""The data files shipped in the package ``kvmgui.resources`` as real files."""

from __future__ import annotations

import atexit
import contextlib
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

# Files extracted from a zipped package live until the process exits: libvirt
# reads the demo fleet again on every reconnect, Qt the icon on every paint.
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


@cache
def resource_file(name: str) -> Path:
    """The absolute path of a file of ``kvmgui.resources``, extracted once when
    the package is inside a zip (libvirt and Qt need a file on disk)."""
    return _extracted.enter_context(as_file(files("kvmgui.resources") / name)).resolve()
