"""The domain XML model on a corpus of varied, virt-manager-style domains (tests/data/domains,
each valid against libvirt's RNG schema, the one virt-xml-validate uses): parse → build is
lossless, and every property of every device kind reads, writes and restores losslessly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from kvmgui.core.editing import schema_errors
from kvmgui.core.xml.model import Domain
from kvmgui.core.xml.properties import (
    BoolProperty,
    ChildList,
    FlagProperty,
    IntProperty,
    KibProperty,
    StrProperty,
    XmlObject,
)

CORPUS = sorted((Path(__file__).resolve().parents[2] / "data" / "domains").glob("*.xml"))
TEXTS = {path.name: path.read_text() for path in CORPUS}
# Every list of things a domain holds: its devices, boot entries, timers, firmware features.
KINDS = sorted(name for name, value in vars(Domain).items() if isinstance(value, ChildList))
Property = StrProperty | IntProperty | BoolProperty | KibProperty | FlagProperty


def canonical(xml: str) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(xml.encode(), parser), method="c14n")


def properties(cls: type[XmlObject]) -> dict[str, Property]:
    found: dict[str, Property] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, (StrProperty, IntProperty, BoolProperty, KibProperty,
                                  FlagProperty)):
                found[name] = value
    return found


def test_the_corpus_is_large_and_valid() -> None:
    assert len(CORPUS) >= 30
    invalid = {name: errors for name, text in TEXTS.items() if (errors := schema_errors(text))}
    assert invalid == {}


def test_every_kind_appears_in_the_corpus() -> None:
    missing = [kind for kind in KINDS
               if not any(len(getattr(Domain.from_xml(t), kind)) for t in TEXTS.values())]
    assert missing == []


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_parse_then_build_is_lossless(name: str) -> None:
    assert canonical(Domain.from_xml(TEXTS[name]).to_xml()) == canonical(TEXTS[name])


def _value(prop: Property) -> st.SearchStrategy[object]:
    if isinstance(prop, FlagProperty | BoolProperty):
        return st.booleans()
    if isinstance(prop, IntProperty | KibProperty):
        return st.integers(min_value=0, max_value=2**40)
    if prop.choices:
        return st.sampled_from(prop.choices)
    return st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str, int, str, object]:
    """A corpus file, a kind it holds, one of its items, one of its properties, a value."""
    name = draw(st.sampled_from(sorted(TEXTS)))
    domain = Domain.from_xml(TEXTS[name])
    kind = draw(st.sampled_from([k for k in KINDS if len(getattr(domain, k))]))
    items = getattr(domain, kind)
    index = draw(st.integers(min_value=0, max_value=len(items) - 1))
    props = properties(type(items[index]))
    prop_name = draw(st.sampled_from(sorted(props)))
    return name, kind, index, prop_name, draw(_value(props[prop_name]))


@settings(max_examples=300, deadline=None)
@given(edits())
def test_an_edit_reads_back_and_undoing_it_restores_the_document(
    edit: tuple[str, str, int, str, object],
) -> None:
    name, kind, index, prop_name, value = edit
    domain = Domain.from_xml(TEXTS[name])
    item = getattr(domain, kind)[index]
    original = getattr(item, prop_name)
    setattr(item, prop_name, value)
    assert getattr(item, prop_name) == value
    setattr(item, prop_name, original)
    assert getattr(item, prop_name) == original
    assert canonical(domain.to_xml()) == canonical(TEXTS[name])


@pytest.mark.parametrize("kind", KINDS)
def test_an_item_built_from_parsed_values_reads_the_same(kind: str) -> None:
    """Every item of the kind in the corpus, rebuilt on a new element from what the
    model read, reads back the same values: what is parsed can be built."""
    for text in TEXTS.values():
        for item in getattr(Domain.from_xml(text), kind):
            props = properties(type(item))
            built = type(item)()
            for prop_name in props:
                setattr(built, prop_name, getattr(item, prop_name))
            assert {p: getattr(built, p) for p in props} == {p: getattr(item, p) for p in props}
