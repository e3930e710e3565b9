"""Texts laid out once: a full set of stamps forgets its oldest text, not all."""

from kvmgui.ui.widgets.stamped_text import KEPT_TEXTS, TextStamps


def test_a_full_set_of_stamps_keeps_its_newer_texts(qapp: object) -> None:
    stamps = TextStamps()
    first, second = stamps.stamp("first"), stamps.stamp("second")
    for number in range(KEPT_TEXTS - 1):
        stamps.stamp(f"vm-{number}")
    # One text more than kept: the oldest is laid out afresh, the next one is kept.
    assert stamps.stamp("second") is second
    assert stamps.stamp("first") is not first


def test_an_elided_text_fits_its_room_and_is_laid_out_once(qapp: object) -> None:
    stamps = TextStamps()
    long = "kvmgui-test-" + "x" * 80
    elided = stamps.fitted(long, 60)
    assert elided.width <= 60
    assert stamps.fitted(long, 60) is elided
