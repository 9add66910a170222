"""Register the bundled Tibetan font and derive the app and editor fonts from it.

Qt draws each character with the first family of a font's family list that has a
glyph for it. An app font of ``[UI family, Tibetan family]`` therefore renders Latin
and Chinese in the platform's UI font and every Tibetan stack in the bundled font,
whatever Tibetan fonts the system has.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from peftt_gui.resources import resource_path

logger = logging.getLogger(__name__)

TIBETAN_FONT_FILES = ("NotoSerifTibetan-Regular.ttf", "NotoSerifTibetan-Bold.ttf")
FALLBACK_TIBETAN_FAMILY = "Noto Serif Tibetan"

# Noto Serif Tibetan draws a letter such as ཀ about as tall as a Latin x-height at the
# same point size, because its em must leave room for deep stacks. Tibetan editors
# therefore use a larger size than the Latin UI text. Both factors are judged by eye on
# the bundled font at 9-11 pt, and the UI factor is smaller because it enlarges Latin too.
TIBETAN_EDITOR_SCALE = 1.4
TIBETAN_UI_SCALE = 1.15

_registered_family: str | None = None


def register_bundled_fonts() -> str:
    """Register the bundled Tibetan font files and return their family name.

    A missing or unreadable file is logged and skipped. The returned family then falls
    back to the installed "Noto Serif Tibetan", if any.
    """
    global _registered_family
    if _registered_family is not None:
        return _registered_family

    family = FALLBACK_TIBETAN_FAMILY
    for file_name in TIBETAN_FONT_FILES:
        path = resource_path("fonts", file_name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            logger.warning("Could not register the bundled font %s; Tibetan falls back "
                           "to the fonts installed on this system", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            family = families[0]

    _registered_family = family
    return family


def tibetan_family() -> str:
    """Return the family name of the bundled Tibetan font (registering it if needed)."""
    return register_bundled_fonts()


def with_tibetan_fallback(font: QFont) -> QFont:
    """Return a copy of ``font`` whose family list ends with the Tibetan family."""
    result = QFont(font)
    # Qt does not match a generic alias such as "Sans Serif" (the offscreen default)
    # inside a family list. The Tibetan font would then become the primary one and give
    # Latin text its tall line spacing, so the list starts with the resolved family.
    families = [QFontInfo(font).family()]
    tibetan = tibetan_family()
    if tibetan not in families:
        families.append(tibetan)
    result.setFamilies(families)
    return result


def apply_app_font(app: QApplication, *, tibetan_ui: bool = False) -> QFont:
    """Set the app font to the UI font with the Tibetan family as fallback.

    With ``tibetan_ui`` (the interface language is Tibetan) the point size grows by
    ``TIBETAN_UI_SCALE`` so that labels stay readable.
    """
    base = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font = with_tibetan_fallback(base)
    if tibetan_ui and base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * TIBETAN_UI_SCALE)
    app.setFont(font)
    return font


def ui_point_size() -> float:
    """Return the point size of the system UI font (before any Tibetan scaling)."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()


def tibetan_editor_font(base: QFont | None = None) -> QFont:
    """Return the font for Tibetan text editors: the Tibetan family first, scaled up.

    The size is ``TIBETAN_EDITOR_SCALE`` times that of ``base``, by default the system UI
    font (not the app font, which is already larger when the interface is Tibetan).

    Latin characters (template slots such as ``{"mask"}``) fall back to the UI family.
    """
    if base is None:
        base = with_tibetan_fallback(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
    font = QFont(base)
    ui_families = [name for name in base.families() if name and name != tibetan_family()]
    font.setFamilies([tibetan_family(), *ui_families])
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * TIBETAN_EDITOR_SCALE)
    return font


def tibetan_line_height(font: QFont | None = None) -> int:
    """Return the line height in pixels of Tibetan text set in ``font`` (default: app font).

    ``QFontMetrics`` of a font measures its first family only, and Latin UI families are
    far shorter than Tibetan stacks, so widgets sized from them clip Tibetan text.
    """
    from PySide6.QtGui import QFontMetrics

    base = font if font is not None else QApplication.font()
    tibetan = QFont(tibetan_family())
    if base.pointSizeF() > 0:
        tibetan.setPointSizeF(base.pointSizeF())
    return max(QFontMetrics(tibetan).height(), QFontMetrics(base).height())
