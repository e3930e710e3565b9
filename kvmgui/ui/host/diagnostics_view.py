"""The Diagnostics tab of the Host window: the host's checklist, and the KVM self-test.

The finding of a self-test that failed is kept per connection (Settings): the
New VM wizard then proposes TCG for that connection.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core import diagnostics
from kvmgui.core.connection import Connection
from kvmgui.core.diagnostics import Check, SelfTestResult, Status
from kvmgui.core.texts import Translatable
from kvmgui.ui.host.forms import named
from kvmgui.ui.host.tab import HostTab, button
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.ops import OpRunner, in_worker
from kvmgui.ui.settings import Settings
from kvmgui.ui.theme import Tone, colour
from kvmgui.ui.widgets.plain import plain_label, plain_tooltip

STATUS_TEXT = {
    Status.OK: Translatable("host.diagnostics_view", "✔ OK"),
    Status.WARNING: Translatable("host.diagnostics_view", "⚠ Warning"),
    Status.PROBLEM: Translatable("host.diagnostics_view", "✖ Problem"),
    Status.INFO: Translatable("host.diagnostics_view", "• Note"),
}
# The statuses that call for the user's attention, in the theme's tones.
STATUS_TONE = {Status.WARNING: Tone.WARNING, Status.PROBLEM: Tone.ERROR}
CHECK_ROLE = Qt.ItemDataRole.UserRole


class DiagnosticsView(HostTab):
    """A checklist of what the host needs, each with what was found and how to fix it."""

    checks_shown = Signal()
    self_test_finished = Signal(object)  # SelfTestResult

    def __init__(
        self, connection: Connection, ops: OpRunner, settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(connection, ops, translate("host.diagnostics_view", "Diagnostics"), parent)
        self.settings = settings
        self._self_test: Check | None = None
        self.checklist = named(QTreeWidget(), translate("host.diagnostics_view", "Host checklist"))
        self.checklist.setHeaderLabels(
            [
                translate("host.diagnostics_view", "Status"),
                translate("host.diagnostics_view", "Check"),
                translate("host.diagnostics_view", "Found"),
                translate("host.diagnostics_view", "How to fix"),
            ]
        )
        self.checklist.setRootIsDecorated(False)
        self.checklist.setColumnWidth(0, 100)
        self.checklist.setColumnWidth(1, 200)
        self.checklist.setColumnWidth(2, 380)
        # The chosen check in full: the list's cells are one line each.
        self.details = named(plain_label(), translate("host.diagnostics_view", "Chosen check"))
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_again_button = button(
            translate("host.diagnostics_view", "Check Again"),
            translate("host.diagnostics_view", "Read the host's state again"),
        )
        self.self_test_button = button(
            translate("host.diagnostics_view", "Run KVM Self-Test"),
            translate(
                "host.diagnostics_view",
                "Boot a tiny 64 MiB guest under KVM and under TCG, and compare (about 10 s)",
            ),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_again_button)
        buttons.addWidget(self.self_test_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.checklist, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.checklist.currentItemChanged.connect(self.on_current_check_changed)
        self.check_again_button.clicked.connect(self.refresh)
        self.self_test_button.clicked.connect(self.run_self_test)

    def refresh(self) -> None:
        """Read the checklist: from the connection, or, when it is not open, by connecting."""
        self.status.setText(translate("host.diagnostics_view", "Checking the host…"))
        if self.connection.is_open:
            work = self.connection.call(
                translate("host.diagnostics_view", "Check the host"), diagnostics.host_checks
            )
        else:
            uri = self.connection.uri
            work = in_worker(lambda: [diagnostics.connection_check(uri)])
        self.ops.run(work, self._show_checks, on_failure=self.show_failure, owner=self)

    def _show_checks(self, listed: list[Check]) -> None:
        finding = self.settings.kvm_self_test_finding(self.connection.uri)
        if self._self_test is not None:
            listed.append(self._self_test)
        elif finding:
            listed.append(
                Check(
                    translate("host.diagnostics_view", "KVM self-test (earlier run)"),
                    Status.PROBLEM,
                    finding,
                    translate(
                        "host.diagnostics_view", "New VMs on this connection default to TCG."
                    ),
                )
            )
        self.checklist.clear()
        for check in listed:
            item = QTreeWidgetItem(
                self.checklist,
                [
                    shown(STATUS_TEXT[check.status]),
                    shown(check.title),
                    shown(check.found),
                    shown(check.fix),
                ],
            )
            if (tone := STATUS_TONE.get(check.status)) is not None:
                item.setForeground(0, QBrush(colour(tone)))
            item.setData(0, CHECK_ROLE, check)
            for column in (2, 3):
                item.setToolTip(column, plain_tooltip(item.text(column)))
        # The first thing to fix is shown in full.
        worst = next((row for status in (Status.PROBLEM, Status.WARNING)
                      for row, check in enumerate(listed) if check.status is status), 0)
        if (first := self.checklist.topLevelItem(worst)) is not None:
            self.checklist.setCurrentItem(first)
        problems = sum(check.status is Status.PROBLEM for check in listed)
        warnings = sum(check.status is Status.WARNING for check in listed)
        self.status.setText(
            translate(
                "host.diagnostics_view", "{problems} problem(s), {warnings} warning(s)."
            ).format(problems=problems, warnings=warnings)
        )
        self.self_test_button.setEnabled(self.connection.is_open)
        self.checks_shown.emit()

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def on_current_check_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        check = item.data(0, CHECK_ROLE) if item is not None else None
        if not isinstance(check, Check):
            self.details.clear()
            return
        text = f"{shown(check.title)}: {shown(check.found)}"
        if check.fix:
            text += translate("host.diagnostics_view", "\nHow to fix: {fix}").format(
                fix=shown(check.fix)
            )
        self.details.setText(text)

    def checks(self) -> list[Check]:
        """The checks shown, in order."""
        items = (self.checklist.topLevelItem(n) for n in range(self.checklist.topLevelItemCount()))
        return [item.data(0, CHECK_ROLE) for item in items if item is not None]

    def run_self_test(self, pool_name: str = "") -> None:
        """Run the KVM self-test (its disk in ``pool_name``, else the default or first pool)."""
        self.self_test_button.setEnabled(False)
        self.status.setText(
            translate("host.diagnostics_view", "Running the KVM self-test (up to about 30 s)…")
        )
        self.ops.run(
            self.connection.call(translate("host.diagnostics_view", "KVM self-test"),
                                 partial(diagnostics.run_kvm_self_test, pool_name=pool_name)),
            self._on_self_test_done, on_failure=self._on_self_test_failed, owner=self,
        )

    def _on_self_test_done(self, result: SelfTestResult) -> None:
        check = result.check()
        if result.kvm_works is not None:
            finding = "" if result.kvm_works else check.found
            self.settings.set_kvm_self_test_finding(self.connection.uri, finding)
        if result.kvm_works is False:
            check = Check(
                check.title,
                check.status,
                shown(check.found)
                + translate(
                    "host.diagnostics_view", " New VMs on this connection now default to TCG."
                ),
                check.fix,
            )
        self._self_test = check
        self.self_test_button.setEnabled(True)
        self.self_test_finished.emit(result)
        self.refresh()

    def _on_self_test_failed(self, error: Exception) -> None:
        self.self_test_button.setEnabled(True)
        self.show_failure(error)
