"""Light and dark: kvmgui follows the desktop's colour scheme, and the few
colours of its own (errors, warnings, stale rows, the message bar) come in a
light and a dark variant, each readable (WCAG AA, 4.5:1) on its background."""

from __future__ import annotations

import enum
from string import Template

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget


class Tone(enum.Enum):
    """A colour by meaning; its value is (on light, on dark)."""

    ERROR = ("#b71c1c", "#ff8a80")
    WARNING = ("#7a5d00", "#ffd54f")
    STALE = ("#6b6b6b", "#a8a8a8")
    MESSAGE_BACKGROUND = ("#fdecea", "#4a2523")
    MESSAGE_BORDER = ("#e0a39d", "#8c4a44")


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (default: the application's) has a dark window."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colour(tone: Tone) -> QColor:
    light, dark = tone.value
    return QColor(dark if is_dark() else light)


def dark_palette() -> QPalette:
    """A dark palette for styles that have none of their own (Fusion without a
    desktop theme): the same roles as Qt's, in the dark colours of Adwaita."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, value in {
        roles.Window: "#2d2d2d", roles.WindowText: "#eeeeee", roles.Base: "#1e1e1e",
        roles.AlternateBase: "#262626", roles.ToolTipBase: "#3a3a3a",
        roles.ToolTipText: "#eeeeee", roles.PlaceholderText: "#9a9a9a",
        roles.Text: "#eeeeee", roles.Button: "#3a3a3a", roles.ButtonText: "#eeeeee",
        roles.BrightText: "#ffffff", roles.Light: "#505050", roles.Midlight: "#444444",
        roles.Mid: "#333333", roles.Dark: "#1a1a1a", roles.Shadow: "#000000",
        roles.Highlight: "#3584e4", roles.HighlightedText: "#ffffff",
        roles.Link: "#78aeed", roles.LinkVisited: "#b38ed6",
    }.items():
        palette.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette


class ColorSchemeFollower(QObject):
    """Keeps the application's palette on the desktop's colour scheme.

    Desktop themes (GNOME's, KDE's) give Qt a dark palette themselves; where
    the platform only reports the scheme, or for an explicit choice, this
    sets the palette: ``scheme`` Dark or Light forces it, Unknown follows the
    platform."""

    def __init__(self, app: QApplication, scheme: Qt.ColorScheme = Qt.ColorScheme.Unknown) -> None:
        super().__init__(app)
        self._app = app
        self._light = app.palette()
        self._forced = scheme
        app.styleHints().colorSchemeChanged.connect(self.on_color_scheme_changed)
        self.on_color_scheme_changed(app.styleHints().colorScheme())

    @Slot(Qt.ColorScheme)
    def on_color_scheme_changed(self, reported: Qt.ColorScheme) -> None:
        scheme = self._forced if self._forced is not Qt.ColorScheme.Unknown else reported
        if scheme is Qt.ColorScheme.Dark and not is_dark(self._app.palette()):
            self._app.setPalette(dark_palette())
        elif scheme is Qt.ColorScheme.Light and is_dark(self._app.palette()):
            self._app.setPalette(self._light)


class ToneStyle(QObject):
    """The style sheet of one widget with tone colours filled in (``$ERROR``),
    redone when the application's palette changes."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self.template = ""
        widget.installEventFilter(self)

    def apply(self) -> None:
        names = {tone.name: colour(tone).name() for tone in Tone}
        self._widget.setStyleSheet(Template(self.template).substitute(names))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.apply()
        return False


def set_tone_style(widget: QWidget, template: str) -> None:
    """Gives ``widget`` the style sheet ``template`` with its tones filled in
    (``"color: $ERROR;"``), now and whenever the application's palette changes."""
    style = widget.findChild(ToneStyle, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if style is None:
        style = ToneStyle(widget)
    style.template = template
    style.apply()
