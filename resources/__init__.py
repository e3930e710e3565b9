"""kvmgui's data files (icon, desktop entry, AppStream metainfo, demo fleet).

Installed as the package ``kvmgui.resources`` (pyproject.toml maps this folder
there); read them with ``importlib.resources.files("kvmgui.resources")``.
A regular package, not a namespace one: setuptools' editable finder cannot map
a namespace package to a folder outside its parent's.
"""
