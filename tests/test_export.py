"""Bundles: export with a fresh-process check, loading with plain peft, import and its refusals, CLI."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from peftt_gui import cli
from peftt_gui.core import export
from peftt_gui.core.config import RunConfig
from peftt_gui.core.errors import ExportError, display_path
from peftt_gui.core.export import CHECK_TEXTS, export_run, import_bundle
from peftt_gui.core.predict import BUNDLE_MANIFEST_NAME, Predictor
from peftt_gui.core.runner import run_training
from peftt_gui.core.storage import RunStorage
from peftt_gui.core.trainer import EncodedSplit, predict_logits

# Training the full methods takes longest, so their runs are in the slow set.
METHOD_PARAMS = [pytest.param("finetune", marks=pytest.mark.slow), pytest.param("prompt", marks=pytest.mark.slow),
                 "lora", "prompt-lora"]
METHOD_GROUPS = [pytest.param(("lora", "prompt-lora"), id="adapters"),
                 pytest.param(("finetune", "prompt"), id="full", marks=pytest.mark.slow)]
TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'
VERBALIZER = {
    "Politics": ["ཆབ་སྲིད"], "Economics": ["དཔལ་འབྱོར"], "Education": ["སློབ་གསོ"], "Tourism": ["ཡུལ་སྐོར"],
    "Environment": ["ཁོར་ཡུག"], "Language": ["སྐད་ཡིག"], "Literature": ["རྩོམ་རིག"], "Religion": ["ཆོས་ལུགས", "ཆོས"],
    "Arts": ["སྒྱུ་རྩལ"], "Medicine": ["གསོ་རིག"], "Customs": ["སྲོལ་རྒྱུན"], "Instruments": ["རོལ་ཆ"],
}
OFFLINE = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}

# Reloads bundles with the app in one fresh process and prints their logits on the texts.
APP_RELOAD = """
import json, sys
from peftt_gui.core.predict import Predictor
base, bundles, texts = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(json.dumps([Predictor(bundle, base_model_path=base, device="cpu").logits(texts).tolist() for bundle in bundles]))
"""

# Runs each model card's snippet in one process with the app made unimportable, and prints
# class_scores of the texts for each bundle.
PLAIN_RELOAD = r"""
import json, re, sys
sys.modules["peftt_gui"] = None
base, bundles, texts = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
results = []
for bundle in bundles:
    code = re.search(r"```python\n(.*?)```", open(bundle + "/README.md", encoding="utf-8").read(), re.S).group(1)
    code = re.sub(r"^base = .*$", "base = " + json.dumps(base), code, count=1, flags=re.M)
    code = re.sub(r"^bundle = .*$", "bundle = " + json.dumps(bundle), code, count=1, flags=re.M)
    namespace = {}
    exec(compile(code, bundle + "/README.md", "exec"), namespace)
    results.append([namespace["class_scores"](text).tolist() for text in texts])
assert not any(name.startswith("peftt_gui.") for name in sys.modules)
print(json.dumps(results))
"""


def run_json(script: str, *args: str):
    completed = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=OFFLINE)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def model_logits(outcome, texts) -> np.ndarray:
    """Logits of the trained model still in memory, encoded as the app encodes prediction input."""
    prepared = outcome.prepared
    encoded = prepared.encoder.encode([prepared.normalizer.normalize(text) for text in texts])
    split = EncodedSplit(encoded.input_ids, np.zeros(len(texts), dtype=np.int64), encoded.mask_positions)
    device = next(outcome.model.parameters()).device
    return predict_logits(outcome.model, split, prepared.tokenizer.pad_token_id, device)


# -- fixtures: one brief run and one checked export per method, shared by the module --------------


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return tmp_path_factory.mktemp("export")


@pytest.fixture(scope="module")
def history(workspace):
    return RunStorage(workspace / "history.db")


@pytest.fixture(scope="module")
def trained(tiny_model_dir, tncc_dir, history, workspace):
    """Train ``method`` once (1 epoch on a TNCC-title slice) and return the RunOutcome."""
    outcomes = {}

    def train(method: str):
        if method not in outcomes:
            config = RunConfig(model_path=str(tiny_model_dir), method=method,
                               data={"folder": str(tncc_dir), "max_train_rows": 96, "max_eval_rows": 36},
                               training={"epochs": 1, "batch_size": 16, "seed": 5},
                               template=TEMPLATE, verbalizer=VERBALIZER, output_dir=str(workspace / "runs"),
                               method_options={"r": 4} if "lora" in method else {})
            outcomes[method] = run_training(config, storage=history)
        return outcomes[method]

    return train


@pytest.fixture(scope="module")
def exported(trained, history, workspace):
    """Export ``method``'s run once, with the fresh-process check, and return (outcome, report)."""
    reports = {}

    def export_method(method: str):
        if method not in reports:
            outcome = trained(method)
            record = history.get_run(outcome.run_id)
            reports[method] = export_run(record, workspace / "bundles" / f"{method}-bundle")
        return trained(method), reports[method]

    return export_method


