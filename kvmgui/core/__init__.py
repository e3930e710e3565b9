"""The kvmgui library: libvirt access, XML, statistics. Never imports Qt."""
