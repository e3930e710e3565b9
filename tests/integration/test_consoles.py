"""Consoles on a real qemu:///system with the tiny guest: serial tab, thumbnails,
send key, graphical viewer under Xvfb."""

from __future__ import annotations

import asyncio
import os
import re
import select
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import libvirt
import pytest
from PySide6.QtCore import QProcess, QProcessEnvironment, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kvmgui.core.consoles import CTRL_ALT_DEL
from kvmgui.core.domain import DomainState
from kvmgui.core.serial import ConsoleOpenFailure
from kvmgui.ui.console.serial_tab import SerialConsoleTab
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.models.domain_tree import Role
from kvmgui.ui.settings import THUMBNAIL_MAX_RUNNING_RANGE
from tests.integration.conftest import BOOT_TIMEOUT, GuestFactory, SerialWatch
from tests.integration.test_lifecycle import select_domain
from tests.qt_helpers import open_connection, run_task, wait_for_state
from tests.system import SYSTEM_URI

BOOT_MS = int(BOOT_TIMEOUT * 1000)
STATE_MS = 60000
READY_LINE = r"^TINY-GUEST READY ip=\S+$"
PROMPT = "tiny-guest#"


def console_text(tab: SerialConsoleTab) -> str:
    history = tab.terminal.history_text()
    screen = tab.terminal.screen_text()
    return f"{history}\n{screen}" if history else screen


def wait_for_console(
    qtbot: QtBot, tab: SerialConsoleTab, pattern: str, timeout: int, count: int = 1
) -> re.Match[str]:
    """Wait until the terminal shows ``pattern`` (a multi-line regex) ``count`` times."""
    regex = re.compile(pattern, re.MULTILINE)

    def found() -> re.Match[str] | None:
        matches = list(regex.finditer(console_text(tab)))
        return matches[count - 1] if len(matches) >= count else None

    if found() is None:
        blocker = qtbot.waitSignal(
            tab.output_received, check_params_cb=lambda *_: found() is not None,
            timeout=timeout,
        )
        try:
            blocker.wait()
        except Exception as err:
            raise AssertionError(
                f"{pattern!r} (x{count}) not shown; terminal:\n{console_text(tab)[-1500:]}"
            ) from err
    match = found()
    assert match is not None
    return match


def attached(tab: SerialConsoleTab) -> bool:
    # A call, not the property: mypy would hold the first assert's answer for good.
    return tab.is_attached


def type_line(qtbot: QtBot, tab: SerialConsoleTab, text: str) -> None:
    qtbot.keyClicks(tab.terminal, text)
    qtbot.keyClick(tab.terminal, Qt.Key.Key_Return)


def test_serial_console_tab_types_reattaches_and_can_take_over(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch],
) -> None:
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    dom = guests.define("serial", with_disk=False)
    uuid = dom.UUIDString()
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.SHUTOFF)
    info = connection.domain(uuid)
    assert info is not None
    details = window.open_details(connection, info)
    details.show_serial_console()
    tab = details.serial_console
    assert not attached(tab)
    assert "not running" in tab.status_text or "shut off" in tab.status_text

    # Started from outside: the lifecycle event attaches the tab.
    with qtbot.waitSignal(tab.attached, timeout=STATE_MS):
        dom.create()
    wait_for_console(qtbot, tab, READY_LINE, BOOT_MS)
    wait_for_console(qtbot, tab, f"^{PROMPT}", BOOT_MS)

    type_line(qtbot, tab, "echo kvmgui-$RANDOM")
    # The command line shows "$RANDOM"; only the shell's answer is digits alone.
    answer = wait_for_console(qtbot, tab, r"^kvmgui-(\d+)$", 30000)
    assert 0 <= int(answer.group(1)) <= 32767

    # Another client forces the console away: the tab says so and offers to take it back.
    with qtbot.waitSignal(tab.detached, timeout=STATE_MS):
        other = watch_serial(dom)
    qtbot.waitUntil(lambda: tab.take_over_button.isVisible(), timeout=STATE_MS)
    assert "Another client" in tab.status_text
    assert not attached(tab)
    with qtbot.waitSignal(tab.attached, timeout=STATE_MS):
        tab.take_over_button.click()
    assert other.reader.closed_reason is not None or not other.stream.is_open
    type_line(qtbot, tab, "echo taken-$((40000+2))")
    wait_for_console(qtbot, tab, r"^taken-40002$", 30000)

    # An ACPI reboot keeps the QEMU process and its console: READY again, same
    # session. (The firmware clears the screen: start from a blank terminal.)
    tab.terminal.reset()
    dom.reboot(0)
    wait_for_console(qtbot, tab, READY_LINE, BOOT_MS)
    assert attached(tab)

    # A stop and a start give a new QEMU process: the tab reattaches by itself.
    with qtbot.waitSignal(tab.detached, timeout=STATE_MS):
        dom.destroy()
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.SHUTOFF)
    assert "shut off" in tab.status_text
    tab.terminal.reset()
    with qtbot.waitSignal(tab.attached, timeout=STATE_MS):
        dom.create()
    assert "console reattached" in console_text(tab)
    wait_for_console(qtbot, tab, READY_LINE, BOOT_MS)


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private X server on a display number it picks itself."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (scripts/install-deps.sh installs it)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        assert ready, "Xvfb did not start within 30 s"
        number = os.read(read_end, 64).decode().strip()
        assert number.isdigit(), f"Xvfb gave no display number: {number!r}"
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=30)


