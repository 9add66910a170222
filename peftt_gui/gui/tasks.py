"""Engine calls that the pages run in a ``Worker``, one function per task.

Each task is called as ``task(*args, progress=report, cancel=event)`` in a worker
thread and returns a plain value (a dataclass of this module or an engine record).
Engine modules are imported inside the tasks, so that importing this module (which
every page does) never imports torch or transformers. A task that can run before the
Model page has loaded a tokenizer calls ``ensure_engine_imported`` first, because two
threads must not import transformers at the same time.

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

from peftt_gui.core.errors import PefttError
from peftt_gui.core.state import EpochReport, StepReport, TrainingCallbacks, TrainingState
from peftt_gui.gui.engine_loader import ensure_engine_imported
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
    ensure_engine_imported()
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


# --- Label-word suggestions --------------------------------------------------------------

@dataclass(frozen=True)
class SuggestionProgress:
    """One step of a label-word search: "load" the model, score the "classes", then "validation".

    ``done`` and ``total`` count classes or validation rows; ``label`` is the class being scored.
    """

    phase: str
    done: int = 0
    total: int = 0
    label: str = ""


@dataclass(frozen=True)
class VerbalizerScore:
    """Zero-shot validation metrics of one verbalizer, raw and calibrated.

    Both metrics are None and ``error`` contains the reason when the verbalizer cannot be
    scored (a class without label words, a word the tokenizer does not know).
    """

    verbalizer: dict[str, list[str]]
    raw: Any = None                  # core.metrics.ClassificationMetrics
    calibrated: Any = None
    error: str = ""


@dataclass(frozen=True)
class LabelWordSuggestions:
    """The suggested label words of each class and the zero-shot comparison on validation."""

    suggestions: dict[str, list[Any]]   # class -> core.label_words.WordSuggestion, best first
    rows_per_class: dict[str, int]      # training rows scored per class
    validation_rows: int
    current: VerbalizerScore
    suggested: VerbalizerScore          # the best suggestion of each class


def suggest_words(model_folder: str, template_text: str, splits, current_verbalizer: dict[str, list[str]],
                  max_rows_per_class: int, top_n: int, *, seed: int, max_length: int, device: str,
                  normalization: str, progress: Progress, cancel: threading.Event) -> LabelWordSuggestions:
    """Suggest ``top_n`` label words per class and score them zero-shot against the current ones.

    The classes' training rows (at most ``max_rows_per_class`` each, drawn with ``seed``) are
    put into the template, and ``core.label_words.suggest_label_words`` ranks the vocabulary
    at the mask. Both verbalizers are then scored on every validation row without training.
    Cancel takes effect before each class and each chunk of validation rows.
    """
    from peftt_gui.core import label_words
    from peftt_gui.core.runner import make_normalizer

    normalizer = make_normalizer(normalization)
    progress(SuggestionProgress("load"))
    scorer = label_words.MaskScorer(model_folder, template_text, normalizer=normalizer,
                                    sample_texts=[row.text for row in splits.train],
                                    max_length=max_length, device=device)
    grouped = label_words.texts_by_class(splits.train, splits.labels, max_rows_per_class, seed)

    def on_class(index: int, label: str) -> None:
        if cancel.is_set():
            raise TaskCancelled()
        progress(SuggestionProgress("classes", index, len(grouped), label))

    suggestions = label_words.suggest_label_words(scorer, grouped, top_n=top_n, on_class=on_class)
    log_probs = _validation_log_probs(scorer, [row.text for row in splits.validation], progress, cancel)

    current = {label: list(current_verbalizer.get(label, [])) for label in splits.labels}
    try:
        suggested = label_words.suggested_verbalizer(suggestions)
    except PefttError as error:
        suggested_score = VerbalizerScore({}, error=str(error))
    else:
        suggested_score = _score_verbalizer(scorer, suggested, splits, normalizer, log_probs)
    return LabelWordSuggestions(
        suggestions=suggestions,
        rows_per_class={label: len(texts) for label, texts in grouped.items()},
        validation_rows=len(splits.validation),
        current=_score_verbalizer(scorer, current, splits, normalizer, log_probs),
        suggested=suggested_score)


def _validation_log_probs(scorer, texts: list[str], progress: Progress, cancel: threading.Event):
    """Score the validation rows at the mask in chunks, so that cancel need not wait for all of them."""
    import torch

    # Whole batches per chunk, so the rows are batched and padded as in one call.
    chunk_rows = 4 * scorer.batch_size
    chunks = []
    for start in range(0, len(texts), chunk_rows):
        if cancel.is_set():
            raise TaskCancelled()
        progress(SuggestionProgress("validation", start, len(texts)))
        chunks.append(scorer.mask_log_probs(texts[start:start + chunk_rows]))
    if not chunks:
        return scorer.mask_log_probs([])
    return torch.cat(chunks)


def _score_verbalizer(scorer, verbalizer: dict[str, list[str]], splits, normalizer,
                      log_probs) -> VerbalizerScore:
    texts = [row.text for row in splits.validation]
    gold = [row.label for row in splits.validation]
    try:
        raw = scorer.zero_shot(verbalizer, texts, gold, splits.labels, normalizer, log_probs=log_probs)
        calibrated = scorer.zero_shot(verbalizer, texts, gold, splits.labels, normalizer,
                                      log_probs=log_probs, calibrate=True)
    except PefttError as error:
        return VerbalizerScore(verbalizer, error=str(error))
    return VerbalizerScore(verbalizer, raw, calibrated)


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


# --- Playground --------------------------------------------------------------------------

@dataclass(frozen=True)
class PlaygroundRun:
    """A run of the history whose weights folder exists, as the Playground lists it."""

    run_id: int
    name: str
    method: str
    status: str
    test_macro_f1: float | None
    weights_dir: str


@dataclass(frozen=True)
class PredictorSource:
    """A run weights folder, bundle folder or bundle zip that the Playground was asked to open.

    ``kind`` is "run", "bundle" or "zip". ``base_model_found`` is true when the base model
    folder that the manifest names exists here, and for a folder of a method that reads no
    model (the TF-IDF baseline). A zip is always imported first.
    """

    path: str
    kind: str
    base_model_name: str
    base_model_found: bool


@dataclass(frozen=True)
class PlaygroundPrediction:
    """The prediction for one text, as the Playground shows it."""

    text: str                        # the text as typed
    normalized: str                  # after the run's normalizer, as the model reads it
    label: str
    labels: list[str]
    probabilities: list[float]       # one per class, in ``labels`` order
    label_words: list[tuple[str, str]]   # (class, label word); empty without label words
    word_scores: list[float]         # mean log-probability of each label word at the mask


def list_runs_with_weights(history_path: str | None, *, progress: Progress,
                           cancel: threading.Event) -> list[PlaygroundRun]:
    """List the runs whose weights folder still exists, newest first."""
    from peftt_gui.core.storage import RunStorage

    storage = RunStorage(history_path)
    try:
        records = storage.get_runs([summary.id for summary in storage.list_runs()])
    finally:
        storage.close()
    return [PlaygroundRun(record.id, record.name, record.method, record.status,
                          record.test_macro_f1, record.weights_dir)
            for record in records if record.weights_dir and Path(record.weights_dir).is_dir()]


def inspect_predictor_source(path: str, *, progress: Progress,
                             cancel: threading.Event) -> PredictorSource:
    """Read the manifest of a run weights folder, a bundle folder or a bundle zip.

    Raises ModelError for a folder without a manifest and ExportError for a zip that
    is unreadable or contains no bundle.
    """
    from peftt_gui.core.methods import get_method
    from peftt_gui.core.predict import read_manifest
    from peftt_gui.core.runner import MANIFEST_NAME

    source = Path(path).expanduser()
    if source.is_file():
        base = _zip_manifest(source).get("base_model") or {}
        return PredictorSource(str(source), "zip", str(base.get("name") or ""), False)

    manifest = read_manifest(source)
    base = manifest.get("base_model") or {}
    base_path = base.get("path")
    found = bool(base_path) and Path(base_path).expanduser().is_dir()
    if not get_method(manifest["method"]).uses_model:
        found = True
    kind = "run" if (source / MANIFEST_NAME).is_file() else "bundle"
    return PredictorSource(str(source), kind, str(base.get("name") or ""), found)


def _zip_manifest(archive: Path) -> dict:
    """Read the bundle manifest at the root of ``archive`` or in its one top folder."""
    import json
    import zipfile
    from pathlib import PurePosixPath

    from peftt_gui.core.errors import ExportError
    from peftt_gui.core.predict import BUNDLE_MANIFEST_NAME

    try:
        with zipfile.ZipFile(archive) as handle:
            names = [name for name in handle.namelist()
                     if PurePosixPath(name).name == BUNDLE_MANIFEST_NAME
                     and len(PurePosixPath(name).parts) <= 2]
            if not names:
                raise ExportError(f"{archive} has no {BUNDLE_MANIFEST_NAME}, so it is not a PEFTT "
                                  "Studio bundle. Choose a .zip written by peftt export.")
            return json.loads(handle.read(min(names, key=len)).decode("utf-8"))
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(f"{archive} is not a readable bundle zip file ({error}). Choose a "
                          "bundle .zip or folder.") from None


def import_bundle_for_prediction(path: str, base_model_dir: str, *, progress: Progress,
                                 cancel: threading.Event) -> str:
    """Import a bundle folder or zip into the app's imports folder and return the new folder.

    The imports folder is the one ``peftt import`` uses by default. A name already taken
    there gets a number appended, so that an earlier import stays as it is.
    """
    ensure_engine_imported()
    from peftt_gui.core.export import import_bundle
    from peftt_gui.core.runner import default_runs_dir

    source = Path(path)
    name = source.stem if source.suffix.lower() == ".zip" else source.name
    imports = default_runs_dir().parent / "imports"
    target, number = imports / name, 2
    while target.exists():
        target, number = imports / f"{name}-{number}", number + 1
    return str(import_bundle(source, target, base_model_dir).path)


def load_predictor(weights_dir: str, base_model_path: str | None, *, progress: Progress,
                   cancel: threading.Event):
    """Load a run's weights or a bundle as a ``core.predict.Predictor`` (builds the model)."""
    ensure_engine_imported()
    from peftt_gui.core.predict import Predictor

    return Predictor(weights_dir, base_model_path=base_model_path)


