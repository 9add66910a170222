"""Time from launching the app to its first painted window, against a bare PySide6 window.

Each measurement is a fresh Python process, timed from just before the process starts to
the first paint event of the top-level window (wall clock, reported by the child). The bare
reference imports PySide6 and shows an empty QMainWindow. The app must also show its window
before torch is imported; the script checks ``sys.modules`` at the first paint. Both run
from compiled bytecode, as an installed app does.

    python bench/gui_startup.py --repeats 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD_COMMON = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINT", time.time(), "torch" in sys.modules, flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            watched.removeEventFilter(self)
        return False
"""

CHILD_BARE = CHILD_COMMON + r"""
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1100, 760)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

CHILD_APP = CHILD_COMMON + r"""
from peftt_gui.gui.app import create_main_window, setup_application
app = QApplication(sys.argv)
context = setup_application(app, show_error_dialogs=False)
window = create_main_window(context)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def measure(code: str, environment: dict) -> tuple[float, bool]:
    started = time.time()
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment,
                               timeout=120)
    for line in completed.stdout.splitlines():
        if line.startswith("PAINT"):
            _, stamp, torch_loaded = line.split()
            return float(stamp) - started, torch_loaded == "True"
    raise RuntimeError(f"no paint event reported:\n{completed.stdout}\n{completed.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", help="Also write the figures to this JSON file.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as settings_dir:
        environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                       "XDG_CONFIG_HOME": settings_dir, "PEFTT_HISTORY": os.path.join(settings_dir, "h.db")}
        # An installed app runs from compiled bytecode (pip compiles it at install), so
        # the warm-up runs may write __pycache__ even where the shell turns that off.
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        measure(CHILD_BARE, environment)  # warm the file cache and bytecode for both
        measure(CHILD_APP, environment)
        bare, app, torch_flags = [], [], []
        for _ in range(args.repeats):
            bare.append(measure(CHILD_BARE, environment)[0])
            seconds, torch_loaded = measure(CHILD_APP, environment)
            app.append(seconds)
            torch_flags.append(torch_loaded)

    bare_median, app_median = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window: median {bare_median * 1000:.0f} ms (runs: {', '.join(f'{s*1000:.0f}' for s in bare)})")
    print(f"PEFTT Studio window: median {app_median * 1000:.0f} ms (runs: {', '.join(f'{s*1000:.0f}' for s in app)})")
    print(f"ratio app / bare: {app_median / bare_median:.2f}x (target < 2)")
    print(f"torch imported before the first paint: {any(torch_flags)} (target: False)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"bare_s": bare, "app_s": app, "ratio": app_median / bare_median,
                       "torch_before_paint": any(torch_flags)}, handle, indent=2)


if __name__ == "__main__":
    main()
