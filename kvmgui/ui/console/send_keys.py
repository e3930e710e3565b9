"""The Send Key menu: key combinations the desktop would keep for itself.

Ctrl+Alt+Del or Ctrl+Alt+F2 typed on the host never reach a guest (the host's
session takes them), so they are sent with ``virDomainSendKey`` as Linux
input key codes, which libvirt translates for every display type.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import libvirt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

# linux/input-event-codes.h
KEY_LEFTCTRL = 29
KEY_LEFTALT = 56
KEY_F1 = 59
KEY_SYSRQ = 99  # the PrintScreen/SysRq key
KEY_DELETE = 111


@dataclass(frozen=True)
class KeyCombo:
    """Keys pressed together, then released."""

    label: str
    codes: tuple[int, ...]


CTRL_ALT_DEL = KeyCombo("Ctrl+Alt+Del", (KEY_LEFTCTRL, KEY_LEFTALT, KEY_DELETE))
KEY_COMBOS: tuple[KeyCombo, ...] = (
    CTRL_ALT_DEL,
    *(
        KeyCombo(f"Ctrl+Alt+F{number}", (KEY_LEFTCTRL, KEY_LEFTALT, KEY_F1 + number - 1))
        for number in range(1, 8)
    ),
    # Magic SysRq is Alt held with the SysRq key; the guest then waits for a letter.
    KeyCombo("Alt+SysRq", (KEY_LEFTALT, KEY_SYSRQ)),
    KeyCombo("PrintScreen", (KEY_SYSRQ,)),
)


def send_key_combo(dom: libvirt.virDomain, combo: KeyCombo) -> None:
    """Press and release ``combo`` in the guest (blocking: run it in the pool)."""
    codes = list(combo.codes)
    # Hold time 0: libvirt's default (a press short enough not to repeat).
    dom.sendKey(libvirt.VIR_KEYCODE_SET_LINUX, 0, codes, len(codes), 0)


class SendKeyMenu(QMenu):
    """One entry per combination; the window decides which VMs get it."""

    key_requested = Signal(object)  # KeyCombo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Send &Key", parent)
        self.setToolTipsVisible(True)
        for combo in KEY_COMBOS:
            action = self.addAction(combo.label)
            action.setToolTip(f"Send {combo.label} to the selected virtual machines")
            action.triggered.connect(partial(self._request, combo))
            if combo is CTRL_ALT_DEL:
                self.addSeparator()

    def _request(self, combo: KeyCombo, _checked: bool = False) -> None:
        self.key_requested.emit(combo)
