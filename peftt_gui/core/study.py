"""Studies: a grid of models x methods x seeds (x few-shot sizes x templates) run one after another.

Each cell of the grid is a normal history run tagged with the study name and a cell key, so
a stopped study resumes where it stopped and finished cells are never run twice. Results are
aggregated over seeds (mean and sample standard deviation), and two methods are compared with
a paired t-test over seeds and a paired bootstrap over test examples.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import asdict, dataclass, field
from itertools import product
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from .config import RunConfig, from_mapping
from .errors import ConfigError, PefttError
from .methods.registry import NO_MODEL

log = logging.getLogger(__name__)

# Every study runs the TF-IDF baseline unless ``include_baseline`` is off. It reads no model, so
# it runs once per seed and few-shot size, in cells whose model is ``NO_MODEL``.
BASELINE_METHOD = "baseline"


@dataclass
class StudySpec:
    """A study definition, as written in a study JSON file or built by the Study page."""

    name: str
    models: list[str]
    methods: list[str]
    seeds: list[int] = field(default_factory=lambda: [13, 21, 42])
    shots_per_class: list[int | None] = field(default_factory=lambda: [None])
    templates: list[str] = field(default_factory=list)
    base: dict = field(default_factory=dict)              # RunConfig fields shared by every run
    method_options: dict = field(default_factory=dict)    # method name -> options
    learning_rates: dict = field(default_factory=dict)    # method name -> learning rate
    include_baseline: bool = True                         # add the TF-IDF baseline to the methods

    def __post_init__(self):
        if not self.name.strip():
            raise ConfigError("The study needs a name; runs are tagged with it.", field="name")
        for key in ("models", "methods", "seeds"):
            if not getattr(self, key):
                raise ConfigError(f"The study {self.name!r} lists no {key}; give at least one.", field=key)
        from .methods import get_method

        for method in self.methods:
            get_method(method)
        if self.include_baseline and BASELINE_METHOD not in self.methods:
            self.methods = [*self.methods, BASELINE_METHOD]

    @classmethod
    def load(cls, path: str | Path) -> "StudySpec":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"Cannot read the study file {path}: {error}.") from None
        except json.JSONDecodeError as error:
            raise ConfigError(f"{path}, line {error.lineno}: invalid JSON ({error.msg}).") from None
        return from_mapping(cls, data, context="study file")

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")


@dataclass(frozen=True)
class StudyCell:
    """One run of the grid; ``model`` is ``NO_MODEL`` for a method that reads no model."""

    model: str
    method: str
    seed: int
    shots: int | None
    template_index: int | None

    @property
    def key(self) -> str:
        shots = "all" if self.shots is None else str(self.shots)
        template = "-" if self.template_index is None else str(self.template_index)
        return f"{Path(self.model).name}|{self.method}|seed={self.seed}|k={shots}|t={template}"


def expand_grid(spec: StudySpec) -> list[StudyCell]:
    """List every run of the study, methods innermost so that the first seed covers every method.

    Methods that read no model (the baseline) come first, once per few-shot size and seed:
    their result does not depend on the model, and they take seconds.
    """
    from .methods import get_method

    model_free = [method for method in spec.methods if not get_method(method).uses_model]
    cells = [StudyCell(NO_MODEL, method, seed, shots, None)
             for shots, seed, method in product(spec.shots_per_class, spec.seeds, model_free)]
    template_choices = list(range(len(spec.templates))) or [None]
    model_methods = [method for method in spec.methods if method not in model_free]
    for model, shots, seed, template_index, method in product(spec.models, spec.shots_per_class, spec.seeds,
                                                              template_choices, model_methods):
        uses_template = get_method(method).uses_template
        if not uses_template and template_index not in (None, 0):
            continue  # templates do not change methods without a prompt
        cells.append(StudyCell(model, method, seed, shots, template_index if uses_template else None))
    return cells


def cell_config(spec: StudySpec, cell: StudyCell) -> RunConfig:
    """Build the run configuration of one grid cell from the shared base."""
    base = json.loads(json.dumps(spec.base))  # a deep copy
    base["model_path"] = cell.model
    base["method"] = cell.method
    base["study"] = spec.name
    base["name"] = f"{spec.name}: {cell.key}"
    base.setdefault("tags", [])
    base["tags"] = list(base["tags"]) + [f"study:{spec.name}"]
    training = dict(base.get("training") or {})
    training["seed"] = cell.seed
    if cell.method in spec.learning_rates:
        training["learning_rate"] = spec.learning_rates[cell.method]
    base["training"] = training
    data = dict(base.get("data") or {})
    data["shots_per_class"] = cell.shots
    base["data"] = data
    if cell.template_index is not None:
        base["template"] = spec.templates[cell.template_index]
    base["method_options"] = dict(spec.method_options.get(cell.method, {}))
    return RunConfig.from_dict(base)


def finished_keys(storage, study: str) -> set[str]:
    """Keys of the study's cells that already finished."""
    runs = storage.list_runs(study=study, status="finished")
    records = storage.get_runs([run.id for run in runs]) if runs else []
    return {record.extra.get("study_key") for record in records if record.extra}


