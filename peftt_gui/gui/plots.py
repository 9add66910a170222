"""Live training curves that stay cheap when points arrive faster than the eye can follow.

Each curve is created once. Appended points go into a growing numpy buffer whose
capacity doubles when full, so appending is amortized O(1). Appending never redraws:
a single-shot timer hands the changed curves to pyqtgraph at most once per
``redraw_interval_ms``. Curves draw with peak downsampling and clip-to-view.
``bench/plot_redraw.py`` measured 7-10 ms per redraw of three 100,000-point curves,
against 14-15 ms with pyqtgraph's defaults (1-pixel pens, offscreen, 2-core machine).

The static plots below (bar chart, histogram, confusion heatmap) draw data once, for the
Data, Template and History pages.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

DEFAULT_REDRAW_INTERVAL_MS = 200
# Qt's raster engine draws 1-pixel lines on a fast path. Wider pens go through the
# stroker, which made a 100,000-point redraw about twice as slow in bench/plot_redraw.py.
DEFAULT_PEN_WIDTH = 1.0
# Peak downsampling keeps a min and a max per bin, so one bin per pixel column already
# draws every visible extreme. pyqtgraph's default of 5 bins draws five times the lines.
DOWNSAMPLE_POINTS_PER_PIXEL = 1.0
INITIAL_CAPACITY = 256
HEATMAP_COLOR = (29, 95, 180)
# Confusion matrices with more classes than this label their columns with numbers.
NAMED_COLUMNS_MAX = 6


class CurveBuffer:
    """x and y values of one curve in arrays that double in capacity when full."""

    def __init__(self, capacity: int = INITIAL_CAPACITY):
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self.size = 0

    def append(self, x: float, y: float) -> None:
        if self.size == len(self._x):
            self._grow(self.size + 1)
        self._x[self.size] = x
        self._y[self.size] = y
        self.size += 1

    def extend(self, xs: Iterable[float], ys: Iterable[float]) -> None:
        xs = np.asarray(xs, dtype=np.float64).ravel()
        ys = np.asarray(ys, dtype=np.float64).ravel()
        if xs.shape != ys.shape:
            raise ValueError(f"x and y differ in length ({xs.size} and {ys.size} values)")
        end = self.size + xs.size
        if end > len(self._x):
            self._grow(end)
        self._x[self.size:end] = xs
        self._y[self.size:end] = ys
        self.size = end

    def clear(self) -> None:
        # New arrays, because pyqtgraph may still hold views of the old ones.
        self._x = np.empty(INITIAL_CAPACITY, dtype=np.float64)
        self._y = np.empty(INITIAL_CAPACITY, dtype=np.float64)
        self.size = 0

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        """Return views of the filled part; they stay valid after the buffer grows."""
        return self._x[: self.size], self._y[: self.size]

    def _grow(self, needed: int) -> None:
        capacity = max(len(self._x), 1)
        while capacity < needed:
            capacity *= 2
        for name in ("_x", "_y"):
            old = getattr(self, name)
            new = np.empty(capacity, dtype=np.float64)
            new[: self.size] = old[: self.size]
            setattr(self, name, new)


class LivePlot(QWidget):
    """A pyqtgraph plot whose curves take appended points and redraw on a timer."""

    def __init__(self, parent: QWidget | None = None, *,
                 redraw_interval_ms: int = DEFAULT_REDRAW_INTERVAL_MS):
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(self)
        self.plot_widget.setBackground(None)
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.showGrid(x=True, y=True, alpha=0.25)
        self.legend = self.plot_item.addLegend(offset=(-10, 10))

        # pyqtgraph's context menus exist only in English, so they stay off; mouse zoom
        # and the auto-range button still work.
        _disable_plot_menus(self, self.plot_item)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)

        self._curves: dict[str, pg.PlotDataItem] = {}
        self._buffers: dict[str, CurveBuffer] = {}
        self._dirty: set[str] = set()
        self.redraw_count = 0

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(redraw_interval_ms)
        self._redraw_timer.timeout.connect(self.redraw)

    def add_curve(self, key: str, name: str, color: str | tuple, *,
                  width: float = DEFAULT_PEN_WIDTH,
                  symbol: str | None = None) -> pg.PlotDataItem:
        """Create the curve ``key``, shown in the legend as ``name``."""
        if key in self._curves:
            raise ValueError(f"curve {key!r} exists already; append to it or use another key")
        curve = self.plot_item.plot(name=name, pen=pg.mkPen(color, width=width),
                                    symbol=symbol, symbolBrush=color, symbolPen=None,
                                    symbolSize=6)
        curve.setDownsampling(auto=True, method="peak")
        curve.opts["autoDownsampleFactor"] = DOWNSAMPLE_POINTS_PER_PIXEL
        curve.setClipToView(True)
        self._curves[key] = curve
        self._buffers[key] = CurveBuffer()
        return curve

    def curve(self, key: str) -> pg.PlotDataItem:
        return self._curves[key]

    def point_count(self, key: str) -> int:
        return self._buffers[key].size

    def set_curve_name(self, key: str, name: str) -> None:
        """Rename a curve in the legend (after a language change)."""
        curve = self._curves[key]
        curve.opts["name"] = name
        self.legend.removeItem(curve)
        self.legend.addItem(curve, name)

    def set_labels(self, *, left: str = "", bottom: str = "") -> None:
        self.plot_item.setLabel("left", left)
        self.plot_item.setLabel("bottom", bottom)

    def append(self, key: str, x: float, y: float) -> None:
        """Add one point; the curve redraws within ``redraw_interval_ms``."""
        self._buffers[key].append(x, y)
        self._mark_dirty(key)

    def extend(self, key: str, xs: Iterable[float], ys: Iterable[float]) -> None:
        self._buffers[key].extend(xs, ys)
        self._mark_dirty(key)

    def clear_data(self) -> None:
        """Drop every point and keep the curves."""
        for key, buffer in self._buffers.items():
            buffer.clear()
            self._mark_dirty(key)

    def redraw(self) -> None:
        """Hand the changed curves' buffers to pyqtgraph (normally called by the timer)."""
        self._redraw_timer.stop()
        for key in self._dirty:
            x, y = self._buffers[key].view()
            self._curves[key].setData(x, y)
        self._dirty.clear()
        self.redraw_count += 1

    def _mark_dirty(self, key: str) -> None:
        self._dirty.add(key)
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()


