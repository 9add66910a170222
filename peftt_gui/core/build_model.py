"""Build a small Tibetan BERT from plain Tibetan text (``peftt build-model``).

The build trains a Tibetan tokenizer with the ``tokenizers`` library, creates a
``BertForMaskedLM`` and pre-trains it with whole-syllable masked LM for a fixed time
(see :mod:`peftt_gui.core.pretraining`). The result is an ordinary transformers model
folder: safetensors weights, ``tokenizer.json`` and a provenance file.
"""

from __future__ import annotations

import json
import logging
import re
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from peftt_gui.core.errors import ConfigError, DataError, short_value
from peftt_gui.core.normalize import default_normalizer
from peftt_gui.core.pretraining import (
    PretrainingProgress,
    PretrainingResult,
    PretrainingSettings,
    ProgressCallback,
    StopCallback,
    check_output_folder,
    file_sha256,
    pack_blocks,
    pretraining_record,
    run_mlm_pretraining,
    save_model_folder,
    tokenize_for_mlm,
)

logger = logging.getLogger(__name__)

BuildProgress = PretrainingProgress
"""Progress record of a build, with the phases of pre-training plus ``"tokenizer"``."""

SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
TOKENIZER_KINDS = ("bpe", "unigram")
MIN_VOCAB_SIZE = 1000
METASPACE = "\u2581"
# Byte-fallback pieces <0x00>..<0xFF> encode characters outside the vocabulary as their
# UTF-8 bytes, so any text round-trips and [UNK] never occurs.
BYTE_PIECES = [f"<0x{byte:02X}>" for byte in range(256)]

# Every assigned code point of the Tibetan block, printable ASCII and the metaspace
# symbol are in the tokenizer's alphabet, so each such character is one piece even if
# training never saw it.
_TIBETAN_CHARACTERS = [chr(code) for code in range(0x0F00, 0x1000)
                       if unicodedata.category(chr(code)) != "Cn"]
_INITIAL_ALPHABET = (_TIBETAN_CHARACTERS + [chr(code) for code in range(0x21, 0x7F)]
                     + [METASPACE])

# Tibetan punctuation and symbols except the tsheg (U+0F0B) and its non-breaking form
# (U+0F0C). These become tokens of their own, while the tsheg stays inside pre-tokens.
_TIBETAN_MARKS = "".join(
    char for char in _TIBETAN_CHARACTERS
    if unicodedata.category(char)[0] in "PS" and char not in "\u0f0b\u0f0c")

_LABEL_COLUMN = re.compile(r"^[^\t\u0f00-\u0fff]{1,64}\t")


@dataclass(frozen=True)
class CorpusFile:
    """One corpus file as read for a build: its fingerprint and how it was interpreted."""

    name: str
    sha256: str
    size_bytes: int
    texts: int
    label_column_dropped: bool
    tsheg_restored: bool


@dataclass(frozen=True)
class BuildReport:
    """Numbers of a finished build. ``size_bytes`` counts the model and tokenizer files."""

    model_dir: Path
    corpus_files: list[CorpusFile]
    texts: int
    corpus_tokens: int
    vocab_size: int
    parameters: int
    size_bytes: int
    tokenizer_seconds: float
    total_seconds: float
    pretraining: PretrainingResult


# --- Reading the corpus ----------------------------------------------------------------

def _has_label_column(lines: Sequence[str]) -> bool:
    # A `Label<TAB>text` file: nearly every line opens with a short non-Tibetan label.
    sample = [line for line in lines if line.strip()][:1000]
    labelled = sum(1 for line in sample if _LABEL_COLUMN.match(line))
    return bool(sample) and labelled >= 0.9 * len(sample)


