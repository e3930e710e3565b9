"""The New-VM wizard: source, resources, finish; the create runs off the GUI thread."""

from kvmgui.ui.wizard.wizard import NewVmWizard

__all__ = ["NewVmWizard"]
