"""The PySide6 desktop app. Only ``gui.engine_loader`` (in a worker thread) loads torch.

Importing this package applies ``compat.guard_singletons()``, so that every user of the
GUI code (the app, tests, scripts) is protected from PySide6 6.12's reference-count bug
on Python 3.11 and older before the first Qt call.
"""

from peftt_gui.gui.compat import guard_singletons

guard_singletons()
