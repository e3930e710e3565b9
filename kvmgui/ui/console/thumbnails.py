"""Live thumbnails of running VMs' screens, and the icon view that shows them.

Every few seconds (a preference) :class:`ThumbnailService` takes a screenshot
of the running VMs someone looks at (the icon view's visible items, open
details windows) with :func:`kvmgui.core.screenshot.capture_screens`, in the
connection's pool, where each is also decoded and scaled: the GUI thread only
turns at most a screenful of small images into icons. Above a number of
running VMs (a preference) thumbnails are off.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kvmgui.core.connection import Connection
from kvmgui.core.domain import DomainInfo, DomainState
from kvmgui.core.errors import LibvirtCallError
from kvmgui.core.screenshot import capture_screens
from kvmgui.ui.i18n import shown, translate
from kvmgui.ui.models.domain_tree import DomainTreeModel, Role
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.settings import Settings

log = logging.getLogger(__name__)

THUMBNAIL_SIZE = QSize(192, 144)
# Name below the picture, margins around both.
CELL_SIZE = QSize(THUMBNAIL_SIZE.width() + 16, THUMBNAIL_SIZE.height() + 40)
PLACEHOLDER = QColor("#2b2b2b")

ThumbnailKey = tuple[str, str]  # (connection URI, domain UUID)
Watched = tuple[Connection, str]  # a connection and the UUID of one of its domains


def _thumbnail(data: bytes) -> QImage | None:
    """A screenshot scaled to fit a thumbnail; None when it does not decode.

    QImage (unlike QPixmap) may be used off the GUI thread: it runs in the
    connection's pool, where it costs the GUI nothing.
    """
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.scaled(
        THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class ThumbnailService(QObject):
    """Keeps the latest screen of each watched running VM, as a QImage and a QIcon."""

    thumbnail_changed = Signal(object, str)  # Connection, UUID
    #: Why thumbnails are off ("" when they are on).
    paused_changed = Signal(str)

    def __init__(self, settings: Settings, ops: OpRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._ops = ops
        self._providers: list[Callable[[], Iterable[Watched]]] = []
        self._watched: dict[ThumbnailKey, tuple[Connection, int]] = {}
        self._images: dict[ThumbnailKey, QImage] = {}
        self._icons: dict[ThumbnailKey, QIcon] = {}
        self._capturing = False
        # Rounds started so far: a round that a later one overtook (started
        # after a change of the limit, say) drops its results.
        self._rounds_started = 0
        self._stopped = False
        self.paused_reason = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.on_timer)

    def start(self) -> None:
        self._schedule()

    def stop(self) -> None:
        """No more screenshots, nor signals (the window closes)."""
        self._stopped = True
        self._timer.stop()

    def add_provider(self, provider: Callable[[], Iterable[Watched]]) -> None:
        """``provider`` names the VMs a view shows now (called at every tick)."""
        self._providers.append(provider)

    def watch(self, connection: Connection, uuid: str) -> None:
        """Keep ``uuid``'s thumbnail fresh until :meth:`unwatch` (a details window)."""
        key = (connection.uri, uuid)
        _connection, count = self._watched.get(key, (connection, 0))
        self._watched[key] = (connection, count + 1)

    def unwatch(self, connection: Connection, uuid: str) -> None:
        key = (connection.uri, uuid)
        _connection, count = self._watched.get(key, (connection, 1))
        if count <= 1:
            self._watched.pop(key, None)
        else:
            self._watched[key] = (connection, count - 1)

    def image(self, connection: Connection, uuid: str) -> QImage | None:
        return self._images.get((connection.uri, uuid))

    def icon(self, connection: Connection, uuid: str) -> QIcon | None:
        return self._icons.get((connection.uri, uuid))

    @Slot()
    def on_timer(self) -> None:
        if self._stopped:
            return
        if not self._capturing:  # a slow round is not doubled up
            self._ops.run(self.capture(), owner=self)
        self._schedule()

    def _schedule(self) -> None:
        self._timer.start(round(self._settings.thumbnail_interval() * 1000))

    def _wanted(self) -> dict[Connection, list[str]]:
        """The watched domains that run, by connection (as many as a screen shows)."""
        wanted: dict[Connection, list[str]] = {}
        seen: set[ThumbnailKey] = set()
        candidates: list[Watched] = [
            (connection, uuid) for (_uri, uuid), (connection, _n) in self._watched.items()
        ]
        for provider in self._providers:
            candidates.extend(provider())
        for connection, uuid in candidates:
            key = (connection.uri, uuid)
            if key in seen:
                continue
            seen.add(key)
            info = connection.domain(uuid)
            # A paused VM keeps its last screen, which QEMU still shows.
            if info is not None and info.state in (DomainState.RUNNING, DomainState.PAUSED):
                wanted.setdefault(connection, []).append(uuid)
            else:
                self._drop(connection, uuid)
        return wanted

    async def capture(self) -> None:
        """Take one round of screenshots of the watched running VMs."""
        self._rounds_started += 1
        this_round = self._rounds_started
        self._capturing = True
        try:
            wanted = self._wanted()
            limit = self._settings.thumbnail_max_running()
            results = await asyncio.gather(
                *(
                    connection.call(
                        translate("console.thumbnails", "take thumbnails"),
                        partial(capture_screens, uuids=uuids, limit=limit, convert=_thumbnail),
                    )
                    for connection, uuids in wanted.items()
                ),
                return_exceptions=True,
            )
        finally:
            if this_round == self._rounds_started:
                self._capturing = False
        if self._stopped or this_round != self._rounds_started:
            return
        running = 0
        for connection, result in zip(wanted, results, strict=True):
            if isinstance(result, LibvirtCallError):
                log.debug("thumbnails of %s: %s", connection.uri, result)
                continue
            if isinstance(result, BaseException):
                raise result
            count, images = result
            running += count
            for uuid, image in images.items():
                self._store(connection, uuid, image)
        reason = (
            translate(
                "console.thumbnails",
                "Thumbnails are off: {running} VMs run (more than {limit}, see Preferences).",
            ).format(running=running, limit=limit)
            if running > limit
            else ""
        )
        if reason:
            for connection, uuids in wanted.items():
                for uuid in uuids:
                    self._drop(connection, uuid)
        if reason != self.paused_reason:
            self.paused_reason = reason
            self.paused_changed.emit(reason)

    def _store(self, connection: Connection, uuid: str, image: QImage | None) -> None:
        if image is None:
            self._drop(connection, uuid)
            return
        key = (connection.uri, uuid)
        self._images[key] = image
        self._icons[key] = QIcon(QPixmap.fromImage(image))
        self.thumbnail_changed.emit(connection, uuid)

    def _drop(self, connection: Connection, uuid: str) -> None:
        key = (connection.uri, uuid)
        if self._images.pop(key, None) is not None:
            self._icons.pop(key, None)
            self.thumbnail_changed.emit(connection, uuid)


