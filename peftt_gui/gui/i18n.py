"""Interface languages: pick one from the setting or the system locale and install it.

Installing a QTranslator makes Qt post a LanguageChange event to every widget. The
windows and pages set their texts again in ``changeEvent``, so switching needs no restart.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from peftt_gui.gui.fonts import apply_app_font
from peftt_gui.resources import resource_path

logger = logging.getLogger(__name__)

SYSTEM_LANGUAGE = "system"
ENGLISH = "en"
TIBETAN = "bo"
SIMPLIFIED_CHINESE = "zh_CN"

# Language codes with their names as written in that language. The menu shows these
# untranslated, so that a user finds their language whatever the current one is.
NATIVE_NAMES = {
    ENGLISH: "English",
    TIBETAN: "བོད་ཡིག",
    SIMPLIFIED_CHINESE: "简体中文",
}
TRANSLATION_PREFIX = "peftt_"


def resolve_language(setting: str, system_locale: QLocale | None = None) -> str:
    """Return the language code to use for the ``setting`` ("system" or a code).

    "system" picks the first supported language of the locale's UI languages and falls
    back to English. Any Chinese locale gets Simplified Chinese, the only Chinese one.
    """
    if setting in NATIVE_NAMES:
        return setting
    if setting != SYSTEM_LANGUAGE:
        logger.warning("Unknown interface language %r in the settings; following the "
                       "system locale", setting)

    locale = system_locale if system_locale is not None else QLocale.system()
    for name in locale.uiLanguages():
        language = QLocale(name).language()
        if language == QLocale.Language.Tibetan:
            return TIBETAN
        if language == QLocale.Language.Chinese:
            return SIMPLIFIED_CHINESE
        if language == QLocale.Language.English:
            return ENGLISH
    return ENGLISH


def translation_file(language: str) -> str:
    """Return the path of the compiled translation (.qm) of ``language``."""
    return str(resource_path("i18n", f"{TRANSLATION_PREFIX}{language}.qm"))


class Translations:
    """The installed translators of the app and of Qt's own dialogs (buttons, file dialog)."""

    def __init__(self, app: QApplication):
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = ENGLISH

    def install(self, language: str) -> bool:
        """Replace the installed translators with those of ``language`` (a code).

        Returns False when the app's translation file is missing or unreadable, in which
        case the interface stays in English.
        """
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators.clear()
        self.language = language
        QLocale.setDefault(QLocale(language))
        if language == ENGLISH:
            return True

        app_translator = QTranslator(self._app)
        if not app_translator.load(translation_file(language)):
            logger.warning("Translation file %s is missing or invalid; the interface "
                           "stays in English", translation_file(language))
            self.language = ENGLISH
            QLocale.setDefault(QLocale(ENGLISH))
            return False
        self._install(app_translator)

        # Qt ships no Tibetan translation of its dialogs; those stay in English.
        qt_translator = QTranslator(self._app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(QLocale(language), "qtbase", "_", qt_folder):
            self._install(qt_translator)
        return True

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._translators.append(translator)


def apply_language(app: QApplication, translations: Translations, setting: str) -> str:
    """Install the translation for ``setting`` and size the app font for it.

    Returns the language code in use (English when the translation could not be loaded).
    """
    language = resolve_language(setting)

    # The font first: widgets re-measure their texts on the LanguageChange event that
    # installing the translator sends.
    apply_app_font(app, tibetan_ui=language == TIBETAN)
    if not translations.install(language):
        apply_app_font(app, tibetan_ui=False)
    return translations.language
