#!/bin/bash
# tests/guest/build-tiny-guest.sh OUTDIR
#
# Builds OUTDIR/tiny-guest.iso, the tiny bootable x86_64 guest of kvmgui's
# end-to-end tests (see tests/guest/README.md): a Debian kernel and a
# busybox-static initramfs on a grub-mkrescue ISO that boots with BIOS or UEFI.
#
# Guest behaviour (tests rely on it):
#   - loads virtio (and e1000/e1000e/8139 if modular) NIC/disk modules, takes a
#     DHCP lease with udhcpc on the first NIC;
#   - prints "TINY-GUEST READY ip=ADDR" (or "ip=none" if no lease within ~20 s)
#     on the serial console (ttyS0) and the screen (tty0); a lease that comes
#     later prints the marker again with the address;
#   - root shells on ttyS0 and tty1, prompt "tiny-guest# ", respawned;
#   - an SSH server (dropbear) on port 22 once the lease is taken: root logs in
#     without a password (the guest lives only on isolated test networks);
#   - ACPI power button (virsh shutdown) -> acpid -> poweroff;
#     ctrl-alt-del -> poweroff.
#
# Knobs (environment):
#   TINY_GUEST_KERNEL=cloud-amd64|amd64  Debian kernel flavour (default cloud-amd64:
#                                        LZ4 kernel, quick to decompress under TCG)
#   TINY_GUEST_CMDLINE=...               extra kernel command line
#   TINY_GUEST_FORCE=1                   rebuild even if the cached ISO is current
#
# The cached ISO is reused when its .info file records the same knobs and the
# same checksum of this script. The kernel and busybox-static packages are
# downloaded with "apt-get download" and unpacked under OUTDIR, never installed
# on the host. Root (or passwordless sudo) is needed only when build tools are
# missing. OUTDIR and the ISO are made world-readable: libvirt's QEMU runs as
# libvirt-qemu and must be able to read the ISO.
set -euo pipefail

PROG=build-tiny-guest
say() { echo "$PROG: $*" >&2; }
die() { say "$*"; exit 1; }

