"""The project's error hierarchy for expected failures.

Each message names the value at fault, the rule it breaks and what the user can do.
The GUI shows ``str(error)`` in plain words; anything that is not a ``PefttError``
is treated as a bug and shown with its traceback.
"""

from __future__ import annotations

from pathlib import Path


class PefttError(Exception):
    """Base class of every expected failure (bad input, missing files, refused actions)."""


class ConfigError(PefttError, ValueError):
    """A configuration field holds an invalid value."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class DataError(PefttError, ValueError):
    """A data file cannot be read or holds an invalid row."""

    def __init__(self, message: str, *, path: str | Path | None = None,
                 line: int | None = None, value: str | None = None):
        location = ""
        if path is not None:
            location = f"{path}" + (f", line {line}" if line is not None else "") + ": "
        super().__init__(location + message)
        self.path = None if path is None else str(path)
        self.line = line
        self.value = value


class TemplateError(PefttError, ValueError):
    """A prompt template does not parse or breaks a template rule."""


class VerbalizerError(PefttError, ValueError):
    """A verbalizer (label words per class) is incomplete or ambiguous."""


class ModelError(PefttError):
    """A model folder is missing, incomplete or of an unsupported architecture."""


class StorageError(PefttError):
    """The run history database cannot be opened or written."""


class ExportError(PefttError):
    """Exporting or importing a trained bundle failed."""


class ResourceError(PefttError):
    """The device ran out of memory or another resource, and no fallback is left."""


def short_value(value: str, limit: int = 60) -> str:
    """Return ``value`` quoted and shortened for an error message."""
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(text)
