"""Dialog that builds a small Tibetan BERT from the user's text files.

It runs ``core.build_model.build_local_model`` in a Worker: a tokenizer is trained on
the files, then a masked LM is pre-trained until the time limit. Stop ends
pre-training early, and the model trained so far is still saved.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.errors import PefttError
from peftt_gui.gui.tasks import build_model
from peftt_gui.gui.widgets import PathPicker, format_duration, set_message
from peftt_gui.gui.worker import Worker

logger = logging.getLogger(__name__)

# Model sizes offered in the dialog, as build_local_model arguments. "default" is the
# engine's default shape; "small" trains about four times faster per step on a CPU.
SIZE_PRESETS = {
    "small": {"vocab_size": 4000, "layers": 2, "hidden": 128, "heads": 2, "intermediate": 512},
    "default": {"vocab_size": 8000, "layers": 4, "hidden": 256, "heads": 4, "intermediate": 1024},
}
DEFAULT_TIME_LIMIT_MIN = 15
DEFAULT_OUTPUT_FOLDER = Path.home() / "peftt-models" / "local-model"


class BuildModelDialog(QDialog):
    """Choose corpus files, a size and a time limit; build; ``sigModelBuilt(folder)``."""

    sigModelBuilt = Signal(str)
    sigError = Signal(object, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker: Worker | None = None
        self.setMinimumWidth(560)

        self.corpus_list = QListWidget(self)
        self.corpus_list.setMinimumHeight(90)
        self.add_files_button = QPushButton(self)
        self.add_files_button.clicked.connect(self._choose_corpus_files)
        self.remove_files_button = QPushButton(self)
        self.remove_files_button.clicked.connect(self._remove_selected_files)
        file_buttons = QVBoxLayout()
        file_buttons.addWidget(self.add_files_button)
        file_buttons.addWidget(self.remove_files_button)
        file_buttons.addStretch(1)
        corpus_row = QHBoxLayout()
        corpus_row.addWidget(self.corpus_list, 1)
        corpus_row.addLayout(file_buttons)

        self.size_combo = QComboBox(self)
        for preset in SIZE_PRESETS:
            self.size_combo.addItem(preset, preset)
        self.size_combo.setCurrentIndex(self.size_combo.findData("default"))
        self.time_limit = QSpinBox(self)
        self.time_limit.setRange(1, 24 * 60)
        self.time_limit.setValue(DEFAULT_TIME_LIMIT_MIN)
        self.output_picker = PathPicker(self, folder=True)
        self.output_picker.set_path(str(DEFAULT_OUTPUT_FOLDER))

        self.form = QFormLayout()
        self.form.addRow(QLabel(self), corpus_row)
        self.form.addRow(QLabel(self), self.size_combo)
        self.form.addRow(QLabel(self), self.time_limit)
        self.form.addRow(QLabel(self), self.output_picker)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.clicked.connect(self.start_build)
        self.stop_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.stop_button.clicked.connect(self._on_stop_clicked)
        self.stop_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.close)

        layout = QVBoxLayout(self)
        self.intro_label = QLabel(self)
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        layout.addLayout(self.form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Build a local model"))
        self.intro_label.setText(self.tr(
            "Trains a tokenizer and a small BERT masked language model on your Tibetan text "
            "files (one text per line, or label, tab, text). Everything runs on this "
            "computer; the model is saved when the time limit is reached or you press Stop."))
        labels = [self.tr("Corpus files:"), self.tr("Model size:"), self.tr("Time limit:"),
                  self.tr("Save the model in:")]
        for row, text in enumerate(labels):
            self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(text)
        self.add_files_button.setText(self.tr("Add files…"))
        self.remove_files_button.setText(self.tr("Remove"))
        sizes = {"small": self.tr("Small (2 layers, fastest)"),
                 "default": self.tr("Default (4 layers)")}
        for index in range(self.size_combo.count()):
            self.size_combo.setItemText(index, sizes[self.size_combo.itemData(index)])
        self.time_limit.setSuffix(self.tr(" min"))
        self.time_limit.setToolTip(self.tr("Pre-training stops after this many minutes."))
        self.output_picker.set_dialog_title(self.tr("Folder for the new model"))
        self.start_button.setText(self.tr("Build"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("End pre-training now and save the model "
                                            "trained so far."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Inputs.

    def corpus_files(self) -> list[str]:
        return [self.corpus_list.item(row).text() for row in range(self.corpus_list.count())]

    def add_corpus_files(self, paths: list[str]) -> None:
        present = set(self.corpus_files())
        for path in paths:
            if path not in present:
                self.corpus_list.addItem(path)
                present.add(path)

    def _choose_corpus_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose Tibetan text files"), str(Path.home()),
            self.tr("Text files (*.txt *.tsv);;All files (*)"))
        self.add_corpus_files(paths)

    def _remove_selected_files(self) -> None:
        for item in self.corpus_list.selectedItems():
            self.corpus_list.takeItem(self.corpus_list.row(item))

    def settings(self) -> dict[str, object]:
        """Return the build_local_model arguments of the chosen size and time limit."""
        preset = SIZE_PRESETS[self.size_combo.currentData()]
        return {**preset, "time_limit_s": self.time_limit.value() * 60.0}

    # Building.

    def is_building(self) -> bool:
        return self.worker is not None and self.worker.is_running()

    def start_build(self) -> None:
        if self.is_building():
            return
        files = self.corpus_files()
        out_dir = self.output_picker.path()
        if not files:
            set_message(self.status_label, self.tr("Add at least one corpus file."), error=True)
            return
        if not out_dir:
            set_message(self.status_label, self.tr("Choose the folder for the new model."),
                        error=True)
            return

        logger.info("Building a local model from %d files into %s", len(files), out_dir)
        self.worker = Worker(build_model, files, out_dir, self.settings())
        self.worker.sigProgress.connect(self._on_progress)
        self.worker.sigFinished.connect(self._on_finished)
        self.worker.sigFailed.connect(self._on_failed)
        self._set_running(True)
        set_message(self.status_label, self.tr("Reading the corpus…"))
        self.worker.start()

    def _on_stop_clicked(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.stop_button.setEnabled(False)
            set_message(self.status_label, self.tr("Stopping; the model trained so far is "
                                                   "being saved…"))

    def stop_build(self, timeout_ms: int = 30_000) -> bool:
        """Stop a running build and wait for it; False if it did not end in time."""
        if self.worker is None:
            return True
        self.worker.cancel()
        return self.worker.wait(timeout_ms)

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        for widget in (self.corpus_list, self.add_files_button, self.remove_files_button,
                       self.size_combo, self.time_limit, self.output_picker):
            widget.setEnabled(not running)

    def _on_progress(self, report) -> None:
        phases = {
            "tokenizer": self.tr("Training the tokenizer…"),
            "tokenize": self.tr("Tokenizing the corpus…"),
            "evaluate": self.tr("Measuring the loss on held-out text…"),
            "save": self.tr("Saving the model…"),
        }
        if report.phase == "pretrain" and report.total_steps:
            self.progress_bar.setRange(0, report.total_steps)
            self.progress_bar.setValue(min(report.step, report.total_steps))
            text = (self.tr("Pre-training: step %1 of about %2").replace("%1", str(report.step))
                    .replace("%2", str(report.total_steps)))
            if report.loss is not None:
                text += self.tr(", loss %1").replace("%1", f"{report.loss:.3f}")
            if report.eta_s is not None:
                text += self.tr(", %1 left").replace("%1", format_duration(report.eta_s))
        else:
            self.progress_bar.setRange(0, 0)
            text = phases.get(report.phase, report.phase)
        set_message(self.status_label, text)

    def _on_finished(self, report) -> None:
        self._set_running(False)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        folder = str(report.model_dir)
        set_message(self.status_label,
                    self.tr("The model was saved in %1 and is now selected.").replace("%1", folder),
                    success=True)
        self.sigModelBuilt.emit(folder)

    def _on_failed(self, error: BaseException, traceback_text: str) -> None:
        self._set_running(False)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        if isinstance(error, PefttError):
            set_message(self.status_label, str(error), error=True)
        else:
            set_message(self.status_label, f"{type(error).__name__}: {error}", error=True)
            self.sigError.emit(error, traceback_text)
