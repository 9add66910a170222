"""Model page: choose a local model folder and see what the engine found in it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.errors import PefttError
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.settings import AppSettings
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.widgets import PathPicker, set_message

if TYPE_CHECKING:
    from peftt_gui.gui.build_model_dialog import BuildModelDialog

logger = logging.getLogger(__name__)

NOT_INSPECTED = "—"
DETAIL_KEYS = ("architecture", "parameters", "vocabulary", "tokenizer", "mlm_head",
               "max_length", "size", "linear_layers")
# Rows of training data that the tokenizer is checked on, as a run checks it.
TOKENIZER_SAMPLE_ROWS = 2000


class ModelPage(Page):
    """Pick the folder of a pre-trained masked language model (tokenizer + weights).

    Choosing a folder inspects it (config and file headers), then loads the tokenizer
    and lists the linear layers, each in a Worker. The results go to the project state.
    """

    key = "model"

    def __init__(self, state: ProjectState, settings: AppSettings,
                 parent: QWidget | None = None):
        super().__init__(state, parent)
        self._settings = settings
        # Increases with each folder choice, so that results for an older choice are dropped.
        self._generation = 0
        self._parts_loading = False
        self._tokenizer_checked = False
        self._tokenizer_notes: tuple[str, ...] = ()
        # "", "inspecting", "loading", "ready" or "failed", with the message of a failure.
        self._phase = ""
        self._error = ""
        self.build_dialog: BuildModelDialog | None = None

        self.folder_group = QGroupBox(self)
        self.folder_picker = PathPicker(self, folder=True)
        self.folder_picker.sigPathChosen.connect(self._on_model_folder_chosen)
        self.build_button = QPushButton(self)
        self.build_button.clicked.connect(self.open_build_dialog)
        self.build_note = QLabel(self)
        self.build_note.setWordWrap(True)
        folder_layout = QVBoxLayout(self.folder_group)
        folder_layout.addWidget(self.folder_picker)
        build_row = QHBoxLayout()
        build_row.addWidget(self.build_button)
        build_row.addWidget(self.build_note, 1)
        folder_layout.addLayout(build_row)

        self.recent_group = QGroupBox(self)
        self.recent_list = QListWidget(self)
        self.recent_list.setMaximumHeight(84)
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        recent_layout = QVBoxLayout(self.recent_group)
        recent_layout.addWidget(self.recent_list)

        # One row per fact of the engine's folder inspection and model loading.
        self.details_group = QGroupBox(self)
        self.details_form = QFormLayout(self.details_group)
        self.detail_labels: dict[str, QLabel] = {}
        for key in DETAIL_KEYS:
            value = QLabel(NOT_INSPECTED, self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.detail_labels[key] = value
            self.details_form.addRow(QLabel(), value)
        self.status_message = QLabel(self)
        self.status_message.setWordWrap(True)
        self.status_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_form.addRow(self.status_message)
        self.notes_label = QLabel(self)
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_form.addRow(self.notes_label)

        self.body.addWidget(self.folder_group)
        self.body.addWidget(self.recent_group)
        self.body.addWidget(self.details_group)
        self.body.addStretch(1)

        state.sigChanged.connect(self._on_state_changed)
        self.refresh_recent()
        self.retranslate()

    def description(self) -> str:
        return self.tr("Choose the folder of a pre-trained Tibetan masked language model "
                       "(its tokenizer and weights). Models are loaded offline from this "
                       "folder only; nothing is downloaded.")

    def retranslate(self) -> None:
        super().retranslate()
        self.folder_group.setTitle(self.tr("Model folder"))
        self.folder_picker.set_dialog_title(self.tr("Open model folder"))
        self.build_button.setText(self.tr("Build a local model from my corpus…"))
        self.build_note.setText(self.tr("No model yet? Train a small Tibetan model from "
                                        "your own text files on this computer."))
        self.recent_group.setTitle(self.tr("Recent models"))
        self.details_group.setTitle(self.tr("Model details"))
        names = {
            "architecture": self.tr("Architecture:"),
            "parameters": self.tr("Parameters:"),
            "vocabulary": self.tr("Vocabulary size:"),
            "tokenizer": self.tr("Tokenizer:"),
            "mlm_head": self.tr("Masked-LM head:"),
            "max_length": self.tr("Maximum sequence length:"),
            "size": self.tr("Layers:"),
            "linear_layers": self.tr("Linear layers (LoRA targets):"),
        }
        for row, key in enumerate(self.detail_labels):
            self.details_form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(
                names[key])
        self._show_details()

    # Choosing a folder.

    def refresh_recent(self) -> None:
        self.recent_list.clear()
        for path in self._settings.recent_models():
            item = QListWidgetItem(path, self.recent_list)
            item.setToolTip(path)

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self._on_model_folder_chosen(item.text())

    def _on_model_folder_chosen(self, path: str) -> None:
        """Record the chosen folder, remember it and inspect it in a Worker."""
        self.folder_picker.set_path(path)
        self.state.set_model_folder(path)
        self._generation += 1
        self._tokenizer_checked = False
        self._error = ""
        if path:
            self._settings.add_recent_model(path)
            self.refresh_recent()
            logger.info("Model folder chosen: %s", path)
            self._phase = "inspecting"
            generation = self._generation
            # tasks loads lazily, so that the window can show before it is imported.
            from peftt_gui.gui.tasks import inspect_model

            self.start_task(inspect_model, path,
                            on_finished=lambda info: self._on_inspected(generation, info),
                            on_failed=lambda error, text: self._on_failed(generation, error, text))
        else:
            self._phase = ""
        self._show_details()

    def _on_inspected(self, generation: int, info) -> None:
        if generation != self._generation:
            return
        self.state.set_model_info(info)
        self._load_parts()

    def _load_parts(self) -> None:
        """Load the tokenizer (checked on training rows when the data is loaded) and layers."""
        info = self.state.model_info
        if info is None or self._parts_loading:
            return
        splits = self.state.splits
        texts = [row.text for row in splits.train[:TOKENIZER_SAMPLE_ROWS]] if splits else []
        self._parts_loading = True
        self._phase = "loading"
        generation = self._generation
        from peftt_gui.gui.tasks import load_model_parts

        self.start_task(load_model_parts, info, texts,
                        on_finished=lambda parts: self._on_parts_loaded(generation, parts),
                        on_failed=lambda error, text: self._on_failed(generation, error, text))
        self._show_details()

    def _on_parts_loaded(self, generation: int, parts) -> None:
        self._parts_loading = False
        if generation != self._generation:
            self._load_parts()
            return
        self._tokenizer_checked = parts.tokenizer_checked
        self._tokenizer_notes = parts.tokenizer_notes
        self._phase = "ready"
        self.state.set_tokenizer(parts.tokenizer)
        self.state.set_linear_layers(parts.linear_layers)
        self._show_details()
        # The data may have loaded while the tokenizer did: check it on those rows too.
        if self.state.splits is not None and not self._tokenizer_checked:
            self._load_parts()

    def _on_failed(self, generation: int, error: BaseException, traceback_text: str) -> None:
        self._parts_loading = False
        if generation != self._generation:
            return
        self._phase = "failed"
        if isinstance(error, PefttError):
            self._error = str(error)
        else:
            self._error = f"{type(error).__name__}: {error}"
            self.sigError.emit(error, traceback_text)
        self._show_details()

    # Showing what is known.

    def _show_details(self) -> None:
        info = self.state.model_info
        values = dict.fromkeys(DETAIL_KEYS, NOT_INSPECTED)
        locale = QLocale()
        if info is not None:
            architecture = ", ".join(info.architectures) or info.model_type
            values["architecture"] = f"{architecture} ({info.model_type})"
            if info.parameter_count is not None:
                values["parameters"] = locale.toString(info.parameter_count)
            values["vocabulary"] = locale.toString(info.vocab_size)
            values["tokenizer"] = f"{info.tokenizer_kind} ({', '.join(info.tokenizer_files)})"
            values["mlm_head"] = self.tr("yes") if info.has_mlm_head else self.tr(
                "no: only the methods with a classification head can use this model")
            values["max_length"] = locale.toString(info.max_positions)
            values["size"] = (self.tr("%1 layers, hidden size %2, %3 attention heads")
                              .replace("%1", str(info.num_layers))
                              .replace("%2", str(info.hidden_size))
                              .replace("%3", str(info.num_heads)))
        if self.state.linear_layers:
            values["linear_layers"] = ", ".join(self.state.linear_layers)
        for key, label in self.detail_labels.items():
            label.setText(values[key])

        notes = list(info.notes) if info is not None else []
        if self.state.tokenizer is not None:
            notes += list(self._tokenizer_notes)
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        self._show_phase()

    def _show_phase(self) -> None:
        phase = self._phase
        if phase == "inspecting":
            set_message(self.status_message, self.tr("Inspecting the folder…"))
        elif phase == "loading":
            set_message(self.status_message,
                        self.tr("Loading the tokenizer and listing the layers…"))
        elif phase == "failed":
            set_message(self.status_message, self._error, error=True)
        elif phase == "ready" and self.state.tokenizer is not None:
            size = QLocale().toString(len(self.state.tokenizer))
            text = self.tr("Ready: the tokenizer has %1 tokens.").replace("%1", size)
            if self._tokenizer_checked:
                text += " " + self.tr("It was checked on your training rows.")
            set_message(self.status_message, text, success=True)
        else:
            set_message(self.status_message, self.tr(
                "The details appear once the engine has inspected the folder."))

    def _on_state_changed(self, field: str) -> None:
        if field == "model_folder" and self.folder_picker.path() != self.state.model_folder:
            self._on_model_folder_chosen(self.state.model_folder)
        elif field == "splits" and self.state.splits is not None and self.state.model_info \
                and not self._tokenizer_checked:
            self._load_parts()

    # Building a model.

    def open_build_dialog(self) -> BuildModelDialog:
        """Show the dialog that builds a model from the user's corpus (non-modal)."""
        if self.build_dialog is None:
            from peftt_gui.gui.build_model_dialog import BuildModelDialog

            self.build_dialog = BuildModelDialog(self)
            self.build_dialog.sigModelBuilt.connect(self._on_model_folder_chosen)
            self.build_dialog.sigError.connect(self.sigError)
        self.build_dialog.show()
        self.build_dialog.raise_()
        return self.build_dialog

    def stop_tasks(self, timeout_ms: int = 30_000) -> bool:
        stopped = super().stop_tasks(timeout_ms)
        if self.build_dialog is not None:
            stopped = self.build_dialog.stop_build(timeout_ms) and stopped
        return stopped
