"""The XML tab: the VM's definition, editable, checked, diffed, then defined."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo
from kvmgui.core.editing import (
    define_edited_xml,
    prepare_edit,
    read_definition_xml,
    validate_edit,
    xml_diff,
)
from kvmgui.ui.details.common import StatusLabel, failure_text
from kvmgui.ui.details.highlighters import DiffHighlighter, XmlHighlighter
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.widgets.plain import plain_label

T = TypeVar("T")


def _code_view(accessible_name: str, read_only: bool) -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setAccessibleName(accessible_name)
    view.setReadOnly(read_only)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return view


class XmlDiffDialog(QDialog):
    """What an edit changes in the definition; accepting applies it."""

    def __init__(self, name: str, diff: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("details.xml_tab", "Apply the XML of {name}?").format(name=name)
        )
        self.setAccessibleName(translate("details.xml_tab", "XML changes to apply"))
        self.resize(720, 480)
        intro = plain_label(
            translate("details.xml_tab", "These lines of {name}'s definition change:").format(
                name=name
            )
        )
        self.diff_view = _code_view(
            translate("details.xml_tab", "Changes to the XML"), read_only=True
        )
        self.diff_view.setPlainText(diff)
        self._highlighter = DiffHighlighter(self.diff_view.document())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply_button.setAccessibleName(translate("details.xml_tab", "Apply these changes"))
        apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.diff_view, 1)
        layout.addWidget(self.buttons)


class XmlTab(QWidget):
    """The definition (what the next boot uses) in an editor.

    Apply checks the edit, shows its diff, then defines it with libvirt's
    validation; on any failure the message shows above the editor and the
    editor keeps the user's text. A definition changed elsewhere replaces the
    text only while the user has not edited it.
    """

    def __init__(
        self, connection: Connection, info: DomainInfo, ops: OpRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("details.xml_tab", "XML"))
        self._connection = connection
        self._info = info
        self._ops = ops
        self._defined = ""
        self.loaded = False
        self.diff_dialog: XmlDiffDialog | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(translate("details.xml_tab", "About editing the XML"))
        self.status = StatusLabel(translate("details.xml_tab", "XML editor message"))
        self.editor = _code_view(translate("details.xml_tab", "Domain XML editor"), read_only=False)
        self._highlighter = XmlHighlighter(self.editor.document())
        self.validate_button = QPushButton(translate("details.xml_tab", "&Validate"))
        self.validate_button.setAccessibleName(translate("details.xml_tab", "Validate the XML"))
        self.validate_button.setToolTip(
            translate("details.xml_tab", "Check the XML against libvirt's schema, without applying")
        )
        self.apply_button = QPushButton(translate("details.xml_tab", "&Apply…"))
        self.apply_button.setAccessibleName(translate("details.xml_tab", "Apply the XML"))
        self.apply_button.setToolTip(
            translate("details.xml_tab", "Show what changes, then define the VM with this XML")
        )
        self.revert_button = QPushButton(translate("details.xml_tab", "&Revert"))
        self.revert_button.setAccessibleName(translate("details.xml_tab", "Revert the XML"))
        self.revert_button.setToolTip(
            translate("details.xml_tab", "Go back to the VM's current definition")
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.validate_button, self.revert_button, self.apply_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        self._connect_signals()
        self.show_info(info)

    def _connect_signals(self) -> None:
        self.validate_button.clicked.connect(self.on_validate_clicked)
        self.apply_button.clicked.connect(self.on_apply_clicked)
        self.revert_button.clicked.connect(self.on_revert_clicked)
        self.editor.modificationChanged.connect(self.on_modification_changed)

    @property
    def edited(self) -> bool:
        return self.editor.document().isModified()

    def show_info(self, info: DomainInfo) -> None:
        """Follow the VM's state; re-read the definition if the user has not edited it."""
        self._info = info
        self.note.setText(
            translate(
                "details.xml_tab",
                "This is the VM's definition. It runs now: what you change here takes "
                "effect at its next boot.",
            )
            if info.state.is_active
            else translate(
                "details.xml_tab",
                "This is the VM's definition: what you change here takes effect when it starts.",
            )
        )
        if self.loaded and not self.edited:
            self.load()
        self.on_modification_changed(self.edited)

    def load(self) -> None:
        self.loaded = True
        self._ops.run(
            self._connection.call_domain(
                translate("details.xml_tab", "Could not read the XML of {name}").format(
                    name=self._info.name
                ),
                self._info.uuid,
                read_definition_xml,
            ),
            self._on_loaded,
            on_failure=self._show_failure,
            owner=self,
        )

    def _on_loaded(self, xml: str) -> None:
        # The user may have begun editing while it was read: their text stays,
        # and Revert brings back this definition.
        if self.edited:
            self._defined = xml
        else:
            self._show_definition(xml)

    def _show_definition(self, xml: str) -> None:
        self._defined = xml
        # setPlainText resets the undo stack; a definition read replaces the text
        # only when the user's own is not there to lose (see show_info, _on_loaded).
        self.editor.setPlainText(xml)
        self.editor.document().setModified(False)

    def _run_call(
        self, busy: str, what: str, fn: Callable[[Any], T],
        on_success: Callable[[T], object],
    ) -> None:
        """Call ``fn(virConnect)`` in the connection's pool; its failure shows beside the editor."""
        self.status.show_busy(busy)
        self._ops.run(
            self._connection.call(
                translate("details.xml_tab", "Could not {what} the XML of {name}").format(
                    what=what, name=self._info.name
                ),
                fn,
            ),
            on_success,
            on_failure=self._show_failure,
            owner=self,
        )

    @Slot()
    def on_validate_clicked(self) -> None:
        xml = self.editor.toPlainText()
        self._run_call(
            translate("details.xml_tab", "Checking…"),
            "check",
            partial(validate_edit, uuid=self._info.uuid, xml=xml),
            lambda verdict: self.status.show_info(shown(verdict)),
        )

    @Slot()
    def on_apply_clicked(self) -> None:
        xml = self.editor.toPlainText()
        self._run_call(
            translate("details.xml_tab", "Checking…"),
            "apply",
            partial(prepare_edit, uuid=self._info.uuid, xml=xml),
            partial(self._confirm, xml),
        )

    def _confirm(self, xml: str, defined: str) -> None:
        diff = xml_diff(defined, xml, self._info.name)
        if not diff:
            self.status.show_info(
                translate("details.xml_tab", "Nothing to apply: the XML is the VM's definition.")
            )
            return
        self.status.clear_message()
        self.diff_dialog = XmlDiffDialog(self._info.name, diff, self)
        self.diff_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.diff_dialog.accepted.connect(partial(self._define, xml))
        self.diff_dialog.finished.connect(self._forget_dialog)
        self.diff_dialog.open()

    @Slot()
    def _forget_dialog(self) -> None:
        self.diff_dialog = None

    def _define(self, xml: str) -> None:
        self._run_call(translate("details.xml_tab", "Applying…"), "apply",
                       partial(define_edited_xml, uuid=self._info.uuid, xml=xml), self._on_defined)

    def _on_defined(self, xml: str) -> None:
        self._show_definition(xml)
        when = (
            translate("details.xml_tab", "at its next boot")
            if self._info.state.is_active
            else translate("details.xml_tab", "when it starts")
        )
        self.status.show_info(
            translate("details.xml_tab", "Applied: the VM uses this definition {when}.").format(
                when=when
            )
        )

    def _show_failure(self, error: Exception) -> None:
        self.status.show_error(failure_text(error))

    @Slot()
    def on_revert_clicked(self) -> None:
        self._show_definition(self._defined)
        self.status.clear_message()

    @Slot(bool)
    def on_modification_changed(self, modified: bool) -> None:
        self.revert_button.setEnabled(modified)
