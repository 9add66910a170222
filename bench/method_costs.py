"""Training and prediction costs of each method on the same model, rows and batch size.

Every method trains one epoch on the same TNCC-title rows in a fresh subprocess of its own,
so that one method's memory peak cannot hide in another's. A table lists, per method:

  trainable %    trainable parameters over all parameters (tied tensors counted once)
  samples/s      training rows per second, from the start of the first optimizer step to
                 the end of the last
  MFU %          model FLOPs utilisation of those steps against an fp32 matmul rate
                 measured by this script before and after the methods (the higher of the two)
  peak MiB       peak resident memory during training minus the resident memory just
                 before it, after one warm-up step: gradients, AdamW states, activations,
                 temporaries and the copy of the best epoch's trainable weights that the
                 trainer keeps
  process MiB    the process's peak resident memory during training, the loaded runtime,
                 model and data included
  eval rows/s    rows scored per second by ``trainer.predict_logits``, the function behind
                 evaluation and ``Predictor.logits``: length-sorted batches, no gradients,
                 on rows tokenized beforehand

FLOPs per step are counted as (6 x trained + 4 x frozen) x tokens, where trained and frozen
count the weight matrices inside the encoder layers. Training a weight matrix costs 2 FLOPs
per weight and token forward, 2 for the input gradient and 2 for the weight gradient. A
frozen matrix that the backward pass crosses skips the weight gradient, so it costs 4.
Embeddings (table look-ups), biases, layer norms, attention scores and the heads (one
position per row) are left out. Tokens are the real tokens of each batch without padding,
plus the virtual tokens that prompt tuning and P-tuning put before every row.

    python bench/method_costs.py                          # every method but the TF-IDF baseline
    python bench/method_costs.py --rows 128 --methods finetune lora --json costs.json
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import torch  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_throughput import DATA, build_bench_model, measure_matmul_rate  # noqa: E402

from peftt_gui.core.config import TrainingConfig  # noqa: E402
from peftt_gui.core.data import load_splits  # noqa: E402
from peftt_gui.core.errors import ConfigError, PefttError  # noqa: E402
from peftt_gui.core.methods import get_method, list_methods  # noqa: E402
from peftt_gui.core.methods.common import BuildContext  # noqa: E402
from peftt_gui.core.models import inspect_model_folder, load_tokenizer  # noqa: E402
from peftt_gui.core.normalize import default_normalizer  # noqa: E402
from peftt_gui.core.runner import encode_split  # noqa: E402
from peftt_gui.core.state import TrainingCallbacks  # noqa: E402
from peftt_gui.core.template import PromptEncoder, parse_template, plain_template  # noqa: E402
from peftt_gui.core.trainer import EncodedSplit, Trainer, collate, predict_logits  # noqa: E402
from peftt_gui.core.verbalizer import Verbalizer, encode_verbalizer  # noqa: E402

LOCAL_MODEL = ROOT / ".cache" / "local-model-default"
BENCH_MODEL = ROOT / ".cache" / "bench-model"
EXAMPLES = ROOT / "examples" / "tncc-title"
MAX_LENGTH = 128
MIB = 2**20
# The comparisons printed below the table: (adapter method, the method that trains every weight).
SAVINGS = [("lora", "finetune"), ("prompt-lora", "prompt")]


# -- memory of this process (Linux) ----------------------------------------------------------

def _status_bytes(field: str) -> int | None:
    """Return one memory field of /proc/self/status (VmRSS, VmHWM) in bytes, or None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def reset_peak_rss() -> bool:
    """Reset the peak resident set size (VmHWM) of this process and return whether that worked.

    Writing 5 to /proc/self/clear_refs resets it on Linux 4.0 and later.
    """
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


# -- one method, in the worker subprocess ----------------------------------------------------

class _StepClock(TrainingCallbacks):
    """Records when training starts and when the last reported optimizer step ends."""

    def __init__(self):
        self.started = self.last_step = None

    def on_start(self, state) -> None:
        self.started = time.perf_counter()

    def on_steps(self, state, reports) -> None:
        self.last_step = time.perf_counter()


def encoder_matmul_parameters(model) -> tuple[int, int]:
    """Return (trained, frozen) counts of the weight matrices inside the encoder layers.

    Adapter matrices inside those layers (LoRA's A and B) count as trained. Vectors (biases,
    layer norms, IA3 scales, DoRA magnitudes) are left out, as are embeddings and heads.
    """
    trained = frozen = 0
    seen: set[int] = set()
    for name, parameter in model.named_parameters():
        if id(parameter) in seen or parameter.ndim < 2 or "encoder.layer." not in name:
            continue
        seen.add(id(parameter))
        if parameter.requires_grad:
            trained += parameter.numel()
        else:
            frozen += parameter.numel()
    return trained, frozen


