"""A launch imports only what the list's first paint needs (issue 13: a window in 0.4 s).

The entry point runs in a fresh interpreter on a test-driver fleet until the
log line of the first rows painted after the listing; the modules loaded then
must not include those that only actions, dialogs, consoles or cloning need.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.fleet import numbered_fleet, write_node

LAUNCH_TIMEOUT_S = 60

# Each is loaded when what needs it is first used (a dialog, an action, the
# icon view, a console, a clone); none of them serves the first paint.
NOT_BEFORE_FIRST_PAINT = (
    "kvmgui.core.clone",
    "kvmgui.core.templates",
    "kvmgui.core.snapshots",
    "kvmgui.core.storage",
    "kvmgui.core.xml.domain",
    "kvmgui.core.ssh",
    "kvmgui.ui.console.thumbnails",
    "kvmgui.ui.console.viewer_launcher",
    "kvmgui.ui.clone_dialog",
    "kvmgui.ui.delete_dialog",
    "kvmgui.ui.details",
    "kvmgui.ui.group_progress",
    "kvmgui.ui.shortcuts",
    "kvmgui.ui.tags_dialog",
    "kvmgui.ui.template_dialog",
    "uuid",
    "platform",
    "difflib",
)

# Runs the entry point, quits at the first-paint line and prints sys.modules.
LAUNCH = """
import json, logging, sys
from PySide6.QtWidgets import QApplication
from kvmgui.__main__ import main

class AtFirstPaint(logging.Handler):
    def emit(self, record):
        if record.getMessage().startswith("first rows painted after listing"):
            print(json.dumps(sorted(sys.modules)))
            QApplication.instance().quit()

logging.getLogger("kvmgui.ui.first_paint").addHandler(AtFirstPaint())
sys.exit(main(sys.argv[1:]))
"""


def test_the_first_paint_imports_no_dialog_action_or_console_code(tmp_path: Path) -> None:
    fleet = write_node(tmp_path / "fleet.xml", numbered_fleet(20))
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run(
        [sys.executable, "-c", LAUNCH, "--connect", f"test://{fleet}"], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=LAUNCH_TIMEOUT_S, check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert "kvmgui.ui.mainwindow" in loaded  # the window was built: the check means something
    assert sorted(loaded.intersection(NOT_BEFORE_FIRST_PAINT)) == []
