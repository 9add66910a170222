"""Copy finished runs into the local history: from another history file or from a run's weights folder.

A run trained on another machine (a GPU server, say) is described by a snapshot: its history
record, tags, per-epoch metrics and per-step losses as JSON. The snapshot comes from that
machine's ``history.db`` or from the ``run_record`` entry that the run wrote into its weights
folder's ``peftt_run.json``. Importing inserts a new row with a new id that keeps the run's
times, settings and metrics, notes where it came from, and stores the run's origin, so the
same run is never imported twice.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sqlite3
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .errors import StorageError, display_path

log = logging.getLogger(__name__)

SNAPSHOT_FORMAT = 1
# The key under which a finished run's snapshot is kept in its weights folder's manifest.
MANIFEST_RECORD_KEY = "run_record"
_DATETIME_FIELDS = ("created_at", "finished_at", "started_at", "updated_at")


def origin_of(record) -> str:
    """Return the key that names ``record``'s original run on whichever machine it was trained.

    A run imported before keeps the origin of its first history, so a run copied on from a
    second machine is still recognised.
    """
    imported = (record.extra or {}).get("imported_from") or {}
    if imported.get("origin"):
        return str(imported["origin"])
    return f"{record.hostname or 'unknown-host'}/{record.created_at.isoformat()}/run-{record.id}"


def run_snapshot(storage, run_ref: int | str) -> dict[str, Any]:
    """Return the run's record, tags, epochs and steps as a JSON-serializable dict."""
    record = storage.get_run(run_ref)
    run = {field.name: getattr(record, field.name) for field in dataclasses.fields(record) if field.name != "tags"}
    for name in _DATETIME_FIELDS:
        if run[name] is not None:
            run[name] = run[name].isoformat()
    return {
        "format": SNAPSHOT_FORMAT,
        "origin": origin_of(record),
        "history": str(storage.path),
        "run": run,
        "tags": list(record.tags),
        "epochs": [dataclasses.asdict(epoch) for epoch in storage.get_epochs(record.id)],
        "steps": [[step.step, step.epoch, step.loss, step.learning_rate] for step in storage.get_steps(record.id)],
    }


def add_record_to_manifest(weights_dir: str | os.PathLike, storage, run_id: int) -> None:
    """Write the finished run's snapshot into ``peftt_run.json`` in ``weights_dir``.

    With it, ``peftt import-run WEIGHTS_DIR`` brings the run into another history. A failed
    write only costs that option, so it is logged as a warning and not raised.
    """
    from .runner import MANIFEST_NAME

    path = Path(weights_dir) / MANIFEST_NAME
    temporary = path.with_name(path.name + ".tmp")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest[MANIFEST_RECORD_KEY] = run_snapshot(storage, run_id)
        temporary.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(temporary, path)
    except (OSError, ValueError, StorageError) as error:
        temporary.unlink(missing_ok=True)
        log.warning("Could not write the record of run %s into %s (%s); import it from its history file "
                    "instead", run_id, display_path(path), error)


def snapshot_from_history(history_path: str | os.PathLike, run_ref: int | str) -> dict[str, Any]:
    """Return the snapshot of one run of another history file, which stays unchanged.

    The file is copied with SQLite's backup API into a temporary folder, and the copy is
    opened (and brought to the current schema when it is older). Raises StorageError when
    the file is missing, is not a history, or has no such run.
    """
    from .storage import RunStorage

    path = Path(history_path).expanduser()
    if not path.is_file():
        raise StorageError(f"The history file {display_path(path)} does not exist. Give the history.db of the "
                           "other machine.")
    with tempfile.TemporaryDirectory(prefix="peftt-import-") as folder:
        copy = Path(folder) / "history.db"
        _copy_database(path, copy)
        try:
            storage = RunStorage(copy)
        except StorageError as error:
            raise StorageError(f"Cannot read runs from {display_path(path)}: {error}") from None
        try:
            if storage.recovered_from is not None:
                raise StorageError(f"{display_path(path)} is not a PEFTT Studio history (the file is damaged or "
                                   "of another kind). Give the history.db of the other machine.")
            snapshot = run_snapshot(storage, run_ref)
        finally:
            storage.close()
    snapshot["history"] = str(path.absolute())
    return snapshot


def _copy_database(source: Path, target: Path) -> None:
    try:
        reader = sqlite3.connect(f"file:{source.absolute()}?mode=ro", uri=True, timeout=30.0)
        try:
            writer = sqlite3.connect(target)
            try:
                reader.backup(writer)
            finally:
                writer.close()
        finally:
            reader.close()
    except sqlite3.Error as error:
        raise StorageError(f"Cannot read the history file {display_path(source)}: {error}. Give a history.db "
                           "written by PEFTT Studio.") from None


