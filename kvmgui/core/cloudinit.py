"""cloud-init NoCloud seed: user and SSH key for a cloud image, written as a 'cidata' ISO."""

from __future__ import annotations

import base64
import binascii
import io
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pycdlib

# libpass (the maintained fork of passlib) installs the module ``passlib``.
from passlib.hash import sha512_crypt

SEED_VOLUME_ID = "cidata"  # the label cloud-init's NoCloud source looks for
SSH_KEY_TYPES = frozenset({
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
})
_USER_RE = re.compile(r"[a-z_][a-z0-9_-]{0,31}")
_RESERVED_USERS = frozenset({"root", "daemon", "bin", "sys", "nobody", "adm", "sudo", "wheel"})
_LABEL_RE = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", re.IGNORECASE)
_SHELL_RE = re.compile(r"/[A-Za-z0-9._/-]+")


def validate_user_name(name: str) -> str | None:
    """Why ``name`` cannot be the guest user's login, or None."""
    if not _USER_RE.fullmatch(name):
        return (
            "Use up to 32 lower-case letters, digits, '_' or '-', "
            "starting with a letter or '_'."
        )
    if name in _RESERVED_USERS:
        return f"'{name}' is a system account; choose another name."
    return None


def validate_hostname(name: str) -> str | None:
    """Why ``name`` is not an RFC 1123 host name, or None."""
    if not name:
        return "Enter a host name."
    if len(name) > 253:
        return "A host name has at most 253 characters."
    for label in name.split("."):
        if not _LABEL_RE.fullmatch(label):
            return (
                "Each part of a host name has 1 to 63 letters, digits or '-', "
                "and does not start or end with '-'."
            )
    return None


def validate_ssh_public_key(text: str) -> str | None:
    """Why ``text`` is not one OpenSSH public key line ("type base64 [comment]"), or None."""
    line = text.strip()
    if not line:
        return "The key is empty."
    if "\n" in line or "\r" in line:
        return "Give one key on one line."
    if not line.isprintable():
        return "The key contains control characters."
    parts = line.split(None, 2)
    key_type = parts[0]
    if key_type not in SSH_KEY_TYPES:
        if key_type.startswith("-----BEGIN"):
            return "This is a private key; give the public key (the .pub file)."
        return f"Unknown key type {key_type!r}."
    if len(parts) < 2:
        return "The key has no key data after its type."
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError):
        return "The key data is not valid base64."
    # The blob repeats the key type as an SSH string: uint32 length, then the bytes.
    expected = key_type.encode()
    if (
        len(blob) < 4 + len(expected)
        or int.from_bytes(blob[:4], "big") != len(expected)
        or blob[4 : 4 + len(expected)] != expected
    ):
        return f"The key data does not hold a {key_type} key."
    return None


def hash_password(password: str, rounds: int | None = None) -> str:
    """SHA-512 crypt (``$6$``) of ``password``, as /etc/shadow and cloud-init take it.

    Slow on purpose (about a second with the default rounds): call it off the GUI thread.
    """
    if not password:
        raise ValueError("empty password")
    hasher = sha512_crypt.using(rounds=rounds) if rounds is not None else sha512_crypt
    result = hasher.hash(password)
    assert isinstance(result, str)
    return result


@dataclass(frozen=True)
class CloudInitConfig:
    """What the seed sets up: one sudo user with a password hash and/or SSH keys.

    Build it with ``create`` to hash a clear-text password; the clear text is not kept.
    """

    user: str
    hostname: str
    instance_id: str
    password_hash: str | None = None
    ssh_authorized_keys: tuple[str, ...] = ()
    install_guest_agent: bool = True
    shell: str = "/bin/bash"

    def __post_init__(self) -> None:
        for problem in (validate_user_name(self.user), validate_hostname(self.hostname)):
            if problem:
                raise ValueError(problem)
        if not self.instance_id or any(c.isspace() for c in self.instance_id):
            raise ValueError("instance id must be a non-empty word")
        if self.password_hash is not None and not self.password_hash.startswith("$6$"):
            raise ValueError("password_hash must be a SHA-512 crypt ($6$) hash")
        for key in self.ssh_authorized_keys:
            problem = validate_ssh_public_key(key)
            if problem:
                raise ValueError(f"invalid SSH key: {problem}")
        if self.password_hash is None and not self.ssh_authorized_keys:
            raise ValueError("give a password or an SSH key, or nobody can log in")
        if not _SHELL_RE.fullmatch(self.shell):
            raise ValueError(f"invalid shell {self.shell!r}")

    @classmethod
    def create(
        cls,
        user: str,
        hostname: str,
        *,
        password: str | None = None,
        ssh_keys: Iterable[str] = (),
        instance_id: str | None = None,
        install_guest_agent: bool = True,
        rounds: int | None = None,
    ) -> CloudInitConfig:
        """A config with ``password`` hashed (blocking, see ``hash_password``)."""
        return cls(
            user=user,
            hostname=hostname,
            # A fresh instance id makes cloud-init run again on a re-created VM.
            instance_id=instance_id or f"iid-{uuid.uuid4()}",
            password_hash=hash_password(password, rounds) if password else None,
            ssh_authorized_keys=tuple(k.strip() for k in ssh_keys),
            install_guest_agent=install_guest_agent,
        )


