"""Wizard page 1: where the operating system comes from, and which OS it is."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kvmgui.core.cloudinit import (
    ssh_public_keys_offered,
    validate_hostname,
    validate_user_name,
)
from kvmgui.core.domain import DomainInfo
from kvmgui.core.media import SOURCE_MEDIA, MediaCheck, MediaKind, MediaVolume
from kvmgui.core.newvm import CloudInitChoices
from kvmgui.core.osinfo import OsEntry, search
from kvmgui.core.texts import Translatable
from kvmgui.core.xml.domain import SourceKind
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.template_dialog import template_label
from kvmgui.ui.widgets.files import open_file_dialog
from kvmgui.ui.widgets.plain import plain_label, plain_tooltip
from kvmgui.ui.wizard.common import FieldError

SOURCE_LABELS = {
    SourceKind.ISO: Translatable("wizard.source_page", "Local install media (ISO image)"),
    SourceKind.IMPORT: Translatable("wizard.source_page", "Import an existing disk image"),
    SourceKind.CLOUD_INIT: Translatable(
        "wizard.source_page", "Cloud image with cloud-init (user, password, SSH key)"
    ),
    SourceKind.PXE: Translatable("wizard.source_page", "Network boot (PXE)"),
    SourceKind.EMPTY: Translatable("wizard.source_page", "Empty VM (no install source)"),
}
FROM_TEMPLATE_LABEL = Translatable(
    "wizard.source_page", "From a template (a linked clone, started at once)"
)
# The button and stack index of "From a template": after the install sources.
FROM_TEMPLATE = len(SourceKind)
# The OS list shows the best matches only: a few hundred rows help nobody.
OS_LIST_LIMIT = 100


def _path_row(edit: QWidget, browse: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


def _default_user() -> str:
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        return "user"
    return login if validate_user_name(login) is None else "user"


class SourcePage(QWizardPage):
    """Install source (ISO, image, cloud image, PXE, empty) and the OS, detected or chosen.

    Or a template of the connection: then this page is the last one, and the
    wizard makes a linked clone of the template and starts it.
    """

    detect_requested = Signal(str)  # an ISO path whose OS to detect
    # (SourceKind, path): to be checked on the connection's host, answered by show_media_check.
    media_check_requested = Signal(object, str)

    def __init__(
        self, recent_isos: Sequence[str], local_media: bool,
        templates: Sequence[DomainInfo] = (), parent: QWidget | None = None,
    ) -> None:
        """``local_media``: the connection's host is this machine, whose files can be browsed;
        ``templates``: the connection's templates."""
        super().__init__(parent)
        self.setTitle(translate("wizard.source_page", "Where does the operating system come from?"))
        self._local_media = local_media
        self._os_entries: tuple[OsEntry, ...] = ()
        self._detected_path = ""
        self._asked: dict[SourceKind, str] = {}
        self._checks: dict[SourceKind, MediaCheck] = {}
        self._host_volumes: tuple[MediaVolume, ...] = ()
        self._host_volumes_read = False

        self.kind_buttons = QButtonGroup(self)
        kinds_box = QVBoxLayout()
        for index, kind in enumerate(SourceKind):
            button = QRadioButton(shown(SOURCE_LABELS[kind]))
            button.setObjectName(f"source-{kind.value}")
            self.kind_buttons.addButton(button, index)
            kinds_box.addWidget(button)
        self.template_button = QRadioButton(shown(FROM_TEMPLATE_LABEL))
        self.template_button.setObjectName("source-template")
        self.kind_buttons.addButton(self.template_button, FROM_TEMPLATE)
        kinds_box.addWidget(self.template_button)
        self.kind_buttons.button(0).setChecked(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._iso_panel(recent_isos))
        self.stack.addWidget(self._import_panel())
        self.stack.addWidget(self._cloud_panel())
        self.stack.addWidget(
            self._note_panel(
                translate(
                    "wizard.source_page",
                    "The VM boots from the network first (PXE): the network must offer a boot "
                    "server.",
                )
            )
        )
        self.stack.addWidget(
            self._note_panel(
                translate(
                    "wizard.source_page",
                    "The VM gets no install source: attach one later, or boot it as it is.",
                )
            )
        )
        self.stack.addWidget(self._template_panel())
        self.show_templates(templates)

        os_box = QGroupBox(translate("wizard.source_page", "Operating system"))
        self.os_search = QLineEdit()
        self.os_search.setPlaceholderText(
            translate("wizard.source_page", "Search the OS list (e.g. debian 12, fedora, win11)…")
        )
        self.os_search.setClearButtonEnabled(True)
        self.os_list = QListWidget()
        self.os_list.setMinimumHeight(110)
        self.os_status = plain_label(translate("wizard.source_page", "Reading the OS list…"))
        os_layout = QVBoxLayout(os_box)
        os_layout.addWidget(self.os_status)
        os_layout.addWidget(self.os_search)
        os_layout.addWidget(self.os_list)

        layout = QVBoxLayout(self)
        layout.addLayout(kinds_box)
        layout.addWidget(self.stack)
        layout.addWidget(os_box, 1)
        self.os_box = os_box
        self._connect_signals()

    # ------------------------------------------------------------- building

    def _iso_panel(self, recent_isos: Sequence[str]) -> QWidget:
        panel = QWidget()
        self.iso_combo = QComboBox()
        self.iso_combo.setAccessibleName(translate("wizard.source_page", "ISO image"))
        self.iso_combo.setEditable(True)
        self.iso_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.iso_combo.addItems(list(recent_isos))
        self.iso_combo.setCurrentIndex(-1)
        line_edit = self.iso_combo.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText(
            translate("wizard.source_page", "/path/to/install.iso (recently used ones in the list)")
            if self._local_media
            else translate(
                "wizard.source_page",
                "/path/on/the/host/install.iso (or choose among the host's volumes)",
            )
        )
        self.iso_browse = self._browse_button()
        self.iso_error = FieldError()
        form = QFormLayout(panel)
        form.addRow(
            translate("wizard.source_page", "ISO image:"),
            _path_row(self.iso_combo, self.iso_browse),
        )
        form.addRow("", self.iso_error)
        return panel

    def _import_panel(self) -> QWidget:
        panel = QWidget()
        self.image_edit = QLineEdit()
        self.image_edit.setAccessibleName(translate("wizard.source_page", "Disk image"))
        self.image_edit.setPlaceholderText(
            translate("wizard.source_page", "/path/to/disk.qcow2 or disk.img")
        )
        self.image_browse = self._browse_button()
        self.image_error = FieldError()
        self.copy_check = QCheckBox(
            translate(
                "wizard.source_page", "Copy it into a storage pool (the original stays untouched)"
            )
        )
        form = QFormLayout(panel)
        form.addRow(
            translate("wizard.source_page", "Disk image:"),
            _path_row(self.image_edit, self.image_browse),
        )
        form.addRow("", self.image_error)
        form.addRow("", self.copy_check)
        return panel

    def _cloud_panel(self) -> QWidget:
        panel = QWidget()
        self.cloud_image_edit = QLineEdit()
        self.cloud_image_edit.setAccessibleName(translate("wizard.source_page", "Cloud image"))
        self.cloud_image_edit.setPlaceholderText(
            translate("wizard.source_page", "/path/to/debian-12-genericcloud-amd64.qcow2")
        )
        self.cloud_image_browse = self._browse_button()
        self.cloud_image_error = FieldError()
        self.user_edit = QLineEdit(_default_user())
        self.user_error = FieldError()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            translate("wizard.source_page", "stored hashed (SHA-512 crypt); empty: key only")
        )
        self.ssh_key_combo = QComboBox()
        self.ssh_key_combo.setEditable(True)
        self.ssh_key_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for path in ssh_public_keys_offered():
            try:
                self.ssh_key_combo.addItem(path.read_text().strip(), str(path))
            except (OSError, UnicodeDecodeError):
                continue
        key_edit = self.ssh_key_combo.lineEdit()
        assert key_edit is not None
        key_edit.setPlaceholderText(
            translate("wizard.source_page", "ssh-ed25519 AAAA… (from ~/.ssh/*.pub)")
        )
        self.ssh_key_error = FieldError()
        self.hostname_edit = QLineEdit()
        self.hostname_edit.setPlaceholderText(translate("wizard.source_page", "the VM's name"))
        self.hostname_error = FieldError()
        form = QFormLayout(panel)
        form.addRow(
            translate("wizard.source_page", "Cloud image:"),
            _path_row(self.cloud_image_edit, self.cloud_image_browse),
        )
        form.addRow("", self.cloud_image_error)
        form.addRow(translate("wizard.source_page", "User:"), self.user_edit)
        form.addRow("", self.user_error)
        form.addRow(translate("wizard.source_page", "Password:"), self.password_edit)
        form.addRow(translate("wizard.source_page", "SSH public key:"), self.ssh_key_combo)
        form.addRow("", self.ssh_key_error)
        form.addRow(translate("wizard.source_page", "Host name:"), self.hostname_edit)
        form.addRow("", self.hostname_error)
        return panel

    def _template_panel(self) -> QWidget:
        panel = QWidget()
        note = QLabel(
            translate(
                "wizard.source_page",
                "The new VM is a linked clone of the template, named after it "
                "with the first free number, and it starts at once.",
            )
        )
        note.setWordWrap(True)
        self.template_list = QListWidget()
        self.template_list.setAccessibleName(translate("wizard.source_page", "Templates"))
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note)
        layout.addWidget(self.template_list)
        return panel

    @property
    def template_uuids(self) -> set[str]:
        """The UUIDs of the templates listed."""
        return {info.uuid for info in self._listed_templates()}

    def _listed_templates(self) -> list[DomainInfo]:
        return [self.template_list.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.template_list.count())]

    def show_templates(self, templates: Sequence[DomainInfo]) -> None:
        """List the connection's templates (again: their marks may arrive after the
        wizard opened), keeping the one chosen while it is still a template."""
        chosen = self.template()
        self.template_list.clear()
        for info in sorted(templates, key=lambda info: info.name.lower()):
            item = QListWidgetItem(template_label(info))
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.template_list.addItem(item)
            if chosen is not None and info.uuid == chosen.uuid:
                self.template_list.setCurrentItem(item)
        if self.template_list.currentItem() is None:
            self.template_list.setCurrentRow(0)
        self.template_button.setEnabled(bool(templates))
        self.template_button.setToolTip("" if templates else translate(
            "wizard.source_page",
            "This connection has no template yet: shut a VM off and use "
            "Virtual Machine → Make Template.",
        ))
        if not templates and self.template_button.isChecked():
            self.kind_buttons.button(0).setChecked(True)
        self.completeChanged.emit()

    def _browse_button(self) -> QPushButton:
        if self._local_media:
            return QPushButton(translate("wizard.source_page", "Browse…"))
        button = QPushButton(translate("wizard.source_page", "Host volumes…"))
        button.setToolTip(
            translate("wizard.source_page", "Choose among the volumes of the host's storage pools")
        )
        return button

    @staticmethod
    def _note_panel(text: str) -> QWidget:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _connect_signals(self) -> None:
        self.kind_buttons.idToggled.connect(self.on_kind_toggled)
        self.template_list.currentItemChanged.connect(self.completeChanged)
        self.iso_combo.editTextChanged.connect(self.on_input_changed)
        for button, kind, set_path, file_filter in (
            (self.iso_browse, MediaKind.ISO, self.iso_combo.setEditText,
             translate("wizard.source_page", "ISO images (*.iso);;All files (*)")),
            (self.image_browse, MediaKind.DISK_IMAGE, self.image_edit.setText,
             translate("wizard.source_page", "Disk images (*.qcow2 *.img *.raw);;All files (*)")),
            (self.cloud_image_browse, MediaKind.DISK_IMAGE, self.cloud_image_edit.setText,
             translate("wizard.source_page", "Cloud images (*.qcow2 *.img *.raw);;All files (*)")),
        ):
            button.clicked.connect(partial(self._browse, button, kind, set_path, file_filter))
        for edit in (self.image_edit, self.cloud_image_edit, self.user_edit,
                     self.password_edit, self.hostname_edit):
            edit.textChanged.connect(self.on_input_changed)
        self.ssh_key_combo.editTextChanged.connect(self.on_input_changed)
        self.os_search.textChanged.connect(self.on_os_search_changed)

    # ------------------------------------------------------------ the input

    @property
    def from_template(self) -> bool:
        return self.kind_buttons.checkedId() == FROM_TEMPLATE

    @property
    def kind(self) -> SourceKind:
        """The install source chosen (not asked while :attr:`from_template`)."""
        return list(SourceKind)[self.kind_buttons.checkedId()]

    def template(self) -> DomainInfo | None:
        """The template chosen, when :attr:`from_template`."""
        item = self.template_list.currentItem()
        info = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return info if self.from_template and isinstance(info, DomainInfo) else None

    def nextId(self) -> int:
        return -1 if self.from_template else super().nextId()

    def media_path(self, kind: SourceKind) -> str:
        """The ISO or image path typed for ``kind`` ("" for the kinds without one)."""
        if kind is SourceKind.ISO:
            return self.iso_combo.currentText().strip()
        if kind is SourceKind.IMPORT:
            return self.image_edit.text().strip()
        if kind is SourceKind.CLOUD_INIT:
            return self.cloud_image_edit.text().strip()
        return ""

    @property
    def iso_path(self) -> str:
        return self.media_path(SourceKind.ISO)

    def media_check(self) -> MediaCheck | None:
        """The host's answer about the current kind's path; None while it is being asked."""
        kind = self.kind
        check = self._checks.get(kind)
        return check if check is not None and check.path == self.media_path(kind) else None

    @property
    def copy_image(self) -> bool:
        return self.copy_check.isChecked()

    def cloud_init_choices(self) -> CloudInitChoices:
        return CloudInitChoices(
            user=self.user_edit.text().strip(),
            password=self.password_edit.text(),
            ssh_key=self.ssh_key_combo.currentText().strip(),
            hostname=self.hostname_edit.text().strip(),
        )

    def os_entry(self) -> OsEntry | None:
        item = self.os_list.currentItem()
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return entry if isinstance(entry, OsEntry) else None

    def _media_fine(self, error: FieldError) -> bool:
        check = self.media_check()
        # While the host is asked, no verdict is shown (and Next waits for it).
        # A warning is said there too, but does not hold the page.
        error.show_problem((check.problem or check.warning) if check is not None else None)
        return check is not None and check.problem is None

    def _problems(self) -> bool:
        """Show each field's problem; True when the page is fine."""
        if self.from_template:
            return self.template() is not None
        kind = self.kind
        fine = True
        if kind is SourceKind.ISO:
            fine = self._media_fine(self.iso_error)
        elif kind is SourceKind.IMPORT:
            fine = self._media_fine(self.image_error)
        elif kind is SourceKind.CLOUD_INIT:
            fields = self.cloud_init_choices()
            checks = [
                self._media_fine(self.cloud_image_error),
                self.user_error.show_problem(validate_user_name(fields.user)),
                self.ssh_key_error.show_problem(fields.login_problem()),
                self.hostname_error.show_problem(
                    validate_hostname(fields.hostname) if fields.hostname else None
                ),
            ]
            fine = all(checks)
        return fine

    def isComplete(self) -> bool:
        return self._problems()

    # ---------------------------------------------------------------- slots

    @Slot(int, bool)
    def on_kind_toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.stack.setCurrentIndex(index)
            # A template brings its own OS.
            self.os_box.setVisible(index != FROM_TEMPLATE)
            # Makes the wizard show Finish instead of Next (QWizard re-reads its buttons).
            self.setFinalPage(index == FROM_TEMPLATE)
            self.on_input_changed()

    @Slot()
    def on_input_changed(self) -> None:
        self.completeChanged.emit()
        if self.from_template:
            return
        kind = self.kind
        path = self.media_path(kind)
        if kind in SOURCE_MEDIA and self.media_check() is None and self._asked.get(kind) != path:
            self._asked[kind] = path
            self.media_check_requested.emit(kind, path)

    @Slot(str)
    def on_os_search_changed(self, text: str) -> None:
        self._fill_os_list(search(self._os_entries, text) if text.strip() else self._os_entries)

    def _browse(
        self, button: QPushButton, kind: MediaKind, set_path: Callable[[str], None],
        file_filter: str,
    ) -> None:
        """This machine's files on a local connection; the host's pool volumes otherwise."""
        if self._local_media:
            open_file_dialog(self, translate("wizard.source_page", "Choose a file"),
                             file_filter, set_path)
            return
        menu = self.host_volume_menu(kind, set_path)
        menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    def host_volume_menu(self, kind: MediaKind, set_path: Callable[[str], None]) -> QMenu:
        """The host's volumes that can be ``kind``, by pool; choosing one sets its path."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        volumes = [v for v in self._host_volumes if v.kind is kind]
        if self._host_volumes_read and not volumes:
            plural = (
                translate("wizard.source_page", "ISO images")
                if kind is MediaKind.ISO
                else translate("wizard.source_page", "disk images")
            )
            menu.addAction(
                translate("wizard.source_page", "No {plural} in the host's storage pools").format(
                    plural=plural
                )
            ).setEnabled(False)
        elif not volumes:
            menu.addAction(
                translate("wizard.source_page", "Reading the host's storage pools…")
            ).setEnabled(False)
        for volume in volumes:
            action = menu.addAction(f"{volume.pool} / {volume.name}")
            action.setToolTip(plain_tooltip(volume.path))
            action.triggered.connect(partial(set_path, volume.path))
        return menu

    # ----------------------------------------------- results from the wizard

    def show_media_check(self, kind: SourceKind, check: MediaCheck) -> None:
        """The host's answer about ``kind``'s path: kept if that path is still the one typed."""
        if check.path != self.media_path(kind):
            return  # the user has typed on; the answer for the new path is on its way
        self._checks[kind] = check
        self.completeChanged.emit()
        if kind is not SourceKind.ISO or check.problem is not None:
            return
        if not self._local_media:
            self.os_status.setText(
                translate(
                    "wizard.source_page",
                    "The ISO image is on the host, where its OS cannot be detected: "
                    "choose it in the list.",
                )
            )
        elif check.path != self._detected_path:
            self._detected_path = check.path
            self.os_status.setText(
                translate("wizard.source_page", "Detecting the OS of the ISO image…")
            )
            self.detect_requested.emit(check.path)

    def set_host_volumes(self, volumes: tuple[MediaVolume, ...]) -> None:
        self._host_volumes = volumes
        self._host_volumes_read = True

    def set_os_entries(self, entries: tuple[OsEntry, ...]) -> None:
        self._os_entries = entries
        self.os_status.setText(
            translate("wizard.source_page", "{len} operating systems known; none chosen.").format(
                len=len(entries)
            )
        )
        self.on_os_search_changed(self.os_search.text())

    def show_detected(self, path: str, entry: OsEntry | None) -> None:
        if path != self.iso_path:
            return  # the user has moved on to another ISO
        if entry is None:
            self.os_status.setText(
                translate(
                    "wizard.source_page", "The OS of this ISO is unknown: choose it in the list."
                )
            )
            return
        self.os_status.setText(
            translate(
                "wizard.source_page", "Detected: {name}. Choose another in the list if wrong."
            ).format(name=entry.name)
        )
        self.select_os(entry)

    def select_os(self, entry: OsEntry) -> None:
        """Make ``entry`` the chosen OS, listing it if the search hides it."""
        for row in range(self.os_list.count()):
            item = self.os_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == entry:
                self.os_list.setCurrentItem(item)
                return
        item = self._os_item(entry)
        self.os_list.insertItem(0, item)
        self.os_list.setCurrentItem(item)

    def _fill_os_list(self, entries: Sequence[OsEntry]) -> None:
        chosen = self.os_entry()
        self.os_list.clear()
        for entry in entries[:OS_LIST_LIMIT]:
            self.os_list.addItem(self._os_item(entry))
        if chosen is not None:
            self.select_os(chosen)

    @staticmethod
    def _os_item(entry: OsEntry) -> QListWidgetItem:
        item = QListWidgetItem(f"{entry.name}  ({entry.short_id})")
        item.setData(Qt.ItemDataRole.UserRole, entry)
        return item
