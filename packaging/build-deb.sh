#!/bin/bash
# packaging/build-deb.sh [OUTDIR] — builds kvmgui's Debian package on Debian 12.
#
# Copies the checkout's sources (tracked and untracked files that git does not
# ignore) to a scratch directory, puts packaging/debian/ at its top as debian/,
# runs `dpkg-buildpackage -us -uc -b` there and moves the .deb, .buildinfo and
# .changes to OUTDIR (default: dist/ of the checkout). The build needs the
# Build-Depends of packaging/debian/control (scripts/install-deps.sh installs
# them) and pip's index or cache for the wheels Debian lacks.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(realpath -m "${1:-$root/dist}")
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source=$work/kvmgui
mkdir "$source"

# files deleted in the working tree are still in git's index: skip them
(cd "$root" && git ls-files -z --cached --others --exclude-standard) |
    while IFS= read -r -d '' file; do
        [ -e "$root/$file" ] && printf '%s\0' "$file"
    done |
    tar -C "$root" --null --files-from=- -cf - | tar -C "$source" -xf -
cp -r "$source/packaging/debian" "$source/debian"

(cd "$source" && dpkg-buildpackage -us -uc -b)
mv "$work"/kvmgui_*.deb "$work"/kvmgui_*.buildinfo "$work"/kvmgui_*.changes "$out"/
ls "$out"/kvmgui_*.deb
