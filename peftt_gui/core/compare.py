"""Side-by-side comparison of runs: metrics, curves, configuration, confusion matrices and
validation rows whose prediction changed, with CSV, Markdown and LaTeX tables."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from .errors import PefttError


@dataclass(frozen=True)
class MetricRow:
    """One row of the metrics table: a value per run, and which runs have the best one."""

    key: str
    label: str
    values: tuple[float | None, ...]
    better: str | None              # "higher", "lower", or None when no value is better
    unit: str                       # score, count, percent, seconds or mebibytes
    best: tuple[int, ...]           # positions (in Comparison.runs) of the best value; ties share it


@dataclass(frozen=True)
class RunCurves:
    """Training loss per optimizer step and validation macro-F1 per epoch of one run."""

    run_id: int
    steps: tuple[int, ...]
    losses: tuple[float, ...]
    epochs: tuple[int, ...]
    val_macro_f1: tuple[float | None, ...]


@dataclass(frozen=True)
class ConfigDifference:
    """A flattened configuration key whose value is not the same in every run (None: not set)."""

    key: str
    values: tuple[Any, ...]


@dataclass(frozen=True)
class ChangedPrediction:
    """A validation row that two runs classify differently."""

    index: int                      # row of the validation split
    text: str                       # normalized, as the runs saw it
    gold: str
    prediction_a: str
    prediction_b: str


@dataclass(frozen=True)
class _RowSpec:
    key: str
    label: str
    better: str | None
    unit: str
    value: Callable[[Any, list], float | None]


def _mebibytes(value: int | None) -> float | None:
    return None if value is None else value / 2**20


# Rows before and after the per-class test F1 rows, in table order.
_LEADING_ROWS = (
    _RowSpec("val_macro_f1", "validation macro-F1", "higher", "score", lambda run, epochs: run.best_val_macro_f1),
    _RowSpec("val_accuracy", "validation accuracy", "higher", "score", lambda run, epochs: run.best_val_accuracy),
    _RowSpec("test_macro_f1", "test macro-F1", "higher", "score", lambda run, epochs: run.test_macro_f1),
    _RowSpec("test_accuracy", "test accuracy", "higher", "score", lambda run, epochs: run.test_accuracy),
)
_TRAILING_ROWS = (
    _RowSpec("trainable_params", "trainable parameters", "lower", "count",
             lambda run, epochs: run.trainable_params),
    _RowSpec("trainable_percent", "trainable %", "lower", "percent", lambda run, epochs: run.trainable_percent),
    _RowSpec("duration_s", "duration (s)", "lower", "seconds", lambda run, epochs: run.duration_s),
    _RowSpec("peak_memory_mib", "peak memory (MiB)", "lower", "mebibytes",
             lambda run, epochs: _mebibytes(run.peak_memory_bytes)),
    # More epochs are neither better nor worse, so no value is marked.
    _RowSpec("epochs", "epochs", None, "count",
             lambda run, epochs: len(epochs) if epochs else run.last_finished_epoch),
)

_DISPLAY_FORMATS = {"score": "{:.4f}", "count": "{:,.0f}", "percent": "{:.3f}", "seconds": "{:.1f}",
                    "mebibytes": "{:.0f}"}


@dataclass(frozen=True)
class Comparison:
    """Runs side by side, as ``compare_runs`` builds them."""

    runs: tuple[Any, ...]                       # RunRecord values, in the requested order
    metrics: tuple[MetricRow, ...]
    curves: dict[int, RunCurves]
    config_differences: tuple[ConfigDifference, ...]
    _validation_rows: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def headers(self) -> list[str]:
        """Column headers: ``#id name`` of each run."""
        return [f"#{run.id} {run.name}" for run in self.runs]

    def run(self, run_id: int):
        for run in self.runs:
            if run.id == run_id:
                return run
        raise PefttError(f"Run {run_id} is not part of this comparison (runs "
                         f"{', '.join(str(run.id) for run in self.runs)}).")

    # -- confusion matrices ----------------------------------------------------------------------

    def confusion(self, run_id: int, split: str = "test") -> np.ndarray | None:
        """Return the run's confusion matrix on ``split`` (test or validation), gold classes as rows."""
        run = self.run(run_id)
        if split not in ("test", "validation"):
            raise PefttError(f"Unknown split {split!r}: choose test or validation.")
        matrix = run.test_confusion if split == "test" else run.val_confusion
        return None if matrix is None else np.asarray(matrix, dtype=np.int64)

    def confusion_difference(self, run_a: int, run_b: int, split: str = "test") -> np.ndarray:
        """Return the confusion matrix of ``run_b`` minus that of ``run_a`` (same classes needed)."""
        first, second = self.run(run_a), self.run(run_b)
        _require_same_labels(first, second)
        matrices = [self.confusion(run_a, split), self.confusion(run_b, split)]
        for run, matrix in zip((first, second), matrices):
            if matrix is None:
                raise PefttError(f"Run {run.id} ({run.name}) has no {split} confusion matrix (status {run.status}).")
        return matrices[1] - matrices[0]

    # -- changed predictions -----------------------------------------------------------------------

    def changed_predictions(self, run_a: int, run_b: int) -> list[ChangedPrediction]:
        """List the validation rows whose predicted class differs between two runs."""
        return changed_predictions(self.run(run_a), self.run(run_b), cache=self._validation_rows)

    # -- tables ------------------------------------------------------------------------------------

    def to_csv(self) -> str:
        """Return the metrics table as CSV with unrounded values and a ``best`` column of run ids."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["metric", *self.headers, "best"])
        for row in self.metrics:
            cells = ["" if value is None else _plain_number(value, row.unit) for value in row.values]
            best = " ".join(str(self.runs[index].id) for index in row.best)
            writer.writerow([row.label, *cells, best])
        return buffer.getvalue()

    def to_markdown(self, include_config: bool = True) -> str:
        """Return the metrics table in Markdown with the best values in bold, and the
        configuration differences below it."""
        lines = _markdown_table(["metric", *self.headers],
                                [[row.label, *self._display_cells(row, "**{}**")] for row in self.metrics],
                                numeric=True)
        if include_config and self.config_differences:
            lines += ["", *_markdown_table(["setting", *self.headers],
                                           [[item.key, *(format_config_value(v) for v in item.values)]
                                            for item in self.config_differences], numeric=False)]
        return "\n".join(lines) + "\n"

    def to_latex(self) -> str:
        """Return the metrics table as a LaTeX tabular (booktabs rules) with the best values in bold."""
        lines = [r"\begin{tabular}{l" + "r" * len(self.runs) + "}", r"\toprule",
                 " & ".join(latex_escape(cell) for cell in ["metric", *self.headers]) + r" \\", r"\midrule"]
        for row in self.metrics:
            cells = [latex_escape(row.label)]
            for position, value in enumerate(row.values):
                text = latex_escape(_display_number(value, row.unit))
                cells.append(rf"\textbf{{{text}}}" if position in row.best else text)
            lines.append(" & ".join(cells) + r" \\")
        lines += [r"\bottomrule", r"\end{tabular}"]
        return "\n".join(lines) + "\n"

    def _display_cells(self, row: MetricRow, best_format: str) -> list[str]:
        cells = []
        for position, value in enumerate(row.values):
            text = _display_number(value, row.unit)
            cells.append(best_format.format(text) if position in row.best else text)
        return cells


def compare_runs(storage, run_ids: Iterable[int]) -> Comparison:
    """Compare runs: one query for the runs, then their steps and epochs run by run."""
    ids = [int(run_id) for run_id in run_ids]
    if not ids:
        raise PefttError("No runs to compare: give at least one run id.")
    repeated = sorted({run_id for run_id in ids if ids.count(run_id) > 1})
    if repeated:
        raise PefttError(f"Run {', '.join(map(str, repeated))} is given twice; give each run once.")

    runs = storage.get_runs(ids)
    epochs = {run_id: storage.get_epochs(run_id) for run_id in ids}
    curves = {run_id: _curves(run_id, storage.get_steps(run_id), epochs[run_id]) for run_id in ids}
    return Comparison(runs=tuple(runs), metrics=tuple(metric_rows(runs, epochs)), curves=curves,
                      config_differences=tuple(config_differences(runs)))


def _curves(run_id: int, steps: Sequence, epochs: Sequence) -> RunCurves:
    return RunCurves(run_id=run_id, steps=tuple(step.step for step in steps),
                     losses=tuple(step.loss for step in steps), epochs=tuple(epoch.epoch for epoch in epochs),
                     val_macro_f1=tuple(epoch.val_macro_f1 for epoch in epochs))


# -- metrics table ----------------------------------------------------------------------------------


def metric_rows(runs: Sequence, epochs: Mapping[int, list]) -> list[MetricRow]:
    """Build the metrics table rows, per-class test F1 of every class of any run included."""
    labels: list[str] = []
    for run in runs:
        labels += [label for label in run.labels or [] if label not in labels]
    per_class = [_RowSpec(f"test_f1:{label}", f"test F1 {label}", "higher", "score",
                          lambda run, run_epochs, label=label: (run.test_per_class_f1 or {}).get(label))
                 for label in labels]

    rows = []
    for spec in (*_LEADING_ROWS, *per_class, *_TRAILING_ROWS):
        values = tuple(_finite(spec.value(run, epochs.get(run.id, []))) for run in runs)
        best = best_positions(values, spec.better)
        rows.append(MetricRow(spec.key, spec.label, values, spec.better, spec.unit, best))
    return rows


def best_positions(values: Sequence[float | None], better: str | None) -> tuple[int, ...]:
    """Return the positions holding the best value, every tied one.

    None is marked when ``better`` is None or when every run has the same value.
    """
    present = [value for value in values if value is not None]
    if better is None or not present:
        return ()
    if len(present) == len(values) and len(set(present)) == 1:
        return ()   # every run has the same value, so none is better
    best = max(present) if better == "higher" else min(present)
    return tuple(position for position, value in enumerate(values) if value == best)


def _finite(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _plain_number(value: float, unit: str) -> str:
    if unit == "count":
        return str(int(value))
    return repr(float(value))


def _display_number(value: float | None, unit: str) -> str:
    return "-" if value is None else _DISPLAY_FORMATS[unit].format(value)


def format_metric(value: float | None, unit: str) -> str:
    """Format a metric value as the Markdown and LaTeX tables show it ("-" when missing)."""
    return _display_number(value, unit)


# -- configuration differences ----------------------------------------------------------------------


def flatten_config(config: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Flatten nested mappings to dotted keys (``training.learning_rate``); empty mappings vanish."""
    flat: dict[str, Any] = {}
    for key, value in config.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten_config(value, name + "."))
        else:
            flat[name] = value
    return flat


