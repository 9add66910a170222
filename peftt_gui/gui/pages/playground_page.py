"""Playground page: type Tibetan text and see what a trained run or bundle predicts.

The page loads one ``core.predict.Predictor`` for the chosen run or bundle and keeps it
while that source stays chosen, because loading builds the whole model. Typing predicts
again once the text has not changed for ``PREDICT_DELAY_MS``. One prediction runs at a
time, and each request carries a generation number that every edit and every model
change increases: a result whose generation is no longer current is dropped, and the
current text is predicted next.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.errors import PefttError, display_path
from peftt_gui.gui.fonts import tibetan_editor_font, tibetan_line_height
from peftt_gui.gui.history_model import status_text
from peftt_gui.gui.methods import method_title
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.plots import BarChart
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.tasks import (
    PlaygroundPrediction,
    PlaygroundRun,
    PredictorSource,
    history_path_from_environment,
    import_bundle_for_prediction,
    inspect_predictor_source,
    list_runs_with_weights,
    load_predictor,
    predict_text,
)
from peftt_gui.gui.tibetan_editor import EWTS_WORD_END, TibetanTemplateEditor
from peftt_gui.gui.widgets import set_message
from peftt_gui.gui.worker import Worker

logger = logging.getLogger(__name__)

PREDICT_DELAY_MS = 300
PROBABILITY_COLOR = "#1d5fb4"
# The probability chart grows with the class count, so that every class name stays legible.
BAR_HEIGHT_PX = 26
CHART_FRAME_PX = 60
CHART_MIN_HEIGHT_PX = 140
TABLE_ROW_PADDING = 8
CLASS_COLUMN, WORD_COLUMN, SCORE_COLUMN = range(3)


@dataclass(frozen=True)
class LoadRequest:
    """The weights folder (run or imported bundle) to load, and the base model to load it on.

    ``base_model_path`` is None when the manifest's own base model path is used.
    """

    weights_dir: str
    base_model_path: str | None = None


class PlaygroundTextEditor(TibetanTemplateEditor):
    """The project's Tibetan editor, with EWTS input, holding a text to classify."""

    def _retranslate(self) -> None:
        super()._retranslate()
        self.setPlaceholderText(self.tr(
            "Type or paste a Tibetan text, for example a news title: "
            "བོད་ལྗོངས་ཀྱི་དཔལ་འབྱོར་འཕེལ་རྒྱས།"))


