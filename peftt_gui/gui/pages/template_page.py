"""Template & verbalizer page: the prompt template and the label words of each class."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.gui.fonts import tibetan_editor_font
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.tibetan_editor import SLOT_COLORS, TibetanTemplateEditor

TEXT_SLOT = '{"placeholder":"text_a"}'
MASK_SLOT = '{"mask"}'
SOFT_SLOT = '{"soft"}'

# Label words of one class may be separated by a Latin, full-width or ideographic comma.
LABEL_WORD_SEPARATORS = re.compile(r"[,，、]")
UNKNOWN_CLASS_COLOR = "#d0191f"


def parse_label_words(text: str) -> list[str]:
    """Split a table cell into label words, dropping empty ones."""
    return [word.strip() for word in LABEL_WORD_SEPARATORS.split(text) if word.strip()]


class TemplatePage(Page):
    """A Tibetan template editor above a class → label words table."""

    key = "template"
    icon_name = "template"

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)

        self.editor = TibetanTemplateEditor(self)
        self.editor.setMinimumHeight(110)
        self.editor.textChanged.connect(self._on_template_changed)

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.insert_text_action = self.toolbar.addAction("")
        self.insert_text_action.triggered.connect(lambda: self.editor.insert_slot(TEXT_SLOT))
        self.insert_mask_action = self.toolbar.addAction("")
        self.insert_mask_action.triggered.connect(lambda: self.editor.insert_slot(MASK_SLOT))
        self.insert_soft_action = self.toolbar.addAction("")
        self.insert_soft_action.triggered.connect(lambda: self.editor.insert_slot(SOFT_SLOT))
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.editor.undo_action)
        self.toolbar.addAction(self.editor.redo_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.editor.ewts_action)

        self.legend_labels = {kind: QLabel(self) for kind in
                              ("placeholder", "mask", "soft", "meta", "invalid")}
        legend_row = QHBoxLayout()
        for kind, label in self.legend_labels.items():
            label.setStyleSheet(f"color: {SLOT_COLORS[kind]};")
            legend_row.addWidget(label)
        legend_row.addStretch(1)

        self.template_group = QGroupBox(self)
        template_layout = QVBoxLayout(self.template_group)
        template_layout.addWidget(self.toolbar)
        template_layout.addWidget(self.editor)
        template_layout.addLayout(legend_row)

        # One row per class: the class label (from the data) and its label words.
        self.verbalizer_group = QGroupBox(self)
        self.verbalizer_table = QTableWidget(0, 2, self)
        self._label_word_font = tibetan_editor_font()
        self.verbalizer_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        header = self.verbalizer_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.verbalizer_table.verticalHeader().setVisible(False)
        self.verbalizer_table.setMinimumHeight(180)
        self.verbalizer_table.itemChanged.connect(self._on_verbalizer_edited)
        self.add_class_button = QPushButton(self)
        self.add_class_button.clicked.connect(self._add_class_row)
        self.remove_class_button = QPushButton(self)
        self.remove_class_button.clicked.connect(self._remove_selected_rows)
        self.verbalizer_note = QLabel(self)
        self.verbalizer_note.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_class_button)
        buttons.addWidget(self.remove_class_button)
        buttons.addStretch(1)
        verbalizer_layout = QVBoxLayout(self.verbalizer_group)
        verbalizer_layout.addWidget(self.verbalizer_note)
        verbalizer_layout.addWidget(self.verbalizer_table)
        verbalizer_layout.addLayout(buttons)

        self.body.addWidget(self.template_group)
        self.body.addWidget(self.verbalizer_group, 1)

        state.sigChanged.connect(self._on_state_changed)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Template & verbalizer")

    def description(self) -> str:
        return self.tr("For the prompt methods: the template wraps each text around a "
                       "mask, and the verbalizer lists the label words that stand for "
                       "each class at the mask.")

    def retranslate(self) -> None:
        super().retranslate()
        self.template_group.setTitle(self.tr("Template"))
        self.insert_text_action.setText(self.tr("Insert text"))
        self.insert_text_action.setToolTip(self.tr("Insert the slot of the input text: %1")
                                           .replace("%1", TEXT_SLOT))
        self.insert_mask_action.setText(self.tr("Insert mask"))
        self.insert_mask_action.setToolTip(self.tr("Insert the mask that the model fills: %1")
                                           .replace("%1", MASK_SLOT))
        self.insert_soft_action.setText(self.tr("Insert soft token"))
        self.insert_soft_action.setToolTip(self.tr("Insert a trainable soft token: %1")
                                           .replace("%1", SOFT_SLOT))
        legend = {
            "placeholder": self.tr("text"),
            "mask": self.tr("mask"),
            "soft": self.tr("soft token"),
            "meta": self.tr("meta"),
            "invalid": self.tr("error"),
        }
        for kind, label in self.legend_labels.items():
            label.setText("■ " + legend[kind])

        self.verbalizer_group.setTitle(self.tr("Verbalizer"))
        self.verbalizer_table.setHorizontalHeaderLabels(
            [self.tr("Class"), self.tr("Label words")])
        self.add_class_button.setText(self.tr("Add class"))
        self.remove_class_button.setText(self.tr("Remove class"))
        self.verbalizer_note.setText(self.tr(
            "Separate several label words of one class with commas. The classes are "
            "filled in from the training data once it has been loaded."))
        self._mark_unknown_classes()

    # Template.

    def _on_template_changed(self) -> None:
        self.state.set_template_text(self.editor.toPlainText())
        # TODO: parse the template with peftt_gui.core.template (and tokenize the label
        # words with the loaded tokenizer) in a Worker after a short pause in typing, and
        # show the TemplateError or VerbalizerError message below the editor.

    # Verbalizer.

    def verbalizer(self) -> dict[str, list[str]]:
        """Return the table as class label → label words (rows without a label skipped)."""
        result = {}
        for row in range(self.verbalizer_table.rowCount()):
            label_item = self.verbalizer_table.item(row, 0)
            words_item = self.verbalizer_table.item(row, 1)
            label = label_item.text().strip() if label_item else ""
            if label:
                result[label] = parse_label_words(words_item.text() if words_item else "")
        return result

    def set_verbalizer(self, verbalizer: dict[str, list[str]]) -> None:
        """Fill the table from ``verbalizer`` (class label → label words)."""
        self.verbalizer_table.blockSignals(True)
        self.verbalizer_table.setRowCount(0)
        for label, words in verbalizer.items():
            self._append_row(label, ", ".join(words))
        self.verbalizer_table.blockSignals(False)
        self._on_verbalizer_edited()

    def _append_row(self, label: str, words: str) -> None:
        row = self.verbalizer_table.rowCount()
        self.verbalizer_table.insertRow(row)
        self.verbalizer_table.setItem(row, 0, QTableWidgetItem(label))
        words_item = QTableWidgetItem(words)
        words_item.setFont(self._label_word_font)
        self.verbalizer_table.setItem(row, 1, words_item)

    def _add_class_row(self) -> None:
        self._append_row("", "")
        row = self.verbalizer_table.rowCount() - 1
        self.verbalizer_table.setCurrentCell(row, 0)
        self.verbalizer_table.editItem(self.verbalizer_table.item(row, 0))

    def _remove_selected_rows(self) -> None:
        rows = sorted({index.row() for index in self.verbalizer_table.selectedIndexes()},
                      reverse=True)
        for row in rows:
            self.verbalizer_table.removeRow(row)
        self._on_verbalizer_edited()

    def _on_verbalizer_edited(self, _item: QTableWidgetItem | None = None) -> None:
        self.state.set_verbalizer(self.verbalizer())
        self._mark_unknown_classes()

    def _on_state_changed(self, field: str) -> None:
        if field == "labels":
            self._add_rows_for_labels()
        elif field == "template_text" and self.editor.toPlainText() != self.state.template_text:
            self.editor.setPlainText(self.state.template_text)

    def _add_rows_for_labels(self) -> None:
        """Add an empty row for each training label that has none yet."""
        present = set(self.verbalizer())
        self.verbalizer_table.blockSignals(True)
        for label in self.state.labels:
            if label not in present:
                self._append_row(label, "")
        self.verbalizer_table.blockSignals(False)
        self._on_verbalizer_edited()

    def _mark_unknown_classes(self) -> None:
        """Colour class labels red that the training data does not contain."""
        labels = set(self.state.labels)
        self.verbalizer_table.blockSignals(True)
        for row in range(self.verbalizer_table.rowCount()):
            item = self.verbalizer_table.item(row, 0)
            if item is None:
                continue
            unknown = bool(labels) and item.text().strip() not in labels
            item.setForeground(QBrush(QColor(UNKNOWN_CLASS_COLOR)) if unknown else QBrush())
            item.setToolTip(self.tr("This class is not in the training data.") if unknown else "")
        self.verbalizer_table.blockSignals(False)
