"""Live training curves that stay cheap when points arrive faster than the eye can follow.

Each curve is created once. Appended points go into a growing numpy buffer whose
capacity doubles when full, so appending is amortized O(1). Appending never redraws:
a single-shot timer hands the changed curves to pyqtgraph at most once per
``redraw_interval_ms``. Curves draw with peak downsampling and clip-to-view.
``bench/plot_redraw.py`` measured 7-10 ms per redraw of three 100,000-point curves,
against 14-15 ms with pyqtgraph's defaults (1-pixel pens, offscreen, 2-core machine).

The static plots below (bar chart, histogram, confusion heatmap) draw data once, for the
Data, Template and History pages.

This module imports pyqtgraph only when a plot is built. A plot created before anything
has imported pyqtgraph waits until it is first shown, until its pyqtgraph objects are
read, or until ``build_plots_later`` reaches it. It keeps its labels, curves and data
meanwhile and draws them when it is built. That way the window paints its first page,
which has no plot, without the pyqtgraph import (``bench/gui_startup.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    import pyqtgraph as pg

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


class DeferredPlot(QWidget):
    """A widget around one pyqtgraph ``PlotWidget`` that is created on demand.

    Subclasses keep their data in Python and numpy, create their pyqtgraph items in
    ``_build_items`` and draw the data in ``_draw``, and end their ``__init__`` with
    ``_build_if_pyqtgraph_imported()``.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._plot_widget: pg.PlotWidget | None = None
        self._labels: dict[str, str] | None = None
        self._y_range: tuple[float, float] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def plot_widget(self) -> pg.PlotWidget:
        """The pyqtgraph widget; reading it builds the plot."""
        self.build()
        return self._plot_widget

    @property
    def plot_item(self) -> pg.PlotItem:
        """The pyqtgraph plot item; reading it builds the plot."""
        return self.plot_widget.getPlotItem()

    def is_built(self) -> bool:
        return self._plot_widget is not None

    def build(self) -> None:
        """Create the pyqtgraph widget and items, and draw everything set so far."""
        if self._plot_widget is not None:
            return
        import pyqtgraph as pg

        self._plot_widget = pg.PlotWidget(self)
        self._plot_widget.setBackground(None)
        plot_item = self._plot_widget.getPlotItem()
        _disable_plot_menus(self, plot_item)
        self._layout.addWidget(self._plot_widget)
        self._build_items(plot_item)

        if self._labels is not None:
            self._draw_labels()
        if self._y_range is not None:
            plot_item.setYRange(*self._y_range)
        self._draw()
        # A child created after its parent was shown stays hidden until shown itself.
        if self.isVisible():
            self._plot_widget.show()

    def set_labels(self, *, left: str = "", bottom: str = "") -> None:
        self._labels = {"left": left, "bottom": bottom}
        if self.is_built():
            self._draw_labels()

    def set_y_range(self, low: float, high: float) -> None:
        """Show ``low`` to ``high`` on the y axis, which then no longer follows the data."""
        self._y_range = (low, high)
        if self.is_built():
            self.plot_item.setYRange(low, high)

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)

    def _build_if_pyqtgraph_imported(self) -> None:
        # Once the import is paid, building at once behaves as a plain pyqtgraph widget
        # would, also for callers that grab() a plot that was never shown.
        if "pyqtgraph" in sys.modules:
            self.build()

    def _build_items(self, plot_item: pg.PlotItem) -> None:
        """Create the subclass's pyqtgraph items; called once, from ``build``."""

    def _draw(self) -> None:
        """Draw the data set before the plot was built; called once, from ``build``."""

    def _draw_labels(self) -> None:
        for side, text in self._labels.items():
            self.plot_item.setLabel(side, text)


def build_plots_later(root: QWidget) -> None:
    """Build every unbuilt plot under ``root``, one per pass of the event loop.

    Between two plots the event loop handles input, so the window stays responsive
    while the first plot imports pyqtgraph.
    """
    def build_next() -> None:
        pending = [plot for plot in root.findChildren(DeferredPlot) if not plot.is_built()]
        if pending:
            pending[0].build()
            QTimer.singleShot(0, root, build_next)

    # With root as the context, the timer is dropped if root is deleted first.
    QTimer.singleShot(0, root, build_next)


