"""Editing a defined domain's whole XML: checks, the diff shown first, the define.

The XML edited is the domain's definition (what its next boot uses), with its
secrets: defining XML read without them would drop a display's password.
kvmgui refuses, before libvirt sees it, XML that would define or overwrite a
domain other than the one edited; libvirt validates the rest against its
schema (``VIR_DOMAIN_DEFINE_VALIDATE``).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import libvirt
from lxml import etree

from kvmgui.core.addresses import AddressSource, read_addresses
from kvmgui.core.errors import is_connection_broken
from kvmgui.core.texts import Translatable
from kvmgui.core.xml.domain import validate_vm_name
from kvmgui.core.xml.model import Domain
from kvmgui.core.xml.properties import UnsafeXmlError, parse_xml

DEFINITION_XML_FLAGS = libvirt.VIR_DOMAIN_XML_INACTIVE | libvirt.VIR_DOMAIN_XML_SECURE
# Where libvirt-clients installs the schemas virt-xml-validate and the daemon use.
DOMAIN_SCHEMA = Path("/usr/share/libvirt/schemas/domain.rng")


class EditRefused(Exception):
    """An edit kvmgui refuses before libvirt sees it; the message is for the user."""


def read_definition_xml(dom: libvirt.virDomain) -> str:
    """The domain's definition (what its next boot uses), with its secrets."""
    return dom.XMLDesc(DEFINITION_XML_FLAGS)


def xml_diff(old: str, new: str, name: str) -> str:
    """A unified diff of a domain's definition and an edit of it ("" when equal)."""
    return "".join(difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True),
        fromfile=f"{name} (defined)", tofile=f"{name} (edited)",
    ))


def parse_domain(xml: str) -> Domain:
    """The edited XML as a domain, or EditRefused saying why it is none."""
    try:
        root = parse_xml(xml)
    except etree.XMLSyntaxError as err:
        raise EditRefused(
            Translatable("editing", "The XML is not well-formed: {err}", err=str(err))
        ) from err
    except UnsafeXmlError as err:
        raise EditRefused(str(err)) from err
    try:
        return Domain(root)
    except ValueError as err:
        raise EditRefused(
            Translatable("editing", "This is not a domain's XML: {err}", err=str(err))
        ) from err


def _domain_or_none(lookup: Callable[[], libvirt.virDomain]) -> libvirt.virDomain | None:
    try:
        return lookup()
    except libvirt.libvirtError as err:
        if err.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN:
            return None
        raise


def check_identity(conn: libvirt.virConnect, uuid: str, xml: str) -> Domain:
    """Refuse XML that would define or overwrite another domain than ``uuid``.

    The UUID must stay: a new one would define a second VM (or overwrite the
    VM that has it), and a name may not be another VM's.
    """
    domain = parse_domain(xml)
    edited_uuid = (domain.uuid or "").strip().lower()
    if not edited_uuid:
        raise EditRefused(Translatable(
            "editing", "The XML must keep this VM's <uuid>; without it libvirt would make a new VM."
        ))
    if edited_uuid != uuid.lower():
        other = _domain_or_none(lambda: conn.lookupByUUIDString(edited_uuid))
        if other is not None:
            raise EditRefused(Translatable(
                "editing", "The UUID {uuid} belongs to another VM, {name}.", uuid=edited_uuid,
                name=other.name(),
            ))
        raise EditRefused(Translatable(
            "editing", "The UUID identifies this VM ({uuid}); changing it would define a new VM. "
            "Use Clone to make a copy.", uuid=uuid,
        ))
    name = (domain.name or "").strip()
    if name:
        other = _domain_or_none(lambda: conn.lookupByName(name))
        if other is not None and other.UUIDString().lower() != uuid.lower():
            raise EditRefused(
                Translatable("editing", "The name {name!r} belongs to another VM.", name=name)
            )
    return domain


@functools.cache
def _domain_schema() -> etree.RelaxNG | None:
    if not DOMAIN_SCHEMA.is_file():
        return None
    return etree.RelaxNG(etree.parse(str(DOMAIN_SCHEMA)))


def schema_errors(xml: str) -> list[str] | None:
    """What libvirt's domain schema on this computer finds wrong in ``xml``
    (empty when valid); None when libvirt-clients' schemas are not installed."""
    schema = _domain_schema()
    if schema is None:
        return None
    valid = schema.validate(parse_xml(xml))
    return [] if valid else [str(error.message) for error in schema.error_log]


