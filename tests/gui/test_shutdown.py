"""Closing the app ends the process promptly: during the engine import, during a run, and
with a task that ignores the stop request.

Each case runs the app in a fresh interpreter, because the process exit is what is tested
and because the engine import must not have happened in this test process already.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peftt_gui.core.storage import RunStorage

REPO_ROOT = Path(__file__).resolve().parents[2]
# Far longer than the shutdown may take, so that a process that waits for the import
# (or hangs) fails the test instead of passing slowly.
ENGINE_IMPORT_DELAY_S = 120
PROCESS_TIMEOUT_S = 90
EXIT_BOUND_S = 30

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="sends SIGTERM")

# The real entry point, with an import of transformers that takes ENGINE_IMPORT_DELAY_S,
# as it can on a cold disk cache.
SLOW_ENGINE_MAIN = """
import sys, time

class SlowTransformersImport:
    def find_spec(self, name, path=None, target=None):
        if name == "transformers":
            time.sleep(%d)
        return None

sys.meta_path.insert(0, SlowTransformersImport())
from peftt_gui.gui.app import main
sys.exit(main([]))
""" % ENGINE_IMPORT_DELAY_S

# Builds the window as app.main() does, prepares a run of the tiny model on a TNCC-title
# slice, closes the window after the first optimizer step, and shuts down as main() does.
CLOSE_DURING_RUN = """
import json, sys, time
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from peftt_gui.gui import app as app_module

model_dir, data_dir = sys.argv[1:3]
app = QApplication([])
context = app_module.setup_application(app, show_error_dialogs=False)
window = app_module.create_main_window(context)
window.confirm_close_during_run = False
window.show()
window.start_engine_after_first_paint()

def wait_until(condition, timeout_s):
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            sys.exit("timed out while preparing the run")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

wait_until(window.engine_loader.is_ready, 120)
window.open_model_folder(model_dir)
wait_until(lambda: window.state.tokenizer is not None and bool(window.state.linear_layers), 120)
data_page = window.pages["data"]
data_page.options_form.set_value("max_train_rows", 48)
data_page.options_form.set_value("max_eval_rows", 24)
window.open_data_folder(data_dir)
wait_until(lambda: window.state.splits is not None and len(window.state.splits.train) <= 48, 120)
method_page = window.pages["method"]
method_page.method_radios["finetune"].setChecked(True)
method_page.epochs.setValue(100)
method_page.batch_size.setValue(8)
method_page.advanced_form.set_value("log_every", 1)
method_page.advanced_form.set_value("device", "cpu")
train_page = window.pages["train"]
wait_until(train_page.start_button.isEnabled, 30)
assert train_page.start_training()
wait_until(lambda: train_page.training_state.step >= 1, 120)

report = {"step_at_close": train_page.training_state.step}
QTimer.singleShot(0, window.close)
exit_code = app.exec()
closed = time.monotonic()
exit_code = app_module.shut_down(context, window, exit_code)
report["shutdown_s"] = time.monotonic() - closed
report["last_step"] = train_page.training_state.step
print("REPORT " + json.dumps(report), flush=True)
sys.exit(exit_code)
"""

# A task that ignores the stop request outlasts a shortened shutdown timeout. The run
# history opens first, so that its task is not the one left running.
STUBBORN_TASK = """
import sys, time
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from peftt_gui.gui import app as app_module

app_module.SHUTDOWN_TIMEOUT_MS = 1000
app = QApplication([])
context = app_module.setup_application(app, show_error_dialogs=False)
window = app_module.create_main_window(context)
window.show()
deadline = time.monotonic() + 60
while window.pages["history"].storage is None and time.monotonic() < deadline:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
if window.pages["history"].storage is None:
    sys.exit("the run history did not open")

def ignore_cancel(*, progress, cancel):
    time.sleep(%d)

