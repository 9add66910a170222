"""The peft methods beyond LoRA and the soft tokens of templates: each trains on a TNCC-title slice,
reports its trainable share, and reloads in a fresh process with the same logits."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from peftt_gui.core.config import RunConfig
from peftt_gui.core.methods import get_method, list_methods
from peftt_gui.core.runner import build_task_model, prepare_run, run_training
from peftt_gui.core.storage import RunStorage
from peftt_gui.core.trainer import collate, predict_logits

TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'
SOFT_TEMPLATE = '{"soft"} {"placeholder":"text_a"} {"soft": "གསར་འགྱུར"} འདི་ནི་{"mask"}་ཡིན། {"soft"}'
VERBALIZER = {
    "Politics": ["ཆབ་སྲིད"], "Economics": ["དཔལ་འབྱོར"], "Education": ["སློབ་གསོ"], "Tourism": ["ཡུལ་སྐོར"],
    "Environment": ["ཁོར་ཡུག"], "Language": ["སྐད་ཡིག"], "Literature": ["རྩོམ་རིག"], "Religion": ["ཆོས་ལུགས"],
    "Arts": ["སྒྱུ་རྩལ"], "Medicine": ["གསོ་རིག"], "Customs": ["སྲོལ་རྒྱུན"], "Instruments": ["རོལ་ཆ"],
}
# Small option values keep the runs short. Every options class is exercised once.
OPTIONS = {
    "dora": {"r": 2}, "rslora": {"r": 2}, "ia3": {}, "prompt-ia3": {},
    "prefix": {"num_virtual_tokens": 4},
    "prompt-prefix": {"num_virtual_tokens": 4, "prefix_projection": True, "encoder_hidden_size": 16},
    "prompt-tuning": {"num_virtual_tokens": 4, "init_words": "གསར་འགྱུར"},
    "p-tuning": {"num_virtual_tokens": 4, "encoder_hidden_size": 16},
}
# (method, template): every new method, plus soft tokens with a frozen and a fully trained masked LM.
CASES = [(method, TEMPLATE) for method in OPTIONS] + [("prompt-tuning", SOFT_TEMPLATE), ("prompt", SOFT_TEMPLATE)]
CASE_IDS = [method + ("+soft" if template == SOFT_TEMPLATE else "") for method, template in CASES]
RELOAD_SCRIPT = """
import json, sys
import numpy as np
from peftt_gui.core.predict import Predictor
jobs = json.loads(open(sys.argv[1], encoding="utf-8").read())
for job in jobs:
    np.save(job["out"], Predictor(job["weights"]).logits(job["texts"]))
"""


def small_config(model_dir, tncc_dir, method, template, output_dir, **training):
    return RunConfig(model_path=str(model_dir), method=method,
                     data={"folder": str(tncc_dir), "max_train_rows": 48, "max_eval_rows": 24},
                     training={"epochs": 1, "batch_size": 16, "seed": 7, **training},
                     template=template, verbalizer=VERBALIZER, output_dir=str(output_dir),
                     method_options=OPTIONS.get(method, {}))


@pytest.fixture(scope="module")
def trained(tiny_model_dir, tncc_dir, tmp_path_factory):
    """Train every case once, and return (storage, {case id: outcome}) for the checks below."""
    folder = tmp_path_factory.mktemp("peft-methods")
    storage = RunStorage(folder / "history.db")
    outcomes = {}
    for case_id, (method, template) in zip(CASE_IDS, CASES):
        config = small_config(tiny_model_dir, tncc_dir, method, template, folder / "runs")
        outcomes[case_id] = run_training(config, storage=storage)
    return storage, outcomes


def test_every_method_has_summary_and_options():
    for spec in list_methods():
        assert spec.summary and spec.title
        assert "\n" not in spec.summary
        spec.options({})  # the defaults validate


@pytest.mark.slow  # shares the module's training of ten cases, about 1 CPU-minute
@pytest.mark.parametrize("case_id", CASE_IDS)
def test_method_records_trainable_share(case_id, trained):
    storage, outcomes = trained
    outcome = outcomes[case_id]
    record = storage.get_run(outcome.run_id)
    assert record.status == "finished"
    assert record.best_epoch == 1
    assert record.test_macro_f1 is not None
    assert len(record.test_confusion) == 12
    assert record.trainable_params == outcome.trainable_params
    if case_id == "prompt+soft":
        assert record.trainable_percent == pytest.approx(100.0)
    else:
        assert 0 < record.trainable_percent < 5

    weights = Path(outcome.weights_dir)
    assert not list(weights.glob("*.bin"))
    assert (weights / "soft_tokens.safetensors").is_file() == case_id.endswith("+soft")


@pytest.mark.slow  # shares the module's training of ten cases, about 1 CPU-minute
def test_soft_prompt_trains_only_prompt_and_soft_tokens(trained):
    _, outcomes = trained
    hidden = 128  # the tiny model's hidden size
    assert outcomes["prompt-tuning"].trainable_params == 4 * hidden
    assert outcomes["prompt-tuning+soft"].trainable_params == (4 + 3) * hidden


@pytest.mark.slow  # shares the module's training of ten cases, about 1 CPU-minute
def test_prefix_trains_keys_values_and_head(trained):
    _, outcomes = trained
    hidden, layers, classes = 128, 2, 12
    head_and_pooler = hidden * classes + classes + hidden * hidden + hidden
    assert outcomes["prefix"].trainable_params == 4 * layers * 2 * hidden + head_and_pooler


@pytest.mark.slow  # shares the module's training of ten cases, about 1 CPU-minute
def test_adapters_record_their_modules(trained):
    storage, outcomes = trained
    ia3_modules = storage.get_run(outcomes["ia3"].run_id).extra["lora_modules"]
    assert any(name.endswith("attention.self.key") for name in ia3_modules)
    assert any(name.endswith("output.dense") for name in ia3_modules)
    assert storage.get_run(outcomes["prompt-tuning"].run_id).extra["lora_modules"] == []


@pytest.mark.slow  # shares the module's training of ten cases, about 1 CPU-minute
def test_methods_reload_in_fresh_process(trained, tmp_path):
    _, outcomes = trained
    jobs, expected = [], {}
    for case_id, outcome in outcomes.items():
        texts = [row.text for row in outcome.prepared.splits.test[:5]]
        split = outcome.prepared.encoded["test"]
        expected[case_id] = predict_logits(outcome.model, split, outcome.prepared.tokenizer.pad_token_id,
                                           torch.device("cpu"))[:5]
        jobs.append({"weights": outcome.weights_dir, "texts": texts, "out": str(tmp_path / f"{case_id}.npy")})
    (tmp_path / "jobs.json").write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-c", RELOAD_SCRIPT, str(tmp_path / "jobs.json")], check=True,
                   env={**os.environ, "HF_HUB_OFFLINE": "1"})

    for case_id in outcomes:
        reloaded = np.load(tmp_path / f"{case_id}.npy")
        np.testing.assert_allclose(reloaded, expected[case_id], atol=1e-5, rtol=1e-4, err_msg=case_id)


# peft's reference forward passes the prefix as past_key_values, which transformers 5 still accepts.
@pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning")
@pytest.mark.parametrize("method", ["prompt-tuning", "p-tuning", "prompt-prefix"])
def test_mask_position_matches_peft_forward(method, tiny_model_dir, tncc_dir, tmp_path):
    """Scores at the mask equal those of peft's own prompt-learning forward over the whole sequence."""
    from peft import PeftModelForFeatureExtraction

    prepared = prepare_run(small_config(tiny_model_dir, tncc_dir, method, TEMPLATE, tmp_path))
    model = build_task_model(prepared).eval()
    split = prepared.encoded["test"]
    batch = collate(split, list(range(4)), prepared.tokenizer.pad_token_id, torch.device("cpu"))
    with torch.no_grad():
        ours = model.mask_log_probs(batch["input_ids"], batch["attention_mask"], batch["mask_positions"])
        # peft's feature-extraction forward prepends virtual tokens (or passes the prefix) and returns
        # the masked LM's logits at every position, virtual tokens first.
        full = PeftModelForFeatureExtraction.forward(model.network, input_ids=batch["input_ids"],
                                                     attention_mask=batch["attention_mask"]).logits
    shift = full.size(1) - batch["input_ids"].size(1)
    assert shift == (0 if method == "prompt-prefix" else 4)
    rows = torch.arange(4)
    reference = torch.log_softmax(full[rows, batch["mask_positions"] + shift].float(), dim=-1)
    torch.testing.assert_close(ours, reference, atol=1e-5, rtol=1e-4)