def yaml_quote(value: str) -> str:
    """A YAML double-quoted scalar; escapes what YAML would otherwise fold or reject."""
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif code in (0x2028, 0x2029, 0xFEFF):
            # Line/paragraph separators are line breaks in YAML; BOMs are dropped.
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def user_data(cfg: CloudInitConfig) -> str:
    """The ``#cloud-config`` user-data document."""
    q = yaml_quote
    lines = [
        "#cloud-config",
        # A users list without 'default' replaces the image's default user (debian, fedora...).
        "users:",
        f"  - name: {q(cfg.user)}",
        f"    sudo: {q('ALL=(ALL) NOPASSWD:ALL')}",
        f"    shell: {q(cfg.shell)}",
    ]
    if cfg.password_hash is not None:
        lines += ["    lock_passwd: false", f"    hashed_passwd: {q(cfg.password_hash)}"]
    if cfg.ssh_authorized_keys:
        lines.append("    ssh_authorized_keys:")
        lines += [f"      - {q(key)}" for key in cfg.ssh_authorized_keys]
    lines.append(f"ssh_pwauth: {'true' if cfg.password_hash is not None else 'false'}")
    if cfg.install_guest_agent:
        # The agent reports the guest's addresses to libvirt (the list's IP column).
        lines += [
            "packages:",
            "  - qemu-guest-agent",
            "runcmd:",
            "  - [systemctl, enable, --now, qemu-guest-agent]",
        ]
    return "\n".join(lines) + "\n"


def meta_data(cfg: CloudInitConfig) -> str:
    """The NoCloud meta-data document."""
    return _meta_data_text(cfg.instance_id, cfg.hostname)


def _meta_data_text(instance_id: str, hostname: str) -> str:
    return (
        f"instance-id: {yaml_quote(instance_id)}\n"
        f"local-hostname: {yaml_quote(hostname)}\n"
    )


def seed_iso_bytes(cfg: CloudInitConfig) -> bytes:
    """The seed ISO image in memory (a few hundred KiB), e.g. to upload to a volume."""
    return _iso_bytes({"user-data": user_data(cfg).encode(), "meta-data": meta_data(cfg).encode()})


def read_seed_files(data: bytes) -> dict[str, str]:
    """The files of a seed ISO image by their Rock Ridge (long) names.

    Raises ValueError when ``data`` is no ISO image with the seed's label.
    """
    iso = pycdlib.PyCdlib()
    try:
        iso.open_fp(io.BytesIO(data))
    except pycdlib.pycdlibexception.PyCdlibException as err:
        raise ValueError(f"not an ISO image: {err}") from err
    try:
        label = iso.pvd.volume_identifier.decode(errors="replace").strip()
        if label.lower() != SEED_VOLUME_ID:
            raise ValueError(f"the ISO is labelled {label!r}, not {SEED_VOLUME_ID!r}")
        files: dict[str, str] = {}
        for child in iso.list_children(rr_path="/"):
            if child is None or child.is_dot() or child.is_dotdot() or not child.is_file():
                continue
            name = child.rock_ridge.name().decode()
            out = io.BytesIO()
            iso.get_file_from_iso_fp(out, rr_path="/" + name)
            files[name] = out.getvalue().decode()
        return files
    finally:
        iso.close()


def hostname_for(vm_name: str) -> str:
    """A host name (one RFC 1123 label) made from a VM's name."""
    label = re.sub(r"[^a-z0-9-]+", "-", vm_name.lower()).strip("-")[:63].strip("-")
    return label or "vm"


def reseeded_iso(seed: bytes, hostname: str, instance_id: str | None = None) -> bytes:
    """A copy of the seed ISO ``seed`` for another VM: the same user-data (user,
    keys), its own instance id (cloud-init runs again) and host name."""
    files = read_seed_files(seed)
    if "user-data" not in files:
        raise ValueError("the seed has no user-data")
    problem = validate_hostname(hostname)
    if problem:
        raise ValueError(problem)
    new_id = instance_id or f"iid-{uuid.uuid4()}"
    return _iso_bytes({
        "user-data": files["user-data"].encode(),
        "meta-data": _meta_data_text(new_id, hostname).encode(),
    })


def _iso_bytes(files: dict[str, bytes]) -> bytes:
    iso = pycdlib.PyCdlib()
    # Joliet and Rock Ridge carry the real names; plain ISO 9660 only has 8.3 upper case.
    iso.new(interchange_level=3, vol_ident=SEED_VOLUME_ID, joliet=3, rock_ridge="1.09")
    for name, data in files.items():
        iso_name = "/" + name.replace("-", "").upper() + ".;1"
        iso.add_fp(
            io.BytesIO(data), len(data), iso_name, rr_name=name, joliet_path="/" + name,
            file_mode=0o100644,
        )
    out = io.BytesIO()
    iso.write_fp(out)
    iso.close()
    return out.getvalue()


def ssh_public_keys_offered(home: Path | None = None) -> list[Path]:
    """The user's ``~/.ssh/*.pub`` files, to offer in the wizard."""
    ssh_dir = (home if home is not None else Path.home()) / ".ssh"
    try:
        return sorted(p for p in ssh_dir.glob("*.pub") if p.is_file())
    except OSError:
        return []