def _disable_plot_menus(owner: QWidget, plot_item: pg.PlotItem) -> None:
    """Turn pyqtgraph's English-only context menus off and parent them to ``owner``.

    pyqtgraph creates the menus without a parent, so they would outlive the plot as
    hidden top-level windows. Mouse zoom and the auto-range button still work.
    """
    for menu in (plot_item.ctrlMenu, plot_item.getViewBox().menu):
        menu.setParent(owner, menu.windowFlags())
    plot_item.setMenuEnabled(False)


@dataclass
class _CurveStyle:
    name: str
    color: str | tuple
    width: float
    symbol: str | None


class LivePlot(DeferredPlot):
    """A pyqtgraph plot whose curves take appended points and redraw on a timer."""

    def __init__(self, parent: QWidget | None = None, *,
                 redraw_interval_ms: int = DEFAULT_REDRAW_INTERVAL_MS):
        super().__init__(parent)
        self._styles: dict[str, _CurveStyle] = {}
        self._buffers: dict[str, CurveBuffer] = {}
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._legend: pg.LegendItem | None = None
        self._dirty: set[str] = set()
        self.redraw_count = 0

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(redraw_interval_ms)
        self._redraw_timer.timeout.connect(self.redraw)
        self._build_if_pyqtgraph_imported()

    @property
    def legend(self) -> pg.LegendItem:
        """The legend; reading it builds the plot."""
        self.build()
        return self._legend

    def add_curve(self, key: str, name: str, color: str | tuple, *,
                  width: float = DEFAULT_PEN_WIDTH, symbol: str | None = None) -> None:
        """Create the curve ``key``, shown in the legend as ``name``."""
        if key in self._styles:
            raise ValueError(f"curve {key!r} exists already; append to it or use another key")
        self._styles[key] = _CurveStyle(name, color, width, symbol)
        self._buffers[key] = CurveBuffer()
        if self.is_built():
            self._create_curve(key)

    def curve(self, key: str) -> pg.PlotDataItem:
        """Return the pyqtgraph item of the curve ``key``; this builds the plot."""
        self.build()
        return self._curves[key]

    def point_count(self, key: str) -> int:
        return self._buffers[key].size

    def set_curve_name(self, key: str, name: str) -> None:
        """Rename a curve in the legend (after a language change)."""
        self._styles[key].name = name
        curve = self._curves.get(key)
        if curve is not None:
            curve.opts["name"] = name
            self._legend.removeItem(curve)
            self._legend.addItem(curve, name)

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
        """Hand the changed curves' buffers to pyqtgraph (normally called by the timer).

        An unbuilt plot has nothing to hand them to; ``build`` draws every buffer.
        """
        self._redraw_timer.stop()
        if self.is_built():
            for key in self._dirty:
                x, y = self._buffers[key].view()
                self._curves[key].setData(x, y)
        self._dirty.clear()
        self.redraw_count += 1

    def _build_items(self, plot_item: pg.PlotItem) -> None:
        plot_item.showGrid(x=True, y=True, alpha=0.25)
        self._legend = plot_item.addLegend(offset=(-10, 10))
        for key in self._styles:
            self._create_curve(key)

    def _draw(self) -> None:
        for key, curve in self._curves.items():
            if self._buffers[key].size:
                curve.setData(*self._buffers[key].view())
        self._dirty.clear()

    def _create_curve(self, key: str) -> None:
        import pyqtgraph as pg

        style = self._styles[key]
        curve = self.plot_item.plot(name=style.name, pen=pg.mkPen(style.color, width=style.width),
                                    symbol=style.symbol, symbolBrush=style.color, symbolPen=None,
                                    symbolSize=6)
        curve.setDownsampling(auto=True, method="peak")
        curve.opts["autoDownsampleFactor"] = DOWNSAMPLE_POINTS_PER_PIXEL
        curve.setClipToView(True)
        self._curves[key] = curve

    def _mark_dirty(self, key: str) -> None:
        self._dirty.add(key)
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()


