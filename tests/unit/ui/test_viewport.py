"""viewport_of gives the scroll area's viewport, whichever way it finds it."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeView, QWidget
from pytestqt.qtbot import QtBot

from kvmgui.ui.widgets.viewport import viewport_of


def test_it_is_the_viewport_qt_made(qtbot: QtBot) -> None:
    view = QTreeView()
    qtbot.addWidget(view)
    assert viewport_of(view) is view.viewport()


def test_it_is_a_viewport_set_in_place_of_qts(qtbot: QtBot) -> None:
    view = QTreeView()
    qtbot.addWidget(view)
    own = QWidget()
    view.setViewport(own)
    assert viewport_of(view) is own