[ $# -eq 1 ] && [ -n "$1" ] || die "usage: $0 OUTDIR"

FLAVOUR=${TINY_GUEST_KERNEL:-cloud-amd64}
EXTRA_CMDLINE=${TINY_GUEST_CMDLINE:-}
SCRIPT=$(readlink -f "${BASH_SOURCE[0]}")
SCRIPT_SUM=$(sha256sum "$SCRIPT" | cut -d' ' -f1)
BUILD_ID="tiny-guest flavour=$FLAVOUR cmdline=$EXTRA_CMDLINE script=$SCRIPT_SUM"

# ---- OUTDIR: create it (and missing parents) world-readable -------------------
make_dirs() {
    local d=$1
    [ -d "$d" ] && return 0
    make_dirs "$(dirname "$d")"
    mkdir "$d"
    chmod 755 "$d"
}
case $1 in /*) make_dirs "$1" ;; *) make_dirs "$PWD/$1" ;; esac
OUTDIR=$(cd "$1" && pwd -P)
chmod 755 "$OUTDIR" 2>/dev/null || true
ISO=$OUTDIR/tiny-guest.iso
INFO=$OUTDIR/tiny-guest.iso.info

# one build at a time per OUTDIR
exec 9>"$OUTDIR/.tiny-guest.lock"
flock 9

is_current() {
    [ -z "${TINY_GUEST_FORCE:-}" ] && [ -s "$ISO" ] && [ -f "$INFO" ] &&
        [ "$(head -n1 "$INFO")" = "$BUILD_ID" ]
}
if is_current; then
    chmod 644 "$ISO" 2>/dev/null || true
    say "$ISO is up to date"
    exit 0
fi

# ---- apt helpers ----------------------------------------------------------------
AS_ROOT=()
[ "$(id -u)" -eq 0 ] || AS_ROOT=(sudo -n)
UPDATED=
apt_update() {
    [ -n "$UPDATED" ] && return 0
    say "apt-get update"
    "${AS_ROOT[@]}" apt-get update -qq >&2 || die "apt-get update failed"
    UPDATED=1
}
apt_knows() { apt-cache show --no-all-versions "$@" >/dev/null 2>&1; }
is_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}
ensure_tools() {
    local need=() p
    for p in "$@"; do is_installed "$p" || need+=("$p"); done
    [ ${#need[@]} -eq 0 ] && return 0
    say "installing build tools: ${need[*]}"
    apt_knows "${need[@]}" || apt_update
    "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${need[@]}" >&2 ||
        die "cannot install ${need[*]} (run scripts/install-deps.sh as root)"
}
# fetch PKG's candidate .deb into DIR (not installed); print the file name
fetch_deb() {
    local pkg=$1 dir=$2 opts=(-q) f
    # as root, apt drops to the _apt user, which cannot write into our 0700 work dir
    [ "$(id -u)" -eq 0 ] && opts+=(-o APT::Sandbox::User=root)
    apt_knows "$pkg" || apt_update
    if ! (cd "$dir" && apt-get "${opts[@]}" download "$pkg" >&2); then
        apt_update
        (cd "$dir" && apt-get "${opts[@]}" download "$pkg" >&2) || die "cannot download $pkg"
    fi
    f=$(find "$dir" -maxdepth 1 -name "${pkg}_*.deb" | head -n1)
    [ -n "$f" ] || die "cannot download $pkg"
    echo "$f"
}

# ---- build tools ----------------------------------------------------------------
TOOLS=(grub-common grub-pc-bin xorriso mtools cpio gzip xz-utils)
if is_installed grub-efi-amd64-bin || apt_knows grub-efi-amd64-bin ||
   { apt_update; apt_knows grub-efi-amd64-bin; }; then
    TOOLS+=(grub-efi-amd64-bin)     # UEFI boot: a few MB more
else
    say "warning: grub-efi-amd64-bin unavailable, the ISO will boot with BIOS only"
fi
ensure_tools "${TOOLS[@]}"
command -v grub-mkrescue >/dev/null || die "grub-mkrescue not found"

# ---- scratch space inside OUTDIR (same filesystem: the final mv is atomic) ------
WORK=$(mktemp -d "$OUTDIR/.tiny-guest-build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DL=$WORK/debs KX=$WORK/kernel BBX=$WORK/busybox R=$WORK/rootfs ISODIR=$WORK/iso
mkdir -p "$DL" "$KX" "$BBX" "$R" "$ISODIR/boot/grub"

# ---- kernel: metapackage -> versioned image package -> unpack --------------------
META=linux-image-$FLAVOUR
apt_knows "$META" || apt_update
KPKG=$(apt-cache depends "$META" 2>/dev/null |
       awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { print $2; exit }')
[ -n "$KPKG" ] || die "cannot resolve $META to a kernel image package"
say "kernel: $KPKG"
KDEB=$(fetch_deb "$KPKG" "$DL")
dpkg-deb -x "$KDEB" "$KX"
VMLINUZ=$(find "$KX/boot" -maxdepth 1 -name 'vmlinuz-*' | head -n1)
[ -n "$VMLINUZ" ] || die "no vmlinuz in $KDEB"
KVER=${VMLINUZ##*/vmlinuz-}
MODROOT=
for d in "$KX/lib/modules/$KVER" "$KX/usr/lib/modules/$KVER"; do
    if [ -d "$d/kernel" ]; then MODROOT=$d; break; fi
done
[ -n "$MODROOT" ] || die "no kernel modules in $KDEB"

# ---- busybox-static (unpacked only: installing it would replace the host's busybox)
BBDEB=$(fetch_deb busybox-static "$DL")
dpkg-deb -x "$BBDEB" "$BBX"
BB=$BBX/bin/busybox
[ -x "$BB" ] || die "no busybox binary in $BBDEB"

# ---- dropbear (SSH server) and the libraries it links, unpacked from their packages --
DBX=$WORK/dropbear
mkdir -p "$DBX"
for pkg in dropbear-bin libc6 libcrypt1 libtomcrypt1 libtommath1 libgmp10 zlib1g; do
    dpkg-deb -x "$(fetch_deb "$pkg" "$DL")" "$DBX"
done
[ -x "$DBX/usr/sbin/dropbear" ] || die "no dropbear binary in dropbear-bin"

# ---- root filesystem --------------------------------------------------------------
mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,etc/acpi/PWRF,proc,sys,dev,run,tmp,root,var/log,lib/modules}
chmod 1777 "$R/tmp"
install -m 755 "$BB" "$R/bin/busybox"
while read -r applet; do
    [ "$applet" = busybox ] || ln -s busybox "$R/bin/$applet"
done < <("$BB" --list)
ln -sf ../bin/busybox "$R/sbin/init"
install -m 755 "$DBX/usr/sbin/dropbear" "$R/bin/dropbear"
mkdir -p "$R/lib/x86_64-linux-gnu" "$R/lib64" "$R/etc/dropbear"
# the libraries dropbear needs (readelf -d, and libtomcrypt's libgmp) and the loader;
# the loader finds them in its built-in multiarch directory, no ld.so.cache needed
for lib in ld-linux-x86-64.so.2 libc.so.6 libcrypt.so.1 libtomcrypt.so.1 libtommath.so.1 \
           libgmp.so.10 libz.so.1; do
    f=$(find "$DBX" -name "$lib" \( -type f -o -type l \) | head -n1)
    [ -n "$f" ] || die "no $lib in dropbear's dependencies"
    cp -L "$f" "$R/lib/x86_64-linux-gnu/$lib"
