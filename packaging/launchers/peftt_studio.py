"""Entry script of the bundled desktop app (``peftt-studio``): ``peftt_gui.gui.app.main``."""

import sys

from python_option import run_python_option

run_python_option()

from peftt_gui.gui.app import main  # noqa: E402 - after the -c dispatch, which needs no Qt

sys.exit(main())
