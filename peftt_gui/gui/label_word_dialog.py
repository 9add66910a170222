"""Dialog that lists the suggested label words of each class, to tick and apply.

It shows a ``tasks.LabelWordSuggestions``: per class the suggested words with their
score and their tokens at the mask, and above them the zero-shot validation macro-F1 of
the current label words and of the suggested ones, raw and calibrated. The dialog
changes nothing itself: "Add" and "Replace" emit ``sigApplyRequested`` for the page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.gui.fonts import tibetan_editor_font
from peftt_gui.gui.tasks import LabelWordSuggestions, VerbalizerScore

WORD_COLUMN, SCORE_COLUMN, PIECES_COLUMN = 0, 1, 2
CURRENT_ROW, SUGGESTED_ROW = 0, 1
RAW_COLUMN, CALIBRATED_COLUMN = 0, 1
NOT_SCORED = "—"


class LabelWordSuggestionsDialog(QDialog):
    """Suggested label words per class with check boxes. The first word of each class starts ticked.

    ``sigApplyRequested(words, replace)`` carries the ticked words by class, in the order
    shown, and whether they replace the class's label words or are added to them.
    """

    sigApplyRequested = Signal(dict, bool)

    def __init__(self, result: LabelWordSuggestions, current_verbalizer: dict[str, list[str]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.result = result
        self.current_verbalizer = {label: list(words) for label, words in current_verbalizer.items()}
        self.word_items: dict[str, list[QTreeWidgetItem]] = {}
        self.resize(820, 680)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.score_table = QTableWidget(2, 2, self)
        self.score_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.score_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.score_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.score_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.score_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.score_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.score_note = QLabel(self)
        self.score_note.setWordWrap(True)
        self.score_errors = QLabel(self)
        self.score_errors.setWordWrap(True)
        self.score_errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.word_tree = QTreeWidget(self)
        self.word_tree.setColumnCount(3)
        self.word_tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.word_tree.header()
        header.setSectionResizeMode(WORD_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SCORE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PIECES_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._fill_words()
        self.word_tree.itemChanged.connect(self._update_buttons)

        self.buttons = QDialogButtonBox(self)
        self.add_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button.clicked.connect(lambda: self.apply(replace=False))
        self.replace_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.replace_button.clicked.connect(lambda: self.apply(replace=True))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.score_table)
        layout.addWidget(self.score_note)
        layout.addWidget(self.score_errors)
        layout.addWidget(self.word_tree, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._update_buttons()

    def _fill_words(self) -> None:
        word_font = tibetan_editor_font()
        class_font = QFont(self.word_tree.font())
        class_font.setBold(True)
        self.word_tree.blockSignals(True)
        for label, suggestions in self.result.suggestions.items():
            class_item = QTreeWidgetItem(self.word_tree, [label])
            class_item.setFont(WORD_COLUMN, class_font)
            class_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            class_item.setFont(PIECES_COLUMN, word_font)
            items = []
            for rank, suggestion in enumerate(suggestions):
                item = QTreeWidgetItem(class_item, [suggestion.word, f"{suggestion.score:+.3f}",
                                                    " ".join(suggestion.pieces)])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                check_state = Qt.CheckState.Checked if rank == 0 else Qt.CheckState.Unchecked
                item.setCheckState(WORD_COLUMN, check_state)
                item.setFont(WORD_COLUMN, word_font)
                item.setFont(PIECES_COLUMN, word_font)
                items.append(item)
            self.word_items[label] = items
        self.word_tree.expandAll()
        self.word_tree.blockSignals(False)
        # Start the keyboard focus on the first word, so that Space ticks it.
        first_words = next((items for items in self.word_items.values() if items), [])
        if first_words:
            self.word_tree.setCurrentItem(first_words[0])

    # Texts.

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Suggested label words"))
        rows = max(self.result.rows_per_class.values(), default=0)
        self.summary_label.setText(self.tr(
            "The model filled the template's mask on at most %1 training rows per class. A word "
            "scores high when the model prefers it for this class's rows more than for the other "
            "classes' rows. Tick the words to use.").replace("%1", str(rows)))

        self.score_table.setHorizontalHeaderLabels([self.tr("Macro-F1"), self.tr("Macro-F1, calibrated")])
        self.score_table.setVerticalHeaderLabels([self.tr("Current label words"),
                                                  self.tr("Suggested words (the first of each class)")])
        self._show_scores()
        self._fit_score_table()
        self.score_note.setText(self.tr(
            "Zero-shot scores on %1 validation rows, without training. Calibrated: each class's "
            "score has its mean over these rows subtracted, so a word that the model prefers "
            "everywhere does not win every row.").replace("%1", str(self.result.validation_rows)))

        self.word_tree.setHeaderLabels([self.tr("Class / word"), self.tr("Score"),
                                        self.tr("Tokens at the mask")])
        for index in range(self.word_tree.topLevelItemCount()):
            class_item = self.word_tree.topLevelItem(index)
            words = self.current_verbalizer.get(class_item.text(WORD_COLUMN), [])
            if words:
                text = self.tr("Current label words: %1").replace("%1", ", ".join(words))
            else:
                text = self.tr("No label words yet")
            class_item.setText(PIECES_COLUMN, text)
        for items in self.word_items.values():
            for item in items:
                item.setToolTip(SCORE_COLUMN, self.tr(
                    "The word's mean log-probability at the mask on this class's rows, minus the "
                    "mean of that value over all classes."))

        self.add_button.setText(self.tr("Add ticked words"))
        self.add_button.setToolTip(self.tr("Add the ticked words to the label words of their class."))
        self.replace_button.setText(self.tr("Replace with ticked words"))
        self.replace_button.setToolTip(self.tr(
            "Replace the label words of each class that has a ticked word. Classes without a "
            "ticked word keep theirs."))

    def _show_scores(self) -> None:
        errors = []
        for row, score, name in ((CURRENT_ROW, self.result.current, self.tr("Current label words")),
                                 (SUGGESTED_ROW, self.result.suggested, self.tr("Suggested words"))):
            self._set_score_row(row, score)
            if score.error:
                errors.append(self.tr("%1 not scored: %2").replace("%1", name).replace("%2", score.error))
        self._mark_best_scores()
        self.score_errors.setText("\n".join(errors))
        self.score_errors.setVisible(bool(errors))

    def _fit_score_table(self) -> None:
        """Make the score table exactly as tall as its header and two rows, so it leaves no gap."""
        table = self.score_table
        table.resizeRowsToContents()
        height = (table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
                  + 2 * table.frameWidth())
        table.setFixedHeight(height)

    def _set_score_row(self, row: int, score: VerbalizerScore) -> None:
        for column, metrics in ((RAW_COLUMN, score.raw), (CALIBRATED_COLUMN, score.calibrated)):
            if metrics is None:
                item = QTableWidgetItem(NOT_SCORED)
                item.setToolTip(score.error)
            else:
                item = QTableWidgetItem(f"{metrics.macro_f1:.3f}")
                item.setToolTip(self.tr("Accuracy %1").replace("%1", f"{metrics.accuracy:.3f}"))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.score_table.setItem(row, column, item)

    def _mark_best_scores(self) -> None:
        """Set the higher macro-F1 of each column in bold, when both verbalizers were scored."""
        for column, attribute in ((RAW_COLUMN, "raw"), (CALIBRATED_COLUMN, "calibrated")):
            current = getattr(self.result.current, attribute)
            suggested = getattr(self.result.suggested, attribute)
            if current is None or suggested is None or current.macro_f1 == suggested.macro_f1:
                continue
            best = SUGGESTED_ROW if suggested.macro_f1 > current.macro_f1 else CURRENT_ROW
            item = self.score_table.item(best, column)
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)

    # Ticking and applying.

    def ticked_words(self) -> dict[str, list[str]]:
        """Return the ticked words of each class, best first; classes without one are left out."""
        ticked = {}
        for label, items in self.word_items.items():
            words = [item.text(WORD_COLUMN) for item in items
                     if item.checkState(WORD_COLUMN) == Qt.CheckState.Checked]
            if words:
                ticked[label] = words
        return ticked

    def set_ticked(self, words: dict[str, list[str]]) -> None:
        """Tick exactly ``words`` (class -> words) and untick every other suggestion."""
        for label, items in self.word_items.items():
            for item in items:
                checked = item.text(WORD_COLUMN) in words.get(label, [])
                item.setCheckState(WORD_COLUMN, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def apply(self, *, replace: bool) -> None:
        """Emit the ticked words for the page to apply, then close the dialog."""
        self.sigApplyRequested.emit(self.ticked_words(), replace)
        self.accept()

    def _update_buttons(self, *_args) -> None:
        any_ticked = bool(self.ticked_words())
        self.add_button.setEnabled(any_ticked)
        self.replace_button.setEnabled(any_ticked)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
