"""The clone dialog on the test driver: validation, then clones made for real."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kvmgui.core.clone import CLONE_LIMIT
from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.ui.clone_dialog import CloneDialog
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import Role
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_uuid, pool_xml, write_node

Connect = Callable[[Path], Connection]
FLEET = [
    FleetDomain("base", SHUTOFF, disk="/pool/base.qcow2"),
    FleetDomain("base-2", SHUTOFF),
    FleetDomain("live", RUNNING, disk="/pool/base.qcow2"),
]


def _connect(connect: Connect, tmp_path: Path) -> Connection:
    extra = pool_xml("kvmgui-test-pool", "/pool", ["base.qcow2"])
    return connect(write_node(tmp_path / "fleet.xml", FLEET, extra))


def _info(connection: Connection, name: str) -> DomainInfo:
    info = connection.domain(domain_uuid(name))
    assert info is not None
    return info


def _select(window: MainWindow, connection: Connection, name: str) -> None:
    index = window.model.domain_index(connection, domain_uuid(name))
    window.view.setCurrentIndex(index)


@pytest.fixture
def dialog_for(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot,
) -> Callable[[str], CloneDialog]:
    connection = _connect(connect, tmp_path)

    def open_dialog(name: str) -> CloneDialog:
        dialog = CloneDialog(connection, _info(connection, name), window.ops, window)
        qtbot.addWidget(dialog)
        return dialog

    return open_dialog


def test_validation_names_clashes_pattern_and_count(
    dialog_for: Callable[[str], CloneDialog],
) -> None:
    dialog = dialog_for("base")
    assert dialog.pattern_edit.text() == "base-{n}"
    # base-1 is free, but three clones would take base-2, which exists.
    assert dialog.clone_button.isEnabled() and dialog.names_label.text() == "base-1"
    dialog.count_spin.setValue(3)
    assert not dialog.clone_button.isEnabled()
    assert dialog.problem_label.text() == "base-2 already exists."
    dialog.pattern_edit.setText("web")
    assert "put {n} in the name" in dialog.problem_label.text()
    dialog.pattern_edit.setText("web {n}")
    assert "letters, digits" in dialog.problem_label.text()
    dialog.pattern_edit.setText("web-{n}")
    assert dialog.clone_button.isEnabled() and not dialog.problem_label.isVisible()
    assert dialog.names_label.text() == "web-1, web-2, web-3"
    dialog.count_spin.setValue(CLONE_LIMIT + 10)
    assert dialog.count_spin.value() == CLONE_LIMIT
    assert dialog.names_label.text() == f"web-1, web-2, …, web-{CLONE_LIMIT}"
    assert dialog.clone_button.isEnabled()


def test_a_running_source_is_refused_unless_cloned_from_a_snapshot(
    dialog_for: Callable[[str], CloneDialog], qtbot: QtBot,
) -> None:
    dialog = dialog_for("live")
    assert not dialog.clone_button.isEnabled()
    assert "shut it down first" in dialog.problem_label.text()
    assert not dialog.snapshot_check.isHidden()
    assert "crash-consistent" in dialog.intro.text()
    dialog.snapshot_check.setChecked(True)
    assert dialog.clone_button.isEnabled() and not dialog.problem_label.isVisible()
    # The test driver takes no disk-only snapshot: the refusal is said, nothing is made.
    dialog.clone_button.click()
    qtbot.waitUntil(lambda: not dialog.summary_label.isHidden(), timeout=10000)
    assert "unsupported flags" in dialog.summary_label.text()
    assert {info.name for info in dialog._connection.domains()} == {"base", "base-2", "live"}
    assert dialog.clone_button.isEnabled()


def test_a_shut_off_source_is_not_offered_the_snapshot(
    dialog_for: Callable[[str], CloneDialog],
) -> None:
    assert dialog_for("base").snapshot_check.isHidden()


def test_ctrl_shift_c_clones_three_linked_clones_with_progress(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot,
) -> None:
    connection = _connect(connect, tmp_path)
    _select(window, connection, "base")
    window.show()
    qtbot.waitExposed(window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(CloneDialog)
    assert dialog is not None
    dialog.pattern_edit.setText("web-{n}")
    dialog.count_spin.setValue(3)
    dialog.start_check.setChecked(True)
    with qtbot.waitSignal(dialog.cloned, timeout=10000) as blocker:
        dialog.clone_button.click()
    outcome = blocker.args[0]
    assert [info.name for info in outcome.made] == ["web-1", "web-2", "web-3"]
    assert dialog.summary_label.text() == "Made 3 clones: web-1, web-2, web-3."
    assert [dialog.steps.item(i).text() for i in range(3)] == [
        "web-1: done", "web-2: done", "web-3: done"]
    assert dialog.progress.value() == 3

    def listed() -> bool:
        names = {info.name for info in connection.domains()}
        return {"web-1", "web-2", "web-3"} <= names

    qtbot.waitUntil(listed, timeout=5000)
    web_2 = next(info for info in connection.domains() if info.name == "web-2")
    index = window.model.domain_index(connection, web_2.uuid)
    assert index.data(Role.DOMAIN).state.is_active
    # The names just made now clash.
    assert not dialog.clone_button.isEnabled()


def test_in_german_the_problems_progress_and_summary_are_german(
    german: None, dialog_for: Callable[[str], CloneDialog], qtbot: QtBot,
) -> None:
    dialog = dialog_for("base")
    dialog.count_spin.setValue(3)
    assert dialog.problem_label.text() == "base-2 gibt es schon."
    dialog.pattern_edit.setText("web {n}")
    assert dialog.problem_label.text() == (
        "'web 1': Verwenden Sie nur Buchstaben, Ziffern und . _ + -, am Anfang einen "
        "Buchstaben oder eine Ziffer.")
    dialog.pattern_edit.setText("web-{n}")
    dialog.count_spin.setValue(2)
    with qtbot.waitSignal(dialog.cloned, timeout=10000):
        dialog.clone_button.click()
    assert dialog.summary_label.text() == "2 Klone erstellt: web-1, web-2."
    assert [dialog.steps.item(i).text() for i in range(2)] == [
        "web-1: erledigt", "web-2: erledigt"]
