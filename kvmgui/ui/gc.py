"""Python's cyclic garbage collection, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold
is crossed: a libvirt event callback or a pool thread could then destroy
QObjects caught in a reference cycle (a model and the manager whose signals
it follows), and Qt objects must die on their own thread. Automatic
collection is switched off and a timer collects on the GUI thread instead.

A full collection walks every object: about 40 ms at start-up (the modules
of Qt, numpy, pyqtgraph), a visible stall. What exists when the collector
starts lives as long as the process, so it is frozen out of the walk, and
full collections run at most once a minute.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer, Slot

CHECK_INTERVAL_MS = 1000
FULL_COLLECTION_EVERY_S = 60.0


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        gc.collect()
        gc.freeze()
        self._last_full = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.on_check)
        self._timer.start(CHECK_INTERVAL_MS)

    @Slot()
    def on_check(self) -> None:
        # The automatic collector's thresholds, checked once a second.
        first, second, third = gc.get_count()
        now = time.monotonic()
        if third > self._threshold[2] and now - self._last_full >= FULL_COLLECTION_EVERY_S:
            self._last_full = now
            gc.collect(2)
        elif second > self._threshold[1]:
            gc.collect(1)
        elif first > self._threshold[0]:
            gc.collect(0)
