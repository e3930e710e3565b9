#!/bin/bash
# scripts/ensure-libvirtd.sh — make sure a libvirt daemon answers on qemu:///system.
#
# Exit 0 when `virsh -c qemu:///system` answers (starting the daemons
# first when run as root and none answers), exit 1 with an explanation on
# stderr otherwise. It never stops or kills anything.
#
# As root without systemd (containers, CI): starts `virtlogd -d` and
# `libvirtd -d` if they are not running. As root with systemd: starts the
# libvirtd units. As a normal user: only explains what to do.
set -uo pipefail

URI=qemu:///system
WAIT_SECONDS=${ENSURE_LIBVIRTD_WAIT:-20}
LOG_DIR=/var/log/libvirt
# Root-owned /run, not /var/tmp where any user could plant a symlink first.
STARTED_RECORD_DIR=/run/kvmgui-test

say() { echo "ensure-libvirtd: $*" >&2; }

# A cheap RPC on a fresh connection. Not "virsh version": it makes libvirtd
# look up the QEMU capabilities, which it re-probes (4-9 s) on every call
# when /dev/kvm is not accessible to libvirt-qemu (hosts without udev).
virsh_answers() {
    timeout 10 virsh -c "$URI" uri >/dev/null 2>&1
}

# is a process with this exact command name running? (/proc scan: no procps
# needed; a zombie, not yet reaped after it stopped, does not count)
running() {
    local comm dir
    for comm in /proc/[0-9]*/comm; do
        [ "$(cat "$comm" 2>/dev/null)" = "$1" ] || continue
        dir=${comm%/comm}
        grep -q '^State:[[:space:]]*Z' "$dir/status" 2>/dev/null || return 0
    done
    return 1
}

wait_for_virsh() {
    local deadline=$((SECONDS + WAIT_SECONDS))
    while [ $SECONDS -lt $deadline ]; do
        virsh_answers && return 0
        sleep 0.5
    done
    virsh_answers
}

explain_and_fail() {
    local err
    err=$(timeout 10 virsh -c "$URI" uri 2>&1 >/dev/null | grep -v '^$' | head -n 3)
    say "cannot use $URI${1:+: $1}"
    [ -n "$err" ] && { echo "  virsh says:"; sed 's/^/    /' <<<"$err"; } >&2
    if [ "$(id -u)" -ne 0 ]; then
        cat >&2 <<EOF
  To fix it:
    - start the daemon:      sudo systemctl start libvirtd
      (without systemd:      sudo virtlogd -d && sudo libvirtd -d)
    - if it runs but you are refused, join the libvirt group and log in again:
                             sudo usermod -aG libvirt $(id -un)
    - or run this as root:   sudo $0
EOF
    else
        cat >&2 <<EOF
  Look at $LOG_DIR/ for the daemon's messages, or run it in the foreground
  to see why it does not start:   libvirtd --verbose
EOF
    fi
    exit 1
}

command -v virsh >/dev/null 2>&1 ||
    { say "virsh not found: run scripts/install-deps.sh (Debian: libvirt-clients)"; exit 1; }

# What udev does on a desktop Debian (KERNEL=="kvm", GROUP="kvm", MODE="0660"):
# without udev /dev/kvm stays root-only, QEMU run as libvirt-qemu cannot use
# it, and libvirt re-probes QEMU's capabilities (4-9 s) on every call.
if [ "$(id -u)" -eq 0 ] && [ -c /dev/kvm ] && [ ! -d /run/udev ] && getent group kvm >/dev/null &&
   [ "$(stat -c %G:%a /dev/kvm)" != kvm:660 ]; then
    say "giving /dev/kvm to group kvm, mode 0660, as udev would"
    chgrp kvm /dev/kvm && chmod 0660 /dev/kvm
fi

virsh_answers && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if running libvirtd || running virtqemud || [ -S /run/libvirt/libvirt-sock ]; then
        explain_and_fail "a daemon runs but does not accept user $(id -un)"
    fi
    explain_and_fail "none runs, and only root can start one"
fi

if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    say "starting libvirtd with systemd"
    systemctl start virtlogd.socket libvirtd.socket libvirtd.service >&2 ||
        say "systemctl start failed"
else
    mkdir -p "$LOG_DIR"
    # a clean environment: the daemons must not inherit the caller's
    # (make, pytest, a desktop session) variables
    start_daemon() {
        local name=$1
        if running "$name"; then
            say "$name is already running"
            return 0
        fi
        command -v "$name" >/dev/null 2>&1 || [ -x "/usr/sbin/$name" ] ||
            { say "$name not found (Debian: libvirt-daemon-system)"; return 1; }
        say "starting $name -d"
        env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            LANG=C.UTF-8 "$name" -d </dev/null >>"$LOG_DIR/$name-start.log" 2>&1 ||
            { say "$name -d failed, see $LOG_DIR/$name-start.log"; return 1; }
    }
    start_daemon virtlogd
    start_daemon libvirtd
fi

say "waiting up to ${WAIT_SECONDS}s for $URI"
if wait_for_virsh; then
    say "libvirtd answers on $URI"
    # The integration tests may restart a daemon that this script started,
    # and only such a one: they check its PID against this record.
    if [ -s /run/libvirtd.pid ]; then
        mkdir -p -m 0700 "$STARTED_RECORD_DIR"
        if [ -d "$STARTED_RECORD_DIR" ] && [ ! -L "$STARTED_RECORD_DIR" ] &&
           [ "$(stat -c %u "$STARTED_RECORD_DIR")" = "$(id -u)" ]; then
            cp /run/libvirtd.pid "$STARTED_RECORD_DIR/libvirtd.pid"
        else
            say "not recording the daemon: $STARTED_RECORD_DIR is not a directory of this user"
        fi
    fi
    exit 0
fi
explain_and_fail "after ${WAIT_SECONDS}s"
