"""The ``baseline`` method: logistic regression on TF-IDF weights of Tibetan syllable n-grams.

It needs no language model: rows are split into syllables at the tsheg, the shad, other
Tibetan punctuation and spaces, and each syllable n-gram is a feature. It fits in seconds on
a CPU and gives every study a reference that a language model has to beat.

The run goes into the history like any other (one epoch, validation and test metrics, the
number of weights as trainable parameters). The weights folder contains no pickle: the
vocabulary and IDF weights are JSON, the regression weights safetensors, beside the same
``peftt_run.json`` manifest as other runs.
"""

from __future__ import annotations

import json
import logging
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ... import __version__
from ..errors import CheckpointError, ConfigError, ModelError, display_path
from .registry import get_method

log = logging.getLogger(__name__)

FEATURES_FILE = "baseline_features.json"
WEIGHTS_FILE = "baseline_weights.safetensors"
FEATURES_FORMAT = 1

# Syllables end at whitespace and at Tibetan punctuation (category P: the tsheg, the shad and
# its variants, head marks, brackets), the same rule as whole-syllable masking in pre-training.
_TIBETAN_PUNCTUATION = "".join(chr(code) for code in range(0x0F00, 0x1000)
                               if unicodedata.category(chr(code)).startswith("P"))
_SYLLABLE_BOUNDARY = re.compile(f"[\\s{re.escape(_TIBETAN_PUNCTUATION)}]+")


def syllables(text: str) -> list[str]:
    """Split ``text`` into syllables (punctuation and spaces dropped)."""
    return [syllable for syllable in _SYLLABLE_BOUNDARY.split(text) if syllable]


def syllable_ngrams(text: str, low: int = 1, high: int = 2) -> list[str]:
    """Return the syllable n-grams of ``text`` for n from ``low`` to ``high``, syllables joined by a space."""
    units = syllables(text)
    grams = []
    for size in range(low, high + 1):
        grams.extend(" ".join(units[start:start + size]) for start in range(len(units) - size + 1))
    return grams


@dataclass
class TfidfFeatures:
    """A fitted TF-IDF vocabulary: ``transform`` gives L2-normalised rows as scikit-learn does."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    ngram_min: int
    ngram_max: int
    sublinear_tf: bool

    @classmethod
    def fit(cls, texts: Sequence[str], options) -> "TfidfFeatures":
        """Choose the vocabulary and IDF weights on ``texts`` with scikit-learn's ``TfidfVectorizer``."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        low, high = options.ngram_min, options.ngram_max
        vectorizer = TfidfVectorizer(analyzer=lambda text: syllable_ngrams(text, low, high), min_df=options.min_df,
                                     max_features=options.max_features, sublinear_tf=options.sublinear_tf)
        try:
            vectorizer.fit(texts)
        except ValueError as error:  # an empty vocabulary, for example with min_df above the row count
            raise ConfigError(f"The TF-IDF baseline found no n-gram to use ({error}). Lower min_df or check "
                              "that the training texts are Tibetan.", field="min_df") from None
        vocabulary = {term: int(index) for term, index in vectorizer.vocabulary_.items()}
        return cls(vocabulary, np.asarray(vectorizer.idf_, dtype=np.float64), low, high, options.sublinear_tf)

    def transform(self, texts: Sequence[str]):
        """Return the TF-IDF matrix of ``texts`` (scipy CSR, rows of unit length or zero)."""
        from scipy.sparse import csr_matrix
        from sklearn.preprocessing import normalize

        indptr, indices, counts = [0], [], []
        for text in texts:
            found = Counter(self.vocabulary[gram] for gram in syllable_ngrams(text, self.ngram_min, self.ngram_max)
                            if gram in self.vocabulary)
            indices.extend(found.keys())
            counts.extend(found.values())
            indptr.append(len(indices))
        matrix = csr_matrix((np.asarray(counts, dtype=np.float64), np.asarray(indices, dtype=np.int64),
                             np.asarray(indptr, dtype=np.int64)), shape=(len(texts), len(self.vocabulary)))
        matrix.sort_indices()
        if self.sublinear_tf:
            matrix.data = 1.0 + np.log(matrix.data)
        matrix.data *= self.idf[matrix.indices]
        return normalize(matrix, norm="l2", copy=False)

    def to_dict(self) -> dict:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {"format": FEATURES_FORMAT, "analyzer": "tibetan-syllable-ngrams",
                "ngram_range": [self.ngram_min, self.ngram_max], "sublinear_tf": self.sublinear_tf, "norm": "l2",
                "terms": terms, "idf": self.idf.tolist()}

    @classmethod
    def from_dict(cls, data: dict) -> "TfidfFeatures":
        if data.get("format") != FEATURES_FORMAT or len(data.get("terms", ())) != len(data.get("idf", ())):
            raise ModelError(f"The baseline feature file has an unknown format ({data.get('format')!r}) or a "
                             "vocabulary whose size differs from its IDF weights. Train the baseline again.")
        low, high = data["ngram_range"]
        vocabulary = {term: index for index, term in enumerate(data["terms"])}
        return cls(vocabulary, np.asarray(data["idf"], dtype=np.float64), int(low), int(high),
                   bool(data["sublinear_tf"]))


