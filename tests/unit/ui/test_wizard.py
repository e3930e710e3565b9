"""The New-VM wizard on libvirt's test driver: validation per page, the spec, the create."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import libvirt
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QToolBar, QWizard
from pytestqt.qtbot import QtBot

from kvmgui.core.connection import Connection
from kvmgui.core.hostfacts import HostFacts, PoolFacts, read_host_facts
from kvmgui.core.media import MediaCheck, MediaKind, MediaVolume
from kvmgui.core.newvm import FirmwareChoice
from kvmgui.core.osinfo import lookup
from kvmgui.core.storage import DEFAULT_POOL_NAME, DEFAULT_POOL_PATH
from kvmgui.core.xml.domain import NetworkSpec, SourceKind
from kvmgui.ui.host_window import HostWindow
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.settings import Settings
from kvmgui.ui.wizard import NewVmWizard
from kvmgui.ui.wizard.finish_page import TYPED_BRIDGE, FinishPage
from kvmgui.ui.wizard.resources_page import ResourcesPage
from kvmgui.ui.wizard.source_page import SourcePage
from kvmgui.ui.wizard.wizard import XmlEditDialog
from tests.fleet import FleetDomain, domain_xml, write_node
from tests.qt_helpers import run_task

GIB = 1024**3
HOST_MEMORY_MIB = 32768  # tests/fleet.py's node
KEY = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKxJ3bH9SlUgLq2bS4t9NkQb6o0bqzL1Y6l+X1m0hVZq "
    "dev@laptop"
)


@pytest.fixture
def host(tmp_path: Path) -> Path:
    """A test-driver host with one VM, a 100 GiB 'default' pool and a 'default' network."""
    images = tmp_path / "images"
    images.mkdir()
    extra = (
        f"<pool type='dir'><name>default</name><target><path>{images}</path></target></pool>\n"
        "<network><name>default</name><bridge name='virbr0'/><forward/>"
        "<ip address='192.168.122.1' netmask='255.255.255.0'/></network>\n"
    )
    return write_node(tmp_path / "host.xml", [FleetDomain("alpha")], extra)


@pytest.fixture
def fake_iso(tmp_path: Path) -> Path:
    """Enough of an ISO for the wizard's check: the ISO 9660 descriptor magic."""
    path = tmp_path / "install.iso"
    path.write_bytes(b"\0" * 0x8001 + b"CD001" + b"\0" * 2043)
    return path


@pytest.fixture
def open_wizard(
    host: Path, connect: Callable[[Path], Connection], ops: OpRunner, settings: Settings,
    qtbot: QtBot,
) -> Callable[[], NewVmWizard]:
    def make() -> NewVmWizard:
        connection = connect(host)
        wizard = NewVmWizard(connection, ops, settings)
        qtbot.addWidget(wizard)
        wizard.show()
        # Host facts and the OS list load in workers.
        qtbot.waitUntil(lambda: wizard.facts is not None and not ops.busy, timeout=10000)
        return wizard

    return make


def next_enabled(wizard: NewVmWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def click_next(wizard: NewVmWizard, qtbot: QtBot) -> None:
    assert next_enabled(wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def choose_source(wizard: NewVmWizard, kind: SourceKind, qtbot: QtBot) -> None:
    button = wizard.source_page.kind_buttons.button(list(SourceKind).index(kind))
    # On the indicator: a radio button takes clicks on its indicator and text only.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert wizard.source_page.kind is kind


def retype(qtbot: QtBot, widget: QLineEdit | QComboBox, text: str) -> None:
    """Replace a field's text by typing, as a user does."""
    edit = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    assert edit is not None
    edit.clear()
    qtbot.keyClicks(edit, text)


def type_media(qtbot: QtBot, wizard: NewVmWizard, widget: QLineEdit | QComboBox, text: str) -> None:
    """Type an ISO or image path, and wait for the host's verdict on it."""
    retype(qtbot, widget, text)
    qtbot.waitUntil(lambda: wizard.source_page.media_check() is not None, timeout=10000)


def choose_data(combo: QComboBox, data: object) -> None:
    combo.setCurrentIndex([combo.itemData(i) for i in range(combo.count())].index(data))


def test_iso_page_refuses_missing_unreadable_and_non_iso_files(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, tmp_path: Path, fake_iso: Path,
) -> None:
    wizard = open_wizard()
    page = wizard.source_page
    assert page.kind is SourceKind.ISO
    assert not next_enabled(wizard)
    assert page.iso_error.text() == "Choose an ISO image."

    type_media(qtbot, wizard, page.iso_combo, str(tmp_path / "missing.iso"))
    assert page.iso_error.isVisible()
    assert page.iso_error.text() == "There is no such file."
    assert not next_enabled(wizard)

    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello\n" * 10000)
    type_media(qtbot, wizard, page.iso_combo, str(text_file))
    assert "not an ISO image" in page.iso_error.text()
    assert not next_enabled(wizard)

    type_media(qtbot, wizard, page.iso_combo, str(fake_iso))
    assert not page.iso_error.isVisible()
    assert next_enabled(wizard)


def test_import_page_refuses_foreign_images(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, tmp_path: Path,
) -> None:
    wizard = open_wizard()
    choose_source(wizard, SourceKind.IMPORT, qtbot)
    assert not next_enabled(wizard)
    vmdk = tmp_path / "disk.vmdk"
    vmdk.write_bytes(b"KDMV" + b"\0" * 1020)
    type_media(qtbot, wizard, wizard.source_page.image_edit, str(vmdk))
    assert "VMware" in wizard.source_page.image_error.text()
    assert not next_enabled(wizard)
    raw = tmp_path / "disk.img"
    raw.write_bytes(b"\0" * 4096)
    type_media(qtbot, wizard, wizard.source_page.image_edit, str(raw))
    assert next_enabled(wizard)


def qcow2(path: Path, size: str = "64M") -> Path:
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(path), size], check=True)
    return path


