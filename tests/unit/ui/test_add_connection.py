"""The Add Connection dialog refuses hostile SSH fields and warns about tcp."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kvmgui.ui.add_connection import AddConnectionDialog

SSH = 2
CUSTOM = 3


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
