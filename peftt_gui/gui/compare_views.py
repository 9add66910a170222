"""The views of the Compare page, each filled from a ``core.compare.Comparison``: the metrics
table, the overlaid curves, the settings that differ, two confusion matrices with their
difference, and the validation rows whose prediction changed."""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.compare import format_config_value, format_metric
from peftt_gui.core.errors import PefttError
from peftt_gui.gui.fonts import tibetan_editor_font, tibetan_line_height
from peftt_gui.gui.methods import method_title
from peftt_gui.gui.plots import NAMED_COLUMNS_MAX, ConfusionHeatmap, LivePlot
from peftt_gui.gui.widgets import set_message

# One colour per run, in comparison order. The colours are the colour-blind-safe palette of
# Okabe and Ito ("Color Universal Design", 2008), with its yellow last because it is hard to
# see on white.
RUN_COLORS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000",
              "#f0e442")
BEST_BACKGROUND = "#d5ecd6"
BEST_FOREGROUND = "#14501a"
BETTER_RGB = (42, 122, 46)
WORSE_RGB = (208, 25, 31)
RIGHT_COLOR = "#2a7a2e"
WRONG_COLOR = "#d0191f"
# Alpha of the weakest and the strongest non-zero cell of the difference table.
MIN_CELL_ALPHA = 40
MAX_CELL_ALPHA = 200
# Raw value of a metrics cell (None when the run has none) and whether it is a best value.
VALUE_ROLE = Qt.ItemDataRole.UserRole
BEST_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_PADDING = 8
# Wide enough for "+88" at the default font size.
DIFFERENCE_MIN_COLUMN_WIDTH = 30
# Widths of the two heatmaps and the difference table, relative to each other.
CONFUSION_STRETCH = (4, 4, 5)
PLACEHOLDER = re.compile(r"%([1-9])")


def run_color(position: int) -> str:
    return RUN_COLORS[position % len(RUN_COLORS)]


def fill_placeholders(text: str, *values: object) -> str:
    """Replace ``%1``, ``%2``, … in a translated text by ``values``, in one pass.

    One pass matters because run names are user text and may contain ``%2`` themselves.
    """
    return PLACEHOLDER.sub(lambda match: str(values[int(match.group(1)) - 1]), text)


