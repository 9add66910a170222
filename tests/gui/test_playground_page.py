"""Playground page: runs and bundles loaded once, predictions as the user types, stale results dropped."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from peftt_gui.core.config import RunConfig
from peftt_gui.core.export import export_run
from peftt_gui.core.predict import BUNDLE_MANIFEST_NAME, Predictor
from peftt_gui.core.runner import run_training
from peftt_gui.core.storage import RunStorage
from peftt_gui.gui.pages import playground_page

TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'
VERBALIZER = {
    "Politics": ["ཆབ་སྲིད"], "Economics": ["དཔལ་འབྱོར"], "Education": ["སློབ་གསོ"], "Tourism": ["ཡུལ་སྐོར"],
    "Environment": ["ཁོར་ཡུག"], "Language": ["སྐད་ཡིག"], "Literature": ["རྩོམ་རིག"], "Religion": ["ཆོས་ལུགས", "ཆོས"],
    "Arts": ["སྒྱུ་རྩལ"], "Medicine": ["གསོ་རིག"], "Customs": ["སྲོལ་རྒྱུན"], "Instruments": ["རོལ་ཆ"],
}
LOAD_TIMEOUT_MS = 180_000
PREDICT_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class TrainedHistory:
    path: Path
    run_ids: dict[str, int]          # method -> run id
    weights: dict[str, str]          # method -> weights folder
    failed_run_id: int


@pytest.fixture(scope="module")
def trained_history(tiny_model_dir, tncc_dir, tmp_path_factory) -> TrainedHistory:
    """A history with a prompt + LoRA and a LoRA run (1 epoch on a TNCC-title slice) and a failed run."""
    folder = tmp_path_factory.mktemp("playground")
    storage = RunStorage(folder / "history.db")
    run_ids, weights = {}, {}
    for method in ("prompt-lora", "lora"):
        config = RunConfig(model_path=str(tiny_model_dir), method=method,
                           data={"folder": str(tncc_dir), "max_train_rows": 96, "max_eval_rows": 36},
                           training={"epochs": 1, "batch_size": 16, "seed": 5},
                           template=TEMPLATE, verbalizer=VERBALIZER, output_dir=str(folder / "runs"),
                           method_options={"r": 4})
        outcome = run_training(config, storage=storage)
        run_ids[method], weights[method] = outcome.run_id, outcome.weights_dir
    failed = storage.create_run(name="failed", method="lora", model_path=str(tiny_model_dir),
                                model_name="tiny", config={"method": "lora"}, labels=["Arts"],
                                template="", verbalizer=None)
    storage.finish_run(failed.id, "failed")
    storage.close()
    return TrainedHistory(folder / "history.db", run_ids, weights, failed.id)


@pytest.fixture(scope="module")
def reference_predictors(trained_history):
    """Predictors that the tests load themselves, one per method, to compare with the page."""
    cache = {}

    def get(method: str) -> Predictor:
        if method not in cache:
            cache[method] = Predictor(trained_history.weights[method])
        return cache[method]

    return get


@pytest.fixture(scope="module")
def titles(tncc_dir) -> list[str]:
    """TNCC-title test titles as the file has them: syllables separated by spaces."""
    lines = (tncc_dir / "test.txt").read_text(encoding="utf-8").splitlines()[:200]
    return [line.split("\t", 1)[1] for line in lines]


@pytest.fixture
def page(make_main_window, qtbot, monkeypatch, isolated_history, trained_history):
    monkeypatch.setenv("PEFTT_HISTORY", str(trained_history.path))
    window = make_main_window()
    page = window.pages["playground"]
    with qtbot.waitSignal(page.sigRunsLoaded, timeout=30_000):
        window.show_page("playground")
    return page


def load_run(page, qtbot, run_id: int) -> None:
    with qtbot.waitSignal(page.sigPredictorLoaded, timeout=LOAD_TIMEOUT_MS):
        assert page.select_run(run_id)


def type_text(widget, text: str) -> None:
    """Send one key press and release per character, as a keyboard (or input method) does.

    QTest.keyClicks accepts ASCII only, so the events are built here with the character
    as their text.
    """
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
        for event_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(event_type, key, Qt.KeyboardModifier.NoModifier, char))


def type_and_wait(page, qtbot, text: str, expected_text: str | None = None):
    """Type ``text`` into the editor and return the prediction shown for it."""
    expected = text if expected_text is None else expected_text
    page.editor.setFocus()
    with qtbot.waitSignal(page.sigPredictionShown, timeout=PREDICT_TIMEOUT_MS,
                          check_params_cb=lambda result: result.text == expected) as blocker:
        type_text(page.editor, text)
    return blocker.args[0]


def shown_word_scores(page) -> dict[tuple[str, str], float]:
    table = page.words_table
    return {(table.item(row, 0).text(), table.item(row, 1).text()): float(table.item(row, 2).text())
            for row in range(table.rowCount())}


def direct_word_scores(predictor: Predictor, text: str) -> dict[tuple[str, str], float]:
    """Mean log-probability of each label word's pieces at the mask, from the masked LM's output."""
    import torch

    from peftt_gui.core.verbalizer import tokenize_label_word

    encoded = predictor.encoder.encode([predictor.normalizer.normalize(text)])
    ids = torch.tensor([encoded.input_ids[0]])
    with torch.inference_mode():
        log_probs = predictor.model.mask_log_probs(ids, torch.ones_like(ids),
                                                   torch.tensor(encoded.mask_positions))[0]
    scores = {}
    for label, words in VERBALIZER.items():
        for word in words:
            normalized = predictor.normalizer.normalize(word)
            piece_ids, _ = tokenize_label_word(predictor.tokenizer, normalized, predictor.template.mask_suffix)
            scores[(label, normalized)] = float(log_probs[piece_ids].mean())
    return scores


def ewts_round_trip_title(titles: list[str], normalizer) -> tuple[str, str]:
    """Return (EWTS, Unicode) of the first title that EWTS writes and reads back unchanged."""
    import pyewts

    converter = pyewts.pyewts()
    for title in titles:
        unicode_text = normalizer.normalize(title)
        ewts = converter.toWylie(unicode_text)
        if converter.toUnicode(ewts) == unicode_text and "_" not in ewts:
            return ewts, unicode_text
    raise AssertionError("no TNCC-title title survives an EWTS round trip")


# -- the run list -------------------------------------------------------------------------------


def test_playground_is_a_page_with_icon(page):
    window = page.window()
    assert "playground" in window.pages
    row = list(window.pages).index("playground")
    assert window.sidebar.item(row).text() == "Playground"
    assert not window.sidebar.item(row).icon().isNull()


def test_lists_only_runs_with_weights(page, trained_history):
    listed = {run.run_id for run in page.runs}

    assert listed == set(trained_history.run_ids.values())
    assert trained_history.failed_run_id not in listed
    assert page.run_combo.count() == 1 + len(listed)
    assert page.run_combo.itemData(0) is None
    assert "Run " in page.run_combo.itemText(1)


# -- predictions --------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["prompt-lora", "lora"])
def test_prediction_equals_predictor(method, page, qtbot, trained_history, reference_predictors, titles):
    load_run(page, qtbot, trained_history.run_ids[method])
    text = titles[1]
    result = type_and_wait(page, qtbot, text)
    expected = reference_predictors(method).predict([text])[0]
    labels = reference_predictors(method).labels

    assert result.label == expected.label
    assert page.predicted_label.text().startswith(f"{expected.label} (probability ")
    assert page.probability_chart.categories == labels
    np.testing.assert_allclose(page.probability_chart.values("probability"),
                               [expected.probabilities[label] for label in labels], atol=1e-5)
    assert page.normalized_label.text().endswith(reference_predictors(method).normalizer.normalize(text))
    if method == "lora":
        assert expected.word_scores is None
        assert not page.words_table.isVisibleTo(page)
    else:
        assert page.words_table.isVisibleTo(page)
        shown = shown_word_scores(page)
        assert set(shown) == set(expected.word_scores)
        for pair, score in expected.word_scores.items():
            assert shown[pair] == pytest.approx(score, abs=1e-3)


def test_label_word_scores_equal_direct_computation(page, qtbot, trained_history, reference_predictors,
                                                    titles):
    load_run(page, qtbot, trained_history.run_ids["prompt-lora"])
    text = titles[2]
    result = type_and_wait(page, qtbot, text)
    direct = direct_word_scores(reference_predictors("prompt-lora"), text)

    shown = dict(zip(result.label_words, result.word_scores))
    assert set(shown) == set(direct)
    for pair, score in direct.items():
        assert shown[pair] == pytest.approx(score, abs=1e-4)

    # Each class scores the log of the mean probability of its words; softmax gives the chart.
    class_scores = np.array([np.log(np.mean([np.exp(direct[(label, word)]) for (owner, word) in direct
                                             if owner == label]))
                             for label in result.labels])
    probabilities = np.exp(class_scores - class_scores.max())
    np.testing.assert_allclose(result.probabilities, probabilities / probabilities.sum(), atol=1e-5)


def test_ewts_input_predicts_like_unicode(page, qtbot, trained_history, reference_predictors, titles):
    predictor = reference_predictors("prompt-lora")
    ewts, unicode_text = ewts_round_trip_title(titles, predictor.normalizer)
    load_run(page, qtbot, trained_history.run_ids["prompt-lora"])
    page.editor.set_ewts_mode(True)

    # The last word is still Latin in the editor; the prediction reads it converted.
    result = type_and_wait(page, qtbot, ewts, expected_text=unicode_text)
    expected = predictor.predict([unicode_text])[0]

    assert result.normalized == unicode_text
    assert result.label == expected.label
    np.testing.assert_allclose(result.probabilities,
                               [expected.probabilities[label] for label in predictor.labels], atol=1e-5)
    page.editor.set_ewts_mode(False)
    assert page.editor.toPlainText() == unicode_text


def test_typing_predicts_once_after_delay(page, qtbot, trained_history, titles, monkeypatch):
    calls = []
    original = playground_page.predict_text

    def counting_predict(predictor, text, **kwargs):
        calls.append(text)
        return original(predictor, text, **kwargs)

    monkeypatch.setattr(playground_page, "predict_text", counting_predict)
    load_run(page, qtbot, trained_history.run_ids["lora"])
    started = time.monotonic()
    type_and_wait(page, qtbot, titles[3])

    assert calls == [titles[3]]
    assert time.monotonic() - started >= playground_page.PREDICT_DELAY_MS / 1000


def test_stale_result_never_overwrites_newer(page, qtbot, trained_history, titles, monkeypatch):
    first, second = titles[4], titles[5]
    calls = []
    original = playground_page.predict_text

    def slow_first_predict(predictor, text, **kwargs):
        calls.append(text)
        if text == first:
            time.sleep(1.5)
        return original(predictor, text, **kwargs)

    monkeypatch.setattr(playground_page, "predict_text", slow_first_predict)
    load_run(page, qtbot, trained_history.run_ids["prompt-lora"])
    shown = []
    page.sigPredictionShown.connect(shown.append)

    page.editor.setPlainText(first)
    page.predict_now()
    qtbot.waitUntil(lambda: calls == [first], timeout=10_000)
    page.editor.setPlainText(second)
    page.predict_now()
    qtbot.waitUntil(lambda: bool(shown), timeout=PREDICT_TIMEOUT_MS)
    qtbot.wait(500)

    assert calls == [first, second]
    assert [result.text for result in shown] == [second]
    assert page.prediction.text == second


def test_same_run_is_loaded_once(page, qtbot, trained_history, monkeypatch):
    loads = []
    original = playground_page.load_predictor

    def counting_load(weights_dir, base_model_path, **kwargs):
        loads.append(weights_dir)
        return original(weights_dir, base_model_path, **kwargs)

    monkeypatch.setattr(playground_page, "load_predictor", counting_load)
    load_run(page, qtbot, trained_history.run_ids["lora"])
    predictor = page.predictor

    page.select_run(trained_history.run_ids["lora"])
    qtbot.wait(300)
    assert page.predictor is predictor
    assert loads == [trained_history.weights["lora"]]

    # Choosing another run while one loads ends with the last choice loaded.
    loaded = []
    page.sigPredictorLoaded.connect(loaded.append)
    page.select_run(trained_history.run_ids["prompt-lora"])
    qtbot.waitUntil(lambda: len(loads) == 2, timeout=30_000)
    page.select_run(trained_history.run_ids["lora"])
    qtbot.waitUntil(lambda: bool(loaded), timeout=LOAD_TIMEOUT_MS)
    qtbot.wait(300)

    assert loads == [trained_history.weights["lora"], trained_history.weights["prompt-lora"],
                     trained_history.weights["lora"]]
    assert loaded == [trained_history.weights["lora"]]
    assert page.predictor.manifest["method"] == "lora"
    assert page.run_combo.currentData() == trained_history.weights["lora"]


# -- bundles ------------------------------------------------------------------------------------


def test_zip_bundle_is_imported_with_base_model(page, qtbot, trained_history, tiny_model_dir, tmp_path,
                                                reference_predictors, titles, monkeypatch):
    storage = RunStorage(trained_history.path)
    report = export_run(storage.get_run(trained_history.run_ids["prompt-lora"]), tmp_path / "tncc-bundle",
                        as_zip=True, check=False)
    storage.close()
    dialog_titles = []

    def choose_base(_parent, title, _start):
        dialog_titles.append(title)
        return str(tiny_model_dir)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose_base)
    with qtbot.waitSignal(page.sigPredictorLoaded, timeout=LOAD_TIMEOUT_MS) as blocker:
        page.open_source(str(report.path))

    imported = Path(blocker.args[0])
    assert imported.name == "tncc-bundle"
    assert imported.parent.name == "imports"
    assert (imported / BUNDLE_MANIFEST_NAME).is_file()
    assert len(dialog_titles) == 1
    assert tiny_model_dir.name in dialog_titles[0]

    text = titles[6]
    result = type_and_wait(page, qtbot, text)
    expected = reference_predictors("prompt-lora").predict([text])[0]
    assert result.label == expected.label
    np.testing.assert_allclose(result.probabilities, list(expected.probabilities.values()), atol=1e-5)


def test_bundle_folder_with_moved_base_is_imported(page, qtbot, trained_history, tiny_model_dir, tmp_path,
                                                   monkeypatch):
    storage = RunStorage(trained_history.path)
    report = export_run(storage.get_run(trained_history.run_ids["lora"]), tmp_path / "moved", check=False)
    storage.close()
    manifest_path = report.path / BUNDLE_MANIFEST_NAME
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["base_model"]["path"] = str(tmp_path / "no-such-model")
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(tiny_model_dir))

    with qtbot.waitSignal(page.sigPredictorLoaded, timeout=LOAD_TIMEOUT_MS) as blocker:
        page.open_source(str(report.path))

    assert Path(blocker.args[0]).parent.name == "imports"
    assert page.predictor.manifest["base_model"]["path"] == str(tiny_model_dir)
    assert page.run_combo.currentIndex() == 0


def test_bundle_folder_with_found_base_loads_directly(page, qtbot, trained_history, tmp_path, monkeypatch):
    storage = RunStorage(trained_history.path)
    report = export_run(storage.get_run(trained_history.run_ids["lora"]), tmp_path / "here", check=False)
    storage.close()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *_args: pytest.fail("the page requested a base model folder"))

    with qtbot.waitSignal(page.sigPredictorLoaded, timeout=LOAD_TIMEOUT_MS) as blocker:
        page.open_source(str(report.path))

    assert blocker.args == [str(report.path)]


def test_folder_without_manifest_shows_error(page, qtbot, tmp_path):
    page.open_source(str(tmp_path))

    qtbot.waitUntil(lambda: page.source_message.isVisibleTo(page), timeout=30_000)
    assert "neither peftt_run.json nor peftt_manifest.json" in page.source_message.text()
    assert page.predictor is None


def test_base_model_dialog_cancelled_loads_nothing(page, qtbot, trained_history, tmp_path, monkeypatch):
    storage = RunStorage(trained_history.path)
    report = export_run(storage.get_run(trained_history.run_ids["lora"]), tmp_path / "cancelled",
                        as_zip=True, check=False)
    storage.close()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: "")

    page.open_source(str(report.path))

    qtbot.waitUntil(lambda: page.source_message.isVisibleTo(page), timeout=30_000)
    assert "No base model folder was chosen" in page.source_message.text()
    assert page.predictor is None
