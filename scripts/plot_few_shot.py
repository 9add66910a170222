"""Plot a study's test macro-F1 against training rows per class, one line per method.

    QT_QPA_PLATFORM=offscreen python scripts/plot_few_shot.py STUDY_NAME OUT.png [--history DB]

Each point is the mean over the study's seeds, with the sample standard deviation as an
error bar. Only the few-shot sizes of the study are plotted (full-data cells are left out).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from peftt_gui.core import study  # noqa: E402
from peftt_gui.core.storage import RunStorage, default_history_path  # noqa: E402

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#7f7f7f"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("study")
    parser.add_argument("out", type=Path)
    parser.add_argument("--history", type=Path, default=None)
    args = parser.parse_args()

    rows = [row for row in study.study_results(RunStorage(args.history or default_history_path()), args.study)
            if row.shots is not None]
    if not rows:
        sys.exit(f"The study {args.study!r} has no finished few-shot runs.")

    import numpy as np
    import pyqtgraph as pg
    import pyqtgraph.exporters
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 (pyqtgraph needs the application)
    pg.setConfigOptions(background="w", foreground="k", antialias=True)
    plot = pg.PlotWidget()
    plot.resize(800, 520)
    plot.setLogMode(x=True, y=False)
    plot.setLabel("bottom", "training rows per class (k, log scale)")
    plot.setLabel("left", "test macro-F1")
    plot.addLegend(offset=(10, 10))
    plot.showGrid(x=True, y=True, alpha=0.3)
    plot.getAxis("left").enableAutoSIPrefix(False)
    sizes = sorted({row.shots for row in rows})
    plot.getAxis("bottom").setTicks([[(math.log10(size), str(size)) for size in sizes], []])
    plot.setYRange(0, 1.05 * max(row.mean["test_macro_f1"] + (row.std["test_macro_f1"] if
                                                                  not math.isnan(row.std["test_macro_f1"]) else 0)
                                 for row in rows))

    methods = sorted({row.method for row in rows})
    for index, method in enumerate(methods):
        points = sorted((row.shots, row.mean["test_macro_f1"], row.std["test_macro_f1"])
                        for row in rows if row.method == method)
        xs = [shots for shots, _, _ in points]
        ys = [mean for _, mean, _ in points]
        color = COLORS[index % len(COLORS)]
        plot.plot(xs, ys, pen=pg.mkPen(color, width=2), symbol="o", symbolBrush=color, name=method)
        errors = [0.0 if math.isnan(std) else std for _, _, std in points]
        # In log mode the error bars take log10(x), as the plot's data items do internally.
        bars = pg.ErrorBarItem(x=np.log10(xs), y=np.array(ys), height=2 * np.array(errors), beam=0.03,
                               pen=pg.mkPen(color))
        plot.addItem(bars)
    exporter = pg.exporters.ImageExporter(plot.plotItem)
    exporter.parameters()["width"] = 800
    args.out.parent.mkdir(parents=True, exist_ok=True)
    exporter.export(str(args.out))
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