class StaticPlot(DeferredPlot):
    """A pyqtgraph plot for data that is drawn once (bars, histograms, heatmaps)."""

    def _build_items(self, plot_item: pg.PlotItem) -> None:
        plot_item.getViewBox().setMouseEnabled(x=False, y=False)
        plot_item.hideButtons()


@dataclass(frozen=True)
class _BarData:
    categories: list[str]
    series: dict[str, list[float]]
    colors: dict[str, str]
    names: dict[str, str] | None
    value_range: tuple[float, float] | None


class BarChart(StaticPlot):
    """Grouped horizontal bars: one group per category (top to bottom), one bar per series.

    Horizontal bars keep long class names readable on the left axis.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.categories: list[str] = []
        self._data: _BarData | None = None
        self._legend: pg.LegendItem | None = None
        self._build_if_pyqtgraph_imported()

    @property
    def legend(self) -> pg.LegendItem:
        """The legend; reading it builds the plot."""
        self.build()
        return self._legend

    def set_data(self, categories: list[str], series: dict[str, list[float]],
                 colors: dict[str, str], names: dict[str, str] | None = None,
                 value_range: tuple[float, float] | None = None) -> None:
        """Draw ``series`` (key → one value per category); ``names`` label the legend."""
        self.categories = list(categories)
        self._data = _BarData(
            self.categories,
            {key: [float(value) for value in values] for key, values in series.items()},
            dict(colors), dict(names) if names else None, value_range)
        if self.is_built():
            self._draw()

    def values(self, key: str) -> list[float]:
        series = self._data.series if self._data is not None else {}
        return list(series[key])

    def _build_items(self, plot_item: pg.PlotItem) -> None:
        super()._build_items(plot_item)
        plot_item.showGrid(x=True, alpha=0.25)
        plot_item.getViewBox().invertY(True)
        self._legend = plot_item.addLegend(offset=(-10, 10), brush=(255, 255, 255, 210),
                                           labelTextColor="#202020")

    def _draw(self) -> None:
        if self._data is None:
            return
        import pyqtgraph as pg

        data = self._data
        plot_item = self.plot_item
        for item in self.bars.values():
            plot_item.removeItem(item)
        self._legend.clear()
        self.bars.clear()

        count = max(len(data.series), 1)
        thickness = 0.8 / count
        positions = np.arange(len(data.categories), dtype=float)
        for index, (key, values) in enumerate(data.series.items()):
            offset = -0.4 + thickness * (index + 0.5)
            item = pg.BarGraphItem(x0=0.0, y=positions + offset, height=thickness,
                                   width=np.asarray(values, dtype=float), brush=data.colors[key],
                                   pen=None)
            plot_item.addItem(item)
            self.bars[key] = item
            if data.names and len(data.series) > 1:
                self._legend.addItem(item, data.names.get(key, key))
        self._legend.setVisible(bool(data.names) and len(data.series) > 1)
        plot_item.getAxis("left").setTicks([list(enumerate(data.categories))])
        if data.value_range is not None:
            plot_item.setXRange(*data.value_range, padding=0.02)
        else:
            plot_item.enableAutoRange(axis="x")
        if data.categories:
            plot_item.setYRange(-0.6, len(data.categories) - 0.4, padding=0)


class HistogramPlot(StaticPlot):
    """A histogram of integer values with a vertical marker line (a limit)."""

    def __init__(self, parent: QWidget | None = None, color: str = "#1d5fb4",
                 marker_color: str = "#d0191f"):
        super().__init__(parent)
        self._color = color
        self._marker_color = marker_color
        # The pyqtgraph items, None until the plot is built.
        self.bars: pg.BarGraphItem | None = None
        self.marker: pg.InfiniteLine | None = None
        self.counts = np.zeros(0)
        self.edges = np.zeros(0)
        self._marker_value: float | None = None
        self._has_values = False
        self._build_if_pyqtgraph_imported()

    def set_values(self, values: np.ndarray, marker: float | None, max_bins: int = 60) -> None:
        values = np.asarray(values)
        self._has_values = True
        if values.size == 0:
            self.counts, self.edges = np.zeros(0), np.zeros(0)
            self._marker_value = None
        else:
            top = max(int(values.max()), int(marker or 0)) + 1
            width = max(1, int(np.ceil(top / max_bins)))
            self.edges = np.arange(0, top + width, width)
            self.counts, _ = np.histogram(values, bins=self.edges)
            self._marker_value = marker
        if self.is_built():
            self._draw()

    def _build_items(self, plot_item: pg.PlotItem) -> None:
        super()._build_items(plot_item)
        import pyqtgraph as pg

        plot_item.showGrid(y=True, alpha=0.25)
        self.bars = pg.BarGraphItem(x0=[], x1=[], height=[], brush=self._color, pen=None)
        plot_item.addItem(self.bars)
        self.marker = pg.InfiniteLine(angle=90, movable=False,
                                      pen=pg.mkPen(self._marker_color, width=2,
                                                   style=Qt.PenStyle.DashLine))
        plot_item.addItem(self.marker)

    def _draw(self) -> None:
        if not self._has_values:
            return
        if self.counts.size == 0:
            self.bars.setOpts(x0=[], x1=[], height=[])
            self.marker.hide()
            return
        self.bars.setOpts(x0=self.edges[:-1], x1=self.edges[1:], height=self.counts)
        if self._marker_value is None:
            self.marker.hide()
        else:
            self.marker.setValue(self._marker_value)
            self.marker.show()
        self.plot_item.enableAutoRange()


class ConfusionHeatmap(StaticPlot):
    """A confusion matrix as an image: gold classes as rows (top to bottom), predictions as columns."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # The pyqtgraph image, None until the plot is built.
        self.image: pg.ImageItem | None = None
        self.cell_texts: list[pg.TextItem] = []
        self.matrix = np.zeros((0, 0), dtype=int)
        self.labels: list[str] = []
        self._has_matrix = False
        self._build_if_pyqtgraph_imported()

    def set_matrix(self, matrix, labels: list[str]) -> None:
        """Show ``matrix`` (rows: gold, columns: predicted) with ``labels`` on both axes."""
        self.matrix = np.asarray(matrix, dtype=int).reshape(len(labels), len(labels))
        self.labels = list(labels)
        self._has_matrix = True
        if self.is_built():
            self._draw()

    def _build_items(self, plot_item: pg.PlotItem) -> None:
        super()._build_items(plot_item)
        import pyqtgraph as pg

        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.ColorMap([0.0, 1.0], [(255, 255, 255), HEATMAP_COLOR]))
        plot_item.addItem(self.image)
        plot_item.getViewBox().invertY(True)
        plot_item.getViewBox().setAspectLocked(False)

    def _draw(self) -> None:
        if not self._has_matrix:
            return
        import pyqtgraph as pg

        plot_item = self.plot_item
        for item in self.cell_texts:
            plot_item.removeItem(item)
        self.cell_texts.clear()
        size = len(self.labels)
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
                plot_item.addItem(text)
                self.cell_texts.append(text)
        # Many class names do not fit side by side under the columns, so the columns then
        # show the numbers that prefix the row names.
        if size > NAMED_COLUMNS_MAX:
            rows = [(index + 0.5, f"{label}  {index + 1}") for index, label in enumerate(self.labels)]
            columns = [(index + 0.5, str(index + 1)) for index in range(size)]
        else:
            rows = columns = [(index + 0.5, label) for index, label in enumerate(self.labels)]
        plot_item.getAxis("bottom").setTicks([columns])
        plot_item.getAxis("left").setTicks([rows])
        plot_item.setXRange(0, size, padding=0)
        plot_item.setYRange(0, size, padding=0)
