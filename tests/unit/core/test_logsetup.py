"""The log file names VMs, hosts and URIs: only its owner may read it."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvmgui.core.logsetup import setup_logging


@pytest.fixture
def restored_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.mark.usefixtures("restored_root_logger")
def test_log_directory_and_file_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    (tmp_path / "kvmgui").mkdir(mode=0o755)  # as an older version left it
    log_file = setup_logging(debug=False)
    assert log_file == tmp_path / "kvmgui" / "kvmgui.log"
    logging.getLogger("kvmgui.test").warning("written")
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert "written" in log_file.read_text()
