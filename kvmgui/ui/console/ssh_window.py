"""An SSH session into a guest in kvmgui's own terminal widget, through a pty."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import termios

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from kvmgui.ui.console.terminal import TerminalWidget
from kvmgui.ui.i18n import translate

HOST_KEY_CHANGED = b"REMOTE HOST IDENTIFICATION HAS CHANGED"


class PtySession(QObject):
    """A command on a new pty whose master end is read on the GUI thread."""

    output = Signal(bytes)
    finished = Signal(int)  # the exit status

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._master = -1
        self._process: subprocess.Popen[bytes] | None = None
        self._notifier: QSocketNotifier | None = None

    def start(self, args: list[str], columns: int, rows: int) -> None:
        master, slave = os.openpty()
        try:
            self._set_size(master, columns, rows)
            # setsid --ctty: the pty becomes the command's controlling terminal,
            # where ssh asks for passwords and passphrases.
            self._process = subprocess.Popen(
                ["setsid", "--ctty", *args], stdin=slave, stdout=slave, stderr=slave,
                close_fds=True, env={**os.environ, "TERM": "xterm-256color"},
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)
        self._master = master
        os.set_blocking(master, False)
        self._notifier = QSocketNotifier(master, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.on_readable)

    @staticmethod
    def _set_size(fd: int, columns: int, rows: int) -> None:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

    def resize(self, columns: int, rows: int) -> None:
        if self._master >= 0:
            self._set_size(self._master, columns, rows)

    def write(self, data: bytes) -> None:
        if self._master >= 0:
            try:
                os.write(self._master, data)
            except BlockingIOError:
                pass  # a full pty: the keystroke is dropped, as a slow terminal would
            except OSError:
                self._end()

    @Slot()
    def on_readable(self) -> None:
        try:
            data = os.read(self._master, 65536)
        except BlockingIOError:
            return
        except OSError:  # EIO: every process holding the pty's other end is gone
            data = b""
        if data:
            self.output.emit(data)
        else:
            self._end()

    def _end(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._master >= 0:
            os.close(self._master)
            self._master = -1
        if self._process is not None:
            process, self._process = self._process, None
            try:
                status = process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                status = process.wait()
            self.finished.emit(status)

    def close(self) -> None:
        """End the command (hang-up, as when a terminal window closes)."""
        if self._process is not None:
            self._process.terminate()
        self._end()


class SshWindow(QMainWindow):
    """A terminal on ``ssh`` into one guest; says why when the session ends badly."""

    def __init__(
        self, title: str, args: list[str], known_hosts: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._known_hosts = known_hosts
        self._seen = bytearray()
        self.terminal = TerminalWidget(self)
        self.terminal.setAccessibleName(translate("console.ssh_window", "SSH terminal"))
        self.setCentralWidget(self.terminal)
        self.session = PtySession(self)
        self.session.output.connect(self.on_output)
        self.session.finished.connect(self.on_finished)
        self.terminal.input_produced.connect(self.session.write)
        self.terminal.size_changed.connect(self.session.resize)
        self.statusBar().showMessage(" ".join(args))
        self.session.start(args, self.terminal.columns, self.terminal.rows)

    @Slot(bytes)
    def on_output(self, data: bytes) -> None:
        self.terminal.feed(data)
        self._seen = (self._seen + data)[-4096:]

    @Slot(int)
    def on_finished(self, status: int) -> None:
        if HOST_KEY_CHANGED in self._seen:
            self.statusBar().showMessage(
                translate(
                    "console.ssh_window",
                    "The guest's host key changed since kvmgui last connected (was it "
                    "re-installed?). ssh refused it. If that is expected, delete {_known_hosts}.",
                ).format(_known_hosts=self._known_hosts)
            )
        else:
            self.statusBar().showMessage(
                translate(
                    "console.ssh_window", "The SSH session ended (exit status {status})."
                ).format(status=status)
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.close()
        super().closeEvent(event)
