"""The ``peftt`` command line: the same engine as the app, without a window."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from . import __version__
from .core.errors import ConfigError, PefttError, display_path
from .core.state import TrainingCallbacks

log = logging.getLogger("peftt_gui.cli")


# -- progress display ----------------------------------------------------------------------------

class TerminalProgress(TrainingCallbacks):
    """A one-line progress bar on stderr, plus one line per epoch."""

    def __init__(self, stream=None, width: int = 30):
        self.stream = stream or sys.stderr
        self.width = width
        self.interactive = self.stream.isatty()
        self._last_draw = 0.0

    def on_steps(self, state, reports):
        now = time.monotonic()
        if now - self._last_draw < 0.2 and state.step < state.total_steps:
            return
        self._last_draw = now
        fraction = state.step / state.total_steps if state.total_steps else 0.0
        filled = int(fraction * self.width)
        eta = state.eta_s
        line = (f"[{'#' * filled}{'.' * (self.width - filled)}] {state.step}/{state.total_steps} "
                f"epoch {state.epoch:.2f} loss {reports[-1].loss:.4f} "
                f"ETA {format_duration(eta) if eta is not None else '?'}")
        if self.interactive:
            self.stream.write("\r" + line.ljust(100))
        elif state.step % max(state.total_steps // 20, 1) < len(reports):
            self.stream.write(line + "\n")
        self.stream.flush()

    def on_epoch(self, state, report):
        if self.interactive:
            self.stream.write("\n")
        marker = " (best)" if report.is_best else ""
        self.stream.write(f"epoch {report.epoch}: train loss {report.train_loss:.4f}, validation macro-F1 "
                          f"{report.validation.macro_f1:.4f}, accuracy {report.validation.accuracy:.4f}, "
                          f"{report.duration_s:.0f} s{marker}\n")
        self.stream.flush()

    def on_message(self, state, message):
        self.stream.write(message + "\n")



def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def print_table(rows: list[list[str]], header: list[str], stream=None) -> None:
    stream = stream or sys.stdout
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    stream.write("  ".join(str(cell).ljust(width) for cell, width in zip(header, widths)).rstrip() + "\n")
    stream.write("  ".join("-" * width for width in widths) + "\n")
    for row in rows:
        stream.write("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n")


def _number(value, digits: int = 4) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


# -- commands ------------------------------------------------------------------------------------

def _open_storage(args):
    from .core.storage import RunStorage

    storage = RunStorage(args.history)
    interrupted = storage.mark_interrupted_runs()
    if interrupted:
        log.info("Marked %d run(s) as interrupted", interrupted)
    if getattr(storage, "recovered_from", None):
        print(f"The history database was unreadable and was moved to {storage.recovered_from}; "
              "a new one was started.", file=sys.stderr)
    return storage


def _config_from_args(args):
    from .core.config import RunConfig

    data: dict = {}
    training: dict = {}
    if args.run_file:
        config = RunConfig.load(args.run_file).to_dict()
    else:
        config = {}
    data = dict(config.get("data") or {})
    training = dict(config.get("training") or {})

    for key in ("folder", "train", "validation", "test", "single_file", "max_train_rows", "max_eval_rows",
                "shots_per_class"):
        value = getattr(args, key, None)
        if value is not None:
            data[key] = value
    for key in ("epochs", "batch_size", "learning_rate", "max_length", "seed", "gradient_accumulation",
                "early_stopping_patience", "mixed_precision", "device", "warmup_ratio", "weight_decay"):
        value = getattr(args, key, None)
        if value is not None:
            training[key] = value
    if args.class_weights:
        training["class_weights"] = True
    config["data"] = data or None
    config["training"] = training
    if args.model:
        config["model_path"] = args.model
    if args.method:
        config["method"] = args.method
    if args.name:
        config["name"] = args.name
    if args.output_dir:
        config["output_dir"] = args.output_dir
    if args.template_file:
        config["template"] = _read_template_file(args.template_file)
    if args.template:
        config["template"] = args.template
    if args.verbalizer:
        config["verbalizer"] = _read_verbalizer_arg(args.verbalizer)
    options = dict(config.get("method_options") or {})
    for item in args.option or []:
        key, _, value = item.partition("=")
        options[key] = _parse_option_value(value)
    config["method_options"] = options
    if args.tag:
        config["tags"] = list(args.tag)
    return RunConfig.from_dict(config)


def _read_template_file(value: str) -> str:
    from .core.errors import ConfigError

    path = Path(value).expanduser()
    try:
        return path.read_text(encoding="utf-8-sig").strip()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ConfigError(f"Cannot read the template file {display_path(path)}: {reason}. Give a UTF-8 text "
                          "file that contains the template.", field="template") from None


def _read_verbalizer_arg(value: str) -> dict:
    """Return the label words given as a JSON object or as the path of a .json file."""
    from .core.errors import ConfigError

    if value.lstrip().startswith(("{", "[")):
        text, source = value, "--verbalizer"
    else:
        path = Path(value).expanduser()
        try:
            text, source = path.read_text(encoding="utf-8-sig"), display_path(path)
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise ConfigError(f"Cannot read the verbalizer file {display_path(path)}: {reason}. Give a .json file "
                              'or a JSON object such as \'{"Politics": ["ཆབ་སྲིད"]}\'.', field="verbalizer") from None
    try:
        mapping = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"{source}, line {error.lineno}: invalid JSON ({error.msg}). Write the label words as "
                          '{"class": ["word", ...], ...}.', field="verbalizer") from None
    if not isinstance(mapping, dict):
        raise ConfigError(f"{source}: the verbalizer must be a JSON object that maps each class to its label words.",
                          field="verbalizer")
    return mapping


def _parse_option_value(value: str):
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        if "," in value:
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


def command_train(args) -> int:
    from .core.distributed import context_from_environment
    from .core.runner import run_training
    from .core.state import TrainingState

    # Under torchrun, process 0 alone opens the history, prints progress and writes files.
    is_main = context_from_environment().is_main
    config = _config_from_args(args)
    if args.save_run_file and is_main:
        config.save(args.save_run_file)
        print(f"Run file written to {args.save_run_file}")
    storage = None if args.no_history or not is_main else _open_storage(args)
    state = TrainingState()
    try:
        outcome = run_training(config, storage=storage, callbacks=TerminalProgress() if is_main else None,
                               state=state)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130
    if is_main:
        _print_outcome(outcome)
    return 0


def command_resume(args) -> int:
    from .core.distributed import context_from_environment
    from .core.runner import resume_run
    from .core.state import TrainingState

    is_main = context_from_environment().is_main
    storage = _open_storage(args) if is_main else None
    try:
        # resume_run looks the run up in process 0 and passes a missing run on to the other processes as an error.
        outcome = resume_run(args.run, storage, callbacks=TerminalProgress() if is_main else None,
                             state=TrainingState())
    except KeyboardInterrupt:
        print(f"\nStopped. Continue with: peftt resume {args.run}", file=sys.stderr)
        return 130
    if is_main:
        _print_outcome(outcome)
    return 0


def _print_outcome(outcome) -> None:
    result = outcome.result
    rows = [
        ["run", str(outcome.run_id), ""],
        ["status", outcome.status, ""],
        ["best epoch", str(result.best_epoch), ""],
        ["validation macro-F1", _number(result.best_validation and result.best_validation.macro_f1),
         _number(result.best_validation and result.best_validation.accuracy)],
        ["test macro-F1", _number(result.test and result.test.macro_f1), _number(result.test and result.test.accuracy)],
        ["trainable parameters", f"{outcome.trainable_params:,} of {outcome.total_params:,}",
         f"{outcome.trainable_percent:.3f}%"],
        ["duration", format_duration(result.duration_s), ""],
        ["weights", display_path(outcome.weights_dir) if outcome.weights_dir else "-", ""],
    ]
    print_table(rows, ["", "value", "accuracy / %"])


def command_runs(args) -> int:
    storage = _open_storage(args)
    runs = storage.list_runs(status=args.status, method=args.method, limit=args.limit,
                             order_by=args.sort, descending=not args.ascending)
    rows = [[str(run.id), run.name[:40], run.method, run.model_name or "-", run.status,
             run.created_at.strftime("%Y-%m-%d %H:%M") if run.created_at else "-",
             _number(run.best_val_macro_f1), _number(run.test_macro_f1),
             _number(run.trainable_percent, 3)] for run in runs]
    print_table(rows, ["id", "name", "method", "model", "status", "created", "val F1", "test F1", "train %"])
    return 0


def command_show(args) -> int:
    storage = _open_storage(args)
    run = storage.get_run(args.run)
    if args.json:
        from dataclasses import asdict

        print(json.dumps(asdict(run), ensure_ascii=False, indent=2, default=str))
        return 0
    lines = [
        ("id", run.id), ("name", run.name), ("status", run.status), ("method", run.method),
        ("model", f"{run.model_name} ({run.model_path}, fingerprint {run.model_fingerprint})"),
        ("created", run.created_at), ("duration", format_duration(run.duration_s)),
        ("labels", ", ".join(run.labels or [])), ("normalization", run.normalization),
        ("template", run.template or "-"),
        ("verbalizer", json.dumps(run.verbalizer, ensure_ascii=False) if run.verbalizer else "-"),
        ("trainable", f"{run.trainable_params} of {run.total_params} ({_number(run.trainable_percent, 3)}%)"),
        ("best epoch", run.best_epoch), ("validation macro-F1", _number(run.best_val_macro_f1)),
        ("test macro-F1", _number(run.test_macro_f1)), ("test accuracy", _number(run.test_accuracy)),
        ("peak memory", f"{(run.peak_memory_bytes or 0) / 2**20:.0f} MiB"),
        ("weights", run.weights_dir or "-"), ("notes", run.notes or "-"), ("error", run.error or "-"),
    ]
    for key, value in lines:
        print(f"{key:>20}: {value}")
    if run.test_per_class_f1:
        print("\nper-class test F1:")
        for label, value in run.test_per_class_f1.items():
            print(f"{label:>20}: {value:.4f}")
    epochs = storage.get_epochs(run.id)
    if epochs:
        print()
        print_table([[str(e.epoch), _number(e.train_loss), _number(e.val_macro_f1), _number(e.val_accuracy)]
                     for e in epochs], ["epoch", "train loss", "val macro-F1", "val accuracy"])
    return 0


def command_build_model(args) -> int:
    from .core.build_model import build_local_model

    def progress(update):
        if update.phase != "pretrain":
            sys.stderr.write(f"\r{update.phase}...".ljust(70))
        else:
            fraction = update.step / update.total_steps if update.total_steps else 0.0
            loss = "-" if update.loss is None else f"{update.loss:.3f}"
            sys.stderr.write(f"\rpre-training {update.step}/{update.total_steps} ({fraction:.0%}) loss {loss} "
                             f"ETA {format_duration(update.eta_s)}".ljust(70))
        sys.stderr.flush()

    report = build_local_model([Path(p) for p in args.corpus], Path(args.out), vocab_size=args.vocab_size,
                               layers=args.layers, hidden=args.hidden, heads=args.heads,
                               intermediate=args.hidden * 4, time_limit_s=args.time_limit, seed=args.seed,
                               progress=progress)
    sys.stderr.write("\n")
    print(f"Model written to {args.out}")
    for key, value in vars(report).items():
        if not isinstance(value, (list, dict)):
            print(f"{key:>24}: {value}")
    return 0


def command_adapt(args) -> int:
    from .core.pretraining import continue_pretraining

    texts, corpus_files = _adaptation_texts(args)
    report = continue_pretraining(Path(args.model), texts, Path(args.out), args.time_limit,
                                  max_length=args.max_length, batch_size=args.batch_size,
                                  learning_rate=args.learning_rate, seed=args.seed, max_steps=args.max_steps,
                                  overwrite=args.overwrite, progress=_pretraining_progress(),
                                  corpus_files=corpus_files)
    result = report.pretraining
    sys.stderr.write("\n")
    print(f"Adapted model written to {display_path(report.model_dir)}")
    print_table([
        ["texts", f"{report.texts:,}"], ["corpus tokens", f"{report.corpus_tokens:,}"],
        ["steps", str(result.steps)],
        ["held-out MLM loss", f"{result.initial_eval_loss:.4f} -> {result.eval_loss:.4f}"],
        ["held-out MLM accuracy", f"{result.eval_accuracy:.4f}"], ["time", format_duration(report.total_seconds)],
    ], ["", "value"])
    return 0


def _adaptation_texts(args) -> tuple[list[str], list[dict]]:
    """Return the texts to adapt on and a record of each file they came from."""
    from dataclasses import asdict

    from .core.build_model import read_corpus_file
    from .core.errors import ConfigError
    from .core.pretraining import file_sha256

    if args.corpus:
        texts, records = [], []
        for path in args.corpus:
            file_texts, record = read_corpus_file(Path(path))
            texts.extend(file_texts)
            records.append(asdict(record))
        return texts, records
    if not args.data:
        raise ConfigError("No text to adapt on: give --corpus FILE... or --data FOLDER (its training split).",
                          field="corpus")

    from .core.data import load_splits
    from .core.runner import make_normalizer

    splits = load_splits(folder=args.data, normalizer=make_normalizer(args.normalization))
    records = [{"name": Path(path).name, "sha256": file_sha256(Path(path)), "texts": len(splits.train),
                "split": "train"} for path in splits.fingerprints if Path(path).stem.lower().startswith("train")]
    return [row.text for row in splits.train], records


def _pretraining_progress():
    """Return a progress callback for masked-LM pre-training that redraws one line on stderr."""
    last_draw = [0.0]

    def report(update) -> None:
        now = time.monotonic()
        if update.phase == "pretrain" and now - last_draw[0] < 0.5:
            return
        last_draw[0] = now
        loss = "-" if update.loss is None else f"{update.loss:.3f}"
        sys.stderr.write(f"\r{update.phase}: step {update.step}/{update.total_steps or '?'}, loss {loss}, "
                         f"ETA {format_duration(update.eta_s)}".ljust(78))
        sys.stderr.flush()

    return report


def command_suggest_words(args) -> int:
    from .core import label_words
    from .core.data import load_splits
    from .core.runner import make_normalizer

    normalizer = make_normalizer(args.normalization)
    splits = load_splits(folder=args.data, normalizer=normalizer, seed=args.seed)
    template = _read_template_file(args.template_file) if args.template_file else args.template
    if not template:
        from .core.template import DEFAULT_TEMPLATE

        template = DEFAULT_TEMPLATE
    scorer = label_words.MaskScorer(args.model, template, normalizer=normalizer,
                                    sample_texts=[row.text for row in splits.train])
    grouped = label_words.texts_by_class(splits.train, splits.labels, args.max_rows_per_class, args.seed)
    suggestions = label_words.suggest_label_words(scorer, grouped, top_n=args.top, pool_size=args.pool_size or None)

    rows = [[label, str(rank), item.word, f"{item.score:+.4f}", f"{item.in_class:.3f}", " ".join(item.pieces)]
            for label, items in suggestions.items() for rank, item in enumerate(items, start=1)]
    print_table(rows, ["class", "rank", "word", "score", "in-class log-p", "pieces"])
    verbalizer = label_words.suggested_verbalizer(suggestions, args.per_class)
    if args.out:
        Path(args.out).write_text(json.dumps(verbalizer, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"Verbalizer with {args.per_class} word(s) per class written to {args.out}")
    if args.evaluate:
        _print_zero_shot(scorer, splits, normalizer, {"suggested": verbalizer, **(
            {"given": _read_verbalizer_arg(args.compare)} if args.compare else {})})
    return 0


def _print_zero_shot(scorer, splits, normalizer, verbalizers: dict) -> None:
    rows = splits.validation
    texts, gold = [row.text for row in rows], [row.label for row in rows]
    log_probs = scorer.mask_log_probs(texts)
    for name, verbalizer in verbalizers.items():
        metrics = scorer.zero_shot(verbalizer, texts, gold, splits.labels, normalizer, log_probs)
        print(f"zero-shot validation macro-F1 ({name} verbalizer): {metrics.macro_f1:.4f}, "
              f"accuracy {metrics.accuracy:.4f}")


def command_predict(args) -> int:
    from .core.predict import Predictor

    texts = _predict_texts(args)
    weights = _weights_dir(args)
    predictor = Predictor(weights, base_model_path=args.base_model)
    if args.label_words and not predictor.label_words:
        raise PefttError(f"--label-words needs a prompt method, but the run or bundle {args.run} was trained with "
                         f"{predictor.spec.name}, which has no label words. Leave out --label-words.")
    word_columns = predictor.label_words if args.label_words else []
    output = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        header = ["text", "prediction", *predictor.labels, *(f"{label}:{word}" for label, word in word_columns)]
        output.write("\t".join(header) + "\n")
        for start in range(0, len(texts), 256):
            for prediction in predictor.predict(texts[start:start + 256]):
                cells = [prediction.text.replace("\t", " ").replace("\n", " "),  # keep one TSV row per text
                         prediction.label]
                cells += [f"{prediction.probabilities[label]:.4f}" for label in predictor.labels]
                cells += [f"{prediction.word_scores[pair]:.4f}" for pair in word_columns]
                output.write("\t".join(cells) + "\n")
    finally:
        if args.out:
            output.close()
    return 0


def _predict_texts(args) -> list[str]:
    """Return the texts of ``--text`` or of the lines of ``--file``, read before the model loads."""
    from .core.errors import DataError

    if args.text:
        return list(args.text)
    path = Path(args.file)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise DataError("The text file does not exist. Give a file with one text per line.", path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"The text file cannot be read as UTF-8 text ({error}). Save it as UTF-8 with one "
                        "text per line.", path=path) from None
    texts = [line for line in lines if line.strip()]
    return [line.split("\t", 1)[-1] for line in texts] if args.tsv_input else texts


def _weights_dir(args) -> Path:
    candidate = Path(args.run)
    if candidate.is_dir():
        return candidate
    if candidate.suffix.lower() == ".zip" and candidate.is_file():
        raise PefttError(f"{candidate} is a zipped bundle. Import it first with peftt import {candidate} "
                         "--base-model DIR, then predict with the imported folder.")
    storage = _open_storage(args)
    run = storage.get_run(int(args.run) if args.run.isdigit() else args.run)
    if not run.weights_dir:
        raise PefttError(f"Run {args.run} has no saved weights (status {run.status}).")
    return Path(run.weights_dir)


def command_export(args) -> int:
    from .core.export import export_run

    source, storage = args.run, None
    if not Path(source).is_dir():
        storage = _open_storage(args)
        source = storage.get_run(int(source) if source.isdigit() else source)
    report = export_run(source, args.out, as_zip=args.zip, storage=storage, check=not args.no_check,
                        base_model_path=args.base_model)
    print(f"Bundle written to {display_path(report.path)} ({len(report.files)} files, "
          f"{report.size_bytes / 2**20:.1f} MiB)")
    if report.max_logit_difference is not None:
        print(f"Checked: reloaded in a fresh process, largest logit difference {report.max_logit_difference:.2g}")
    return 0


def command_import(args) -> int:
    from .core.export import import_bundle
    from .core.runner import default_runs_dir

    source = Path(args.bundle)
    name = source.stem if source.suffix.lower() == ".zip" else source.name
    into = Path(args.into) if args.into else default_runs_dir().parent / "imports"
    imported = import_bundle(source, into / name, args.base_model, check=not args.no_check)
    base = imported.base_model_path.name if imported.base_model_path is not None else "none needed"
    print(f"Bundle imported to {display_path(imported.path)} ({imported.method}, {len(imported.labels)} classes, "
          f"base model {base})")
    print(f"Predict with: peftt predict {display_path(imported.path)} --text TEXT")
    return 0


def command_import_run(args) -> int:
    from .core import run_import

    if args.history_file:
        snapshot = run_import.snapshot_from_history(args.history_file, _run_ref(args.source))
        weights_dir = args.weights
    else:
        if args.weights:
            raise PefttError("--weights goes with --from HISTORY. Without --from, SOURCE is already the weights "
                             "folder.")
        snapshot = run_import.snapshot_from_weights(args.source)
        weights_dir = args.source
    storage = _open_storage(args)
    record = run_import.import_snapshot(storage, snapshot, weights_dir=weights_dir)
    origin = record.extra["imported_from"]
    print(f"Imported run {origin['run_id']} ({record.name}, {record.status}) from "
          f"{origin['hostname'] or 'another host'} as run {record.id}: validation macro-F1 "
          f"{_number(record.best_val_macro_f1)}, test macro-F1 {_number(record.test_macro_f1)}, "
          f"weights {display_path(record.weights_dir) if record.weights_dir else '-'}")
    return 0


def _run_ref(text: str) -> int | str:
    return int(text) if text.isdigit() else text


def command_compare(args) -> int:
    from .core.compare import compare_runs

    storage = _open_storage(args)
    ids = [int(ref) if ref.isdigit() else storage.get_run(ref).id for ref in args.runs]
    comparison = compare_runs(storage, ids)
    writers = {"md": comparison.to_markdown, "csv": comparison.to_csv, "latex": comparison.to_latex}
    text = writers[args.format]()
    if args.out:
        try:
            Path(args.out).write_text(text, encoding="utf-8")
        except OSError as error:
            raise PefttError(f"Cannot write {display_path(args.out)}: {error.strerror or error}.") from None
        print(f"Comparison written to {display_path(args.out)}")
    else:
        sys.stdout.write(text)
    return 0


def command_methods(args) -> int:
    from .core.methods import list_methods

    print_table([[spec.name, spec.title, spec.summary] for spec in list_methods()], ["name", "title", "summary"])
    return 0


def command_study(args) -> int:
    from .core import study

    spec = study.StudySpec.load(args.study_file)
    storage = _open_storage(args)
    total = len(study.expand_grid(spec))

    def progress(update):
        print(f"[{update.done}/{update.total}] {update.message}", file=sys.stderr, flush=True)

    if not args.results_only:
        print(f"Study {spec.name}: {total} runs", file=sys.stderr)
        study.run_study(spec, storage, callbacks=TerminalProgress(), progress=progress)
    return _print_study_results(storage, spec.name, args)


def _print_study_results(storage, name: str, args) -> int:
    from .core import study

    results = study.study_results(storage, name)
    header, cells = study.results_table(results)
    formats = {"md": study.to_markdown, "csv": study.to_csv, "latex": study.to_latex}
    print(formats[args.format](header, cells), end="")
    if args.out:
        Path(args.out).write_text(formats[args.format](header, cells), encoding="utf-8")
    # Methods are compared at each training-set size of the study (full data, then each k).
    sizes = sorted({row.shots for row in results}, key=lambda shots: -1 if shots is None else shots)
    for pair in args.compare or []:
        method_a, _, method_b = pair.partition(",")
        compared = 0
        for shots in sizes:
            try:
                result = study.compare_methods(storage, name, method_a, method_b, shots=shots)
            except ConfigError:
                continue  # no paired runs of both methods at this size
            compared += 1
            size = "full data" if shots is None else f"k={shots}"
            print(f"\n{method_a} vs {method_b}, {size}: mean difference in test macro-F1 "
                  f"{result.mean_difference:+.4f} over {result.pairs} pairs; p = {result.p_value_seeds:.4f} "
                  f"({result.test.split(';')[0]}), p = {result.p_value_bootstrap:.4f} "
                  "(paired bootstrap over test examples)")
        if not compared:
            raise ConfigError(f"The study {name!r} has no finished runs of both {method_a} and {method_b} "
                              "with the same model, seed and few-shot size.")
    return 0


# -- parser --------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="peftt", description="Fine-tune Tibetan language models "
                                     "(full fine-tuning, prompts, LoRA) and keep every run in a history.")
    parser.add_argument("--version", action="version", version=f"peftt {__version__}")
    parser.add_argument("--history", default=None, help="History database file (default: $PEFTT_HISTORY or "
                                                         "the app's data folder).")
    parser.add_argument("--traceback", action="store_true", help="Print the full traceback on errors.")
    parser.add_argument("-v", "--verbose", action="store_true", help="Log engine messages at info level.")
    commands = parser.add_subparsers(dest="command", required=True)

    train = commands.add_parser("train", help="Train one run.")
    train.add_argument("run_file", nargs="?", help="JSON run file; options below override its values.")
    train.add_argument("--model", help="Local model folder.")
    train.add_argument("--method", help="finetune, prompt, lora, prompt-lora, ... (see peftt methods).")
    train.add_argument("--data", dest="folder", help="Folder with train/validation/test files.")
    train.add_argument("--train", help="Training file.")
    train.add_argument("--validation", help="Validation file.")
    train.add_argument("--test", help="Test file.")
    train.add_argument("--single-file", help="One file to split into train/validation/test.")
    train.add_argument("--template", help='Prompt template, e.g. \'{"placeholder":"text_a"} ... {"mask"}\'.')
    train.add_argument("--template-file", help="File holding the template (first line).")
    train.add_argument("--verbalizer", help="Label words as a JSON object or a .json file.")
    train.add_argument("--option", action="append", help="Method option KEY=VALUE, e.g. r=8 or "
                                                         "target_modules=query,value (repeatable).")
    train.add_argument("--epochs", type=int)
    train.add_argument("--batch-size", type=int)
    train.add_argument("--gradient-accumulation", type=int)
    train.add_argument("--learning-rate", type=float)
    train.add_argument("--weight-decay", type=float)
    train.add_argument("--warmup-ratio", type=float)
    train.add_argument("--max-length", type=int)
    train.add_argument("--seed", type=int)
    train.add_argument("--early-stopping-patience", type=int)
    train.add_argument("--class-weights", action="store_true")
    train.add_argument("--mixed-precision", choices=("auto", "no", "fp16", "bf16"))
    train.add_argument("--device", choices=("auto", "cuda", "mps", "cpu"))
    train.add_argument("--max-train-rows", type=int, help="Use at most this many training rows (stratified).")
    train.add_argument("--max-eval-rows", type=int, help="Use at most this many validation and test rows.")
    train.add_argument("--shots-per-class", type=int, help="Few-shot: training rows per class.")
    train.add_argument("--name", help="Run name.")
    train.add_argument("--tag", action="append", help="Tag (repeatable).")
    train.add_argument("--output-dir", help="Folder for run weights.")
    train.add_argument("--save-run-file", help="Also write the resolved run file here.")
    train.add_argument("--no-history", action="store_true", help="Do not record the run in the history.")
    train.set_defaults(handler=command_train)

    runs = commands.add_parser("runs", help="List runs in the history.")
    runs.add_argument("--status")
    runs.add_argument("--method")
    runs.add_argument("--limit", type=int, default=50)
    runs.add_argument("--sort", default="created_at", help="Column to sort by (created_at, test_macro_f1, ...).")
    runs.add_argument("--ascending", action="store_true")
    runs.set_defaults(handler=command_runs)

    show = commands.add_parser("show", help="Show one run in full.")
    show.add_argument("run", help="Run id or name.")
    show.add_argument("--json", action="store_true", help="Print the record as JSON.")
    show.set_defaults(handler=lambda args: command_show(_coerce_run_ref(args)))

    build = commands.add_parser("build-model", help="Build a small Tibetan masked LM from text files.")
    build.add_argument("--corpus", nargs="+", required=True, help="Text files (plain lines or Label<TAB>text).")
    build.add_argument("--out", required=True, help="Output model folder.")
    build.add_argument("--vocab-size", type=int, default=8000)
    build.add_argument("--layers", type=int, default=4)
    build.add_argument("--hidden", type=int, default=256)
    build.add_argument("--heads", type=int, default=4)
    build.add_argument("--time-limit", type=float, default=900.0, help="Pre-training time limit in seconds.")
    build.add_argument("--seed", type=int, default=13)
    build.set_defaults(handler=command_build_model)

    adapt = commands.add_parser("adapt", help="Task-adaptive pre-training: continue masked-LM training of a local "
                                              "model on unlabeled Tibetan text, into a new model folder.")
    adapt.add_argument("--model", required=True, help="Local masked-LM folder to start from.")
    adapt.add_argument("--corpus", nargs="+", help="Text files (plain lines or Label<TAB>text).")
    adapt.add_argument("--data", help="Task folder whose training split is the text (instead of --corpus).")
    adapt.add_argument("--out", required=True, help="Output model folder.")
    adapt.add_argument("--time-limit", type=float, default=300.0, help="Pre-training time limit in seconds.")
    adapt.add_argument("--max-steps", type=int, help="Stop after this many optimizer steps.")
    adapt.add_argument("--learning-rate", type=float, default=1e-4, help="Peak learning rate.")
    adapt.add_argument("--batch-size", type=int, default=32, help="Blocks per optimizer step.")
    adapt.add_argument("--max-length", type=int, default=128, help="Tokens per packed block.")
    adapt.add_argument("--seed", type=int, default=13)
    adapt.add_argument("--normalization", default="NFC+tsheg:auto", help="Normalization of --data rows.")
    adapt.add_argument("--overwrite", action="store_true", help="Replace an existing output folder.")
    adapt.set_defaults(handler=command_adapt)

    suggest = commands.add_parser("suggest-words", help="Suggest label words per class from a masked LM and a "
                                                        "template, ranked on the training rows.")
    suggest.add_argument("--model", required=True, help="Local masked-LM folder.")
    suggest.add_argument("--data", required=True, help="Folder with train/validation/test files.")
    suggest.add_argument("--template", help="Prompt template with one mask (default: the app's default template).")
    suggest.add_argument("--template-file", help="File holding the template.")
    suggest.add_argument("--top", type=int, default=5, help="Words listed per class.")
    suggest.add_argument("--pool-size", type=int, default=200, help="Words with the highest in-class "
                                                                     "log-probability that compete per class; 0: all.")
    suggest.add_argument("--max-rows-per-class", type=int, default=300, help="Training rows scored per class.")
    suggest.add_argument("--per-class", type=int, default=1, help="Words per class in the --out verbalizer.")
    suggest.add_argument("--out", help="Write the suggested verbalizer to this .json file.")
    suggest.add_argument("--evaluate", action="store_true", help="Print the zero-shot validation macro-F1 of the "
                                                                 "suggested verbalizer.")
    suggest.add_argument("--compare", help="With --evaluate, also score this verbalizer (JSON or .json file).")
    suggest.add_argument("--seed", type=int, default=13)
    suggest.add_argument("--normalization", default="NFC+tsheg:auto", help="Tibetan text normalization mode.")
    suggest.set_defaults(handler=command_suggest_words)

    predict = commands.add_parser("predict", help="Predict classes with a trained run or bundle, writing TSV.")
    predict.add_argument("run", help="Run id or name, or a weights/bundle folder.")
    predict_input = predict.add_mutually_exclusive_group(required=True)
    predict_input.add_argument("--text", action="append", help="Text to classify (repeatable).")
    predict_input.add_argument("--file", help="File with one text per line.")
    predict.add_argument("--tsv-input", action="store_true", help="The file is Label<TAB>text; use the text.")
    predict.add_argument("--out", help="TSV output file (default: standard output).")
    predict.add_argument("--base-model", help="Base model folder, when it moved since training.")
    predict.add_argument("--label-words", action="store_true", help="Also write the score of each label word "
                         "(mean log-probability of its pieces at the mask), one column each; prompt methods only.")
    predict.set_defaults(handler=command_predict)

    resume = commands.add_parser("resume", help="Continue an interrupted, cancelled or failed run from its "
                                                "last checkpoint, with its stored settings.")
    resume.add_argument("run", help="Run id or name.")
    resume.set_defaults(handler=lambda args: command_resume(_coerce_run_ref(args)))

    export = commands.add_parser("export", help="Export a run as a bundle for peft and transformers.")
    export.add_argument("run", help="Run id or name, or a weights folder.")
    export.add_argument("--out", required=True, help="Bundle folder to create (with --zip: DIR.zip).")
    export.add_argument("--zip", action="store_true", help="Write one .zip file instead of a folder.")
    export.add_argument("--base-model", help="Base model folder, when it moved since training.")
    export.add_argument("--no-check", action="store_true", help="Skip reloading the bundle in a fresh process "
                                                                "to compare its logits with the run's.")
    export.set_defaults(handler=command_export)

    import_ = commands.add_parser("import", help="Import a bundle folder or .zip for prediction.")
    import_.add_argument("bundle", help="Bundle folder or .zip file.")
    import_.add_argument("--base-model", help="Your copy of the bundle's base model folder. Bundles of methods "
                                             "that read no model (baseline) need none.")
    import_.add_argument("--into", help="Folder that receives the bundle's folder (default: imports/ in the "
                                        "app's data folder).")
    import_.add_argument("--no-check", action="store_true", help="Skip loading the bundle to compare its logits "
                                                                 "with those stored at export.")
    import_.set_defaults(handler=command_import)

    import_run = commands.add_parser(
        "import-run", help="Copy a finished run, with its settings, metrics, epochs and steps, into this history: "
                           "from another history file (--from HISTORY RUN) or from the run's weights folder.")
    import_run.add_argument("source", help="With --from: the run id or name in that history. Without: the run's "
                                           "weights folder (it contains peftt_run.json).")
    import_run.add_argument("--from", dest="history_file", metavar="HISTORY",
                            help="The other history file (history.db) to copy the run from; it is not changed.")
    import_run.add_argument("--weights", help="With --from: your copy of the run's weights folder. Without it, "
                                              "the run keeps its original weights folder if that exists here.")
    import_run.set_defaults(handler=command_import_run)

    compare = commands.add_parser("compare", help="Compare runs: metrics with the best marked, and settings "
                                                  "that differ.")
    compare.add_argument("runs", nargs="+", help="Run ids or names, one column each.")
    compare.add_argument("--format", choices=("md", "csv", "latex"), default="md", help="Table format.")
    compare.add_argument("--out", help="Write the table to this file instead of standard output.")
    compare.set_defaults(handler=command_compare)

    study_parser = commands.add_parser("study", help="Run a study (models x methods x seeds grid) from a JSON file.")
    study_parser.add_argument("study_file", help="Study JSON file (see docs/results.md for an example).")
    study_parser.add_argument("--results-only", action="store_true", help="Print the results without running.")
    study_parser.add_argument("--format", choices=("md", "csv", "latex"), default="md", help="Results table format.")
    study_parser.add_argument("--out", help="Also write the results table to this file.")
    study_parser.add_argument("--compare", action="append", metavar="A,B",
                              help="Test whether methods A and B differ (repeatable), e.g. prompt,finetune.")
    study_parser.set_defaults(handler=command_study)

    methods = commands.add_parser("methods", help="List the training methods.")
    methods.set_defaults(handler=command_methods)
    return parser


def _coerce_run_ref(args):
    if isinstance(args.run, str) and args.run.isdigit():
        args.run = int(args.run)
    return args


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.INFO if args.verbose else logging.WARNING
    log_format = "%(levelname)s %(name)s: %(message)s"
    rank = _launcher_rank()
    if rank:
        # Under torchrun, each line names its process. Without --verbose only process 0 warns,
        # because the other processes would repeat its warnings.
        log_format = f"%(levelname)s process {rank}: %(name)s: %(message)s"
        level = level if args.verbose or rank == "0" else logging.ERROR
    logging.basicConfig(level=level, format=log_format)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        return args.handler(args)
    except PefttError as error:
        if args.traceback:
            raise
        print(f"peftt: error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # anything else is a bug, reported with a hint to rerun with --traceback
        if args.traceback:
            raise
        print(f"peftt: internal error: {type(error).__name__}: {error} (run again with --traceback for details)",
              file=sys.stderr)
        return 1
    finally:
        _leave_process_group()


def _launcher_rank() -> str:
    """Return RANK as torchrun set it for a multi-process launch, or "" for a single process."""
    world_size = os.environ.get("WORLD_SIZE", "")
    return os.environ.get("RANK", "") if world_size.isdigit() and int(world_size) > 1 else ""


def _leave_process_group() -> None:
    """Leave the torchrun process group that a training command joined; commands without torch skip it."""
    if "torch.distributed" in sys.modules:
        from .core.distributed import shutdown

        shutdown()


if __name__ == "__main__":
    sys.exit(main())
