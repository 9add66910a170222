"""Study page: define a grid of models x methods x seeds (x few-shot sizes x templates), run
it, and read its results.

The definition becomes a ``core.study.StudySpec``. Open and Save read and write it as the
study JSON file that ``peftt study FILE.json`` runs without the app. The settings that every
run of the study shares (data, training, template and label words) come from the other
pages. Once a study file is opened, the file's own settings are kept instead.

Start runs the unfinished cells of the grid one after another in one Worker
(``tasks.run_study_cells``). Finished cells are never run again, so Start on a study that
was stopped resumes it, and the stopped cell starts again from its beginning. The results
view reads any study of the history and aggregates it over seeds with ``core.study``.
"""

from __future__ import annotations

import logging
import math
import re
import shlex
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.errors import PefttError, display_path
from peftt_gui.core.study import StudyCell, StudyProgress, StudySpec, expand_grid
from peftt_gui.core.study import to_csv, to_latex, to_markdown
from peftt_gui.gui.compare_views import fill_placeholders
from peftt_gui.gui.methods import method_title
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.study_definition import StudyDefinition
from peftt_gui.gui.study_views import ShotsPlot, StudyResultsTable, shots_text
from peftt_gui.gui.tasks import (
    StudyControl,
    StudyResults,
    StudyRunResult,
    TrainingEvent,
    compare_study_methods,
    history_path_from_environment,
    list_studies,
    load_study_results,
    load_study_spec,
    run_study_cells,
    save_study_spec,
    write_text_file,
)
from peftt_gui.gui.widgets import ERROR_COLOR, format_duration, set_message
from peftt_gui.gui.worker import Worker

logger = logging.getLogger(__name__)

STATE_POLL_MS = 250
# Resamples of the paired bootstrap over test examples, as ``peftt study --compare`` uses.
BOOTSTRAP_RESAMPLES = 2000
PLOT_MIN_HEIGHT = 260
TABLE_MIN_HEIGHT = 80
LOG_MAX_LINES = 5000
EXPORT_SUFFIXES = {"csv": ".csv", "markdown": ".md", "latex": ".tex"}
EXPORT_WRITERS = {"csv": to_csv, "markdown": to_markdown, "latex": to_latex}
DEFINITION_TAB, RESULTS_TAB, LOG_TAB = range(3)