def predict_text(predictor, text: str, *, progress: Progress,
                 cancel: threading.Event) -> PlaygroundPrediction:
    """Predict the class of ``text``, with label-word scores for the prompt methods."""
    prediction = predictor.predict([text])[0]
    label_words = predictor.label_words
    return PlaygroundPrediction(
        text=text, normalized=predictor.normalizer.normalize(text), label=prediction.label,
        labels=list(predictor.labels),
        probabilities=[prediction.probabilities[label] for label in predictor.labels],
        label_words=label_words,
        word_scores=[prediction.word_scores[pair] for pair in label_words])


# --- Building a local model --------------------------------------------------------------

def build_model(corpus_files: Sequence[str], out_dir: str, settings: dict[str, Any], *,
                progress: Progress, cancel: threading.Event):
    """Build a tokenizer and a small BERT from ``corpus_files`` into ``out_dir``.

    ``settings`` are keyword arguments of ``build_local_model`` (size and time limit).
    Stop ends pre-training early, and the model trained so far is still saved.
    """
    ensure_engine_imported()
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


# --- Comparison --------------------------------------------------------------------------

def compare_stored_runs(storage, run_ids: Sequence[int], *, progress: Progress,
                        cancel: threading.Event):
    """Return the ``core.compare.Comparison`` of ``run_ids``: runs, curves and config diff."""
    from peftt_gui.core.compare import compare_runs

    return compare_runs(storage, run_ids)


