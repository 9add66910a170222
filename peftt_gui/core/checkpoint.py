"""Resumable training checkpoints stored as one safetensors file.

The tensors (trainable weights, AdamW moments, the best epoch's weights and logits, the
torch RNG states) are safetensors entries. Everything else (step counters, scheduler and
GradScaler state, Python and numpy RNG states, epoch reports) is JSON in the file's
metadata. Reading a checkpoint therefore never unpickles anything, unlike ``torch.load``.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

import numpy as np
import torch

from .errors import CheckpointError, display_path, write_error

CHECKPOINT_NAME = "checkpoint.safetensors"
FORMAT_VERSION = 1
_METADATA_KEY = "peftt_checkpoint"


def write_checkpoint(folder: Path, tensors: dict[str, torch.Tensor], state: dict[str, Any]) -> Path:
    """Write ``tensors`` and the JSON-serializable ``state`` to ``folder``, atomically.

    The file is written under a temporary name, synced and renamed, so a crash leaves
    either the previous checkpoint or the new one. Raises ``ResourceError`` when the
    disk is full or the folder is not writable, after removing the temporary file.
    """
    from safetensors import SafetensorError
    from safetensors.torch import save_file

    path = folder / CHECKPOINT_NAME
    temporary = folder / (CHECKPOINT_NAME + ".tmp")
    metadata = {_METADATA_KEY: json.dumps({"format": FORMAT_VERSION, **state})}
    # safetensors stores each tensor on its own, so shared or strided views become copies.
    tensors = {name: tensor.detach().to("cpu").contiguous().clone() for name, tensor in tensors.items()}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        save_file(tensors, str(temporary), metadata=metadata)
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except (OSError, SafetensorError) as error:
        temporary.unlink(missing_ok=True)
        raise write_error("the checkpoint", folder, error) from error
    return path


def read_checkpoint(folder: Path) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    """Return the tensors (on the CPU) and the state written by ``write_checkpoint``.

    Raises ``CheckpointError`` when the file is missing, unreadable or of another format.
    """
    from safetensors import SafetensorError, safe_open

    path = folder / CHECKPOINT_NAME
    if not path.is_file():
        raise CheckpointError(f"No checkpoint to resume from in {display_path(folder)}. The run stopped "
                              "before its first epoch ended, or checkpoints were off; start it again.")
    try:
        with safe_open(str(path), framework="pt", device="cpu") as handle:
            metadata = handle.metadata() or {}
            tensors = {name: handle.get_tensor(name) for name in handle.keys()}
        state = json.loads(metadata[_METADATA_KEY])
    except (OSError, SafetensorError, KeyError, json.JSONDecodeError) as error:
        raise CheckpointError(f"The checkpoint {display_path(path)} is unreadable ({error}). It may be "
                              "truncated; start the run again.") from None
    if state.get("format") != FORMAT_VERSION:
        raise CheckpointError(f"The checkpoint {display_path(path)} has format {state.get('format')!r}, "
                              f"but this version of PEFTT Studio reads format {FORMAT_VERSION}.")
    return tensors, state


# -- flattening state dicts into tensors and JSON -------------------------------------------------

def prefixed(prefix: str, tensors: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {f"{prefix}/{name}": tensor for name, tensor in tensors.items()}


def unprefixed(prefix: str, tensors: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    start = len(prefix) + 1
    return {name[start:]: tensor for name, tensor in tensors.items() if name.startswith(prefix + "/")}


def optimizer_to_parts(state_dict: dict) -> tuple[dict[str, torch.Tensor], dict]:
    """Split an optimizer state dict into tensors and a JSON part."""
    tensors: dict[str, torch.Tensor] = {}
    values: dict[str, dict[str, Any]] = {}
    for index, entries in state_dict["state"].items():
        for key, value in entries.items():
            if isinstance(value, torch.Tensor):
                tensors[f"optimizer/{index}/{key}"] = value
            else:
                values.setdefault(str(index), {})[key] = value
    return tensors, {"param_groups": state_dict["param_groups"], "values": values}


def optimizer_from_parts(tensors: dict[str, torch.Tensor], data: dict) -> dict:
    """Rebuild the optimizer state dict that ``optimizer_to_parts`` split."""
    state: dict[int, dict[str, Any]] = {}
    for name, tensor in unprefixed("optimizer", tensors).items():
        index, key = name.split("/", 1)
        state.setdefault(int(index), {})[key] = tensor
    for index, entries in data["values"].items():
        state.setdefault(int(index), {}).update(entries)
    # JSON turned tuples such as AdamW's betas into lists.
    groups = [{key: tuple(value) if isinstance(value, list) and key != "params" else value
               for key, value in group.items()} for group in data["param_groups"]]
    return {"state": state, "param_groups": groups}


def rng_to_parts() -> tuple[dict[str, torch.Tensor], dict]:
    """Capture the Python, numpy, torch and CUDA random states."""
    tensors = {"rng/torch": torch.get_rng_state()}
    if torch.cuda.is_available():
        for index, cuda_state in enumerate(torch.cuda.get_rng_state_all()):
            tensors[f"rng/cuda/{index}"] = cuda_state
    version, python_state, gauss = random.getstate()
    kind, keys, position, has_gauss, cached_gaussian = np.random.get_state()
    data = {"python": [version, list(python_state), gauss],
            "numpy": [kind, keys.tolist(), int(position), int(has_gauss), float(cached_gaussian)]}
    return tensors, data


def restore_rng(tensors: dict[str, torch.Tensor], data: dict) -> None:
    """Restore the random states captured by ``rng_to_parts``."""
    version, python_state, gauss = data["python"]
    random.setstate((version, tuple(python_state), gauss))
    kind, keys, position, has_gauss, cached_gaussian = data["numpy"]
    np.random.set_state((kind, np.asarray(keys, dtype=np.uint32), position, has_gauss, cached_gaussian))
    torch.set_rng_state(tensors["rng/torch"])

    cuda_states = unprefixed("rng/cuda", tensors)
    if cuda_states and torch.cuda.is_available():
        ordered = [cuda_states[str(index)] for index in range(len(cuda_states))]
        torch.cuda.set_rng_state_all(ordered[:torch.cuda.device_count()])