window.pages["model"].start_task(ignore_cancel)
QTimer.singleShot(0, window.close)
sys.exit(app_module.shut_down(context, window, app.exec()))
""" % ENGINE_IMPORT_DELAY_S


def app_environment(tmp_path: Path) -> dict:
    """Offscreen Qt with the settings, history and run folders under ``tmp_path``."""
    return dict(os.environ, QT_QPA_PLATFORM="offscreen",
                XDG_CONFIG_HOME=str(tmp_path / "config"),
                XDG_DATA_HOME=str(tmp_path / "data-home"),
                PEFTT_HISTORY=str(tmp_path / "history.db"))


def wait_for_text(path: Path, text: str, process: subprocess.Popen, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while text not in path.read_text(encoding="utf-8", errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            process.wait()
            pytest.fail(f"{text!r} never appeared in the output:\n"
                        f"{path.read_text(encoding='utf-8', errors='replace')}")
        time.sleep(0.05)


@posix_only
def test_close_during_engine_import_exits(tmp_path):
    log_path = tmp_path / "app.log"
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen([sys.executable, "-c", SLOW_ENGINE_MAIN], cwd=REPO_ROOT,
                                   env=app_environment(tmp_path), stdout=log,
                                   stderr=subprocess.STDOUT)
    wait_for_text(log_path, "Loading the training engine", process, PROCESS_TIMEOUT_S)

    # SIGTERM closes the window as the close button does.
    process.send_signal(signal.SIGTERM)
    closed = time.monotonic()
    try:
        exit_code = process.wait(timeout=PROCESS_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail("the app was still running 90 s after its window closed")
    seconds = time.monotonic() - closed

    output = log_path.read_text(encoding="utf-8", errors="replace")
    assert exit_code == 0, output
    assert seconds < EXIT_BOUND_S, output
    assert "without waiting for the training engine" in output
    assert "Training engine loaded" not in output


def test_close_during_run_cancels_it(tmp_path, tiny_model_dir, tncc_dir):
    completed = subprocess.run(
        [sys.executable, "-c", CLOSE_DURING_RUN, str(tiny_model_dir), str(tncc_dir)],
        cwd=REPO_ROOT, env=app_environment(tmp_path), capture_output=True, text=True,
        timeout=600)

    assert completed.returncode == 0, completed.stderr
    lines = [line for line in completed.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, completed.stderr
    report = json.loads(lines[-1][len("REPORT "):])
    assert report["shutdown_s"] < EXIT_BOUND_S

    # The run stopped long before its 600 steps, and its history row has the status
    # "cancelled", so that Resume can continue it.
    assert report["step_at_close"] <= report["last_step"] < 600
    storage = RunStorage(str(tmp_path / "history.db"))
    try:
        runs = storage.list_runs()
    finally:
        storage.close()
    assert [run.status for run in runs] == ["cancelled"]


def test_task_ignoring_stop_does_not_block_exit(tmp_path):
    started = time.monotonic()
    completed = subprocess.run([sys.executable, "-c", STUBBORN_TASK], cwd=REPO_ROOT,
                               env=app_environment(tmp_path), capture_output=True, text=True,
                               timeout=PROCESS_TIMEOUT_S)

    assert completed.returncode == 0, completed.stderr
    assert time.monotonic() - started < ENGINE_IMPORT_DELAY_S / 2
    assert "did not stop within 1 s" in completed.stderr
    # The window layout written on close survived the exit without Python's shutdown.
    settings_files = list((tmp_path / "config").rglob("*.conf"))
    assert settings_files, "no settings file was written"
    assert "geometry" in settings_files[0].read_text(encoding="utf-8")


def test_quit_after_start_exits_cleanly(tmp_path):
    environment = dict(app_environment(tmp_path), PEFTT_QUIT_AFTER_START="1")
    completed = subprocess.run([sys.executable, "-m", "peftt_gui.gui"], cwd=REPO_ROOT,
                               env=environment, capture_output=True, text=True,
                               timeout=PROCESS_TIMEOUT_S)

    assert completed.returncode == 0, completed.stderr
    assert "window shown" in completed.stdout
    assert "Training engine loaded" in completed.stderr
    assert "without waiting" not in completed.stderr
