"""Task-adaptive pre-training (``peftt adapt``): a new model folder with provenance, usable in runs."""

import argparse
import json

import pytest

from peftt_gui.cli import _adaptation_texts, main
from peftt_gui.core.models import inspect_model_folder
from peftt_gui.core.pretraining import PROVENANCE_FILE, file_sha256


@pytest.fixture(scope="module")
def adapted(tiny_model_dir, tncc_dir, tmp_path_factory):
    """The tiny model adapted for 3 steps on 400 TNCC-title training lines."""
    folder = tmp_path_factory.mktemp("tapt")
    corpus = folder / "titles.txt"
    lines = (tncc_dir / "train.txt").read_text(encoding="utf-8").splitlines()[:400]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = folder / "adapted"
    assert main(["adapt", "--model", str(tiny_model_dir), "--corpus", str(corpus), "--out", str(out),
                 "--max-steps", "3", "--time-limit", "120", "--batch-size", "8", "--max-length", "64"]) == 0
    return out, corpus


def test_adapt_records_provenance(adapted, tiny_model_dir):
    out, corpus = adapted
    record = json.loads((out / PROVENANCE_FILE).read_text(encoding="utf-8"))
    assert record["kind"] == "continue-pretraining"
    assert record["base_model"]["name"] == tiny_model_dir.name
    assert record["base_model"]["fingerprint"] == inspect_model_folder(tiny_model_dir).fingerprint
    assert record["base_model"]["provenance"]["kind"] == "build-model"
    (corpus_file,) = record["corpus"]["files"]
    assert corpus_file["sha256"] == file_sha256(corpus)
    assert corpus_file["label_column_dropped"] and corpus_file["tsheg_restored"]
    assert record["corpus"]["texts"] == 400
    assert record["pretraining"]["steps"] == 3
    assert 0.0 <= record["pretraining"]["eval_accuracy"] <= 1.0
    assert record["pretraining"]["settings"]["batch_size"] == 8


def test_adapted_model_keeps_vocabulary_and_changes_weights(adapted, tiny_model_dir):
    from safetensors.numpy import load_file

    out, _ = adapted
    info = inspect_model_folder(out)
    assert info.has_mlm_head
    assert info.vocab_size == inspect_model_folder(tiny_model_dir).vocab_size
    assert (out / "tokenizer.json").read_bytes() == (tiny_model_dir / "tokenizer.json").read_bytes()
    before = load_file(str(tiny_model_dir / "model.safetensors"))
    after = load_file(str(out / "model.safetensors"))
    name = "bert.encoder.layer.0.attention.self.query.weight"
    assert (before[name] != after[name]).any()


def test_adapted_model_trains_a_run(adapted, tncc_dir, tmp_path):
    from peftt_gui.core.config import RunConfig
    from peftt_gui.core.runner import run_training

    out, _ = adapted
    config = RunConfig(model_path=str(out), method="lora", method_options={"r": 2},
                       data={"folder": str(tncc_dir), "max_train_rows": 32, "max_eval_rows": 24},
                       training={"epochs": 1, "batch_size": 16}, output_dir=str(tmp_path))
    outcome = run_training(config)
    assert outcome.status == "finished"
    assert outcome.prepared.model_info.name == "adapted"


def test_adapt_reads_task_training_split(tncc_dir):
    args = argparse.Namespace(corpus=None, data=str(tncc_dir), normalization="NFC+tsheg:auto")
    texts, (record,) = _adaptation_texts(args)
    assert len(texts) == 7422
    assert record["name"] == "train.txt"
    assert record["sha256"] == file_sha256(tncc_dir / "train.txt")
    assert "\u0f0b" in texts[0]  # tsheg restored by the app's normalizer


def test_adapt_without_text_fails_with_hint(tiny_model_dir, tmp_path, capsys):
    assert main(["adapt", "--model", str(tiny_model_dir), "--out", str(tmp_path / "x")]) == 2
    assert "--corpus" in capsys.readouterr().err
