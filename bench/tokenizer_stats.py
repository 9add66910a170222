"""Print how the tokenizer of each model folder shape splits TNCC-title titles.

The four shapes are the look-alike folders that the tests build with ``tests/model_folders.py``
(CINO as its authors distribute it, CINO as a hub copy, Tibetan-BERT, TiBERT), built here
into a temporary folder from the same training text. ``.cache/local-model-default`` is added
when it exists, and ``--model`` adds other folders.

Each tokenizer is loaded as a run loads it: ``load_checked_tokenizer`` checks it on a sample
of the training titles and turns off settings that delete Tibetan marks. The titles of the
chosen split are normalized with the run's default normalization mode. For each folder the
script prints the tokenizer class, the overrides, the mean and 95th percentile of tokens per
title without the special tokens, the share of unknown tokens, and the titles whose decoded
tokens lost characters.

    python bench/tokenizer_stats.py
    python bench/tokenizer_stats.py --split validation --model ~/models/cino-base-v2
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from peftt_gui.core.config import RunConfig  # noqa: E402
from peftt_gui.core.data import read_examples  # noqa: E402
from peftt_gui.core.models import inspect_model_folder, load_checked_tokenizer  # noqa: E402
from peftt_gui.core.runner import make_normalizer  # noqa: E402
from peftt_gui.core.tokenizer_check import check_tokenizer, sample_texts  # noqa: E402

DATA_DIR = ROOT.parent / "shared" / "data"
LOCAL_MODEL = ROOT / ".cache" / "local-model-default"


@dataclass(frozen=True)
class TokenizerStats:
    """Token counts of the titles under one folder's tokenizer, loaded as a run loads it."""

    name: str
    tokenizer_kind: str
    tokenizer_class: str
    overrides: dict
    vocab_size: int
    titles: int
    tokens_per_title_mean: float
    tokens_per_title_p95: float
    unknown_rate: float
    changed_titles: int


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR,
                        help="folder with the tncc-title and tusa data sets (default: ../shared/data)")
    parser.add_argument("--split", default="test", choices=("train", "validation", "test"),
                        help="TNCC-title split whose titles are measured (default: test)")
    parser.add_argument("--model", type=Path, action="append", default=[],
                        help="another model folder to measure; may be repeated")
    parser.add_argument("--folders", type=Path, default=None,
                        help="build the four shapes into this folder and keep them (default: a temporary folder)")
    return parser.parse_args()


def build_shapes(out_dir: Path, data_dir: Path) -> list[tuple[str, Path]]:
    """Build the four look-alike folders as the test session builds them; return (name, folder) pairs."""
    import transformers
    from model_folders import (
        build_cino_folder,
        build_tibert_folder,
        build_tibetan_bert_folder,
        read_folder_training_texts,
    )

    transformers.logging.disable_progress_bar()  # save_pretrained's progress bar of the hub copy
    texts = read_folder_training_texts(data_dir)
    built = [
        ("CINO, authors' download", build_cino_folder(out_dir / "cino" / "cino-base-v2", texts)),
        ("CINO, hub copy", build_cino_folder(out_dir / "cino-hub" / "cino-base-v2", texts, hub_copy=True)),
        ("Tibetan-BERT", build_tibetan_bert_folder(out_dir / "tibetan-bert" / "tibetan_bert", texts)),
        ("TiBERT", build_tibert_folder(out_dir / "tibert" / "TiBERT", texts)),
    ]
    return [(name, folder.path) for name, folder in built]


def measure(name: str, folder: Path, train_titles: list[str], titles: list[str]) -> TokenizerStats:
    """Load the folder's tokenizer as a run does, then tokenize ``titles`` with it."""
    info = inspect_model_folder(folder)
    tokenizer, check = load_checked_tokenizer(folder, sample_texts(train_titles), info.vocab_size)
    report = check_tokenizer(tokenizer, titles)

    # The report counts the special tokens around each row; a title's own tokens are fewer by that many.
    special = tokenizer.num_special_tokens_to_add(pair=False)
    return TokenizerStats(name, info.tokenizer_kind, type(tokenizer).__name__, check.overrides, len(tokenizer),
                          report.rows, report.tokens_per_row_mean - special, report.tokens_per_row_p95 - special,
                          report.unknown_rate, report.changed_rows)


def print_table(rows: list[TokenizerStats]) -> None:
    print("| folder | tokenizer | class that loaded | overrides | vocabulary | tokens per title, mean | "
          "p95 | unknown tokens | titles changed |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        overrides = ", ".join(f"{key}={value}" for key, value in row.overrides.items()) or "none"
        print(f"| {row.name} | {row.tokenizer_kind} | {row.tokenizer_class} | {overrides} | {row.vocab_size:,} | "
              f"{row.tokens_per_title_mean:.1f} | {row.tokens_per_title_p95:.0f} | {100 * row.unknown_rate:.3f}% | "
              f"{row.changed_titles} |")


def main() -> None:
    arguments = parse_arguments()
    data_dir = arguments.data.expanduser().resolve()
    normalizer = make_normalizer(RunConfig.__dataclass_fields__["normalization"].default)
    tncc_dir = data_dir / "tncc-title"
    train_titles = [example.text for example in read_examples(tncc_dir / "train.txt", normalizer=normalizer).examples]
    titles = [example.text for example in
              read_examples(tncc_dir / f"{arguments.split}.txt", normalizer=normalizer).examples]

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="peftt-tokenizer-stats-") as temporary:
        build_dir = arguments.folders.expanduser() if arguments.folders else Path(temporary)
        folders = build_shapes(build_dir, data_dir)
        if LOCAL_MODEL.is_dir():
            folders.append(("local model (.cache/local-model-default)", LOCAL_MODEL))
        folders += [(str(path), path.expanduser()) for path in arguments.model]
        rows = [measure(name, folder, train_titles, titles) for name, folder in folders]

    print(f"TNCC-title {arguments.split} split: {len(titles)} titles, normalization {normalizer.mode}")
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPU cores; "
          f"{time.perf_counter() - started:.0f} s\n")
    print_table(rows)


if __name__ == "__main__":
    main()
