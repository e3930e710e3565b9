"""The Networks tab of the Host window: virtual networks, who uses them, their DHCP leases.

The leases of the chosen network are read again every few seconds while the
tab is on screen: a guest that just booted shows up with its address.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QMessageBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core import networks
from kvmgui.core.connection import Connection
from kvmgui.core.networks import Lease, NetworkInfo
from kvmgui.core.texts import Translatable
from kvmgui.ui.host.forms import NewNetworkDialog, named
from kvmgui.ui.host.tab import ResourceCalls, ResourceTab
from kvmgui.ui.i18n import local_date_time, translate
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.widgets.plain import plain_label

LEASES_INTERVAL_MS = 3000


NETWORK_CALLS = ResourceCalls(
    define=networks.define_network, start=networks.start_network, stop=networks.stop_network,
    set_autostart=networks.set_network_autostart,
    stop_tip=Translatable("host.network_view", "Stop the network (VMs on it lose their link)"),
)


class NetworkView(ResourceTab[NetworkInfo]):
    """Networks above (with their actions), the chosen network's leases below."""

    leases_read = Signal(str)  # network name

    def __init__(
        self, connection: Connection, ops: OpRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            connection,
            ops,
            translate("host.network_view", "Network"),
            translate("host.network_view", "Virtual networks"),
            [
                translate("host.network_view", "Network"),
                translate("host.network_view", "Mode"),
                translate("host.network_view", "Subnet"),
                translate("host.network_view", "DHCP range"),
                translate("host.network_view", "Bridge"),
                translate("host.network_view", "State"),
                translate("host.network_view", "Autostart"),
                translate("host.network_view", "Used by"),
            ],
            NETWORK_CALLS,
            parent,
        )
        self.new_button.setToolTip(
            translate("host.network_view", "Define a NAT, isolated or routed network")
        )
        self.lease_title = named(
            plain_label(translate("host.network_view", "DHCP leases")),
            translate("host.network_view", "DHCP leases title"),
        )
        self.lease_list = named(QTreeWidget(), translate("host.network_view", "DHCP leases"))
        self.lease_list.setHeaderLabels(
            [
                translate("host.network_view", "IP address"),
                translate("host.network_view", "MAC address"),
                translate("host.network_view", "Host name"),
                translate("host.network_view", "Expires"),
            ]
        )
        self.lease_list.setRootIsDecorated(False)
        self.lease_timer = QTimer(self)
        self.lease_timer.setInterval(LEASES_INTERVAL_MS)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.resource_list)
        self.resource_buttons.addStretch()
        top_layout.addLayout(self.resource_buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.lease_title)
        bottom_layout.addWidget(self.lease_list)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.status)
        self.lease_timer.timeout.connect(self.read_leases)
        self.update_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.lease_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.lease_timer.stop()
        super().hideEvent(event)

    # -------------------------------------------------------------- reading

    def refresh(self) -> None:
        self.ops.run(
            self.connection.call(
                translate("host.network_view", "List virtual networks"), networks.list_networks
            ),
            lambda infos: self.show_resources(infos, _columns),
            on_failure=self.show_failure,
            owner=self,
        )

    @Slot()
    def on_selected(self) -> None:
        super().on_selected()
        self.lease_list.clear()
        self.read_leases()

    @Slot()
    def read_leases(self) -> None:
        name = self.selected_name()
        if not name:
            return
        self.ops.run(
            self.connection.call(
                translate("host.network_view", "Read the DHCP leases of {name}").format(name=name),
                partial(networks.dhcp_leases, name=name),
            ),
            partial(self._show_leases, name),
            on_failure=self.show_failure,
            owner=self,
        )

    def _show_leases(self, name: str, leases: list[Lease]) -> None:
        if name != self.selected_name():
            return
        self.lease_title.setText(
            translate("host.network_view", "DHCP leases of {name}: {len}").format(
                name=name, len=len(leases)
            )
        )
        self.lease_list.clear()
        for lease in leases:
            expires = (local_date_time(lease.expires) if lease.expires
                       else translate("host.network_view", "never"))
            QTreeWidgetItem(self.lease_list, [lease.ip, lease.mac, lease.hostname, expires])
        self.leases_read.emit(name)

    # -------------------------------------------------------------- actions

    def new_dialog(self) -> NewNetworkDialog:
        return NewNetworkDialog(self)

    def ask_delete(self) -> QMessageBox:
        name = self.selected_name()
        info = self.resource(name)
        users = ", ".join(info.users) if info is not None and info.users else "no VM"
        return self.confirm_delete(
            translate("host.network_view", "Delete Virtual Network"),
            translate(
                "host.network_view",
                "Delete the network {name}? It is used by {users}: those VMs lose their link, and "
                "will not start until their NIC is moved to another network.",
            ).format(name=name, users=users),
            lambda _also: self.run_op(
                translate("host.network_view", "Delete network {name}").format(name=name),
                partial(networks.delete_network, name=name),
            ),
        )


def _columns(info: NetworkInfo) -> list[str]:
    return [info.name, info.mode, info.subnet, info.dhcp_range, info.bridge,
            "active" if info.active else "inactive", "yes" if info.autostart else "no",
            ", ".join(info.users)]
