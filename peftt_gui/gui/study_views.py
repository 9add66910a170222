"""The widgets of the Study page: the method checklist with a learning rate per method, the
results table of a study, and its test macro-F1 against the few-shot size k."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.config import TrainingConfig
from peftt_gui.core.errors import ConfigError
from peftt_gui.core.methods.registry import NO_MODEL
from peftt_gui.core.study import BASELINE_METHOD
from peftt_gui.gui.compare_views import fill_placeholders, run_color
from peftt_gui.gui.methods import method_choices, method_title
from peftt_gui.gui.plots import LivePlot

METHOD_COLUMNS = 2
LEARNING_RATE_WIDTH = 90
# Grid columns per method column: check box, learning rate, and a gap before the next pair.
GRID_COLUMNS_PER_METHOD = 3
METHOD_GAP_PX = 24
_RATE_FIELD = TrainingConfig.__dataclass_fields__["learning_rate"].metadata
MIN_LEARNING_RATE = _RATE_FIELD["minimum"]
MAX_LEARNING_RATE = _RATE_FIELD["maximum"]
MAX_TABLE_ROWS = 12
# Columns of core.study.results_table, in its order.
MODEL_COLUMN, METHOD_COLUMN, SHOTS_COLUMN, TEMPLATE_COLUMN = range(4)


def shots_text(shots: int | None) -> str:
    """Return a few-shot size k as the Study page shows it: a number, or "all" (translated)."""
    if shots is None:
        return QCoreApplication.translate("StudyResultsTable", "all",
                                          "k per class: the full training data")
    return str(shots)


class MethodChecklist(QWidget):
    """A check box per registered method, the baseline aside, each with an optional learning rate.

    The TF-IDF baseline has its own check box on the Study page, because a study adds it
    to its methods unless ``include_baseline`` is off.
    """

    sigChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choices = [choice for choice in method_choices() if choice.name != BASELINE_METHOD]
        self.boxes: dict[str, QCheckBox] = {}
        self.rate_edits: dict[str, QLineEdit] = {}

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.rate_headers: list[QLabel] = []
        for column in range(METHOD_COLUMNS):
            header = QLabel(self)
            self.rate_headers.append(header)
            grid.addWidget(header, 0, GRID_COLUMNS_PER_METHOD * column + 1)
            grid.setColumnMinimumWidth(GRID_COLUMNS_PER_METHOD * column + 2, METHOD_GAP_PX)
        for index, choice in enumerate(self.choices):
            row, column = divmod(index, METHOD_COLUMNS)
            box = QCheckBox(self)
            box.toggled.connect(lambda _checked: self.sigChanged.emit())
            edit = QLineEdit(self)
            edit.setPlaceholderText(f"{choice.default_learning_rate:g}")
            edit.setFixedWidth(LEARNING_RATE_WIDTH)
            edit.textChanged.connect(lambda _text: self.sigChanged.emit())
            self.boxes[choice.name] = box
            self.rate_edits[choice.name] = edit
            grid.addWidget(box, row + 1, GRID_COLUMNS_PER_METHOD * column)
            grid.addWidget(edit, row + 1, GRID_COLUMNS_PER_METHOD * column + 1)
        # Spare width goes after the last pair, so that each rate stays beside its method.
        grid.setColumnStretch(GRID_COLUMNS_PER_METHOD * METHOD_COLUMNS - 1, 1)
        self.retranslate()

    def checked(self) -> list[str]:
        """Return the ticked methods in registry order."""
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def set_checked(self, names) -> None:
        for name, box in self.boxes.items():
            box.setChecked(name in names)

    def learning_rates(self) -> dict[str, float]:
        """Return the learning rates typed for ticked methods; raises ConfigError for a bad one."""
        rates = {}
        for name in self.checked():
            text = self.rate_edits[name].text().strip()
            if not text:
                continue
            try:
                value = float(text)
            except ValueError:
                value = math.nan
            if not MIN_LEARNING_RATE <= value <= MAX_LEARNING_RATE:
                raise ConfigError(fill_placeholders(self.tr(
                    "The learning rate of %1 must be a number from %2 to %3, such as 2e-5; "
                    "“%4” is not. Leave it empty for the method's default."),
                    method_title(name), f"{MIN_LEARNING_RATE:g}", f"{MAX_LEARNING_RATE:g}", text),
                    field="learning_rates")
            rates[name] = value
        return rates

    def set_learning_rates(self, rates: dict) -> None:
        for name, edit in self.rate_edits.items():
            # repr() keeps every digit, so the value saved again is the value read.
            edit.setText(repr(float(rates[name])) if name in rates else "")

    def retranslate(self) -> None:
        for header in self.rate_headers:
            header.setText(self.tr("Learning rate"))
        for choice in self.choices:
            self.boxes[choice.name].setText(method_title(choice.name))
            self.rate_edits[choice.name].setToolTip(fill_placeholders(self.tr(
                "Learning rate of %1 in this study. Empty: the method's default, %2."),
                method_title(choice.name), f"{choice.default_learning_rate:g}"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class StudyResultsTable(QTableWidget):
    """One row per model, method, k and template: the mean ± std over seeds of each metric.

    The cells are ``core.study.results_table``'s text, except the method (its title) and
    the full-data k, which are translated.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.results = None
        self.retranslate()

    def column_titles(self) -> list[str]:
        return [self.tr("Model"), self.tr("Method"), self.tr("k per class"), self.tr("Template"),
                self.tr("Runs"), self.tr("Test macro-F1"), self.tr("Validation macro-F1"),
                self.tr("Test accuracy"), self.tr("Trainable %"), self.tr("Time (s)")]

    def show_results(self, results) -> None:
        """Show a ``tasks.StudyResults``, or nothing for None."""
        self.results = results
        self.clearContents()
        rows = results.rows if results is not None else []
        self.setRowCount(len(rows))
        for row_index, (row, cells) in enumerate(zip(rows, results.cells if results else [])):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(self._display_text(column, row, text))
                if column > TEMPLATE_COLUMN:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == METHOD_COLUMN:
                    item.setToolTip(row.method)
                elif column == MODEL_COLUMN:
                    item.setToolTip(row.model)
                self.setItem(row_index, column, item)
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        self._fit_height()

    def _fit_height(self) -> None:
        # The table is as tall as its rows and a horizontal scroll bar need, so the plot below
        # gets the rest of the page. A longer table scrolls within MAX_TABLE_ROWS rows.
        rows = min(self.rowCount(), MAX_TABLE_ROWS)
        height = (self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
                  + sum(self.rowHeight(row) for row in range(rows))
                  + self.horizontalScrollBar().sizeHint().height())
        self.setMaximumHeight(height)

    def _display_text(self, column: int, row, text: str) -> str:
        if column == METHOD_COLUMN:
            return method_title(row.method)
        if column == SHOTS_COLUMN:
            return shots_text(row.shots)
        if column == MODEL_COLUMN and text == "-":
            return self.tr("none", "model column of the baseline, which reads no model")
        return text

    def retranslate(self) -> None:
        titles = self.column_titles()
        self.setColumnCount(len(titles))
        self.setHorizontalHeaderLabels(titles)
        self.horizontalHeaderItem(SHOTS_COLUMN).setToolTip(self.tr(
            "Training rows per class (few-shot); “all” is the full training data."))
        self.horizontalHeaderItem(TEMPLATE_COLUMN).setToolTip(self.tr(
            "Number of the template in the study's list, from 0; “-” for methods without one."))
        if self.results is not None:
            self.show_results(self.results)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ShotsPlot(QWidget):
    """Mean test macro-F1 over seeds against k, one curve per method (and model, template).

    k is drawn on a log2 axis, because few-shot sizes usually double or quadruple, and the
    axis ticks name the k values. Rows on the full training data are left out.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.plot: LivePlot | None = None
        self.curve_keys: list[tuple[str, str, int | None]] = []
        self._new_plot()

    def _new_plot(self) -> None:
        # A LivePlot keeps its curves for its whole life, so each study gets a new plot.
        if self.plot is not None:
            self._layout.removeWidget(self.plot)
            self.plot.deleteLater()
        self.plot = LivePlot(self)
        self.plot.set_y_range(0.0, 1.0)
        self._layout.addWidget(self.plot)
        self.curve_keys = []
        self.retranslate()

    def show_rows(self, rows) -> bool:
        """Draw the few-shot rows of ``rows`` (``ResultRow``); return whether there are any."""
        self._new_plot()
        few_shot = [row for row in rows if row.shots is not None
                    and not math.isnan(row.mean["test_macro_f1"])]
        if not few_shot:
            return False

        # The baseline's rows name no model (NO_MODEL), so they do not count as a model.
        models = {row.model for row in few_shot if row.model != NO_MODEL}
        templates = {row.template_index for row in few_shot if row.template_index is not None}
        curves: dict[tuple, list] = {}
        for row in few_shot:
            curves.setdefault((row.model, row.method, row.template_index), []).append(row)
        for position, (key, curve_rows) in enumerate(curves.items()):
            model, method, template_index = key
            name = method_title(method)
            if len(models) > 1 and model != NO_MODEL:
                name += f" · {model}"
            if len(templates) > 1 and template_index is not None:
                name += " · " + fill_placeholders(self.tr("template %1"), template_index)
            curve_rows.sort(key=lambda row: row.shots)
            curve_key = "|".join(map(str, key))
            self.plot.add_curve(curve_key, name, run_color(position), width=2, symbol="o")
            self.plot.extend(curve_key, [math.log2(row.shots) for row in curve_rows],
                             [row.mean["test_macro_f1"] for row in curve_rows])
            self.curve_keys.append(key)
        self.plot.redraw()

        shots = sorted({row.shots for row in few_shot})
        self.plot.plot_item.getAxis("bottom").setTicks([[(math.log2(k), str(k)) for k in shots]])
        return True

    def curve_data(self, model: str, method: str, template_index: int | None):
        """Return the x (log2 k) and y arrays of one curve, as pyqtgraph draws them.

        ``model`` is the model folder's name, as in ``ResultRow.model``.
        """
        key = "|".join(map(str, (model, method, template_index)))
        return self.plot.curve(key).getData()

    def retranslate(self) -> None:
        self.plot.set_labels(left=self.tr("Test macro-F1 (mean over seeds)"),
                             bottom=self.tr("k: training rows per class"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
