"""Every registered method, and the soft tokens of every prompt method, through a checked export,
an import with Predictor, and the model card's own snippet run without the app.

The cases come from the method registry, so a newly registered method is exported here too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from peftt_gui import cli
from peftt_gui.core import export
from peftt_gui.core.config import RunConfig
from peftt_gui.core.errors import ExportError
from peftt_gui.core.export import CHECK_TEXTS, export_run, import_bundle
from peftt_gui.core.methods import get_method, list_methods
from peftt_gui.core.predict import BUNDLE_MANIFEST_NAME
from peftt_gui.core.runner import make_normalizer, run_training
from peftt_gui.core.storage import RunStorage
from peftt_gui.core.trainer import EncodedSplit, predict_logits

TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'
# Soft slots before the text, after it with start words, and at the end of the row.
SOFT_TEMPLATE = '{"soft"} {"placeholder":"text_a"} {"soft": "གསར་འགྱུར"} འདི་ནི་{"mask"}་ཡིན། {"soft"}'
VERBALIZER = {
    "Politics": ["ཆབ་སྲིད"], "Economics": ["དཔལ་འབྱོར"], "Education": ["སློབ་གསོ"], "Tourism": ["ཡུལ་སྐོར"],
    "Environment": ["ཁོར་ཡུག"], "Language": ["སྐད་ཡིག"], "Literature": ["རྩོམ་རིག"], "Religion": ["ཆོས་ལུགས", "ཆོས"],
    "Arts": ["སྒྱུ་རྩལ"], "Medicine": ["གསོ་རིག"], "Customs": ["སྲོལ་རྒྱུན"], "Instruments": ["རོལ་ཆ"],
}
OFFLINE = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
SOFT_SUFFIX = "+soft"


def _cases() -> dict[str, tuple[str, str]]:
    """Case id -> (method, template): every method, and every prompt method again with soft tokens."""
    cases = {spec.name: (spec.name, TEMPLATE) for spec in list_methods()}
    cases.update({spec.name + SOFT_SUFFIX: (spec.name, SOFT_TEMPLATE) for spec in list_methods()
                  if spec.uses_template})
    return cases


CASES = _cases()


def _is_slow(case: str) -> bool:
    # Methods that train every weight of the model take several times longer than the others.
    spec = get_method(CASES[case][0])
    return spec.uses_model and not spec.uses_peft


CASE_PARAMS = [pytest.param(case, marks=pytest.mark.slow) if _is_slow(case) else case for case in CASES]
CASE_GROUPS = [pytest.param(tuple(case for case in CASES if not _is_slow(case)), id="quick"),
               pytest.param(tuple(case for case in CASES if _is_slow(case)), id="full", marks=pytest.mark.slow)]

# Runs the model card snippet of each bundle in one process with the app and scikit-learn made
# unimportable. For each bundle it prints the snippet's class_scores of the texts and the line
# that the snippet printed itself, or the error that stopped it.
SNIPPET_RUNNER = r"""
import contextlib, io, json, re, sys, traceback
sys.modules["peftt_gui"] = None
sys.modules["sklearn"] = None
base, bundles, texts = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
results = []
for bundle in bundles:
    try:
        card = open(bundle + "/README.md", encoding="utf-8").read()
        code = re.search(r"```python\n(.*?)```", card, re.S).group(1)
        code = re.sub(r"^base = .*$", "base = " + json.dumps(base), code, count=1, flags=re.M)
        code = re.sub(r"^bundle = .*$", "bundle = " + json.dumps(bundle), code, count=1, flags=re.M)
        namespace, printed = {}, io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, bundle + "/README.md", "exec"), namespace)
        scores = [[float(value) for value in namespace["class_scores"](text)] for text in texts]
        results.append({"scores": scores, "printed": printed.getvalue().strip()})
    except Exception:
        results.append({"error": traceback.format_exc()})
assert not any(name.startswith("peftt_gui.") for name in sys.modules)
print(json.dumps(results))
"""


def expected_weight_files(case: str) -> set[str]:
    method, template = CASES[case]
    spec = get_method(method)
    if not spec.uses_model:
        return {"baseline_features.json", "baseline_weights.safetensors"}
    files = {"adapter_config.json", "adapter_model.safetensors"} if spec.uses_peft else \
        {"config.json", "model.safetensors"}
    if template == SOFT_TEMPLATE:
        files.add("soft_tokens.safetensors")
    return files | {"tokenizer.json", "tokenizer_config.json"}


def trained_logits(outcome, config: RunConfig, texts) -> np.ndarray:
    """Logits of the trained model still in memory, on ``texts`` normalized as the app normalizes them."""
    normalized = [make_normalizer(config.normalization).normalize(text) for text in texts]
    if outcome.prepared is None:  # a method without a model keeps no PreparedRun
        return outcome.model.logits(normalized)
    prepared = outcome.prepared
    encoded = prepared.encoder.encode(normalized)
    split = EncodedSplit(encoded.input_ids, np.zeros(len(texts), dtype=np.int64), encoded.mask_positions)
    device = next(outcome.model.parameters()).device
    return predict_logits(outcome.model, split, prepared.tokenizer.pad_token_id, device)


# -- fixtures: one brief run and one checked export per case, shared by the module ----------------


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return tmp_path_factory.mktemp("export-more")


@pytest.fixture(scope="module")
def sample_texts(tncc_dir) -> list[str]:
    """Three TNCC-title test rows, normalized, and the export's check texts."""
    from peftt_gui.core.data import load_splits

    splits = load_splits(folder=tncc_dir, normalizer=make_normalizer("NFC+tsheg:auto"))
    return [row.text for row in splits.test[:3]] + list(CHECK_TEXTS)


