"""Builders and parsers of libvirt XML (domains, volumes, networks). Never imports Qt."""
