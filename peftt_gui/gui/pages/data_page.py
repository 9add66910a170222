"""Data page: choose a data folder or separate train/validation/test files."""

from __future__ import annotations

import logging

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
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.settings import AppSettings
from peftt_gui.gui.state import DATA_FOLDER_KEY, DATA_SPLITS, ProjectState
from peftt_gui.gui.widgets import PathPicker

logger = logging.getLogger(__name__)

PREVIEW_ROWS = 20


class DataPage(Page):
    """Pick labelled Tibetan text for training, validation and test."""

    key = "data"
    icon_name = "data"

    def __init__(self, state: ProjectState, settings: AppSettings,
                 parent: QWidget | None = None):
        super().__init__(state, parent)
        self._settings = settings

        # Where the data comes from: one folder, or one file per split.
        self.source_group = QGroupBox(self)
        self.folder_radio = QRadioButton(self)
        self.files_radio = QRadioButton(self)
        self.folder_radio.setChecked(True)
        self._source_buttons = QButtonGroup(self)
        self._source_buttons.addButton(self.folder_radio)
        self._source_buttons.addButton(self.files_radio)
        self._source_buttons.buttonToggled.connect(self._on_source_toggled)

        self.folder_picker = PathPicker(self, folder=True)
        self.folder_picker.sigPathChosen.connect(self._on_data_folder_chosen)
        self.split_pickers = {split: PathPicker(self, folder=False) for split in DATA_SPLITS}
        for picker in self.split_pickers.values():
            picker.sigPathChosen.connect(self._on_data_files_chosen)

        self.files_form = QFormLayout()
        for picker in self.split_pickers.values():
            self.files_form.addRow(QLabel(), picker)
        self.format_label = QLabel(self)
        self.format_label.setWordWrap(True)

        source_layout = QVBoxLayout(self.source_group)
        radio_row = QHBoxLayout()
        radio_row.addWidget(self.folder_radio)
        radio_row.addWidget(self.files_radio)
        radio_row.addStretch(1)
        source_layout.addLayout(radio_row)
        source_layout.addWidget(self.folder_picker)
        source_layout.addLayout(self.files_form)
        source_layout.addWidget(self.format_label)

        self.recent_group = QGroupBox(self)
        self.recent_list = QListWidget(self)
        self.recent_list.setMaximumHeight(110)
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        QVBoxLayout(self.recent_group).addWidget(self.recent_list)

        # Filled by the engine's loader: class counts per split and the first rows.
        self.classes_group = QGroupBox(self)
        self.classes_table = QTableWidget(0, 4, self)
        self.classes_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.classes_table.setMinimumHeight(120)
        self.preview_group = QGroupBox(self)
        self.preview_table = QTableWidget(0, 2, self)
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        self.preview_table.setMinimumHeight(160)
        self.data_note = QLabel(self)
        self.data_note.setWordWrap(True)
        QVBoxLayout(self.classes_group).addWidget(self.classes_table)
        QVBoxLayout(self.preview_group).addWidget(self.preview_table)

        self.body.addWidget(self.source_group)
        self.body.addWidget(self.recent_group)
        self.body.addWidget(self.data_note)
        self.body.addWidget(self.classes_group)
        self.body.addWidget(self.preview_group, 1)

        state.sigChanged.connect(self._on_state_changed)
        self._on_source_toggled()
        self.refresh_recent()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Data")

    def description(self) -> str:
        return self.tr("Choose labelled Tibetan text for training, validation and test. "
                       "The classes are taken from the training split.")

    def retranslate(self) -> None:
        super().retranslate()
        self.source_group.setTitle(self.tr("Data files"))
        self.folder_radio.setText(self.tr("One folder with train, validation and test files"))
        self.files_radio.setText(self.tr("Separate files"))
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
        self.format_label.setText(self.tr(
            "Formats: one example per line as label, tab, text (.txt, .tsv); CSV; JSONL."))
        self.recent_group.setTitle(self.tr("Recent data"))
        self.classes_group.setTitle(self.tr("Classes"))
        self.classes_table.setHorizontalHeaderLabels(
            [self.tr("Class"), self.tr("Training"), self.tr("Validation"), self.tr("Test")])
        self.preview_group.setTitle(self.tr("First rows of the training split"))
        self.preview_table.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Text")])
        self.data_note.setText(self.tr(
            "Class counts and a preview appear once the engine has loaded the data."))

    def refresh_recent(self) -> None:
        self.recent_list.clear()
        for path in self._settings.recent_data():
            item = QListWidgetItem(path, self.recent_list)
            item.setToolTip(path)

    def _on_source_toggled(self, *_args) -> None:
        use_folder = self.folder_radio.isChecked()
        self.folder_picker.setVisible(use_folder)
        for row in range(self.files_form.rowCount()):
            self.files_form.setRowVisible(row, not use_folder)
        if use_folder:
            self._on_data_folder_chosen(self.folder_picker.path())
        else:
            self._on_data_files_chosen()

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
        self._load_data()

    def _on_data_files_chosen(self, _path: str = "") -> None:
        """Record the separately chosen split files as the data source."""
        paths = {split: picker.path() for split, picker in self.split_pickers.items()}
        self.state.set_data_paths(paths)
        self._load_data()

    def _load_data(self) -> None:
        self.classes_table.setRowCount(0)
        self.preview_table.setRowCount(0)
        # TODO: load the splits with peftt_gui.core.data.load_splits in a Worker once the
        # engine has loaded. Then fill classes_table (counts per split) and the first
        # PREVIEW_ROWS rows of preview_table, call state.set_labels() with the training
        # labels, and pass a DataError (file, line, value) to the notifier.

    def _on_state_changed(self, field: str) -> None:
        if field != "data_paths":
            return
        paths = self.state.data_paths
        if DATA_FOLDER_KEY in paths and self.folder_picker.path() != paths[DATA_FOLDER_KEY]:
            self.folder_radio.setChecked(True)
            self.folder_picker.set_path(paths[DATA_FOLDER_KEY])
