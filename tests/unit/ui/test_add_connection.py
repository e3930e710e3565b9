"""The Add Connection dialog refuses hostile SSH fields and warns about tcp."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kvmgui.ui.add_connection import AddConnectionDialog

LIBSSH2 = 2
SSH = 3
CUSTOM = 4


def test_a_host_that_smuggles_uri_parts_is_refused(qtbot: QtBot) -> None:
    dialog = AddConnectionDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.kind.setCurrentIndex(SSH)
    qtbot.keyClicks(dialog.host, "h/system?no_verify=1#")
    assert not ok.isEnabled()
    assert "not a host name" in dialog.problem.text()
    assert dialog.uri.text() == ""
    dialog.host.setText("h")
    qtbot.keyClicks(dialog.user, "-oProxyCommand=evil")
    assert not ok.isEnabled() and "not a user name" in dialog.problem.text()
    dialog.user.setText("dev")
    assert ok.isEnabled() and dialog.uri.text() == "qemu+ssh://dev@h/system"


def test_tcp_is_allowed_with_a_warning(qtbot: QtBot) -> None:
    dialog = AddConnectionDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.kind.setCurrentIndex(CUSTOM)
    dialog.uri.setText("qemu+tcp://host.example/system")
    assert ok.isEnabled()
    assert not dialog.warning.isHidden() and "unencrypted" in dialog.warning.text()
    dialog.uri.setText("qemu+ssh://host.example/system")
    assert dialog.warning.isHidden()


def test_the_ext_transport_is_refused(qtbot: QtBot) -> None:
    dialog = AddConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(CUSTOM)
    dialog.uri.setText("qemu+ext:///system?command=/bin/sh")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "'ext' is not allowed" in dialog.problem.text()


def test_a_remote_host_with_port_and_key_over_libssh2(qtbot: QtBot) -> None:
    dialog = AddConnectionDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.kind.setCurrentIndex(LIBSSH2)
    dialog.host.setText("build.example.org")
    dialog.user.setText("dev")
    dialog.port.setValue(2222)
    qtbot.keyClicks(dialog.keyfile, "keys/id")
    assert not ok.isEnabled() and "absolute path" in dialog.problem.text()
    dialog.keyfile.setText("/home/dev/.ssh/id_ed25519")
    assert ok.isEnabled()
    assert dialog.uri.text() == (
        "qemu+libssh2://dev@build.example.org:2222/system?keyfile=/home/dev/.ssh/id_ed25519")
    for widget in (dialog.host, dialog.user, dialog.port, dialog.keyfile, dialog.browse_key):
        assert widget.accessibleName()
    with qtbot.waitSignal(dialog.uri_chosen) as chosen:
        ok.click()
    assert chosen.args == [dialog.uri.text()]