def list_changed_predictions(comparison, run_a: int, run_b: int, *, progress: Progress,
                             cancel: threading.Event) -> list[Any]:
    """List the validation rows that two runs of ``comparison`` predict differently.

    The texts are read again from the runs' data files, so this raises PefttError when
    those files are missing or changed since the runs.
    """
    return comparison.changed_predictions(run_a, run_b)


def write_text_file(path: str, text: str, *, progress: Progress,
                    cancel: threading.Event) -> str:
    """Write ``text`` to ``path`` as UTF-8 and return the path."""
    Path(path).write_text(text, encoding="utf-8")
    return path


def save_image(image, path: str, *, progress: Progress, cancel: threading.Event) -> str:
    """Save a QImage as PNG and return the path; raises OSError when Qt cannot write it."""
    if not image.save(path, "PNG"):
        raise OSError(f"Cannot write the image {path}: check that its folder exists and "
                      "is writable.")
    return path


# --- Studies -----------------------------------------------------------------------------

class StudyControl:
    """The Study page's handle on a running study: Stop, and the running run's TrainingState.

    The worker thread creates one ``TrainingState`` per grid cell through ``new_state``.
    The page reads ``current_state`` for the progress of the running run and calls
    ``request_stop``, which cancels that run within one optimizer step and keeps the
    next cells from starting.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._state: TrainingState | None = None
        self._stop = threading.Event()

    def new_state(self) -> TrainingState:
        state = TrainingState()
        with self._lock:
            self._state = state
            if self._stop.is_set():
                state.request_cancel()
        return state

    @property
    def current_state(self) -> TrainingState | None:
        with self._lock:
            return self._state

    def request_stop(self) -> None:
        with self._lock:
            self._stop.set()
            if self._state is not None:
                self._state.request_cancel()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()


@dataclass(frozen=True)
class StudyRunResult:
    """The outcome of one press of Start on the Study page."""

    name: str
    run_ids: list[int]               # runs that this Start added, a stopped run included
    finished: int                    # finished cells of the study, earlier ones included
    total: int                       # cells of the grid
    stopped: bool


@dataclass(frozen=True)
class StudyResults:
    """A study's finished runs aggregated over seeds, as ``core.study`` tabulates them.

    ``header`` and ``cells`` are ``results_table``'s own text, which the exports write.
    """

    name: str
    rows: list[Any]                  # core.study.ResultRow
    header: list[str]
    cells: list[list[str]]


def run_study_cells(spec, history_path: str | None, control: StudyControl, *,
                    progress: Progress, cancel: threading.Event) -> StudyRunResult:
    """Run the unfinished cells of ``spec`` one after another and record them in the history.

    ``progress`` receives ``core.study.StudyProgress`` values before each cell and
    ``TrainingEvent`` values from the running run. Cells that finished before are
    skipped, so a stopped study resumes with the cell that was stopped.
    """
    ensure_engine_imported()
    from peftt_gui.core.storage import RunStorage
    from peftt_gui.core.study import expand_grid, finished_keys, run_study

    storage = RunStorage(history_path)
    try:
        run_ids = run_study(spec, storage, callbacks=ForwardingCallbacks(progress),
                            state_factory=control.new_state, progress=progress,
                            should_stop=lambda: control.stop_requested or cancel.is_set())
        keys = {cell.key for cell in expand_grid(spec)}
        finished = len(keys & finished_keys(storage, spec.name))
    finally:
        storage.close()
    return StudyRunResult(spec.name, run_ids, finished, len(keys),
                          control.stop_requested or cancel.is_set())


def list_studies(history_path: str | None, *, progress: Progress,
                 cancel: threading.Event) -> list[str]:
    """Return the names of the studies that have runs in the history, sorted."""
    from peftt_gui.core.storage import RunStorage

    storage = RunStorage(history_path)
    try:
        return sorted({run.study for run in storage.list_runs() if run.study})
    finally:
        storage.close()


def load_study_results(history_path: str | None, name: str, *, progress: Progress,
                       cancel: threading.Event) -> StudyResults:
    """Aggregate the finished runs of the study ``name`` with ``core.study.study_results``."""
    from peftt_gui.core.storage import RunStorage
    from peftt_gui.core.study import results_table, study_results

    storage = RunStorage(history_path)
    try:
        rows = study_results(storage, name)
    finally:
        storage.close()
    header, cells = results_table(rows)
    return StudyResults(name, rows, header, cells)


def compare_study_methods(history_path: str | None, name: str, method_a: str, method_b: str,
                          shots: int | None, resamples: int, *, progress: Progress,
                          cancel: threading.Event):
    """Return ``core.study.compare_methods`` of two methods of a study at one few-shot size."""
    from peftt_gui.core.storage import RunStorage
    from peftt_gui.core.study import compare_methods

    storage = RunStorage(history_path)
    try:
        return compare_methods(storage, name, method_a, method_b, shots=shots, resamples=resamples)
    finally:
        storage.close()


def load_study_spec(path: str, *, progress: Progress, cancel: threading.Event):
    """Read a study JSON file as a ``core.study.StudySpec``; raises ConfigError when invalid."""
    from peftt_gui.core.study import StudySpec

    return StudySpec.load(path)


def save_study_spec(spec, path: str, *, progress: Progress, cancel: threading.Event) -> str:
    """Write ``spec`` as a study JSON file that ``peftt study`` runs, and return the path."""
    spec.save(path)
    return path


def save_run_file(config, path: str, *, progress: Progress, cancel: threading.Event) -> str:
    """Write ``config`` as a JSON run file that ``peftt train`` runs, and return the path."""
    config.save(path)
    return path
