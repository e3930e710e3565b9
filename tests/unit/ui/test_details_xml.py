"""The details window's XML tab on the test driver: edit, diff, apply, refusals, revert."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.editing import read_definition_xml
from kvmgui.ui.details.window import DetailsWindow
from kvmgui.ui.mainwindow import MainWindow
from tests.details_driver import apply_xml_and_confirm, edit_xml
from tests.fleet import domain_uuid
from tests.qt_helpers import run_task

Connect = Callable[[Path], Connection]
ONE_VCPU = "<vcpu placement='static'>1</vcpu>"


@pytest.fixture
def details(window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot) -> DetailsWindow:
    connection = connect(fleet_file)
    info = connection.domain(domain_uuid("bravo"))
    assert info is not None
    details = window.open_details(connection, info)
    details.tabs.setCurrentWidget(details.xml_tab)
    qtbot.waitUntil(lambda: "<name>bravo</name>" in details.xml_tab.editor.toPlainText(),
                    timeout=5000)
    return details


@pytest.fixture
def definition(
    details: DetailsWindow, loop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> Callable[[], str]:
    """Reads the VM's definition from libvirt, not from the tab."""
    return lambda: run_task(qtbot, loop, details.connection.call_domain(
        "read", details.info.uuid, read_definition_xml,
    ))


def test_an_edit_shows_its_diff_then_defines_the_vm(
    details: DetailsWindow, definition: Callable[[], str], qtbot: QtBot
) -> None:
    tab = details.xml_tab
    assert not tab.revert_button.isEnabled()
    edit_xml(tab, ONE_VCPU, "<vcpu placement='static'>3</vcpu>")
    assert tab.revert_button.isEnabled()
    diff = apply_xml_and_confirm(tab, qtbot)
    assert f"-  {ONE_VCPU}" in diff.splitlines()
    assert "+  <vcpu placement='static'>3</vcpu>" in diff.splitlines()
    assert tab.status.kind == "info" and "Applied" in tab.status.text()
    assert "<vcpu placement='static'>3</vcpu>" in definition()
    assert not tab.edited and not tab.revert_button.isEnabled()


def test_invalid_xml_shows_libvirts_message_and_keeps_the_text(
    details: DetailsWindow, definition: Callable[[], str], qtbot: QtBot
) -> None:
    tab = details.xml_tab
    before = definition()
    mine = edit_xml(tab, "</os>", "</os>\n  <bogus/>")
    apply_xml_and_confirm(tab, qtbot)
    assert tab.status.kind == "error" and tab.status.isVisibleTo(tab)
    assert "failed to validate against schema" in tab.status.text()
    assert "bogus" in tab.status.text()
    assert tab.editor.toPlainText() == mine and tab.edited
    assert definition() == before

    tab.validate_button.click()
    qtbot.waitUntil(lambda: "extra content: bogus" in tab.status.text(), timeout=5000)
    tab.revert_button.click()
    assert tab.editor.toPlainText() == before
    assert not tab.editor.document().isModified()
    assert not tab.status.isVisibleTo(tab)


def test_a_definition_read_while_the_user_edits_does_not_replace_their_text(
    window: MainWindow, details: DetailsWindow, definition: Callable[[], str], qtbot: QtBot
) -> None:
    """A change of the VM re-reads its definition; the answer may come after the
    user began to type (seen in CI: the sizes read after a first listing)."""
    tab = details.xml_tab
    before = definition()
    with qtbot.waitSignal(window.ops.finished, timeout=5000):
        tab.show_info(details.info)  # the VM changed: its definition is read again...
        mine = edit_xml(tab, "</os>", "</os>\n  <!-- mine -->")  # ...while the user types
    assert tab.editor.toPlainText() == mine and tab.edited
    tab.revert_button.click()
    assert tab.editor.toPlainText() == before


def test_another_vms_name_is_refused_before_any_diff(details: DetailsWindow, qtbot: QtBot) -> None:
    tab = details.xml_tab
    mine = edit_xml(tab, "<name>bravo</name>", "<name>alpha</name>")
    tab.apply_button.click()
    qtbot.waitUntil(lambda: tab.status.kind == "error", timeout=5000)
    assert tab.status.text() == "The name 'alpha' belongs to another VM."
    assert tab.diff_dialog is None
    assert tab.editor.toPlainText() == mine


def test_an_unchanged_xml_has_nothing_to_apply(details: DetailsWindow, qtbot: QtBot) -> None:
    tab = details.xml_tab
    tab.apply_button.click()
    qtbot.waitUntil(lambda: tab.status.kind == "info", timeout=5000)
    assert tab.status.text().startswith("Nothing to apply")
    tab.validate_button.click()
    qtbot.waitUntil(lambda: tab.status.text() == "The XML is valid.", timeout=5000)


def test_every_control_of_the_tab_has_an_accessible_name(details: DetailsWindow) -> None:
    tab = details.xml_tab
    controls = [*tab.findChildren(QAbstractButton), *tab.findChildren(QPlainTextEdit)]
    assert len(controls) >= 4
    assert all(control.accessibleName() for control in controls)


def test_in_german_the_refusals_and_the_verdict_are_german(
    german: None, details: DetailsWindow, qtbot: QtBot
) -> None:
    tab = details.xml_tab
    tab.validate_button.click()
    qtbot.waitUntil(lambda: tab.status.text() == "Das XML ist gültig.", timeout=5000)
    edit_xml(tab, "<name>bravo</name>", "<name>alpha</name>")
    tab.apply_button.click()
    qtbot.waitUntil(lambda: tab.status.kind == "error", timeout=5000)
    assert tab.status.text() == "Der Name 'alpha' gehört zu einer anderen VM."