def effective_config(run) -> dict[str, Any]:
    """Return the run's flattened configuration, with the template and verbalizer it used.

    Methods without a prompt ignore the configured template and verbalizer, so they show none.
    """
    config = {key: value for key, value in (run.config or {}).items() if key not in ("template", "verbalizer")}
    config["template"] = run.template or None
    config["verbalizer"] = run.verbalizer or {}
    return flatten_config(config)


def config_differences(runs: Sequence) -> list[ConfigDifference]:
    """Return the flattened keys whose values differ between the runs, in first-seen order."""
    flat = [effective_config(run) for run in runs]
    keys: list[str] = []
    for config in flat:
        keys += [key for key in config if key not in keys]
    differences = []
    for key in keys:
        values = tuple(config.get(key) for config in flat)
        if any(value != values[0] for value in values[1:]):
            differences.append(ConfigDifference(key, values))
    return differences


def format_config_value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, (list, tuple)):
        return ", ".join(format_config_value(item) for item in value)
    return str(value)


# -- changed predictions ----------------------------------------------------------------------------


def changed_predictions(run_a, run_b, cache: dict | None = None) -> list[ChangedPrediction]:
    """List the validation rows that ``run_a`` and ``run_b`` classify differently.

    The predictions come from each run's ``extra["validation_predictions"]`` (class indices in
    the order of the validation split). The texts are read again from the run's data files,
    so those files must still exist unchanged. Raises ``PefttError`` when the runs have other
    classes or other validation rows, or when a data file changed since its run. ``cache``
    keeps loaded splits between calls.
    """
    _require_same_labels(run_a, run_b)
    cache = {} if cache is None else cache
    predictions = [_validation_predictions(run) for run in (run_a, run_b)]
    rows = [_validation_rows(run, cache) for run in (run_a, run_b)]
    for run, run_rows, run_predictions in zip((run_a, run_b), rows, predictions):
        if len(run_rows) != len(run_predictions):
            raise PefttError(f"Run {run.id} ({run.name}) stored {len(run_predictions)} validation predictions, but "
                             f"its validation data now has {len(run_rows)} rows. The data files changed since "
                             "the run.")
    if [(row.text, row.label) for row in rows[0]] != [(row.text, row.label) for row in rows[1]]:
        raise PefttError(f"Runs {run_a.id} and {run_b.id} were validated on different rows, so their predictions "
                         "cannot be compared row by row.")

    labels = run_a.labels
    return [ChangedPrediction(index, row.text, row.label, labels[first], labels[second])
            for index, (row, first, second) in enumerate(zip(rows[0], *predictions)) if first != second]


