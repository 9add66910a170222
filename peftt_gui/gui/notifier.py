"""The one place where errors reach the user.

Uncaught exceptions (``sys.excepthook``, ``threading.excepthook``) and worker failures
all go to ``Notifier.notify_exception``, which may be called from any thread. A
``PefttError`` is an expected failure, shown as its message in plain words. Anything
else is a bug and is shown with its traceback in the details section.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from peftt_gui.core.errors import PefttError

logger = logging.getLogger(__name__)

# More open message boxes than this means an error repeats in a loop; further ones are
# only logged until the user closes some.
MAX_OPEN_BOXES = 3


@dataclass(frozen=True)
class Notification:
    """One error as shown to the user."""

    message: str
    details: str
    expected: bool
    exception: BaseException


class Notifier(QObject):
    """Turns exceptions into message boxes and installs the exception hooks."""

    sigNotification = Signal(object)
    _sigFromOtherThread = Signal(object, str)

    def __init__(self, parent: QObject | None = None, *, show_dialogs: bool = True):
        super().__init__(parent)
        self.show_dialogs = show_dialogs
        self._window: QWidget | None = None
        self._open_boxes: list[QMessageBox] = []
        self._previous_hooks: tuple | None = None
        self._sigFromOtherThread.connect(self._notify_in_gui_thread)

    def set_window(self, window: QWidget | None) -> None:
        """Set the window that message boxes are modal to."""
        self._window = window

    @property
    def open_boxes(self) -> list[QMessageBox]:
        return list(self._open_boxes)

    # Entry points, callable from any thread.

    def notify_exception(self, error: BaseException, traceback_text: str | None = None) -> None:
        """Show ``error``; ``traceback_text`` defaults to the error's own traceback."""
        if traceback_text is None:
            traceback_text = "".join(traceback.format_exception(error))
        if QThread.currentThread() == self.thread():
            self._notify_in_gui_thread(error, traceback_text)
        else:
            self._sigFromOtherThread.emit(error, traceback_text)

    def install_hooks(self) -> None:
        """Route uncaught exceptions of every thread here; ``uninstall_hooks`` undoes it."""
        if self._previous_hooks is None:
            self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._sys_excepthook
        threading.excepthook = self._threading_excepthook

    def uninstall_hooks(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks
            self._previous_hooks = None

    def _sys_excepthook(self, exc_type, error, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, error, tb)
            return
        self.notify_exception(error, "".join(traceback.format_exception(exc_type, error, tb)))

    def _threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        text = "".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                  args.exc_traceback))
        self.notify_exception(args.exc_value, text)

    # Showing, always in the GUI thread.

    @Slot(object, str)
    def _notify_in_gui_thread(self, error: BaseException, traceback_text: str) -> None:
        notification = self._describe(error, traceback_text)
        if notification.expected:
            logger.warning("%s", notification.message)
        else:
            logger.error("Unexpected error: %s\n%s", error, traceback_text)
        self.sigNotification.emit(notification)

        if not self.show_dialogs:
            return
        if len(self._open_boxes) >= MAX_OPEN_BOXES:
            logger.warning("Not showing another error box while %d are open",
                           len(self._open_boxes))
            return
        self._show_box(notification)

    def _describe(self, error: BaseException, traceback_text: str) -> Notification:
        if isinstance(error, PefttError):
            return Notification(str(error), "", True, error)
        summary = f"{type(error).__name__}: {error}"
        return Notification(summary, traceback_text, False, error)

    def _show_box(self, notification: Notification) -> None:
        box = QMessageBox(self._window)
        box.setWindowTitle(self.tr("PEFTT Studio"))
        if notification.expected:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(notification.message)
        else:
            box.setIcon(QMessageBox.Icon.Critical)
            box.setText(self.tr("An unexpected error occurred. This is a bug in PEFTT "
                                "Studio: please report it with the details below."))
            box.setInformativeText(notification.message)
            box.setDetailedText(notification.details)
        box.setStandardButtons(QMessageBox.StandardButton.Close)

        # open() returns at once instead of running a nested event loop like exec(), so
        # the slot that raised the error can return. The box is deleted when closed.
        box.finished.connect(lambda _result, box=box: self._forget_box(box))
        self._open_boxes.append(box)
        box.open()

    def _forget_box(self, box: QMessageBox) -> None:
        if box in self._open_boxes:
            self._open_boxes.remove(box)
        box.deleteLater()
