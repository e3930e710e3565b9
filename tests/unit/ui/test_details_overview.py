"""The Overview tab on the test driver: rename, title, description, autostart; refusals
said under their field, the other fields applied."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.ui.details.overview_tab import OverviewTab
from kvmgui.ui.details.window import DetailsWindow
from kvmgui.ui.mainwindow import MainWindow
from tests.fleet import domain_uuid

Connect = Callable[[Path], Connection]


def open_overview(window: MainWindow, connection: Connection, name: str,
                  qtbot: QtBot) -> OverviewTab:
    info = connection.domain(domain_uuid(name))
    assert info is not None
    details: DetailsWindow = window.open_details(connection, info)
    qtbot.waitUntil(lambda: details.overview.text("Firmware") == "BIOS", timeout=5000)
    return details.overview


def test_a_shut_off_vm_is_renamed_titled_described_and_autostarted(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    tab = open_overview(window, connection, "bravo", qtbot)
    assert tab.name.text() == "bravo" and not tab.apply_button.isEnabled()
    tab.name.setText("bravo-2")
    tab.title.setText("Build box")
    tab.description.setPlainText("Runs the nightly build.\nAsk before stopping it.")
    tab.autostart.setChecked(True)
    tab.name.textEdited.emit("bravo-2")
    assert tab.apply_button.isEnabled()
    tab.apply_button.click()
    qtbot.waitUntil(lambda: tab.status.kind == "info", timeout=5000)

    def renamed() -> bool:
        info = connection.domain(domain_uuid("bravo"))
        return info is not None and (info.name, info.title, info.autostart) == (
            "bravo-2", "Build box", True)

    qtbot.waitUntil(renamed, timeout=5000)
    qtbot.waitUntil(lambda: not tab.apply_button.isEnabled(), timeout=5000)
    assert tab.description.toPlainText() == "Runs the nightly build.\nAsk before stopping it."


def test_a_running_vm_is_not_renamed_and_says_why_under_the_name(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    tab = open_overview(window, connection, "alpha", qtbot)
    tab.name.setText("alpha-2")
    tab.description.setPlainText("described")
    tab.apply_button.click()
    qtbot.waitUntil(lambda: tab.status.kind == "error", timeout=5000)
    assert tab.errors["name"].text() == "libvirt renames only shut-off VMs: shut it down first."
    assert tab.errors["name"].isVisibleTo(tab) and not tab.errors["description"].isVisibleTo(tab)
    assert tab.name.text() == "alpha-2"  # the edit is kept
    tab.revert_button.click()
    assert tab.name.text() == "alpha" and tab.description.toPlainText() == "described"


def test_every_control_of_the_tab_has_an_accessible_name(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
) -> None:
    tab = open_overview(window, connect(fleet_file), "alpha", qtbot)
    controls = [w for kind in (QAbstractButton, QLineEdit, QPlainTextEdit)
                for w in tab.findChildren(kind)]
    assert len(controls) >= 6
    assert [c for c in controls if not c.accessibleName()] == []
