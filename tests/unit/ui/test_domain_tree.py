"""The domain tree model on the test driver: structure, sort, filter, events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import libvirt
import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from kvmgui.core.addresses import AddressSource, GuestAddress
from kvmgui.core.connection import Connection, DomainChanges
from kvmgui.core.domain import DomainInfo, DomainState
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.models.domain_tree import Column, DomainTreeModel, Role
from kvmgui.ui.ops import OpRunner
from tests.fleet import SHUTOFF, FleetDomain, numbered_fleet, write_node

Connect = Callable[[Path], Connection]


def names(model: DomainTreeModel, connection_row: int = 0) -> list[str]:
    parent = model.index(connection_row, 0)
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def mentions(uuid: str) -> Callable[[Connection, DomainChanges], bool]:
    """A waitSignal check: the change set is about this domain."""

    def check(_connection: Connection, changes: DomainChanges) -> bool:
        return uuid in changes.removed or any(
            info.uuid == uuid for info in (*changes.added, *changes.changed)
        )

    return check


def checked_model(manager: ConnectionManager) -> DomainTreeModel:
    model = DomainTreeModel(manager)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return model


def test_lists_every_domain_with_its_columns(
    manager: ConnectionManager, connect: Connect, fleet_file: Path
) -> None:
    model = checked_model(manager)
    connect(fleet_file)
    assert model.rowCount() == 1
    assert names(model) == ["alpha", "bravo", "charlie", "delta", "echo"]
    parent = model.index(0, 0)
    charlie = model.index(2, 0, parent)
    assert model.index(2, Column.STATE, parent).data() == "Paused"
    assert model.index(2, Column.VCPUS, parent).data() == "4"
    assert model.index(2, Column.MEMORY, parent).data() == "4 GiB"
    info = charlie.data(Role.DOMAIN)
    assert isinstance(info, DomainInfo)
    assert info.state is DomainState.PAUSED
    assert model.index(1, Column.STATE, parent).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.rowCount(charlie) == 0


def test_a_delegate_sees_through_multi_data_what_data_says(
    manager: ConnectionManager, connect: Connect, fleet_file: Path
) -> None:
    model = checked_model(manager)
    connect(fleet_file)
    parent = model.index(0, 0)
    delegate = QStyledItemDelegate()
    cells = (parent, model.index(2, Column.NAME, parent), model.index(2, Column.MEMORY, parent))
    for index in cells:
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)  # asks through multiData
        assert option.text == index.data()
        assert option.font.bold() == (index == parent)
        assert bool(option.displayAlignment & Qt.AlignmentFlag.AlignRight) == (
            index.data(Qt.ItemDataRole.TextAlignmentRole) is not None
        )
    state = model.index(1, Column.STATE, parent)
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, state)
    assert not option.icon.isNull()


def test_a_repainted_row_is_answered_from_what_it_answered_until_its_domain_changes(
    manager: ConnectionManager, connect: Connect, fleet_file: Path, qtbot: QtBot,
    ops: OpRunner, monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = checked_model(manager)
    connection = connect(fleet_file)
    bravo = next(d for d in connection.domains() if d.name == "bravo")
    delegate = QStyledItemDelegate()
    formatted: list[tuple[int, int]] = []
    domain_data = model._domain_data

    def counting(node: Any, info: DomainInfo, column: int, role: int) -> Any:
        formatted.append((column, role))
        return domain_data(node, info, column, role)

    monkeypatch.setattr(model, "_domain_data", counting)

    def painted_state() -> str:
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, model.domain_index(connection, bravo.uuid, Column.STATE))
        return option.text

    assert painted_state() == "Shut off"
    assert formatted
    formatted.clear()
    assert painted_state() == "Shut off"
    assert formatted == []  # the repaint formatted nothing
    with qtbot.waitSignal(
        manager.domains_changed, check_params_cb=mentions(bravo.uuid), timeout=5000
    ):
        ops.run(connection.call_domain("start", bravo.uuid, libvirt.virDomain.create))
    assert painted_state() == "Running (booted)"
    assert formatted


def test_a_painted_address_follows_the_addresses_changed_signal(
    manager: ConnectionManager, connect: Connect, fleet_file: Path
) -> None:
    model = checked_model(manager)
    connection = connect(fleet_file)
    alpha = next(d for d in connection.domains() if d.name == "alpha")
    known: dict[str, tuple[GuestAddress, ...]] = {}
    model.addresses_for = lambda _connection, uuid: known.get(uuid, ())
    delegate = QStyledItemDelegate()

    def painted_address() -> str:
        option = QStyleOptionViewItem()
        index = model.domain_index(connection, alpha.uuid, Column.IP_ADDRESS)
        delegate.initStyleOption(option, index)
        return option.text

    assert painted_address() == ""
    address = GuestAddress("192.168.122.7", 24, "52:54:00:00:00:07", (AddressSource.LEASE,))
    known[alpha.uuid] = (address,)
    model.on_addresses_changed(connection, alpha.uuid)
    assert painted_address() == "192.168.122.7"


def test_titles_arrive_after_the_listing(
    manager: ConnectionManager, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    model = checked_model(manager)
    connection = connect(fleet_file)

    def alpha_has_title() -> None:
        info = connection.domain(model.index(0, 0, model.index(0, 0)).data(Role.UUID))
        assert info is not None and info.title == "Alpha web server"

    qtbot.waitUntil(alpha_has_title, timeout=5000)
    assert model.index(0, 0, model.index(0, 0)).data(Qt.ItemDataRole.ToolTipRole) == (
        "Alpha web server"
    )


def test_typing_on_in_the_filter_shows_what_a_fresh_filter_shows(
    manager: ConnectionManager, connect: Connect, fleet_file: Path
) -> None:
    model = checked_model(manager)
    connect(fleet_file)
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    # Each text narrows the last one or not; after each, the rows are those a
    # model given only that text shows, in the same order.
    for text in ("", "a", "al", "al run", "l", "shut", "shut d", "e", "", "ch"):
        model.set_filter_text(text)
        fresh = DomainTreeModel(manager)
        fresh.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
        fresh.set_filter_text(text)
        assert names(model) == names(fresh), text


def test_sorts_by_each_column_both_ways(
    manager: ConnectionManager, connect: Connect, fleet_file: Path
) -> None:
    model = checked_model(manager)
    connect(fleet_file)
    model.sort(Column.MEMORY, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["echo", "bravo", "delta", "alpha", "charlie"]
    model.sort(Column.MEMORY, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["charlie", "alpha", "delta", "bravo", "echo"]
    model.sort(Column.STATE, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["alpha", "echo", "charlie", "bravo", "delta"]


def test_filter_matches_name_title_and_state(
    manager: ConnectionManager, connect: Connect, fleet_file: Path
) -> None:
    model = checked_model(manager)
    connect(fleet_file)
    model.set_filter_text("shut")
    assert names(model) == ["bravo", "delta"]
    model.set_filter_text("ALPHA")
    assert names(model) == ["alpha"]
    model.set_filter_text("running e")
    assert names(model) == ["echo"]
    model.set_filter_text("")
    assert len(names(model)) == 5


def test_state_change_from_an_event_moves_the_row_and_keeps_the_selection(
    manager: ConnectionManager, connect: Connect, fleet_file: Path, qtbot: QtBot, ops: OpRunner
) -> None:
    model = checked_model(manager)
    connection = connect(fleet_file)
    model.sort(Column.STATE, Qt.SortOrder.AscendingOrder)
    bravo = next(d for d in connection.domains() if d.name == "bravo")
    kept = QPersistentModelIndex(model.domain_index(connection, bravo.uuid))
    # The call itself changes nothing in the model: only the lifecycle event does
    # (the manager runs no periodic reconcile).
    with qtbot.waitSignal(
        manager.domains_changed, check_params_cb=mentions(bravo.uuid), timeout=5000
    ):
        ops.run(
            connection.call_domain("start", bravo.uuid, libvirt.virDomain.create)
        )
    assert names(model)[:3] == ["alpha", "bravo", "echo"]
    assert kept.isValid() and kept.data() == "bravo"
    assert model.index(kept.row(), Column.STATE, kept.parent()).data() == "Running (booted)"


def test_filtered_rows_follow_changes(
    manager: ConnectionManager, connect: Connect, fleet_file: Path, qtbot: QtBot, ops: OpRunner
) -> None:
    model = checked_model(manager)
    connection = connect(fleet_file)
    model.set_filter_text("running")
    assert names(model) == ["alpha", "echo"]
    echo = next(d for d in connection.domains() if d.name == "echo")
    with qtbot.waitSignal(model.rowsRemoved, timeout=5000):
        ops.run(
            connection.call_domain("stop", echo.uuid, libvirt.virDomain.destroy)
        )
    assert names(model) == ["alpha"]


def test_undefined_domain_disappears(
    manager: ConnectionManager, connect: Connect, fleet_file: Path, qtbot: QtBot, ops: OpRunner
) -> None:
    model = checked_model(manager)
    connection = connect(fleet_file)
    delta = next(d for d in connection.domains() if d.name == "delta")
    with qtbot.waitSignal(model.rowsRemoved, timeout=5000):
        ops.run(
            connection.call_domain("undefine", delta.uuid, libvirt.virDomain.undefine)
        )
    assert names(model) == ["alpha", "bravo", "charlie", "echo"]
    assert model.domain_index(connection, delta.uuid) == QModelIndex()


def test_two_connections_and_removal(
    manager: ConnectionManager, connect: Connect, fleet_file: Path, tmp_path: Path,
    qtbot: QtBot, ops: OpRunner,
) -> None:

    model = checked_model(manager)
    connect(fleet_file)
    other = write_node(tmp_path / "other.xml", [FleetDomain("zulu", SHUTOFF)])
    connect(other)
    assert model.rowCount() == 2
    assert names(model, 1) == ["zulu"]
    task = ops.run(manager.remove(f"test://{fleet_file}"))
    qtbot.waitUntil(task.done, timeout=5000)
    assert model.rowCount() == 1
    assert names(model, 0) == ["zulu"]


def test_large_listing_arrives_in_one_insert(
    manager: ConnectionManager, connect: Connect, tmp_path: Path, qtbot: QtBot
) -> None:
    model = DomainTreeModel(manager)
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(
        lambda parent, first, last: inserts.append((first, last)) if parent.isValid() else None
    )
    connect(write_node(tmp_path / "big.xml", numbered_fleet(1000)))
    assert inserts == [(0, 999)]
    assert model.domain_count() == 1000
