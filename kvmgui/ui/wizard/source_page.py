"""Wizard page 1: where the operating system comes from, and which OS it is."""

from __future__ import annotations

import getpass
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
    validate_ssh_public_key,
    validate_user_name,
)
from kvmgui.core.osinfo import (
    ImageFormat,
    OsEntry,
    disk_image_error,
    disk_image_format,
    is_iso_file,
    search,
)
from kvmgui.core.xml.domain import SourceKind
from kvmgui.ui.wizard.common import FieldError

SOURCE_LABELS = {
    SourceKind.ISO: "Local install media (ISO image)",
    SourceKind.IMPORT: "Import an existing disk image",
    SourceKind.CLOUD_INIT: "Cloud image with cloud-init (user, password, SSH key)",
    SourceKind.PXE: "Network boot (PXE)",
    SourceKind.EMPTY: "Empty VM (no install source)",
}
# The OS list shows the best matches only: a few hundred rows help nobody.
OS_LIST_LIMIT = 100


@dataclass(frozen=True)
class CloudInitFields:
    """What the user typed for cloud-init; the password is hashed at create time."""

    user: str
    password: str
    ssh_key: str
    hostname: str  # "" for the VM's name


def iso_problem(path: str) -> str | None:
    """Why ``path`` cannot be the install ISO, or None."""
    if not path:
        return "Choose an ISO image."
    if not os.path.isabs(path):
        return "Give the full path of the ISO image."
    if not os.path.exists(path):
        return "There is no such file."
    if os.path.isdir(path):
        return "This is a folder, not an ISO image."
    if not os.access(path, os.R_OK):
        return "You may not read this file."
    if not is_iso_file(path):
        return "This is not an ISO image (no ISO 9660 volume descriptor)."
    return None


