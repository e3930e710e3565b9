"""The data files of the package kvmgui.resources: found through importlib.resources,
well formed, and in agreement with each other."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

from lxml import etree

from kvmgui.core.resource_files import resource_file
from kvmgui.core.uri import demo_uri

REPO = Path(__file__).resolve().parents[3]
RESOURCES = files("kvmgui.resources")


def test_the_package_serves_the_projects_resources_folder() -> None:
    # The editable install maps kvmgui.resources onto the top-level resources/.
    assert resource_file("kvmgui.svg") == REPO / "resources" / "kvmgui.svg"
    assert demo_uri() == f"test://{REPO / 'resources' / 'demo-fleet.xml'}"


def test_a_zipped_package_gets_real_files_until_it_exits(tmp_path: Path) -> None:
    archive = tmp_path / "kvmgui.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for source in (REPO / "kvmgui").rglob("*.py"):
            zipped.write(source, source.relative_to(REPO))
        for data in (REPO / "resources").iterdir():
            zipped.write(data, Path("kvmgui", "resources", data.name))
    extract_dir = tmp_path / "extracted"
    extract_dir.mkdir()
    probe = (
        "import kvmgui\nfrom kvmgui.core.uri import demo_uri\n"
        "print(kvmgui.__file__)\nprint(demo_uri())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(archive), "TMPDIR": str(extract_dir)},
        timeout=60, check=True,
    )
    module_file, uri = result.stdout.splitlines()
    assert module_file.startswith(f"{archive}{os.sep}")
    fleet = Path(uri.removeprefix("test://"))
    assert fleet.parent == extract_dir
    assert not fleet.exists()  # removed when the process ended
    assert "demo-fleet" in fleet.name


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read_string(RESOURCES.joinpath("kvmgui.desktop").read_text())
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "kvmgui"
    assert RESOURCES.joinpath(f"{section['Icon']}.svg").is_file()


def test_metainfo_names_the_desktop_entry() -> None:
    tree = etree.fromstring(RESOURCES.joinpath("io.github.kvmgui.kvmgui.metainfo.xml").read_bytes())
    assert tree.tag == "component"
    assert tree.findtext("launchable") == "kvmgui.desktop"
    assert tree.findtext("id") == "io.github.kvmgui.kvmgui"


def test_icon_is_svg() -> None:
    assert etree.fromstring(RESOURCES.joinpath("kvmgui.svg").read_bytes()).tag.endswith("svg")


def test_demo_fleet_has_thirty_domains_a_network_and_a_pool() -> None:
    root = etree.fromstring(RESOURCES.joinpath("demo-fleet.xml").read_bytes())
    assert len(root.findall("domain")) == 30
    assert len(root.findall("network")) == 1 and len(root.findall("pool")) == 1
