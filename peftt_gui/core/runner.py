"""One run from configuration to history: data, model, method, training, weights and metrics."""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from .config import RunConfig
from .data import DatasetSplits, Example, load_splits, sample_per_class
from .errors import ConfigError, PefttError
from .methods import get_method
from .models import ModelInfo, inspect_model_folder, load_tokenizer
from .normalize import Normalizer, NormalizerConfig
from .state import EpochReport, StepReport, TrainingCallbacks, TrainingState
from .template import PromptEncoder, Template, parse_template, plain_template
from .verbalizer import EncodedVerbalizer, Verbalizer, encode_verbalizer

log = logging.getLogger(__name__)

MANIFEST_NAME = "peftt_run.json"


@dataclass
class PreparedRun:
    """Everything a run needs before the network is built: data, tokenizer, template and ids."""

    config: RunConfig
    splits: DatasetSplits
    model_info: ModelInfo
    tokenizer: Any
    normalizer: Normalizer
    template: Template
    verbalizer: EncodedVerbalizer | None
    encoder: PromptEncoder
    encoded: dict[str, Any]
    truncated: dict[str, int]
    notes: list[str] = field(default_factory=list)


@dataclass
class RunOutcome:
    run_id: int | None
    status: str
    result: Any                      # trainer.TrainResult, or None when the run failed early
    weights_dir: str | None
    trainable_params: int
    total_params: int
    model: Any = None                # the trained TaskModel, best epoch loaded (not stored)
    prepared: PreparedRun | None = None

    @property
    def trainable_percent(self) -> float:
        return 100.0 * self.trainable_params / self.total_params if self.total_params else 0.0


def make_normalizer(mode: str) -> Normalizer:
    return Normalizer(NormalizerConfig.from_mode(mode))


def load_run_data(config: RunConfig, normalizer: Normalizer) -> DatasetSplits:
    """Load the configured splits, then apply the row limits and few-shot sampling."""
    data = config.data
    splits = load_splits(folder=data.folder, train=data.train, validation=data.validation, test=data.test,
                         single_file=data.single_file, split_ratios=tuple(data.split_ratios),
                         seed=config.training.seed, normalizer=normalizer, skip_bad_lines=data.skip_bad_lines,
                         text_column=data.text_column, label_column=data.label_column)
    if not splits.validation:
        raise ConfigError("The data has no validation split, which selects the best epoch. Add a validation "
                          "file or split one file into train/validation/test.", field="data")
    if data.shots_per_class:
        splits.train = sample_per_class(splits.train, data.shots_per_class, config.training.seed)
        splits.notes.append(f"Few-shot: {data.shots_per_class} training rows per class ({len(splits.train)} rows).")
    if data.max_train_rows and len(splits.train) > data.max_train_rows:
        splits.train = stratified_subset(splits.train, data.max_train_rows, config.training.seed)
    if data.max_eval_rows:
        splits.validation = stratified_subset(splits.validation, data.max_eval_rows, config.training.seed)
        splits.test = stratified_subset(splits.test, data.max_eval_rows, config.training.seed)
    return splits


def stratified_subset(examples: list[Example], count: int, seed: int) -> list[Example]:
    """Return ``count`` rows drawn with the seed so that each class keeps its share (at least one row)."""
    if len(examples) <= count:
        return list(examples)
    rng = np.random.default_rng(seed)
    by_label: dict[str, list[int]] = {}
    for index, example in enumerate(examples):
        by_label.setdefault(example.label, []).append(index)
    chosen: list[int] = []
    for label in sorted(by_label):
        indices = by_label[label]
        share = max(1, round(count * len(indices) / len(examples)))
        chosen.extend(rng.permutation(indices)[:share].tolist())
    chosen = sorted(chosen)[: max(count, len(by_label))]
    return [examples[i] for i in chosen]


