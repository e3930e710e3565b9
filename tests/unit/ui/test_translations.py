"""kvmgui speaks German: every text of the code is in the .ts files, translated,
with its fields kept; the .qm files are built from them; under a German locale
no text of the main window, the New-VM wizard (every page) or the details
window (every tab) is left in English, and the German texts fit."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeView,
    QTreeWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from kvmgui.core import units
from kvmgui.core.clone import STARTING, CloneFailure, CloneOutcome
from kvmgui.core.connection import Connection
from kvmgui.core.consoles import install_hint
from kvmgui.core.snapshots import snapshot_ability
from kvmgui.core.texts import Sentences, Translatable
from kvmgui.core.throwaway import ThrowawayError
from kvmgui.core.uri import demo_uri
from kvmgui.core.xml.model import Domain
from kvmgui.ui.app import App
from kvmgui.ui.details.window import DetailsWindow
from kvmgui.ui.i18n import shown
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.ops import failure_message
from kvmgui.ui.wizard import NewVmWizard
from tests.qt_helpers import open_connection
from tests.unit.core.test_snapshots import vm_xml
from tests.unit.translation_sources import (
    REPO,
    TRANSLATIONS,
    TsMessage,
    code_texts,
    ts_messages,
)

GERMAN_TS = TRANSLATIONS / "kvmgui_de.ts"
ENGLISH_TS = TRANSLATIONS / "kvmgui_en.ts"
FIELD = re.compile(r"\{[^{}]*\}")
# Qt calls that put a text on screen: a literal among their arguments bypasses translate().
SHOWS_TEXT = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setAccessibleName",
    "setAccessibleDescription", "setPlaceholderText", "setTitle", "setSubTitle", "addMenu",
    "addTab", "setTabText", "addRow", "QLabel", "QPushButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "QAction", "make_action", "showMessage", "show_message", "setHeaderLabels",
    "setInformativeText", "setSpecialValueText", "information", "warning", "critical",
    "question",
}
MESSAGE_BOXES = {"information", "warning", "critical", "question"}  # QMessageBox's, not log's


def _ui_context(path: Path) -> str:
    return ".".join(path.relative_to(REPO / "kvmgui" / "ui").with_suffix("").parts)


# ------------------------------------------------------------------ the files


def test_every_text_of_the_code_is_in_the_ts_files_and_nothing_else() -> None:
    code = {(text.context, text.source): text.plural for text in code_texts()}
    german = {(m.context, m.source): len(m.translations) for m in ts_messages(GERMAN_TS)}
    english = {(m.context, m.source) for m in ts_messages(ENGLISH_TS)}
    assert sorted(set(code) - set(german)) == [], "run make translations"
    assert sorted(set(german) - set(code)) == [], "run make translations"
    assert english == {key for key, plural in code.items() if plural}
    assert {key for key, forms in german.items() if forms == 2} == english


def test_each_module_translates_in_its_own_context() -> None:
    wrong = []
    for text, places in code_texts().items():
        for place in places:
            path = REPO / place.rsplit(":", 1)[0]
            expected = (_ui_context(path) if path.is_relative_to(REPO / "kvmgui" / "ui")
                        else path.stem)
            if text.context != expected:
                wrong.append(f"{place}: context {text.context!r}, expected {expected!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("ts", [GERMAN_TS, ENGLISH_TS], ids=lambda path: path.stem)
def test_every_entry_is_finished(ts: Path) -> None:
    unfinished = [m for m in ts_messages(ts) if m.kind or not all(m.translations)]
    assert unfinished == []


def _fields(text: str) -> list[str]:
    return sorted(FIELD.findall(text))


@pytest.mark.parametrize("ts", [GERMAN_TS, ENGLISH_TS], ids=lambda path: path.stem)
def test_translations_keep_the_fields_and_the_accelerators(ts: Path) -> None:
    problems = []
    for message in ts_messages(ts):
        for translation in message.translations:
            # host.tab passes {noun} beside {lower}: German keeps nouns capitalized
            extra = {"{noun}"} if message.context == "host.tab" else set()
            if set(_fields(translation)) - set(_fields(message.source)) - extra:
                problems.append(f"{message.source!r} → {translation!r}: fields")
            if "&" in message.source.replace("&&", "") and "&" not in translation:
                problems.append(f"{message.source!r} → {translation!r}: no accelerator")
        if "%n" in message.source and "%n" not in message.translations[-1]:
            problems.append(f"{message.source!r}: the plural form has no %n")
    assert not problems, "\n".join(problems)


def test_the_qm_files_are_built_from_the_ts_files(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in (GERMAN_TS, ENGLISH_TS):
        built = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([lrelease, "-silent", ts, "-qm", built], check=True, timeout=60)
        assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
            f"{ts.with_suffix('.qm').name} is stale: run make translations"
        )


def _prose(text: object) -> bool:
    """Words for people, not a path, a shortcut or a name: "Shut Down", "Details"."""
    return isinstance(text, str) and bool(
        re.search(r"[A-Za-z]{2} [A-Za-z]", text) or re.fullmatch(r"[A-Z][a-z]+", text)
    )


def test_no_visible_text_of_the_ui_bypasses_translate() -> None:
    """A literal handed straight to a Qt call that shows it would stay English."""
    found = []
    for path in sorted((REPO / "kvmgui" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else (
                function.id if isinstance(function, ast.Name) else "")
            if called in MESSAGE_BOXES:
                called = called if isinstance(function, ast.Attribute) and isinstance(
                    function.value, ast.Name) and function.value.id == "QMessageBox" else ""
            if called not in SHOWS_TEXT:
                continue
            for argument in node.args:
                parts = argument.values if isinstance(argument, ast.JoinedStr) else [argument]
                if any(isinstance(part, ast.Constant) and _prose(part.value) for part in parts):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}: {called}")
    assert not found, "\n".join(found)


# ------------------------------------------------------------------- the UI


def _english_patterns() -> list[tuple[re.Pattern[str], TsMessage]]:
    """What each text the German translation changes looks like in English, filled in."""
    english_forms = {(m.context, m.source): m.translations for m in ts_messages(ENGLISH_TS)}
    patterns = []
    for message in ts_messages(GERMAN_TS):
        if all(translation == message.source for translation in message.translations):
            continue  # the same in German ("Name", "XML")
        for english in (message.source, *english_forms.get((message.context, message.source),
                                                             ())):
            regex = re.escape(english)
            regex = re.sub(r"\\\{[^{}]*\\\}", ".+", regex).replace("%n", r"\d+")
            patterns.append((re.compile(regex, re.DOTALL), message))
    return patterns


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text ``root`` can show, shown now or not (other pages and tabs), by where."""
    texts = [("window title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()}"
        texts.append((f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append((where, widget.title()))
        elif isinstance(widget, QLineEdit):
            texts.append((f"{where} placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            texts += [(f"{where} item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [(f"{where} tab", widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTreeView | QTableView):
            header = widget.header() if isinstance(widget, QTreeView) else (
                widget.horizontalHeader())
            texts += [
                (f"{where} column", str(header.model().headerData(column, Qt.Orientation.Horizontal)
                                        or ""))
                for column in range(header.count())
            ]
        if isinstance(widget, QTreeWidget):
            item = widget.headerItem()
            texts += [(f"{where} column", item.text(i)) for i in range(item.columnCount())]
    for action in root.findChildren(QAction):
        texts += [("action", action.text()), ("action tip", action.toolTip())]
    if isinstance(root, QMainWindow):
        texts += [("menu", top.text()) for top in root.menuBar().actions()]
    if isinstance(root, QWizard):
        for page_id in root.pageIds():
            page = root.page(page_id)
            texts += [("page title", page.title()), ("page subtitle", page.subTitle())]
    return [(where, text) for where, text in texts if text.strip()]


def _left_in_english(root: QWidget) -> list[str]:
    patterns = _english_patterns()
    left = []
    for where, text in _texts(root):
        for pattern, message in patterns:
            if pattern.fullmatch(text):
                left.append(f"{where}: {text!r} ({message.context}: {message.source!r})")
                break
    return left


def _too_narrow(root: QWidget) -> list[str]:
    """Labels, buttons and tabs on screen that have less room than their text needs."""
    narrow = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        shows_text = isinstance(widget, QPushButton | QCheckBox | QRadioButton) or (
            isinstance(widget, QLabel) and bool(widget.text()) and not widget.wordWrap()
            and widget.pixmap().isNull()
        )
        if shows_text and widget.width() < widget.sizeHint().width():
            text = widget.text()  # type: ignore[attr-defined]
            narrow.append(f"{type(widget).__name__} {text!r}: {widget.width()} px "
                          f"< {widget.sizeHint().width()} px")
        if isinstance(widget, QTabBar):
            needed = sum(widget.tabSizeHint(i).width() for i in range(widget.count()))
            if widget.width() < needed:
                narrow.append(f"tabs {[widget.tabText(i) for i in range(widget.count())]}: "
                              f"{widget.width()} px < {needed} px")
        if isinstance(widget, QToolBar):
            extension = widget.findChild(QWidget, "qt_toolbar_ext_button")
            if extension is not None and extension.isVisible():
                narrow.append(f"toolbar {widget.windowTitle()!r} overflows")
    return narrow


@pytest.fixture
def german_window(german: None, app: App, qtbot: QtBot) -> MainWindow:
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def demo(german_window: MainWindow, qtbot: QtBot) -> Connection:
    return open_connection(german_window.manager, qtbot, demo_uri())


def test_the_main_window_is_german(german_window: MainWindow, demo: Connection) -> None:
    texts = dict(_texts(german_window))
    assert "&Datei" in [text for _where, text in _texts(german_window)]
    assert texts
    left = _left_in_english(german_window)
    assert not left, "\n".join(left)
    # a menu opens with its German items
    vm_menu = german_window.vm_menu
    assert isinstance(vm_menu, QMenu)
    assert "Herunterfahren" in [action.text() for action in vm_menu.actions()]


def test_every_wizard_page_is_german(
    german: None, app: App, demo: Connection, qtbot: QtBot
) -> None:
    wizard = NewVmWizard(demo, app.ops, app.settings)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.facts is not None and not app.ops.busy, timeout=10000)
    left = _left_in_english(wizard)
    assert not left, "\n".join(left)
    # an empty VM needs no media: every page can be walked to
    empty = wizard.findChild(QRadioButton, "source-empty")
    assert isinstance(empty, QRadioButton)
    empty.setChecked(True)
    narrow, seen = [], []
    for _page in wizard.pageIds():
        qtbot.waitUntil(lambda: not app.ops.busy, timeout=10000)
        seen.append(wizard.currentId())
        narrow += _too_narrow(wizard)
        wizard.next()
    assert seen == wizard.pageIds()
    assert not narrow, "\n".join(narrow)


def test_every_details_tab_is_german(
    german_window: MainWindow, demo: Connection, qtbot: QtBot
) -> None:
    info = next(info for info in demo.domains() if info.state_text == "Running")
    details: DetailsWindow = german_window.open_details(demo, info)
    assert details.tabs.count() >= 5
    qtbot.waitUntil(lambda: not german_window.ops.busy, timeout=10000)
    left = _left_in_english(details)
    assert not left, "\n".join(left)
    narrow = []
    tabs: QTabWidget = details.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        narrow += _too_narrow(details)
    assert not narrow, "\n".join(narrow)


def test_the_german_main_window_fits_at_its_default_size(
    german_window: MainWindow, demo: Connection
) -> None:
    narrow = _too_narrow(german_window)
    assert not narrow, "\n".join(narrow)


def test_sizes_and_numbers_follow_the_locale(german: None) -> None:
    assert units.format_bytes(1536) == "1,5 KiB"
    assert units.format_mib(512) == "512 MiB"


def test_without_the_german_translation_the_check_finds_english(
    app: App, qtbot: QtBot
) -> None:
    """The checks above can fail: the English window is caught by them."""
    window = MainWindow(app)
    qtbot.addWidget(window)
    left = _left_in_english(window)
    assert any("&File" in line for line in left)
    assert len(left) > 20



def test_a_summary_of_sentences_is_translated_sentence_by_sentence(german: None) -> None:
    step = Translatable("clone", "Defining the virtual machine")
    outcome = CloneOutcome((), CloneFailure("web-2", step, "refused."), ("web-3",))
    assert outcome.summary() == (
        "Could not make web-2: Defining the virtual machine failed: refused. "
        "Nothing of web-2 was left behind. Not attempted: web-3.")
    assert shown(outcome.summary()) == (
        "web-2 konnte nicht erstellt werden: Fehlgeschlagen bei „Die virtuelle Maschine wird "
        "definiert“: refused. Von web-2 ist nichts zurückgeblieben. Nicht versucht: web-3.")


def test_snapshot_explanations_are_german(german: None) -> None:
    uefi = Domain.from_xml(vm_xml(firmware=" firmware='efi'"))
    assert shown(snapshot_ability(uefi, running=True).explanation) == (
        "Diese VM startet mit UEFI-Firmware. libvirt 9.0 kann keine internen Schnappschüsse "
        "von UEFI-VMs aufnehmen (ihre Firmware-Variablen liegen in einer eigenen NVRAM-Datei). "
        "kvmgui bietet stattdessen einen externen Schnappschuss nur der Platten an: Er friert "
        "die Plattendateien ein und schreibt Neues in Overlays, ohne den Arbeitsspeicher.")
    raw = Domain.from_xml(vm_xml("raw"))
    assert shown(snapshot_ability(raw, running=False).explanation).startswith(
        "Interne Schnappschüsse liegen in qcow2-Platten, und vda ist nicht qcow2.")


def test_console_hints_and_a_failed_throwaway_are_german(german: None) -> None:
    assert shown(install_hint("remote-viewer")).startswith(
        "remote-viewer ist nicht installiert. Installieren Sie es mit 'sudo apt install ")
    error = ThrowawayError(
        Translatable("throwaway", "Could not run a throwaway of {name}", name="web"),
        Sentences(Translatable("throwaway", "{step} failed: {message}", step=STARTING,
                               message="no memory.")),
    )
    assert str(error) == "Could not run a throwaway of web: Starting failed: no memory."
    assert failure_message(error) == (
        "Eine Wegwerf-VM von web konnte nicht gestartet werden: "
        "Fehlgeschlagen bei „Wird gestartet“: no memory.")
