"""Time one redraw of three 100,000-point curves: LivePlot against bare pyqtgraph.

    QT_QPA_PLATFORM=offscreen python bench/plot_redraw.py [--points N] [--repeats R]

A redraw here is what a live training plot does a few times per second: one new point
on each curve, new data handed to the curves, and a synchronous repaint of the view.
LivePlot draws with peak downsampling and clip-to-view; the bare pyqtgraph curves use
pyqtgraph's defaults (every point drawn). Both are measured in the same process on the
same data, and the median of the repeats is printed. The target for LivePlot is under
10 ms per redraw.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import peftt_gui.gui  # noqa: E402,F401 - applies the PySide6 reference-count guard
import pyqtgraph as pg  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from peftt_gui.gui.plots import DEFAULT_PEN_WIDTH, LivePlot  # noqa: E402

CURVES = ("loss", "macro_f1", "accuracy")
COLORS = ("#1d5fb4", "#b35000", "#2a7a2e")
WIDTH, HEIGHT = 800, 400
TARGET_MS = 10.0


def make_data(points: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(0)
    x = np.arange(points, dtype=np.float64)
    return {key: (x, np.cumsum(rng.normal(size=points)) + offset)
            for offset, key in enumerate(CURVES)}


def time_live_plot(app: QApplication, data, repeats: int, pen_width: float) -> list[float]:
    plot = LivePlot(redraw_interval_ms=10_000)
    plot.resize(WIDTH, HEIGHT)
    for key, color in zip(CURVES, COLORS):
        plot.add_curve(key, key, color, width=pen_width)
        plot.extend(key, *data[key])
    plot.show()
    plot.redraw()
    app.processEvents()

    times = []
    next_x = len(data[CURVES[0]][0])
    for _ in range(repeats):
        for key in CURVES:
            plot.append(key, next_x, 0.0)
        next_x += 1
        started = time.perf_counter()
        plot.redraw()
        plot.plot_widget.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
    plot.close()
    return times


def time_bare_pyqtgraph(app: QApplication, data, repeats: int,
                        pen_width: float) -> list[float]:
    widget = pg.PlotWidget()
    widget.resize(WIDTH, HEIGHT)
    buffers = {key: (np.append(x, 0.0), np.append(y, 0.0)) for key, (x, y) in data.items()}
    curves = {key: widget.plot(*data[key], pen=pg.mkPen(color, width=pen_width))
              for key, color in zip(CURVES, COLORS)}
    widget.show()
    app.processEvents()

    times = []
    size = len(data[CURVES[0]][0])
    for _ in range(repeats):
        # Grow the arrays by one point, as LivePlot does, so both hand over new data.
        for key in CURVES:
            x, y = buffers[key]
            if size >= len(x):
                buffers[key] = (np.resize(x, 2 * len(x)), np.resize(y, 2 * len(y)))
                x, y = buffers[key]
            x[size], y[size] = size, 0.0
        size += 1
        started = time.perf_counter()
        for key in CURVES:
            curves[key].setData(buffers[key][0][:size], buffers[key][1][:size])
        widget.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
    widget.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=100_000, help="points per curve")
    parser.add_argument("--repeats", type=int, default=30, help="redraws to time")
    parser.add_argument("--pen-width", type=float, default=DEFAULT_PEN_WIDTH,
                        help="line width in pixels for both plots (default: LivePlot's)")
    args = parser.parse_args()

    app = QApplication([])
    data = make_data(args.points)

    # Warm up both paths once (first layout, font and glyph caches).
    time_live_plot(app, data, 3, args.pen_width)
    time_bare_pyqtgraph(app, data, 3, args.pen_width)

    live = statistics.median(time_live_plot(app, data, args.repeats, args.pen_width))
    bare = statistics.median(time_bare_pyqtgraph(app, data, args.repeats, args.pen_width))
    print(f"platform: {platform.platform()}, Python {platform.python_version()}, "
          f"pyqtgraph {pg.__version__}, Qt platform {app.platformName()}")
    print(f"{len(CURVES)} curves x {args.points:,} points, {WIDTH}x{HEIGHT} px, "
          f"pen width {args.pen_width:g} px, median of {args.repeats} redraws")
    print(f"LivePlot (peak downsampling, clip-to-view): {live:8.2f} ms "
          f"({'meets' if live < TARGET_MS else 'misses'} the {TARGET_MS:.0f} ms target)")
    print(f"bare pyqtgraph (defaults):                  {bare:8.2f} ms")
    print(f"speed-up: {bare / live:.1f}x")


if __name__ == "__main__":
    main()
