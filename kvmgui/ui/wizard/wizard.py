"""The New-VM wizard: three pages, then a create that runs off the GUI thread."""

from __future__ import annotations

import asyncio
import contextlib
from functools import partial
from typing import Any

from lxml import etree
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from kvmgui.core.cloudinit import CloudInitConfig
from kvmgui.core.connection import Connection
from kvmgui.core.create import CreatePlan, HostFacts, NewVolume, create_vm, read_host_facts
from kvmgui.core.domain import DomainInfo
from kvmgui.core.osinfo import detect_iso, disk_image_virtual_size, load_os_entries
from kvmgui.core.xml.domain import (
    DiskSpec,
    Firmware,
    NewVmSpec,
    SourceKind,
    VirtType,
    build_domain_xml,
    virt_install_command_line,
)
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.settings import Settings
from kvmgui.ui.wizard.common import GIB, FieldError, in_worker
from kvmgui.ui.wizard.finish_page import FinishPage
from kvmgui.ui.wizard.resources_page import ResourcesPage
from kvmgui.ui.wizard.source_page import CloudInitFields, SourcePage

INCOMPLETE_COMMAND = "# Complete the fields above to see the command."


class XmlEditDialog(QDialog):
    """"Customize before install": the domain XML, editable, checked before it is used."""

    xml_accepted = Signal(str)

    def __init__(self, xml: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Customize the new VM's XML")
        self.resize(720, 560)
        self.editor = QPlainTextEdit(xml)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.error = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Create")
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        xml = self.editor.toPlainText()
        try:
            etree.fromstring(xml.encode())
        except etree.XMLSyntaxError as err:
            self.error.show_problem(f"The XML is not well-formed: {err}")
            return
        super().accept()
        self.xml_accepted.emit(xml)


class NewVmWizard(QWizard):
    """From nothing to a running VM on ``connection``; emits ``vm_created`` at the end.

    What the host offers (memory, pools, networks, names) is read once, in the
    connection's pool, when the wizard opens; pages check input against it.
    """

    vm_created = Signal(object, object)  # Connection, DomainInfo

    def __init__(
        self, connection: Connection, ops: OpRunner, settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        self._ops = ops
        self._settings = settings
        self.facts: HostFacts | None = None
        self._creating = False
        self._created = False
        self._suggested_name = ""
        self._loads: list[asyncio.Task[Any]] = []
        self.setWindowTitle(f"New virtual machine on {connection.uri}")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(720, 640)
        self.source_page = SourcePage(settings.recent_isos())
        self.resources_page = ResourcesPage()
        self.finish_page = FinishPage()
        for page in (self.source_page, self.resources_page, self.finish_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Create")
        self._connect_signals()
        self._loads.append(ops.run(
            connection.call("Could not read what the host offers", read_host_facts),
            self.on_host_facts_read,
        ))
        self._loads.append(ops.run(in_worker(load_os_entries), self.source_page.set_os_entries))

    def _connect_signals(self) -> None:
        self.source_page.detect_requested.connect(self.on_detect_requested)
        self.finish_page.input_changed.connect(self.update_command)

    # --------------------------------------------------------------- loading

    def on_host_facts_read(self, facts: HostFacts) -> None:
        self.facts = facts
        self.resources_page.set_host_facts(facts)
        self.finish_page.set_host_facts(facts)
        if self.currentPage() is self.resources_page:
            self.initializePage(self.currentId())

    @Slot(str)
    def on_detect_requested(self, path: str) -> None:
        self._loads.append(self._ops.run(
            in_worker(partial(detect_iso, path)), partial(self.source_page.show_detected, path)
        ))

    # ----------------------------------------------------------------- pages

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        page = self.page(page_id)
        source = self.source_page
        if page is self.resources_page:
            kind = source.kind
            minimum = 0.0
            if kind is SourceKind.IMPORT:
                mode = "copy" if source.copy_image else "none"
                if source.copy_image:
                    minimum = disk_image_virtual_size(source.image_path) / GIB
            elif kind is SourceKind.CLOUD_INIT:
                mode = "overlay"
                minimum = disk_image_virtual_size(source.image_path) / GIB
            else:
                mode = "optional"
            self.resources_page.apply_defaults(source.os_entry(), mode, minimum)
        elif page is self.finish_page:
            entry = source.os_entry()
            base = entry.short_id if entry is not None else "vm"
            if self.finish_page.vm_name in ("", self._suggested_name):
                self.finish_page.suggest_name(base)
                self._suggested_name = self.finish_page.vm_name
            self.update_command()

    @Slot()
    def update_command(self) -> None:
        try:
            spec = self.spec()
        except ValueError:
            self.finish_page.show_command(INCOMPLETE_COMMAND)
            return
        self.finish_page.show_command(virt_install_command_line(spec, self.connection.uri))

    # ------------------------------------------------------- what to create

    def spec(self) -> NewVmSpec:
        """The VM the pages describe; ValueError while they are incomplete."""
        source, resources, finish = self.source_page, self.resources_page, self.finish_page
        kind = source.kind
        name = finish.vm_name
        pool = resources.pool()
        network = finish.network()
        if network is None:
            raise ValueError("no network")
        disk: DiskSpec | None = None
        if kind is SourceKind.IMPORT:
            fmt = source.image_format
            if fmt is None:
                raise ValueError("no usable disk image")
            path = source.image_path
            if source.copy_image:
                if pool is None:
                    raise ValueError("no pool to copy the image to")
                path = pool.volume_path(f"{name}.{'qcow2' if fmt == 'qcow2' else 'img'}")
            disk = DiskSpec(path, fmt)
        elif resources.wants_disk:
            if pool is None:
                raise ValueError("no pool for the disk")
            disk = DiskSpec(pool.volume_path(f"{name}.qcow2"))
        cdrom: str | None = None
        if kind is SourceKind.ISO:
            cdrom = source.iso_path
        elif kind is SourceKind.CLOUD_INIT:
            if pool is None:
                raise ValueError("no pool for the seed")
            cdrom = pool.volume_path(f"{name}-seed.iso")
        entry = source.os_entry()
        firmware: Firmware = "efi" if finish.firmware == "efi" else "bios"
        virt_type: VirtType = "kvm" if finish.virt_type == "kvm" else "qemu"
        return NewVmSpec(
            name=name,
            memory_mib=resources.memory_mib,
            vcpus=resources.vcpus,
            source=kind,
            virt_type=virt_type,
            firmware=firmware,
            disk=disk,
            cdrom=cdrom,
            network=network,
            os_id=entry.id if entry is not None else None,
            os_short_id=entry.short_id if entry is not None else None,
        )

    def plan(
        self, spec: NewVmSpec, cloud_init: CloudInitConfig | None = None,
        domain_xml: str | None = None,
    ) -> CreatePlan:
        """The volumes to make for ``spec``, named as ``spec`` refers to them."""
        source, resources = self.source_page, self.resources_page
        pool = resources.pool()
        disk_volume: NewVolume | None = None
        seed_volume: NewVolume | None = None
        if pool is not None and spec.disk is not None:
            volume_name = spec.disk.path.rsplit("/", 1)[-1]
            if spec.source is SourceKind.IMPORT:
                if source.copy_image:
                    disk_volume = NewVolume(pool.name, volume_name, copy_of=source.image_path)
            elif spec.source is SourceKind.CLOUD_INIT:
                disk_volume = NewVolume(pool.name, volume_name, resources.disk_bytes,
                                        backing=(source.image_path, source.image_format or "raw"))
            else:
                disk_volume = NewVolume(pool.name, volume_name, resources.disk_bytes)
        if pool is not None and spec.source is SourceKind.CLOUD_INIT and spec.cdrom:
            seed_volume = NewVolume(pool.name, spec.cdrom.rsplit("/", 1)[-1])
        return CreatePlan(spec, disk_volume, seed_volume, cloud_init, domain_xml)

    # ---------------------------------------------------------------- create

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is not self.finish_page or self._created:
            return super().validateCurrentPage()
        if self._creating:
            return False
        try:
            spec = self.spec()
        except ValueError as err:
            self.finish_page.show_failure(f"Cannot create this VM: {err}.")
            return False
        if self.finish_page.customize_check.isChecked():
            dialog = XmlEditDialog(build_domain_xml(spec), self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.xml_accepted.connect(partial(self.start_create, spec))
            dialog.open()
        else:
            self.start_create(spec)
        return False  # the wizard closes when the create has succeeded

    def start_create(self, spec: NewVmSpec, domain_xml: str | None = None) -> None:
        self._set_creating(True)
        self.finish_page.show_progress("Preparing", 0, 1)
        fields = self.source_page.cloud_init_fields()
        self._ops.run(self._create(spec, fields, domain_xml), self.on_created)

    async def _create(
        self, spec: NewVmSpec, fields: CloudInitFields, domain_xml: str | None
    ) -> DomainInfo:
        loop = asyncio.get_running_loop()

        def progress(what: str, done: int, total: int) -> None:
            loop.call_soon_threadsafe(self.finish_page.show_progress, what, done, total)

        try:
            cloud_init = None
            if spec.source is SourceKind.CLOUD_INIT:
                self.finish_page.show_progress("Hashing the password", 0, 1)
                cloud_init = await in_worker(partial(
                    CloudInitConfig.create, fields.user, fields.hostname or spec.name,
                    password=fields.password or None,
                    ssh_keys=[fields.ssh_key] if fields.ssh_key else [],
                ))
            plan = self.plan(spec, cloud_init, domain_xml)
            return await self.connection.call(
                f"Could not create {spec.name}", partial(create_vm, plan=plan, progress=progress)
            )
        except Exception as err:
            self._set_creating(False)
            self.finish_page.show_failure(str(err))
            raise

    def on_created(self, info: DomainInfo) -> None:
        self._set_creating(False)
        self._created = True
        if self.source_page.kind is SourceKind.ISO:
            self._settings.add_recent_iso(self.source_page.iso_path)
        self.vm_created.emit(self.connection, info)
        self.accept()

    def _set_creating(self, creating: bool) -> None:
        self._creating = creating
        for page in (self.source_page, self.resources_page, self.finish_page):
            page.setEnabled(not creating)
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton,
                       QWizard.WizardButton.CancelButton):
            self.button(button).setEnabled(not creating)

    def done(self, result: int) -> None:
        if self._creating:
            return  # a create cannot be abandoned halfway: it finishes or rolls back
        for task in self._loads:
            with contextlib.suppress(RuntimeError):
                task.cancel()
        super().done(result)