def validate_edit(conn: libvirt.virConnect, uuid: str, xml: str) -> str:
    """Check an edit without defining it; what the user reads when it passes.

    Raises EditRefused with what is wrong: not well-formed, another VM's name
    or UUID, or the schema's complaints.
    """
    check_identity(conn, uuid, xml)
    errors = schema_errors(xml)
    if errors:
        raise EditRefused(Translatable(
            "editing", "The XML does not follow libvirt's schema: {errors}",
            errors="; ".join(errors),
        ))
    if errors is None:
        return Translatable(
            "editing", "The XML is well-formed; libvirt checks it against its schema when applied."
        )
    return Translatable("editing", "The XML is valid.")


def prepare_edit(conn: libvirt.virConnect, uuid: str, xml: str) -> str:
    """Check an edit's identity; the definition it would replace, read now (to diff)."""
    check_identity(conn, uuid, xml)
    return read_definition_xml(conn.lookupByUUIDString(uuid))


def define_edited_xml(conn: libvirt.virConnect, uuid: str, xml: str) -> str:
    """Define the edited XML with libvirt's schema validation; the new definition."""
    check_identity(conn, uuid, xml)
    dom = conn.defineXMLFlags(xml, libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
    return read_definition_xml(dom)


# ------------------------------------------------------------- overview

@dataclass(frozen=True)
class Overview:
    """What the Overview tab shows beyond the list's DomainInfo, from the definition."""

    description: str
    os_id: str
    firmware: str
    machine: str
    emulator: str
    addresses: tuple[str, ...] = ()  # from the DHCP leases of libvirt's networks


def _lease_addresses(dom: libvirt.virDomain) -> tuple[str, ...]:
    """The running VM's addresses that libvirt's DHCP leased (none on bridges it does not
    serve, and none from drivers without leases)."""
    return tuple(address.address for address in read_addresses(dom)
                 if AddressSource.LEASE in address.sources)


def read_overview(dom: libvirt.virDomain) -> Overview:
    definition = Domain.from_xml(read_definition_xml(dom))
    firmware = "UEFI" if definition.is_uefi else "BIOS"
    if definition.secure_boot:
        firmware += " with Secure Boot"
    return Overview(
        description=definition.description or "",
        os_id=definition.os_id or "",
        firmware=firmware,
        machine=definition.machine or "",
        emulator=definition.emulator or "",
        addresses=_lease_addresses(dom),
    )


@dataclass(frozen=True)
class OverviewEdit:
    """What the user changed on the Overview tab (None: unchanged)."""

    name: str | None = None
    title: str | None = None
    description: str | None = None
    autostart: bool | None = None


def _metadata_flags(dom: libvirt.virDomain) -> int:
    # A running VM's title and description change now and in its definition.
    flags: int = libvirt.VIR_DOMAIN_AFFECT_CONFIG
    if dom.isActive():
        flags |= libvirt.VIR_DOMAIN_AFFECT_LIVE
    return flags


def _rename(dom: libvirt.virDomain, name: str) -> None:
    why = validate_vm_name(name)
    if why is not None:
        raise EditRefused(why)
    if dom.isActive():
        raise EditRefused(
            Translatable("editing", "libvirt renames only shut-off VMs: shut it down first.")
        )
    dom.rename(name, 0)


def _set_title(dom: libvirt.virDomain, title: str) -> None:
    if "\n" in title:
        raise EditRefused(
            Translatable("editing", "A title is one line; the description holds more.")
        )
    dom.setMetadata(libvirt.VIR_DOMAIN_METADATA_TITLE, title or None, None, None,
                    _metadata_flags(dom))


def _set_description(dom: libvirt.virDomain, description: str) -> None:
    dom.setMetadata(libvirt.VIR_DOMAIN_METADATA_DESCRIPTION, description or None, None, None,
                    _metadata_flags(dom))


def apply_overview_edit(conn: libvirt.virConnect, uuid: str, edit: OverviewEdit) -> dict[str, str]:
    """Apply each changed field on its own; what failed, field by field (empty: all done)."""
    dom = conn.lookupByUUIDString(uuid)
    steps: dict[str, Callable[[], object]] = {}
    if edit.name is not None:
        steps["name"] = lambda: _rename(dom, edit.name or "")
    if edit.title is not None:
        steps["title"] = lambda: _set_title(dom, edit.title or "")
    if edit.description is not None:
        steps["description"] = lambda: _set_description(dom, edit.description or "")
    if edit.autostart is not None:
        steps["autostart"] = lambda: dom.setAutostart(int(bool(edit.autostart)))
    errors: dict[str, str] = {}
    for field_name, step in steps.items():
        try:
            step()
        except EditRefused as refused:
            errors[field_name] = str(refused)
        except libvirt.libvirtError as err:
            if is_connection_broken(err):
                raise
            errors[field_name] = err.get_error_message()
    return errors
