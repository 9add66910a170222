"""A plain-text editor for Tibetan prompt templates.

It colours OpenPrompt template slots (malformed braces in red, with the reason as a
tooltip) and shows Tibetan at a readable size. Undo and redo are available as actions.
In EWTS (Extended Wylie) input mode, the Latin EWTS that the user types turns into
Tibetan script word by word.

EWTS input follows the EWTS conventions as implemented by pyewts: a space between
syllables is a tsheg (་), ``/`` is a shad (།) and ``_`` is a real space. The word
before the cursor converts when the user types one of those delimiters (converted
together with the word) or any other character that cannot be part of an EWTS word,
such as ``{`` or Enter (inserted unchanged after the converted word). Each conversion
is one undo step, and undoing it brings the Latin word back. Text inside a slot's
braces never converts, so ``{"mask"}`` and ``text_a`` stay Latin.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from peftt_gui.gui.fonts import tibetan_editor_font, ui_point_size
from peftt_gui.gui.template_slots import INVALID, Slot, cursor_in_slot, find_slots

# Characters that can be part of one EWTS word: letters (including ' for a-chung),
# digits, "." (g.yag), "+" (explicit stacks), "~", "^" and "-".
EWTS_WORD_END = re.compile(r"[A-Za-z0-9'.+~^-]+$")
EWTS_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.+~^-")
# EWTS punctuation converted together with the word before it: tsheg, shad, space,
# non-breaking tsheg, and the less common ; | ! marks.
EWTS_DELIMITERS = frozenset(" /_*;|!")

TSHEG = "\u0f0b"

SLOT_COLORS = {
    "placeholder": "#1d5fb4",
    "mask": "#b35000",
    "soft": "#7b3fb5",
    "meta": "#2a7a2e",
    "other": "#5f6368",
    INVALID: "#d0191f",
}


def ends_syllable(char: str) -> bool:
    """Return whether a tsheg may follow ``char`` (a Tibetan letter, vowel, digit or ``}``)."""
    if char == "}":
        return True
    code = ord(char)
    return 0x0F40 <= code <= 0x0FBC or 0x0F20 <= code <= 0x0F33


class TemplateHighlighter(QSyntaxHighlighter):
    """Colours each slot of each line by kind; invalid ones red with a wavy underline.

    With ``slot_point_size`` the (Latin) slot text is drawn at that size, so that it
    does not grow with the enlarged Tibetan editor font.
    """

    def __init__(self, document: QTextDocument, *, slot_point_size: float = 0.0):
        super().__init__(document)
        self.slot_point_size = slot_point_size
        self.formats = {kind: self._format_for(kind) for kind in SLOT_COLORS}

    def highlightBlock(self, text: str) -> None:
        for slot in find_slots(text):
            self.setFormat(slot.start, slot.length, self.formats[slot.kind])

    def _format_for(self, kind: str) -> QTextCharFormat:
        text_format = QTextCharFormat()
        text_format.setForeground(QColor(SLOT_COLORS[kind]))
        if self.slot_point_size > 0:
            text_format.setFontPointSize(self.slot_point_size)
        if kind == "mask":
            text_format.setFontWeight(QFont.Weight.Bold)
        if kind == INVALID:
            text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            text_format.setUnderlineColor(QColor(SLOT_COLORS[INVALID]))
        return text_format


class TibetanTemplateEditor(QPlainTextEdit):
    """Template editor with slot highlighting, undo/redo actions and EWTS input."""

    sigEwtsModeChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFont(tibetan_editor_font())
        self.setTabChangesFocus(True)
        self.highlighter = TemplateHighlighter(self.document(), slot_point_size=ui_point_size())
        self._ewts_mode = False
        self._ewts_converter = None
        # Cursor position right after the last character typed in EWTS mode, so that
        # leaving the mode converts that word but not older Latin text.
        self._ewts_word_end: int | None = None

        self._create_actions()
        self._retranslate()

    def _create_actions(self) -> None:
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        self.undoAvailable.connect(self.undo_action.setEnabled)

        self.redo_action = QAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setEnabled(False)
        self.redo_action.triggered.connect(self.redo)
        self.redoAvailable.connect(self.redo_action.setEnabled)

        self.ewts_action = QAction(self)
        self.ewts_action.setCheckable(True)
        self.ewts_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.ewts_action.toggled.connect(self.set_ewts_mode)

        # The editor handles the undo/redo keys itself; the shortcuts on these actions
        # only show in menus and tooltips and must not fire a second time.
        for action in (self.undo_action, self.redo_action, self.ewts_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.addAction(action)

    def _retranslate(self) -> None:
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        self.ewts_action.setText(self.tr("EWTS input"))
        self.ewts_action.setToolTip(self.tr(
            "Type Tibetan in Extended Wylie (EWTS): each word turns into Tibetan script "
            "when you type a space (tsheg), / (shad) or _ (space)."))
        self.setPlaceholderText(self.tr(
            'Write the template, for example: {"placeholder":"text_a"} '
            'འདི་ནི་{"mask"}་གི་གསར་འགྱུར་རེད།'))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # Slots and tooltips.

    def slot_at(self, position: int) -> Slot | None:
        """Return the slot that covers the document ``position``, if any."""
        block = self.document().findBlock(position)
        column = position - block.position()
        for slot in find_slots(block.text()):
            if slot.start <= column < slot.start + slot.length:
                return slot
        return None

    def insert_slot(self, slot_text: str) -> None:
        """Insert ``slot_text`` (such as ``{"mask"}``) at the cursor as one undo step."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(slot_text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.setFocus()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            slot = self.slot_at(cursor.position())
            if slot is not None and slot.kind == INVALID:
                QToolTip.showText(event.globalPos(), slot.reason, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # EWTS input mode.

    def ewts_mode(self) -> bool:
        return self._ewts_mode

    def set_ewts_mode(self, enabled: bool) -> None:
        """Switch EWTS input on or off; switching off converts the word just typed."""
        if enabled == self._ewts_mode:
            return
        if not enabled and self._ewts_word_end == self.textCursor().position():
            self._convert_word_before_cursor("")
        self._ewts_mode = enabled
        self._ewts_word_end = None
        self.ewts_action.setChecked(enabled)
        self.sigEwtsModeChanged.emit(enabled)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._ewts_mode and self._handle_ewts_key(event):
            event.accept()
            return
        if not (self._ewts_mode and event.text() and event.text() in EWTS_WORD_CHARS
                and not self.textCursor().hasSelection()):
            super().keyPressEvent(event)
            return

        # Each EWTS word is one undo step, typed letters and conversion apart. Without
        # its own edit block, QTextDocument merges the first letters typed after a
        # conversion into the conversion's undo step.
        cursor = self.textCursor()
        if self._ewts_word_end == cursor.position():
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        super().keyPressEvent(event)
        cursor.endEditBlock()
        self._ewts_word_end = self.textCursor().position()

    def _handle_ewts_key(self, event: QKeyEvent) -> bool:
        """Convert the word before the cursor if ``event`` ends it; True if consumed."""
        shortcut_modifiers = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                              | Qt.KeyboardModifier.MetaModifier)
        if event.modifiers() & shortcut_modifiers:
            return False
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        line_before = cursor.block().text()[: cursor.positionInBlock()]
        if cursor_in_slot(line_before):
            return False

        text = event.text()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            self._convert_word_before_cursor("")
            return False
        if not text or not text.isprintable() or text in EWTS_WORD_CHARS:
            return False
        if text in EWTS_DELIMITERS:
            self._convert_word_before_cursor(text)
            return True
        self._convert_word_before_cursor("")
        return False

    def _convert_word_before_cursor(self, delimiter: str) -> bool:
        """Replace the EWTS word before the cursor (and ``delimiter``) by Tibetan script.

        Returns False when there was nothing to convert or insert.
        """
        cursor = self.textCursor()
        line_before = cursor.block().text()[: cursor.positionInBlock()]
        match = EWTS_WORD_END.search(line_before)
        word = match.group() if match else ""
        if word:
            replacement = self._to_unicode(word + delimiter)
        elif delimiter:
            replacement = self._delimiter_alone(delimiter, line_before)
        else:
            return False

        # One edit block, so that one undo brings back the Latin word.
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor,
                            len(word))
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self._ewts_word_end = None
        return True

    def _delimiter_alone(self, delimiter: str, line_before: str) -> str:
        # pyewts drops a space that follows no syllable, which would make the space bar
        # do nothing; a plain space is what the user expects there.
        if delimiter == " ":
            return TSHEG if line_before and ends_syllable(line_before[-1]) else " "
        return self._to_unicode(delimiter)

    def _to_unicode(self, ewts: str) -> str:
        if self._ewts_converter is None:
            import pyewts

            self._ewts_converter = pyewts.pyewts()
        return self._ewts_converter.toUnicode(ewts)
