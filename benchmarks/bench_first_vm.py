"""From nothing to a booted first VM: the New-VM wizard on qemu:///system, timed.

Runs the application's own MainWindow offscreen on a qasync loop, opens the
wizard from the toolbar and fills it with real mouse and key events
(tests/integration/wizard_driver.py, the same steps as the integration test):
the project's tiny guest ISO, the test pool, the isolated test network, TCG.
Prints the seconds from the Create click until the guest prints
``TINY-GUEST READY ip=…`` on its serial console, and the clicks and keystrokes
the flow took. The VM and its volume are removed afterwards; the test pool and
network too when this script made them.

With ``--template``, the path is "New VM from Template" instead: a template of
the tiny guest (a qcow2 disk made read-only, the ISO on its CD-ROM) is made
first, then the clock runs from the click on the toolbar button until the
shell prompt shows on the serial console the app opened by itself.

    QT_QPA_PLATFORM=offscreen QT_NO_GLIB=1 .venv/bin/python benchmarks/bench_first_vm.py
    QT_QPA_PLATFORM=offscreen QT_NO_GLIB=1 .venv/bin/python benchmarks/bench_first_vm.py --template
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Before Qt is imported: libvirt's event thread owns GLib's default context
# (DESIGN.md, "Threads and async"), and there is no display here.
os.environ["QT_NO_GLIB"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import contextlib
import datetime
import platform
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial

import libvirt
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from kvmgui.core.domain import DomainInfo
from kvmgui.core.events import ensure_event_loop
from kvmgui.core.serial import SerialConsoleStream
from kvmgui.core.templates import make_template
from kvmgui.ui.app import App
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.settings import Settings
from kvmgui.ui.template_dialog import NewFromTemplateDialog
from tests.integration.conftest import READY, remove_guest, stage_tiny_guest
from tests.integration.guests import (
    NETWORK_NAME,
    NETWORK_XML,
    POOL_NAME,
    POOL_XML,
    PREFIX,
    RUN_DIR,
    make_run_dir,
    tiny_guest_xml,
    volume_xml,
)
from tests.integration.wizard_driver import FirstVm, WizardDriver
from tests.serial_reader import SerialLineReader
from tests.system import SYSTEM_URI

TARGET_S = 15.0
TEMPLATE_TARGET_S = 12.0
TEMPLATE_TARGET_CLICKS = 3
PROMPT = "tiny-guest#"
READY_TIMEOUT_S = 120.0


@contextlib.contextmanager
def test_pool_and_network(conn: libvirt.virConnect) -> Iterator[None]:
    """The integration tests' pool and network: reused when present, else made and removed."""
    made: list[Callable[[], object]] = []
    try:
        pool = conn.storagePoolLookupByName(POOL_NAME)
    except libvirt.libvirtError:
        make_run_dir("pool")
        made.append(partial(shutil.rmtree, RUN_DIR, ignore_errors=True))
        pool = conn.storagePoolDefineXML(POOL_XML)
        made.append(pool.undefine)
    if not pool.isActive():
        pool.create()
        made.append(pool.destroy)
    try:
        network = conn.networkLookupByName(NETWORK_NAME)
    except libvirt.libvirtError:
        network = conn.networkDefineXML(NETWORK_XML)
        made.append(network.undefine)
    if not network.isActive():
        network.create()
        made.append(network.destroy)
    try:
        yield
    finally:
        for undo in reversed(made):
            with contextlib.suppress(libvirt.libvirtError):
                undo()


