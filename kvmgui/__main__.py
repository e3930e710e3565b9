"""Entry point: arguments, logging, QApplication and the qasync loop."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence

from kvmgui import __version__
from kvmgui.core.logsetup import setup_logging
from kvmgui.core.uri import demo_uri, uri_problem


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kvmgui", description="A fast desktop manager for local KVM virtual machines."
    )
    parser.add_argument(
        "uris", metavar="URI", nargs="*",
        help="open these connections only, e.g. qemu:///system (as -c does)",
    )
    parser.add_argument(
        "-c", "--connect", metavar="URI", action="append", default=[],
        help="open this connection only (repeatable), e.g. qemu:///system",
    )
    parser.add_argument(
        "--demo", action="store_true",
        help="open the built-in demo fleet (libvirt's test driver; no daemon needed)",
    )
    parser.add_argument(
        "--check", action="store_true",
        help="start, print to stderr how many domains each connection listed and "
        "whether the icon loaded, then exit (status 1 if anything failed)",
    )
    parser.add_argument("--debug", action="store_true", help="log in detail to stderr")
    parser.add_argument("--version", action="version", version=f"kvmgui {__version__}")
    args = parser.parse_intermixed_args(argv)
    # The desktop entry's %U and -c are two ways to name the same connections.
    args.connect += args.uris
    for uri in args.connect:
        problem = uri_problem(uri)
        if problem:
            parser.error(f"{uri}: {problem}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # libvirt's event loop runs on GLib's default context; Qt must not use it
    # too, or Qt timers fire on the libvirt thread. Set before QApplication.
    os.environ["QT_NO_GLIB"] = "1"
    log_file = setup_logging(args.debug)
    uris = list(args.connect)
    if args.demo:
        uris.append(demo_uri())

    # The named local connections start opening before asyncio and Qt load: a
    # large test-driver file or a slow daemon takes longer to open than the
    # window to appear. A remote one may ask for a passphrase, which needs the window.
    from kvmgui.core.opening import start_opening
    from kvmgui.core.uri import is_local_uri

    openings = {uri: start_opening(uri) for uri in dict.fromkeys(uris) if is_local_uri(uri)}

    import asyncio

    from PySide6.QtWidgets import QApplication

    from kvmgui.core.events import ensure_event_loop
    from kvmgui.ui.app import App
    from kvmgui.ui.i18n import install_translators
    from kvmgui.ui.settings import Settings
    from kvmgui.ui.theme import ColorSchemeFollower
    from kvmgui.ui.widgets.icons import app_icon

    ensure_event_loop()
    qapp = QApplication(sys.argv[:1])
    qapp.setApplicationName("kvmgui")
    qapp.setDesktopFileName("kvmgui")
    qapp.setWindowIcon(app_icon())
    install_translators(qapp)
    ColorSchemeFollower(qapp)
    app = App.start(qapp, Settings(), log_file)

    # The connections are added first: their first steps, queued before the
    # window's construction, hand libvirt's work to pool threads, which work
    # while this thread imports and builds the window.
    explicit = bool(uris)
    for uri in uris or app.settings.connection_uris():
        app.manager.add(uri, opening=openings.get(uri))
    check = None
    if args.check:
        from kvmgui.ui.startup_check import StartupCheck

        check = StartupCheck(app.manager, qapp.windowIcon(), sys.stderr)
    windows: list[object] = []  # kept alive while the loop runs

    def show_window() -> None:
        from kvmgui.ui.first_paint import FirstRowsPaintLog
        from kvmgui.ui.mainwindow import MainWindow

        window = MainWindow(app, remember_connections=not explicit)
        FirstRowsPaintLog(window.view, app.manager)
        if log_file is not None:
            window.statusBar().showMessage(f"Log: {log_file}", 5000)
        window.show()
        windows.append(window)

    app.loop.call_soon(show_window)
    signal.signal(signal.SIGINT, lambda *_: qapp.quit())
    try:
        app.loop.run_forever()  # returns when the last window closes
    finally:
        # Tasks still waiting (a libvirt call in a pool thread) end cancelled,
        # not destroyed pending when the loop goes.
        pending = asyncio.all_tasks(app.loop)
        for task in pending:
            task.cancel()
        if pending:
            app.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        app.loop.close()
    return 0 if check is None or check.passed else 1


if __name__ == "__main__":
    sys.exit(main())
