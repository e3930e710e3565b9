#!/bin/bash
# scripts/install-deps.sh — install what kvmgui needs to run, test and benchmark.
#
# 1. Debian packages: checks them with dpkg-query and installs only the missing
#    ones (apt-get update runs only when something is missing). As non-root,
#    prints the one "sudo apt-get install ..." line to run and exits 1.
# 2. The project virtualenv .venv (python3 -m venv) with `pip install -e .[test]`,
#    redone only when pyproject.toml is newer than the stamp file inside .venv,
#    so a second run does no network work.
#
# Environment: PYTHON (default python3) is the interpreter the venv is made from.
set -euo pipefail

log() { echo "install-deps: $*" >&2; }
die() { echo "install-deps: $*" >&2; exit 1; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# one run at a time per checkout (concurrent makes would fight over apt and .venv);
# the lock is taken on this script itself, so no lock file is left behind
exec 8<"${BASH_SOURCE[0]}"
flock 8

PACKAGES=(
    # hypervisor and libvirt (qemu:///system); libvirt-dev + pkg-config + gcc +
    # python3-dev build libvirt-python, python3-venv makes the venv on Debian's python
    libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils
    libvirt-dev pkg-config python3-dev python3-venv gcc make
    # dropped by --no-install-recommends: DHCP on libvirt networks, UEFI firmware
    dnsmasq-base ovmf
    # OS database and ISO detection, graphical console
    osinfo-db libosinfo-bin virt-viewer
    # virt-install --print-xml: the test that compares its XML with kvmgui's
    virtinst
    # sshd that the remote-host tests start on a loopback port (never as a service)
    openssh-server
    # a real X server for screenshots of real windows
    xvfb imagemagick xauth
    # runtime libraries of the PySide6 wheels' Qt (QtGui, offscreen and xcb
    # platform plugins); xcb needs icccm4/keysyms1/cursor0 or no window opens
    libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6
    libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 fonts-dejavu-core
    libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0
    libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xinerama0
    libxcb-xkb1 libxcb-util1
    # tools of tests/guest/build-tiny-guest.sh (BIOS + UEFI bootable ISO)
    grub-common grub-pc-bin grub-efi-amd64-bin xorriso mtools cpio gzip xz-utils
    # the Debian package (packaging/build-deb.sh, tests/packaging/test_deb.py):
    # packaging/debian/control's Build-Depends and the checks of the result
    debhelper dh-python python3-pip python3-libvirt python3-lxml python3-numpy
    python3-pyte librsvg2-bin help2man appstream desktop-file-utils lintian
)

# ---- 1. Debian packages ---------------------------------------------------
command -v dpkg-query >/dev/null || die "dpkg-query not found: this script expects Debian 12"

declare -A INSTALLED=()
while IFS=$'\t' read -r name status; do
    [ "$status" = installed ] && INSTALLED[$name]=1
done < <(dpkg-query -W -f='${Package}\t${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)

MISSING=()
for p in "${PACKAGES[@]}"; do
    [ -n "${INSTALLED[$p]:-}" ] || MISSING+=("$p")
done

if [ ${#MISSING[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        log "missing Debian packages: ${MISSING[*]}"
        log "install them with:"
        echo "sudo apt-get install -y --no-install-recommends ${MISSING[*]}"
        exit 1
    fi
    log "installing ${MISSING[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${MISSING[@]}"
fi

# ---- 2. virtualenv ----------------------------------------------------------
VENV=$ROOT/.venv
STAMP=$VENV/.kvmgui-pip-stamp
PYTHON=${PYTHON:-python3}

# a venv whose interpreter is gone or broken (e.g. made by another python) is remade
if [ -e "$VENV" ] && ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    log "$VENV is broken, recreating it"
    rm -rf "$VENV"
fi

if [ ! -x "$VENV/bin/python" ]; then
    command -v "$PYTHON" >/dev/null || die "$PYTHON not found (install python3, python3-venv)"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        die "$PYTHON is $("$PYTHON" -V 2>&1); kvmgui needs Python >= 3.11"
    log "creating $VENV with $(command -v "$PYTHON") ($("$PYTHON" -V 2>&1))"
    "$PYTHON" -m venv "$VENV" || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
fi

if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
    log "pip install -e '.[test]'"
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    "$VENV/bin/python" -m pip install --progress-bar off -e '.[test]'
    touch "$STAMP"
else
    log ".venv is up to date"
fi
