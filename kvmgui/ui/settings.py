"""What kvmgui remembers between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings

DEFAULT_URIS = ("qemu:///system",)


class Settings:
    """Typed access to QSettings; one instance is passed to whoever needs it."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qsettings = qsettings or QSettings("kvmgui", "kvmgui")

    def connection_uris(self) -> list[str]:
        value = self._qsettings.value("connections/uris")
        if value is None:
            return list(DEFAULT_URIS)
        if isinstance(value, str):
            return [value] if value else []
        return [str(uri) for uri in value]

    def set_connection_uris(self, uris: list[str]) -> None:
        self._qsettings.setValue("connections/uris", uris)
        self._qsettings.sync()
