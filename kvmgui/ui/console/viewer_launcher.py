"""Runs the graphical console viewer (virt-viewer / remote-viewer) as a process.

One viewer per VM: a second request raises the running one where a window
tool allows it (``xdotool``, ``wmctrl``) and never starts another process.
On an SSH connection the viewer is preceded by the ``ssh`` forward of
:class:`~kvmgui.core.consoles.SshTunnel`, to a UNIX socket in a private
directory; the tunnel ends with its viewer.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import (
    QFileSystemWatcher,
    QObject,
    QProcess,
    QProcessEnvironment,
    QStandardPaths,
    Signal,
    Slot,
)

from kvmgui.core.connection import Connection
from kvmgui.core.consoles import (
    SSH_PACKAGE,
    VIEWER_PACKAGE,
    NoGraphicsError,
    SshTunnel,
    ViewerCommand,
    ViewerError,
    find_viewer,
    free_loopback_port,
    install_hint,
    read_viewer_command,
)
from kvmgui.core.domain import DomainInfo
from kvmgui.core.texts import Translatable
from kvmgui.ui.i18n import shown, shown_exception, translate
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
# ssh runs without prompts (SshTunnel): what a failed tunnel may lack.
TUNNEL_NEEDS = Translatable(
    "console.viewer_launcher",
    "The console tunnel needs the host's key known (as when connecting) and a key "
    "without passphrase or loaded in ssh-agent (ssh-add).",
)


@dataclass
class _RunningTunnel:
    """The ``ssh`` forward of one viewer, and the private directory of its local socket."""

    tunnel: SshTunnel
    process: QProcess
    directory: str
    #: The loopback port of a VNC display's forward (remote-viewer opens VNC on TCP only).
    port: int | None
    stderr: bytearray = field(default_factory=bytearray)

    @property
    def socket(self) -> str:
        return os.path.join(self.directory, "display")


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
        self._tunnels: dict[ViewerKey, _RunningTunnel] = {}
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

    def tunnel(self, uri: str, uuid: str) -> QProcess | None:
        """The ``ssh`` process tunnelling the console of a VM, if any."""
        running = self._tunnels.get((uri, uuid))
        return running.process if running is not None else None

    def close_viewer(self, uri: str, uuid: str) -> None:
        """End the viewer of a VM and its tunnel, as its user would (no failure is reported)."""
        key = (uri, uuid)
        process = self._viewers.get(key)
        if process is None:
            self._end_tunnel(key)
            return
        process.finished.disconnect()
        _end(process)
        self._forget(key, process)

    def close_all(self) -> None:
        """End every viewer and tunnel this launcher started (the app is quitting)."""
        self._closed = True
        for uri, uuid in {*self._viewers, *self._tunnels}:
            self.close_viewer(uri, uuid)

    async def _read_command(
        self, connection: Connection, info: DomainInfo
    ) -> ViewerCommand | None:
        key = (connection.uri, info.uuid)
        try:
            return await connection.call_domain(
                translate("console.viewer_launcher", "Could not open the console of {name}").format(
                    name=info.name
                ),
                info.uuid,
                partial(
                    read_viewer_command, uri=connection.uri, viewer=self._settings.console_viewer()
                ),
            )
        except NoGraphicsError as err:
            self._pending.discard(key)
            if not self._closed:
                self.no_graphics.emit(connection, info, err.has_serial_console)
        except ViewerError as err:
            self._pending.discard(key)
            if not self._closed:
                self.failed.emit(
                    translate(
                        "console.viewer_launcher", "Could not open the console of {name}: {err}"
                    ).format(name=info.name, err=shown_exception(err))
                )
        except BaseException:
            self._pending.discard(key)
            raise
        return None

    def _start(self, key: ViewerKey, info: DomainInfo, command: ViewerCommand | None) -> None:
        if command is None or key in self._viewers or key in self._tunnels or self._closed:
            self._pending.discard(key)
            return
        if isinstance(command, SshTunnel):
            self._start_tunnel(key, info, command)
        else:
            self._start_viewer(key, info, command)

    def _start_tunnel(self, key: ViewerKey, info: DomainInfo, tunnel: SshTunnel) -> None:
        """Start the ``ssh`` forward; its viewer starts once the local socket exists."""
        for program, package in (("ssh", SSH_PACKAGE), ("remote-viewer", VIEWER_PACKAGE)):
            if find_viewer(program) is None:
                self._pending.discard(key)
                self._say_missing(info.name, program, package)
                return
        runtime = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.RuntimeLocation)
        # mode 0700: nobody else can reach the socket ssh makes in it.
        directory = tempfile.mkdtemp(prefix="kvmgui-console-", dir=runtime or None)
        process = QProcess(self)
        port = free_loopback_port() if tunnel.needs_port else None
        running = _RunningTunnel(tunnel, process, directory, port)
        argv = tunnel.ssh_argv(running.socket, port)
        process.setProgram(argv[0])
        process.setArguments(argv[1:])
        if self.environment is not None:
            process.setProcessEnvironment(self.environment)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.setStandardInputFile(QProcess.nullDevice())
        watcher = QFileSystemWatcher([directory], process)
        # ssh makes the socket once it is authenticated, and listens on it at once.
        watcher.directoryChanged.connect(partial(self._on_tunnel_ready, key, info, running))
        process.readyReadStandardError.connect(partial(self._on_tunnel_stderr, running))
        process.finished.connect(partial(self._on_tunnel_finished, key, info.name, running))
        process.errorOccurred.connect(partial(self._on_tunnel_error, key, info.name, running))
        self._tunnels[key] = running
        log.info("starting the console tunnel: %s", argv)
        process.start()

    @Slot()
    def _on_tunnel_stderr(self, running: _RunningTunnel) -> None:
        running.stderr += running.process.readAllStandardError().data()
        del running.stderr[:-STDERR_KEPT]

    def _on_tunnel_ready(
        self, key: ViewerKey, info: DomainInfo, running: _RunningTunnel, _path: str
    ) -> None:
        if self._tunnels.get(key) is not running or key in self._viewers:
            return
        if not os.path.exists(running.socket):
            return
        self._start_viewer(key, info, running.tunnel.viewer_argv(running.socket, running.port))

    def _on_tunnel_finished(
        self, key: ViewerKey, name: str, running: _RunningTunnel, _exit_code: int,
        _exit_status: QProcess.ExitStatus,
    ) -> None:
        self._on_tunnel_stderr(running)
        viewer_running = key in self._viewers
        self._discard_tunnel(key, running)
        stderr = running.stderr.decode(errors="replace").strip()
        log.info("console tunnel of %s ended: %s", name, stderr)
        if not viewer_running and not self._closed:
            detail = f":\n{stderr}" if stderr else "."
            self.failed.emit(
                translate(
                    "console.viewer_launcher",
                    "The SSH tunnel to the console of {name} ended{detail}",
                ).format(name=name, detail=detail)
                + "\n" + shown(TUNNEL_NEEDS)
            )

    def _on_tunnel_error(
        self, key: ViewerKey, name: str, running: _RunningTunnel, error: QProcess.ProcessError
    ) -> None:
        if error is QProcess.ProcessError.FailedToStart:
            self._discard_tunnel(key, running)
            self.failed.emit(
                translate(
                    "console.viewer_launcher",
                    "Could not start the SSH tunnel to the console of {name}: {error}",
                ).format(name=name, error=running.process.errorString())
            )

    def _end_tunnel(self, key: ViewerKey) -> None:
        """End the tunnel of a viewer (its viewer ended, or never started)."""
        running = self._tunnels.get(key)
        if running is None:
            return
        running.process.finished.disconnect()
        _end(running.process)
        self._discard_tunnel(key, running)

    def _discard_tunnel(self, key: ViewerKey, running: _RunningTunnel) -> None:
        """Forget an ended tunnel and remove its directory (with the socket ssh left)."""
        if self._tunnels.get(key) is running:
            del self._tunnels[key]
        self._pending.discard(key)
        shutil.rmtree(running.directory, ignore_errors=True)
        running.process.deleteLater()

    def _say_missing(self, name: str, program: str, package: str) -> None:
        self.failed.emit(
            translate(
                "console.viewer_launcher", "Could not open the console of {name}: {install_hint}",
            ).format(name=name, install_hint=shown(install_hint(program, package)))
        )

    def _start_viewer(self, key: ViewerKey, info: DomainInfo, argv: list[str]) -> None:
        self._pending.discard(key)
        program = find_viewer(argv[0])
        if program is None:
            self._end_tunnel(key)
            self._say_missing(info.name, argv[0], VIEWER_PACKAGE)
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
        self._end_tunnel(key)
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
            why = (
                "crashed"
                if crashed
                else translate("console.viewer_launcher", "exited with code {exit_code}").format(
                    exit_code=exit_code
                )
            )
            if ran < EARLY_EXIT_SECONDS:
                why += translate("console.viewer_launcher", " at once")
            detail = f":\n{stderr}" if stderr else "."
            self.failed.emit(
                translate(
                    "console.viewer_launcher", "The console viewer of {name} {why}{detail}"
                ).format(name=name, why=why, detail=detail)
            )

    def _on_error(
        self, key: ViewerKey, name: str, process: QProcess, error: QProcess.ProcessError
    ) -> None:
        # Only a failed start is final; other errors are followed by finished().
        if error is QProcess.ProcessError.FailedToStart:
            self._forget(key, process)
            self.failed.emit(
                translate(
                    "console.viewer_launcher",
                    "Could not start the console viewer of {name}: {errorString}",
                ).format(name=name, errorString=process.errorString())
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


def _end(process: QProcess) -> None:
    """Ask a process to end, then insist; returns once it has ended."""
    process.terminate()
    if not process.waitForFinished(TERMINATE_WAIT_MS):
        process.kill()
        process.waitForFinished(TERMINATE_WAIT_MS)
