"""ORM tables of the run history (SQLAlchemy 2.x typed declarative mapping).

These classes stay inside ``peftt_gui.core.storage``. ``RunStorage`` returns frozen
dataclasses to its callers, never instances of these models.

A change to a table here needs a new Alembic revision under ``migrations/versions/``.
A test compares the migrated schema with this metadata and fails when they differ.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

RUN_STATUSES = ("running", "finished", "failed", "cancelled", "interrupted")

# Named constraints let later Alembic revisions alter tables in SQLite batch mode,
# which needs a name for every constraint it recreates.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC text and read back as an aware UTC datetime.

    SQLite has no time zone type. A naive datetime given on write is taken as local
    time, as ``datetime.astimezone`` does.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RunModel(Base):
    """One training run: its configuration, progress and final metrics.

    The columns that ``list_runs`` reads come first. SQLite stores a row's columns in
    this order, so a listing can read them from the row's first page without following
    the overflow pages that large JSON values (config, confusion matrices) spill into.
    """

    __tablename__ = "runs"

    # Listing columns.
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, index=True)
    status: Mapped[str] = mapped_column(String, index=True)
    method: Mapped[str] = mapped_column(String, index=True)
    model_name: Mapped[str] = mapped_column(String, index=True, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    duration_s: Mapped[float | None] = mapped_column(Float)
    best_val_macro_f1: Mapped[float | None] = mapped_column(Float, index=True)
    test_macro_f1: Mapped[float | None] = mapped_column(Float, index=True)
    test_accuracy: Mapped[float | None] = mapped_column(Float)
    trainable_percent: Mapped[float | None] = mapped_column(Float)
    study: Mapped[str | None] = mapped_column(String, index=True)

    # Process and progress.
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Time of the last update_run, add_steps, add_epoch, heartbeat or finish_run call.
    # mark_interrupted_runs reads it as the training process's heartbeat.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    pid: Mapped[int | None] = mapped_column(Integer)
    hostname: Mapped[str | None] = mapped_column(String)
    best_epoch: Mapped[int | None] = mapped_column(Integer)
    last_finished_epoch: Mapped[int | None] = mapped_column(Integer)
    best_val_accuracy: Mapped[float | None] = mapped_column(Float)
    trainable_params: Mapped[int | None] = mapped_column(Integer)
    total_params: Mapped[int | None] = mapped_column(Integer)
    peak_memory_bytes: Mapped[int | None] = mapped_column(Integer)

    # Inputs.
    model_path: Mapped[str] = mapped_column(String, default="")
    model_fingerprint: Mapped[str] = mapped_column(String, default="")
    template: Mapped[str] = mapped_column(Text, default="")
    normalization: Mapped[str] = mapped_column(Text, default="")
    weights_dir: Mapped[str | None] = mapped_column(String)
    notes: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str | None] = mapped_column(Text)

    # JSON values, last because they are the largest.
    config: Mapped[dict[str, Any]] = mapped_column(JSON)
    verbalizer: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    labels: Mapped[list[str]] = mapped_column(JSON)
    data_files: Mapped[dict[str, str]] = mapped_column(JSON)
    warnings: Mapped[list[str]] = mapped_column(JSON)
    val_per_class_f1: Mapped[Any | None] = mapped_column(JSON)
    val_confusion: Mapped[Any | None] = mapped_column(JSON)
    test_per_class_f1: Mapped[Any | None] = mapped_column(JSON)
    test_confusion: Mapped[Any | None] = mapped_column(JSON)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (
        CheckConstraint(
            "status IN ('running', 'finished', 'failed', 'cancelled', 'interrupted')",
            name="status",
        ),
        # AUTOINCREMENT keeps the id of a deleted run from being given to a new one,
        # so an id in a log or a folder name never points at another run.
        {"sqlite_autoincrement": True},
    )


class RunStepChunkModel(Base):
    """Epoch, loss and learning rate of up to ``CHUNK_STEPS`` optimizer steps of one run.

    ``step_chunks.py`` defines the blob formats and what precision they keep. Chunks of
    one run never overlap: every step number lies in at most one chunk's
    ``first_step``..``last_step`` range.

    A rowid table, because 3,332 chunks of 3 to 4 KB (steps generated as in
    bench/history_scale.py) took 14% more space in a WITHOUT ROWID table (SQLite 3.40).
    """

    __tablename__ = "run_step_chunks"

    run_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True
    )
    first_step: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_step: Mapped[int] = mapped_column(Integer)
    step_count: Mapped[int] = mapped_column(Integer)
    # NULL when the steps are first_step, first_step + 1, ..., last_step.
    step_numbers: Mapped[bytes | None] = mapped_column(LargeBinary)
    metrics: Mapped[bytes] = mapped_column(LargeBinary)


class RunEpochModel(Base):
    """Training loss and validation metrics at the end of one epoch."""

    __tablename__ = "run_epochs"

    run_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True
    )
    epoch: Mapped[int] = mapped_column(Integer, primary_key=True)
    train_loss: Mapped[float | None] = mapped_column(Float)
    val_macro_f1: Mapped[float | None] = mapped_column(Float)
    val_accuracy: Mapped[float | None] = mapped_column(Float)
    val_per_class_f1: Mapped[Any | None] = mapped_column(JSON)
    val_confusion: Mapped[Any | None] = mapped_column(JSON)
    duration_s: Mapped[float | None] = mapped_column(Float)

    __table_args__ = ({"sqlite_with_rowid": False},)


class RunTagModel(Base):
    """One tag of one run. The index on ``tag`` speeds up the tag filter of the run list."""

    __tablename__ = "run_tags"

    run_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String, primary_key=True)

    __table_args__ = (
        Index("ix_run_tags_tag", "tag"),
        {"sqlite_with_rowid": False},
    )


class SchemaInfoModel(Base):
    """Key-value facts about the database file, such as the app version that last opened it.

    Alembic keeps the schema revision in its own ``alembic_version`` table.
    """

    __tablename__ = "schema_info"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(String)