done
ln -s ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$R/lib64/ld-linux-x86-64.so.2"
# the kernel's built-in initramfs provides /dev/console too; add it when we can
[ "$(id -u)" -ne 0 ] || mknod -m 600 "$R/dev/console" c 5 1

# ---- kernel modules: the wanted ones that are modular here, dependencies first ----
# button + evdev: the ACPI power button reaches acpid (virsh shutdown)
WANTED="virtio_pci virtio_mmio virtio_net virtio_blk virtio_scsi virtio_console
        virtio_rng virtio_balloon virtio_input e1000 e1000e 8139cp 8139too
        button evdev"
declare -A KO=() SEEN=()
while IFS= read -r path; do
    name=${path##*/}; name=${name%%.ko*}; name=${name//-/_}
    KO[$name]=$path
done < <(find "$MODROOT/kernel" -name '*.ko' -o -name '*.ko.*')
ORDER=()
unpack_module() {  # SRC DST: copy a module, decompressing it
    case $1 in
        *.ko.xz)  xz -dc "$1" >"$2" ;;
        *.ko.gz)  gzip -dc "$1" >"$2" ;;
        *.ko.zst) command -v zstd >/dev/null || die "zstd is needed for $1"
                  zstd -qdc "$1" >"$2" ;;
        *)        cp "$1" "$2" ;;
    esac
}
module_depends() {  # the depends= entry of a module's .modinfo strings
    tr '\0' '\n' <"$1" | sed -n 's/^depends=//p' | head -n1 | tr ',' ' '
}
add_module() {
    local m=${1//-/_} dep tmp
    [ -z "${SEEN[$m]:-}" ] || return 0
    SEEN[$m]=1
    [ -n "${KO[$m]:-}" ] || return 0          # built into the kernel, or absent
    tmp=$WORK/$m.ko
    unpack_module "${KO[$m]}" "$tmp"
    for dep in $(module_depends "$tmp"); do add_module "$dep"; done
    mv "$tmp" "$R/lib/modules/$m.ko"
    ORDER+=("$m")
}
for m in $WANTED; do add_module "$m"; done
printf '%s\n' "${ORDER[@]}" >"$R/etc/tiny-modules"
say "modules: ${ORDER[*]:-none (all built in)}"

# ---- /etc -------------------------------------------------------------------------
echo tiny-guest >"$R/etc/hostname"
echo 'root::0:0:root:/root:/bin/sh' >"$R/etc/passwd"   # no password: see dropbear -B
echo /bin/sh >"$R/etc/shells"
echo 'root:x:0:' >"$R/etc/group"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$R/etc/hosts"
cat >"$R/etc/profile" <<'EOF'
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root
PS1='tiny-guest# '
cd /root
EOF
# busybox ash writes ESC[6n (cursor position query) after every prompt: terminal
# emulators answer it, raw readers see "tiny-guest# \e[6n".
cat >"$R/etc/inittab" <<'EOF'
ttyS0::respawn:-/bin/sh
tty1::respawn:-/bin/sh
::ctrlaltdel:/bin/poweroff
::shutdown:/bin/sync
EOF

# print a line on the serial console and on the screen
cat >"$R/bin/tiny-say" <<'EOF'
#!/bin/sh
for tty in /dev/ttyS0 /dev/tty0; do
    [ -c "$tty" ] && echo "$*" >"$tty" 2>/dev/null
done
exit 0
EOF

# busybox acpid runs /etc/acpi/PWRF/00000080 when the power button is pressed
cat >"$R/etc/acpi/PWRF/00000080" <<'EOF'
#!/bin/sh
/bin/tiny-say "TINY-GUEST POWEROFF (ACPI power button)"
exec /bin/poweroff
EOF

# udhcpc event script; a lease obtained after /init stopped waiting prints READY again
cat >"$R/etc/udhcpc.script" <<'EOF'
#!/bin/sh
case $1 in
deconfig)
    ip -4 addr flush dev "$interface"
    ip link set "$interface" up
    ;;
