"""How fast `kvmgui --connect URI` shows a populated list, timed from outside.

Launches the installed ``kvmgui`` console script as a separate process, under
its own Xvfb server when ``Xvfb`` is installed (else Qt's offscreen platform),
on test-driver files of 200, 2,000 and 10,000 domains (one in four running,
tests/fleet.py), and with ``--system`` on qemu:///system with bench_stats.py's
fleet (200 ``kvmgui-test-bench-`` domains, 50 started paused; made and removed
here). A first launch per fleet is not counted (it writes the bytecode
caches a user's installation has). Each run gets fresh XDG config, state and
runtime directories, so no user setting or remembered connection takes part.

The time is exec → the app's log line "first rows painted after listing: N
domains" (kvmgui/ui/first_paint.py: the list's viewport has handled a paint
event after the first complete listing), taken from the line's timestamp
(millisecond resolution) against the wall clock read just before the spawn.
The app's own figure since its exec (from /proc, 10 ms resolution), its CPU
time and RSS at that moment are printed beside it. Medians and maxima of the
runs are compared with the issue's targets; a miss prints MISS, the script
still exits 0 (non-zero only when a launch fails).

With ``--checkouts DIR...`` each run launches ``python -m kvmgui`` from each
of those source trees in turn (old and new code interleaved, so a busy machine
weighs on both alike) and reports each tree apart.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--sizes 200 2000 10000]
        [--checkouts OLD_TREE NEW_TREE]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fleet import numbered_fleet, write_node

SIZES = (200, 2_000, 10_000)
SYSTEM_URI = "qemu:///system"
# Launch → populated list painted, seconds (the targets).
TARGETS_S = {200: 0.4, 2_000: 0.8, 10_000: 2.0, SYSTEM_URI: 0.4}
LAUNCH_TIMEOUT_S = 120.0
POLL_S = 0.005
CLK_TCK = os.sysconf("SC_CLK_TCK")
LINE = re.compile(
    r"^(?P<stamp>\S+ \S+) INFO .*first rows painted after listing: (?P<domains>\d+) domains, "
    r"(?P<since_exec>[\d.?]+) s after exec"
)


@dataclass(frozen=True)
class Launch:
    seconds: float  # exec → the log line's timestamp
    app_seconds: float | None  # the app's own figure since exec
    cpu_seconds: float  # the app's user+system CPU until the line was seen
    rss_mib: float
    domains: int


def kvmgui_command(checkout: Path | None) -> tuple[list[str], dict[str, str]]:
    """The command that starts kvmgui (from ``checkout``'s sources if given) and its
    environment additions."""
    if checkout is not None:
        return [sys.executable, "-m", "kvmgui"], {"PYTHONPATH": str(checkout)}
    script = Path(sys.executable).parent / "kvmgui"
    return ([str(script)] if script.exists() else [sys.executable, "-m", "kvmgui"]), {}


@contextlib.contextmanager
def display(offscreen: bool) -> Iterator[dict[str, str]]:
    """Environment for the app's Qt platform: a private Xvfb server, or offscreen."""
    if offscreen or shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as answer:
            number = answer.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not report a display")
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait(10)


def proc_cpu_and_rss(pid: int) -> tuple[float, float]:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / CLK_TCK
    rss_pages = int(fields[21])
    return cpu, rss_pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def launch_once(
    uri: str, run_dir: Path, platform_env: dict[str, str], checkout: Path | None
) -> Launch:
    command, command_env = kvmgui_command(checkout)
    for name in ("config", "state", "runtime"):
        (run_dir / name).mkdir(mode=0o700, parents=True)
    env = {
        # A user's installation has its bytecode compiled; this machine's
        # PYTHONDONTWRITEBYTECODE would have every launch compile every module.
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        **platform_env,
        **command_env,
        "XDG_CONFIG_HOME": str(run_dir / "config"),
        "XDG_STATE_HOME": str(run_dir / "state"),
        "XDG_RUNTIME_DIR": str(run_dir / "runtime"),
    }
    log_file = run_dir / "state" / "kvmgui" / "kvmgui.log"
    with open(run_dir / "stderr.txt", "wb") as stderr:
        started = time.time()
        process = subprocess.Popen(
            # In the run's directory: `python -m` puts the working directory
            # first on sys.path, before the checkout's PYTHONPATH.
            [*command, "--connect", uri], env=env, cwd=run_dir,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr,
        )
        try:
            match = wait_for_line(log_file, process)
            cpu, rss = proc_cpu_and_rss(process.pid)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    stamp = datetime.datetime.strptime(match["stamp"], "%Y-%m-%d %H:%M:%S,%f").timestamp()
    since_exec = match["since_exec"]
    return Launch(
        seconds=stamp - started,
        app_seconds=None if since_exec == "?" else float(since_exec),
        cpu_seconds=cpu, rss_mib=rss, domains=int(match["domains"]),
    )


def wait_for_line(log_file: Path, process: subprocess.Popen[bytes]) -> re.Match[str]:
    deadline = time.monotonic() + LAUNCH_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kvmgui exited with status {process.returncode}")
        with contextlib.suppress(FileNotFoundError):
            for line in log_file.read_text(encoding="utf-8").splitlines():
                match = LINE.match(line)
                if match:
                    return match
        time.sleep(POLL_S)
    raise RuntimeError(f"no first-paint line in {log_file} after {LAUNCH_TIMEOUT_S:.0f} s")


def report(label: str, expected: int | None, launches: list[Launch], target: float) -> str:
    seconds = [launch.seconds for launch in launches]
    median, worst = statistics.median(seconds), max(seconds)
    # qemu:///system may hold other users' domains, which come and go.
    wrong = [launch.domains for launch in launches if expected not in (None, launch.domains)]
    if wrong:
        raise RuntimeError(f"{label}: the app listed {wrong} domains, expected {expected}")
    app = [launch.app_seconds for launch in launches if launch.app_seconds is not None]
    verdict = "PASS" if median <= target else "MISS"
    print(
        f"  {label}: median {median:.3f} s, max {worst:.3f} s (target ≤ {target:g} s: {verdict});"
        f" app's own figure median {statistics.median(app) if app else float('nan'):.2f} s;"
        f" CPU median {statistics.median(launch.cpu_seconds for launch in launches):.2f} s;"
        f" RSS median {statistics.median(launch.rss_mib for launch in launches):.0f} MiB",
        flush=True,
    )
    return (
        f"| {label} | {median:.3f} s | {worst:.3f} s | ≤ {target:g} s | {verdict} | "
        f"{statistics.median(launch.cpu_seconds for launch in launches):.2f} s | "
        f"{statistics.median(launch.rss_mib for launch in launches):.0f} MiB |"
    )


def bench(uri: str, label: str, expected: int | None, runs: int, tmpdir: Path,
          platform_env: dict[str, str], target: float,
          checkouts: Sequence[Path | None]) -> list[str]:
    """Rows of the table: one per checkout, launched in turn in every run."""
    print(f"\n{label} ({uri})", flush=True)
    launches: dict[Path | None, list[Launch]] = {checkout: [] for checkout in checkouts}
    for number, checkout in enumerate(checkouts):
        # One launch first, not counted: bytecode written, fleet file in the page cache.
        launch_once(uri, tmpdir / f"{label}-{number}-warm-up", platform_env, checkout)
    for index in range(runs):
        for number, checkout in enumerate(checkouts):
            launch = launch_once(uri, tmpdir / f"{label}-{number}-{index}", platform_env,
                                 checkout)
            print(f"  run {index + 1}{'' if checkout is None else f' ({checkout})'}: "
                  f"{launch.seconds:.3f} s (app: {launch.app_seconds} s, "
                  f"CPU {launch.cpu_seconds:.2f} s, RSS {launch.rss_mib:.0f} MiB)", flush=True)
            launches[checkout].append(launch)
    return [
        report(label if checkout is None else f"{label}, {checkout}", expected, runs_of, target)
        for checkout, runs_of in launches.items()
    ]


@contextlib.contextmanager
def system_fleet() -> Iterator[int]:
    """bench_stats.py's fleet on qemu:///system, removed afterwards; yields its size."""
    import libvirt

    from benchmarks.bench_stats import make_fleet, remove_fleet

    conn = libvirt.open(SYSTEM_URI)
    try:
        make_fleet(conn)
        yield len(conn.listAllDomains(0))
    finally:
        remove_fleet(conn)
        conn.close()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES),
                        help="test-driver fleet sizes (default: 200 2000 10000)")
    parser.add_argument("--runs", type=int, default=5, help="launches per fleet")
    parser.add_argument("--system", action="store_true",
                        help="also qemu:///system with 200 domains, 50 paused (starts 50 QEMUs)")
    parser.add_argument("--checkouts", type=Path, nargs="*", default=[],
                        help="source trees to launch in turn, each reported apart "
                        "(default: the installed kvmgui)")
    parser.add_argument("--offscreen", action="store_true",
                        help="Qt's offscreen platform even where Xvfb is installed")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    rows = ["| fleet | median | max | target | result | CPU (median) | RSS (median) |",
            "| --- | ---: | ---: | ---: | --- | ---: | ---: |"]
    with tempfile.TemporaryDirectory(prefix="kvmgui-bench-startup-") as tmp, \
            display(args.offscreen) as platform_env:
        tmpdir = Path(tmp)
        checkouts: list[Path | None] = [*args.checkouts] or [None]
        print(f"bench_startup: {datetime.datetime.now().isoformat(timespec='seconds')}, "
              f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}, "
              f"platform {platform_env['QT_QPA_PLATFORM']}, {args.runs} runs each", flush=True)
        for size in args.sizes:
            path = write_node(tmpdir / f"fleet-{size}.xml", numbered_fleet(size))
            rows += bench(f"test://{path}", f"{size:,} test-driver", size, args.runs,
                          tmpdir, platform_env, TARGETS_S[size], checkouts)
        if args.system:
            with system_fleet() as size:
                rows += bench(SYSTEM_URI, f"{SYSTEM_URI} ({size} domains)", None,
                              args.runs, tmpdir, platform_env, TARGETS_S[SYSTEM_URI], checkouts)
    print("\n" + "\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
