"""The floor of a launch here: kvmgui's stack without kvmgui's code, to first paint.

Python, asyncio, qasync, libvirt and PySide6; the test-driver file opened in a
thread, one listing (getAllDomainStats, names), a QMainWindow with a QTreeView
over a 5-column Python model. Prints the seconds since exec when the view has
painted the listed rows, then exits. Run it under the same display as the app:

    xvfb-run -a .venv/bin/python benchmarks/bench_floor.py test:///path/to/fleet-200.xml
"""

from __future__ import annotations

import os
import sys
import threading
import time

import libvirt


def seconds_since_exec() -> float:
    with open("/proc/self/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / os.sysconf("SC_CLK_TCK")


listed: list[tuple[str, int]] = []
done = threading.Event()


def list_fleet(uri: str) -> None:
    conn = libvirt.open(uri)
    stats = conn.getAllDomainStats(libvirt.VIR_DOMAIN_STATS_STATE)
    listed.extend((dom.name(), record["state.state"]) for dom, record in stats)
    done.set()


threading.Thread(target=list_fleet, args=(sys.argv[1],), daemon=True).start()

import asyncio  # noqa: E402 (after the open begins, as in kvmgui)
from typing import Any  # noqa: E402

import qasync  # noqa: E402
from PySide6.QtCore import (  # noqa: E402
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView, QWidget  # noqa: E402

AnyIndex = QModelIndex | QPersistentModelIndex
TITLES = ("Name", "State", "vCPUs", "Memory", "Address")
ROOT = QModelIndex()


class FleetModel(QAbstractItemModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, int]] = []

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        return QModelIndex() if parent.isValid() else self.createIndex(row, column)

    def parent(self, *args: Any) -> Any:  # both overloads: the index's parent, QObject's
        return QModelIndex() if args else super().parent()

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return len(TITLES)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        name, state = self.rows[index.row()]
        return (name, str(state), "1", "256 MiB", "")[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return TITLES[section]
        return None


class FirstPaint(QObject):
    def __init__(self, model: FleetModel) -> None:
        super().__init__()
        self.model = model

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.model.rows:
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(f"floor {seconds_since_exec():.3f} s after exec", flush=True)
        os._exit(0)


def main() -> None:
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    model = FleetModel()
    window = QMainWindow()
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setRootIsDecorated(False)
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1180, 680)
    window.show()
    first_paint = FirstPaint(model)
    viewport = view.findChild(QWidget, "qt_scrollarea_viewport")
    (viewport or view.viewport()).installEventFilter(first_paint)

    def fill_when_listed() -> None:
        if not done.is_set():
            QTimer.singleShot(2, fill_when_listed)
            return
        model.beginResetModel()
        model.rows = listed
        model.endResetModel()

    QTimer.singleShot(0, fill_when_listed)
    with loop:
        loop.run_forever()


if __name__ == "__main__":
    main()
