"""PySide6 6.12.0 loses a reference to None on each Qt call returning nothing,
until CPython aborts (none_dealloc); pyproject.toml excludes it. This guards
against a release with the same fault."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_qt_calls_returning_nothing_keep_none_alive() -> None:
    qobject = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        qobject.setObjectName("kvmgui")
    # Unrelated work may take or drop a few references; a leak drops 1,000.
    assert sys.getrefcount(None) - before > -50
