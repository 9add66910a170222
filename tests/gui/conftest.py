"""Fixtures of the GUI tests: offscreen Qt, isolated settings, windows that get closed.

Every test runs with its own QSettings folder (INI files under tmp_path), its own run
history (``PEFTT_HISTORY``) and its own run folders (``XDG_DATA_HOME``, which platformdirs
reads on Linux). A test fails if it leaves a top-level widget behind that the fixtures did
not create and close.
"""

from __future__ import annotations

import gc
import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from shiboken6 import Shiboken  # noqa: E402

from peftt_gui.gui.app import AppContext, setup_application  # noqa: E402
from peftt_gui.gui.engine_loader import EngineLoader  # noqa: E402
from peftt_gui.gui.i18n import ENGLISH  # noqa: E402
from peftt_gui.gui.main_window import MainWindow  # noqa: E402
from peftt_gui.gui.notifier import Notifier  # noqa: E402
from peftt_gui.gui.settings import AppSettings, configure_identity  # noqa: E402



def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/gui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


def _widget_key(widget: QWidget) -> int:
    return Shiboken.getCppPointer(widget)[0]


def _delete_now(widgets: list[QWidget]) -> None:
    for widget in widgets:
        if Shiboken.isValid(widget):
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """Point QSettings at an empty INI folder for this test; English interface."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    configure_identity()
    settings = AppSettings()
    settings.set_language(ENGLISH)
    settings.sync()
    return folder


@pytest.fixture(autouse=True)
def isolated_history(tmp_path, monkeypatch):
    """Point the run history and the run folders at this test's temporary folder."""
    history = tmp_path / "history" / "history.db"
    monkeypatch.setenv("PEFTT_HISTORY", str(history))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    return history


@pytest.fixture
def app_context(qapp, isolated_settings) -> AppContext:
    """The app set up as ``main`` does (fonts, names, translations), without hooks."""
    context = setup_application(qapp, show_error_dialogs=True)
    yield context
    context.translations.install(ENGLISH)
    context.notifier.uninstall_hooks()
    context.notifier.deleteLater()


@pytest.fixture(autouse=True)
def frozen_heavy_objects():
    """Move the objects alive before the test out of the garbage collector's reach.

    Once torch and transformers are imported, a full ``gc.collect()`` takes about half a
    second (measured on the 2-core test machine), and every window teardown runs one.
    Frozen objects are never collected, so only objects created before this test are
    frozen, after a collection has removed the garbage among them.
    """
    if "torch" in sys.modules:
        gc.collect()
        gc.freeze()
    yield


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp):
    """Fail a test that leaves top-level widgets behind (they are closed first)."""
    before = {_widget_key(widget) for widget in QApplication.topLevelWidgets()}
    yield
    _delete_now([])
    leaked = [widget for widget in QApplication.topLevelWidgets()
              if _widget_key(widget) not in before]
    if leaked:
        names = sorted(f"{type(widget).__name__}({widget.objectName()!r})" for widget in leaked)
        _delete_now(leaked)
        pytest.fail(f"test left {len(leaked)} top-level widget(s) open: {', '.join(names)}")


@pytest.fixture
def make_main_window(app_context, qtbot):
    """Return a factory of main windows; each is closed and deleted after the test."""
    windows: list[MainWindow] = []

    def factory(*, show: bool = True, notifier: Notifier | None = None) -> MainWindow:
        window = MainWindow(AppSettings(), translations=app_context.translations,
                            notifier=notifier or app_context.notifier,
                            engine_loader=EngineLoader())
        window.confirm_close_during_run = False
        windows.append(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
            # As in the app, the pages after the first are built after the first paint.
            qtbot.waitUntil(lambda: window.pages.next_unbuilt() is None, timeout=10_000)
        return window

    yield factory
    for window in windows:
        if Shiboken.isValid(window):
            window.stop_tasks(120_000)
            window.engine_loader.wait(60_000)
    _delete_now(windows)


@pytest.fixture
def main_window(make_main_window) -> MainWindow:
    """One shown main window."""
    return make_main_window()
