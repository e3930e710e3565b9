"""The translatable texts, read from the code and from the .ts files.

The code's texts are read with :mod:`ast`, independently of ``pyside6-lupdate``,
so a text lupdate cannot see (it skips a call whose arguments hold another
call) or a .ts file not re-extracted fails a test.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"


# How many plural forms each language's .ts file has (Qt's rules for it).
PLURAL_FORMS = {"de": 2, "en": 2}


@dataclass(frozen=True)
class SourceText:
    context: str
    source: str
    plural: bool


@dataclass(frozen=True)
class TsMessage:
    context: str
    source: str
    translations: tuple[str, ...]  # the plural forms, or the one translation
    kind: str  # the translation's type: "" when finished, "unfinished", "obsolete", "vanished"


def code_texts() -> dict[SourceText, list[str]]:
    """Every ``translate(...)`` and ``Translatable(...)`` text of kvmgui, with where it is."""
    found: dict[SourceText, list[str]] = {}
    for path in sorted((REPO / "kvmgui").rglob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called(node) in ("translate", "Translatable")):
                continue
            where = f"{path.relative_to(REPO)}:{node.lineno}"
            context, source = node.args[:2]
            if not (isinstance(context, ast.Constant) and isinstance(context.value, str)
                    and isinstance(source, ast.Constant) and isinstance(source.value, str)):
                if path.name in ("i18n.py", "texts.py"):
                    continue  # the definitions pass their arguments on
                raise AssertionError(f"{where}: a translatable text must be a literal")
            plural = _called(node) == "translate" and len(node.args) == 4
            found.setdefault(SourceText(context.value, source.value, plural), []).append(where)
    return found


# What a translation is asked of as ``X.translate(...)`` (a painter's translate() moves it).
_TRANSLATORS = frozenset(("QCoreApplication", "QGuiApplication", "QApplication"))


def _called(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute):
        if function.attr == "translate" and not (
            isinstance(function.value, ast.Name) and function.value.id in _TRANSLATORS
        ):
            return ""
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def ts_messages(path: Path) -> list[TsMessage]:
    root = etree.parse(str(path)).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = translation.findall("numerusform")
            texts = tuple(form.text or "" for form in forms) if forms else (translation.text or "",)
            messages.append(TsMessage(
                name, message.findtext("source") or "", texts, translation.get("type", "")
            ))
    return messages


def complete_ts(path: Path, previous: Path) -> None:
    """Make ``path`` (just updated by lupdate) hold exactly the code's texts,
    with the translations ``previous`` (the file before lupdate) had.

    The English file holds the plural texts only: the English forms of
    ``"%n VM(s)"``.

    lupdate's Python parser misses some calls (keyword arguments, a call or an
    attribute among the arguments) and reads a count only when it is a number
    literal, turning a plural text into a singular one: such texts are added
    here, plural ones get their plural forms back, and texts gone from the
    code are dropped.
    """
    tree = etree.parse(str(path))
    root = tree.getroot()
    plural_forms = PLURAL_FORMS[root.get("language", "")[:2]]
    plural_only = root.get("language", "").startswith("en")
    wanted = {
        (text.context, text.source): text.plural
        for text in code_texts() if text.plural or not plural_only
    }
    translated = {
        (context.findtext("name"), message.findtext("source")): message
        for context in etree.parse(str(previous)).getroot().iter("context")
        for message in context.iter("message")
        if not _untranslated(message)
    }
    contexts = {context.findtext("name"): context for context in root.iter("context")}
    seen = set()
    for context in list(contexts.values()):
        name = context.findtext("name")
        # lupdate adds a plural text it reads as singular anew and marks the
        # translated one vanished: the translated one is kept.
        for message in sorted(context.findall("message"), key=_untranslated):
            key = (name, message.findtext("source"))
            if key not in wanted or key in seen:
                context.remove(message)
                continue
            seen.add(key)
            if key in translated:
                context.replace(message, translated[key])
                message = translated[key]
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                del translation.attrib["type"]
                if not "".join(str(text) for text in translation.itertext()):
                    translation.set("type", "unfinished")
            if wanted[key] and message.get("numerus") != "yes":
                message.set("numerus", "yes")
                text, translation.text = translation.text or "", None
                for _ in range(plural_forms):
                    etree.SubElement(translation, "numerusform").text = text
        if not context.findall("message"):
            root.remove(context)
            del contexts[name]
    for (name, source), plural in sorted(wanted.items()):
        if (name, source) in seen:
            continue
        context = contexts.get(name)
        if context is None:
            context = contexts[name] = etree.SubElement(root, "context")
            etree.SubElement(context, "name").text = name
        message = etree.SubElement(context, "message")
        etree.SubElement(message, "source").text = source
        translation = etree.SubElement(message, "translation", type="unfinished")
        if plural:
            message.set("numerus", "yes")
            for _ in range(plural_forms):
                etree.SubElement(translation, "numerusform")
    etree.indent(root, space="    ")
    tree.write(str(path), encoding="utf-8", xml_declaration=True,
               doctype="<!DOCTYPE TS>")  # type: ignore[call-arg]  # lxml-stubs lack doctype


def _untranslated(message: etree._Element) -> bool:
    translation = message.find("translation")
    return translation is None or not "".join(str(text) for text in translation.itertext())


if __name__ == "__main__":
    import sys

    complete_ts(Path(sys.argv[1]), Path(sys.argv[2]))
