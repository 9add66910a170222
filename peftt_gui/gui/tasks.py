"""Engine calls that the pages run in a ``Worker``, one function per task.

Each task is called as ``task(*args, progress=report, cancel=event)`` in a worker
thread and returns a plain value (a dataclass of this module or an engine record).
Engine modules are imported inside the tasks, so that importing this module (which
every page does) never imports torch or transformers.

Tasks that call a tokenizer hold ``TOKENIZER_LOCK``: the pages share one tokenizer, and
a fast tokenizer raises "Already borrowed" when two threads use it at the same time.
"""

from __future__ import annotations

import logging
import os
import threading
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peftt_gui.core.state import EpochReport, StepReport, TrainingCallbacks, TrainingState
from peftt_gui.gui.worker import TaskCancelled

logger = logging.getLogger(__name__)

TOKENIZER_LOCK = threading.Lock()
# Rows of the training split that the template preview renders.
PREVIEW_ROW_COUNT = 3
# Maximum training rows whose tokens the Data page counts for its length histogram.
MAX_LENGTH_SAMPLE_ROWS = 20_000

Progress = Callable[[object], None]


# --- Model -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ModelParts:
    """The tokenizer and layer names that the Model page loads after inspecting a folder."""

    tokenizer: Any
    tokenizer_checked: bool          # checked (and overridden) on training rows
    tokenizer_notes: tuple[str, ...]
    linear_layers: list[str]
    default_targets: list[str]


def inspect_model(path: str, *, progress: Progress, cancel: threading.Event):
    """Return the ``ModelInfo`` of a model folder (reads config and file headers only)."""
    from peftt_gui.core.models import inspect_model_folder

    return inspect_model_folder(path)


def load_model_parts(info, sample_texts: Sequence[str], *, progress: Progress,
                     cancel: threading.Event) -> ModelParts:
    """Load the tokenizer and list the model's linear layers.

    With ``sample_texts`` (training rows), the tokenizer is loaded as a run loads it, with
    the settings that keep Tibetan marks. The layers come from the model's module tree,
    built on PyTorch's meta device: that needs no weights, so a large model lists its
    layers in about a second and without its memory.
    """
    from peftt_gui.core.models import (
        default_lora_targets,
        linear_layer_names,
        load_checked_tokenizer,
        load_tokenizer,
    )

    with TOKENIZER_LOCK:
        if sample_texts:
            tokenizer, report = load_checked_tokenizer(info.path, list(sample_texts),
                                                       info.vocab_size)
            notes = (report.summary(), *report.warnings)
        else:
            tokenizer, notes = load_tokenizer(info.path), ()
    if cancel.is_set():
        raise TaskCancelled()

    network = _encoder_skeleton(info.path)
    return ModelParts(tokenizer, bool(sample_texts), tuple(notes),
                      linear_layer_names(network), default_lora_targets(info.model_type))


def _encoder_skeleton(path: str):
    """Build the encoder of the model folder with unallocated (meta) weights."""
    import torch
    from transformers import AutoConfig, AutoModel

    from peftt_gui.core.errors import ModelError

    try:
        config = AutoConfig.from_pretrained(path, local_files_only=True, trust_remote_code=False)
        with torch.device("meta"):
            return AutoModel.from_config(config)
    except (OSError, ValueError, KeyError) as error:
        raise ModelError(f"The model in {path} cannot be built from its config.json ({error}). "
                         "Check that the folder contains the config of this model.") from None


# --- Data --------------------------------------------------------------------------------

@dataclass(frozen=True)
class LengthStats:
    """Token counts of the training texts and how many exceed the text budget."""

    lengths: Any                     # numpy int array, one count per training row
    text_budget: int                 # tokens left for the text at the chosen max length
    truncated: int
    max_length: int


def load_data(data_config, seed: int, normalization: str, *, progress: Progress,
              cancel: threading.Event):
    """Load the splits exactly as a run with ``data_config`` and ``seed`` would."""
    from peftt_gui.core.runner import load_run_data, make_normalizer

    # load_run_data reads only the data section and the training seed of a RunConfig.
    run_like = types.SimpleNamespace(data=data_config, training=types.SimpleNamespace(seed=seed))
    return load_run_data(run_like, make_normalizer(normalization))


