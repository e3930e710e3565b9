"""A scroll area's viewport, fetched without PySide's type discovery.

The first ``QAbstractScrollArea.viewport()`` of a process took 11 to 16 ms here:
PySide looks for the most derived Python type of the QWidget it returns, and
to do so creates every QtWidgets class it has not created yet, with their
enums (70 of them). A launch needs none of those before its first paint, and
a statistics tick must not stall on them. Found by its object name, the same
widget comes back as a QWidget at once; once it has a Python wrapper,
``viewport()`` returns that wrapper without discovery too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

# The object name Qt gives the viewport it creates (QAbstractScrollArea's own).
QT_VIEWPORT_NAME = "qt_scrollarea_viewport"


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, without the cost of its first call in a process."""
    found = area.findChild(QWidget, QT_VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else area.viewport()
