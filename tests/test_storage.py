"""Tests of the run history (``peftt_gui.core.storage``) on SQLite files in temp folders."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import math
import os
import random
import shutil
import sqlite3
import struct
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import peftt_gui
from peftt_gui.core.errors import StorageError
from peftt_gui.core.storage import (
    HISTORY_ENV_VAR,
    EpochRecord,
    RunRecord,
    RunStorage,
    StepRecord,
    default_history_path,
)
from peftt_gui.core.storage.migrations import HEAD_REVISION, MIGRATIONS_DIR
from peftt_gui.core.storage.models import Base, RunModel

SCHEMAS_DIR = Path(__file__).parent / "data" / "schemas"

# Seconds each concurrency test keeps its threads writing.
HAMMER_SECONDS = 3.0


@pytest.fixture
def history_path(tmp_path: Path) -> Path:
    return tmp_path / "history.db"


@pytest.fixture
def storage(history_path: Path):
    with RunStorage(history_path) as opened:
        yield opened


def new_run(storage: RunStorage, name: str = "run", **overrides):
    arguments = dict(
        name=name,
        method="prompt_lora",
        model_path="/models/tibert",
        model_name="tibert",
        config={"learning_rate": 3e-4, "epochs": 3},
        labels=["ཆོས", "རྩོམ"],
    )
    arguments.update(overrides)
    return storage.create_run(**arguments)


def sql(path: Path, query: str, *params):
    """Run one query with plain sqlite3, outside RunStorage, and return all rows."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def float32(value: float) -> float:
    """Return the float32 nearest to ``value``, which is what the history keeps of a step."""
    return struct.unpack("<f", struct.pack("<f", value))[0]


# --- Writing and reading runs --------------------------------------------------------


def test_create_run_sets_running_state(storage: RunStorage):
    before = datetime.now(timezone.utc)
    run = new_run(
        storage,
        "first",
        verbalizer={"ཆོས": ["ཆོས"]},
        data_files={"/data/train.tsv": "sha256:1"},
        study="ablation",
        tags=["b", " a ", "b"],
        extra={"seed": 13},
    )

    assert run.status == "running"
    assert run.pid == os.getpid()
    assert run.hostname
    assert before <= run.created_at <= datetime.now(timezone.utc)
    assert run.started_at == run.created_at
    assert run.updated_at == run.created_at
    assert run.finished_at is None
    assert run.tags == ("a", "b")
    assert run.labels == ["ཆོས", "རྩོམ"]
    assert run.verbalizer == {"ཆོས": ["ཆོས"]}
    assert run.data_files == {"/data/train.tsv": "sha256:1"}
    assert run.extra == {"seed": 13}
    assert run.warnings == []
    assert storage.get_run(run.id) == run


def test_records_are_frozen(storage: RunStorage):
    run = new_run(storage)

    with pytest.raises(dataclasses.FrozenInstanceError):
        run.name = "changed"  # type: ignore[misc]


def test_run_record_fields_match_columns():
    columns = {column.key for column in RunModel.__table__.columns}
    fields = {field.name for field in dataclasses.fields(RunRecord)}

    assert fields == columns | {"tags"}


def test_update_run_sets_columns(storage: RunStorage):
    run = new_run(storage)

    storage.update_run(
        run.id,
        best_val_macro_f1=0.8,
        best_epoch=2,
        trainable_params=1000,
        val_per_class_f1={"ཆོས": 0.7, "རྩོམ": 0.9},
        val_confusion=[[5, 1], [2, 6]],
        warnings=["fp16 is off on CPU"],
        weights_dir=Path("/runs/1"),
    )
    stored = storage.get_run(run.id)

    assert stored.best_val_macro_f1 == 0.8
    assert stored.best_epoch == 2
    assert stored.trainable_params == 1000
    assert stored.val_per_class_f1 == {"ཆོས": 0.7, "རྩོམ": 0.9}
    assert stored.val_confusion == [[5, 1], [2, 6]]
    assert stored.warnings == ["fp16 is off on CPU"]
    assert stored.weights_dir == "/runs/1"
    assert stored.updated_at >= run.updated_at


def test_update_run_converts_numpy_values(storage: RunStorage):
    numpy = pytest.importorskip("numpy")
    run = new_run(storage, config={"weights": numpy.array([1.5, 2.5]), "lr": numpy.float32(0.5)})

    storage.update_run(
        run.id,
        test_macro_f1=numpy.float32(0.25),
        total_params=numpy.int64(7),
        test_confusion=numpy.array([[1, 0], [0, 1]]),
    )
    stored = storage.get_run(run.id)

    assert stored.config == {"weights": [1.5, 2.5], "lr": 0.5}
    assert stored.test_macro_f1 == 0.25
    assert stored.total_params == 7
    assert stored.test_confusion == [[1, 0], [0, 1]]


def test_update_run_rejects_unknown_field(storage: RunStorage):
    run = new_run(storage)

    with pytest.raises(StorageError, match="Unknown run field.*no_such_column"):
        storage.update_run(run.id, no_such_column=1)
    with pytest.raises(StorageError, match="Unknown run field.*id"):
        storage.update_run(run.id, id=99)