def measure_lengths(tokenizer, texts: Sequence[str], template_text: str, max_length: int,
                    normalization: str, lengths=None, *, progress: Progress,
                    cancel: threading.Event) -> LengthStats:
    """Count the tokens of each text and the texts longer than the template leaves room for.

    ``lengths`` from an earlier call with the same tokenizer and texts skips the counting.
    An unusable template counts against the plain ``[CLS] text [SEP]`` frame.
    """
    import numpy as np

    from peftt_gui.core.errors import TemplateError

    with TOKENIZER_LOCK:
        if lengths is None:
            sample = list(texts[:MAX_LENGTH_SAMPLE_ROWS])
            ids = tokenizer(sample, add_special_tokens=False)["input_ids"] if sample else []
            lengths = np.fromiter((len(row) for row in ids), dtype=np.int64, count=len(ids))
        try:
            budget = _text_budget(tokenizer, template_text, max_length, normalization)
        except TemplateError:
            budget = max_length - 2
    return LengthStats(lengths, budget, int((lengths > budget).sum()), max_length)


def _text_budget(tokenizer, template_text: str, max_length: int, normalization: str) -> int:
    from peftt_gui.core.runner import make_normalizer
    from peftt_gui.core.template import PromptEncoder, parse_template, plain_template

    if template_text.strip():
        template = parse_template(template_text, require_mask=False,
                                  normalizer=make_normalizer(normalization))
    else:
        template = plain_template()
    return PromptEncoder(tokenizer, template, max_length).text_budget


# --- Template and verbalizer -------------------------------------------------------------

@dataclass(frozen=True)
class RowPreview:
    """One training row rendered with the template, and its tokens."""

    rendered: str
    pieces: list[str]
    mask_index: int                  # index into pieces, -1 without a mask
    truncated: bool
    special_indexes: tuple[int, ...]


@dataclass(frozen=True)
class TemplatePreview:
    """The preview of a template on some rows; ``error`` is a TemplateError message."""

    rows: list[RowPreview] = field(default_factory=list)
    error: str = ""
    mask_suffix: str = ""


@dataclass(frozen=True)
class LabelWordInfo:
    """One label word as the tokenizer splits it at the mask."""

    label: str
    word: str
    pieces: tuple[str, ...]
    unknown: bool
    same_ids_as: tuple[str, str] | None   # (class, word) of another class with the same ids


@dataclass(frozen=True)
class LabelWordCheck:
    """Every label word with its pieces, and the engine's warnings (``word_warnings``)."""

    words: list[LabelWordInfo]
    warnings: list[str]


def preview_template(tokenizer, template_text: str, texts: Sequence[str], max_length: int,
                     normalization: str, require_mask: bool, *, progress: Progress,
                     cancel: threading.Event) -> TemplatePreview:
    """Render ``template_text`` on ``texts`` and tokenize each row as training does."""
    from peftt_gui.core.errors import TemplateError
    from peftt_gui.core.runner import make_normalizer
    from peftt_gui.core.template import PromptEncoder, parse_template

    normalizer = make_normalizer(normalization)
    try:
        template = parse_template(template_text, require_mask=require_mask, normalizer=normalizer)
    except TemplateError as error:
        return TemplatePreview(error=str(error))
    if tokenizer is None:
        rows = [RowPreview(template.render(text), [], -1, False, ()) for text in texts]
        return TemplatePreview(rows, mask_suffix=template.mask_suffix)

    rows = []
    with TOKENIZER_LOCK:
        try:
            encoder = PromptEncoder(tokenizer, template, max_length)
        except TemplateError as error:
            return TemplatePreview(error=str(error))
        special_ids = set(tokenizer.all_special_ids) - {tokenizer.mask_token_id}
        for text in texts:
            encoded = encoder.encode([text])
            ids = encoded.input_ids[0]
            rows.append(RowPreview(
                rendered=template.render(text, tokenizer.mask_token or "[MASK]"),
                pieces=list(tokenizer.convert_ids_to_tokens(ids)),
                mask_index=encoded.mask_positions[0],
                truncated=encoded.truncated > 0,
                special_indexes=tuple(index for index, token_id in enumerate(ids)
                                      if token_id in special_ids)))
    return TemplatePreview(rows, mask_suffix=template.mask_suffix)


