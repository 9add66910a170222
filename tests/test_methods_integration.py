"""Each method trains briefly on a TNCC-title slice, lands in the history, and reloads in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from peftt_gui.core.config import RunConfig
from peftt_gui.core.runner import run_training
from peftt_gui.core.storage import RunStorage
from peftt_gui.core.trainer import predict_logits

TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'
VERBALIZER = {
    "Politics": ["ཆབ་སྲིད"], "Economics": ["དཔལ་འབྱོར"], "Education": ["སློབ་གསོ"], "Tourism": ["ཡུལ་སྐོར"],
    "Environment": ["ཁོར་ཡུག"], "Language": ["སྐད་ཡིག"], "Literature": ["རྩོམ་རིག"], "Religion": ["ཆོས་ལུགས"],
    "Arts": ["སྒྱུ་རྩལ"], "Medicine": ["གསོ་རིག"], "Customs": ["སྲོལ་རྒྱུན"], "Instruments": ["རོལ་ཆ"],
}
RELOAD_SCRIPT = """
import json, sys
import numpy as np
from peftt_gui.core.predict import Predictor
predictor = Predictor(sys.argv[1])
texts = json.loads(open(sys.argv[2], encoding="utf-8").read())
np.save(sys.argv[3], predictor.logits(texts))
"""


def small_config(model_dir, tncc_dir, method, output_dir, **training):
    return RunConfig(model_path=str(model_dir), method=method,
                     data={"folder": str(tncc_dir), "max_train_rows": 160, "max_eval_rows": 48},
                     training={"epochs": 1, "batch_size": 16, "seed": 7, **training},
                     template=TEMPLATE, verbalizer=VERBALIZER, output_dir=str(output_dir),
                     method_options={"r": 4} if "lora" in method else {})


@pytest.mark.parametrize("method", ["finetune", "prompt", "lora", "prompt-lora"])
def test_method_trains_records_and_reloads(method, tiny_model_dir, tncc_dir, tmp_path):
    storage = RunStorage(tmp_path / "history.db")
    outcome = run_training(small_config(tiny_model_dir, tncc_dir, method, tmp_path / "runs"), storage=storage)

    # The run is in the history with its metrics and parameter counts.
    record = storage.get_run(outcome.run_id)
    assert record.status == "finished"
    assert record.method == method
    assert record.best_epoch == 1
    assert 0.0 <= record.best_val_macro_f1 <= 1.0
    assert record.test_macro_f1 is not None
    assert len(record.test_confusion) == 12
    assert record.labels == sorted(VERBALIZER)
    assert record.trainable_params == outcome.trainable_params
    assert 0 < record.trainable_percent <= 100
    assert record.normalization
    assert storage.get_steps(outcome.run_id)
    assert [epoch.epoch for epoch in storage.get_epochs(outcome.run_id)] == [1]
    if "lora" in method:
        assert record.trainable_percent < 5
        assert record.extra["lora_modules"]
    else:
        assert record.trainable_percent == pytest.approx(100.0)

    # The saved weights are safetensors in the method's standard layout.
    weights = Path(outcome.weights_dir)
    expected = "adapter_model.safetensors" if "lora" in method else "model.safetensors"
    assert (weights / expected).is_file()
    assert not list(weights.glob("*.bin"))

    # A fresh process reloads them and reproduces the logits.
    texts = [row.text for row in outcome.prepared.splits.test[:6]]
    split = outcome.prepared.encoded["test"]
    expected_logits = predict_logits(outcome.model, split, outcome.prepared.tokenizer.pad_token_id,
                                     next(outcome.model.parameters()).device)[:6]
    (tmp_path / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-c", RELOAD_SCRIPT, str(weights), str(tmp_path / "texts.json"),
                    str(tmp_path / "logits.npy")], check=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    reloaded = np.load(tmp_path / "logits.npy")
    np.testing.assert_allclose(reloaded, expected_logits, atol=1e-5, rtol=1e-4)


def test_cancel_leaves_consistent_run(tiny_model_dir, tncc_dir, tmp_path):
    from peftt_gui.core.state import TrainingCallbacks, TrainingState

    class CancelAfterFirstReport(TrainingCallbacks):
        def on_steps(self, state, reports):
            state.request_cancel()

    storage = RunStorage(tmp_path / "history.db")
    state = TrainingState()
    config = small_config(tiny_model_dir, tncc_dir, "lora", tmp_path / "runs", epochs=3, log_every=1)
    outcome = run_training(config, storage=storage, callbacks=CancelAfterFirstReport(), state=state)
    record = storage.get_run(outcome.run_id)
    assert outcome.status == "cancelled"
    assert record.status == "cancelled"
    assert record.finished_at is not None
    assert state.step == 1  # cancel took effect within one optimizer step
    assert len(storage.get_steps(outcome.run_id)) == 1


def test_unknown_lora_target_lists_layers(tiny_model_dir, tncc_dir, tmp_path):
    from peftt_gui.core.errors import ConfigError

    config = small_config(tiny_model_dir, tncc_dir, "lora", tmp_path / "runs")
    config.method_options = {"target_modules": ["q_proj"]}
    with pytest.raises(ConfigError) as error:
        run_training(config)
    assert "q_proj" in str(error.value)
    assert "query" in str(error.value) and "dense" in str(error.value)
