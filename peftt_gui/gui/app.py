"""Entry point of the desktop app (``peftt-gui``).

The import chain of this module stays free of torch, transformers, peft and sklearn,
so that the window shows within a second. ``EngineLoader`` imports the engine in a
worker thread after the first paint.
"""

from __future__ import annotations

import gc
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
# How long the app waits, once its window has closed, for each task it asked to stop.
# A training run stops after its current optimizer step and then saves a checkpoint.
SHUTDOWN_TIMEOUT_MS = 30_000
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
    return shut_down(context, window, exit_code)


def shut_down(context: AppContext, window: MainWindow, exit_code: int) -> int:
    """Wait for the window's tasks after the event loop has ended; returns ``exit_code``.

    Closing the window asked every task to stop. Python cannot interrupt the engine
    import, and a task may not stop within ``SHUTDOWN_TIMEOUT_MS``. Destroying a
    running QThread aborts the process, so in both cases this function does not return:
    it flushes the settings and logs and ends the process with ``os._exit``.
    """
    # Tasks that results arriving after the close have started are not stopping yet.
    stopped = window.stop_tasks(SHUTDOWN_TIMEOUT_MS)
    context.notifier.uninstall_hooks()
    if not stopped:
        logger.warning("Exiting while a task is still running: it did not stop within %d s",
                       SHUTDOWN_TIMEOUT_MS // 1000)
        _exit_now(context, exit_code)
    if window.engine_loader.is_loading():
        logger.info("Exiting without waiting for the training engine to finish loading")
        _exit_now(context, exit_code)

    # Interpreter shutdown ends with a garbage collection over every object that torch
    # and transformers created: 0.7-1.2 s, against 0.15-0.3 s once frozen, on 2 busy
    # cores. Frozen objects in reference cycles are left to the operating system, and an
    # SQLite connection that is not closed keeps its committed transactions.
    gc.freeze()
    return exit_code


def _exit_now(context: AppContext, exit_code: int) -> None:
    """End the process at once: Python's shutdown would destroy the running QThreads."""
    context.settings.sync()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(exit_code)


def _quit_after_start(app: QApplication, window: MainWindow) -> None:
    # Quit once the engine import has ended, so that the exit code reports whether a
    # packaged build can load the engine.
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
