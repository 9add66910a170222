"""Label-word suggestions on the Template page, with the tiny model and a TNCC-title slice.

The words the dialog shows must be those of ``core.label_words.suggest_label_words`` on
the same training rows, and the zero-shot scores those of ``MaskScorer.zero_shot`` on the
same validation rows. Applying ticked words changes the project's verbalizer, and stopping
or cancelling leaves it as it was.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from peftt_gui.core import label_words
from peftt_gui.core.runner import make_normalizer
from peftt_gui.gui.label_word_dialog import (
    CALIBRATED_COLUMN,
    CURRENT_ROW,
    PIECES_COLUMN,
    RAW_COLUMN,
    SCORE_COLUMN,
    SUGGESTED_ROW,
    WORD_COLUMN,
)
from peftt_gui.gui.run_config import DEFAULT_NORMALIZATION

TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་སྐོར་གྱི་གསར་འགྱུར་རེད།'
VERBALIZER = {
    "Politics": ["ཆབ་སྲིད"], "Economics": ["དཔལ་འབྱོར"], "Education": ["སློབ་གསོ"],
    "Tourism": ["ཡུལ་སྐོར"], "Environment": ["ཁོར་ཡུག"], "Language": ["སྐད་ཡིག"],
    "Literature": ["རྩོམ་རིག"], "Religion": ["ཆོས་ལུགས"], "Arts": ["སྒྱུ་རྩལ"],
    "Medicine": ["གསོ་རིག"], "Customs": ["སྲོལ་རྒྱུན"], "Instruments": ["རོལ་ཆ"],
}
TRAIN_ROWS = 120
EVAL_ROWS = 36
ROWS_PER_CLASS = 6
WORDS_PER_CLASS = 3
SEARCH_TIMEOUT_MS = 180_000


def open_data(window, qtbot, data_dir) -> None:
    """Choose the data folder with row limits and wait until the limited splits are loaded."""
    page = window.pages["data"]
    page.options_form.set_value("max_train_rows", TRAIN_ROWS)
    page.options_form.set_value("max_eval_rows", EVAL_ROWS)
    window.open_data_folder(str(data_dir))
    qtbot.waitUntil(lambda: window.state.splits is not None
                    and len(window.state.splits.train) <= TRAIN_ROWS, timeout=60_000)


@pytest.fixture
def suggest_window(main_window, qtbot, tiny_model_dir, tncc_dir):
    """A window with the tiny model, a TNCC-title slice, a template and hand-written label words."""
    main_window.state.set_model_folder(str(tiny_model_dir))
    open_data(main_window, qtbot, tncc_dir)
    page = main_window.pages["template"]
    page.editor.setPlainText(TEMPLATE)
    page.set_verbalizer(VERBALIZER)
    page.suggester.rows_spin.setValue(ROWS_PER_CLASS)
    page.suggester.words_spin.setValue(WORDS_PER_CLASS)
    return main_window


@pytest.fixture
def engine_scorer(tiny_model_dir):
    """Return a function that builds the engine's MaskScorer for the rows of ``splits``, as the CLI does."""
    def build(splits):
        return label_words.MaskScorer(tiny_model_dir, TEMPLATE,
                                      normalizer=make_normalizer(DEFAULT_NORMALIZATION),
                                      sample_texts=[row.text for row in splits.train])
    return build