bound|renew)
    previous=$(cat /run/tiny-guest.ip 2>/dev/null)
    ip -4 addr flush dev "$interface"
    ip -4 addr add "$ip/${mask:-24}" ${broadcast:+broadcast "$broadcast"} dev "$interface"
    for gw in $router; do
        ip -4 route add default via "$gw" dev "$interface" 2>/dev/null && break
    done
    : >/etc/resolv.conf
    for ns in $dns; do echo "nameserver $ns" >>/etc/resolv.conf; done
    echo "$ip" >/run/tiny-guest.ip
    if [ -e /run/tiny-guest.waited ] && [ "$previous" != "$ip" ]; then
        /bin/tiny-say "TINY-GUEST READY ip=$ip"
    fi
    ;;
esac
exit 0
EOF

cat >"$R/init" <<'EOF'
#!/bin/sh
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /run
exec </dev/console >/dev/console 2>&1
hostname -F /etc/hostname
ip link set lo up

while read -r m; do
    [ -n "$m" ] && insmod "/lib/modules/$m.ko" 2>/dev/null
done </etc/tiny-modules
acpid    # daemonizes: ACPI power button -> /etc/acpi/PWRF/00000080

# the first network interface that is not loopback or a tunnel (wait <= 5 s)
nic=
n=0
while [ -z "$nic" ] && [ $n -lt 50 ]; do
    for path in /sys/class/net/*; do
        case ${path##*/} in lo|sit*|tunl*|ip6tnl*|\*) continue ;; esac
        nic=${path##*/}
        break
    done
    [ -n "$nic" ] || { n=$((n + 1)); sleep 0.1; }
done

addr=none
if [ -n "$nic" ]; then
    ip link set "$nic" up
    # wait (<= 5 s) for the carrier so the first DHCPDISCOVER is not lost
    n=0
    while [ $n -lt 50 ] && [ "$(cat "/sys/class/net/$nic/carrier" 2>/dev/null)" != 1 ]; do
        n=$((n + 1)); sleep 0.1
    done
    # returns once bound; after 10 x 2 s without a lease it goes on in the background
    udhcpc -i "$nic" -s /etc/udhcpc.script -x hostname:tiny-guest -t 10 -T 2 -b \
        -p /run/udhcpc.pid
    addr=$(cat /run/tiny-guest.ip 2>/dev/null || echo none)
fi
: >/run/tiny-guest.waited
# -R: host keys made at the first connection; -B: root logs in without a password
dropbear -R -B -p 22 2>/dev/null
dmesg -n 1    # no more kernel messages on the interactive consoles
tiny-say ""
tiny-say "TINY-GUEST READY ip=$addr"
exec /sbin/init
EOF
chmod 755 "$R/init" "$R/bin/tiny-say" "$R/etc/udhcpc.script" "$R/etc/acpi/PWRF/00000080"

# ---- initramfs + kernel ---------------------------------------------------------------
(cd "$R" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc -R 0:0 --quiet) |
    gzip -9n >"$ISODIR/boot/initrd.gz"
cp "$VMLINUZ" "$ISODIR/boot/vmlinuz"

# ---- grub: no menu, no timeout, output on screen and serial -----------------------------
CMDLINE="console=tty0 console=ttyS0,115200n8${EXTRA_CMDLINE:+ $EXTRA_CMDLINE}"
cat >"$ISODIR/boot/grub/grub.cfg" <<EOF
set timeout=0
set default=0
serial --unit=0 --speed=115200
terminal_input console serial
terminal_output console serial
# UEFI: without a GOP/UGA driver the kernel gets no framebuffer (blank screen)
if [ "\$grub_platform" = "efi" ]; then
    insmod efi_gop
    insmod efi_uga
fi
menuentry "tiny-guest ($KVER)" {
    linux /boot/vmlinuz $CMDLINE
    initrd /boot/initrd.gz
}
EOF

# ---- ISO ----------------------------------------------------------------------------------
say "grub-mkrescue"
if ! grub-mkrescue -o "$WORK/tiny-guest.iso" --compress=xz --locales= --themes= --fonts= \
        "$ISODIR" -- -volid TINYGUEST >"$WORK/grub-mkrescue.log" 2>&1; then
    cat "$WORK/grub-mkrescue.log" >&2
    die "grub-mkrescue failed"
fi
chmod 644 "$WORK/tiny-guest.iso"
{
    echo "$BUILD_ID"
    echo "kernel=$KPKG $(dpkg-deb -f "$KDEB" Version)"
    echo "busybox=$(dpkg-deb -f "$BBDEB" Version)"
    echo "modules=${ORDER[*]:-}"
    echo "cmdline=$CMDLINE"
} >"$WORK/info"
chmod 644 "$WORK/info"
mv -f "$WORK/tiny-guest.iso" "$ISO"
mv -f "$WORK/info" "$INFO"
say "wrote $ISO ($(du -h "$ISO" | cut -f1))"