def test_cloud_init_page_checks_image_user_key_and_login(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, tmp_path: Path, fake_iso: Path,
) -> None:
    wizard = open_wizard()
    page = wizard.source_page
    choose_source(wizard, SourceKind.CLOUD_INIT, qtbot)
    type_media(qtbot, wizard, page.cloud_image_edit, str(fake_iso))
    assert "ISO image" in page.cloud_image_error.text()
    type_media(qtbot, wizard, page.cloud_image_edit, str(qcow2(tmp_path / "cloud.qcow2")))
    assert not page.cloud_image_error.isVisible()

    retype(qtbot, page.user_edit, "root")
    assert "system account" in page.user_error.text()
    retype(qtbot, page.user_edit, "dev")
    assert not page.user_error.isVisible()

    retype(qtbot, page.ssh_key_combo, "")
    page.password_edit.clear()
    assert "nobody can log in" in page.ssh_key_error.text()
    assert not next_enabled(wizard)
    retype(qtbot, page.ssh_key_combo, "ssh-ed25519 not-base64!")
    assert "base64" in page.ssh_key_error.text()
    assert not next_enabled(wizard)
    retype(qtbot, page.ssh_key_combo, KEY)
    assert not page.ssh_key_error.isVisible()
    retype(qtbot, page.hostname_edit, "-bad-")
    assert page.hostname_error.isVisible()
    assert not next_enabled(wizard)
    retype(qtbot, page.hostname_edit, "devbox")
    assert next_enabled(wizard)


def test_an_image_reading_another_file_is_refused_with_why(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, tmp_path: Path,
) -> None:
    wizard = open_wizard()
    page = wizard.source_page
    choose_source(wizard, SourceKind.IMPORT, qtbot)
    base = qcow2(tmp_path / "other-vm.qcow2")
    overlay = tmp_path / "image.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-b", str(base), "-F", "qcow2",
                    str(overlay)], check=True)
    type_media(qtbot, wizard, page.image_edit, str(overlay))
    assert f"reads its data through {base}" in page.image_error.text()
    assert not next_enabled(wizard)


