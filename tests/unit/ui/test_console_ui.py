"""Consoles in the UI on the test driver: launcher, serial tab, thumbnails, send key.

The test driver cannot open consoles (real guests do that in
tests/integration/test_consoles.py); here the viewer is a fake program.
"""

from __future__ import annotations

import asyncio
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess, Qt
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QPushButton, QToolBar
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.consoles import KeyCombo
from kvmgui.ui.console import thumbnails as thumbnails_module
from kvmgui.ui.console import viewer_launcher
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import Role
from kvmgui.ui.preferences import PreferencesDialog
from kvmgui.ui.settings import Settings
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, domain_uuid, node_xml
from tests.qt_helpers import run_task
from tests.unit.ui.test_mainwindow import select

Connect = Callable[[Path], Connection]

GRAPHICS_DOMAIN = f"""<domain type='test'>
  <name>with screen</name><uuid>{domain_uuid("with screen")}</uuid>
  <memory unit='MiB'>512</memory><vcpu>1</vcpu><os><type>hvm</type></os>
  <devices><graphics type='vnc' port='5900' autoport='no' listen='127.0.0.1'/></devices>
</domain>"""


@pytest.fixture
def screen_fleet(tmp_path: Path) -> Path:
    path = tmp_path / "screens.xml"
    path.write_text(
        node_xml([FleetDomain("plain", RUNNING), FleetDomain("idle", SHUTOFF),
                  FleetDomain("other", RUNNING)], extra=GRAPHICS_DOMAIN),
        encoding="utf-8",
    )
    return path


