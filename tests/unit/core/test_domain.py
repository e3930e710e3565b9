"""Reading domains from libvirt's test driver into DomainInfo snapshots."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import libvirt
import pytest

from kvmgui.core.domain import (
    DomainInfo,
    DomainState,
    Labels,
    list_domains,
    read_domain,
    read_domain_xml,
)
from kvmgui.core.lifecycle import Action, undefine
from kvmgui.core.metadata import KvmguiMetadata, change_tags
from tests.fleet import CRASHED, PAUSED, RUNNING, SHUTOFF, FleetDomain, write_node

FLEET = [
    FleetDomain("web", RUNNING, vcpus=2, memory_mib=2048, title="Front end"),
    FleetDomain("db", PAUSED, vcpus=4, memory_mib=4096),
    FleetDomain("old", SHUTOFF, managed_save=True),
    FleetDomain("broken", CRASHED),
]


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    connection = libvirt.open(f"test://{write_node(tmp_path / 'fleet.xml', FLEET)}")
    yield connection
    connection.close()


def by_name(infos: list[DomainInfo]) -> dict[str, DomainInfo]:
    return {info.name: info for info in infos}


def test_list_domains_reads_every_column_in_bulk(conn: libvirt.virConnect) -> None:
    infos, unlabelled = list_domains(conn, known_labels={})
    domains = by_name(infos)
    assert set(domains) == {"web", "db", "old", "broken"}
    web = domains["web"]
    assert (web.state, web.vcpus, web.memory_kib) == (DomainState.RUNNING, 2, 2048 * 1024)
    assert web.persistent and not web.autostart
    assert domains["db"].state is DomainState.PAUSED
    assert domains["old"].managed_save and domains["old"].state_text == "Saved"
    assert domains["broken"].state_text == "Crashed"
    # Titles and tags cost calls per domain: they are read afterwards, not in the listing.
    assert web.title == "" and set(unlabelled) == {info.uuid for info in infos}


def test_a_listing_without_sizes_makes_no_per_domain_call(conn: libvirt.virConnect) -> None:
    full, _ = list_domains(conn, known_labels={})
    bulk, unlabelled = list_domains(conn, known_labels={}, with_sizes=False)
    assert {(i.vcpus, i.memory_kib, i.max_memory_kib) for i in bulk} == {(0, 0, 0)}
    # Everything else is the same as a full listing's.
    assert [replace(i, vcpus=0, memory_kib=0, max_memory_kib=0) for i in full] == bulk
    assert set(unlabelled) == {info.uuid for info in bulk}


def test_known_labels_are_carried_over(conn: libvirt.virConnect) -> None:
    infos, _ = list_domains(conn, known_labels={})
    web = by_name(infos)["web"]
    labels = Labels("Front end", KvmguiMetadata(tags=("web",)))
    again, unlabelled = list_domains(conn, known_labels={web.uuid: labels})
    assert by_name(again)["web"].title == "Front end"
    assert by_name(again)["web"].tags == ("web",)
    assert web.uuid not in unlabelled


def test_read_domain_reads_tags_written_by_change_tags(conn: libvirt.virConnect) -> None:
    dom = conn.lookupByName("web")
    change_tags(dom, added=["Web", "front"])
    info = read_domain(dom)
    assert info.tags == ("front", "web")
    assert "front" in info.search_text.split("\n")
    change_tags(dom, removed=["web"])
    assert read_domain(dom).tags == ("front",)


def test_read_domain_includes_title_and_reason(conn: libvirt.virConnect) -> None:
    web = read_domain(conn.lookupByName("web"))
    assert web.title == "Front end"
    assert web.state is DomainState.RUNNING
    db = read_domain(conn.lookupByName("db"))
    assert db.title == ""  # libvirt raises for a missing title; it reads as empty


def test_search_text_covers_name_title_state() -> None:
    info = DomainInfo("u-1", "Web", DomainState.PAUSED, 1, 1, 1024, 1024, True, False, False,
                      Labels("Front End"))
    assert {"web", "front end", "paused (by user)", "u-1"} <= set(info.search_text.split("\n"))


@pytest.mark.parametrize(
    ("state", "persistent", "allowed"),
    [
        (DomainState.SHUTOFF, True, {Action.START}),
        (DomainState.RUNNING, True,
         {Action.PAUSE, Action.SHUTDOWN, Action.REBOOT, Action.FORCE_OFF, Action.SAVE}),
        (DomainState.RUNNING, False,
         {Action.PAUSE, Action.SHUTDOWN, Action.REBOOT, Action.FORCE_OFF}),
        (DomainState.PAUSED, True, {Action.RESUME, Action.FORCE_OFF, Action.SAVE}),
        (DomainState.CRASHED, True, {Action.START, Action.FORCE_OFF}),
    ],
)
def test_actions_allowed_by_state(
    state: DomainState, persistent: bool, allowed: set[Action]
) -> None:
    info = DomainInfo("u", "vm", state, 0, 1, 1024, 1024, persistent, False, False)
    assert {action for action in Action if action.allowed_for(info)} == allowed
    for action in set(Action) - allowed:
        assert action.refusal(info).startswith("vm is ")


def test_undefine_stops_and_removes_managed_save(conn: libvirt.virConnect) -> None:
    undefine(conn.lookupByName("web"))  # running: forced off first
    undefine(conn.lookupByName("old"))  # has a managed save image
    assert sorted(d.name() for d in conn.listAllDomains()) == ["broken", "db"]


def test_read_domain_xml_is_the_live_definition(conn: libvirt.virConnect) -> None:
    dom = conn.lookupByName("web")
    xml = read_domain_xml(dom)
    assert "<name>web</name>" in xml
    dom.setMemory(1024 * 1024)  # KiB: a running domain's current memory changes live
    assert "<currentMemory unit='KiB'>1048576</currentMemory>" in read_domain_xml(dom)


def test_a_domain_started_without_a_definition_is_listed_as_transient(
    conn: libvirt.virConnect,
) -> None:
    conn.createXML(
        "<domain type='test'><name>kvmgui-test-transient</name><memory>65536</memory>"
        "<os><type>hvm</type></os></domain>"
    )
    domains = by_name(list_domains(conn, known_labels={})[0])
    assert not domains["kvmgui-test-transient"].persistent
    assert domains["web"].persistent and domains["old"].persistent
