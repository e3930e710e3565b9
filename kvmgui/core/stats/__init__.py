"""Live statistics of domains and hosts, one module per job.

- :mod:`~kvmgui.core.stats.reading`: the raw counters, read from libvirt.
- :mod:`~kvmgui.core.stats.rates`: CPU %, memory used and I/O rates from two readings.
- :mod:`~kvmgui.core.stats.history`: fixed-size series of past values, for plots.
- :mod:`~kvmgui.core.stats.sampler`: one connection's tick: read, rate, record.

Formatting the figures for people is :mod:`kvmgui.core.units`' job.
"""
