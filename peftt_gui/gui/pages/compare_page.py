"""Compare page: two or more stored runs side by side.

The runs come from the History page (select several, press Compare) or from this page's
own list of checkable runs. ``core.compare.compare_runs`` reads them in a Worker. The
changed predictions of the chosen pair of runs load in another Worker, because they read
the runs' data files again. Exports write the tables of ``core.compare`` unchanged.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.errors import PefttError
from peftt_gui.gui.compare_views import (
    ChangedPredictionsView,
    ComparisonCurves,
    ConfigDifferenceTable,
    ConfusionComparison,
    MetricsTable,
    fill_placeholders,
)
from peftt_gui.gui.history_model import status_text
from peftt_gui.gui.methods import method_title
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.tasks import (
    compare_stored_runs,
    list_changed_predictions,
    list_runs,
    save_image,
    write_text_file,
)
from peftt_gui.gui.widgets import set_message

logger = logging.getLogger(__name__)

# Data of the run list's items: the run id, and the RunSummary that the item text shows.
RUN_ID_ROLE = Qt.ItemDataRole.UserRole
RUN_SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
# Suffix added to a chosen file name that has none, per export kind.
EXPORT_SUFFIXES = {"csv": ".csv", "markdown": ".md", "latex": ".tex", "png": ".png"}
RESULTS_MIN_HEIGHT = 560
RUN_LIST_MIN_HEIGHT = 90
RUN_LIST_HEIGHT = 150
# Tabs that show runs A and B, and so the row that chooses them.
PAIR_TABS = (3, 4)


class ComparePage(Page):
    """A checkable list of runs above their comparison in tabs, with exports."""

    key = "compare"
    shows_requirements = False
    sigRunsListed = Signal()
    # Emitted with the run ids once every view shows their comparison.
    sigComparisonLoaded = Signal(list)
    # Emitted with runs A and B once the changed predictions (or their error) show.
    sigChangedPredictionsLoaded = Signal(int, int)
    sigExported = Signal(str)

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.storage = None
        self.comparison = None
        # Runs to compare once the History page has opened the run history.
        self._waiting_ids: list[int] | None = None
        self._comparison_generation = 0
        self._predictions_generation = 0

        run_box = self._build_run_list()
        results = self._build_results()
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(run_box)
        self.splitter.addWidget(results)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([RUN_LIST_HEIGHT, RESULTS_MIN_HEIGHT])
        self.splitter.setChildrenCollapsible(False)
        self.body.addWidget(self.splitter, 1)

        self.retranslate()
        self._show_comparison(None)

    # Construction.

    def _build_run_list(self) -> QWidget:
        box = QWidget(self)
        self.run_list_label = QLabel(box)
        self.run_list = QListWidget(box)
        self.run_list.setMinimumHeight(RUN_LIST_MIN_HEIGHT)
        self.run_list.itemChanged.connect(lambda _item: self._update_compare_button())
        self.compare_button = QPushButton(box)
        self.compare_button.clicked.connect(self.compare_checked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_list_label, 1)
        buttons.addWidget(self.compare_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.run_list, 1)
        return box

    def _build_results(self) -> QWidget:
        box = QWidget(self)
        box.setMinimumHeight(RESULTS_MIN_HEIGHT)
        self.message_label = QLabel(box)
        self.message_label.setWordWrap(True)
        set_message(self.message_label, "")
        self.empty_label = QLabel(box)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.metrics_table = MetricsTable(box)
        self.curves = ComparisonCurves(box)
        self.config_table = ConfigDifferenceTable(box)
        self.same_config_label = QLabel(box)
        self.confusion = ConfusionComparison(box)
        self.changed_view = ChangedPredictionsView(box)
        self.save_curves_button = QPushButton(box)
        self.save_curves_button.clicked.connect(lambda: self.save_plot("curves"))
        self.save_confusion_button = QPushButton(box)
        self.save_confusion_button.clicked.connect(lambda: self.save_plot("confusion"))

        self.tabs = QTabWidget(box)
        self.tabs.addTab(self.metrics_table, "")
        self.tabs.addTab(_with_button(self.curves, self.save_curves_button), "")
        settings_tab = QWidget(box)
        settings_layout = QVBoxLayout(settings_tab)
        settings_layout.addWidget(self.same_config_label)
        settings_layout.addWidget(self.config_table, 1)
        self.tabs.addTab(settings_tab, "")
        self.tabs.addTab(_with_button(self.confusion, self.save_confusion_button), "")
        self.tabs.addTab(_with_button(self.changed_view, None), "")

        self.pair_label = QLabel(box)
        self.pair_and_label = QLabel(box)
        self.run_a_combo = QComboBox(box)
        self.run_b_combo = QComboBox(box)
        for combo in (self.run_a_combo, self.run_b_combo):
            combo.currentIndexChanged.connect(lambda _index: self._on_pair_changed())
        self.pair_row = QWidget(box)
        pair_row = QHBoxLayout(self.pair_row)
        pair_row.setContentsMargins(0, 0, 0, 0)
        pair_row.addWidget(self.pair_label)
        pair_row.addWidget(self.run_a_combo, 1)
        pair_row.addWidget(self.pair_and_label)
        pair_row.addWidget(self.run_b_combo, 1)
        self.tabs.currentChanged.connect(self._place_pair_row)
        self._place_pair_row(self.tabs.currentIndex())

        self.export_buttons: dict[str, QPushButton] = {}
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        for kind in ("csv", "markdown", "latex"):
            button = QPushButton(box)
            button.clicked.connect(lambda _checked=False, kind=kind: self.export_table(kind))
            self.export_buttons[kind] = button
            export_row.addWidget(button)

        self.results_widgets = QWidget(box)
        results_layout = QVBoxLayout(self.results_widgets)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.tabs, 1)
        results_layout.addLayout(export_row)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message_label)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.results_widgets, 1)
        return box

    def description(self) -> str:
        return self.tr("Two or more runs side by side: their scores with the best of each row "
                       "marked, their curves, the settings that differ, their confusion "
                       "matrices and the validation rows that they predict differently.")

    def retranslate(self) -> None:
        super().retranslate()
        self.run_list_label.setText(self.tr("Check the runs to compare:"))
        self.compare_button.setText(self.tr("Compare checked runs"))
        self.compare_button.setToolTip(self.tr("Check two or more runs in the list."))
        self.empty_label.setText(self.tr(
            "No comparison yet. Check two or more runs above and press Compare checked runs, "
            "or select runs on the History page and press Compare there."))
        for index, text in enumerate((self.tr("Metrics"), self.tr("Curves"),
                                      self.tr("Settings that differ"),
                                      self.tr("Confusion matrices"),
                                      self.tr("Changed predictions"))):
            self.tabs.setTabText(index, text)
        self.same_config_label.setText(self.tr("The runs have the same settings."))
        self.pair_label.setText(self.tr("Confusion matrices and changed predictions of"))
        self.pair_and_label.setText(self.tr("and"))
        self.save_curves_button.setText(self.tr("Save as PNG…"))
        self.save_confusion_button.setText(self.tr("Save as PNG…"))
        self.export_buttons["csv"].setText(self.tr("Save table as CSV…"))
        self.export_buttons["markdown"].setText(self.tr("Save as Markdown…"))
        self.export_buttons["latex"].setText(self.tr("Save table as LaTeX…"))
        self.export_buttons["markdown"].setToolTip(self.tr(
            "The metrics table with the best values in bold, and the settings that differ."))
        for view in (self.metrics_table, self.curves, self.confusion, self.changed_view):
            view.retranslate()
        self._fill_run_list_texts()

    # The run list.

    def set_history(self, storage, runs) -> None:
        """Use the opened run history ``storage`` and list ``runs`` (``RunSummary`` values).

        A comparison requested before the history was open starts now.
        """
        self.storage = storage
        self._show_runs(runs)
        if self._waiting_ids is not None:
            ids, self._waiting_ids = self._waiting_ids, None
            self._start_comparison(ids)

    def _show_runs(self, runs) -> None:
        checked = set(self.checked_run_ids()) | set(self._waiting_ids or ())
        self.run_list.blockSignals(True)
        self.run_list.clear()
        for run in runs:
            item = QListWidgetItem(self.run_list)
            item.setData(RUN_ID_ROLE, run.id)
            item.setData(RUN_SUMMARY_ROLE, run)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if run.id in checked
                               else Qt.CheckState.Unchecked)
        self.run_list.blockSignals(False)
        self._fill_run_list_texts()
        self._update_compare_button()
        self.sigRunsListed.emit()

    def _fill_run_list_texts(self) -> None:
        for row in range(self.run_list.count()):
            item = self.run_list.item(row)
            run = item.data(RUN_SUMMARY_ROLE)
            parts = [f"#{run.id} {run.name}", method_title(run.method), status_text(run.status)]
            if run.test_macro_f1 is not None:
                parts.append(fill_placeholders(self.tr("test macro-F1 %1"),
                                               f"{run.test_macro_f1:.4f}"))
            item.setText("  ·  ".join(parts))

    def checked_run_ids(self) -> list[int]:
        """Return the ids of the checked runs, in ascending order."""
        return sorted(self.run_list.item(row).data(RUN_ID_ROLE)
                      for row in range(self.run_list.count())
                      if self.run_list.item(row).checkState() == Qt.CheckState.Checked)

    def _set_checked(self, run_ids: list[int]) -> None:
        self.run_list.blockSignals(True)
        for row in range(self.run_list.count()):
            item = self.run_list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(RUN_ID_ROLE) in run_ids
                               else Qt.CheckState.Unchecked)
        self.run_list.blockSignals(False)
        self._update_compare_button()

    def _update_compare_button(self) -> None:
        self.compare_button.setEnabled(len(self.checked_run_ids()) >= 2)

    def showEvent(self, event) -> None:
        # Runs may have been added or renamed since the last listing.
        if self.storage is not None:
            self.start_task(list_runs, self.storage, on_finished=self._show_runs,
                            on_failed=self._on_failed)
        super().showEvent(event)

    # Loading a comparison.

    def compare_checked(self) -> None:
        self.compare(self.checked_run_ids())

    def compare(self, run_ids) -> None:
        """Compare the runs ``run_ids`` (two or more), in ascending id order."""
        ids = sorted({int(run_id) for run_id in run_ids})
        self._set_checked(ids)
        if len(ids) < 2:
            set_message(self.message_label, self.tr("Check two or more runs to compare."),
                        error=True)
            return
        if self.storage is None:
            self._waiting_ids = ids
            set_message(self.message_label, self.tr("Opening the run history…"))
            return
        self._start_comparison(ids)

    def _start_comparison(self, ids: list[int]) -> None:
        self._comparison_generation += 1
        generation = self._comparison_generation
        set_message(self.message_label, fill_placeholders(
            self.tr("Reading %1 runs from the history…"), len(ids)))
        self.start_task(compare_stored_runs, self.storage, ids,
                        on_finished=lambda comparison: self._on_comparison(generation, comparison),
                        on_failed=lambda error, text: self._on_comparison_failed(generation, error,
                                                                                 text))

    def _on_comparison(self, generation: int, comparison) -> None:
        if generation != self._comparison_generation:
            return
        set_message(self.message_label, "")
        self._show_comparison(comparison)
        run_ids = [run.id for run in comparison.runs]
        logger.info("Compared runs %s", ", ".join(map(str, run_ids)))
        self.sigComparisonLoaded.emit(run_ids)

    def _on_comparison_failed(self, generation: int, error: BaseException, text: str) -> None:
        if generation != self._comparison_generation:
            return
        self._on_failed(error, text)

    def _on_failed(self, error: BaseException, traceback_text: str) -> None:
        if isinstance(error, PefttError):
            set_message(self.message_label, str(error), error=True)
        else:
            self.sigError.emit(error, traceback_text)

    def _show_comparison(self, comparison) -> None:
        self.comparison = comparison
        self.empty_label.setVisible(comparison is None)
        self.results_widgets.setVisible(comparison is not None)
        self.metrics_table.show_comparison(comparison)
        self.curves.show_comparison(comparison)
        self.config_table.show_comparison(comparison)
        has_differences = comparison is not None and bool(comparison.config_differences)
        self.same_config_label.setVisible(comparison is not None and not has_differences)
        self.config_table.setVisible(has_differences)

        # Runs A and B default to the first two runs; the signals would load them twice.
        headers = comparison.headers if comparison is not None else []
        for combo, position in ((self.run_a_combo, 0), (self.run_b_combo, 1)):
            combo.blockSignals(True)
            combo.clear()
            for header, run in zip(headers, comparison.runs if comparison is not None else ()):
                combo.addItem(header, run.id)
            combo.setCurrentIndex(min(position, combo.count() - 1))
            combo.blockSignals(False)
        self._on_pair_changed()

    # Runs A and B.

    def _place_pair_row(self, index: int) -> None:
        """Move the row that chooses runs A and B to the top of the tab that uses them."""
        if index not in PAIR_TABS:
            self.pair_row.hide()
            return
        self.tabs.widget(index).layout().insertWidget(0, self.pair_row)
        self.pair_row.show()

    def pair(self) -> tuple[int | None, int | None]:
        """Return the ids of runs A and B (None before a comparison)."""
        return self.run_a_combo.currentData(), self.run_b_combo.currentData()

    def set_pair(self, run_a: int, run_b: int) -> None:
        """Choose runs A and B of the confusion matrices and the changed predictions."""
        self.run_a_combo.blockSignals(True)
        self.run_a_combo.setCurrentIndex(self.run_a_combo.findData(run_a))
        self.run_a_combo.blockSignals(False)
        self.run_b_combo.setCurrentIndex(self.run_b_combo.findData(run_b))
        self._on_pair_changed()

    def _on_pair_changed(self) -> None:
        run_a, run_b = self.pair()
        self.confusion.show_pair(self.comparison, run_a, run_b)
        self._predictions_generation += 1
        if self.comparison is None or run_a is None or run_b is None:
            self.changed_view.clear_view()
            return
        header_a = self.run_a_combo.currentText()
        header_b = self.run_b_combo.currentText()
        if run_a == run_b:
            self.changed_view.show_same_run(header_a, header_b)
            return

        generation = self._predictions_generation
        self.changed_view.show_loading(header_a, header_b)
        self.start_task(list_changed_predictions, self.comparison, run_a, run_b,
                        on_finished=lambda changed: self._on_changed_predictions(
                            generation, run_a, run_b, changed),
                        on_failed=lambda error, text: self._on_changed_predictions_failed(
                            generation, run_a, run_b, error, text))

    def _on_changed_predictions(self, generation: int, run_a: int, run_b: int, changed) -> None:
        if generation != self._predictions_generation:
            return
        self.changed_view.show_predictions(changed, self.run_a_combo.currentText(),
                                           self.run_b_combo.currentText())
        self.sigChangedPredictionsLoaded.emit(run_a, run_b)

    def _on_changed_predictions_failed(self, generation: int, run_a: int, run_b: int,
                                       error: BaseException, text: str) -> None:
        if generation != self._predictions_generation:
            return
        # Moved or edited data files are expected, so the engine's message shows in place.
        if isinstance(error, (PefttError, OSError)):
            self.changed_view.show_error(str(error))
            self.sigChangedPredictionsLoaded.emit(run_a, run_b)
        else:
            self.changed_view.clear_view()
            self.sigError.emit(error, text)

    # Exports.

    def export_table(self, kind: str, path: str | None = None) -> None:
        """Write the comparison as ``kind`` (csv, markdown or latex) to ``path``.

        Without ``path``, the path comes from a file dialog. The text is ``core.compare``'s
        own, the same as ``peftt compare --format``.
        """
        if self.comparison is None:
            return
        writers = {"csv": self.comparison.to_csv, "markdown": self.comparison.to_markdown,
                   "latex": self.comparison.to_latex}
        if path is None:
            filters = {"csv": self.tr("CSV files (*.csv)"),
                       "markdown": self.tr("Markdown files (*.md)"),
                       "latex": self.tr("LaTeX files (*.tex)")}
            path = self._ask_save_path(self.tr("Save the comparison"), kind, filters[kind])
            if not path:
                return
        self.start_task(write_text_file, path, writers[kind](), on_finished=self._on_exported,
                        on_failed=self._on_export_failed)

    def save_plot(self, plot: str, path: str | None = None) -> None:
        """Save the plots of one tab as a PNG image: ``plot`` is "curves" or "confusion"."""
        if self.comparison is None:
            return
        if path is None:
            path = self._ask_save_path(self.tr("Save the plot"), "png",
                                       self.tr("PNG images (*.png)"), stem=plot)
            if not path:
                return
        # The image has the plot's size on screen. A tab gets its size only when it is
        # current, so the plot's tab is shown first.
        widget = self.curves if plot == "curves" else self.confusion
        self.tabs.setCurrentWidget(widget.parentWidget())
        self.start_task(save_image, widget.grab().toImage(), path,
                        on_finished=self._on_exported, on_failed=self._on_export_failed)

    def _ask_save_path(self, title: str, kind: str, file_filter: str, stem: str = "") -> str:
        ids = "-".join(str(run.id) for run in self.comparison.runs)
        name = f"comparison-{ids}{'-' + stem if stem else ''}{EXPORT_SUFFIXES[kind]}"
        path, _ = QFileDialog.getSaveFileName(self, title, name, file_filter)
        if path and not Path(path).suffix:
            path += EXPORT_SUFFIXES[kind]
        return path

    def _on_exported(self, path: str) -> None:
        set_message(self.message_label, fill_placeholders(self.tr("Saved %1."), path),
                    success=True)
        logger.info("Comparison saved to %s", path)
        self.sigExported.emit(path)

    def _on_export_failed(self, error: BaseException, traceback_text: str) -> None:
        if isinstance(error, OSError):
            set_message(self.message_label, fill_placeholders(
                self.tr("The file could not be saved: %1"), error), error=True)
        else:
            self._on_failed(error, traceback_text)


def _with_button(view: QWidget, button: QPushButton | None) -> QWidget:
    """Return a tab page with ``view`` above ``button`` (aligned right), if any."""
    page = QWidget(view.parent())
    layout = QVBoxLayout(page)
    layout.addWidget(view, 1)
    if button is not None:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
    return page
