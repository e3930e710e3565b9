"""Editing a domain's whole XML on the test driver: identity checks, validation, define."""

from __future__ import annotations

import libvirt
import pytest

from kvmgui.core.editing import (
    EditRefused,
    OverviewEdit,
    apply_overview_edit,
    define_edited_xml,
    read_definition_xml,
    read_overview,
    schema_errors,
    validate_edit,
    xml_diff,
)

ALPHA_UUID = "8c1c3b4a-6c1f-4a51-9d8e-0a1b2c3d4e01"
BRAVO_UUID = "8c1c3b4a-6c1f-4a51-9d8e-0a1b2c3d4e02"


def domain_xml(name: str, uuid: str, extra: str = "") -> str:
    return (
        f"<domain type='test'><name>{name}</name><uuid>{uuid}</uuid>"
        f"<memory unit='MiB'>64</memory><os><type>hvm</type></os>{extra}</domain>"
    )


@pytest.fixture
def conn(empty_test_conn: libvirt.virConnect) -> libvirt.virConnect:
    empty_test_conn.defineXML(domain_xml("alpha", ALPHA_UUID))
    empty_test_conn.defineXML(domain_xml("bravo", BRAVO_UUID))
    return empty_test_conn


def alpha_definition(conn: libvirt.virConnect) -> str:
    return read_definition_xml(conn.lookupByUUIDString(ALPHA_UUID))


def test_an_edit_is_defined_and_the_new_definition_returned(conn: libvirt.virConnect) -> None:
    edited = alpha_definition(conn).replace("<vcpu placement='static'>1</vcpu>",
                                            "<vcpu placement='static'>3</vcpu>")
    new = define_edited_xml(conn, ALPHA_UUID, edited)
    assert "<vcpu placement='static'>3</vcpu>" in new
    assert new == alpha_definition(conn)


def test_invalid_xml_is_refused_by_libvirt_and_nothing_changes(conn: libvirt.virConnect) -> None:
    before = alpha_definition(conn)
    with pytest.raises(libvirt.libvirtError) as caught:
        define_edited_xml(conn, ALPHA_UUID, before.replace("</os>", "</os><bogus/>"))
    assert caught.value.get_error_code() == libvirt.VIR_ERR_XML_INVALID_SCHEMA
    assert "bogus" in caught.value.get_error_message()
    assert alpha_definition(conn) == before


@pytest.mark.parametrize(
    ("xml", "says"),
    [
        (domain_xml("bravo", ALPHA_UUID), "name 'bravo' belongs to another VM"),
        (domain_xml("alpha", BRAVO_UUID), f"UUID {BRAVO_UUID} belongs to another VM, bravo"),
        (domain_xml("alpha", "8c1c3b4a-6c1f-4a51-9d8e-0a1b2c3d4eff"), "would define a new VM"),
        ("<domain type='test'><name>alpha</name></domain>", "must keep this VM's <uuid>"),
        ("<domain><name>alpha</name>", "not well-formed"),
        ("<network><name>alpha</name></network>", "not a domain's XML"),
    ],
)
def test_another_vms_identity_or_no_domain_is_refused(
    conn: libvirt.virConnect, xml: str, says: str
) -> None:
    before = {uuid: read_definition_xml(conn.lookupByUUIDString(uuid))
              for uuid in (ALPHA_UUID, BRAVO_UUID)}
    for check in (validate_edit, define_edited_xml):
        with pytest.raises(EditRefused, match=says):
            check(conn, ALPHA_UUID, xml)
    assert {uuid: read_definition_xml(conn.lookupByUUIDString(uuid))
            for uuid in (ALPHA_UUID, BRAVO_UUID)} == before
    assert conn.numOfDefinedDomains() == 2


def test_validation_names_what_the_schema_finds(conn: libvirt.virConnect) -> None:
    good = alpha_definition(conn)
    assert validate_edit(conn, ALPHA_UUID, good) == "The XML is valid."
    with pytest.raises(EditRefused, match="extra content: bogus"):
        validate_edit(conn, ALPHA_UUID, good.replace("</os>", "</os><bogus/>"))
    assert schema_errors(good) == []


def test_the_diff_shows_only_what_changes() -> None:
    old = "<domain>\n  <name>a</name>\n  <vcpu>1</vcpu>\n</domain>\n"
    new = old.replace("<vcpu>1</vcpu>", "<vcpu>2</vcpu>")
    diff = xml_diff(old, new, "a")
    assert diff.splitlines()[:2] == ["--- a (defined)", "+++ a (edited)"]
    assert [line for line in diff.splitlines() if line[:1] in "+-" and line[1:2] in " <"] == [
        "-  <vcpu>1</vcpu>", "+  <vcpu>2</vcpu>",
    ]
    assert xml_diff(old, old, "a") == ""


def test_overview_edits_apply_field_by_field(conn: libvirt.virConnect) -> None:
    dom = conn.lookupByUUIDString(ALPHA_UUID)
    errors = apply_overview_edit(conn, ALPHA_UUID, OverviewEdit(
        name="alpha-2", title="Web server", description="nginx\nand more", autostart=True))
    assert errors == {}
    assert dom.name() in ("alpha", "alpha-2")  # the Python object caches its name
    renamed = conn.lookupByUUIDString(ALPHA_UUID)
    assert renamed.name() == "alpha-2" and renamed.autostart() == 1
    assert read_overview(renamed).description == "nginx\nand more"
    assert "<title>Web server</title>" in read_definition_xml(renamed)
    assert apply_overview_edit(conn, ALPHA_UUID, OverviewEdit(title="")) == {}
    assert "<title>" not in read_definition_xml(renamed)


def test_overview_refusals_are_said_per_field_and_the_rest_applies(
    conn: libvirt.virConnect,
) -> None:
    dom = conn.lookupByUUIDString(ALPHA_UUID)
    dom.create()
    errors = apply_overview_edit(conn, ALPHA_UUID, OverviewEdit(
        name="alpha-2", title="two\nlines", description="still applied"))
    assert errors == {
        "name": "libvirt renames only shut-off VMs: shut it down first.",
        "title": "A title is one line; the description holds more.",
    }
    assert read_overview(dom).description == "still applied"
    assert apply_overview_edit(conn, ALPHA_UUID, OverviewEdit(name="bad name!")) == {
        "name": "Use letters, digits and . _ + - only, starting with a letter or digit."}
    assert read_overview(dom).firmware == "BIOS"
