"""The window appears before the engine loads, and the engine loads after the first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
HEAVY_MODULES = ("torch", "transformers", "peft", "sklearn")
# Loaded only after the first paint: the plots, and the pages after the first, are built
# once the window has painted.
DEFERRED_MODULES = HEAVY_MODULES + ("pyqtgraph", "peftt_gui.gui.tasks",
                                    "peftt_gui.gui.pages.train_page")
# Not imported by building the window. Worker threads may load them around the first paint
# (and this test's script imports numpy for its own checks before the paint).
NOT_FOR_THE_WINDOW = DEFERRED_MODULES + ("sqlalchemy", "numpy")

# Runs in a fresh interpreter, so that no other test has imported torch already.
STARTUP_SCRIPT = """
import json, sys, time
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])

app = QApplication([])
from peftt_gui.gui.app import create_main_window, setup_application, shut_down
from peftt_gui.gui.settings import AppSettings, configure_identity

configure_identity()
AppSettings().set_language("en")

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "deferred_at_first_paint" not in report:
            report["deferred_at_first_paint"] = [name for name in %(deferred)r
                                                 if name in sys.modules]
        return False

context = setup_application(app)
window = create_main_window(context)
report = {"loaded_by_window": [name for name in %(not_for_window)r if name in sys.modules],
          "pages_built_before_paint": [page.key for page in window.pages.built()]}
# Imported only now, because it imports numpy, which the window must not need.
from peftt_gui.gui.plots import DeferredPlot
report.update({
          "plots_built_before_paint": sum(plot.is_built()
                                          for plot in window.findChildren(DeferredPlot))})
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.processEvents()
report["heavy_after_show"] = [name for name in %(heavy)r if name in sys.modules]
report["pages"] = list(window.pages)

started = time.perf_counter()
loop = QEventLoop()
window.engine_loader.sigEngineReady.connect(loop.quit)
window.engine_loader.sigEngineFailed.connect(lambda *args: loop.quit())
QTimer.singleShot(120_000, loop.quit)
window.start_engine_after_first_paint()
loop.exec()
report["engine_ready"] = window.engine_loader.is_ready()
report["engine_seconds"] = time.perf_counter() - started
report["engine_label"] = window.engine_label.text()
report["torch_after_load"] = "torch" in sys.modules

# The other pages, then their plots, are built after the first paint, the plots with the
# texts and ranges set before. They are looked up again each time, because a page may
# replace its plots meanwhile.
def count_plots():
    plots = window.findChildren(DeferredPlot)
    return len(plots), sum(plot.is_built() for plot in plots)

deadline = time.monotonic() + 60
total, built = count_plots()
while ((window.pages.next_unbuilt() is not None or built < total)
       and time.monotonic() < deadline):
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    total, built = count_plots()
report["plots_after_paint"], report["plots_built_after_paint"] = total, built
report["pages_built_after_paint"] = [page.key for page in window.pages.built()]
train = window.pages["train"]
report["loss_axis"] = train.loss_plot.plot_item.getAxis("left").labelText
report["metrics_legend"] = [label.text for _sample, label in train.metrics_plot.legend.items]
report["metrics_y_range"] = train.metrics_plot.plot_item.getViewBox().viewRange()[1]
window.close()
print("REPORT " + json.dumps(report), flush=True)
sys.exit(shut_down(context, window, 0))
""" % {"heavy": HEAVY_MODULES, "deferred": DEFERRED_MODULES,
       "not_for_window": NOT_FOR_THE_WINDOW}


def run_startup_script(tmp_path) -> dict:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                       PEFTT_HISTORY=str(tmp_path / "history.db"),
                       XDG_DATA_HOME=str(tmp_path / "data-home"))
    result = subprocess.run([sys.executable, "-c", STARTUP_SCRIPT, str(tmp_path)],
                            cwd=REPO_ROOT, env=environment, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, f"no report in output:\n{result.stdout}\n{result.stderr}"
    return json.loads(lines[-1][len("REPORT "):])


@pytest.fixture(scope="module")
def startup_report(tmp_path_factory) -> dict:
    """The report of one start-up in a fresh interpreter, shared by the tests below."""
    return run_startup_script(tmp_path_factory.mktemp("startup"))


def test_window_shows_before_engine_loads(startup_report):
    report = startup_report

    assert report["loaded_by_window"] == []
    assert report["deferred_at_first_paint"] == []
    assert report["heavy_after_show"] == []
    assert report["pages"] == ["model", "data", "method", "template", "train", "history",
                               "compare", "playground", "study"]
    assert report["engine_ready"], report["engine_label"]
    assert report["torch_after_load"]
    assert report["engine_label"].startswith("Engine ready: torch ")


def test_plots_built_after_first_paint(startup_report):
    report = startup_report

    assert report["pages_built_before_paint"] == ["model"]
    assert report["plots_built_before_paint"] == 0
    assert report["pages_built_after_paint"] == report["pages"]
    assert report["plots_built_after_paint"] == report["plots_after_paint"] >= 7
    assert report["loss_axis"] == "Loss"
    assert report["metrics_legend"] == ["macro-F1", "Accuracy"]
    low, high = report["metrics_y_range"]
    assert -0.1 <= low <= 0.0
    assert 1.0 <= high <= 1.1
