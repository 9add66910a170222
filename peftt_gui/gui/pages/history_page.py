"""History page: the stored runs with their settings and scores."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.state import ProjectState

COLUMN_KEYS = ("started", "model", "method", "data", "best_epoch", "validation_macro_f1",
               "test_macro_f1", "status")


class HistoryPage(Page):
    """A table of past runs; a run can be opened or deleted."""

    key = "history"
    icon_name = "history"

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)

        self.model = QStandardItemModel(0, len(COLUMN_KEYS), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.open_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.load_history)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)

        self.body.addWidget(self.empty_label)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(buttons)

        self._update_buttons()
        self.retranslate()
        self.load_history()

    def title(self) -> str:
        return self.tr("History")

    def description(self) -> str:
        return self.tr("Every training run is stored with its settings, its scores per "
                       "epoch and its weights.")

    def retranslate(self) -> None:
        super().retranslate()
        headers = [self.tr("Started"), self.tr("Model"), self.tr("Method"), self.tr("Data"),
                   self.tr("Best epoch"), self.tr("Validation macro-F1"),
                   self.tr("Test macro-F1"), self.tr("Status")]
        self.model.setHorizontalHeaderLabels(headers)
        self.open_button.setText(self.tr("Open run"))
        self.delete_button.setText(self.tr("Delete run"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.empty_label.setText(self.tr("No runs yet. Runs appear here once training "
                                         "has been started from the Train page."))

    def load_history(self) -> None:
        """Reload the table from the run history."""
        self.model.removeRows(0, self.model.rowCount())
        # TODO: read the runs with peftt_gui.core.storage.RunStorage (frozen dataclasses,
        # newest first) in a Worker and add one row per run with COLUMN_KEYS; pass a
        # StorageError (for example a schema that needs upgrading) to the notifier.
        self.empty_label.setVisible(self.model.rowCount() == 0)

    def _update_buttons(self, *_args) -> None:
        # TODO: enable Open (per-epoch curves and confusion matrix of the run) and Delete
        # (through RunStorage) for a selected run once the storage lands.
        self.open_button.setEnabled(False)
        self.delete_button.setEnabled(False)
