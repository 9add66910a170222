"""Data-parallel training in several processes (torchrun, gloo on the CPU).

Two processes with a per-process batch of B must train exactly as one process with a batch
of 2B: every optimizer step sees the same rows, the gradients are averaged, and evaluation
covers each row once. The tests turn dropout off, because each process draws its own dropout
masks, so that the remaining differences come only from the order of float additions.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import load_file
from test_devices import LABELS, ToyClassifier, toy_split

from peftt_gui.core import distributed
from peftt_gui.core.config import RunConfig, TrainingConfig
from peftt_gui.core.distributed import DistributedContext, context_from_environment
from peftt_gui.core.errors import CheckpointError, ConfigError, StorageError
from peftt_gui.core.methods import list_methods
from peftt_gui.core.run_import import import_snapshot, snapshot_from_weights
from peftt_gui.core.runner import build_task_model, prepare_run
from peftt_gui.core.state import TrainingCallbacks, TrainingState
from peftt_gui.core.storage import RunStorage
from peftt_gui.core.trainer import Trainer, collate

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = REPO_ROOT / "examples" / "tncc-title"
# 130 requested training rows give 129 after stratification: 8 global batches of 16 and one
# of a single row, which process 1 has no share of. 197 validation and test rows are odd, so
# the two processes score different numbers of rows.
TRAIN_ROWS, EVAL_ROWS = 129, 197
CLI_OPTIONS = ["--method", "prompt-lora", "--option", "r=8", "--option", "dropout=0", "--learning-rate", "0.02",
               "--max-train-rows", "130", "--max-eval-rows", "197", "--epochs", "4", "--seed", "7",
               "--early-stopping-patience", "1", "--device", "cpu",
               "--template-file", str(EXAMPLES / "template.txt"), "--verbalizer", str(EXAMPLES / "labels.json")]
TOY_TRAINING = {"epochs": 2, "seed": 5, "device": "cpu", "log_every": 1, "gradient_accumulation": 2}


# -- the launcher's environment ---------------------------------------------------------------------

def test_context_without_launcher_is_single_process():
    context = context_from_environment({})
    assert context == DistributedContext()
    assert not context.enabled
    assert context.is_main


def test_context_reads_torchrun_variables():
    context = context_from_environment({"WORLD_SIZE": "4", "RANK": "3", "LOCAL_RANK": "1", "LOCAL_WORLD_SIZE": "2"})
    assert (context.world_size, context.rank, context.local_rank, context.local_world_size) == (4, 3, 1, 2)
    assert context.enabled
    assert not context.is_main


def test_context_of_world_size_one_is_single_process():
    assert context_from_environment({"WORLD_SIZE": "1"}) == DistributedContext()


def test_context_local_world_defaults_to_world():
    context = context_from_environment({"WORLD_SIZE": "2", "RANK": "1", "LOCAL_RANK": "1"})
    assert context.local_world_size == 2


@pytest.mark.parametrize("environ", [
    {"WORLD_SIZE": "two", "RANK": "0", "LOCAL_RANK": "0"},
    {"WORLD_SIZE": "2", "RANK": "2", "LOCAL_RANK": "0"},
    {"WORLD_SIZE": "2", "RANK": "0"},
])
def test_context_rejects_invalid_variables(environ):
    with pytest.raises(ConfigError, match="torchrun"):
        context_from_environment(environ)


def test_setup_without_launcher_joins_nothing(monkeypatch):
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    assert distributed.setup() == DistributedContext()
    assert not torch.distributed.is_initialized()


# -- every trainable parameter takes part in the forward pass ----------------------------------------

# A soft token, so that the prompt methods also train the template's own embeddings.
SOFT_TEMPLATE = '{"soft"} {"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'
SMALL_OPTIONS = {"prefix": {"num_virtual_tokens": 4}, "prompt-prefix": {"num_virtual_tokens": 4},
                 "prompt-tuning": {"num_virtual_tokens": 4}, "p-tuning": {"num_virtual_tokens": 4}}
TORCH_METHODS = [spec.name for spec in list_methods() if spec.engine == "torch"]


@pytest.mark.slow  # builds every torch method (12) on the tiny model: 6 s on 2 idle cores, 55 s on busy ones
@pytest.mark.parametrize("method", TORCH_METHODS)
def test_method_uses_every_trainable_parameter(method, tiny_model_dir, tncc_dir):
    """DistributedDataParallel runs without find_unused_parameters, which needs this of every method."""
    verbalizer = json.loads((EXAMPLES / "labels.json").read_text(encoding="utf-8"))
    config = RunConfig(model_path=str(tiny_model_dir), method=method,
                       data={"folder": str(tncc_dir), "max_train_rows": 24, "max_eval_rows": 12},
                       training={"batch_size": 8}, template=SOFT_TEMPLATE, verbalizer=verbalizer,
                       method_options=SMALL_OPTIONS.get(method, {}))
    prepared = prepare_run(config)
    model = build_task_model(prepared)
    batch = collate(prepared.encoded["train"], list(range(8)), prepared.tokenizer.pad_token_id, torch.device("cpu"))

    logits = model(batch["input_ids"], batch["attention_mask"], batch["mask_positions"])
    torch.nn.functional.cross_entropy(logits, batch["labels"]).backward()

    unused = [name for name, parameter in model.named_parameters() if parameter.requires_grad and parameter.grad is None]
    assert unused == []


# -- the Trainer in two processes (a toy model, spawned with the launcher's variables) -----------------

class StepLosses(TrainingCallbacks):
    def __init__(self, cancel_at_step: int | None = None):
        self.losses: list[float] = []
        self.cancel_at_step = cancel_at_step

    def on_steps(self, state, reports):
        self.losses += [report.loss for report in reports]
        if self.cancel_at_step is not None and state.step >= self.cancel_at_step:
            state.request_cancel()


def toy_run(batch_size: int, context: DistributedContext | None = None, model: ToyClassifier | None = None,
            cancel_at_step: int | None = None, checkpoint_dir: Path | None = None) -> dict:
    """Train the toy model on 65 rows (the last global batch has one row) and return what it did."""
    torch.manual_seed(0)
    model = model or ToyClassifier(dropout=0.0)
    losses = StepLosses(cancel_at_step)
    state = TrainingState()
    trainer = Trainer(model, LABELS, toy_split(65, 1), toy_split(31, 2), toy_split(31, 3),
                      TrainingConfig(batch_size=batch_size, **TOY_TRAINING), learning_rate=0.05, pad_id=0,
                      callbacks=losses, state=state, checkpoint_dir=checkpoint_dir, distributed=context)
    result = trainer.fit()
    return {"status": result.status, "step": state.step, "losses": losses.losses,
            "weights": {name: tensor.clone() for name, tensor in model.state_dict().items()},
            "validation_f1": [report.validation.macro_f1 for report in result.epochs],
            "test_confusion": None if result.test is None else result.test.confusion,
            "test_predictions": result.test_predictions, "world_size": result.world_size}


def _toy_worker(rank: int, world_size: int, port: int, out_dir: str) -> None:
    """Run the toy scenarios as process ``rank`` of ``world_size``; each writes ``NAME-RANK.pt``."""
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), WORLD_SIZE=str(world_size), RANK=str(rank),
                      LOCAL_RANK=str(rank), LOCAL_WORLD_SIZE=str(world_size))
    torch.set_num_threads(1)
    context = distributed.setup()
    out = Path(out_dir)
    try:
        torch.save(toy_run(8, context), out / f"same-{rank}.pt")
        # Process 0 runs out of memory above 3 rows per forward pass and splits its batches, but
        # process 1 does not. So the two run different numbers of backward passes per step.
        torch.manual_seed(0)
        failing = ToyClassifier(dropout=0.0, max_rows=3) if rank == 0 else None
        torch.save(toy_run(8, context, model=failing), out / f"oom-{rank}.pt")
        # Only process 0 is asked to cancel.
        torch.save(toy_run(8, context, cancel_at_step=2 if rank == 0 else None,
                           checkpoint_dir=out / f"checkpoint-{rank}"), out / f"cancel-{rank}.pt")
    finally:
        distributed.shutdown()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def toy_results(tmp_path_factory) -> dict[str, list[dict]]:
    """Run ``_toy_worker`` in two spawned processes and return {scenario: [result of process 0, of 1]}."""
    import torch.multiprocessing as multiprocessing

    out = tmp_path_factory.mktemp("toy-distributed")
    processes = multiprocessing.spawn(_toy_worker, args=(2, free_port(), str(out)), nprocs=2, join=False)
    deadline = time.monotonic() + 300
    while not processes.join(timeout=5):
        if time.monotonic() > deadline:
            for process in processes.processes:
                process.kill()
            pytest.fail("the two toy training processes did not finish within 300 s")
    return {name: [torch.load(out / f"{name}-{rank}.pt", weights_only=False) for rank in range(2)]
            for name in ("same", "oom", "cancel")} | {"_out": out}


def assert_same_training(result: dict, reference: dict) -> None:
    assert result["status"] == reference["status"]
    assert result["step"] == reference["step"]
    np.testing.assert_allclose(result["losses"], reference["losses"], rtol=1e-5, atol=1e-6)
    for name, tensor in reference["weights"].items():
        torch.testing.assert_close(result["weights"][name], tensor, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(result["validation_f1"], reference["validation_f1"], atol=1e-9)


def test_two_processes_train_as_one_with_global_batch(toy_results):
    reference = toy_run(16)
    for result in toy_results["same"]:
        assert result["world_size"] == 2
        assert_same_training(result, reference)


def test_two_processes_score_whole_test_split(toy_results):
    reference = toy_run(16)
    for result in toy_results["same"]:
        assert np.sum(result["test_confusion"]) == 31
        assert result["test_predictions"] == reference["test_predictions"]


def test_one_process_out_of_memory(toy_results):
    reference = toy_run(16)
    for result in toy_results["oom"]:
        assert_same_training(result, reference)


def test_cancel_in_process_zero_stops_both(toy_results):
    first, second = toy_results["cancel"]
    assert first["status"] == second["status"] == "cancelled"
    assert first["step"] == second["step"] == 2


def test_only_process_zero_writes_checkpoint(toy_results):
    out = toy_results["_out"]
    assert (out / "checkpoint-0" / "checkpoint.safetensors").is_file()
    assert not (out / "checkpoint-1").exists()


def test_resume_needs_same_process_count(toy_results):
    torch.manual_seed(0)
    trainer = Trainer(ToyClassifier(dropout=0.0), LABELS, toy_split(65, 1), toy_split(31, 2), toy_split(31, 3),
                      TrainingConfig(batch_size=16, **TOY_TRAINING), learning_rate=0.05, pad_id=0,
                      checkpoint_dir=toy_results["_out"] / "checkpoint-0")

    with pytest.raises(CheckpointError, match="written by a run of 2 process"):
        trainer.fit(resume=True)


# -- the command line under torchrun ------------------------------------------------------------------

def _without_dropout(model_dir: Path, target: Path) -> Path:
    shutil.copytree(model_dir, target)
    config_path = target / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config.update(hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
    config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")
    return target


def _run(command: list[str], log_path: Path) -> str:
    environment = {**os.environ, "OMP_NUM_THREADS": "1"}  # the same threads in every process
    with open(log_path, "w", encoding="utf-8") as log:
        completed = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT, env=environment,
                                   timeout=600)
    output = log_path.read_text(encoding="utf-8")
    assert completed.returncode == 0, output[-3000:]
    return output


@pytest.fixture(scope="module")
def cli_runs(tiny_model_dir, tncc_dir, tmp_path_factory) -> dict:
    """Train the same run with torchrun in 2 processes (batch 8 each) and in one process (batch 16)."""
    folder = tmp_path_factory.mktemp("torchrun")
    model = _without_dropout(tiny_model_dir, folder / "model")
    runs = {}
    for name, launcher, batch_size in (("torchrun", [sys.executable, "-m", "torch.distributed.run", "--standalone",
                                                     "--nproc_per_node", "2", "-m", "peftt_gui.cli"], 8),
                                       ("single", [sys.executable, "-m", "peftt_gui.cli"], 16)):
        history, output_dir = folder / f"{name}.db", folder / f"{name}-runs"
        command = [*launcher, "-v", "--history", str(history), "train", "--model", str(model), "--data",
                   str(tncc_dir), "--output-dir", str(output_dir), "--batch-size", str(batch_size), *CLI_OPTIONS]
        output = _run(command, folder / f"{name}.log")
        runs[name] = {"storage": RunStorage(history), "output": output, "output_dir": output_dir}
    return runs


@pytest.mark.slow  # three processes that load transformers and train: 13 s on 2 idle cores, 85 s on busy ones
def test_torchrun_records_one_finished_run(cli_runs):
    run = cli_runs["torchrun"]
    storage = run["storage"]
    runs = storage.list_runs()
    assert len(runs) == 1
    record = storage.get_run(runs[0].id)
    assert record.status == "finished"
    assert record.extra["distributed"] == {"world_size": 2, "backend": "gloo", "batch_size_per_process": 8,
                                           "global_batch_size": 16}
    assert [path.name for path in run["output_dir"].iterdir()] == [Path(record.weights_dir).parent.name]


@pytest.mark.slow
def test_torchrun_writes_weights_once(cli_runs):
    output = cli_runs["torchrun"]["output"]
    writes = [line for line in output.splitlines() if "Weights written to" in line]
    assert len(writes) == 1
    assert "process 0:" in writes[0]
    assert output.count("validation macro-F1") >= 2  # the result table, printed by process 0 only
    assert output.count("trainable parameters") == 1


@pytest.mark.slow
def test_torchrun_matches_single_process(cli_runs):
    # Without dropout, both runs see the same rows in every optimizer step and differ only in the
    # order of float additions (two averaged half-batch gradients against one batch mean). AdamW
    # divides by the gradients' running scale, which turns that noise on near-zero gradients into
    # weight differences of up to about 1e-5 after 27 steps (observed: 1.1e-5 on weights of 0.23).
    # The predictions may then differ only on rows whose two best classes tie within that noise,
    # so at most 2 of 197 rows may differ (observed: none). The metrics follow from the
    # predictions and the gold classes, so with the same predictions they must be equal.
    storage, reference = cli_runs["torchrun"]["storage"], cli_runs["single"]["storage"]
    record, expected = storage.get_run(1), reference.get_run(1)
    assert record.best_epoch == expected.best_epoch
    assert record.last_finished_epoch == expected.last_finished_epoch  # early stopping at the same epoch
    losses = [step.loss for step in storage.get_steps(1)]
    expected_losses = [step.loss for step in reference.get_steps(1)]
    np.testing.assert_allclose(losses, expected_losses, rtol=1e-4, atol=1e-5)

    weights = load_file(str(Path(record.weights_dir) / "adapter_model.safetensors"))
    expected_weights = load_file(str(Path(expected.weights_dir) / "adapter_model.safetensors"))
    for name, tensor in expected_weights.items():
        torch.testing.assert_close(weights[name], tensor, rtol=1e-3, atol=1e-4)

    for split, metric in (("validation", "best_val_macro_f1"), ("test", "test_macro_f1")):
        predictions = np.asarray(record.extra[f"{split}_predictions"])
        expected_predictions = np.asarray(expected.extra[f"{split}_predictions"])
        differing = int((predictions != expected_predictions).sum())
        assert differing <= 2
        if differing == 0:
            assert getattr(record, metric) == getattr(expected, metric)


@pytest.mark.slow
def test_torchrun_metrics_cover_whole_splits(cli_runs):
    storage = cli_runs["torchrun"]["storage"]
    record = storage.get_run(1)
    assert len(record.extra["test_gold"]) == EVAL_ROWS
    assert np.sum(record.test_confusion) == EVAL_ROWS
    assert np.sum(record.val_confusion) == EVAL_ROWS
    epochs = storage.get_epochs(1)
    assert epochs
    assert all(np.sum(epoch.val_confusion) == EVAL_ROWS for epoch in epochs)


@pytest.mark.slow
def test_torchrun_steps_cover_global_batches(cli_runs):
    storage = cli_runs["torchrun"]["storage"]
    record = storage.get_run(1)
    steps_per_epoch = -(-TRAIN_ROWS // 16)
    assert len(storage.get_steps(1)) == steps_per_epoch * record.last_finished_epoch


@pytest.mark.slow
def test_torchrun_run_imports_from_weights_folder(cli_runs, tmp_path):
    source = cli_runs["torchrun"]["storage"].get_run(1)
    local = RunStorage(tmp_path / "local.db")

    imported = import_snapshot(local, snapshot_from_weights(source.weights_dir), weights_dir=source.weights_dir)

    assert imported.test_macro_f1 == source.test_macro_f1
    assert imported.test_confusion == source.test_confusion
    assert imported.extra["distributed"]["world_size"] == 2
    assert len(local.get_steps(imported.id)) == len(cli_runs["torchrun"]["storage"].get_steps(1))
    with pytest.raises(StorageError, match="already in this history"):
        import_snapshot(local, snapshot_from_weights(source.weights_dir))
