"""Serial console widgets."""

from kvmgui.ui.console.terminal import TerminalWidget

__all__ = ["TerminalWidget"]
