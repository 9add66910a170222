"""Locate the files under ``resources/`` (fonts, icons, translations).

The folder sits at the repository root in a source checkout. A PyInstaller bundle
unpacks it to ``sys._MEIPASS/resources``, so the spec file must add it under that name.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the ``resources`` folder of a source checkout or of a frozen bundle."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root is not None:
        return Path(bundle_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of ``parts`` inside the resources folder (it may not exist)."""
    return resources_dir().joinpath(*parts)
