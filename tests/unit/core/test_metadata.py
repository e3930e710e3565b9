"""kvmgui's metadata: its XML, and reading and writing it on the test driver."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest
from lxml import etree

from kvmgui.core.metadata import (
    KVMGUI_NS,
    NO_METADATA,
    KvmguiMetadata,
    change_tags,
    metadata_in_domain,
    read_metadata,
    set_metadata_in_domain,
    validate_tag,
    write_metadata,
)
from kvmgui.core.xml.properties import parse_xml
from tests.fleet import RUNNING, SHUTOFF, FleetDomain, write_node


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    fleet = [FleetDomain("on", RUNNING), FleetDomain("off", SHUTOFF, title="Off")]
    connection = libvirt.open(f"test://{write_node(tmp_path / 'fleet.xml', fleet)}")
    yield connection
    connection.close()


def test_tags_are_one_lower_case_word() -> None:
    assert validate_tag("web") is None and validate_tag("k8s.node-1") is None
    assert validate_tag("two words") and validate_tag("") and validate_tag("x" * 41)
    meta = KvmguiMetadata().with_tags(["Web", "db", "web"])
    assert meta.tags == ("db", "web")
    assert meta.with_tags(removed=["WEB"]).tags == ("db",)


def test_set_in_domain_keeps_other_metadata_and_reads_back() -> None:
    root = parse_xml(
        "<domain><name>a</name><uuid>u</uuid><memory>1</memory><metadata>"
        "<os xmlns='http://libosinfo.org/xmlns/libvirt/domain/1.0'/></metadata></domain>"
    )
    meta = KvmguiMetadata(tags=("web",), template=True, ssh_user="dev", throwaway_id="1a2b")
    set_metadata_in_domain(root, meta)
    assert metadata_in_domain(root) == meta
    assert len(root.findall("metadata/*")) == 2  # the libosinfo element stays
    set_metadata_in_domain(root, NO_METADATA)
    assert metadata_in_domain(root) == NO_METADATA
    assert len(root.findall("metadata/*")) == 1


def test_set_in_domain_puts_metadata_where_libvirt_does() -> None:
    root = parse_xml("<domain><name>a</name><title>t</title><memory>1</memory></domain>")
    set_metadata_in_domain(root, KvmguiMetadata(tags=("x",)))
    assert [el.tag for el in root] == ["name", "title", "metadata", "memory"]
    assert root.find(f"metadata/{{{KVMGUI_NS}}}kvmgui") is not None
    set_metadata_in_domain(root, NO_METADATA)
    assert [el.tag for el in root] == ["name", "title", "memory"]


@pytest.mark.parametrize("name", ["on", "off"])
def test_write_and_read_on_running_and_shut_off_domains(
    conn: libvirt.virConnect, name: str
) -> None:
    dom = conn.lookupByName(name)
    assert read_metadata(dom) == NO_METADATA
    meta = KvmguiMetadata(tags=("db", "web"), template=True, ssh_user="dev")
    write_metadata(dom, meta)
    assert read_metadata(dom) == meta
    # In the definition too: a running domain keeps it after it stops.
    inactive = parse_xml(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    assert metadata_in_domain(inactive) == meta
    write_metadata(dom, NO_METADATA)
    assert read_metadata(dom) == NO_METADATA


def test_change_tags_refuses_bad_tags_and_keeps_the_rest(conn: libvirt.virConnect) -> None:
    dom = conn.lookupByName("off")
    write_metadata(dom, KvmguiMetadata(ssh_user="dev"))
    assert change_tags(dom, added=["web"]) == KvmguiMetadata(tags=("web",), ssh_user="dev")
    with pytest.raises(ValueError, match="one word"):
        change_tags(dom, added=["two words"])
    assert read_metadata(dom).tags == ("web",)
    xml = etree.tostring(parse_xml(dom.XMLDesc(0))).decode()
    assert KVMGUI_NS in xml
