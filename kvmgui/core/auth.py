"""Opening a connection that may ask questions: libvirt's ``openAuth`` credential callback.

libvirt asks through the callback for what a transport needs: with the
``libssh2`` transport, whether to accept an unknown SSH host key,
a key's passphrase, a password. The callback runs on the thread that opens
the connection (a connection's pool thread): ``ask`` may block it until the
user answers, but must not need that thread. (The ``ssh`` transport runs the
``ssh`` program, which asks on a terminal or through SSH_ASKPASS, never here.)
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass

import libvirt

log = logging.getLogger(__name__)


class CredentialKind(enum.Enum):
    """What libvirt asks for (its ``VIR_CRED_*``)."""

    USERNAME = libvirt.VIR_CRED_USERNAME
    AUTHNAME = libvirt.VIR_CRED_AUTHNAME
    PASSPHRASE = libvirt.VIR_CRED_PASSPHRASE
    ECHOPROMPT = libvirt.VIR_CRED_ECHOPROMPT  # a question answered in clear (a host key: y/n)
    NOECHOPROMPT = libvirt.VIR_CRED_NOECHOPROMPT  # a secret (a key's passphrase, a password)
    REALM = libvirt.VIR_CRED_REALM


@dataclass(frozen=True)
class CredentialRequest:
    """One question of libvirt's, as the user reads it."""

    kind: CredentialKind
    prompt: str
    challenge: str = ""
    default: str = ""

    @property
    def secret(self) -> bool:
        """Whether the answer must not be shown as it is typed."""
        return self.kind in (CredentialKind.PASSPHRASE, CredentialKind.NOECHOPROMPT)

    @property
    def yes_no(self) -> bool:
        """Whether libvirt wants "y" or "n" (accepting an SSH host key)."""
        return self.kind is CredentialKind.ECHOPROMPT and self.prompt.rstrip().endswith("(y/n)?")


# The questions' answers in order; None when the user cancelled.
Ask = Callable[[list[CredentialRequest]], list[str] | None]


def _callback(ask: Ask) -> Callable[[list[list[object]], object], int]:
    def request_credentials(credentials: list[list[object]], _opaque: object) -> int:
        requests = [
            CredentialRequest(CredentialKind(credential[0]), str(credential[1] or ""),
                              str(credential[2] or ""), str(credential[3] or ""))
            for credential in credentials
        ]
        try:
            answers = ask(requests)
        except Exception:  # libvirt gets -1 (refused), not a Python traceback in C
            log.exception("asking for credentials failed")
            return -1
        if answers is None or len(answers) != len(credentials):
            return -1
        for credential, answer in zip(credentials, answers, strict=True):
            credential[4] = answer
        return 0

    return request_credentials


def open_connection(uri: str, ask: Ask | None) -> libvirt.virConnect:
    """Open ``uri``; libvirt's questions go to ``ask`` (blocking) when given."""
    if ask is None:
        return libvirt.open(uri)
    kinds = [kind.value for kind in CredentialKind]
    conn: libvirt.virConnect = libvirt.openAuth(uri, [kinds, _callback(ask), None], 0)
    return conn