@pytest.fixture
def lora_bundle(exported, tmp_path) -> Path:
    """A private copy of the LoRA bundle that a test may change."""
    _, report = exported("lora")
    return Path(shutil.copytree(report.path, tmp_path / "lora-bundle"))


# -- export ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHOD_PARAMS)
def test_round_trip_same_logits(method, exported):
    outcome, report = exported(method)

    # The export wrote the method's standard files.
    weights = ("adapter_config.json", "adapter_model.safetensors") if "lora" in method else \
        ("config.json", "model.safetensors")
    assert set(report.files) == {*weights, "tokenizer.json", "tokenizer_config.json", "README.md",
                                 BUNDLE_MANIFEST_NAME}
    assert sorted(path.name for path in report.path.iterdir()) == sorted(report.files)

    # Its check reloaded the bundle in a fresh process, and the logits it compared against
    # (stored in the manifest) are those of the trained model.
    assert report.max_logit_difference is not None
    assert report.max_logit_difference <= export.EXPORT_TOLERANCE
    manifest = json.loads((report.path / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))
    np.testing.assert_allclose(np.array(manifest["check"]["logits"]), model_logits(outcome, CHECK_TEXTS),
                               atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("methods", METHOD_GROUPS)
def test_fresh_process_reloads_bundles(methods, exported, tiny_model_dir):
    results = [exported(method) for method in methods]
    texts = list(CHECK_TEXTS) + [results[0][0].prepared.splits.test[0].text]

    reloaded = run_json(APP_RELOAD, str(tiny_model_dir), json.dumps([str(report.path) for _, report in results]),
                        json.dumps(texts, ensure_ascii=False))

    for method, (outcome, _), logits in zip(methods, results, reloaded):
        np.testing.assert_allclose(np.array(logits), model_logits(outcome, texts), atol=1e-5, rtol=1e-4,
                                   err_msg=method)


@pytest.mark.parametrize("methods", METHOD_GROUPS)
def test_plain_peft_snippets_same_scores(methods, exported, tiny_model_dir):
    results = [exported(method) for method in methods]
    texts = [row.text for row in results[0][0].prepared.splits.validation[:3]] + list(CHECK_TEXTS)

    scores = run_json(PLAIN_RELOAD, str(tiny_model_dir), json.dumps([str(report.path) for _, report in results]),
                      json.dumps(texts, ensure_ascii=False))

    # Classifier methods: the head's logits. Prompt methods: the class scores (log of the mean
    # probability of the class's label words at the mask), which the app uses as logits.
    for method, (outcome, _), method_scores in zip(methods, results, scores):
        np.testing.assert_allclose(np.array(method_scores), model_logits(outcome, texts), atol=1e-5, rtol=1e-4,
                                   err_msg=method)


def test_snippet_uses_plain_classes(exported):
    _, lora = exported("lora")
    _, prompt_lora = exported("prompt-lora")
    lora_card = (lora.path / "README.md").read_text(encoding="utf-8")
    prompt_card = (prompt_lora.path / "README.md").read_text(encoding="utf-8")

    assert "AutoModelForSequenceClassification.from_pretrained(base, num_labels=len(labels))" in lora_card
    assert "PeftModel.from_pretrained(model, bundle)" in lora_card
    assert "PeftModel.from_pretrained(AutoModelForMaskedLM.from_pretrained(base), bundle)" in prompt_card
    assert '"Religion": ["ཆོས་ལུགས་", "ཆོས་"],' in prompt_card  # words as tokenized at the mask, tsheg included
    assert "peftt_gui" not in lora_card
    assert "peftt_gui" not in prompt_card


def test_bundle_manifest_and_card(exported, history, tiny_model_dir):
    outcome, report = exported("prompt-lora")
    record = history.get_run(outcome.run_id)
    manifest = json.loads((report.path / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))

    assert manifest["method"] == "prompt-lora"
    assert manifest["method_options"] == {"r": 4}
    assert manifest["labels"] == record.labels == sorted(VERBALIZER)
    assert manifest["template"] == TEMPLATE
    assert manifest["verbalizer"] == VERBALIZER
    assert manifest["normalization"] == record.normalization
    assert manifest["base_model"]["name"] == tiny_model_dir.name
    assert manifest["base_model"]["fingerprint"] == record.model_fingerprint
    assert manifest["base_model"]["vocab_size"] == 3000
    assert manifest["base_model"]["hidden_size"] == 128
    assert manifest["metrics"]["validation_macro_f1"] == record.best_val_macro_f1
    assert manifest["metrics"]["test_accuracy"] == record.test_accuracy
    assert manifest["metrics"]["test_per_class_f1"] == record.test_per_class_f1
    assert manifest["check"]["texts"] == list(CHECK_TEXTS)
    for name, digest in manifest["files"].items():
        assert export._sha256(report.path / name) == digest

    card = (report.path / "README.md").read_text(encoding="utf-8")
    assert f"| validation (best epoch 1) | {record.best_val_macro_f1:.4f} | {record.best_val_accuracy:.4f} |" in card
    assert f"| test | {record.test_macro_f1:.4f} | {record.test_accuracy:.4f} |" in card
    assert f"| Arts | {record.test_per_class_f1['Arts']:.4f} |" in card
    assert "library_name: peft" in card


def test_tokenizer_loads_from_bundle_root(exported, tiny_tokenizer):
    from transformers import AutoTokenizer

    _, report = exported("lora")
    config = json.loads((report.path / "tokenizer_config.json").read_text(encoding="utf-8"))
    assert config["tokenizer_class"] == "PreTrainedTokenizerFast"
    assert "local_files_only" not in config
    assert "is_local" not in config

    tokenizer = AutoTokenizer.from_pretrained(str(report.path), local_files_only=True)
    assert tokenizer("ཆབ་སྲིད་ཀྱི་གནས་ཚུལ")["input_ids"] == tiny_tokenizer("ཆབ་སྲིད་ཀྱི་གནས་ཚུལ")["input_ids"]
    adapter_config = json.loads((report.path / "adapter_config.json").read_text(encoding="utf-8"))
    assert adapter_config["base_model_name_or_path"] == Path(adapter_config["base_model_name_or_path"]).name


def test_bundle_holds_no_home_path(trained, history, tiny_model_dir, tmp_path, monkeypatch):
    home = tiny_model_dir.parent.parent
    monkeypatch.setenv("HOME", str(home))
    record = history.get_run(trained("lora").run_id)

    report = export_run(record, tmp_path / "bundle", check=False)

    manifest = json.loads((report.path / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["base_model"]["path"] == "~/" + tiny_model_dir.relative_to(home).as_posix()
    for path in report.path.iterdir():
        if path.suffix in (".json", ".md"):
            assert str(home) + "/" not in path.read_text(encoding="utf-8"), path.name
    assert "check" not in manifest


def test_zip_export_has_one_folder(trained, history, tmp_path):
    record = history.get_run(trained("lora").run_id)

    report = export_run(record, tmp_path / "shared" / "lora", as_zip=True, check=False)

    assert report.path == tmp_path / "shared" / "lora.zip"
    assert os.listdir(tmp_path / "shared") == ["lora.zip"]
    with zipfile.ZipFile(report.path) as archive:
        names = archive.namelist()
    assert sorted(names) == sorted(f"lora/{name}" for name in report.files)


def test_export_from_weights_folder(trained, tmp_path):
    outcome = trained("prompt-lora")

    report = export_run(outcome.weights_dir, tmp_path / "bundle", check=False)

    manifest = json.loads((report.path / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))
    assert report.run_id is None
    assert manifest["source_run"] is None
    assert manifest["metrics"]["test_macro_f1"] == outcome.result.test.macro_f1


def test_export_rejects_existing_destination(trained, history, tmp_path):
    record = history.get_run(trained("lora").run_id)
    (tmp_path / "bundle").mkdir()
    (tmp_path / "bundle" / "notes.txt").write_text("keep me", encoding="utf-8")

    with pytest.raises(ExportError, match="already exists"):
        export_run(record, tmp_path / "bundle", check=False)
    assert (tmp_path / "bundle" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_export_logit_mismatch_leaves_nothing(trained, history, tmp_path, monkeypatch):
    record = history.get_run(trained("lora").run_id)
    original = export._reference_logits
    monkeypatch.setattr(export, "_reference_logits", lambda source: original(source) + np.eye(4, 12) * 0.5)

    (tmp_path / "out").mkdir()

    with pytest.raises(ExportError) as error:
        export_run(record, tmp_path / "out" / "bundle")

    message = str(error.value)
    assert "fresh process" in message
    assert f"class {record.labels[0]} on check text 1" in message
    assert os.listdir(tmp_path / "out") == []


def test_export_reload_failure_leaves_nothing(trained, history, tmp_path, monkeypatch):
    record = history.get_run(trained("lora").run_id)
    monkeypatch.setattr(export, "_RELOAD_COMMAND", "import sys; sys.exit('simulated loader failure')")

    with pytest.raises(ExportError, match="simulated loader failure"):
        export_run(record, tmp_path / "new" / "folders" / "bundle.zip", as_zip=True)
    assert os.listdir(tmp_path) == []  # the folders made for the export are gone too


def test_export_disk_full_leaves_nothing(trained, history, tmp_path, monkeypatch):
    record = history.get_run(trained("lora").run_id)
    copies = []

    def copy_until_full(source, target):
        if copies:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        copies.append(target)
        shutil.copyfile(source, target)

    monkeypatch.setattr(export, "_copy_file", copy_until_full)
    (tmp_path / "out").mkdir()

    with pytest.raises(ExportError, match="Disk full") as error:
        export_run(record, tmp_path / "out" / "bundle", check=False)
    assert "Nothing was written" in str(error.value)
    assert copies  # the first file was written before the disk filled up
    assert os.listdir(tmp_path / "out") == []


# -- import ---------------------------------------------------------------------------------------


def test_import_zip_predicts_like_run(trained, history, tiny_model_dir, tmp_path):
    outcome = trained("prompt-lora")
    report = export_run(history.get_run(outcome.run_id), tmp_path / "prompt-lora", as_zip=True)

    imported = import_bundle(report.path, tmp_path / "imports" / "mine", tiny_model_dir)

    assert imported.path == tmp_path / "imports" / "mine"
    assert imported.method == "prompt-lora"
    assert imported.labels == outcome.prepared.splits.labels
    assert sorted(os.listdir(tmp_path / "imports")) == ["mine"]
    manifest = json.loads((imported.path / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["base_model"]["path"] == str(tiny_model_dir)
    predictor = Predictor(imported.path)  # the manifest now points at the chosen base model
    np.testing.assert_allclose(predictor.logits(list(CHECK_TEXTS)), model_logits(outcome, CHECK_TEXTS),
                               atol=1e-5, rtol=1e-4)


def test_import_folder_checks_labels(lora_bundle, tiny_model_dir, tmp_path):
    labels = json.loads((lora_bundle / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))["labels"]

    imported = import_bundle(lora_bundle, tmp_path / "same-labels", tiny_model_dir, labels=labels)
    assert imported.labels == labels

    with pytest.raises(ExportError, match="another order"):
        import_bundle(lora_bundle, tmp_path / "reversed", tiny_model_dir, labels=labels[::-1])
    with pytest.raises(ExportError, match="only in the bundle: Tourism; only in the expected labels: Travel"):
        import_bundle(lora_bundle, tmp_path / "renamed", tiny_model_dir, labels=[*labels[:-1], "Travel"])
    assert not (tmp_path / "reversed").exists()
    assert not (tmp_path / "renamed").exists()


def test_import_rejects_head_label_mismatch(lora_bundle, tiny_model_dir, tmp_path):
    manifest_path = lora_bundle / BUNDLE_MANIFEST_NAME
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["labels"] = manifest["labels"][:-1]
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(ExportError, match="lists 11 classes but its classification head has 12 outputs"):
        import_bundle(lora_bundle, tmp_path / "target", tiny_model_dir)


def test_import_rejects_other_vocabulary(lora_bundle, tiny_model_dir, tmp_path):
    other = Path(shutil.copytree(tiny_model_dir, tmp_path / "bigger-model"))
    config = json.loads((other / "config.json").read_text(encoding="utf-8"))
    config["vocab_size"] = 8000
    (other / "config.json").write_text(json.dumps(config), encoding="utf-8")

    with pytest.raises(ExportError) as error:
        import_bundle(lora_bundle, tmp_path / "target", other)

    message = str(error.value)
    assert "vocabulary 3000 in the bundle vs 8000 in bigger-model" in message
    assert "fingerprint" in message
    assert "hidden size" not in message
    assert not (tmp_path / "target").exists()


def test_import_rejects_other_fingerprint(lora_bundle, tiny_model_dir, tmp_path):
    other = Path(shutil.copytree(tiny_model_dir, tmp_path / "edited-model"))
    # Extra files such as a README do not count, but any change to a file that defines the model does.
    (other / "notes.txt").write_text("an extra file does not change the fingerprint", encoding="utf-8")
    config = json.loads((other / "config.json").read_text(encoding="utf-8"))
    config["layer_norm_eps"] = config.get("layer_norm_eps", 1e-12) * 10
    (other / "config.json").write_text(json.dumps(config), encoding="utf-8")

    with pytest.raises(ExportError, match="fingerprint .* in the bundle vs .* in edited-model") as error:
        import_bundle(lora_bundle, tmp_path / "target", other)
    assert "vocabulary" not in str(error.value)


@pytest.mark.parametrize("name", ["pytorch_model.bin", "optimizer.pt", "extra/state.pkl"])
def test_import_rejects_pickle_files(name, lora_bundle, tiny_model_dir, tmp_path):
    (lora_bundle / name).parent.mkdir(exist_ok=True)
    (lora_bundle / name).write_bytes(b"not loaded")

    with pytest.raises(ExportError, match=f"pickle-based files \\({name}\\)"):
        import_bundle(lora_bundle, tmp_path / "target", tiny_model_dir)


def test_import_rejects_pickle_in_zip(lora_bundle, tiny_model_dir, tmp_path):
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in lora_bundle.iterdir():
            handle.write(path, f"bundle/{path.name}")
        handle.writestr("bundle/training_args.bin", b"pickle")

    with pytest.raises(ExportError, match="bundle/training_args.bin"):
        import_bundle(archive, tmp_path / "target", tiny_model_dir)
    assert sorted(os.listdir(tmp_path)) == ["bundle.zip", "lora-bundle"]


def _zip_with_entry(lora_bundle: Path, archive: Path, entry: zipfile.ZipInfo) -> Path:
    with zipfile.ZipFile(archive, "w") as handle:
        for path in lora_bundle.iterdir():
            handle.write(path, path.name)
        handle.writestr(entry, b"payload")
    return archive


@pytest.mark.parametrize("entry_name", ["../escaped.txt", "/tmp/peftt-absolute.txt", "docs/../../escaped.txt",
                                        "..\\escaped.txt", "C:/escaped.txt"])
def test_import_rejects_zip_slip(entry_name, lora_bundle, tiny_model_dir, tmp_path):
    archive = _zip_with_entry(lora_bundle, tmp_path / "evil.zip", zipfile.ZipInfo(entry_name))
    target_parent = tmp_path / "imports"

    with pytest.raises(ExportError) as error:
        import_bundle(archive, target_parent / "target", tiny_model_dir)

    assert repr(entry_name) in str(error.value)
    assert "outside the target folder" in str(error.value)
    assert not (tmp_path / "escaped.txt").exists()
    assert not Path("/tmp/peftt-absolute.txt").exists()
    assert not target_parent.exists()  # created for the import, removed with it


def test_import_rejects_zip_symlink(lora_bundle, tiny_model_dir, tmp_path):
    link = zipfile.ZipInfo("tokenizer_link.json")
    link.create_system = 3  # Unix, so the mode bits count
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    archive = _zip_with_entry(lora_bundle, tmp_path / "link.zip", link)

    with pytest.raises(ExportError, match="'tokenizer_link.json' is a symbolic link"):
        import_bundle(archive, tmp_path / "target", tiny_model_dir)
    assert not (tmp_path / "target").exists()


def test_import_rejects_damaged_file(lora_bundle, tiny_model_dir, tmp_path):
    with (lora_bundle / "adapter_model.safetensors").open("r+b") as handle:
        handle.seek(-4, os.SEEK_END)
        handle.write(b"\x00\x01\x02\x03")

    with pytest.raises(ExportError, match="adapter_model.safetensors is damaged"):
        import_bundle(lora_bundle, tmp_path / "target", tiny_model_dir)


def test_import_rejects_changed_logits(lora_bundle, tiny_model_dir, tmp_path):
    manifest_path = lora_bundle / BUNDLE_MANIFEST_NAME
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["check"]["logits"][2][5] += 0.1
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(ExportError, match=f"for class {manifest['labels'][5]} on check text 3"):
        import_bundle(lora_bundle, tmp_path / "target", tiny_model_dir)
    assert not (tmp_path / "target").exists()


def test_import_rejects_plain_folder(tiny_model_dir, tmp_path):
    with pytest.raises(ExportError, match="not a PEFTT Studio bundle"):
        import_bundle(tiny_model_dir, tmp_path / "target", tiny_model_dir)


# -- command line ---------------------------------------------------------------------------------


def test_cli_export_import_predict(trained, history, tiny_model_dir, tmp_path, capsys):
    outcome = trained("lora")
    history_args = ["--history", str(history.path)]

    assert cli.main([*history_args, "export", str(outcome.run_id), "--out", str(tmp_path / "lora"), "--zip"]) == 0
    assert "Checked: reloaded in a fresh process" in capsys.readouterr().out
    assert cli.main(["import", str(tmp_path / "lora.zip"), "--base-model", str(tiny_model_dir),
                     "--into", str(tmp_path / "imports")]) == 0
    bundle = tmp_path / "imports" / "lora"
    assert f"Bundle imported to {display_path(bundle)}" in capsys.readouterr().out

    texts = [row.text for row in outcome.prepared.splits.test[:5]]
    (tmp_path / "texts.txt").write_text("\n".join(texts) + "\n", encoding="utf-8")
    assert cli.main(["predict", str(bundle), "--file", str(tmp_path / "texts.txt"),
                     "--out", str(tmp_path / "preds.tsv")]) == 0

    lines = (tmp_path / "preds.tsv").read_text(encoding="utf-8").splitlines()
    labels = outcome.prepared.splits.labels
    assert lines[0].split("\t") == ["text", "prediction", *labels]
    assert len(lines) == 1 + len(texts)
    expected = model_logits(outcome, texts)
    for line, text, logits in zip(lines[1:], texts, expected):
        cells = line.split("\t")
        assert cells[0] == text
        assert cells[1] == labels[int(np.argmax(logits))]
        probabilities = np.array([float(cell) for cell in cells[2:]])
        assert probabilities.sum() == pytest.approx(1.0, abs=1e-3)
        shifted = np.exp(logits - logits.max())
        np.testing.assert_allclose(probabilities, shifted / shifted.sum(), atol=6e-5)


def test_cli_import_error_is_one_line(lora_bundle, tiny_model_dir, tmp_path, capsys):
    (lora_bundle / "pytorch_model.bin").write_bytes(b"pickle")

    status = cli.main(["import", str(lora_bundle), "--base-model", str(tiny_model_dir),
                       "--into", str(tmp_path / "imports")])

    error = capsys.readouterr().err
    assert status == 2
    assert error.startswith("peftt: error: The bundle contains pickle-based files (pytorch_model.bin)")
    assert len(error.strip().splitlines()) == 1


def test_cli_predict_label_word_columns(trained, history, capsys):
    outcome = trained("prompt-lora")
    texts = [row.text for row in outcome.prepared.splits.test[:3]]
    text_args = [arg for text in texts for arg in ("--text", text)]

    assert cli.main(["--history", str(history.path), "predict", str(outcome.run_id), "--label-words",
                     *text_args]) == 0

    lines = capsys.readouterr().out.splitlines()
    labels = outcome.prepared.splits.labels
    predictor = Predictor(outcome.weights_dir)
    header = lines[0].split("\t")
    assert header[:2 + len(labels)] == ["text", "prediction", *labels]
    assert header[2 + len(labels):] == [f"{label}:{word}" for label, word in predictor.label_words]
    assert len(lines) == 1 + len(texts)
    for line, expected in zip(lines[1:], predictor.label_word_scores(texts)):
        scores = [float(cell) for cell in line.split("\t")[2 + len(labels):]]
        np.testing.assert_allclose(scores, expected, atol=6e-5)


def test_cli_predict_rejects_bad_input(trained, history, tmp_path, capsys):
    outcome = trained("lora")
    arguments = ["--history", str(history.path), "predict", str(outcome.run_id)]

    with pytest.raises(SystemExit) as exit_info:
        cli.main(arguments)
    assert exit_info.value.code == 2
    assert "one of the arguments --text --file is required" in capsys.readouterr().err

    assert cli.main([*arguments, "--file", str(tmp_path / "missing.txt")]) == 2
    assert "The text file does not exist" in capsys.readouterr().err
    assert cli.main([*arguments, "--text", "བོད", "--label-words"]) == 2
    assert "--label-words needs a prompt method" in capsys.readouterr().err
