"""Work around a reference-count bug of PySide6 6.12 on CPython 3.11 and older.

With PySide6-Essentials 6.12.0 on CPython 3.11.7, every call of a Qt method that
returns void drops one reference to ``None`` without taking it (``QLabel.setText``,
``QApplication.processEvents``, ...), and pyqtgraph's paint path drops references to
``True`` the same way. After a few thousand such calls the count reaches zero and
CPython aborts with "Fatal Python error: none_dealloc". CPython 3.12 made these
singletons immortal (PEP 683), so the bug is harmless there.

The workaround adds a large constant to the reference counts of ``None``, ``True``
and ``False``. They are static objects that CPython never frees, so an extra count
changes nothing else; it only keeps the broken decrements from reaching zero.
"""

from __future__ import annotations

import ctypes
import logging
import sys

logger = logging.getLogger(__name__)

# About 10^12 extra references: at a million lost references per hour this lasts
# for more than a century of run time.
REFERENCE_BOOST = 1 << 40
FIRST_AFFECTED_PYSIDE = (6, 12)
PYTHON_VERSION = ".".join(map(str, sys.version_info[:3]))

_applied = False


def _pyside_version() -> tuple[int, ...]:
    import PySide6

    return tuple(int(part) for part in PySide6.__version__.split(".")[:2] if part.isdigit())


def needs_singleton_guard() -> bool:
    """Return whether this interpreter and PySide6 have the reference-count bug.

    TODO: bound the PySide6 range from above once a release with the fix is known.
    Until then every PySide6 from 6.12 on CPython before 3.12 gets the guard.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    return _pyside_version() >= FIRST_AFFECTED_PYSIDE


def guard_singletons() -> bool:
    """Apply the workaround once if needed; returns whether it is active."""
    global _applied
    if _applied:
        return True
    if not needs_singleton_guard():
        return False
    if hasattr(sys, "gettotalrefcount"):
        # A debug build puts other fields before ob_refcnt; leave it alone.
        logger.warning("PySide6 %s loses references to None on this debug build of "
                       "Python %s; the app may abort. Use Python 3.12 or newer.",
                       ".".join(map(str, _pyside_version())), PYTHON_VERSION)
        return False

    # ob_refcnt is the first field of every object in a release build of CPython 3.11.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += REFERENCE_BOOST
    _applied = True
    logger.info("Guarding None/True/False against the reference-count bug of PySide6 "
                "6.12 on Python %s", PYTHON_VERSION)
    return True