def run_suggestion(window, qtbot):
    """Click "Suggest label words" and return the result once the dialog is open."""
    suggester = window.pages["template"].suggester
    with qtbot.waitSignal(suggester.sigSuggested, timeout=SEARCH_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(suggester.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: suggester.dialog is not None and suggester.dialog.isVisible(), timeout=10_000)
    return blocker.args[0]


def shown_words(dialog) -> dict[str, list[tuple[str, str, str]]]:
    """Return each class's rows of the dialog's tree as (word, score text, pieces text)."""
    rows_by_class = {}
    for index in range(dialog.word_tree.topLevelItemCount()):
        class_item = dialog.word_tree.topLevelItem(index)
        rows_by_class[class_item.text(WORD_COLUMN)] = [
            (child.text(WORD_COLUMN), child.text(SCORE_COLUMN), child.text(PIECES_COLUMN))
            for child in (class_item.child(row) for row in range(class_item.childCount()))]
    return rows_by_class


def zero_shot_scores(scorer, verbalizer, splits) -> tuple[float, float]:
    texts = [row.text for row in splits.validation]
    gold = [row.label for row in splits.validation]
    normalizer = make_normalizer(DEFAULT_NORMALIZATION)
    raw = scorer.zero_shot(verbalizer, texts, gold, splits.labels, normalizer)
    calibrated = scorer.zero_shot(verbalizer, texts, gold, splits.labels, normalizer, calibrate=True)
    return raw.macro_f1, calibrated.macro_f1


def test_shown_words_match_engine(suggest_window, qtbot, engine_scorer):
    window = suggest_window
    result = run_suggestion(window, qtbot)
    splits = window.state.splits
    scorer = engine_scorer(splits)
    grouped = label_words.texts_by_class(splits.train, splits.labels, ROWS_PER_CLASS, seed=13)
    expected = label_words.suggest_label_words(scorer, grouped, top_n=WORDS_PER_CLASS)

    assert result.rows_per_class == {label: len(texts) for label, texts in grouped.items()}
    assert [[item.word for item in items] for items in result.suggestions.values()] == \
        [[item.word for item in items] for items in expected.values()]
    dialog = window.pages["template"].suggester.dialog
    assert shown_words(dialog) == {
        label: [(item.word, f"{item.score:+.3f}", " ".join(item.pieces)) for item in items]
        for label, items in expected.items()}
    assert all(any(label_words._TIBETAN_LETTER.search(word) for word, _, _ in rows)
               for rows in shown_words(dialog).values())


def test_zero_shot_comparison_matches_engine(suggest_window, qtbot, engine_scorer):
    window = suggest_window
    result = run_suggestion(window, qtbot)
    splits = window.state.splits
    scorer = engine_scorer(splits)
    suggested = {label: [items[0].word] for label, items in result.suggestions.items()}

    assert result.validation_rows == len(splits.validation)
    assert result.current.error == ""
    assert result.suggested.verbalizer == suggested
    expected_current = zero_shot_scores(scorer, VERBALIZER, splits)
    expected_suggested = zero_shot_scores(scorer, suggested, splits)
    assert (result.current.raw.macro_f1, result.current.calibrated.macro_f1) == \
        pytest.approx(expected_current)
    assert (result.suggested.raw.macro_f1, result.suggested.calibrated.macro_f1) == \
        pytest.approx(expected_suggested)

    table = window.pages["template"].suggester.dialog.score_table
    assert table.item(CURRENT_ROW, RAW_COLUMN).text() == f"{expected_current[0]:.3f}"
    assert table.item(CURRENT_ROW, CALIBRATED_COLUMN).text() == f"{expected_current[1]:.3f}"
    assert table.item(SUGGESTED_ROW, RAW_COLUMN).text() == f"{expected_suggested[0]:.3f}"
    assert table.item(SUGGESTED_ROW, CALIBRATED_COLUMN).text() == f"{expected_suggested[1]:.3f}"


def test_replace_and_add_ticked_words(suggest_window, qtbot):
    window = suggest_window
    suggester = window.pages["template"].suggester
    result = run_suggestion(window, qtbot)
    politics = [item.word for item in result.suggestions["Politics"]]
    arts = [item.word for item in result.suggestions["Arts"]]

    dialog = suggester.dialog
    assert dialog.ticked_words() == {label: [items[0].word] for label, items in result.suggestions.items()}
    dialog.set_ticked({"Politics": politics[:2], "Arts": arts[:1]})
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)

    expected = dict(VERBALIZER, Politics=politics[:2], Arts=arts[:1])
    assert window.state.verbalizer == expected
    assert suggester.dialog is None or not suggester.dialog.isVisible()

    dialog = suggester.show_dialog(result)
    dialog.set_ticked({"Politics": politics[1:3], "Religion": [result.suggestions["Religion"][0].word]})
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    expected["Politics"] = politics[:3]
    expected["Religion"] = VERBALIZER["Religion"] + [result.suggestions["Religion"][0].word]
    assert window.state.verbalizer == expected
    assert window.pages["template"].verbalizer() == expected


