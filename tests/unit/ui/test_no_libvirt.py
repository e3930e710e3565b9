"""kvmgui/ui renders and wires: every libvirt call and decision lives in kvmgui/core.

The check reads the sources rather than importing them: ui modules reach
libvirt through core at run time, so only what a ui file itself imports tells.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import kvmgui.ui

# The modules the libvirt-python distribution installs.
LIBVIRT_MODULES = frozenset({"libvirt", "libvirtaio", "libvirt_qemu", "libvirt_lxc"})
IMPORT_FUNCTIONS = frozenset({"import_module", "__import__"})


def _is_libvirt(module: str) -> bool:
    return module.split(".")[0] in LIBVIRT_MODULES


def libvirt_imports(source: str, filename: str) -> Iterator[tuple[int, str]]:
    """(line, module) of each libvirt import in ``source``, at any depth of the file."""
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, a.name) for a in node.names if _is_libvirt(a.name))
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and _is_libvirt(node.module):
                yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args:
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else (
                function.id if isinstance(function, ast.Name) else "")
            first = node.args[0]
            if (
                name in IMPORT_FUNCTIONS and isinstance(first, ast.Constant)
                and isinstance(first.value, str) and _is_libvirt(first.value)
            ):
                yield node.lineno, first.value


def test_the_check_finds_imports_at_every_level() -> None:
    source = (
        "import os, libvirt\n"
        "from libvirt import virDomain\n"
        "import libvirtaio as aio\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    import libvirt.foo\n"
        "def later():\n"
        "    import libvirt\n"
        "    return importlib.import_module('libvirt')\n"
        "from . import libvirt_helpers\n"  # a relative import of the project's own module
        "import libvirtish\n"
    )
    assert sorted(line for line, _module in libvirt_imports(source, "probe.py")) == [
        1, 2, 3, 6, 8, 9,
    ]


def test_ui_imports_no_libvirt() -> None:
    package = Path(kvmgui.ui.__file__).parent
    files = sorted(package.rglob("*.py"))
    assert package / "mainwindow.py" in files
    found = [
        f"{path.relative_to(package.parent.parent)}:{line}: {module}"
        for path in files
        for line, module in libvirt_imports(path.read_text(encoding="utf-8"), str(path))
    ]
    assert found == [], "ui modules that import libvirt:\n" + "\n".join(found)