def warm_up(model, split: EncodedSplit, pad_id: int) -> None:
    """Run one forward and backward pass on two rows and one AdamW step on scratch tensors.

    The first backward pass and optimizer step of a process page in code and allocate buffers
    that later steps reuse. Paying that before the baseline keeps the one-off cost out of
    ``peak MiB``, where it would hide the difference between methods. No gradients are kept.
    """
    batch = collate(split, list(range(min(2, len(split)))), pad_id, torch.device("cpu"))
    model.train()
    model(batch["input_ids"], batch["attention_mask"], batch["mask_positions"]).sum().backward()
    model.zero_grad(set_to_none=True)

    scratch = [torch.zeros(4, 4, requires_grad=True), torch.zeros(4, requires_grad=True)]
    for tensor in scratch:
        tensor.grad = torch.ones_like(tensor)
    torch.optim.AdamW(scratch).step()


def load_method_rows(method: str, tokenizer, rows: int, eval_rows: int):
    """Encode the training rows and the scored rows as the method's runs would encode them."""
    spec = get_method(method)
    normalizer = default_normalizer()
    splits = load_splits(folder=DATA, normalizer=normalizer)

    template, verbalizer = plain_template(), None
    if spec.uses_template:
        template = parse_template((EXAMPLES / "template.txt").read_text(encoding="utf-8").strip(),
                                  require_mask=True, normalizer=normalizer)
        words = Verbalizer.from_mapping(json.loads((EXAMPLES / "labels.json").read_text(encoding="utf-8")),
                                        normalizer)
        verbalizer = encode_verbalizer(words, splits.labels, tokenizer, template.mask_suffix)

    encoder = PromptEncoder(tokenizer, template, MAX_LENGTH)
    train, _ = encode_split(encoder, splits.train[:rows], splits.labels)
    scored, _ = encode_split(encoder, (splits.validation + splits.test)[:eval_rows], splits.labels)
    return splits.labels, template, verbalizer, train, scored


def measure_method(method: str, model_dir: Path, rows: int, eval_rows: int, batch_size: int) -> dict:
    """Train ``method`` for one epoch, score rows with it and return the figures as a dict."""
    spec = get_method(method)
    model_info = inspect_model_folder(model_dir)
    tokenizer = load_tokenizer(model_dir)
    labels, template, verbalizer, train, scored = load_method_rows(method, tokenizer, rows, eval_rows)
    context = BuildContext(spec=spec, model_info=model_info, tokenizer=tokenizer, labels=labels,
                           options=spec.options({}), template=template, verbalizer=verbalizer)
    torch.manual_seed(13)
    model = spec.builder().build(context)
    trainable, total = model.parameter_counts()
    matmul_trained, matmul_frozen = encoder_matmul_parameters(model)
    virtual_tokens = int(getattr(model, "virtual_prefix_length", 0))

    # Train one epoch. The validation split is a few rows, so that evaluation adds little to the peak.
    config = TrainingConfig(epochs=1, batch_size=batch_size, checkpoint_every_epoch=False, device="cpu",
                            mixed_precision="no", log_every=10**9)
    validation = EncodedSplit(scored.input_ids[:8], scored.labels[:8], scored.mask_positions[:8])
    clock = _StepClock()
    trainer = Trainer(model, labels, train, validation, None, config, spec.default_learning_rate,
                      tokenizer.pad_token_id, callbacks=clock)
    warm_up(model, train, tokenizer.pad_token_id)
    gc.collect()
    rss_before = _status_bytes("VmRSS")
    peak_was_reset = reset_peak_rss()
    trainer.fit()
    peak = _status_bytes("VmHWM") if peak_was_reset else None
    train_seconds = clock.last_step - clock.started

    # Score the rows once on a batch to warm up, then time the whole pass.
    predict_logits(model, EncodedSplit(scored.input_ids[:batch_size], scored.labels[:batch_size],
                                       scored.mask_positions[:batch_size]),
                   tokenizer.pad_token_id, torch.device("cpu"), config.eval_batch_size)
    started = time.perf_counter()
    predict_logits(model, scored, tokenizer.pad_token_id, torch.device("cpu"), config.eval_batch_size)
    eval_seconds = time.perf_counter() - started

    # NOTE: autograd computes no input gradient where nothing below needs one (the first layer's
    # frozen projections under LoRA, for example), so 4 x frozen slightly overcounts there.
    row_tokens = int(train.lengths.sum())
    tokens = row_tokens + virtual_tokens * len(train)
    flops = (6 * matmul_trained + 4 * matmul_frozen) * tokens
    return {
        "method": method, "trainable_params": trainable, "total_params": total,
        "encoder_matmul_trained": matmul_trained, "encoder_matmul_frozen": matmul_frozen,
        "rows": len(train), "tokens_per_row": row_tokens / len(train), "virtual_tokens_per_row": virtual_tokens,
        "train_seconds": train_seconds, "samples_per_s": len(train) / train_seconds,
        "train_flops": flops, "flops_per_s": flops / train_seconds,
        "peak_growth_bytes": None if peak is None or rss_before is None else peak - rss_before,
        "process_peak_bytes": peak,
        "eval_rows": len(scored), "eval_rows_per_s": len(scored) / eval_seconds,
        "eval_batch_size": config.eval_batch_size, "torch_threads": torch.get_num_threads(),
    }


