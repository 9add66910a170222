"""Plots: appends are buffered, redraws are rare, plotted data equals appended data, and a
plot builds its pyqtgraph widget only when shown or once pyqtgraph is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from peftt_gui.gui.plots import INITIAL_CAPACITY, CurveBuffer, LivePlot


@pytest.fixture
def live_plot(qtbot):
    plot = LivePlot(redraw_interval_ms=200)
    qtbot.addWidget(plot)
    plot.resize(640, 400)
    plot.show()
    qtbot.waitExposed(plot)
    plot.add_curve("loss", "loss", "#1d5fb4")
    return plot


def test_buffer_grows_by_doubling():
    buffer = CurveBuffer(capacity=4)
    capacities = []
    for value in range(100):
        buffer.append(value, -value)
        capacities.append(len(buffer._x))

    x, y = buffer.view()
    assert np.array_equal(x, np.arange(100))
    assert np.array_equal(y, -np.arange(100))
    assert sorted(set(capacities)) == [4, 8, 16, 32, 64, 128]


def test_buffer_extend_checks_lengths():
    buffer = CurveBuffer()
    with pytest.raises(ValueError, match="differ in length"):
        buffer.extend([1, 2, 3], [1, 2])


def test_buffer_clear_keeps_old_views_intact():
    buffer = CurveBuffer()
    buffer.extend([1, 2, 3], [4, 5, 6])
    old_x, _ = buffer.view()
    buffer.clear()
    buffer.append(9, 9)

    assert list(old_x) == [1, 2, 3]
    assert len(buffer._x) == INITIAL_CAPACITY


def test_thousand_appends_redraw_few_times(live_plot, qtbot):
    for step in range(1000):
        live_plot.append("loss", step, 1.0 / (step + 1))

    assert live_plot.redraw_count == 0
    qtbot.waitUntil(lambda: live_plot.redraw_count >= 1, timeout=2000)
    qtbot.wait(300)

    assert live_plot.redraw_count <= 3
    x, y = live_plot.curve("loss").getData()
    assert np.array_equal(x, np.arange(1000, dtype=float))
    assert np.allclose(y, 1.0 / (np.arange(1000) + 1))


def test_redraw_rate_while_appending(live_plot, qtbot):
    # 1,000 points spread over about one second, as a fast training run reports them.
    for step in range(1000):
        live_plot.append("loss", step, float(step))
        if step % 50 == 0:
            qtbot.wait(50)
    qtbot.wait(300)

    assert 3 <= live_plot.redraw_count <= 8
    x, _ = live_plot.curve("loss").getData()
    assert len(x) == 1000


def test_extend_and_clear_data(live_plot, qtbot):
    live_plot.add_curve("f1", "macro-F1", "#b35000", symbol="o")
    live_plot.extend("f1", [1, 2, 3], [0.2, 0.4, 0.5])
    live_plot.redraw()

    assert live_plot.point_count("f1") == 3
    assert list(live_plot.curve("f1").getData()[1]) == [0.2, 0.4, 0.5]

    live_plot.clear_data()
    live_plot.redraw()
    assert live_plot.point_count("f1") == 0
    assert live_plot.point_count("loss") == 0


def test_large_curve_keeps_all_points(live_plot, qtbot):
    x = np.arange(100_000, dtype=float)
    live_plot.extend("loss", x, np.sin(x / 1000))
    live_plot.redraw()
    qtbot.wait(50)  # lets the view range follow the data before downsampling

    curve = live_plot.curve("loss")
    # xData/yData hold the full data; getData() may be downsampled for display.
    assert np.array_equal(curve.xData, x)
    assert curve.opts["autoDownsample"]
    assert curve.opts["clipToView"]
    assert curve.opts["downsampleMethod"] == "peak"
    assert len(curve.getData()[0]) < 100_000


def test_duplicate_curve_key_rejected(live_plot):
    with pytest.raises(ValueError, match="exists already"):
        live_plot.add_curve("loss", "again", "#000000")


def test_curve_rename_updates_legend(live_plot):
    live_plot.set_curve_name("loss", "Training loss")

    labels = [label.text for _sample, label in live_plot.legend.items]
    assert labels == ["Training loss"]


# Runs in a fresh interpreter, where nothing has imported pyqtgraph yet.
DEFERRED_PLOTS_SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from peftt_gui.gui.plots import (BarChart, ConfusionHeatmap, DeferredPlot, HistogramPlot,
                                 LivePlot, build_plots_later)

app = QApplication([])
window = QWidget()
layout = QVBoxLayout(window)
live = LivePlot(window)
live.add_curve("loss", "", "#1d5fb4")
live.set_curve_name("loss", "Training loss")
live.set_labels(left="Loss", bottom="Step")
live.set_y_range(0.0, 1.0)
live.extend("loss", [1, 2, 3], [0.9, 0.5, 0.25])
live.redraw()
bars = BarChart(window)
bars.set_data(["Arts", "Politics"], {"train": [3, 5], "test": [1, 2]},
              {"train": "#1d5fb4", "test": "#b35000"}, names={"train": "Train", "test": "Test"})
histogram = HistogramPlot(window)
histogram.set_values([3, 4, 4, 9], marker=8)
heatmap = ConfusionHeatmap(window)
heatmap.set_matrix([[3, 1], [0, 4]], ["Arts", "Politics"])
for plot in (live, bars, histogram, heatmap):
    layout.addWidget(plot)

# A second, hidden window whose plot only build_plots_later() builds.
hidden = QWidget()
hidden_plot = LivePlot(hidden)

report = {"imported_before_show": "pyqtgraph" in sys.modules,
          "built_before_show": [plot.is_built() for plot in (live, bars, histogram, heatmap)],
          "values_before_show": bars.values("train")}
window.show()
app.processEvents()
report["built_after_show"] = [plot.is_built() for plot in (live, bars, histogram, heatmap)]
report["hidden_built_after_show"] = hidden_plot.is_built()
build_plots_later(hidden)
app.processEvents()
report["hidden_built_later"] = hidden_plot.is_built()
report["hidden_visible"] = hidden.isVisible()

x, y = live.curve("loss").getData()
report["curve"] = [list(map(float, x)), list(map(float, y))]
report["legend"] = [label.text for _sample, label in live.legend.items]
report["axis"] = live.plot_item.getAxis("left").labelText
report["y_range"] = live.plot_item.getViewBox().viewRange()[1]
report["bar_widths"] = {key: list(map(float, item.opts["width"])) for key, item in bars.bars.items()}
report["bar_legend"] = [label.text for _sample, label in bars.legend.items]
report["histogram_heights"] = list(map(int, histogram.bars.opts["height"]))
report["marker"] = [histogram.marker.value(), histogram.marker.isVisible()]
report["cells"] = [text.toPlainText() for text in heatmap.cell_texts]
print("REPORT " + json.dumps(report), flush=True)
"""


