# kvmgui — developer entry points.
#
#   make run   [ARGS=...]         install what is missing, then start the app
#   make test  [PYTEST_ARGS=...]  ruff + mypy + pytest (unit, UI and integration)
#   make lint                     ruff + mypy only
#   make bench                    run benchmarks/bench_*.py
#   make guest                    build (or reuse) the tiny test guest ISO
#   make translations             re-extract the .ts files, rebuild the .qm files
#
# Every target first runs scripts/install-deps.sh, which installs only missing
# Debian packages and reinstalls the venv only when pyproject.toml changed, so
# a second run is quick and needs no network.

SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV        := .venv
PYTHON      := $(VENV)/bin/python
# under the checkout: a fixed path under /var/tmp could be another user's symlink
GUEST_DIR   ?= $(CURDIR)/.cache/guest
TINY_GUEST  := $(GUEST_DIR)/tiny-guest.iso
ARGS        ?=
PYTEST_ARGS ?=

# QT_NO_GLIB=1: Qt must not share GLib's default main context with libvirt's
# event loop thread (see DESIGN.md, "Threads and async").
APP_ENV  := QT_NO_GLIB=1
TEST_ENV := QT_QPA_PLATFORM=offscreen QT_NO_GLIB=1

.PHONY: run test lint bench guest deps venv libvirtd check-display help translations

help:
	@sed -n '3,7s/^# \{0,1\}//p' Makefile

# Debian packages and the venv (both idempotent, offline when nothing changed)
deps:
	@bash scripts/install-deps.sh

venv: deps

# The .ts files (what translators edit) and the .qm files built from them are
# both tracked: an installed wheel or .deb loads the .qm from the package, and
# tests/unit/ui/test_translations.py fails when either is stale.
translations: deps
	@bash scripts/translations.sh

# fatal: tests and benchmarks need qemu:///system
libvirtd: deps
	@bash scripts/ensure-libvirtd.sh

guest: deps
	@bash tests/guest/build-tiny-guest.sh $(GUEST_DIR)

check-display:
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ] && \
	    [ -z "$${QT_QPA_PLATFORM:-}" ]; then \
	    echo "make run: no graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set)." >&2; \
	    echo "  kvmgui is a desktop application: run it from a desktop session," >&2; \
	    echo "  or under a virtual X server:  xvfb-run -a make run" >&2; \
	    exit 1; \
	fi

run: check-display deps
	@bash scripts/ensure-libvirtd.sh || \
	    echo "make run: continuing without a libvirt daemon; kvmgui explains and offers a demo." >&2
	$(APP_ENV) $(VENV)/bin/kvmgui $(ARGS)

lint: deps
	$(VENV)/bin/ruff check kvmgui tests benchmarks
	$(VENV)/bin/mypy

test: deps libvirtd guest
	$(VENV)/bin/ruff check kvmgui tests benchmarks
	$(VENV)/bin/mypy
	$(TEST_ENV) KVMGUI_TINY_GUEST=$(TINY_GUEST) $(VENV)/bin/pytest $(PYTEST_ARGS)

bench: deps libvirtd
	@shopt -s nullglob; benches=(benchmarks/bench_*.py); \
	if [ $${#benches[@]} -eq 0 ]; then echo "make bench: no benchmarks/bench_*.py" >&2; exit 1; fi; \
	status=0; \
	for b in "$${benches[@]}"; do \
	    echo "== $$b"; \
	    $(TEST_ENV) $(PYTHON) "$$b" || { echo "make bench: $$b failed" >&2; status=1; }; \
	done; \
	exit $$status
