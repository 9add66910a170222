"""The TF-IDF baseline: syllable n-grams, a run in the history like any other, a reload without
pickle, and its place in every study."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from peftt_gui.core import study
from peftt_gui.core.config import RunConfig
from peftt_gui.core.methods import get_method, list_methods
from peftt_gui.core.methods.baseline import (
    FEATURES_FILE,
    WEIGHTS_FILE,
    TfidfFeatures,
    fit_baseline,
    syllable_ngrams,
    syllables,
)
from peftt_gui.core.runner import run_training
from peftt_gui.core.storage import RunStorage

RELOAD_SCRIPT = """
import json, sys
import numpy as np
from peftt_gui.core.predict import Predictor
predictor = Predictor(sys.argv[1])
texts = json.loads(open(sys.argv[2], encoding="utf-8").read())
np.save(sys.argv[3], predictor.logits(texts))
"""


def baseline_config(tncc_dir, output_dir, **data):
    # The baseline reads no model, so the config names none.
    return RunConfig(method="baseline",
                     data={"folder": str(tncc_dir), "max_train_rows": 600, "max_eval_rows": 120, **data},
                     training={"seed": 5}, output_dir=str(output_dir))


def test_syllables_split_at_tsheg_shad_and_space():
    assert syllables("བོད་ལྗོངས། ཆབ་སྲིད་") == ["བོད", "ལྗོངས", "ཆབ", "སྲིད"]
    assert syllables("༄༅། །བཀྲ་ཤིས") == ["བཀྲ", "ཤིས"]
    assert syllable_ngrams("ཆབ་སྲིད་གསར", 1, 2) == ["ཆབ", "སྲིད", "གསར", "ཆབ སྲིད", "སྲིད གསར"]
    assert syllable_ngrams("ཆབ་སྲིད་གསར", 2, 3) == ["ཆབ སྲིད", "སྲིད གསར", "ཆབ སྲིད གསར"]


def test_features_match_scikit_learn(tncc_dir):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from peftt_gui.core.data import load_splits
    from peftt_gui.core.runner import make_normalizer

    splits = load_splits(folder=tncc_dir, normalizer=make_normalizer("NFC+tsheg:auto"))
    texts = [row.text for row in splits.train[:400]]
    options = get_method("baseline").options({"min_df": 2})
    features = TfidfFeatures.fit(texts, options)
    vectorizer = TfidfVectorizer(analyzer=lambda text: syllable_ngrams(text, 1, 2), min_df=2, sublinear_tf=True)
    expected = vectorizer.fit_transform(texts)

    assert features.vocabulary == vectorizer.vocabulary_
    ours = features.transform(texts).toarray()
    np.testing.assert_allclose(ours, expected.toarray(), atol=1e-12)
    # An unseen text gives an empty row, not an error.
    assert features.transform(["abc"]).nnz == 0


def test_two_classes_keep_scikit_learn_probabilities():
    from sklearn.linear_model import LogisticRegression

    texts = ["བདེ་པོ་ཡག་པོ", "ཡག་པོ་རེད", "སྡུག་པོ་རེད", "སྡུག་པོ་ཡིན", "བདེ་པོ་རེད", "སྡུག་ཡིན"]
    gold = np.array([0, 0, 1, 1, 0, 1])
    options = get_method("baseline").options({"class_weight": "none"})
    model, loss = fit_baseline(texts, gold, ["Positive", "Negative"], options)
    matrix = model.features.transform(texts)
    regression = LogisticRegression(C=options.C, solver="newton-cg").fit(matrix, gold)

    logits = model.logits(texts)
    probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(probabilities, regression.predict_proba(matrix), atol=1e-5)
    assert model.weight.shape == (2, len(model.features.vocabulary))
    assert 0 < loss < np.log(2)


def test_baseline_trains_records_and_reloads(tncc_dir, tmp_path):
    storage = RunStorage(tmp_path / "history.db")
    outcome = run_training(baseline_config(tncc_dir, tmp_path / "runs"), storage=storage)

    # The history row carries the same metrics as a torch run.
    record = storage.get_run(outcome.run_id)
    assert record.status == "finished"
    assert record.method == "baseline"
    assert record.model_name == ""
    assert record.best_epoch == 1
    assert 0.0 < record.best_val_macro_f1 <= 1.0
    assert 0.0 < record.test_macro_f1 <= 1.0
    assert set(record.test_per_class_f1) == set(record.labels)
    assert len(record.test_confusion) == 12
    assert len(record.extra["test_predictions"]) == len(record.extra["test_gold"])
    assert [epoch.epoch for epoch in storage.get_epochs(outcome.run_id)] == [1]
    assert len(storage.get_steps(outcome.run_id)) == 1

    # Trainable parameters are the regression's weights and biases, all of them.
    vocabulary = len(outcome.model.features.vocabulary)
    assert record.trainable_params == vocabulary * 12 + 12
    assert record.total_params == record.trainable_params
    assert record.trainable_percent == pytest.approx(100.0)

    # The weights folder has JSON, safetensors and the manifest, and no pickle.
    weights = Path(outcome.weights_dir)
    assert sorted(path.name for path in weights.iterdir()) == sorted([FEATURES_FILE, WEIGHTS_FILE, "peftt_run.json"])
    manifest = json.loads((weights / "peftt_run.json").read_text(encoding="utf-8"))
    assert manifest["method"] == "baseline"
    assert manifest["base_model"] is None
    assert manifest["metrics"]["test_macro_f1"] == pytest.approx(record.test_macro_f1)

    # A fresh process reloads the baseline and reproduces the logits of the trained model.
    texts = [row.text for row in _test_rows(tncc_dir)[:8]]
    expected = outcome.model.logits(texts)
    (tmp_path / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-c", RELOAD_SCRIPT, str(weights), str(tmp_path / "texts.json"),
                    str(tmp_path / "logits.npy")], check=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    np.testing.assert_allclose(np.load(tmp_path / "logits.npy"), expected, atol=1e-6)


def _test_rows(tncc_dir):
    from peftt_gui.core.data import load_splits
    from peftt_gui.core.runner import make_normalizer

    return load_splits(folder=tncc_dir, normalizer=make_normalizer("NFC+tsheg:auto")).test


def test_predict_command_reads_baseline(tncc_dir, tmp_path, capsys):
    from peftt_gui.cli import main

    outcome = run_training(baseline_config(tncc_dir, tmp_path / "runs", max_train_rows=200))
    assert main(["predict", outcome.weights_dir, "--text", "བོད་ལྗོངས་ཀྱི་དཔལ་འབྱོར་གྱི་གནས་ཚུལ"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].split("\t")[:2] == ["text", "prediction"]
    assert lines[1].split("\t")[1] in outcome.model.labels


def test_train_command_needs_no_model(tncc_dir, tmp_path, capsys):
    from peftt_gui.cli import main

    assert main(["train", "--method", "baseline", "--data", str(tncc_dir), "--max-train-rows", "200",
                 "--max-eval-rows", "60", "--no-history", "--output-dir", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "test macro-F1" in printed
    assert "100.000%" in printed


def test_baseline_cannot_resume(tncc_dir, tmp_path):
    from peftt_gui.core.errors import CheckpointError

    with pytest.raises(CheckpointError) as error:
        run_training(baseline_config(tncc_dir, tmp_path), resume_run_id=3)
    assert "Start it again" in str(error.value)


def test_baseline_config_needs_no_model():
    assert RunConfig(method="baseline", data={"folder": "data"}).model_path == ""
    # Run files and study cells that name the "-" placeholder still load; the baseline ignores it.
    assert RunConfig(model_path="-", method="baseline", data={"folder": "data"}).model_path == "-"


@pytest.mark.parametrize("method", [spec.name for spec in list_methods() if spec.uses_model])
def test_model_methods_need_model_path(method):
    from peftt_gui.core.errors import ConfigError

    for model_path in ("", "   "):
        with pytest.raises(ConfigError) as error:
            RunConfig(model_path=model_path, method=method, data={"folder": "data"})
        assert error.value.field == "model_path"
        assert f"the method {method!r} trains a language model" in str(error.value)
        assert "a method that reads no model (baseline)" in str(error.value)


def test_config_rejects_unknown_method():
    from peftt_gui.core.errors import ConfigError

    with pytest.raises(ConfigError) as error:
        RunConfig(model_path="models/tiny", method="lora-xl", data={"folder": "data"})
    assert error.value.field == "method"
    assert "Unknown method 'lora-xl'" in str(error.value)


def test_baseline_rejects_inverted_ngram_range():
    from peftt_gui.core.errors import ConfigError

    with pytest.raises(ConfigError) as error:
        get_method("baseline").options({"ngram_min": 3, "ngram_max": 2})
    assert error.value.field == "ngram_min"


def test_study_adds_baseline_once_per_seed_and_shots():
    spec = study.StudySpec(name="s", models=["a", "b"], methods=["finetune"], seeds=[1, 2], shots_per_class=[None, 8])
    assert spec.methods == ["finetune", "baseline"]
    cells = study.expand_grid(spec)
    baseline = [cell for cell in cells if cell.method == "baseline"]
    assert len(baseline) == 2 * 2                        # seeds x shots, not x models
    assert {cell.model for cell in baseline} == {study.NO_MODEL}
    assert cells[:4] == baseline                         # seconds each, so they run first
    assert len([cell for cell in cells if cell.method == "finetune"]) == 2 * 2 * 2
    assert len({cell.key for cell in cells}) == len(cells)

    without = study.StudySpec(name="s", models=["a"], methods=["finetune"], include_baseline=False)
    assert [cell.method for cell in study.expand_grid(without)] == ["finetune"] * 3


def test_study_runs_and_pairs_baseline(tncc_dir, tmp_path):
    storage = RunStorage(tmp_path / "history.db")
    spec = study.StudySpec(name="baseline-study", models=["-"], methods=["baseline"], seeds=[1, 2],
                           base={"data": {"folder": str(tncc_dir), "max_train_rows": 300, "max_eval_rows": 60},
                                 "output_dir": str(tmp_path / "runs")})
    assert len(study.run_study(spec, storage)) == 2
    rows = study.study_results(storage, "baseline-study")
    assert [(row.model, row.method, row.runs) for row in rows] == [("-", "baseline", 2)]
    assert rows[0].mean["trainable_percent"] == pytest.approx(100.0)


def test_baseline_pairs_with_every_model():
    cell = study.StudyCell
    assert study._paired(cell("-", "baseline", 1, None, None), cell("m", "finetune", 1, None, None))
    assert study._paired(cell("-", "baseline", 1, None, None), cell("m", "prompt", 1, None, 0))
    assert not study._paired(cell("-", "baseline", 1, None, None), cell("m", "finetune", 2, None, None))
    assert not study._paired(cell("a", "lora", 1, None, None), cell("b", "finetune", 1, None, None))


@pytest.mark.slow  # fits on all 7,422 TNCC-title training rows, 10-60 s depending on the machine's load
def test_full_tncc_title_score(tncc_dir, tmp_path):
    config = RunConfig(model_path="-", method="baseline", data={"folder": str(tncc_dir)},
                       output_dir=str(tmp_path))
    outcome = run_training(config)
    # The defaults gave 0.603 (scikit-learn 1.9); the margin allows for other library versions.
    assert outcome.result.test.macro_f1 > 0.58
