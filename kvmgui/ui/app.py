"""The services of one kvmgui process, built in one place.

:class:`App` holds what outlives any window: the settings, the connections,
the op runner, the statistics poller and the console viewers. The entry point
builds it with :meth:`App.start`, which also drives asyncio from Qt's loop;
tests and benchmarks build it on the loop they already run. Windows receive
it, and only render and wire.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from kvmgui.ui.connections import ConnectionManager
from kvmgui.ui.credentials import CredentialAsker
from kvmgui.ui.eventloop import AppEventLoop
from kvmgui.ui.gc import GuiThreadGarbageCollector
from kvmgui.ui.guest_addresses import GuestAddresses
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.settings import Settings
from kvmgui.ui.stats_poller import StatsPoller
from kvmgui.ui.throwaways import ThrowawayJanitor
from kvmgui.ui.uncaught import UncaughtErrorHandler

if TYPE_CHECKING:
    from kvmgui.ui.console.viewer_launcher import ViewerLauncher


class App:
    """Settings, connections, ops, statistics and viewers, for every window."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        settings: Settings,
        manager: ConnectionManager | None = None,
    ) -> None:
        self.loop = loop
        self.settings = settings
        self.credentials = CredentialAsker(loop)
        self.manager = manager or ConnectionManager(loop, ask_for=self.credentials.asker_for)
        self.ops = OpRunner(loop)
        self.stats = StatsPoller(self.manager, settings.stats_interval())
        # Made when the first console opens: its module loads the console code
        # (graphics, SSH tunnels), which no first paint needs (bench_startup.py).
        self._viewer_launcher: ViewerLauncher | None = None
        self._viewer_launcher_users: list[Callable[[ViewerLauncher], None]] = []
        self.addresses = GuestAddresses(self.manager, loop)
        self.throwaways = ThrowawayJanitor(self.manager, self.ops)

    @property
    def viewer_launcher(self) -> ViewerLauncher:
        """The graphical console viewers kvmgui started, made on first use."""
        if self._viewer_launcher is None:
            from kvmgui.ui.console.viewer_launcher import ViewerLauncher

            self._viewer_launcher = ViewerLauncher(self.settings, self.ops)
            for use in self._viewer_launcher_users:
                use(self._viewer_launcher)
        return self._viewer_launcher

    def when_viewer_launcher_made(self, use: Callable[[ViewerLauncher], None]) -> None:
        """Call ``use`` with the viewer launcher once it is made (now if it is)."""
        if self._viewer_launcher is None:
            self._viewer_launcher_users.append(use)
        else:
            use(self._viewer_launcher)

    @classmethod
    def start(cls, qapp: QApplication, settings: Settings, log_file: Path | None = None) -> App:
        """The app on a new asyncio loop that Qt's loop drives (the entry point's way).

        An exception nothing caught is shown with ``log_file``'s path and the app
        goes on (see :class:`UncaughtErrorHandler`).
        """
        # Cycles holding QObjects are collected on the GUI thread (it lives as long as qapp).
        GuiThreadGarbageCollector(qapp)
        loop = AppEventLoop(qapp)
        asyncio.set_event_loop(loop)
        UncaughtErrorHandler(loop, log_file, qapp).install()
        app = cls(loop, settings)
        qapp.aboutToQuit.connect(app.stop)
        return app

    def apply_settings(self) -> None:
        """Take up settings that changed while running (the preferences were applied)."""
        self.stats.set_interval(self.settings.stats_interval())

    def stop(self) -> None:
        """No more statistics ticks or questions, and end the viewers kvmgui started (it quits)."""
        self.stats.stop()
        if self._viewer_launcher is not None:
            self._viewer_launcher.close_all()
        self.credentials.close()