async def until(condition: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("waited too long")
        await asyncio.sleep(0.01)


async def first_vm(window: MainWindow, vm: FirstVm) -> tuple[float, float, WizardDriver]:
    """(seconds Create → running, seconds Create → READY, the driver with its counts)."""
    loop = asyncio.get_running_loop()
    driver = WizardDriver()
    wizard = driver.open_wizard(window)
    await until(lambda: wizard.facts is not None, 30)
    await driver.first_vm_from_iso(wizard, vm)
    created: asyncio.Future[DomainInfo] = loop.create_future()
    def on_created(_connection: object, info: DomainInfo) -> None:
        if not created.done():
            created.set_result(info)

    def on_ops_finished() -> None:
        # The create ended without vm_created: the wizard shows why (and only there).
        if not created.done():
            created.set_exception(RuntimeError(wizard.finish_page.status_label.text()))

    wizard.vm_created.connect(on_created)
    window.ops.finished.connect(on_ops_finished)
    started = time.monotonic()
    driver.finish(wizard)
    info = await asyncio.wait_for(created, READY_TIMEOUT_S)
    running = time.monotonic() - started
    connection = wizard.connection
    reader = SerialLineReader()
    dom = await connection.call("look up", lambda c: c.lookupByUUIDString(info.uuid))
    stream = SerialConsoleStream(dom, on_data=reader.feed, on_closed=reader.close,
                                 deliver=loop.call_soon_threadsafe, force=True)
    reader.answer = stream.send
    await connection.call("open the serial console", lambda _c: stream.open())
    try:
        match = await reader.wait_for(READY, READY_TIMEOUT_S)
    finally:
        stream.close()
    ready = time.monotonic() - started
    print(f"guest address: {match.group(1)}")
    return running, ready, driver


def make_template_guest(setup: libvirt.virConnect, name: str, iso: Path) -> None:
    """The tiny guest with a qcow2 disk in the test pool, made a template."""
    remove_guest(setup, name)
    disk = setup.storagePoolLookupByName(POOL_NAME).createXML(volume_xml(f"{name}.qcow2"), 0)
    dom = setup.defineXML(tiny_guest_xml(name, str(iso), disk=disk.path(), network=NETWORK_NAME))
    make_template(dom)


# Where the seconds of the template path go: seconds from the first click to each.
Milestones = dict[str, float]


async def vm_from_template(
    window: MainWindow, template: str
) -> tuple[float, Milestones, WizardDriver]:
    """(seconds from the first click to the shell prompt, the milestones on the way,
    the driver with its counts)."""
    driver = WizardDriver()
    before = {info.uuid for c in window.manager.connections() for info in c.domains()}
    button = next(b for b in window.findChildren(QToolButton)
                  if b.defaultAction() is window.new_from_template_action)
    started = time.monotonic()
    driver.click(button)
    dialog = window.findChild(NewFromTemplateDialog)
    assert dialog is not None
    items = dialog.template_list.findItems(template, Qt.MatchFlag.MatchStartsWith)
    assert items, "the template is not offered"
    if dialog.template_list.currentItem() is not items[0]:  # another template came first
        rect = dialog.template_list.visualItemRect(items[0])
        driver.click(dialog.template_list.viewport(), rect.center())
    driver.click(dialog.create_button)
    milestones: Milestones = {}

    def reached(name: str) -> None:
        milestones.setdefault(name, time.monotonic() - started)

    def prompt_shown() -> bool:
        for connection in window.manager.connections():
            for info in connection.domains():
                if info.name.startswith(f"{template}-") and info.uuid not in before:
                    reached("clone listed")
                    if info.state.is_active:
                        reached("clone running")
                    details = window.details_window(connection.uri, info.uuid)
                    if details is not None:
                        reached("serial console shown")
                        screen = details.serial_console.terminal.screen_text()
                        if "TINY-GUEST READY" in screen:
                            reached("READY printed")
                        return PROMPT in screen
        return False

    await until(prompt_shown, READY_TIMEOUT_S)
    seconds = time.monotonic() - started
    reached("shell prompt")
    for connection in window.manager.connections():
        for info in connection.domains():
            details = window.details_window(connection.uri, info.uuid)
            if details is not None:
                details.close()
    return seconds, milestones, driver


async def bench_template(
    manager: ConnectionManager, window: MainWindow, setup: libvirt.virConnect, iso: Path,
    runs: int,
) -> list[tuple[float, Milestones, WizardDriver]]:
    template = f"{PREFIX}bench-template"
    results: list[tuple[float, Milestones, WizardDriver]] = []
    make_template_guest(setup, template, iso)
    try:
        manager.add(SYSTEM_URI)
        await until(lambda: all(c.is_open for c in manager.connections()), 30)
        await until(lambda: any(i.name == template and i.is_template
                                for c in manager.connections() for i in c.domains()), 30)
        for _run in range(runs):
            try:
                results.append(await vm_from_template(window, template))
            finally:
                for dom in setup.listAllDomains():
                    if dom.name().startswith(f"{template}-"):
                        remove_guest(setup, dom.name())
                # The list has forgotten them before the next run names its clone.
                await until(lambda: not any(i.name.startswith(f"{template}-")
                                            for c in manager.connections()
                                            for i in c.domains()), 30)
    finally:
        await manager.close_all()
        remove_guest(setup, template)
    return results


async def bench(
    manager: ConnectionManager, window: MainWindow, setup: libvirt.virConnect, iso: Path,
    runs: int,
) -> list[tuple[float, float, WizardDriver]]:
    results: list[tuple[float, float, WizardDriver]] = []
    try:
        manager.add(SYSTEM_URI)
        await until(lambda: all(c.is_open for c in manager.connections()), 30)
        for run in range(runs):
            vm = FirstVm(f"{PREFIX}bench-first-vm-{run}", str(iso), POOL_NAME, NETWORK_NAME)
            remove_guest(setup, vm.name)
            try:
                results.append(await first_vm(window, vm))
            finally:
                remove_guest(setup, vm.name)
    finally:
        await manager.close_all()
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--template", action="store_true",
                        help='time "New VM from Template" instead of the wizard')
    args = parser.parse_args(argv)
    ensure_event_loop()
    setup = libvirt.open(SYSTEM_URI)
    with tempfile.TemporaryDirectory(prefix="kvmgui-bench-") as tmp, \
            test_pool_and_network(setup):
        iso = stage_tiny_guest()
        runtime_dir = Path(tmp) / "runtime"  # Qt warns when XDG_RUNTIME_DIR is unset
        runtime_dir.mkdir(mode=0o700)
        os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))
        app = QApplication(sys.argv[:1])
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        # No external viewer offscreen; the template path shows the serial console.
        settings.set_console_after_create("serial" if args.template else "details")
        services = App.start(app, settings)
        loop, manager = services.loop, services.manager
        window = MainWindow(services, remember_connections=False)
        window.show()
        print(
            f"bench_first_vm: {datetime.datetime.now().isoformat(timespec='seconds')}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"libvirt {libvirt.getVersion()}, Qt platform {app.platformName()}"
        )
        try:
            if args.template:
                template_results = loop.run_until_complete(
                    bench_template(manager, window, setup, iso, args.runs)
                )
            else:
                results = loop.run_until_complete(bench(manager, window, setup, iso, args.runs))
        finally:
            window.close()
            setup.close()
    if args.template:
        for index, (seconds, milestones, driver) in enumerate(template_results, 1):
            verdict = ("PASS" if seconds <= TEMPLATE_TARGET_S and driver.keystrokes == 0
                       and driver.clicks <= TEMPLATE_TARGET_CLICKS else "MISS")
            print(f"run {index}: New VM from Template → shell prompt {seconds:.2f} s, "
                  f"{driver.clicks} clicks, {driver.keystrokes} keystrokes (target ≤ "
                  f"{TEMPLATE_TARGET_S:.0f} s, ≤ {TEMPLATE_TARGET_CLICKS} clicks, 0 keys: "
                  f"{verdict})")
            print("  " + ", ".join(f"{name} {at:.2f} s" for name, at in milestones.items()))
        return 0
    for index, (running, ready, driver) in enumerate(results, 1):
        verdict = "PASS" if ready < TARGET_S else "MISS"
        print(f"run {index}: Create → running {running:.2f} s, Create → READY {ready:.2f} s "
              f"(target < {TARGET_S:.0f} s: {verdict}); "
              f"{driver.clicks} clicks, {driver.keystrokes} keystrokes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
