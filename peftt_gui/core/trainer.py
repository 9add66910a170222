"""The training loop shared by every method.

Speed comes from less padding rather than from a leaner loop. Rows are pre-tokenized once and
batches are grouped by length and padded per batch. Losses stay on the device until a report
is due, so a GPU is not synchronised on every step.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import math
import random
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np
import torch

from .checkpoint import (
    optimizer_from_parts,
    optimizer_to_parts,
    prefixed,
    read_checkpoint,
    restore_rng,
    rng_to_parts,
    unprefixed,
    write_checkpoint,
)
from .config import TrainingConfig
from .distributed import (
    DistributedContext,
    any_process,
    gather_rows,
    mean_over_processes,
    shard_rows,
    share_from_main,
    training_device,
    wrap_model,
)
from .errors import CheckpointError, ResourceError, display_path
from .memory import (
    MemoryEstimate,
    estimate_training_memory,
    free_memory_bytes,
    is_out_of_memory,
    memory_warning,
    release_cached_memory,
)
from .metrics import ClassificationMetrics, classification_metrics
from .state import CallbackList, EpochReport, StepReport, TrainingCallbacks, TrainingState

log = logging.getLogger(__name__)

# Besides every ``log_every`` steps, a single-process run reports its loss at least this often.
REPORT_INTERVAL_S = 1.0


@dataclass
class EncodedSplit:
    """One split after tokenization: ids per row, gold class indices, mask positions."""

    input_ids: list[list[int]]
    labels: np.ndarray
    mask_positions: list[int]

    def __len__(self) -> int:
        return len(self.input_ids)

    @property
    def lengths(self) -> np.ndarray:
        return np.fromiter((len(ids) for ids in self.input_ids), dtype=np.int64, count=len(self.input_ids))

    def subset(self, rows: Sequence[int]) -> "EncodedSplit":
        """Return the rows at the positions ``rows``, in that order."""
        return EncodedSplit([self.input_ids[i] for i in rows], self.labels[np.asarray(rows, dtype=np.int64)],
                            [self.mask_positions[i] for i in rows])


@dataclass
class EvaluationResult:
    metrics: ClassificationMetrics
    predictions: np.ndarray
    logits: np.ndarray


@dataclass
class TrainResult:
    status: str                                    # finished or cancelled
    best_epoch: int | None
    best_validation: ClassificationMetrics | None
    validation_predictions: list[int] | None
    test: ClassificationMetrics | None
    test_predictions: list[int] | None
    epochs: list[EpochReport]
    steps: int
    duration_s: float
    peak_memory_bytes: int
    device: str
    precision: str
    warnings: list[str] = field(default_factory=list)
    batch_size: int = 0                            # rows per forward pass at the end
    gradient_accumulation: int = 1                 # forward passes per optimizer step at the end
    memory_estimate_bytes: int | None = None
    world_size: int = 1                            # processes that trained together (torchrun)


def choose_device(requested: str = "auto") -> torch.device:
    """Pick CUDA, then MPS, then CPU (or the requested device when it exists)."""
    if requested == "cuda" or (requested == "auto" and torch.cuda.is_available()):
        if not torch.cuda.is_available():
            raise ResourceError("CUDA was requested but no CUDA device is available. Choose device auto or cpu.")
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if requested == "mps" or (requested == "auto" and mps is not None and mps.is_available()):
        if mps is None or not mps.is_available():
            raise ResourceError("MPS was requested but is not available. Choose device auto or cpu.")
        return torch.device("mps")
    return torch.device("cpu")


def choose_precision(requested: str, device: torch.device) -> tuple[torch.dtype | None, str | None]:
    """Return the autocast dtype (None for fp32) and a warning when the request cannot be met."""
    if device.type == "cuda":
        bf16 = torch.cuda.is_bf16_supported()
        if requested in ("auto", "bf16") and bf16:
            return torch.bfloat16, None
        if requested in ("auto", "fp16") or (requested == "bf16" and not bf16):
            warning = None if requested != "bf16" else "bf16 is not supported on this GPU; using fp16."
            return torch.float16, warning
        return None, None
    if requested in ("fp16", "bf16"):
        return None, f"Mixed precision ({requested}) is not supported on {device.type}; training in fp32."
    return None, None


def length_grouped_batches(lengths: np.ndarray, batch_size: int, rng: np.random.Generator,
                           group_batches: int = 50) -> list[np.ndarray]:
    """Shuffle rows, sort each group of ``group_batches`` batches by length, then shuffle the batches.

    Rows of similar length share a batch, so per-batch padding wastes little, while the
    order across batches stays random.
    """
    order = rng.permutation(len(lengths))
    group = batch_size * group_batches
    batches = []
    for start in range(0, len(order), group):
        chunk = order[start:start + group]
        chunk = chunk[np.argsort(-lengths[chunk], kind="stable")]
        batches.extend(chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def collate(split: EncodedSplit, indices: Sequence[int], pad_id: int, device: torch.device,
            pad_multiple: int = 1) -> dict[str, torch.Tensor]:
    """Pad a batch to its longest row (rounded up to ``pad_multiple``) and move it to ``device``."""
    width = max(len(split.input_ids[i]) for i in indices)
    width = int(math.ceil(width / pad_multiple) * pad_multiple)
    ids = np.full((len(indices), width), pad_id, dtype=np.int64)
    attention = np.zeros((len(indices), width), dtype=np.int64)
    for row, index in enumerate(indices):
        tokens = split.input_ids[index]
        ids[row, :len(tokens)] = tokens
        attention[row, :len(tokens)] = 1
    non_blocking = device.type == "cuda"
    return {
        "input_ids": torch.from_numpy(ids).to(device, non_blocking=non_blocking),
        "attention_mask": torch.from_numpy(attention).to(device, non_blocking=non_blocking),
        "mask_positions": torch.as_tensor([split.mask_positions[i] for i in indices]).to(device),
        "labels": torch.as_tensor(split.labels[list(indices)]).to(device),
    }


def peak_memory_bytes(device: torch.device) -> int:
    """Peak device memory (CUDA) or the process's peak resident set size (CPU)."""
    if device.type == "cuda":
        return int(torch.cuda.max_memory_allocated(device))
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is in KiB on Linux, bytes on macOS
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)


