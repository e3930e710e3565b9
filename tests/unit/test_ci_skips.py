"""Under CI=true every skip fails (tests/conftest.py): a test's and a whole module's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SKIPS = {
    "test_one.py": 'import pytest\n\ndef test_needs_a_tool():\n    pytest.skip("no tool")\n',
    "test_all.py": 'import pytest\n\npytest.skip("no package", allow_module_level=True)\n',
}


def _pytest_on_skips(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    for name, text in SKIPS.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    env = {name: value for name, value in os.environ.items() if name != "CI"}
    if ci is not None:
        env["CI"] = ci
    # The project's conftest as a plugin, on test files outside the project.
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-c", tmp_path / "pytest.ini",
         "--rootdir", tmp_path, "-p", "no:cacheprovider", "--continue-on-collection-errors",
         tmp_path],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def test_skips_fail_under_ci(tmp_path: Path) -> None:
    result = _pytest_on_skips(tmp_path, "true")
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, result.stdout
    assert "test skipped under CI=true: Skipped: no tool" in result.stdout
    assert "test_all.py skipped under CI=true: " in result.stdout
    assert "no package" in result.stdout


def test_skips_are_skips_elsewhere(tmp_path: Path) -> None:
    result = _pytest_on_skips(tmp_path, None)
    assert result.returncode == pytest.ExitCode.OK, result.stdout
    assert "2 skipped" in result.stdout
