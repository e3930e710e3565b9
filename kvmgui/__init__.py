"""kvmgui: a fast desktop manager for local KVM virtual machines."""

__version__ = "0.1.0"