def fake_viewer(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-viewer"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


# --- send key -------------------------------------------------------------


def test_send_key_menu_follows_the_running_selection(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    connection = connect(fleet_file)
    labels = [a.text() for a in window.vm_menu.actions()]
    assert "Send &Key" in labels
    select(window, connection, "bravo")  # shut off
    assert not window.vm_actions.send_key_menu.isEnabled()
    select(window, connection, "alpha")
    assert window.vm_actions.send_key_menu.isEnabled()
    with qtbot.waitSignal(window.ops.finished, timeout=5000):
        window.vm_actions.send_key_menu.actions()[0].trigger()
    assert not window.message_bar.isVisible()
    # An invalid key code is refused: the message names the VM and the keys.
    with qtbot.waitSignal(window.ops.failed, timeout=5000) as failed:
        window.vm_actions.send_key_menu.key_requested.emit(KeyCombo("Bad", (29, 99999)))
    assert "Could not send Bad to alpha" in failed.args[0]
    assert window.message_bar.isVisible()


# --- graphical console launcher ---------------------------------------------


def test_open_console_is_in_toolbar_and_menus_with_ctrl_o(
    window: MainWindow, connect: Connect, fleet_file: Path
) -> None:
    connection = connect(fleet_file)
    assert window.vm_actions.open_console_action.shortcut().toString() == "Ctrl+O"
    assert not window.vm_actions.open_console_action.isEnabled()
    select(window, connection, "alpha")
    assert window.vm_actions.open_console_action.isEnabled()
    assert window.vm_actions.open_console_action in window.vm_menu.actions()
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert isinstance(toolbar, QToolBar)
    assert window.vm_actions.open_console_action in toolbar.actions()


def test_vm_without_graphics_offers_the_serial_console(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    connection = connect(fleet_file)
    select(window, connection, "alpha")
    with qtbot.waitSignal(window.viewer_launcher.no_graphics, timeout=5000):
        window.vm_actions.open_console_action.trigger()
    # Test-driver domains have no serial port either: nothing to offer.
    assert "alpha has no graphical or serial console" in window.message_bar.text


def test_serial_console_offer_opens_the_tab(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot
) -> None:
    connection = connect(fleet_file)
    info = next(i for i in connection.domains() if i.name == "alpha")
    window.on_no_graphics(connection, info, True)
    assert "serial console" in window.message_bar.text
    button = next(b for b in window.message_bar.findChildren(QPushButton)
                  if b.text() == "Open Serial Console")
    button.click()
    details = window.details_window(connection.uri, info.uuid)
    assert details is not None
    assert details.tabs.currentWidget() is details.serial_console
    # The test driver cannot open consoles: the tab says so, with a way to retry.
    tab = details.serial_console
    qtbot.waitUntil(lambda: "Could not open the serial console" in tab.status_text,
                    timeout=5000)
    assert tab.reconnect_button.isVisibleTo(tab)
    assert not tab.is_attached


def test_serial_console_of_a_stopped_vm_waits_for_it(
    window: MainWindow, connect: Connect, fleet_file: Path, qtbot: QtBot,
) -> None:
    connection = connect(fleet_file)
    info = next(i for i in connection.domains() if i.name == "bravo")
    details = window.open_details(connection, info)
    details.show_serial_console()
    waiting = "bravo is shut off. The console attaches when it starts."
    assert details.serial_console.status_text == waiting
    # The other tabs read the VM; once they have, no console attempt was made.
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=5000)
    assert details.serial_console.status_text == waiting
    assert not details.serial_console.is_attached


def test_missing_viewer_names_the_package(
    window: MainWindow, connect: Connect, screen_fleet: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    connection = connect(screen_fleet)
    monkeypatch.setattr(viewer_launcher, "find_viewer", lambda _name: None)
    select(window, connection, "with screen")
    with qtbot.waitSignal(window.viewer_launcher.failed, timeout=5000) as failed:
        window.vm_actions.open_console_action.trigger()
    assert "virt-viewer is not installed" in failed.args[0]
    assert "apt install virt-viewer" in window.message_bar.text


def test_viewer_that_exits_at_once_shows_its_stderr(
    window: MainWindow, connect: Connect, screen_fleet: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    connection = connect(screen_fleet)
    program = fake_viewer(tmp_path, 'echo "cannot open display: :99" >&2; exit 1')
    monkeypatch.setattr(viewer_launcher, "find_viewer", lambda _name: program)
    select(window, connection, "with screen")
    with qtbot.waitSignal(window.viewer_launcher.failed, timeout=10000) as failed:
        window.vm_actions.open_console_action.trigger()
    assert "exited with code 1 at once" in failed.args[0]
    assert "cannot open display: :99" in window.message_bar.text
    assert window.viewer_launcher.viewer(connection.uri, domain_uuid("with screen")) is None


def test_one_viewer_per_vm_with_its_arguments(
    window: MainWindow, connect: Connect, screen_fleet: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    connection = connect(screen_fleet)
    arguments = tmp_path / "arguments"
    program = fake_viewer(tmp_path, f'printf "%s\\n" "$@" > {arguments}; exec sleep 60')
    monkeypatch.setattr(viewer_launcher, "find_viewer", lambda _name: program)
    launcher = window.viewer_launcher
    uuid = domain_uuid("with screen")
    select(window, connection, "with screen")
    with qtbot.waitSignal(launcher.viewer_started, timeout=5000):
        window.vm_actions.open_console_action.trigger()
        window.vm_actions.open_console_action.trigger()  # while the XML is read: still one
    process = launcher.viewer(connection.uri, uuid)
    assert process is not None
    qtbot.waitUntil(lambda: process.state() is QProcess.ProcessState.Running, timeout=5000)
    with qtbot.waitSignal(launcher.viewer_raised, timeout=5000):
        window.vm_actions.open_console_action.trigger()
    assert launcher.viewer(connection.uri, uuid) is process
    qtbot.waitUntil(arguments.exists, timeout=5000)
    assert arguments.read_text().splitlines() == [
        "--connect", connection.uri, "--wait", "--attach", "with screen",
    ]
    launcher.close_viewer(connection.uri, uuid)
    assert launcher.viewer(connection.uri, uuid) is None
    assert not window.message_bar.isVisible()


# --- thumbnails ---------------------------------------------------------------


def test_thumbnail_view_shows_screens_of_visible_running_vms(
    window: MainWindow, connect: Connect, screen_fleet: Path, qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
) -> None:
    connection = connect(screen_fleet)
    window.thumbnails_action.trigger()
    assert window.view_stack.currentWidget() is window.thumbnail_view
    visible = {uuid for _c, uuid in window.thumbnail_view.visible_domains()}
    assert visible == {domain_uuid(n) for n in ("plain", "idle", "other", "with screen")}
    run_task(qtbot, loop, window.thumbnails.capture())
    for name in ("plain", "other"):
        image = window.thumbnails.image(connection, domain_uuid(name))
        assert image is not None and image.width() <= 192 and image.height() <= 144
        index = window.model.domain_index(connection, domain_uuid(name))
        assert isinstance(index.data(Role.THUMBNAIL), QIcon)
    # Shut off: no screenshot, its state is drawn instead.
    assert window.thumbnails.image(connection, domain_uuid("idle")) is None
    assert window.model.domain_index(connection, domain_uuid("idle")).data(
        Role.THUMBNAIL) is None
    # The same selection in both views: a click in the icon view drives the actions.
    index = window.model.domain_index(connection, domain_uuid("idle"))
    rect = window.thumbnail_view.visualRect(index)
    qtbot.mouseClick(window.thumbnail_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert [s.info.name for s in window.selected_domains()] == ["idle"]
    window.thumbnails_action.trigger()
    assert window.view_stack.currentWidget() is window.view
    assert window.thumbnail_view.visible_domains() == []


def test_thumbnails_are_off_above_the_running_limit(
    window: MainWindow, connect: Connect, screen_fleet: Path, qtbot: QtBot, settings: Settings,
    loop: asyncio.AbstractEventLoop,
) -> None:
    connection = connect(screen_fleet)
    window.thumbnails_action.trigger()
    run_task(qtbot, loop, window.thumbnails.capture())
    assert window.thumbnails.image(connection, domain_uuid("plain")) is not None
    settings.set_thumbnail_max_running(1)  # three run
    with qtbot.waitSignal(window.thumbnails.paused_changed, timeout=5000) as paused:
        run_task(qtbot, loop, window.thumbnails.capture())
    assert "3 VMs run (more than 1" in paused.args[0]
    assert window.thumbnails.image(connection, domain_uuid("plain")) is None
    assert "Thumbnails are off" in window.statusBar().currentMessage()


def test_a_round_overtaken_by_a_later_one_leaves_the_later_ones_result(
    window: MainWindow, connect: Connect, screen_fleet: Path, qtbot: QtBot, settings: Settings,
    loop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A round begun under the old limit (the timer's) and answering after a round
    under the new one must not bring the thumbnails back (it failed in CI)."""
    connection = connect(screen_fleet)
    window.thumbnails_action.trigger()
    earlier_round_converts = threading.Event()
    later_round_done = threading.Event()
    convert = thumbnails_module._thumbnail

    def convert_after_the_later_round(data: bytes) -> QImage | None:
        earlier_round_converts.set()
        assert later_round_done.wait(10)
        return convert(data)

    monkeypatch.setattr(thumbnails_module, "_thumbnail", convert_after_the_later_round)
    earlier = loop.create_task(window.thumbnails.capture())
    qtbot.waitUntil(earlier_round_converts.is_set)  # it runs under the limit of 8
    settings.set_thumbnail_max_running(1)  # three run: the later round takes no screenshot
    run_task(qtbot, loop, window.thumbnails.capture())
    monkeypatch.undo()
    later_round_done.set()
    run_task(qtbot, loop, asyncio.wait_for(earlier, 10))
    assert "3 VMs run (more than 1" in window.thumbnails.paused_reason
    assert window.thumbnails.image(connection, domain_uuid("plain")) is None


def test_details_overview_shows_the_thumbnail(
    window: MainWindow, connect: Connect, screen_fleet: Path, qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
) -> None:
    connection = connect(screen_fleet)
    info = next(i for i in connection.domains() if i.name == "plain")
    details = window.open_details(connection, info)
    assert not details.overview.screen_label.isVisibleTo(details.overview)
    run_task(qtbot, loop, window.thumbnails.capture())
    assert details.overview.screen_label.isVisibleTo(details.overview)
    assert not details.overview.screen_label.pixmap().isNull()


# --- preferences ----------------------------------------------------------------


def test_consoles_preferences_round_trip(settings: Settings, qtbot: QtBot) -> None:
    assert settings.console_viewer() == "virt-viewer"
    assert settings.console_after_create() == "graphical"
    assert settings.thumbnail_interval() == 5.0
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    page = dialog.consoles
    page.viewer.setCurrentIndex(page.viewer.findData("remote-viewer"))
    page.after_create.setCurrentIndex(page.after_create.findData("serial"))
    page.thumbnail_interval.setValue(10)
    page.thumbnail_max_running.setValue(3)
    dialog.accept()
    assert settings.console_viewer() == "remote-viewer"
    assert settings.console_after_create() == "serial"
    assert settings.thumbnail_interval() == 10.0
    assert settings.thumbnail_max_running() == 3



@pytest.mark.parametrize("broken", ["not executable", "fails at once"])
def test_a_viewer_launch_error_does_not_block_the_next_open(
    window: MainWindow, connect: Connect, screen_fleet: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, broken: str,
) -> None:
    connection = connect(screen_fleet)
    if broken == "not executable":
        program = tmp_path / "viewer"
        program.write_text("#!/bin/sh\n")  # mode 0644: QProcess fails to start it
        monkeypatch.setattr(viewer_launcher, "find_viewer", lambda _name: str(program))
    else:
        failing = fake_viewer(tmp_path, "exit 3")
        monkeypatch.setattr(viewer_launcher, "find_viewer", lambda _name: failing)
    select(window, connection, "with screen")
    for _attempt in range(2):  # the second open tries again, and says so again
        with qtbot.waitSignal(window.viewer_launcher.failed, timeout=10000):
            window.vm_actions.open_console_action.trigger()
    assert window.viewer_launcher.viewer(connection.uri, domain_uuid("with screen")) is None
