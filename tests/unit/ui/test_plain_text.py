"""Names, titles, URIs and messages are shown as typed, never read as HTML (issue 14, hole 8)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import Role
from tests.fleet import RUNNING, FleetDomain, write_node

HOSTILE = "<img src='/etc/passwd'><b>bold</b> & </p> ]]>"


def shown_as_typed(label: QLabel, text: str) -> bool:
    return label.textFormat() is Qt.TextFormat.PlainText and label.text() == text


def rendered(rich_or_plain: str) -> str:
    """The text a tooltip shows, as Qt renders it."""
    if not GuiQt.mightBeRichText(rich_or_plain):
        return rich_or_plain
    document = QTextDocument()
    document.setHtml(rich_or_plain)
    return document.toPlainText()


def test_a_hostile_title_and_message_are_shown_as_typed(
    window: MainWindow, connect: Callable[[Path], Connection], tmp_path: Path, qtbot: QtBot,
) -> None:
    connection = connect(write_node(tmp_path / "fleet.xml", [
        FleetDomain("web", RUNNING, title=HOSTILE),
    ]))
    uuid = connection.domains()[0].uuid

    def titled() -> DomainInfo:
        info = connection.domain(uuid)
        assert info is not None and info.title == HOSTILE
        return info

    qtbot.waitUntil(lambda: titled() is not None, timeout=5000)
    parent = window.model.index(0, 0)
    row = window.model.index(0, 0, parent)
    assert row.data(Role.UUID) == uuid
    assert rendered(row.data(Qt.ItemDataRole.ToolTipRole)) == HOSTILE

    details = window.open_details(connection, titled())
    assert details is not None
    assert details.overview.title.text() == HOSTILE  # an editable line: plain by nature

    window.message_bar.show_message(f"Could not start {HOSTILE}")
    assert shown_as_typed(window.message_bar._label, f"Could not start {HOSTILE}")