def viewer_children() -> list[int]:
    """PIDs of virt-viewer processes started by this test process."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            comm = (entry / "comm").read_text().strip()
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if comm == "virt-viewer" and ppid == os.getpid():
            found.append(int(entry.name))
    return found


def distinct_colours(image: QImage, step: int = 4) -> int:
    return len({
        image.pixel(x, y)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    })


def test_thumbnail_viewer_and_ctrl_alt_del_on_a_running_guest(
    window: MainWindow, qtbot: QtBot, guests: GuestFactory, loop: asyncio.AbstractEventLoop,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch], xvfb_display: str,
) -> None:
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    dom = guests.define("screen", with_disk=False)
    uuid = dom.UUIDString()
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.SHUTOFF)
    dom.create()
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.RUNNING)
    serial = watch_serial(dom)
    run_task(qtbot, loop, serial.ready_ip(), timeout=BOOT_MS + 30000)

    # Thumbnails: the icon view shows the guest, whose screen (VGA text) is not blank.
    # Other engineers' guests run on this daemon too: no limit in the way.
    window.settings.set_thumbnail_max_running(THUMBNAIL_MAX_RUNNING_RANGE[1])
    select_domain(window, connection, uuid)
    window.thumbnails_action.trigger()
    assert window.view_stack.currentWidget() is window.thumbnail_view
    assert (connection, uuid) in window.thumbnail_view.visible_domains()
    run_task(qtbot, loop, window.thumbnails.capture(), timeout=60000)
    assert window.thumbnails.paused_reason == ""
    image = window.thumbnails.image(connection, uuid)
    assert image is not None and not image.isNull()
    assert distinct_colours(image) > 1, "the thumbnail is a blank image"
    assert window.model.domain_index(connection, uuid).data(Role.THUMBNAIL) is not None

    # The graphical console: one virt-viewer, tracked, under this test's X server.
    launcher = window.viewer_launcher
    environment = QProcessEnvironment.systemEnvironment()
    environment.insert("DISPLAY", xvfb_display)
    launcher.environment = environment
    window.thumbnails_action.trigger()  # back to the list
    select_domain(window, connection, uuid)
    with qtbot.waitSignal(launcher.viewer_started, timeout=STATE_MS):
        window.vm_actions.open_console_action.trigger()
    process = launcher.viewer(SYSTEM_URI, uuid)
    assert process is not None
    qtbot.waitUntil(lambda: process.state() is QProcess.ProcessState.Running, timeout=10000)
    assert viewer_children() == [process.processId()]
    with qtbot.waitSignal(launcher.viewer_raised, timeout=5000):
        window.vm_actions.open_console_action.trigger()
    assert launcher.viewer(SYSTEM_URI, uuid) is process
    assert process.state() is QProcess.ProcessState.Running
    assert viewer_children() == [process.processId()]
    assert not window.message_bar.isVisible(), window.message_bar.text
    launcher.close_viewer(SYSTEM_URI, uuid)
    assert launcher.viewer(SYSTEM_URI, uuid) is None
    assert viewer_children() == []

    # Ctrl+Alt+Del: the tiny guest's inittab powers off on it.
    select_domain(window, connection, uuid)
    assert window.vm_actions.send_key_menu.isEnabled()
    action = next(
        a for a in window.vm_actions.send_key_menu.actions() if a.text() == CTRL_ALT_DEL.label
    )
    action.trigger()
    wait_for_state(qtbot, window.manager, connection, uuid, DomainState.SHUTOFF, STATE_MS)
    assert not window.message_bar.isVisible(), window.message_bar.text


def test_console_open_failures_are_told_apart_by_code(guests: GuestFactory) -> None:
    """The serial tab's wording rests on these codes, not on translated messages."""
    dom = guests.define("no-serial", with_disk=False)
    failures = []
    for start in (False, True):
        if start:
            dom.create()
        with pytest.raises(libvirt.libvirtError) as caught:
            dom.openConsole("no-such-device", dom.connect().newStream(0), 0)
        failures.append(ConsoleOpenFailure.from_code(caught.value.get_error_code()))
    assert failures == [ConsoleOpenFailure.NOT_RUNNING, ConsoleOpenFailure.NO_DEVICE]
