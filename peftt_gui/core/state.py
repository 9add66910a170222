"""Training progress as a small state object plus plain callbacks (no Qt, no torch).

The trainer writes the state and calls the callbacks from its own thread. The GUI wraps them
in a QObject that re-emits them as queued signals, and the CLI prints a progress bar.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class StepReport:
    step: int            # optimizer step, from 1
    epoch: float         # fractional epoch
    loss: float
    learning_rate: float


@dataclass
class EpochReport:
    epoch: int           # from 1
    train_loss: float
    validation: Any      # ClassificationMetrics
    duration_s: float
    is_best: bool


@dataclass
class TrainingState:
    """Shared between the training thread and its observers."""

    total_steps: int = 0
    step: int = 0
    epoch: float = 0.0
    started_at: float = field(default_factory=time.monotonic)
    latest_loss: float | None = None
    latest_validation_f1: float | None = None
    phase: str = "starting"          # starting, training, evaluating, testing, saving, done
    _cancel: threading.Event = field(default_factory=threading.Event)

    def request_cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @property
    def eta_s(self) -> float | None:
        """Seconds left, from the mean step time so far."""
        if self.step <= 0 or self.total_steps <= 0:
            return None
        elapsed = time.monotonic() - self.started_at
        return elapsed / self.step * max(self.total_steps - self.step, 0)


class TrainingCallbacks:
    """Override what you need; every method is called on the training thread."""

    def on_start(self, state: TrainingState) -> None: ...

    def on_steps(self, state: TrainingState, reports: list[StepReport]) -> None:
        """Called every ``log_every`` optimizer steps with the steps since the last call."""

    def on_epoch(self, state: TrainingState, report: EpochReport) -> None: ...

    def on_message(self, state: TrainingState, message: str) -> None:
        """Receive a line for the log pane (warnings, phase changes)."""

    def on_end(self, state: TrainingState, status: str) -> None: ...


class CallbackList(TrainingCallbacks):
    def __init__(self, callbacks):
        self.callbacks = [callback for callback in callbacks if callback is not None]

    def on_start(self, state):
        for callback in self.callbacks:
            callback.on_start(state)

    def on_steps(self, state, reports):
        for callback in self.callbacks:
            callback.on_steps(state, reports)

    def on_epoch(self, state, report):
        for callback in self.callbacks:
            callback.on_epoch(state, report)

    def on_message(self, state, message):
        for callback in self.callbacks:
            callback.on_message(state, message)

    def on_end(self, state, status):
        for callback in self.callbacks:
            callback.on_end(state, status)
