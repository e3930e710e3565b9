#!/bin/bash
# scripts/translations.sh — re-extract every translatable text into
# resources/translations/kvmgui_<lang>.ts and compile the .qm files next to them.
#
# Core marks its texts with kvmgui.core.texts.Translatable("context", "text"),
# which lupdate reads as QT_TRANSLATE_NOOP; the UI calls translate("context",
# "text"), which lupdate knows. lupdate's Python parser misses some calls and
# most plurals: tests/unit/translation_sources.py completes the file from the
# code's syntax tree (and drops texts gone from the code).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$root/.venv/bin
cd "$root"
mapfile -t sources < <(git ls-files --cached --others --exclude-standard 'kvmgui/*.py')
previous=$(mktemp)
trap 'rm -f "$previous"' EXIT
for ts in resources/translations/kvmgui_*.ts; do
    cp "$ts" "$previous"
    # (English is the source language: translation_sources keeps only the
    # plural forms in its file; lupdate's -pluralonly would drop those it misreads.)
    "$bin/pyside6-lupdate" -silent -locations none \
        -tr-function-alias QT_TRANSLATE_NOOP+=Translatable \
        "${sources[@]}" -ts "$ts"
    "$bin/python" -m tests.unit.translation_sources "$ts" "$previous"
    "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
