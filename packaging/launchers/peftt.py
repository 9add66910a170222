"""Entry script of the bundled command line (``peftt``): ``peftt_gui.cli.main``."""

import sys

from python_option import run_python_option

run_python_option()

from peftt_gui.cli import main  # noqa: E402

sys.exit(main())
