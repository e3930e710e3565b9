"""Guest addresses on the test driver: the IP column, its tooltip, the Overview, and
reading only while something shows them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainState
from kvmgui.core.lifecycle import Action
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import Column
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_uuid, write_node
from tests.qt_helpers import wait_for_state

Connect = Callable[[Path], Connection]
NETWORK = """<network><name>default</name><bridge name='virbr0'/>
<ip address='192.168.122.1' netmask='255.255.255.0'/></network>"""
FLEET = [
    FleetDomain("web", RUNNING, mac="52:54:00:00:00:01"),
    FleetDomain("off", SHUTOFF, mac="52:54:00:00:00:02"),
]


def ip_cell(window: MainWindow, connection: Connection, name: str,
            role: int = Qt.ItemDataRole.DisplayRole) -> object:
    index = window.model.domain_index(connection, domain_uuid(name), Column.IP_ADDRESS)
    return index.data(role)


def test_ip_column_shows_each_address_with_its_sources_and_the_overview_the_lease(
    window: MainWindow, connect: Connect, tmp_path: Path, qtbot: QtBot,
) -> None:
    connection = connect(write_node(tmp_path / "fleet.xml", FLEET, NETWORK))
    assert window.ip_column_action.isChecked()
    assert not window.view.isColumnHidden(Column.IP_ADDRESS)
    # The test driver makes up one address per NIC, the same from every source.
    qtbot.waitUntil(lambda: ip_cell(window, connection, "web") == "192.168.122.2",
                    timeout=5000)
    assert ip_cell(window, connection, "web", Qt.ItemDataRole.ToolTipRole) == (
        "192.168.122.2 (lease, arp)")
    assert not ip_cell(window, connection, "off")
    info = connection.domain(domain_uuid("web"))
    assert info is not None
    details = window.open_details(connection, info)
    # The Overview's line: the leased address (read with the VM's other facts).
    qtbot.waitUntil(lambda: details.overview.text("IP addresses") == "192.168.122.2",
                    timeout=5000)

    # Shut off: the address goes.
    details.vm_actions.lifecycle[Action.FORCE_OFF].trigger()
    wait_for_state(qtbot, window.manager, connection, domain_uuid("web"), DomainState.SHUTOFF)
    qtbot.waitUntil(lambda: not ip_cell(window, connection, "web"), timeout=5000)
    qtbot.waitUntil(lambda: details.overview.text("IP addresses") == "—", timeout=5000)


def test_addresses_are_read_only_while_shown(
    window: MainWindow, connect: Connect, tmp_path: Path,
) -> None:
    connect(write_node(tmp_path / "fleet.xml", FLEET))
    addresses = window.app.addresses
    assert addresses.active
    window.ip_column_action.trigger()
    assert window.view.isColumnHidden(Column.IP_ADDRESS)
    assert not addresses.active
