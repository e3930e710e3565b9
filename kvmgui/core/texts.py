"""Texts core words for the user, kept translatable without Qt.

Core never imports Qt, so it cannot translate; it marks what it says with
:class:`Translatable`: an English ``str`` (so logs, exceptions and tests read
it as before) that also keeps its translation context, its template and the
values put into it. The UI translates the template and fills in the values
when it shows the text (:func:`kvmgui.ui.i18n.shown`). ``pyside6-lupdate``
reads ``Translatable("context", "template", ...)`` as Qt's
``QT_TRANSLATE_NOOP`` (``make translations`` passes the alias), so every
marked template lands in the ``.ts`` file.

Templates use :meth:`str.format` fields by name (``"{uri} is not running"``);
values are inserted as given, never translated.
"""

from __future__ import annotations


class Translatable(str):
    """``template.format(**values)`` in English, with what a translator needs."""

    context: str
    template: str
    values: dict[str, object]

    def __new__(cls, context: str, template: str, **values: object) -> Translatable:
        text = super().__new__(cls, template.format(**values) if values else template)
        text.context = context
        text.template = template
        text.values = values
        return text


class Sentences(str):
    """Sentences said one after the other, each translated on its own: a summary
    whose parts depend on what happened. English: the parts joined by spaces."""

    parts: tuple[str, ...]

    def __new__(cls, *parts: str) -> Sentences:
        kept = tuple(part for part in parts if part)
        text = super().__new__(cls, " ".join(kept))
        text.parts = kept
        return text
