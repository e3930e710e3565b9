"""Runs the graphical console viewer (virt-viewer / remote-viewer) as a process.

One viewer per VM: a second request raises the running one where a window
tool allows it (``xdotool``, ``wmctrl``) and never starts another process.
"""

from __future__ import annotations

import logging
import shutil
import time
from functools import partial

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal, Slot

from kvmgui.core.connection import Connection
from kvmgui.core.consoles import (
    NoGraphicsError,
    ViewerError,
    find_viewer,
    install_hint,
    read_viewer_command,
)
from kvmgui.core.domain import DomainInfo
from kvmgui.ui.ops import OpRunner
from kvmgui.ui.settings import Settings

log = logging.getLogger(__name__)

# A viewer that ends sooner than this did not show the console: say why.
EARLY_EXIT_SECONDS = 5.0
# The end of a viewer's stderr is enough to explain a failure.
STDERR_KEPT = 4000
# Ending a viewer: ask, then insist.
TERMINATE_WAIT_MS = 3000

ViewerKey = tuple[str, str]  # (connection URI, domain UUID)


class ViewerLauncher(QObject):
    """Starts and tracks one graphical console viewer per VM."""

    #: A message for the user (missing viewer, early exit with its stderr...).
    failed = Signal(str)
    #: The VM has no SPICE or VNC display: (Connection, DomainInfo, has a serial console).
    no_graphics = Signal(object, object, bool)
    #: A viewer process started: (URI, UUID).
    viewer_started = Signal(str, str)
    #: A second request found the viewer already running: (URI, UUID).
    viewer_raised = Signal(str, str)

    def __init__(self, settings: Settings, ops: OpRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._ops = ops
        #: The environment viewers run in (tests point DISPLAY at their own X server).
        self.environment: QProcessEnvironment | None = None
        self._viewers: dict[ViewerKey, QProcess] = {}
        self._started_at: dict[ViewerKey, float] = {}
        self._stderr: dict[ViewerKey, bytearray] = {}
        # Requests whose live XML is being read: a second click must not start twice.
        self._pending: set[ViewerKey] = set()
        self._closed = False

    def viewer(self, uri: str, uuid: str) -> QProcess | None:
        """The running viewer of a VM, if any."""
        return self._viewers.get((uri, uuid))

    def open(self, connection: Connection, info: DomainInfo) -> None:
        """Show the graphical console of ``info``; starts at most one viewer per VM."""
        key = (connection.uri, info.uuid)
        process = self._viewers.get(key)
        if process is not None:
            self._raise_window(process, info.name)
            self.viewer_raised.emit(*key)
            return
        if key in self._pending:
            return
        self._pending.add(key)
        self._ops.run(self._read_command(connection, info), partial(self._start, key, info))

    def close_viewer(self, uri: str, uuid: str) -> None:
        """End the viewer of a VM, as its user would (no failure is reported)."""
        key = (uri, uuid)
        process = self._viewers.get(key)
        if process is None:
            return
        process.finished.disconnect()
        process.terminate()
        if not process.waitForFinished(TERMINATE_WAIT_MS):
            process.kill()
            process.waitForFinished(TERMINATE_WAIT_MS)
        self._forget(key, process)

    def close_all(self) -> None:
        """End every viewer this launcher started (the app is quitting)."""
        self._closed = True
        for uri, uuid in list(self._viewers):
            self.close_viewer(uri, uuid)

    async def _read_command(self, connection: Connection, info: DomainInfo) -> list[str] | None:
        key = (connection.uri, info.uuid)
        try:
            return await connection.call_domain(
                f"Could not open the console of {info.name}", info.uuid,
                partial(read_viewer_command, uri=connection.uri,
                        viewer=self._settings.console_viewer()),
            )
        except NoGraphicsError as err:
            self._pending.discard(key)
            if not self._closed:
                self.no_graphics.emit(connection, info, err.has_serial_console)
        except ViewerError as err:
            self._pending.discard(key)
            if not self._closed:
                self.failed.emit(f"Could not open the console of {info.name}: {err}")
        except BaseException:
            self._pending.discard(key)
            raise
        return None

    def _start(self, key: ViewerKey, info: DomainInfo, argv: list[str] | None) -> None:
        self._pending.discard(key)
        if argv is None or key in self._viewers or self._closed:
            return
        program = find_viewer(argv[0])
        if program is None:
            self.failed.emit(f"Could not open the console of {info.name}: {install_hint(argv[0])}")
            return
        process = QProcess(self)
        process.setProgram(program)
        process.setArguments(argv[1:])
        if self.environment is not None:
            process.setProcessEnvironment(self.environment)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.readyReadStandardError.connect(partial(self._on_stderr, key, process))
        process.finished.connect(partial(self._on_finished, key, info.name, process))
        process.errorOccurred.connect(partial(self._on_error, key, info.name, process))
        self._viewers[key] = process
        self._started_at[key] = time.monotonic()
        self._stderr[key] = bytearray()
        log.info("starting the console viewer: %s", argv)
        process.start()
        self.viewer_started.emit(*key)

    @Slot()
    def _on_stderr(self, key: ViewerKey, process: QProcess) -> None:
        kept = self._stderr.get(key)
        data = process.readAllStandardError().data()
        if kept is not None:
            kept += data
            del kept[:-STDERR_KEPT]

    def _forget(self, key: ViewerKey, process: QProcess) -> tuple[float, str]:
        """Stop tracking a viewer; return how long it ran and the end of its stderr."""
        if self._viewers.get(key) is process:
            del self._viewers[key]
        started = self._started_at.pop(key, time.monotonic())
        kept = self._stderr.pop(key, bytearray())
        process.deleteLater()
        return time.monotonic() - started, kept.decode(errors="replace").strip()

    def _on_finished(
        self, key: ViewerKey, name: str, process: QProcess, exit_code: int,
        exit_status: QProcess.ExitStatus,
    ) -> None:
        self._on_stderr(key, process)
        ran, stderr = self._forget(key, process)
        log.info("console viewer of %s ended after %.1f s with code %d", name, ran, exit_code)
        crashed = exit_status is QProcess.ExitStatus.CrashExit
        if ran < EARLY_EXIT_SECONDS or exit_code != 0 or crashed:
            why = "crashed" if crashed else f"exited with code {exit_code}"
            if ran < EARLY_EXIT_SECONDS:
                why += " at once"
            detail = f":\n{stderr}" if stderr else "."
            self.failed.emit(f"The console viewer of {name} {why}{detail}")

    def _on_error(
        self, key: ViewerKey, name: str, process: QProcess, error: QProcess.ProcessError
    ) -> None:
        # Only a failed start is final; other errors are followed by finished().
        if error is QProcess.ProcessError.FailedToStart:
            self._forget(key, process)
            self.failed.emit(
                f"Could not start the console viewer of {name}: {process.errorString()}"
            )

    def _raise_window(self, process: QProcess, name: str) -> None:
        """Ask the window manager to show the viewer; without a tool for it, do nothing."""
        if shutil.which("xdotool"):
            argv = ["xdotool", "search", "--onlyvisible", "--pid", str(process.processId()),
                    "windowactivate"]
        elif shutil.which("wmctrl"):
            # virt-viewer's window title starts with the domain's name.
            argv = ["wmctrl", "-a", name]
        else:
            return
        helper = QProcess(self)
        helper.setProgram(argv[0])
        helper.setArguments(argv[1:])
        if self.environment is not None:
            helper.setProcessEnvironment(self.environment)
        helper.startDetached()
        helper.deleteLater()