class StudyPage(Page):
    """Define a study, run it resumably, and read its results table, plot and tests."""

    key = "study"
    shows_requirements = False
    # A StudyRunResult once a Start has ended (finished, stopped, or cells failed).
    sigStudyFinished = Signal(object)
    # The run id whose history row changed last (None when no run was recorded).
    sigHistoryChanged = Signal(object)
    sigStudiesListed = Signal(list)
    # The study name whose results table, plot and method lists now show.
    sigResultsLoaded = Signal(str)
    # The core.study.Significance that the comparison row now shows.
    sigComparisonShown = Signal(object)
    sigExported = Signal(str)
    sigSpecOpened = Signal(str)
    sigSpecSaved = Signal(str)
    # The command line copied to the clipboard.
    sigCommandCopied = Signal(str)

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.worker: Worker | None = None
        self.control: StudyControl | None = None
        self.results: StudyResults | None = None
        self.last_result: StudyRunResult | None = None
        self._running_spec: StudySpec | None = None
        self._current_cell: StudyCell | None = None
        self._done = 0
        self._total = 0
        self._run_started = 0.0
        self._study_to_show = ""
        self._results_generation = 0
        self._comparison_generation = 0
        self._listed_once = False

        # The line of what training still needs counts the Method page's method, which a
        # study does not use. The Definition tab names what the study still needs instead.
        self.status_label.hide()
        self._build_run_group()
        self.tabs = QTabWidget(self)
        self.definition = StudyDefinition(state, self)
        self.definition.open_button.clicked.connect(lambda: self.open_study())
        self.definition.save_button.clicked.connect(lambda: self.save_study())
        self.definition.copy_command_button.clicked.connect(lambda: self.copy_command())
        self.tabs.addTab(self.definition, "")
        self.tabs.addTab(self._build_results(), "")
        self.tabs.addTab(self._build_log(), "")
        self.body.addWidget(self.run_group)
        self.body.addWidget(self.tabs, 1)

        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(STATE_POLL_MS)
        self._poll_timer.timeout.connect(self._show_run_state)

        self.retranslate()
        self._show_results(None)

    # Construction.

    def _build_run_group(self) -> None:
        self.run_group = QGroupBox(self)
        self.start_button = QPushButton(self)
        self.start_button.clicked.connect(self.start_study)
        self.stop_button = QPushButton(self)
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop_study)
        self.study_bar = QProgressBar(self)
        self.study_bar.setRange(0, 1)
        self.study_bar.setValue(0)
        self.run_bar = QProgressBar(self)
        self.run_bar.setRange(0, 1)
        self.run_bar.setValue(0)
        self.run_label = QLabel(self)
        self.run_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_message(self.message_label, "")

        controls = QHBoxLayout()
        controls.addWidget(self.start_button)
        controls.addWidget(self.stop_button)
        controls.addWidget(self.study_bar, 1)
        controls.addWidget(self.run_bar, 1)
        layout = QVBoxLayout(self.run_group)
        layout.addLayout(controls)
        layout.addWidget(self.run_label)
        layout.addWidget(self.message_label)

    def _build_results(self) -> QWidget:
        tab = QWidget(self)
        self.study_label = QLabel(tab)
        self.study_combo = QComboBox(tab)
        self.study_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.study_combo.setMinimumContentsLength(24)
        self.study_combo.currentIndexChanged.connect(self._on_study_chosen)
        self.refresh_button = QPushButton(tab)
        self.refresh_button.clicked.connect(self.refresh_studies)
        study_row = QHBoxLayout()
        study_row.addWidget(self.study_label)
        study_row.addWidget(self.study_combo, 1)
        study_row.addWidget(self.refresh_button)

        self.results_message = QLabel(tab)
        self.results_message.setWordWrap(True)
        self.results_table = StudyResultsTable(tab)
        self.results_table.setMinimumHeight(TABLE_MIN_HEIGHT)
        self.shots_plot = ShotsPlot(tab)
        self.shots_plot.setMinimumHeight(PLOT_MIN_HEIGHT)

        self.compare_label = QLabel(tab)
        self.method_a_combo = QComboBox(tab)
        self.versus_label = QLabel(tab)
        self.method_b_combo = QComboBox(tab)
        self.compare_shots_label = QLabel(tab)
        self.compare_shots_combo = QComboBox(tab)
        self.compare_button = QPushButton(tab)
        self.compare_button.clicked.connect(self.compare_selected)
        compare_row = QHBoxLayout()
        for widget in (self.compare_label, self.method_a_combo, self.versus_label,
                       self.method_b_combo, self.compare_shots_label, self.compare_shots_combo):
            compare_row.addWidget(widget)
        # The combos are filled after they are first shown, so they follow their contents.
        for combo in (self.method_a_combo, self.method_b_combo, self.compare_shots_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        compare_row.addStretch(1)
        compare_row.addWidget(self.compare_button)
        self.comparison_label = QLabel(tab)
        self.comparison_label.setWordWrap(True)
        self.comparison_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_message(self.comparison_label, "")

        self.export_buttons: dict[str, QPushButton] = {}
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        for kind in EXPORT_SUFFIXES:
            button = QPushButton(tab)
            button.clicked.connect(lambda _checked=False, kind=kind: self.export_table(kind))
            self.export_buttons[kind] = button
            export_row.addWidget(button)

        self.results_widgets = QWidget(tab)
        results_layout = QVBoxLayout(self.results_widgets)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_table, 2)
        results_layout.addWidget(self.shots_plot, 2)
        results_layout.addLayout(compare_row)
        results_layout.addWidget(self.comparison_label)
        results_layout.addLayout(export_row)

        layout = QVBoxLayout(tab)
        layout.addLayout(study_row)
        layout.addWidget(self.results_message)
        layout.addWidget(self.results_widgets, 1)
        return tab

    def _build_log(self) -> QWidget:
        self.log_view = QPlainTextEdit(self)
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(LOG_MAX_LINES)
        return self.log_view

    # Texts.

    def description(self) -> str:
        return self.tr("Run a grid of models, methods, seeds and few-shot sizes one run after "
                       "another, and compare the methods over seeds. A stopped study resumes "
                       "where it stopped, and a study file runs without the app with "
                       "peftt study.")

    def retranslate(self) -> None:
        super().retranslate()
        self.run_group.setTitle(self.tr("Run the study"))
        self.start_button.setText(self.tr("Start"))
        self.start_button.setToolTip(self.tr(
            "Run every run of the grid that has not finished yet. Runs of this study name "
            "that finished before are kept and not repeated."))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr(
            "Stop the running run after its current optimizer step. Start resumes the study; "
            "the stopped run then starts again from its beginning."))

        self.tabs.setTabText(DEFINITION_TAB, self.tr("Definition"))
        self.tabs.setTabText(RESULTS_TAB, self.tr("Results"))
        self.tabs.setTabText(LOG_TAB, self.tr("Log"))
        self._retranslate_results()
        if ERROR_COLOR not in self.results_message.styleSheet():  # an error stays until the next load
            self._show_results_summary()
        self.log_view.setPlaceholderText(self.tr("Messages of the study's runs appear here."))
        self._show_run_state()

    def _retranslate_results(self) -> None:
        self.study_label.setText(self.tr("Study:"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the list of studies and the results again."))
        self.compare_label.setText(self.tr("Compare"))
        self.versus_label.setText(self.tr("with"))
        self.compare_shots_label.setText(self.tr("at k ="))
        self.compare_button.setText(self.tr("Test the difference"))
        self.compare_button.setToolTip(fill_placeholders(self.tr(
            "Paired t-test of test macro-F1 over seeds, and paired bootstrap over test "
            "examples (%1 resamples)."), BOOTSTRAP_RESAMPLES))
        self.export_buttons["csv"].setText(self.tr("Save table as CSV…"))
        self.export_buttons["markdown"].setText(self.tr("Save as Markdown…"))
        self.export_buttons["latex"].setText(self.tr("Save table as LaTeX…"))
        for index in range(self.compare_shots_combo.count()):
            self.compare_shots_combo.setItemText(
                index, shots_text(self.compare_shots_combo.itemData(index)))
        for combo in (self.method_a_combo, self.method_b_combo):
            for index in range(combo.count()):
                combo.setItemText(index, method_title(combo.itemData(index)))
        if self.results is not None:
            self._show_results(self.results)

    # Study files.

    def open_study(self, path: str | None = None) -> None:
        """Read a study JSON file (from a dialog without ``path``) and show it."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a study"), "",
                                                  self.tr("Study files (*.json)"))
            if not path:
                return
        self.start_task(load_study_spec, path,
                        on_finished=lambda spec: self._on_spec_opened(path, spec),
                        on_failed=self._on_file_failed)

    def _on_spec_opened(self, path: str, spec: StudySpec) -> None:
        self.definition.show_spec(spec, path)
        self.tabs.setCurrentIndex(DEFINITION_TAB)
        set_message(self.message_label, fill_placeholders(self.tr("Opened %1."), display_path(path)),
                    success=True)
        logger.info("Study %s opened from %s", spec.name, path)
        self.sigSpecOpened.emit(path)

    def save_study(self, path: str | None = None) -> None:
        """Write the study as a JSON file (to a path from a dialog without ``path``)."""
        spec = self._spec_or_message()
        if spec is None:
            return
        path = path or self._ask_spec_path(spec, self.tr("Save the study"))
        if path:
            self.start_task(save_study_spec, spec, path,
                            on_finished=lambda saved: self._on_spec_saved(saved, spec),
                            on_failed=self._on_file_failed)

    def _on_spec_saved(self, path: str, spec: StudySpec) -> None:
        self.definition.set_file_path(path)
        set_message(self.message_label, fill_placeholders(
            self.tr("Saved %1. peftt study runs it without the app."), display_path(path)),
            success=True)
        logger.info("Study %s saved to %s", spec.name, path)
        self.sigSpecSaved.emit(path)

    def copy_command(self, path: str | None = None) -> None:
        """Save the study file and copy the command that runs it elsewhere to the clipboard."""
        spec = self._spec_or_message()
        if spec is None:
            return
        path = path or self._ask_spec_path(spec, self.tr("Save the study for the GPU server"))
        if path:
            self.start_task(save_study_spec, spec, path,
                            on_finished=lambda saved: self._on_command_file_saved(saved, spec),
                            on_failed=self._on_file_failed)

    def _on_command_file_saved(self, path: str, spec: StudySpec) -> None:
        # The file name alone, because the file is copied to the server and run in its folder.
        command = f"peftt study {shlex.quote(Path(path).name)}"
        QApplication.clipboard().setText(command)
        message = fill_placeholders(self.tr(
            "Copied “%1”. Copy %2 to the server and run the command in its folder; the model "
            "and data folders that the file names must exist there at the same paths."),
            command, Path(path).name)
        if (spec.base.get("training") or {}).get("device") == "cpu":
            message += " " + self.tr("The study trains on the CPU (the device setting on the "
                                     "Method page); choose auto to train on the server's GPU.")
        set_message(self.message_label, message, success=True)
        logger.info("Study %s saved to %s for another machine", spec.name, path)
        self.sigCommandCopied.emit(command)

    def _spec_or_message(self) -> StudySpec | None:
        try:
            return self.definition.current_spec()
        except PefttError as error:
            set_message(self.message_label, str(error), error=True)
            self.tabs.setCurrentIndex(DEFINITION_TAB)
            return None

    def _ask_spec_path(self, spec: StudySpec, title: str) -> str:
        file_settings = self.definition.file_settings
        start = file_settings.path if file_settings is not None and file_settings.path \
            else f"{_file_stem(spec.name)}.json"
        path, _ = QFileDialog.getSaveFileName(self, title, start, self.tr("Study files (*.json)"))
        if path and not Path(path).suffix:
            path += ".json"
        return path

    def _on_file_failed(self, error: BaseException, traceback_text: str) -> None:
        if isinstance(error, (PefttError, OSError)):
            set_message(self.message_label, str(error), error=True)
        else:
            self.sigError.emit(error, traceback_text)

    # Running.

    def is_running(self) -> bool:
        return self.worker is not None and self.worker.is_running()

    def start_study(self) -> bool:
        """Run the unfinished runs of the defined study; False when it is invalid or running."""
        if self.is_running():
            return False
        spec = self._spec_or_message()
        if spec is None:
            return False

        self._running_spec = spec
        self._current_cell = None
        self._done, self._total = 0, len(expand_grid(spec))
        self._run_started = time.monotonic()
        self.control = StudyControl()
        self.last_result = None
        set_message(self.message_label, "")
        self._log(fill_placeholders(self.tr("Starting study %1: %2 runs in the grid."),
                                    spec.name, self._total))
        self.worker = self.start_task(
            run_study_cells, spec, history_path_from_environment(), self.control,
            on_progress=self._on_progress, on_finished=self._on_study_finished,
            on_failed=self._on_study_failed)
        self._poll_timer.start()
        self._show_run_state()
        self._update_buttons()
        return True

    def stop_study(self) -> None:
        """Stop the running run after its current optimizer step, and the study after it."""
        if not self.is_running() or self.control.stop_requested:
            return
        self.control.request_stop()
        self._log(self.tr("Stopping after the current step…"))
        self._update_buttons()

    def stop_tasks(self, timeout_ms: int = 30_000) -> bool:
        if self.control is not None:
            self.control.request_stop()
        return super().stop_tasks(timeout_ms)

    def _update_buttons(self) -> None:
        running = self.is_running()
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running and not self.control.stop_requested)
        self.definition.open_button.setEnabled(not running)

    def _on_progress(self, values: list) -> None:
        for value in values:
            if isinstance(value, StudyProgress):
                self._on_study_progress(value)
            elif isinstance(value, TrainingEvent) and value.kind == "epoch":
                report = value.payload
                self._log(fill_placeholders(
                    self.tr("Epoch %1: training loss %2, validation macro-F1 %3."),
                    report.epoch, f"{report.train_loss:.4f}", f"{report.validation.macro_f1:.4f}"))
            elif isinstance(value, TrainingEvent) and value.kind == "message":
                self._log(str(value.payload))

    def _on_study_progress(self, update: StudyProgress) -> None:
        first = self._current_cell is None and update.cell is not None
        finished_more = update.done > self._done
        self._done, self._total = update.done, update.total
        if first and update.done:
            self._log(fill_placeholders(self.tr(
                "Resuming: %1 of %2 runs finished before and are kept."), update.done, update.total))
        if update.cell is not None and update.cell == self._current_cell:
            # A second report on the same cell: its run failed and the study goes on.
            self._log(update.message)
        elif update.cell is not None:
            self._current_cell = update.cell
            self._log(fill_placeholders(self.tr("Run %1 of %2: %3"), update.done + 1,
                                        update.total, self._cell_text(update.cell)))
        if finished_more:
            self._reload_running_study()
        self._show_run_state()

    def _cell_text(self, cell: StudyCell) -> str:
        return f"{method_title(cell.method)} ({cell.key})"

    def _on_study_finished(self, result: StudyRunResult) -> None:
        self._poll_timer.stop()
        self.last_result = result
        self._done = result.finished
        if result.finished == result.total:
            text = self.tr("Study %1 finished: all %2 runs are in the history.")
            set_message(self.message_label, fill_placeholders(text, result.name, result.total),
                        success=True)
        elif result.stopped:
            text = self.tr("Study %1 stopped with %2 of %3 runs finished. Start resumes it: the "
                           "stopped run starts again from its beginning, and finished runs are "
                           "kept.")
            set_message(self.message_label,
                        fill_placeholders(text, result.name, result.finished, result.total))
        else:
            text = self.tr("Study %1 ended with %2 of %3 runs finished; the log names the runs "
                           "that failed. Start runs them again.")
            set_message(self.message_label,
                        fill_placeholders(text, result.name, result.finished, result.total),
                        error=True)
        self._log(self.message_label.text())
        logger.info("Study %s ended: %d of %d runs finished", result.name, result.finished,
                    result.total)
        self._show_run_state()
        self._update_buttons()
        self.sigHistoryChanged.emit(result.run_ids[-1] if result.run_ids else None)
        self.sigStudyFinished.emit(result)
        self.show_study(result.name)

    def _on_study_failed(self, error: BaseException, traceback_text: str) -> None:
        self._poll_timer.stop()
        message = str(error) if isinstance(error, PefttError) else f"{type(error).__name__}: {error}"
        set_message(self.message_label, fill_placeholders(self.tr("The study failed: %1"), message),
                    error=True)
        self._log(self.message_label.text())
        self._show_run_state()
        self._update_buttons()
        if not isinstance(error, PefttError):
            self.sigError.emit(error, traceback_text)
        self.sigHistoryChanged.emit(None)

    def _show_run_state(self) -> None:
        """Show the grid's progress and the running run's phase and step."""
        total = max(self._total, 1)
        self.study_bar.setRange(0, total)
        self.study_bar.setValue(min(self._done, total))
        self.study_bar.setFormat(fill_placeholders(self.tr("%1 of %2 runs finished"),
                                                   self._done, self._total) if self._total else "")
        state = self.control.current_state if self.control is not None else None
        if not self.is_running():
            self.run_bar.setRange(0, 1)
            self.run_bar.setValue(1 if self.last_result is not None else 0)
            self.run_bar.setFormat("")
            self.run_label.setText("" if self._running_spec is not None else
                                   self.tr("No study has run yet."))
            self.run_label.setVisible(bool(self.run_label.text()))
            return

        if state is not None and state.total_steps > 0:
            self.run_bar.setRange(0, state.total_steps)
            self.run_bar.setValue(min(state.step, state.total_steps))
            self.run_bar.setFormat(fill_placeholders(self.tr("step %1 of %2"), state.step,
                                                     state.total_steps))
        else:
            self.run_bar.setRange(0, 0)
        parts = []
        if self._current_cell is not None:
            parts.append(fill_placeholders(self.tr("Run %1 of %2: %3"), self._done + 1,
                                           self._total, self._cell_text(self._current_cell)))
        if state is not None:
            parts.append(self._phase_text(state.phase))
        parts.append(fill_placeholders(self.tr("%1 elapsed"),
                                       format_duration(time.monotonic() - self._run_started)))
        if self.control.stop_requested:
            parts.append(self.tr("stopping…"))
        self.run_label.setText(" · ".join(parts))
        self.run_label.setVisible(True)

    def _phase_text(self, phase: str) -> str:
        phases = {
            "starting": self.tr("loading the data and the model"),
            "training": self.tr("training"),
            "evaluating": self.tr("evaluating on the validation split"),
            "testing": self.tr("evaluating on the test split"),
            "saving": self.tr("saving the weights"),
            "done": self.tr("done"),
        }
        return phases.get(phase, phase)

    def _log(self, message: str) -> None:
        self.log_view.appendPlainText(f"{time.strftime('%H:%M:%S')}  {message}")

    # Results.

    def showEvent(self, event) -> None:
        if not self._listed_once:
            self._listed_once = True
            self.refresh_studies()
        super().showEvent(event)

    def refresh_studies(self) -> None:
        """List the studies of the history again, and reload the chosen one's results."""
        self.start_task(list_studies, history_path_from_environment(),
                        on_finished=self._on_studies_listed, on_failed=self._on_results_failed)

    def show_study(self, name: str) -> None:
        """Show the Results tab with the study ``name`` (listing the studies again first)."""
        self.tabs.setCurrentIndex(RESULTS_TAB)
        self._list_studies_and_show(name)

    def _list_studies_and_show(self, name: str) -> None:
        self._study_to_show = name
        self.refresh_studies()

    def _on_studies_listed(self, names: list[str]) -> None:
        current = self._study_to_show or self.study_combo.currentText()
        self._study_to_show = ""
        self.study_combo.blockSignals(True)
        self.study_combo.clear()
        self.study_combo.addItems(names)
        self.study_combo.setCurrentIndex(names.index(current) if current in names else 0)
        self.study_combo.blockSignals(False)
        self.sigStudiesListed.emit(names)
        self._on_study_chosen()

    def _on_study_chosen(self, _index: int = -1) -> None:
        name = self.study_combo.currentText()
        if not name:
            self._show_results(None)
            return
        self._load_results(name)

    def _reload_running_study(self) -> None:
        # Only when the study shows already, so that a user reading another study keeps it.
        name = self._running_spec.name if self._running_spec is not None else ""
        if name and self.study_combo.currentText() in (name, ""):
            self._list_studies_and_show(name)

    def _load_results(self, name: str) -> None:
        self._results_generation += 1
        generation = self._results_generation
        self.start_task(load_study_results, history_path_from_environment(), name,
                        on_finished=lambda results: self._on_results(generation, results),
                        on_failed=self._on_results_failed)

    def _on_results(self, generation: int, results: StudyResults) -> None:
        if generation != self._results_generation:
            return
        self._show_results(results)
        self.sigResultsLoaded.emit(results.name)

    def _on_results_failed(self, error: BaseException, traceback_text: str) -> None:
        if isinstance(error, PefttError):
            set_message(self.results_message, str(error), error=True)
        else:
            self.sigError.emit(error, traceback_text)

    def _show_results(self, results: StudyResults | None) -> None:
        changed = results is None or self.results is None or results.name != self.results.name
        self.results = results
        rows = results.rows if results is not None else []
        self._show_results_summary()
        self.results_widgets.setVisible(bool(rows))
        self.results_table.show_results(results if rows else None)
        self.shots_plot.setVisible(self.shots_plot.show_rows(rows))
        self._fill_compare_choices(rows)
        if changed:
            set_message(self.comparison_label, "")

    def _show_results_summary(self) -> None:
        """Write the line above the results table in the current language."""
        results = self.results
        if results is None:
            set_message(self.results_message, self.tr(
                "No study in the history yet. Define one on the Definition tab and press Start, "
                "or run peftt study FILE.json and press Refresh."))
        elif not results.rows:
            set_message(self.results_message, fill_placeholders(self.tr(
                "The study %1 has no finished runs yet."), results.name))
        else:
            runs = sum(row.runs for row in results.rows)
            set_message(self.results_message, fill_placeholders(self.tr(
                "%1 finished runs of the study %2: the mean ± standard deviation over seeds."),
                runs, results.name))

    def _fill_compare_choices(self, rows) -> None:
        methods = list(dict.fromkeys(row.method for row in rows))
        shots = sorted({row.shots for row in rows}, key=lambda k: -1 if k is None else k)
        for combo, values, default in ((self.method_a_combo, methods, 0),
                                       (self.method_b_combo, methods, 1),
                                       (self.compare_shots_combo, shots, 0)):
            # The chosen value stays chosen when the study's results are read again.
            had_choice = combo.currentIndex() >= 0
            previous = combo.currentData()
            combo.clear()
            for value in values:
                text = shots_text(value) if combo is self.compare_shots_combo else method_title(value)
                combo.addItem(text, value)
            if had_choice and previous in values:
                combo.setCurrentIndex(values.index(previous))
            else:
                combo.setCurrentIndex(min(default, len(values) - 1))
        self.compare_button.setEnabled(len(methods) >= 2)
        for button in self.export_buttons.values():
            button.setEnabled(bool(rows))

    def compare_selected(self) -> None:
        """Test whether the two chosen methods differ in test macro-F1 at the chosen k."""
        if self.results is None:
            return
        method_a, method_b = self.method_a_combo.currentData(), self.method_b_combo.currentData()
        if method_a is None or method_a == method_b:
            set_message(self.comparison_label, self.tr("Choose two different methods."), error=True)
            return
        shots = self.compare_shots_combo.currentData()
        self._comparison_generation += 1
        generation = self._comparison_generation
        set_message(self.comparison_label, self.tr("Testing…"))
        self.compare_button.setEnabled(False)
        self.start_task(compare_study_methods, history_path_from_environment(), self.results.name,
                        method_a, method_b, shots, BOOTSTRAP_RESAMPLES,
                        on_finished=lambda result: self._on_comparison(generation, result),
                        on_failed=lambda error, text: self._on_comparison_failed(generation, error,
                                                                                 text))

    def _on_comparison(self, generation: int, significance) -> None:
        if generation != self._comparison_generation:
            return
        self.compare_button.setEnabled(True)
        set_message(self.comparison_label, self.significance_text(significance))
        self.sigComparisonShown.emit(significance)

    def _on_comparison_failed(self, generation: int, error: BaseException, text: str) -> None:
        if generation != self._comparison_generation:
            return
        self.compare_button.setEnabled(True)
        if isinstance(error, PefttError):
            set_message(self.comparison_label, str(error), error=True)
        else:
            set_message(self.comparison_label, "")
            self.sigError.emit(error, text)

    def significance_text(self, significance) -> str:
        """Return the comparison row's text: the difference and both tests, each named."""
        lines = [fill_placeholders(self.tr(
            "%1 minus %2: mean difference in test macro-F1 %3 over %4 pairs of runs."),
            method_title(significance.method_a), method_title(significance.method_b),
            f"{significance.mean_difference:+.4f}", significance.pairs)]
        if math.isnan(significance.p_value_seeds):
            lines.append(self.tr("Paired t-test over seeds: no p-value; it needs two or more "
                                 "pairs whose differences vary."))
        else:
            lines.append(fill_placeholders(self.tr("Paired t-test over seeds: p = %1."),
                                           f"{significance.p_value_seeds:.4f}"))
        if math.isnan(significance.p_value_bootstrap):
            lines.append(self.tr("Paired bootstrap over test examples: no p-value; the runs have "
                                 "no stored test predictions."))
        else:
            lines.append(fill_placeholders(self.tr(
                "Paired bootstrap over test examples (%1 resamples): p = %2."),
                BOOTSTRAP_RESAMPLES, f"{significance.p_value_bootstrap:.4f}"))
        return "\n".join(lines)

    def export_table(self, kind: str, path: str | None = None) -> None:
        """Write the results table as ``kind`` (csv, markdown or latex), as peftt study does."""
        if self.results is None or not self.results.rows:
            return
        if path is None:
            filters = {"csv": self.tr("CSV files (*.csv)"),
                       "markdown": self.tr("Markdown files (*.md)"),
                       "latex": self.tr("LaTeX files (*.tex)")}
            name = f"{_file_stem(self.results.name)}-results{EXPORT_SUFFIXES[kind]}"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the results table"), name,
                                                  filters[kind])
            if not path:
                return
            if not Path(path).suffix:
                path += EXPORT_SUFFIXES[kind]
        text = EXPORT_WRITERS[kind](self.results.header, self.results.cells)
        self.start_task(write_text_file, path, text, on_finished=self._on_exported,
                        on_failed=self._on_file_failed)

    def _on_exported(self, path: str) -> None:
        set_message(self.message_label, fill_placeholders(self.tr("Saved %1."), display_path(path)),
                    success=True)
        logger.info("Study results saved to %s", path)
        self.sigExported.emit(path)


def _file_stem(name: str) -> str:
    """Return the study name as a file name stem (no folder separators)."""
    return re.sub(r"[\\/:*?\"<>|\s]+", "-", name).strip("-") or "study"
