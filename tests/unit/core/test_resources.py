"""The desktop files shipped in resources/ are well formed and agree."""

from __future__ import annotations

import configparser
from pathlib import Path

from lxml import etree

RESOURCES = Path(__file__).resolve().parents[3] / "resources"


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(RESOURCES / "kvmgui.desktop")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "kvmgui"
    assert (RESOURCES / f"{section['Icon']}.svg").is_file()


def test_metainfo_names_the_desktop_entry() -> None:
    tree = etree.parse(str(RESOURCES / "io.github.kvmgui.kvmgui.metainfo.xml"))
    assert tree.getroot().tag == "component"
    assert tree.findtext("launchable") == "kvmgui.desktop"
    assert tree.findtext("id") == "io.github.kvmgui.kvmgui"


def test_icon_is_svg() -> None:
    assert etree.parse(str(RESOURCES / "kvmgui.svg")).getroot().tag.endswith("svg")


def test_demo_fleet_has_thirty_domains_a_network_and_a_pool() -> None:
    root = etree.parse(str(RESOURCES / "demo-fleet.xml")).getroot()
    assert len(root.findall("domain")) == 30
    assert len(root.findall("network")) == 1 and len(root.findall("pool")) == 1
