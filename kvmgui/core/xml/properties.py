"""Declarative XML binding: a property declared once reads and writes a libvirt XML node.

An ``XmlObject`` is a view over one lxml element. Its class declares properties
bound to a small XPath subset relative to that element (``./target/@dev``,
``./os/firmware/feature[@name='secure-boot']/@enabled``, ``./vcpu``). Reading
evaluates the path; setting creates the missing elements (with the attributes
of their ``[@a='v']`` predicates) and setting ``None`` removes the value and
the elements left empty. Everything is edited in place, so nodes the model does
not know survive a parse → edit → ``to_xml`` round trip.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, Self, TypeVar, overload

from lxml import etree

LIBOSINFO_NS = "http://libosinfo.org/xmlns/libvirt/domain/1.0"
# Prefixes usable in property paths.
NAMESPACES = {"libosinfo": LIBOSINFO_NS}

# The order libvirt writes children in (its domain_conf.c format order). New
# elements are inserted at their place, so a built document reads like one
# libvirt wrote and an edited one keeps its shape. Tags not listed go last.
CHILD_ORDER: dict[str, tuple[str, ...]] = {
    "domain": (
        "name", "uuid", "genid", "title", "description", "metadata", "maxMemory",
        "memory", "currentMemory", "blkiotune", "memtune", "memoryBacking", "vcpu",
        "vcpus", "iothreads", "cputune", "numatune", "resource", "sysinfo", "bootloader",
        "bootloader_args", "os", "idmap", "features", "cpu", "clock", "on_poweroff",
        "on_reboot", "on_crash", "on_lockfailure", "pm", "perf", "devices",
        "seclabel", "keywrap", "launchSecurity",
    ),
    "os": (
        "type", "firmware", "loader", "nvram", "init", "kernel", "initrd", "cmdline",
        "dtb", "acpi", "boot", "bootmenu", "smbios", "bios",
    ),
    "devices": (
        "emulator", "disk", "controller", "lease", "filesystem", "interface",
        "smartcard", "serial", "parallel", "console", "channel", "input", "tpm",
        "graphics", "sound", "audio", "video", "hostdev", "redirdev", "redirfilter",
        "hub", "watchdog", "memballoon", "rng", "panic", "shmem", "memory", "iommu",
        "vsock", "crypto",
    ),
    "disk": (
        "driver", "source", "backingStore", "target", "iotune", "boot", "readonly",
        "shareable", "transient", "serial", "wwn", "vendor", "product", "encryption",
        "alias", "address",
    ),
    "interface": (
        "mac", "source", "target", "model", "driver", "boot", "link", "mtu",
        "alias", "address",
    ),
    "graphics": ("listen", "image", "channel", "gl"),
    "serial": ("source", "target", "log", "alias", "address"),
    "console": ("source", "target", "log", "alias", "address"),
    "channel": ("source", "target", "alias", "address"),
}


class UnsafeXmlError(ValueError):
    """The document declares a DTD; libvirt never writes one, entities could expand."""


def _parser() -> etree.XMLParser:
    # A parser per document: a parser holds the state of one parse, and stats,
    # listing and editors parse from several threads.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def parse_xml(xml: str | bytes) -> etree._Element:
    """The root element of ``xml``, refusing DTDs and network access (defusedxml's rules)."""
    data = xml.encode() if isinstance(xml, str) else xml
    root = etree.fromstring(data, _parser())
    if root.getroottree().docinfo.internalDTD is not None:
        raise UnsafeXmlError("XML with a DOCTYPE is refused")
    return root


def _clark(name: str) -> str:
    prefix, _, local = name.rpartition(":")
    return f"{{{NAMESPACES[prefix]}}}{local}" if prefix else local


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


@dataclass(frozen=True)
class _Step:
    """One element of a path: its tag and the attributes that pick it out."""

    tag: str  # as written in the path, maybe with a prefix
    predicates: tuple[tuple[str, str], ...]

    def matches(self, el: etree._Element) -> bool:
        return el.tag == _clark(self.tag) and all(el.get(a) == v for a, v in self.predicates)


_STEP_RE = re.compile(r"(?P<tag>[\w.-]+(?::[\w.-]+)?)(?P<preds>(?:\[@[\w.-]+='[^']*'\])*)")
_PRED_RE = re.compile(r"\[@([\w.-]+)='([^']*)'\]")


def _parse_path(path: str) -> tuple[tuple[_Step, ...], str | None]:
    """``./a/b[@x='y']/@c`` → steps (a, b[x=y]) and the attribute ``c`` (None for text)."""
    if not path.startswith("."):
        raise ValueError(f"property paths are relative: {path!r}")
    parts = [p for p in path.split("/")[1:] if p]
    attr = parts.pop()[1:] if parts and parts[-1].startswith("@") else None
    steps = []
    for part in parts:
        m = _STEP_RE.fullmatch(part)
        if m is None:
            raise ValueError(f"unsupported path step {part!r} in {path!r}")
        steps.append(_Step(m["tag"], tuple(_PRED_RE.findall(m["preds"]))))
    return tuple(steps), attr


_NOT_ELEMENTS = (etree._Comment, etree._ProcessingInstruction, etree._Entity)


def _insert_child(parent: etree._Element, child: etree._Element) -> None:
    """Insert ``child`` at libvirt's place for its tag, after siblings of the same tag."""
    order = CHILD_ORDER.get(_local(parent.tag), ())
    tag = _local(child.tag)
    if tag in order:
        rank = order.index(tag)
        later = (
            i for i, sibling in enumerate(parent)
            # Comments and processing instructions stay where they are.
            if not isinstance(sibling, _NOT_ELEMENTS)
            and _local(sibling.tag) in order
            and order.index(_local(sibling.tag)) > rank
        )
        position = next(later, len(parent))
    else:
        same = [i for i, sibling in enumerate(parent) if sibling.tag == child.tag]
        position = same[-1] + 1 if same else len(parent)
    parent.insert(position, child)


def _new_element(parent: etree._Element, step: _Step) -> etree._Element:
    prefix, _, _ = step.tag.rpartition(":")
    nsmap = None
    if prefix and NAMESPACES[prefix] not in parent.nsmap.values():
        nsmap = {prefix: NAMESPACES[prefix]}
    el = etree.Element(_clark(step.tag), dict(step.predicates), nsmap=nsmap)
    _insert_child(parent, el)
    return el


def _is_empty(el: etree._Element, ignored_attrs: Sequence[str]) -> bool:
    """Whether ``el`` holds nothing but the ``ignored_attrs``."""
    return (
        len(el) == 0
        and not (el.text or "").strip()
        and all(name in ignored_attrs for name in el.attrib)
    )


class _Path:
    """Where a value lives below a node: element steps, then an attribute or the text."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.steps, self.attr = _parse_path(path)
        self._xpath = etree.XPath(path, namespaces=NAMESPACES)

    def find(self, node: etree._Element) -> etree._Element | None:
        """The element the value lives on, or None when some step is missing."""
        el = node
        for step in self.steps:
            found = next((c for c in el if step.matches(c)), None)
            if found is None:
                return None
            el = found
        return el

    def ensure(self, node: etree._Element) -> etree._Element:
        """The element the value lives on, created with its missing parents."""
        el = node
        for step in self.steps:
            found = next((c for c in el if step.matches(c)), None)
            el = found if found is not None else _new_element(el, step)
        return el

    def read(self, node: etree._Element) -> str | None:
        if self.attr is None:
            # The element's own text, not a child's tail (<backend> holding <source>s):
            # an element without text still exists and reads as "".
            el = self.find(node)
            return None if el is None else el.text or ""
        found = self._xpath(node)
        assert isinstance(found, list)
        return str(found[0]) if found else None

    def write(self, node: etree._Element, raw: str | None) -> None:
        if raw is None:
            self.remove(node)
            return
        el = self.ensure(node)
        if self.attr is not None:
            el.set(self.attr, raw)
        else:
            el.text = raw or None

    def remove(self, node: etree._Element) -> None:
        """Remove the value, then the elements it alone kept (never ``node`` itself)."""
        chain = [node]
        for step in self.steps:
            found = next((c for c in chain[-1] if step.matches(c)), None)
            if found is None:
                return
            chain.append(found)
        if self.attr is not None:
            if self.attr in chain[-1].attrib:
                del chain[-1].attrib[self.attr]
        else:
            chain[-1].text = None
        for el, step in zip(reversed(chain[1:]), reversed(self.steps), strict=True):
            # A text value's own element goes with its attributes (<memory unit>),
            # but never with child elements.
            ignored = [str(a) for a in el.attrib] if self.attr is None and el is chain[-1] else []
            ignored += [a for a, _ in step.predicates]
            if not _is_empty(el, ignored):
                break
            parent = el.getparent()
            assert parent is not None
            parent.remove(el)


T = TypeVar("T")


class XmlProperty(Generic[T]):
    """A typed value at a path below an ``XmlObject``'s node; ``None`` when absent."""

    def __init__(self, path: str) -> None:
        self._path = _Path(path)
        self.name = path

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = f"{owner.__name__}.{name}"

    def _decode(self, raw: str) -> T:
        raise NotImplementedError

    def _encode(self, value: T) -> str:
        raise NotImplementedError

    def read(self, node: etree._Element) -> T | None:
        raw = self._path.read(node)
        return None if raw is None else self._decode(raw)

    def write(self, node: etree._Element, value: T | None) -> None:
        self._path.write(node, None if value is None else self._encode(value))

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: XmlObject, owner: type) -> T | None: ...
    def __get__(self, obj: XmlObject | None, owner: type) -> Self | T | None:
        return self if obj is None else self.read(obj.node)

    def __set__(self, obj: XmlObject, value: T | None) -> None:
        self.write(obj.node, value)


