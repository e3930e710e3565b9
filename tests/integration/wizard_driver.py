"""Drives the New-VM wizard the way a user does (clicks and keys), counting both.

Shared by tests/integration/test_wizard.py and benchmarks/bench_first_vm.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QToolBar,
    QWidget,
    QWizard,
)

from kvmgui.core.hostfacts import PoolFacts
from kvmgui.core.xml.domain import NetworkSpec, SourceKind
from kvmgui.ui.mainwindow import MainWindow
from kvmgui.ui.wizard import NewVmWizard

# How long a page may take to become complete: an ISO or image is checked on the host.
PAGE_CHECK_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class FirstVm:
    """What the user types for a first VM booted from an ISO."""

    name: str
    iso: str
    pool: str
    network: str
    memory_mib: int = 256
    vcpus: int = 1
    disk_gib: int = 1
    virt_type: str = "qemu"  # TCG: KVM is nested in software here and hangs guests


@dataclass
class WizardDriver:
    """Sends real mouse and key events; ``clicks`` and ``keystrokes`` count what a user did."""

    clicks: int = 0
    keystrokes: int = 0

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         pos if pos is not None else widget.rect().center())
        self.clicks += 1

    def type(self, widget: QWidget, text: str) -> None:
        QTest.keyClicks(widget, text)
        self.keystrokes += len(text)

    def replace(self, widget: QLineEdit | QComboBox | QAbstractSpinBox, text: str) -> None:
        """Select what a field holds (Ctrl+A) and type over it."""
        target: QWidget | None = widget.lineEdit() if isinstance(widget, QComboBox) else widget
        assert target is not None
        target.setFocus()
        QTest.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.keystrokes += 1
        self.type(target, text)

    def choose(self, combo: QComboBox, wanted: Callable[[object], bool]) -> None:
        """Focus a combo box (a click) and step to the wanted item with the arrow keys."""
        matches = [i for i in range(combo.count()) if wanted(combo.itemData(i))]
        assert matches, f"no such item among {[combo.itemText(i) for i in range(combo.count())]}"
        index = matches[0]
        combo.setFocus()
        self.clicks += 1
        while combo.currentIndex() != index:
            key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
            QTest.keyClick(combo, key)
            self.keystrokes += 1

    def choose_source(self, wizard: NewVmWizard, kind: SourceKind) -> None:
        button = wizard.source_page.kind_buttons.button(list(SourceKind).index(kind))
        # On the indicator: a radio button takes clicks on its indicator and text only.
        self.click(button, QPoint(8, button.height() // 2))

    async def next(self, wizard: NewVmWizard) -> None:
        """Click Next as soon as the page is complete, as a user waits for it."""
        button = wizard.button(QWizard.WizardButton.NextButton)
        page = wizard.currentPage()
        while not button.isEnabled():
            # QWizard enables Next from the page's completeChanged, connected before this.
            changed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

            def on_changed(done: asyncio.Future[None] = changed) -> None:
                if not done.done():
                    done.set_result(None)

            page.completeChanged.connect(on_changed)
            try:
                await asyncio.wait_for(changed, PAGE_CHECK_TIMEOUT_S)
            except TimeoutError:
                raise AssertionError("Next stayed disabled") from None
            finally:
                page.completeChanged.disconnect(on_changed)
        self.click(button)

    def finish(self, wizard: NewVmWizard) -> None:
        button = wizard.button(QWizard.WizardButton.FinishButton)
        assert button.isEnabled(), "Create is disabled"
        self.click(button)

    def open_wizard(self, window: MainWindow) -> NewVmWizard:
        toolbar = window.findChild(QToolBar, "mainToolbar")
        assert isinstance(toolbar, QToolBar)
        button = toolbar.widgetForAction(window.new_vm_action)
        assert isinstance(button, QAbstractButton)
        self.click(button)
        # A wizard closed earlier may linger until its deferred delete.
        wizards = [w for w in window.findChildren(NewVmWizard) if w.isVisible()]
        assert len(wizards) == 1, "no wizard opened"
        return wizards[0]

    def fill_resources(self, wizard: NewVmWizard, vm: FirstVm) -> None:
        page = wizard.resources_page
        self.replace(page.memory_spin, str(vm.memory_mib))
        self.replace(page.vcpus_spin, str(vm.vcpus))
        self.choose(page.pool_combo, lambda p: isinstance(p, PoolFacts) and p.name == vm.pool)
        self.replace(page.size_spin, str(vm.disk_gib))

    def fill_finish(self, wizard: NewVmWizard, vm: FirstVm) -> None:
        page = wizard.finish_page
        self.replace(page.name_edit, vm.name)
        self.choose(page.network_combo, lambda n: n == NetworkSpec.libvirt_network(vm.network))
        self.choose(page.virt_type_combo, lambda t: t == vm.virt_type)

    async def first_vm_from_iso(self, wizard: NewVmWizard, vm: FirstVm) -> None:
        """Every page of an ISO install, up to (not including) the Create click."""
        self.type(_line_edit(wizard.source_page.iso_combo), vm.iso)
        await self.next(wizard)
        self.fill_resources(wizard, vm)
        await self.next(wizard)
        self.fill_finish(wizard, vm)


def _line_edit(combo: QComboBox) -> QLineEdit:
    edit = combo.lineEdit()
    assert edit is not None
    return edit
