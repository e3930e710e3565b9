"""The New-VM wizard: three pages, then a create that runs off the GUI thread."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine
from dataclasses import replace
from functools import partial
from typing import Any, TypeVar

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

from kvmgui.core.connection import Connection, DomainChanges
from kvmgui.core.create import create_vm
from kvmgui.core.domain import DomainInfo
from kvmgui.core.hostfacts import HostFacts, read_host_facts
from kvmgui.core.media import SOURCE_MEDIA, check_media, list_media_volumes
from kvmgui.core.newvm import CreatePlan, NewVmChoices, plan_new_vm
from kvmgui.core.osinfo import detect_iso, load_os_entries
from kvmgui.core.uri import is_local_uri
from kvmgui.core.xml.domain import SourceKind, virt_install_command_line
from kvmgui.core.xml.model import Domain
from kvmgui.core.xml.properties import UnsafeXmlError
from kvmgui.ui.i18n import shown_exception, translate
from kvmgui.ui.ops import OpRunner, failure_message, in_worker
from kvmgui.ui.settings import Settings
from kvmgui.ui.wizard.common import FieldError
from kvmgui.ui.wizard.finish_page import FinishPage
from kvmgui.ui.wizard.resources_page import ResourcesPage
from kvmgui.ui.wizard.source_page import SourcePage

T = TypeVar("T")

INCOMPLETE_COMMAND = "# Complete the fields above to see the command."


class XmlEditDialog(QDialog):
    """"Customize before install": the domain XML, editable, checked before it is used."""

    xml_accepted = Signal(str)

    def __init__(self, xml: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("wizard.wizard", "Customize the new VM's XML"))
        self.resize(720, 560)
        self.editor = QPlainTextEdit(xml)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.error = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("wizard.wizard", "Create"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        xml = self.editor.toPlainText()
        try:
            Domain.from_xml(xml)
        except etree.XMLSyntaxError as err:
            self.error.show_problem(
                translate("wizard.wizard", "The XML is not well-formed: {err}").format(err=err)
            )
            return
        except UnsafeXmlError as err:
            self.error.show_problem(
                translate("wizard.wizard", "This XML is refused: {err}.").format(err=err)
            )
            return
        super().accept()
        self.xml_accepted.emit(xml)


class NewVmWizard(QWizard):
    """From nothing to a running VM on ``connection``; emits ``vm_created`` at the end.

    What the host offers (memory, pools, networks, names) is read once, in the
    connection's pool, when the wizard opens; pages check input against it,
    and ISO and image paths are checked on the connection's host. The pages
    collect the user's choices; ``plan_new_vm`` (core) decides the rest.
    """

    vm_created = Signal(object, object)  # Connection, DomainInfo
    # Connection, DomainInfo: make a linked clone of this template and start it
    # (the main window's New VM from Template does it).
    template_chosen = Signal(object, object)
    diagnose_requested = Signal(object)  # Connection: a create failed, the user asks why

    def __init__(
        self, connection: Connection, ops: OpRunner, settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        self._ops = ops
        self._settings = settings
        self.facts: HostFacts | None = None
        # The host is this machine: its files are the host's (else: its pools' volumes).
        self.media_local = is_local_uri(connection.uri)
        self._creating = False
        self._created = False
        self._suggested_name = ""
        self._loads: list[asyncio.Task[Any]] = []
        self.setWindowTitle(
            translate("wizard.wizard", "New virtual machine on {uri}").format(uri=connection.uri)
        )
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(720, 640)
        # Recent ISOs are files on this machine: no use on another host.
        recent_isos = settings.recent_isos() if self.media_local else []
        templates = [info for info in connection.domains() if info.is_template]
        self.source_page = SourcePage(recent_isos, self.media_local, templates)
        self.resources_page = ResourcesPage()
        self.finish_page = FinishPage()
        for page in (self.source_page, self.resources_page, self.finish_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("wizard.wizard", "Create"))
        self._connect_signals()
        self._load(
            connection.call(
                translate("wizard.wizard", "Could not read what the host offers"), read_host_facts
            ),
            self.on_host_facts_read,
        )
        self._load(in_worker(load_os_entries), self.source_page.set_os_entries)
        if not self.media_local:
            self._load(
                connection.call(
                    translate("wizard.wizard", "Could not list the host's volumes"),
                    list_media_volumes,
                ),
                self.source_page.set_host_volumes,
            )
        self.source_page.on_input_changed()  # the empty path's verdict

    @Slot(object, object)
    def on_domains_changed(self, connection: Connection, changes: DomainChanges) -> None:
        """Lists the templates again when one is marked, unmarked, added or removed."""
        if connection is not self.connection:
            return
        listed = self.source_page.template_uuids
        if not (any(info.is_template != (info.uuid in listed)
                    for info in (*changes.added, *changes.changed))
                or any(uuid in listed for uuid in changes.removed)):
            return
        self.source_page.show_templates(
            [info for info in connection.domains() if info.is_template])

    def _connect_signals(self) -> None:
        self.source_page.kind_buttons.idToggled.connect(self.on_source_toggled)
        self.source_page.detect_requested.connect(self.on_detect_requested)
        self.source_page.media_check_requested.connect(self.on_media_check_requested)
        self.finish_page.input_changed.connect(self.update_command)
        self.finish_page.diagnose_button.clicked.connect(
            lambda: self.diagnose_requested.emit(self.connection)
        )

    def _load(self, coro: Coroutine[Any, Any, T], on_success: Callable[[T], None]) -> None:
        """Run ``coro`` for this wizard: cancelled if the wizard closes first."""
        self._loads = [task for task in self._loads if not task.done()]
        self._loads.append(self._ops.run(coro, on_success, owner=self))

    # --------------------------------------------------------------- loading

    def on_host_facts_read(self, facts: HostFacts) -> None:
        self.facts = facts
        self.resources_page.set_host_facts(facts)
        self.finish_page.set_host_facts(facts)
        if finding := self._settings.kvm_self_test_finding(self.connection.uri):
            self.finish_page.prefer_tcg(finding)
        if self.currentPage() is self.resources_page:
            self.initializePage(self.currentId())

    @Slot(str)
    def on_detect_requested(self, path: str) -> None:
        self._load(
            in_worker(partial(detect_iso, path)), partial(self.source_page.show_detected, path)
        )

    @Slot(object, str)
    def on_media_check_requested(self, kind: SourceKind, path: str) -> None:
        check = partial(check_media, path=path, kind=SOURCE_MEDIA[kind], local=self.media_local)
        self._load(
            self.connection.call(
                translate("wizard.wizard", "Could not check {path}").format(
                    path=path or translate("wizard.wizard", "the path")), check
            ),
            partial(self.source_page.show_media_check, kind),
        )

    @Slot(int, bool)
    def on_source_toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self.setButtonText(
                QWizard.WizardButton.FinishButton,
                translate("wizard.wizard", "Create and Start")
                if self.source_page.from_template
                else translate("wizard.wizard", "Create"),
            )

    # ----------------------------------------------------------------- pages

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        page = self.page(page_id)
        source = self.source_page
        if page is self.resources_page:
            kind = source.kind
            check = source.media_check()
            image_size = check.virtual_size if check is not None else 0
            minimum = 0
            if kind is SourceKind.IMPORT:
                mode = "copy" if source.copy_image else "none"
                if source.copy_image:
                    minimum = image_size
            elif kind is SourceKind.CLOUD_INIT:
                mode = "overlay"
                minimum = image_size
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
            plan = self.plan()
        except ValueError:
            self.finish_page.show_command(INCOMPLETE_COMMAND)
            return
        self.finish_page.show_command(virt_install_command_line(plan.spec, self.connection.uri))

    # ------------------------------------------------------- what to create

    def choices(self) -> NewVmChoices:
        """What the pages hold, as plain data."""
        source, resources, finish = self.source_page, self.resources_page, self.finish_page
        kind = source.kind
        check = source.media_check()
        usable = check is not None and check.problem is None
        entry = source.os_entry()
        pool = resources.pool()
        return NewVmChoices(
            source=kind,
            name=finish.vm_name,
            memory_mib=resources.memory_mib,
            vcpus=resources.vcpus,
            network=finish.network(),
            media_path=check.path if check is not None and usable else "",
            image_format=check.format if check is not None else None,
            image_size=check.virtual_size if check is not None else 0,
            media_local=self.media_local,
            copy_image=source.copy_image,
            os_id=entry.id if entry is not None else None,
            os_short_id=entry.short_id if entry is not None else None,
            disk=resources.wants_disk,
            disk_bytes=resources.disk_bytes,
            pool=pool.name if pool is not None else None,
            firmware=finish.firmware,
            virt_type=finish.virt_type,
            cloud_init=source.cloud_init_choices() if kind is SourceKind.CLOUD_INIT else None,
        )

    def plan(self) -> CreatePlan:
        """The VM the pages describe (without the cloud-init seed's content yet).

        ValueError, worded for the user, while the pages are incomplete.
        """
        if self.facts is None:
            raise ValueError(translate("wizard.wizard", "The host is still being read."))
        return plan_new_vm(self.choices(), self.facts)

    # ---------------------------------------------------------------- create

    def validateCurrentPage(self) -> bool:
        template = self.source_page.template()
        if self.currentPage() is self.source_page and template is not None:
            self._created = True
            self.template_chosen.emit(self.connection, template)
            return True
        if self.currentPage() is not self.finish_page or self._created:
            return super().validateCurrentPage()
        if self._creating:
            return False
        try:
            plan = self.plan()
        except ValueError as err:
            self.finish_page.show_failure(
                translate("wizard.wizard", "Cannot create this VM: {err}").format(
                    err=shown_exception(err))
            )
            return False
        choices = self.choices()
        if self.finish_page.customize_check.isChecked():
            dialog = XmlEditDialog(plan.xml, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.xml_accepted.connect(
                lambda xml: self.start_create(replace(choices, domain_xml=xml))
            )
            dialog.open()
        else:
            self.start_create(choices)
        return False  # the wizard closes when the create has succeeded

    def start_create(self, choices: NewVmChoices) -> None:
        self._set_creating(True)
        self.finish_page.show_progress(translate("wizard.wizard", "Preparing"), 0, 1)
        self._ops.run(self._create(choices), self.on_created,
                      on_failure=self.on_create_failed, owner=self)

    async def _create(self, choices: NewVmChoices) -> DomainInfo:
        loop = asyncio.get_running_loop()
        facts = self.facts
        assert facts is not None  # validateCurrentPage planned with them

        def progress(what: str, done: int, total: int) -> None:
            loop.call_soon_threadsafe(self.finish_page.show_progress, what, done, total)

        cloud_init = None
        if choices.cloud_init is not None:
            self.finish_page.show_progress(translate("wizard.wizard", "Hashing the password"), 0, 1)
            cloud_init = await in_worker(partial(choices.cloud_init.config, choices.name))
        plan = plan_new_vm(choices, facts, cloud_init)
        return await self.connection.call(
            translate("wizard.wizard", "Could not create {name}").format(name=choices.name),
            partial(create_vm, plan=plan, progress=progress),
        )

    def on_create_failed(self, error: Exception) -> None:
        # Said once, on the page the user looks at; not in the main window too.
        self._set_creating(False)
        self.finish_page.show_failure(failure_message(error), diagnose=True)

    def on_created(self, info: DomainInfo) -> None:
        self._set_creating(False)
        self._created = True
        if self.source_page.kind is SourceKind.ISO and self.media_local:
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
