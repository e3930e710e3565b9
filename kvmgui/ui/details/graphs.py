"""Live performance graphs of one virtual machine, and of the host.

Both widgets draw from a :class:`~kvmgui.core.stats.history.StatsHistory`; they keep
no data of their own. ``update_from`` redraws (it only hands arrays to existing
curves: ``setData``); ``follow`` makes a widget ask a
:class:`~kvmgui.ui.stats_poller.StatsPoller` for its statistics while it is on
screen and redraw after each of the poller's ticks.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

# isort: off
# pyqtgraph binds to the Qt already imported: PySide6 first, even where PyQt6 is installed too.
from PySide6.QtCore import Qt, Slot
import pyqtgraph as pg

# isort: on
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.stats.history import HOST_KEY, StatsHistory
from kvmgui.core.stats.rates import Metric
from kvmgui.core.stats.reading import StatGroups
from kvmgui.core.units import NO_VALUE, binary_unit, format_kib, format_percent, format_rate
from kvmgui.ui.i18n import translate
from kvmgui.ui.stats_poller import StatsDemand, StatsPoller

#: The windows the user can choose, in seconds.
WINDOWS = (60.0, 300.0, 600.0)
DEFAULT_WINDOW = 300.0

_COLORS = ("#3584e4", "#e66100", "#2ec27e", "#9141ac")


@dataclass(frozen=True)
class _Series:
    metric: Metric
    label: str
    color: str


class _Graph(QWidget):
    """A title, the current values as text, and one plot with a curve per series."""

    def __init__(
        self,
        title: str,
        series: tuple[_Series, ...],
        parent: QWidget | None = None,
        *,
        kind: str,  # "percent", "memory" (KiB), or "rate" (bytes/s)
    ) -> None:
        super().__init__(parent)
        self.series = series
        self.kind = kind
        self._unit = ""
        self._y_top = math.nan

        self.title = QLabel(f"<b>{title}</b>")
        self.value = QLabel(NO_VALUE)
        self.value.setTextFormat(Qt.TextFormat.RichText)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        foreground = palette.color(QPalette.ColorRole.Text)
        self.plot = pg.PlotWidget(background=background)
        self.plot.setMinimumHeight(120)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=True, y=True, alpha=0.15)
        # x is "seconds ago": 0 (now) on the right.
        item.getViewBox().invertX(True)
        item.setLabel(
            "bottom", translate("details.graphs", "seconds ago")
        )
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(foreground)
            axis.setTextPen(foreground)
        left = item.getAxis("left")
        left.enableAutoSIPrefix(False)
        left.setWidth(56)
        if kind == "percent":
            item.setLabel("left", units="%")
            item.setYRange(0, 100, padding=0)

        self.curves = [
            item.plot(
                pen=pg.mkPen(QColor(s.color), width=1.5),
                antialias=True,
                connect="finite",
                name=s.label,
            )
            for s in series
        ]

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.plot, 1)

    def set_window(self, seconds: float) -> None:
        self.plot.getPlotItem().setXRange(0, seconds, padding=0)

    def update_from(
        self, history: StatsHistory, key: str, now: float, window: float
    ) -> None:
        times = np.asarray(history.times(key))  # no copy: the history's array.array
        ago = now - times
        visible = ago <= window
        ys = [np.asarray(history.values(key, s.metric)) for s in self.series]
        scale, unit = self._scale(history, key, [y[visible] for y in ys])
        for curve, y in zip(self.curves, ys, strict=True):
            curve.setData(ago, y.astype(np.float64) / scale if scale != 1.0 else y)
        self._set_unit(unit)
        self.value.setText(self._value_text(history, key))

    def clear(self) -> None:
        for curve in self.curves:
            curve.setData([], [])
        self.value.setText(NO_VALUE)

    def _scale(
        self, history: StatsHistory, key: str, visible: list[npt.NDArray[np.floating]]
    ) -> tuple[float, str]:
        if self.kind == "percent":
            return 1.0, "%"
        finite = [float(np.nanmax(v)) for v in visible if v.size and np.isfinite(v).any()]
        largest = max(finite, default=0.0)
        if self.kind == "memory":
            total = history.latest(key, Metric.MEMORY_TOTAL)
            largest = max(largest, total or 0.0) * 1024  # KiB → bytes
            size, unit = binary_unit(largest)
            top = largest / size
            self._set_y_top(top if top > 0 else 1.0, exact=total is not None)
            return size / 1024, unit
        size, unit = binary_unit(largest)
        self._set_y_top(largest / size if largest > 0 else 1.0, exact=False)
        return size, f"{unit}/s"

    def _set_y_top(self, top: float, *, exact: bool) -> None:
        if not exact:
            top *= 1.1  # headroom above the peak
        if top != self._y_top:
            self._y_top = top
            self.plot.getPlotItem().setYRange(0, top, padding=0)

    def _set_unit(self, unit: str) -> None:
        if unit != self._unit:
            self._unit = unit
            self.plot.getPlotItem().setLabel("left", units=unit)

    def _value_text(self, history: StatsHistory, key: str) -> str:
        parts = []
        for s in self.series:
            value = history.latest(key, s.metric)
            if self.kind == "percent":
                text = format_percent(value)
            elif self.kind == "memory":
                text = format_kib(value)
                total = history.latest(key, Metric.MEMORY_TOTAL)
                if total is not None and value is not None:
                    text += f" of {format_kib(total)}"
            else:
                text = format_rate(value)
            parts.append(f"<span style='color:{s.color}'>{s.label}</span> {text}")
        return " &nbsp; ".join(parts)


class _GraphPanel(QWidget):
    """Graphs in a grid under a "last N minutes" chooser."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.graphs: list[_Graph] = []
        self.window_seconds = DEFAULT_WINDOW
        self._history: StatsHistory | None = None
        self._key = ""
        self._poller: StatsPoller | None = None
        self._connection: Connection | None = None
        self.demand: StatsDemand | None = None

        self.window_box = QComboBox()
        for seconds in WINDOWS:
            minutes = round(seconds / 60)  # lupdate reads no call among translate's arguments
            self.window_box.addItem(translate("details.graphs", "Last %n minute(s)", None, minutes))
        self.window_box.setCurrentIndex(WINDOWS.index(DEFAULT_WINDOW))

        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.window_box)
        self._grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._grid, 1)
        self._connect_signals()

    def _add_graphs(self, graphs: list[_Graph], columns: int) -> None:
        for graph in graphs:
            index = len(self.graphs)
            graph.set_window(self.window_seconds)
            self._grid.addWidget(graph, index // columns, index % columns)
            self.graphs.append(graph)

    def _connect_signals(self) -> None:
        self.window_box.currentIndexChanged.connect(self.on_window_chosen)

    def _follow(
        self, poller: StatsPoller, connection: Connection, key: str, groups: StatGroups,
        *, host: bool,
    ) -> None:
        self._poller, self._connection, self._key = poller, connection, key
        self.demand = StatsDemand(poller, self, groups, connection, host=host)
        poller.stats_sampled.connect(self.on_stats_sampled)

    def _history_of(self, poller: StatsPoller, connection: Connection) -> StatsHistory:
        raise NotImplementedError

    @Slot(object, object)
    def on_stats_sampled(self, connection: Connection, _uuids: set[str]) -> None:
        if connection is not self._connection or self._poller is None:
            return
        if self.demand is not None and not self.demand.on_screen:
            return  # another window's tick: nothing to draw for no one
        sampler = self._poller.sampler(connection)
        with sampler.lock:  # the pool appends while the GUI reads
            self._redraw(self._history_of(self._poller, connection), self._key, None)

    @Slot(int)
    def on_window_chosen(self, row: int) -> None:
        self.window_seconds = WINDOWS[row]
        for graph in self.graphs:
            graph.set_window(self.window_seconds)
        if self._history is not None:
            self._redraw(self._history, self._key, None)

    def _redraw(self, history: StatsHistory, key: str, now: float | None) -> None:
        self._history, self._key = history, key
        if key not in history:
            for graph in self.graphs:
                graph.clear()
            return
        moment = time.monotonic() if now is None else now
        for graph in self.graphs:
            graph.update_from(history, key, moment, self.window_seconds)


class PerformanceTab(_GraphPanel):
    """CPU, memory, disk and network of one virtual machine over the last minutes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cpu = _Graph(
            "CPU",
            (
                _Series(Metric.CPU_GUEST, translate("details.graphs", "Guest"), _COLORS[0]),
                _Series(Metric.CPU_HOST, translate("details.graphs", "Host"), _COLORS[1]),
            ),
            kind="percent",
        )
        self.cpu.setToolTip(
            translate(
                "details.graphs",
                "Guest: how busy the VM's virtual CPUs are.\nHost: the share of the whole host it "
                "uses.",
            )
        )
        self.memory = _Graph(
            translate("details.graphs", "Memory"),
            (_Series(Metric.MEMORY_USED, translate("details.graphs", "Used"), _COLORS[2]),),
            kind="memory",
        )
        self.memory.setToolTip(
            translate(
                "details.graphs",
                "Memory the guest reports in use (current balloon minus unused), "
                "or what QEMU holds on the host when the guest does not report it.",
            )
        )
        self.disk = _Graph(
            translate("details.graphs", "Disk"),
            (
                _Series(Metric.DISK_READ, translate("details.graphs", "Read"), _COLORS[0]),
                _Series(Metric.DISK_WRITE, translate("details.graphs", "Write"), _COLORS[1]),
            ),
            kind="rate",
        )
        self.network = _Graph(
            translate("details.graphs", "Network"),
            (
                _Series(Metric.NET_RX, translate("details.graphs", "Received"), _COLORS[0]),
                _Series(Metric.NET_TX, translate("details.graphs", "Sent"), _COLORS[1]),
            ),
            kind="rate",
        )
        self._add_graphs([self.cpu, self.memory, self.disk, self.network], 2)

    def follow(self, poller: StatsPoller, connection: Connection, uuid: str) -> None:
        """Show ``uuid``'s statistics, read with every group while on screen."""
        self._follow(poller, connection, uuid, StatGroups.ALL, host=False)

    def _history_of(self, poller: StatsPoller, connection: Connection) -> StatsHistory:
        return poller.sampler(connection).history

    def update_from(self, history: StatsHistory, uuid: str, now: float | None = None) -> None:
        """Redraw from ``history``'s buffers for ``uuid``.

        ``now`` is a ``time.monotonic()`` moment (default: now): a VM that
        stopped sees its last values slide away to the left.
        """
        self._redraw(history, uuid, now)


class HostGraphs(_GraphPanel):
    """The host's CPU and memory over the last minutes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cpu = _Graph(
            translate("details.graphs", "Host CPU"),
            (_Series(Metric.CPU_HOST, translate("details.graphs", "Busy"), _COLORS[0]),),
            kind="percent",
        )
        self.memory = _Graph(
            translate("details.graphs", "Host memory"),
            (_Series(Metric.MEMORY_USED, translate("details.graphs", "Used"), _COLORS[2]),),
            kind="memory",
        )
        self.memory.setToolTip(
            translate("details.graphs", "Total minus free, buffers and page cache.")
        )
        self._add_graphs([self.cpu, self.memory], 2)

    def follow(self, poller: StatsPoller, connection: Connection) -> None:
        """Show the host of ``connection``, read while on screen."""
        self._follow(poller, connection, HOST_KEY, StatGroups.NONE, host=True)

    def _history_of(self, poller: StatsPoller, connection: Connection) -> StatsHistory:
        return poller.sampler(connection).host_history

    def update_from(
        self, history: StatsHistory, key: str = HOST_KEY, now: float | None = None
    ) -> None:
        """Redraw from ``history`` (a sampler's ``host_history``)."""
        self._redraw(history, key, now)
