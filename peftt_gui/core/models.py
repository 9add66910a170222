"""Local model folders: inspection without loading weights, and offline loading.

Supported: BERT/RoBERTa-family masked language models in Hugging Face format (``bert``,
``roberta``, ``xlm-roberta``, ``camembert``), which covers CINO (XLM-RoBERTa), Tibetan-BERT
and TiBERT (BERT). Nothing is downloaded (``local_files_only=True``) and no remote code runs.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import pickle
import struct
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .errors import ModelError

log = logging.getLogger(__name__)

SUPPORTED_MODEL_TYPES = ("bert", "roberta", "xlm-roberta", "camembert")
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt", "sentencepiece.bpe.model", "spiece.model",
                   "tokenizer.model", "vocab.json")
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json",
                "pytorch_model.bin.index.json")
SENTENCEPIECE_FILES = ("sentencepiece.bpe.model", "spiece.model", "tokenizer.model")
# Weight names of the masked-LM head: ``cls.predictions`` in BERT, ``lm_head`` in RoBERTa and XLM-R.
MLM_HEAD_PREFIXES = ("cls.predictions.", "lm_head.")
# safetensors dtypes that hold parameters; integer entries are buffers such as position ids.
FLOAT_DTYPES = ("F64", "F32", "F16", "BF16", "F8_E4M3", "F8_E5M2")
FINGERPRINTED_FILES = frozenset(("config.json", "tokenizer_config.json", "special_tokens_map.json",
                                 "added_tokens.json", "merges.txt") + TOKENIZER_FILES + WEIGHT_FILES)
# LoRA targets per model type: the attention query and value projections, as in the LoRA paper.
DEFAULT_LORA_TARGETS = {model_type: ["query", "value"] for model_type in SUPPORTED_MODEL_TYPES}


@dataclass(frozen=True)
class ModelInfo:
    """Description of a model folder, as the Model page and the history show it."""

    path: str
    name: str
    model_type: str
    architectures: tuple[str, ...]
    num_layers: int
    hidden_size: int
    num_heads: int
    vocab_size: int
    max_positions: int                  # tokens per sequence, special tokens included
    parameter_count: int | None
    tokenizer_kind: str
    tokenizer_files: tuple[str, ...]
    weight_files: tuple[str, ...]
    has_mlm_head: bool
    fingerprint: str
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return asdict(self)


def inspect_model_folder(path: str | Path) -> ModelInfo:
    """Read a model folder's config and file list, check it, and return its description.

    Raises ``ModelError`` for a missing folder, a missing config, tokenizer or weights, or an
    unsupported architecture.
    """
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise ModelError(f"The model folder {folder} does not exist. Choose a folder that contains "
                         "config.json, the tokenizer files and the weights.")
    config = _read_config(folder)

    model_type = str(config.get("model_type", ""))
    if model_type not in SUPPORTED_MODEL_TYPES:
        raise ModelError(f"{folder}: the model type {model_type or '(none)'!r} is not supported. Supported "
                         f"types: {', '.join(SUPPORTED_MODEL_TYPES)} (BERT and RoBERTa-family masked LMs).")

    tokenizer_files = tuple(name for name in TOKENIZER_FILES if (folder / name).is_file())
    if not tokenizer_files:
        raise ModelError(f"{folder} has no tokenizer files (looked for {', '.join(TOKENIZER_FILES)}). "
                         "Copy the tokenizer files of this model into the folder.")
    weight_files = tuple(name for name in WEIGHT_FILES if (folder / name).is_file())
    if not weight_files:
        raise ModelError(f"{folder} has no weights (looked for model.safetensors or pytorch_model.bin). "
                         "Copy the model weights into the folder.")

    architectures = tuple(config.get("architectures") or ())
    weights = _summarize_weights(folder, weight_files)
    return ModelInfo(
        path=str(folder),
        name=folder.name,
        model_type=model_type,
        architectures=architectures,
        num_layers=int(config.get("num_hidden_layers", 0)),
        hidden_size=int(config.get("hidden_size", 0)),
        num_heads=int(config.get("num_attention_heads", 0)),
        vocab_size=int(config.get("vocab_size", 0)),
        max_positions=_max_sequence_length(config, model_type),
        parameter_count=weights.parameter_count,
        tokenizer_kind=_tokenizer_kind(folder, tokenizer_files),
        tokenizer_files=tokenizer_files,
        weight_files=weight_files,
        has_mlm_head=_has_mlm_head(weights.names, architectures),
        fingerprint=fingerprint_folder(folder),
        notes=weights.notes,
    )


def _max_sequence_length(config: dict, model_type: str) -> int:
    """Return the maximum number of tokens in one sequence, from ``max_position_embeddings``.

    RoBERTa-family models (transformers' ``create_position_ids_from_input_ids``) number
    positions from ``pad_token_id + 1``, so XLM-R's and CINO's 514 position embeddings
    hold 512 tokens.
    """
    positions = int(config.get("max_position_embeddings", 512))
    if model_type in ("roberta", "xlm-roberta", "camembert"):
        pad_token_id = config.get("pad_token_id")
        positions -= (1 if pad_token_id is None else int(pad_token_id)) + 1
    return positions


def _read_config(folder: Path) -> dict:
    config_path = folder / "config.json"
    if not config_path.is_file():
        raise ModelError(f"{folder} has no config.json, so it is not a Hugging Face model folder. "
                         "Choose the folder that contains config.json.")
    try:
        return json.loads(config_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ModelError(f"{config_path} is not valid JSON ({error}). Restore the original file.") from None


def _tokenizer_kind(folder: Path, files: tuple[str, ...]) -> str:
    # tokenizer.json wins because transformers loads it before any other tokenizer file.
    if "tokenizer.json" in files:
        try:
            model = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8")).get("model", {})
            return {"BPE": "BPE", "Unigram": "SentencePiece (Unigram)", "WordPiece": "WordPiece",
                    "WordLevel": "WordLevel"}.get(model.get("type", ""), model.get("type", "unknown"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            return "unreadable tokenizer.json"
    for name in SENTENCEPIECE_FILES:
        if name in files:
            model_type = sentencepiece_model_type(folder / name)
            return f"SentencePiece ({model_type})" if model_type else "SentencePiece"
    if "vocab.txt" in files:
        return "WordPiece"
    return "BPE"


def sentencepiece_model_type(path: Path) -> str | None:
    """Return the algorithm of a SentencePiece ``.model`` file ("Unigram", "BPE", "Word", "Char").

    XLM-R and CINO name their file ``sentencepiece.bpe.model`` whatever its algorithm, so the
    type is read from the model's protobuf (``trainer_spec.model_type``). Returns None when
    the file cannot be parsed or protobuf is not installed.
    """
    try:
        from google.protobuf.message import DecodeError
        from sentencepiece import sentencepiece_model_pb2
    except ImportError:
        return None
    proto = sentencepiece_model_pb2.ModelProto()
    try:
        proto.ParseFromString(path.read_bytes())
    except (OSError, DecodeError):
        return None
    names = {1: "Unigram", 2: "BPE", 3: "Word", 4: "Char"}
    return names.get(proto.trainer_spec.model_type)


@dataclass(frozen=True)
class _WeightSummary:
    """Tensor names and parameter count read from the weight files, without building the model."""

    names: frozenset[str] | None           # tensor names, None when unreadable
    parameter_count: int | None
    notes: tuple[str, ...] = ()


def _summarize_weights(folder: Path, weight_files: tuple[str, ...]) -> _WeightSummary:
    # The order follows what _load reads: safetensors whenever present, else the .bin file.
    if "model.safetensors" in weight_files:
        notes = ()
        if "pytorch_model.bin" in weight_files:
            notes = ("The folder has both model.safetensors and pytorch_model.bin; model.safetensors is loaded.",)
        header = _safetensors_header(folder / "model.safetensors")
        return _summary_from_headers([header], notes)
    if "model.safetensors.index.json" in weight_files:
        shards = sorted(set(_index_weight_map(folder / "model.safetensors.index.json").values()))
        return _summary_from_headers([_safetensors_header(folder / shard) for shard in shards], ())

    legacy_note = ("The weights are in the legacy PyTorch format (pytorch_model.bin). They are read with "
                   "torch.load(weights_only=True), which accepts tensors only and never runs code from the file.")
    if "pytorch_model.bin" in weight_files:
        return _summarize_bin(folder / "pytorch_model.bin", legacy_note)
    names = frozenset(_index_weight_map(folder / "pytorch_model.bin.index.json")) or None
    return _WeightSummary(names, None, (legacy_note,))


def _safetensors_header(path: Path) -> dict | None:
    try:
        with path.open("rb") as handle:
            (length,) = struct.unpack("<Q", handle.read(8))
            if length > 100_000_000:
                return None
            return json.loads(handle.read(length))
    except (OSError, struct.error, json.JSONDecodeError, UnicodeDecodeError):
        return None


def _summary_from_headers(headers: list[dict | None], notes: tuple[str, ...]) -> _WeightSummary:
    """Collect names and count parameters from safetensors headers, without reading the weights."""
    if not headers or any(header is None for header in headers):
        return _WeightSummary(None, None, notes)
    names = set()
    total = 0
    for header in headers:
        for name, entry in header.items():
            if name == "__metadata__":
                continue
            names.add(name)
            if entry.get("dtype") in FLOAT_DTYPES:
                count = 1
                for size in entry.get("shape", []):
                    count *= size
                total += count
    return _WeightSummary(frozenset(names), total, notes)


def _index_weight_map(path: Path) -> dict[str, str]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")).get("weight_map", {}))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError, AttributeError):
        return {}


def _summarize_bin(path: Path, note: str) -> _WeightSummary:
    """Collect names and count parameters of a ``torch.save`` state dict, memory-mapped.

    Tied tensors (the word embeddings and the MLM decoder) share one storage in the file, so
    they are counted once. Integer buffers such as position ids are not parameters and are skipped.
    """
    # NOTE: this imports torch, which takes a second or two the first time in a process.
    import torch

    if not zipfile.is_zipfile(path):
        # Files written by torch before 1.6 cannot be memory-mapped, and reading one whole
        # would take as long as loading the model.
        return _WeightSummary(None, None, (note,))
    try:
        state = torch.load(path, map_location="cpu", weights_only=True, mmap=True)
    except (pickle.UnpicklingError, RuntimeError, OSError, EOFError, ValueError) as error:
        log.warning("Cannot read the tensor names of %s: %s", path, str(error).splitlines()[0])
        return _WeightSummary(None, None, (note, f"{path.name} could not be read as a file of tensors only; "
                                                  "loading the model will fail."))
    if not isinstance(state, dict):
        return _WeightSummary(None, None, (note,))

    seen = set()
    total = 0
    for tensor in state.values():
        if not isinstance(tensor, torch.Tensor) or not tensor.is_floating_point():
            continue
        key = (tensor.untyped_storage().data_ptr(), tensor.storage_offset(), tuple(tensor.shape))
        if key not in seen:
            seen.add(key)
            total += tensor.numel()
    return _WeightSummary(frozenset(str(name) for name in state), total, (note,))


def _has_mlm_head(names: frozenset[str] | None, architectures: tuple[str, ...]) -> bool:
    # The tensor names decide when they are readable: a config may name an MLM class while
    # the weights were saved without the head.
    if names:
        return any(name.startswith(MLM_HEAD_PREFIXES) for name in names)
    if any(name.endswith(("ForMaskedLM", "ForPreTraining")) for name in architectures):
        return True
    return not architectures  # an old folder without architectures: assume a pre-trained LM


def fingerprint_folder(folder: Path) -> str:
    """Fingerprint a model folder: sha256 over config and tokenizer bytes, and weight sizes and edges.

    Weight files are fingerprinted by their size and their first and last MiB, so that a
    multi-gigabyte model is fingerprinted in milliseconds.
    """
    # Only the files that define the model count, so a copy with an extra README, a training
    # log or a hub cache file still matches.
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        counted = path.name in FINGERPRINTED_FILES or path.suffix in (".safetensors", ".bin")  # shards too
        if not path.is_file() or not counted:
            continue
        digest.update(path.name.encode())
        size = path.stat().st_size
        digest.update(str(size).encode())
        with path.open("rb") as handle:
            if size <= 4 * 2**20:
                digest.update(handle.read())
            else:
                digest.update(handle.read(2**20))
                handle.seek(size - 2**20)
                digest.update(handle.read())
    return digest.hexdigest()[:16]


def load_tokenizer(path: str | Path, overrides: dict[str, Any] | None = None):
    """Load a tokenizer offline; raise ``ModelError`` when it cannot be loaded.

    ``overrides`` are ``from_pretrained`` settings that replace the folder's, such as the
    ``{"strip_accents": False}`` that ``load_checked_tokenizer`` records for a run.
    """
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(str(path), local_files_only=True, trust_remote_code=False,
                                             **(overrides or {}))
    except (OSError, ValueError, TypeError, KeyError) as error:
        missing = _missing_sentencepiece_packages(Path(path))
        if missing:
            raise ModelError(f"The tokenizer in {path} is a SentencePiece model without tokenizer.json, and "
                             f"converting it needs the Python package(s) {', '.join(missing)}, which are not "
                             f"installed. Install them (pip install {' '.join(missing)}).") from None
        raise ModelError(f"The tokenizer in {path} cannot be loaded ({error}). Check that the tokenizer "
                         "files of this model are complete.") from None


def _missing_sentencepiece_packages(folder: Path) -> list[str]:
    # transformers 5 reads a .model file through sentencepiece's protobuf classes, and
    # without protobuf it falls back to tiktoken and fails with a message about tiktoken.
    if (folder / "tokenizer.json").is_file() or not any((folder / name).is_file() for name in SENTENCEPIECE_FILES):
        return []
    missing = []
    for module, package in (("sentencepiece", "sentencepiece"), ("google.protobuf", "protobuf")):
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(package)
    return missing


def load_checked_tokenizer(path: str | Path, sample_texts: Sequence[str],
                           model_vocab_size: int | None = None):
    """Load the tokenizer, check it on real rows and override settings that delete Tibetan marks.

    Returns ``(tokenizer, report)``, a ``tokenizer_check.TokenizerReport`` whose
    ``overrides`` are the settings changed for the run (empty when the folder's own settings
    keep the text). ``load_tokenizer(path, report.overrides)`` loads the same tokenizer again.
    Raises ``ModelError`` when the tokenizer has more tokens than ``model_vocab_size``, the
    rows of the model's embedding matrix.
    """
    from .tokenizer_check import check_tokenizer, mark_preserving_overrides, settle_overrides

    tokenizer = load_tokenizer(path)
    _check_vocabulary_fits(tokenizer, model_vocab_size, path)
    report = check_tokenizer(tokenizer, sample_texts)
    overrides = mark_preserving_overrides(tokenizer, report)
    if not overrides:
        return tokenizer, report

    overridden = load_tokenizer(path, overrides)
    use_overridden, report = settle_overrides(report, check_tokenizer(overridden, sample_texts), overrides)
    for warning in report.warnings:
        log.warning("%s: %s", path, warning)
    return (overridden if use_overridden else tokenizer), report


def _check_vocabulary_fits(tokenizer, model_vocab_size: int | None, path: str | Path) -> None:
    # A larger tokenizer produces ids past the embedding matrix (for XLM-R the <mask> id
    # is the last one), which fails with an index error in the middle of training.
    if model_vocab_size and len(tokenizer) > model_vocab_size:
        raise ModelError(f"The tokenizer in {path} has {len(tokenizer)} tokens but the model's config.json "
                         f"sets vocab_size {model_vocab_size}, so some token ids have no embedding. The tokenizer "
                         "files probably belong to another model; copy the tokenizer files of this model.")


# Classes whose transformers 4.x slow version needs this vocabulary file. A folder saved by
# transformers 5 has only tokenizer.json, so it names the fast class instead.
_SLOW_VOCABULARY_FILES = {
    "BertTokenizer": "vocab.txt",
    "XLMRobertaTokenizer": "sentencepiece.bpe.model",
    "CamembertTokenizer": "sentencepiece.bpe.model",
    "RobertaTokenizer": "vocab.json",
}


def save_portable_tokenizer(tokenizer, folder: str | Path) -> None:
    """Save ``tokenizer`` to ``folder`` so that transformers 5.x and 4.x both load it."""
    from .pretraining import set_portable_tokenizer_class

    tokenizer.save_pretrained(str(folder))
    set_portable_tokenizer_class(Path(folder))
    make_tokenizer_config_portable(folder)


def make_tokenizer_config_portable(folder: str | Path) -> list[str]:
    """Rewrite a saved ``tokenizer_config.json`` so that transformers 4.x loads it too.

    transformers 5 writes ``extra_special_tokens`` as a list, where 4.x expects a mapping
    and fails with "'list' object has no attribute 'keys'". The list therefore moves to
    ``additional_special_tokens``, which both versions read. A slow class name whose
    vocabulary file is not in the folder becomes its fast name. ``TokenizersBackend`` is
    handled by ``pretraining.set_portable_tokenizer_class``, which callers run first (as
    ``save_portable_tokenizer`` does). Returns the changes.
    """
    path = Path(folder) / "tokenizer_config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    changes = []

    extra = config.get("extra_special_tokens")
    if isinstance(extra, list):
        del config["extra_special_tokens"]
        if extra:
            config["additional_special_tokens"] = extra
        changes.append("extra_special_tokens list moved to additional_special_tokens")

    name = config.get("tokenizer_class")
    vocabulary_file = _SLOW_VOCABULARY_FILES.get(name)
    if vocabulary_file and not (Path(folder) / vocabulary_file).is_file():
        config["tokenizer_class"] = f"{name}Fast"
        changes.append(f"tokenizer_class {name} -> {name}Fast")

    if changes:
        path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return changes


def load_masked_lm(path: str | Path):
    """Load the masked LM offline (safetensors preferred when both formats are present)."""
    from transformers import AutoModelForMaskedLM

    return _load(AutoModelForMaskedLM, path)


def load_sequence_classifier(path: str | Path, labels: list[str], with_new_modules: bool = False):
    """Load the encoder with a classification head for ``labels``.

    With ``with_new_modules``, also return the names of the top-level modules whose weights
    were missing from the checkpoint and were freshly initialised (the head, and the BERT
    pooler when a masked-LM checkpoint has none).
    """
    from transformers import AutoModelForSequenceClassification

    model, info = _load(AutoModelForSequenceClassification, path, num_labels=len(labels),
                        id2label=dict(enumerate(labels)), label2id={label: i for i, label in enumerate(labels)},
                        output_loading_info=True)
    if not with_new_modules:
        return model
    prefix = model.base_model_prefix + "."
    new_modules = sorted({key.removeprefix(prefix).split(".")[0] for key in info.get("missing_keys", ())})
    return model, new_modules


def _load(auto_class, path: str | Path, **kwargs):
    import transformers
    from safetensors import SafetensorError

    folder = Path(path)
    use_safetensors = (folder / "model.safetensors").is_file() or (folder / "model.safetensors.index.json").is_file()
    verbosity = transformers.logging.get_verbosity()
    transformers.logging.disable_progress_bar()
    transformers.logging.set_verbosity_error()  # the "newly initialized head" notice is expected
    try:
        # A legacy pytorch_model.bin is a pickle. In transformers 5.x, from_pretrained passes
        # weights_only on to modeling_utils.load_state_dict, which calls check_torch_load_is_safe()
        # (torch 2.6 or newer) and then torch.load(..., weights_only=True): the unpickler accepts
        # tensors and plain containers only and rejects any other object without running it.
        return auto_class.from_pretrained(str(folder), local_files_only=True, trust_remote_code=False,
                                          use_safetensors=use_safetensors, weights_only=True, **kwargs)
    except pickle.UnpicklingError:
        raise ModelError(f"The weights in {folder} contain Python objects other than tensors, so they were "
                         "rejected without being run: a .bin file can execute code when it is loaded. Use "
                         "the model.safetensors file of this model, or a copy from a source you trust.") from None
    except (OSError, ValueError, RuntimeError, KeyError, SafetensorError) as error:
        # SafetensorError (a damaged model.safetensors) derives from Exception only.
        weight_file = "model.safetensors" if use_safetensors else "pytorch_model.bin"
        raise ModelError(f"The weights in {folder} cannot be loaded ({str(error).splitlines()[0]}). "
                         f"The weight file {weight_file} may be truncated or corrupt; copy it again.") from None
    finally:
        transformers.logging.set_verbosity(verbosity)


def linear_layer_names(model) -> list[str]:
    """Return the distinct short names of the model's linear layers (LoRA target candidates)."""
    import torch

    names = set()
    for full_name, module in model.named_modules():
        if isinstance(module, torch.nn.Linear):
            names.add(full_name.rsplit(".", 1)[-1])
    return sorted(names)


def default_lora_targets(model_type: str) -> list[str]:
    return list(DEFAULT_LORA_TARGETS.get(model_type, ["query", "value"]))


def count_parameters(model) -> tuple[int, int]:
    """Return (trainable, total) parameter counts."""
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    return trainable, total
