"""Fixtures for UI tests: the app's objects on libvirt's test driver."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvmgui.core import units
from kvmgui.core.connection import Connection
from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.i18n import install_translators
from tests.fleet import PAUSED, RUNNING, SHUTOFF, FleetDomain, write_node
from tests.qt_helpers import open_connection

SMALL_FLEET = [
    FleetDomain("alpha", RUNNING, vcpus=2, memory_mib=2048, title="Alpha web server"),
    FleetDomain("bravo", SHUTOFF, vcpus=1, memory_mib=512),
    FleetDomain("charlie", PAUSED, vcpus=4, memory_mib=4096),
    FleetDomain("delta", SHUTOFF, vcpus=1, memory_mib=1024),
    FleetDomain("echo", RUNNING, vcpus=1, memory_mib=256),
]


@pytest.fixture(autouse=True, scope="session")
def english(qapp: QApplication) -> None:
    """The UI in US English, as under LANG=en_US.UTF-8, whatever the machine's locale."""
    install_translators(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The UI as under LANG=de_DE.UTF-8; English again afterwards."""
    before = QLocale()
    translators = install_translators(qapp, QLocale(QLocale.Language.German,
                                                    QLocale.Country.Germany))
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)
    units.use_decimal_point(before.decimalPoint())


@pytest.fixture
def fleet_file(tmp_path: Path) -> Path:
    return write_node(tmp_path / "fleet.xml", SMALL_FLEET)


@pytest.fixture
def connect(
    manager: ConnectionManager, qtbot: QtBot
) -> Callable[[Path], Connection]:
    """Open a test-driver file and wait until its first listing arrived."""

    def open_file(path: Path) -> Connection:
        return open_connection(manager, qtbot, f"test://{path}")

    return open_file
