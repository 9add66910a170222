"""``peftt import-run``: a finished run of another history, or of a weights folder, joins this history once."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pytest

from peftt_gui import cli
from peftt_gui.core.errors import StorageError
from peftt_gui.core.run_import import (
    MANIFEST_RECORD_KEY,
    add_record_to_manifest,
    import_snapshot,
    origin_of,
    snapshot_from_history,
    snapshot_from_weights,
)
from peftt_gui.core.runner import MANIFEST_NAME
from peftt_gui.core.storage import EpochRecord, RunStorage

LABELS = ["Politics", "Religion"]
CONFUSION = [[40, 5], [3, 52]]


def finished_run(storage: RunStorage, weights_dir: Path | None = None, name: str = "prompt-lora on server") -> int:
    """Record a two-epoch run with steps, epochs, tags and metrics, as a training process would."""
    record = storage.create_run(
        name=name, method="prompt-lora", model_path="/srv/models/cino", model_name="cino",
        model_fingerprint="abc123", config={"method": "prompt-lora", "training": {"batch_size": 8}},
        template='{"placeholder":"text_a"} {"mask"}', verbalizer={"Politics": ["ཆབ་སྲིད"], "Religion": ["ཆོས"]},
        normalization="NFC+tsheg:auto", labels=LABELS, data_files={"train.txt": "f00d"}, tags=["server", "cino"],
        extra={"distributed": {"world_size": 2}})
    storage.add_steps(record.id, [(step, step / 4, 2.0 / step, 1e-3) for step in range(1, 9)] + [(9, 2.25, math.nan, 0.0)])
    for epoch in (1, 2):
        storage.add_epoch(record.id, EpochRecord(epoch=epoch, train_loss=1.0 / epoch, val_macro_f1=0.5 + epoch / 10,
                                                 val_accuracy=0.6, val_per_class_f1={"Politics": 0.6, "Religion": 0.7},
                                                 val_confusion=CONFUSION, duration_s=12.5))
    storage.finish_run(record.id, "finished", best_epoch=2, best_val_macro_f1=0.7, test_macro_f1=0.68,
                       test_accuracy=0.7, test_confusion=CONFUSION, test_per_class_f1={"Politics": 0.6, "Religion": 0.76},
                       weights_dir=None if weights_dir is None else str(weights_dir), notes="first try")
    return record.id


def weights_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / MANIFEST_NAME).write_text(json.dumps({"method": "prompt-lora", "labels": LABELS}), encoding="utf-8")
    return folder


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def server(tmp_path) -> tuple[RunStorage, int]:
    storage = RunStorage(tmp_path / "server" / "history.db")
    return storage, finished_run(storage)


def test_import_copies_record_steps_epochs(server, tmp_path):
    source, run_id = server
    local = RunStorage(tmp_path / "local.db")
    finished_run(local, name="a local run")  # the imported run gets a new id

    record = import_snapshot(local, snapshot_from_history(source.path, run_id))

    original = source.get_run(run_id)
    assert record.id == 2
    for field in ("name", "status", "method", "model_name", "created_at", "finished_at", "duration_s", "hostname",
                  "best_epoch", "best_val_macro_f1", "test_macro_f1", "test_accuracy", "test_confusion",
                  "test_per_class_f1", "config", "verbalizer", "labels", "data_files", "template", "tags"):
        assert getattr(record, field) == getattr(original, field), field
    assert record.extra["distributed"] == {"world_size": 2}
    assert record.pid is None
    assert local.get_epochs(record.id) == source.get_epochs(run_id)
    steps, original_steps = local.get_steps(record.id), source.get_steps(run_id)
    assert [step.step for step in steps] == [step.step for step in original_steps]
    assert [step.loss for step in steps[:-1]] == [step.loss for step in original_steps[:-1]]
    assert math.isnan(steps[-1].loss)


def test_import_notes_origin(server, tmp_path):
    source, run_id = server
    local = RunStorage(tmp_path / "local.db")

    record = import_snapshot(local, snapshot_from_history(source.path, run_id))

    origin = record.extra["imported_from"]
    assert origin["run_id"] == run_id
    assert origin["history"] == str(source.path.absolute())
    assert origin["origin"] == origin_of(source.get_run(run_id))
    assert record.notes.startswith("first try\n")
    assert f"Imported from run {run_id} of {source.path.absolute()}" in record.notes


def test_import_leaves_source_file_unchanged(server, tmp_path):
    source, run_id = server
    source.close()
    before = file_digest(source.path)

    import_snapshot(RunStorage(tmp_path / "local.db"), snapshot_from_history(source.path, run_id))

    assert file_digest(source.path) == before


def test_import_twice_is_rejected(server, tmp_path):
    source, run_id = server
    local = RunStorage(tmp_path / "local.db")
    first = import_snapshot(local, snapshot_from_history(source.path, run_id))

    with pytest.raises(StorageError, match=f"already in this history as run {first.id}"):
        import_snapshot(local, snapshot_from_history(source.path, run_id))
    assert len(local.list_runs()) == 1


def test_import_of_own_run_is_rejected(server, tmp_path):
    source, run_id = server
    copy = tmp_path / "copy.db"
    source.close()
    copy.write_bytes(source.path.read_bytes())

    with pytest.raises(StorageError, match="of this history itself"):
        import_snapshot(source, snapshot_from_history(copy, run_id))


def test_run_copied_on_keeps_its_origin(server, tmp_path):
    source, run_id = server
    laptop = RunStorage(tmp_path / "laptop.db")
    desktop = RunStorage(tmp_path / "desktop.db")
    on_laptop = import_snapshot(laptop, snapshot_from_history(source.path, run_id))
    import_snapshot(desktop, snapshot_from_history(laptop.path, on_laptop.id))

    with pytest.raises(StorageError, match="already in this history"):
        import_snapshot(desktop, snapshot_from_history(source.path, run_id))


def test_running_run_is_rejected(tmp_path):
    source = RunStorage(tmp_path / "server.db")
    record = source.create_run(name="still training", method="lora", model_path="/m", model_name="m", config={},
                               labels=LABELS)

    with pytest.raises(StorageError, match="still running"):
        import_snapshot(RunStorage(tmp_path / "local.db"), snapshot_from_history(source.path, record.id))


def test_missing_weights_folder_is_dropped(tmp_path):
    source = RunStorage(tmp_path / "server.db")
    run_id = finished_run(source, weights_dir=tmp_path / "gone" / "weights")

    record = import_snapshot(RunStorage(tmp_path / "local.db"), snapshot_from_history(source.path, run_id))

    assert record.weights_dir is None
    assert record.extra["imported_from"]["weights_dir"] == str(tmp_path / "gone" / "weights")


def test_given_weights_folder_is_kept(server, tmp_path):
    source, run_id = server
    weights = weights_folder(tmp_path / "copied" / "weights")

    record = import_snapshot(RunStorage(tmp_path / "local.db"), snapshot_from_history(source.path, run_id),
                             weights_dir=weights)

    assert record.weights_dir == str(weights.absolute())
    assert "Weights: " in record.notes


def test_weights_manifest_carries_record(tmp_path):
    source = RunStorage(tmp_path / "server.db")
    weights = weights_folder(tmp_path / "runs" / "run-1" / "weights")
    run_id = finished_run(source, weights_dir=weights)

    add_record_to_manifest(weights, source, run_id)

    manifest = json.loads((weights / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["method"] == "prompt-lora"
    assert manifest[MANIFEST_RECORD_KEY]["run"]["name"] == "prompt-lora on server"
    record = import_snapshot(RunStorage(tmp_path / "local.db"), snapshot_from_weights(weights), weights_dir=weights)
    assert record.test_confusion == CONFUSION
    assert len(RunStorage(tmp_path / "local.db").get_steps(record.id)) == 9


def test_import_by_history_after_weights_is_rejected(tmp_path):
    source = RunStorage(tmp_path / "server.db")
    weights = weights_folder(tmp_path / "weights")
    run_id = finished_run(source, weights_dir=weights)
    add_record_to_manifest(weights, source, run_id)
    local = RunStorage(tmp_path / "local.db")
    import_snapshot(local, snapshot_from_weights(weights), weights_dir=weights)

    with pytest.raises(StorageError, match="already in this history"):
        import_snapshot(local, snapshot_from_history(source.path, run_id))


def test_manifest_without_record_is_rejected(tmp_path):
    weights = weights_folder(tmp_path / "weights")

    with pytest.raises(StorageError, match="contains no run record"):
        snapshot_from_weights(weights)


def test_folder_without_manifest_is_rejected(tmp_path):
    with pytest.raises(StorageError, match="not the weights folder of a run"):
        snapshot_from_weights(tmp_path)


def test_file_that_is_no_history_is_rejected(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")

    with pytest.raises(StorageError, match="notes.db"):
        snapshot_from_history(bogus, 1)
    assert bogus.read_text(encoding="utf-8") == "not a database"


def test_missing_history_file_is_rejected(tmp_path):
    with pytest.raises(StorageError, match="does not exist"):
        snapshot_from_history(tmp_path / "missing.db", 1)


def test_unknown_run_is_rejected(server):
    source, _ = server
    with pytest.raises(StorageError, match="not found"):
        snapshot_from_history(source.path, 99)


def test_cli_import_run_from_history(server, tmp_path, capsys):
    source, run_id = server
    local = tmp_path / "local.db"

    code = cli.main(["--history", str(local), "import-run", "--from", str(source.path), str(run_id)])

    output = capsys.readouterr().out
    assert code == 0
    assert f"Imported run {run_id} (prompt-lora on server, finished)" in output
    assert "as run 1" in output
    assert "test macro-F1 0.6800" in output
    assert RunStorage(local).get_run(1).name == "prompt-lora on server"


def test_cli_import_run_by_name_twice(server, tmp_path, capsys):
    source, _ = server
    local = tmp_path / "local.db"
    arguments = ["--history", str(local), "import-run", "--from", str(source.path), "prompt-lora on server"]
    assert cli.main(arguments) == 0
    capsys.readouterr()

    code = cli.main(arguments)

    assert code == 2
    assert "already in this history as run 1" in capsys.readouterr().err


def test_cli_import_run_from_weights(tmp_path, capsys):
    source = RunStorage(tmp_path / "server.db")
    weights = weights_folder(tmp_path / "weights")
    run_id = finished_run(source, weights_dir=weights)
    add_record_to_manifest(weights, source, run_id)

    code = cli.main(["--history", str(tmp_path / "local.db"), "import-run", str(weights)])

    assert code == 0
    assert f"weights {weights}" in capsys.readouterr().out


def test_cli_weights_option_needs_history(tmp_path, capsys):
    code = cli.main(["--history", str(tmp_path / "local.db"), "import-run", str(tmp_path), "--weights", str(tmp_path)])

    assert code == 2
    assert "--weights goes with --from" in capsys.readouterr().err
