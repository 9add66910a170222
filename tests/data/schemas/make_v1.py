"""Write ``history-0001.db``: a run history at schema revision 0001 with reference rows.

The upgrade test in ``tests/test_storage.py`` opens a copy of that file with the
current code and checks that these rows survive. The script creates the schema with
Alembic up to revision 0001 only and inserts the rows with plain SQL in the 0001
column layout. It does not use the ORM models, so it keeps producing the same file
after later revisions change them.

Run from the repository root:  python tests/data/schemas/make_v1.py
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from alembic import command

from peftt_gui.core.storage.migrations import alembic_config

REVISION = "0001"
TARGET = Path(__file__).resolve().parent / f"history-{REVISION}.db"

CREATED = "2026-01-02 03:04:05.000000"
FINISHED = "2026-01-02 03:14:05.000000"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    command.upgrade(alembic_config(url=f"sqlite:///{TARGET}"), REVISION)

    connection = sqlite3.connect(TARGET)
    with connection:
        insert_runs(connection)
        insert_details(connection)
        connection.execute(
            "INSERT INTO schema_info (key, value) VALUES ('app_version', '0.1.0')"
        )
    # A rollback-journal file with no -wal beside it is a single file to commit.
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("VACUUM")
    connection.close()
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")


def insert_runs(connection: sqlite3.Connection) -> None:
    columns = (
        "id, name, status, method, model_name, created_at, finished_at, duration_s, "
        "best_val_macro_f1, test_macro_f1, test_accuracy, trainable_percent, study, "
        "started_at, updated_at, pid, hostname, best_epoch, last_finished_epoch, "
        "best_val_accuracy, trainable_params, total_params, peak_memory_bytes, "
        "model_path, model_fingerprint, template, normalization, weights_dir, notes, "
        "error, config, verbalizer, labels, data_files, warnings, val_per_class_f1, "
        "val_confusion, test_per_class_f1, test_confusion, extra"
    )
    placeholders = ", ".join("?" * len(columns.split(",")))
    finished = (
        1, "v1-reference", "finished", "prompt_lora", "tibert-small", CREATED, FINISHED, 600.0,
        0.81, 0.79, 0.8, 1.25, "ablation",
        CREATED, FINISHED, 4242, "lab-pc", 2, 2,
        0.82, 12500, 1000000, 123456789,
        "/models/tibert-small", "sha256:abc", "{\"placeholder\":\"text_a\"} {\"mask\"}",
        "NFC", "/runs/1", "first run", None,
        json.dumps({"learning_rate": 0.0003, "epochs": 2, "lora_r": 8}),
        json.dumps({"ཆོས": ["ཆོས"], "རྩོམ": ["རྩོམ"]}, ensure_ascii=False),
        json.dumps(["ཆོས", "རྩོམ"], ensure_ascii=False),
        json.dumps({"/data/train.tsv": "sha256:def"}),
        json.dumps(["text truncated in 3 examples"]),
        json.dumps({"ཆོས": 0.8, "རྩོམ": 0.82}, ensure_ascii=False),
        json.dumps([[40, 10], [9, 41]]),
        json.dumps({"ཆོས": 0.78, "རྩོམ": 0.8}, ensure_ascii=False),
        json.dumps([[39, 11], [10, 40]]),
        json.dumps({"seed": 13}),
    )
    failed = (
        2, "v1-failed", "failed", "full", "tibert-small", CREATED, FINISHED, 5.0,
        None, None, None, 100.0, None,
        CREATED, FINISHED, 4243, "lab-pc", None, None,
        None, 1000000, 1000000, None,
        "/models/tibert-small", "", "", "", None, "", "CUDA out of memory",
        json.dumps({"learning_rate": 0.00002}), None, json.dumps(["ཆོས", "རྩོམ"]),
        json.dumps({}), json.dumps([]), None, None, None, None, json.dumps({}),
    )
    connection.executemany(
        f"INSERT INTO runs ({columns}) VALUES ({placeholders})", [finished, failed]
    )


def insert_details(connection: sqlite3.Connection) -> None:
    steps = [(1, step, step / 5, 1.0 / step, 0.0003) for step in range(1, 11)]
    connection.executemany("INSERT INTO run_steps VALUES (?, ?, ?, ?, ?)", steps)

    epochs = [
        (1, 1, 0.6, 0.75, 0.76, json.dumps({"ཆོས": 0.7, "རྩོམ": 0.8}),
         json.dumps([[35, 15], [10, 40]]), 290.0),
        (1, 2, 0.4, 0.81, 0.82, json.dumps({"ཆོས": 0.8, "རྩོམ": 0.82}),
         json.dumps([[40, 10], [9, 41]]), 295.0),
    ]
    connection.executemany("INSERT INTO run_epochs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", epochs)

    tags = [(1, "baseline"), (1, "ཚད་གཞི"), (2, "oom")]
    connection.executemany("INSERT INTO run_tags VALUES (?, ?)", tags)


if __name__ == "__main__":
    main()
