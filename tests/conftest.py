"""Test-wide set-up: Qt and libvirt's event loop as the app has them."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Generator

# Before anything imports Qt: libvirt's event thread owns GLib's default
# context (QT_NO_GLIB), tests have no screen, and XDG_RUNTIME_DIR is unset
# without systemd (Qt warns, and Qt warnings fail tests).
os.environ["QT_NO_GLIB"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_private = tempfile.mkdtemp(prefix="kvmgui-tests-")
os.chmod(_private, 0o700)
os.environ["XDG_RUNTIME_DIR"] = _private
# QSettings and logs of the app under test must not touch the user's own.
os.environ["XDG_CONFIG_HOME"] = os.path.join(_private, "config")
os.environ["XDG_STATE_HOME"] = os.path.join(_private, "state")

import pytest  # noqa: E402

from kvmgui.core.events import ensure_event_loop  # noqa: E402

ensure_event_loop()

pytest_plugins = ["tests.qt_helpers", "tests.system"]


def pytest_unconfigure(config: pytest.Config) -> None:
    # The session's private runtime, config and state directory goes with it
    # (every run used to leave one in the temporary directory).
    shutil.rmtree(_private, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.integration)


# In CI a skip would hide a missing daemon, tool or package: under CI=true
# every skip fails, a test's or a whole module's.
def _failed_in_ci(report: pytest.TestReport | pytest.CollectReport, what: str) -> None:
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"{what} skipped under CI=true: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report: pytest.TestReport = yield
    _failed_in_ci(report, "test")
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report: pytest.CollectReport = yield
    _failed_in_ci(report, collector.nodeid)
    return report