class BaselineModel:
    """TF-IDF features and a linear layer: one logit per class, softmax gives the probabilities."""

    def __init__(self, features: TfidfFeatures, weight: np.ndarray, bias: np.ndarray, labels: Sequence[str]):
        self.features = features
        self.weight = np.asarray(weight, dtype=np.float32)     # [classes, features]
        self.bias = np.asarray(bias, dtype=np.float32)         # [classes]
        self.labels = list(labels)
        self.lora_modules: list[str] = []

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """Class logits of (normalized) ``texts``, [rows, classes], float32."""
        matrix = self.features.transform(texts).astype(np.float32)
        return np.asarray(matrix @ self.weight.T) + self.bias

    def parameter_counts(self) -> tuple[int, int]:
        """Return (trainable, total): every weight and bias is trained."""
        count = int(self.weight.size + self.bias.size)
        return count, count

    def save(self, folder: str | Path) -> None:
        from safetensors.numpy import save_file

        folder = Path(folder)
        (folder / FEATURES_FILE).write_text(json.dumps(self.features.to_dict(), ensure_ascii=False),
                                            encoding="utf-8")
        save_file({"weight": np.ascontiguousarray(self.weight), "bias": np.ascontiguousarray(self.bias)},
                  str(folder / WEIGHTS_FILE))

    @classmethod
    def load(cls, folder: str | Path, labels: Sequence[str]) -> "BaselineModel":
        from safetensors.numpy import load_file

        folder = Path(folder)
        missing = [name for name in (FEATURES_FILE, WEIGHTS_FILE) if not (folder / name).is_file()]
        if missing:
            raise ModelError(f"{display_path(folder)} has no {' or '.join(missing)}, so the baseline cannot be "
                             "reloaded. Choose the complete weights folder of a baseline run.")
        features = TfidfFeatures.from_dict(json.loads((folder / FEATURES_FILE).read_text(encoding="utf-8")))
        tensors = load_file(str(folder / WEIGHTS_FILE))
        weight, bias = tensors["weight"], tensors["bias"]
        if weight.shape != (len(labels), len(features.vocabulary)) or bias.shape != (len(labels),):
            raise ModelError(f"The baseline weights in {display_path(folder)} have the shape {weight.shape}, but "
                             f"the manifest names {len(labels)} classes and the vocabulary has "
                             f"{len(features.vocabulary)} n-grams. Train the baseline again.")
        return cls(features, weight, bias, labels)


