"""Run the desktop app with ``python -m peftt_gui.gui``."""

import sys

from peftt_gui.gui.app import main

sys.exit(main())