def test_nothing_ticked_disables_apply(suggest_window, qtbot):
    result = run_suggestion(suggest_window, qtbot)
    dialog = suggest_window.pages["template"].suggester.dialog
    assert dialog.add_button.isEnabled()

    dialog.set_ticked({})
    assert not dialog.add_button.isEnabled()
    assert not dialog.replace_button.isEnabled()
    first = dialog.word_items["Arts"][0]
    first.setCheckState(WORD_COLUMN, Qt.CheckState.Checked)
    assert dialog.replace_button.isEnabled()
    assert dialog.ticked_words() == {"Arts": [result.suggestions["Arts"][0].word]}


def test_dialog_cancel_leaves_verbalizer(suggest_window, qtbot):
    window = suggest_window
    run_suggestion(window, qtbot)
    dialog = window.pages["template"].suggester.dialog

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert window.state.verbalizer == VERBALIZER
    assert window.pages["template"].verbalizer() == VERBALIZER


def test_stop_leaves_verbalizer(suggest_window, qtbot):
    window = suggest_window
    suggester = window.pages["template"].suggester
    qtbot.mouseClick(suggester.suggest_button, Qt.MouseButton.LeftButton)
    assert suggester.is_running()
    assert not suggester.progress_bar.isHidden()

    with qtbot.waitSignal(suggester.worker.sigCancelled, timeout=SEARCH_TIMEOUT_MS):
        qtbot.mouseClick(suggester.stop_button, Qt.MouseButton.LeftButton)
    assert suggester.result is None
    assert suggester.dialog is None
    assert "stopped" in suggester.status_label.text()
    assert suggester.suggest_button.isEnabled()
    assert suggester.progress_bar.isHidden()
    assert window.state.verbalizer == VERBALIZER


def test_current_words_incomplete_not_scored(suggest_window, qtbot):
    window = suggest_window
    window.pages["template"].set_verbalizer({"Politics": ["ཆབ་སྲིད"]})
    result = run_suggestion(window, qtbot)

    assert result.current.raw is None
    assert "no label word for the class(es)" in result.current.error
    assert result.suggested.raw is not None
    dialog = window.pages["template"].suggester.dialog
    assert dialog.score_table.item(CURRENT_ROW, RAW_COLUMN).text() == "—"
    assert dialog.score_errors.isVisibleTo(dialog)
    assert "Current label words not scored" in dialog.score_errors.text()


@pytest.mark.parametrize("case, expected", [
    ("no model", "No model is chosen"),
    ("no data", "No data is loaded"),
    ("soft tokens", "has soft tokens"),
    ("class without rows", "The class Sports of the verbalizer has no training rows"),
])
def test_errors_reach_notifier(main_window, qtbot, tiny_model_dir, tncc_dir, case, expected):
    state = main_window.state
    page = main_window.pages["template"]
    if case != "no model":
        state.set_model_folder(str(tiny_model_dir))
    if case in ("soft tokens", "class without rows"):
        open_data(main_window, qtbot, tncc_dir)
    template = '{"soft"} {"placeholder":"text_a"} {"mask"}' if case == "soft tokens" else TEMPLATE
    page.editor.setPlainText(template)
    if case == "class without rows":
        page.set_verbalizer(dict(VERBALIZER, Sports=["རྩེད་མོ"]))

    with qtbot.waitSignal(main_window.notifier.sigNotification, timeout=SEARCH_TIMEOUT_MS) as blocker:
        page.suggester.suggest()
    notification = blocker.args[0]
    assert notification.expected
    assert expected in notification.message
    assert notification.details == ""
    assert page.suggester.status_label.text() == notification.message
    assert page.suggester.suggest_button.isEnabled()
    assert page.suggester.dialog is None
