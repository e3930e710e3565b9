"""libvirt connection URIs: checking what a user typed, and the demo's."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

DEMO_FLEET = Path(__file__).resolve().parents[2] / "resources" / "demo-fleet.xml"

_SCHEME = re.compile(r"^[a-z][a-z0-9]*(\+[a-z0-9]+)?$")
NETWORK_TRANSPORTS = ("ssh", "libssh", "libssh2", "tcp", "tls")
KNOWN_DRIVERS = ("qemu", "test", "lxc", "xen", "vbox", "ch", "bhyve", "vz", "esx")


def demo_uri() -> str:
    return f"test://{DEMO_FLEET}"


def ssh_uri(user: str, host: str) -> str:
    return f"qemu+ssh://{user + '@' if user else ''}{host}/system"


def uri_problem(uri: str) -> str:
    """What is wrong with a URI the user typed, or "" when it looks right."""
    text = uri.strip()
    if not text:
        return "Enter a connection URI, for example qemu:///system."
    if "://" not in text:
        return f"{text!r} is not a URI: it needs a scheme, as in qemu:///system."
    scheme = text.split("://", 1)[0]
    if not _SCHEME.match(scheme):
        return f"{scheme!r} is not a valid URI scheme."
    driver = scheme.split("+", 1)[0]
    if driver not in KNOWN_DRIVERS:
        return f"Unknown hypervisor driver {driver!r} (known: {', '.join(KNOWN_DRIVERS)})."
    try:
        parts = urlsplit(text)
        _ = parts.port
    except ValueError as err:
        return f"Malformed URI: {err}."
    transport = scheme.partition("+")[2]
    if transport in NETWORK_TRANSPORTS and not parts.hostname:
        return "A remote URI needs a host, as in qemu+ssh://user@host/system."
    if driver == "test" and parts.path not in ("/default", "") and not Path(parts.path).is_file():
        return f"No such test driver file: {parts.path}"
    if driver == "qemu" and parts.path not in ("/system", "/session", "/embed"):
        return "A QEMU URI ends in /system or /session."
    return ""
