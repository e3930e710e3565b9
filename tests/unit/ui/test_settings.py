"""Whatever the settings file holds, reading it gives a usable value."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from kvmgui.core.stats.reading import StatGroups
from kvmgui.ui.settings import STATS_INTERVAL_RANGE, THUMBNAIL_MAX_RUNNING_RANGE, Settings

# A settings file holds text: what a hand edit or another version could leave.
HOSTILE = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["nan", "inf", "-inf", "1e999", "-1", "0x10", ""]),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(HOSTILE, HOSTILE, HOSTILE)
def test_out_of_range_values_fall_back_or_clamp(
    tmp_path: Path, columns: str, interval: str, max_running: str
) -> None:
    qsettings = QSettings(str(tmp_path / "kvmgui.conf"), QSettings.Format.IniFormat)
    qsettings.setValue("stats/columns", columns)
    qsettings.setValue("stats/interval", interval)
    qsettings.setValue("consoles/thumbnail_max_running", max_running)
    stored = Settings(qsettings)
    assert stored.stats_columns() in StatGroups.ALL
    low, high = STATS_INTERVAL_RANGE
    assert low <= stored.stats_interval() <= high
    low_count, high_count = THUMBNAIL_MAX_RUNNING_RANGE
    assert low_count <= stored.thumbnail_max_running() <= high_count


def test_setting_a_column_to_what_it_shows_writes_nothing(tmp_path: Path) -> None:
    # The window sets each column's action from the settings at start.
    path = tmp_path / "kvmgui.conf"
    stored = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    stored.set_column_shown("ip", stored.column_shown("ip"))
    assert not path.exists()
    stored.set_column_shown("ip", not stored.column_shown("ip"))
    assert path.exists()
    assert not Settings(QSettings(str(path), QSettings.Format.IniFormat)).column_shown("ip")