def prepare_run(config: RunConfig) -> PreparedRun:
    """Load and check data, tokenizer, template and verbalizer, and tokenize every split."""
    spec = get_method(config.method)
    spec.options(config.method_options)  # validate early, before slow work
    normalizer = make_normalizer(config.normalization)
    splits = load_run_data(config, normalizer)
    model_info = inspect_model_folder(config.model_path)
    if spec.uses_template and not model_info.has_mlm_head:
        raise ConfigError(f"The model {model_info.name} has no masked-LM head, which the {spec.name} method needs "
                          "to score label words. Use a method with a classification head (finetune, lora) or a "
                          "masked-LM checkpoint.", field="method")
    tokenizer = load_tokenizer(model_info.path)

    template, verbalizer = plain_template(), None
    if spec.uses_template:
        template = parse_template(config.template, require_mask=True, normalizer=normalizer)
        words = Verbalizer.from_mapping(config.verbalizer, normalizer)
        verbalizer = encode_verbalizer(words, splits.labels, tokenizer, template.mask_suffix)

    max_length = min(config.training.max_length, model_info.max_positions)
    encoder = PromptEncoder(tokenizer, template, max_length)
    encoded, truncated = {}, {}
    for name in ("train", "validation", "test"):
        rows = getattr(splits, name)
        encoded[name] = encode_split(encoder, rows, splits.labels)
        truncated[name] = encoded[name][1]
        encoded[name] = encoded[name][0]

    notes = list(splits.notes)
    if any(truncated.values()):
        notes.append("Rows shortened to max length {}: train {train}, validation {validation}, test {test}."
                     .format(max_length, **truncated))
    return PreparedRun(config, splits, model_info, tokenizer, normalizer, template, verbalizer, encoder,
                       encoded, truncated, notes)


def encode_split(encoder: PromptEncoder, rows: list[Example], labels: list[str]):
    from .trainer import EncodedSplit

    index = {label: i for i, label in enumerate(labels)}
    encoded = encoder.encode([row.text for row in rows])
    gold = np.fromiter((index[row.label] for row in rows), dtype=np.int64, count=len(rows))
    return EncodedSplit(encoded.input_ids, gold, encoded.mask_positions), encoded.truncated


def build_task_model(prepared: PreparedRun):
    from .methods.common import BuildContext

    spec = get_method(prepared.config.method)
    context = BuildContext(spec=spec, model_info=prepared.model_info, tokenizer=prepared.tokenizer,
                           labels=prepared.splits.labels, options=spec.options(prepared.config.method_options),
                           template=prepared.template, verbalizer=prepared.verbalizer)
    return spec.builder().build(context)


def default_runs_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("peftt-studio")) / "runs"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:60] or "run"


class _HistoryWriter(TrainingCallbacks):
    """Writes steps and epochs into the history as the trainer reports them."""

    def __init__(self, storage, run_id: int):
        self.storage = storage
        self.run_id = run_id

    def on_steps(self, state: TrainingState, reports: list[StepReport]) -> None:
        self.storage.add_steps(self.run_id, [(r.step, r.epoch, r.loss, r.learning_rate) for r in reports])
        self.storage.heartbeat(self.run_id)

    def on_epoch(self, state: TrainingState, report: EpochReport) -> None:
        from .storage import EpochRecord

        metrics = report.validation
        self.storage.add_epoch(self.run_id, EpochRecord(
            epoch=report.epoch, train_loss=report.train_loss, val_macro_f1=metrics.macro_f1,
            val_accuracy=metrics.accuracy, val_per_class_f1=metrics.per_class_f1,
            val_confusion=metrics.confusion, duration_s=report.duration_s))
        self.storage.update_run(self.run_id, last_finished_epoch=report.epoch)


def run_training(config: RunConfig, storage=None, callbacks: TrainingCallbacks | None = None,
                 state: TrainingState | None = None, resume_run_id: int | None = None) -> RunOutcome:
    """Run one training from ``config``, recording it in ``storage`` when given.

    With ``resume_run_id``, continue that run from its last checkpoint (same config and seed).
    """
    from .state import CallbackList
    from .trainer import Trainer

    started = time.time()
    state = state or TrainingState()
    spec = get_method(config.method)
    prepared = prepare_run(config)
    for note in prepared.notes:
        log.info(note)
        if callbacks is not None:
            callbacks.on_message(state, note)

    model = build_task_model(prepared)
    trainable, total = model.parameter_counts()
    run_id = None
    if storage is not None:
        run_id = _open_history_row(storage, config, prepared, model, trainable, total, resume_run_id)
    run_dir = Path(config.output_dir) if config.output_dir else default_runs_dir()
    run_dir = run_dir / f"run-{run_id if run_id is not None else int(started)}-{_slug(config.name or spec.name)}"
    log.info("Run %s started: %s on %s, %d of %d parameters trainable (%.2f%%)", run_id, spec.name,
             prepared.model_info.name, trainable, total, 100.0 * trainable / total)

    learning_rate = config.training.learning_rate or spec.default_learning_rate
    writers = [callbacks] + ([_HistoryWriter(storage, run_id)] if storage is not None else [])
    trainer = Trainer(model, prepared.splits.labels, prepared.encoded["train"], prepared.encoded["validation"],
                      prepared.encoded["test"], config.training, learning_rate, prepared.tokenizer.pad_token_id,
                      callbacks=CallbackList(writers), state=state, checkpoint_dir=run_dir / "checkpoint")
    try:
        result = trainer.fit(resume=resume_run_id is not None)
    except BaseException as error:
        if storage is not None:
            message = str(error) if isinstance(error, PefttError) else f"{type(error).__name__}: {error}"
            storage.finish_run(run_id, "failed", error=message, warnings=trainer.warnings)
        raise

    weights_dir = None
    if result.best_epoch is not None:
        state.phase = "saving"
        weights_dir = save_trained(model, prepared, run_dir / "weights", result)
    if storage is not None:
        _record_result(storage, run_id, result, weights_dir, prepared)
    (callbacks or TrainingCallbacks()).on_end(state, result.status)
    log.info("Run %s %s in %.0f s: validation macro-F1 %s, test macro-F1 %s", run_id, result.status,
             result.duration_s, _format(result.best_validation), _format(result.test))
    return RunOutcome(run_id, result.status, result, None if weights_dir is None else str(weights_dir),
                      trainable, total, model=model, prepared=prepared)