def _require_same_labels(run_a, run_b) -> None:
    if list(run_a.labels or []) != list(run_b.labels or []):
        raise PefttError(f"Runs {run_a.id} and {run_b.id} have different classes ({', '.join(run_a.labels or [])} "
                         f"vs {', '.join(run_b.labels or [])}), so their predictions cannot be compared.")


def _validation_predictions(run) -> list[int]:
    predictions = (run.extra or {}).get("validation_predictions")
    if predictions is None:
        reasons = {"cancelled": "it was stopped", "failed": "it failed", "running": "it is still running",
                   "interrupted": "it was interrupted"}
        reason = reasons.get(run.status, f"status {run.status}")
        raise PefttError(f"Run {run.id} ({run.name}) has no stored validation predictions ({reason}). "
                         "Only runs that finished an epoch have them, so choose another run.")
    return list(predictions)


def _validation_rows(run, cache: dict) -> list:
    """Load the run's validation split as it was trained (same files, limits, seed and normalizer)."""
    from .config import RunConfig
    from .runner import load_run_data, make_normalizer

    config = RunConfig.from_dict(run.config)
    key = (repr(config.data), config.training.seed, run.normalization)
    if key not in cache:
        cache[key] = load_run_data(config, make_normalizer(run.normalization))
    splits = cache[key]

    # The stored predictions index the rows of the files as they were, so changed files
    # would pair predictions with the wrong texts.
    stored = sorted((run.data_files or {}).values())
    if stored and stored != sorted(splits.fingerprints.values()):
        raise PefttError(f"The data files of run {run.id} ({run.name}) changed since it was trained, so its stored "
                         "predictions no longer match their rows. Restore the original files to list changed "
                         "predictions.")
    return splits.validation


def latex_escape(text: str) -> str:
    """Escape LaTeX's special characters (``_ % & # $ { } ~ ^ \\``) in plain text."""
    replacements = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return "".join(replacements.get(character, character) for character in text)


def _markdown_table(header: list[str], rows: list[list[str]], numeric: bool) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", r"\|") for cell in cells) + " |"

    alignment = ["---"] + ["---:" if numeric else "---"] * (len(header) - 1)
    return [line(header), "|" + "|".join(alignment) + "|", *(line(row) for row in rows)]