def fit_baseline(texts: Sequence[str], gold: np.ndarray, labels: Sequence[str], options,
                 balanced: bool = False, seed: int = 0) -> tuple[BaselineModel, float]:
    """Fit TF-IDF features and a logistic regression, and return the model and its training log-loss."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss

    features = TfidfFeatures.fit(texts, options)
    matrix = features.transform(texts)
    # Newton-CG converged in 8 iterations on TNCC-title where L-BFGS took 100, about 5 times the time,
    # for the same test macro-F1 within 0.006 (scikit-learn 1.9, C=10, 2 shared CPU cores).
    regression = LogisticRegression(C=options.C, solver="newton-cg", max_iter=options.max_iter,
                                    random_state=seed, class_weight="balanced" if balanced else None)
    regression.fit(matrix, gold)

    weight, bias = _class_weights(regression, len(labels))
    model = BaselineModel(features, weight, bias, labels)
    loss = float(log_loss(gold, _softmax(model.logits(texts)), labels=list(range(len(labels)))))
    return model, loss


def _class_weights(regression, num_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Return one weight row and bias per class, for a softmax over ``num_classes`` logits.

    With two classes scikit-learn keeps one row ``w`` for the second class against the first.
    The rows ``-w/2`` and ``w/2`` give the same probabilities under a softmax.
    """
    present = list(regression.classes_)
    coef, intercept = regression.coef_, regression.intercept_
    if len(present) == 2:
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    weight = np.zeros((num_classes, coef.shape[1]))
    # A class absent from the training rows keeps a very low bias, so it is never predicted.
    bias = np.full(num_classes, -1e4)
    weight[present] = coef
    bias[present] = intercept
    return weight, bias


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def load(folder: str | Path, labels: Sequence[str]) -> BaselineModel:
    """Reload a baseline written by ``BaselineModel.save`` (the Predictor calls this)."""
    return BaselineModel.load(folder, labels)


def run(config, storage=None, callbacks=None, state=None, resume_run_id: int | None = None,
        extra: dict | None = None):
    """Fit the baseline for ``config`` and record it as ``runner.run_training`` records a torch run.

    Returns a ``runner.RunOutcome`` whose ``model`` is the ``BaselineModel`` and whose
    ``prepared`` is None, because the baseline tokenizes nothing. ``config.model_path`` is not read.
    """
    from .. import runner
    from ..state import CallbackList, TrainingState

    if resume_run_id is not None:
        raise CheckpointError(f"Run {resume_run_id} is a TF-IDF baseline, which trains in seconds and keeps no "
                              "checkpoint. Start it again.")
    state = state or TrainingState()
    spec = get_method(config.method)
    options = spec.options(config.method_options)
    output_root = Path(config.output_dir).expanduser() if config.output_dir else runner.default_runs_dir()
    runner.check_output_folder(output_root)
    normalizer = runner.make_normalizer(config.normalization)
    splits = runner.load_run_data(config, normalizer)
    for note in splits.notes:
        log.info(note)
        if callbacks is not None:
            callbacks.on_message(state, note)

    run_id = None
    if storage is not None:
        run_id = _open_history_row(storage, config, splits, normalizer, extra)
    folder_name = f"run-{run_id if run_id is not None else int(time.time())}-{runner.slug(config.name or spec.name)}"
    run_dir = output_root / folder_name
    writers = CallbackList([callbacks] + ([runner.HistoryWriter(storage, run_id)] if storage is not None else []))
    try:
        model, result = _fit_and_evaluate(config, options, splits, writers, state)
        state.phase = "saving"
        weights_dir = _save_run(model, run_dir / "weights", config, splits, normalizer, result)
    except BaseException as error:
        if storage is not None:
            runner.record_failure(storage, run_id, error, [])
        raise

    trainable, total = model.parameter_counts()
    if storage is not None:
        storage.update_run(run_id, trainable_params=trainable, total_params=total, trainable_percent=100.0)
        runner.record_result(storage, run_id, result, str(weights_dir), _gold(splits.test, splits.labels).tolist())
    writers.on_end(state, result.status)
    log.info("Run %s finished in %.1f s: %d n-grams, validation macro-F1 %.4f, test macro-F1 %s", run_id,
             result.duration_s, len(model.features.vocabulary), result.best_validation.macro_f1,
             "n/a" if result.test is None else f"{result.test.macro_f1:.4f}")
    return runner.RunOutcome(run_id, result.status, result, str(weights_dir), trainable, total, model=model)


