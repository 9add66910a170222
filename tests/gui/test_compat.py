"""The guard against PySide6 6.12's lost references to None keeps long sessions alive."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from peftt_gui.gui.compat import needs_singleton_guard

REPO_ROOT = Path(__file__).resolve().parents[2]

# 200,000 void Qt calls: far more than None's reference count at start (about 16,000),
# so that without the guard an affected interpreter aborts.
MANY_VOID_CALLS = """
import sys
import peftt_gui.gui
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for _ in range(200_000):
    label.setText("བོད་")
    app.processEvents()
print("survived", sys.getrefcount(None) > 0)
"""


@pytest.mark.skipif(not needs_singleton_guard(), reason="this Python/PySide6 is not affected")
def test_many_void_calls_survive_with_guard():
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", MANY_VOID_CALLS], cwd=REPO_ROOT,
                            env=environment, capture_output=True, text=True, timeout=300)

    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived True" in result.stdout
