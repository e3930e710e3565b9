"""The delete dialog: the seed ticked, who else uses each disk, a second confirmation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.ui.delete_dialog import DeleteDialog
from kvmgui.ui.ops import OpRunner
from tests.fleet import write_node
from tests.unit.core.test_shared_storage import HOST, IMAGES

SEED, SHARED = f"{IMAGES}/doomed-seed.iso", f"{IMAGES}/shared.iso"


def disk_items(dialog: DeleteDialog, uuid: str) -> dict[str, QTreeWidgetItem]:
    vm_item = dialog._vm_items[uuid]
    children = [vm_item.child(i) for i in range(vm_item.childCount())]
    return {child.text(2): child for child in children if child is not None}


def confirmation(dialog: DeleteDialog) -> QMessageBox:
    box = dialog.shared_confirmation
    assert box is not None and box.isVisible()
    return box


def test_shared_storage_is_deleted_only_after_a_second_confirmation(
    connect: Callable[[Path], Connection], ops: OpRunner, tmp_path: Path, qtbot: QtBot,
) -> None:
    connection = connect(write_node(tmp_path / "host.xml", [], HOST))
    doomed = next(info for info in connection.domains() if info.name == "doomed")
    dialog = DeleteDialog([(connection, doomed)], ops)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.delete_button.isEnabled, timeout=5000)
    items = disk_items(dialog, doomed.uuid)
    assert dialog.ticked_paths(doomed.uuid) == [SEED]  # the password hash goes by default
    assert "cloud-init seed" in items[SEED].text(1)
    assert items[SHARED].text(3) == "also-reader, reader"
    assert items[f"{IMAGES}/base.qcow2"].text(3) == "overlaid"

    items[SHARED].setCheckState(0, Qt.CheckState.Checked)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    box = confirmation(dialog)
    assert SHARED in box.text() and "used by also-reader, reader" in box.text()
    with qtbot.assertNotEmitted(dialog.deletion_chosen):
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.shared_confirmation is None

    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    box = confirmation(dialog)
    delete_anyway = next(b for b in box.buttons() if b.text() == "Delete Anyway")
    with qtbot.waitSignal(dialog.deletion_chosen, timeout=5000) as chosen:
        delete_anyway.click()
    [deletion] = chosen.args[0]
    assert deletion.volume_paths == [SEED, SHARED]
    assert deletion.confirmed_shared == {SHARED}
    assert not dialog.isVisible()