def _gold(rows, labels: Sequence[str]) -> np.ndarray:
    index = {label: i for i, label in enumerate(labels)}
    return np.fromiter((index[row.label] for row in rows), dtype=np.int64, count=len(rows))


def _open_history_row(storage, config, splits, normalizer, extra: dict | None) -> int:
    from ..runner import relative_fingerprints

    # The baseline reads no model folder, so the history row names none.
    record = storage.create_run(
        name=config.name or f"{config.method} (TF-IDF, no model)", method=config.method, model_path="",
        model_name="", config=config.to_dict(), normalization=normalizer.config.mode, labels=splits.labels,
        data_files=relative_fingerprints(splits.fingerprints), study=config.study, tags=config.tags,
        extra={"notes": list(splits.notes), "truncated": {}, "lora_modules": [], **(extra or {})})
    return record.id


def _fit_and_evaluate(config, options, splits, writers, state):
    """Fit on the training rows and score validation and test; report one step and one epoch."""
    import torch

    from ..metrics import classification_metrics
    from ..state import EpochReport, StepReport
    from ..trainer import TrainResult, peak_memory_bytes

    started = time.monotonic()
    labels = splits.labels
    balanced = options.class_weight == "balanced" or config.training.class_weights
    state.total_steps = 1
    state.phase = "training"
    writers.on_start(state)
    model, train_loss = fit_baseline([row.text for row in splits.train], _gold(splits.train, labels), labels,
                                     options, balanced=balanced, seed=config.training.seed)
    state.step, state.epoch, state.latest_loss = 1, 1.0, train_loss
    writers.on_steps(state, [StepReport(step=1, epoch=1.0, loss=train_loss, learning_rate=0.0)])

    state.phase = "evaluating"
    validation_predictions = model.logits([row.text for row in splits.validation]).argmax(axis=1)
    validation = classification_metrics(_gold(splits.validation, labels), validation_predictions, labels)
    state.latest_validation_f1 = validation.macro_f1
    writers.on_epoch(state, EpochReport(1, train_loss, validation, time.monotonic() - started, True))

    test, test_predictions = None, None
    if splits.test:
        state.phase = "testing"
        test_predictions = model.logits([row.text for row in splits.test]).argmax(axis=1)
        test = classification_metrics(_gold(splits.test, labels), test_predictions, labels)
    state.phase = "done"
    result = TrainResult(
        status="finished", best_epoch=1, best_validation=validation,
        validation_predictions=validation_predictions.tolist(), test=test,
        test_predictions=None if test_predictions is None else test_predictions.tolist(),
        epochs=[], steps=1, duration_s=time.monotonic() - started,
        peak_memory_bytes=peak_memory_bytes(torch.device("cpu")), device="cpu", precision="fp32",
        batch_size=len(splits.train))
    return model, result


def _save_run(model: BaselineModel, folder: Path, config, splits, normalizer, result) -> Path:
    """Write the features, weights and ``peftt_run.json``; remove the folder again when a write fails."""
    import shutil

    from ..errors import write_error
    from ..runner import MANIFEST_NAME, manifest_metrics

    manifest = {
        "app_version": __version__, "method": config.method, "method_options": config.method_options,
        "base_model": None, "labels": splits.labels, "template": None, "verbalizer": None,
        "normalization": normalizer.config.mode, "max_length": None, "tokenizer_overrides": {},
        "metrics": manifest_metrics(result),
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        model.save(folder)
        (folder / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise write_error("the baseline weights", folder, error) from error
    return folder
