"""Worker: results, coalesced progress, cancel and failure, all through queued signals."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtCore import QThread

from peftt_gui.gui.worker import GIL_SWITCH_INTERVAL_S, MAX_PENDING_PROGRESS, TaskCancelled, Worker


def add(a, b, *, progress, cancel):
    return a + b


def count_to(n, *, progress, cancel):
    for value in range(1, n + 1):
        progress(value)
    return n


def wait_for_cancel(*, progress, cancel):
    progress("started")
    if not cancel.wait(timeout=10):
        return "not cancelled"
    raise TaskCancelled()


def fail(*, progress, cancel):
    raise ValueError("broken input")


def test_worker_returns_result(qtbot):
    worker = Worker(add, 2, b=3)
    with qtbot.waitSignal(worker.sigFinished, timeout=5000) as blocker:
        worker.start()

    assert blocker.args == [5]
    assert not worker.is_running()


def test_worker_shortens_gil_switch_interval(qtbot):
    previous = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    try:
        worker = Worker(add, 1, b=1)
        with qtbot.waitSignal(worker.sigFinished, timeout=5000):
            worker.start()
        # The GUI thread then waits at most about 1 ms for the GIL behind a busy worker.
        assert sys.getswitchinterval() == pytest.approx(GIL_SWITCH_INTERVAL_S)
    finally:
        sys.setswitchinterval(previous)


def test_worker_runs_in_other_thread(qtbot):
    seen = {}

    def record_thread(*, progress, cancel):
        seen["thread"] = threading.get_ident()
        return QThread.currentThread()

    worker = Worker(record_thread)
    with qtbot.waitSignal(worker.sigFinished, timeout=5000) as blocker:
        worker.start()

    assert seen["thread"] != threading.get_ident()
    assert blocker.args[0] != QThread.currentThread()
    assert worker.thread() == QThread.currentThread()


def test_progress_is_coalesced_and_complete(qtbot):
    worker = Worker(count_to, 5000, progress_interval_ms=100)
    latest, batches = [], []
    worker.sigProgress.connect(latest.append)
    worker.sigProgressBatch.connect(batches.append)
    with qtbot.waitSignal(worker.sigFinished, timeout=10_000):
        worker.start()

    # 5,000 reports arrive in a handful of emissions, not one each.
    assert 1 <= len(latest) <= 20
    assert len(latest) == len(batches)
    assert latest[-1] == 5000
    assert [value for batch in batches for value in batch] == list(range(1, 5001))


def test_progress_backlog_keeps_newest(qtbot):
    reports = MAX_PENDING_PROGRESS + 500
    worker = Worker(count_to, reports, progress_interval_ms=10_000)
    batches = []
    worker.sigProgressBatch.connect(batches.append)
    with qtbot.waitSignal(worker.sigFinished, timeout=10_000):
        worker.start()

    assert len(batches) == 1
    assert len(batches[0]) == MAX_PENDING_PROGRESS
    assert batches[0][-1] == reports
    assert batches[0][0] == reports - MAX_PENDING_PROGRESS + 1


def test_progress_arrives_before_finished(qtbot):
    worker = Worker(count_to, 3, progress_interval_ms=10_000)
    events = []
    worker.sigProgress.connect(lambda value: events.append(("progress", value)))
    worker.sigFinished.connect(lambda value: events.append(("finished", value)))
    with qtbot.waitSignal(worker.sigFinished, timeout=5000):
        worker.start()

    assert events == [("progress", 3), ("finished", 3)]


def test_progress_rate_is_limited_during_run(qtbot):
    def slow_counter(*, progress, cancel):
        end = time.monotonic() + 1.0
        step = 0
        while time.monotonic() < end:
            step += 1
            progress(step)
            time.sleep(0.001)
        return step

    worker = Worker(slow_counter, progress_interval_ms=100)
    emissions = []
    worker.sigProgress.connect(emissions.append)
    with qtbot.waitSignal(worker.sigFinished, timeout=10_000) as blocker:
        worker.start()

    # About 10 per second plus the final flush; allow slack for a busy machine.
    assert len(emissions) <= 14
    assert blocker.args[0] > len(emissions)


def test_cancel_stops_task(qtbot):
    worker = Worker(wait_for_cancel)
    # A lambda, not a slot: it must still run in the GUI thread while the task runs.
    worker.sigProgress.connect(lambda _value: worker.cancel())
    finished = []
    worker.sigFinished.connect(finished.append)
    with qtbot.waitSignal(worker.sigCancelled, timeout=5000):
        worker.start()

    assert worker.cancel_requested
    assert finished == []


def test_failure_reports_exception_and_traceback(qtbot):
    worker = Worker(fail)
    with qtbot.waitSignal(worker.sigFailed, timeout=5000) as blocker:
        worker.start()

    error, traceback_text = blocker.args
    assert isinstance(error, ValueError)
    assert str(error) == "broken input"
    assert "Traceback" in traceback_text
    assert "in fail" in traceback_text


def test_worker_starts_only_once(qtbot):
    worker = Worker(add, 1, b=1)
    with qtbot.waitSignal(worker.sigFinished, timeout=5000):
        worker.start()

    with pytest.raises(RuntimeError, match="already been started"):
        worker.start()


def test_dropped_reference_keeps_running(qtbot):
    results = []

    def start_and_forget():
        worker = Worker(count_to, 1000)
        worker.sigFinished.connect(results.append)
        worker.start()

    start_and_forget()
    qtbot.waitUntil(lambda: results == [1000], timeout=5000)
