"""Training throughput of the PEFTT engine against the transformers Trainer, in one run.

Three set-ups train the same model (full fine-tuning with a classification head) on the
same TNCC-title rows at the same batch size:

  recipe-512   transformers Trainer, every row padded to 512 tokens (public TNCC scripts)
  trainer-dyn  transformers Trainer with dynamic padding (DataCollatorWithPadding)
  peftt        this engine: length-grouped batches, per-batch padding, few host syncs

It prints samples per second of each and the ratios peftt / recipe-512 and peftt / trainer-dyn,
plus the model FLOPs utilisation of each against a matmul rate measured in the same run.

    python bench/train_throughput.py                      # builds a bench model if none is given
    python bench/train_throughput.py --model DIR --rows 1024 --batch-size 32
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from peftt_gui.core.config import TrainingConfig  # noqa: E402
from peftt_gui.core.data import load_splits  # noqa: E402
from peftt_gui.core.methods import get_method  # noqa: E402
from peftt_gui.core.methods.common import BuildContext  # noqa: E402
from peftt_gui.core.models import inspect_model_folder, load_tokenizer  # noqa: E402
from peftt_gui.core.normalize import Normalizer  # noqa: E402
from peftt_gui.core.runner import encode_split  # noqa: E402
from peftt_gui.core.template import PromptEncoder, parse_template, plain_template  # noqa: E402
from peftt_gui.core.trainer import Trainer  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "tncc-title"


def measure_matmul_rate(size: int = 1024, repeats: int = 20) -> float:
    """Return the fp32 matmul rate of this machine in FLOP/s (square matrices, warm)."""
    a = torch.randn(size, size)
    b = torch.randn(size, size)
    for _ in range(3):
        a @ b
    started = time.perf_counter()
    for _ in range(repeats):
        a @ b
    elapsed = time.perf_counter() - started
    return 2 * size**3 * repeats / elapsed


def build_bench_model(folder: Path) -> Path:
    """Create a randomly initialised 4-layer, hidden-256 BERT with a tokenizer trained on TNCC-title."""
    from transformers import BertConfig, BertForMaskedLM

    from peftt_gui.core.build_model import train_tokenizer
    from peftt_gui.core.models import save_portable_tokenizer

    if (folder / "config.json").is_file():
        return folder
    splits = load_splits(folder=DATA)
    tokenizer = train_tokenizer([row.text for row in splits.train], vocab_size=8000)
    config = BertConfig(vocab_size=len(tokenizer), hidden_size=256, num_hidden_layers=4, num_attention_heads=4,
                        intermediate_size=1024, max_position_embeddings=512,
                        pad_token_id=tokenizer.pad_token_id)
    torch.manual_seed(0)
    model = BertForMaskedLM(config)
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(folder))
    save_portable_tokenizer(tokenizer, folder)
    return folder


def load_rows(tokenizer, rows: int, batch_size: int):
    splits = load_splits(folder=DATA)
    train = splits.train[:rows]
    encoder = PromptEncoder(tokenizer, plain_template(), 512)
    encoded, _ = encode_split(encoder, train, splits.labels)
    return splits.labels, train, encoded


def run_peftt(model_info, tokenizer, labels, encoded, batch_size: int, threads: int) -> tuple[float, int]:
    spec = get_method("finetune")
    context = BuildContext(spec=spec, model_info=model_info, tokenizer=tokenizer, labels=labels,
                           options=spec.options({}))
    model = spec.builder().build(context)
    config = TrainingConfig(epochs=1, batch_size=batch_size, checkpoint_every_epoch=False, device="cpu",
                            log_every=50)
    tiny_validation = type(encoded)(encoded.input_ids[:8], encoded.labels[:8], encoded.mask_positions[:8])
    trainer = Trainer(model, labels, encoded, tiny_validation, None, config, 5e-5, tokenizer.pad_token_id)
    started = time.perf_counter()
    trainer.fit()
    elapsed = time.perf_counter() - started
    tokens = int(sum(len(ids) for ids in encoded.input_ids))
    return len(encoded) / elapsed, tokens


def run_hf_trainer(model_info, tokenizer, labels, rows, batch_size: int, pad_to_512: bool) -> tuple[float, int]:
    from transformers import (AutoModelForSequenceClassification, DataCollatorWithPadding, Trainer as HFTrainer,
                              TrainingArguments)

    label_index = {label: i for i, label in enumerate(labels)}
    padding = "max_length" if pad_to_512 else False
    features = []
    for row in rows:
        encoded = tokenizer(row.text, truncation=True, max_length=512, padding=padding)
        features.append({"input_ids": encoded["input_ids"], "attention_mask": encoded["attention_mask"],
                         "labels": label_index[row.label]})
    tokens = int(sum(sum(f["attention_mask"]) for f in features))  # real tokens, not padding
    model = AutoModelForSequenceClassification.from_pretrained(model_info.path, num_labels=len(labels),
                                                               local_files_only=True)
    with tempfile.TemporaryDirectory() as output:
        # transformers 5 reads a warmup_steps below 1 as a fraction of the steps (warmup_ratio is gone).
        arguments = TrainingArguments(output_dir=output, per_device_train_batch_size=batch_size, num_train_epochs=1,
                                      learning_rate=5e-5, warmup_steps=0.06, weight_decay=0.01, logging_steps=50,
                                      save_strategy="no", report_to=[], use_cpu=True, seed=13,
                                      disable_tqdm=True, dataloader_num_workers=0)
        trainer = HFTrainer(model=model, args=arguments, train_dataset=features,
                            data_collator=DataCollatorWithPadding(tokenizer))
        started = time.perf_counter()
        trainer.train()
        elapsed = time.perf_counter() - started
    return len(features) / elapsed, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="Model folder (default: build a 4-layer bench model).")
    parser.add_argument("--rows", type=int, default=1024, help="Training rows for the dynamic-padding runs.")
    parser.add_argument("--rows-512", type=int, default=256, help="Training rows for the 512-padded recipe.")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", type=Path, help="Also write the figures to this JSON file.")
    args = parser.parse_args()

    model_dir = args.model or build_bench_model(ROOT / ".cache" / "bench-model")
    model_info = inspect_model_folder(model_dir)
    tokenizer = load_tokenizer(model_dir)
    labels, rows, encoded = load_rows(tokenizer, args.rows, args.batch_size)
    parameters = model_info.parameter_count or 0
    threads = torch.get_num_threads()
    # The matmul rate is measured before and after the runs and the higher one is kept: a single
    # measurement at start-up sometimes caught the machine busy and read 2-3 times too low.
    matmul_before = measure_matmul_rate()

    results = {}
    for name, runner in [
        ("peftt", lambda: run_peftt(model_info, tokenizer, labels, encoded, args.batch_size, threads)),
        ("trainer-dyn", lambda: run_hf_trainer(model_info, tokenizer, labels, rows, args.batch_size, False)),
        ("recipe-512", lambda: run_hf_trainer(model_info, tokenizer, labels, rows[:args.rows_512], args.batch_size,
                                              True)),
    ]:
        samples_per_s, tokens = runner()
        rows_used = args.rows_512 if name == "recipe-512" else args.rows
        results[name] = {"samples_per_s": samples_per_s, "tokens_per_sample": tokens / rows_used}
        print(f"{name:12s} {samples_per_s:8.1f} samples/s  {tokens / rows_used:6.1f} tokens/sample", flush=True)
    matmul = max(matmul_before, measure_matmul_rate())

    # MFU counts 6 x all parameters (embeddings included) per real token.
    for name, result in results.items():
        result["mfu"] = 6 * parameters * result["samples_per_s"] * result["tokens_per_sample"] / matmul
        print(f"MFU {name:12s} {result['mfu']:6.1%}")

    ratio_512 = results["peftt"]["samples_per_s"] / results["recipe-512"]["samples_per_s"]
    ratio_dyn = results["peftt"]["samples_per_s"] / results["trainer-dyn"]["samples_per_s"]
    print(f"\nmachine: {platform.processor() or platform.machine()}, {threads} torch threads, "
          f"fp32 matmul {matmul / 1e9:.0f} GFLOP/s, model {parameters / 1e6:.1f}M parameters")
    print(f"peftt / recipe-512:  {ratio_512:5.2f}x (target >= 3)")
    print(f"peftt / trainer-dyn: {ratio_dyn:5.2f}x (target >= 1.2)")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "ratio_512": ratio_512, "ratio_dynamic": ratio_dyn,
                                         "matmul_flops": matmul, "parameters": parameters}, indent=2))


if __name__ == "__main__":
    main()
