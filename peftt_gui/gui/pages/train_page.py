"""Train page: a summary of the choices, start and stop, live curves and a log.

Start builds a ``RunConfig`` from the project state and runs ``core.runner`` in a
Worker. The trainer's callbacks arrive through the Worker's coalesced progress signal
(``tasks.ForwardingCallbacks``), and a timer reads the shared ``TrainingState`` for the
progress bar, the phase and the remaining time. Stop calls ``request_cancel()``, which
the trainer honours within one optimizer step.
"""

from __future__ import annotations

import logging
import shlex
import time
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.errors import PefttError
from peftt_gui.core.state import TrainingState
from peftt_gui.gui.compare_views import fill_placeholders
from peftt_gui.gui.engine_loader import EngineInfo
from peftt_gui.gui.methods import (
    BASIC_TRAINING_FIELDS,
    find_method,
    method_title,
    option_name,
    setting_name,
)
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.plots import LivePlot
from peftt_gui.gui.run_config import build_run_config
from peftt_gui.gui.state import DATA_FOLDER_KEY, DATA_SINGLE_FILE_KEY, ProjectState
from peftt_gui.gui.tasks import (
    RunResult,
    TrainingEvent,
    history_path_from_environment,
    save_run_file,
    train_run,
)
from peftt_gui.gui.widgets import format_duration, set_message
from peftt_gui.gui.worker import Worker

logger = logging.getLogger(__name__)

LOSS_COLOR = "#1d5fb4"
MACRO_F1_COLOR = "#b35000"
ACCURACY_COLOR = "#2a7a2e"
STATE_POLL_MS = 250
RESUMABLE_STATUSES = ("interrupted", "cancelled", "failed")


