"""kvmgui's own metadata on a domain: tags, the template flag, the SSH user.

It lives in the domain's ``<metadata>`` under one namespace for everything
kvmgui keeps there, so it survives other tools (virsh edit keeps it) and
every kvmgui that watches the domain sees a change through libvirt's
metadata-change event::

    <metadata>
      <kvmgui:kvmgui xmlns:kvmgui="https://kvmgui.org/xmlns/libvirt/domain/1.0">
        <kvmgui:tag>web</kvmgui:tag>
        <kvmgui:template/>
        <kvmgui:ssh user="dev"/>
        <kvmgui:throwaway id="1f3a9c0e"/>   (a throwaway VM, see core/throwaway.py)
      </kvmgui:kvmgui>
    </metadata>
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import libvirt
from lxml import etree

from kvmgui.core.xml.properties import parse_xml

KVMGUI_NS = "https://kvmgui.org/xmlns/libvirt/domain/1.0"
KVMGUI_PREFIX = "kvmgui"
_ROOT = f"{{{KVMGUI_NS}}}kvmgui"
_TAG_RE = re.compile(r"[\w.+-]{1,40}")


def validate_tag(tag: str) -> str | None:
    """Why ``tag`` cannot be a tag, or None (one word: the filter box splits on spaces)."""
    if not _TAG_RE.fullmatch(tag):
        return "A tag is one word of up to 40 letters, digits, '_', '.', '+' or '-'."
    return None


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags lower-cased, without repeats, in sorted order (how they are stored and shown)."""
    return tuple(sorted({tag.strip().lower() for tag in tags if tag.strip()}))


@dataclass(frozen=True, slots=True)
class KvmguiMetadata:
    """What kvmgui keeps on one domain."""

    tags: tuple[str, ...] = ()
    template: bool = False
    ssh_user: str = ""
    throwaway_id: str = ""

    def with_tags(self, added: Iterable[str] = (), removed: Iterable[str] = ()) -> KvmguiMetadata:
        gone = set(normalize_tags(removed))
        return replace(
            self, tags=normalize_tags(t for t in (*self.tags, *added) if t.lower() not in gone)
        )


NO_METADATA = KvmguiMetadata()


def parse_metadata(element: etree._Element | None) -> KvmguiMetadata:
    """Read kvmgui's element (the ``kvmgui:kvmgui`` node); None reads as no metadata."""
    if element is None:
        return NO_METADATA
    # Children in any namespace or none: libvirt stores what setMetadata was
    # given (children without one) with the root's namespace put on them.
    ssh = element.find("{*}ssh")
    throwaway = element.find("{*}throwaway")
    return KvmguiMetadata(
        tags=normalize_tags(el.text or "" for el in element.iterfind("{*}tag")),
        template=element.find("{*}template") is not None,
        ssh_user=(ssh.get("user") or "") if ssh is not None else "",
        throwaway_id=(throwaway.get("id") or "") if throwaway is not None else "",
    )


def metadata_element(meta: KvmguiMetadata, *, namespaced: bool = True) -> etree._Element:
    """kvmgui's element for ``meta``: in kvmgui's namespace for a domain's XML,
    or in none for ``setMetadata``, which refuses one and adds its own."""
    ns = f"{{{KVMGUI_NS}}}" if namespaced else ""
    root = etree.Element(f"{ns}kvmgui", nsmap={KVMGUI_PREFIX: KVMGUI_NS} if namespaced else None)
    for tag in meta.tags:
        etree.SubElement(root, f"{ns}tag").text = tag
    if meta.template:
        etree.SubElement(root, f"{ns}template")
    if meta.ssh_user:
        etree.SubElement(root, f"{ns}ssh", user=meta.ssh_user)
    if meta.throwaway_id:
        etree.SubElement(root, f"{ns}throwaway", id=meta.throwaway_id)
    return root


def metadata_in_domain(domain: etree._Element) -> KvmguiMetadata:
    """kvmgui's metadata in a ``<domain>`` tree."""
    return parse_metadata(domain.find(f"metadata/{_ROOT}"))


def set_metadata_in_domain(domain: etree._Element, meta: KvmguiMetadata) -> None:
    """Replace kvmgui's metadata in a ``<domain>`` tree (e.g. a clone's, before it is defined)."""
    container = domain.find("metadata")
    if container is not None:
        for old in container.findall(_ROOT):
            container.remove(old)
    if meta == NO_METADATA:
        if container is not None and len(container) == 0:
            domain.remove(container)
        return
    if container is None:
        container = etree.SubElement(domain, "metadata")
        # libvirt's place for it, after the name, uuid, title and description.
        anchor = max(
            (domain.index(el) for tag in ("name", "uuid", "genid", "title", "description")
             if (el := domain.find(tag)) is not None),
            default=-1,
        )
        domain.insert(anchor + 1, container)
    container.append(metadata_element(meta))


def read_metadata(dom: libvirt.virDomain) -> KvmguiMetadata:
    """kvmgui's metadata on ``dom`` (one RPC); a domain without any reads as empty."""
    try:
        xml = dom.metadata(libvirt.VIR_DOMAIN_METADATA_ELEMENT, KVMGUI_NS, 0)
    except libvirt.libvirtError as err:
        if err.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN_METADATA:
            return NO_METADATA
        raise
    return parse_metadata(parse_xml(xml))


def write_metadata(dom: libvirt.virDomain, meta: KvmguiMetadata) -> None:
    """Store ``meta`` on ``dom``: in its definition and, while it runs, in its live state."""
    flags = 0
    if dom.isActive():
        flags |= libvirt.VIR_DOMAIN_AFFECT_LIVE
    if dom.isPersistent():
        flags |= libvirt.VIR_DOMAIN_AFFECT_CONFIG
    if meta == NO_METADATA:
        dom.setMetadata(libvirt.VIR_DOMAIN_METADATA_ELEMENT, None, None, KVMGUI_NS, flags)
        return
    xml = etree.tostring(metadata_element(meta, namespaced=False), encoding="unicode")
    dom.setMetadata(libvirt.VIR_DOMAIN_METADATA_ELEMENT, xml, KVMGUI_PREFIX, KVMGUI_NS, flags)


def change_tags(
    dom: libvirt.virDomain, added: Iterable[str] = (), removed: Iterable[str] = ()
) -> KvmguiMetadata:
    """Add and remove tags on ``dom`` (read, change, write); the metadata now stored."""
    added, removed = tuple(added), tuple(removed)
    for tag in added:
        problem = validate_tag(tag)
        if problem:
            raise ValueError(f"{tag!r}: {problem}")
    meta = read_metadata(dom).with_tags(added, removed)
    write_metadata(dom, meta)
    return meta
