"""The window appears before the engine loads, and the engine loads after the first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
HEAVY_MODULES = ("torch", "transformers", "peft", "sklearn")

# Runs in a fresh interpreter, so that no other test has imported torch already.
STARTUP_SCRIPT = """
import json, sys, time
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])

app = QApplication([])
from peftt_gui.gui.app import create_main_window, setup_application
from peftt_gui.gui.settings import AppSettings, configure_identity

configure_identity()
AppSettings().set_language("en")

window = create_main_window(setup_application(app))
window.show()
app.processEvents()
report = {"heavy_after_show": [name for name in %(heavy)r if name in sys.modules],
          "pages": list(window.pages)}

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
window.close()
print("REPORT " + json.dumps(report))
""" % {"heavy": HEAVY_MODULES}


def run_startup_script(tmp_path) -> dict:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", STARTUP_SCRIPT, str(tmp_path)],
                            cwd=REPO_ROOT, env=environment, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, f"no report in output:\n{result.stdout}\n{result.stderr}"
    return json.loads(lines[-1][len("REPORT "):])


def test_window_shows_before_engine_loads(tmp_path):
    report = run_startup_script(tmp_path)

    assert report["heavy_after_show"] == []
    assert report["pages"] == ["model", "data", "method", "template", "train", "history"]
    assert report["engine_ready"], report["engine_label"]
    assert report["torch_after_load"]
    assert report["engine_label"].startswith("Engine ready: torch ")
