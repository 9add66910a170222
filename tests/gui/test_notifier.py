"""Notifier: expected errors in plain words, bugs with a traceback, from any thread."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from peftt_gui.core.errors import DataError, ModelError
from peftt_gui.gui.notifier import MAX_OPEN_BOXES, Notifier
from peftt_gui.gui.worker import Worker


@pytest.fixture
def notifier(qtbot, app_context):
    instance = Notifier()
    yield instance
    instance.uninstall_hooks()
    for box in instance.open_boxes:
        box.close()
    qtbot.waitUntil(lambda: not instance.open_boxes, timeout=2000)


def raise_and_catch(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001 - the test needs the traceback
        return caught


def test_expected_error_shown_in_plain_words(notifier, qtbot):
    error = DataError("invalid label", path="train.txt", line=3)
    with qtbot.waitSignal(notifier.sigNotification) as blocker:
        notifier.notify_exception(raise_and_catch(error))

    notification = blocker.args[0]
    assert notification.expected
    assert notification.message == "train.txt, line 3: invalid label"
    (box,) = notifier.open_boxes
    assert box.text() == "train.txt, line 3: invalid label"
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.detailedText() == ""


def test_unexpected_error_shows_traceback(notifier, qtbot):
    error = raise_and_catch(KeyError("missing"))
    with qtbot.waitSignal(notifier.sigNotification) as blocker:
        notifier.notify_exception(error)

    notification = blocker.args[0]
    assert not notification.expected
    (box,) = notifier.open_boxes
    assert box.icon() == QMessageBox.Icon.Critical
    assert "bug" in box.text()
    assert box.informativeText() == "KeyError: 'missing'"
    assert "Traceback" in box.detailedText()
    assert "raise_and_catch" in box.detailedText()


def test_error_from_python_thread_reaches_gui(notifier, qtbot):
    notifier.install_hooks()

    def fail_in_thread():
        raise ModelError("config.json not found in /models/x")

    with qtbot.waitSignal(notifier.sigNotification, timeout=5000) as blocker:
        thread = threading.Thread(target=fail_in_thread)
        thread.start()
        thread.join()

    assert blocker.args[0].message == "config.json not found in /models/x"
    assert len(notifier.open_boxes) == 1


def test_sys_excepthook_routes_here(notifier, qtbot):
    notifier.install_hooks()
    error = raise_and_catch(RuntimeError("uncaught"))

    with qtbot.waitSignal(notifier.sigNotification) as blocker:
        sys.excepthook(type(error), error, error.__traceback__)

    assert blocker.args[0].message == "RuntimeError: uncaught"
    assert "Traceback" in blocker.args[0].details


def test_hooks_are_restored(notifier):
    original = (sys.excepthook, threading.excepthook)
    notifier.install_hooks()
    assert sys.excepthook != original[0]

    notifier.uninstall_hooks()
    assert (sys.excepthook, threading.excepthook) == original


def test_worker_failure_feeds_notifier(notifier, qtbot):
    def broken(*, progress, cancel):
        raise ValueError("bad value")

    worker = Worker(broken)
    worker.sigFailed.connect(notifier.notify_exception)
    with qtbot.waitSignal(notifier.sigNotification, timeout=5000) as blocker:
        worker.start()

    assert blocker.args[0].message == "ValueError: bad value"
    assert "in broken" in blocker.args[0].details


def test_open_boxes_are_limited(notifier, qtbot):
    for index in range(MAX_OPEN_BOXES + 2):
        notifier.notify_exception(raise_and_catch(DataError(f"error {index}")))

    assert len(notifier.open_boxes) == MAX_OPEN_BOXES


def test_closed_box_is_forgotten(notifier, qtbot):
    notifier.notify_exception(raise_and_catch(DataError("once")))
    (box,) = notifier.open_boxes

    box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not notifier.open_boxes, timeout=2000)


def test_no_dialogs_mode_only_signals(qtbot, app_context):
    quiet = Notifier(show_dialogs=False)
    with qtbot.waitSignal(quiet.sigNotification):
        quiet.notify_exception(raise_and_catch(DataError("quiet")))

    assert quiet.open_boxes == []