def _disable_plot_menus(owner: QWidget, plot_item: pg.PlotItem) -> None:
    """Turn pyqtgraph's English-only context menus off and parent them to ``owner``.

    pyqtgraph creates the menus without a parent, so they would outlive the plot as
    hidden top-level windows.
    """
    for menu in (plot_item.ctrlMenu, plot_item.getViewBox().menu):
        menu.setParent(owner, menu.windowFlags())
    plot_item.setMenuEnabled(False)


class StaticPlot(QWidget):
    """A pyqtgraph plot for data that is drawn once (bars, histograms, heatmaps)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(self)
        self.plot_widget.setBackground(None)
        self.plot_item = self.plot_widget.getPlotItem()
        _disable_plot_menus(self, self.plot_item)
        self.plot_item.getViewBox().setMouseEnabled(x=False, y=False)
        self.plot_item.hideButtons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)

    def set_labels(self, *, left: str = "", bottom: str = "") -> None:
        self.plot_item.setLabel("left", left)
        self.plot_item.setLabel("bottom", bottom)


class BarChart(StaticPlot):
    """Grouped horizontal bars: one group per category (top to bottom), one bar per series.

    Horizontal bars keep long class names readable on the left axis.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot_item.showGrid(x=True, alpha=0.25)
        self.plot_item.getViewBox().invertY(True)
        self.legend = self.plot_item.addLegend(offset=(-10, 10), brush=(255, 255, 255, 210),
                                               labelTextColor="#202020")
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.categories: list[str] = []

    def set_data(self, categories: list[str], series: dict[str, list[float]],
                 colors: dict[str, str], names: dict[str, str] | None = None,
                 value_range: tuple[float, float] | None = None) -> None:
        """Draw ``series`` (key → one value per category); ``names`` label the legend."""
        for item in self.bars.values():
            self.plot_item.removeItem(item)
        self.legend.clear()
        self.bars.clear()
        self.categories = list(categories)

        count = max(len(series), 1)
        thickness = 0.8 / count
        positions = np.arange(len(categories), dtype=float)
        for index, (key, values) in enumerate(series.items()):
            offset = -0.4 + thickness * (index + 0.5)
            item = pg.BarGraphItem(x0=0.0, y=positions + offset, height=thickness,
                                   width=np.asarray(values, dtype=float), brush=colors[key],
                                   pen=None)
            self.plot_item.addItem(item)
            self.bars[key] = item
            if names and len(series) > 1:
                self.legend.addItem(item, names.get(key, key))
        self.legend.setVisible(bool(names) and len(series) > 1)
        self.plot_item.getAxis("left").setTicks([list(enumerate(categories))])
        if value_range is not None:
            self.plot_item.setXRange(*value_range, padding=0.02)
        else:
            self.plot_item.enableAutoRange(axis="x")
        if categories:
            self.plot_item.setYRange(-0.6, len(categories) - 0.4, padding=0)

    def values(self, key: str) -> list[float]:
        return [float(value) for value in self.bars[key].opts["width"]]