def _format(metrics) -> str:
    return "n/a" if metrics is None else f"{metrics.macro_f1:.4f}"


def _open_history_row(storage, config, prepared, model, trainable, total, resume_run_id) -> int:
    if resume_run_id is not None:
        storage.update_run(resume_run_id, status="running", pid=os.getpid(), hostname=socket.gethostname(),
                           finished_at=None, error=None)
        return resume_run_id
    record = storage.create_run(
        name=config.name or f"{config.method} on {prepared.model_info.name}",
        method=config.method, model_path=prepared.model_info.path, model_name=prepared.model_info.name,
        model_fingerprint=prepared.model_info.fingerprint, config=config.to_dict(),
        template=prepared.template.source if prepared.verbalizer is not None else "",
        verbalizer=config.verbalizer if prepared.verbalizer is not None else None,
        normalization=prepared.normalizer.config.mode, labels=prepared.splits.labels,
        data_files=prepared.splits.fingerprints, study=config.study, tags=config.tags,
        extra={"notes": prepared.notes, "truncated": prepared.truncated, "lora_modules": model.lora_modules})
    storage.update_run(record.id, trainable_params=trainable, total_params=total,
                       trainable_percent=100.0 * trainable / total)
    return record.id


def _record_result(storage, run_id, result, weights_dir, prepared) -> None:
    fields: dict[str, Any] = {
        "best_epoch": result.best_epoch, "peak_memory_bytes": result.peak_memory_bytes,
        "weights_dir": None if weights_dir is None else str(weights_dir), "warnings": result.warnings,
    }
    if result.best_validation is not None:
        fields.update(best_val_macro_f1=result.best_validation.macro_f1,
                      best_val_accuracy=result.best_validation.accuracy,
                      val_per_class_f1=result.best_validation.per_class_f1,
                      val_confusion=result.best_validation.confusion)
    if result.test is not None:
        fields.update(test_macro_f1=result.test.macro_f1, test_accuracy=result.test.accuracy,
                      test_per_class_f1=result.test.per_class_f1, test_confusion=result.test.confusion)
    record = storage.get_run(run_id)
    extra = dict(record.extra or {})
    extra.update(device=result.device, precision=result.precision, batch_size=result.batch_size,
                 gradient_accumulation=result.gradient_accumulation,
                 validation_predictions=result.validation_predictions)
    fields["extra"] = extra
    storage.finish_run(run_id, result.status, **fields)


def save_trained(model, prepared: PreparedRun, folder: Path, result=None) -> Path:
    """Write the trained weights (safetensors), the tokenizer and the run manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    model.save_weights(folder)
    prepared.tokenizer.save_pretrained(str(folder / "tokenizer"))
    manifest = run_manifest(prepared, result)
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return folder


def run_manifest(prepared: PreparedRun, result=None) -> dict:
    info = prepared.model_info
    config = prepared.config
    manifest = {
        "app_version": __version__,
        "method": config.method,
        "method_options": config.method_options,
        "base_model": {"path": info.path, "name": info.name, "fingerprint": info.fingerprint,
                       "model_type": info.model_type, "hidden_size": info.hidden_size,
                       "vocab_size": info.vocab_size},
        "labels": prepared.splits.labels,
        "template": prepared.template.source if prepared.verbalizer is not None else None,
        "verbalizer": config.verbalizer if prepared.verbalizer is not None else None,
        "normalization": prepared.normalizer.config.mode,
        "max_length": prepared.encoder.max_length,
    }
    if result is not None:
        manifest["metrics"] = {
            "best_epoch": result.best_epoch,
            "validation_macro_f1": None if result.best_validation is None else result.best_validation.macro_f1,
            "test_macro_f1": None if result.test is None else result.test.macro_f1,
            "test_accuracy": None if result.test is None else result.test.accuracy,
        }
    return manifest