class Trainer:
    """Trains a ``TaskModel`` with AdamW, warm-up and linear decay, and evaluates each epoch.

    A checkpoint is written after each epoch and when training is cancelled. ``fit(resume=True)``
    continues from it with the same batches, dropout masks and optimizer state, so a resumed
    run on the CPU reaches the same weights as an uninterrupted one.
    When a batch does not fit in memory, it is split into micro-batches with gradient
    accumulation, which keeps the optimizer steps and their effective batch unchanged.

    With a ``distributed`` context of several processes (see ``distributed.py``), each process
    trains on its share of every global batch of ``batch_size`` x world size rows, evaluates its
    share of each split, and only process 0 writes checkpoints.
    """

    def __init__(self, model, labels: list[str], train: EncodedSplit, validation: EncodedSplit,
                 test: EncodedSplit | None, config: TrainingConfig, learning_rate: float, pad_id: int,
                 callbacks: TrainingCallbacks | None = None, state: TrainingState | None = None,
                 checkpoint_dir: str | Path | None = None, distributed: DistributedContext | None = None):
        self.model = model
        self.train_model = model           # the model that the forward pass calls: DDP in several processes
        self.distributed = distributed or DistributedContext()
        self.labels = labels
        self.train_split = train
        self.validation_split = validation
        self.test_split = test
        self.config = config
        self.learning_rate = learning_rate
        self.pad_id = pad_id
        self.callbacks = CallbackList([callbacks])
        self.state = state or TrainingState()
        self.checkpoint_dir = Path(checkpoint_dir) if checkpoint_dir else None
        self.warnings: list[str] = []
        self.memory_estimate: MemoryEstimate | None = None

        self.device = training_device(self.distributed, choose_device(config.device))
        self.autocast_dtype, precision_warning = choose_precision(config.mixed_precision, self.device)
        if precision_warning:
            self._warn(precision_warning)
        # Each configured batch is split into this many micro-batches after out-of-memory errors.
        self.micro_splits = 1
        self.eval_batch_size = config.eval_batch_size
        self.pad_multiple = 8 if self.device.type == "cuda" else 1

    @property
    def batch_size(self) -> int:
        """Rows per forward pass: the configured batch size, divided after out-of-memory errors."""
        return math.ceil(self.config.batch_size / self.micro_splits)

    @property
    def accumulation(self) -> int:
        """Forward passes per optimizer step."""
        return self.config.gradient_accumulation * self.micro_splits

    # -- setup -------------------------------------------------------------------------------

    def _warn(self, message: str) -> None:
        log.warning(message)
        self.warnings.append(message)
        self.callbacks.on_message(self.state, "Warning: " + message)

    def _optimizer(self) -> torch.optim.Optimizer:
        decay, no_decay = [], []
        for name, parameter in self.model.named_parameters():
            if not parameter.requires_grad:
                continue
            (no_decay if parameter.ndim < 2 or "LayerNorm" in name or "layer_norm" in name else decay).append(parameter)
        groups = [{"params": decay, "weight_decay": self.config.weight_decay},
                  {"params": no_decay, "weight_decay": 0.0}]
        fused = self.device.type == "cuda"
        return torch.optim.AdamW(groups, lr=self.learning_rate, fused=fused)

    def _scheduler(self, optimizer, total_steps: int):
        warmup = int(total_steps * self.config.warmup_ratio)

        def factor(step: int) -> float:
            if step < warmup:
                return (step + 1) / max(warmup, 1)
            return max(0.0, (total_steps - step) / max(total_steps - warmup, 1))

        return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)

    def _class_weights(self) -> torch.Tensor | None:
        if not self.config.class_weights:
            return None
        counts = np.bincount(self.train_split.labels, minlength=len(self.labels)).astype(np.float64)
        weights = np.where(counts > 0, counts.sum() / (len(self.labels) * np.maximum(counts, 1)), 0.0)
        return torch.tensor(weights, dtype=torch.float32, device=self.device)

    @property
    def global_batch_size(self) -> int:
        """Rows per batch over all processes: the configured batch size times the world size."""
        return self.config.batch_size * self.distributed.world_size

    def steps_per_epoch(self) -> int:
        batches = math.ceil(len(self.train_split) / self.global_batch_size)
        return math.ceil(batches / self.config.gradient_accumulation)

    def _check_memory(self) -> None:
        """Estimate the peak training memory and warn when the device has less free.

        Call before the model moves to the device, so the free memory does not already
        exclude the weights.
        """
        trainable = total = 0
        for parameter in {id(p): p for p in self.model.parameters()}.values():
            total += parameter.numel()
            trainable += parameter.numel() if parameter.requires_grad else 0
        network_config = getattr(getattr(self.model, "network", None), "config", None)
        length = int(self.train_split.lengths.max()) if len(self.train_split) else 0

        self.memory_estimate = estimate_training_memory(
            total_params=total, trainable_params=trainable, batch_size=self.batch_size, length=length,
            hidden_size=getattr(network_config, "hidden_size", 0) or 0,
            num_layers=getattr(network_config, "num_hidden_layers", 0) or 0,
            num_heads=getattr(network_config, "num_attention_heads", 0) or 0,
            activation_bytes=4 if self.autocast_dtype is None else 2)
        log.info("Estimated peak training memory: %s", self.memory_estimate.describe())
        free = free_memory_bytes(self.device)
        first = next(self.model.parameters(), None)
        if free is not None and first is not None and first.device.type == self.device.type:
            free += self.memory_estimate.parameters  # the weights already take their share of that memory
        warning = memory_warning(self.memory_estimate, self.device, free)
        if warning:
            self._warn(warning)

    # -- training ----------------------------------------------------------------------------

    def fit(self, resume: bool = False) -> TrainResult:
        """Train for the configured epochs, or continue from the checkpoint with ``resume``."""
        started = time.monotonic()
        seed_everything(self.config.seed)
        self._check_memory()
        self.model.to(self.device)
        if self.device.type == "cuda":
            torch.cuda.reset_peak_memory_stats(self.device)
        self.train_model = wrap_model(self.model, self.distributed, self.device)

        optimizer = self._optimizer()
        total_steps = self.steps_per_epoch() * self.config.epochs
        scheduler = self._scheduler(optimizer, total_steps)
        scaler = torch.amp.GradScaler("cuda") if self.autocast_dtype == torch.float16 else None
        loss_function = torch.nn.CrossEntropyLoss(weight=self._class_weights())

        self.state.total_steps = total_steps
        self.state.phase = "training"
        history = _History()
        if resume:
            history = self._load_checkpoint(optimizer, scheduler, scaler)
        self.callbacks.on_start(self.state)

        status = "finished"
        for epoch in range(history.epochs_done + 1, self.config.epochs + 1):
            if self._stops_early(history):
                break
            epoch_started = time.monotonic()
            progress = self._train_epoch(epoch, optimizer, scheduler, scaler, loss_function, history.partial)
            history.partial = None
            if progress.cancelled:
                status = "cancelled"
                history.partial = progress
                self._save_checkpoint(optimizer, scheduler, scaler, history, started)
                break

            self.state.phase = "evaluating"
            validation = self.evaluate(self.validation_split)
            is_best = history.best is None or validation.metrics.macro_f1 > history.best.metrics.macro_f1
            if is_best:
                history.best = validation
                history.best_epoch = epoch
                history.best_state = self.model.trainable_state()
                history.epochs_without_gain = 0
            else:
                history.epochs_without_gain += 1
            report = EpochReport(epoch, progress.train_loss, validation.metrics,
                                 time.monotonic() - epoch_started, is_best)
            history.reports.append(report)
            history.epochs_done = epoch
            self.state.latest_validation_f1 = validation.metrics.macro_f1

            # The checkpoint comes first because the callbacks record the epoch as finished in the
            # history: a run recorded up to epoch N can always resume from epoch N.
            self._save_checkpoint(optimizer, scheduler, scaler, history, started)
            self.callbacks.on_epoch(self.state, report)
            self.state.phase = "training"

        # Dropped here so that the DDP wrapper can be freed before distributed.shutdown() destroys the
        # process group, which its reducer uses.
        self.train_model = self.model
        return self._finish(history, status, started)

    def _stops_early(self, history: "_History") -> bool:
        patience = self.config.early_stopping_patience
        # Every process computes the same metrics, but process 0 decides, so that no process
        # can wait for a step that the others never take.
        stop = share_from_main(
            self.distributed, lambda: bool(patience) and history.epochs_without_gain >= patience)
        if not stop:
            return False
        self.callbacks.on_message(self.state, f"Early stopping after epoch {history.epochs_done}: no better "
                                              f"validation macro-F1 for {patience} epochs.")
        return True

    def _train_epoch(self, epoch: int, optimizer, scheduler, scaler, loss_function,
                     start: "_EpochProgress | None") -> "_EpochProgress":
        """Train one epoch, from its first batch or from where a cancelled run stopped (``start``)."""
        self.model.train()
        rng = np.random.default_rng(self.config.seed * 1000 + epoch)  # same batches after a resume
        # Global batches: every process builds the same ones and trains on its share of each.
        batches = length_grouped_batches(self.train_split.lengths, self.global_batch_size, rng)
        window_size = self.config.gradient_accumulation
        steps_in_epoch = math.ceil(len(batches) / window_size)
        progress = start if start is not None and start.epoch == epoch else _EpochProgress(epoch)
        progress.cancelled = False
        start_sum = progress.loss_sum
        loss_sum = torch.tensor(progress.loss_sum, dtype=torch.float32, device=self.device)
        pending_losses: list[torch.Tensor] = []
        pending_steps: list[tuple[int, float, float]] = []
        last_report = time.monotonic()

        while progress.batches_done < len(batches):
            window = batches[progress.batches_done:progress.batches_done + window_size]
            window_loss = self._accumulate_gradients(window, optimizer, scaler, loss_function, epoch)
            self._optimizer_step(optimizer, scheduler, scaler)
            progress.batches_done += len(window)
            progress.steps_done += 1
            self.state.step += 1
            self.state.epoch = epoch - 1 + progress.steps_done / steps_in_epoch
            pending_losses.append(window_loss)
            pending_steps.append((self.state.step, self.state.epoch, scheduler.get_last_lr()[0]))
            loss_sum += window_loss

            last_window = progress.batches_done == len(batches)
            due = len(pending_losses) >= self.config.log_every or last_window
            if not due and not self.distributed.enabled:
                # Slow steps (a large model on a CPU) must not leave the loss plot empty for
                # minutes. Several processes cannot do this: they must flush at the same steps.
                due = time.monotonic() - last_report >= REPORT_INTERVAL_S
            if due:
                self._flush_steps(pending_losses, pending_steps)
                pending_losses, pending_steps = [], []
                last_report = time.monotonic()
            if self._cancel_agreed():
                self._flush_steps(pending_losses, pending_steps)
                progress.loss_sum = self._epoch_loss_sum(loss_sum, start_sum)
                progress.cancelled = True
                return progress

        progress.loss_sum = self._epoch_loss_sum(loss_sum, start_sum)
        progress.train_loss = progress.loss_sum / max(steps_in_epoch, 1)
        return progress

    def _cancel_agreed(self) -> bool:
        """Return whether to stop after this step: in several processes, when any of them was asked to."""
        if not self.distributed.enabled:
            return self.state.cancel_requested
        return any_process(self.distributed, self.state.cancel_requested)

    def _epoch_loss_sum(self, loss_sum: torch.Tensor, start_sum: float) -> float:
        """Return the epoch's summed step losses, averaged over the processes since ``start_sum``."""
        if not self.distributed.enabled:
            return float(loss_sum.item())
        # The sum restored from a checkpoint is already the average, so only the new part is averaged.
        new_part = mean_over_processes(self.distributed, (loss_sum - start_sum).reshape(1))
        return start_sum + float(new_part.item())

    def _accumulate_gradients(self, window: list[np.ndarray], optimizer, scaler, loss_function,
                              epoch: int) -> torch.Tensor:
        """Run forward and backward over the batches of one optimizer step and return their loss.

        After an out-of-memory error, the window's gradients are dropped, its batches are split
        in two and the window runs again. When one row per batch still fails, ResourceError is raised.
        NOTE: with several processes, recovery is tested only for errors before the window's last
        backward pass. An error during that pass may leave DistributedDataParallel halfway through
        averaging the gradients.
        """
        while True:
            try:
                return self._forward_backward(window, scaler, loss_function)
            except RuntimeError as error:  # torch.cuda.OutOfMemoryError is a RuntimeError
                if not is_out_of_memory(error):
                    raise
                reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            # Outside the except block, the traceback no longer holds the failed batch's tensors.
            optimizer.zero_grad(set_to_none=True)
            release_cached_memory(self.device)
            self._split_batches(reason, epoch)

    def _forward_backward(self, window: list[np.ndarray], scaler, loss_function) -> torch.Tensor:
        window_loss = torch.zeros((), device=self.device)
        parts = [part for indices in window for part in self._micro_batches(indices)]
        for position, (part, share) in enumerate(parts):
            # DistributedDataParallel averages gradients at the window's last backward pass only.
            synchronise = position == len(parts) - 1
            with self._gradient_sync(synchronise):
                batch = collate(self.train_split, part, self.pad_id, self.device, self.pad_multiple)
                with torch.autocast(self.device.type, dtype=self.autocast_dtype,
                                    enabled=self.autocast_dtype is not None):
                    logits = self.train_model(batch["input_ids"], batch["attention_mask"], batch["mask_positions"])
                    loss = loss_function(logits.float(), batch["labels"])
                if share != 1.0:
                    loss = loss * share
                scaled = loss / self.config.gradient_accumulation
                (scaler.scale(scaled) if scaler else scaled).backward()
                window_loss += scaled.detach()
        return window_loss

    def _micro_batches(self, indices: np.ndarray) -> list[tuple[np.ndarray, float]]:
        """Split this process's rows of the global batch ``indices`` into micro-batches, each with its share.

        A share scales the micro-batch's mean loss so that, after the processes' gradients are
        averaged, the shares add up to the mean loss over the global batch. A process with no
        rows in the batch scores one row with share 0, because every process must take part in
        the gradient averaging.
        """
        rows = shard_rows(self.distributed, indices)
        world_size = self.distributed.world_size
        if len(rows) == 0:
            return [(indices[:1], 0.0)]
        if self.micro_splits == 1:
            return [(rows, world_size * len(rows) / len(indices))]
        parts = [part for part in np.array_split(rows, self.micro_splits) if len(part)]
        return [(part, world_size * len(part) / len(indices)) for part in parts]

    def _gradient_sync(self, synchronise: bool):
        if synchronise or self.train_model is self.model:
            return contextlib.nullcontext()
        return self.train_model.no_sync()

    def _split_batches(self, reason: str, epoch: int) -> None:
        """Halve the rows per forward pass and double the accumulation, or raise at one row."""
        if self.batch_size <= 1:
            longest = int(self.train_split.lengths.max()) if len(self.train_split) else 0
            raise ResourceError(f"Out of memory on {self.device} even with one row per batch ({reason}). Lower the "
                                f"max length (the longest row has {longest} tokens), or choose a smaller model "
                                "or the LoRA method.")
        before = self.batch_size
        self.micro_splits *= 2
        effective = self.config.batch_size * self.config.gradient_accumulation
        self._warn(f"Out of memory on {self.device} at batch size {before} ({reason}). Continuing with batch size "
                   f"{self.batch_size} and gradient accumulation {self.accumulation}, so each optimizer step "
                   f"still sees {effective} rows; epoch {epoch} goes on from its current optimizer step.")

    def _optimizer_step(self, optimizer, scheduler, scaler) -> None:
        if scaler:
            scaler.unscale_(optimizer)
        if self.config.max_grad_norm > 0:
            torch.nn.utils.clip_grad_norm_([p for p in self.model.parameters() if p.requires_grad],
                                           self.config.max_grad_norm)
        if scaler:
            scaler.step(optimizer)
            scaler.update()
        else:
            optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)

    def _flush_steps(self, losses: list[torch.Tensor], steps: list[tuple[int, float, float]]) -> None:
        # Every process reaches its flushes at the same steps, so the collective below is matched.
        if not losses:
            return
        stacked = mean_over_processes(self.distributed, torch.stack(losses).float())
        values = stacked.cpu().tolist()  # one host sync per report
        reports = [StepReport(step, epoch, loss, lr) for (step, epoch, lr), loss in zip(steps, values)]
        self.state.latest_loss = reports[-1].loss
        self.callbacks.on_steps(self.state, reports)

    # -- evaluation --------------------------------------------------------------------------

    def evaluate(self, split: EncodedSplit) -> EvaluationResult:
        """Score a whole split in length-sorted batches and compute its metrics.

        In several processes, each scores its share of the rows and every process gets the
        logits of the whole split, so the metrics cover each row exactly once.
        """
        if self.distributed.enabled:
            # Every W-th row by length gives each process a similar amount of padding.
            rows = shard_rows(self.distributed, np.argsort(-split.lengths, kind="stable"))
            local_logits = self._predict_logits(split.subset(rows))
            logits = gather_rows(self.distributed, rows, local_logits, len(split))
        else:
            logits = self._predict_logits(split)
        predictions = logits.argmax(axis=1)
        return EvaluationResult(classification_metrics(split.labels, predictions, self.labels), predictions, logits)

    def _predict_logits(self, split: EncodedSplit) -> np.ndarray:
        """Score ``split`` in this process; after an out-of-memory error, halve the batch and score it again."""
        was_training = self.model.training
        while True:
            try:
                logits = predict_logits(self.model, split, self.pad_id, self.device, self.eval_batch_size,
                                        self.autocast_dtype, self.pad_multiple)
                self.model.train(was_training)
                return logits
            except RuntimeError as error:
                if not is_out_of_memory(error):
                    raise
                reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            release_cached_memory(self.device)
            if self.eval_batch_size <= 1:
                raise ResourceError(f"Out of memory on {self.device} while evaluating even one row per batch "
                                    f"({reason}). Lower the max length, or choose a smaller model.")
            self.eval_batch_size = max(1, self.eval_batch_size // 2)
            self._warn(f"Out of memory on {self.device} while evaluating ({reason}); evaluating with batch size "
                       f"{self.eval_batch_size}.")

    def _finish(self, history: "_History", status: str, started: float) -> TrainResult:
        test_result = None
        if history.best_state is not None:
            self.model.load_trainable_state(history.best_state)
            if self.test_split is not None and len(self.test_split):
                self.state.phase = "testing"
                test_result = self.evaluate(self.test_split)
        self.state.phase = "done"
        best = history.best
        return TrainResult(
            status=status,
            best_epoch=history.best_epoch,
            best_validation=best.metrics if best else None,
            validation_predictions=np.asarray(best.predictions).tolist() if best else None,
            test=test_result.metrics if test_result else None,
            test_predictions=test_result.predictions.tolist() if test_result else None,
            epochs=history.reports,
            steps=self.state.step,
            duration_s=history.elapsed_s + time.monotonic() - started,
            peak_memory_bytes=peak_memory_bytes(self.device),
            device=str(self.device),
            precision=str(self.autocast_dtype).replace("torch.", "") if self.autocast_dtype else "fp32",
            warnings=list(self.warnings),
            batch_size=self.batch_size,
            gradient_accumulation=self.accumulation,
            memory_estimate_bytes=None if self.memory_estimate is None else self.memory_estimate.total,
            world_size=self.distributed.world_size,
        )

    # -- checkpoints -------------------------------------------------------------------------

    def _save_checkpoint(self, optimizer, scheduler, scaler, history: "_History", started: float) -> None:
        """Write everything needed to resume at this point (see ``checkpoint.py``), atomically.

        In several processes only process 0 writes. Its random states are the ones saved, so a
        resumed multi-process run draws other dropout masks than an uninterrupted one would.
        """
        if not self.config.checkpoint_every_epoch or self.checkpoint_dir is None or not self.distributed.is_main:
            return
        optimizer_tensors, optimizer_data = optimizer_to_parts(optimizer.state_dict())
        rng_tensors, rng_data = rng_to_parts()
        tensors = {**prefixed("trainable", self.model.trainable_state()), **optimizer_tensors, **rng_tensors}
        best = history.best
        if history.best_state is not None:
            tensors.update(prefixed("best", history.best_state))
        if best is not None:
            tensors["best_logits"] = torch.from_numpy(np.asarray(best.logits, dtype=np.float32))
            tensors["best_predictions"] = torch.from_numpy(np.asarray(best.predictions, dtype=np.int64))

        partial = history.partial
        state = {
            "step": self.state.step,
            "total_steps": self.state.total_steps,
            "train_rows": len(self.train_split),
            "world_size": self.distributed.world_size,
            "epochs_done": history.epochs_done,
            "partial_epoch": None if partial is None else dataclasses.asdict(partial),
            "best_epoch": history.best_epoch,
            "best_metrics": None if best is None else best.metrics.to_dict(),
            "epochs_without_gain": history.epochs_without_gain,
            "reports": [_report_to_dict(report) for report in history.reports],
            "optimizer": optimizer_data,
            "scheduler": scheduler.state_dict(),
            "scaler": None if scaler is None else scaler.state_dict(),
            "rng": rng_data,
            "micro_splits": self.micro_splits,
            "eval_batch_size": self.eval_batch_size,
            "warnings": self.warnings,
            "elapsed_s": history.elapsed_s + time.monotonic() - started,
        }
        write_checkpoint(self.checkpoint_dir, tensors, state)

    def _load_checkpoint(self, optimizer, scheduler, scaler) -> "_History":
        if self.checkpoint_dir is None:
            raise CheckpointError("This run has no checkpoint folder, so it cannot resume.")
        tensors, state = read_checkpoint(self.checkpoint_dir)
        self._check_checkpoint_matches(state)
        try:
            self.model.load_trainable_state(unprefixed("trainable", tensors))
            optimizer.load_state_dict(optimizer_from_parts(tensors, state["optimizer"]))
        except (KeyError, ValueError, RuntimeError) as error:
            raise CheckpointError(f"The checkpoint in {display_path(self.checkpoint_dir)} does not match this "
                                  f"model or method ({error}). Resume with the run's own settings.") from None
        scheduler.load_state_dict(state["scheduler"])
        if scaler is not None and state["scaler"]:
            scaler.load_state_dict(state["scaler"])
        self.state.step = state["step"]
        self.micro_splits = state["micro_splits"]
        self.eval_batch_size = state["eval_batch_size"]
        self.warnings = state["warnings"] + [message for message in self.warnings if message not in state["warnings"]]

        history = _History(epochs_done=state["epochs_done"], best_epoch=state["best_epoch"],
                           best_state=unprefixed("best", tensors) or None,
                           epochs_without_gain=state["epochs_without_gain"], elapsed_s=state["elapsed_s"])
        if state["best_metrics"] is not None:
            history.best = EvaluationResult(ClassificationMetrics(**state["best_metrics"]),
                                            tensors["best_predictions"].numpy(), tensors["best_logits"].numpy())
        history.reports = [_report_from_dict(item) for item in state["reports"]]
        if state["partial_epoch"] is not None:
            history.partial = _EpochProgress(**state["partial_epoch"])

        restore_rng(tensors, state["rng"])
        where = (f"epoch {history.partial.epoch} at step {self.state.step}" if history.partial
                 else f"the end of epoch {history.epochs_done}")
        self.callbacks.on_message(self.state, f"Resumed from {where}.")
        log.info("Resumed training from %s (%s)", where, display_path(self.checkpoint_dir))
        return history

    def _check_checkpoint_matches(self, state: dict) -> None:
        written_by = state.get("world_size", 1)  # checkpoints before multi-process training lack the key
        if written_by != self.distributed.world_size:
            raise CheckpointError(f"The checkpoint in {display_path(self.checkpoint_dir)} was written by a run of "
                                  f"{written_by} process(es), but this run has {self.distributed.world_size}. "
                                  f"Resume it with {written_by} process(es), because the batches depend on it.")
        expected = (len(self.train_split), self.state.total_steps)
        found = (state["train_rows"], state["total_steps"])
        if expected != found:
            raise CheckpointError(f"The checkpoint in {display_path(self.checkpoint_dir)} was written for "
                                  f"{found[0]} training rows and {found[1]} optimizer steps, but this run has "
                                  f"{expected[0]} rows and {expected[1]} steps. Resume with the same data and "
                                  "settings, or start a new run.")


@dataclass
class _EpochProgress:
    """How far training got in one epoch; kept in the checkpoint when a run is cancelled."""

    epoch: int
    batches_done: int = 0
    steps_done: int = 0
    loss_sum: float = 0.0
    train_loss: float = math.nan
    cancelled: bool = False


@dataclass
class _History:
    epochs_done: int = 0
    best: EvaluationResult | None = None
    best_epoch: int | None = None
    best_state: dict | None = None
    epochs_without_gain: int = 0
    reports: list[EpochReport] = field(default_factory=list)
    partial: _EpochProgress | None = None
    elapsed_s: float = 0.0


def _report_to_dict(report: EpochReport) -> dict:
    return {"epoch": report.epoch, "train_loss": report.train_loss, "validation": report.validation.to_dict(),
            "duration_s": report.duration_s, "is_best": report.is_best}


def _report_from_dict(data: dict) -> EpochReport:
    return EpochReport(data["epoch"], data["train_loss"], ClassificationMetrics(**data["validation"]),
                       data["duration_s"], data["is_best"])


@torch.inference_mode()
def evaluate_model(model, split: EncodedSplit, labels: list[str], pad_id: int, device: torch.device,
                   batch_size: int = 128, autocast_dtype: torch.dtype | None = None,
                   pad_multiple: int = 1) -> EvaluationResult:
    """Score ``split`` without gradients, in length-sorted batches; rows keep their order in the result."""
    logits = predict_logits(model, split, pad_id, device, batch_size, autocast_dtype, pad_multiple)
    predictions = logits.argmax(axis=1)
    metrics = classification_metrics(split.labels, predictions, labels)
    return EvaluationResult(metrics, predictions, logits)


@torch.inference_mode()
def predict_logits(model, split: EncodedSplit, pad_id: int, device: torch.device, batch_size: int = 128,
                   autocast_dtype: torch.dtype | None = None, pad_multiple: int = 1) -> np.ndarray:
    was_training = model.training
    model.eval()
    order = np.argsort(-split.lengths, kind="stable")
    outputs = []
    for start in range(0, len(order), batch_size):
        indices = order[start:start + batch_size]
        batch = collate(split, indices, pad_id, device, pad_multiple)
        with torch.autocast(device.type, dtype=autocast_dtype, enabled=autocast_dtype is not None):
            outputs.append(model(batch["input_ids"], batch["attention_mask"], batch["mask_positions"]).float())
    model.train(was_training)
    if not outputs:
        return np.zeros((0, len(getattr(model, "labels", []))), dtype=np.float32)
    stacked = torch.cat(outputs).cpu().numpy()
    result = np.empty_like(stacked)
    result[order] = stacked
    return result
