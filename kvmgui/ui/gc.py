"""Python's cyclic garbage collection, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold
is crossed: a libvirt event callback or a pool thread could then destroy
QObjects caught in a reference cycle (a model and the manager whose signals
it follows), and Qt objects must die on their own thread. Automatic
collection is switched off and a timer collects on the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

CHECK_INTERVAL_MS = 1000


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.on_check)
        self._timer.start(CHECK_INTERVAL_MS)

    @Slot()
    def on_check(self) -> None:
        # The same thresholds as the automatic collector, checked once a second.
        first, second, third = gc.get_count()
        if third > self._threshold[2]:
            gc.collect(2)
        elif second > self._threshold[1]:
            gc.collect(1)
        elif first > self._threshold[0]:
            gc.collect(0)