def worker_main(args) -> None:
    if args.threads:
        torch.set_num_threads(args.threads)
    result = measure_method(args.worker, args.model, args.rows, args.eval_rows, args.batch_size)
    args.result.write_text(json.dumps(result), encoding="utf-8")


# -- the driver --------------------------------------------------------------------------------

def default_methods() -> list[str]:
    """Return every registered method that trains a neural model (all but the TF-IDF baseline)."""
    return [spec.name for spec in list_methods() if spec.uses_model]


def check_methods(names: list[str]) -> None:
    """Raise ConfigError for an unknown method or one that trains no neural model."""
    for name in names:
        if not get_method(name).uses_model:
            raise ConfigError(f"The method {name!r} trains no neural model, so it has no FLOPs or eval batches "
                              f"to measure here. Choose among: {', '.join(default_methods())}.", field="methods")


def run_worker(method: str, model_dir: Path, args, folder: Path) -> dict:
    """Measure one method in a fresh Python process and return its figures, or the error."""
    result = folder / f"{method}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", method, "--model", str(model_dir),
               "--rows", str(args.rows), "--eval-rows", str(args.eval_rows), "--batch-size", str(args.batch_size),
               "--result", str(result)]
    if args.threads:
        command += ["--threads", str(args.threads)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0 or not result.is_file():
        lines = (completed.stderr or completed.stdout).strip().splitlines()
        return {"method": method, "error": lines[-1] if lines else f"exit status {completed.returncode}"}
    return json.loads(result.read_text(encoding="utf-8"))


def add_mfu(results: list[dict], matmul_flops: float) -> None:
    for result in results:
        if "error" not in result:
            result["mfu"] = result["flops_per_s"] / matmul_flops


def _mib(value: int | None) -> str:
    return "-" if value is None else f"{value / MIB:.0f}"


def format_table(results: list[dict]) -> str:
    """Return the figures as a Markdown table, one row per method."""
    lines = ["| method | trainable % | samples/s | tokens/row | MFU % | peak MiB | process MiB | eval rows/s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for result in results:
        if "error" in result:
            lines.append(f"| {result['method']} | failed: {result['error']} | | | | | | |")
            continue
        trainable = 100 * result["trainable_params"] / result["total_params"]
        tokens = result["tokens_per_row"] + result["virtual_tokens_per_row"]
        lines.append(f"| {result['method']} | {trainable:.2f} | {result['samples_per_s']:.1f} | {tokens:.1f} | "
                     f"{100 * result['mfu']:.1f} | {_mib(result['peak_growth_bytes'])} | "
                     f"{_mib(result['process_peak_bytes'])} | {result['eval_rows_per_s']:.0f} |")
    return "\n".join(lines)


def memory_savings(results: list[dict]) -> list[dict]:
    """Compare the training memory of each adapter method with its every-weight counterpart."""
    by_name = {r["method"]: r for r in results if "error" not in r and r["peak_growth_bytes"] is not None}
    savings = []
    for adapter, full in SAVINGS:
        if adapter in by_name and full in by_name:
            adapter_bytes, full_bytes = by_name[adapter]["peak_growth_bytes"], by_name[full]["peak_growth_bytes"]
            savings.append({"method": adapter, "against": full, "peak_growth_bytes": adapter_bytes,
                            "against_peak_growth_bytes": full_bytes,
                            "saving": 1 - adapter_bytes / full_bytes if full_bytes > 0 else None})
    return savings


def resolve_model(requested: Path | None) -> Path:
    if requested is not None:
        return requested
    if (LOCAL_MODEL / "config.json").is_file():
        return LOCAL_MODEL
    print(f"No model at {LOCAL_MODEL}; building the bench model in {BENCH_MODEL}.", flush=True)
    return build_bench_model(BENCH_MODEL)


def driver_main(args) -> None:
    methods = args.methods or default_methods()
    check_methods(methods)
    model_dir = resolve_model(args.model)
    inspect_model_folder(model_dir)  # a missing or broken folder fails here once, not in every worker
    if args.threads:
        torch.set_num_threads(args.threads)

    # The matmul reference is measured before and after the methods, because the machine's
    # load may change in between; the higher rate is the reference.
    matmul_before = measure_matmul_rate()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for method in methods:
            print(f"measuring {method} ...", flush=True)
            results.append(run_worker(method, model_dir, args, Path(folder)))
    matmul_after = measure_matmul_rate()
    matmul = max(matmul_before, matmul_after)
    add_mfu(results, matmul)
    savings = memory_savings(results)
    print_report(results, savings, model_dir, args, matmul_before, matmul_after)

    if args.json:
        args.json.write_text(json.dumps({
            "model": str(model_dir), "rows": args.rows, "eval_rows": args.eval_rows, "batch_size": args.batch_size,
            "max_length": MAX_LENGTH, "torch_threads": torch.get_num_threads(),
            "machine": platform.processor() or platform.machine(), "torch": torch.__version__,
            "matmul_flops": matmul, "matmul_flops_before": matmul_before, "matmul_flops_after": matmul_after,
            "flops_convention": "(6 x trained + 4 x frozen weight-matrix parameters of the encoder layers) "
                                "x (real tokens + virtual tokens) per step",
            "memory_convention": "peak_growth_bytes: peak RSS during training (VmHWM after a reset) minus RSS "
                                 "before training; process_peak_bytes: that peak RSS",
            "results": results, "memory_savings": savings}, indent=2), encoding="utf-8")


def print_report(results, savings, model_dir: Path, args, matmul_before: float, matmul_after: float) -> None:
    print()
    print(format_table(results))
    print()
    for saving in savings:
        share = "-" if saving["saving"] is None else f"{saving['saving']:.0%}"
        print(f"{saving['method']} against {saving['against']}: peak {_mib(saving['peak_growth_bytes'])} MiB "
              f"against {_mib(saving['against_peak_growth_bytes'])} MiB, {share} less training memory")
    print(f"model {model_dir}, {args.rows} training rows, batch {args.batch_size}, {args.eval_rows} scored rows, "
          f"max length {MAX_LENGTH}, fp32 on CPU, {torch.get_num_threads()} torch threads")
    print(f"machine: {platform.processor() or platform.machine()}; fp32 matmul 1024 x 1024: "
          f"{matmul_before / 1e9:.0f} GFLOP/s before, {matmul_after / 1e9:.0f} GFLOP/s after")
    print("MFU counts (6 x trained + 4 x frozen) weight-matrix parameters of the encoder layers per token; "
          "tokens/row includes the virtual tokens of prompt tuning and P-tuning.")
    print("peak MiB: peak resident memory during training minus the resident memory before it; "
          "process MiB: the whole process's peak.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path,
                        help="Model folder (default: .cache/local-model-default, else a 4-layer bench model "
                             "built in .cache/bench-model).")
    parser.add_argument("--methods", nargs="+", metavar="METHOD",
                        help="Methods to measure (default: every registered method except the TF-IDF baseline).")
    parser.add_argument("--rows", type=int, default=256, help="Training rows, one epoch (default: 256).")
    parser.add_argument("--eval-rows", type=int, default=512,
                        help="Validation and test rows scored for eval rows/s (default: 512).")
    parser.add_argument("--batch-size", type=int, default=32, help="Training rows per batch (default: 32).")
    parser.add_argument("--threads", type=int, help="torch threads in every process (default: torch's own).")
    parser.add_argument("--json", type=Path, help="Also write the figures to this JSON file.")
    parser.add_argument("--worker", metavar="METHOD", help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    for name in ("rows", "eval_rows", "batch_size", "threads"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error(f"--{name.replace('_', '-')} is {value}; it must be at least 1.")

    if args.worker:
        worker_main(args)
        return
    try:
        driver_main(args)
    except PefttError as error:
        sys.exit(f"error: {error}")


if __name__ == "__main__":
    main()
