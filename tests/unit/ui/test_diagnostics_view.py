"""The Diagnostics tab: the checklist on the test driver and on a connection that fails,
and a failed KVM self-test making the wizard propose TCG."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import libvirt
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.diagnostics import GuestRun, SelfTestResult, Status
from kvmgui.core.hostfacts import read_host_facts
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.host.diagnostics_view import DiagnosticsView
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.settings import Settings
from kvmgui.ui.wizard.finish_page import FinishPage
from tests.qt_helpers import open_connection

HANGS = SelfTestResult(GuestRun("kvm", None, None), GuestRun("qemu", 0.3, 0.4))
WORKS = SelfTestResult(GuestRun("kvm", 0.1, 0.2), GuestRun("qemu", 0.3, 0.4))


def _view(connection: Connection, ops: OpRunner, settings: Settings,
          qtbot: QtBot) -> DiagnosticsView:
    view = DiagnosticsView(connection, ops, settings)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.checks_shown, timeout=10000):
        view.show()
    return view


def test_checklist_of_a_connected_host(
    manager: ConnectionManager, ops: OpRunner, settings: Settings, qtbot: QtBot,
    tmp_path: Path,
) -> None:
    node = tmp_path / "node.xml"
    node.write_text("<node/>\n")
    connection = open_connection(manager, qtbot, f"test://{node}")
    view = _view(connection, ops, settings, qtbot)
    checks = {check.title: check for check in view.checks()}
    assert checks["Connect to the libvirt daemon"].status is Status.OK
    assert checks["Default network"].status is Status.WARNING  # the node has none
    assert checks["Default network"].fix
    # The first thing to fix is shown in full below the list.
    assert view.details.text().startswith("Default network: ")
    assert "How to fix: " in view.details.text()
    assert view.self_test_button.isEnabled()
    assert view.checklist.accessibleName() and view.self_test_button.accessibleName()

    view._on_self_test_done(HANGS)  # what the self-test found on this machine
    assert "TCG is the safe choice" in settings.kvm_self_test_finding(connection.uri)
    qtbot.waitSignal(view.checks_shown, timeout=10000).wait()
    shown = view.checks()[-1]
    assert (shown.title, shown.status) == ("KVM self-test", Status.PROBLEM)
    assert "default to TCG" in shown.found

    view._on_self_test_done(WORKS)
    assert settings.kvm_self_test_finding(connection.uri) == ""


def test_a_connection_that_fails_is_diagnosed_by_connecting(
    manager: ConnectionManager, ops: OpRunner, settings: Settings, qtbot: QtBot,
    tmp_path: Path,
) -> None:
    missing = tmp_path / "missing.xml"
    connection = manager.add(f"test://{missing}")
    view = _view(connection, ops, settings, qtbot)
    (check,) = view.checks()
    assert check.status is Status.PROBLEM and check.found
    assert not view.self_test_button.isEnabled()


def test_the_wizard_proposes_tcg_after_a_failed_self_test(qtbot: QtBot, tmp_path: Path) -> None:
    node = tmp_path / "node.xml"
    node.write_text("<node/>\n")
    conn = libvirt.open(f"test://{node}")
    facts = read_host_facts(conn)
    conn.close()
    page = FinishPage()
    qtbot.addWidget(page)
    page.set_host_facts(replace(facts, guest=replace(facts.guest, kvm=True)))
    assert page.virt_type_combo.currentData() == "kvm"
    page.prefer_tcg(HANGS.check().found)
    assert page.virt_type == "qemu"
    assert "TCG is the safe choice" in page.virt_type_combo.toolTip()
