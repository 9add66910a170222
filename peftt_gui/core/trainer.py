"""The training loop shared by every method.

Speed comes from less padding rather than from a leaner loop. Rows are pre-tokenized once and
batches are grouped by length and padded per batch. Losses stay on the device until a report
is due, so a GPU is not synchronised on every step.
"""

from __future__ import annotations

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

from .config import TrainingConfig
from .errors import ResourceError
from .metrics import ClassificationMetrics, classification_metrics
from .state import CallbackList, EpochReport, StepReport, TrainingCallbacks, TrainingState

log = logging.getLogger(__name__)

CHECKPOINT_NAME = "checkpoint.pt"


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
    batch_size: int = 0
    gradient_accumulation: int = 1


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
    """Trains a ``TaskModel`` with AdamW, warm-up and linear decay, and evaluates each epoch."""

    def __init__(self, model, labels: list[str], train: EncodedSplit, validation: EncodedSplit,
                 test: EncodedSplit | None, config: TrainingConfig, learning_rate: float, pad_id: int,
                 callbacks: TrainingCallbacks | None = None, state: TrainingState | None = None,
                 checkpoint_dir: str | Path | None = None):
        self.model = model
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

        self.device = choose_device(config.device)
        self.autocast_dtype, precision_warning = choose_precision(config.mixed_precision, self.device)
        if precision_warning:
            self._warn(precision_warning)
        self.batch_size = config.batch_size
        self.accumulation = config.gradient_accumulation
        self.pad_multiple = 8 if self.device.type == "cuda" else 1

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

    def steps_per_epoch(self) -> int:
        batches = math.ceil(len(self.train_split) / self.batch_size)
        return math.ceil(batches / self.accumulation)

    # -- training ----------------------------------------------------------------------------

    def fit(self, resume: bool = False) -> TrainResult:
        started = time.monotonic()
        seed_everything(self.config.seed)
        self.model.to(self.device)
        if self.device.type == "cuda":
            torch.cuda.reset_peak_memory_stats(self.device)

        optimizer = self._optimizer()
        total_steps = self.steps_per_epoch() * self.config.epochs
        scheduler = self._scheduler(optimizer, total_steps)
        scaler = torch.amp.GradScaler("cuda") if self.autocast_dtype == torch.float16 else None
        loss_function = torch.nn.CrossEntropyLoss(weight=self._class_weights())

        self.state.total_steps = total_steps
        self.state.phase = "training"
        history = _History()
        if resume:
            history = self._load_checkpoint(optimizer, scheduler)
        self.callbacks.on_start(self.state)

        status = "finished"
        for epoch in range(history.epochs_done + 1, self.config.epochs + 1):
            epoch_started = time.monotonic()
            train_loss, cancelled = self._train_epoch(epoch, optimizer, scheduler, scaler, loss_function)
            if cancelled:
                status = "cancelled"
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
            report = EpochReport(epoch, train_loss, validation.metrics, time.monotonic() - epoch_started, is_best)
            history.reports.append(report)
            history.epochs_done = epoch
            self.state.latest_validation_f1 = validation.metrics.macro_f1
            self.callbacks.on_epoch(self.state, report)
            if self.config.checkpoint_every_epoch and self.checkpoint_dir is not None:
                self._save_checkpoint(optimizer, scheduler, history)
            self.state.phase = "training"

            patience = self.config.early_stopping_patience
            if patience and history.epochs_without_gain >= patience:
                self.callbacks.on_message(self.state, f"Early stopping after epoch {epoch}: no better validation "
                                                      f"macro-F1 for {patience} epochs.")
                break

        return self._finish(history, status, started)

    def _train_epoch(self, epoch: int, optimizer, scheduler, scaler, loss_function) -> tuple[float, bool]:
        self.model.train()
        rng = np.random.default_rng(self.config.seed * 1000 + epoch)  # same batches after a resume
        batches = length_grouped_batches(self.train_split.lengths, self.batch_size, rng)
        steps_in_epoch = math.ceil(len(batches) / self.accumulation)
        pending_losses: list[torch.Tensor] = []
        pending_steps: list[tuple[int, float, float]] = []
        epoch_loss_sum = torch.zeros((), device=self.device)
        accumulated = torch.zeros((), device=self.device)
        optimizer.zero_grad(set_to_none=True)

        for batch_index, indices in enumerate(batches):
            batch = collate(self.train_split, indices, self.pad_id, self.device, self.pad_multiple)
            with torch.autocast(self.device.type, dtype=self.autocast_dtype, enabled=self.autocast_dtype is not None):
                logits = self.model(batch["input_ids"], batch["attention_mask"], batch["mask_positions"])
                loss = loss_function(logits.float(), batch["labels"])
            scaled = loss / self.accumulation
            (scaler.scale(scaled) if scaler else scaled).backward()
            accumulated += scaled.detach()

            last_batch = batch_index + 1 == len(batches)
            if (batch_index + 1) % self.accumulation and not last_batch:
                continue
            self._optimizer_step(optimizer, scheduler, scaler)
            self.state.step += 1
            step_in_epoch = (batch_index // self.accumulation) + 1
            self.state.epoch = epoch - 1 + step_in_epoch / steps_in_epoch
            pending_losses.append(accumulated)
            pending_steps.append((self.state.step, self.state.epoch, scheduler.get_last_lr()[0]))
            epoch_loss_sum += accumulated
            accumulated = torch.zeros((), device=self.device)

            if len(pending_losses) >= self.config.log_every or last_batch:
                self._flush_steps(pending_losses, pending_steps)
                pending_losses, pending_steps = [], []
            if self.state.cancel_requested:
                self._flush_steps(pending_losses, pending_steps)
                return float("nan"), True

        return float(epoch_loss_sum.item()) / max(steps_in_epoch, 1), False

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
        if not losses:
            return
        values = torch.stack(losses).float().cpu().tolist()  # one host sync per report
        reports = [StepReport(step, epoch, loss, lr) for (step, epoch, lr), loss in zip(steps, values)]
        self.state.latest_loss = reports[-1].loss
        self.callbacks.on_steps(self.state, reports)

    # -- evaluation --------------------------------------------------------------------------

    @torch.inference_mode()
    def evaluate(self, split: EncodedSplit) -> EvaluationResult:
        """Score a whole split in length-sorted batches and compute its metrics."""
        return evaluate_model(self.model, split, self.labels, self.pad_id, self.device,
                              self.config.eval_batch_size, self.autocast_dtype, self.pad_multiple)

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
            validation_predictions=best.predictions.tolist() if best else None,
            test=test_result.metrics if test_result else None,
            test_predictions=test_result.predictions.tolist() if test_result else None,
            epochs=history.reports,
            steps=self.state.step,
            duration_s=time.monotonic() - started,
            peak_memory_bytes=peak_memory_bytes(self.device),
            device=str(self.device),
            precision=str(self.autocast_dtype).replace("torch.", "") if self.autocast_dtype else "fp32",
            warnings=list(self.warnings),
            batch_size=self.batch_size,
            gradient_accumulation=self.accumulation,
        )

    # -- checkpoints -------------------------------------------------------------------------

    def _save_checkpoint(self, optimizer, scheduler, history: "_History") -> None:
        """Write everything needed to resume after this epoch, atomically."""
        self.checkpoint_dir.mkdir(parents=True, exist_ok=True)
        payload = {
            "trainable": self.model.trainable_state(),
            "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(),
            "step": self.state.step,
            "epochs_done": history.epochs_done,
            "best_epoch": history.best_epoch,
            "best_state": history.best_state,
            "best_predictions": None if history.best is None else history.best.predictions,
            "best_logits": None if history.best is None else history.best.logits,
            "best_metrics": None if history.best is None else history.best.metrics.to_dict(),
            "epochs_without_gain": history.epochs_without_gain,
            "reports": [_report_to_dict(report) for report in history.reports],
            "rng": {"python": random.getstate(), "numpy": np.random.get_state(),
                    "torch": torch.get_rng_state(),
                    "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None},
        }
        temporary = self.checkpoint_dir / (CHECKPOINT_NAME + ".tmp")
        torch.save(payload, temporary)
        temporary.replace(self.checkpoint_dir / CHECKPOINT_NAME)

    def _load_checkpoint(self, optimizer, scheduler) -> "_History":
        path = self.checkpoint_dir / CHECKPOINT_NAME if self.checkpoint_dir else None
        if path is None or not path.is_file():
            raise ResourceError(f"No checkpoint to resume from in {self.checkpoint_dir}. The run stopped before "
                                "its first epoch ended; start it again.")
        # The checkpoint contains numpy arrays and Python RNG state, which weights_only cannot load.
        # It is a file this app wrote into the run's own folder, never one from a bundle.
        payload = torch.load(path, map_location=self.device, weights_only=False)
        self.model.load_trainable_state(payload["trainable"])
        optimizer.load_state_dict(payload["optimizer"])
        scheduler.load_state_dict(payload["scheduler"])
        self.state.step = payload["step"]

        history = _History(epochs_done=payload["epochs_done"], best_epoch=payload["best_epoch"],
                           best_state=payload["best_state"], epochs_without_gain=payload["epochs_without_gain"])
        if payload["best_metrics"] is not None:
            history.best = EvaluationResult(ClassificationMetrics(**payload["best_metrics"]),
                                            payload["best_predictions"], payload["best_logits"])
        history.reports = [_report_from_dict(item) for item in payload["reports"]]

        rng = payload["rng"]
        random.setstate(rng["python"])
        np.random.set_state(rng["numpy"])
        torch.set_rng_state(rng["torch"].cpu())
        if rng["cuda"] is not None and torch.cuda.is_available():
            torch.cuda.set_rng_state_all(rng["cuda"])
        self.callbacks.on_message(self.state, f"Resumed after epoch {history.epochs_done}.")
        return history


@dataclass
class _History:
    epochs_done: int = 0
    best: EvaluationResult | None = None
    best_epoch: int | None = None
    best_state: dict | None = None
    epochs_without_gain: int = 0
    reports: list[EpochReport] = field(default_factory=list)


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
