"""Reading a cloud-init seed ISO back, to check what kvmgui wrote into it."""

from __future__ import annotations

import io
import os

import pycdlib


def read_seed_iso(path: str | os.PathLike[str]) -> dict[str, str]:
    """The files of a seed ISO by their Rock Ridge (long) names."""
    iso = pycdlib.PyCdlib()
    iso.open(os.fspath(path))
    try:
        files: dict[str, str] = {}
        for child in iso.list_children(rr_path="/"):
            if child is None or child.is_dot() or child.is_dotdot() or not child.is_file():
                continue
            name = child.rock_ridge.name().decode()
            out = io.BytesIO()
            iso.get_file_from_iso_fp(out, rr_path="/" + name)
            files[name] = out.getvalue().decode()
        return files
    finally:
        iso.close()