class ThumbnailDelegate(QStyledItemDelegate):
    """Draws a VM as its screen (or a placeholder with its state) above its name."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                 ) -> QSize:
        return CELL_SIZE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        rect = QRect(option.rect)
        state = option.state
        palette = option.palette
        picture = QRect(rect.left() + (rect.width() - THUMBNAIL_SIZE.width()) // 2,
                        rect.top() + 6, THUMBNAIL_SIZE.width(), THUMBNAIL_SIZE.height())
        caption = QRect(rect.left() + 4, picture.bottom() + 5, rect.width() - 8,
                        rect.bottom() - picture.bottom() - 5)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(rect, palette.highlight())
        icon = index.data(Role.THUMBNAIL)
        if isinstance(icon, QIcon):
            pixmap = icon.pixmap(THUMBNAIL_SIZE)
            target = QRect(QPoint(0, 0), pixmap.deviceIndependentSize().toSize())
            target.moveCenter(picture.center())
            painter.fillRect(picture, Qt.GlobalColor.black)
            painter.drawPixmap(target, pixmap)
        else:
            painter.fillRect(picture, PLACEHOLDER)
            painter.setPen(QColor("#bbbbbb"))
            info = index.data(Role.DOMAIN)
            label = shown(info.state_text) if isinstance(info, DomainInfo) else ""
            painter.drawText(picture, Qt.AlignmentFlag.AlignCenter, label)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.setPen(palette.highlightedText().color() if selected else palette.text().color())
        painter.drawText(
            caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            option.fontMetrics.elidedText(
                text, Qt.TextElideMode.ElideRight, caption.width()
            ),
        )
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.highlight().color())
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()


class ThumbnailView(QListView):
    """The list as an icon view: one connection's VMs, drawn as their screens.

    It shares the list's model and selection model, so actions and menus see
    one selection whichever view shows it.
    """

    def __init__(self, model: DomainTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)  # the model's rows edit nothing
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)  # constant-time layout at thousands of items
        self.setGridSize(CELL_SIZE)
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setItemDelegate(ThumbnailDelegate(self))
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.activated.connect(self.on_activated)

    def show_connection(self, connection: Connection | None) -> None:
        """Show ``connection``'s VMs (the connections themselves when None)."""
        model = self.model()
        assert isinstance(model, DomainTreeModel)
        root = model.connection_index(connection) if connection is not None else QModelIndex()
        self.setRootIndex(root)

    def visible_domains(self) -> list[Watched]:
        """The VMs drawn in the viewport now: as many as fit on screen, whatever the fleet."""
        if not self.isVisible() or not self.rootIndex().isValid():
            return []
        found: dict[str, Watched] = {}
        viewport = self.viewport().rect()
        # Probe each grid cell; half steps catch the rows cut by the edges.
        step_x = max(1, CELL_SIZE.width() // 2)
        step_y = max(1, CELL_SIZE.height() // 2)
        for y in range(viewport.top() + 2, viewport.bottom() + step_y, step_y):
            for x in range(viewport.left() + 2, viewport.right() + step_x, step_x):
                index = self.indexAt(QPoint(min(x, viewport.right()), min(y, viewport.bottom())))
                uuid = index.data(Role.UUID) if index.isValid() else None
                connection = index.data(Role.CONNECTION) if uuid else None
                if isinstance(uuid, str) and isinstance(connection, Connection):
                    found[uuid] = (connection, uuid)
        return list(found.values())

    @Slot(QModelIndex)
    def on_activated(self, index: QModelIndex) -> None:
        """Entering a connection shown as an item shows its VMs."""
        if index.isValid() and not isinstance(index.data(Role.DOMAIN), DomainInfo):
            self.setRootIndex(index)