@dataclass
class StudyProgress:
    done: int
    total: int
    cell: StudyCell | None
    message: str = ""


def run_study(spec: StudySpec, storage, *, callbacks=None, state_factory: Callable[[], Any] | None = None,
              progress: Callable[[StudyProgress], None] | None = None,
              should_stop: Callable[[], bool] | None = None) -> list[int]:
    """Run every unfinished cell of the study in order and return the new run ids.

    A failed cell is logged and recorded as a failed run; the study goes on with the next cell.
    """
    from .runner import run_training
    from .state import TrainingState

    cells = expand_grid(spec)
    done_keys = finished_keys(storage, spec.name)
    pending = [cell for cell in cells if cell.key not in done_keys]
    log.info("Study %s: %d runs, %d already finished", spec.name, len(cells), len(cells) - len(pending))
    run_ids = []
    done = len(cells) - len(pending)
    for cell in pending:
        if should_stop is not None and should_stop():
            log.info("Study %s stopped before %s", spec.name, cell.key)
            break
        if progress is not None:
            progress(StudyProgress(done, len(cells), cell, f"Running {cell.key}"))
        config = cell_config(spec, cell)
        state = state_factory() if state_factory else TrainingState()
        try:
            outcome = run_training(config, storage=storage, callbacks=callbacks, state=state,
                                   extra={"study_key": cell.key})
        except PefttError as error:
            log.warning("Study %s: run %s failed: %s", spec.name, cell.key, error)
            if progress is not None:
                progress(StudyProgress(done, len(cells), cell, f"Failed {cell.key}: {error}"))
            continue
        run_ids.append(outcome.run_id)
        if outcome.status != "finished":
            break  # the user cancelled the run: stop the study, keep it resumable
        done += 1
    if progress is not None:
        progress(StudyProgress(done, len(cells), None, "Study finished" if done == len(cells) else "Study paused"))
    return run_ids


# -- results ---------------------------------------------------------------------------------------

METRICS = ("test_macro_f1", "best_val_macro_f1", "test_accuracy", "trainable_percent", "duration_s")


@dataclass
class ResultRow:
    model: str
    method: str
    shots: int | None
    template_index: int | None
    runs: int
    mean: dict[str, float]
    std: dict[str, float]


def _cell_of(record) -> StudyCell | None:
    key = (record.extra or {}).get("study_key")
    if not key:
        return None
    model, method, seed, shots, template = key.split("|")
    return StudyCell(model, method, int(seed.split("=")[1]),
                     None if shots == "k=all" else int(shots.split("=")[1]),
                     None if template == "t=-" else int(template.split("=")[1]))


def study_records(storage, study: str) -> list:
    runs = storage.list_runs(study=study, status="finished", order_by="created_at", descending=False)
    return storage.get_runs([run.id for run in runs]) if runs else []


def study_results(storage, study: str) -> list[ResultRow]:
    """Aggregate finished runs per (model, method, shots, template) over seeds."""
    groups: dict[tuple, list] = {}
    for record in study_records(storage, study):
        cell = _cell_of(record)
        if cell is None:
            continue
        groups.setdefault((cell.model, cell.method, cell.shots, cell.template_index), []).append(record)

    rows = []
    for (model, method, shots, template_index), records in groups.items():
        mean, std = {}, {}
        for metric in METRICS:
            values = [getattr(record, metric) for record in records if getattr(record, metric) is not None]
            mean[metric] = float(np.mean(values)) if values else math.nan
            std[metric] = float(np.std(values, ddof=1)) if len(values) > 1 else math.nan
        rows.append(ResultRow(model, method, shots, template_index, len(records), mean, std))
    rows.sort(key=lambda row: (row.model, -1 if row.shots is None else row.shots, row.method,
                               -1 if row.template_index is None else row.template_index))
    return rows


@dataclass
class Significance:
    method_a: str
    method_b: str
    pairs: int
    mean_difference: float          # a minus b, test macro-F1
    t_statistic: float
    p_value_seeds: float            # paired t-test over seeds
    p_value_bootstrap: float        # paired bootstrap over test examples, two-sided
    test: str


