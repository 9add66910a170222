"""The project's error hierarchy for expected failures.

Each message names the value at fault, the rule it breaks and what the user can do.
The GUI shows ``str(error)`` in plain words; anything that is not a ``PefttError``
is treated as a bug and shown with its traceback.
"""

from __future__ import annotations

import errno
import os
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
            location = display_path(path) + (f", line {line}" if line is not None else "") + ": "
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


class CheckpointError(PefttError):
    """A run's checkpoint is missing, unreadable or does not match the run, so it cannot resume."""


def display_path(path: str | os.PathLike) -> str:
    """Return ``path`` with the user's home folder written as ``~``, for messages and logs."""
    text = os.fspath(path)
    home = os.path.expanduser("~").rstrip(os.sep)
    if home and (text == home or text.startswith(home + os.sep)):
        return "~" + text[len(home):]
    return text


def write_error(content: str, folder: str | os.PathLike, error: Exception) -> ResourceError:
    """Return the ResourceError for ``error``, raised while writing ``content`` into ``folder``.

    ``error`` is an OSError, or an exception of a writer that reports the OS error only in
    its text (safetensors does). A full disk or an exceeded quota is named as such, because
    it is the common cause and its fix differs from that of a permission problem.
    """
    text = str(error)
    if getattr(error, "errno", None) in (errno.ENOSPC, errno.EDQUOT) or \
            os.strerror(errno.ENOSPC) in text or os.strerror(errno.EDQUOT) in text:
        return ResourceError(f"Disk full while writing {content} to {display_path(folder)}. Free space on that "
                             "disk or choose another output folder.")
    reason = getattr(error, "strerror", None) or text
    return ResourceError(f"Cannot write {content} to {display_path(folder)}: {reason}. Check that the folder "
                         "is writable or choose another output folder.")


def short_value(value: str, limit: int = 60) -> str:
    """Return ``value`` quoted and shortened for an error message."""
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(text)
