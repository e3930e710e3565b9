"""The Performance tab and host graphs, drawn from a synthetic history."""

from __future__ import annotations

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from kvmgui.core.stats.history import HOST_KEY, StatsHistory
from kvmgui.core.stats.rates import Metric
from kvmgui.core.units import NO_VALUE
from kvmgui.ui.details.graphs import WINDOWS, HostGraphs, PerformanceTab

UUID = "11111111-1111-1111-1111-111111111111"
MIB = 1024  # KiB


def history_of(count: int, **series: list[float | None]) -> StatsHistory:
    history = StatsHistory(capacity=600)
    for i in range(count):
        history.append(
            UUID, float(i), [(Metric(name), values[i]) for name, values in series.items()]
        )
    return history


@pytest.fixture
def tab(qtbot: QtBot) -> PerformanceTab:
    widget = PerformanceTab()
    qtbot.addWidget(widget)
    return widget


def test_curves_plot_seconds_ago_and_the_current_values(tab: PerformanceTab) -> None:
    history = history_of(
        3,
        cpu_guest=[None, 40.0, 60.0],
        cpu_host=[None, 10.0, 15.0],
        memory_used=[300 * MIB, 310 * MIB, 320 * MIB],
        memory_total=[800 * MIB] * 3,
        disk_read=[None, 2048.0, 4096.0],
        disk_write=[None, 0.0, 1024.0],
    )
    tab.update_from(history, UUID, now=2.0)
    xs, ys = tab.cpu.curves[0].getData()
    assert xs.tolist() == [2.0, 1.0, 0.0]  # seconds ago; now on the right
    assert ys[1:].tolist() == [40.0, 60.0]
    assert "60 %" in tab.cpu.value.text() and "15 %" in tab.cpu.value.text()
    # Memory in MiB up to the VM's size; the current value against the total.
    assert tab.memory.plot.getPlotItem().getAxis("left").labelUnits == "MiB"
    assert tab.memory.curves[0].getData()[1][-1] == pytest.approx(320.0)
    assert "320 MiB of 800 MiB" in tab.memory.value.text()
    assert tab.disk.plot.getPlotItem().getAxis("left").labelUnits == "KiB/s"
    assert "4 KiB/s" in tab.disk.value.text()
    # Never read (the group was off): no value rather than zero.
    assert tab.network.value.text().count(NO_VALUE) == 2


def test_the_window_chooser_sets_the_x_range(tab: PerformanceTab) -> None:
    tab.update_from(history_of(2, cpu_guest=[1.0, 2.0]), UUID, now=1.0)
    tab.window_box.setCurrentIndex(WINDOWS.index(60.0))
    low, high = tab.cpu.plot.getPlotItem().getViewBox().viewRange()[0]
    assert (low, high) == pytest.approx((0.0, 60.0))


def test_an_unknown_domain_clears_the_graphs(tab: PerformanceTab) -> None:
    tab.update_from(history_of(2, cpu_guest=[1.0, 2.0]), UUID, now=1.0)
    tab.update_from(StatsHistory(), UUID)
    assert tab.cpu.value.text() == NO_VALUE
    xs, _ys = tab.cpu.curves[0].getData()
    assert xs is None or len(xs) == 0


def test_host_graphs(qtbot: QtBot) -> None:
    graphs = HostGraphs()
    qtbot.addWidget(graphs)
    history = StatsHistory(metrics=(Metric.CPU_HOST, Metric.MEMORY_USED, Metric.MEMORY_TOTAL))
    for i, busy in enumerate((None, 30.0, 50.0)):
        history.append(HOST_KEY, float(i), [
            (Metric.CPU_HOST, busy), (Metric.MEMORY_USED, 6 * 1024 * MIB),
            (Metric.MEMORY_TOTAL, 16 * 1024 * MIB),
        ])
    graphs.update_from(history, now=2.0)
    assert "50 %" in graphs.cpu.value.text()
    assert "6 GiB of 16 GiB" in graphs.memory.value.text()
    assert graphs.memory.plot.getPlotItem().getAxis("left").labelUnits == "GiB"
    assert np.nanmax(graphs.cpu.curves[0].getData()[1]) == 50.0
