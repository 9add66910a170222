"""AppSettings: recent folders, language and window layout persist; bad values fall back."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QByteArray, QSettings

from peftt_gui.gui.settings import APPLICATION, MAX_RECENT, ORGANIZATION, AppSettings


def test_settings_file_is_in_test_folder(isolated_settings):
    settings = AppSettings()

    assert settings.file_name.startswith(str(isolated_settings))
    assert ORGANIZATION in settings.file_name
    assert APPLICATION in settings.file_name


def test_recent_models_newest_first_without_duplicates():
    settings = AppSettings()
    for path in ("/m/a", "/m/b", "/m/a"):
        settings.add_recent_model(path)

    assert AppSettings().recent_models() == ["/m/a", "/m/b"]


def test_recent_list_is_capped():
    settings = AppSettings()
    for index in range(MAX_RECENT + 5):
        settings.add_recent_data(f"/data/{index}")

    recent = AppSettings().recent_data()
    assert len(recent) == MAX_RECENT
    assert recent[0] == f"/data/{MAX_RECENT + 4}"


def test_single_recent_entry_survives_ini_round_trip():
    AppSettings().add_recent_model("/m/only")
    AppSettings().sync()

    assert AppSettings().recent_models() == ["/m/only"]


def test_language_round_trip():
    settings = AppSettings()
    settings.set_language("bo")
    settings.sync()

    assert AppSettings().language() == "bo"


def test_unknown_language_rejected_on_write():
    with pytest.raises(ValueError, match="unknown interface language"):
        AppSettings().set_language("fr")


def test_unknown_language_in_file_falls_back(caplog):
    QSettings().setValue("ui/language", "klingon")

    with caplog.at_level(logging.WARNING):
        assert AppSettings().language() == "system"
    assert "klingon" in caplog.text


def test_wrong_types_fall_back_to_defaults(caplog):
    raw = QSettings()
    raw.setValue("recent/models", 42)
    raw.setValue("window/geometry", "not bytes")

    settings = AppSettings()
    with caplog.at_level(logging.WARNING):
        assert settings.recent_models() == []
    assert settings.geometry() is None


def test_geometry_round_trip():
    AppSettings().set_geometry(QByteArray(b"\x01\x02\x03"))

    assert AppSettings().geometry() == QByteArray(b"\x01\x02\x03")


def test_corrupt_settings_file_gives_defaults(isolated_settings, caplog):
    path = AppSettings().file_name
    corrupt = b"\xff\xfe[ui\x00]\nlanguage=\x00\x01zz\n[recent\nmodels=@Invalid(\n"
    with open(path, "wb") as handle:
        handle.write(corrupt)

    with caplog.at_level(logging.WARNING):
        settings = AppSettings()
    assert "corrupt" in caplog.text
    assert settings.language() == "system"
    assert settings.recent_models() == []
    assert settings.geometry() is None
    with open(path + ".corrupt", "rb") as handle:
        assert handle.read() == corrupt
