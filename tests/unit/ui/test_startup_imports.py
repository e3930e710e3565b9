"""A launch imports only what the list's first paint needs (issue 13: a window in 0.4 s).

The entry point runs in a fresh interpreter on a test-driver fleet until the
log line of the first rows painted after the listing; the modules loaded then
must not include those that only actions, dialogs, consoles or cloning need.
The connection's open must begin before asyncio and Qt load, so that a large
fleet file is read while they do. And PySide must not have created every
QtWidgets class (11 to 16 ms), as its type discovery does on the first call of
``viewport()`` (see kvmgui/ui/widgets/viewport.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.fleet import numbered_fleet, write_node

LAUNCH_TIMEOUT_S = 60

# Each is loaded when what needs it is first used (a dialog, an action, the
# icon view, a console, a clone, a question while connecting, --check); none
# of them serves the first paint.
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
    "kvmgui.ui.credential_dialog",
    "kvmgui.ui.delete_dialog",
    "kvmgui.ui.details",
    "kvmgui.ui.group_progress",
    "kvmgui.ui.shortcuts",
    "kvmgui.ui.startup_check",
    "kvmgui.ui.tags_dialog",
    "kvmgui.ui.template_dialog",
    "uuid",
    "platform",
    "difflib",
)

# Modules that take a launch's first 0.2 s to load; the open must not wait for them.
LOADED_AFTER_THE_OPEN_BEGINS = ("asyncio", "PySide6.QtCore", "kvmgui.core.connection")

# Enums of a QtWidgets class the main window does not use before its first paint.
UNUSED_WIDGETS_ENUM = "QWizard.WizardStyle"

# Runs the entry point, quits at the first-paint line and prints the modules
# loaded when libvirt.open was first called and at the first paint.
LAUNCH = """
import enum, gc, json, logging, sys
import libvirt

loaded = {}
libvirt_open = libvirt.open

def open_noting_modules(*args):
    loaded.setdefault("at_open", sorted(sys.modules))
    return libvirt_open(*args)

libvirt.open = open_noting_modules
from kvmgui.__main__ import main

class AtFirstPaint(logging.Handler):
    def emit(self, record):
        if record.getMessage().startswith("first rows painted after listing"):
            from PySide6.QtWidgets import QApplication
            loaded["at_first_paint"] = sorted(sys.modules)
            loaded["widgets_enums"] = sorted(
                o.__qualname__ for o in gc.get_objects()
                if isinstance(o, enum.EnumType) and o.__module__ == "PySide6.QtWidgets")
            print(json.dumps(loaded))
            QApplication.instance().quit()

logging.getLogger("kvmgui.ui.first_paint").addHandler(AtFirstPaint())
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """The modules a launch had loaded when it began the open and at its first paint,
    and the QtWidgets enums then created."""
    tmp_path = tmp_path_factory.mktemp("launch")
    fleet = write_node(tmp_path / "fleet.xml", numbered_fleet(20))
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run(
        [sys.executable, "-c", LAUNCH, "--connect", f"test://{fleet}"], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=LAUNCH_TIMEOUT_S, check=False,
    )
    assert result.returncode == 0, result.stderr
    return {moment: set(modules)
            for moment, modules in json.loads(result.stdout.splitlines()[-1]).items()}


def test_the_first_paint_imports_no_dialog_action_or_console_code(
    loaded: dict[str, set[str]],
) -> None:
    at_first_paint = loaded["at_first_paint"]
    # The window was built: the check means something.
    assert "kvmgui.ui.mainwindow" in at_first_paint
    assert sorted(at_first_paint.intersection(NOT_BEFORE_FIRST_PAINT)) == []


def test_the_open_begins_before_asyncio_qt_and_the_connection_code_load(
    loaded: dict[str, set[str]],
) -> None:
    assert "libvirt" in loaded["at_open"]
    assert sorted(loaded["at_open"].intersection(LOADED_AFTER_THE_OPEN_BEGINS)) == []
    # They did load afterwards: the check means something.
    assert loaded["at_first_paint"].issuperset(LOADED_AFTER_THE_OPEN_BEGINS)


def test_the_first_paint_does_not_make_pyside_create_every_widgets_class(
    loaded: dict[str, set[str]],
) -> None:
    enums = loaded["widgets_enums"]
    assert "QAbstractItemView.SelectionMode" in enums  # the list's enums: the check means something
    assert UNUSED_WIDGETS_ENUM not in enums
