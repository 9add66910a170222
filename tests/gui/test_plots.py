"""LivePlot: appends are buffered, redraws are rare, plotted data equals appended data."""

from __future__ import annotations

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
