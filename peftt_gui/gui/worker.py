"""Run a Python callable in a QThread and report back through queued signals.

The callable is called as ``function(*args, progress=report, cancel=event, **kwargs)``:
``report(value)`` may be called from the worker thread as often as the task likes, and
``event`` is a ``threading.Event`` that ``Worker.cancel()`` sets. A task that stops
because of it raises ``TaskCancelled``, or returns a partial result.

Progress reaches the GUI coalesced: a timer in the thread that created the worker
emits at most one ``sigProgress`` (the latest value) and one ``sigProgressBatch``
(every value since the last emission, at most ``MAX_PENDING_PROGRESS``) per
``progress_interval_ms``. Every public signal is emitted in the creating thread, and
the last progress values always arrive before ``sigFinished``, ``sigFailed`` or
``sigCancelled``.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

logger = logging.getLogger(__name__)

DEFAULT_PROGRESS_INTERVAL_MS = 100

# Progress values kept between two emissions. Older ones are dropped, so that a task
# reporting far faster than the GUI drains cannot grow memory without bound.
MAX_PENDING_PROGRESS = 10_000

# How long a thread may keep the GIL while another waits for it (Python's default: 5 ms).
# A repaint of the plots takes the GIL back dozens of times. With the default, a worker busy
# in Python code (loading data) stalled the window for 0.1-0.2 s. With 1 ms, the longest
# stall measured by bench/gui_responsiveness.py was 50-75 ms.
GIL_SWITCH_INTERVAL_S = 0.001

# Started workers, kept alive until they end so that dropping the last reference to a
# running worker cannot destroy its QThread while it runs.
_running_workers: set[Worker] = set()


class TaskCancelled(Exception):
    """Raised by a task function that stops early because cancel was requested."""


class Worker(QObject):
    """Runs ``function`` once in its own QThread; create it in the GUI thread.

    The Worker itself stays in the creating thread and only an internal runner object
    moves to the QThread. Signals of an object that lives in a busy thread would reach
    lambdas and plain functions through that thread's event loop, which never runs
    while the task does.
    """

    sigProgress = Signal(object)
    sigProgressBatch = Signal(list)
    sigFinished = Signal(object)
    sigFailed = Signal(object, str)
    sigCancelled = Signal()

    def __init__(self, function: Callable[..., object], *args,
                 progress_interval_ms: int = DEFAULT_PROGRESS_INTERVAL_MS, **kwargs):
        super().__init__()
        self._function = function
        self._args = args
        self._kwargs = kwargs
        self._cancel_event = threading.Event()
        self._pending: deque[object] = deque(maxlen=MAX_PENDING_PROGRESS)
        self._pending_lock = threading.Lock()
        self._thread: QThread | None = None
        self._runner: _TaskRunner | None = None
        self._finished = False

        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(progress_interval_ms)
        self._progress_timer.timeout.connect(self._flush_progress)

    # Control from the creating thread.

    def start(self) -> None:
        """Start the task in a new QThread; a worker runs only once."""
        if self._thread is not None:
            raise RuntimeError("this worker has already been started; create a new Worker")
        if sys.getswitchinterval() > GIL_SWITCH_INTERVAL_S:
            sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        name = getattr(self._function, "__name__", "task")
        self._thread = QThread()
        self._thread.setObjectName(f"worker:{name}")
        self._runner = _TaskRunner(self)
        self._runner.moveToThread(self._thread)
        self._runner.sigDone.connect(self._on_done)
        self._thread.started.connect(self._runner.run)

        _running_workers.add(self)
        self._progress_timer.start()
        self._thread.start()

    def cancel(self) -> None:
        """Set the cancel event, which the task reads at its next check of ``cancel``."""
        self._cancel_event.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_event.is_set()

    def is_running(self) -> bool:
        return self._thread is not None and not self._finished

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the task and its thread have ended; returns False on timeout.

        The result signals still need the event loop of the creating thread.
        """
        if self._thread is None:
            return True
        if timeout_ms < 0:
            return self._thread.wait()
        return self._thread.wait(timeout_ms)

    # Called from the worker thread.

    def _call_function(self) -> object:
        return self._function(*self._args, progress=self._report_progress,
                              cancel=self._cancel_event, **self._kwargs)

    def _report_progress(self, value: object) -> None:
        with self._pending_lock:
            self._pending.append(value)

    # Back in the creating thread.

    @Slot()
    def _flush_progress(self) -> None:
        with self._pending_lock:
            values = list(self._pending)
            self._pending.clear()
        if values:
            self.sigProgressBatch.emit(values)
            self.sigProgress.emit(values[-1])

    @Slot(str, object, str)
    def _on_done(self, outcome: str, payload: object, traceback_text: str) -> None:
        self._progress_timer.stop()
        self._flush_progress()

        self._thread.quit()
        self._thread.wait()
        self._finished = True
        self._runner.deleteLater()
        _running_workers.discard(self)

        if outcome == "finished":
            self.sigFinished.emit(payload)
        elif outcome == "cancelled":
            logger.info("Task %s cancelled", self._thread.objectName())
            self.sigCancelled.emit()
        else:
            self.sigFailed.emit(payload, traceback_text)


class _TaskRunner(QObject):
    """Lives in the worker thread and calls the task function once."""

    sigDone = Signal(str, object, str)

    def __init__(self, worker: Worker):
        super().__init__()
        self._worker = worker

    @Slot()
    def run(self) -> None:
        try:
            result = self._worker._call_function()
        except TaskCancelled:
            outcome = ("cancelled", None, "")
        except BaseException as error:  # noqa: BLE001 - every failure goes to sigFailed
            outcome = ("failed", error, traceback.format_exc())
        else:
            outcome = ("finished", result, "")

        # Hand the runner back to the creating thread, so that it is deleted there.
        self.moveToThread(self._worker.thread())
        self.sigDone.emit(*outcome)
        # The thread ends as soon as this slot returns, so that Worker.wait() returns
        # even while the creating thread is blocked and cannot run _on_done yet.
        QThread.currentThread().quit()
