"""The Storage tab of the Host window: a connection's pools and the volumes of the chosen one.

Every libvirt call is an op through the connection (kvmgui.core.pools). A
pool's volumes are listed by name in one call and shown at once; their sizes
follow in slices, so a pool of thousands of volumes never stalls the window.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core import pools
from kvmgui.core.connection import Connection
from kvmgui.core.pools import DELETE_POOL_WARNING, PoolInfo, VolumeInfo
from kvmgui.core.texts import Translatable
from kvmgui.core.units import format_bytes
from kvmgui.ui.host.forms import NewPoolDialog, VolumeSizeDialog, named
from kvmgui.ui.host.tab import ResourceCalls, ResourceTab, button
from kvmgui.ui.host.volume_model import (
    VOLUME_ROLE,
    VolumeColumn,
    VolumeTableModel,
)
from kvmgui.ui.i18n import translate
from kvmgui.ui.ops import OpRunner

# Sizes are read this many volumes per call: other calls pass in between.
DETAILS_SLICE = 250


POOL_CALLS = ResourceCalls(
    define=pools.define_pool, start=pools.start_pool, stop=pools.stop_pool,
    set_autostart=pools.set_pool_autostart,
    stop_tip=Translatable("host.storage_view", "Stop the pool (its volumes are kept)"),
)


class StorageView(ResourceTab[PoolInfo]):
    """Pools on the left (with their actions), the chosen pool's volumes on the right."""

    volumes_listed = Signal(str)  # pool name: names shown
    volume_details_read = Signal(str)  # pool name: every size shown
    transfer_finished = Signal(str)  # what finished ("" on failure)

    def __init__(
        self, connection: Connection, ops: OpRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            connection,
            ops,
            translate("host.storage_view", "Pool"),
            translate("host.storage_view", "Storage pools"),
            [
                translate("host.storage_view", "Pool"),
                translate("host.storage_view", "Type"),
                translate("host.storage_view", "State"),
                translate("host.storage_view", "Autostart"),
                translate("host.storage_view", "Free"),
            ],
            POOL_CALLS,
            parent,
        )
        self._listing = 0  # increases with every listing: stale answers are dropped
        self.refresh_pool_button = button(
            translate("host.storage_view", "Refresh"),
            translate("host.storage_view", "Re-read the pool's volumes from disk"),
        )
        self.resource_buttons.insertWidget(4, self.refresh_pool_button)

        self.volume_model = VolumeTableModel(self)
        # A table, not a tree: QTreeView asks every row whether it has children.
        self.volume_view = QTableView()
        self.volume_view.setModel(self.volume_model)
        rows = self.volume_view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform: no row is measured
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.volume_view.setShowGrid(False)
        self.volume_view.setWordWrap(False)
        self.volume_view.setAlternatingRowColors(True)
        self.volume_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        named(self.volume_view, translate("host.storage_view", "Volumes"))
        # The table's corner button selects every row; screen readers name it too.
        corner = self.volume_view.findChild(QAbstractButton)
        if corner is not None:
            named(corner, translate("host.storage_view", "Select all volumes"))
        header = self.volume_view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(VolumeColumn.NAME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(VolumeColumn.NAME, 260)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(
            translate("host.storage_view", "Filter volumes by name")
        )
        self.filter_edit.setClearButtonEnabled(True)
        named(self.filter_edit, translate("host.storage_view", "Filter volumes"))
        self.new_volume_button = button(translate("host.storage_view", "New Volume…"))
        self.resize_volume_button = button(translate("host.storage_view", "Resize…"))
        self.delete_volume_button = button(translate("host.storage_view", "Delete Volume…"))
        self.upload_button = button(
            translate("host.storage_view", "Upload…"),
            translate("host.storage_view", "Copy a local file into a new volume"),
        )
        self.download_button = button(
            translate("host.storage_view", "Download…"),
            translate("host.storage_view", "Copy the volume into a local file"),
        )
        self.progress = QProgressBar()
        named(self.progress, translate("host.storage_view", "Transfer progress"))
        self.progress.hide()

        pool_side = QWidget()
        pool_layout = QVBoxLayout(pool_side)
        pool_layout.setContentsMargins(0, 0, 0, 0)
        pool_layout.addWidget(self.resource_list)
        pool_layout.addLayout(self.resource_buttons)
        volume_side = QWidget()
        volume_layout = QVBoxLayout(volume_side)
        volume_layout.setContentsMargins(0, 0, 0, 0)
        volume_layout.addWidget(self.filter_edit)
        volume_layout.addWidget(self.volume_view)
        volume_buttons = QHBoxLayout()
        for widget in (self.new_volume_button, self.resize_volume_button,
                       self.delete_volume_button, self.upload_button, self.download_button):
            volume_buttons.addWidget(widget)
        volume_layout.addLayout(volume_buttons)
        volume_layout.addWidget(self.progress)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(pool_side)
        splitter.addWidget(volume_side)
        splitter.setSizes([160, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.status)
        self._connect_signals()
        self.update_actions()

    def _connect_signals(self) -> None:
        self.refresh_pool_button.clicked.connect(
            lambda: self.run_on_selected(
                translate("host.storage_view", "Refresh pool"), pools.refresh_pool
            )
        )
        self.filter_edit.textChanged.connect(self.volume_model.set_filter_text)
        self.volume_view.selectionModel().selectionChanged.connect(self.update_actions)
        self.new_volume_button.clicked.connect(self.ask_new_volume)
        self.resize_volume_button.clicked.connect(self.ask_resize_volume)
        self.delete_volume_button.clicked.connect(self.ask_delete_volume)
        self.upload_button.clicked.connect(self.ask_upload)
        self.download_button.clicked.connect(self.ask_download)

    # -------------------------------------------------------------- reading

    def refresh(self) -> None:
        """Re-list the pools (and the chosen pool's volumes)."""
        self.ops.run(
            self.connection.call(
                translate("host.storage_view", "List storage pools"), pools.list_pools
            ),
            lambda infos: self.show_resources(infos, _columns),
            on_failure=self.show_failure,
            owner=self,
        )

    @Slot()
    def on_selected(self) -> None:
        super().on_selected()
        name = self.selected_name()
        info = self.resource(name)
        self._listing += 1
        if info is None or not info.active:
            self.volume_model.set_volumes([])
            return
        listing = self._listing
        self.ops.run(
            self.connection.call(
                translate("host.storage_view", "List the volumes of {name}").format(name=name),
                partial(pools.list_volumes, pool_name=name),
            ),
            partial(self._show_volumes, name, listing),
            on_failure=self.show_failure,
            owner=self,
        )

    def _show_volumes(self, pool: str, listing: int, volumes: list[VolumeInfo]) -> None:
        if listing != self._listing:
            return
        self.volume_model.set_volumes(volumes)
        self.volumes_listed.emit(pool)
        self.update_actions()
        self.ops.run(self._read_details(pool, listing), owner=self,
                     on_failure=self.show_failure)

    async def _read_details(self, pool: str, listing: int) -> None:
        names = self.volume_model.names()
        for start in range(0, len(names), DETAILS_SLICE):
            read = await self.connection.call(
                translate("host.storage_view", "Read the volumes of {pool}").format(pool=pool),
                partial(pools.read_volume_details, pool_name=pool,
                        names=names[start : start + DETAILS_SLICE]),
            )
            if listing != self._listing:
                return
            self.volume_model.update_volumes(read)
        self.volume_details_read.emit(pool)

    # ---------------------------------------------------------------- pools

    @Slot()
    def update_actions(self) -> None:
        super().update_actions()
        info = self.resource(self.selected_name())
        active = info is not None and info.active
        self.refresh_pool_button.setEnabled(active)
        volume = self.selected_volume()
        for widget in (self.new_volume_button, self.upload_button):
            widget.setEnabled(active)
        for widget in (self.resize_volume_button, self.delete_volume_button,
                       self.download_button):
            widget.setEnabled(active and volume is not None)

    def new_dialog(self) -> NewPoolDialog:
        return NewPoolDialog(self)

    def ask_delete(self) -> QMessageBox:
        name = self.selected_name()
        return self.confirm_delete(
            translate("host.storage_view", "Delete Storage Pool"),
            DELETE_POOL_WARNING.format(name=name, count=self.volume_model.volume_count()),
            lambda also: self.run_op(
                translate("host.storage_view", "Delete pool {name}").format(name=name),
                partial(pools.delete_pool, name=name, delete_storage=also),
            ),
            also=translate("host.storage_view", "Also delete its storage (every volume in it)"),
        )

    # -------------------------------------------------------------- volumes

    def selected_volume(self) -> VolumeInfo | None:
        rows = self.volume_view.selectionModel().selectedRows(0)
        if not rows:
            return None
        volume = rows[0].data(VOLUME_ROLE)
        assert isinstance(volume, VolumeInfo)
        return volume

    def select_volume(self, name: str) -> None:
        for row in range(self.volume_model.rowCount()):
            index = self.volume_model.index(row, 0)
            if index.data() == name:
                self.volume_view.setCurrentIndex(index)
                self.volume_view.selectionModel().select(
                    index, self.volume_view.selectionModel().SelectionFlag.ClearAndSelect
                    | self.volume_view.selectionModel().SelectionFlag.Rows)
                return

    def ask_new_volume(self) -> VolumeSizeDialog:
        dialog = VolumeSizeDialog(self)
        dialog.volume_chosen.connect(self.create_volume)
        dialog.open()
        return dialog

    def create_volume(self, name: str, fmt: str, size_bytes: int) -> None:
        pool = self.selected_name()
        self.run_op(
            translate("host.storage_view", "Create volume {name}").format(name=name),
            partial(pools.create_volume, pool_name=pool, name=name, size_bytes=size_bytes, fmt=fmt),
        )

    def ask_resize_volume(self) -> VolumeSizeDialog | None:
        volume = self.selected_volume()
        if volume is None:
            return None
        dialog = VolumeSizeDialog(self, resize_of=volume.name,
                                  size_bytes=volume.capacity or 0)
        dialog.volume_chosen.connect(
            lambda name, _fmt, size: self.resize_volume(name, size))
        dialog.open()
        return dialog

    def resize_volume(self, name: str, size_bytes: int) -> None:
        self.run_op(
            translate("host.storage_view", "Resize volume {name}").format(name=name),
            partial(
                pools.resize_volume,
                pool_name=self.selected_name(),
                name=name,
                size_bytes=size_bytes,
            ),
        )

    def ask_delete_volume(self) -> QMessageBox | None:
        volume = self.selected_volume()
        if volume is None:
            return None
        return self.confirm_delete(
            translate("host.storage_view", "Delete Volume"),
            translate(
                "host.storage_view",
                "Delete the volume {name} ({path})? Its data is lost; a virtual machine using it "
                "will not start.",
            ).format(name=volume.name, path=volume.path),
            lambda _also: self.delete_volume(volume.name),
        )

    def delete_volume(self, name: str) -> None:
        self.run_op(
            translate("host.storage_view", "Delete volume {name}").format(name=name),
            partial(pools.delete_volume, pool_name=self.selected_name(), name=name),
        )

    def ask_upload(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, translate("host.storage_view", "Upload a File into a New Volume")
        )
        if path:
            self.upload(path, os.path.basename(path))

    def ask_download(self) -> None:
        volume = self.selected_volume()
        if volume is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            translate("host.storage_view", "Download {name}").format(name=volume.name),
            volume.name,
        )
        if path:
            self.download(volume.name, path)

    def upload(self, path: str, name: str) -> None:
        """Copy the local file ``path`` into a new volume ``name`` of the chosen pool."""
        self._transfer(translate("host.storage_view", "Upload {name}").format(name=name), partial(
            pools.upload_file, pool_name=self.selected_name(), name=name, path=path))

    def download(self, name: str, path: str) -> None:
        """Copy the volume ``name`` into the new local file ``path``."""
        self._transfer(translate("host.storage_view", "Download {name}").format(name=name), partial(
            pools.download_volume, pool_name=self.selected_name(), name=name, path=path))

    def _transfer(self, what: str, fn: Callable[..., None]) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(f"{what}: %p%")
        self.progress.show()
        self.status.setText(f"{what}…")

        async def transfer() -> None:
            loop = asyncio.get_running_loop()
            task = asyncio.current_task()
            assert task is not None

            def show(done: int, total: int) -> None:
                # The op is cancelled when this view goes: then nothing is shown.
                if not task.done() and not task.cancelling():
                    self._show_progress(done, total)

            def progress(done: int, total: int) -> None:  # on the worker thread
                loop.call_soon_threadsafe(show, done, total)

            await self.connection.call(what, partial(fn, progress=progress))

        def finished(_result: None) -> None:
            self.progress.hide()
            self.op_done(what)
            self.transfer_finished.emit(what)

        def failed(error: Exception) -> None:
            self.progress.hide()
            self.show_failure(error)
            self.transfer_finished.emit("")

        self.ops.run(transfer(), finished, on_failure=failed, owner=self)

    def _show_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setValue(int(done * 1000 / total))


def _columns(info: PoolInfo) -> list[str]:
    return [info.name, info.kind, "active" if info.active else "inactive",
            "yes" if info.autostart else "no",
            format_bytes(info.available) if info.active else ""]