def test_os_search_and_defaults_bounded_by_the_host(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, fake_iso: Path,
) -> None:
    wizard = open_wizard()
    page = wizard.source_page
    type_media(qtbot, wizard, page.iso_combo, str(fake_iso))
    qtbot.waitUntil(lambda: not wizard._ops.busy, timeout=20000)  # detection ran
    qtbot.keyClicks(page.os_search, "debian 11")
    assert page.os_list.count() >= 1
    first = page.os_list.item(0)
    page.os_list.setCurrentItem(first)
    entry = page.os_entry()
    assert entry is not None
    assert entry.short_id == "debian11"
    click_next(wizard, qtbot)
    resources = wizard.resources_page
    assert entry.suggested.memory_mib is not None
    assert resources.memory_mib == min(entry.suggested.memory_mib, HOST_MEMORY_MIB // 2)
    assert resources.vcpus == min(entry.suggested.vcpus or 1, 8)
    assert resources.vcpus_spin.maximum() == 8
    assert resources.wants_disk


def test_resources_page_refuses_zero_memory_too_much_memory_and_a_disk_above_free(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, fake_iso: Path,
) -> None:
    wizard = open_wizard()
    type_media(qtbot, wizard, wizard.source_page.iso_combo, str(fake_iso))
    click_next(wizard, qtbot)
    page = wizard.resources_page
    assert next_enabled(wizard)
    page.memory_spin.setValue(0)
    assert "at least" in page.memory_error.text()
    assert not next_enabled(wizard)
    page.memory_spin.setValue(HOST_MEMORY_MIB + 1)
    assert f"only {HOST_MEMORY_MIB} MiB" in page.memory_error.text()
    assert not next_enabled(wizard)
    page.memory_spin.setValue(1024)
    assert next_enabled(wizard)
    page.size_spin.setValue(200.0)  # the pool has 100 GiB
    assert "only 100 GiB free" in page.disk_error.text()
    assert not next_enabled(wizard)
    page.disk_box.setChecked(False)  # no disk at all is fine
    assert next_enabled(wizard)
    assert not page.wants_disk


def go_to_finish(wizard: NewVmWizard, qtbot: QtBot, iso: Path) -> None:
    type_media(qtbot, wizard, wizard.source_page.iso_combo, str(iso))
    click_next(wizard, qtbot)
    wizard.resources_page.memory_spin.setValue(512)
    wizard.resources_page.vcpus_spin.setValue(1)
    wizard.resources_page.size_spin.setValue(2.0)
    click_next(wizard, qtbot)


def finish_enabled(wizard: NewVmWizard) -> bool:
    return wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_finish_page_checks_the_name_and_shows_the_virt_install_command(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, fake_iso: Path, host: Path,
) -> None:
    wizard = open_wizard()
    go_to_finish(wizard, qtbot, fake_iso)
    page = wizard.finish_page
    assert page.vm_name == "vm"  # no OS chosen: the generic base name
    assert finish_enabled(wizard)
    retype(qtbot, page.name_edit, "")
    assert page.name_error.text() == "Enter a name."
    assert not finish_enabled(wizard)
    retype(qtbot, page.name_edit, "alpha")
    assert "already exists" in page.name_error.text()
    assert not finish_enabled(wizard)
    retype(qtbot, page.name_edit, "bad name")
    assert page.name_error.isVisible()
    assert not finish_enabled(wizard)
    retype(qtbot, page.name_edit, "web-1")
    assert finish_enabled(wizard)
    assert page.command_view.isReadOnly()

    choose_data(page.virt_type_combo, "qemu")
    choose_data(page.firmware_combo, FirmwareChoice.UEFI)
    command = page.command_view.toPlainText()
    images = host.parent / "images"
    assert f"--connect test://{host} \\\n" in command
    assert "--name web-1 \\\n" in command
    assert "--memory 512" in command
    assert "--virt-type qemu" in command
    assert f"--cdrom {fake_iso}" in command
    assert f"--disk path={images}/web-1.qcow2,bus=virtio,driver.type=qcow2,discard=unmap" in command
    assert "--network network=default,model=virtio" in command
    assert "--boot uefi" in command
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == command

    spec = wizard.plan().spec
    assert (spec.name, spec.memory_mib, spec.vcpus) == ("web-1", 512, 1)
    assert spec.source is SourceKind.ISO
    assert spec.cdrom == str(fake_iso)
    assert spec.disk is not None
    assert spec.disk.path == f"{images}/web-1.qcow2"
    assert spec.network == NetworkSpec.libvirt_network("default")
    assert (spec.virt_type, spec.firmware) == ("qemu", "efi")


def test_spec_of_a_cloud_image_names_overlay_and_seed_in_the_pool(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, tmp_path: Path, host: Path,
) -> None:
    wizard = open_wizard()
    page = wizard.source_page
    choose_source(wizard, SourceKind.CLOUD_INIT, qtbot)
    image = qcow2(tmp_path / "cloud.qcow2", "3G")
    type_media(qtbot, wizard, page.cloud_image_edit, str(image))
    retype(qtbot, page.ssh_key_combo, KEY)
    click_next(wizard, qtbot)
    resources = wizard.resources_page
    assert not resources.disk_box.isCheckable()  # the overlay is not optional
    resources.size_spin.setValue(2.0)
    assert "at least 3 GiB" in resources.disk_error.text()
    assert not next_enabled(wizard)
    resources.size_spin.setValue(10.0)
    click_next(wizard, qtbot)
    retype(qtbot, wizard.finish_page.name_edit, "cloudy")
    images = host.parent / "images"
    plan = wizard.plan()
    assert plan.spec.cdrom == f"{images}/cloudy-seed.iso"
    assert plan.disk_volume is not None
    assert plan.disk_volume.backing == (str(image), "qcow2")
    assert plan.disk_volume.size_bytes == 10 * GIB
    assert plan.seed_volume is not None
    assert plan.seed_volume.name == "cloudy-seed.iso"
    assert "--import" in wizard.finish_page.command_view.toPlainText()


async def volume_names(connection: Connection) -> list[str]:
    return await connection.call(
        "list volumes",
        lambda c: [v.name() for v in c.storagePoolLookupByName("default").listAllVolumes(0)],
    )


def create(wizard: NewVmWizard, qtbot: QtBot) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def test_create_defines_and_starts_the_vm_and_remembers_the_iso(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, fake_iso: Path, settings: Settings,
    loop: asyncio.AbstractEventLoop,
) -> None:
    wizard = open_wizard()
    go_to_finish(wizard, qtbot, fake_iso)
    retype(qtbot, wizard.finish_page.name_edit, "fresh")
    with qtbot.waitSignal(wizard.vm_created, timeout=10000) as created:
        create(wizard, qtbot)
    connection, info = created.args
    assert connection is wizard.connection
    assert info.name == "fresh"
    assert info.memory_kib == 512 * 1024
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert settings.recent_isos() == [str(fake_iso)]
    assert run_task(qtbot, loop, volume_names(connection)) == ["fresh.qcow2"]


def _fail_a_create(
    wizard: NewVmWizard, qtbot: QtBot, fake_iso: Path, ops: OpRunner,
    loop: asyncio.AbstractEventLoop,
) -> str:
    """Create "clash" after someone else took the name: define fails late. What the page says."""
    go_to_finish(wizard, qtbot, fake_iso)
    retype(qtbot, wizard.finish_page.name_edit, "clash")
    run_task(qtbot, loop, wizard.connection.call(
        "define", lambda c: c.defineXML(domain_xml(FleetDomain("clash")))
    ))
    with qtbot.waitSignal(ops.finished, timeout=10000):
        create(wizard, qtbot)
    return wizard.finish_page.status_label.text()


def test_a_failed_create_removes_what_it_made_and_says_why(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, fake_iso: Path, ops: OpRunner,
    loop: asyncio.AbstractEventLoop,
) -> None:
    wizard = open_wizard()
    said_by_default: list[str] = []
    ops.failed.connect(said_by_default.append)
    message = _fail_a_create(wizard, qtbot, fake_iso, ops, loop)
    assert message.startswith("Could not create clash: Defining the virtual machine failed")
    assert "Nothing was left behind" in message
    assert said_by_default == []  # said once, on the page: not in the message bar too
    assert wizard.isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert run_task(qtbot, loop, volume_names(wizard.connection)) == []


def test_customize_before_install_creates_from_the_edited_xml(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, fake_iso: Path,
) -> None:
    wizard = open_wizard()
    go_to_finish(wizard, qtbot, fake_iso)
    retype(qtbot, wizard.finish_page.name_edit, "custom")
    wizard.finish_page.customize_check.setChecked(True)
    create(wizard, qtbot)
    dialog = wizard.findChild(XmlEditDialog)
    assert dialog is not None
    xml = dialog.editor.toPlainText()
    assert "<name>custom</name>" in xml
    dialog.editor.setPlainText(xml.replace("<name>custom</name", "<name>custom"))
    dialog.accept()
    assert "not well-formed" in dialog.error.text()
    entities = '<!DOCTYPE d [<!ENTITY e "x">]>\n'
    dialog.editor.setPlainText(entities + xml.replace("<name>custom<", "<name>&e;<"))
    dialog.accept()
    assert "refused" in dialog.error.text() and dialog.isVisible()
    dialog.editor.setPlainText(xml.replace("<vcpu placement=\"static\">1<", "<vcpu>3<"))
    with qtbot.waitSignal(wizard.vm_created, timeout=10000) as created:
        dialog.accept()
    assert created.args[1].vcpus == 3


def test_customized_xml_naming_an_existing_vm_is_refused_and_that_vm_kept(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, fake_iso: Path, ops: OpRunner,
    loop: asyncio.AbstractEventLoop,
) -> None:
    wizard = open_wizard()
    go_to_finish(wizard, qtbot, fake_iso)
    wizard.finish_page.customize_check.setChecked(True)
    create(wizard, qtbot)
    dialog = wizard.findChild(XmlEditDialog)
    assert dialog is not None
    # alpha's own XML pasted in (`virsh dumpxml alpha`), its vCPUs changed.
    alpha = domain_xml(FleetDomain("alpha")).replace("<vcpu>1</vcpu>", "<vcpu>2</vcpu>")
    dialog.editor.setPlainText(alpha)
    with qtbot.waitSignal(ops.finished, timeout=10000):
        dialog.accept()
    message = wizard.finish_page.status_label.text()
    assert "'alpha' already exists" in message and "Nothing was left behind" in message
    vcpus = run_task(qtbot, loop, wizard.connection.call(
        "read alpha", lambda c: c.lookupByName("alpha").info()[3]
    ))
    assert vcpus == 1


def test_new_vm_action_opens_the_wizard_then_the_details_window(
    window: MainWindow, host: Path,
    connect: Callable[[Path], Connection], qtbot: QtBot, fake_iso: Path,
) -> None:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert isinstance(toolbar, QToolBar)
    assert toolbar.actions()[0] is window.new_vm_action
    assert window.new_vm_action.shortcut().toString() == "Ctrl+N"
    assert window.new_vm() is None  # no connection yet
    assert "Add a connection first" in window.message_bar.text
    window.settings.set_console_after_create("details")
    connection = connect(host)
    wizard = window.new_vm()
    assert wizard is not None
    assert wizard.connection is connection
    qtbot.waitUntil(lambda: wizard.facts is not None and not window.ops.busy, timeout=10000)
    go_to_finish(wizard, qtbot, fake_iso)
    with qtbot.waitSignal(wizard.vm_created, timeout=10000) as created:
        create(wizard, qtbot)
    info = created.args[1]
    details = window.details_window(connection.uri, info.uuid)
    assert details is not None
    assert details.isVisible()


def test_os_detection_result_is_chosen_in_the_list(
    open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, fake_iso: Path,
) -> None:
    wizard = open_wizard()
    page = wizard.source_page
    type_media(qtbot, wizard, page.iso_combo, str(fake_iso))
    qtbot.waitUntil(lambda: not wizard._ops.busy, timeout=20000)
    assert "unknown" in page.os_status.text()  # a blank ISO names no OS
    entries = page._os_entries
    fedora = lookup(entries, "fedora37")
    assert fedora is not None
    page.show_detected(str(fake_iso), fedora)
    assert page.os_entry() == fedora
    assert "Detected: Fedora" in page.os_status.text()


def test_an_inactive_network_is_offered_and_started_on_create(
    host: Path, connect: Callable[[Path], Connection], ops: OpRunner, settings: Settings,
    qtbot: QtBot, fake_iso: Path, loop: asyncio.AbstractEventLoop,
) -> None:
    connection = connect(host)
    run_task(qtbot, loop, connection.call(
        "define a stopped network",
        lambda c: c.networkDefineXML(
            "<network><name>lab</name><bridge name='virbr9'/>"
            "<ip address='192.168.9.1' netmask='255.255.255.0'/></network>"
        ).name(),
    ))
    wizard = NewVmWizard(connection, ops, settings)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.facts is not None and not ops.busy, timeout=10000)
    go_to_finish(wizard, qtbot, fake_iso)
    combo = wizard.finish_page.network_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Virtual network 'lab' (inactive: started on Create)" in labels
    combo.setCurrentIndex(labels.index("Virtual network 'lab' (inactive: started on Create)"))
    retype(qtbot, wizard.finish_page.name_edit, "labbed")
    with qtbot.waitSignal(wizard.vm_created, timeout=10000):
        create(wizard, qtbot)
    active = run_task(qtbot, loop, connection.call(
        "is it running", lambda c: bool(c.networkLookupByName("lab").isActive())
    ))
    assert active


