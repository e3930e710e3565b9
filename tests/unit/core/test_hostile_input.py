"""Validators and the XML model under any input (issue 14): hostile text either
comes back unchanged after building and parsing, or is refused clearly; never a
crash, never a different value."""

from __future__ import annotations

import base64
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kvmgui.core.cloudinit import (
    SSH_KEY_TYPES,
    CloudInitConfig,
    meta_data,
    user_data,
    validate_hostname,
    validate_ssh_public_key,
    validate_user_name,
    yaml_quote,
)
from kvmgui.core.hostfacts import PoolFacts
from kvmgui.core.newvm import disk_problem
from kvmgui.core.xml.domain import (
    NetworkSpec,
    NewVmSpec,
    SourceKind,
    build_domain_xml,
    validate_vm_name,
)
from kvmgui.core.xml.model import Disk, Domain
from kvmgui.core.xml.properties import UnsafeXmlError

# What hostile input is made of, mixed into any text: markup, entities, CDATA
# ends, quotes, control characters; and long runs of it.
HOSTILE_PIECES = ["<", ">", "&", "&amp;", "]]>", "<![CDATA[", "'", '"', "\x00", "\x1b",
                  "\r", "\n", "\t", "\u2028", "\ufeff", "<!DOCTYPE x [<!ENTITY e 'x'>]>", "&e;"]
_short = st.lists(
    st.one_of(st.text(max_size=10), st.sampled_from(HOSTILE_PIECES)), max_size=20
).map("".join)
# Long: a short one repeated to 20,000 characters (cheap to generate, as hostile).
hostile_text = _short | _short.filter(bool).map(lambda t: (t * (20000 // len(t) + 1))[:20000])
# XML 1.0's characters; anything else cannot be in a document at all.
_XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")
CHECKS = settings(max_examples=150, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow])


def xml_can_hold(text: str) -> bool:
    return _XML_CHAR.fullmatch(text) is not None


# --- validators: they answer for any text, and what they accept is safe -------------------


@CHECKS
@given(hostile_text)
def test_a_vm_name_is_refused_or_survives_the_domain_xml(name: str) -> None:
    problem = validate_vm_name(name)
    if problem is not None:
        assert isinstance(problem, str) and problem
        return
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}", name)
    spec = NewVmSpec(name=name, memory_mib=512, vcpus=1, source=SourceKind.PXE,
                     network=NetworkSpec.user(), virt_type="qemu")
    assert Domain.from_xml(build_domain_xml(spec)).name == name


@CHECKS
@given(hostile_text, hostile_text)
def test_cloud_init_fields_are_refused_or_come_back_from_yaml(user: str, host: str) -> None:
    user_problem, host_problem = validate_user_name(user), validate_hostname(host)
    if user_problem is not None or host_problem is not None:
        return
    key = "ssh-ed25519 " + base64.b64encode(b"\0\0\0\x0bssh-ed25519" + b"k" * 32).decode()
    cfg = CloudInitConfig(user, host, "iid-1", ssh_authorized_keys=(key,))
    assert yaml.safe_load(user_data(cfg))["users"][0]["name"] == user
    assert yaml.safe_load(meta_data(cfg))["local-hostname"] == host


@CHECKS
@given(st.sampled_from(sorted(SSH_KEY_TYPES)), st.binary(max_size=64), hostile_text)
def test_an_ssh_key_is_refused_or_comes_back_from_yaml(
    key_type: str, key: bytes, comment: str
) -> None:
    blob = len(key_type).to_bytes(4, "big") + key_type.encode() + key
    line = f"{key_type} {base64.b64encode(blob).decode()} {comment}"
    problem = validate_ssh_public_key(line)
    if problem is not None:
        assert isinstance(problem, str)
        return
    cfg = CloudInitConfig("dev", "box", "iid-1", ssh_authorized_keys=(line.strip(),))
    [back] = yaml.safe_load(user_data(cfg))["users"][0]["ssh_authorized_keys"]
    assert back == line.strip()
    assert "\n" not in back and "\r" not in back


@CHECKS
@given(st.text())
def test_any_text_survives_yaml_quoting(text: str) -> None:
    assert yaml.safe_load(f"value: {yaml_quote(text)}")["value"] == text


@CHECKS
@given(st.integers(-(2**70), 2**70), st.integers(-(2**70), 2**70) | st.none(),
       st.integers(-(2**70), 2**70))
def test_a_disk_size_is_answered_for_any_number(
    size: int, free: int | None, minimum: int
) -> None:
    pool = PoolFacts("default", "/var/lib/libvirt/images", free, exists=True)
    problem = disk_problem(size, pool, minimum)
    if problem is None:
        assert size > 0 and size >= minimum and (free is None or size <= free)


# --- the XML model: hostile values come back, or are refused clearly ----------------------


@CHECKS
@given(hostile_text, hostile_text, hostile_text)
def test_hostile_text_in_the_model_comes_back_or_is_refused(
    name: str, title: str, path: str
) -> None:
    dom = Domain()
    disk = Disk()
    try:
        dom.name, dom.title, dom.description = name, title, title
        disk.source_file = path
    except ValueError as refused:
        # lxml refuses what XML 1.0 cannot hold (NUL, most control characters).
        assert not all(xml_can_hold(t) for t in (name, title, path)), refused
        return
    dom.disks.append(disk)
    back = Domain.from_xml(dom.to_xml())
    assert (back.name, back.title, back.description) == (name, title, title)
    assert back.disks[0].source_file == path


@CHECKS
@given(hostile_text)
def test_hostile_text_as_a_whole_document_is_parsed_or_refused(text: str) -> None:
    try:
        dom = Domain.from_xml(text)
    except (etree.XMLSyntaxError, UnsafeXmlError, ValueError):
        return  # refused: not a domain, not well-formed, or a DTD
    assert dom.node.tag == "domain"


@CHECKS
@given(st.integers(0, 2**53))
def test_any_memory_size_comes_back(kib: int) -> None:
    dom = Domain()
    dom.memory_kib = kib
    assert Domain.from_xml(dom.to_xml()).memory_kib == kib