def test_update_run_rejects_invalid_values(storage: RunStorage):
    run = new_run(storage)

    with pytest.raises(StorageError, match="Invalid run status 'done'"):
        storage.update_run(run.id, status="done")
    with pytest.raises(StorageError, match="Invalid value .* for run field 'best_epoch'"):
        storage.update_run(run.id, best_epoch="two")
    with pytest.raises(StorageError, match="Invalid run name"):
        storage.update_run(run.id, name="  ")


def test_update_missing_run_raises(storage: RunStorage):
    with pytest.raises(StorageError, match="Run 404 not found"):
        storage.update_run(404, notes="x")
    with pytest.raises(StorageError, match="Run 404 not found"):
        storage.heartbeat(404)
    with pytest.raises(StorageError, match="Run 404 not found"):
        storage.add_steps(404, [(1, 0.1, 1.0, 1e-4)])


def test_unserializable_config_raises(storage: RunStorage):
    with pytest.raises(StorageError, match="create run 'bad'.*cannot be stored as JSON"):
        new_run(storage, "bad", config={"callback": object()})

    assert storage.list_runs() == []


def test_heartbeat_moves_updated_at(storage: RunStorage):
    run = new_run(storage)
    time.sleep(0.01)

    storage.heartbeat(run.id)

    assert storage.get_run(run.id).updated_at > run.updated_at


def test_finish_run_sets_end_and_duration(storage: RunStorage):
    run = new_run(storage)
    started = datetime.now(timezone.utc) - timedelta(seconds=90)
    storage.update_run(run.id, started_at=started)

    storage.finish_run(run.id, "finished", test_macro_f1=0.7, test_accuracy=0.75)
    stored = storage.get_run(run.id)

    assert stored.status == "finished"
    assert stored.finished_at is not None
    assert stored.duration_s == pytest.approx(
        (stored.finished_at - started).total_seconds(), abs=1e-3
    )
    assert 89 < stored.duration_s < 120
    assert stored.test_macro_f1 == 0.7
    assert stored.test_accuracy == 0.75


def test_finish_run_keeps_given_duration(storage: RunStorage):
    run = new_run(storage)

    storage.finish_run(run.id, "failed", duration_s=12.5, error="CUDA out of memory")
    stored = storage.get_run(run.id)

    assert stored.status == "failed"
    assert stored.duration_s == 12.5
    assert stored.error == "CUDA out of memory"


def test_finish_run_rejects_running_status(storage: RunStorage):
    run = new_run(storage)

    with pytest.raises(StorageError, match="Invalid run status 'running'"):
        storage.finish_run(run.id, "running")


def test_nan_metric_is_stored_as_null(storage: RunStorage):
    run = new_run(storage)

    storage.update_run(run.id, best_val_macro_f1=float("nan"))

    assert storage.get_run(run.id).best_val_macro_f1 is None


# --- Steps and epochs ----------------------------------------------------------------


def test_add_steps_accepts_records_and_tuples(storage: RunStorage):
    run = new_run(storage)

    storage.add_steps(run.id, [StepRecord(1, 0.5, 2.0, 1e-4), (2, 1.0, 1.5, 5e-5)])

    assert storage.get_steps(run.id) == [
        StepRecord(1, 0.5, 2.0, float32(1e-4)),
        StepRecord(2, 1.0, 1.5, float32(5e-5)),
    ]


def test_steps_unique_on_run_and_step(storage: RunStorage, history_path: Path):
    run = new_run(storage)
    other = new_run(storage, "other")

    storage.add_steps(run.id, [(1, 0.1, 2.0, 1e-4), (2, 0.2, 1.9, 1e-4)])
    storage.add_steps(run.id, [(2, 0.2, 1.0, 2e-4), (3, 0.3, 0.9, 1e-4), (3, 0.3, 0.8, 1e-4)])
    storage.add_steps(other.id, [(1, 0.1, 5.0, 1e-3)])

    steps = storage.get_steps(run.id)
    assert [step.step for step in steps] == [1, 2, 3]
    assert steps[1] == StepRecord(2, float32(0.2), 1.0, float32(2e-4))
    assert steps[2].loss == float32(0.8)
    assert storage.get_steps(other.id) == [StepRecord(1, float32(0.1), 5.0, float32(1e-3))]
    assert sql(history_path, "SELECT SUM(step_count) FROM run_step_chunks") == [(4,)]


def test_steps_keep_nan_loss(storage: RunStorage):
    run = new_run(storage)

    storage.add_steps(run.id, [(1, 0.1, float("nan"), 1e-4), (2, 0.2, None, None)])
    steps = storage.get_steps(run.id)

    assert math.isnan(steps[0].loss)
    assert math.isnan(steps[1].loss)
    assert math.isnan(steps[1].learning_rate)