def _make_read_only(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setAlternatingRowColors(True)


def _item(text: str, *, tooltip: str = "", align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tooltip:
        item.setToolTip(tooltip)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class MetricsTable(QTableWidget):
    """One row per metric and one column per run. The best value of each row is bold on a
    green background, and its tooltip states whether higher or lower is better."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        _make_read_only(self)
        self.comparison = None

    def show_comparison(self, comparison) -> None:
        self.comparison = comparison
        self.clear()
        if comparison is None:
            self.setRowCount(0)
            self.setColumnCount(0)
            return

        self.setColumnCount(len(comparison.runs))
        self.setRowCount(len(comparison.metrics))
        self.setHorizontalHeaderLabels(comparison.headers)
        for column, run in enumerate(comparison.runs):
            self.horizontalHeaderItem(column).setToolTip(
                f"{method_title(run.method)}, {run.model_name}")

        for row, metric in enumerate(comparison.metrics):
            self.setVerticalHeaderItem(row, _item(self.metric_label(metric),
                                                  tooltip=self._rule_text(metric)))
            for column, value in enumerate(metric.values):
                self.setItem(row, column, self._value_item(metric, value, column in metric.best))
        self.resizeColumnsToContents()

    def metric_label(self, metric) -> str:
        """Return the translated name of a ``MetricRow``."""
        if metric.key.startswith("test_f1:"):
            return fill_placeholders(self.tr("Test F1: %1"), metric.key.split(":", 1)[1])
        labels = {
            "val_macro_f1": self.tr("Validation macro-F1"),
            "val_accuracy": self.tr("Validation accuracy"),
            "test_macro_f1": self.tr("Test macro-F1"),
            "test_accuracy": self.tr("Test accuracy"),
            "trainable_params": self.tr("Trainable parameters"),
            "trainable_percent": self.tr("Trainable %"),
            "duration_s": self.tr("Duration (s)"),
            "peak_memory_mib": self.tr("Peak memory (MiB)"),
            "epochs": self.tr("Epochs"),
        }
        return labels.get(metric.key, metric.label)

    def _rule_text(self, metric) -> str:
        if metric.better == "higher":
            return self.tr("Higher is better.")
        if metric.better == "lower":
            return self.tr("Lower is better.")
        return self.tr("No value of this row is better than another, so none is marked.")

    def _value_item(self, metric, value, best: bool) -> QTableWidgetItem:
        item = _item(format_metric(value, metric.unit), align_right=True)
        item.setData(VALUE_ROLE, value)
        item.setData(BEST_ROLE, best)
        if value is None:
            item.setToolTip(self.tr("This run has no value for this metric."))
        if best:
            font = QFont(self.font())
            font.setBold(True)
            item.setFont(font)
            item.setBackground(QBrush(QColor(BEST_BACKGROUND)))
            item.setForeground(QBrush(QColor(BEST_FOREGROUND)))
            item.setToolTip(fill_placeholders(self.tr("Best value of this row. %1"),
                                              self._rule_text(metric)))
        return item

    def retranslate(self) -> None:
        self.show_comparison(self.comparison)


class ConfigDifferenceTable(QTableWidget):
    """The settings whose values differ between the runs; template and label words in the
    bundled Tibetan font."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        _make_read_only(self)
        # Rows keep one line, and a long value is elided with the whole value in its tooltip.
        # Rows sized to wrapped contents grew very tall, because Qt measured them before the
        # stretched columns had their width.
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setDefaultSectionSize(tibetan_line_height() + ROW_PADDING)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def show_comparison(self, comparison) -> None:
        self.clear()
        differences = comparison.config_differences if comparison is not None else ()
        self.setRowCount(len(differences))
        self.setColumnCount(len(comparison.runs) if comparison is not None else 0)
        if comparison is None:
            return

        self.setHorizontalHeaderLabels(comparison.headers)
        tibetan = tibetan_editor_font()
        for row, difference in enumerate(differences):
            self.setVerticalHeaderItem(row, _item(difference.key))
            prompt_row = difference.key == "template" or difference.key.startswith("verbalizer.")
            if prompt_row:
                self.setRowHeight(row, tibetan_line_height(tibetan) + ROW_PADDING)
            for column, value in enumerate(difference.values):
                text = format_config_value(value)
                item = _item(text, tooltip=text)
                if prompt_row:
                    item.setFont(tibetan)
                self.setItem(row, column, item)


class ComparisonCurves(QWidget):
    """Training loss per step and validation macro-F1 per epoch, one curve per run."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._new_plots()
        self.retranslate()

    def _new_plots(self) -> None:
        self.loss_plot = LivePlot(self)
        self.f1_plot = LivePlot(self)
        self.f1_plot.set_y_range(0.0, 1.0)
        self._layout.addWidget(self.loss_plot, 1)
        self._layout.addWidget(self.f1_plot, 1)
        self._has_curves = False

    def show_comparison(self, comparison) -> None:
        # A LivePlot keeps its curves for its whole life, so plots with curves are replaced.
        if self._has_curves:
            for plot in (self.loss_plot, self.f1_plot):
                self._layout.removeWidget(plot)
                plot.deleteLater()
            self._new_plots()

        runs = comparison.runs if comparison is not None else ()
        self._has_curves = bool(runs)
        for position, run in enumerate(runs):
            key, name, color = str(run.id), comparison.headers[position], run_color(position)
            curves = comparison.curves[run.id]
            self.loss_plot.add_curve(key, name, color)
            self.loss_plot.extend(key, curves.steps, curves.losses)
            points = [(epoch, score) for epoch, score in zip(curves.epochs, curves.val_macro_f1)
                      if score is not None]
            self.f1_plot.add_curve(key, name, color, width=2, symbol="o")
            self.f1_plot.extend(key, [epoch for epoch, _ in points], [score for _, score in points])
        self.loss_plot.redraw()
        self.f1_plot.redraw()
        self.retranslate()

    def retranslate(self) -> None:
        self.loss_plot.set_labels(left=self.tr("Training loss"), bottom=self.tr("Step"))
        self.f1_plot.set_labels(left=self.tr("Validation macro-F1"), bottom=self.tr("Epoch"))


class ConfusionComparison(QWidget):
    """The confusion matrices of two runs side by side, and their difference as a table."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.comparison = None
        self.run_a: int | None = None
        self.run_b: int | None = None
        self.difference: np.ndarray | None = None

        self.split_label = QLabel(self)
        self.split_combo = QComboBox(self)
        self.split_combo.addItem("", "test")
        self.split_combo.addItem("", "validation")
        self.split_combo.currentIndexChanged.connect(lambda _index: self._refresh())
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        set_message(self.message_label, "")
        top = QHBoxLayout()
        top.addWidget(self.split_label)
        top.addWidget(self.split_combo)
        top.addWidget(self.note_label, 1)

        self.heatmap_a = ConfusionHeatmap(self)
        self.heatmap_b = ConfusionHeatmap(self)
        self.difference_table = QTableWidget(self)
        _make_read_only(self.difference_table)
        self.difference_table.setAlternatingRowColors(False)
        columns_header = self.difference_table.horizontalHeader()
        columns_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        columns_header.setMinimumSectionSize(DIFFERENCE_MIN_COLUMN_WIDTH)
        self.difference_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.title_a, self.title_b, self.title_difference = (QLabel(self) for _ in range(3))
        columns = QHBoxLayout()
        for title, view, stretch in zip(
                (self.title_a, self.title_b, self.title_difference),
                (self.heatmap_a, self.heatmap_b, self.difference_table), CONFUSION_STRETCH):
            title.setWordWrap(True)
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(view, 1)
            columns.addLayout(column, stretch)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addLayout(columns, 1)

    def split(self) -> str:
        return self.split_combo.currentData()

    def show_pair(self, comparison, run_a: int | None, run_b: int | None) -> None:
        """Show the matrices of runs ``run_a`` and ``run_b`` of ``comparison``."""
        self.comparison, self.run_a, self.run_b = comparison, run_a, run_b
        self._refresh()

    def _refresh(self) -> None:
        self.difference = None
        self.difference_table.clear()
        self.difference_table.setRowCount(0)
        self.difference_table.setColumnCount(0)
        set_message(self.message_label, "")
        if self.comparison is None or self.run_a is None or self.run_b is None:
            for heatmap, title in ((self.heatmap_a, self.title_a), (self.heatmap_b, self.title_b)):
                heatmap.set_matrix([], [])
                title.setText("")
            self.title_difference.setText("")
            return

        # Each run's own matrix, then the difference where both exist with the same classes.
        missing = []
        for heatmap, title, run_id in ((self.heatmap_a, self.title_a, self.run_a),
                                       (self.heatmap_b, self.title_b, self.run_b)):
            run = self.comparison.run(run_id)
            title.setText(self._header(run_id))
            matrix = self.comparison.confusion(run_id, self.split())
            if matrix is None:
                heatmap.set_matrix([], [])
                missing.append(self._header(run_id))
            else:
                heatmap.set_matrix(matrix, list(run.labels))
        header_a, header_b = self._header(self.run_a), self._header(self.run_b)
        self.title_difference.setText(fill_placeholders(self.tr("Difference: %1 minus %2"),
                                                        header_b, header_a))
        if missing:
            set_message(self.message_label, fill_placeholders(
                self.tr("No confusion matrix on this split for: %1."), ", ".join(missing)),
                error=True)
            return
        if self.run_a == self.run_b:
            set_message(self.message_label, self.tr("Choose two different runs to see their "
                                                    "difference."))
            return
        try:
            difference = self.comparison.confusion_difference(self.run_a, self.run_b, self.split())
        except PefttError:
            set_message(self.message_label, self.tr(
                "The two runs have different classes, so their confusion matrices cannot be "
                "subtracted."), error=True)
            return
        self._show_difference(difference, list(self.comparison.run(self.run_a).labels))

    def _show_difference(self, difference: np.ndarray, labels: list[str]) -> None:
        self.difference = difference
        size = len(labels)
        table = self.difference_table
        table.setRowCount(size)
        table.setColumnCount(size)
        # Many classes are numbered as on the heatmaps beside the table, whose rows show the
        # names; the tooltips of the cells name both classes.
        numbered = size > NAMED_COLUMNS_MAX
        headers = [str(index + 1) if numbered else label for index, label in enumerate(labels)]
        table.setVerticalHeaderLabels(headers)
        table.setHorizontalHeaderLabels(headers)

        matrix_a = self.comparison.confusion(self.run_a, self.split())
        matrix_b = self.comparison.confusion(self.run_b, self.split())
        largest = max(int(np.abs(difference).max()), 1)
        for row in range(size):
            for column in range(size):
                value = int(difference[row, column])
                tooltip = fill_placeholders(
                    self.tr("True class %1, predicted class %2: %3 rows in %4, %5 rows in %6."),
                    labels[row], labels[column], int(matrix_a[row, column]),
                    self._header(self.run_a), int(matrix_b[row, column]),
                    self._header(self.run_b))
                item = _item(f"{value:+d}" if value else "0", tooltip=tooltip)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if value:
                    # More rows on the diagonal, or fewer off it, means the second run does better.
                    better = (value > 0) == (row == column)
                    red, green, blue = BETTER_RGB if better else WORSE_RGB
                    strength = (MAX_CELL_ALPHA - MIN_CELL_ALPHA) * abs(value) // largest
                    alpha = MIN_CELL_ALPHA + strength
                    item.setBackground(QBrush(QColor(red, green, blue, alpha)))
                table.setItem(row, column, item)

    def _header(self, run_id: int) -> str:
        run = self.comparison.run(run_id)
        return f"#{run.id} {run.name}"

    def retranslate(self) -> None:
        self.split_label.setText(self.tr("Split:"))
        self.split_combo.setItemText(0, self.tr("Test"))
        self.split_combo.setItemText(1, self.tr("Validation"))
        self.note_label.setText(self.tr(
            "Rows are the true classes, columns the predicted ones. In the difference, green "
            "cells favour the second run and red cells the first."))
        self._refresh()


class ChangedPredictionsView(QWidget):
    """The validation rows that two runs predict differently: text, true class and both
    predictions, each coloured by whether it is right."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        _make_read_only(self.table)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.text_font = tibetan_editor_font()
        self.table.verticalHeader().setDefaultSectionSize(
            tibetan_line_height(self.text_font) + ROW_PADDING)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        self.changed: list | None = None
        self.headers = ("", "")
        self._state = "empty"
        self._error = ""

    def show_loading(self, header_a: str, header_b: str) -> None:
        self._set_state("loading", header_a, header_b)

    def show_error(self, message: str) -> None:
        self._error = message
        self._set_state("error", *self.headers)

    def show_same_run(self, header_a: str, header_b: str) -> None:
        self._set_state("same", header_a, header_b)

    def clear_view(self) -> None:
        self._set_state("empty", "", "")

    def _set_state(self, state: str, header_a: str, header_b: str) -> None:
        self._state = state
        self.headers = (header_a, header_b)
        self.changed = None
        self.table.setRowCount(0)
        self.retranslate()

    def show_predictions(self, changed: list, header_a: str, header_b: str) -> None:
        """Fill the table with ``ChangedPrediction`` rows of runs A and B."""
        self._state = "rows"
        self.changed = list(changed)
        self.headers = (header_a, header_b)
        self.table.setRowCount(len(self.changed))
        for row, item in enumerate(self.changed):
            self.table.setItem(row, 0, _item(str(item.index + 1), align_right=True))
            text = _item(item.text, tooltip=item.text)
            text.setFont(self.text_font)
            self.table.setItem(row, 1, text)
            self.table.setItem(row, 2, _item(item.gold))
            for column, prediction in ((3, item.prediction_a), (4, item.prediction_b)):
                cell = _item(prediction)
                cell.setForeground(QBrush(QColor(RIGHT_COLOR if prediction == item.gold
                                                 else WRONG_COLOR)))
                self.table.setItem(row, column, cell)
        self.retranslate()

    def retranslate(self) -> None:
        header_a, header_b = self.headers
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Text"),
                                              self.tr("True class"), header_a, header_b])
        self.table.horizontalHeaderItem(0).setToolTip(self.tr(
            "Row of the validation split, counting from 1."))
        color_error = self._state == "error"
        texts = {
            "empty": "",
            "loading": self.tr("Reading the validation rows of both runs…"),
            "same": self.tr("Choose two different runs to list the rows they predict differently."),
            "error": self._error,
        }
        if self._state == "rows":
            text = self._summary()
        else:
            text = texts[self._state]
        set_message(self.summary_label, text, error=color_error)

    def _summary(self) -> str:
        if not self.changed:
            return self.tr("Both runs predict every validation row the same way.")
        right_a = sum(item.prediction_a == item.gold for item in self.changed)
        right_b = sum(item.prediction_b == item.gold for item in self.changed)
        return fill_placeholders(
            self.tr("%1 validation rows are predicted differently. %2 is right on %3 of them, "
                    "%4 on %5."),
            len(self.changed), self.headers[0], right_a, self.headers[1], right_b)
