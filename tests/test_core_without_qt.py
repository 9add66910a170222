"""The engine must run without Qt: import every core module with PySide6 blocked."""

import subprocess
import sys
from pathlib import Path

import peftt_gui

CHECK = r"""
import importlib, pkgutil, sys
sys.modules["PySide6"] = None      # any import of PySide6 now raises ImportError
sys.modules["PyQt5"] = None
sys.modules["PyQt6"] = None
import peftt_gui.core
names = [info.name for info in pkgutil.walk_packages(peftt_gui.core.__path__, "peftt_gui.core.")]
for name in names:
    importlib.import_module(name)
import peftt_gui.cli
loaded = [name for name in sys.modules if name.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "pyqtgraph")
          and sys.modules[name] is not None]
print(len(names))
assert not loaded, loaded
"""


def test_core_imports_without_qt():
    completed = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                               cwd=Path(peftt_gui.__file__).parents[1])
    assert completed.returncode == 0, completed.stderr
    assert int(completed.stdout.strip()) >= 10  # the walk found the core modules


def test_cli_help_does_not_import_torch():
    code = "import sys; import peftt_gui.cli as c; c.build_parser(); print('torch' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "False"