def test_add_steps_updates_heartbeat(storage: RunStorage):
    run = new_run(storage)
    time.sleep(0.01)

    storage.add_steps(run.id, [(1, 0.1, 2.0, 1e-4)])

    assert storage.get_run(run.id).updated_at > run.updated_at


def test_epochs_upsert_on_run_and_epoch(storage: RunStorage):
    run = new_run(storage)
    first = EpochRecord(1, train_loss=0.9, val_macro_f1=0.5, val_accuracy=0.6, duration_s=10.0)
    replaced = EpochRecord(
        1,
        train_loss=0.8,
        val_macro_f1=0.55,
        val_accuracy=0.65,
        val_per_class_f1={"ཆོས": 0.5, "རྩོམ": 0.6},
        val_confusion=[[3, 1], [1, 3]],
        duration_s=11.0,
    )
    second = EpochRecord(2, train_loss=0.5, val_macro_f1=0.7)

    storage.add_epoch(run.id, first)
    storage.add_epoch(run.id, second)
    storage.add_epoch(run.id, replaced)

    assert storage.get_epochs(run.id) == [replaced, second]


def test_steps_of_missing_run_raise(storage: RunStorage):
    with pytest.raises(StorageError, match="Run 7 not found"):
        storage.get_steps(7)
    with pytest.raises(StorageError, match="Run 7 not found"):
        storage.get_epochs(7)


# --- Step chunks -------------------------------------------------------------------------


def training_steps(first: int, last: int, loss_scale: float = 1.0) -> list[tuple]:
    """Steps as the trainer reports them: fractional epochs, noisy loss, linear decay."""
    rng = random.Random(first)
    return [
        (step, step / 400, loss_scale * (2.0 / step + rng.uniform(0, 0.2)), 3e-4 * (1 - step / 5000))
        for step in range(first, last + 1)
    ]


def as_stored(steps: list[tuple]) -> list[StepRecord]:
    return [
        StepRecord(step, float32(epoch), float32(loss), float32(learning_rate))
        for step, epoch, loss, learning_rate in steps
    ]


def chunk_rows(path: Path, run_id: int) -> list[tuple]:
    return sql(
        path,
        "SELECT first_step, last_step, step_count, step_numbers, metrics FROM run_step_chunks "
        "WHERE run_id = ? ORDER BY first_step",
        run_id,
    )


def assert_chunks_disjoint(path: Path, run_id: int) -> None:
    ranges = [(first, last) for first, last, *_ in chunk_rows(path, run_id)]
    for (_, end), (start, _) in zip(ranges, ranges[1:]):
        assert end < start, ranges


def test_steps_in_flushes_match_one_write(storage: RunStorage, history_path: Path):
    flushed = new_run(storage, "flushed")
    at_once = new_run(storage, "at once")
    steps = training_steps(1, 2600)

    for start in range(0, len(steps), 25):
        storage.add_steps(flushed.id, steps[start:start + 25])
    storage.add_steps(at_once.id, steps)

    assert storage.get_steps(flushed.id) == as_stored(steps)
    assert storage.get_steps(at_once.id) == as_stored(steps)
    rows = chunk_rows(history_path, flushed.id)
    assert [(first, last, count) for first, last, count, *_ in rows] == [
        (1, 1024, 1024), (1025, 2048, 1024), (2049, 2600, 552),
    ]
    assert [step_numbers for _, _, _, step_numbers, _ in rows] == [None, None, None]
    assert rows == chunk_rows(history_path, at_once.id)


def test_steps_read_back_in_step_order(storage: RunStorage, history_path: Path):
    run = new_run(storage)
    later, earlier, between = training_steps(30, 39), training_steps(1, 9), training_steps(10, 29)
    sparse = [(100, 2.0, 0.5, 1e-4), (250, 3.0, 0.4, 1e-4), (90, 1.5, 0.6, 1e-4)]

    for flush in (later, earlier, sparse, between):
        storage.add_steps(run.id, flush)

    stored = storage.get_steps(run.id)
    assert [step.step for step in stored] == [*range(1, 40), 90, 100, 250]
    assert stored == as_stored(earlier + between + later + sorted(sparse))
    assert_chunks_disjoint(history_path, run.id)


def test_steps_overwritten_across_chunks(storage: RunStorage, history_path: Path):
    run = new_run(storage)
    storage.add_steps(run.id, training_steps(1, 2100))

    storage.add_steps(run.id, training_steps(1000, 1100, loss_scale=9.0))

    stored = storage.get_steps(run.id)
    expected = training_steps(1, 999) + training_steps(1000, 1100, 9.0) + training_steps(1, 2100)[1100:]
    assert stored == as_stored(expected)
    assert sum(count for _, _, count, *_ in chunk_rows(history_path, run.id)) == 2100
    assert_chunks_disjoint(history_path, run.id)


