"""The Host window's views: storage, networks, diagnostics."""
