"""One run from configuration to history: data, model, method, training, weights and metrics."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import socket
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from . import distributed
from .config import RunConfig
from .data import DatasetSplits, Example, load_splits, sample_per_class
from .errors import CheckpointError, ConfigError, PefttError, display_path, write_error
from .methods import get_method
from .models import ModelInfo, inspect_model_folder, load_checked_tokenizer, save_portable_tokenizer
from .normalize import Normalizer, NormalizerConfig
from .state import EpochReport, StepReport, TrainingCallbacks, TrainingState
from .template import PromptEncoder, Template, parse_template, plain_template
from .tokenizer_check import TokenizerReport, sample_texts
from .verbalizer import EncodedVerbalizer, Verbalizer, encode_verbalizer

log = logging.getLogger(__name__)

MANIFEST_NAME = "peftt_run.json"
# Statuses of runs that stopped early and may continue from their checkpoint.
RESUMABLE_STATUSES = ("interrupted", "cancelled", "failed")


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
    tokenizer_report: TokenizerReport | None = None   # the check on training rows, with any overrides


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
    tokenizer, tokenizer_report = load_checked_tokenizer(
        model_info.path, sample_texts([row.text for row in splits.train]), model_info.vocab_size)

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

    notes = list(splits.notes) + [tokenizer_report.summary(), *tokenizer_report.warnings]
    if any(truncated.values()):
        notes.append("Rows shortened to max length {}: train {train}, validation {validation}, test {test}."
                     .format(max_length, **truncated))
    return PreparedRun(config, splits, model_info, tokenizer, normalizer, template, verbalizer, encoder,
                       encoded, truncated, notes, tokenizer_report)


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


def slug(text: str) -> str:
    """Return ``text`` as a short file-name-safe fragment for run folder names."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:60] or "run"


class HistoryWriter(TrainingCallbacks):
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
                 state: TrainingState | None = None, resume_run_id: int | None = None,
                 extra: dict | None = None) -> RunOutcome:
    """Run one training from ``config``, recording it in ``storage`` when given.

    With ``resume_run_id``, continue that run from its last checkpoint (same config and seed).
    ``extra`` is merged into the history row's free-form ``extra`` field (a study's cell key).

    Under torchrun or accelerate launch every process calls this function (see ``distributed.py``).
    Only process 0 uses ``storage`` and writes the weights. The other processes ignore it, and
    their outcome has the run id but no weights folder.
    """
    from .state import CallbackList
    from .trainer import Trainer, seed_everything

    started = time.time()
    state = state or TrainingState()
    spec = get_method(config.method)
    context = distributed.setup()
    if not context.is_main:
        storage = None
    if spec.engine != "torch":
        if context.enabled:
            raise ConfigError(f"The {spec.name} method trains in one process, but {context.world_size} processes "
                              "were started. Run it without torchrun or accelerate launch.", field="method")
        # The baseline fits on the text alone: no model folder, tokenizer or Trainer.
        return spec.builder().run(config, storage=storage, callbacks=callbacks, state=state,
                                  resume_run_id=resume_run_id, extra=extra)
    output_root = Path(config.output_dir).expanduser() if config.output_dir else default_runs_dir()
    distributed.share_from_main(context, lambda: check_output_folder(output_root))
    prepared = prepare_run(config)
    for note in prepared.notes:
        log.info(note)
        if callbacks is not None:
            callbacks.on_message(state, note)

    resumed_dir = None
    if resume_run_id is not None:
        resumed_dir = distributed.share_from_main(
            context, lambda: str(_resumable_run_dir(storage, resume_run_id, prepared)))
    seed_everything(config.training.seed)  # the same seed gives the same new weights (head, LoRA matrices)
    model = build_task_model(prepared)
    trainable, total = model.parameter_counts()

    def open_run() -> tuple[int | None, str]:
        run_id = None
        if storage is not None:
            row_extra = {**(extra or {}), **_distributed_extra(context, config)}
            run_id = _open_history_row(storage, config, prepared, model, trainable, total, resume_run_id, row_extra)
        if resumed_dir is not None:
            return run_id, resumed_dir
        run_dir = output_root / f"run-{run_id if run_id is not None else int(started)}-{slug(config.name or spec.name)}"
        if storage is not None:
            _remember_run_dir(storage, run_id, run_dir)
        return run_id, str(run_dir)

    # Process 0 opens the history row and names the run folder; the other processes learn both.
    run_id, run_dir = distributed.share_from_main(context, open_run)
    run_dir = Path(run_dir)
    log.info("Run %s started: %s on %s, %d of %d parameters trainable (%.2f%%)", run_id, spec.name,
             prepared.model_info.name, trainable, total, 100.0 * trainable / total)

    learning_rate = config.training.learning_rate or spec.default_learning_rate
    writers = [callbacks] + ([HistoryWriter(storage, run_id)] if storage is not None else [])
    trainer = None
    try:
        # Inside the try, so that a device error of the constructor also closes the history row.
        trainer = Trainer(model, prepared.splits.labels, prepared.encoded["train"], prepared.encoded["validation"],
                          prepared.encoded["test"], config.training, learning_rate, prepared.tokenizer.pad_token_id,
                          callbacks=CallbackList(writers), state=state, checkpoint_dir=run_dir / "checkpoint",
                          distributed=context)
        result = trainer.fit(resume=resume_run_id is not None)
        weights_dir = None
        if result.best_epoch is not None and context.is_main:
            state.phase = "saving"
            weights_dir = save_trained(model, prepared, run_dir / "weights", result)
    except BaseException as error:
        if storage is not None:
            record_failure(storage, run_id, error, trainer.warnings if trainer is not None else [])
        raise

    if storage is not None:
        record_result(storage, run_id, result, weights_dir, prepared.encoded["test"].labels.tolist())
    (callbacks or TrainingCallbacks()).on_end(state, result.status)
    log.info("Run %s %s in %.0f s: validation macro-F1 %s, test macro-F1 %s", run_id, result.status,
             result.duration_s, _format(result.best_validation), _format(result.test))
    return RunOutcome(run_id, result.status, result, None if weights_dir is None else str(weights_dir),
                      trainable, total, model=model, prepared=prepared)