def read_corpus_file(path: Path) -> tuple[list[str], CorpusFile]:
    """Read one corpus file: plain text with one text per line, or ``Label<TAB>text``.

    The label column is detected and dropped, and tshegs are restored in files that
    separate syllables with spaces. Empty lines are skipped.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(f"Cannot read the corpus file: {error.strerror or error}.",
                        path=path) from error
    try:
        lines = raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise DataError("The corpus file is not valid UTF-8 text. Save it as UTF-8.",
                        path=path, line=line) from error

    labelled = _has_label_column(lines)
    if labelled:
        lines = [line.split("\t", 1)[1] if _LABEL_COLUMN.match(line) else line for line in lines]
    # The same normalizer as the training data, so pre-training sees text as runs will.
    normalizer = default_normalizer()
    texts = [line.strip() for line in lines if line.strip()]
    restored = normalizer.is_space_separated(texts)
    texts = [normalizer.normalize(text, restore_tsheg=restored) for text in texts]
    texts = [text for text in texts if text]

    record = CorpusFile(name=path.name, sha256=file_sha256(path), size_bytes=len(raw),
                        texts=len(texts), label_column_dropped=labelled, tsheg_restored=restored)
    logger.info("Read %d texts from %s (label column dropped: %s, tsheg restored: %s)",
                len(texts), path, labelled, restored)
    return texts, record


# --- The tokenizer ---------------------------------------------------------------------

def _tibetan_pre_tokenizer():
    from tokenizers import Regex, pre_tokenizers

    # Spaces become the metaspace symbol and start a new pre-token, so decoding restores
    # them. Tibetan marks, Tibetan digit runs and runs of other scripts are split off.
    # The tsheg is not a split point: syllables keep their trailing tsheg, and BPE can
    # learn a frequent word together with its tshegs (ཆབ་སྲིད་) as one token.
    isolated = (f"[{re.escape(_TIBETAN_MARKS)}]"
                f"|[\u0f18\u0f19\u0f20-\u0f33]+"
                f"|[^\u0f00-\u0fff{METASPACE}]+")
    return pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="never", split=True),
        pre_tokenizers.Split(Regex(isolated), behavior="isolated"),
    ])


def _new_backend_tokenizer(kind: str, vocab_size: int):
    from tokenizers import Tokenizer, decoders, models, normalizers, trainers

    common = dict(vocab_size=vocab_size, special_tokens=list(SPECIAL_TOKENS),
                  initial_alphabet=_INITIAL_ALPHABET, show_progress=False)
    if kind == "bpe":
        backend = Tokenizer(models.BPE(unk_token="[UNK]"))
        trainer = trainers.BpeTrainer(**common)
    else:
        backend = Tokenizer(models.Unigram())
        trainer = trainers.UnigramTrainer(unk_token="[UNK]", max_piece_length=16, **common)

    backend.normalizer = normalizers.NFC()
    backend.pre_tokenizer = _tibetan_pre_tokenizer()
    backend.decoder = decoders.Sequence([
        decoders.ByteFallback(),
        decoders.Metaspace(replacement=METASPACE, prepend_scheme="never", split=True),
    ])
    return backend, trainer


def _with_byte_fallback(backend):
    from tokenizers import Tokenizer

    # The trainers cannot add byte pieces, so they go into the serialized model, after
    # every trained piece (Unigram pieces get a score below all others).
    spec = json.loads(backend.to_str())
    model = spec["model"]
    if model["type"] == "BPE":
        next_id = max(model["vocab"].values()) + 1
        for offset, piece in enumerate(BYTE_PIECES):
            model["vocab"][piece] = next_id + offset
    else:
        lowest = min(score for _, score in model["vocab"])
        model["vocab"].extend([piece, lowest - 1.0] for piece in BYTE_PIECES)
    model["byte_fallback"] = True
    return Tokenizer.from_str(json.dumps(spec))


def train_tokenizer(texts: Iterable[str], vocab_size: int = 8000, kind: str = "bpe"):
    """Train a Tibetan tokenizer on ``texts`` and return it as a ``PreTrainedTokenizerFast``.

    ``kind`` is ``"bpe"`` (fast to train) or ``"unigram"``. The tokenizer applies NFC,
    keeps each syllable with its trailing tsheg, adds BERT's [CLS] x [SEP] (and
    [CLS] a [SEP] b [SEP] with segment ids for pairs), and decodes NFC text exactly.
    ``vocab_size`` includes the 5 special tokens and 256 byte-fallback pieces.
    """
    from tokenizers import processors
    from transformers import PreTrainedTokenizerFast

    if kind not in TOKENIZER_KINDS:
        raise ConfigError(f"Unknown tokenizer kind {kind!r}. Use one of: "
                          f"{', '.join(TOKENIZER_KINDS)}.", field="kind")
    if vocab_size < MIN_VOCAB_SIZE:
        reserved = len(_INITIAL_ALPHABET) + len(SPECIAL_TOKENS) + len(BYTE_PIECES)
        raise ConfigError(f"vocab_size {vocab_size} is too small, because the alphabet, the "
                          f"special tokens and the byte pieces alone take {reserved} entries. "
                          f"Use at least {MIN_VOCAB_SIZE}.",
                          field="vocab_size")
    texts = list(texts)
    backend, trainer = _new_backend_tokenizer(kind, vocab_size - len(BYTE_PIECES))
    backend.train_from_iterator(texts, trainer, length=len(texts))
    backend = _with_byte_fallback(backend)

    cls_id, sep_id = backend.token_to_id("[CLS]"), backend.token_to_id("[SEP]")
    backend.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)])
    return PreTrainedTokenizerFast(
        tokenizer_object=backend, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
        sep_token="[SEP]", mask_token="[MASK]", model_max_length=512,
        model_input_names=["input_ids", "token_type_ids", "attention_mask"],
        clean_up_tokenization_spaces=False)


# --- The model -------------------------------------------------------------------------

@dataclass(frozen=True)
class _ModelShape:
    layers: int
    hidden: int
    heads: int
    intermediate: int
    max_length: int

    def __post_init__(self):
        for name in ("layers", "hidden", "heads", "intermediate"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1, got {getattr(self, name)}.",
                                  field=name)
        if self.hidden % self.heads:
            raise ConfigError(f"hidden ({self.hidden}) must be a multiple of heads "
                              f"({self.heads}).", field="heads")
        if not 8 <= self.max_length <= 512:
            raise ConfigError(f"max_length must be between 8 and 512 tokens, got "
                              f"{self.max_length}.", field="max_length")


def _new_masked_lm(shape: _ModelShape, tokenizer: Any, seed: int):
    import torch
    from transformers import BertConfig, BertForMaskedLM

    config = BertConfig(
        vocab_size=len(tokenizer), hidden_size=shape.hidden,
        num_hidden_layers=shape.layers, num_attention_heads=shape.heads,
        intermediate_size=shape.intermediate, max_position_embeddings=512,
        type_vocab_size=2, pad_token_id=tokenizer.pad_token_id)
    torch.manual_seed(seed)
    return BertForMaskedLM(config)


def _model_record(model: Any, shape: _ModelShape) -> dict[str, Any]:
    config = model.config
    return {"architecture": type(model).__name__, "layers": shape.layers,
            "hidden": shape.hidden, "heads": shape.heads, "intermediate": shape.intermediate,
            "max_position_embeddings": config.max_position_embeddings,
            "parameters": model.num_parameters()}


# --- The build -------------------------------------------------------------------------

def _read_corpus(corpus_files: Sequence[Path]) -> tuple[list[str], list[CorpusFile]]:
    if not corpus_files:
        raise ConfigError("No corpus file given. Pass at least one text file.",
                          field="corpus_files")
    texts: list[str] = []
    records = []
    for path in corpus_files:
        file_texts, record = read_corpus_file(path)
        texts.extend(file_texts)
        records.append(record)
    if not texts:
        names = ", ".join(short_value(str(path)) for path in corpus_files)
        raise DataError(f"The corpus files {names} contain no text.")
    return texts, records


def build_local_model(corpus_files: list[Path], out_dir: Path, *, vocab_size: int = 8000,
                      layers: int = 4, hidden: int = 256, heads: int = 4,
                      intermediate: int = 1024, max_length: int = 128,
                      time_limit_s: float = 900.0, batch_size: int = 32,
                      learning_rate: float = 1e-3, seed: int = 13,
                      max_steps: int | None = None, tokenizer_kind: str = "bpe",
                      overwrite: bool = False,
                      progress: ProgressCallback | None = None,
                      should_stop: StopCallback | None = None) -> BuildReport:
    """Train a tokenizer and a BERT masked LM on the corpus files and save them to ``out_dir``.

    Pre-training uses packed blocks of ``max_length`` tokens and runs until
    ``time_limit_s`` (seconds) has passed, counting the held-out evaluations but not
    tokenizer training, tokenization or saving. ``max_steps`` optionally ends it after
    that many optimizer steps. ``should_stop`` ends pre-training early, and the model
    trained so far is still saved, with ``stopped`` set in the report. The folder is
    written under a hidden name and renamed when complete, so ``out_dir`` never contains
    a half-written model. An existing non-empty ``out_dir`` is replaced only with
    ``overwrite``.
    """
    started = time.monotonic()
    out_dir = Path(out_dir)
    shape = _ModelShape(layers, hidden, heads, intermediate, max_length)
    settings = PretrainingSettings(time_limit_s=time_limit_s, batch_size=batch_size,
                                   learning_rate=learning_rate, seed=seed, max_steps=max_steps)
    check_output_folder(out_dir, overwrite)
    texts, corpus_records = _read_corpus(corpus_files)
    logger.info("Building a %d-layer, hidden-%d model from %d texts into %s "
                "(pre-training for at most %.0f s)", layers, hidden, len(texts), out_dir,
                time_limit_s)

    def report_phase(phase: str) -> None:
        if progress is not None:
            progress(BuildProgress(phase, 0, 0, None, time.monotonic() - started, None))

    report_phase("tokenizer")
    tokenizer = train_tokenizer(texts, vocab_size=vocab_size, kind=tokenizer_kind)
    tokenizer_seconds = time.monotonic() - started
    report_phase("tokenize")
    ids, starts = tokenize_for_mlm(tokenizer, texts)
    blocks, block_starts = pack_blocks(ids, starts, shape.max_length, tokenizer.cls_token_id)

    model = _new_masked_lm(shape, tokenizer, seed)
    result = run_mlm_pretraining(model, tokenizer, blocks, block_starts, settings,
                                 progress=progress, should_stop=should_stop,
                                 clock_origin=started)

    if progress is not None:
        progress(BuildProgress("save", result.steps, result.steps,
                               result.final_train_loss, time.monotonic() - started, 0.0))
    size_bytes = save_model_folder(model, tokenizer, out_dir, overwrite, {
        "kind": "build-model",
        "corpus": {"files": [asdict(record) for record in corpus_records],
                   "texts": len(texts), "tokens": int(len(ids))},
        "tokenizer": {"kind": tokenizer_kind, "vocab_size": len(tokenizer),
                      "seconds": round(tokenizer_seconds, 1)},
        "model": _model_record(model, shape),
        "pretraining": pretraining_record(settings, result),
        "build_seconds": round(time.monotonic() - started, 1),
    })
    total_seconds = round(time.monotonic() - started, 1)

    logger.info("Built %s in %.0f s: %d steps, %.0f tokens/s, MLM accuracy %.3f%s", out_dir,
                total_seconds, result.steps, result.tokens_per_second, result.eval_accuracy,
                " (stopped early)" if result.stopped else "")
    return BuildReport(
        model_dir=out_dir, corpus_files=corpus_records, texts=len(texts),
        corpus_tokens=int(len(ids)), vocab_size=len(tokenizer),
        parameters=model.num_parameters(), size_bytes=size_bytes,
        tokenizer_seconds=round(tokenizer_seconds, 1), total_seconds=total_seconds,
        pretraining=result)
