#!/bin/sh
# kvmgui runs from its private virtualenv (Debian 12 has no PySide6)
exec /usr/lib/kvmgui/venv/bin/python -m kvmgui "$@"
