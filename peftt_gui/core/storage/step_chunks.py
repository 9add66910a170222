"""Compact encoding of per-step metrics: one history row per chunk of optimizer steps.

A chunk holds up to ``CHUNK_STEPS`` steps of one run in ascending step order. Its
``metrics`` blob keeps the epoch, loss and learning rate of each step as float32, about
7 significant digits: a value beyond the float32 range becomes an infinity, a value
below about 1e-45 becomes 0, and NaN stays NaN. Step numbers are kept exactly.

Blob layout, after a one-byte format version (``FORMAT_VERSION``), compressed with zlib:
the epoch, loss and learning-rate columns one after another. Each column is the values'
little-endian float32 bit patterns. For epoch and learning rate, each pattern is stored
as its difference (mod 2**32) from the previous one, because both columns rise or fall
in even steps, so the differences repeat. Loss is noisy, so it is stored as it is.
Each column is then byte-shuffled (all first bytes, then all second bytes, and so on,
as the HDF5 and Blosc shuffle filters do), which puts the slowly changing sign and
exponent bytes next to each other for zlib.

``step_numbers`` is NULL when a chunk's steps run from ``first_step`` to ``last_step``
without gaps, which is how the trainer writes them. Otherwise it contains the version
byte and the zlib-compressed little-endian int64 step numbers.

The migration that introduced this format carries its own copy of the format 1 code,
so that it keeps writing format 1 after this module changes.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from collections.abc import Iterator, Sequence
from typing import Any

# Maximum steps per chunk. The trainer flushes a few steps at a time, and each flush
# rewrites the run's last chunk until it contains this many. 1,024 steps of the curves in
# bench/history_scale.py compress to about 3.6 KB, less than one 4 KB SQLite page.
CHUNK_STEPS = 1024

FORMAT_VERSION = 1

_FLOAT_BYTES = 4
_COLUMNS = 3  # epoch, loss, learning rate
_DELTA_COLUMNS = (True, False, True)
_MASK_32 = 0xFFFFFFFF
_BIG_ENDIAN = sys.byteorder == "big"

# A step as stored and read back: (step, epoch, loss, learning_rate).
StepValues = tuple[int, float, float, float]


class ChunkFormatError(ValueError):
    """A chunk blob that this code cannot decode: damaged, or of an unknown format."""


def split_into_chunks(steps: Sequence[StepValues]) -> Iterator[Sequence[StepValues]]:
    """Yield ``steps`` (sorted by step, no repeats) in slices of ``CHUNK_STEPS``."""
    for start in range(0, len(steps), CHUNK_STEPS):
        yield steps[start:start + CHUNK_STEPS]


def encode_chunk(run_id: int, steps: Sequence[StepValues]) -> dict[str, Any]:
    """Return the ``run_step_chunks`` row of ``steps``, which must be sorted, unique, non-empty."""
    numbers = [step for step, *_ in steps]
    first, last = numbers[0], numbers[-1]
    contiguous = last - first + 1 == len(numbers)

    columns = zip(*(values for _, *values in steps))
    payload = b"".join(
        _shuffle(_float32_bits(column, delta))
        for column, delta in zip(columns, _DELTA_COLUMNS)
    )
    return {
        "run_id": run_id,
        "first_step": first,
        "last_step": last,
        "step_count": len(numbers),
        "step_numbers": None if contiguous else _pack(_little_endian(array("q", numbers))),
        "metrics": _pack(payload),
    }


def decode_chunk(
    first_step: int, step_count: int, step_numbers: bytes | None, metrics: bytes
) -> list[StepValues]:
    """Return the steps of one chunk row. Raises ChunkFormatError on a damaged blob."""
    if step_numbers is None:
        numbers: Sequence[int] = range(first_step, first_step + step_count)
    else:
        numbers = array("q", _little_endian_bytes(_unpack(step_numbers), "q"))
        if len(numbers) != step_count:
            raise ChunkFormatError(
                f"the chunk has {len(numbers)} step numbers instead of {step_count}"
            )

    payload = _unpack(metrics)
    column_size = step_count * _FLOAT_BYTES
    if len(payload) != _COLUMNS * column_size:
        raise ChunkFormatError(
            f"the metrics blob has {len(payload)} bytes instead of {_COLUMNS * column_size}"
        )
    epochs, losses, learning_rates = (
        _float32_values(_unshuffle(payload[offset:offset + column_size]), delta)
        for offset, delta in zip(range(0, len(payload), column_size), _DELTA_COLUMNS)
    )
    return list(zip(numbers, epochs, losses, learning_rates))


# --- Float columns -----------------------------------------------------------------------


def _float32_bits(values: Sequence[float], delta: bool) -> bytes:
    bits = array("I", array("f", values).tobytes())
    if delta:
        previous = [0, *bits[:-1]]
        bits = array("I", [(value - before) & _MASK_32 for value, before in zip(bits, previous)])
    return _little_endian(bits)


def _float32_values(raw: bytes, delta: bool) -> array:
    bits = array("I", _little_endian_bytes(raw, "I"))
    if delta:
        total = 0
        for index, difference in enumerate(bits):
            total = (total + difference) & _MASK_32
            bits[index] = total
    return array("f", bits.tobytes())


def _shuffle(raw: bytes) -> bytes:
    return b"".join(raw[position::_FLOAT_BYTES] for position in range(_FLOAT_BYTES))


def _unshuffle(shuffled: bytes) -> bytes:
    count = len(shuffled) // _FLOAT_BYTES
    raw = bytearray(len(shuffled))
    for position in range(_FLOAT_BYTES):
        raw[position::_FLOAT_BYTES] = shuffled[position * count:(position + 1) * count]
    return bytes(raw)


# --- Bytes -------------------------------------------------------------------------------


def _little_endian(values: array) -> bytes:
    if _BIG_ENDIAN:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _little_endian_bytes(raw: bytes, typecode: str) -> bytes:
    """Return little-endian ``raw`` in this machine's byte order for ``array(typecode)``."""
    if len(raw) % array(typecode).itemsize:
        raise ChunkFormatError(f"a blob of {len(raw)} bytes is not a whole number of values")
    if not _BIG_ENDIAN:
        return raw
    values = array(typecode, raw)
    values.byteswap()
    return values.tobytes()


def _pack(payload: bytes) -> bytes:
    return bytes([FORMAT_VERSION]) + zlib.compress(payload)


def _unpack(blob: bytes) -> bytes:
    if not blob:
        raise ChunkFormatError("the blob is empty")
    if blob[0] != FORMAT_VERSION:
        raise ChunkFormatError(
            f"unknown chunk format {blob[0]} (this PEFTT Studio reads format {FORMAT_VERSION})"
        )
    try:
        return zlib.decompress(blob[1:])
    except zlib.error as error:
        raise ChunkFormatError(f"the blob cannot be decompressed ({error})") from error