# --- a remote host: media from its pools, bridges by name, free space unknown -------------


@pytest.fixture
def host_facts(host: Path) -> HostFacts:
    conn = libvirt.open(f"test://{host}")
    try:
        return read_host_facts(conn)
    finally:
        conn.close()


def test_a_remote_source_page_offers_the_hosts_volumes_not_this_machines_files(
    qtbot: QtBot,
) -> None:
    page = SourcePage([], local_media=False)
    qtbot.addWidget(page)
    assert page.iso_browse.text() == "Host volumes…"
    waiting = page.host_volume_menu(MediaKind.ISO, page.iso_combo.setEditText)
    assert [a.text() for a in waiting.actions()] == ["Reading the host's storage pools…"]
    iso = MediaVolume("media", "debian.iso", "/srv/media/debian.iso", MediaKind.ISO, 1 << 20)
    image = MediaVolume("media", "base.qcow2", "/srv/media/base.qcow2", MediaKind.DISK_IMAGE,
                        1 << 30)
    page.set_host_volumes((image,))
    empty = page.host_volume_menu(MediaKind.ISO, page.iso_combo.setEditText)
    assert [a.text() for a in empty.actions()] == ["No ISO images in the host's storage pools"]
    page.set_host_volumes((image, iso))
    menu = page.host_volume_menu(MediaKind.ISO, page.iso_combo.setEditText)
    assert [a.text() for a in menu.actions()] == ["media / debian.iso"]
    with qtbot.waitSignal(page.media_check_requested) as asked:
        menu.actions()[0].trigger()
    assert asked.args == [SourceKind.ISO, "/srv/media/debian.iso"]
    assert page.iso_path == "/srv/media/debian.iso"

    page.show_media_check(SourceKind.ISO, MediaCheck(MediaKind.ISO, page.iso_path, None))
    assert page.media_check() is not None
    assert page.isComplete()
    assert "on the host" in page.os_status.text()  # not detected: the file is not here


