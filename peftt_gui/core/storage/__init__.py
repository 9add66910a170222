"""Run history storage: ``RunStorage`` over SQLite, with Alembic migrations.

The GUI and the CLI open the history with ``RunStorage()`` and call
``mark_interrupted_runs()`` at start-up.
"""

from peftt_gui.core.storage.models import RUN_STATUSES
from peftt_gui.core.storage.storage import (
    BUSY_TIMEOUT_S,
    FINAL_STATUSES,
    HISTORY_ENV_VAR,
    EpochRecord,
    RunRecord,
    RunStorage,
    RunSummary,
    StepRecord,
    default_history_path,
)

__all__ = [
    "BUSY_TIMEOUT_S",
    "FINAL_STATUSES",
    "HISTORY_ENV_VAR",
    "RUN_STATUSES",
    "EpochRecord",
    "RunRecord",
    "RunStorage",
    "RunSummary",
    "StepRecord",
    "default_history_path",
]
