"""Resource lookup in a source checkout and in a PyInstaller bundle."""

from __future__ import annotations

import sys

from peftt_gui.resources import resource_path, resources_dir


def test_resources_at_repository_root():
    assert resources_dir().name == "resources"
    assert (resources_dir().parent / "pyproject.toml").is_file()
    assert resource_path("icons", "app.svg").is_file()


def test_frozen_bundle_uses_meipass(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert resources_dir() == tmp_path / "resources"
    assert resource_path("i18n", "peftt_bo.qm") == tmp_path / "resources" / "i18n" / "peftt_bo.qm"
