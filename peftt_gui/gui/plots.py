"""Live training curves that stay cheap when points arrive faster than the eye can follow.

Each curve is created once. Appended points go into a growing numpy buffer whose
capacity doubles when full, so appending is amortized O(1). Appending never redraws:
a single-shot timer hands the changed curves to pyqtgraph at most once per
``redraw_interval_ms``. Curves draw with peak downsampling and clip-to-view.
``bench/plot_redraw.py`` measured 7-10 ms per redraw of three 100,000-point curves,
against 14-15 ms with pyqtgraph's defaults (1-pixel pens, offscreen, 2-core machine).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

DEFAULT_REDRAW_INTERVAL_MS = 200
# Qt's raster engine draws 1-pixel lines on a fast path. Wider pens go through the
# stroker, which made a 100,000-point redraw about twice as slow in bench/plot_redraw.py.
DEFAULT_PEN_WIDTH = 1.0
# Peak downsampling keeps a min and a max per bin, so one bin per pixel column already
# draws every visible extreme. pyqtgraph's default of 5 bins draws five times the lines.
DOWNSAMPLE_POINTS_PER_PIXEL = 1.0
INITIAL_CAPACITY = 256


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
        # and the auto-range button still work. pyqtgraph creates the menus without a
        # parent, so they would outlive this widget as hidden top-level windows.
        for menu in (self.plot_item.ctrlMenu, self.plot_item.getViewBox().menu):
            menu.setParent(self, menu.windowFlags())
        self.plot_item.setMenuEnabled(False)

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