def check_label_words(tokenizer, template_text: str, verbalizer: dict[str, list[str]],
                      labels: Sequence[str], normalization: str, *, progress: Progress,
                      cancel: threading.Event) -> LabelWordCheck:
    """Tokenize every label word at the mask and find unknown and shared token ids."""
    from peftt_gui.core.errors import TemplateError
    from peftt_gui.core.runner import make_normalizer
    from peftt_gui.core.template import parse_template
    from peftt_gui.core.verbalizer import Verbalizer, tokenize_label_word, word_warnings

    normalizer = make_normalizer(normalization)
    try:
        mask_suffix = parse_template(template_text, normalizer=normalizer).mask_suffix
    except TemplateError:
        mask_suffix = ""
    words = Verbalizer.from_mapping(verbalizer, normalizer)
    classes = list(labels) or list(words.label_words)

    infos: list[LabelWordInfo] = []
    owners: dict[tuple[int, ...], tuple[str, str]] = {}
    with TOKENIZER_LOCK:
        for label in classes:
            for word in words.label_words.get(label, ()):
                ids, pieces = tokenize_label_word(tokenizer, word, mask_suffix)
                owner = owners.setdefault(tuple(ids), (label, word))
                same = owner if owner[0] != label else None
                unknown = tokenizer.unk_token_id is not None and tokenizer.unk_token_id in ids
                infos.append(LabelWordInfo(label, word, tuple(pieces), unknown, same))
        warnings = word_warnings(tokenizer, words, classes, mask_suffix)
    return LabelWordCheck(infos, warnings)


@dataclass(frozen=True)
class ZeroShotScore:
    """Validation metrics of the untrained template and verbalizer."""

    metrics: Any                     # core.metrics.ClassificationMetrics
    labels: list[str]
    rows: int


def score_zero_shot(config, *, progress: Progress, cancel: threading.Event) -> ZeroShotScore:
    """Score the template and verbalizer of ``config`` on validation without training.

    ``config`` is a RunConfig of the "prompt" method. Only the tokenizer and the masked
    LM are built, on the CPU. Cancel takes effect before the scoring starts, because
    one evaluation pass cannot stop in the middle.
    """
    import torch

    from peftt_gui.core.runner import build_task_model, prepare_run
    from peftt_gui.core.trainer import evaluate_model

    progress("prepare")
    prepared = prepare_run(config)
    if cancel.is_set():
        raise TaskCancelled()
    progress("build")
    model = build_task_model(prepared)
    if cancel.is_set():
        raise TaskCancelled()
    progress("score")
    split = prepared.encoded["validation"]
    result = evaluate_model(model, split, prepared.splits.labels,
                            prepared.tokenizer.pad_token_id, torch.device("cpu"),
                            batch_size=config.training.eval_batch_size)
    return ZeroShotScore(result.metrics, list(prepared.splits.labels), len(split))


# --- Training ----------------------------------------------------------------------------

@dataclass(frozen=True)
class TrainingEvent:
    """One callback of the trainer, forwarded through the worker's progress signal.

    ``kind`` is "steps" (``payload``: list of StepReport), "epoch" (EpochReport),
    "message" (str) or "end" (the final status).
    """

    kind: str
    payload: Any


class ForwardingCallbacks(TrainingCallbacks):
    """Trainer callbacks that hand every report to a worker's ``progress`` function."""

    def __init__(self, progress: Progress):
        self._progress = progress

    def on_steps(self, state: TrainingState, reports: list[StepReport]) -> None:
        self._progress(TrainingEvent("steps", list(reports)))

    def on_epoch(self, state: TrainingState, report: EpochReport) -> None:
        self._progress(TrainingEvent("epoch", report))

    def on_message(self, state: TrainingState, message: str) -> None:
        self._progress(TrainingEvent("message", message))

    def on_end(self, state: TrainingState, status: str) -> None:
        self._progress(TrainingEvent("end", status))