def test_cancelled_run_keeps_partial_steps(history_path: Path):
    steps = training_steps(1, 1040)
    with RunStorage(history_path) as trainer_storage:
        run = new_run(trainer_storage)
        for start in range(0, 1030, 10):
            trainer_storage.add_steps(run.id, steps[start:start + 10])
        trainer_storage.finish_run(run.id, "cancelled")

    # A later process reads the partial run, then resumes it.
    with RunStorage(history_path) as reopened:
        assert reopened.get_run(run.id).status == "cancelled"
        assert reopened.get_steps(run.id) == as_stored(steps[:1030])
        reopened.add_steps(run.id, steps[1030:])
        assert reopened.get_steps(run.id) == as_stored(steps)

    counts = [count for _, _, count, *_ in chunk_rows(history_path, run.id)]
    assert counts == [1024, 16]


def test_delete_run_deletes_its_chunks(storage: RunStorage, history_path: Path):
    deleted = new_run(storage, "deleted")
    kept = new_run(storage, "kept")
    storage.add_steps(deleted.id, training_steps(1, 3000))
    storage.add_steps(kept.id, training_steps(1, 1500))
    assert len(chunk_rows(history_path, deleted.id)) == 3

    storage.delete_run(deleted.id)

    assert chunk_rows(history_path, deleted.id) == []
    assert len(chunk_rows(history_path, kept.id)) == 2
    assert storage.get_steps(kept.id) == as_stored(training_steps(1, 1500))


def test_damaged_chunk_raises(storage: RunStorage, history_path: Path):
    run = new_run(storage)
    storage.add_steps(run.id, training_steps(1, 10))
    connection = sqlite3.connect(history_path)
    with connection:
        connection.execute("UPDATE run_step_chunks SET metrics = X'01DEADBEEF'")
    connection.close()

    with pytest.raises(StorageError, match=f"Steps 1 to 10 of run {run.id} .* cannot be read"):
        storage.get_steps(run.id)
    with pytest.raises(StorageError, match="cannot be decompressed"):
        storage.add_steps(run.id, training_steps(11, 12))


# --- Names, notes, tags, deletion --------------------------------------------------------


def test_rename_and_notes_keep_heartbeat(storage: RunStorage):
    run = new_run(storage, "old")

    storage.rename_run(run.id, "new name")
    storage.set_notes(run.id, "lr too high?")
    stored = storage.get_run(run.id)

    assert stored.name == "new name"
    assert stored.notes == "lr too high?"
    assert stored.updated_at == run.updated_at


def test_tags_set_and_add(storage: RunStorage):
    run = new_run(storage, tags=["x"])

    storage.set_tags(run.id, ["ཚད་གཞི", "b", "b "])
    assert storage.get_run(run.id).tags == ("b", "ཚད་གཞི")

    storage.add_tag(run.id, "a")
    storage.add_tag(run.id, "a")
    assert storage.get_run(run.id).tags == ("a", "b", "ཚད་གཞི")

    storage.set_tags(run.id, [])
    assert storage.get_run(run.id).tags == ()


def test_invalid_tags_raise(storage: RunStorage):
    run = new_run(storage)

    with pytest.raises(StorageError, match="Invalid tag ''"):
        storage.add_tag(run.id, "")
    with pytest.raises(StorageError, match="not the string"):
        storage.set_tags(run.id, "abc")
    with pytest.raises(StorageError, match="Run 99 not found"):
        storage.add_tag(99, "a")


def test_delete_run_cascades(storage: RunStorage, history_path: Path):
    deleted = new_run(storage, "deleted", tags=["a", "b"])
    other = new_run(storage, "other", tags=["a"])
    storage.add_steps(deleted.id, [(step, step / 10, 1.0, 1e-4) for step in range(1, 51)])
    storage.add_steps(other.id, [(1, 0.1, 1.0, 1e-4)])
    storage.add_epoch(deleted.id, EpochRecord(1, train_loss=0.5))

    storage.delete_run(deleted.id)

    with pytest.raises(StorageError, match=f"Run {deleted.id} not found"):
        storage.get_run(deleted.id)
    for table in ("run_step_chunks", "run_epochs", "run_tags"):
        rows = sql(history_path, f"SELECT COUNT(*) FROM {table} WHERE run_id = ?", deleted.id)
        assert rows == [(0,)], table
    assert len(storage.get_steps(other.id)) == 1
    assert storage.get_run(other.id).tags == ("a",)
    with pytest.raises(StorageError, match=f"Run {deleted.id} not found"):
        storage.delete_run(deleted.id)


def test_deleted_run_id_is_not_reused(storage: RunStorage):
    first = new_run(storage, "first")
    second = new_run(storage, "second")

    storage.delete_run(second.id)
    third = new_run(storage, "third")

    assert third.id > second.id > first.id


# --- Looking runs up and listing them --------------------------------------------------


def test_get_run_by_name_or_id(storage: RunStorage):
    run = new_run(storage, "lora-r8")
    digits = new_run(storage, "2024")

    assert storage.get_run("lora-r8").id == run.id
    assert storage.get_run(run.id).name == "lora-r8"
    assert storage.get_run(str(run.id)).id == run.id
    assert storage.get_run("2024").id == digits.id


