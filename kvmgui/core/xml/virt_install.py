"""The virt-install command line that makes the VM a ``Domain`` model describes.

The arguments are read from the model, device by device, so the line shown to
the user says what kvmgui's own XML says. Where virt-install would add a
device the model lacks (sound, USB redirection, TPM, ...), the line says
``none``. What virt-install already does by default for such a guest (ACPI,
APIC, vmport off, clock timers, suspend off) is left out to keep the line short;
tests/unit/core/test_virt_install.py checks the result against the real
virt-install.
"""

from __future__ import annotations

from collections.abc import Sequence

from kvmgui.core.xml.model import Controller, Disk, Domain, Graphics, Interface


def _subopt(value: str) -> str:
    """A virt-install sub-option value: a literal comma is written twice."""
    return value.replace(",", ",,")


def _opts(*pairs: tuple[str, object]) -> str:
    """``key=value`` sub-options, skipping unset values; a key "" is a bare value."""
    parts = []
    for key, value in pairs:
        if value is None:
            continue
        text = _subopt(str(value))
        parts.append(f"{key}={text}" if key else text)
    return ",".join(parts)


def _on_off(value: bool | None) -> str | None:
    return None if value is None else ("on" if value else "off")


def _install_method(dom: Domain, disks: list[Disk]) -> tuple[list[str], list[Disk]]:
    """How virt-install boots the guest first, and the disks still to pass as ``--disk``."""
    boot = [b.dev for b in dom.boot_devices]
    if boot and boot[0] == "cdrom":
        media = next((d for d in disks if d.device == "cdrom" and d.path), None)
        if media is not None and media.path is not None:
            return ["--cdrom", media.path], [d for d in disks if d != media]
    if boot and boot[0] == "network":
        return ["--pxe"], disks
    if disks:
        return ["--import"], disks
    return ["--install", "no_install=yes"], disks


def _disk(disk: Disk) -> str:
    if disk.type == "volume":
        where: tuple[str, object] = ("vol", f"{disk.source_pool}/{disk.source_volume}")
    else:
        where = ("path", disk.path)
    return _opts(
        where,
        ("device", disk.device if disk.device != "disk" else None),
        ("bus", disk.target_bus),
        ("driver.type", disk.driver_type),
        ("discard", disk.driver_discard),
        # A CD-ROM is read-only anyway.
        ("readonly", "on" if disk.readonly and disk.device != "cdrom" else None),
        ("shareable", "on" if disk.shareable else None),
        ("boot.order", disk.boot_order),
    )


def _network(iface: Interface) -> str:
    if iface.type == "network":
        source: tuple[str, object] = ("network", iface.source_network)
    elif iface.type == "bridge":
        source = ("bridge", iface.source_bridge)
    else:
        source = ("type", iface.type)
    return _opts(
        source,
        ("source", iface.source_dev if iface.type not in ("network", "bridge") else None),
        ("model", iface.model),
        ("mac", iface.mac),
    )


def _graphics(graphics: Graphics) -> str:
    listen = graphics.listen_address
    if any(child.type == "none" for child in graphics.listens):
        listen = "none"
    return _opts(("", graphics.type), ("listen", listen), ("port", graphics.port))


def _controller(controller: Controller) -> str:
    # --controller has no ports= option; "usb3" is virt-install's 15-port qemu-xhci.
    if (controller.type, controller.model, controller.ports) == ("usb", "qemu-xhci", 15):
        return "usb3"
    return _opts(("", controller.type), ("model", controller.model), ("index", controller.index))


def _each(option: str, values: Sequence[str]) -> list[str]:
    """``option value`` for each value, or ``option none`` so virt-install adds no default."""
    argv: list[str] = []
    for value in values or ["none"]:
        argv += [option, value]
    return argv


def virt_install_args(
    dom: Domain, connect_uri: str | None = None, os_name: str | None = None
) -> list[str]:
    """The virt-install argv for ``dom``; ``os_name`` is the osinfo short id to show."""
    argv = ["virt-install"]
    if connect_uri:
        argv += ["--connect", connect_uri]
    memory_kib = dom.memory_kib or 0
    current_kib = dom.current_memory_kib or memory_kib
    if current_kib == memory_kib:
        memory = str(memory_kib // 1024)
    else:
        memory = f"memory={memory_kib // 1024},currentMemory={current_kib // 1024}"
    argv += ["--name", dom.name or "", "--memory", memory, "--vcpus", str(dom.vcpus or 1)]
    if dom.type:
        argv += ["--virt-type", dom.type]
    if dom.arch:
        argv += ["--arch", dom.arch]
    if dom.machine:
        argv += ["--machine", dom.machine]
    if os_name:
        argv += ["--osinfo", os_name]
    elif dom.os_id:
        argv += ["--osinfo", f"id={_subopt(dom.os_id)}"]
    else:
        argv += ["--osinfo", "detect=on,require=off"]
    if dom.is_uefi:
        boot = ["uefi"]
        for i, feature in enumerate(dom.firmware_features):
            boot.append(_opts(
                (f"firmware.feature{i}.name", feature.name),
                (f"firmware.feature{i}.enabled", "yes" if feature.enabled else "no"),
            ))
        argv += ["--boot", ",".join(boot)]
    if dom.smm:
        argv += ["--features", "smm.state=on"]
    if dom.cpu_mode:
        argv += ["--cpu", _opts(
            ("", dom.cpu_mode), ("check", dom.cpu_check),
            ("migratable", _on_off(dom.cpu_migratable)),
        )]

    if dom.clock_offset:
        # Said even when it is virt-install's default: for Windows that is localtime.
        argv += ["--clock", f"offset={dom.clock_offset}"]

    install, disks = _install_method(dom, list(dom.disks))
    argv += install
    argv += _each("--disk", [_disk(d) for d in disks])
    argv += _each("--network", [_network(i) for i in dom.interfaces])
    argv += _each("--graphics", [_graphics(g) for g in dom.graphics])
    argv += _each("--video", [v.model or "default" for v in dom.videos])
    for serial in dom.serials:
        argv += ["--serial", serial.type or "pty"]
    for console in dom.consoles:
        argv += ["--console", _opts(("", console.type), ("target.type", console.target_type))]
    argv += _each("--channel", [
        _opts(("", c.type), ("target.type", c.target_type), ("name", c.target_name))
        for c in dom.channels
    ])
    for controller in dom.controllers:
        argv += ["--controller", _controller(controller)]
    for device in dom.inputs:
        argv += ["--input", _opts(("", device.type), ("bus", device.bus))]
    argv += _each("--sound", [s.model or "default" for s in dom.sounds])
    argv += _each("--redirdev", [_opts(("", r.bus), ("type", r.type)) for r in dom.redirdevs])
    argv += _each("--tpm", [_opts(("model", t.model), ("backend.type", t.backend_type))
                            for t in dom.tpms])
    argv += _each("--rng", [r.backend_source or r.backend_model or "default" for r in dom.rngs])
    argv += _each("--memballoon", [m.model or "default" for m in dom.memballoons])
    events = _opts(
        ("on_poweroff", dom.on_poweroff), ("on_reboot", dom.on_reboot),
        ("on_crash", dom.on_crash),
    )
    if events:
        argv += ["--events", events]
    argv += ["--noautoconsole"]
    return argv
