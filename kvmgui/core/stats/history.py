"""Fixed-size history of every domain's (and the host's) metrics, for plots.

Series are ``array.array`` s: the list's sparklines read them as they are,
the details' graphs as numpy arrays without a copy (``numpy.asarray``), and
the list does not load numpy (17 MiB of RSS) for them.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from typing import Literal

from kvmgui.core.stats.rates import Metric

#: Samples kept per metric: 10 minutes at one sample a second.
DEFAULT_CAPACITY = 600
#: The key of the host's entry in
#: :attr:`~kvmgui.core.stats.sampler.StatsSampler.host_history`.
HOST_KEY = "host"


class RingBuffer:
    """A fixed-capacity series of floats; the oldest values fall off the front.

    ``typecode`` is ``array``'s: "d" (float64) or "f" (float32)."""

    __slots__ = ("_capacity", "_count", "_data", "_next")

    def __init__(self, capacity: int = DEFAULT_CAPACITY, typecode: Literal["d", "f"] = "d") -> None:
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self._data = array(typecode, [math.nan]) * capacity
        # A plain int: append runs for every metric of every running domain each tick.
        self._capacity = capacity
        self._next = 0
        self._count = 0

    @property
    def capacity(self) -> int:
        return self._capacity

    def __len__(self) -> int:
        return self._count

    def append(self, value: float | None) -> None:
        """Add a value (``None`` is stored as NaN: a gap in a plot)."""
        self._data[self._next] = math.nan if value is None else value
        self._next = (self._next + 1) % self._capacity
        if self._count < self._capacity:
            self._count += 1

    def values(self, last: int | None = None) -> array[float]:
        """The stored values, oldest first (a copy); only the ``last`` ones if given."""
        n = self._count if last is None else max(0, min(last, self._count))
        start = (self._next - n) % self.capacity
        if start + n <= self.capacity:
            return self._data[start : start + n]
        return self._data[start:] + self._data[: self._next]

    def latest(self) -> float | None:
        """The newest value, or None if empty or NaN."""
        if not self._count:
            return None
        value = float(self._data[(self._next - 1) % self.capacity])
        return None if math.isnan(value) else value

    def clear(self) -> None:
        self._next = self._count = 0


class SeriesSet:
    """One key's history: sample times and one aligned buffer per metric."""

    __slots__ = ("_given", "buffers", "repeats", "times")

    def __init__(self, capacity: int, metrics: Iterable[Metric]) -> None:
        self.times = RingBuffer(capacity, "d")
        # float32: plenty for plots, half the memory for large fleets.
        self.buffers = {metric: RingBuffer(capacity, "f") for metric in metrics}
        #: For how many of the newest samples every metric kept its value.
        self.repeats = 0
        self._given: dict[Metric, float | None] | None = None

    def append(self, timestamp: float, values: Iterable[tuple[Metric, float | None]]) -> None:
        self.times.append(timestamp)
        given = dict(values)
        for metric, buffer in self.buffers.items():
            buffer.append(given.get(metric))
        # One comparison of the values as given (None for a gap) per sample.
        self.repeats = self.repeats + 1 if given == self._given else 1
        self._given = given

    def __len__(self) -> int:
        return len(self.times)


class StatsHistory:
    """Per key (domain UUID or :data:`HOST_KEY`), the recent values of each metric.

    Every append adds one time and one value to every metric's buffer (NaN
    where a metric has none), so ``times(key)`` and ``values(key, metric)``
    stay aligned.
    """

    def __init__(
        self, capacity: int = DEFAULT_CAPACITY, metrics: Iterable[Metric] = tuple(Metric)
    ) -> None:
        self.capacity = capacity
        self.metrics = tuple(metrics)
        self._series: dict[str, SeriesSet] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._series

    def keys(self) -> set[str]:
        return set(self._series)

    def append(
        self, key: str, timestamp: float, values: Iterable[tuple[Metric, float | None]]
    ) -> None:
        series = self._series.get(key)
        if series is None:
            series = self._series[key] = SeriesSet(self.capacity, self.metrics)
        series.append(timestamp, values)

    def series(self, key: str) -> SeriesSet | None:
        return self._series.get(key)

    def times(self, key: str, last: int | None = None) -> array[float]:
        """Sample times (``time.monotonic()`` seconds, float64), oldest first."""
        series = self._series.get(key)
        return series.times.values(last) if series else array("d")

    def values(self, key: str, metric: Metric, last: int | None = None) -> array[float]:
        """One metric's values (float32), oldest first, aligned with :meth:`times`."""
        series = self._series.get(key)
        if series is None or metric not in series.buffers:
            return array("f")
        return series.buffers[metric].values(last)

    def latest(self, key: str, metric: Metric) -> float | None:
        series = self._series.get(key)
        if series is None or metric not in series.buffers:
            return None
        return series.buffers[metric].latest()

    def unchanged(self, keys: Iterable[str], repeats: int) -> set[str]:
        """Those of ``keys`` whose every metric kept its value for the last ``repeats`` samples."""
        series = self._series
        return {key for key in keys if key in series and series[key].repeats >= repeats}

    def forget(self, key: str) -> None:
        self._series.pop(key, None)

    def retain(self, keys: Iterable[str]) -> None:
        """Drop the history of every key not in ``keys``."""
        keep = set(keys)
        for key in self._series.keys() - keep:
            del self._series[key]
