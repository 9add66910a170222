"""History page: the stored runs with their settings, curves and scores.

The run history (``core.storage.RunStorage``, at ``$PEFTT_HISTORY`` or the default
file) opens in a Worker when the window starts, after runs whose process has died are
marked interrupted. Every later read and write also runs in a Worker.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.errors import PefttError
from peftt_gui.gui.fonts import tibetan_line_height
from peftt_gui.gui.history_model import (
    COLUMNS,
    RUN_ID_ROLE,
    STATUS_TEXTS,
    RunFilterProxy,
    RunTableModel,
    status_text,
)
from peftt_gui.gui.methods import method_choices, method_title
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.run_details import RunDetailsView
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.tasks import (
    edit_run,
    history_path_from_environment,
    list_runs,
    load_run_details,
    open_history,
)
from peftt_gui.gui.widgets import set_message

logger = logging.getLogger(__name__)

TABLE_ROW_PADDING = 8


class HistoryPage(Page):
    """A sortable, filterable table of past runs above the details of the selected run."""

    key = "history"
    shows_requirements = False
    sigRunsLoaded = Signal()
    sigDetailsLoaded = Signal(int)
    # The user asked to resume the run with this id (the main window starts it).
    sigResumeRequested = Signal(int)
    # The user asked to compare the selected runs (ids in ascending order).
    sigCompareRequested = Signal(list)

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.storage = None
        self.history_path = history_path_from_environment()
        self._select_after_load: int | None = None
        self._opening = False
        # The state behind the message line, kept so that a language switch can show it again.
        self._interrupted = 0
        self._storage_error = ""
        self._reload_pending = False
        self._details_generation = 0

        self._build_filters()
        self.model = RunTableModel(self)
        self.proxy = RunFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Ctrl+click and Shift+click select several runs for the Compare button.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("created"), Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("name"), QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        # Tibetan run names and statuses need taller rows than the Latin font measures.
        self.table.verticalHeader().setDefaultSectionSize(tibetan_line_height() + TABLE_ROW_PADDING)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        set_message(self.message_label, "")

        self.details = RunDetailsView(self)
        self.details.sigRename.connect(lambda run_id, name: self._edit(run_id, name=name))
        self.details.sigSaveNotes.connect(lambda run_id, notes: self._edit(run_id, notes=notes))
        self.details.sigSaveTags.connect(lambda run_id, tags: self._edit(run_id, tags=tags))
        self.details.sigDelete.connect(self.delete_run)
        self.details.sigResume.connect(self.sigResumeRequested)
        self.details.setMinimumHeight(300)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.empty_label)
        table_layout.addWidget(self.table, 1)
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.table.setMinimumHeight(150)

        self.body.addLayout(self.filter_row)
        self.body.addWidget(self.message_label)
        self.body.addWidget(self.splitter, 1)

        self.retranslate()
        # Opened after the constructor returns, so that the window shows first.
        QTimer.singleShot(0, self, self.load_history)

    def _build_filters(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda text: self.proxy.set_filters(text=text))
        self.method_filter = QComboBox(self)
        self.method_filter.addItem("", "")
        for choice in method_choices():
            self.method_filter.addItem(choice.name, choice.name)
        self.method_filter.currentIndexChanged.connect(
            lambda _index: self.proxy.set_filters(method=self.method_filter.currentData()))
        self.status_filter = QComboBox(self)
        self.status_filter.addItem("", "")
        # The statuses of core.storage, which a test keeps equal. Importing that package
        # here would load SQLAlchemy before the window's first paint.
        for status in STATUS_TEXTS:
            self.status_filter.addItem(status, status)
        self.status_filter.currentIndexChanged.connect(
            lambda _index: self.proxy.set_filters(status=self.status_filter.currentData()))
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.compare_button = QPushButton(self)
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self.request_comparison)
        self.filter_row = QHBoxLayout()
        self.filter_row.addWidget(self.filter_edit, 1)
        self.filter_row.addWidget(self.method_filter)
        self.filter_row.addWidget(self.status_filter)
        self.filter_row.addWidget(self.refresh_button)
        self.filter_row.addWidget(self.compare_button)

    def description(self) -> str:
        return self.tr("Every training run is stored with its settings, its scores per "
                       "epoch and its weights.")

    def retranslate(self) -> None:
        super().retranslate()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, model, method or tag"))
        self.method_filter.setItemText(0, self.tr("All methods"))
        for index in range(1, self.method_filter.count()):
            self.method_filter.setItemText(index, method_title(self.method_filter.itemData(index)))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for index in range(1, self.status_filter.count()):
            self.status_filter.setItemText(index, status_text(self.status_filter.itemData(index)))
        self.refresh_button.setText(self.tr("Refresh"))
        self.compare_button.setText(self.tr("Compare"))
        self.compare_button.setToolTip(self.tr(
            "Compare the selected runs side by side on the Compare page. Select two or "
            "more runs first."))
        self.empty_label.setText(self.tr("No runs yet. Runs appear here once training "
                                         "has been started from the Train page."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._update_empty_label()
        self._show_message()

    def _show_message(self) -> None:
        if self._storage_error:
            # The engine's messages are English; they are shown as they are.
            set_message(self.message_label, self._storage_error, error=True)
        elif self._opening:
            set_message(self.message_label, self.tr("Opening the run history…"))
        elif self._interrupted:
            set_message(self.message_label, self.tr(
                "%1 runs whose program had ended were marked as interrupted; they can resume.")
                .replace("%1", str(self._interrupted)))
        else:
            set_message(self.message_label, "")

    # Loading.

    def load_history(self) -> None:
        """Open the run history in a Worker and list its runs."""
        if self._opening or self.storage is not None:
            return
        self._opening = True
        self._storage_error = ""
        self._show_message()
        self.start_task(open_history, self.history_path, on_finished=self._on_history_opened,
                        on_failed=self._on_storage_failed)

    def _on_history_opened(self, snapshot) -> None:
        self._opening = False
        self.storage = snapshot.storage
        self._interrupted = snapshot.interrupted
        self._show_message()
        logger.info("Run history %s opened with %d runs", self.storage.path, len(snapshot.runs))
        self._show_runs(snapshot.runs)
        if self._reload_pending:
            self._reload_pending = False
            self.reload(self._select_after_load)

    def reload(self, select_run_id: int | None = None) -> None:
        """List the runs again and then select ``select_run_id`` (or keep the selection)."""
        self._select_after_load = select_run_id if select_run_id is not None else self.selected_run_id()
        if self.storage is None:
            self._reload_pending = True
            self.load_history()
            return
        self.start_task(list_runs, self.storage, on_finished=self._show_runs,
                        on_failed=self._on_storage_failed)

    def _show_runs(self, runs) -> None:
        select = self._select_after_load
        self._select_after_load = None
        self.model.set_runs(runs)
        self._update_empty_label()
        if select is not None:
            self.select_run(select)
        # A model reset clears the selection without emitting selectionChanged.
        self._update_compare_button()
        self.sigRunsLoaded.emit()

    def _update_empty_label(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)

    def _on_storage_failed(self, error: BaseException, traceback_text: str) -> None:
        self._opening = False
        if isinstance(error, PefttError):
            self._storage_error = str(error)
        else:
            self.sigError.emit(error, traceback_text)
        self._show_message()

    # Selection and details.

    def selected_run_id(self) -> int | None:
        """Return the run whose details show: the current row if selected, else the first."""
        selection = self.table.selectionModel()
        current = self.table.currentIndex()
        if current.isValid() and selection.isRowSelected(current.row(), current.parent()):
            return current.siblingAtColumn(0).data(RUN_ID_ROLE)
        rows = selection.selectedRows()
        return rows[0].data(RUN_ID_ROLE) if rows else None

    def selected_run_ids(self) -> list[int]:
        """Return the ids of every selected run, in ascending order."""
        return sorted(index.data(RUN_ID_ROLE)
                      for index in self.table.selectionModel().selectedRows())

    def request_comparison(self) -> None:
        """Ask the main window to compare the selected runs (two or more)."""
        run_ids = self.selected_run_ids()
        if len(run_ids) >= 2:
            self.sigCompareRequested.emit(run_ids)

    def select_run(self, run_id: int) -> bool:
        """Select the run ``run_id`` if the filters show it; its details then load."""
        row = self.model.row_of(run_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _update_compare_button(self) -> None:
        self.compare_button.setEnabled(len(self.table.selectionModel().selectedRows()) >= 2)

    def _on_selection_changed(self, *_args) -> None:
        self._update_compare_button()
        run_id = self.selected_run_id()
        self._details_generation += 1
        if run_id is None or self.storage is None:
            self.details.show_details(None)
            return
        generation = self._details_generation
        self.start_task(load_run_details, self.storage, run_id,
                        on_finished=lambda details: self._on_details(generation, details),
                        on_failed=self._on_storage_failed)

    def _on_details(self, generation: int, details) -> None:
        if generation != self._details_generation:
            return
        self.details.show_details(details)
        self.sigDetailsLoaded.emit(details.record.id)

    # Edits.

    def _edit(self, run_id: int, **changes) -> None:
        if self.storage is None:
            return
        self.start_task(edit_run, self.storage, run_id, **changes,
                        on_finished=lambda _run_id: self.reload(run_id),
                        on_failed=self._on_storage_failed)

    def delete_run(self, run_id: int, *, confirm: bool = True) -> None:
        """Delete a run from the history after the user confirms (its weights stay on disk)."""
        if self.storage is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Delete run"),
                self.tr("Delete run %1 from the history? Its weights folder stays on disk.")
                .replace("%1", str(run_id)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.start_task(edit_run, self.storage, run_id, delete=True,
                        on_finished=lambda _run_id: self.reload(),
                        on_failed=self._on_storage_failed)

    def showEvent(self, event) -> None:
        # Another process (the command line) may have added runs since the last listing.
        if self.storage is not None:
            self.reload()
        super().showEvent(event)
