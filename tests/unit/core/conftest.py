"""Fixtures for core tests: libvirt's test driver, in-process, no daemon."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest


@pytest.fixture
def empty_test_conn(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    """A private, empty test-driver host (never test:///default: its state is process-wide)."""
    node = tmp_path / "node.xml"
    node.write_text("<node/>\n")
    conn = libvirt.open(f"test://{node}")
    yield conn
    conn.close()
