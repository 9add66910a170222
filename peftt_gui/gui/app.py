"""Entry point of the desktop app (``peftt-gui``).

The import chain of this module stays free of torch, transformers, peft and sklearn,
so that the window shows within a second. ``EngineLoader`` imports the engine in a
worker thread after the first paint.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from peftt_gui.gui.engine_loader import EngineLoader
from peftt_gui.gui.fonts import register_bundled_fonts
from peftt_gui.gui.i18n import Translations, apply_language
from peftt_gui.gui.icons import icon
from peftt_gui.gui.main_window import MainWindow
from peftt_gui.gui.notifier import Notifier
from peftt_gui.gui.settings import AppSettings, configure_identity

logger = logging.getLogger(__name__)

SIGNAL_POLL_MS = 250
# Set to 1, the app prints "window shown" at the first paint and quits once the engine
# has loaded (exit code 0) or failed to load (1). Packaged builds are checked with it.
QUIT_AFTER_START_VARIABLE = "PEFTT_QUIT_AFTER_START"


@dataclass
class AppContext:
    """The app-wide objects that outlive any one window."""

    app: QApplication
    settings: AppSettings
    translations: Translations
    notifier: Notifier
    language: str


def setup_application(app: QApplication, *, show_error_dialogs: bool = True) -> AppContext:
    """Give ``app`` its name, fonts, stored language and error notifier.

    The exception hooks are not installed here; ``main`` installs them, and tests
    decide for themselves.
    """
    configure_identity()
    app.setWindowIcon(icon("app"))
    register_bundled_fonts()
    settings = AppSettings()
    translations = Translations(app)
    language = apply_language(app, translations, settings.language())
    notifier = Notifier(app, show_dialogs=show_error_dialogs)
    return AppContext(app, settings, translations, notifier, language)


def create_main_window(context: AppContext) -> MainWindow:
    """Build the main window (not shown, engine not loading yet)."""
    loader = EngineLoader(context.app)
    return MainWindow(context.settings, translations=context.translations,
                      notifier=context.notifier, engine_loader=loader)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app until its last window closes; returns the exit code."""
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication(list(argv) if argv is not None else sys.argv)
    context = setup_application(app)
    context.notifier.install_hooks()

    window = create_main_window(context)
    if os.environ.get(QUIT_AFTER_START_VARIABLE) == "1":
        _quit_after_start(app, window)
    window.show()
    window.start_engine_after_first_paint()
    _quit_on_interrupt(app, window)
    exit_code = app.exec()

    # A quit during the engine import must wait for it: destroying a running QThread
    # aborts the process.
    window.engine_loader.wait()
    context.notifier.uninstall_hooks()
    return exit_code


def _quit_after_start(app: QApplication, window: MainWindow) -> None:
    # Quit only after the engine import has ended: main() waits for that thread, and the
    # thread ends only once the event loop has handled its result.
    window.sigFirstPaint.connect(lambda: print("window shown", flush=True),
                                 Qt.ConnectionType.SingleShotConnection)
    window.engine_loader.sigEngineReady.connect(lambda _info: app.exit(0))
    window.engine_loader.sigEngineFailed.connect(lambda _error, _traceback: app.exit(1))


def _quit_on_interrupt(app: QApplication, window: MainWindow) -> None:
    """Close the window (saving its layout) on Ctrl+C or SIGTERM from a terminal."""
    def close_window(_signal_number, _frame) -> None:
        window.close()
        app.quit()

    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, close_window)

    # Python runs signal handlers only between bytecodes, and an idle Qt event loop
    # runs no Python. A do-nothing timer gives the handlers a chance 4 times a second.
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(SIGNAL_POLL_MS)


if __name__ == "__main__":
    sys.exit(main())
