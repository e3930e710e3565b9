#!/bin/bash
# Installs kvmgui's desktop entry, icon and AppStream metainfo under PREFIX
# (default ~/.local for a user, /usr/local for root), so that desktop menus
# list kvmgui. The kvmgui command itself comes from `pip install .`.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$(id -u)" -eq 0 ]; then default=/usr/local; else default=$HOME/.local; fi
prefix=${1:-$default}
install -Dm644 "$here/resources/kvmgui.desktop" "$prefix/share/applications/kvmgui.desktop"
install -Dm644 "$here/resources/kvmgui.svg" "$prefix/share/icons/hicolor/scalable/apps/kvmgui.svg"
install -Dm644 "$here/resources/io.github.kvmgui.kvmgui.metainfo.xml" \
    "$prefix/share/metainfo/io.github.kvmgui.kvmgui.metainfo.xml"
echo "installed kvmgui's desktop files under $prefix"
