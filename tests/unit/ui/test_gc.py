"""Cycles are collected by the GUI thread's timer, not by whichever thread allocates."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvmgui.ui.gc import FULL_COLLECTION_EVERY_S, GuiThreadGarbageCollector, hold_collections


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


def test_a_full_collection_waits_until_the_old_generation_grew_by_a_quarter(
    qapp: QApplication,
) -> None:
    collector = GuiThreadGarbageCollector(qapp)
    generations: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            generations.append(info["generation"])

    def check_when_a_full_collection_is_due() -> None:
        for _ in range(gc.get_threshold()[2] + 1):
            gc.collect(1)  # each counts one toward the old generation's threshold
        collector._last_full -= FULL_COLLECTION_EVERY_S
        generations.clear()
        collector.on_check()

    gc.callbacks.append(record)
    try:
        # Survivors of young collections: the old generation grows.
        kept = [Node() for _ in range(10_000)]
        check_when_a_full_collection_is_due()
        assert 2 in generations
        # Nothing new since: the old generation's walk would find nothing.
        check_when_a_full_collection_is_due()
        assert 2 not in generations
    finally:
        gc.callbacks.remove(record)
        collector.deleteLater()
    assert len(kept) == 10_000


def test_no_collection_while_held(qapp: QApplication, qtbot: QtBot) -> None:
    collector = GuiThreadGarbageCollector(qapp)
    first, second = Node(), Node()
    first.other, second.other = second, first
    watch = weakref.ref(first)
    del first, second
    kept = [Node() for _ in range(gc.get_threshold()[0] + 10)]
    hold_collections(0.2)  # the list scrolls
    collector.on_check()
    assert watch() is not None
    # The first check after the hold collects.
    qtbot.waitUntil(lambda: collector.on_check() is None and watch() is None, timeout=2000)
    assert len(kept) > gc.get_threshold()[0]
    collector.deleteLater()