def resume_run(run_id: int | str, storage, callbacks: TrainingCallbacks | None = None,
               state: TrainingState | None = None) -> RunOutcome:
    """Continue an interrupted, cancelled or failed run from its last checkpoint.

    The run's config comes from the history, and the run goes on in its own folder and
    history row. With the same data, model and device, the result equals that of an
    uninterrupted run. Raises ``CheckpointError`` when the run cannot resume.
    ``run_id`` may also be a run name. Under torchrun, process 0 reads the run from ``storage``
    and the others may pass None.
    """
    context = distributed.setup()

    def read_run() -> tuple[int, dict]:
        storage.mark_interrupted_runs()  # a run whose process died still reads "running"
        record = storage.get_run(run_id)
        if record.status not in RESUMABLE_STATUSES:
            hint = ("Its process is still alive; cancel it first." if record.status == "running"
                    else "There is nothing to resume.")
            raise CheckpointError(f"Run {record.id} is {record.status}, so it cannot resume. {hint}")
        log.info("Resuming run %d (%s) after epoch %s", record.id, record.name, record.last_finished_epoch or 0)
        return record.id, record.config

    record_id, config = distributed.share_from_main(context, read_run)
    return run_training(RunConfig.from_dict(config), storage=storage, callbacks=callbacks, state=state,
                        resume_run_id=record_id)


def check_output_folder(folder: Path) -> None:
    """Raise ResourceError unless ``folder`` can be created and written, before any slow work."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, probe = tempfile.mkstemp(prefix=".peftt-write-check-", dir=folder)
        os.close(descriptor)
        os.unlink(probe)
    except OSError as error:
        raise write_error("run files", folder, error) from None


def relative_fingerprints(fingerprints: dict[str, str]) -> dict[str, str]:
    """Key data file fingerprints by their path relative to the files' common folder.

    A folder of splits gives ``train.txt``, ``validation.txt`` and ``test.txt``, so the
    history contains no home folder path and the keys match wherever the data is copied.
    """
    if not fingerprints:
        return {}
    paths = [Path(path) for path in fingerprints]
    common = Path(os.path.commonpath([path.parent for path in paths]))
    return {path.relative_to(common).as_posix(): value for path, value in zip(paths, fingerprints.values())}


def _remember_run_dir(storage, run_id: int, run_dir: Path) -> None:
    record = storage.get_run(run_id)
    storage.update_run(run_id, extra={**(record.extra or {}), "run_dir": str(run_dir)})


def _resumable_run_dir(storage, run_id: int, prepared: PreparedRun) -> Path:
    """Return the folder of a run that can resume with ``prepared``, or raise CheckpointError."""
    from .checkpoint import CHECKPOINT_NAME

    if storage is None:
        raise ConfigError("Resuming a run needs the run history, because it stores the run's settings and folder.")
    record = storage.get_run(run_id)

    # Different data or model weights would give a different run under the same id.
    stored = record.data_files or {}
    current = relative_fingerprints(prepared.splits.fingerprints)
    if sorted(stored.values()) != sorted(current.values()):
        changed = [name for name, value in current.items() if value not in stored.values()] or sorted(current)
        raise CheckpointError(f"The data file(s) {', '.join(changed)} changed since run {run_id} started, so it "
                              "cannot resume. Restore the original files, or start a new run.")
    if record.model_fingerprint and record.model_fingerprint != prepared.model_info.fingerprint:
        raise CheckpointError(f"The model folder {display_path(prepared.model_info.path)} changed since run "
                              f"{run_id} started, so it cannot resume. Restore it, or start a new run.")

    run_dir = record.extra.get("run_dir") if record.extra else None
    if not run_dir:
        raise CheckpointError(f"Run {run_id} has no run folder in the history, so it cannot resume. "
                              "Start it again.")
    if not (Path(run_dir) / "checkpoint" / CHECKPOINT_NAME).is_file():
        raise CheckpointError(f"Run {run_id} has no checkpoint in {display_path(run_dir)}: it stopped before its "
                              "first epoch ended, or checkpoints were off. Start it again.")
    return Path(run_dir)


def record_failure(storage, run_id: int, error: BaseException, warnings: list[str]) -> None:
    # Ctrl+C leaves a checkpoint as a crash does, so the run is resumable like a killed one.
    status = "interrupted" if isinstance(error, KeyboardInterrupt) else "failed"
    message = str(error) if isinstance(error, PefttError) else f"{type(error).__name__}: {error}"
    storage.finish_run(run_id, status, error=message, warnings=warnings)
    log.info("Run %s %s: %s", run_id, status, message)


def _format(metrics) -> str:
    return "n/a" if metrics is None else f"{metrics.macro_f1:.4f}"


def _distributed_extra(context, config: RunConfig) -> dict[str, Any]:
    """Return the history's record of a multi-process run, or nothing for one process."""
    if not context.enabled:
        return {}
    return {"distributed": {"world_size": context.world_size, "backend": context.backend,
                            "batch_size_per_process": config.training.batch_size,
                            "global_batch_size": config.training.batch_size * context.world_size}}


