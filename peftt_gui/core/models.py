"""Local model folders: inspection without loading weights, and offline loading.

Supported: BERT/RoBERTa-family masked language models in Hugging Face format (``bert``,
``roberta``, ``xlm-roberta``, ``camembert``), which covers CINO (XLM-RoBERTa), Tibetan-BERT
and TiBERT (BERT). Nothing is downloaded (``local_files_only=True``) and no remote code runs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import struct
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import ModelError

log = logging.getLogger(__name__)

SUPPORTED_MODEL_TYPES = ("bert", "roberta", "xlm-roberta", "camembert")
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt", "sentencepiece.bpe.model", "spiece.model",
                   "tokenizer.model", "vocab.json")
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json",
                "pytorch_model.bin.index.json")
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
    max_positions: int
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
    return ModelInfo(
        path=str(folder),
        name=folder.name,
        model_type=model_type,
        architectures=architectures,
        num_layers=int(config.get("num_hidden_layers", 0)),
        hidden_size=int(config.get("hidden_size", 0)),
        num_heads=int(config.get("num_attention_heads", 0)),
        vocab_size=int(config.get("vocab_size", 0)),
        max_positions=int(config.get("max_position_embeddings", 512)),
        parameter_count=_count_safetensors_parameters(folder),
        tokenizer_kind=_tokenizer_kind(folder, tokenizer_files),
        tokenizer_files=tokenizer_files,
        weight_files=weight_files,
        has_mlm_head=_has_mlm_head(folder, architectures),
        fingerprint=fingerprint_folder(folder),
    )


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
    if "tokenizer.json" in files:
        try:
            model = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8")).get("model", {})
            return {"BPE": "BPE", "Unigram": "SentencePiece (Unigram)", "WordPiece": "WordPiece",
                    "WordLevel": "WordLevel"}.get(model.get("type", ""), model.get("type", "unknown"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            return "unreadable tokenizer.json"
    if any(name.endswith(".model") for name in files):
        return "SentencePiece"
    if "vocab.txt" in files:
        return "WordPiece"
    return "BPE"


def _safetensors_header(path: Path) -> dict | None:
    try:
        with path.open("rb") as handle:
            (length,) = struct.unpack("<Q", handle.read(8))
            if length > 100_000_000:
                return None
            return json.loads(handle.read(length))
    except (OSError, struct.error, json.JSONDecodeError, UnicodeDecodeError):
        return None


def _count_safetensors_parameters(folder: Path) -> int | None:
    """Count parameters from the safetensors header, without reading the weights."""
    header = _safetensors_header(folder / "model.safetensors")
    if header is None:
        return None
    total = 0
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        count = 1
        for size in entry.get("shape", []):
            count *= size
        total += count
    return total


def _has_mlm_head(folder: Path, architectures: tuple[str, ...]) -> bool:
    if any(name.endswith(("ForMaskedLM", "ForPreTraining")) for name in architectures):
        return True
    header = _safetensors_header(folder / "model.safetensors")
    if header is not None:
        return any(key.startswith(("cls.predictions", "lm_head")) for key in header)
    return not architectures  # an old folder without architectures: assume a pre-trained LM


def fingerprint_folder(folder: Path) -> str:
    """Fingerprint a model folder: sha256 over config and tokenizer bytes, and weight sizes and edges.

    Weight files are fingerprinted by their size and their first and last MiB, so that a
    multi-gigabyte model is fingerprinted in milliseconds.
    """
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if not path.is_file():
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


def load_tokenizer(path: str | Path):
    """Load a tokenizer offline; raise ``ModelError`` when it cannot be loaded."""
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(str(path), local_files_only=True, trust_remote_code=False)
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise ModelError(f"The tokenizer in {path} cannot be loaded ({error}). Check that the tokenizer "
                         "files of this model are complete.") from None


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

    folder = Path(path)
    use_safetensors = (folder / "model.safetensors").is_file() or (folder / "model.safetensors.index.json").is_file()
    verbosity = transformers.logging.get_verbosity()
    transformers.logging.disable_progress_bar()
    transformers.logging.set_verbosity_error()  # the "newly initialized head" notice is expected
    try:
        return auto_class.from_pretrained(str(folder), local_files_only=True, trust_remote_code=False,
                                          use_safetensors=use_safetensors, **kwargs)
    except (OSError, ValueError, RuntimeError, KeyError) as error:
        raise ModelError(f"The weights in {folder} cannot be loaded ({str(error).splitlines()[0]}). "
                         "The weight file may be truncated or corrupt; copy it again.") from None
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