def test_get_run_unknown_or_ambiguous_raises(storage: RunStorage):
    first = new_run(storage, "twin")
    second = new_run(storage, "twin")
    named_like_id = new_run(storage, str(first.id))

    with pytest.raises(StorageError, match="Run 'missing' not found"):
        storage.get_run("missing")
    with pytest.raises(StorageError, match="Run 12345 not found"):
        storage.get_run(12345)
    with pytest.raises(StorageError, match=f"'twin' is ambiguous.*{first.id}, {second.id}"):
        storage.get_run("twin")
    with pytest.raises(StorageError, match="ambiguous"):
        storage.get_run(str(first.id))
    assert storage.get_run(named_like_id.id).name == str(first.id)


def test_get_runs_keeps_order(storage: RunStorage):
    runs = [new_run(storage, f"run-{index}", tags=[f"t{index}"]) for index in range(4)]

    compared = storage.get_runs([runs[2].id, runs[0].id, runs[3].id])

    assert [run.name for run in compared] == ["run-2", "run-0", "run-3"]
    assert [run.tags for run in compared] == [("t2",), ("t0",), ("t3",)]
    with pytest.raises(StorageError, match="Runs not found in the history: 999"):
        storage.get_runs([runs[0].id, 999])


@pytest.fixture
def listed(storage: RunStorage):
    """Five runs with known metrics, created in this order (ids ascending)."""
    specs = [
        ("alpha", "full", "tibert", "finished", 0.70, 0.60, "s1", ["base"], ""),
        ("beta", "lora", "tibert", "finished", 0.90, 0.85, "s1", ["base", "best"], ""),
        ("gamma", "lora", "mbert", "failed", None, None, None, [], "out of memory"),
        ("delta", "prompt", "mbert", "finished", 0.80, None, "s2", ["best"], "50%_done"),
        ("epsilon", "prompt", "tibert", "running", None, None, None, [], ""),
    ]
    ids = {}
    for name, method, model, status, val_f1, test_f1, study, tags, notes in specs:
        run = new_run(storage, name, method=method, model_name=model, study=study, tags=tags)
        storage.update_run(run.id, best_val_macro_f1=val_f1, test_macro_f1=test_f1, notes=notes)
        if status != "running":
            storage.finish_run(run.id, status)
        ids[name] = run.id
    return ids


def names(summaries) -> list[str]:
    return [summary.name for summary in summaries]


def test_list_runs_default_newest_first(storage: RunStorage, listed):
    summaries = storage.list_runs()

    assert names(summaries) == ["epsilon", "delta", "gamma", "beta", "alpha"]
    assert summaries[3].tags == ("base", "best")
    assert summaries[3].best_val_macro_f1 == 0.90
    assert summaries[3].status == "finished"
    assert summaries[3].duration_s is not None
    assert summaries[0].finished_at is None


def test_list_runs_sorts_with_nulls_last(storage: RunStorage, listed):
    descending = storage.list_runs(order_by="best_val_macro_f1")
    ascending = storage.list_runs(order_by="best_val_macro_f1", descending=False)
    by_name = storage.list_runs(order_by="name", descending=False)

    assert names(descending) == ["beta", "delta", "alpha", "epsilon", "gamma"]
    assert names(ascending) == ["alpha", "delta", "beta", "gamma", "epsilon"]
    assert names(by_name) == ["alpha", "beta", "delta", "epsilon", "gamma"]


def test_list_runs_filters(storage: RunStorage, listed):
    assert names(storage.list_runs(status="finished")) == ["delta", "beta", "alpha"]
    assert names(storage.list_runs(status=["failed", "running"])) == ["epsilon", "gamma"]
    assert names(storage.list_runs(method="lora")) == ["gamma", "beta"]
    assert names(storage.list_runs(model_name="mbert")) == ["delta", "gamma"]
    assert names(storage.list_runs(study="s1")) == ["beta", "alpha"]
    assert names(storage.list_runs(tag="best")) == ["delta", "beta"]
    assert names(storage.list_runs(tag="best", method="prompt")) == ["delta"]
    assert names(storage.list_runs(tag="nope")) == []


def test_list_runs_text_search(storage: RunStorage, listed):
    assert names(storage.list_runs(text="ALPH")) == ["alpha"]
    assert names(storage.list_runs(text="memory")) == ["gamma"]
    assert names(storage.list_runs(text="mbert")) == ["delta", "gamma"]
    assert names(storage.list_runs(text="bes")) == ["delta", "beta"]
    assert names(storage.list_runs(text="50%_")) == ["delta"]
    assert names(storage.list_runs(text="%")) == ["delta"]


def test_list_runs_limit_and_offset(storage: RunStorage, listed):
    assert names(storage.list_runs(limit=2)) == ["epsilon", "delta"]
    assert names(storage.list_runs(limit=2, offset=2)) == ["gamma", "beta"]
    assert names(storage.list_runs(offset=4)) == ["alpha"]


def test_list_runs_rejects_unknown_sort(storage: RunStorage):
    with pytest.raises(StorageError, match="Cannot sort runs by 'config'"):
        storage.list_runs(order_by="config")