class StrProperty(XmlProperty[str]):
    """A string; ``choices`` (when given) are the only values that may be written."""

    def __init__(self, path: str, choices: Sequence[str] = ()) -> None:
        super().__init__(path)
        self.choices = tuple(choices)

    def _decode(self, raw: str) -> str:
        return raw

    def _encode(self, value: str) -> str:
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.name} must be one of {self.choices}, not {value!r}")
        return value


class IntProperty(XmlProperty[int]):
    """An integer (decimal, or 0x hex as libvirt writes addresses)."""

    def _decode(self, raw: str) -> int:
        return int(raw, 0) if raw.lower().startswith("0x") else int(raw)

    def _encode(self, value: int) -> str:
        return str(value)


class BoolProperty(XmlProperty[bool]):
    """A yes/no (or on/off) value."""

    def __init__(self, path: str, words: tuple[str, str] = ("yes", "no")) -> None:
        super().__init__(path)
        self.words = words

    def _decode(self, raw: str) -> bool:
        return raw == self.words[0]

    def _encode(self, value: bool) -> str:
        return self.words[0] if value else self.words[1]


_UNITS = {
    "b": 1, "bytes": 1,
    "kb": 1000, "k": 1024, "kib": 1024,
    "mb": 1000**2, "m": 1024**2, "mib": 1024**2,
    "gb": 1000**3, "g": 1024**3, "gib": 1024**3,
    "tb": 1000**4, "t": 1024**4, "tib": 1024**4,
}


