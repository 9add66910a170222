"""Model page: choose a local model folder and see what the engine found in it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.settings import AppSettings
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.widgets import PathPicker

logger = logging.getLogger(__name__)

NOT_INSPECTED = "—"


class ModelPage(Page):
    """Pick the folder of a pre-trained masked language model (tokenizer + weights)."""

    key = "model"
    icon_name = "model"

    def __init__(self, state: ProjectState, settings: AppSettings,
                 parent: QWidget | None = None):
        super().__init__(state, parent)
        self._settings = settings

        self.folder_group = QGroupBox(self)
        self.folder_picker = PathPicker(self, folder=True)
        self.folder_picker.sigPathChosen.connect(self._on_model_folder_chosen)
        folder_layout = QVBoxLayout(self.folder_group)
        folder_layout.addWidget(self.folder_picker)

        self.recent_group = QGroupBox(self)
        self.recent_list = QListWidget(self)
        self.recent_list.setMaximumHeight(140)
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        recent_layout = QVBoxLayout(self.recent_group)
        recent_layout.addWidget(self.recent_list)

        # One row per fact that the engine's folder inspection reports.
        self.details_group = QGroupBox(self)
        self.details_form = QFormLayout(self.details_group)
        self.detail_labels: dict[str, QLabel] = {}
        for key in ("architecture", "parameters", "vocabulary", "max_length", "linear_layers"):
            value = QLabel(NOT_INSPECTED, self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_labels[key] = value
            self.details_form.addRow(QLabel(), value)
        self.details_note = QLabel(self)
        self.details_note.setWordWrap(True)
        self.details_form.addRow(self.details_note)

        self.body.addWidget(self.folder_group)
        self.body.addWidget(self.recent_group)
        self.body.addWidget(self.details_group)
        self.body.addStretch(1)

        state.sigChanged.connect(self._on_state_changed)
        self.refresh_recent()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Model")

    def description(self) -> str:
        return self.tr("Choose the folder of a pre-trained Tibetan masked language model "
                       "(its tokenizer and weights). Models are loaded offline from this "
                       "folder only; nothing is downloaded.")

    def retranslate(self) -> None:
        super().retranslate()
        self.folder_group.setTitle(self.tr("Model folder"))
        self.folder_picker.set_dialog_title(self.tr("Open model folder"))
        self.recent_group.setTitle(self.tr("Recent models"))
        self.details_group.setTitle(self.tr("Model details"))
        names = {
            "architecture": self.tr("Architecture:"),
            "parameters": self.tr("Parameters:"),
            "vocabulary": self.tr("Vocabulary size:"),
            "max_length": self.tr("Maximum sequence length:"),
            "linear_layers": self.tr("Linear layers (LoRA targets):"),
        }
        for row, key in enumerate(self.detail_labels):
            self.details_form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(
                names[key])
        self.details_note.setText(self.tr(
            "The details appear once the engine has inspected the folder."))

    def refresh_recent(self) -> None:
        self.recent_list.clear()
        for path in self._settings.recent_models():
            item = QListWidgetItem(path, self.recent_list)
            item.setToolTip(path)

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self._on_model_folder_chosen(item.text())

    def _on_model_folder_chosen(self, path: str) -> None:
        """Record the chosen folder and remember it in the recent list."""
        self.folder_picker.set_path(path)
        self.state.set_model_folder(path)
        if path:
            self._settings.add_recent_model(path)
            self.refresh_recent()
            logger.info("Model folder chosen: %s", path)
        for label in self.detail_labels.values():
            label.setText(NOT_INSPECTED)
        # TODO: inspect the folder with peftt_gui.core.models (ModelInfo) in a Worker once
        # the engine has loaded. Then fill detail_labels from the ModelInfo, offer its
        # linear layer names on the Method page as LoRA targets, and pass a ModelError
        # to the notifier.

    def _on_state_changed(self, field: str) -> None:
        if field == "model_folder" and self.folder_picker.path() != self.state.model_folder:
            self.folder_picker.set_path(self.state.model_folder)