@pytest.fixture(scope="module")
def exported(tiny_model_dir, tncc_dir, workspace):
    """Train ``case`` once (1 epoch on a TNCC-title slice), export it with the fresh-process check,
    and return (outcome, config, report)."""
    storage = RunStorage(workspace / "history.db")
    results = {}

    def export_case(case: str):
        if case not in results:
            method, template = CASES[case]
            spec = get_method(method)
            # A method that reads no model gets no model path at all.
            config = RunConfig(model_path=str(tiny_model_dir) if spec.uses_model else "", method=method,
                               data={"folder": str(tncc_dir), "max_train_rows": 48, "max_eval_rows": 24},
                               training={"epochs": 1, "batch_size": 16, "seed": 11},
                               template=template, verbalizer=VERBALIZER, output_dir=str(workspace / "runs"))
            outcome = run_training(config, storage=storage)
            report = export_run(storage.get_run(outcome.run_id), workspace / "bundles" / case)
            results[case] = (outcome, config, report)
        return results[case]

    return export_case


# -- every method ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_bundle_round_trip(case, exported, tiny_model_dir, sample_texts, tmp_path):
    from safetensors import safe_open

    outcome, config, report = exported(case)
    spec = get_method(config.method)

    # The bundle has the method's weight files, the card and the manifest, and no pickle.
    assert set(report.files) == expected_weight_files(case) | {"README.md", BUNDLE_MANIFEST_NAME}
    assert sorted(path.name for path in report.path.iterdir()) == sorted(report.files)
    assert not [name for name in report.files if name.endswith(export.UNSAFE_WEIGHT_SUFFIXES)]
    for name in report.files:
        if name.endswith(".safetensors"):
            with safe_open(str(report.path / name), framework="numpy") as handle:
                assert list(handle.keys()), name

    # The export reloaded the bundle in a fresh process, and the logits it compared against
    # (stored in the manifest) are those of the trained model.
    assert report.max_logit_difference is not None
    assert report.max_logit_difference <= export.EXPORT_TOLERANCE
    manifest = json.loads((report.path / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["method"] == config.method
    assert (manifest["base_model"] is None) == (not spec.uses_model)
    np.testing.assert_allclose(np.array(manifest["check"]["logits"]), trained_logits(outcome, config, CHECK_TEXTS),
                               atol=1e-5, rtol=1e-4)

    # An import checks the stored logits again, and its Predictor reproduces the trained model.
    imported = import_bundle(report.path, tmp_path / "imported", tiny_model_dir if spec.uses_model else None)
    assert imported.labels == manifest["labels"]
    np.testing.assert_allclose(imported.predictor(device="cpu").logits(sample_texts),
                               trained_logits(outcome, config, sample_texts), atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("cases", CASE_GROUPS)
def test_card_snippets_same_scores(cases, exported, tiny_model_dir, sample_texts):
    results = [exported(case) for case in cases]
    completed = subprocess.run(
        [sys.executable, "-c", SNIPPET_RUNNER, str(tiny_model_dir),
         json.dumps([str(report.path) for _, _, report in results]), json.dumps(sample_texts, ensure_ascii=False)],
        capture_output=True, text=True, env=OFFLINE)
    assert completed.returncode == 0, completed.stderr[-3000:]
    snippets = json.loads(completed.stdout.strip().splitlines()[-1])

    for case, (outcome, config, report), snippet in zip(cases, results, snippets):
        assert "error" not in snippet, f"{case}: {snippet.get('error')}"
        # The scores are the head's logits for classifier methods and the regression's for the
        # baseline. Prompt methods score a class by the log of the mean probability of its label words.
        np.testing.assert_allclose(np.array(snippet["scores"]), trained_logits(outcome, config, sample_texts),
                                   atol=1e-5, rtol=1e-4, err_msg=case)
        # The snippet's own last line prints the class of the card's example text.
        example_logits = trained_logits(outcome, config, [CHECK_TEXTS[0]])[0]
        assert snippet["printed"] == outcome_labels(report)[int(np.argmax(example_logits))], case


def outcome_labels(report) -> list[str]:
    return json.loads((report.path / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))["labels"]


# -- the baseline and soft tokens in detail -------------------------------------------------------


def test_baseline_card_needs_no_model(exported):
    _, _, report = exported("baseline")
    card = (report.path / "README.md").read_text(encoding="utf-8")

    assert "## Load with numpy" in card
    assert "from safetensors.numpy import load_file" in card
    assert "import torch" not in card
    assert "sklearn" not in card.split("```python")[1]
    assert "library_name" not in card
    assert "--base-model" not in card
    assert "peftt import baseline\n" in card
    assert "peftt_gui" not in card


def test_soft_token_card_explains_slots(exported):
    _, _, report = exported("prompt-tuning" + SOFT_SUFFIX)
    card = (report.path / "README.md").read_text(encoding="utf-8")

    assert 'load_file(f"{bundle}/soft_tokens.safetensors")["embedding"]' in card
    assert "embeddings[0, soft_at] = soft_tokens" in card
    assert "logits[0, mask_at + virtual_tokens]" in card  # prompt tuning puts virtual tokens first
    assert "one row per slot in template order" in card


def test_baseline_imports_without_base_model(exported, tiny_model_dir, sample_texts, tmp_path):
    outcome, config, report = exported("baseline")

    # A base model given for the baseline is not used.
    imported = import_bundle(report.path, tmp_path / "with-model", tiny_model_dir)

    assert imported.base_model_path is None
    manifest = json.loads((imported.path / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["base_model"] is None
    np.testing.assert_allclose(imported.predictor().logits(sample_texts),
                               trained_logits(outcome, config, sample_texts), atol=1e-6)


def test_import_needs_base_model_for_lora(exported, tmp_path):
    _, _, report = exported("lora")

    with pytest.raises(ExportError) as error:
        import_bundle(report.path, tmp_path / "imports" / "lora")

    assert "runs on the base model" in str(error.value)
    assert "--base-model" in str(error.value)
    assert not (tmp_path / "imports").exists()


def test_import_rejects_missing_soft_tokens(exported, tiny_model_dir, tmp_path):
    _, _, report = exported("prompt-lora" + SOFT_SUFFIX)
    bundle = Path(shutil.copytree(report.path, tmp_path / "bundle"))
    (bundle / "soft_tokens.safetensors").unlink()
    manifest = json.loads((bundle / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))
    del manifest["files"]["soft_tokens.safetensors"]
    (bundle / BUNDLE_MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(ExportError, match="missing soft_tokens.safetensors, which a prompt-lora bundle needs"):
        import_bundle(bundle, tmp_path / "target", tiny_model_dir)
    assert not (tmp_path / "target").exists()


def test_baseline_import_checks_class_count(exported, tmp_path):
    _, _, report = exported("baseline")
    bundle = Path(shutil.copytree(report.path, tmp_path / "bundle"))
    manifest = json.loads((bundle / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))
    manifest["labels"] = manifest["labels"][:-1]
    (bundle / BUNDLE_MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(ExportError, match="lists 11 classes but its regression weights have 12 rows"):
        import_bundle(bundle, tmp_path / "target", check=False)


def test_export_rejects_incomplete_soft_token_run(exported, tmp_path):
    outcome, _, _ = exported("prompt-lora" + SOFT_SUFFIX)
    weights = Path(shutil.copytree(outcome.weights_dir, tmp_path / "weights"))
    (weights / "soft_tokens.safetensors").unlink()

    with pytest.raises(ExportError, match="missing soft_tokens.safetensors, which a prompt-lora run saves"):
        export_run(weights, tmp_path / "bundle", check=False)
    assert not (tmp_path / "bundle").exists()


# -- command line ---------------------------------------------------------------------------------


def test_cli_imports_and_predicts_baseline(exported, tmp_path, capsys):
    outcome, config, report = exported("baseline")

    assert cli.main(["import", str(report.path), "--into", str(tmp_path / "imports")]) == 0
    assert "base model none needed" in capsys.readouterr().out
    bundle = tmp_path / "imports" / report.path.name

    assert cli.main(["predict", str(bundle), "--text", CHECK_TEXTS[1]]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    expected = trained_logits(outcome, config, [CHECK_TEXTS[1]])[0]
    assert lines[1].split("\t")[1] == outcome_labels(report)[int(np.argmax(expected))]


def test_cli_import_without_base_model_is_one_line(exported, tmp_path, capsys):
    _, _, report = exported("lora")

    status = cli.main(["import", str(report.path), "--into", str(tmp_path / "imports")])

    error = capsys.readouterr().err
    assert status == 2
    assert error.startswith("peftt: error: The lora bundle runs on the base model")
    assert len(error.strip().splitlines()) == 1
