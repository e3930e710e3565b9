"""kvmgui/core is the library: it must work without Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import kvmgui.core


def test_core_imports_no_qt() -> None:
    modules = sorted(
        info.name for info in pkgutil.walk_packages(kvmgui.core.__path__, "kvmgui.core.")
    )
    assert "kvmgui.core.connection" in modules
    # A fresh interpreter: this test process has Qt loaded by other tests.
    probe = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'qasync', 'PyQt5', 'PyQt6', 'pyqtgraph')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]", result.stdout
