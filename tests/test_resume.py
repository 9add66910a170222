"""No run is lost: a killed or cancelled run resumes from its checkpoint and ends exactly as an
uninterrupted run of the same config would on the CPU."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file
from test_devices import LABELS, ToyClassifier, toy_trainer

from peftt_gui.core.checkpoint import CHECKPOINT_NAME, read_checkpoint
from peftt_gui.core.config import RunConfig
from peftt_gui.core.errors import CheckpointError
from peftt_gui.core.runner import HistoryWriter, resume_run, run_training
from peftt_gui.core.state import CallbackList, TrainingCallbacks, TrainingState
from peftt_gui.core.storage import RunStorage

REPO_ROOT = Path(__file__).resolve().parent.parent
# LoRA on a TNCC-title slice: 160 training rows in batches of 16 give 10 optimizer steps per epoch.
TRAIN_OPTIONS = ["--method", "lora", "--option", "r=4", "--max-train-rows", "160", "--max-eval-rows", "48",
                 "--epochs", "3", "--batch-size", "16", "--seed", "7", "--learning-rate", "0.003",
                 "--device", "cpu"]
STEPS_PER_EPOCH = 10


class CancelAtStep(TrainingCallbacks):
    def __init__(self, step: int):
        self.step = step

    def on_steps(self, state, reports):
        if state.step >= self.step:
            state.request_cancel()


def peftt_command(history: Path, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "peftt_gui.cli", "--history", str(history), *arguments]


def train_arguments(model_dir: Path, data_dir: Path, output_dir: Path) -> list[str]:
    return ["train", "--model", str(model_dir), "--data", str(data_dir), "--output-dir", str(output_dir),
            *TRAIN_OPTIONS]


def run_cli(command: list[str], log_path: Path) -> None:
    with open(log_path, "w", encoding="utf-8") as log:
        completed = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT, timeout=600)
    assert completed.returncode == 0, log_path.read_text(encoding="utf-8")[-3000:]


def read_progress(history: Path) -> tuple[str, int | None] | None:
    """Return (status, last finished epoch) of run 1 without opening a RunStorage, or None."""
    if not history.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{history}?mode=ro", uri=True, timeout=5) as connection:
            row = connection.execute("SELECT status, last_finished_epoch FROM runs WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None  # the schema is still being created
    return row


def adapter_weights(record) -> dict[str, torch.Tensor]:
    return load_file(str(Path(record.weights_dir) / "adapter_model.safetensors"))


def assert_same_run(storage: RunStorage, run_id: int, reference: RunStorage, reference_id: int) -> None:
    """Assert equal metrics, step losses, epoch losses and weights of two finished runs."""
    record, expected = storage.get_run(run_id), reference.get_run(reference_id)
    assert record.status == expected.status == "finished"
    assert record.best_epoch == expected.best_epoch
    assert record.best_val_macro_f1 == expected.best_val_macro_f1
    assert record.test_macro_f1 == expected.test_macro_f1
    assert record.extra["validation_predictions"] == expected.extra["validation_predictions"]

    steps = [(step.step, step.loss) for step in storage.get_steps(run_id)]
    assert steps == [(step.step, step.loss) for step in reference.get_steps(reference_id)]
    assert len(steps) == 3 * STEPS_PER_EPOCH
    epochs = [(epoch.epoch, epoch.train_loss, epoch.val_macro_f1) for epoch in storage.get_epochs(run_id)]
    assert epochs == [(epoch.epoch, epoch.train_loss, epoch.val_macro_f1)
                      for epoch in reference.get_epochs(reference_id)]

    weights, expected_weights = adapter_weights(record), adapter_weights(expected)
    assert weights.keys() == expected_weights.keys()
    for name, tensor in expected_weights.items():
        assert torch.equal(weights[name], tensor), name


@pytest.fixture(scope="module")
def data_copy(tncc_dir, tmp_path_factory) -> Path:
    """A private copy of TNCC-title, so a test may change a file."""
    target = tmp_path_factory.mktemp("data") / "tncc-title"
    shutil.copytree(tncc_dir, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


@pytest.fixture(scope="module")
def reference_run(tiny_model_dir, data_copy, tmp_path_factory) -> tuple[RunStorage, int]:
    """The uninterrupted run, trained by the peftt command in its own process."""
    folder = tmp_path_factory.mktemp("reference")
    history = folder / "history.db"
    run_cli(peftt_command(history, *train_arguments(tiny_model_dir, data_copy, folder / "runs")),
            folder / "train.log")
    return RunStorage(history), 1


# -- the trainer alone, on a toy model ------------------------------------------------------------

@pytest.mark.parametrize("cancel_step", [5, 9, 14])
def test_trainer_resume_is_exact(tmp_path, cancel_step):
    # 70 rows in batches of 8 give 9 batches; accumulation 2 gives 5 steps per epoch, the last one
    # over a single batch. Step 5 ends epoch 1, 9 is inside epoch 2, 14 is inside epoch 3.
    settings = {"epochs": 3, "gradient_accumulation": 2}
    torch.manual_seed(0)
    reference = ToyClassifier()
    expected = toy_trainer(reference, **settings).fit()

    torch.manual_seed(0)
    state = TrainingState()
    toy_trainer(ToyClassifier(), tmp_path, CancelAtStep(cancel_step), state, **settings).fit()
    assert state.step == cancel_step
    torch.manual_seed(1)  # a resumed process starts from other random weights and RNG states
    resumed = ToyClassifier()
    result = toy_trainer(resumed, tmp_path, **settings).fit(resume=True)

    assert result.status == "finished"
    assert result.steps == expected.steps
    assert [report.train_loss for report in result.epochs] == [report.train_loss for report in expected.epochs]
    assert result.best_validation == expected.best_validation
    assert result.test == expected.test
    for name, tensor in reference.trainable_state().items():
        assert torch.equal(resumed.trainable_state()[name], tensor), name


def test_cancelled_steps_resume_in_history(tmp_path):
    # The history keeps the steps that a cancelled run flushed, and the resumed run adds the
    # rest to the same chunk, so its steps end equal to those of an uninterrupted run.
    storage = RunStorage(tmp_path / "history.db")
    run_ids = [
        storage.create_run(name=name, method="toy", model_path="toy", model_name="toy", config={},
                           labels=LABELS).id
        for name in ("uninterrupted", "cancelled")
    ]
    # 5 steps per epoch; flushes every 2 steps and at each epoch end. Step 7 is inside epoch 2.
    settings = {"epochs": 3, "gradient_accumulation": 2, "log_every": 2}
    torch.manual_seed(0)
    toy_trainer(ToyClassifier(), callbacks=HistoryWriter(storage, run_ids[0]), **settings).fit()

    torch.manual_seed(0)
    writer = HistoryWriter(storage, run_ids[1])
    cancel = CallbackList([writer, CancelAtStep(7)])
    toy_trainer(ToyClassifier(), tmp_path / "checkpoint", cancel, TrainingState(), **settings).fit()
    assert [step.step for step in storage.get_steps(run_ids[1])] == list(range(1, 8))
    assert storage.get_steps(run_ids[1]) == storage.get_steps(run_ids[0])[:7]

    torch.manual_seed(1)
    toy_trainer(ToyClassifier(), tmp_path / "checkpoint", writer, **settings).fit(resume=True)
    assert [step.step for step in storage.get_steps(run_ids[1])] == list(range(1, 16))
    assert storage.get_steps(run_ids[1]) == storage.get_steps(run_ids[0])
    storage.close()


def test_checkpoint_keeps_split_batches(tmp_path):
    # A run that fell back to smaller batches resumes with them instead of running out of memory again.
    torch.manual_seed(0)
    toy_trainer(ToyClassifier(max_rows=3), tmp_path, CancelAtStep(3), TrainingState()).fit()
    torch.manual_seed(0)
    trainer = toy_trainer(ToyClassifier(max_rows=3), tmp_path)
    result = trainer.fit(resume=True)
    assert result.batch_size == 2
    assert sum("Out of memory" in warning for warning in result.warnings) == 2  # from the first process


def test_checkpoint_is_safetensors_without_pickle(tmp_path):
    torch.manual_seed(0)
    toy_trainer(ToyClassifier(), tmp_path, epochs=1).fit()
    assert [path.name for path in tmp_path.iterdir()] == [CHECKPOINT_NAME]
    tensors, state = read_checkpoint(tmp_path)
    assert state["epochs_done"] == 1
    assert state["partial_epoch"] is None
    assert "trainable/embedding.weight" in tensors
    assert "rng/torch" in tensors


def test_truncated_checkpoint_is_rejected(tmp_path):
    torch.manual_seed(0)
    toy_trainer(ToyClassifier(), tmp_path, epochs=1).fit()
    path = tmp_path / CHECKPOINT_NAME
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(CheckpointError, match="unreadable"):
        toy_trainer(ToyClassifier(), tmp_path, epochs=1).fit(resume=True)


def test_checkpoint_of_other_data_is_rejected(tmp_path):
    torch.manual_seed(0)
    toy_trainer(ToyClassifier(), tmp_path, epochs=1).fit()
    trainer = toy_trainer(ToyClassifier(), tmp_path, epochs=1, batch_size=4)
    with pytest.raises(CheckpointError, match="same data and settings"):
        trainer.fit(resume=True)


def test_missing_checkpoint_is_named(tmp_path):
    with pytest.raises(CheckpointError, match="No checkpoint") as error:
        toy_trainer(ToyClassifier(), tmp_path / "none").fit(resume=True)
    assert str(tmp_path / "none") in str(error.value)


# -- runs in the history --------------------------------------------------------------------------

@pytest.mark.slow
def test_cancel_leaves_row_and_checkpoint(tiny_model_dir, data_copy, tmp_path, reference_run):
    config = RunConfig.from_dict({
        "model_path": str(tiny_model_dir), "method": "lora", "method_options": {"r": 4},
        "data": {"folder": str(data_copy), "max_train_rows": 160, "max_eval_rows": 48},
        "training": {"epochs": 3, "batch_size": 16, "seed": 7, "learning_rate": 0.003, "device": "cpu",
                     "log_every": 1},
        "output_dir": str(tmp_path / "runs")})
    storage = RunStorage(tmp_path / "history.db")
    state = TrainingState()
    outcome = run_training(config, storage=storage, callbacks=CancelAtStep(13), state=state)

    # The row is final and matches what was trained: epoch 1 and 13 steps.
    record = storage.get_run(outcome.run_id)
    assert record.status == "cancelled"
    assert record.finished_at is not None
    assert record.error is None
    assert record.last_finished_epoch == 1
    assert record.best_epoch == 1
    assert [step.step for step in storage.get_steps(outcome.run_id)] == list(range(1, 14))
    assert [epoch.epoch for epoch in storage.get_epochs(outcome.run_id)] == [1]
    assert (Path(record.weights_dir) / "adapter_model.safetensors").is_file()
    assert record.data_files.keys() == {"train.txt", "validation.txt", "test.txt"}

    # The checkpoint records the position inside epoch 2.
    run_dir = Path(record.extra["run_dir"])
    assert run_dir.name == f"run-{outcome.run_id}-lora"
    _, checkpoint = read_checkpoint(run_dir / "checkpoint")
    assert checkpoint["step"] == 13
    assert checkpoint["partial_epoch"]["epoch"] == 2
    assert checkpoint["partial_epoch"]["steps_done"] == 3

    # Changed data cannot resume; the original data resumes to the uninterrupted result.
    test_file = data_copy / "test.txt"
    original = test_file.read_bytes()
    test_file.write_bytes(original + "\nPolitics\tབོད་ ལྗོངས\n".encode())
    try:
        with pytest.raises(CheckpointError, match="test.txt changed"):
            resume_run(outcome.run_id, storage)
    finally:
        test_file.write_bytes(original)
    assert storage.get_run(outcome.run_id).status == "cancelled"

    resumed = resume_run(outcome.run_id, storage)
    assert resumed.run_id == outcome.run_id
    assert_same_run(storage, outcome.run_id, *reference_run)

    with pytest.raises(CheckpointError, match="finished"):
        resume_run(outcome.run_id, storage)


@pytest.mark.slow
def test_killed_run_resumes_exactly(tiny_model_dir, data_copy, tmp_path, reference_run):
    history = tmp_path / "history.db"
    command = peftt_command(history, *train_arguments(tiny_model_dir, data_copy, tmp_path / "runs"))
    with open(tmp_path / "train.log", "w", encoding="utf-8") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT)

    # Kill the process as soon as the history shows a finished epoch (the run has three).
    deadline = time.monotonic() + 600
    progress = None
    while time.monotonic() < deadline and process.poll() is None:
        progress = read_progress(history)
        if progress is not None and (progress[1] or 0) >= 1:
            break
        time.sleep(0.05)
    assert process.poll() is None, (tmp_path / "train.log").read_text(encoding="utf-8")[-3000:]
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)

    # The history opens cleanly; the dead run is found and marked interrupted.
    storage = RunStorage(history)
    assert storage.recovered_from is None
    record = storage.get_run(1)
    assert record.status == "running"
    assert storage.mark_interrupted_runs() == 1
    record = storage.get_run(1)
    assert record.status == "interrupted"
    assert record.last_finished_epoch in (1, 2)
    assert f"process {process.pid}" in record.error
    assert record.weights_dir is None

    # peftt resume continues it in a new process, to the same end as the uninterrupted run.
    run_cli(peftt_command(history, "resume", "1"), tmp_path / "resume.log")
    assert "Resumed from the end of epoch" in (tmp_path / "resume.log").read_text(encoding="utf-8")
    assert_same_run(RunStorage(history), 1, *reference_run)
