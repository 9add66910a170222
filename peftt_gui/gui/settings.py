"""Persistent user settings (recent folders, window layout, language) over QSettings.

QSettings takes organization and application name from QCoreApplication, so
``configure_identity`` must run before the first ``AppSettings``. Tests point QSettings
at a temporary INI folder with ``QSettings.setPath``.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from peftt_gui import __version__
from peftt_gui.gui.i18n import NATIVE_NAMES, SYSTEM_LANGUAGE

logger = logging.getLogger(__name__)

ORGANIZATION = "PEFTT"
APPLICATION = "PEFTT Studio"
MAX_RECENT = 10

KEY_RECENT_MODELS = "recent/models"
KEY_RECENT_DATA = "recent/data"
KEY_GEOMETRY = "window/geometry"
KEY_WINDOW_STATE = "window/state"
KEY_LANGUAGE = "ui/language"


def configure_identity() -> None:
    """Set the organization and application names that QSettings stores under."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)


class AppSettings:
    """Typed access to the stored settings; an unreadable value falls back to its default."""

    def __init__(self, settings: QSettings | None = None):
        self._settings = settings if settings is not None else QSettings()
        if self._settings.status() == QSettings.Status.FormatError:
            self._replace_corrupt_file()
        elif self._settings.status() == QSettings.Status.AccessError:
            logger.warning("Settings file %s cannot be read or written; settings will not "
                           "persist", self._settings.fileName())

    def _replace_corrupt_file(self) -> None:
        """Keep a copy of an unparsable settings file and start from the defaults."""
        path = Path(self._settings.fileName())
        backup = path.with_name(path.name + ".corrupt")
        try:
            shutil.copyfile(path, backup)
        except OSError as error:
            logger.warning("Could not keep a copy of the corrupt settings file %s: %s",
                           path, error)
            backup = None
        self._settings.clear()
        self._settings.sync()
        logger.warning("Settings file %s is corrupt and was replaced by the defaults%s",
                       path, f" (the old file is kept as {backup})" if backup else "")

    @property
    def file_name(self) -> str:
        return self._settings.fileName()

    def sync(self) -> None:
        self._settings.sync()

    # Recent folders, newest first.

    def recent_models(self) -> list[str]:
        return self._string_list(KEY_RECENT_MODELS)

    def add_recent_model(self, path: str | Path) -> list[str]:
        return self._push_recent(KEY_RECENT_MODELS, str(path))

    def recent_data(self) -> list[str]:
        return self._string_list(KEY_RECENT_DATA)

    def add_recent_data(self, path: str | Path) -> list[str]:
        return self._push_recent(KEY_RECENT_DATA, str(path))

    def clear_recent(self) -> None:
        self._settings.remove(KEY_RECENT_MODELS)
        self._settings.remove(KEY_RECENT_DATA)

    # Window layout.

    def geometry(self) -> QByteArray | None:
        return self._byte_array(KEY_GEOMETRY)

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue(KEY_GEOMETRY, value)

    def window_state(self) -> QByteArray | None:
        return self._byte_array(KEY_WINDOW_STATE)

    def set_window_state(self, value: QByteArray) -> None:
        self._settings.setValue(KEY_WINDOW_STATE, value)

    # Interface language: "system" or a language code.

    def language(self) -> str:
        value = self._settings.value(KEY_LANGUAGE, SYSTEM_LANGUAGE)
        if value != SYSTEM_LANGUAGE and value not in NATIVE_NAMES:
            logger.warning("Ignoring unknown interface language %r in %s", value,
                           self.file_name)
            return SYSTEM_LANGUAGE
        return value

    def set_language(self, value: str) -> None:
        if value != SYSTEM_LANGUAGE and value not in NATIVE_NAMES:
            raise ValueError(f"unknown interface language {value!r}; expected "
                             f"{SYSTEM_LANGUAGE!r} or one of {sorted(NATIVE_NAMES)}")
        self._settings.setValue(KEY_LANGUAGE, value)

    # Helpers that read loosely typed INI values.

    def _string_list(self, key: str) -> list[str]:
        value = self._settings.value(key, [])
        if isinstance(value, str):
            # An INI file stores a one-element list as a plain string.
            value = [value]
        if not isinstance(value, list):
            logger.warning("Ignoring setting %s of type %s in %s", key,
                           type(value).__name__, self.file_name)
            return []
        return [item for item in value if isinstance(item, str) and item]

    def _push_recent(self, key: str, path: str) -> list[str]:
        items = [path] + [item for item in self._string_list(key) if item != path]
        items = items[:MAX_RECENT]
        self._settings.setValue(key, items)
        return items

    def _byte_array(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, (bytes, bytearray)) and value:
            return QByteArray(bytes(value))
        return None