@dataclass(frozen=True)
class RunResult:
    """The outcome of a run as the Train page shows it."""

    run_id: int | None
    status: str
    best_validation_f1: float | None
    test_macro_f1: float | None
    weights_dir: str | None


def train_run(config, history_path: str | None, state: TrainingState, *,
              resume_run_id: int | None = None, progress: Progress,
              cancel: threading.Event) -> RunResult:
    """Run ``config`` with ``core.runner`` (or resume a stored run) and record it.

    ``state`` is shared with the Train page, which reads its progress and calls
    ``request_cancel`` on Stop. A cancelled run returns normally with status "cancelled".
    """
    from peftt_gui.core.runner import resume_run, run_training
    from peftt_gui.core.storage import RunStorage

    storage = RunStorage(history_path)
    callbacks = ForwardingCallbacks(progress)
    try:
        if resume_run_id is not None:
            outcome = resume_run(resume_run_id, storage, callbacks=callbacks, state=state)
        else:
            outcome = run_training(config, storage=storage, callbacks=callbacks, state=state)
    finally:
        storage.close()
    result = outcome.result
    return RunResult(
        run_id=outcome.run_id, status=outcome.status,
        best_validation_f1=None if result.best_validation is None else result.best_validation.macro_f1,
        test_macro_f1=None if result.test is None else result.test.macro_f1,
        weights_dir=outcome.weights_dir)


# --- Building a local model --------------------------------------------------------------

def build_model(corpus_files: Sequence[str], out_dir: str, settings: dict[str, Any], *,
                progress: Progress, cancel: threading.Event):
    """Build a tokenizer and a small BERT from ``corpus_files`` into ``out_dir``.

    ``settings`` are keyword arguments of ``build_local_model`` (size and time limit).
    Stop ends pre-training early, and the model trained so far is still saved.
    """
    from peftt_gui.core.build_model import build_local_model

    return build_local_model([Path(path) for path in corpus_files], Path(out_dir),
                             progress=progress, should_stop=cancel.is_set, **settings)


# --- History -----------------------------------------------------------------------------

@dataclass(frozen=True)
class HistorySnapshot:
    """The opened run history and its run list."""

    storage: Any                     # core.storage.RunStorage
    runs: list[Any]                  # RunSummary, newest first
    interrupted: int                 # runs just marked interrupted


@dataclass(frozen=True)
class RunDetails:
    """Everything the History page shows for one run."""

    record: Any                      # RunRecord
    steps: list[Any]                 # StepRecord
    epochs: list[Any]                # EpochRecord


def open_history(path: str | None, *, progress: Progress,
                 cancel: threading.Event) -> HistorySnapshot:
    """Open the history (``$PEFTT_HISTORY`` or the default file), mark dead runs, list runs."""
    from peftt_gui.core.storage import RunStorage

    storage = RunStorage(path)
    interrupted = storage.mark_interrupted_runs()
    return HistorySnapshot(storage, storage.list_runs(), interrupted)


def list_runs(storage, *, progress: Progress, cancel: threading.Event) -> list[Any]:
    return storage.list_runs()


def load_run_details(storage, run_id: int, *, progress: Progress,
                     cancel: threading.Event) -> RunDetails:
    return RunDetails(storage.get_run(run_id), storage.get_steps(run_id),
                      storage.get_epochs(run_id))


def edit_run(storage, run_id: int, *, name: str | None = None, notes: str | None = None,
             tags: Sequence[str] | None = None, delete: bool = False,
             progress: Progress, cancel: threading.Event) -> int:
    """Apply the given edits to one run (or delete it) and return its id."""
    if delete:
        storage.delete_run(run_id)
        return run_id
    if name is not None:
        storage.rename_run(run_id, name)
    if notes is not None:
        storage.set_notes(run_id, notes)
    if tags is not None:
        storage.set_tags(run_id, list(tags))
    return run_id


def history_path_from_environment() -> str | None:
    """Return ``$PEFTT_HISTORY`` when set; None lets RunStorage use its default file."""
    return os.environ.get("PEFTT_HISTORY") or None
