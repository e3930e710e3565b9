"""Tags on the test driver: editing them on several VMs, the tag: filter, the
group view, and lifecycle actions on a whole group."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo, DomainState
from kvmgui.core.lifecycle import Action
from kvmgui.core.metadata import KvmguiMetadata, change_tags, write_metadata
from kvmgui.core.tags import TEMPLATES_GROUP, UNTAGGED_GROUP, VmQuery, translated_states
from kvmgui.ui.group_progress import GroupActionDialog, RowStatus
from kvmgui.ui.i18n import shown
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import DomainTreeModel
from kvmgui.ui.models.tag_groups import GroupColumn, TagGroupModel
from kvmgui.ui.tags_dialog import TagsDialog
from kvmgui.ui.vm_actions import SelectedDomain, VmActions
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_uuid, write_node
from tests.qt_helpers import run_task, wait_for_state

Connect = Callable[[Path], Connection]


def visible_names(model: DomainTreeModel) -> list[str]:
    parent = model.index(0, 0)
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def info_of(connection: Connection, name: str) -> DomainInfo:
    info = connection.domain(domain_uuid(name))
    assert info is not None
    return info


def tags_of(connection: Connection, name: str) -> tuple[str, ...]:
    return info_of(connection, name).tags


def select(window: MainWindow, connection: Connection, names: list[str]) -> None:
    selection = window.view.selectionModel()
    selection.clearSelection()
    for name in names:
        index = window.model.domain_index(connection, domain_uuid(name))
        selection.select(index, QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def tag(window: MainWindow, connection: Connection, names: list[str], text: str,
        qtbot: QtBot) -> None:
    """Select ``names``, open the tags dialog, type ``text`` and press OK."""
    select(window, connection, names)
    dialog = window.vm_actions.edit_tags()
    assert isinstance(dialog, TagsDialog)
    dialog.add_edit.setText(text)
    dialog.ok_button.click()
    wanted = set(text.lower().split())
    qtbot.waitUntil(
        lambda: all(wanted <= set(tags_of(connection, name)) for name in names), timeout=5000
    )


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("tag:web state:running front", VmQuery(("front",), ("web",), ("running",))),
        ("TAG:Web tag:", VmQuery((), ("web",), ())),
        ("a:b", VmQuery(("a:b",), (), ())),
    ],
)
def test_query_parsing(text: str, query: VmQuery) -> None:
    assert VmQuery.parse(text) == query


@pytest.mark.parametrize(
    ("before", "after", "narrows"),
    [
        ("we", "web", True),
        ("web", "we", False),
        ("web", "web tag:db", True),
        ("tag:db", "", False),
        ("tag:we", "tag:web", False),
        ("state:r", "state:ru", True),
        ("state:off", "web", False),
        ("state:off", "state:off state:run", False),
        ("", "state:off", True),
    ],
)
def test_a_query_narrows_when_typing_on_can_only_hide_rows(
    before: str, after: str, narrows: bool,
) -> None:
    assert VmQuery.parse(after).narrows(VmQuery.parse(before)) is narrows


GERMAN_STATES = {"läuft": "running", "angehalten": "paused", "ausgeschaltet": "shutoff"}


def test_a_state_in_the_users_language_also_finds_the_english_one() -> None:
    assert VmQuery.parse("state:läu", GERMAN_STATES) == VmQuery((), (), ("läu", "running"))
    assert VmQuery.parse("state:a", GERMAN_STATES).states == ("a", "paused", "shutoff")
    assert VmQuery.parse("state:run", GERMAN_STATES).states == ("run",)
    assert VmQuery.parse("state:angeh", GERMAN_STATES).narrows(
        VmQuery.parse("state:a", GERMAN_STATES))


def test_in_german_the_state_filter_takes_german_and_english_state_names(
    german: None, window: MainWindow, connect: Connect, fleet_file: Path,
) -> None:
    connect(fleet_file)
    assert translated_states(shown)["läuft"] == "running"
    for text, names in (
        ("state:läuft", ["alpha", "echo"]),
        ("state:running", ["alpha", "echo"]),
        ("state:ausge", ["bravo", "delta"]),
        ("state:angehalten", ["charlie"]),
        ("state:off", ["bravo", "delta"]),
    ):
        window.filter_edit.setText(text)
        assert visible_names(window.model) == names, text


def test_tags_on_several_vms_then_removed_from_all(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    tag(window, connection, ["alpha", "bravo", "echo"], "web Prod", qtbot)
    assert tags_of(connection, "alpha") == ("prod", "web")
    assert tags_of(connection, "charlie") == ()
    tag(window, connection, ["alpha"], "db", qtbot)

    select(window, connection, ["alpha", "bravo"])
    dialog = window.vm_actions.edit_tags()
    assert isinstance(dialog, TagsDialog)
    states = {dialog.tag_list.item(row).text(): dialog.tag_list.item(row).checkState()
              for row in range(dialog.tag_list.count())}
    assert states == {"db": Qt.CheckState.PartiallyChecked, "prod": Qt.CheckState.Checked,
                      "web": Qt.CheckState.Checked}
    dialog.add_edit.setText("bad,tag")
    assert not dialog.ok_button.isEnabled() and "one word" in dialog.problem_label.text()
    dialog.add_edit.clear()
    dialog.tag_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # prod
    dialog.tag_list.item(0).setCheckState(Qt.CheckState.Unchecked)  # db
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: tags_of(connection, "alpha") == ("web",), timeout=5000)
    qtbot.waitUntil(lambda: tags_of(connection, "bravo") == ("web",), timeout=5000)
    assert tags_of(connection, "echo") == ("prod", "web")  # not selected: untouched


def test_tag_and_state_filters(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
) -> None:
    connection = connect(fleet_file)
    tag(window, connection, ["alpha", "bravo", "echo"], "web", qtbot)
    window.filter_edit.setText("tag:web")
    assert visible_names(window.model) == ["alpha", "bravo", "echo"]
    window.filter_edit.setText("tag:web state:running")
    assert visible_names(window.model) == ["alpha", "echo"]
    window.filter_edit.setText("tag:web state:running alpha")
    assert visible_names(window.model) == ["alpha"]
    window.filter_edit.setText("state:off")
    assert visible_names(window.model) == ["bravo", "delta"]
    window.filter_edit.setText("web")  # a plain word finds tags too
    assert visible_names(window.model) == ["alpha", "bravo", "echo"]
    # A tag added later shows the VM under the filter at once.
    window.filter_edit.setText("tag:db")
    assert visible_names(window.model) == []
    run_task(qtbot, loop, connection.call_domain(
        "tag delta", domain_uuid("delta"), partial(change_tags, added=["db"])))
    qtbot.waitUntil(lambda: visible_names(window.model) == ["delta"], timeout=5000)


def test_group_view_and_an_action_on_a_whole_group(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
) -> None:
    connection = connect(fleet_file)
    QAbstractItemModelTester(window.group_model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)
    tag(window, connection, ["bravo", "delta"], "web", qtbot)
    tag(window, connection, ["bravo"], "db", qtbot)
    run_task(qtbot, loop, connection.call_domain(
        "make template", domain_uuid("charlie"),
        lambda dom: write_metadata(dom, KvmguiMetadata(template=True)),
    ))
    qtbot.waitUntil(lambda: info_of(connection, "charlie").is_template, timeout=5000)
    window.group_by_tag_action.trigger()
    assert window.view_stack.currentWidget() is window.group_view
    model: TagGroupModel = window.group_model
    assert model.group_names() == [TEMPLATES_GROUP, "db", "web", UNTAGGED_GROUP]
    web = model.index(2, 0)
    assert web.data() == "web (2)"
    assert [model.index(r, 0, web).data() for r in range(2)] == ["bravo", "delta"]
    window.filter_edit.setText("tag:db")  # bravo alone, in both its groups
    assert model.group_names() == ["db", "web"]
    assert model.index(1, 0).data() == "web (1)"
    window.filter_edit.clear()

    # The group's row stands for its VMs: Start starts both.
    web = model.index(model.group_names().index("web"), 0)
    window.group_view.selectionModel().select(
        web, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    assert {s.info.name for s in window.selected_domains()} == {"bravo", "delta"}
    assert window.vm_actions.lifecycle[Action.START].isEnabled()
    resets: list[None] = []
    model.modelReset.connect(lambda: resets.append(None))
    spans: list[int] = []
    model.dataChanged.connect(lambda first, last: spans.append(last.row() - first.row() + 1))
    window.vm_actions.lifecycle[Action.START].trigger()
    for name in ("bravo", "delta"):
        wait_for_state(qtbot, window.manager, connection, domain_uuid(name),
                       DomainState.RUNNING)
    # State changes update their VMs' rows in place: no regrouping of every VM,
    # no repaint of the rows that did not change.
    assert resets == []
    assert spans and set(spans) == {1}
    states = [model.index(r, GroupColumn.STATE, web).data() for r in range(2)]
    assert all(state.startswith("Running") for state in states)
    # One progress view for the group, one summary (the status bar's may be
    # replaced at once by other news, such as the thumbnails pausing).
    [view] = window.findChildren(GroupActionDialog)
    qtbot.waitUntil(lambda: view.summary() == "Start: 2 of 2 done.", timeout=5000)
    # A state change moves nobody: the group stays selected.
    assert window.group_view.selectionModel().isRowSelected(
        model.group_names().index("web"), web.parent())
    window.group_by_tag_action.trigger()
    assert window.view_stack.currentWidget() is window.view
    assert model.rowCount() == 0  # not followed while hidden


def test_a_group_of_five_shows_one_progress_view_with_four_done_and_one_failed(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot,
) -> None:
    names = [f"web-{n}" for n in range(1, 6)]
    fleet = [FleetDomain(name, SHUTOFF) for name in names[:4]] + [FleetDomain("web-5", RUNNING)]
    connection = connect(write_node(tmp_path / "fleet.xml", fleet))
    # What the app believes lags behind: web-5 is shown shut off, but runs, so its
    # start fails on the test driver.
    stale = replace(info_of(connection, "web-5"), state=DomainState.SHUTOFF)
    targets = [SelectedDomain(connection, info_of(connection, name)) for name in names[:4]]
    targets.append(SelectedDomain(connection, stale))
    actions = VmActions(lambda: targets, window.ops, lambda: window.viewer_launcher, window)
    failures: list[str] = []
    window.ops.failed.connect(failures.append)
    said: list[str] = []
    actions.said.connect(said.append)
    actions.lifecycle[Action.START].trigger()
    [view] = window.findChildren(GroupActionDialog)
    assert view.isVisible() and view.windowTitle() == "Start 5 virtual machines"
    qtbot.waitUntil(lambda: said == ["Start: 4 of 5 done, 1 failed."], timeout=5000)
    assert view.summary_label.text() == "Start: 4 of 5 done, 1 failed."
    items = [view.rows.topLevelItem(row) for row in range(view.rows.topLevelItemCount())]
    rows = {item.text(0): item.text(1) for item in items if item is not None}
    assert all(rows[name] == "Done" for name in names[:4])
    assert rows["web-5"].startswith("Failed: ") and "already running" in rows["web-5"]
    assert view.progress.value() == 5 and not view.cancel_button.isEnabled()
    assert failures == []  # said in its row, not in a message of its own
    for name in names[:4]:
        wait_for_state(qtbot, window.manager, connection, domain_uuid(name), DomainState.RUNNING)


def test_cancel_pending_spares_the_vms_not_started_yet(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    targets = [SelectedDomain(connection, info_of(connection, name))
               for name in ("bravo", "delta")]
    view = GroupActionDialog(Action.START, targets, window.ops, window)
    view.start()
    assert view.cancel_button.isEnabled()
    view.cancel_pending()  # before the loop has run any of them
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=5000)
    assert view.statuses == [RowStatus.CANCELLED] * 2
    assert view.summary() == "Start: 0 of 2 done, 2 cancelled."
    assert all(not info_of(connection, name).state.is_active for name in ("bravo", "delta"))