class HistogramPlot(StaticPlot):
    """A histogram of integer values with a vertical marker line (a limit)."""

    def __init__(self, parent: QWidget | None = None, color: str = "#1d5fb4",
                 marker_color: str = "#d0191f"):
        super().__init__(parent)
        self.plot_item.showGrid(y=True, alpha=0.25)
        self.bars = pg.BarGraphItem(x0=[], x1=[], height=[], brush=color, pen=None)
        self.plot_item.addItem(self.bars)
        self.marker = pg.InfiniteLine(angle=90, movable=False,
                                      pen=pg.mkPen(marker_color, width=2,
                                                   style=Qt.PenStyle.DashLine))
        self.plot_item.addItem(self.marker)
        self.counts = np.zeros(0)
        self.edges = np.zeros(0)

    def set_values(self, values: np.ndarray, marker: float | None, max_bins: int = 60) -> None:
        values = np.asarray(values)
        if values.size == 0:
            self.counts, self.edges = np.zeros(0), np.zeros(0)
            self.bars.setOpts(x0=[], x1=[], height=[])
            self.marker.hide()
            return
        top = max(int(values.max()), int(marker or 0)) + 1
        width = max(1, int(np.ceil(top / max_bins)))
        self.edges = np.arange(0, top + width, width)
        self.counts, _ = np.histogram(values, bins=self.edges)
        self.bars.setOpts(x0=self.edges[:-1], x1=self.edges[1:], height=self.counts)
        if marker is None:
            self.marker.hide()
        else:
            self.marker.setValue(marker)
            self.marker.show()
        self.plot_item.enableAutoRange()


class ConfusionHeatmap(StaticPlot):
    """A confusion matrix as an image: gold classes as rows (top to bottom), predictions as columns."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.ColorMap([0.0, 1.0], [(255, 255, 255), HEATMAP_COLOR]))
        self.plot_item.addItem(self.image)
        self.plot_item.getViewBox().invertY(True)
        self.plot_item.getViewBox().setAspectLocked(False)
        self.cell_texts: list[pg.TextItem] = []
        self.matrix = np.zeros((0, 0), dtype=int)
        self.labels: list[str] = []

    def set_matrix(self, matrix, labels: list[str]) -> None:
        """Show ``matrix`` (rows: gold, columns: predicted) with ``labels`` on both axes."""
        for item in self.cell_texts:
            self.plot_item.removeItem(item)
        self.cell_texts.clear()
        self.matrix = np.asarray(matrix, dtype=int).reshape(len(labels), len(labels))
        self.labels = list(labels)
        size = len(labels)
        if size == 0:
            self.image.clear()
            return

        # Each row is scaled to its own total, so that rare classes show their errors too.
        totals = self.matrix.sum(axis=1, keepdims=True)
        shares = np.divide(self.matrix, totals, out=np.zeros(self.matrix.shape), where=totals > 0)
        self.image.setImage(shares, levels=(0.0, 1.0))
        self.image.setRect(0, 0, size, size)
        for row in range(size):
            for column in range(size):
                color = "#ffffff" if shares[row, column] > 0.55 else "#202020"
                text = pg.TextItem(str(self.matrix[row, column]), color=color, anchor=(0.5, 0.5))
                text.setPos(column + 0.5, row + 0.5)
                self.plot_item.addItem(text)
                self.cell_texts.append(text)
        # Many class names do not fit side by side under the columns, so the columns then
        # show the numbers that prefix the row names.
        if size > NAMED_COLUMNS_MAX:
            rows = [(index + 0.5, f"{label}  {index + 1}") for index, label in enumerate(labels)]
            columns = [(index + 0.5, str(index + 1)) for index in range(size)]
        else:
            rows = columns = [(index + 0.5, label) for index, label in enumerate(labels)]
        self.plot_item.getAxis("bottom").setTicks([columns])
        self.plot_item.getAxis("left").setTicks([rows])
        self.plot_item.setXRange(0, size, padding=0)
        self.plot_item.setYRange(0, size, padding=0)
