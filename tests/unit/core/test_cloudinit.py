"""cloud-init seed: validation, user-data/meta-data text, seed ISO."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pycdlib
import pytest
from passlib.hash import sha512_crypt

from kvmgui.core import cloudinit
from kvmgui.core.cloudinit import CloudInitConfig

FAST_ROUNDS = 1000  # the minimum sha512_crypt allows; keeps the tests quick


def _key(key_type: str, blob_type: str | None = None, comment: str = "me@host") -> str:
    name = (blob_type or key_type).encode()
    blob = len(name).to_bytes(4, "big") + name + b"\x00\x00\x00\x20" + bytes(range(32))
    return f"{key_type} {base64.b64encode(blob).decode()} {comment}".strip()


ED25519 = _key("ssh-ed25519")


@pytest.mark.parametrize(
    "key_type",
    sorted(cloudinit.SSH_KEY_TYPES),
)
def test_valid_key_types(key_type: str) -> None:
    assert cloudinit.validate_ssh_public_key(_key(key_type)) is None


def test_key_without_comment_and_with_surrounding_space() -> None:
    assert cloudinit.validate_ssh_public_key("  " + _key("ssh-rsa", comment="") + "\n") is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("", "empty"),
        ("ssh-dss AAAAB3NzaC1kc3MAAACBAP", "Unknown key type"),
        ("ssh-ed25519", "no key data"),
        ("ssh-ed25519 not*base64 c", "base64"),
        ("ssh-ed25519 AAAA", "does not hold"),
        (_key("ssh-ed25519", blob_type="ssh-rsa"), "does not hold"),
        (_key("ecdsa-sha2-nistp256", blob_type="ecdsa-sha2-nistp384"), "does not hold"),
        (ED25519 + "\n" + ED25519, "one line"),
        (ED25519 + " \x1b[31m", "control"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----", "private key"),
        ('from="10.0.0.1" ' + ED25519, "Unknown key type"),
    ],
)
def test_invalid_keys(text: str, word: str) -> None:
    error = cloudinit.validate_ssh_public_key(text)
    assert error is not None
    assert word in error


def test_real_openssh_key_if_available(tmp_path: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("ssh-keygen") is None:
        pytest.skip("ssh-keygen not installed")
    for key_type in ("ed25519", "rsa", "ecdsa"):
        key = tmp_path / f"id_{key_type}"
        subprocess.run(
            ["ssh-keygen", "-q", "-t", key_type, "-N", "", "-C", "t@h", "-f", str(key)],
            check=True,
        )
        assert cloudinit.validate_ssh_public_key(key.with_suffix(".pub").read_text()) is None


@pytest.mark.parametrize("name", ["a", "vm-1", "web01.example.com", "x" * 63, "A-B.C"])
def test_valid_hostnames(name: str) -> None:
    assert cloudinit.validate_hostname(name) is None


@pytest.mark.parametrize(
    "name", ["", "-a", "a-", "a..b", "under_score", "x" * 64, "a b", ".a", f"{'a' * 60}." * 5]
)
def test_invalid_hostnames(name: str) -> None:
    assert cloudinit.validate_hostname(name) is not None


@pytest.mark.parametrize("name", ["alice", "_svc", "dev-1", "a" * 32])
def test_valid_user_names(name: str) -> None:
    assert cloudinit.validate_user_name(name) is None


@pytest.mark.parametrize("name", ["", "Alice", "1abc", "a b", "a" * 33, "root", "al:ice"])
def test_invalid_user_names(name: str) -> None:
    assert cloudinit.validate_user_name(name) is not None


def test_hash_password_is_sha512_crypt() -> None:
    hashed = cloudinit.hash_password("s3cret pass", rounds=FAST_ROUNDS)
    assert hashed.startswith("$6$rounds=1000$")
    assert sha512_crypt.verify("s3cret pass", hashed)
    assert not sha512_crypt.verify("other", hashed)
    # Salted: the same password hashes differently each time.
    assert hashed != cloudinit.hash_password("s3cret pass", rounds=FAST_ROUNDS)
    with pytest.raises(ValueError):
        cloudinit.hash_password("")


def _config(**kwargs: object) -> CloudInitConfig:
    args: dict[str, object] = {
        "user": "alice", "hostname": "vm1", "password": "pw", "ssh_keys": [ED25519],
        "instance_id": "iid-test", "rounds": FAST_ROUNDS, **kwargs,
    }
    return CloudInitConfig.create(**args)  # type: ignore[arg-type]


def test_create_hashes_and_forgets_the_password() -> None:
    cfg = _config(password="hunter2")
    assert cfg.password_hash is not None
    assert sha512_crypt.verify("hunter2", cfg.password_hash)
    assert "hunter2" not in repr(cfg)
    assert cfg.ssh_authorized_keys == (ED25519,)


def test_create_generates_fresh_instance_ids() -> None:
    a = _config(instance_id=None, password=None)
    b = _config(instance_id=None, password=None)
    assert a.instance_id.startswith("iid-")
    assert a.instance_id != b.instance_id


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"user": "root"}, "system account"),
        ({"hostname": "bad_host"}, "host name"),
        ({"ssh_keys": ["ssh-rsa nope"]}, "SSH key"),
        ({"password": None, "ssh_keys": []}, "nobody can log in"),
    ],
)
def test_invalid_configs(kwargs: dict[str, object], word: str) -> None:
    with pytest.raises(ValueError, match=word):
        _config(**kwargs)


def test_direct_construction_checks_the_hash() -> None:
    with pytest.raises(ValueError, match="SHA-512"):
        CloudInitConfig("alice", "vm1", "iid", password_hash="plaintext")


@pytest.mark.parametrize(
    ("value", "quoted"),
    [
        ("plain", '"plain"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("two\nlines", '"two\\nlines"'),
        ("nul\x00 esc\x1b del\x7f", '"nul\\x00 esc\\x1b del\\x7f"'),
        ("sep\u2028", '"sep\\u2028"'),
        ("é ünï 😀", '"é ünï 😀"'),
        ("# not a comment: {x}", '"# not a comment: {x}"'),
    ],
)
def test_yaml_quote(value: str, quoted: str) -> None:
    assert cloudinit.yaml_quote(value) == quoted


def test_user_data_text() -> None:
    cfg = _config()
    text = cloudinit.user_data(cfg)
    assert text.startswith("#cloud-config\n")
    assert '  - name: "alice"\n' in text
    assert "    lock_passwd: false\n" in text
    assert f'    hashed_passwd: "{cfg.password_hash}"\n' in text
    assert f'      - "{ED25519}"\n' in text
    assert "ssh_pwauth: true\n" in text
    assert "  - qemu-guest-agent\n" in text


def test_user_data_key_only_keeps_password_login_off() -> None:
    text = cloudinit.user_data(_config(password=None, install_guest_agent=False))
    assert "hashed_passwd" not in text
    assert "lock_passwd" not in text
    assert "ssh_pwauth: false\n" in text
    assert "qemu-guest-agent" not in text


def test_meta_data_text() -> None:
    assert cloudinit.meta_data(_config(hostname="web.example")) == (
        'instance-id: "iid-test"\nlocal-hostname: "web.example"\n'
    )


def test_user_data_is_the_yaml_cloud_init_reads() -> None:
    yaml = pytest.importorskip("yaml")  # cloud-init parses with PyYAML's safe_load
    odd_key = _key("ssh-ed25519", comment='q"uote \\ é: #x {y}')
    cfg = _config(ssh_keys=[odd_key])
    assert yaml.safe_load(cloudinit.user_data(cfg)) == {
        "users": [{
            "name": "alice",
            "sudo": "ALL=(ALL) NOPASSWD:ALL",
            "shell": "/bin/bash",
            "lock_passwd": False,
            "hashed_passwd": cfg.password_hash,
            "ssh_authorized_keys": [odd_key],
        }],
        "ssh_pwauth": True,
        "packages": ["qemu-guest-agent"],
        "runcmd": [["systemctl", "enable", "--now", "qemu-guest-agent"]],
    }
    assert yaml.safe_load(cloudinit.meta_data(cfg)) == {
        "instance-id": "iid-test", "local-hostname": "vm1",
    }


def test_seed_iso_round_trip() -> None:
    cfg = _config()
    assert cloudinit.read_seed_files(cloudinit.seed_iso_bytes(cfg)) == {
        "user-data": cloudinit.user_data(cfg),
        "meta-data": cloudinit.meta_data(cfg),
    }


def test_reseeded_iso_keeps_the_user_and_renews_instance_and_host() -> None:
    cfg = _config()
    seed = cloudinit.seed_iso_bytes(cfg)
    again = cloudinit.read_seed_files(cloudinit.reseeded_iso(seed, "web-2"))
    assert again["user-data"] == cloudinit.user_data(cfg)
    assert 'local-hostname: "web-2"' in again["meta-data"]
    assert 'instance-id: "iid-' in again["meta-data"]
    assert cfg.instance_id not in again["meta-data"]


def test_read_seed_files_refuses_other_isos_and_other_data() -> None:
    with pytest.raises(ValueError, match="not an ISO"):
        cloudinit.read_seed_files(b"\0" * 65536)


@pytest.mark.parametrize(
    ("vm_name", "hostname"),
    [("web-1", "web-1"), ("Web_Server.2", "web-server-2"), ("--", "vm"), ("a" * 80, "a" * 63)],
)
def test_hostname_for(vm_name: str, hostname: str) -> None:
    assert cloudinit.hostname_for(vm_name) == hostname
    assert cloudinit.validate_hostname(cloudinit.hostname_for(vm_name)) is None


def test_seed_iso_label_and_names(tmp_path: Path) -> None:
    path = tmp_path / "seed.iso"
    path.write_bytes(cloudinit.seed_iso_bytes(_config()))
    iso = pycdlib.PyCdlib()
    iso.open(str(path))
    try:
        # NoCloud finds the seed by this filesystem label.
        assert iso.pvd.volume_identifier.rstrip(b" ") == b"cidata"
        # Guests without Rock Ridge read Joliet names; both must be the real ones.
        joliet = {
            c.file_identifier().decode("utf-16_be")
            for c in iso.list_children(joliet_path="/")
            if c.is_file()
        }
        assert joliet == {"user-data", "meta-data"}
        out = io.BytesIO()
        iso.get_file_from_iso_fp(out, joliet_path="/meta-data")
        assert out.getvalue().startswith(b"instance-id:")
    finally:
        iso.close()


def test_seed_iso_bytes_is_an_iso() -> None:
    data = cloudinit.seed_iso_bytes(_config())
    assert data[0x8001:0x8006] == b"CD001"
    assert len(data) % 2048 == 0


def test_ssh_public_keys_offered(tmp_path: Path) -> None:
    assert cloudinit.ssh_public_keys_offered(tmp_path) == []
    ssh = tmp_path / ".ssh"
    ssh.mkdir()
    for name in ("id_rsa.pub", "id_ed25519.pub", "id_ed25519", "known_hosts"):
        (ssh / name).write_text("x")
    (ssh / "dir.pub").mkdir()
    assert cloudinit.ssh_public_keys_offered(tmp_path) == [
        ssh / "id_ed25519.pub", ssh / "id_rsa.pub",
    ]
