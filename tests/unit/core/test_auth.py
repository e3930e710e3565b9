"""libvirt's credential callback (kvmgui.core.auth): questions in, answers out."""

from __future__ import annotations

from pathlib import Path

import libvirt

from kvmgui.core.auth import CredentialKind, CredentialRequest, _callback, open_connection

HOST_KEY = "Accept SSH host key with hash 'ab:cd' for host 'h:22' (y/n)?"


def test_questions_become_requests_and_answers_fill_libvirts_list() -> None:
    asked: list[list[CredentialRequest]] = []

    def ask(requests: list[CredentialRequest]) -> list[str]:
        asked.append(requests)
        return ["y", "secret"]

    credentials: list[list[object]] = [
        [libvirt.VIR_CRED_ECHOPROMPT, HOST_KEY, None, None, None],
        [libvirt.VIR_CRED_NOECHOPROMPT, "Passphrase", None, None, None],
    ]
    assert _callback(ask)(credentials, None) == 0
    (host_key, passphrase) = asked[0]
    assert host_key == CredentialRequest(CredentialKind.ECHOPROMPT, HOST_KEY)
    assert host_key.yes_no and not host_key.secret
    assert passphrase.secret and not passphrase.yes_no
    assert [credential[4] for credential in credentials] == ["y", "secret"]


def test_a_cancelled_or_failed_question_refuses() -> None:
    credentials: list[list[object]] = [[libvirt.VIR_CRED_PASSPHRASE, "Password", None, "", None]]
    assert _callback(lambda _requests: None)(credentials, None) == -1

    def broken(_requests: list[CredentialRequest]) -> list[str]:
        raise RuntimeError("the dialog went away")

    assert _callback(broken)(credentials, None) == -1
    assert credentials[0][4] is None


def test_a_driver_that_asks_nothing_opens_without_a_question(tmp_path: Path) -> None:
    node = tmp_path / "node.xml"
    node.write_text("<node/>\n")
    asked: list[list[CredentialRequest]] = []

    def ask(requests: list[CredentialRequest]) -> list[str]:
        asked.append(requests)
        return []

    conn = open_connection(f"test://{node}", ask)
    try:
        assert conn.getURI() == f"test://{node}"
    finally:
        conn.close()
    assert asked == []
