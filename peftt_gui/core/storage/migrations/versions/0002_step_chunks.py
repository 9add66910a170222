"""Store per-step metrics in chunks: run_steps becomes run_step_chunks.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05

One row per optimizer step cost about 42 bytes. A chunk row holds up to 1,024 steps of
one run with float32 values in a compressed blob, a few bytes per step. The upgrade
converts every step of every run and drops ``run_steps``. The downgrade writes the
chunks back as rows, with the float32 values that the chunks kept.

This file carries its own copy of chunk format 1 (see ``storage/step_chunks.py``), so
that it keeps writing that format after the storage code moves on to a later one.
"""

from __future__ import annotations

import logging
import math
import sys
import zlib
from array import array
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Alembic loads this file under a generated module name, so the logger is named here.
logger = logging.getLogger("peftt_gui.core.storage.migrations")

CHUNK_STEPS = 1024
FORMAT_VERSION = 1
DELTA_COLUMNS = (True, False, True)  # epoch, loss, learning rate
MASK_32 = 0xFFFFFFFF
BIG_ENDIAN = sys.byteorder == "big"


def upgrade() -> None:
    op.create_table(
        "run_step_chunks",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("first_step", sa.Integer(), nullable=False),
        sa.Column("last_step", sa.Integer(), nullable=False),
        sa.Column("step_count", sa.Integer(), nullable=False),
        sa.Column("step_numbers", sa.LargeBinary(), nullable=True),
        sa.Column("metrics", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_run_step_chunks_run_id_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("run_id", "first_step", name=op.f("pk_run_step_chunks")),
    )

    connection = op.get_bind()
    run_ids = [
        row[0] for row in connection.exec_driver_sql(
            "SELECT id FROM runs WHERE EXISTS (SELECT 1 FROM run_steps WHERE run_id = runs.id) "
            "ORDER BY id"
        )
    ]
    for run_id in run_ids:
        _convert_steps_of_run(connection, run_id)

    # Foreign keys are off during migrations, so rows of deleted runs may have survived.
    # No call could read them, and they are not carried over.
    orphans = connection.exec_driver_sql(
        "SELECT COUNT(*) FROM run_steps WHERE run_id NOT IN (SELECT id FROM runs)"
    ).scalar()
    if orphans:
        logger.warning("Dropped %d step rows of runs that are no longer in the history", orphans)

    op.drop_table("run_steps")


def downgrade() -> None:
    op.create_table(
        "run_steps",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.Float(), nullable=False),
        sa.Column("loss", sa.Float(), nullable=True),
        sa.Column("learning_rate", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_run_steps_run_id_runs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("run_id", "step", name=op.f("pk_run_steps")),
        sqlite_with_rowid=False,
    )

    connection = op.get_bind()
    chunks = connection.exec_driver_sql(
        "SELECT run_id, first_step, step_count, step_numbers, metrics FROM run_step_chunks"
    ).all()
    for run_id, first_step, step_count, step_numbers, metrics in chunks:
        rows = [
            (run_id, step, epoch, _nan_to_none(loss), _nan_to_none(learning_rate))
            for step, epoch, loss, learning_rate in _decode(
                first_step, step_count, step_numbers, metrics
            )
        ]
        connection.exec_driver_sql("INSERT INTO run_steps VALUES (?, ?, ?, ?, ?)", rows)

    op.drop_table("run_step_chunks")


def _convert_steps_of_run(connection: sa.Connection, run_id: int) -> None:
    # run_steps stored NaN as NULL. The chunks keep NaN itself.
    steps = [
        (step, epoch, _null_to_nan(loss), _null_to_nan(learning_rate))
        for step, epoch, loss, learning_rate in connection.exec_driver_sql(
            "SELECT step, epoch, loss, learning_rate FROM run_steps WHERE run_id = ? "
            "ORDER BY step",
            (run_id,),
        )
    ]
    rows = [
        (run_id, *_encode(steps[start:start + CHUNK_STEPS]))
        for start in range(0, len(steps), CHUNK_STEPS)
    ]
    connection.exec_driver_sql(
        "INSERT INTO run_step_chunks (run_id, first_step, last_step, step_count, "
        "step_numbers, metrics) VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def _null_to_nan(value: float | None) -> float:
    return math.nan if value is None else value


def _nan_to_none(value: float) -> float | None:
    return None if math.isnan(value) else value


# --- Chunk format 1 ----------------------------------------------------------------------


def _encode(steps: Sequence[tuple[int, float, float, float]]) -> tuple:
    """Return (first_step, last_step, step_count, step_numbers, metrics) of sorted steps."""
    numbers = [step for step, *_ in steps]
    contiguous = numbers[-1] - numbers[0] + 1 == len(numbers)
    step_numbers = None if contiguous else _pack(_to_little_endian(array("q", numbers)))

    payload = b""
    for column, delta in zip(zip(*(values for _, *values in steps)), DELTA_COLUMNS):
        bits = array("I", array("f", column).tobytes())
        if delta:
            previous = [0, *bits[:-1]]
            bits = array("I", [(value - before) & MASK_32 for value, before in zip(bits, previous)])
        raw = _to_little_endian(bits)
        payload += b"".join(raw[position::4] for position in range(4))
    return numbers[0], numbers[-1], len(numbers), step_numbers, _pack(payload)


def _decode(
    first_step: int, step_count: int, step_numbers: bytes | None, metrics: bytes
) -> list[tuple[int, float, float, float]]:
    if step_numbers is None:
        numbers: Sequence[int] = range(first_step, first_step + step_count)
    else:
        numbers = _from_little_endian(_unpack(step_numbers), "q")

    payload = _unpack(metrics)
    columns = []
    for index, delta in enumerate(DELTA_COLUMNS):
        shuffled = payload[index * 4 * step_count:(index + 1) * 4 * step_count]
        raw = bytearray(len(shuffled))
        for position in range(4):
            raw[position::4] = shuffled[position * step_count:(position + 1) * step_count]
        bits = _from_little_endian(bytes(raw), "I")
        if delta:
            total = 0
            for position, difference in enumerate(bits):
                total = (total + difference) & MASK_32
                bits[position] = total
        columns.append(array("f", bits.tobytes()))
    return list(zip(numbers, *columns))


def _to_little_endian(values: array) -> bytes:
    if BIG_ENDIAN:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _from_little_endian(raw: bytes, typecode: str) -> array:
    values = array(typecode, raw)
    if BIG_ENDIAN:
        values.byteswap()
    return values


def _pack(payload: bytes) -> bytes:
    return bytes([FORMAT_VERSION]) + zlib.compress(payload)


def _unpack(blob: bytes) -> bytes:
    if blob[0] != FORMAT_VERSION:
        raise ValueError(f"Cannot downgrade a step chunk of format {blob[0]}: only format 1 is known.")
    return zlib.decompress(blob[1:])