def image_problem(path: str) -> str | None:
    """Why ``path`` cannot be a VM's disk image (qcow2 or raw), or None."""
    if not path:
        return "Choose a disk image."
    if not os.path.isabs(path):
        return "Give the full path of the disk image."
    return disk_image_error(path)


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
    """Install source (ISO, image, cloud image, PXE, empty) and the OS, detected or chosen."""

    detect_requested = Signal(str)  # an ISO path whose OS to detect

    def __init__(self, recent_isos: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Where does the operating system come from?")
        self._os_entries: tuple[OsEntry, ...] = ()
        self._detected_path = ""

        self.kind_buttons = QButtonGroup(self)
        kinds_box = QVBoxLayout()
        for index, kind in enumerate(SourceKind):
            button = QRadioButton(SOURCE_LABELS[kind])
            button.setObjectName(f"source-{kind.value}")
            self.kind_buttons.addButton(button, index)
            kinds_box.addWidget(button)
        self.kind_buttons.button(0).setChecked(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._iso_panel(recent_isos))
        self.stack.addWidget(self._import_panel())
        self.stack.addWidget(self._cloud_panel())
        self.stack.addWidget(self._note_panel(
            "The VM boots from the network first (PXE): the network must offer a boot server."
        ))
        self.stack.addWidget(self._note_panel(
            "The VM gets no install source: attach one later, or boot it as it is."
        ))

        os_box = QGroupBox("Operating system")
        self.os_search = QLineEdit()
        self.os_search.setPlaceholderText("Search the OS list (e.g. debian 12, fedora, win11)…")
        self.os_search.setClearButtonEnabled(True)
        self.os_list = QListWidget()
        self.os_list.setMinimumHeight(110)
        self.os_status = QLabel("Reading the OS list…")
        os_layout = QVBoxLayout(os_box)
        os_layout.addWidget(self.os_status)
        os_layout.addWidget(self.os_search)
        os_layout.addWidget(self.os_list)

        layout = QVBoxLayout(self)
        layout.addLayout(kinds_box)
        layout.addWidget(self.stack)
        layout.addWidget(os_box, 1)
        self._connect_signals()

    # ------------------------------------------------------------- building

    def _iso_panel(self, recent_isos: Sequence[str]) -> QWidget:
        panel = QWidget()
        self.iso_combo = QComboBox()
        self.iso_combo.setEditable(True)
        self.iso_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.iso_combo.addItems(list(recent_isos))
        self.iso_combo.setCurrentIndex(-1)
        line_edit = self.iso_combo.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText("/path/to/install.iso (recently used ones in the list)")
        self.iso_browse = QPushButton("Browse…")
        self.iso_error = FieldError()
        form = QFormLayout(panel)
        form.addRow("ISO image:", _path_row(self.iso_combo, self.iso_browse))
        form.addRow("", self.iso_error)
        return panel

    def _import_panel(self) -> QWidget:
        panel = QWidget()
        self.image_edit = QLineEdit()
        self.image_edit.setPlaceholderText("/path/to/disk.qcow2 or disk.img")
        self.image_browse = QPushButton("Browse…")
        self.image_error = FieldError()
        self.copy_check = QCheckBox("Copy it into a storage pool (the original stays untouched)")
        form = QFormLayout(panel)
        form.addRow("Disk image:", _path_row(self.image_edit, self.image_browse))
        form.addRow("", self.image_error)
        form.addRow("", self.copy_check)
        return panel

    def _cloud_panel(self) -> QWidget:
        panel = QWidget()
        self.cloud_image_edit = QLineEdit()
        self.cloud_image_edit.setPlaceholderText("/path/to/debian-12-genericcloud-amd64.qcow2")
        self.cloud_image_browse = QPushButton("Browse…")
        self.cloud_image_error = FieldError()
        self.user_edit = QLineEdit(_default_user())
        self.user_error = FieldError()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("stored hashed (SHA-512 crypt); empty: key only")
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
        key_edit.setPlaceholderText("ssh-ed25519 AAAA… (from ~/.ssh/*.pub)")
        self.ssh_key_error = FieldError()
        self.hostname_edit = QLineEdit()
        self.hostname_edit.setPlaceholderText("the VM's name")
        self.hostname_error = FieldError()
        form = QFormLayout(panel)
        form.addRow("Cloud image:", _path_row(self.cloud_image_edit, self.cloud_image_browse))
        form.addRow("", self.cloud_image_error)
        form.addRow("User:", self.user_edit)
        form.addRow("", self.user_error)
        form.addRow("Password:", self.password_edit)
        form.addRow("SSH public key:", self.ssh_key_combo)
        form.addRow("", self.ssh_key_error)
        form.addRow("Host name:", self.hostname_edit)
        form.addRow("", self.hostname_error)
        return panel

    @staticmethod
    def _note_panel(text: str) -> QWidget:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _connect_signals(self) -> None:
        self.kind_buttons.idToggled.connect(self.on_kind_toggled)
        self.iso_combo.editTextChanged.connect(self.on_input_changed)
        self.iso_browse.clicked.connect(
            partial(self._browse, self.iso_combo.setEditText, "ISO images (*.iso);;All files (*)")
        )
        self.image_browse.clicked.connect(
            partial(self._browse, self.image_edit.setText,
                    "Disk images (*.qcow2 *.img *.raw);;All files (*)")
        )
        self.cloud_image_browse.clicked.connect(
            partial(self._browse, self.cloud_image_edit.setText,
                    "Cloud images (*.qcow2 *.img *.raw);;All files (*)")
        )
        for edit in (self.image_edit, self.cloud_image_edit, self.user_edit,
                     self.password_edit, self.hostname_edit):
            edit.textChanged.connect(self.on_input_changed)
        self.ssh_key_combo.editTextChanged.connect(self.on_input_changed)
        self.os_search.textChanged.connect(self.on_os_search_changed)

    # ------------------------------------------------------------ the input

    @property
    def kind(self) -> SourceKind:
        return list(SourceKind)[self.kind_buttons.checkedId()]

    @property
    def iso_path(self) -> str:
        return self.iso_combo.currentText().strip()

    @property
    def image_path(self) -> str:
        edit = self.cloud_image_edit if self.kind is SourceKind.CLOUD_INIT else self.image_edit
        return edit.text().strip()

    @property
    def image_format(self) -> ImageFormat | None:
        return disk_image_format(self.image_path)

    @property
    def copy_image(self) -> bool:
        return self.copy_check.isChecked()

    def cloud_init_fields(self) -> CloudInitFields:
        return CloudInitFields(
            user=self.user_edit.text().strip(),
            password=self.password_edit.text(),
            ssh_key=self.ssh_key_combo.currentText().strip(),
            hostname=self.hostname_edit.text().strip(),
        )

    def os_entry(self) -> OsEntry | None:
        item = self.os_list.currentItem()
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return entry if isinstance(entry, OsEntry) else None

    def _problems(self) -> bool:
        """Show each field's problem; True when the page is fine."""
        kind = self.kind
        fine = True
        if kind is SourceKind.ISO:
            fine = self.iso_error.show_problem(iso_problem(self.iso_path))
        elif kind is SourceKind.IMPORT:
            fine = self.image_error.show_problem(image_problem(self.image_path))
        elif kind is SourceKind.CLOUD_INIT:
            fields = self.cloud_init_fields()
            key_problem = validate_ssh_public_key(fields.ssh_key) if fields.ssh_key else None
            if not fields.ssh_key and not fields.password:
                key_problem = "Give a password or an SSH key, or nobody can log in."
            checks = [
                self.cloud_image_error.show_problem(image_problem(self.image_path)),
                self.user_error.show_problem(validate_user_name(fields.user)),
                self.ssh_key_error.show_problem(key_problem),
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
            self.completeChanged.emit()

    @Slot()
    def on_input_changed(self) -> None:
        self.completeChanged.emit()
        path = self.iso_path
        if (self.kind is SourceKind.ISO and path != self._detected_path
                and iso_problem(path) is None):
            self._detected_path = path
            self.os_status.setText("Detecting the OS of the ISO image…")
            self.detect_requested.emit(path)

    @Slot(str)
    def on_os_search_changed(self, text: str) -> None:
        self._fill_os_list(search(self._os_entries, text) if text.strip() else self._os_entries)

    def _browse(self, set_path: object, file_filter: str) -> None:
        dialog = QFileDialog(self, "Choose a file", str(Path.home()), file_filter)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(set_path)
        dialog.open()

    # ----------------------------------------------- results from the wizard

    def set_os_entries(self, entries: tuple[OsEntry, ...]) -> None:
        self._os_entries = entries
        self.os_status.setText(f"{len(entries)} operating systems known; none chosen.")
        self.on_os_search_changed(self.os_search.text())

    def show_detected(self, path: str, entry: OsEntry | None) -> None:
        if path != self.iso_path:
            return  # the user has moved on to another ISO
        if entry is None:
            self.os_status.setText("The OS of this ISO is unknown: choose it in the list.")
            return
        self.os_status.setText(f"Detected: {entry.name}. Choose another in the list if wrong.")
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
