"""The New-VM wizard on the real qemu:///system: ISO to a booted guest, cloud-init, rollback."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import libvirt
import pytest
from lxml import etree
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from kvmgui.core.cloudinit import read_seed_files
from kvmgui.core.domain import DomainInfo, DomainState
from kvmgui.core.lifecycle import undefine
from kvmgui.core.metadata import read_metadata
from kvmgui.core.templates import make_template
from kvmgui.core.xml.domain import SourceKind
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.wizard import NewVmWizard
from tests.integration.conftest import SerialWatch
from tests.integration.guests import (
    NETWORK_NAME,
    POOL_DIR,
    POOL_NAME,
    PREFIX,
    SUBNET_PREFIX,
    make_run_dir,
    tiny_guest_xml,
    volume_xml,
)
from tests.integration.wizard_driver import FirstVm, WizardDriver
from tests.qt_helpers import open_connection, run_task
from tests.system import SYSTEM_URI

WIZARD_PREFIX = f"{PREFIX}wizard"
KEY = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKxJ3bH9SlUgLq2bS4t9NkQb6o0bqzL1Y6l+X1m0hVZq "
    "dev@laptop"
)
PASSWORD = "clear-text-s3cret"
CREATE_TIMEOUT_MS = 120000


def remove_wizard_objects(system: libvirt.virConnect) -> None:
    """Domains and volumes the wizard tests made (or a killed run left)."""
    for dom in system.listAllDomains(0):
        if dom.name().startswith(WIZARD_PREFIX):
            with contextlib.suppress(libvirt.libvirtError):
                undefine(dom)
    with contextlib.suppress(libvirt.libvirtError):
        pool = system.storagePoolLookupByName(POOL_NAME)
        pool.refresh(0)
        for volume in pool.listAllVolumes(0):
            if volume.name().startswith(WIZARD_PREFIX):
                volume.delete(0)


def wizard_volumes(system: libvirt.virConnect) -> list[str]:
    pool = system.storagePoolLookupByName(POOL_NAME)
    pool.refresh(0)
    return sorted(v.name() for v in pool.listAllVolumes(0) if v.name().startswith(WIZARD_PREFIX))


@pytest.fixture
def wizard_cleanup(
    system: libvirt.virConnect, test_pool: str, test_network: str,
) -> Iterator[None]:
    remove_wizard_objects(system)
    yield
    remove_wizard_objects(system)


@pytest.fixture
def cloud_image(test_pool: str) -> Iterator[Path]:
    """A small qcow2 standing in for a cloud image: QEMU opens it, no OS boots from it."""
    directory = make_run_dir("images")  # QEMU runs as another user and must reach the image
    image = directory / "cloud-base.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(image), "256M"], check=True)
    yield image
    shutil.rmtree(directory, ignore_errors=True)


def open_wizard(window: MainWindow, qtbot: QtBot, driver: WizardDriver) -> NewVmWizard:
    # The details window, not an external viewer, opens at the end.
    window.settings.set_console_after_create("details")
    open_connection(window.manager, qtbot, SYSTEM_URI)
    wizard = driver.open_wizard(window)
    qtbot.waitUntil(lambda: wizard.facts is not None, timeout=30000)
    return wizard


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_iso_to_a_booted_guest_by_clicks_and_typing(
    window: MainWindow, qtbot: QtBot, tiny_guest_iso: Path, wizard_cleanup: None,
    system: libvirt.virConnect, loop: asyncio.AbstractEventLoop,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch],
) -> None:
    driver = WizardDriver()
    wizard = open_wizard(window, qtbot, driver)
    vm = FirstVm(f"{WIZARD_PREFIX}-iso", str(tiny_guest_iso), POOL_NAME, NETWORK_NAME)
    run_task(qtbot, loop, driver.first_vm_from_iso(wizard, vm), timeout=60000)
    command = wizard.finish_page.command_view.toPlainText()
    assert f"--name {vm.name}" in command
    assert "--virt-type qemu" in command
    assert f"--cdrom {tiny_guest_iso}" in command

    with qtbot.waitSignal(wizard.vm_created, timeout=CREATE_TIMEOUT_MS) as created:
        driver.finish(wizard)
    info = created.args[1]
    assert isinstance(info, DomainInfo)
    dom = system.lookupByUUIDString(info.uuid)
    assert dom.isActive()
    serial = watch_serial(dom)  # right after start: the marker comes ~8 s later
    ip = run_task(qtbot, loop, serial.ready_ip(), timeout=120000)
    assert ip.startswith(SUBNET_PREFIX)

    xml = etree.fromstring(dom.XMLDesc(0).encode())
    assert xml.get("type") == "qemu"
    assert xml.findtext("memory") == str(vm.memory_mib * 1024)
    assert xml.find("devices/interface/source").get("network") == NETWORK_NAME  # type: ignore[union-attr]
    # The running VM's display opened no TCP port that another local user could reach.
    graphics = xml.find("devices/graphics")
    assert graphics is not None and graphics.get("port") is None
    assert [listen.get("type") for listen in graphics.iterfind("listen")] == ["none"]
    assert "--graphics spice,listen=none" in command
    assert wizard_volumes(system) == [f"{vm.name}.qcow2"]
    assert window.details_window(SYSTEM_URI, info.uuid) is not None
    assert window.settings.recent_isos() == [str(tiny_guest_iso)]


def drive_cloud_init(
    window: MainWindow, qtbot: QtBot, loop: asyncio.AbstractEventLoop, image: Path, name: str,
    driver: WizardDriver,
) -> NewVmWizard:
    """Every page of a cloud-init VM, up to the Create click."""
    wizard = open_wizard(window, qtbot, driver)
    run_task(qtbot, loop, fill_cloud_init(wizard, image, name, driver), timeout=60000)
    return wizard


async def fill_cloud_init(
    wizard: NewVmWizard, image: Path, name: str, driver: WizardDriver,
) -> None:
    source = wizard.source_page
    driver.choose_source(wizard, SourceKind.CLOUD_INIT)
    driver.type(source.cloud_image_edit, str(image))
    driver.replace(source.user_edit, "dev")
    driver.type(source.password_edit, PASSWORD)
    driver.replace(source.ssh_key_combo, KEY)
    driver.type(source.hostname_edit, "devbox")
    await driver.next(wizard)
    resources = wizard.resources_page
    driver.replace(resources.memory_spin, "256")
    driver.replace(resources.vcpus_spin, "1")
    driver.choose(resources.pool_combo, lambda p: getattr(p, "name", None) == POOL_NAME)
    await driver.next(wizard)
    vm = FirstVm(name, "", POOL_NAME, NETWORK_NAME)
    driver.fill_finish(wizard, vm)


def test_cloud_init_seed_overlay_and_pristine_image(
    window: MainWindow, qtbot: QtBot, cloud_image: Path, wizard_cleanup: None,
    system: libvirt.virConnect, loop: asyncio.AbstractEventLoop,
) -> None:
    name = f"{WIZARD_PREFIX}-cloud"
    checksum = sha256(cloud_image)
    wizard = drive_cloud_init(window, qtbot, loop, cloud_image, name, WizardDriver())
    with qtbot.waitSignal(wizard.vm_created, timeout=CREATE_TIMEOUT_MS) as created:
        WizardDriver().finish(wizard)
    dom = system.lookupByUUIDString(created.args[1].uuid)
    assert dom.isActive()  # QEMU could open the overlay, its backing image and the seed
    assert read_metadata(dom).ssh_user == "dev"  # what SSH logs in as

    seed = Path(POOL_DIR) / f"{name}-seed.iso"
    assert stat.S_IMODE(seed.stat().st_mode) == 0o600
    files = read_seed_files(seed.read_bytes())
    assert set(files) == {"user-data", "meta-data"}
    user_data = files["user-data"]
    assert '- name: "dev"' in user_data
    assert 'hashed_passwd: "$6$' in user_data
    assert PASSWORD not in user_data
    assert KEY in user_data
    assert 'local-hostname: "devbox"' in files["meta-data"]

    overlay = system.storageVolLookupByPath(f"{POOL_DIR}/{name}.qcow2")
    volume = etree.fromstring(overlay.XMLDesc(0).encode())
    assert volume.findtext("backingStore/path") == str(cloud_image)
    assert volume.find("target/format").get("type") == "qcow2"  # type: ignore[union-attr]

    dom.destroy()
    assert sha256(cloud_image) == checksum


def test_a_late_name_clash_rolls_back_volume_and_seed(
    window: MainWindow, qtbot: QtBot, cloud_image: Path, wizard_cleanup: None,
    system: libvirt.virConnect, tiny_guest_iso: Path, loop: asyncio.AbstractEventLoop,
) -> None:
    name = f"{WIZARD_PREFIX}-clash"
    wizard = drive_cloud_init(window, qtbot, loop, cloud_image, name, WizardDriver())
    # The name was free when the wizard checked it; someone takes it before Create.
    other = system.defineXML(tiny_guest_xml(name, str(tiny_guest_iso), network=None))
    with qtbot.waitSignal(window.ops.finished, timeout=CREATE_TIMEOUT_MS):
        WizardDriver().finish(wizard)
    message = wizard.finish_page.status_label.text()
    assert message.startswith(f"Could not create {name}: Defining the virtual machine failed")
    assert "Nothing was left behind" in message
    assert not window.message_bar.isVisible()  # said once, on the page
    assert wizard.isVisible()
    assert wizard_volumes(system) == []
    assert not (Path(POOL_DIR) / f"{name}-seed.iso").exists()
    assert [d.UUIDString() for d in system.listAllDomains(0) if d.name() == name] == [
        other.UUIDString()
    ]


def test_the_first_page_makes_a_running_vm_from_a_template(
    window: MainWindow, qtbot: QtBot, tiny_guest_iso: Path, wizard_cleanup: None,
    system: libvirt.virConnect, loop: asyncio.AbstractEventLoop,
    watch_serial: Callable[[libvirt.virDomain], SerialWatch],
) -> None:
    name = f"{WIZARD_PREFIX}-template"
    disk = system.storagePoolLookupByName(POOL_NAME).createXML(volume_xml(f"{name}.qcow2"), 0)
    make_template(system.defineXML(
        tiny_guest_xml(name, str(tiny_guest_iso), disk=disk.path(), network=NETWORK_NAME)))
    window.settings.set_console_after_create("details")
    connection = open_connection(window.manager, qtbot, SYSTEM_URI)
    # The labels (the template mark) are read after the first listing.
    qtbot.waitUntil(lambda: any(i.name == name and i.is_template
                                for i in connection.domains()), timeout=10000)
    driver = WizardDriver()
    wizard = driver.open_wizard(window)
    page = wizard.source_page
    driver.click(page.template_button, QPoint(8, page.template_button.height() // 2))
    items = page.template_list.findItems(name, Qt.MatchFlag.MatchExactly)
    assert items
    if page.template_list.currentItem() is not items[0]:  # another template came first
        driver.click(page.template_list.viewport(),
                     page.template_list.visualItemRect(items[0]).center())
    driver.finish(wizard)
    assert driver.clicks <= 4 and driver.keystrokes == 0

    def clone_running() -> bool:
        # RUNNING, not just active: a starting domain is paused and has no console yet.
        return any(i.name == f"{name}-1" and i.state is DomainState.RUNNING
                   for i in connection.domains())

    qtbot.waitUntil(clone_running, timeout=CREATE_TIMEOUT_MS)
    clone = system.lookupByName(f"{name}-1")
    ip = run_task(qtbot, loop, watch_serial(clone).ready_ip(), timeout=120000)
    assert ip.startswith(SUBNET_PREFIX)
    assert wizard_volumes(system) == [f"{name}-1.qcow2", f"{name}.qcow2"]
