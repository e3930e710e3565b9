"""kvmgui works from its wheel alone: built from the source tree, installed into
a fresh venv outside it, ``kvmgui --demo`` lists the demo fleet with its icon.
``python -m build`` makes the sdist and the wheel.

Dependencies come from pip's own index and cache, as for ``make deps``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.demo_check import (
    REPO,
    RUN_TIMEOUT_S,
    assert_demo_listed,
    assert_speaks_german,
)

pytestmark = pytest.mark.packaging

# What a checkout holds besides its sources (.gitignore); a stale build/ would
# even end up in the wheel.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", ".cache", ".stamps", "build", "dist", "*.egg-info", "__pycache__",
    ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis",
)
PIP_TIMEOUT_S = 300


def _run(command: list[str | Path], cwd: Path, timeout: float) -> str:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Path]:
    """The bin/ directory of a fresh venv that has kvmgui's wheel and its dependencies."""
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCES)
    wheelhouse = tmp_path / "wheelhouse"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _run([*pip, "wheel", "--no-deps", "-w", wheelhouse, source], tmp_path, PIP_TIMEOUT_S)
    (wheel,) = wheelhouse.glob("kvmgui-*.whl")
    venv = tmp_path / "venv"
    # No pip of its own: this venv's pip installs into it (--python), which saves seconds.
    _run([sys.executable, "-m", "venv", "--without-pip", venv], tmp_path, RUN_TIMEOUT_S)
    _run(
        [*pip, "--python", venv / "bin" / "python", "install", "--no-compile", wheel],
        tmp_path, PIP_TIMEOUT_S,
    )
    yield venv / "bin"
    shutil.rmtree(venv)  # a few hundred MB of Qt


def test_the_installed_wheel_runs_the_demo(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(
        [installed / "python", "-c", "import kvmgui; print(kvmgui.__file__)"],
        elsewhere, RUN_TIMEOUT_S,
    )
    assert Path(where.strip()).is_relative_to(installed.parent)

    assert_demo_listed(installed / "kvmgui", elsewhere, installed.parent)
    assert_speaks_german(installed / "python", elsewhere)


def test_python_m_build_makes_the_sdist_and_the_wheel(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCES)
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "build", "--outdir", dist, source], tmp_path, PIP_TIMEOUT_S)
    (sdist,) = dist.glob("kvmgui-*.tar.gz")
    (wheel,) = dist.glob("kvmgui-*.whl")
    with tarfile.open(sdist) as archive:
        in_sdist = {Path(name).relative_to(archive.getnames()[0]) for name in archive.getnames()}
    assert {Path("kvmgui/__main__.py"), Path("resources/demo-fleet.xml")} <= in_sdist
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    assert {"kvmgui/__main__.py", "kvmgui/resources/demo-fleet.xml",
            "kvmgui/resources/kvmgui.svg", "kvmgui/resources/translations/kvmgui_de.qm",
            "kvmgui/resources/translations/kvmgui_en.qm"} <= in_wheel
