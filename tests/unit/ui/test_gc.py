"""Cycles are collected by the GUI thread's timer, not by whichever thread allocates."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication

from kvmgui.ui.gc import GuiThreadGarbageCollector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def test_cycles_wait_for_the_gui_thread(qapp: QApplication) -> None:
    collector = GuiThreadGarbageCollector(qapp)
    assert not gc.isenabled()
    first, second = Node(), Node()
    first.other, second.other = second, first
    watch = weakref.ref(first)
    del first, second
    # Past the automatic threshold (the count is allocations less deallocations).
    kept = [Node() for _ in range(gc.get_threshold()[0] + 10)]
    assert watch() is not None  # nothing collected it behind the GUI thread's back
    collector.on_check()
    assert watch() is None
    assert len(kept) > gc.get_threshold()[0]
    collector.deleteLater()
