"""Table model of the run history (``RunSummary`` rows) and its sort and filter proxy."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from peftt_gui.gui.methods import method_title

COLUMNS = ("id", "name", "model", "method", "status", "created", "val_f1", "test_f1", "trainable")
HEADERS = {
    # The run number that Compare, the Playground and `peftt show RUN` use.
    "id": QT_TRANSLATE_NOOP("RunTableModel", "Run"),
    "name": QT_TRANSLATE_NOOP("RunTableModel", "Name"),
    "model": QT_TRANSLATE_NOOP("RunTableModel", "Model"),
    "method": QT_TRANSLATE_NOOP("RunTableModel", "Method"),
    "status": QT_TRANSLATE_NOOP("RunTableModel", "Status"),
    "created": QT_TRANSLATE_NOOP("RunTableModel", "Created"),
    "val_f1": QT_TRANSLATE_NOOP("RunTableModel", "Validation macro-F1"),
    "test_f1": QT_TRANSLATE_NOOP("RunTableModel", "Test macro-F1"),
    "trainable": QT_TRANSLATE_NOOP("RunTableModel", "Trainable %"),
}
STATUS_TEXTS = {
    "running": QT_TRANSLATE_NOOP("RunTableModel", "running"),
    "finished": QT_TRANSLATE_NOOP("RunTableModel", "finished"),
    "failed": QT_TRANSLATE_NOOP("RunTableModel", "failed"),
    "cancelled": QT_TRANSLATE_NOOP("RunTableModel", "stopped"),
    "interrupted": QT_TRANSLATE_NOOP("RunTableModel", "interrupted"),
}
STATUS_COLORS = {"failed": "#d0191f", "running": "#1d5fb4", "interrupted": "#b35000"}
SORT_ROLE = Qt.ItemDataRole.UserRole
RUN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Sort key of a missing score: below every real score, so it sorts last when descending.
MISSING_SCORE = -1.0


def status_text(status: str) -> str:
    text = STATUS_TEXTS.get(status)
    return QCoreApplication.translate("RunTableModel", text) if text else status


class RunTableModel(QAbstractTableModel):
    """One row per run summary; ``SORT_ROLE`` gives raw values for sorting."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.runs: list = []

    def set_runs(self, runs: Sequence) -> None:
        self.beginResetModel()
        self.runs = list(runs)
        self.endResetModel()

    def row_of(self, run_id: int) -> int:
        return next((row for row, run in enumerate(self.runs) if run.id == run_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.runs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RunTableModel", HEADERS[COLUMNS[section]])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        run = self.runs[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(run, column)
        if role == SORT_ROLE:
            return self._sort_key(run, column)
        if role == RUN_ID_ROLE:
            return run.id
        if role == Qt.ItemDataRole.ToolTipRole and column == "name" and run.tags:
            return ", ".join(run.tags)
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            from PySide6.QtGui import QColor

            color = STATUS_COLORS.get(run.status)
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("id", "val_f1", "test_f1",
                                                                    "trainable"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(run, column: str) -> str:
        if column == "id":
            return str(run.id)
        if column == "name":
            return run.name
        if column == "model":
            return run.model_name
        if column == "method":
            return method_title(run.method)
        if column == "status":
            return status_text(run.status)
        if column == "created":
            return run.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == "val_f1":
            return _score(run.best_val_macro_f1)
        if column == "test_f1":
            return _score(run.test_macro_f1)
        if column == "trainable":
            return "" if run.trainable_percent is None else f"{run.trainable_percent:.2f}"
        raise KeyError(column)

    @staticmethod
    def _sort_key(run, column: str):
        if column == "id":
            return run.id
        if column == "created":
            return run.created_at.timestamp()
        if column == "val_f1":
            return _number(run.best_val_macro_f1)
        if column == "test_f1":
            return _number(run.test_macro_f1)
        if column == "trainable":
            return _number(run.trainable_percent)
        return RunTableModel._display(run, column).casefold()


class RunFilterProxy(QSortFilterProxyModel):
    """Keeps the runs that match the text, method and status filters; sorts by ``SORT_ROLE``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._method = ""
        self._status = ""

    def set_filters(self, *, text: str | None = None, method: str | None = None,
                    status: str | None = None) -> None:
        """Change the filters; an empty method or status keeps every run."""
        self.beginFilterChange()
        if text is not None:
            self._text = text.strip().casefold()
        if method is not None:
            self._method = method
        if status is not None:
            self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        run = self.sourceModel().runs[source_row]
        if self._method and run.method != self._method:
            return False
        if self._status and run.status != self._status:
            return False
        if not self._text:
            return True
        haystack = [run.name, run.model_name, run.method, method_title(run.method),
                    run.study or "", *run.tags]
        return any(self._text in value.casefold() for value in haystack)


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _number(value: float | None) -> float:
    return MISSING_SCORE if value is None else float(value)