def _open_history_row(storage, config, prepared, model, trainable, total, resume_run_id, extra=None) -> int:
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
        data_files=relative_fingerprints(prepared.splits.fingerprints), study=config.study, tags=config.tags,
        extra={"notes": prepared.notes, "truncated": prepared.truncated, "lora_modules": model.lora_modules,
               **_tokenizer_extra(prepared), **(extra or {})})
    storage.update_run(record.id, trainable_params=trainable, total_params=total,
                       trainable_percent=100.0 * trainable / total)
    return record.id


def _tokenizer_extra(prepared: PreparedRun) -> dict[str, Any]:
    report = prepared.tokenizer_report
    if report is None:
        return {}
    return {"tokenizer_check": report.to_dict(), "tokenizer_overrides": report.overrides}


def record_result(storage, run_id, result, weights_dir, test_gold: list[int]) -> None:
    """Finish the history row of a run with its ``TrainResult``; ``test_gold`` are the test classes.

    The finished record is also written into the weights folder's manifest, for ``peftt import-run``.
    """
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
                 memory_estimate_bytes=result.memory_estimate_bytes,
                 validation_predictions=result.validation_predictions,
                 test_predictions=result.test_predictions,
                 test_gold=test_gold)
    fields["extra"] = extra
    storage.finish_run(run_id, result.status, **fields)
    if weights_dir is not None:
        from .run_import import add_record_to_manifest

        add_record_to_manifest(weights_dir, storage, run_id)


def save_trained(model, prepared: PreparedRun, folder: Path, result=None) -> Path:
    """Write the trained weights (safetensors), the tokenizer and the run manifest.

    When a write fails (a full disk, a read-only folder), the partly written folder is
    removed and ``ResourceError`` raised. The run's checkpoint stays, so the run can resume.
    """
    from safetensors import SafetensorError

    try:
        folder.mkdir(parents=True, exist_ok=True)
        model.save_weights(folder)
        # Saved after any override of the tokenizer check, so the Predictor reloads exactly the
        # tokenizer the run trained with, in transformers 5.x and 4.x alike.
        save_portable_tokenizer(prepared.tokenizer, folder / "tokenizer")
        manifest = run_manifest(prepared, result)
        (folder / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    except (OSError, SafetensorError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        log.warning("Writing the weights to %s failed (%s); removed the partial folder", display_path(folder),
                    getattr(error, "strerror", None) or type(error).__name__)
        raise write_error("the weights", folder, error) from error
    log.info("Weights written to %s", display_path(folder))
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
        "tokenizer_overrides": prepared.tokenizer_report.overrides if prepared.tokenizer_report else {},
    }
    if result is not None:
        manifest["metrics"] = manifest_metrics(result)
    return manifest


def manifest_metrics(result) -> dict:
    """Return the manifest's summary of a ``TrainResult``."""
    return {
        "best_epoch": result.best_epoch,
        "validation_macro_f1": None if result.best_validation is None else result.best_validation.macro_f1,
        "validation_accuracy": None if result.best_validation is None else result.best_validation.accuracy,
        "test_macro_f1": None if result.test is None else result.test.macro_f1,
        "test_accuracy": None if result.test is None else result.test.accuracy,
        "test_per_class_f1": None if result.test is None else result.test.per_class_f1,
    }