class TrainPage(Page):
    """Start a run of the chosen method and follow its loss and validation metrics."""

    key = "train"
    # A RunResult after run_training returned (finished or cancelled).
    sigRunFinished = Signal(object)
    # The run id whose history row changed (None when the run failed before it had one).
    sigHistoryChanged = Signal(object)
    # The command line copied to the clipboard, with the run file it trains.
    sigCommandCopied = Signal(str)

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self._engine_info: EngineInfo | None = None
        self.worker: Worker | None = None
        self.training_state: TrainingState | None = None
        self.last_result: RunResult | None = None
        self.resumable_run_id: int | None = None
        self._run_started = 0.0
        self._resuming = False

        self._build_summary_group()
        self._build_run_group()
        self.body.addWidget(self.summary_group)
        self.body.addWidget(self.run_group, 1)

        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(STATE_POLL_MS)
        self._poll_timer.timeout.connect(self._show_training_state)

        state.sigChanged.connect(self._refresh)
        self.retranslate()

    def _build_summary_group(self) -> None:
        self.summary_group = QGroupBox(self)
        self.summary_form = QFormLayout(self.summary_group)
        self.summary_values: dict[str, QLabel] = {}
        for key in ("model", "data", "method", "settings", "engine"):
            value = QLabel(self)
            value.setWordWrap(True)
            self.summary_values[key] = value
            self.summary_form.addRow(QLabel(), value)
        self.name_edit = QLineEdit(self)
        self.summary_form.addRow(QLabel(), self.name_edit)
        self.copy_command_button = QPushButton(self)
        self.copy_command_button.clicked.connect(lambda: self.copy_command())
        command_row = QHBoxLayout()
        command_row.addStretch(1)
        command_row.addWidget(self.copy_command_button)
        self.summary_form.addRow(command_row)

    def _build_run_group(self) -> None:
        self.start_button = QPushButton(self)
        self.start_button.clicked.connect(self.start_training)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.stop_training)
        self.resume_button = QPushButton(self)
        self.resume_button.setEnabled(False)
        self.resume_button.clicked.connect(self._on_resume_clicked)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.progress_label = QLabel(self)
        self.progress_label.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        set_message(self.result_label, "")
        controls = QHBoxLayout()
        controls.addWidget(self.start_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.resume_button)
        controls.addWidget(self.progress_bar, 1)

        # Training loss per optimizer step; validation metrics per epoch.
        self.loss_plot = LivePlot(self)
        self.loss_plot.add_curve("train_loss", "", LOSS_COLOR)
        self.metrics_plot = LivePlot(self)
        # One point per epoch: wide lines cost nothing at that size.
        self.metrics_plot.add_curve("macro_f1", "", MACRO_F1_COLOR, width=2, symbol="o")
        self.metrics_plot.add_curve("accuracy", "", ACCURACY_COLOR, width=2, symbol="o")
        self.metrics_plot.set_y_range(0.0, 1.0)
        for plot in (self.loss_plot, self.metrics_plot):
            plot.setMinimumHeight(220)
        plots = QHBoxLayout()
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.metrics_plot)

        self.log_view = QPlainTextEdit(self)
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(5000)
        self.log_view.setMinimumHeight(90)

        self.run_group = QGroupBox(self)
        run_layout = QVBoxLayout(self.run_group)
        run_layout.addLayout(controls)
        run_layout.addWidget(self.progress_label)
        run_layout.addWidget(self.result_label)
        run_layout.addLayout(plots, 1)
        run_layout.addWidget(self.log_view)

    def description(self) -> str:
        return self.tr("Start training with the choices of the previous pages. The loss "
                       "and the validation macro-F1 are drawn while the model trains.")

    def retranslate(self) -> None:
        super().retranslate()
        self.summary_group.setTitle(self.tr("Summary"))
        names = [self.tr("Model:"), self.tr("Data:"), self.tr("Method:"),
                 self.tr("Settings:"), self.tr("Engine:"), self.tr("Run name:")]
        for row, name in enumerate(names):
            self.summary_form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(name)
        self.name_edit.setPlaceholderText(self.tr("Optional; the method and model by default"))
        self.copy_command_button.setText(self.tr("Copy command for a GPU server…"))
        self.copy_command_button.setToolTip(self.tr(
            "Save these settings as a run file and copy the command that trains it on another "
            "machine (accelerate launch -m peftt_gui.cli train FILE.json) to the clipboard."))
        self.run_group.setTitle(self.tr("Run"))
        self.start_button.setText(self.tr("Start training"))
        self.cancel_button.setText(self.tr("Stop"))
        self.cancel_button.setToolTip(self.tr(
            "Stop after the current optimizer step; the run keeps a checkpoint and can resume."))
        self.resume_button.setText(self.tr("Resume"))
        self.resume_button.setToolTip(self.tr(
            "Continue the stopped run from its last checkpoint, with its own settings."))
        self.loss_plot.set_labels(left=self.tr("Loss"), bottom=self.tr("Step"))
        self.loss_plot.set_curve_name("train_loss", self.tr("Training loss"))
        self.metrics_plot.set_labels(left=self.tr("Validation"), bottom=self.tr("Epoch"))
        self.metrics_plot.set_curve_name("macro_f1", self.tr("macro-F1"))
        self.metrics_plot.set_curve_name("accuracy", self.tr("Accuracy"))
        self.log_view.setPlaceholderText(self.tr("Messages of the run appear here."))
        if self.last_result is not None:
            self._show_result(self.last_result, log=False)
        self._show_training_state()
        self._refresh()

    def set_engine_info(self, info: EngineInfo | None) -> None:
        """Show the loaded engine (None while it is still loading)."""
        self._engine_info = info
        self._refresh()

    # Summary.

    def _refresh(self, _field: str = "") -> None:
        data = self.state.snapshot()
        not_chosen = self.tr("not chosen")
        self.summary_values["model"].setText(data.model_folder or not_chosen)
        if DATA_FOLDER_KEY in data.data_paths:
            data_text = data.data_paths[DATA_FOLDER_KEY]
        elif DATA_SINGLE_FILE_KEY in data.data_paths:
            data_text = data.data_paths[DATA_SINGLE_FILE_KEY]
        else:
            data_text = "; ".join(f"{split}: {path}" for split, path in data.data_paths.items())
        self.summary_values["data"].setText(data_text or not_chosen)
        self.summary_values["method"].setText(method_title(data.method) if data.method
                                              else not_chosen)
        self.summary_values["settings"].setText(self._settings_text(data))

        if self._engine_info is None:
            self.summary_values["engine"].setText(self.tr("loading…"))
        else:
            info = self._engine_info
            self.summary_values["engine"].setText(
                self.tr("torch %1, transformers %2, device: %3")
                .replace("%1", info.torch_version)
                .replace("%2", info.transformers_version)
                .replace("%3", info.device))
        self._update_buttons()

    def _settings_text(self, data) -> str:
        """Return the main settings as "name value" pairs, and the LoRA options for LoRA."""
        choice = find_method(data.method)
        parts = []
        for key in BASIC_TRAINING_FIELDS:
            if key in data.hyperparameters:
                parts.append(f"{setting_name(key)} {_format_value(data.hyperparameters[key])}")
        if choice is not None and choice.uses_lora:
            for key, value in data.method_options.items():
                if value is False or (key == "target_modules" and not value):
                    continue
                if value is True:
                    parts.append(option_name(key))
                else:
                    parts.append(f"{option_name(key)} {_format_value(value)}")
        return self.tr("; ", "separator between settings").join(parts)

    def is_running(self) -> bool:
        return self.worker is not None and self.worker.is_running()

    def _update_buttons(self) -> None:
        running = self.is_running()
        self.cancel_button.setEnabled(running and not self.training_state.cancel_requested)
        self.resume_button.setEnabled(not running and self.resumable_run_id is not None
                                      and self._engine_info is not None)
        self.copy_command_button.setEnabled(self.state.is_ready())
        if running:
            self.start_button.setEnabled(False)
            self.start_button.setToolTip(self.tr("A run is in progress."))
        elif not self.state.is_ready():
            self.start_button.setEnabled(False)
            self.start_button.setToolTip(self.tr("Complete the missing items first."))
        elif self._engine_info is None:
            self.start_button.setEnabled(False)
            self.start_button.setToolTip(self.tr("The training engine is still loading."))
        else:
            self.start_button.setEnabled(True)
            self.start_button.setToolTip("")

    # Running.

    def start_training(self) -> bool:
        """Build the run config from the project state and start the run in a Worker.

        Returns False (and reports why) when the config is invalid or a run is going on.
        """
        if self.is_running():
            return False
        try:
            config = build_run_config(self.state.snapshot(), name=self.name_edit.text())
        except PefttError as error:
            self.sigError.emit(error, "")
            return False
        self._resuming = False
        self._start_worker(config, None)
        self._log(self.tr("Starting %1 on %2.").replace("%1", method_title(config.method))
                  .replace("%2", config.model_path))
        return True

    def copy_command(self, path: str | None = None) -> None:
        """Save the run file of the current choices and copy the command that trains it elsewhere.

        Without ``path``, the path comes from a file dialog.
        """
        try:
            config = build_run_config(self.state.snapshot(), name=self.name_edit.text())
        except PefttError as error:
            self.sigError.emit(error, "")
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the run file"), "run.json",
                                                  self.tr("Run files (*.json)"))
            if not path:
                return
            if not Path(path).suffix:
                path += ".json"
        self.start_task(save_run_file, config, path, on_finished=self._on_run_file_saved,
                        on_failed=self._on_run_file_failed)

    def _on_run_file_saved(self, path: str) -> None:
        # The file name alone, because the file is copied to the server and run in its folder.
        # Without --num_processes, accelerate launch (1.x) starts one process.
        command = f"accelerate launch -m peftt_gui.cli train {shlex.quote(Path(path).name)}"
        QApplication.clipboard().setText(command)
        message = fill_placeholders(self.tr(
            "Copied “%1”. Copy %2 to the server and run the command in its folder; the model "
            "and data folders that the file names must exist there at the same paths."),
            command, Path(path).name)
        set_message(self.result_label, message + " " + self.tr(
            "To train on several GPUs, add --multi_gpu --num_processes and the number of GPUs "
            "after accelerate launch."), success=True)
        logger.info("Run file saved to %s for another machine", path)
        self.sigCommandCopied.emit(command)

    def _on_run_file_failed(self, error: BaseException, traceback_text: str) -> None:
        if isinstance(error, OSError):
            set_message(self.result_label, fill_placeholders(
                self.tr("The run file could not be saved: %1"), error), error=True)
        else:
            self.sigError.emit(error, traceback_text)

    def resume(self, run_id: int) -> bool:
        """Continue the stored run ``run_id`` from its checkpoint; False if a run is going on."""
        if self.is_running():
            return False
        self._resuming = True
        self._start_worker(None, run_id)
        self._log(self.tr("Resuming run %1.").replace("%1", str(run_id)))
        return True

    def _on_resume_clicked(self) -> None:
        if self.resumable_run_id is not None:
            self.resume(self.resumable_run_id)

    def _start_worker(self, config, resume_run_id: int | None) -> None:
        self.loss_plot.clear_data()
        self.metrics_plot.clear_data()
        self.log_view.clear()
        set_message(self.result_label, "")
        self.training_state = TrainingState()
        self._run_started = time.monotonic()
        self.worker = self.start_task(
            train_run, config, history_path_from_environment(), self.training_state,
            resume_run_id=resume_run_id, on_progress=self._on_training_events,
            on_finished=self._on_run_finished, on_failed=self._on_run_failed)
        self._poll_timer.start()
        self._show_training_state()
        self._update_buttons()

    def stop_training(self) -> None:
        """Ask the trainer to stop after its current optimizer step."""
        if not self.is_running():
            return
        self.training_state.request_cancel()
        self._log(self.tr("Stopping after the current step…"))
        self._update_buttons()

    def stop_tasks(self, timeout_ms: int = 30_000) -> bool:
        if self.training_state is not None:
            self.training_state.request_cancel()
        return super().stop_tasks(timeout_ms)

    def _on_training_events(self, events: list) -> None:
        for event in events:
            if not isinstance(event, TrainingEvent):
                continue
            if event.kind == "steps":
                self.loss_plot.extend("train_loss", [report.step for report in event.payload],
                                      [report.loss for report in event.payload])
            elif event.kind == "epoch":
                report = event.payload
                self.metrics_plot.append("macro_f1", report.epoch, report.validation.macro_f1)
                self.metrics_plot.append("accuracy", report.epoch, report.validation.accuracy)
                text = self.tr("Epoch %1: training loss %2, validation macro-F1 %3, accuracy %4.")
                self._log(text.replace("%1", str(report.epoch))
                          .replace("%2", f"{report.train_loss:.4f}")
                          .replace("%3", f"{report.validation.macro_f1:.4f}")
                          .replace("%4", f"{report.validation.accuracy:.4f}")
                          + (" " + self.tr("(best so far)") if report.is_best else ""))
            elif event.kind == "message":
                self._log(str(event.payload))

    def _on_run_finished(self, result: RunResult) -> None:
        self._poll_timer.stop()
        self.last_result = result
        self.resumable_run_id = result.run_id if result.status in RESUMABLE_STATUSES else None
        self._show_training_state()
        self._show_result(result)
        self._update_buttons()
        logger.info("Run %s ended with status %s", result.run_id, result.status)
        self.sigRunFinished.emit(result)
        self.sigHistoryChanged.emit(result.run_id)

    def _on_run_failed(self, error: BaseException, traceback_text: str) -> None:
        self._poll_timer.stop()
        self.last_result = None
        message = str(error) if isinstance(error, PefttError) else f"{type(error).__name__}: {error}"
        set_message(self.result_label, self.tr("The run failed: %1").replace("%1", message),
                    error=True)
        self._log(self.tr("The run failed: %1").replace("%1", message))
        self._show_training_state()
        self._update_buttons()
        self.sigError.emit(error, traceback_text)
        self.sigHistoryChanged.emit(None)

    def _show_result(self, result: RunResult, *, log: bool = True) -> None:
        if result.status == "cancelled":
            text = self.tr("Run %1 was stopped. Resume continues it from its last checkpoint.")
            set_message(self.result_label, text.replace("%1", str(result.run_id)))
        else:
            text = self.tr("Run %1 finished: best validation macro-F1 %2, test macro-F1 %3. "
                           "It is selected on the History page.")
            set_message(self.result_label, text.replace("%1", str(result.run_id))
                        .replace("%2", _format_score(result.best_validation_f1))
                        .replace("%3", _format_score(result.test_macro_f1)), success=True)
        if log:
            self._log(self.result_label.text())

    def _show_training_state(self) -> None:
        """Show the shared TrainingState: phase, step, epoch and time left."""
        state = self.training_state
        if state is None:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(0)
            self.progress_label.setText(self.tr("No run yet."))
            return

        running = self.is_running()
        if state.total_steps > 0:
            self.progress_bar.setRange(0, state.total_steps)
            self.progress_bar.setValue(min(state.step, state.total_steps))
        elif running:
            self.progress_bar.setRange(0, 0)
        if not running:
            self.progress_label.setText(self._final_text())
            return

        parts = [self._phase_text(state.phase)]
        if state.total_steps > 0:
            parts.append(self.tr("step %1 of %2, epoch %3")
                         .replace("%1", str(state.step)).replace("%2", str(state.total_steps))
                         .replace("%3", f"{state.epoch:.2f}"))
        elapsed = time.monotonic() - self._run_started
        parts.append(self.tr("%1 elapsed").replace("%1", format_duration(elapsed)))
        if state.eta_s is not None and state.phase == "training":
            parts.append(self.tr("about %1 left").replace("%1", format_duration(state.eta_s)))
        if state.cancel_requested:
            parts.append(self.tr("stopping…"))
        self.progress_label.setText(" · ".join(parts))

    def _phase_text(self, phase: str) -> str:
        phases = {
            "starting": self.tr("Preparing: loading the data and the model…"),
            "training": self.tr("Training"),
            "evaluating": self.tr("Evaluating on the validation split…"),
            "testing": self.tr("Evaluating on the test split…"),
            "saving": self.tr("Saving the weights…"),
            "done": self.tr("Done"),
        }
        return phases.get(phase, phase)

    def _final_text(self) -> str:
        result = self.last_result
        if result is None:
            return self.tr("The run failed.")
        if result.status == "cancelled":
            return self.tr("Stopped after step %1.").replace("%1", str(self.training_state.step))
        return self.tr("Done: %1 optimizer steps.").replace("%1", str(self.training_state.step))

    def _log(self, message: str) -> None:
        self.log_view.appendPlainText(f"{time.strftime('%H:%M:%S')}  {message}")


def _format_value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _format_score(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