def test_soft_tokens_replace_placeholders(tiny_model_dir, tncc_dir, tmp_path):
    prepared = prepare_run(small_config(tiny_model_dir, tncc_dir, "prompt-lora", SOFT_TEMPLATE, tmp_path))
    model = build_task_model(prepared)
    split = prepared.encoded["train"]
    batch = collate(split, list(range(6)), prepared.tokenizer.pad_token_id, torch.device("cpu"))
    soft_id = prepared.tokenizer.unk_token_id

    # The layout finds exactly the placeholder positions, whatever the row length.
    positions = model.soft_tokens.positions(batch["attention_mask"])
    for row in range(6):
        expected = (batch["input_ids"][row] == soft_id).nonzero().flatten().tolist()
        assert positions[row].tolist() == expected

    # The words of {"soft": "..."} set the start of that token: the embedding of their first piece.
    first_piece = prepared.tokenizer("གསར་འགྱུར", add_special_tokens=False)["input_ids"][0]
    embeddings = model.encoder.get_input_embeddings().weight
    torch.testing.assert_close(model.soft_tokens.embedding[1], embeddings[first_piece])
    assert model.soft_tokens.embedding.requires_grad


def test_soft_layout_counts_from_both_ends(tiny_tokenizer):
    from peftt_gui.core.template import PromptEncoder, parse_template

    template = parse_template(SOFT_TEMPLATE)
    encoder = PromptEncoder(tiny_tokenizer, template, max_length=64)
    layout = encoder.soft_layout()
    assert [anchor for anchor, _ in layout] == ["start", "end", "end"]
    for text in ("ཆབ་སྲིད", "བོད་ལྗོངས་ཀྱི་དཔལ་འབྱོར་གྱི་གནས་ཚུལ"):
        encoded = encoder.encode([text])
        row = encoded.input_ids[0]
        found = [offset if anchor == "start" else len(row) - offset for anchor, offset in layout]
        assert found == encoded.soft_positions[0]


def test_unknown_ia3_target_lists_layers(tiny_model_dir, tncc_dir, tmp_path):
    from peftt_gui.core.errors import ConfigError

    config = small_config(tiny_model_dir, tncc_dir, "ia3", TEMPLATE, tmp_path)
    config.method_options = {"target_modules": ["k_proj"]}
    with pytest.raises(ConfigError) as error:
        run_training(config)
    assert "IA3" in str(error.value)
    assert "query" in str(error.value)


def test_dora_and_rslora_default_their_flag():
    assert get_method("dora").options({}).use_dora
    assert get_method("rslora").options({}).use_rslora
    assert not get_method("lora").options({}).use_dora
