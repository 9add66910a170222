"""Template editor: slot highlighting, EWTS input and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from peftt_gui.gui.fonts import TIBETAN_EDITOR_SCALE, ui_point_size
from peftt_gui.gui.template_slots import INVALID, cursor_in_slot, find_slots
from peftt_gui.gui.tibetan_editor import SLOT_COLORS, TSHEG, TibetanTemplateEditor

TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་གི་གསར་འགྱུར་རེད།'


@pytest.fixture
def editor(qtbot, app_context):
    widget = TibetanTemplateEditor()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def formats_of_line(editor: TibetanTemplateEditor, position: int = 0):
    """Return (start, length, colour name) of each highlight range of one line."""
    layout = editor.document().findBlock(position).layout()
    return [(item.start, item.length, item.format.foreground().color().name())
            for item in layout.formats()]


def color(kind: str) -> str:
    return QColor(SLOT_COLORS[kind]).name()


# Lexer.

@pytest.mark.parametrize(("line", "expected"), [
    (TEMPLATE, [(0, 24, "placeholder"), (32, 8, "mask")]),
    ('{"soft"} {"soft": "ཚིག"} {"meta": "title"}',
     [(0, 8, "soft"), (9, 15, "soft"), (25, 17, "meta")]),
    ('{"placeholder":"text_a", "shortenable": "True"}', [(0, 47, "placeholder")]),
    ('{"mask"}}', [(0, 8, "mask"), (8, 1, INVALID)]),
    ('{"mask"', [(0, 7, INVALID)]),
    ('{{"mask"}', [(0, 1, INVALID), (1, 8, "mask")]),
    ("{}", [(0, 2, INVALID)]),
    ('{"masks"}', [(0, 9, INVALID)]),
    ('{"placeholder": text_a}', [(0, 23, INVALID)]),
    ('{"meta"}', [(0, 8, INVALID)]),
    ('{"mask":}', [(0, 9, INVALID)]),
    ('{"soft": "{"}', [(0, 13, "soft")]),
    ("བོད་སྐད།", []),
])
def test_find_slots(line, expected):
    assert [(slot.start, slot.length, slot.kind) for slot in find_slots(line)] == expected


def test_invalid_slot_has_reason():
    (slot,) = find_slots('{"masks"}')

    assert "masks" in slot.reason


def test_cursor_in_slot():
    assert cursor_in_slot('abc {"placeholder":"te')
    assert not cursor_in_slot('{"mask"} abc')
    assert not cursor_in_slot("")


# Highlighting.

def test_highlight_formats_at_slot_positions(editor):
    editor.setPlainText(TEMPLATE)

    assert formats_of_line(editor) == [(0, 24, color("placeholder")), (32, 8, color("mask"))]


def test_mask_is_bold_and_invalid_underlined(editor, qtbot):
    editor.setPlainText('{"mask"} {"oops"}')

    formats = editor.document().firstBlock().layout().formats()
    mask, invalid = formats
    assert mask.format.fontWeight() > 400
    assert invalid.format.foreground().color().name() == color(INVALID)
    assert invalid.format.underlineStyle() != invalid.format.UnderlineStyle.NoUnderline


def test_highlight_updates_when_typing(editor, qtbot):
    qtbot.keyClicks(editor, '{"mask"')
    assert formats_of_line(editor) == [(0, 7, color(INVALID))]

    qtbot.keyClicks(editor, "}")
    assert formats_of_line(editor) == [(0, 8, color("mask"))]


def test_each_line_highlighted_alone(editor):
    editor.setPlainText('{"soft"}\nབོད་{"mask"}')

    second_line = editor.document().findBlockByNumber(1)
    assert formats_of_line(editor, second_line.position()) == [(4, 8, color("mask"))]


def test_slot_at_position(editor):
    editor.setPlainText(TEMPLATE)

    assert editor.slot_at(3).kind == "placeholder"
    assert editor.slot_at(26) is None
    assert editor.slot_at(35).kind == "mask"


# EWTS input.

@pytest.mark.parametrize(("typed", "expected"), [
    ("bod skad/", "བོད་སྐད།"),
    ("bkra shis bde legs/", "བཀྲ་ཤིས་བདེ་ལེགས།"),
    ("g.yag ", "གཡག་"),
    ("'di ni ", "འདི་ནི་"),
    ("sangs rgyas_", "སངས་རྒྱས "),
])
def test_ewts_converts_words(editor, qtbot, typed, expected):
    editor.set_ewts_mode(True)
    qtbot.keyClicks(editor, typed)

    assert editor.toPlainText() == expected


def test_ewts_keeps_slots_latin(editor, qtbot):
    editor.set_ewts_mode(True)
    qtbot.keyClicks(editor, '{"placeholder":"text_a"}_\'di ni {"mask"} gi gsar \'gyur red/')

    assert editor.toPlainText() == TEMPLATE


def test_ewts_space_after_slot_is_tsheg(editor, qtbot):
    editor.set_ewts_mode(True)
    qtbot.keyClicks(editor, '{"mask"} gi')

    assert editor.toPlainText() == '{"mask"}' + TSHEG + "gi"


def test_ewts_converts_before_enter(editor, qtbot):
    editor.set_ewts_mode(True)
    qtbot.keyClicks(editor, "bod")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "skad")

    assert editor.toPlainText() == "བོད\nskad"


def test_ewts_off_leaves_latin(editor, qtbot):
    qtbot.keyClicks(editor, "bod skad/")

    assert editor.toPlainText() == "bod skad/"


def test_leaving_ewts_converts_last_word(editor, qtbot):
    editor.set_ewts_mode(True)
    qtbot.keyClicks(editor, "bkra shis")
    editor.ewts_action.setChecked(False)

    assert editor.toPlainText() == "བཀྲ་ཤིས"
    assert not editor.ewts_mode()


def test_space_after_shad_stays_space(editor, qtbot):
    editor.set_ewts_mode(True)
    qtbot.keyClicks(editor, "red/ da")

    assert editor.toPlainText() == "རེད། da"


def test_undo_after_conversion_restores_latin(editor, qtbot):
    editor.set_ewts_mode(True)
    qtbot.keyClicks(editor, "bod skad/")

    steps = []
    while editor.document().isUndoAvailable():
        editor.undo()
        steps.append(editor.toPlainText())

    # One step per conversion and one per typed word.
    assert steps == ["བོད་skad", "བོད་", "bod", ""]


def test_redo_replays_conversion(editor, qtbot):
    editor.set_ewts_mode(True)
    qtbot.keyClicks(editor, "bod ")
    editor.undo()
    assert editor.toPlainText() == "bod"

    editor.redo()
    assert editor.toPlainText() == "བོད་"


def test_undo_actions_follow_availability(editor, qtbot):
    assert not editor.undo_action.isEnabled()

    qtbot.keyClicks(editor, "x")
    assert editor.undo_action.isEnabled()
    assert not editor.redo_action.isEnabled()

    editor.undo_action.trigger()
    assert editor.toPlainText() == ""
    assert editor.redo_action.isEnabled()


def test_insert_slot_is_one_undo_step(editor):
    editor.setPlainText("བོད་")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insert_slot('{"mask"}')
    assert editor.toPlainText() == 'བོད་{"mask"}'

    editor.undo()
    assert editor.toPlainText() == "བོད་"


def test_editor_font_is_tibetan_and_larger(editor, app_context):
    system_size = ui_point_size()

    assert editor.font().families()[0] == "Noto Serif Tibetan"
    assert editor.font().pointSizeF() == pytest.approx(system_size * TIBETAN_EDITOR_SCALE)
    assert TIBETAN_EDITOR_SCALE >= 1.3


def test_slots_keep_ui_size(editor):
    editor.setPlainText(TEMPLATE)

    for item in editor.document().firstBlock().layout().formats():
        assert item.format.fontPointSize() == pytest.approx(ui_point_size())
