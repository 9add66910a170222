"""Data-parallel training with several processes under ``torchrun`` or ``accelerate launch``.

Both launchers start one process per device and set ``WORLD_SIZE``, ``RANK``, ``LOCAL_RANK``,
``LOCAL_WORLD_SIZE``, ``MASTER_ADDR`` and ``MASTER_PORT`` in each process's environment. The
engine reads those variables and joins the process group (``init_method="env://"``). Without
them, or with ``WORLD_SIZE=1``, every function here is a no-op and training stays in one process.

How the work is split (see ``Trainer``):

- Every process builds the same length-grouped, seeded batches, with the global batch size
  (``batch_size`` x world size) as the batch size. Process ``r`` takes rows ``r, r + W, r + 2W, ...``
  of each global batch (``W`` the world size), so an optimizer step sees exactly the rows that a
  single process with the global batch size would see in that step.
- ``DistributedDataParallel`` averages the gradients over the processes, and each process scales
  its loss so that the average equals the mean loss over the global batch.
- Evaluation is sharded the same way: each process scores its share of the split and
  ``all_gather`` puts the logits of the whole split back in row order, on every process.
- Only process 0 writes the history, the checkpoints and the weights. Cancel and early-stopping
  decisions are shared, so every process stops at the same optimizer step.

Collectives that carry Python values (flags, metrics, run ids, logits as numpy arrays) go over
a gloo group on the CPU, and the gradients of a CUDA model over NCCL.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from .errors import ConfigError, PefttError, ResourceError

log = logging.getLogger(__name__)

T = TypeVar("T")


class PeerProcessError(PefttError):
    """Another process of a multi-process run failed, so this one stops too."""


@dataclass(frozen=True)
class DistributedContext:
    """This process's place in a multi-process run; the defaults describe a single process."""

    world_size: int = 1
    rank: int = 0
    local_rank: int = 0
    local_world_size: int = 1
    backend: str | None = None       # the default group's backend once joined: gloo or nccl

    @property
    def enabled(self) -> bool:
        return self.world_size > 1

    @property
    def is_main(self) -> bool:
        """Whether this process writes the history, the checkpoints and the weights."""
        return self.rank == 0


SINGLE_PROCESS = DistributedContext()


def context_from_environment(environ: dict[str, str] | None = None) -> DistributedContext:
    """Read the launcher's variables; without ``WORLD_SIZE``, or with 1, the run is a single process.

    Raises ``ConfigError`` when a variable is not a whole number or the ranks do not fit the
    world size.
    """
    environ = os.environ if environ is None else environ
    if environ.get("WORLD_SIZE", "").strip() in ("", "1"):
        return SINGLE_PROCESS
    values = {}
    for name in ("WORLD_SIZE", "RANK", "LOCAL_RANK", "LOCAL_WORLD_SIZE"):
        text = environ.get(name, "")
        if name == "LOCAL_WORLD_SIZE" and not text:
            text = environ["WORLD_SIZE"]  # one machine: every process is local
        try:
            values[name] = int(text)
        except ValueError:
            raise ConfigError(f"The environment variable {name}={text!r} is not a whole number. Start the "
                              "processes with torchrun or accelerate launch, which set it.") from None
    world_size, rank, local_rank = values["WORLD_SIZE"], values["RANK"], values["LOCAL_RANK"]
    if world_size < 1 or not 0 <= rank < world_size or not 0 <= local_rank < values["LOCAL_WORLD_SIZE"]:
        raise ConfigError(f"Invalid process ranks: WORLD_SIZE={world_size}, RANK={rank}, LOCAL_RANK={local_rank}, "
                          f"LOCAL_WORLD_SIZE={values['LOCAL_WORLD_SIZE']}. RANK must lie in 0..WORLD_SIZE-1 and "
                          "LOCAL_RANK in 0..LOCAL_WORLD_SIZE-1; start the processes with torchrun or accelerate "
                          "launch.")
    return DistributedContext(world_size, rank, local_rank, values["LOCAL_WORLD_SIZE"])


_control_group: Any = None   # gloo group for CPU collectives when the default group is NCCL


def setup() -> DistributedContext:
    """Join the process group of a multi-process launch, once per process, and return the context.

    The default group uses NCCL when every process of this machine has a GPU of its own, and
    gloo otherwise. Returns ``SINGLE_PROCESS`` when no launcher set ``WORLD_SIZE`` above 1.
    """
    global _control_group

    context = context_from_environment()
    if not context.enabled:
        return context
    import torch
    import torch.distributed as dist

    if not dist.is_available():
        raise ResourceError("This build of torch has no torch.distributed, so it cannot train with "
                            f"{context.world_size} processes. Start one process, or install a torch build "
                            "with distributed support.")
    if not dist.is_initialized():
        # NOTE: the tests run the gloo path on the CPU only; the NCCL path has not run on GPUs.
        use_nccl = gpu_per_process(context)
        if use_nccl:
            torch.cuda.set_device(context.local_rank)
        missing = [name for name in ("MASTER_ADDR", "MASTER_PORT") if not os.environ.get(name)]
        if missing:
            raise ConfigError(f"WORLD_SIZE is {context.world_size} but {' and '.join(missing)} is not set, so "
                              "the processes cannot find each other. Start them with torchrun or accelerate "
                              "launch.")
        dist.init_process_group(backend="nccl" if use_nccl else "gloo")
        log.info("Process %d of %d joined the process group (%s)", context.rank, context.world_size,
                 dist.get_backend())
    backend = dist.get_backend()
    if backend == "nccl" and _control_group is None:
        _control_group = dist.new_group(backend="gloo")
    return DistributedContext(context.world_size, context.rank, context.local_rank, context.local_world_size,
                              backend)


