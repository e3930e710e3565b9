"""What kvmgui remembers between runs."""

from __future__ import annotations

import math
from typing import Any, Literal
from urllib.parse import quote

from PySide6.QtCore import QSettings

from kvmgui.core.consoles import ViewerName
from kvmgui.core.stats.reading import StatGroups

DEFAULT_URIS = ("qemu:///system",)
RECENT_ISO_COUNT = 10
DEFAULT_THUMBNAIL_INTERVAL = 5.0  # seconds
THUMBNAIL_INTERVAL_RANGE = (1.0, 60.0)
DEFAULT_THUMBNAIL_MAX_RUNNING = 24
THUMBNAIL_MAX_RUNNING_RANGE = (1, 500)
ConsoleAfterCreate = Literal["graphical", "serial", "details"]
OptionalColumn = Literal["ip", "snapshots"]  # the list's columns the View menu toggles
STATS_INTERVAL_RANGE = (0.5, 10.0)  # seconds
DEFAULT_STATS_INTERVAL = 1.0
DEFAULT_STATS_COLUMNS = StatGroups.CPU | StatGroups.MEMORY


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

    def kvm_self_test_finding(self, uri: str) -> str:
        """Why KVM guests fail on the host of ``uri``, as its last KVM self-test found ("" if
        it passed or never ran)."""
        return str(self._qsettings.value(f"kvm_self_test/{quote(uri, safe='')}", ""))

    def set_kvm_self_test_finding(self, uri: str, finding: str) -> None:
        self._qsettings.setValue(f"kvm_self_test/{quote(uri, safe='')}", finding)
        self._qsettings.sync()

    def recent_isos(self) -> list[str]:
        """ISO images the new-VM wizard used, most recent first."""
        value = self._qsettings.value("wizard/recent_isos")
        if value is None:
            return []
        if isinstance(value, str):
            return [value] if value else []
        return [str(path) for path in value]

    def add_recent_iso(self, path: str) -> None:
        paths = [path, *(p for p in self.recent_isos() if p != path)][:RECENT_ISO_COUNT]
        self._qsettings.setValue("wizard/recent_isos", paths)
        self._qsettings.sync()

    def console_viewer(self) -> ViewerName:
        """The program that shows graphical consoles."""
        value = self._qsettings.value("consoles/viewer", "virt-viewer")
        return "remote-viewer" if value == "remote-viewer" else "virt-viewer"

    def set_console_viewer(self, viewer: ViewerName) -> None:
        self._qsettings.setValue("consoles/viewer", viewer)
        self._qsettings.sync()

    def thumbnail_interval(self) -> float:
        """Seconds between two screenshots of a VM shown as a thumbnail."""
        return self._bounded("consoles/thumbnail_interval", DEFAULT_THUMBNAIL_INTERVAL,
                             THUMBNAIL_INTERVAL_RANGE)

    def set_thumbnail_interval(self, seconds: float) -> None:
        self._qsettings.setValue("consoles/thumbnail_interval", seconds)
        self._qsettings.sync()

    def thumbnail_max_running(self) -> int:
        """Above this many running VMs, thumbnails are off."""
        return int(self._bounded("consoles/thumbnail_max_running", DEFAULT_THUMBNAIL_MAX_RUNNING,
                                 THUMBNAIL_MAX_RUNNING_RANGE))

    def set_thumbnail_max_running(self, count: int) -> None:
        self._qsettings.setValue("consoles/thumbnail_max_running", count)
        self._qsettings.sync()

    def console_after_create(self) -> ConsoleAfterCreate:
        """What opens once the new-VM wizard has started a VM: by default its
        screen, as the user would see it booting on a real machine."""
        value = self._qsettings.value("consoles/after_create", "graphical")
        return value if value in ("graphical", "serial", "details") else "graphical"

    def set_console_after_create(self, choice: ConsoleAfterCreate) -> None:
        self._qsettings.setValue("consoles/after_create", choice)
        self._qsettings.sync()

    def _bounded(self, key: str, default: float, bounds: tuple[float, float]) -> float:
        stored: Any = self._qsettings.value(key, default)
        try:
            value = float(stored)
        except (TypeError, ValueError):
            return default
        if math.isnan(value):
            return default
        return min(bounds[1], max(bounds[0], value))

    def stats_interval(self) -> float:
        """Seconds between two statistics ticks, within STATS_INTERVAL_RANGE."""
        return self._bounded("stats/interval", DEFAULT_STATS_INTERVAL, STATS_INTERVAL_RANGE)

    def set_stats_interval(self, seconds: float) -> None:
        self._qsettings.setValue("stats/interval", seconds)
        self._qsettings.sync()

    def stats_columns(self) -> StatGroups:
        """The statistics columns the list shows (one per group)."""
        try:
            value = int(str(self._qsettings.value("stats/columns", DEFAULT_STATS_COLUMNS.value)))
        except ValueError:
            return DEFAULT_STATS_COLUMNS
        # Masked before it becomes a flag: StatGroups refuses unknown bits.
        return StatGroups(value & StatGroups.ALL.value)

    def set_stats_columns(self, groups: StatGroups) -> None:
        self._qsettings.setValue("stats/columns", groups.value)
        self._qsettings.sync()

    def column_shown(self, column: OptionalColumn) -> bool:
        """Whether the list shows an optional column (the IP column by default)."""
        stored: Any = self._qsettings.value(f"columns/{column}", column == "ip")
        return stored in (True, "true", "1", 1)

    def set_column_shown(self, column: OptionalColumn, shown: bool) -> None:
        if self.column_shown(column) == shown:
            return  # the window sets what it read at start: no write to disk for that
        self._qsettings.setValue(f"columns/{column}", shown)
        self._qsettings.sync()
