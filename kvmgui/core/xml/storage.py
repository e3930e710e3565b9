"""Storage pool and volume XML builders."""

from __future__ import annotations

from typing import Literal

from lxml import etree

VolumeFormat = Literal["qcow2", "raw"]


def indented_xml(root: etree._Element) -> str:
    """``root`` as text, indented by two spaces, with a final newline."""
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode") + "\n"


def dir_pool_xml(name: str, path: str) -> str:
    """A directory pool (``<pool type='dir'>``) at ``path``."""
    if not name or not path.startswith("/"):
        raise ValueError("a pool needs a name and an absolute path")
    root = etree.Element("pool", type="dir")
    etree.SubElement(root, "name").text = name
    target = etree.SubElement(root, "target")
    etree.SubElement(target, "path").text = path
    return indented_xml(root)


def volume_xml(
    name: str,
    capacity_bytes: int,
    fmt: VolumeFormat = "qcow2",
    backing: tuple[str, VolumeFormat] | None = None,
) -> str:
    """A volume of ``capacity_bytes`` (allocated lazily), optionally over a backing file.

    ``backing`` is (path, format) of the image the new qcow2 reads through, e.g. a
    downloaded cloud image; the backing file is never written.
    """
    if not name or "/" in name:
        raise ValueError(f"invalid volume name {name!r}")
    if capacity_bytes <= 0:
        raise ValueError("volume capacity must be positive")
    if fmt not in ("qcow2", "raw"):
        raise ValueError(f"unsupported volume format {fmt!r}")
    if backing is not None:
        if fmt != "qcow2":
            raise ValueError("only a qcow2 volume can have a backing file")
        if not backing[0].startswith("/") or backing[1] not in ("qcow2", "raw"):
            raise ValueError(f"invalid backing store {backing!r}")
    root = etree.Element("volume")
    etree.SubElement(root, "name").text = name
    etree.SubElement(root, "capacity", unit="bytes").text = str(capacity_bytes)
    # Thin: qcow2 grows on demand, raw is sparse.
    etree.SubElement(root, "allocation", unit="bytes").text = "0"
    target = etree.SubElement(root, "target")
    etree.SubElement(target, "format", type=fmt)
    if fmt == "qcow2":
        # libvirt otherwise writes qcow2 v2 (compat 0.10): no zero clusters, slower discard.
        etree.SubElement(target, "compat").text = "1.1"
    if backing is not None:
        store = etree.SubElement(root, "backingStore")
        etree.SubElement(store, "path").text = backing[0]
        etree.SubElement(store, "format", type=backing[1])
    return indented_xml(root)
