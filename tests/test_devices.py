"""Devices and memory: precision fallback, out-of-memory recovery, the peak memory estimate.

Most tests drive the real ``Trainer`` with a toy bag-of-embeddings classifier, whose forward
pass can be made to fail like a GPU that runs out of memory above a number of rows.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from peftt_gui.core import memory
from peftt_gui.core.config import RunConfig, TrainingConfig
from peftt_gui.core.errors import ResourceError
from peftt_gui.core.memory import estimate_training_memory, is_out_of_memory, memory_warning
from peftt_gui.core.state import TrainingCallbacks
from peftt_gui.core.trainer import EncodedSplit, Trainer, choose_precision

LABELS = ["a", "b", "c"]
CUDA_OOM_MESSAGE = "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 1.00 GiB free)"


class ToyClassifier(torch.nn.Module):
    """Mean of token embeddings, dropout, linear layer; the TaskModel interface the Trainer uses.

    With ``max_rows`` set, a training forward pass over more rows raises ``error``, by default
    the CUDA out-of-memory error.
    ``rows_seen`` counts the rows of the forward passes in training mode.
    """

    def __init__(self, vocab_size: int = 40, hidden: int = 16, dropout: float = 0.2, max_rows: int | None = None,
                 error: Exception | None = None):
        super().__init__()
        self.embedding = torch.nn.Embedding(vocab_size, hidden)
        self.dropout = torch.nn.Dropout(dropout)
        self.output = torch.nn.Linear(hidden, len(LABELS))
        self.max_rows = max_rows
        self.error = error or torch.cuda.OutOfMemoryError(CUDA_OOM_MESSAGE)
        self.rows_seen = 0

    def forward(self, input_ids, attention_mask, mask_positions=None):
        if self.training and self.max_rows is not None and input_ids.shape[0] > self.max_rows:
            raise self.error
        if self.training:
            self.rows_seen += input_ids.shape[0]
        mask = attention_mask.unsqueeze(-1).float()
        pooled = (self.embedding(input_ids) * mask).sum(1) / mask.sum(1)
        return self.output(self.dropout(pooled))

    def trainable_state(self) -> dict[str, torch.Tensor]:
        return {name: parameter.detach().clone() for name, parameter in self.named_parameters()}

    def load_trainable_state(self, state: dict[str, torch.Tensor]) -> None:
        own = dict(self.named_parameters())
        with torch.no_grad():
            for name, tensor in state.items():
                own[name].copy_(tensor)


def toy_split(rows: int, seed: int) -> EncodedSplit:
    """Rows of 3 to 20 token ids whose class follows their first id, so the toy model can learn."""
    rng = np.random.default_rng(seed)
    input_ids, labels = [], []
    for _ in range(rows):
        label = int(rng.integers(len(LABELS)))
        length = int(rng.integers(3, 21))
        input_ids.append([1 + label] + rng.integers(4, 40, size=length - 1).tolist())
        labels.append(label)
    return EncodedSplit(input_ids, np.asarray(labels, dtype=np.int64), [-1] * rows)


def toy_trainer(model: ToyClassifier, checkpoint_dir=None, callbacks=None, state=None, **training) -> Trainer:
    settings = {"epochs": 2, "batch_size": 8, "seed": 5, "device": "cpu", "log_every": 1, **training}
    return Trainer(model, LABELS, toy_split(70, 1), toy_split(30, 2), toy_split(30, 3), TrainingConfig(**settings),
                   learning_rate=0.05, pad_id=0, callbacks=callbacks, state=state, checkpoint_dir=checkpoint_dir)


def seeded_toy_model(**options) -> ToyClassifier:
    torch.manual_seed(0)
    return ToyClassifier(**options)


# -- precision ------------------------------------------------------------------------------------

@pytest.mark.parametrize("requested", ["fp16", "bf16"])
def test_mixed_precision_on_cpu_falls_back(requested):
    dtype, warning = choose_precision(requested, torch.device("cpu"))
    assert dtype is None
    assert requested in warning
    assert "fp32" in warning


def test_auto_precision_on_cpu_is_silent():
    assert choose_precision("auto", torch.device("cpu")) == (None, None)


def test_precision_and_memory_warnings_reach_history(tiny_model_dir, tncc_dir, tmp_path, monkeypatch):
    from peftt_gui.core import trainer as trainer_module
    from peftt_gui.core.runner import run_training
    from peftt_gui.core.storage import RunStorage

    monkeypatch.setattr(trainer_module, "free_memory_bytes", lambda device: 1024)
    config = RunConfig(model_path=str(tiny_model_dir), method="finetune",
                       data={"folder": str(tncc_dir), "max_train_rows": 24, "max_eval_rows": 12},
                       training={"epochs": 1, "batch_size": 8, "mixed_precision": "fp16", "device": "cpu"},
                       output_dir=str(tmp_path / "runs"))
    storage = RunStorage(tmp_path / "history.db")
    outcome = run_training(config, storage=storage)

    record = storage.get_run(outcome.run_id)
    assert record.status == "finished"
    assert any("fp16" in warning and "fp32" in warning for warning in record.warnings)
    assert any("may run out of memory" in warning for warning in record.warnings)
    assert record.extra["precision"] == "fp32"
    assert record.extra["memory_estimate_bytes"] > 0


# -- loss reports ---------------------------------------------------------------------------------

class StepBatches(TrainingCallbacks):
    def __init__(self):
        self.batches: list[list[int]] = []

    def on_steps(self, state, reports):
        self.batches.append([report.step for report in reports])


@pytest.mark.parametrize("interval, expected_batch", [(0.0, 1), (1e9, None)])
def test_slow_steps_report_loss_early(monkeypatch, interval, expected_batch):
    from peftt_gui.core import trainer as trainer_module

    monkeypatch.setattr(trainer_module, "REPORT_INTERVAL_S", interval)
    callbacks = StepBatches()
    trainer = toy_trainer(seeded_toy_model(), callbacks=callbacks, log_every=1000)
    result = trainer.fit()

    steps_per_epoch = trainer.steps_per_epoch()
    assert [step for batch in callbacks.batches for step in batch] == list(range(1, result.steps + 1))
    if expected_batch is None:
        # Nothing is due before log_every, so each epoch reports once, at its end.
        assert [len(batch) for batch in callbacks.batches] == [steps_per_epoch] * 2
    else:
        # Every step takes longer than the interval, so each reports at once.
        assert [len(batch) for batch in callbacks.batches] == [expected_batch] * result.steps


# -- out of memory --------------------------------------------------------------------------------

def test_oom_halves_batch_and_doubles_accumulation():
    model = seeded_toy_model(max_rows=3)
    trainer = toy_trainer(model)
    result = trainer.fit()

    assert result.status == "finished"
    assert result.batch_size == 2          # 8 -> 4 -> 2 rows per forward pass
    assert result.gradient_accumulation == 4
    assert result.steps == 2 * trainer.steps_per_epoch()
    assert model.rows_seen == 2 * 70       # every row trained once per epoch, none twice
    assert len(result.warnings) == 2
    assert "batch size 8" in result.warnings[0]
    assert "batch size 4" in result.warnings[0]
    assert "still sees 8 rows" in result.warnings[1]


def test_oom_split_keeps_effective_batch():
    # Without dropout, micro-batches with accumulation give the same updates as whole batches.
    reference = seeded_toy_model(dropout=0.0)
    toy_trainer(reference).fit()
    split = seeded_toy_model(dropout=0.0, max_rows=3)
    toy_trainer(split).fit()

    for name, tensor in reference.trainable_state().items():
        torch.testing.assert_close(split.trainable_state()[name], tensor, rtol=1e-4, atol=1e-5)


def test_oom_at_one_row_raises_resource_error():
    trainer = toy_trainer(seeded_toy_model(max_rows=0))
    with pytest.raises(ResourceError) as error:
        trainer.fit()
    message = str(error.value)
    assert "one row per batch" in message
    assert "max length" in message
    assert "smaller model" in message
    assert len(trainer.warnings) == 3      # 8 -> 4 -> 2 -> 1, then the error


def test_oom_runtime_error_text_is_recognised():
    model = seeded_toy_model(max_rows=4, error=RuntimeError("MPS backend out of memory (MPS allocated: 1 GB)"))
    result = toy_trainer(model).fit()
    assert result.batch_size == 4


def test_other_runtime_errors_propagate():
    model = seeded_toy_model(max_rows=4, error=RuntimeError("mat1 and mat2 shapes cannot be multiplied"))
    with pytest.raises(RuntimeError, match="shapes"):
        toy_trainer(model).fit()


def test_oom_during_evaluation_halves_eval_batch():
    model = seeded_toy_model()
    trainer = toy_trainer(model, eval_batch_size=32, epochs=1)
    original = model.forward

    def forward(input_ids, attention_mask, mask_positions=None):
        if not model.training and input_ids.shape[0] > 10:
            raise torch.cuda.OutOfMemoryError(CUDA_OOM_MESSAGE)
        return original(input_ids, attention_mask, mask_positions)

    model.forward = forward
    result = trainer.fit()
    assert trainer.eval_batch_size == 8
    assert result.best_validation.count == 30
    assert any("while evaluating" in warning for warning in result.warnings)


def test_is_out_of_memory_cases():
    assert is_out_of_memory(torch.cuda.OutOfMemoryError("CUDA out of memory"))
    assert is_out_of_memory(RuntimeError("DefaultCPUAllocator: can't allocate memory: you tried to allocate 8 GB"))
    assert not is_out_of_memory(RuntimeError("expected scalar type Float"))
    assert not is_out_of_memory(ValueError("out of memory"))


# -- memory estimate ------------------------------------------------------------------------------

BASE_SHAPE = {"total_params": 110_000_000, "trainable_params": 110_000_000, "batch_size": 32, "length": 128,
              "hidden_size": 768, "num_layers": 12, "num_heads": 12}


@pytest.mark.parametrize("name", ["total_params", "trainable_params", "batch_size", "length", "hidden_size",
                                  "num_layers", "num_heads"])
def test_estimate_grows_with_each_size(name):
    smaller = estimate_training_memory(**BASE_SHAPE)
    larger = estimate_training_memory(**{**BASE_SHAPE, name: BASE_SHAPE[name] * 2})
    assert larger.total > smaller.total


def test_estimate_lora_below_full_finetuning():
    full = estimate_training_memory(**BASE_SHAPE)
    lora = estimate_training_memory(**{**BASE_SHAPE, "trainable_params": 300_000})
    assert lora.total < full.total
    assert lora.parameters == full.parameters
    assert lora.activations == full.activations


def test_estimate_half_precision_activations():
    fp32 = estimate_training_memory(**BASE_SHAPE)
    fp16 = estimate_training_memory(**BASE_SHAPE, activation_bytes=2)
    assert fp16.activations * 2 == fp32.activations
    assert fp16.optimizer == fp32.optimizer


def test_estimate_full_bert_base_parts():
    estimate = estimate_training_memory(**BASE_SHAPE)
    assert estimate.parameters == 110_000_000 * 4
    assert estimate.gradients == 110_000_000 * 4
    assert estimate.optimizer == 110_000_000 * 8
    assert "GiB" in estimate.describe()


def test_memory_warning_only_above_free_memory():
    estimate = estimate_training_memory(**BASE_SHAPE)
    cpu = torch.device("cpu")
    assert memory_warning(estimate, cpu, estimate.total + 1) is None
    assert memory_warning(estimate, cpu, None) is None
    warning = memory_warning(estimate, cpu, estimate.total // 2)
    assert "may run out of memory" in warning
    assert "batch size" in warning
    assert "max length" in warning


def test_free_memory_on_cpu_is_positive():
    free = memory.free_memory_bytes(torch.device("cpu"))
    assert isinstance(free, int) and free > 0


def test_trainer_warns_when_estimate_exceeds_free(monkeypatch):
    from peftt_gui.core import trainer as trainer_module

    monkeypatch.setattr(trainer_module, "free_memory_bytes", lambda device: 0)
    trainer = toy_trainer(seeded_toy_model(), epochs=1)
    result = trainer.fit()
    assert result.memory_estimate_bytes == trainer.memory_estimate.total > 0
    assert any("may run out of memory" in warning for warning in result.warnings)


def test_trainer_silent_with_enough_memory(monkeypatch):
    from peftt_gui.core import trainer as trainer_module

    monkeypatch.setattr(trainer_module, "free_memory_bytes", lambda device: 2**40)
    result = toy_trainer(seeded_toy_model(), epochs=1).fit()
    assert result.warnings == []


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without CUDA")
def test_missing_cuda_fails_run_cleanly(tiny_model_dir, tncc_dir, tmp_path):
    from peftt_gui.core.runner import run_training
    from peftt_gui.core.storage import RunStorage

    config = RunConfig(model_path=str(tiny_model_dir), method="finetune",
                       data={"folder": str(tncc_dir), "max_train_rows": 24, "max_eval_rows": 12},
                       training={"epochs": 1, "device": "cuda"}, output_dir=str(tmp_path / "runs"))
    storage = RunStorage(tmp_path / "history.db")
    with pytest.raises(ResourceError, match="CUDA was requested"):
        run_training(config, storage=storage)

    (summary,) = storage.list_runs()
    record = storage.get_run(summary.id)
    assert record.status == "failed"
    assert "CUDA was requested" in record.error
