"""``-c CODE`` handling for the bundled executables, which stand in for ``python``.

In a PyInstaller bundle ``sys.executable`` is the executable itself, with no Python
interpreter beside it. Engine code that checks a result in a fresh process runs
``[sys.executable, "-c", CODE, *ARGS]`` (the export check in ``peftt_gui.core.export``),
so both executables accept that form and run CODE as ``python -c`` would.
"""

from __future__ import annotations

import sys


def run_python_option() -> None:
    """Run ``-c CODE [ARGS...]`` from ``sys.argv`` and exit, or return when it is absent."""
    if len(sys.argv) < 3 or sys.argv[1] != "-c":
        return
    code = sys.argv[2]
    sys.argv = ["-c", *sys.argv[3:]]
    exec(compile(code, "<string>", "exec"), {"__name__": "__main__"})  # noqa: S102 - python -c semantics
    sys.exit(0)
