"""The Networks tab on libvirt's test driver: networks, their users, actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.networks import NetworkMode
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.host.forms import NewNetworkDialog
from kvmgui.ui.host.network_view import NetworkView
from kvmgui.ui.ops import OpRunner
from tests.qt_helpers import open_connection
from tests.unit.core.test_networks import NODE


@pytest.fixture
def network_conn(manager: ConnectionManager, qtbot: QtBot, tmp_path: Path) -> Connection:
    node = tmp_path / "node.xml"
    node.write_text(NODE)
    return open_connection(manager, qtbot, f"test://{node}")


@pytest.fixture
def view(network_conn: Connection, ops: OpRunner, qtbot: QtBot) -> NetworkView:
    networks = NetworkView(network_conn, ops)
    qtbot.addWidget(networks)
    with qtbot.waitSignal(networks.leases_read, timeout=10000):
        networks.show()
    return networks


def _names(view: NetworkView) -> list[str]:
    tree = view.resource_list
    items = (tree.topLevelItem(n) for n in range(tree.topLevelItemCount()))
    return [item.text(0) for item in items if item is not None]


def test_networks_are_listed_with_their_users(view: NetworkView) -> None:
    assert _names(view) == ["kvmgui-test-used"]
    item = view.resource_list.topLevelItem(0)
    assert item is not None
    assert item.text(7) == "kvmgui-test-vm"
    assert item.text(2) == "192.168.151.0/24"
    assert view.lease_title.text() == "DHCP leases of kvmgui-test-used: 0"
    assert view.lease_timer.isActive()
    view.hide()
    assert not view.lease_timer.isActive()


def test_create_stop_start_and_delete_a_network(view: NetworkView, qtbot: QtBot) -> None:
    dialog = view.ask_new()
    assert isinstance(dialog, NewNetworkDialog)
    dialog.name.setText("kvmgui-test-new")
    dialog.mode.setCurrentIndex(dialog.mode.findData(NetworkMode.ROUTED))
    dialog.subnet.setText("192.168.152.0/24")
    assert (dialog.dhcp_start.text(), dialog.dhcp_end.text()) == (
        "192.168.152.128", "192.168.152.254")
    dialog.dhcp_end.setText("192.168.152.255")
    assert not dialog.ok_button.isEnabled() and dialog.problem_label.text()
    dialog.dhcp_end.setText("192.168.152.200")
    with qtbot.waitSignal(view.listed, timeout=10000):
        dialog.ok_button.click()
    made = view.resource("kvmgui-test-new")
    assert made is not None and (made.mode, made.active) == ("routed", True)

    view.select("kvmgui-test-new")
    with qtbot.waitSignal(view.listed, timeout=10000):
        view.stop_button.click()
    assert view.start_button.isEnabled() and not view.stop_button.isEnabled()
    with qtbot.waitSignal(view.listed, timeout=10000):
        view.autostart_box.click()
    stopped = view.resource("kvmgui-test-new")
    assert stopped is not None and not stopped.autostart and not stopped.active

    box = view.ask_delete()
    assert "no VM" in box.text()
    delete = next(b for b in box.buttons() if b.accessibleName() == "Delete")
    with qtbot.waitSignal(view.listed, timeout=10000):
        delete.click()
    assert _names(view) == ["kvmgui-test-used"]


def test_deleting_a_used_network_names_its_users(view: NetworkView) -> None:
    box = view.ask_delete()
    assert "kvmgui-test-vm" in box.text()
    box.reject()


def test_every_control_has_an_accessible_name(view: NetworkView) -> None:
    controls = [w for w in vars(view).values()
                if isinstance(w, QAbstractButton | QLineEdit | QAbstractItemView)]
    assert len(controls) >= 7
    assert [w for w in controls if not w.accessibleName()] == []
