"""Light and dark schemes, and scales 1 to 3: kvmgui's own colours stay readable
and its icons stay sharp."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kvmgui.core.domain import DomainState
from kvmgui.ui import theme
from kvmgui.ui.theme import (
    ColorSchemeFollower,
    Tone,
    dark_palette,
    is_dark,
    set_tone_style,
)
from kvmgui.ui.widgets.icons import (
    ICON_SCALES,
    SAVED_COLOUR,
    STATE_COLOURS,
    STATE_ICON_SIZE,
    app_icon,
    state_icon,
)
from kvmgui.ui.widgets.message_bar import MessageBar

TEXT_CONTRAST = 4.5  # WCAG 1.4.3, normal text
GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11, graphical objects


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def light_and_dark(qapp: QApplication) -> Iterator[dict[str, QPalette]]:
    light = qapp.palette()
    yield {"light": light, "dark": dark_palette()}
    qapp.setPalette(light)


def test_the_palettes_are_what_they_say(light_and_dark: dict[str, QPalette]) -> None:
    assert not is_dark(light_and_dark["light"]) and is_dark(light_and_dark["dark"])


@pytest.mark.parametrize("tone", [Tone.ERROR, Tone.WARNING, Tone.STALE])
def test_text_tones_are_readable_on_both_schemes(
    tone: Tone, light_and_dark: dict[str, QPalette]
) -> None:
    for (scheme, palette), value in zip(light_and_dark.items(), tone.value, strict=True):
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            ratio = contrast(QColor(value), palette.color(role))
            assert ratio >= TEXT_CONTRAST, (scheme, role, ratio)


def test_the_message_bar_text_is_readable_on_its_background(
    light_and_dark: dict[str, QPalette],
) -> None:
    for (scheme, palette), background in zip(
        light_and_dark.items(), Tone.MESSAGE_BACKGROUND.value, strict=True
    ):
        text = palette.color(QPalette.ColorRole.WindowText)
        assert contrast(text, QColor(background)) >= TEXT_CONTRAST, scheme


def test_state_dots_stand_out_on_both_schemes(light_and_dark: dict[str, QPalette]) -> None:
    for colour in {*STATE_COLOURS.values(), SAVED_COLOUR}:
        for scheme, palette in light_and_dark.items():
            ratio = contrast(QColor(colour), palette.color(QPalette.ColorRole.Base))
            assert ratio >= GRAPHIC_CONTRAST, (colour, scheme, ratio)


def test_a_dark_scheme_turns_the_palette_and_the_tones(
    qapp: QApplication, light_and_dark: dict[str, QPalette], qtbot: QtBot
) -> None:
    label = QLabel("No such file")
    qtbot.addWidget(label)
    set_tone_style(label, "color: $ERROR;")
    assert label.styleSheet() == f"color: {Tone.ERROR.value[0]};"
    follower = ColorSchemeFollower(qapp, Qt.ColorScheme.Dark)
    try:
        assert is_dark(qapp.palette())
        # Qt posts the palette change to each widget
        qtbot.waitUntil(lambda: label.styleSheet() == f"color: {Tone.ERROR.value[1]};")
    finally:
        follower.deleteLater()


@pytest.mark.parametrize("scale", ICON_SCALES)
def test_state_icons_are_drawn_for_the_scale_not_stretched(scale: float) -> None:
    for state in DomainState:
        for saved in (False, True):
            pixmap = state_icon(state, saved).pixmap(
                QSize(STATE_ICON_SIZE, STATE_ICON_SIZE), scale
            )
            assert pixmap.devicePixelRatio() == scale
            assert pixmap.width() == round(STATE_ICON_SIZE * scale)


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_the_app_icon_is_rendered_at_the_scale(scale: float) -> None:
    pixmap = app_icon().pixmap(QSize(64, 64), scale)
    assert pixmap.width() == round(64 * scale) and pixmap.devicePixelRatio() == scale


def test_the_message_bar_takes_its_tones_when_it_first_shows(qtbot: QtBot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    assert bar.styleSheet() == ""  # a launch shows no message: no style sheet to parse
    bar.show_message("Could not start alpha")
    assert theme.colour(Tone.MESSAGE_BACKGROUND).name() in bar.styleSheet()