def compare_methods(storage, study: str, method_a: str, method_b: str, *, model: str | None = None,
                    shots: int | None = None, resamples: int = 2000, seed: int = 0) -> Significance:
    """Test whether ``method_a`` and ``method_b`` differ in test macro-F1.

    Runs are paired by model, seed, few-shot size and template. A run without a model (the
    baseline) or without a template pairs with every run that matches in the rest. The seed
    test is a paired t-test over those pairs; the bootstrap resamples test examples (the same
    indices for both methods) and pools the pairs, which needs the test predictions stored
    with each run.
    """
    from scipy import stats

    from .metrics import classification_metrics

    runs: dict[str, list[tuple[StudyCell, Any]]] = {method_a: [], method_b: []}
    for record in study_records(storage, study):
        cell = _cell_of(record)
        if cell is None or cell.method not in (method_a, method_b):
            continue
        if (model is not None and cell.model not in (Path(model).name, NO_MODEL)) or cell.shots != shots:
            continue
        runs[cell.method].append((cell, record))
    pairs = [(record_a, record_b) for cell_a, record_a in runs[method_a] for cell_b, record_b in runs[method_b]
             if _paired(cell_a, cell_b)]
    if not pairs:
        raise ConfigError(f"The study {study!r} has no finished runs of both {method_a} and {method_b} "
                          "with the same model, seed and few-shot size.")

    differences = np.array([a.test_macro_f1 - b.test_macro_f1 for a, b in pairs])
    if len(pairs) > 1 and np.ptp(differences) > 0:
        t_statistic, p_seeds = stats.ttest_rel([a.test_macro_f1 for a, _ in pairs],
                                               [b.test_macro_f1 for _, b in pairs])
    else:
        t_statistic, p_seeds = math.nan, math.nan

    rng = np.random.default_rng(seed)
    observed, boot = [], []
    for a, b in pairs:
        gold = np.array(a.extra.get("test_gold") or [])
        predictions_a = np.array(a.extra.get("test_predictions") or [])
        predictions_b = np.array(b.extra.get("test_predictions") or [])
        if not len(gold) or len(predictions_a) != len(gold) or len(predictions_b) != len(gold):
            continue
        labels = list(a.labels)
        observed.append(classification_metrics(gold, predictions_a, labels).macro_f1
                        - classification_metrics(gold, predictions_b, labels).macro_f1)
        draws = []
        for _ in range(resamples):
            index = rng.integers(0, len(gold), len(gold))
            draws.append(classification_metrics(gold[index], predictions_a[index], labels).macro_f1
                         - classification_metrics(gold[index], predictions_b[index], labels).macro_f1)
        boot.append(np.array(draws))
    if boot:
        pooled = np.mean(np.stack(boot), axis=0)
        centred = pooled - pooled.mean()  # the null distribution: same spread, zero mean
        p_bootstrap = float(np.mean(np.abs(centred) >= abs(np.mean(observed))))
    else:
        p_bootstrap = math.nan

    return Significance(method_a, method_b, len(pairs), float(differences.mean()), float(t_statistic),
                        float(p_seeds), p_bootstrap,
                        "paired t-test over seeds; paired bootstrap over test examples "
                        f"({resamples} resamples, pooled over {len(boot)} pairs)")


def _paired(a: StudyCell, b: StudyCell) -> bool:
    """Return whether two runs differ only in their method.

    They need the same seed and few-shot size, and the same model and template unless one of
    them has none: the baseline reads no model, and methods without a prompt use no template.
    """
    same_model = a.model == b.model or NO_MODEL in (a.model, b.model)
    same_template = a.template_index == b.template_index or None in (a.template_index, b.template_index)
    return a.seed == b.seed and a.shots == b.shots and same_model and same_template


# -- tables ----------------------------------------------------------------------------------------

def results_table(rows: Sequence[ResultRow]) -> tuple[list[str], list[list[str]]]:
    """Return a header and text cells: mean ± std of each metric."""
    header = ["model", "method", "k", "template", "runs", "test macro-F1", "val macro-F1", "test accuracy",
              "trainable %", "time (s)"]
    cells = []
    for row in rows:
        def pair(metric: str, digits: int = 4) -> str:
            mean, std = row.mean[metric], row.std[metric]
            if math.isnan(mean):
                return "-"
            return f"{mean:.{digits}f}" + ("" if math.isnan(std) else f" ± {std:.{digits}f}")

        cells.append([Path(row.model).name, row.method, "all" if row.shots is None else str(row.shots),
                      "-" if row.template_index is None else str(row.template_index), str(row.runs),
                      pair("test_macro_f1"), pair("best_val_macro_f1"), pair("test_accuracy"),
                      pair("trainable_percent", 3), pair("duration_s", 0)])
    return header, cells


def to_markdown(header: Iterable[str], cells: Iterable[Sequence[str]]) -> str:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in cells]
    return "\n".join(lines) + "\n"


def to_csv(header: Iterable[str], cells: Iterable[Sequence[str]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(list(header))
    writer.writerows(cells)
    return buffer.getvalue()


def _latex_escape(text: str) -> str:
    for char, escaped in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("#", r"\#"), ("_", r"\_"),
                          ("±", r"$\pm$")):
        text = text.replace(char, escaped)
    return text


def to_latex(header: Iterable[str], cells: Iterable[Sequence[str]]) -> str:
    header = list(header)
    lines = [r"\begin{tabular}{" + "l" * 4 + "r" * (len(header) - 4) + "}", r"\toprule",
             " & ".join(_latex_escape(cell) for cell in header) + r" \\", r"\midrule"]
    lines += [" & ".join(_latex_escape(str(cell)) for cell in row) + r" \\" for row in cells]
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines) + "\n"
