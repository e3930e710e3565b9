"""Python's cyclic garbage collection, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold
is crossed: a libvirt event callback or a pool thread could then destroy
QObjects caught in a reference cycle (a model and the manager whose signals
it follows), and Qt objects must die on their own thread. Automatic
collection is switched off and a timer collects on the GUI thread instead.

A full collection walks every object: about 40 ms at start-up (the modules
of Qt, numpy, pyqtgraph), a visible stall. What exists when the collector
starts lives as long as the process, so it is frozen out of the walk; frozen
as it is, uncollected: after the imports a collection found 5 unreachable
objects and took 14 ms of the launch. Full collections run at most once a
minute, and only when the old generation has grown by a quarter since the
last one (CPython's own rule for its automatic collector): at 10,000 domains
the old generation holds about 100,000 objects and its walk took 26 ms,
every minute, though it found nothing.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer, Slot

CHECK_INTERVAL_MS = 1000
FULL_COLLECTION_EVERY_S = 60.0

# No collection starts before this (time.monotonic()): see hold_collections.
_held_until = 0.0


def hold_collections(seconds: float) -> None:
    """Start no collection for ``seconds`` from now; the first check after that
    collects. The list holds them while it scrolls: a young collection walks the
    objects its new pages made (4 ms, one frame of a page scroll at 10,000 VMs;
    benchmarks/RESULTS.md, issue 13, "Seventh pass")."""
    global _held_until
    _held_until = max(_held_until, time.monotonic() + seconds)


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        gc.freeze()
        self._last_full = time.monotonic()
        self._old_after_full = len(gc.get_objects(generation=2))
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.on_check)
        self._timer.start(CHECK_INTERVAL_MS)

    @Slot()
    def on_check(self) -> None:
        now = time.monotonic()
        if now < _held_until:
            return
        # The automatic collector's thresholds, checked once a second.
        first, second, third = gc.get_count()
        if (
            third > self._threshold[2]
            and now - self._last_full >= FULL_COLLECTION_EVERY_S
            and self._old_generation_grew()
        ):
            self._last_full = now
            gc.collect(2)
            self._old_after_full = len(gc.get_objects(generation=2))
        elif second > self._threshold[1]:
            gc.collect(1)
        elif first > self._threshold[0]:
            gc.collect(0)

    def _old_generation_grew(self) -> bool:
        """Whether the objects that came into the old generation since the last full
        collection are more than a quarter of those it left (about 1 ms to count at
        100,000 objects)."""
        grown = len(gc.get_objects(generation=2)) - self._old_after_full
        return grown > self._old_after_full / 4
