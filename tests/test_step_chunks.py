"""Tests of the step chunk format (``peftt_gui.core.storage.step_chunks``)."""

from __future__ import annotations

import importlib.util
import math
import random
import struct
import zlib

import pytest

from peftt_gui.core.storage import step_chunks
from peftt_gui.core.storage.migrations import MIGRATIONS_DIR
from peftt_gui.core.storage.step_chunks import (
    CHUNK_STEPS,
    ChunkFormatError,
    decode_chunk,
    encode_chunk,
    split_into_chunks,
)


def float32(value: float) -> float:
    return struct.unpack("<f", struct.pack("<f", value))[0]


def decode(row: dict) -> list[tuple]:
    return decode_chunk(row["first_step"], row["step_count"], row["step_numbers"], row["metrics"])


def noisy_steps(count: int, first: int = 1) -> list[tuple]:
    rng = random.Random(count)
    return [
        (step, step / 300, 2.5 * math.exp(-step / 400) + rng.uniform(0, 0.2), 1e-3 * (1 - step / 4000))
        for step in range(first, first + count)
    ]


def test_round_trip_keeps_float32_values():
    steps = noisy_steps(1000)

    row = encode_chunk(4, steps)

    assert row["run_id"] == 4
    assert (row["first_step"], row["last_step"], row["step_count"]) == (1, 1000, 1000)
    assert row["step_numbers"] is None
    assert decode(row) == [
        (step, float32(epoch), float32(loss), float32(learning_rate))
        for step, epoch, loss, learning_rate in steps
    ]


def test_gaps_keep_step_numbers():
    steps = [(-5, 0.0, 1.0, 0.1), (0, 0.5, 0.9, 0.1), (7, 1.0, 0.8, 0.1), (2**40, 2.0, 0.7, 0.1)]

    row = encode_chunk(1, steps)

    assert row["step_numbers"] is not None
    assert [step for step, *_ in decode(row)] == [-5, 0, 7, 2**40]


def test_nan_infinity_and_underflow():
    steps = [(1, 0.0, math.nan, math.inf), (2, 0.5, -math.inf, 1e300), (3, 1.0, 1e-50, -0.0)]

    epoch, loss, learning_rate = zip(*(values for _, *values in decode(encode_chunk(1, steps))))

    assert epoch == (0.0, 0.5, 1.0)
    assert math.isnan(loss[0])
    assert loss[1:] == (-math.inf, 0.0)
    assert learning_rate[:2] == (math.inf, math.inf)
    assert math.copysign(1.0, learning_rate[2]) == -1.0


def test_chunk_compresses_training_curves():
    row = encode_chunk(1, noisy_steps(CHUNK_STEPS))

    # 12 bytes per step uncompressed. The noisy loss keeps most of its 4 bytes.
    assert len(row["metrics"]) < 5 * CHUNK_STEPS


def test_split_into_chunks_sizes():
    parts = list(split_into_chunks(noisy_steps(2 * CHUNK_STEPS + 3)))

    assert [len(part) for part in parts] == [CHUNK_STEPS, CHUNK_STEPS, 3]
    assert parts[1][0][0] == CHUNK_STEPS + 1


@pytest.mark.parametrize(
    ("metrics", "message"),
    [
        (b"", "empty"),
        (b"\x07" + zlib.compress(b"\x00" * 24), "unknown chunk format 7"),
        (b"\x01not zlib", "cannot be decompressed"),
        (b"\x01" + zlib.compress(b"\x00" * 20), "has 20 bytes instead of 24"),
    ],
)
def test_invalid_blob_raises(metrics: bytes, message: str):
    with pytest.raises(ChunkFormatError, match=message):
        decode_chunk(1, 2, None, metrics)


def test_step_numbers_count_is_checked():
    row = encode_chunk(1, [(1, 0.0, 1.0, 0.1), (5, 0.0, 1.0, 0.1)])

    with pytest.raises(ChunkFormatError, match="2 step numbers instead of 3"):
        decode_chunk(1, 3, row["step_numbers"], row["metrics"])


def test_migration_encoder_matches_storage():
    # Revision 0002 carries its own copy of format 1. Both must write the same bytes.
    path = MIGRATIONS_DIR / "versions" / "0002_step_chunks.py"
    spec = importlib.util.spec_from_file_location("revision_0002", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert step_chunks.FORMAT_VERSION == migration.FORMAT_VERSION == 1
    assert step_chunks.CHUNK_STEPS == migration.CHUNK_STEPS

    for steps in (noisy_steps(700), [(2, 0.1, math.nan, 1e-4), (9, 0.2, 0.5, 1e-4)]):
        row = encode_chunk(1, steps)
        columns = ("first_step", "last_step", "step_count", "step_numbers", "metrics")
        assert migration._encode(steps) == tuple(row[column] for column in columns)
        decoded = migration._decode(
            row["first_step"], row["step_count"], row["step_numbers"], row["metrics"]
        )
        assert repr(decoded) == repr(decode(row))  # repr, because NaN != NaN
