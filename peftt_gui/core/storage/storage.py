"""Run history: ``RunStorage`` over one SQLite file, and the frozen records it returns.

Every public method opens one session and commits or rolls back before it returns.
Callers get ``RunRecord``, ``RunSummary``, ``StepRecord`` and ``EpochRecord`` values,
never ORM rows, so nothing they hold can reach back into a session.

The file is in WAL mode so that readers (the run list) do not wait for the training
thread's writes. Write transactions start with ``BEGIN IMMEDIATE``, which takes the write
lock before the first read, and wait up to ``BUSY_TIMEOUT_S`` for it. With a deferred
BEGIN, a transaction that had read a snapshot that another writer then changed would
fail at once with "database is locked", without waiting.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import os
import socket
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Float,
    Integer,
    String,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from peftt_gui import __version__
from peftt_gui.core.errors import StorageError
from peftt_gui.core.storage.migrations import (
    HEAD_REVISION,
    SchemaState,
    check_schema_state,
    read_schema_state,
    upgrade_schema,
    write_app_version,
)
from peftt_gui.core.storage.models import (
    RUN_STATUSES,
    RunEpochModel,
    RunModel,
    RunStepChunkModel,
    RunTagModel,
    UTCDateTime,
)
from peftt_gui.core.storage.step_chunks import (
    CHUNK_STEPS,
    ChunkFormatError,
    StepValues,
    decode_chunk,
    encode_chunk,
    split_into_chunks,
)

logger = logging.getLogger(__name__)

HISTORY_ENV_VAR = "PEFTT_HISTORY"
HISTORY_FILE_NAME = "history.db"

# Maximum time a statement waits for another connection's write lock.
BUSY_TIMEOUT_S = 30.0

# A running run on another host counts as interrupted when its last heartbeat is older
# than this. The training process must write (add_steps, heartbeat) more often.
STALE_HEARTBEAT_S = 600.0

FINAL_STATUSES = tuple(status for status in RUN_STATUSES if status != "running")

# After a schema upgrade, a file with more than this fraction of unused pages is compacted.
COMPACT_FREE_FRACTION = 0.25

# SQLite result codes of a damaged file and of a file that is not a database. Only these
# make RunStorage move the file aside. The sqlite3 module names them from Python 3.11.
_SQLITE_CORRUPT = getattr(sqlite3, "SQLITE_CORRUPT", 11)
_SQLITE_NOTADB = getattr(sqlite3, "SQLITE_NOTADB", 26)


# --- Records returned to callers -------------------------------------------------------


@dataclass(frozen=True)
class StepRecord:
    """Training loss and learning rate at one optimizer step.

    The history keeps ``epoch``, ``loss`` and ``learning_rate`` as float32 (about 7
    significant digits), so a value read back is the float32 nearest to the value
    written. ``step`` is kept exactly. None is stored as NaN.
    """

    step: int
    epoch: float
    loss: float
    learning_rate: float


@dataclass(frozen=True)
class EpochRecord:
    """Training loss and validation metrics at the end of one epoch.

    ``epoch`` is the trainer's epoch number, stored as given.
    """

    epoch: int
    train_loss: float | None = None
    val_macro_f1: float | None = None
    val_accuracy: float | None = None
    val_per_class_f1: Any = None
    val_confusion: Any = None
    duration_s: float | None = None


@dataclass(frozen=True)
class RunSummary:
    """The columns of one row of the run list."""

    id: int
    name: str
    status: str
    method: str
    model_name: str
    created_at: datetime
    finished_at: datetime | None
    duration_s: float | None
    best_val_macro_f1: float | None
    test_macro_f1: float | None
    test_accuracy: float | None
    trainable_percent: float | None
    tags: tuple[str, ...]
    study: str | None


@dataclass(frozen=True)
class RunRecord:
    """Every stored fact about one run.

    Timestamps are aware UTC datetimes. JSON fields are new Python containers on every
    call, so a caller may change them without touching the database. ``tags`` is sorted.
    """

    id: int
    name: str
    status: str
    method: str
    model_name: str
    created_at: datetime
    finished_at: datetime | None
    duration_s: float | None
    best_val_macro_f1: float | None
    test_macro_f1: float | None
    test_accuracy: float | None
    trainable_percent: float | None
    study: str | None
    started_at: datetime | None
    updated_at: datetime
    pid: int | None
    hostname: str | None
    best_epoch: int | None
    last_finished_epoch: int | None
    best_val_accuracy: float | None
    trainable_params: int | None
    total_params: int | None
    peak_memory_bytes: int | None
    model_path: str
    model_fingerprint: str
    template: str
    normalization: str
    weights_dir: str | None
    notes: str
    error: str | None
    config: dict[str, Any]
    verbalizer: dict[str, Any] | None
    labels: list[str]
    data_files: dict[str, str]
    warnings: list[str]
    val_per_class_f1: Any
    val_confusion: Any
    test_per_class_f1: Any
    test_confusion: Any
    extra: dict[str, Any]
    tags: tuple[str, ...]


_RUN_COLUMNS = {column.key: column for column in RunModel.__table__.columns}
_SUMMARY_COLUMNS = [field.name for field in dataclasses.fields(RunSummary) if field.name != "tags"]
_SUMMARY_TAGS_INDEX = [field.name for field in dataclasses.fields(RunSummary)].index("tags")
_RECORD_COLUMNS = [field.name for field in dataclasses.fields(RunRecord) if field.name != "tags"]


def default_history_path() -> Path:
    """Return the history file: ``$PEFTT_HISTORY`` if set, else ``history.db`` in the
    user data folder (``platformdirs.user_data_dir("peftt-studio")``)."""
    override = os.environ.get(HISTORY_ENV_VAR)
    if override:
        return Path(override).expanduser()

    from platformdirs import user_data_dir

    return Path(user_data_dir("peftt-studio")) / HISTORY_FILE_NAME


# --- Connections -----------------------------------------------------------------------


def _dump_json(value: Any) -> str:
    # ensure_ascii=False keeps Tibetan labels and label words readable in the file.
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _json_default(value: Any) -> Any:
    """Convert numpy and torch values, paths, dataclasses and sets for ``json.dumps``."""
    if hasattr(value, "tolist"):  # numpy arrays and scalars, torch tensors
        return value.tolist()
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} value {value!r} cannot be stored as JSON")


def _configure_connection(dbapi_connection: sqlite3.Connection, foreign_keys: bool) -> None:
    # SQLAlchemy emits BEGIN itself (see _begin_transaction), so the sqlite3 module's
    # own implicit transactions are switched off.
    dbapi_connection.isolation_level = None

    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # With WAL, NORMAL keeps the file consistent after a power loss, which can drop
        # only the last commits (SQLite documentation of PRAGMA synchronous). FULL would
        # sync the disk on every step batch.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    finally:
        cursor.close()


def _begin_transaction(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def _create_engine(path: Path, *, foreign_keys: bool, pooled: bool = True) -> Engine:
    options: dict[str, Any] = {
        "connect_args": {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
        "json_serializer": _dump_json,
    }
    if not pooled:
        options["poolclass"] = NullPool
    engine = create_engine(URL.create("sqlite", database=str(path)), **options)

    event.listen(
        engine, "connect",
        lambda dbapi_connection, _record: _configure_connection(dbapi_connection, foreign_keys),
    )
    event.listen(engine, "begin", _begin_transaction)
    return engine


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)  # added in Python 3.11
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    message = str(error).lower()
    return "not a database" in message or "malformed" in message


def _move_aside(path: Path) -> Path:
    """Rename a damaged history file (and its -wal and -shm files) with a time suffix."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1

    path.replace(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    return target


# --- Value checks ----------------------------------------------------------------------


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _nan_to_none(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else value


def _none_to_nan(value: float | None) -> float:
    return math.nan if value is None else value


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _clean_tags(tags: Iterable[str]) -> list[str]:
    if isinstance(tags, str):
        raise StorageError(f"Tags must be a list of strings, not the string {tags!r}.")

    cleaned: list[str] = []
    for tag in tags:
        if not isinstance(tag, str) or not tag.strip():
            raise StorageError(f"Invalid tag {tag!r}: a tag must be a non-empty string.")
        if tag.strip() not in cleaned:
            cleaned.append(tag.strip())
    return sorted(cleaned)


def _check_status(status: str, allowed: Sequence[str] = RUN_STATUSES) -> None:
    if status not in allowed:
        raise StorageError(
            f"Invalid run status {status!r}. Valid statuses: {', '.join(allowed)}."
        )


def _check_name(name: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise StorageError(f"Invalid run name {name!r}: a run name must be a non-empty string.")
    return name.strip()


def _coerce_run_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Check field names against the ``runs`` columns and convert values to their types.

    numpy and torch scalars become Python numbers, paths become strings and NaN metrics
    become NULL. JSON columns take any JSON-serializable value.
    """
    unknown = sorted(name for name in fields if name not in _RUN_COLUMNS or name == "id")
    if unknown:
        valid = ", ".join(sorted(name for name in _RUN_COLUMNS if name != "id"))
        raise StorageError(f"Unknown run field(s): {', '.join(unknown)}. Valid fields: {valid}.")

    values = {name: _coerce_value(name, value) for name, value in fields.items()}
    if "status" in values:
        _check_status(values["status"])
    if "name" in values:
        values["name"] = _check_name(values["name"])
    return values


def _coerce_value(name: str, value: Any) -> Any:
    if value is None:
        return None
    column_type = _RUN_COLUMNS[name].type
    try:
        if isinstance(column_type, UTCDateTime):
            if not isinstance(value, datetime):
                raise TypeError(f"expected a datetime, got {type(value).__name__}")
            return value.astimezone(timezone.utc)  # a naive datetime is taken as local time
        if isinstance(column_type, Float):
            return _nan_to_none(float(value))
        if isinstance(column_type, Integer):
            return int(value)
        if isinstance(column_type, String):
            if isinstance(value, os.PathLike):
                return os.fspath(value)
            if not isinstance(value, str):
                raise TypeError(f"expected a string, got {type(value).__name__}")
            return value
        if isinstance(column_type, JSON):
            return value
    except (TypeError, ValueError) as error:
        raise StorageError(f"Invalid value {value!r} for run field {name!r}: {error}.") from error
    raise AssertionError(f"Internal error: no conversion for column type {column_type!r}")


def _step_values(step: StepRecord | Sequence[Any]) -> StepValues:
    if isinstance(step, StepRecord):
        number, epoch, loss, learning_rate = step.step, step.epoch, step.loss, step.learning_rate
    else:
        number, epoch, loss, learning_rate = step
    return (
        int(number),
        float(epoch),
        _none_to_nan(_optional_float(loss)),
        _none_to_nan(_optional_float(learning_rate)),
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- Storage -----------------------------------------------------------------------------


class RunStorage:
    """The run history in one SQLite file.

    Opening brings an older file to the current schema. A file written by a newer
    PEFTT Studio (an unknown schema revision) raises StorageError and is left unchanged.
    A file that is not a SQLite database or is damaged is renamed to
    ``<name>.corrupt-YYYYmmdd-HHMMSS``, a new history is started, and the new name of
    the old file is kept in ``recovered_from``.

    Damage that opening does not reach (a broken page deep in the file) raises
    StorageError when a call reads it, and the file stays in place.

    One instance may be shared by threads, and several instances or processes may
    use the same file. Every expected failure raises StorageError.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = Path(path).expanduser() if path is not None else default_history_path()
        self.recovered_from: Path | None = None

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"Cannot create the folder of the run history {self.path}: {error}. Choose "
                f"another file with the {HISTORY_ENV_VAR} environment variable."
            ) from error

        self._prepare_file()

        self._engine = _create_engine(self.path, foreign_keys=True)
        self._read_sessions = sessionmaker(self._engine)
        write_engine = self._engine.execution_options(sqlite_begin="IMMEDIATE")
        self._write_sessions = sessionmaker(write_engine)

    def close(self) -> None:
        """Close the pooled connections. A later call opens new ones."""
        self._engine.dispose()

    def __enter__(self) -> RunStorage:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RunStorage({str(self.path)!r})"

    # --- Opening ---------------------------------------------------------------------

    def _prepare_file(self) -> None:
        """Check the file's schema, then create, upgrade or recover it as needed."""
        state = None
        if self.path.exists():
            state = self._read_state_or_move_aside()

        if state is not None:
            check_schema_state(state, self.path, __version__)

        if state is None or state.revision != HEAD_REVISION:
            self._upgrade()
        elif state.app_version != __version__:
            self._record_app_version()

    def _read_state_or_move_aside(self) -> SchemaState | None:
        try:
            return read_schema_state(self.path)
        except sqlite3.DatabaseError as error:
            if not _is_corruption(error):
                raise StorageError(f"Cannot open the run history {self.path}: {error}.") from error
            reason = error

        try:
            self.recovered_from = _move_aside(self.path)
        except OSError as error:
            raise StorageError(
                f"The run history {self.path} is damaged ({reason}) and could not be moved "
                f"aside: {error}. Move or delete it, then start PEFTT Studio again."
            ) from error

        logger.warning(
            "The run history %s is damaged (%s). It was moved to %s and a new, empty "
            "history was started.", self.path, reason, self.recovered_from,
        )
        return None

    def _upgrade(self) -> None:
        # Foreign keys are off for the migration (see upgrade_schema). The connection is
        # closed afterwards, so every pooled connection has them on.
        self._write_once(
            lambda connection: upgrade_schema(connection, self.path, __version__),
            action="create or upgrade",
            foreign_keys=False,
        )
        self._compact_after_upgrade()

    def _compact_after_upgrade(self) -> None:
        """Run VACUUM when the upgrade left more than ``COMPACT_FREE_FRACTION`` of the pages unused.

        SQLite keeps the pages of a dropped table in the file for reuse. Revision 0002
        drops ``run_steps``, which took most of a large history. A failed VACUUM only
        costs disk space, so it is logged and opening goes on.
        """
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            free_pages = connection.execute("PRAGMA freelist_count").fetchone()[0]
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            if free_pages <= pages * COMPACT_FREE_FRACTION:
                return

            logger.info(
                "Compacting the run history %s: %d of its %d pages are unused after the upgrade",
                self.path, free_pages, pages,
            )
            connection.execute("VACUUM")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as error:
            logger.warning(
                "Could not compact the run history %s after the upgrade: %s. New runs reuse "
                "the unused space.", self.path, error,
            )
        finally:
            connection.close()

    def _record_app_version(self) -> None:
        self._write_once(
            lambda connection: write_app_version(connection, __version__),
            action="write to",
            foreign_keys=True,
        )

    def _write_once(
        self, write: Callable[[Connection], None], *, action: str, foreign_keys: bool
    ) -> None:
        """Run ``write`` in one write transaction on a connection of its own."""
        engine = _create_engine(self.path, foreign_keys=foreign_keys, pooled=False)
        try:
            with engine.execution_options(sqlite_begin="IMMEDIATE").connect() as connection:
                with connection.begin():
                    write(connection)
        except SQLAlchemyError as error:
            detail = error.orig if isinstance(error, DBAPIError) else error
            raise StorageError(f"Cannot {action} the run history {self.path}: {detail}.") from error
        finally:
            engine.dispose()

    # --- Sessions --------------------------------------------------------------------

    @contextmanager
    def _session(self, action: str, *, write: bool = False) -> Iterator[Session]:
        """Open a session for ``action`` (used in error messages), then commit or roll back.

        Database errors become StorageError. Other exceptions, StorageError included,
        roll back and pass through unchanged.
        """
        session = self._write_sessions() if write else self._read_sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as error:
            session.rollback()
            raise self._storage_error(action, error) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _storage_error(self, action: str, error: SQLAlchemyError) -> StorageError:
        detail = error.orig if isinstance(error, DBAPIError) else error
        message = f"Cannot {action} in the run history {self.path}: {detail}."
        if "locked" in str(detail):
            message += (
                f" Another connection kept the history locked for more than "
                f"{BUSY_TIMEOUT_S:.0f} s. Close other PEFTT Studio windows or commands "
                f"and try again."
            )
        return StorageError(message)

    @staticmethod
    def _not_found(run_ref: int | str) -> StorageError:
        return StorageError(
            f"Run {run_ref!r} not found: no run in the history has this id or name."
        )

    def _touch(self, session: Session, run_id: int, **values: Any) -> None:
        """Set ``updated_at`` (the heartbeat) and ``values`` on a run, which must exist."""
        values.setdefault("updated_at", _utc_now())
        result = session.execute(update(RunModel).where(RunModel.id == run_id).values(**values))
        if result.rowcount == 0:
            raise self._not_found(run_id)

    def _require_run(self, session: Session, run_id: int) -> None:
        if session.scalar(select(RunModel.id).where(RunModel.id == run_id)) is None:
            raise self._not_found(run_id)

    # --- Writing runs ----------------------------------------------------------------

    def create_run(
        self,
        *,
        name: str,
        method: str,
        model_path: str | os.PathLike[str],
        model_name: str,
        model_fingerprint: str = "",
        config: Mapping[str, Any],
        template: str = "",
        verbalizer: Mapping[str, Any] | None = None,
        normalization: str = "",
        labels: Sequence[str],
        data_files: Mapping[str, str] | None = None,
        study: str | None = None,
        tags: Iterable[str] = (),
        extra: Mapping[str, Any] | None = None,
    ) -> RunRecord:
        """Insert a run with status 'running', this process's pid and host, and the
        current time as created_at, started_at and updated_at."""
        name = _check_name(name)
        tag_list = _clean_tags(tags)
        now = _utc_now()
        run = RunModel(
            name=name,
            status="running",
            method=method,
            model_name=model_name,
            created_at=now,
            started_at=now,
            updated_at=now,
            pid=os.getpid(),
            hostname=socket.gethostname(),
            model_path=os.fspath(model_path),
            model_fingerprint=model_fingerprint,
            template=template,
            normalization=normalization,
            notes="",
            config=dict(config),
            verbalizer=None if verbalizer is None else dict(verbalizer),
            labels=list(labels),
            data_files=dict(data_files or {}),
            warnings=[],
            study=study,
            extra=dict(extra or {}),
        )

        with self._session(f"create run {name!r}", write=True) as session:
            session.add(run)
            session.flush()
            session.add_all(RunTagModel(run_id=run.id, tag=tag) for tag in tag_list)
            record = self._record_from_model(run, tag_list)

        logger.info("Run %d (%s) started: method %s, model %s", record.id, name, method, model_name)
        return record

    def update_run(self, run_id: int, **fields: Any) -> None:
        """Set any ``runs`` columns (see RunRecord, except id and tags) on a run.

        JSON columns take Python values. ``updated_at`` is set to now unless given.
        Raises StorageError on an unknown field name, an invalid value or a missing run.
        """
        values = _coerce_run_fields(fields)
        with self._session(f"update run {run_id}", write=True) as session:
            self._touch(session, run_id, **values)

    def heartbeat(self, run_id: int) -> None:
        """Set the run's ``updated_at`` to now, showing that its process is alive."""
        with self._session(f"write the heartbeat of run {run_id}", write=True) as session:
            self._touch(session, run_id)

    def add_steps(self, run_id: int, steps: Iterable[StepRecord | Sequence[Any]]) -> None:
        """Store per-step metrics in one transaction and update the run's heartbeat.

        Each step is a StepRecord or a ``(step, epoch, loss, learning_rate)`` tuple. A
        step number that is already stored is overwritten: the later value wins, also
        within one call. Values keep float32 precision and None becomes NaN (see
        StepRecord).

        Steps are stored in chunks of up to ``CHUNK_STEPS`` steps (see
        ``step_chunks.py``). New steps extend the run's last chunk until it is full, so
        a run written a few steps at a time ends with the same chunks as one written at
        once.
        """
        try:
            new_steps = {values[0]: values for values in map(_step_values, steps)}
        except (TypeError, ValueError) as error:
            raise StorageError(
                f"Invalid step for run {run_id}: {error}. Give StepRecord values or "
                f"(step, epoch, loss, learning_rate) tuples."
            ) from error

        with self._session(f"add steps to run {run_id}", write=True) as session:
            self._touch(session, run_id)
            if new_steps:
                self._merge_steps(session, run_id, new_steps)

    def _merge_steps(self, session: Session, run_id: int, new_steps: dict[int, StepValues]) -> None:
        """Rewrite the chunks that ``new_steps`` overlap or extend, the new values winning."""
        table = RunStepChunkModel.__table__
        of_run = table.c.run_id == run_id
        first, last = min(new_steps), max(new_steps)

        # Chunks never overlap, so every chunk that starts after the anchor (the last chunk
        # starting at or before ``first``) and at or before ``last`` overlaps the new steps.
        # The anchor is rewritten when it overlaps them or has room for them.
        anchor = session.execute(
            select(table.c.first_step, table.c.last_step, table.c.step_count)
            .where(of_run, table.c.first_step <= first)
            .order_by(table.c.first_step.desc())
            .limit(1)
        ).first()
        candidates = select(table).where(of_run, table.c.first_step <= last)
        if anchor is not None:
            candidates = candidates.where(table.c.first_step >= anchor.first_step)
        chunks = []
        for chunk in session.execute(candidates):
            is_anchor = anchor is not None and chunk.first_step == anchor.first_step
            if not is_anchor or chunk.last_step >= first or chunk.step_count < CHUNK_STEPS:
                chunks.append(chunk)

        merged: dict[int, StepValues] = {}
        for chunk in chunks:
            merged.update((values[0], values) for values in self._decode_chunk(run_id, chunk))
        merged.update(new_steps)
        ordered = [merged[step] for step in sorted(merged)]

        if chunks:
            rewritten = [chunk.first_step for chunk in chunks]
            session.execute(delete(table).where(of_run, table.c.first_step.in_(rewritten)))
        session.execute(
            insert(table), [encode_chunk(run_id, part) for part in split_into_chunks(ordered)]
        )

    def add_epoch(self, run_id: int, epoch: EpochRecord) -> None:
        """Insert or replace the metrics of one epoch and update the run's heartbeat."""
        row = self._epoch_row(run_id, epoch)
        table = RunEpochModel.__table__
        statement = sqlite_insert(table).values(row)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.run_id, table.c.epoch],
            set_={key: statement.excluded[key] for key in row if key not in ("run_id", "epoch")},
        )

        with self._session(f"add epoch {epoch.epoch} to run {run_id}", write=True) as session:
            self._touch(session, run_id)
            session.execute(statement)

    @staticmethod
    def _epoch_row(run_id: int, epoch: EpochRecord) -> dict[str, Any]:
        return {
            "run_id": run_id,
            "epoch": int(epoch.epoch),
            "train_loss": _nan_to_none(_optional_float(epoch.train_loss)),
            "val_macro_f1": _nan_to_none(_optional_float(epoch.val_macro_f1)),
            "val_accuracy": _nan_to_none(_optional_float(epoch.val_accuracy)),
            "val_per_class_f1": epoch.val_per_class_f1,
            "val_confusion": epoch.val_confusion,
            "duration_s": _optional_float(epoch.duration_s),
        }

    def finish_run(self, run_id: int, status: str, **fields: Any) -> None:
        """Set a final status and ``fields`` (as in update_run) on a run.

        ``finished_at`` defaults to now, and ``duration_s`` to the time from
        ``started_at`` (or ``created_at``) to ``finished_at``.
        """
        _check_status(status, FINAL_STATUSES)
        values = _coerce_run_fields(fields)
        values["status"] = status
        values.setdefault("updated_at", _utc_now())
        if values.get("finished_at") is None:
            values["finished_at"] = values["updated_at"]

        with self._session(f"finish run {run_id}", write=True) as session:
            run = session.get(RunModel, run_id)
            if run is None:
                raise self._not_found(run_id)
            if values.get("duration_s") is None:
                start = run.started_at or run.created_at
                values["duration_s"] = (values["finished_at"] - start).total_seconds()
            for name, value in values.items():
                setattr(run, name, value)

        logger.info("Run %d %s after %.1f s", run_id, status, values["duration_s"] or 0.0)

    def rename_run(self, run_id: int, name: str) -> None:
        """Change the run's name (names need not be unique)."""
        name = _check_name(name)
        with self._session(f"rename run {run_id}", write=True) as session:
            self._update_without_heartbeat(session, run_id, name=name)

    def set_notes(self, run_id: int, notes: str) -> None:
        """Replace the run's free-text notes."""
        with self._session(f"save the notes of run {run_id}", write=True) as session:
            self._update_without_heartbeat(session, run_id, notes=notes)

    def set_tags(self, run_id: int, tags: Iterable[str]) -> None:
        """Replace the run's tags. Surrounding spaces are stripped and repeats dropped."""
        tag_list = _clean_tags(tags)
        with self._session(f"set the tags of run {run_id}", write=True) as session:
            self._require_run(session, run_id)
            session.execute(delete(RunTagModel).where(RunTagModel.run_id == run_id))
            session.add_all(RunTagModel(run_id=run_id, tag=tag) for tag in tag_list)

    def add_tag(self, run_id: int, tag: str) -> None:
        """Add one tag to the run. A tag it already has is left as it is."""
        (tag,) = _clean_tags([tag])
        statement = sqlite_insert(RunTagModel.__table__).values(run_id=run_id, tag=tag)
        with self._session(f"tag run {run_id}", write=True) as session:
            self._require_run(session, run_id)
            session.execute(statement.on_conflict_do_nothing())

    def delete_run(self, run_id: int) -> None:
        """Delete a run with its steps, epochs and tags. Its weights folder stays on disk."""
        with self._session(f"delete run {run_id}", write=True) as session:
            result = session.execute(delete(RunModel).where(RunModel.id == run_id))
            if result.rowcount == 0:
                raise self._not_found(run_id)
        logger.info("Run %d deleted from the history", run_id)

    # --- Runs copied from another history --------------------------------------------

    def import_run(
        self,
        fields: Mapping[str, Any],
        *,
        origin: str,
        tags: Iterable[str] = (),
        steps: Iterable[StepRecord | Sequence[Any]] = (),
        epochs: Iterable[EpochRecord] = (),
    ) -> RunRecord:
        """Insert a run copied from another history, with its steps and epochs, in one transaction.

        ``fields`` are ``runs`` columns as in update_run, and ``status`` must be final.
        ``origin`` names the source run and is stored as ``extra["imported_from"]["origin"]``.
        Raises StorageError when a run of this history was already imported from ``origin``.
        """
        values = _coerce_run_fields(fields)
        _check_status(values.get("status", ""), FINAL_STATUSES)
        extra = dict(values.get("extra") or {})
        extra["imported_from"] = {**(extra.get("imported_from") or {}), "origin": origin}
        values["extra"] = extra
        tag_list = _clean_tags(tags)
        try:
            step_values = {step[0]: step for step in map(_step_values, steps)}
        except (TypeError, ValueError) as error:
            raise StorageError(f"Invalid step in the imported run: {error}. Give StepRecord values or "
                               f"(step, epoch, loss, learning_rate) tuples.") from error
        epoch_list = list(epochs)

        with self._session(f"import run {values.get('name')!r}", write=True) as session:
            # Checked in the writing transaction, so two imports of one run cannot both pass.
            existing = session.scalar(select(RunModel.id).where(self._origin_matches(origin)).limit(1))
            if existing is not None:
                raise StorageError(f"Run {existing} of this history was already imported from {origin}. "
                                   f"Delete run {existing} first to import it again.")
            run = RunModel(**values)
            session.add(run)
            session.flush()
            session.add_all(RunTagModel(run_id=run.id, tag=tag) for tag in tag_list)
            if step_values:
                self._merge_steps(session, run.id, step_values)
            for epoch in epoch_list:
                session.execute(insert(RunEpochModel.__table__).values(self._epoch_row(run.id, epoch)))
            record = self._record_from_model(run, tag_list)

        logger.info("Run %d (%s) imported from %s", record.id, record.name, origin)
        return record

    def find_by_origin(self, origin: str) -> RunRecord | None:
        """Return the run that ``import_run`` copied from ``origin``, or None."""
        with self._session("find an imported run") as session:
            run = session.scalars(
                select(RunModel).where(self._origin_matches(origin)).order_by(RunModel.id).limit(1)
            ).first()
            if run is None:
                return None
            return self._record_from_model(run, self._tags_of(session, [run.id])[run.id])

    @staticmethod
    def _origin_matches(origin: str) -> Any:
        return func.json_extract(RunModel.extra, "$.imported_from.origin") == origin

    def _update_without_heartbeat(self, session: Session, run_id: int, **values: Any) -> None:
        # Edits from the GUI leave updated_at alone because it is the training process's
        # heartbeat.
        result = session.execute(update(RunModel).where(RunModel.id == run_id).values(**values))
        if result.rowcount == 0:
            raise self._not_found(run_id)

    # --- Reading runs ----------------------------------------------------------------

    def get_run(self, run_ref: int | str) -> RunRecord:
        """Return one run by id, or by name when ``run_ref`` is a string.

        A string of digits also matches the run with that id. Raises StorageError when
        no run or more than one run matches.
        """
        with self._session(f"read run {run_ref!r}") as session:
            run = self._resolve_run(session, run_ref)
            return self._record_from_model(run, self._tags_of(session, [run.id])[run.id])

    def get_runs(self, ids: Iterable[int]) -> list[RunRecord]:
        """Return the runs with ``ids``, in that order, reading them in one query."""
        requested_ids = [int(run_id) for run_id in ids]
        statement = select(RunModel).where(RunModel.id.in_(set(requested_ids)))
        with self._session("read runs") as session:
            by_id = {run.id: run for run in session.scalars(statement)}
            missing = [run_id for run_id in requested_ids if run_id not in by_id]
            if missing:
                raise StorageError(
                    f"Runs not found in the history: {', '.join(map(str, missing))}."
                )

            tags = self._tags_of(session, list(by_id))
            return [
                self._record_from_model(by_id[run_id], tags[run_id]) for run_id in requested_ids
            ]

    def list_runs(
        self,
        *,
        status: str | Iterable[str] | None = None,
        method: str | Iterable[str] | None = None,
        model_name: str | Iterable[str] | None = None,
        study: str | Iterable[str] | None = None,
        tag: str | None = None,
        text: str | None = None,
        order_by: str = "created_at",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[RunSummary]:
        """Return run summaries that match every given filter, sorted by ``order_by``.

        ``status``, ``method``, ``model_name`` and ``study`` take one value or several.
        ``tag`` keeps runs with that tag. ``text`` keeps runs whose name, notes, method,
        model name, study or a tag contains it (case-insensitive for ASCII letters). Runs
        with no value in the sort column come last in both directions, and ties are
        broken by id.
        """
        if order_by not in _SUMMARY_COLUMNS:
            raise StorageError(
                f"Cannot sort runs by {order_by!r}. Valid columns: {', '.join(_SUMMARY_COLUMNS)}."
            )

        tags_json = (
            select(func.json_group_array(RunTagModel.tag))
            .where(RunTagModel.run_id == RunModel.id)
            .scalar_subquery()
        )
        columns = [getattr(RunModel, name) for name in _SUMMARY_COLUMNS]
        statement = select(*columns, tags_json.label("tags_json"))
        statement = statement.where(
            *self._list_filters(status, method, model_name, study, tag, text)
        )

        sort_column = getattr(RunModel, order_by)
        sort_key = sort_column.desc() if descending else sort_column.asc()
        id_key = RunModel.id.desc() if descending else RunModel.id.asc()
        statement = statement.order_by(sort_key.nulls_last(), id_key)
        statement = statement.limit(limit).offset(offset or None)

        with self._session("list runs") as session:
            rows = session.execute(statement).all()

        # Positional construction, because keyword arguments cost a noticeable share of
        # the time at 10,000 rows.
        summaries = []
        for *values, tags_json in rows:
            tags = () if tags_json == "[]" else tuple(sorted(json.loads(tags_json)))
            values.insert(_SUMMARY_TAGS_INDEX, tags)
            summaries.append(RunSummary(*values))
        return summaries

    @staticmethod
    def _list_filters(
        status: str | Iterable[str] | None,
        method: str | Iterable[str] | None,
        model_name: str | Iterable[str] | None,
        study: str | Iterable[str] | None,
        tag: str | None,
        text: str | None,
    ) -> list[Any]:
        filters: list[Any] = []
        for column, accepted in (
            (RunModel.status, status),
            (RunModel.method, method),
            (RunModel.model_name, model_name),
            (RunModel.study, study),
        ):
            if accepted is None:
                continue
            if isinstance(accepted, str):
                filters.append(column == accepted)
            else:
                filters.append(column.in_(list(accepted)))

        if tag is not None:
            tagged = select(RunTagModel.run_id).where(RunTagModel.tag == tag.strip())
            filters.append(RunModel.id.in_(tagged))

        if text:
            pattern = f"%{_escape_like(text)}%"
            tag_match = select(RunTagModel.run_id).where(
                RunTagModel.tag.like(pattern, escape="\\")
            )
            filters.append(
                or_(
                    *(
                        column.like(pattern, escape="\\")
                        for column in (
                            RunModel.name, RunModel.notes, RunModel.method,
                            RunModel.model_name, RunModel.study,
                        )
                    ),
                    RunModel.id.in_(tag_match),
                )
            )
        return filters

    def get_steps(self, run_id: int) -> list[StepRecord]:
        """Return the run's per-step metrics in step order, as float32 values (see StepRecord)."""
        table = RunStepChunkModel.__table__
        statement = select(table).where(table.c.run_id == run_id).order_by(table.c.first_step)
        with self._session(f"read the steps of run {run_id}") as session:
            self._require_run(session, run_id)
            chunks = session.execute(statement).all()

        return [
            StepRecord(*values) for chunk in chunks for values in self._decode_chunk(run_id, chunk)
        ]

    def _decode_chunk(self, run_id: int, chunk: Any) -> list[StepValues]:
        try:
            return decode_chunk(
                chunk.first_step, chunk.step_count, chunk.step_numbers, chunk.metrics
            )
        except ChunkFormatError as error:
            raise StorageError(
                f"Steps {chunk.first_step} to {chunk.last_step} of run {run_id} in the run "
                f"history {self.path} cannot be read: {error}. The file is damaged or was "
                f"written by a newer PEFTT Studio. Deleting the run removes these steps."
            ) from error

    def get_epochs(self, run_id: int) -> list[EpochRecord]:
        """Return the run's per-epoch metrics in epoch order."""
        statement = (
            select(RunEpochModel)
            .where(RunEpochModel.run_id == run_id)
            .order_by(RunEpochModel.epoch)
        )
        with self._session(f"read the epochs of run {run_id}") as session:
            self._require_run(session, run_id)
            return [
                EpochRecord(
                    epoch=row.epoch,
                    train_loss=row.train_loss,
                    val_macro_f1=row.val_macro_f1,
                    val_accuracy=row.val_accuracy,
                    val_per_class_f1=row.val_per_class_f1,
                    val_confusion=row.val_confusion,
                    duration_s=row.duration_s,
                )
                for row in session.scalars(statement)
            ]

    def _resolve_run(self, session: Session, run_ref: int | str) -> RunModel:
        if isinstance(run_ref, int) and not isinstance(run_ref, bool):
            run = session.get(RunModel, run_ref)
            if run is None:
                raise self._not_found(run_ref)
            return run

        if not isinstance(run_ref, str):
            raise StorageError(f"Invalid run reference {run_ref!r}: give a run id or name.")

        match = RunModel.name == run_ref
        if run_ref.strip().isdigit():
            match = or_(match, RunModel.id == int(run_ref))
        runs = session.scalars(select(RunModel).where(match).order_by(RunModel.id)).all()

        if not runs:
            raise self._not_found(run_ref)
        if len(runs) > 1:
            ids = ", ".join(str(run.id) for run in runs)
            raise StorageError(
                f"Run reference {run_ref!r} is ambiguous: it matches runs {ids}. Use the run id."
            )
        return runs[0]

    @staticmethod
    def _tags_of(session: Session, run_ids: list[int]) -> dict[int, tuple[str, ...]]:
        tags: dict[int, list[str]] = {run_id: [] for run_id in run_ids}
        statement = (
            select(RunTagModel.run_id, RunTagModel.tag)
            .where(RunTagModel.run_id.in_(run_ids))
            .order_by(RunTagModel.run_id, RunTagModel.tag)
        )
        for run_id, tag in session.execute(statement):
            tags[run_id].append(tag)
        return {run_id: tuple(values) for run_id, values in tags.items()}

    @staticmethod
    def _record_from_model(run: RunModel, tags: Iterable[str]) -> RunRecord:
        values = {name: getattr(run, name) for name in _RECORD_COLUMNS}
        return RunRecord(**values, tags=tuple(tags))

    # --- Start-up check ----------------------------------------------------------------

    def mark_interrupted_runs(self, *, stale_after_s: float = STALE_HEARTBEAT_S) -> int:
        """Mark running runs whose process has ended as 'interrupted' and return their number.

        A run of this host is interrupted when its pid is not alive, or belongs to a
        process started after the run's last heartbeat (``updated_at``), which means the
        pid was reused. A run of another host, or one with no pid, is interrupted when
        its last heartbeat is older than ``stale_after_s``. ``finished_at`` is set to the
        last heartbeat and ``error`` to the reason.
        """
        hostname = socket.gethostname()
        cutoff = _utc_now() - timedelta(seconds=stale_after_s)
        columns = (
            RunModel.id, RunModel.pid, RunModel.hostname, RunModel.created_at,
            RunModel.started_at, RunModel.updated_at,
        )
        with self._session("check for interrupted runs") as session:
            running = session.execute(select(*columns).where(RunModel.status == "running")).all()

        interrupted = []
        for run in running:
            if run.hostname == hostname and run.pid is not None:
                if not _process_alive(run.pid, alive_at=run.updated_at):
                    reason = f"process {run.pid} on {run.hostname} has ended"
                    interrupted.append((run, reason))
            elif run.updated_at < cutoff:
                reason = f"no heartbeat from {run.hostname} for over {stale_after_s:.0f} s"
                interrupted.append((run, reason))

        marked = []
        with self._session("mark interrupted runs", write=True) as session:
            for run, reason in interrupted:
                if self._mark_interrupted(session, run, reason):
                    marked.append((run.id, reason))

        for run_id, reason in marked:
            logger.info("Run %d marked interrupted: %s", run_id, reason)
        return len(marked)

    @staticmethod
    def _mark_interrupted(session: Session, run: Any, reason: str) -> bool:
        start = run.started_at or run.created_at
        error = (
            f"The run was interrupted: {reason}. Its last heartbeat was at "
            f"{run.updated_at:%Y-%m-%d %H:%M:%S} UTC."
        )
        # The conditions skip a run that finished or sent a heartbeat since it was read.
        result = session.execute(
            update(RunModel)
            .where(
                and_(
                    RunModel.id == run.id,
                    RunModel.status == "running",
                    RunModel.updated_at == run.updated_at,
                )
            )
            .values(
                status="interrupted",
                finished_at=run.updated_at,
                duration_s=func.coalesce(
                    RunModel.duration_s, (run.updated_at - start).total_seconds()
                ),
                error=func.coalesce(RunModel.error, error),
            )
        )
        return result.rowcount == 1


def _process_alive(pid: int, *, alive_at: datetime) -> bool:
    """Return whether ``pid`` is a live process of this host that already ran at ``alive_at``."""
    import psutil  # a dependency of accelerate and peft

    if pid == os.getpid():
        return True
    try:
        process = psutil.Process(pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return False
        created = datetime.fromtimestamp(process.create_time(), timezone.utc)
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True  # it exists, but belongs to another user
    # One second of slack covers the rounding of create_time.
    return created <= alive_at + timedelta(seconds=1)
