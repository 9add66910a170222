"""The History page's view of one run: overview and edits, settings, curves, test results."""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.gui.fonts import tibetan_editor_font
from peftt_gui.gui.history_model import status_text
from peftt_gui.gui.methods import method_title
from peftt_gui.gui.plots import BarChart, ConfusionHeatmap, LivePlot
from peftt_gui.gui.widgets import format_duration

LOSS_COLOR = "#1d5fb4"
MACRO_F1_COLOR = "#b35000"
ACCURACY_COLOR = "#2a7a2e"
TEST_F1_COLOR = "#7b3fb5"
OVERVIEW_KEYS = ("status", "created", "duration", "model", "method", "validation", "test",
                 "trainable", "weights", "error")
RESUMABLE_STATUSES = ("interrupted", "cancelled", "failed")


class RunDetailsView(QTabWidget):
    """Tabs with every stored fact of one run; emits the user's edits as signals."""

    sigRename = Signal(int, str)
    sigSaveNotes = Signal(int, str)
    sigSaveTags = Signal(int, list)
    sigDelete = Signal(int)
    sigResume = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.details = None
        self._build_overview()
        self._build_settings()
        self._build_curves()
        self._build_results()
        self.retranslate()
        self.show_details(None)

    # Construction.

    def _build_overview(self) -> None:
        self.overview = QWidget(self)
        self.name_edit = QLineEdit(self)
        self.rename_button = QPushButton(self)
        self.rename_button.clicked.connect(self._on_rename)
        self.overview_form = QFormLayout()
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.rename_button)
        self.overview_form.addRow(QLabel(self), name_row)
        self.overview_values: dict[str, QLabel] = {}
        for key in OVERVIEW_KEYS:
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.overview_values[key] = value
            self.overview_form.addRow(QLabel(self), value)

        self.tags_edit = QLineEdit(self)
        self.save_tags_button = QPushButton(self)
        self.save_tags_button.clicked.connect(self._on_save_tags)
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.tags_edit, 1)
        tags_row.addWidget(self.save_tags_button)
        self.overview_form.addRow(QLabel(self), tags_row)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(80)
        self.save_notes_button = QPushButton(self)
        self.save_notes_button.clicked.connect(self._on_save_notes)
        notes_row = QHBoxLayout()
        notes_row.addWidget(self.notes_edit, 1)
        notes_row.addWidget(self.save_notes_button, 0, Qt.AlignmentFlag.AlignTop)
        self.overview_form.addRow(QLabel(self), notes_row)

        self.resume_button = QPushButton(self)
        self.resume_button.clicked.connect(lambda: self._emit_for_run(self.sigResume))
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(lambda: self._emit_for_run(self.sigDelete))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self.overview)
        layout.addLayout(self.overview_form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        # The form is taller than the tab in a Tibetan interface, so it scrolls.
        self.overview_scroll = QScrollArea(self)
        self.overview_scroll.setWidgetResizable(True)
        self.overview_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.overview_scroll.setWidget(self.overview)
        self.addTab(self.overview_scroll, "")

    def _build_settings(self) -> None:
        self.settings_tab = QWidget(self)
        self.template_view = QPlainTextEdit(self)
        self.template_view.setReadOnly(True)
        self.template_view.setFont(tibetan_editor_font())
        self.template_view.setMaximumHeight(70)
        self.verbalizer_table = QTableWidget(0, 2, self)
        self.verbalizer_table.verticalHeader().setVisible(False)
        self.verbalizer_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.verbalizer_table.horizontalHeader().setStretchLastSection(True)
        self.verbalizer_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.config_view = QPlainTextEdit(self)
        self.config_view.setReadOnly(True)
        self.config_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.settings_labels = [QLabel(self) for _ in range(3)]

        # Template and label words on the left, the whole config on the right.
        layout = QVBoxLayout(self.settings_tab)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.settings_labels[0])
        left.addWidget(self.template_view)
        left.addWidget(self.settings_labels[1])
        left.addWidget(self.verbalizer_table, 1)
        right = QVBoxLayout()
        right.addWidget(self.settings_labels[2])
        right.addWidget(self.config_view, 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        self.addTab(self.settings_tab, "")

    def _build_curves(self) -> None:
        self.curves_tab = QWidget(self)
        self.loss_plot = LivePlot(self)
        self.loss_plot.add_curve("loss", "", LOSS_COLOR)
        self.metrics_plot = LivePlot(self)
        self.metrics_plot.add_curve("macro_f1", "", MACRO_F1_COLOR, width=2, symbol="o")
        self.metrics_plot.add_curve("accuracy", "", ACCURACY_COLOR, width=2, symbol="o")
        self.metrics_plot.set_y_range(0.0, 1.0)
        layout = QHBoxLayout(self.curves_tab)
        layout.addWidget(self.loss_plot)
        layout.addWidget(self.metrics_plot)
        self.addTab(self.curves_tab, "")

    def _build_results(self) -> None:
        self.results_tab = QWidget(self)
        self.results_note = QLabel(self)
        self.results_note.setWordWrap(True)
        self.class_f1_chart = BarChart(self)
        self.confusion = ConfusionHeatmap(self)
        charts = QHBoxLayout()
        charts.addWidget(self.class_f1_chart, 1)
        charts.addWidget(self.confusion, 1)
        layout = QVBoxLayout(self.results_tab)
        layout.addWidget(self.results_note)
        layout.addLayout(charts, 1)
        self.addTab(self.results_tab, "")

    # Texts.

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Overview"))
        self.setTabText(1, self.tr("Settings"))
        self.setTabText(2, self.tr("Curves"))
        self.setTabText(3, self.tr("Test results"))
        names = [self.tr("Name:"), self.tr("Status:"), self.tr("Created:"), self.tr("Duration:"),
                 self.tr("Model:"), self.tr("Method:"), self.tr("Validation:"), self.tr("Test:"),
                 self.tr("Trainable parameters:"), self.tr("Weights:"), self.tr("Error:"),
                 self.tr("Tags:"), self.tr("Notes:")]
        for row, name in enumerate(names):
            self.overview_form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(name)

        self.rename_button.setText(self.tr("Rename"))
        self.save_tags_button.setText(self.tr("Save tags"))
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.save_notes_button.setText(self.tr("Save notes"))
        self.resume_button.setText(self.tr("Resume run"))
        self.resume_button.setToolTip(self.tr(
            "Continue this run from its last checkpoint on the Train page."))
        self.delete_button.setText(self.tr("Delete run"))

        self.settings_labels[0].setText(self.tr("Template:"))
        self.settings_labels[1].setText(self.tr("Label words:"))
        self.settings_labels[2].setText(self.tr("Full configuration:"))
        self.verbalizer_table.setHorizontalHeaderLabels([self.tr("Class"), self.tr("Label words")])

        self.loss_plot.set_labels(left=self.tr("Loss"), bottom=self.tr("Step"))
        self.loss_plot.set_curve_name("loss", self.tr("Training loss"))
        self.metrics_plot.set_labels(left=self.tr("Validation"), bottom=self.tr("Epoch"))
        self.metrics_plot.set_curve_name("macro_f1", self.tr("macro-F1"))
        self.metrics_plot.set_curve_name("accuracy", self.tr("Accuracy"))
        self.class_f1_chart.set_labels(bottom=self.tr("Test F1 per class"))
        self.confusion.set_labels(left=self.tr("True class"), bottom=self.tr("Predicted class"))
        self.show_details(self.details)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Content.

    def run_id(self) -> int | None:
        return self.details.record.id if self.details is not None else None

    def show_details(self, details) -> None:
        """Show a ``tasks.RunDetails`` (None clears the view)."""
        self.details = details
        self.setEnabled(details is not None)
        record = details.record if details is not None else None
        self._show_overview(record)
        self._show_settings(record)
        self._show_curves(details)
        self._show_results(record)

    def _show_overview(self, record) -> None:
        values = dict.fromkeys(OVERVIEW_KEYS, "")
        if record is not None:
            locale = QLocale()
            values["status"] = status_text(record.status)
            values["created"] = record.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if record.duration_s is not None:
                values["duration"] = format_duration(record.duration_s)
            values["model"] = f"{record.model_name} ({record.model_path})"
            values["method"] = method_title(record.method)
            if record.best_val_macro_f1 is not None:
                values["validation"] = (
                    self.tr("macro-F1 %1, accuracy %2 (best epoch %3)")
                    .replace("%1", f"{record.best_val_macro_f1:.4f}")
                    .replace("%2", f"{record.best_val_accuracy or 0:.4f}")
                    .replace("%3", str(record.best_epoch)))
            if record.test_macro_f1 is not None:
                values["test"] = (self.tr("macro-F1 %1, accuracy %2")
                                  .replace("%1", f"{record.test_macro_f1:.4f}")
                                  .replace("%2", f"{record.test_accuracy or 0:.4f}"))
            if record.trainable_params is not None and record.total_params:
                values["trainable"] = (
                    self.tr("%1 of %2 (%3 %)")
                    .replace("%1", locale.toString(record.trainable_params))
                    .replace("%2", locale.toString(record.total_params))
                    .replace("%3", f"{record.trainable_percent:.2f}"))
            values["weights"] = record.weights_dir or ""
            values["error"] = record.error or ""
        for key, label in self.overview_values.items():
            label.setText(values[key])
        for row, key in enumerate(OVERVIEW_KEYS, start=1):
            self.overview_form.setRowVisible(row, bool(values[key]) or key in ("status", "model"))
        self.name_edit.setText(record.name if record else "")
        self.tags_edit.setText(", ".join(record.tags) if record else "")
        self.notes_edit.setPlainText(record.notes if record else "")
        self.resume_button.setVisible(record is not None and record.status in RESUMABLE_STATUSES)

    def _show_settings(self, record) -> None:
        self.template_view.setPlainText(record.template if record else "")
        verbalizer = (record.verbalizer or {}) if record else {}
        self.verbalizer_table.setRowCount(len(verbalizer))
        font = tibetan_editor_font()
        for row, (label, words) in enumerate(verbalizer.items()):
            self.verbalizer_table.setItem(row, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(", ".join(words) if isinstance(words, list) else str(words))
            item.setFont(font)
            self.verbalizer_table.setItem(row, 1, item)
        config = json.dumps(record.config, ensure_ascii=False, indent=2) if record else ""
        self.config_view.setPlainText(config)

    def _show_curves(self, details) -> None:
        self.loss_plot.clear_data()
        self.metrics_plot.clear_data()
        if details is not None:
            self.loss_plot.extend("loss", [step.step for step in details.steps],
                                  [step.loss for step in details.steps])
            epochs = [epoch for epoch in details.epochs if epoch.val_macro_f1 is not None]
            self.metrics_plot.extend("macro_f1", [epoch.epoch for epoch in epochs],
                                     [epoch.val_macro_f1 for epoch in epochs])
            self.metrics_plot.extend("accuracy", [epoch.epoch for epoch in epochs],
                                     [epoch.val_accuracy or 0.0 for epoch in epochs])
        self.loss_plot.redraw()
        self.metrics_plot.redraw()

    def _show_results(self, record) -> None:
        labels = list(record.labels) if record else []
        per_class = record.test_per_class_f1 if record else None
        confusion = record.test_confusion if record else None
        if not per_class or not confusion:
            self.results_note.setText(self.tr("This run has no test results."))
            self.class_f1_chart.set_data([], {}, {})
            self.confusion.set_matrix([], [])
            return
        self.results_note.setText(self.tr(
            "Test F1 of each class, and the confusion matrix: rows are the true classes, "
            "columns the predicted ones; the colour shows each row's share."))
        self.class_f1_chart.set_data(labels, {"f1": [per_class.get(label, 0.0) for label in labels]},
                                     {"f1": TEST_F1_COLOR}, value_range=(0.0, 1.0))
        self.confusion.set_matrix(confusion, labels)

    # Edits.

    def _emit_for_run(self, signal) -> None:
        run_id = self.run_id()
        if run_id is not None:
            signal.emit(run_id)

    def _on_rename(self) -> None:
        run_id = self.run_id()
        if run_id is not None and self.name_edit.text().strip():
            self.sigRename.emit(run_id, self.name_edit.text().strip())

    def _on_save_notes(self) -> None:
        run_id = self.run_id()
        if run_id is not None:
            self.sigSaveNotes.emit(run_id, self.notes_edit.toPlainText())

    def _on_save_tags(self) -> None:
        run_id = self.run_id()
        if run_id is not None:
            tags = [tag.strip() for tag in self.tags_edit.text().replace("，", ",").split(",")
                    if tag.strip()]
            self.sigSaveTags.emit(run_id, tags)
