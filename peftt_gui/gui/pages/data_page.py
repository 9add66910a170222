"""Data page: choose the labelled data, then see its classes, rows and token lengths."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.config import DataConfig
from peftt_gui.core.errors import ConfigError, DataError, PefttError
from peftt_gui.gui.config_form import ConfigForm
from peftt_gui.gui.fonts import tibetan_editor_font, tibetan_line_height
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.plots import BarChart, HistogramPlot
from peftt_gui.gui.run_config import DEFAULT_NORMALIZATION, data_config
from peftt_gui.gui.settings import AppSettings
from peftt_gui.gui.state import DATA_FOLDER_KEY, DATA_SINGLE_FILE_KEY, DATA_SPLITS, ProjectState
from peftt_gui.gui.tasks import load_data, measure_lengths
from peftt_gui.gui.widgets import PathPicker, set_message

logger = logging.getLogger(__name__)

PREVIEW_ROWS = 20
# Pause after the last change before the data (or the token lengths) load again.
RELOAD_DELAY_MS = 300
DATA_OPTION_FIELDS = ("max_train_rows", "max_eval_rows", "shots_per_class", "skip_bad_lines",
                      "text_column", "label_column")
SPLIT_COLORS = {"train": "#1d5fb4", "validation": "#b35000", "test": "#2a7a2e"}
DEFAULT_RATIOS = (80, 10, 10)
SOURCE_FOLDER, SOURCE_FILES, SOURCE_SINGLE = "folder", "files", "single"
TABLE_ROW_PADDING = 8


class DataPage(Page):
    """Pick labelled Tibetan text; the engine's loader checks and previews it in a Worker."""

    key = "data"

    def __init__(self, state: ProjectState, settings: AppSettings,
                 parent: QWidget | None = None):
        super().__init__(state, parent)
        self._settings = settings
        self._load_generation = 0
        self._length_generation = 0
        self._lengths_cache: tuple[object, object, object] | None = None
        self._seed = state.hyperparameters.get("seed")
        self.last_error: PefttError | None = None
        self.length_stats = None

        self._build_source_group()
        self.options_group = QGroupBox(self)
        self.options_form = ConfigForm(DataConfig, DATA_OPTION_FIELDS, self)
        self.options_form.sigValueChanged.connect(self._on_option_changed)
        QVBoxLayout(self.options_group).addWidget(self.options_form)

        self.recent_group = QGroupBox(self)
        self.recent_list = QListWidget(self)
        self.recent_list.setMinimumHeight(64)
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        QVBoxLayout(self.recent_group).addWidget(self.recent_list)

        self._build_error_group()
        self._build_result_groups()

        options_row = QHBoxLayout()
        options_row.addWidget(self.options_group, 1)
        options_row.addWidget(self.recent_group, 1)
        self.body.addWidget(self.source_group)
        self.body.addLayout(options_row)
        self.body.addWidget(self.load_status)
        self.body.addWidget(self.error_group)
        self.body.addWidget(self.classes_group)
        self.body.addWidget(self.lengths_group)
        self.body.addWidget(self.preview_group, 1)

        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(RELOAD_DELAY_MS)
        self._load_timer.timeout.connect(self.load_now)
        self._length_timer = QTimer(self)
        self._length_timer.setSingleShot(True)
        self._length_timer.setInterval(RELOAD_DELAY_MS)
        self._length_timer.timeout.connect(self.measure_lengths_now)

        for name, value in self.options_form.values().items():
            self.state.set_data_option(name, value)
        self._store_split_ratios()
        state.sigChanged.connect(self._on_state_changed)
        self._on_source_toggled()
        self.refresh_recent()
        self.retranslate()
        self._show_splits(None)

    # Construction.

    def _build_source_group(self) -> None:
        self.source_group = QGroupBox(self)
        self.folder_radio = QRadioButton(self)
        self.files_radio = QRadioButton(self)
        self.single_radio = QRadioButton(self)
        self.folder_radio.setChecked(True)
        self._source_buttons = QButtonGroup(self)
        for radio in (self.folder_radio, self.files_radio, self.single_radio):
            self._source_buttons.addButton(radio)
        self._source_buttons.buttonToggled.connect(self._on_source_toggled)

        self.folder_picker = PathPicker(self, folder=True)
        self.folder_picker.sigPathChosen.connect(self._on_data_folder_chosen)
        self.split_pickers = {split: PathPicker(self, folder=False) for split in DATA_SPLITS}
        for picker in self.split_pickers.values():
            picker.sigPathChosen.connect(self._on_data_files_chosen)
        self.files_form = QFormLayout()
        for picker in self.split_pickers.values():
            self.files_form.addRow(QLabel(), picker)

        # One file, split stratified by label with these percentages.
        self.single_picker = PathPicker(self, folder=False)
        self.single_picker.sigPathChosen.connect(self._on_single_file_chosen)
        self.ratio_boxes = {}
        ratio_row = QHBoxLayout()
        self.ratio_labels = {}
        for split, percent in zip(DATA_SPLITS, DEFAULT_RATIOS):
            box = QSpinBox(self)
            box.setRange(0, 100)
            box.setValue(percent)
            box.setSuffix(" %")
            box.valueChanged.connect(self._on_ratio_changed)
            label = QLabel(self)
            self.ratio_boxes[split] = box
            self.ratio_labels[split] = label
            ratio_row.addWidget(label)
            ratio_row.addWidget(box)
        self.ratio_error = QLabel(self)
        ratio_row.addWidget(self.ratio_error, 1)
        self.single_widget = QWidget(self)
        single_layout = QVBoxLayout(self.single_widget)
        single_layout.setContentsMargins(0, 0, 0, 0)
        single_layout.addWidget(self.single_picker)
        single_layout.addLayout(ratio_row)
        set_message(self.ratio_error, "")

        self.format_label = QLabel(self)
        self.format_label.setWordWrap(True)
        source_layout = QVBoxLayout(self.source_group)
        radio_row = QHBoxLayout()
        radio_row.addWidget(self.folder_radio)
        radio_row.addWidget(self.files_radio)
        radio_row.addWidget(self.single_radio)
        radio_row.addStretch(1)
        source_layout.addLayout(radio_row)
        source_layout.addWidget(self.folder_picker)
        source_layout.addLayout(self.files_form)
        source_layout.addWidget(self.single_widget)
        source_layout.addWidget(self.format_label)

    def _build_error_group(self) -> None:
        self.load_status = QLabel(self)
        self.load_status.setWordWrap(True)
        self.error_group = QGroupBox(self)
        self.error_group.setStyleSheet("QGroupBox { color: #d0191f; }")
        self.error_file = QLabel(self)
        self.error_line = QLabel(self)
        self.error_message = QLabel(self)
        for label in (self.error_file, self.error_line, self.error_message):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_form = QFormLayout(self.error_group)
        self.error_form.addRow(QLabel(), self.error_file)
        self.error_form.addRow(QLabel(), self.error_line)
        self.error_form.addRow(QLabel(), self.error_message)
        self.error_group.hide()

    def _build_result_groups(self) -> None:
        self.classes_group = QGroupBox(self)
        self.classes_table = QTableWidget(0, 4, self)
        self.classes_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.classes_table.verticalHeader().setVisible(False)
        self.classes_table.verticalHeader().setDefaultSectionSize(
            tibetan_line_height() + TABLE_ROW_PADDING)
        self.classes_table.setMinimumHeight(320)
        self.classes_table.setMinimumWidth(300)
        self.class_chart = BarChart(self)
        self.class_chart.setMinimumHeight(320)
        self.notes_label = QLabel(self)
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        classes_row = QHBoxLayout()
        classes_row.addWidget(self.classes_table, 2)
        classes_row.addWidget(self.class_chart, 3)
        classes_layout = QVBoxLayout(self.classes_group)
        classes_layout.addLayout(classes_row)
        classes_layout.addWidget(self.notes_label)

        self.lengths_group = QGroupBox(self)
        self.length_plot = HistogramPlot(self)
        self.length_plot.setMinimumHeight(170)
        self.length_label = QLabel(self)
        self.length_label.setWordWrap(True)
        lengths_layout = QVBoxLayout(self.lengths_group)
        lengths_layout.addWidget(self.length_label)
        lengths_layout.addWidget(self.length_plot)

        self.preview_group = QGroupBox(self)
        self.preview_table = QTableWidget(0, 2, self)
        self.preview_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        self.preview_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.preview_table.setMinimumHeight(220)
        self._text_font = tibetan_editor_font()
        QVBoxLayout(self.preview_group).addWidget(self.preview_table)

    # Texts.

    def description(self) -> str:
        return self.tr("Choose labelled Tibetan text for training, validation and test. "
                       "The classes are taken from the training split.")

    def retranslate(self) -> None:
        super().retranslate()
        self.source_group.setTitle(self.tr("Data files"))
        self.folder_radio.setText(self.tr("One folder with train, validation and test files"))
        self.files_radio.setText(self.tr("Separate files"))
        self.single_radio.setText(self.tr("One file to split"))
        self.folder_picker.set_dialog_title(self.tr("Open data folder"))

        split_names = {
            "train": self.tr("Training:"),
            "validation": self.tr("Validation:"),
            "test": self.tr("Test:"),
        }
        file_filter = self.tr("Data files (*.txt *.tsv *.csv *.jsonl);;All files (*)")
        for row, (split, picker) in enumerate(self.split_pickers.items()):
            label = self.files_form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            label.setText(split_names[split])
            picker.set_dialog_title(self.tr("Open data file"))
            picker.set_file_filter(file_filter)
            self.ratio_labels[split].setText(split_names[split])
        self.single_picker.set_dialog_title(self.tr("Open data file"))
        self.single_picker.set_file_filter(file_filter)
        for box in self.ratio_boxes.values():
            box.setToolTip(self.tr("Share of each class's rows that goes to this split."))
        self.format_label.setText(self.tr(
            "Formats: one example per line as label, tab, text (.txt, .tsv); CSV; JSONL."))

        self.options_group.setTitle(self.tr("Rows and columns"))
        self.recent_group.setTitle(self.tr("Recent data"))
        self.error_group.setTitle(self.tr("The data could not be loaded"))
        error_names = [self.tr("File:"), self.tr("Line:"), self.tr("Problem:")]
        for row, name in enumerate(error_names):
            self.error_form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(name)

        self.classes_group.setTitle(self.tr("Classes"))
        self.classes_table.setHorizontalHeaderLabels(
            [self.tr("Class"), self.tr("Training"), self.tr("Validation"), self.tr("Test")])
        for column, split in enumerate(DATA_SPLITS, start=1):
            self.classes_table.horizontalHeaderItem(column).setForeground(
                QColor(SPLIT_COLORS[split]))
        self.class_chart.set_labels(bottom=self.tr("Rows"))
        self.lengths_group.setTitle(self.tr("Text length in tokens"))
        self.length_plot.set_labels(left=self.tr("Rows"), bottom=self.tr("Tokens"))
        self.preview_group.setTitle(self.tr("First rows of the training split (normalized)"))
        self.preview_table.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Text")])
        self._on_ratio_changed()
        self._show_splits(self.state.splits)
        self._show_lengths()

    # Choosing the data.

    def refresh_recent(self) -> None:
        self.recent_list.clear()
        for path in self._settings.recent_data():
            item = QListWidgetItem(path, self.recent_list)
            item.setToolTip(path)

    def source(self) -> str:
        if self.files_radio.isChecked():
            return SOURCE_FILES
        return SOURCE_SINGLE if self.single_radio.isChecked() else SOURCE_FOLDER

    def _on_source_toggled(self, *_args) -> None:
        source = self.source()
        self.folder_picker.setVisible(source == SOURCE_FOLDER)
        for row in range(self.files_form.rowCount()):
            self.files_form.setRowVisible(row, source == SOURCE_FILES)
        self.single_widget.setVisible(source == SOURCE_SINGLE)
        if source == SOURCE_FOLDER:
            self._on_data_folder_chosen(self.folder_picker.path())
        elif source == SOURCE_FILES:
            self._on_data_files_chosen()
        else:
            self._on_single_file_chosen(self.single_picker.path())

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.folder_radio.setChecked(True)
        self.folder_picker.set_path(item.text())
        self._on_data_folder_chosen(item.text())

    def _on_data_folder_chosen(self, path: str) -> None:
        """Record a data folder (with train/validation/test files) as the data source."""
        self.state.set_data_paths({DATA_FOLDER_KEY: path} if path else {})
        if path:
            self._settings.add_recent_data(path)
            self.refresh_recent()
            logger.info("Data folder chosen: %s", path)
        self.schedule_load()

    def _on_data_files_chosen(self, _path: str = "") -> None:
        """Record the separately chosen split files as the data source."""
        paths = {split: picker.path() for split, picker in self.split_pickers.items()}
        self.state.set_data_paths(paths)
        self.schedule_load()

    def _on_single_file_chosen(self, path: str) -> None:
        self.state.set_data_paths({DATA_SINGLE_FILE_KEY: path} if path else {})
        self.schedule_load()

    def _on_ratio_changed(self, *_args) -> None:
        total = sum(box.value() for box in self.ratio_boxes.values())
        if total != 100:
            set_message(self.ratio_error, self.tr("The shares add up to %1 %, not 100 %.")
                        .replace("%1", str(total)), error=True)
            return
        if self.ratio_boxes["train"].value() == 0:
            set_message(self.ratio_error, self.tr("The training share must be above 0 %."),
                        error=True)
            return
        set_message(self.ratio_error, "")
        if self._store_split_ratios() and self.source() == SOURCE_SINGLE:
            self.schedule_load()

    def _store_split_ratios(self) -> bool:
        ratios = [box.value() / 100 for box in self.ratio_boxes.values()]
        changed = self.state.data_options.get("split_ratios") != ratios
        self.state.set_data_option("split_ratios", ratios)
        return changed

    def _on_option_changed(self, name: str, value: object) -> None:
        self.state.set_data_option(name, value)
        self.schedule_load()

    # Loading.

    def schedule_load(self) -> None:
        """Load the data after a short pause, so that typing does not start a load per key."""
        self._load_generation += 1
        self._load_timer.start()

    def load_now(self) -> None:
        """Load the chosen data in a Worker with the engine's loader."""
        self._load_timer.stop()
        self._load_generation += 1
        generation = self._load_generation
        self.state.set_splits(None)
        self._show_error(None)
        try:
            config = data_config(self.state.snapshot())
        except ConfigError as error:
            self._show_error(error)
            return
        if config is None:
            set_message(self.load_status, self.tr("Choose the data files to see their classes "
                                                  "and rows."))
            self._show_splits(None)
            return

        set_message(self.load_status, self.tr("Loading and checking the data…"))
        seed = self.state.hyperparameters.get("seed", 13)
        self.start_task(load_data, config, seed, DEFAULT_NORMALIZATION,
                        on_finished=lambda splits: self._on_loaded(generation, splits),
                        on_failed=lambda error, text: self._on_load_failed(generation, error, text))

    def _on_loaded(self, generation: int, splits) -> None:
        if generation != self._load_generation:
            return
        self.state.set_splits(splits)
        logger.info("Data loaded: %d/%d/%d rows, %d classes", len(splits.train),
                    len(splits.validation), len(splits.test), len(splits.labels))

    def _on_load_failed(self, generation: int, error: BaseException, traceback_text: str) -> None:
        if generation != self._load_generation:
            return
        if isinstance(error, PefttError):
            self._show_error(error)
        else:
            self._show_error(error)
            self.sigError.emit(error, traceback_text)

    def _show_error(self, error: BaseException | None) -> None:
        """Show a loader error with its file and line, or hide the error box."""
        self.last_error = error if isinstance(error, PefttError) else None
        if error is None:
            self.error_group.hide()
            return
        set_message(self.load_status, "")
        path = getattr(error, "path", None)
        line = getattr(error, "line", None)
        self.error_file.setText(path or self.tr("(no file)"))
        self.error_line.setText(str(line) if line is not None else self.tr("(whole file)"))
        message = str(error)
        if isinstance(error, DataError) and ": " in message and path:
            # The message repeats "path, line N: " in front, which the rows above show.
            message = message.split(": ", 1)[1]
        self.error_message.setText(message)
        self.error_form.setRowVisible(0, bool(path))
        self.error_form.setRowVisible(1, bool(path))
        self.error_group.show()
        self._show_splits(None)

    # Showing the loaded data.

    def _on_state_changed(self, field: str) -> None:
        if field == "data_paths":
            paths = self.state.data_paths
            if DATA_FOLDER_KEY in paths and self.folder_picker.path() != paths[DATA_FOLDER_KEY]:
                self.folder_radio.setChecked(True)
                self.folder_picker.set_path(paths[DATA_FOLDER_KEY])
                self.schedule_load()
        elif field == "splits":
            self._show_splits(self.state.splits)
            self._lengths_cache = None
            self.schedule_lengths()
        elif field == "tokenizer":
            self._lengths_cache = None
            self.schedule_lengths()
        elif field == "template_text":
            self.schedule_lengths()
        elif field == "hyperparameters":
            hyperparameters = self.state.hyperparameters
            if hyperparameters.get("max_length") != getattr(self.length_stats, "max_length", None):
                self.schedule_lengths()
            if hyperparameters.get("seed") != self._seed:
                self._seed = hyperparameters.get("seed")
                if self.state.splits is not None or self.last_error is not None:
                    self.schedule_load()

    def _show_splits(self, splits) -> None:
        self.classes_table.setRowCount(0)
        self.preview_table.setRowCount(0)
        for group in (self.classes_group, self.preview_group, self.lengths_group):
            group.setVisible(splits is not None)
        if splits is None:
            self.class_chart.set_data([], {}, SPLIT_COLORS)
            self.notes_label.clear()
            return

        set_message(self.load_status, self.tr(
            "Loaded %1 training, %2 validation and %3 test rows in %4 classes.")
            .replace("%1", str(len(splits.train))).replace("%2", str(len(splits.validation)))
            .replace("%3", str(len(splits.test))).replace("%4", str(len(splits.labels))),
            success=True)
        counts = {split: splits.label_counts(split) for split in DATA_SPLITS}
        self.classes_table.setRowCount(len(splits.labels))
        for row, label in enumerate(splits.labels):
            self.classes_table.setItem(row, 0, QTableWidgetItem(label))
            for column, split in enumerate(DATA_SPLITS, start=1):
                item = QTableWidgetItem(str(counts[split][label]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.classes_table.setItem(row, column, item)
        # The table's split headers have the colours of the bars, which need no legend then.
        self.class_chart.set_data(
            list(splits.labels),
            {split: [counts[split][label] for label in splits.labels] for split in DATA_SPLITS},
            SPLIT_COLORS)

        notes = list(splits.notes)
        if splits.skipped:
            notes.append(self.tr("%1 bad lines were skipped.").replace("%1", str(splits.skipped)))
        self.notes_label.setText("\n".join("• " + note for note in notes))

        rows = splits.train[:PREVIEW_ROWS]
        self.preview_table.setRowCount(len(rows))
        for row, example in enumerate(rows):
            self.preview_table.setItem(row, 0, QTableWidgetItem(example.label))
            text_item = QTableWidgetItem(example.text)
            text_item.setFont(self._text_font)
            text_item.setToolTip(self.tr("%1, line %2").replace("%1", example.path)
                                 .replace("%2", str(example.line)))
            self.preview_table.setItem(row, 1, text_item)

    # Token lengths.

    def schedule_lengths(self) -> None:
        self._length_generation += 1
        self._length_timer.start()

    def measure_lengths_now(self) -> None:
        """Count the tokens of the training texts with the model's tokenizer in a Worker."""
        self._length_timer.stop()
        self._length_generation += 1
        generation = self._length_generation
        splits, tokenizer = self.state.splits, self.state.tokenizer
        if splits is None or tokenizer is None:
            self.length_stats = None
            self._show_lengths()
            return
        cached = None
        if self._lengths_cache and self._lengths_cache[0] is splits \
                and self._lengths_cache[1] is tokenizer:
            cached = self._lengths_cache[2]
        max_length = int(self.state.hyperparameters.get("max_length", 128))
        template = self.state.template_text if self.state.method_uses_prompt else ""
        self.start_task(measure_lengths, tokenizer, [row.text for row in splits.train], template,
                        max_length, DEFAULT_NORMALIZATION, cached,
                        on_finished=lambda stats: self._on_lengths(generation, splits,
                                                                   tokenizer, stats))

    def _on_lengths(self, generation: int, splits, tokenizer, stats) -> None:
        self._lengths_cache = (splits, tokenizer, stats.lengths)
        if generation != self._length_generation:
            return
        self.length_stats = stats
        self._show_lengths()

    def _show_lengths(self) -> None:
        stats = self.length_stats
        if stats is None:
            self.length_plot.set_values([], None)
            self.length_label.setText(self.tr(
                "Choose a model on the Model page to see how many tokens its tokenizer makes "
                "of each training text."))
            return
        self.length_plot.set_values(stats.lengths, stats.text_budget)
        if stats.truncated:
            text = self.tr("%1 of %2 training texts are longer than the %3 tokens that maximum "
                           "length %4 leaves for the text, and will be shortened.")
        else:
            text = self.tr("All %2 training texts fit in the %3 tokens that maximum length %4 "
                           "leaves for the text.")
        self.length_label.setText(text.replace("%1", str(stats.truncated))
                                  .replace("%2", str(len(stats.lengths)))
                                  .replace("%3", str(stats.text_budget))
                                  .replace("%4", str(stats.max_length)))
