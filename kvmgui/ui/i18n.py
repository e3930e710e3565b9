"""Translation: the translators of the user's locale, and the one way to translate.

Convention: every user-visible text of ``kvmgui/ui`` is written as
``translate("<module>", "English text")``, where ``<module>`` is the module's
path below ``kvmgui/ui`` (``"mainwindow"``, ``"details.hardware_tab"``).
A fixed context per module, not ``self.tr()``: PySide6's ``tr`` takes the
context from the runtime class, so a subclass would lose its base class's
translations, and module-level functions have no ``self``. Counts use Qt's
plural forms: ``translate(ctx, "%n VM(s)", None, count)``.

Texts that come from ``kvmgui/core`` are :class:`~kvmgui.core.texts.Translatable`
and are translated where they are shown, by :func:`shown`.
"""

from __future__ import annotations

import logging
from importlib.resources import files

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

from kvmgui.core.texts import Sentences, Translatable
from kvmgui.core.units import use_decimal_point

log = logging.getLogger(__name__)

#: Where the compiled translations (``kvmgui_<locale>.qm``) ship: inside the package.
TRANSLATIONS = files("kvmgui.resources") / "translations"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language (``%n`` replaced by ``n`` in plural forms)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def shown(text: str) -> str:
    """A text from core as the user reads it: a :class:`Translatable` translated, and the
    Translatable values put into it too; :class:`Sentences` each translated."""
    if isinstance(text, Sentences):
        return " ".join(shown(part) for part in text.parts)
    if not isinstance(text, Translatable):
        return text
    template = QCoreApplication.translate(text.context, text.template)
    if not text.values:
        return template
    return template.format(**{name: shown(value) if isinstance(value, str) else value
                              for name, value in text.values.items()})


def shown_exception(error: BaseException) -> str:
    """What an exception says, translated when core raised it with a :class:`Translatable`."""
    if len(error.args) == 1 and isinstance(error.args[0], Translatable | Sentences):
        return shown(error.args[0])
    return str(error)


def local_date_time(seconds: float) -> str:
    """A moment (seconds since the epoch) as the user's locale writes it, short."""
    moment = QDateTime.fromSecsSinceEpoch(int(seconds))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load kvmgui's and Qt's own translations for ``locale`` (default: the system's).

    Also makes ``locale`` the default QLocale (dates, numbers of spin boxes)
    and gives its decimal point to the one size formatter, core's units.
    Returns the translators installed (children of ``app``: they live as
    long as it, or until removed).
    """
    locale = locale or QLocale.system()
    QLocale.setDefault(locale)
    use_decimal_point(locale.decimalPoint())
    english = QLocale(QLocale.Language.English)
    installed = []
    # English first, for its plural forms ("1 VM", "2 VMs") in every language
    # kvmgui lacks; the translator installed last is asked first.
    for name, directory, for_locale in (
        ("kvmgui", str(TRANSLATIONS), english),
        ("kvmgui", str(TRANSLATIONS), locale),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), locale),
    ):
        if for_locale.language() in (QLocale.Language.English, QLocale.Language.C) and (
            for_locale is not english
        ):
            continue  # English is the source language: nothing more to load
        translator = QTranslator(app)
        if translator.load(for_locale, name, "_", directory):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("no %s translation for %s in %s", name, for_locale.name(), directory)
    return installed

