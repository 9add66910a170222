"""Peak memory estimate of a training run, and the free memory of a device.

The estimate is rough. It adds the parameters, the gradients and AdamW states of the
trainable parameters, and the activations that the encoder keeps for the backward pass.
It serves one purpose: to warn before a run that will clearly not fit. The measured peak
(``trainer.peak_memory_bytes``) is recorded with every run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)

GIB = 2**30

# Values a BERT-style layer keeps per token for the backward pass, in units of the hidden
# size. This is an estimate from counting the tensors of one layer (Q/K/V inputs and
# outputs, attention output, the 4x feed-forward intermediate before and after GELU, layer
# norm inputs and dropout masks), not a measurement.
ACTIVATION_VALUES_PER_HIDDEN = 18
# Values kept per token, per attention head and per key position (scores, probabilities
# and their dropout mask). Also an estimate.
ACTIVATION_VALUES_PER_SCORE = 3
# AdamW keeps two fp32 moments per trainable parameter.
ADAMW_STATES_PER_PARAMETER = 2


@dataclass(frozen=True)
class MemoryEstimate:
    """Estimated peak training memory in bytes, by kind."""

    parameters: int
    gradients: int
    optimizer: int
    activations: int

    @property
    def total(self) -> int:
        return self.parameters + self.gradients + self.optimizer + self.activations

    def describe(self) -> str:
        """Return the total and its parts in GiB, for messages."""
        return (f"{self.total / GIB:.2f} GiB (parameters {self.parameters / GIB:.2f}, gradients "
                f"{self.gradients / GIB:.2f}, AdamW states {self.optimizer / GIB:.2f}, activations "
                f"{self.activations / GIB:.2f})")


def estimate_training_memory(*, total_params: int, trainable_params: int, batch_size: int, length: int,
                             hidden_size: int, num_layers: int, num_heads: int = 0,
                             parameter_bytes: int = 4, activation_bytes: int = 4) -> MemoryEstimate:
    """Estimate the peak memory of one training step.

    ``length`` is the longest row in tokens. ``activation_bytes`` is 2 under fp16 or bf16
    autocast, 4 in fp32. Parameters, gradients and AdamW states stay fp32 under autocast.
    Frozen layers still keep their activations, because LoRA gradients flow through them.
    """
    parameters = total_params * parameter_bytes
    gradients = trainable_params * parameter_bytes
    optimizer = trainable_params * 4 * ADAMW_STATES_PER_PARAMETER

    tokens = batch_size * length
    per_token_per_layer = hidden_size * ACTIVATION_VALUES_PER_HIDDEN + num_heads * length * ACTIVATION_VALUES_PER_SCORE
    activations = tokens * num_layers * per_token_per_layer * activation_bytes
    return MemoryEstimate(parameters, gradients, optimizer, activations)


def free_memory_bytes(device) -> int | None:
    """Return the free memory of ``device`` in bytes, or None when it cannot be read.

    CUDA: the driver's free memory (``torch.cuda.mem_get_info``). CPU and MPS: the RAM
    available to new processes (``psutil.virtual_memory().available``), because MPS
    shares the system memory.
    """
    import torch

    if device.type == "cuda":
        try:
            free, _total = torch.cuda.mem_get_info(device)
        except RuntimeError as error:
            log.debug("Cannot read the free memory of %s: %s", device, error)
            return None
        return int(free)

    import psutil

    return int(psutil.virtual_memory().available)


def memory_warning(estimate: MemoryEstimate, device, free_bytes: int | None) -> str | None:
    """Return a warning when the estimate exceeds the free memory, else None."""
    if free_bytes is None or estimate.total <= free_bytes:
        return None
    where = "GPU" if device.type == "cuda" else "system"
    return (f"Training may run out of memory: the estimated peak is {estimate.describe()}, but only "
            f"{free_bytes / GIB:.2f} GiB of {where} memory is free on {device.type}. Lower the batch size "
            "or the max length, or train LoRA instead of all weights.")


def is_out_of_memory(error: BaseException) -> bool:
    """Return whether ``error`` is an allocation failure that a smaller batch may avoid."""
    import torch

    if isinstance(error, torch.cuda.OutOfMemoryError):
        return True
    if not isinstance(error, RuntimeError):
        return False
    message = str(error).lower()
    # CUDA and MPS errors contain "out of memory", and those of the CPU allocator "can't allocate memory".
    return "out of memory" in message or "can't allocate memory" in message


def release_cached_memory(device) -> None:
    """Collect garbage and, on CUDA, return cached blocks to the driver after an OOM."""
    import gc

    import torch

    gc.collect()
    if device.type == "cuda" and torch.cuda.is_available():
        torch.cuda.empty_cache()
