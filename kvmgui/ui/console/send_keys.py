"""The Send Key menu: key combinations the desktop would keep for itself.

The combinations and the call that sends them are in :mod:`kvmgui.core.consoles`.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from kvmgui.core.consoles import CTRL_ALT_DEL, KEY_COMBOS, KeyCombo
from kvmgui.ui.i18n import translate


class SendKeyMenu(QMenu):
    """One entry per combination; the window decides which VMs get it."""

    key_requested = Signal(object)  # KeyCombo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("console.send_keys", "Send &Key"), parent)
        self.setToolTipsVisible(True)
        for combo in KEY_COMBOS:
            action = self.addAction(combo.label)
            action.setToolTip(
                translate(
                    "console.send_keys", "Send {label} to the selected virtual machines"
                ).format(label=combo.label)
            )
            action.triggered.connect(partial(self._request, combo))
            if combo is CTRL_ALT_DEL:
                self.addSeparator()

    def _request(self, combo: KeyCombo, _checked: bool = False) -> None:
        self.key_requested.emit(combo)