def test_plots_wait_for_show_to_build(tmp_path):
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    completed = subprocess.run([sys.executable, "-c", DEFERRED_PLOTS_SCRIPT],
                               cwd=Path(__file__).resolve().parents[2], env=environment,
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    lines = [line for line in completed.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, completed.stderr
    report = json.loads(lines[-1][len("REPORT "):])

    assert report["imported_before_show"] is False
    assert report["built_before_show"] == [False, False, False, False]
    assert report["values_before_show"] == [3.0, 5.0]
    assert report["built_after_show"] == [True, True, True, True]
    assert report["hidden_built_after_show"] is False
    assert report["hidden_built_later"] is True
    assert report["hidden_visible"] is False

    # What was set before the build is drawn by it.
    assert report["curve"] == [[1.0, 2.0, 3.0], [0.9, 0.5, 0.25]]
    assert report["legend"] == ["Training loss"]
    assert report["axis"] == "Loss"
    low, high = report["y_range"]
    assert -0.1 <= low <= 0.0
    assert 1.0 <= high <= 1.1
    assert report["bar_widths"] == {"train": [3.0, 5.0], "test": [1.0, 2.0]}
    assert report["bar_legend"] == ["Train", "Test"]
    assert sum(report["histogram_heights"]) == 4
    assert report["marker"] == [8.0, True]
    assert report["cells"] == ["3", "1", "0", "4"]


def test_plot_builds_at_once_after_import(qtbot):
    import pyqtgraph  # noqa: F401 - the import that a plot would otherwise wait for

    plot = LivePlot()
    qtbot.addWidget(plot)

    assert plot.is_built()