def test_a_bridge_the_host_cannot_list_is_typed(qtbot: QtBot, host_facts: HostFacts) -> None:
    page = FinishPage()
    qtbot.addWidget(page)
    page.set_host_facts(replace(host_facts, bridges=(), bridges_listed=False))
    retype(qtbot, page.name_edit, "bridged")
    choose_data(page.network_combo, TYPED_BRIDGE)
    assert not page.isComplete()
    assert page.network_error.text() == "Type the name of a bridge on the host."
    retype(qtbot, page.bridge_edit, "br7")
    assert page.isComplete()
    assert page.network() == NetworkSpec.bridge("br7")


def test_a_pool_with_unknown_free_space_says_so_and_does_not_block(
    qtbot: QtBot, host_facts: HostFacts,
) -> None:
    page = ResourcesPage()
    qtbot.addWidget(page)
    unknown = PoolFacts(DEFAULT_POOL_NAME, DEFAULT_POOL_PATH, None, exists=False)
    page.set_host_facts(replace(host_facts, pools=(unknown,)))
    assert page.pool_combo.itemText(0) == (
        f"default — {DEFAULT_POOL_PATH} (free space unknown), created on Finish"
    )
    page.apply_defaults(None, "optional", 0)
    page.size_spin.setValue(60000.0)
    assert page.isComplete()
    assert not page.disk_error.isVisible()