def gpu_per_process(context: DistributedContext) -> bool:
    """Return whether each process on this machine can have a CUDA device of its own."""
    import torch

    return torch.cuda.is_available() and context.local_world_size <= torch.cuda.device_count()


def shutdown() -> None:
    """Leave the process group, if this process joined one."""
    global _control_group

    import gc

    import torch.distributed as dist

    if dist.is_available() and dist.is_initialized():
        gc.collect()  # frees DDP wrappers held in reference cycles, whose reducers use the group
        dist.destroy_process_group()
    _control_group = None


def training_device(context: DistributedContext, device):
    """Return the device that this process trains on: its own GPU (``cuda:LOCAL_RANK``) or ``device``.

    Raises ``ResourceError`` for CUDA without a GPU per process, and for MPS, which the
    process group cannot reach.
    """
    import torch

    if not context.enabled or device.type == "cpu":
        return device
    if device.type == "cuda":
        if context.backend != "nccl":
            raise ResourceError(f"{context.local_world_size} processes on this machine need as many GPUs for CUDA "
                                f"training, but it has {torch.cuda.device_count()}. Start at most "
                                f"{torch.cuda.device_count()} processes per machine, or train with --device cpu.")
        return torch.device("cuda", context.local_rank)
    raise ResourceError(f"Training with several processes works on CUDA or the CPU, not on {device.type}. "
                        "Choose device cpu, or start one process.")


def wrap_model(model, context: DistributedContext, device):
    """Return ``model`` wrapped in ``DistributedDataParallel``, or ``model`` itself in one process.

    Only parameters that require gradients are averaged, which is all that a peft adapter
    trains. Every registered method uses each of its trainable parameters in every forward
    pass (tests/test_distributed.py checks this), so DDP need not search the autograd graph
    for unused ones. The buffers (position ids, label-word ids) are the same in every process
    and never change, so they are not synchronised on each forward pass.
    """
    if not context.enabled:
        return model
    import inspect

    from torch.nn.parallel import DistributedDataParallel

    on_gpu = device.type == "cuda"
    options = {"device_ids": [device.index] if on_gpu else None,
               "process_group": None if on_gpu else _cpu_group()}
    # torch 2.13 deprecates broadcast_buffers for forward_sync_buffers; older versions lack the new name.
    if "forward_sync_buffers" in inspect.signature(DistributedDataParallel.__init__).parameters:
        options["forward_sync_buffers"] = False
    else:
        options["broadcast_buffers"] = False
    return DistributedDataParallel(model, **options)


def _cpu_group():
    return _control_group  # None is the default group, which is gloo unless NCCL was chosen


# -- collectives over the CPU group -------------------------------------------------------------------

def share_from_main(context: DistributedContext, produce: Callable[[], T]) -> T:
    """Run ``produce`` in process 0 and return its value in every process.

    When ``produce`` raises in process 0, the other processes raise ``PeerProcessError`` with its
    message instead of waiting forever for a value.
    """
    if not context.enabled:
        return produce()
    import torch.distributed as dist

    payload: list[Any] = [None]
    error: BaseException | None = None
    if context.is_main:
        try:
            payload[0] = ("value", produce())
        except BaseException as caught:  # every process must hear of the failure, then it is raised here
            error = caught
            payload[0] = ("error", f"{type(caught).__name__}: {caught}" if not isinstance(caught, PefttError)
                          else str(caught))
    dist.broadcast_object_list(payload, src=0, group=_cpu_group())
    if error is not None:
        raise error
    kind, value = payload[0]
    if kind == "error":
        raise PeerProcessError(f"Process 0 of {context.world_size} stopped: {value}")
    return value


def any_process(context: DistributedContext, flag: bool) -> bool:
    """Return True in every process when ``flag`` is True in at least one."""
    if not context.enabled:
        return flag
    import torch
    import torch.distributed as dist

    value = torch.tensor([1 if flag else 0], dtype=torch.int32)
    dist.all_reduce(value, op=dist.ReduceOp.MAX, group=_cpu_group())
    return bool(value.item())


def mean_over_processes(context: DistributedContext, values):
    """Return the element-wise mean of the float tensor ``values`` over all processes.

    The tensor is moved to the CPU for the gloo group and back to its own device.
    """
    if not context.enabled:
        return values
    import torch.distributed as dist

    summed = values.detach().float().cpu()
    dist.all_reduce(summed, op=dist.ReduceOp.SUM, group=_cpu_group())
    return (summed / context.world_size).to(values.device)


def gather_rows(context: DistributedContext, rows, values, total: int):
    """Put each process's ``values`` (one numpy row per index in ``rows``) back in order.

    Returns an array of ``total`` rows in every process. Raises ``RuntimeError`` when the
    processes together did not cover every row exactly once, which would make metrics wrong.
    """
    import numpy as np
    import torch.distributed as dist

    gathered: list[Any] = [None] * context.world_size
    dist.all_gather_object(gathered, (np.asarray(rows), np.asarray(values)), group=_cpu_group())
    width = next((part.shape[1:] for _, part in gathered if len(part)), np.asarray(values).shape[1:])
    result = np.zeros((total, *width), dtype=np.asarray(values).dtype)
    seen = np.zeros(total, dtype=np.int64)
    for part_rows, part_values in gathered:
        result[part_rows] = part_values
        np.add.at(seen, part_rows, 1)
    if not (seen == 1).all():
        raise RuntimeError(f"The processes scored {int((seen > 0).sum())} of {total} rows, "
                           f"{int((seen > 1).sum())} of them more than once.")
    return result


def shard_rows(context: DistributedContext, rows):
    """Return this process's share of ``rows``: positions ``rank, rank + W, ...`` (``W`` the world size)."""
    return rows[context.rank::context.world_size] if context.enabled else rows
