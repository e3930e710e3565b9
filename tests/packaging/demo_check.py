"""What ``kvmgui --demo --check`` of an installed kvmgui must report."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_S = 60


def assert_demo_listed(kvmgui: Path, cwd: Path, installed_under: Path) -> None:
    """Runs ``kvmgui --demo --check`` offscreen from ``cwd`` and checks that it
    listed every VM of the demo fleet found under ``installed_under`` (not the
    checkout's) and loaded its icon."""
    # The test's own interpreter settings must not leak into the installed kvmgui.
    env = {
        name: value for name, value in os.environ.items() if not name.startswith("PYTHON")
    } | {"QT_QPA_PLATFORM": "offscreen", "QT_NO_GLIB": "1"}
    result = subprocess.run(
        [kvmgui, "--demo", "--check"], cwd=cwd, env=env,
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