# --- Interrupted runs ---------------------------------------------------------------------


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_mark_interrupted_runs(storage: RunStorage):
    now = datetime.now(timezone.utc)
    own = new_run(storage, "own process")
    parent = new_run(storage, "parent process")
    storage.update_run(parent.id, pid=os.getppid())
    dead = new_run(storage, "dead")
    storage.update_run(dead.id, pid=dead_pid())
    finished = new_run(storage, "finished")
    storage.update_run(finished.id, pid=dead_pid())
    storage.finish_run(finished.id, "finished")
    stale_remote = new_run(storage, "stale remote")
    last_seen = now - timedelta(hours=1)
    storage.update_run(stale_remote.id, hostname="other-host", pid=1, updated_at=last_seen)
    fresh_remote = new_run(storage, "fresh remote")
    storage.update_run(fresh_remote.id, hostname="other-host", pid=1)
    reused = new_run(storage, "reused pid")

    # A live process started after the run's last heartbeat has a reused pid.
    later = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        storage.update_run(reused.id, pid=later.pid, updated_at=now - timedelta(seconds=60))
        marked = storage.mark_interrupted_runs()
    finally:
        later.kill()
        later.wait()

    runs = [own, parent, dead, finished, stale_remote, fresh_remote, reused]
    statuses = {run.name: run.status for run in storage.get_runs([run.id for run in runs])}
    assert marked == 3
    assert statuses == {
        "own process": "running",
        "parent process": "running",
        "dead": "interrupted",
        "finished": "finished",
        "stale remote": "interrupted",
        "fresh remote": "running",
        "reused pid": "interrupted",
    }

    remote = storage.get_run(stale_remote.id)
    assert remote.finished_at == last_seen
    assert "no heartbeat from other-host" in remote.error
    assert "has ended" in storage.get_run(dead.id).error
    assert remote.duration_s == pytest.approx(
        (last_seen - remote.started_at).total_seconds(), abs=1e-3
    )
    assert storage.mark_interrupted_runs() == 0


# --- Opening files -----------------------------------------------------------------------


def test_env_var_overrides_default_path(tmp_path: Path, monkeypatch):
    target = tmp_path / "elsewhere" / "mine.db"
    monkeypatch.setenv(HISTORY_ENV_VAR, str(target))

    assert default_history_path() == target
    with RunStorage() as opened:
        assert opened.path == target
        new_run(opened)
    assert target.exists()

    explicit = tmp_path / "explicit.db"
    with RunStorage(explicit) as opened:
        assert opened.path == explicit
        assert opened.list_runs() == []


def test_default_path_in_user_data_dir(monkeypatch):
    from platformdirs import user_data_dir

    monkeypatch.delenv(HISTORY_ENV_VAR, raising=False)

    assert default_history_path() == Path(user_data_dir("peftt-studio")) / "history.db"