class KibProperty(XmlProperty[int]):
    """A size element with a ``unit`` attribute (libvirt's default KiB), read as KiB.

    Written in MiB when whole, as people write memory sizes, else in KiB.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path)
        if self._path.attr is not None:
            raise ValueError("a size is an element's text, not an attribute")
        self._unit = _Path(f"{path}/@unit")

    def read(self, node: etree._Element) -> int | None:
        raw = self._path.read(node)
        if raw is None:
            return None
        unit = self._unit.read(node) or "KiB"
        factor = _UNITS.get(unit.lower())
        if factor is None:
            raise ValueError(f"unknown size unit {unit!r} in {self.name}")
        return int(raw) * factor // 1024

    def write(self, node: etree._Element, value: int | None) -> None:
        if value is None:
            self._path.write(node, None)
            return
        whole_mib = value % 1024 == 0
        self._path.write(node, str(value // 1024 if whole_mib else value))
        self._unit.write(node, "MiB" if whole_mib else "KiB")


class FlagProperty:
    """An empty element whose presence means True (``<readonly/>``, ``<acpi/>``)."""

    def __init__(self, path: str) -> None:
        self._path = _Path(path)
        if self._path.attr is not None:
            raise ValueError("a flag is an element, not an attribute")

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: XmlObject, owner: type) -> bool: ...
    def __get__(self, obj: XmlObject | None, owner: type) -> Self | bool:
        if obj is None:
            return self
        return self._path.find(obj.node) is not None

    def __set__(self, obj: XmlObject, value: bool) -> None:
        if value:
            self._path.ensure(obj.node)
        else:
            self._path.remove(obj.node)


class XmlObject:
    """A view over one element; subclasses set ``TAG`` and declare properties."""

    TAG: ClassVar[str]

    def __init__(self, node: etree._Element | None = None) -> None:
        """Wrap ``node``, or a new empty ``<TAG>`` element (detached until appended)."""
        if node is None:
            node = etree.Element(self.TAG)
        elif _local(node.tag) != self.TAG:
            raise ValueError(f"{type(self).__name__} wraps <{self.TAG}>, not <{node.tag}>")
        self.node = node

    @classmethod
    def from_xml(cls, xml: str | bytes) -> Self:
        return cls(parse_xml(xml))

    def to_xml(self) -> str:
        """This element as indented XML; the live tree's whitespace is left alone."""
        root = copy.deepcopy(self.node)
        etree.indent(root, space="  ")
        return etree.tostring(root, encoding="unicode") + "\n"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, XmlObject) and other.node is self.node

    def __hash__(self) -> int:
        return id(self.node)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {etree.tostring(self.node, encoding='unicode')[:80]}>"


