"""The bundled Tibetan font is registered and used for Tibetan text everywhere."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication

from peftt_gui.gui import fonts
from peftt_gui.resources import resource_path

TIBETAN_SAMPLE = "བསྒྲུབས་སྐད་ཡིག"


def glyph_families(text: str, font) -> set[str]:
    """Return the families of the fonts that actually draw ``text`` in ``font``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_bundled_font_files_and_licence_exist():
    for name in fonts.TIBETAN_FONT_FILES:
        assert resource_path("fonts", name).is_file()
    licence = resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Copyright" in licence


def test_bundled_font_registered(app_context):
    assert fonts.tibetan_family() == "Noto Serif Tibetan"
    assert "Noto Serif Tibetan" in QFontDatabase.families(QFontDatabase.WritingSystem.Tibetan)


def test_app_font_falls_back_to_tibetan(app_context):
    app_font = QApplication.font()

    assert app_font.families()[-1] == "Noto Serif Tibetan"
    assert app_font.families()[0] != "Noto Serif Tibetan"
    assert glyph_families(TIBETAN_SAMPLE, app_font) == {"Noto Serif Tibetan"}
    assert "Noto Serif Tibetan" not in glyph_families("Model folder", app_font)


def test_editor_font_draws_latin_slots_in_ui_font(app_context):
    editor_font = fonts.tibetan_editor_font()

    assert glyph_families(TIBETAN_SAMPLE, editor_font) == {"Noto Serif Tibetan"}
    assert "Noto Serif Tibetan" not in glyph_families('{"mask"}', editor_font)


def test_tibetan_interface_enlarges_app_font(app_context):
    base = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    try:
        fonts.apply_app_font(QApplication.instance(), tibetan_ui=True)
        assert QApplication.font().pointSizeF() == base * fonts.TIBETAN_UI_SCALE
    finally:
        fonts.apply_app_font(QApplication.instance(), tibetan_ui=False)
    assert QApplication.font().pointSizeF() == base
