"""Logging: a rotating file in the XDG state directory, and stderr with --debug."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"


def state_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "kvmgui"


def setup_logging(debug: bool) -> Path | None:
    """Log to the state directory always, and to stderr when debugging.

    Returns the log file, or None when the state directory is not writable.
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    formatter = logging.Formatter(FORMAT)
    log_file: Path | None = state_dir() / "kvmgui.log"
    try:
        assert log_file is not None
        # The log names VMs, hosts and URIs: readable by its owner only.
        log_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        log_file.parent.chmod(0o700)
        file_handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        log_file.chmod(0o600)
        file_handler.setFormatter(formatter)
        root.addHandler(file_handler)
    except OSError:
        log_file = None
    stream = logging.StreamHandler()
    stream.setFormatter(formatter)
    stream.setLevel(logging.DEBUG if debug else logging.WARNING)
    root.addHandler(stream)
    return log_file
