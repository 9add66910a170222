"""Time listing and comparing runs in a large run history, and report its file size.

Generates a history of N runs with M steps each (10,000 x 1,000 by default) with bulk
inserts, then times what the GUI does with it through ``RunStorage``:

  open      open the up-to-date file
  list      list every run, sorted by created_at and by best_val_macro_f1
  compare   get_runs + get_steps + get_epochs for 10 runs

and prints each figure next to its target, plus the file size and the share of each
table and index in it. The OS file cache is warm (the file was just written or read),
so the times are those of a repeated start.

Steps are written as the chunks that ``RunStorage.add_steps`` leaves after a run whose
steps arrived in order (``step_chunks.split_into_chunks`` and ``encode_chunk``).

    python bench/history_scale.py                          # 10,000 x 1,000 in a temp folder
    python bench/history_scale.py --runs 1000 --steps 200
    python bench/history_scale.py --path /tmp/big.db       # keep the file
    python bench/history_scale.py --path /tmp/big.db --reuse   # time it again, no generation
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import random
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert  # noqa: E402

from peftt_gui.core.storage import RunStorage  # noqa: E402
from peftt_gui.core.storage.models import RunModel, RunTagModel  # noqa: E402
from peftt_gui.core.storage.step_chunks import encode_chunk, split_into_chunks  # noqa: E402

LABELS = [
    "Politics", "Economics", "Education", "Tourism", "Environment", "Language",
    "Literature", "Religion", "Arts", "Medicine", "Customs", "Instruments",
]
METHODS = ["full", "lora", "prompt", "prompt_lora", "head_only"]
MODELS = ["tibert-base", "tibert-small", "cino-base", "mbert"]
TAGS = ["baseline", "ablation", "best", "rerun", "paper", "debug", "long", "short"]
STATUSES = ["finished"] * 8 + ["failed", "cancelled"]
EPOCHS_PER_RUN = 5
RUNS_PER_TRANSACTION = 100
COMPARED_RUNS = 10

TARGET_LIST_S = 0.5
TARGET_COMPARE_S = 0.3
TARGET_OPEN_S = 0.1
TARGET_FILE_MB = 200.0


def main() -> None:
    arguments = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="peftt-history-") as scratch:
        path = arguments.path or Path(scratch) / "history.db"
        print(f"history_scale: {arguments.runs} runs x {arguments.steps} steps in {path}")
        print(f"machine: {platform.machine()}, {platform.system()}, Python "
              f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}")

        if not arguments.reuse:
            path.unlink(missing_ok=True)
            started = time.perf_counter()
            generate(path, arguments.runs, arguments.steps, arguments.seed)
            print(f"generated in {time.perf_counter() - started:.1f} s")

        report(measure(path, arguments.seed))
        report_space(space_by_name(path))


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000, help="number of runs to generate")
    parser.add_argument("--steps", type=int, default=1_000, help="optimizer steps per run")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the generated values")
    parser.add_argument("--path", type=Path, help="history file to write and keep "
                        "(default: a temp file that is deleted at the end)")
    parser.add_argument("--reuse", action="store_true",
                        help="time the existing file at --path without generating it again")
    arguments = parser.parse_args()
    if arguments.reuse and arguments.path is None:
        parser.error("--reuse needs --path")
    return arguments


# --- Generation -------------------------------------------------------------------------


def generate(path: Path, runs: int, steps: int, seed: int) -> None:
    """Create the schema with RunStorage, then bulk-insert rows with SQLAlchemy Core."""
    RunStorage(path).close()

    rng = random.Random(seed)
    engine = create_engine(f"sqlite:///{path}")
    try:
        for first in range(1, runs + 1, RUNS_PER_TRANSACTION):
            ids = range(first, min(first + RUNS_PER_TRANSACTION, runs + 1))
            with engine.begin() as connection:
                insert_runs(connection, ids, steps, rng)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()


def insert_runs(connection, ids: range, steps: int, rng: random.Random) -> None:
    run_rows, chunk_rows, epoch_rows, tag_rows = [], [], [], []
    for run_id in ids:
        run_rows.append(run_row(run_id, rng))
        chunk_rows.extend(
            encode_chunk(run_id, chunk) for chunk in split_into_chunks(step_values(steps, rng))
        )
        epoch_rows.extend(epoch_values(run_id, rng))
        tag_rows.extend(
            {"run_id": run_id, "tag": tag} for tag in rng.sample(TAGS, rng.randint(0, 3))
        )

    connection.execute(insert(RunModel.__table__), run_rows)
    if tag_rows:
        connection.execute(insert(RunTagModel.__table__), tag_rows)
    # Plain executemany with tuples skips SQLAlchemy's per-row parameter processing,
    # which matters at hundreds of thousands of rows.
    connection.exec_driver_sql(
        "INSERT INTO run_step_chunks (run_id, first_step, last_step, step_count, "
        "step_numbers, metrics) VALUES (:run_id, :first_step, :last_step, :step_count, "
        ":step_numbers, :metrics)",
        chunk_rows,
    )
    connection.exec_driver_sql(
        "INSERT INTO run_epochs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", epoch_rows
    )


def run_row(run_id: int, rng: random.Random) -> dict:
    created = datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=run_id * 7)
    duration = rng.uniform(60, 7200)
    status = rng.choice(STATUSES)
    val_f1 = None if status == "failed" else rng.uniform(0.3, 0.9)
    test_f1 = None if val_f1 is None else val_f1 - rng.uniform(0, 0.05)
    method = rng.choice(METHODS)
    return {
        "id": run_id,
        "name": f"{method}-{run_id}",
        "status": status,
        "method": method,
        "model_name": rng.choice(MODELS),
        "created_at": created,
        "finished_at": created + timedelta(seconds=duration),
        "duration_s": duration,
        "best_val_macro_f1": val_f1,
        "test_macro_f1": test_f1,
        "test_accuracy": None if test_f1 is None else test_f1 + 0.05,
        "trainable_percent": rng.choice([100.0, 1.2, 0.6, 0.01]),
        "study": f"study-{rng.randint(1, 20)}" if rng.random() < 0.5 else None,
        "started_at": created,
        "updated_at": created + timedelta(seconds=duration),
        "pid": rng.randint(1000, 60000),
        "hostname": "bench-host",
        "best_epoch": rng.randint(1, EPOCHS_PER_RUN),
        "last_finished_epoch": EPOCHS_PER_RUN,
        "best_val_accuracy": val_f1,
        "trainable_params": rng.randint(10_000, 110_000_000),
        "total_params": 110_000_000,
        "peak_memory_bytes": rng.randint(10**9, 20 * 10**9),
        "model_path": f"/home/user/models/{rng.choice(MODELS)}",
        "model_fingerprint": f"sha256:{rng.getrandbits(128):032x}",
        "template": '{"placeholder":"text_a"} ཡིག་ཆ་འདིའི་བརྗོད་བྱ་ནི {"mask"} ཡིན།',
        "normalization": "NFC, tsheg spaces, strip head marks",
        "weights_dir": f"/home/user/peftt-runs/{run_id}",
        "notes": "" if rng.random() < 0.8 else "learning rate looks too high",
        "error": "CUDA out of memory" if status == "failed" else None,
        "config": config_values(method, rng),
        "verbalizer": {label: [label.lower()] for label in LABELS},
        "labels": LABELS,
        "data_files": {
            f"/data/tncc-title/{split}.txt": f"sha256:{rng.getrandbits(128):032x}"
            for split in ("train", "validation", "test")
        },
        "warnings": ["text truncated in 12 examples"],
        "val_per_class_f1": per_class(rng),
        "val_confusion": confusion(rng),
        "test_per_class_f1": per_class(rng),
        "test_confusion": confusion(rng),
        "extra": {},
    }


def config_values(method: str, rng: random.Random) -> dict:
    return {
        "method": method, "learning_rate": rng.choice([1e-5, 3e-5, 1e-4, 3e-4]),
        "epochs": EPOCHS_PER_RUN, "batch_size": 32, "gradient_accumulation": 1,
        "warmup_ratio": 0.1, "weight_decay": 0.01, "max_length": 128, "seed": rng.randint(0, 99),
        "lora_r": 8, "lora_alpha": 16, "lora_dropout": 0.1,
        "lora_target_modules": ["query", "value"], "fp16": False, "eval_every_epoch": True,
        "early_stopping_patience": 3, "label_smoothing": 0.0, "max_grad_norm": 1.0,
    }


def per_class(rng: random.Random) -> dict:
    return {label: round(rng.random(), 4) for label in LABELS}


def confusion(rng: random.Random) -> list:
    return [[rng.randint(0, 120) for _ in LABELS] for _ in LABELS]


def step_values(steps: int, rng: random.Random) -> list[tuple]:
    """Return (step, epoch, loss, learning_rate) of one run: a noisy loss, warm-up and decay."""
    steps_per_epoch = max(1, steps // EPOCHS_PER_RUN)
    rows = []
    for step in range(1, steps + 1):
        loss = 2.5 * math.exp(-step / (steps / 3)) + rng.uniform(0, 0.2)
        learning_rate = 3e-4 * min(step / (0.1 * steps), (steps - step) / (0.9 * steps))
        rows.append((step, step / steps_per_epoch, loss, learning_rate))
    return rows


def epoch_values(run_id: int, rng: random.Random) -> list[tuple]:
    return [
        (
            run_id, epoch, rng.uniform(0.2, 1.5), rng.uniform(0.3, 0.9), rng.uniform(0.3, 0.9),
            json.dumps(per_class(rng)), json.dumps(confusion(rng)), rng.uniform(60, 1200),
        )
        for epoch in range(1, EPOCHS_PER_RUN + 1)
    ]


# --- Measurement ------------------------------------------------------------------------


def measure(path: Path, seed: int) -> list[tuple[str, float, float, str]]:
    """Return (label, measured, target, unit) rows."""
    started = time.perf_counter()
    storage = RunStorage(path)
    open_s = time.perf_counter() - started

    try:
        rows = [("open the up-to-date file", open_s, TARGET_OPEN_S, "s")]
        for column in ("created_at", "best_val_macro_f1"):
            started = time.perf_counter()
            summaries = storage.list_runs(order_by=column)
            elapsed = time.perf_counter() - started
            rows.append((f"list {len(summaries)} runs by {column}", elapsed, TARGET_LIST_S, "s"))

        ids = random.Random(seed).sample([summary.id for summary in summaries], COMPARED_RUNS)
        started = time.perf_counter()
        runs = storage.get_runs(ids)
        steps = [storage.get_steps(run.id) for run in runs]
        epochs = [storage.get_epochs(run.id) for run in runs]
        elapsed = time.perf_counter() - started
        step_count = sum(map(len, steps))
        epoch_count = sum(map(len, epochs))
        rows.append((
            f"compare {len(runs)} runs ({step_count} steps, {epoch_count} epochs)",
            elapsed, TARGET_COMPARE_S, "s",
        ))
    finally:
        storage.close()

    size = sum(
        file.stat().st_size
        for file in (path, path.with_name(path.name + "-wal"))
        if file.exists()
    )
    rows.append(("file size (database + WAL)", size / 1e6, TARGET_FILE_MB, "MB"))
    return rows


def report(rows: list[tuple[str, float, float, str]]) -> None:
    width = max(len(label) for label, *_ in rows)
    for label, measured, target, unit in rows:
        verdict = "ok" if measured < target else "OVER TARGET"
        print(
            f"  {label:<{width}}  {measured:9.3f} {unit:<2}  "
            f"target < {target:g} {unit}  {verdict}"
        )


def space_by_name(path: Path) -> list[tuple[str, float]]:
    """Return (table or index, MB) from SQLite's dbstat table, largest first.

    The list is empty when this SQLite is built without dbstat.
    """
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        connection.close()
    return [(name, size / 1e6) for name, size in rows]


def report_space(sizes: list[tuple[str, float]]) -> None:
    if not sizes:
        print("  (this SQLite has no dbstat table, so the space per table is not shown)")
        return
    print("  space per table and index (dbstat):")
    for name, megabytes in sizes:
        if megabytes >= 0.1:
            print(f"    {name:<40} {megabytes:9.1f} MB")


if __name__ == "__main__":
    main()