class PlaygroundPage(Page):
    """Pick a trained run or a bundle, type a text, see the class probabilities."""

    key = "playground"
    shows_requirements = False
    sigRunsLoaded = Signal()
    # The weights folder whose Predictor is now loaded.
    sigPredictorLoaded = Signal(str)
    # A PlaygroundPrediction for the current text and model, emitted once it is shown.
    sigPredictionShown = Signal(object)

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.predictor = None
        self.prediction: PlaygroundPrediction | None = None
        self.runs: list[PlaygroundRun] = []
        self._requested: LoadRequest | None = None
        self._loaded: LoadRequest | None = None
        self._load_worker: Worker | None = None
        self._predict_worker: Worker | None = None
        self._generation = 0
        self._source_request = 0
        self._ewts_converter = None
        self._source_error = ""

        self._build_source_group()
        self._build_text_group()
        self._build_result_group()
        self.body.addWidget(self.source_group)
        self.body.addWidget(self.text_group)
        self.body.addWidget(self.result_group, 1)

        self._predict_timer = QTimer(self)
        self._predict_timer.setSingleShot(True)
        self._predict_timer.setInterval(PREDICT_DELAY_MS)
        self._predict_timer.timeout.connect(self.predict_now)
        self.retranslate()

    # Construction.

    def _build_source_group(self) -> None:
        self.source_group = QGroupBox(self)
        self.run_label = QLabel(self)
        self.run_combo = QComboBox(self)
        self.run_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.run_combo.addItem("", None)
        self.run_combo.activated.connect(self._on_run_activated)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.reload_runs)
        self.open_folder_button = QPushButton(self)
        self.open_folder_button.clicked.connect(self._choose_folder)
        self.import_zip_button = QPushButton(self)
        self.import_zip_button.clicked.connect(self._choose_zip)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_message = QLabel(self)
        self.source_message.setWordWrap(True)
        self.source_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_message(self.source_message, "")

        run_row = QHBoxLayout()
        run_row.addWidget(self.run_label)
        run_row.addWidget(self.run_combo, 1)
        run_row.addWidget(self.refresh_button)
        bundle_row = QHBoxLayout()
        bundle_row.addWidget(self.open_folder_button)
        bundle_row.addWidget(self.import_zip_button)
        bundle_row.addStretch(1)
        layout = QVBoxLayout(self.source_group)
        layout.addLayout(run_row)
        layout.addLayout(bundle_row)
        layout.addWidget(self.source_label)
        layout.addWidget(self.source_message)

    def _build_text_group(self) -> None:
        self.text_group = QGroupBox(self)
        self.editor = PlaygroundTextEditor(self)
        self.editor.setMinimumHeight(80)
        self.editor.setMaximumHeight(110)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.sigEwtsModeChanged.connect(lambda _enabled: self._on_text_changed())

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.editor.ewts_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.editor.undo_action)
        self.toolbar.addAction(self.editor.redo_action)
        self.clear_action = self.toolbar.addAction("")
        self.clear_action.triggered.connect(self.editor.clear)

        self.normalized_label = QLabel(self)
        self.normalized_label.setWordWrap(True)
        self.normalized_label.setFont(tibetan_editor_font())
        self.normalized_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self.text_group)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.editor)
        layout.addWidget(self.normalized_label)

    def _build_result_group(self) -> None:
        self.result_group = QGroupBox(self)
        self.predicted_label = QLabel(self)
        self.predicted_label.setWordWrap(True)
        self.predicted_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label_font = QFont(tibetan_editor_font())
        label_font.setBold(True)
        self.predicted_label.setFont(label_font)
        self.result_message = QLabel(self)
        self.result_message.setWordWrap(True)
        self.probability_chart = BarChart(self)
        self.probability_chart.setMinimumHeight(CHART_MIN_HEIGHT_PX)

        self.words_label = QLabel(self)
        self.words_label.setWordWrap(True)
        self.words_table = QTableWidget(0, 3, self)
        self.words_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.words_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.words_table.verticalHeader().setVisible(False)
        self.words_table.verticalHeader().setDefaultSectionSize(tibetan_line_height() + TABLE_ROW_PADDING)
        header = self.words_table.horizontalHeader()
        header.setSectionResizeMode(CLASS_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WORD_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SCORE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self._word_font = tibetan_editor_font()

        # The label-word table is beside the chart, so that both fit on one screen.
        words_box = QVBoxLayout()
        words_box.addWidget(self.words_label)
        words_box.addWidget(self.words_table, 1)
        chart_row = QHBoxLayout()
        chart_row.addWidget(self.probability_chart, 3)
        chart_row.addLayout(words_box, 2)
        layout = QVBoxLayout(self.result_group)
        layout.addWidget(self.predicted_label)
        layout.addWidget(self.result_message)
        layout.addLayout(chart_row, 1)
        self._show_words(False)

    # Texts.

    def description(self) -> str:
        return self.tr("Try a trained run or an exported bundle on your own Tibetan text. "
                       "The prediction updates as you type.")

    def retranslate(self) -> None:
        super().retranslate()
        self.source_group.setTitle(self.tr("Trained model"))
        self.run_label.setText(self.tr("Run:"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.open_folder_button.setText(self.tr("Open bundle or run folder…"))
        self.open_folder_button.setToolTip(self.tr(
            "A bundle whose base model folder is not on this computer is imported first, "
            "after you choose your copy of the base model folder."))
        self.import_zip_button.setText(self.tr("Import bundle .zip…"))
        self.text_group.setTitle(self.tr("Text"))
        self.clear_action.setText(self.tr("Clear"))
        self.result_group.setTitle(self.tr("Prediction"))
        self.probability_chart.set_labels(bottom=self.tr("Probability"))
        self.words_label.setText(self.tr(
            "Score of each label word: the mean log-probability of its pieces at the mask "
            "(higher is better). A class scores the mean probability of its label words."))
        self.words_table.setHorizontalHeaderLabels(
            [self.tr("Class"), self.tr("Label word"), self.tr("Score")])
        self._fill_run_combo()
        self._show_source()
        self._show_prediction(self.prediction)

    def _run_text(self, run: PlaygroundRun) -> str:
        parts = [self.tr("Run %1").replace("%1", str(run.run_id)),
                 run.name, method_title(run.method), status_text(run.status)]
        if run.test_macro_f1 is not None:
            parts.append(self.tr("test macro-F1 %1").replace("%1", f"{run.test_macro_f1:.3f}"))
        return " · ".join(part for part in parts if part)

    # Runs of the history.

    def reload_runs(self) -> None:
        """List the runs with weights again, in a Worker."""
        self.start_task(list_runs_with_weights, history_path_from_environment(),
                        on_finished=self._on_runs_listed, on_failed=self._on_source_failed)

    def _on_runs_listed(self, runs: list[PlaygroundRun]) -> None:
        self.runs = list(runs)
        self._fill_run_combo()
        self.sigRunsLoaded.emit()

    def _fill_run_combo(self) -> None:
        selected = self.run_combo.currentData()
        self.run_combo.blockSignals(True)
        self.run_combo.clear()
        self.run_combo.addItem(self.tr("Choose a run…"), None)
        for run in self.runs:
            self.run_combo.addItem(self._run_text(run), run.weights_dir)
        index = self.run_combo.findData(selected) if selected is not None else 0
        self.run_combo.setCurrentIndex(max(index, 0))
        self.run_combo.blockSignals(False)

    def select_run(self, run_id: int) -> bool:
        """Choose the listed run ``run_id`` and load it. Returns False if it is not listed."""
        for run in self.runs:
            if run.run_id == run_id:
                self.run_combo.setCurrentIndex(self.run_combo.findData(run.weights_dir))
                self.open_source(run.weights_dir)
                return True
        return False

    def _on_run_activated(self, index: int) -> None:
        weights_dir = self.run_combo.itemData(index)
        if weights_dir is None:
            self.unload()
        else:
            self.open_source(weights_dir)

    # Opening a run folder or a bundle.

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Open a bundle or run weights folder"), self._start_folder())
        if path:
            self.open_source(path)

    def _choose_zip(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a bundle"), self._start_folder(),
            self.tr("Bundles (*.zip)"))
        if path:
            self.open_source(path)

    def _start_folder(self) -> str:
        return self._loaded.weights_dir if self._loaded is not None else ""

    def open_source(self, path: str) -> None:
        """Open a run weights folder, a bundle folder or a bundle zip and load it.

        A bundle whose base model folder is missing here, and every zip, is imported
        with ``core.export.import_bundle`` after the user chooses the base model folder.
        """
        self._source_request += 1
        request = self._source_request
        self._set_source_error("")
        self.start_task(inspect_predictor_source, path,
                        on_finished=lambda source: self._on_source_inspected(request, source),
                        on_failed=lambda error, details: self._on_source_failed(error, details, request))

    def _on_source_inspected(self, request: int, source: PredictorSource) -> None:
        if request != self._source_request:
            return
        if source.base_model_found:
            self.load(LoadRequest(source.path))
            return

        base_model = self._ask_base_model_folder(source)
        if not base_model:
            self._set_source_error(self.tr(
                "No base model folder was chosen, so %1 was not loaded.")
                .replace("%1", display_path(source.path)))
            self._sync_run_combo()
            return
        if source.kind == "run":
            self.load(LoadRequest(source.path, base_model))
            return
        self.source_label.setText(self.tr("Importing %1…").replace("%1", display_path(source.path)))
        self.start_task(import_bundle_for_prediction, source.path, base_model,
                        on_finished=lambda folder: self._on_bundle_imported(request, folder),
                        on_failed=lambda error, details: self._on_source_failed(error, details, request))

    def _ask_base_model_folder(self, source: PredictorSource) -> str:
        if source.kind == "run":
            title = self.tr("Choose the new folder of the base model %1 of this run")
        else:
            title = self.tr("Choose your copy of the base model %1 of this bundle")
        return QFileDialog.getExistingDirectory(
            self, title.replace("%1", source.base_model_name or "?"), "")

    def _on_bundle_imported(self, request: int, folder: str) -> None:
        logger.info("Bundle imported to %s for the playground", folder)
        if request == self._source_request:
            self.load(LoadRequest(folder))

    def _on_source_failed(self, error: BaseException, traceback_text: str,
                          request: int | None = None) -> None:
        if request is not None and request != self._source_request:
            return
        if isinstance(error, PefttError):
            self._set_source_error(str(error))
        else:
            self.sigError.emit(error, traceback_text)
        self._sync_run_combo()
        self._show_source()

    def _set_source_error(self, text: str) -> None:
        self._source_error = text
        set_message(self.source_message, text, error=True)

    # Loading the Predictor.

    def load(self, request: LoadRequest) -> None:
        """Load the Predictor of ``request`` in a Worker, unless it is the one loaded now."""
        self._requested = request
        self._sync_run_combo()
        if request == self._loaded:
            self._show_source()
            return
        self._release_predictor()
        self._show_source()
        if self._load_worker is None:
            self._start_load(request)

    def unload(self) -> None:
        """Forget the chosen run or bundle and free its model."""
        self._source_request += 1
        self._requested = None
        self._release_predictor()
        self._set_source_error("")
        self._sync_run_combo()
        self._show_source()

    def _release_predictor(self) -> None:
        self.predictor = None
        self._loaded = None
        self._generation += 1
        self.prediction = None
        self._show_prediction(None)

    def _sync_run_combo(self) -> None:
        # The list shows the run being loaded or loaded, and its first item for a bundle.
        current = self._requested or self._loaded
        index = self.run_combo.findData(current.weights_dir) if current is not None else 0
        self.run_combo.setCurrentIndex(max(index, 0))

    def _start_load(self, request: LoadRequest) -> None:
        self._load_worker = self.start_task(
            load_predictor, request.weights_dir, request.base_model_path,
            on_finished=lambda predictor: self._on_loaded(request, predictor),
            on_failed=lambda error, details: self._on_load_failed(request, error, details))

    def _on_loaded(self, request: LoadRequest, predictor) -> None:
        self._load_worker = None
        if request != self._requested:
            # Another source was chosen while this one loaded.
            if self._requested is not None and self._requested != self._loaded:
                self._start_load(self._requested)
            return
        self.predictor = predictor
        self._loaded = request
        self._generation += 1
        logger.info("Playground model loaded from %s", request.weights_dir)
        self._show_source()
        self.sigPredictorLoaded.emit(request.weights_dir)
        self.predict_now()

    def _on_load_failed(self, request: LoadRequest, error: BaseException,
                        traceback_text: str) -> None:
        self._load_worker = None
        if request != self._requested:
            if self._requested is not None:
                self._start_load(self._requested)
            return
        self._requested = None
        self._on_source_failed(error, traceback_text)

    def _show_source(self) -> None:
        if self.predictor is not None:
            manifest = self.predictor.manifest
            base = (manifest.get("base_model") or {}).get("name") or ""
            text = (self.tr("%1 · %2 classes · base model %3 · %4")
                    .replace("%1", method_title(manifest["method"]))
                    .replace("%2", str(len(self.predictor.labels)))
                    .replace("%3", base)
                    .replace("%4", display_path(self._loaded.weights_dir)))
        elif self._requested is not None:
            text = self.tr("Loading the model of %1…").replace("%1", display_path(self._requested.weights_dir))
        elif self._source_error:
            text = ""
        else:
            text = self.tr("Choose a run from the history, or open an exported bundle.")
        self.source_label.setText(text)
        self.source_label.setVisible(bool(text))

    # Predicting.

    def text_for_prediction(self) -> str:
        """Return the editor's text, with an EWTS word still being typed at its end converted.

        In EWTS mode the last word stays Latin until a space, ``/`` or another delimiter
        follows it, but the prediction already reads its Tibetan form.
        """
        text = self.editor.toPlainText()
        if not self.editor.ewts_mode():
            return text
        match = EWTS_WORD_END.search(text)
        if match is None:
            return text
        if self._ewts_converter is None:
            import pyewts

            self._ewts_converter = pyewts.pyewts()
        return text[:match.start()] + self._ewts_converter.toUnicode(match.group())

    def _on_text_changed(self) -> None:
        self._generation += 1
        self._predict_timer.start()

    def predict_now(self) -> None:
        """Predict the current text in a Worker (typing calls this after the delay)."""
        self._predict_timer.stop()
        if self.predictor is None:
            return
        text = self.text_for_prediction()
        if not text.strip():
            self.prediction = None
            self._show_prediction(None)
            return
        if self._predict_worker is not None:
            return  # _on_predicted finds the newer generation and predicts again.

        generation = self._generation
        set_message(self.result_message, self.tr("Predicting…"))
        self._predict_worker = self.start_task(
            predict_text, self.predictor, text,
            on_finished=lambda result: self._on_predicted(generation, result),
            on_failed=lambda error, details: self._on_predict_failed(generation, error, details))

    def _on_predicted(self, generation: int, result: PlaygroundPrediction) -> None:
        self._predict_worker = None
        if generation != self._generation:
            if not self._predict_timer.isActive():
                self.predict_now()
            return
        self.prediction = result
        self._show_prediction(result)
        self.sigPredictionShown.emit(result)

    def _on_predict_failed(self, generation: int, error: BaseException,
                           traceback_text: str) -> None:
        self._predict_worker = None
        if generation != self._generation:
            if not self._predict_timer.isActive():
                self.predict_now()
            return
        if isinstance(error, PefttError):
            set_message(self.result_message, str(error), error=True)
        else:
            set_message(self.result_message, "")
            self.sigError.emit(error, traceback_text)

    # Showing the prediction.

    def _show_prediction(self, result: PlaygroundPrediction | None) -> None:
        if result is None:
            self.predicted_label.clear()
            self.normalized_label.clear()
            self.normalized_label.setVisible(False)
            hint = self.tr("Type a text to see the class that the model predicts.")
            set_message(self.result_message, hint if self.predictor is not None else "")
            self.probability_chart.set_data([], {}, {})
            self._show_words(False)
            return

        probability = result.probabilities[result.labels.index(result.label)]
        self.predicted_label.setText(self.tr("%1 (probability %2)")
                                     .replace("%1", result.label)
                                     .replace("%2", f"{probability:.3f}"))
        self.normalized_label.setText(self.tr("The model reads: %1").replace("%1", result.normalized))
        self.normalized_label.setVisible(True)
        set_message(self.result_message, "")
        self.probability_chart.set_data(result.labels, {"probability": result.probabilities},
                                        {"probability": PROBABILITY_COLOR}, value_range=(0.0, 1.0))
        self.probability_chart.setMinimumHeight(
            max(CHART_MIN_HEIGHT_PX, BAR_HEIGHT_PX * len(result.labels) + CHART_FRAME_PX))
        self._fill_words(result)

    def _fill_words(self, result: PlaygroundPrediction) -> None:
        self._show_words(bool(result.label_words))
        rows = sorted(zip(result.label_words, result.word_scores), key=lambda row: -row[1])
        self.words_table.setRowCount(len(rows))
        bold = QFont(self.words_table.font())
        bold.setBold(True)
        for row, ((label, word), score) in enumerate(rows):
            items = [QTableWidgetItem(label), QTableWidgetItem(word), QTableWidgetItem(f"{score:.3f}")]
            items[WORD_COLUMN].setFont(self._word_font)
            items[SCORE_COLUMN].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if label == result.label:
                items[CLASS_COLUMN].setFont(bold)
            for column, item in enumerate(items):
                self.words_table.setItem(row, column, item)

    def _show_words(self, visible: bool) -> None:
        self.words_label.setVisible(visible)
        self.words_table.setVisible(visible)

    def showEvent(self, event) -> None:
        # Runs may have finished (here or in the command line) since the last listing.
        self.reload_runs()
        super().showEvent(event)