def test_new_file_has_wal_and_head_revision(storage: RunStorage, history_path: Path):
    new_run(storage)

    assert sql(history_path, "PRAGMA journal_mode") == [("wal",)]
    assert sql(history_path, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    app_version = sql(history_path, "SELECT value FROM schema_info WHERE key = 'app_version'")
    assert app_version == [(peftt_gui.__version__,)]


def test_up_to_date_file_skips_alembic(history_path: Path, monkeypatch):
    import alembic.command

    RunStorage(history_path).close()

    def fail_upgrade(*args, **kwargs):
        raise AssertionError("alembic upgrade ran on an up-to-date file")

    monkeypatch.setattr(alembic.command, "upgrade", fail_upgrade)
    RunStorage(history_path).close()
    # A new file needs an upgrade, so opening it reaches the patched function.
    with pytest.raises(AssertionError, match="alembic upgrade ran"):
        RunStorage(history_path.with_name("fresh.db"))


def test_upgrade_runs_with_foreign_keys_off(history_path: Path, monkeypatch):
    # A batch migration copies a table and drops the old one. With foreign keys on, the
    # drop of ``runs`` would cascade-delete every step, epoch and tag.
    import alembic.command

    upgrade = alembic.command.upgrade
    seen = []

    def recording_upgrade(config, revision, **kwargs):
        connection = config.attributes["connection"]
        seen.append(connection.exec_driver_sql("PRAGMA foreign_keys").scalar())
        return upgrade(config, revision, **kwargs)

    monkeypatch.setattr(alembic.command, "upgrade", recording_upgrade)
    with RunStorage(history_path) as opened:
        run = new_run(opened)
        opened.add_steps(run.id, [(1, 0.1, 1.0, 1e-4)])
        opened.delete_run(run.id)

    assert seen == [0]
    assert sql(history_path, "SELECT COUNT(*) FROM run_step_chunks") == [(0,)]


def test_corrupt_file_is_moved_aside(history_path: Path, caplog):
    garbage = random.Random(7).randbytes(64 * 1024)
    history_path.write_bytes(garbage)

    with caplog.at_level(logging.WARNING, logger="peftt_gui.core.storage"):
        opened = RunStorage(history_path)
    try:
        moved = opened.recovered_from
        assert moved is not None
        assert moved.parent == history_path.parent
        assert moved.name.startswith("history.db.corrupt-")
        assert moved.read_bytes() == garbage
        assert opened.list_runs() == []
        assert new_run(opened).id == 1
        assert str(moved) in caplog.text
    finally:
        opened.close()


def test_valid_file_is_not_moved(history_path: Path):
    RunStorage(history_path).close()

    with RunStorage(history_path) as opened:
        assert opened.recovered_from is None
    assert list(history_path.parent.glob("*.corrupt-*")) == []


def test_newer_schema_is_rejected_unchanged(history_path: Path):
    with RunStorage(history_path) as opened:
        new_run(opened)
    connection = sqlite3.connect(history_path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
        connection.execute("UPDATE schema_info SET value = '9.9.0' WHERE key = 'app_version'")
    connection.close()
    digest = file_digest(history_path)

    with pytest.raises(StorageError) as raised:
        RunStorage(history_path)

    message = str(raised.value)
    assert "'0099'" in message
    assert "PEFTT Studio 9.9.0" in message
    assert "Upgrade PEFTT Studio" in message
    assert file_digest(history_path) == digest
    assert list(history_path.parent.glob("*.corrupt-*")) == []


def test_foreign_database_is_rejected(history_path: Path):
    connection = sqlite3.connect(history_path)
    with connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    connection.close()
    digest = file_digest(history_path)

    with pytest.raises(StorageError, match="not a PEFTT Studio run history"):
        RunStorage(history_path)
    assert file_digest(history_path) == digest


@pytest.mark.parametrize(
    "schema_file", sorted(SCHEMAS_DIR.glob("history-*.db")), ids=lambda path: path.stem
)
def test_old_schema_opens_and_upgrades(schema_file: Path, tmp_path: Path):
    # Every kept file contains the reference rows that make_v1.py inserted at revision 0001.
    copy = tmp_path / "history.db"
    shutil.copyfile(schema_file, copy)

    with RunStorage(copy) as opened:
        reference = opened.get_run("v1-reference")
        failed = opened.get_run(2)
        steps = opened.get_steps(reference.id)
        epochs = opened.get_epochs(reference.id)
        listed = opened.list_runs(order_by="id", descending=False)
        tagged = opened.list_runs(tag="ཚད་གཞི")

    assert sql(copy, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert reference.status == "finished"
    assert reference.method == "prompt_lora"
    assert reference.created_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert reference.labels == ["ཆོས", "རྩོམ"]
    assert reference.verbalizer == {"ཆོས": ["ཆོས"], "རྩོམ": ["རྩོམ"]}
    assert reference.config == {"learning_rate": 0.0003, "epochs": 2, "lora_r": 8}
    assert reference.test_confusion == [[39, 11], [10, 40]]
    assert reference.tags == ("baseline", "ཚད་གཞི")
    assert reference.best_val_macro_f1 == 0.81
    assert failed.error == "CUDA out of memory"
    assert [step.step for step in steps] == list(range(1, 11))
    assert steps[4] == StepRecord(5, 1.0, float32(0.2), float32(0.0003))
    assert [epoch.epoch for epoch in epochs] == [1, 2]
    assert epochs[1].val_per_class_f1 == {"ཆོས": 0.8, "རྩོམ": 0.82}
    assert [summary.name for summary in listed] == ["v1-reference", "v1-failed"]
    assert [summary.name for summary in tagged] == ["v1-reference"]


def write_v1_steps(path: Path) -> dict[int, list[tuple]]:
    """Replace the steps of a revision-0001 file, add orphan rows, and return the steps."""
    steps = {
        1: training_steps(1, 2500),
        2: [(0, 0.0, 2.0, None), (3, 0.1, None, 1e-4), (7, 0.2, 1.5, 1e-4), (5000, 9.5, 0.25, 0.0)],
    }
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("DELETE FROM run_steps")
        for run_id, rows in steps.items():
            connection.executemany(
                "INSERT INTO run_steps VALUES (?, ?, ?, ?, ?)",
                [(run_id, *row) for row in rows],
            )
        # Foreign keys are off in a plain sqlite3 connection, as in a migration.
        connection.execute("INSERT INTO run_steps VALUES (99, 1, 0.1, 1.0, 1e-4)")
    connection.close()
    return steps


def test_upgrade_converts_steps_to_chunks(tmp_path: Path, caplog):
    copy = tmp_path / "history.db"
    shutil.copyfile(SCHEMAS_DIR / "history-0001.db", copy)
    written = write_v1_steps(copy)
    size_before = copy.stat().st_size

    with caplog.at_level(logging.INFO, logger="peftt_gui.core.storage"):
        with RunStorage(copy) as opened:
            steps = {run_id: opened.get_steps(run_id) for run_id in written}

    assert steps[1] == as_stored(written[1])
    assert [step.step for step in steps[2]] == [0, 3, 7, 5000]
    assert [step.loss for step in steps[2]][2:] == [1.5, 0.25]
    assert math.isnan(steps[2][1].loss)
    assert math.isnan(steps[2][0].learning_rate)
    assert steps[2][1].learning_rate == float32(1e-4)
    assert [count for _, _, count, *_ in chunk_rows(copy, 1)] == [1024, 1024, 452]
    assert chunk_rows(copy, 99) == []
    assert "Dropped 1 step rows" in caplog.text

    tables = {name for (name,) in sql(copy, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "run_steps" not in tables
    assert sql(copy, "PRAGMA freelist_count") == [(0,)]
    assert "Compacting the run history" in caplog.text
    assert copy.stat().st_size < size_before


def test_downgrade_restores_step_rows(tmp_path: Path):
    from alembic import command

    from peftt_gui.core.storage.migrations import alembic_config

    copy = tmp_path / "history.db"
    shutil.copyfile(SCHEMAS_DIR / "history-0001.db", copy)
    written = write_v1_steps(copy)
    RunStorage(copy).close()

    command.downgrade(alembic_config(url=f"sqlite:///{copy}"), "0001")

    rows = sql(copy, "SELECT run_id, step, epoch, loss, learning_rate FROM run_steps ORDER BY 1, 2")
    expected = [
        (run_id, step, float32(epoch), None if loss is None else float32(loss),
         None if learning_rate is None else float32(learning_rate))
        for run_id, steps in written.items()
        for step, epoch, loss, learning_rate in steps
    ]
    assert rows == expected
    assert sql(copy, "SELECT version_num FROM alembic_version") == [("0001",)]


def test_first_schema_file_is_kept():
    assert (SCHEMAS_DIR / "history-0001.db").is_file()


def test_head_revision_matches_alembic():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))

    assert ScriptDirectory.from_config(config).get_heads() == [HEAD_REVISION]


def test_migrations_match_models(storage: RunStorage, history_path: Path, tmp_path: Path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{history_path}")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []

    # compare_metadata (alembic 1.20) does not compare WITHOUT ROWID, AUTOINCREMENT or
    # CHECK constraints, so the CREATE statements are compared as well.
    from_models = tmp_path / "from_models.db"
    engine = create_engine(f"sqlite:///{from_models}")
    Base.metadata.create_all(engine)
    engine.dispose()
    query = (
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE name NOT LIKE '%alembic_version%' ORDER BY type, name"
    )
    assert sql(history_path, query) == sql(from_models, query)


# --- Concurrency -------------------------------------------------------------------------


def hammer(trainer_storage: RunStorage, gui_storage: RunStorage, seconds: float) -> None:
    """Write steps from one thread and edit runs from three others for ``seconds``.

    Fails on any exception in any thread, such as "database is locked".
    """
    training = new_run(trainer_storage, "training")
    edited = [new_run(gui_storage, f"edited-{index}") for index in range(3)]
    stop = threading.Event()
    errors: list[BaseException] = []
    steps_written = [0]

    def train() -> None:
        step = 0
        while not stop.is_set():
            batch = [
                (step + offset, step / 100, 1.0 / (step + offset + 1), 1e-4)
                for offset in range(20)
            ]
            trainer_storage.add_steps(training.id, batch)
            step += 20
            steps_written[0] = step
            trainer_storage.update_run(training.id, best_val_macro_f1=random.random())
            if step % 200 == 0:
                trainer_storage.add_epoch(training.id, EpochRecord(step // 200, train_loss=0.5))

    def edit(index: int) -> None:
        count = 0
        while not stop.is_set():
            run_id = edited[index].id
            gui_storage.rename_run(run_id, f"edited-{index}-{count}")
            gui_storage.set_notes(run_id, f"note {count}")
            gui_storage.add_tag(run_id, f"tag-{count % 5}")
            gui_storage.set_tags(training.id, [f"gui-{index}"])
            scratch = new_run(gui_storage, f"scratch-{index}-{count}")
            gui_storage.add_steps(scratch.id, [(1, 0.0, 1.0, 1e-4)])
            gui_storage.delete_run(scratch.id)
            gui_storage.list_runs(order_by="best_val_macro_f1")
            gui_storage.get_steps(training.id)
            count += 1

    def guarded(target, *args) -> None:
        try:
            target(*args)
        except BaseException as error:  # noqa: BLE001 - reported by the assert below
            errors.append(error)
            stop.set()

    threads = [threading.Thread(target=guarded, args=(train,))]
    threads += [threading.Thread(target=guarded, args=(edit, index)) for index in range(3)]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert steps_written[0] > 0
    assert len(trainer_storage.get_steps(training.id)) == steps_written[0]
    assert [run.name for run in gui_storage.list_runs(text="scratch")] == []


def test_concurrent_writes_one_instance(storage: RunStorage):
    hammer(storage, storage, HAMMER_SECONDS)


def test_concurrent_writes_two_instances(history_path: Path):
    with RunStorage(history_path) as trainer_storage, RunStorage(history_path) as gui_storage:
        hammer(trainer_storage, gui_storage, HAMMER_SECONDS)
