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
from .core.errors import PefttError
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
        config["template"] = Path(args.template_file).read_text(encoding="utf-8").strip()
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


def _read_verbalizer_arg(value: str) -> dict:
    path = Path(value)
    if path.suffix.lower() == ".json" and path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return json.loads(value)


def _parse_option_value(value: str):
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        if "," in value:
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


def command_train(args) -> int:
    from .core.runner import run_training
    from .core.state import TrainingState

    config = _config_from_args(args)
    if args.save_run_file:
        config.save(args.save_run_file)
        print(f"Run file written to {args.save_run_file}")
    storage = None if args.no_history else _open_storage(args)
    state = TrainingState()
    try:
        outcome = run_training(config, storage=storage, callbacks=TerminalProgress(), state=state)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130
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
        ["weights", outcome.weights_dir or "-", ""],
    ]
    print_table(rows, ["", "value", "accuracy / %"])
    return 0


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
        fraction = update.steps_done / update.steps_planned if update.steps_planned else 0
        sys.stderr.write(f"\rpre-training {update.steps_done}/{update.steps_planned} ({fraction:.0%}) "
                         f"loss {update.loss:.3f}".ljust(70))
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


def command_predict(args) -> int:
    from .core.predict import Predictor

    weights = _weights_dir(args)
    predictor = Predictor(weights, base_model_path=args.base_model)
    if args.text:
        texts = list(args.text)
    else:
        texts = [line.rstrip("\n") for line in Path(args.file).read_text(encoding="utf-8-sig").splitlines()
                 if line.strip()]
        texts = [line.split("\t", 1)[-1] for line in texts] if args.tsv_input else texts
    output = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        output.write("text\tprediction\t" + "\t".join(predictor.labels) + "\n")
        for start in range(0, len(texts), 256):
            for prediction in predictor.predict(texts[start:start + 256]):
                probabilities = "\t".join(f"{prediction.probabilities[label]:.4f}" for label in predictor.labels)
                output.write(f"{prediction.text}\t{prediction.label}\t{probabilities}\n")
    finally:
        if args.out:
            output.close()
    return 0


def _weights_dir(args) -> Path:
    candidate = Path(args.run)
    if candidate.is_dir():
        return candidate
    storage = _open_storage(args)
    run = storage.get_run(int(args.run) if args.run.isdigit() else args.run)
    if not run.weights_dir:
        raise PefttError(f"Run {args.run} has no saved weights (status {run.status}).")
    return Path(run.weights_dir)


def command_methods(args) -> int:
    from .core.methods import list_methods

    print_table([[spec.name, spec.title, spec.summary] for spec in list_methods()], ["name", "title", "summary"])
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

    predict = commands.add_parser("predict", help="Predict classes with a trained run or bundle, writing TSV.")
    predict.add_argument("run", help="Run id or name, or a weights/bundle folder.")
    predict.add_argument("--text", action="append", help="Text to classify (repeatable).")
    predict.add_argument("--file", help="File with one text per line.")
    predict.add_argument("--tsv-input", action="store_true", help="The file is Label<TAB>text; use the text.")
    predict.add_argument("--out", help="TSV output file (default: standard output).")
    predict.add_argument("--base-model", help="Base model folder, when it moved since training.")
    predict.set_defaults(handler=command_predict)

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
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
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


if __name__ == "__main__":
    sys.exit(main())