def test_a_failed_create_offers_the_hosts_diagnostics(
    window: MainWindow, host: Path, connect: Callable[[Path], Connection], qtbot: QtBot,
    fake_iso: Path, loop: asyncio.AbstractEventLoop,
) -> None:
    connection = connect(host)
    wizard = window.new_vm()
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.facts is not None and not window.ops.busy, timeout=10000)
    go_to_finish(wizard, qtbot, fake_iso)
    button = wizard.finish_page.diagnose_button
    assert button.isHidden()
    retype(qtbot, wizard.finish_page.name_edit, "clash")
    run_task(qtbot, loop, connection.call(
        "define", lambda c: c.defineXML(domain_xml(FleetDomain("clash")))
    ))
    with qtbot.waitSignal(window.ops.finished, timeout=10000):
        create(wizard, qtbot)
    assert not button.isHidden()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [host_window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, HostWindow)]
    qtbot.addWidget(host_window)
    assert host_window.connection is connection
    assert host_window.tabs.tabText(host_window.tabs.currentIndex()) == "Diagnostics"


def test_in_german_a_failed_create_says_its_step_and_why_in_german(
    german: None, open_wizard: Callable[[], NewVmWizard], qtbot: QtBot, fake_iso: Path,
    ops: OpRunner, loop: asyncio.AbstractEventLoop,
) -> None:
    message = _fail_a_create(open_wizard(), qtbot, fake_iso, ops, loop)
    assert message.startswith(
        "clash konnte nicht erstellt werden: Fehlgeschlagen bei „Die virtuelle Maschine wird "
        "definiert“: "), message
    assert message.endswith("Es ist nichts zurückgeblieben.")
