"""The Storage tab on libvirt's test driver: pools, volumes, filter, actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLineEdit,
    QProgressBar,
)
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.pools import PoolKind, PoolSpec, VolumeInfo
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.host.forms import NewPoolDialog
from kvmgui.ui.host.storage_view import StorageView
from kvmgui.ui.host.volume_model import VolumeTableModel
from kvmgui.ui.ops import OpRunner
from tests.qt_helpers import open_connection

VOLUMES = 600  # more than two slices of details


def _node(path: Path) -> Path:
    volumes = "".join(
        f"<volume><name>kvmgui-test-{n:04d}.qcow2</name><capacity>{(n + 1) * 1024}</capacity>"
        "</volume>" for n in range(VOLUMES)
    )
    path.write_text(
        "<node><pool type='dir'><name>kvmgui-test-big</name>"
        "<uuid>35bb2ad9-388a-cdfe-461a-b8907f6e53fe</uuid>"
        f"<target><path>/kvmgui-test-big</path></target>{volumes}</pool></node>\n"
    )
    return path


@pytest.fixture
def storage_conn(manager: ConnectionManager, qtbot: QtBot, tmp_path: Path) -> Connection:
    return open_connection(manager, qtbot, f"test://{_node(tmp_path / 'node.xml')}")


@pytest.fixture
def view(storage_conn: Connection, ops: OpRunner, qtbot: QtBot) -> StorageView:
    storage = StorageView(storage_conn, ops)
    qtbot.addWidget(storage)
    with qtbot.waitSignal(storage.volume_details_read, timeout=10000):
        storage.show()  # a shown view reads the host
    return storage


def test_volume_model_passes_qts_tester(qtbot: QtBot) -> None:
    model = VolumeTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_volumes([VolumeInfo(f"v{n}", f"/p/v{n}") for n in range(20)])
    model.update_volumes([VolumeInfo("v3", "/p/v3", 10, 5, "file"), VolumeInfo("x", "/x")])
    assert model.index(13, 1).data() == "10 B"  # v3, in name order after v0, v1, v10..v19, v2
    model.set_filter_text("V1")
    assert model.rowCount() == 11  # v1, v10..v19
    assert model.volume_count() == 20
    model.update_volumes([VolumeInfo("v12", "/p/v12", 2048, 5, "file"),
                          VolumeInfo("v3", "/p/v3", 20, 5, "file")])  # v3 is filtered out
    assert model.index(3, 1).data() == "2 KiB"
    model.set_filter_text("")
    assert model.index(13, 1).data() == "20 B"
    model.set_volumes([])
    assert model.rowCount() == 0


def test_pool_and_its_volumes_are_listed_with_sizes(view: StorageView) -> None:
    assert view.selected_name() == "kvmgui-test-big"
    assert view.volume_model.rowCount() == VOLUMES
    last = view.volume_model.volume(VOLUMES - 1)
    assert (last.name, last.capacity) == (f"kvmgui-test-{VOLUMES - 1:04d}.qcow2", VOLUMES * 1024)
    assert view.volume_model.index(1, 1).data() == "2 KiB"


def test_filter_as_you_type(view: StorageView, qtbot: QtBot) -> None:
    qtbot.keyClicks(view.filter_edit, "0599")
    assert view.volume_model.rowCount() == 1
    view.filter_edit.clear()
    assert view.volume_model.rowCount() == VOLUMES


def test_create_and_delete_a_volume(view: StorageView, qtbot: QtBot) -> None:
    dialog = view.ask_new_volume()
    dialog.name.setText("kvmgui-test-new.raw")
    dialog.format.setCurrentText("raw")
    dialog.size_box.setValue(0.5)
    with qtbot.waitSignal(view.volumes_listed, timeout=10000):
        dialog.ok_button.click()
    view.select_volume("kvmgui-test-new.raw")
    assert view.selected_volume() is not None
    assert view.delete_volume_button.isEnabled()
    box = view.ask_delete_volume()
    assert box is not None
    delete = next(b for b in box.buttons() if b.accessibleName() == "Delete")
    with qtbot.waitSignal(view.volumes_listed, timeout=10000):
        delete.click()
    assert "kvmgui-test-new.raw" not in view.volume_model.names()


def test_pool_actions(view: StorageView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.listed, timeout=10000):
        view.stop_button.click()
    assert view.volume_model.rowCount() == 0
    assert view.start_button.isEnabled() and not view.stop_button.isEnabled()
    with qtbot.waitSignal(view.volumes_listed, timeout=10000):
        view.start_button.click()
    with qtbot.waitSignal(view.listed, timeout=10000):
        view.autostart_box.click()
    assert view.autostart_box.isChecked()

    dialog = view.ask_new()
    assert isinstance(dialog, NewPoolDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(PoolKind.DIR))
    dialog.name.setText("kvmgui-test-second")
    assert not dialog.ok_button.isEnabled()  # no directory yet
    dialog.target.setText("/kvmgui-test-second")
    assert dialog.spec() == PoolSpec(PoolKind.DIR, "kvmgui-test-second", "/kvmgui-test-second")
    with qtbot.waitSignal(view.listed, timeout=10000):
        dialog.ok_button.click()
    view.select("kvmgui-test-second")
    box = view.ask_delete()
    assert "cannot be undone" in box.text()
    delete = next(b for b in box.buttons() if b.accessibleName() == "Delete")
    with qtbot.waitSignal(view.listed, timeout=10000):
        delete.click()
    assert [view.resource_list.topLevelItem(n).text(0)  # type: ignore[union-attr]
            for n in range(view.resource_list.topLevelItemCount())] == ["kvmgui-test-big"]


def test_every_control_has_an_accessible_name(view: StorageView) -> None:
    controls = [w for w in vars(view).values()
                if isinstance(w, QAbstractButton | QLineEdit | QAbstractItemView | QProgressBar)]
    assert len(controls) >= 14
    assert [w for w in controls if not w.accessibleName()] == []

