"""What ``kvmgui --demo --check`` of an installed kvmgui must report."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_S = 60


# What the installed kvmgui prints of its own German and of Qt's (a dialog button).
SPEAKS_GERMAN = """
from PySide6.QtCore import QCoreApplication, QLocale
from kvmgui.ui.i18n import install_translators, translate
app = QCoreApplication([])
install_translators(app, QLocale("de_DE"))
print(translate("mainwindow", "&File"), QCoreApplication.translate("QPlatformTheme", "Cancel"))
"""


def _installed_env() -> dict[str, str]:
    # The test's own interpreter settings must not leak into the installed kvmgui.
    return {
        name: value for name, value in os.environ.items() if not name.startswith("PYTHON")
    } | {"QT_QPA_PLATFORM": "offscreen", "QT_NO_GLIB": "1"}


def assert_speaks_german(python: Path, cwd: Path) -> None:
    """The installed package holds the German translation, kvmgui's and Qt's."""
    result = subprocess.run(
        [python, "-c", SPEAKS_GERMAN], cwd=cwd, env=_installed_env(),
        capture_output=True, text=True, timeout=RUN_TIMEOUT_S, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["&Datei", "Abbrechen"]


def assert_demo_listed(kvmgui: Path, cwd: Path, installed_under: Path) -> None:
    """Runs ``kvmgui --demo --check`` offscreen from ``cwd`` and checks that it
    listed every VM of the demo fleet found under ``installed_under`` (not the
    checkout's) and loaded its icon."""
    result = subprocess.run(
        [kvmgui, "--demo", "--check"], cwd=cwd, env=_installed_env(),
        capture_output=True, text=True, timeout=RUN_TIMEOUT_S, check=False,
    )
    assert result.returncode == 0, result.stderr
    listed = re.search(r"^kvmgui: test://(\S+): listed (\d+) domains?$", result.stderr, re.M)
    assert listed is not None, result.stderr
    fleet = Path(listed.group(1))
    assert fleet.is_relative_to(installed_under), fleet
    expected = etree.parse(str(REPO / "resources" / "demo-fleet.xml")).getroot()
    assert int(listed.group(2)) == len(expected.findall("domain"))
    assert "kvmgui: icon loaded" in result.stderr.splitlines()
