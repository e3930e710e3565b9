"""What an xterm sends for a key press: Qt key codes and modifiers to bytes."""

from __future__ import annotations

from PySide6.QtCore import Qt

_CURSOR_KEYS = {
    Qt.Key.Key_Up: "A",
    Qt.Key.Key_Down: "B",
    Qt.Key.Key_Right: "C",
    Qt.Key.Key_Left: "D",
    Qt.Key.Key_Home: "H",
    Qt.Key.Key_End: "F",
}
_TILDE_KEYS = {
    Qt.Key.Key_Insert: 2,
    Qt.Key.Key_Delete: 3,
    Qt.Key.Key_PageUp: 5,
    Qt.Key.Key_PageDown: 6,
    Qt.Key.Key_F5: 15,
    Qt.Key.Key_F6: 17,
    Qt.Key.Key_F7: 18,
    Qt.Key.Key_F8: 19,
    Qt.Key.Key_F9: 20,
    Qt.Key.Key_F10: 21,
    Qt.Key.Key_F11: 23,
    Qt.Key.Key_F12: 24,
}
_SS3_KEYS = {
    Qt.Key.Key_F1: "P",
    Qt.Key.Key_F2: "Q",
    Qt.Key.Key_F3: "R",
    Qt.Key.Key_F4: "S",
}
_SIMPLE_KEYS = {
    Qt.Key.Key_Return: b"\r",
    Qt.Key.Key_Enter: b"\r",
    Qt.Key.Key_Backspace: b"\x7f",
    Qt.Key.Key_Tab: b"\t",
    Qt.Key.Key_Backtab: b"\x1b[Z",
    Qt.Key.Key_Escape: b"\x1b",
}
# Ctrl with punctuation, as xterm maps it.
_CTRL_PUNCT = {
    Qt.Key.Key_Space: b"\x00",
    Qt.Key.Key_At: b"\x00",
    Qt.Key.Key_2: b"\x00",
    Qt.Key.Key_BracketLeft: b"\x1b",
    Qt.Key.Key_3: b"\x1b",
    Qt.Key.Key_Backslash: b"\x1c",
    Qt.Key.Key_4: b"\x1c",
    Qt.Key.Key_BracketRight: b"\x1d",
    Qt.Key.Key_5: b"\x1d",
    Qt.Key.Key_AsciiCircum: b"\x1e",
    Qt.Key.Key_6: b"\x1e",
    Qt.Key.Key_Underscore: b"\x1f",
    Qt.Key.Key_Minus: b"\x1f",
    Qt.Key.Key_Slash: b"\x1f",
    Qt.Key.Key_7: b"\x1f",
    Qt.Key.Key_Question: b"\x7f",
    Qt.Key.Key_8: b"\x7f",
}

_MODIFIERS = Qt.KeyboardModifier


def _xterm_modifier(mods: Qt.KeyboardModifier) -> int:
    """xterm's modifier parameter: 1 + Shift 1 + Alt 2 + Ctrl 4 (0 for none)."""
    value = 0
    if mods & _MODIFIERS.ShiftModifier:
        value |= 1
    if mods & _MODIFIERS.AltModifier:
        value |= 2
    if mods & _MODIFIERS.ControlModifier:
        value |= 4
    return value + 1 if value else 0


def key_to_bytes(
    key: int, mods: Qt.KeyboardModifier, text: str, *, application_cursor: bool = False
) -> bytes:
    """What an xterm sends for a key press; empty when the key sends nothing."""
    modifier = _xterm_modifier(mods)
    ctrl = bool(mods & _MODIFIERS.ControlModifier)
    alt = bool(mods & _MODIFIERS.AltModifier)

    if key in _CURSOR_KEYS:
        final = _CURSOR_KEYS[Qt.Key(key)]
        if modifier:
            return f"\x1b[1;{modifier}{final}".encode()
        return f"\x1bO{final}".encode() if application_cursor else f"\x1b[{final}".encode()
    if key in _TILDE_KEYS:
        number = _TILDE_KEYS[Qt.Key(key)]
        if modifier:
            return f"\x1b[{number};{modifier}~".encode()
        return f"\x1b[{number}~".encode()
    if key in _SS3_KEYS:
        final = _SS3_KEYS[Qt.Key(key)]
        return f"\x1b[1;{modifier}{final}".encode() if modifier else f"\x1bO{final}".encode()

    data = b""
    if key in _SIMPLE_KEYS:
        data = _SIMPLE_KEYS[Qt.Key(key)]
        if key == Qt.Key.Key_Backspace and ctrl:
            data = b"\x08"
    elif ctrl and Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        data = bytes([key - Qt.Key.Key_A + 1])
    elif ctrl and key in _CTRL_PUNCT:
        data = _CTRL_PUNCT[Qt.Key(key)]
    elif text and text.isprintable():
        data = text.encode()
    elif text and len(text) == 1 and (ord(text) < 0x20 or ord(text) == 0x7F):
        # The platform already composed a control character.
        data = text.encode()
    if data and alt:
        data = b"\x1b" + data
    return data
