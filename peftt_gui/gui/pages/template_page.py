"""Template & verbalizer page: the prompt template and the label words of each class.

While the user types, the page renders the template on real training rows and shows the
tokenizer's pieces, and tokenizes every label word as it appears at the mask. Both run
in Workers after a pause in typing. "Score before training" measures how well the
untrained template and verbalizer already classify the validation split.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.errors import ConfigError, PefttError
from peftt_gui.gui.fonts import tibetan_editor_font, tibetan_family
from peftt_gui.gui.label_word_suggester import LabelWordSuggester
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.plots import BarChart
from peftt_gui.gui.run_config import DEFAULT_NORMALIZATION, build_run_config
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.tasks import (
    PREVIEW_ROW_COUNT,
    check_label_words,
    preview_template,
    score_zero_shot,
)
from peftt_gui.gui.tibetan_editor import SLOT_COLORS, TibetanTemplateEditor
from peftt_gui.gui.widgets import set_message
from peftt_gui.gui.worker import Worker

logger = logging.getLogger(__name__)

TEXT_SLOT = '{"placeholder":"text_a"}'
MASK_SLOT = '{"mask"}'
SOFT_SLOT = '{"soft"}'

# Label words of one class may be separated by a Latin, full-width or ideographic comma.
LABEL_WORD_SEPARATORS = re.compile(r"[,，、]")
UNKNOWN_CLASS_COLOR = "#d0191f"
WARNING_COLOR = "#d0191f"
PREVIEW_DELAY_MS = 300
CLASS_COLUMN, WORDS_COLUMN, PIECES_COLUMN = 0, 1, 2
PIECE_BACKGROUND = "#e3ebf6"
MASK_BACKGROUND = "#b35000"
SPECIAL_COLOR = "#7a7a7a"
F1_COLOR = "#b35000"


def parse_label_words(text: str) -> list[str]:
    """Split a table cell into label words, dropping empty ones."""
    return [word.strip() for word in LABEL_WORD_SEPARATORS.split(text) if word.strip()]


def pieces_html(pieces: list[str], mask_index: int = -1, special: tuple[int, ...] = ()) -> str:
    """Return the tokens as rich text: shaded chips, the mask highlighted."""
    chips = []
    for index, piece in enumerate(pieces):
        text = html.escape(piece)
        if index == mask_index:
            chips.append(f'<span style="background-color:{MASK_BACKGROUND}; color:#ffffff;">'
                         f'&nbsp;{text}&nbsp;</span>')
        elif index in special:
            chips.append(f'<span style="color:{SPECIAL_COLOR};">{text}</span>')
        else:
            chips.append(f'<span style="background-color:{PIECE_BACKGROUND};">&nbsp;{text}'
                         f'&nbsp;</span>')
    return " ".join(chips)


class TemplatePage(Page):
    """A Tibetan template editor with a live preview, above a class → label words table."""

    key = "template"
    # The zero-shot score of "Score before training" (a tasks.ZeroShotScore).
    sigZeroShotScored = Signal(object)

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self._preview_generation = 0
        self._words_generation = 0
        self.preview = None
        self.word_check = None
        self.zero_shot_worker: Worker | None = None
        self.zero_shot_score = None
        self._word_font = tibetan_editor_font()

        self._build_template_group()
        self._build_preview_group()
        self._build_verbalizer_group()
        self.suggester = LabelWordSuggester(state, self.start_task, self)
        self.suggester.sigApplyRequested.connect(self.apply_label_words)
        self.suggester.sigError.connect(self.sigError)
        self._build_zero_shot_group()

        self.body.addWidget(self.template_group)
        self.body.addWidget(self.preview_group)
        self.body.addWidget(self.verbalizer_group, 1)
        self.body.addWidget(self.suggester)
        self.body.addWidget(self.zero_shot_group)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview_now)
        self._words_timer = QTimer(self)
        self._words_timer.setSingleShot(True)
        self._words_timer.setInterval(PREVIEW_DELAY_MS)
        self._words_timer.timeout.connect(self.check_words_now)

        state.sigChanged.connect(self._on_state_changed)
        self.retranslate()
        # The main window may build this page after the model or the data has loaded.
        # So the page starts from the state as it is.
        if state.labels:
            self._add_rows_for_labels()
        if state.tokenizer is not None or state.splits is not None:
            self.schedule_preview()
            self.schedule_word_check()

    # Construction.

    def _build_template_group(self) -> None:
        self.editor = TibetanTemplateEditor(self)
        self.editor.setMinimumHeight(90)
        self.editor.setMaximumHeight(140)
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
        self.toolbar.addSeparator()
        self.import_template_action = self.toolbar.addAction("")
        self.import_template_action.triggered.connect(self._choose_template_file)
        self.export_template_action = self.toolbar.addAction("")
        self.export_template_action.triggered.connect(self._choose_template_export)

        self.legend_labels = {kind: QLabel(self) for kind in
                              ("placeholder", "mask", "soft", "meta", "invalid")}
        legend_row = QHBoxLayout()
        for kind, label in self.legend_labels.items():
            label.setStyleSheet(f"color: {SLOT_COLORS[kind]};")
            legend_row.addWidget(label)
        legend_row.addStretch(1)
        self.template_message = QLabel(self)
        self.template_message.setWordWrap(True)
        set_message(self.template_message, "")

        self.template_group = QGroupBox(self)
        template_layout = QVBoxLayout(self.template_group)
        template_layout.addWidget(self.toolbar)
        template_layout.addWidget(self.editor)
        template_layout.addLayout(legend_row)
        template_layout.addWidget(self.template_message)

    def _build_preview_group(self) -> None:
        self.preview_group = QGroupBox(self)
        self.preview_note = QLabel(self)
        self.preview_note.setWordWrap(True)
        self.preview_rows: list[tuple[QLabel, QLabel]] = []
        layout = QVBoxLayout(self.preview_group)
        layout.addWidget(self.preview_note)
        rendered_font = tibetan_editor_font()
        for _ in range(PREVIEW_ROW_COUNT):
            rendered = QLabel(self)
            rendered.setWordWrap(True)
            rendered.setFont(rendered_font)
            rendered.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            pieces = QLabel(self)
            pieces.setWordWrap(True)
            pieces.setTextFormat(Qt.TextFormat.RichText)
            pieces.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            pieces.setContentsMargins(12, 0, 0, 6)
            layout.addWidget(rendered)
            layout.addWidget(pieces)
            self.preview_rows.append((rendered, pieces))

    def _build_verbalizer_group(self) -> None:
        # One row per class: the class label (from the data), its label words, their pieces.
        self.verbalizer_group = QGroupBox(self)
        self.verbalizer_table = QTableWidget(0, 3, self)
        self._label_word_font = tibetan_editor_font()
        self.verbalizer_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        header = self.verbalizer_table.horizontalHeader()
        header.setSectionResizeMode(CLASS_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WORDS_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PIECES_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.verbalizer_table.verticalHeader().setVisible(False)
        self.verbalizer_table.setMinimumHeight(220)
        self.verbalizer_table.itemChanged.connect(self._on_verbalizer_edited)
        self.add_class_button = QPushButton(self)
        self.add_class_button.clicked.connect(self._add_class_row)
        self.remove_class_button = QPushButton(self)
        self.remove_class_button.clicked.connect(self._remove_selected_rows)
        self.import_verbalizer_button = QPushButton(self)
        self.import_verbalizer_button.clicked.connect(self._choose_verbalizer_file)
        self.export_verbalizer_button = QPushButton(self)
        self.export_verbalizer_button.clicked.connect(self._choose_verbalizer_export)
        self.verbalizer_note = QLabel(self)
        self.verbalizer_note.setWordWrap(True)
        self.verbalizer_message = QLabel(self)
        self.verbalizer_message.setWordWrap(True)
        self.verbalizer_message.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        set_message(self.verbalizer_message, "")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_class_button)
        buttons.addWidget(self.remove_class_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_verbalizer_button)
        buttons.addWidget(self.export_verbalizer_button)
        verbalizer_layout = QVBoxLayout(self.verbalizer_group)
        verbalizer_layout.addWidget(self.verbalizer_note)
        verbalizer_layout.addWidget(self.verbalizer_table)
        verbalizer_layout.addWidget(self.verbalizer_message)
        verbalizer_layout.addLayout(buttons)

    def _build_zero_shot_group(self) -> None:
        self.zero_shot_group = QGroupBox(self)
        self.zero_shot_button = QPushButton(self)
        self.zero_shot_button.clicked.connect(self.score_before_training)
        self.zero_shot_stop_button = QPushButton(self)
        self.zero_shot_stop_button.setEnabled(False)
        self.zero_shot_stop_button.clicked.connect(self._stop_zero_shot)
        self.zero_shot_label = QLabel(self)
        self.zero_shot_label.setWordWrap(True)
        self.zero_shot_chart = BarChart(self)
        self.zero_shot_chart.setMinimumHeight(300)
        self.zero_shot_chart.hide()
        row = QHBoxLayout()
        row.addWidget(self.zero_shot_button)
        row.addWidget(self.zero_shot_stop_button)
        row.addWidget(self.zero_shot_label, 1)
        layout = QVBoxLayout(self.zero_shot_group)
        layout.addLayout(row)
        layout.addWidget(self.zero_shot_chart)

    # Texts.

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
        self.import_template_action.setText(self.tr("Import…"))
        self.import_template_action.setToolTip(self.tr(
            "Read a template file in OpenPrompt's format (one template per line)."))
        self.export_template_action.setText(self.tr("Export…"))
        self.export_template_action.setToolTip(self.tr(
            "Save the template in OpenPrompt's format (one template per line)."))
        legend = {
            "placeholder": self.tr("text"),
            "mask": self.tr("mask"),
            "soft": self.tr("soft token"),
            "meta": self.tr("meta"),
            "invalid": self.tr("error"),
        }
        for kind, label in self.legend_labels.items():
            label.setText("■ " + legend[kind])

        self.preview_group.setTitle(self.tr("Preview on training rows"))
        self.verbalizer_group.setTitle(self.tr("Verbalizer"))
        self.verbalizer_table.setHorizontalHeaderLabels(
            [self.tr("Class"), self.tr("Label words"), self.tr("Tokens at the mask")])
        self.add_class_button.setText(self.tr("Add class"))
        self.remove_class_button.setText(self.tr("Remove class"))
        self.import_verbalizer_button.setText(self.tr("Import…"))
        self.import_verbalizer_button.setToolTip(self.tr(
            "Read label words from a .json file or a .txt file with one line of "
            "comma-separated words per class, in class order."))
        self.export_verbalizer_button.setText(self.tr("Export…"))
        self.export_verbalizer_button.setToolTip(self.tr(
            "Save the label words as .json or as .txt (one line per class)."))
        self.verbalizer_note.setText(self.tr(
            "Separate several label words of one class with commas. The classes are "
            "filled in from the training data once it has been loaded."))

        self.zero_shot_group.setTitle(self.tr("Before training"))
        self.zero_shot_button.setText(self.tr("Score before training"))
        self.zero_shot_button.setToolTip(self.tr(
            "Classify the validation split with the untrained model, this template and "
            "these label words, and report the macro-F1 (on the CPU)."))
        self.zero_shot_stop_button.setText(self.tr("Stop"))
        self.zero_shot_chart.set_labels(bottom=self.tr("Validation F1 per class"))
        self._mark_unknown_classes()
        self._show_preview()
        self._show_word_check()
        self._show_zero_shot()

    # Template.

    def _on_template_changed(self) -> None:
        self.state.set_template_text(self.editor.toPlainText())

    def schedule_preview(self) -> None:
        """Render the preview after a pause of ``PREVIEW_DELAY_MS`` in typing."""
        self._preview_generation += 1
        self._preview_timer.start()

    def update_preview_now(self) -> None:
        """Render the template on the first training rows and tokenize them in a Worker."""
        self._preview_timer.stop()
        self._preview_generation += 1
        generation = self._preview_generation
        template = self.state.template_text
        splits = self.state.splits
        if not template.strip() or splits is None:
            self.preview = None
            self._show_preview()
            return
        texts = [row.text for row in splits.train[:PREVIEW_ROW_COUNT]]
        max_length = int(self.state.hyperparameters.get("max_length", 128))
        self.start_task(preview_template, self.state.tokenizer, template, texts, max_length,
                        DEFAULT_NORMALIZATION, True,
                        on_finished=lambda preview: self._on_preview(generation, preview))

    def _on_preview(self, generation: int, preview) -> None:
        if generation != self._preview_generation:
            return
        self.preview = preview
        self._show_preview()

    def _show_preview(self) -> None:
        preview = self.preview
        for rendered, pieces in self.preview_rows:
            rendered.clear()
            pieces.clear()
            rendered.hide()
            pieces.hide()
        if preview is None:
            if self.state.splits is None:
                note = self.tr("Load the data on the Data page to see the template filled "
                               "with real training rows.")
            else:
                note = self.tr("Write a template to see it filled with training rows.")
            set_message(self.preview_note, note)
            set_message(self.template_message, "")
            return
        if preview.error:
            set_message(self.template_message, preview.error, error=True)
            set_message(self.preview_note, "")
            return
        set_message(self.template_message, self.tr("The template is valid."), success=True)
        if self.state.tokenizer is None:
            set_message(self.preview_note, self.tr(
                "Choose a model on the Model page to see the tokens of each row."))
        else:
            set_message(self.preview_note, self.tr(
                "Each row as the model reads it, token by token; the mask is highlighted."))
        for (rendered, pieces), row in zip(self.preview_rows, preview.rows):
            rendered.setText(row.rendered)
            rendered.show()
            if not row.pieces:
                continue
            text = pieces_html(row.pieces, row.mask_index, row.special_indexes)
            details = self.tr("%1 tokens; mask at token %2").replace(
                "%1", str(len(row.pieces))).replace("%2", str(row.mask_index + 1))
            if row.truncated:
                details += self.tr("; the text was shortened to fit the maximum length")
            pieces.setText(f'<span style="font-family:\'{tibetan_family()}\';">{text}</span>'
                           f' <i>({html.escape(details)})</i>')
            pieces.show()

    # Verbalizer.

    def verbalizer(self) -> dict[str, list[str]]:
        """Return the table as class label → label words (rows without a label skipped)."""
        result = {}
        for row in range(self.verbalizer_table.rowCount()):
            label_item = self.verbalizer_table.item(row, CLASS_COLUMN)
            words_item = self.verbalizer_table.item(row, WORDS_COLUMN)
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

    def apply_label_words(self, words: dict[str, list[str]], replace: bool) -> None:
        """Put ``words`` (class label → label words) into the table, replacing or adding.

        With ``replace`` each class in ``words`` gets exactly those words. Otherwise they
        follow the class's words, except those it has already. Other classes keep theirs.
        """
        table = self.verbalizer()
        for label, new_words in words.items():
            if replace:
                table[label] = list(new_words)
            else:
                present = table.get(label, [])
                table[label] = present + [word for word in new_words if word not in present]
        self.set_verbalizer(table)
        logger.info("%s suggested label words of %d classes", "Replaced with" if replace else "Added",
                    len(words))

    def _append_row(self, label: str, words: str) -> None:
        row = self.verbalizer_table.rowCount()
        self.verbalizer_table.insertRow(row)
        self.verbalizer_table.setItem(row, CLASS_COLUMN, QTableWidgetItem(label))
        words_item = QTableWidgetItem(words)
        words_item.setFont(self._label_word_font)
        self.verbalizer_table.setItem(row, WORDS_COLUMN, words_item)
        pieces_item = QTableWidgetItem("")
        pieces_item.setFlags(pieces_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        pieces_item.setFont(self._word_font)
        self.verbalizer_table.setItem(row, PIECES_COLUMN, pieces_item)

    def _add_class_row(self) -> None:
        self._append_row("", "")
        row = self.verbalizer_table.rowCount() - 1
        self.verbalizer_table.setCurrentCell(row, CLASS_COLUMN)
        self.verbalizer_table.editItem(self.verbalizer_table.item(row, CLASS_COLUMN))

    def _remove_selected_rows(self) -> None:
        rows = sorted({index.row() for index in self.verbalizer_table.selectedIndexes()},
                      reverse=True)
        for row in rows:
            self.verbalizer_table.removeRow(row)
        self._on_verbalizer_edited()

    def _on_verbalizer_edited(self, item: QTableWidgetItem | None = None) -> None:
        if item is not None and item.column() == PIECES_COLUMN:
            return
        self.state.set_verbalizer(self.verbalizer())
        self._mark_unknown_classes()

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
            item = self.verbalizer_table.item(row, CLASS_COLUMN)
            if item is None:
                continue
            unknown = bool(labels) and item.text().strip() not in labels
            item.setForeground(QBrush(QColor(UNKNOWN_CLASS_COLOR)) if unknown else QBrush())
            item.setToolTip(self.tr("This class is not in the training data.") if unknown else "")
        self.verbalizer_table.blockSignals(False)

    def schedule_word_check(self) -> None:
        self._words_generation += 1
        self._words_timer.start()

    def check_words_now(self) -> None:
        """Tokenize every label word at the mask in a Worker and mark problem words."""
        self._words_timer.stop()
        self._words_generation += 1
        generation = self._words_generation
        tokenizer = self.state.tokenizer
        verbalizer = self.state.verbalizer
        if tokenizer is None or not any(verbalizer.values()):
            self.word_check = None
            self._show_word_check()
            return
        self.start_task(check_label_words, tokenizer, self.state.template_text, verbalizer,
                        self.state.labels, DEFAULT_NORMALIZATION,
                        on_finished=lambda check: self._on_word_check(generation, check))

    def _on_word_check(self, generation: int, check) -> None:
        if generation != self._words_generation:
            return
        self.word_check = check
        self._show_word_check()

    def word_problems(self) -> dict[str, list[str]]:
        """Return the translated problems of each class's label words, by class."""
        problems: dict[str, list[str]] = {}
        for info in self.word_check.words if self.word_check else []:
            if info.unknown:
                problems.setdefault(info.label, []).append(
                    self.tr("%1 contains the unknown token, so the model cannot score it.")
                    .replace("%1", info.word))
            if info.same_ids_as is not None:
                other_label, other_word = info.same_ids_as
                problems.setdefault(info.label, []).append(
                    self.tr("%1 has the same tokens as %2 of class %3, so the two classes "
                            "cannot be told apart.")
                    .replace("%1", info.word).replace("%2", other_word).replace("%3", other_label))
        return problems

    def _show_word_check(self) -> None:
        check = self.word_check
        problems = self.word_problems()
        pieces_by_label: dict[str, list[str]] = {}
        for info in check.words if check else []:
            pieces_by_label.setdefault(info.label, []).append(" ".join(info.pieces))

        self.verbalizer_table.blockSignals(True)
        for row in range(self.verbalizer_table.rowCount()):
            label_item = self.verbalizer_table.item(row, CLASS_COLUMN)
            words_item = self.verbalizer_table.item(row, WORDS_COLUMN)
            pieces_item = self.verbalizer_table.item(row, PIECES_COLUMN)
            if label_item is None or words_item is None or pieces_item is None:
                continue
            label = label_item.text().strip()
            pieces_item.setText(" | ".join(pieces_by_label.get(label, [])))
            row_problems = problems.get(label, [])
            words_item.setForeground(QBrush(QColor(WARNING_COLOR)) if row_problems else QBrush())
            words_item.setToolTip("\n".join(row_problems))
            pieces_item.setToolTip("\n".join(row_problems))
        self.verbalizer_table.blockSignals(False)

        if check is not None and check.warnings:
            set_message(self.verbalizer_message, self.tr("Problems with label words:") + "\n"
                        + "\n".join("• " + warning for warning in check.warnings), error=True)
        elif check is not None:
            set_message(self.verbalizer_message, self.tr(
                "Every label word is known to the tokenizer, and no two classes share one."),
                success=True)
        else:
            set_message(self.verbalizer_message, "")

    # Import and export.

    def _choose_template_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import template"), "",
                                              self.tr("Template files (*.txt);;All files (*)"))
        if path:
            self.import_template_file(path)

    def import_template_file(self, path: str, index: int | None = None) -> bool:
        """Read an OpenPrompt template file; with several templates, ask which one."""
        from peftt_gui.core.template import templates_from_lines

        try:
            lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            set_message(self.template_message, self.tr("Cannot read %1: %2")
                        .replace("%1", path).replace("%2", str(error)), error=True)
            return False
        templates = templates_from_lines(lines)
        if not templates:
            set_message(self.template_message, self.tr("%1 contains no template.")
                        .replace("%1", path), error=True)
            return False
        if index is None and len(templates) > 1:
            choice, accepted = QInputDialog.getItem(
                self, self.tr("Import template"),
                self.tr("The file contains %1 templates. Choose one:")
                .replace("%1", str(len(templates))), templates, 0, False)
            if not accepted:
                return False
            index = templates.index(choice)
        self.editor.setPlainText(templates[index or 0])
        logger.info("Template imported from %s", path)
        return True

    def _choose_template_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export template"), "template.txt",
                                              self.tr("Template files (*.txt);;All files (*)"))
        if path:
            self.export_template_file(path)

    def export_template_file(self, path: str) -> None:
        """Write the template, one template per line, as OpenPrompt reads it."""
        lines = [line.strip() for line in self.editor.toPlainText().splitlines() if line.strip()]
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _choose_verbalizer_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import label words"), "",
            self.tr("Verbalizer files (*.json *.txt);;All files (*)"))
        if path:
            self.import_verbalizer_file(path)

    def import_verbalizer_file(self, path: str) -> bool:
        """Read label words from a .json file or a one-line-per-class .txt file."""
        from peftt_gui.core.verbalizer import load_verbalizer

        labels = self.state.labels or list(self.verbalizer()) or None
        try:
            verbalizer = load_verbalizer(path, labels=labels)
        except PefttError as error:
            set_message(self.verbalizer_message, str(error), error=True)
            return False
        merged = {label: [] for label in self.state.labels}
        merged.update(verbalizer.to_dict())
        self.set_verbalizer(merged)
        logger.info("Label words imported from %s", path)
        return True

    def _choose_verbalizer_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export label words"), "verbalizer.json",
            self.tr("JSON (*.json);;One line per class (*.txt)"))
        if path:
            self.export_verbalizer_file(path)

    def export_verbalizer_file(self, path: str) -> None:
        from peftt_gui.core.verbalizer import Verbalizer, save_verbalizer

        table = self.verbalizer()
        labels = self.state.labels or list(table)
        save_verbalizer(Verbalizer.from_mapping(table), path, labels)

    # Score before training.

    def score_before_training(self) -> None:
        """Score the untrained template and verbalizer on validation in a Worker."""
        if self.zero_shot_worker is not None and self.zero_shot_worker.is_running():
            return
        try:
            config = build_run_config(self.state.snapshot(), method="prompt",
                                      training_overrides={"device": "cpu"})
        except ConfigError as error:
            self.zero_shot_score = None
            set_message(self.zero_shot_label, str(error), error=True)
            return
        self.zero_shot_score = None
        self.zero_shot_chart.hide()
        set_message(self.zero_shot_label, self.tr("Loading the data and the model…"))
        self.zero_shot_button.setEnabled(False)
        self.zero_shot_stop_button.setEnabled(True)
        self.zero_shot_worker = self.start_task(
            score_zero_shot, config, on_progress=self._on_zero_shot_progress,
            on_finished=self._on_zero_shot_finished, on_failed=self._on_zero_shot_failed,
            on_cancelled=self._on_zero_shot_cancelled)

    def _stop_zero_shot(self) -> None:
        if self.zero_shot_worker is not None:
            self.zero_shot_worker.cancel()
            self.zero_shot_stop_button.setEnabled(False)

    def _on_zero_shot_progress(self, phases: list) -> None:
        texts = {"prepare": self.tr("Loading the data and the model…"),
                 "build": self.tr("Building the prompt model…"),
                 "score": self.tr("Scoring the validation rows…")}
        set_message(self.zero_shot_label, texts.get(phases[-1], ""))

    def _zero_shot_done(self) -> None:
        self.zero_shot_button.setEnabled(True)
        self.zero_shot_stop_button.setEnabled(False)

    def _on_zero_shot_finished(self, score) -> None:
        self._zero_shot_done()
        self.zero_shot_score = score
        logger.info("Zero-shot validation macro-F1 %.4f on %d rows", score.metrics.macro_f1,
                    score.rows)
        self._show_zero_shot()
        self.sigZeroShotScored.emit(score)

    def _on_zero_shot_failed(self, error: BaseException, traceback_text: str) -> None:
        self._zero_shot_done()
        if isinstance(error, PefttError):
            set_message(self.zero_shot_label, str(error), error=True)
        else:
            set_message(self.zero_shot_label, f"{type(error).__name__}: {error}", error=True)
            self.sigError.emit(error, traceback_text)

    def _on_zero_shot_cancelled(self) -> None:
        self._zero_shot_done()
        set_message(self.zero_shot_label, self.tr("Scoring was stopped."))

    def _show_zero_shot(self) -> None:
        score = self.zero_shot_score
        if score is None:
            if not self.zero_shot_button.isEnabled():
                return
            set_message(self.zero_shot_label, self.tr(
                "How well do the template and label words work before any training? A score "
                "near chance means the model does not yet connect your label words to the "
                "classes."))
            self.zero_shot_chart.hide()
            return
        metrics = score.metrics
        set_message(self.zero_shot_label, self.tr(
            "Validation macro-F1 %1, accuracy %2 on %3 rows, without training.")
            .replace("%1", f"{metrics.macro_f1:.3f}").replace("%2", f"{metrics.accuracy:.3f}")
            .replace("%3", str(score.rows)), success=True)
        self.zero_shot_chart.set_data(score.labels,
                                      {"f1": [metrics.per_class_f1[label] for label in score.labels]},
                                      {"f1": F1_COLOR}, value_range=(0.0, 1.0))
        self.zero_shot_chart.show()

    # Project state.

    def _on_state_changed(self, field: str) -> None:
        if field == "labels":
            self._add_rows_for_labels()
            self.schedule_word_check()
        elif field == "template_text":
            if self.editor.toPlainText() != self.state.template_text:
                self.editor.setPlainText(self.state.template_text)
            self.schedule_preview()
            self.schedule_word_check()
        elif field in ("tokenizer", "splits"):
            self.schedule_preview()
            self.schedule_word_check()
        elif field == "verbalizer":
            self.schedule_word_check()
        elif field == "hyperparameters":
            self.schedule_preview()
