"""The Template page's "Suggest label words" panel: options, progress, stop, result dialog.

The search runs ``tasks.suggest_words`` in a Worker that the page starts, so closing the
window cancels it like the page's other tasks. The masked LM fills the template's mask on
the training rows of each class, and the best-scoring vocabulary words are shown per class
in a ``LabelWordSuggestionsDialog``, where the user ticks the words to apply.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.errors import DataError, ModelError, PefttError, VerbalizerError
from peftt_gui.gui.label_word_dialog import LabelWordSuggestionsDialog
from peftt_gui.gui.run_config import DEFAULT_NORMALIZATION, training_config
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.tasks import LabelWordSuggestions, SuggestionProgress, suggest_words
from peftt_gui.gui.widgets import set_message
from peftt_gui.gui.worker import Worker

logger = logging.getLogger(__name__)

# Default cap of training rows scored per class, so that a large class takes no longer
# than a small one.
DEFAULT_ROWS_PER_CLASS = 32
MAX_ROWS_PER_CLASS = 100_000
DEFAULT_WORDS_PER_CLASS = 5
MAX_WORDS_PER_CLASS = 50


class LabelWordSuggester(QGroupBox):
    """Panel that starts the label-word search for the page's state and shows its progress and result.

    ``start_task`` is the page's ``Page.start_task``. ``sigSuggested(result)`` carries the
    ``tasks.LabelWordSuggestions`` before the dialog opens, and ``sigApplyRequested(words,
    replace)`` the words ticked in the dialog. Failures go to ``sigError(error, traceback)``.
    """

    sigSuggested = Signal(object)
    sigApplyRequested = Signal(dict, bool)
    sigError = Signal(object, str)

    def __init__(self, state: ProjectState, start_task: Callable[..., Worker],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self._start_task = start_task
        self.worker: Worker | None = None
        self.result: LabelWordSuggestions | None = None
        self.dialog: LabelWordSuggestionsDialog | None = None

        self.suggest_button = QPushButton(self)
        self.suggest_button.clicked.connect(self.suggest)
        self.stop_button = QPushButton(self)
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.rows_label = QLabel(self)
        self.rows_spin = QSpinBox(self)
        self.rows_spin.setRange(1, MAX_ROWS_PER_CLASS)
        self.rows_spin.setValue(DEFAULT_ROWS_PER_CLASS)
        self.words_label = QLabel(self)
        self.words_spin = QSpinBox(self)
        self.words_spin.setRange(1, MAX_WORDS_PER_CLASS)
        self.words_spin.setValue(DEFAULT_WORDS_PER_CLASS)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.hide()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        set_message(self.status_label, "")

        controls = QHBoxLayout()
        controls.addWidget(self.suggest_button)
        controls.addWidget(self.stop_button)
        controls.addSpacing(12)
        controls.addWidget(self.rows_label)
        controls.addWidget(self.rows_spin)
        controls.addWidget(self.words_label)
        controls.addWidget(self.words_spin)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Label-word suggestions"))
        self.suggest_button.setText(self.tr("Suggest label words…"))
        self.suggest_button.setToolTip(self.tr(
            "Let the model fill the template's mask on the training rows of each class, and list "
            "the words it prefers for that class. The validation rows then show whether the "
            "suggested words classify better than the current ones, without training."))
        self.stop_button.setText(self.tr("Stop"))
        self.rows_label.setText(self.tr("Training rows per class:"))
        self.rows_spin.setToolTip(self.tr(
            "At most this many training rows of each class are scored (drawn with the training "
            "seed). More rows give steadier suggestions and take longer."))
        self.words_label.setText(self.tr("Words per class:"))
        self.words_spin.setToolTip(self.tr("How many suggested words to list for each class."))

    # Starting and stopping.

    def is_running(self) -> bool:
        return self.worker is not None and self.worker.is_running()

    def suggest(self) -> None:
        """Start the search in a Worker, or report in plain words why it cannot start."""
        if self.is_running():
            return
        try:
            training = self._check_inputs()
        except PefttError as error:
            self._show_failure(error, "")
            return

        self.result = None
        self.suggest_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        set_message(self.status_label, self.tr("Loading the model…"))
        logger.info("Suggesting label words with %s, at most %d rows per class",
                    self.state.model_folder, self.rows_spin.value())
        self.worker = self._start_task(
            suggest_words, self.state.model_folder, self.state.template_text, self.state.splits,
            self.state.verbalizer, self.rows_spin.value(), self.words_spin.value(),
            seed=training.seed, max_length=training.max_length, device=training.device,
            normalization=DEFAULT_NORMALIZATION,
            on_progress=self._on_progress, on_finished=self._on_finished,
            on_failed=self._on_failed, on_cancelled=self._on_cancelled)

    def _check_inputs(self):
        """Return the training settings.

        Raises a PefttError when the model, the data or a class's training rows are missing.
        """
        if not self.state.model_folder:
            raise ModelError(self.tr(
                "No model is chosen, so nothing can score label words. Choose a model folder on "
                "the Model page."))
        splits = self.state.splits
        if splits is None:
            raise DataError(self.tr(
                "No data is loaded, so there are no training rows to score label words on. Load "
                "the data on the Data page."))
        without_rows = [label for label in self.state.verbalizer if label not in splits.labels]
        if without_rows:
            raise VerbalizerError(self.tr(
                "The class %1 of the verbalizer has no training rows, so no label word can be "
                "suggested for it. Remove its row, or load data that contains this class.")
                .replace("%1", ", ".join(without_rows)))
        return training_config(self.state.snapshot())

    def stop(self) -> None:
        """Ask the search to stop before its next class or chunk of validation rows."""
        if self.is_running():
            self.worker.cancel()
            self.stop_button.setEnabled(False)
            set_message(self.status_label, self.tr("Stopping…"))

    def _done(self) -> None:
        self.suggest_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.progress_bar.hide()

    # Results from the Worker.

    def _on_progress(self, values: list) -> None:
        step: SuggestionProgress = values[-1]
        if step.phase == "load":
            self.progress_bar.setRange(0, 0)
            text = self.tr("Loading the model…")
        elif step.phase == "classes":
            self.progress_bar.setRange(0, step.total)
            self.progress_bar.setValue(step.done)
            text = (self.tr("Scoring the training rows of class %1 (%2 of %3)…")
                    .replace("%1", step.label).replace("%2", str(step.done + 1))
                    .replace("%3", str(step.total)))
        else:
            self.progress_bar.setRange(0, step.total)
            self.progress_bar.setValue(step.done)
            text = (self.tr("Scoring the current and the suggested words on %1 validation rows…")
                    .replace("%1", str(step.total)))
        if self.stop_button.isEnabled():
            set_message(self.status_label, text)

    def _on_finished(self, result: LabelWordSuggestions) -> None:
        self._done()
        self.result = result
        set_message(self.status_label, self.tr(
            "Suggested %1 words per class. Tick the words to use in the dialog.")
            .replace("%1", str(self.words_spin.value())), success=True)
        self.sigSuggested.emit(result)
        self.show_dialog(result)

    def _on_failed(self, error: BaseException, traceback_text: str) -> None:
        self._done()
        self._show_failure(error, traceback_text)

    def _on_cancelled(self) -> None:
        self._done()
        set_message(self.status_label, self.tr("The suggestion was stopped. The label words are unchanged."))

    def _show_failure(self, error: BaseException, traceback_text: str) -> None:
        """Show the error under the buttons and pass it to the window's notifier."""
        message = str(error) if isinstance(error, PefttError) else f"{type(error).__name__}: {error}"
        set_message(self.status_label, message, error=True)
        self.sigError.emit(error, "" if isinstance(error, PefttError) else traceback_text)

    # The dialog.

    def show_dialog(self, result: LabelWordSuggestions) -> LabelWordSuggestionsDialog:
        """Open the dialog of ``result``, window-modal, and return it."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = LabelWordSuggestionsDialog(result, self.state.verbalizer, self.window())
        dialog.sigApplyRequested.connect(self.sigApplyRequested)
        dialog.finished.connect(lambda _code, dialog=dialog: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: LabelWordSuggestionsDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