def snapshot_from_weights(weights_dir: str | os.PathLike) -> dict[str, Any]:
    """Return the snapshot that a finished run wrote into its weights folder's manifest.

    Raises StorageError when the folder has no manifest or the manifest has no run record.
    """
    from .runner import MANIFEST_NAME

    folder = Path(weights_dir).expanduser()
    path = folder / MANIFEST_NAME
    if not path.is_file():
        raise StorageError(f"{display_path(folder)} has no {MANIFEST_NAME}, so it is not the weights folder of a "
                           "run. Give a run's weights folder, or a history file with --from.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StorageError(f"Cannot read {display_path(path)}: {error}.") from None
    snapshot = manifest.get(MANIFEST_RECORD_KEY) if isinstance(manifest, dict) else None
    if not isinstance(snapshot, dict):
        raise StorageError(f"{display_path(path)} contains no run record: the run was trained without a history "
                           "(--no-history) or by an older PEFTT Studio. Import it from its history file with "
                           "--from HISTORY RUN.")
    return snapshot


def import_snapshot(storage, snapshot: dict[str, Any], *, weights_dir: str | os.PathLike | None = None):
    """Insert the run of ``snapshot`` into ``storage`` as a new run and return its record.

    ``weights_dir`` is the local copy of the run's weights folder. Without it, the run keeps
    its original weights folder when that folder exists on this machine, and none otherwise.
    Raises StorageError when the run is still running, is already in ``storage``, or the
    snapshot is of an unknown format.
    """
    from .storage import EpochRecord

    if snapshot.get("format") != SNAPSHOT_FORMAT:
        raise StorageError(f"The run record has format {snapshot.get('format')!r}, but this version of PEFTT "
                           f"Studio reads format {SNAPSHOT_FORMAT}.")
    run = dict(snapshot["run"])
    origin = snapshot["origin"]
    source = f"run {run['id']} of {snapshot.get('history') or 'another history'}"
    if run["status"] == "running":
        raise StorageError(f"{source.capitalize()} is still running. Import it after it has finished.")
    _reject_duplicate(storage, origin, run, source)

    fields = _local_fields(run, weights_dir)
    fields["extra"]["imported_from"] = {
        "history": snapshot.get("history"), "run_id": run["id"], "hostname": run.get("hostname"),
        "weights_dir": run.get("weights_dir"), "imported_at": datetime.now(timezone.utc).isoformat(),
    }
    note = f"Imported from {source} (host {run.get('hostname') or 'unknown'})."
    if weights_dir is not None:
        note += f" Weights: {display_path(fields['weights_dir'])}."
    fields["notes"] = f"{run['notes']}\n{note}" if run.get("notes") else note
    epochs = [EpochRecord(**epoch) for epoch in snapshot.get("epochs") or []]
    record = storage.import_run(fields, origin=origin, tags=snapshot.get("tags") or [],
                                steps=snapshot.get("steps") or [], epochs=epochs)
    log.info("Imported %s as run %d", source, record.id)
    return record


def _reject_duplicate(storage, origin: str, run: dict, source: str) -> None:
    imported = storage.find_by_origin(origin)
    if imported is not None:
        raise StorageError(f"{source.capitalize()} is already in this history as run {imported.id} "
                           f"({imported.name}). Delete run {imported.id} first to import it again.")
    # A copy of this very history: the run is its own origin here.
    try:
        local = storage.get_run(int(run["id"]))
    except StorageError:
        return
    if origin_of(local) == origin:
        raise StorageError(f"{source.capitalize()} is run {local.id} of this history itself, so there is "
                           "nothing to import.")


def _local_fields(run: dict, weights_dir) -> dict[str, Any]:
    from .storage import RunRecord

    known = {field.name for field in dataclasses.fields(RunRecord)} - {"id", "tags"}
    unknown = sorted(set(run) - known - {"id"})
    if unknown:
        log.warning("Run %s has fields that this version does not store, which are left out: %s", run["id"],
                    ", ".join(unknown))
    fields = {name: value for name, value in run.items() if name in known}
    for name in _DATETIME_FIELDS:
        if fields.get(name) is not None:
            fields[name] = datetime.fromisoformat(fields[name])
    fields["pid"] = None  # a process of another machine
    fields["extra"] = dict(fields.get("extra") or {})
    if weights_dir is not None:
        fields["weights_dir"] = str(Path(weights_dir).expanduser().absolute())
    elif fields.get("weights_dir") and not Path(fields["weights_dir"]).is_dir():
        fields["weights_dir"] = None
    return fields
