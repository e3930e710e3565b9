"""pyproject.toml lists every package of kvmgui, so that the wheel ships them all."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_package_under_kvmgui_is_listed() -> None:
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    on_disk = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "kvmgui").rglob("__init__.py")
    }
    assert set(setuptools["packages"]) == on_disk | {"kvmgui.resources"}
    assert setuptools["package-dir"] == {"kvmgui.resources": "resources"}