X = TypeVar("X", bound=XmlObject)


class ChildList(Generic[X]):
    """The ``<TAG>`` children of the element at ``parent_path`` as objects of ``cls``."""

    def __init__(self, cls: type[X], parent_path: str = ".") -> None:
        self.cls = cls
        self._parent = _Path(parent_path)

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: XmlObject, owner: type) -> ChildListView[X]: ...
    def __get__(self, obj: XmlObject | None, owner: type) -> Self | ChildListView[X]:
        if obj is None:
            return self
        return ChildListView(self, obj.node)

    def parent(self, node: etree._Element, create: bool) -> etree._Element | None:
        return self._parent.ensure(node) if create else self._parent.find(node)


class ChildListView(Sequence[X]):
    """A live list: reading re-reads the tree; ``append``/``remove`` edit it."""

    def __init__(self, spec: ChildList[X], node: etree._Element) -> None:
        self._spec = spec
        self._node = node

    def _items(self) -> list[X]:
        parent = self._spec.parent(self._node, create=False)
        if parent is None:
            return []
        tag = self._spec.cls.TAG
        return [self._spec.cls(c) for c in parent if c.tag == tag]

    @overload
    def __getitem__(self, index: int) -> X: ...
    @overload
    def __getitem__(self, index: slice) -> list[X]: ...
    def __getitem__(self, index: int | slice) -> X | list[X]:
        return self._items()[index]

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self) -> Iterator[X]:
        return iter(self._items())

    def append(self, item: X) -> X:
        """Insert ``item``'s element (moved if it was elsewhere), creating the parent."""
        parent = self._spec.parent(self._node, create=True)
        assert parent is not None
        _insert_child(parent, item.node)
        return item

    def remove(self, item: X) -> None:
        parent = self._spec.parent(self._node, create=False)
        if parent is None or item.node.getparent() is not parent:
            raise ValueError(f"{item!r} is not in this list")
        parent.remove(item.node)
