"""Run configuration as dataclasses whose field help text doubles as the GUI tooltip.

Configs validate at construction and raise ``ConfigError`` naming the field. They are saved
as JSON with the app version; on load, unknown keys are dropped with a warning.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from .. import __version__
from .errors import ConfigError

log = logging.getLogger(__name__)


def option(default: Any, help: str, *, minimum: float | None = None, maximum: float | None = None,
           choices: tuple | None = None, label: str | None = None) -> Any:
    """Declare a config field with its help text and the constraints the form and validation use."""
    metadata = {"help": help, "minimum": minimum, "maximum": maximum, "choices": choices, "label": label}
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata=metadata)
    return field(default=default, metadata=metadata)


def validate_fields(instance) -> None:
    """Check numeric ranges and choices declared with ``option``."""
    for spec in fields(instance):
        value = getattr(instance, spec.name)
        meta = spec.metadata
        if value is None:
            continue
        if meta.get("choices") and value not in meta["choices"]:
            raise ConfigError(f"{spec.name} = {value!r} is not one of {', '.join(map(str, meta['choices']))}.",
                              field=spec.name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if meta.get("minimum") is not None and value < meta["minimum"]:
                raise ConfigError(f"{spec.name} = {value} is below the minimum {meta['minimum']}.", field=spec.name)
            if meta.get("maximum") is not None and value > meta["maximum"]:
                raise ConfigError(f"{spec.name} = {value} is above the maximum {meta['maximum']}.", field=spec.name)


def from_mapping(cls, data: Mapping[str, Any] | None, *, context: str = ""):
    """Build dataclass ``cls`` from a mapping, dropping unknown keys with a warning."""
    data = dict(data or {})
    known = {spec.name for spec in fields(cls)}
    unknown = sorted(set(data) - known)
    if unknown:
        log.warning("Ignoring unknown %s keys: %s", context or cls.__name__, ", ".join(unknown))
    try:
        return cls(**{key: value for key, value in data.items() if key in known})
    except TypeError as error:
        raise ConfigError(f"Invalid {context or cls.__name__}: {error}.") from None


@dataclass
class TrainingConfig:
    epochs: int = option(5, "Passes over the training set.", minimum=1, maximum=1000)
    batch_size: int = option(32, "Rows per batch on the device.", minimum=1, maximum=4096)
    gradient_accumulation: int = option(1, "Batches summed before each optimizer step "
                                           "(effective batch = batch size x this).", minimum=1, maximum=1024)
    learning_rate: float | None = option(None, "Peak learning rate of AdamW; empty uses the method's default.",
                                         minimum=1e-8, maximum=1.0)
    weight_decay: float = option(0.01, "AdamW weight decay (not applied to biases and LayerNorm).",
                                 minimum=0.0, maximum=1.0)
    warmup_ratio: float = option(0.06, "Fraction of the optimizer steps spent warming the learning rate up "
                                       "from 0, before linear decay to 0.", minimum=0.0, maximum=0.9)
    max_grad_norm: float = option(1.0, "Gradient clipping norm; 0 turns clipping off.", minimum=0.0)
    max_length: int = option(128, "Maximum tokens per row, template included; longer texts are shortened "
                                  "(the template and its mask are kept).", minimum=8, maximum=4096)
    seed: int = option(13, "Random seed for initialisation, shuffling and dropout.", minimum=0)
    early_stopping_patience: int = option(0, "Stop after this many epochs without a better validation "
                                             "macro-F1; 0 turns early stopping off.", minimum=0)
    class_weights: bool = option(False, "Weight the loss by inverse class frequency (helps rare classes).")
    eval_batch_size: int = option(128, "Rows per batch during evaluation and prediction.", minimum=1)
    mixed_precision: str = option("auto", "auto: bf16 or fp16 where the GPU supports it, fp32 on CPU.",
                                  choices=("auto", "no", "fp16", "bf16"))
    device: str = option("auto", "auto picks CUDA, then MPS, then CPU.", choices=("auto", "cuda", "mps", "cpu"))
    log_every: int = option(10, "Optimizer steps between loss reports (fewer host syncs on a GPU).",
                            minimum=1)
    checkpoint_every_epoch: bool = option(True, "Save a resumable checkpoint after each epoch.")

    def __post_init__(self):
        validate_fields(self)


@dataclass
class DataConfig:
    folder: str | None = option(None, "Folder with train/validation/test files.")
    train: str | None = option(None, "Training file (instead of a folder).")
    validation: str | None = option(None, "Validation file.")
    test: str | None = option(None, "Test file.")
    single_file: str | None = option(None, "One file split into train/validation/test with the seed.")
    split_ratios: list = option([0.8, 0.1, 0.1], "Train/validation/test shares when splitting one file.")
    text_column: str = option("text", "CSV/JSONL column holding the text.")
    label_column: str = option("label", "CSV/JSONL column holding the label.")
    skip_bad_lines: bool = option(False, "Skip lines that do not parse, and report how many.")
    max_train_rows: int | None = option(None, "Use at most this many training rows (stratified); empty: all.",
                                        minimum=1)
    max_eval_rows: int | None = option(None, "Use at most this many validation and test rows; empty: all.",
                                       minimum=1)
    shots_per_class: int | None = option(None, "Few-shot: draw this many training rows per class with the seed.",
                                         minimum=1)

    def __post_init__(self):
        validate_fields(self)
        if not (self.folder or self.train or self.single_file):
            raise ConfigError("No data given: set a folder, a training file or a single file to split.",
                              field="folder")


@dataclass
class RunConfig:
    """Everything that defines a run; stored whole in the history and in run files."""

    model_path: str = option("", "Local model folder (Hugging Face format). Methods that read no model, such as "
                                 "baseline, ignore it and may leave it empty.")
    method: str = option("finetune", "Method name from the registry (peftt methods lists them).")
    data: DataConfig | None = None
    training: TrainingConfig = field(default_factory=TrainingConfig)
    method_options: dict = option({}, "Options of the method (for example LoRA rank and target modules).")
    template: str = option("", "Prompt template in OpenPrompt's format (prompt methods).")
    verbalizer: dict = option({}, "Label words per class (prompt methods).")
    normalization: str = option("NFC+tsheg:auto", "Tibetan text normalization mode.")
    name: str = option("", "Run name shown in the history; empty: generated.")
    output_dir: str | None = option(None, "Folder for the run's weights; empty: the app's data folder.")
    tags: list = option([], "Free tags for filtering the history.")
    study: str | None = option(None, "Study this run belongs to.")

    def __post_init__(self):
        if isinstance(self.data, Mapping):
            self.data = from_mapping(DataConfig, self.data, context="data")
        if isinstance(self.training, Mapping):
            self.training = from_mapping(TrainingConfig, self.training, context="training")
        _check_model_path(self.method, self.model_path)
        if self.data is None:
            raise ConfigError("No data given: set data.folder or data.train.", field="data")

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        return json.dumps({"app_version": __version__, **self.to_dict()}, ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "RunConfig":
        data = {key: value for key, value in data.items() if key != "app_version"}
        return from_mapping(cls, data, context="run file")

    @classmethod
    def load(cls, path: str | Path) -> "RunConfig":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"Cannot read the run file {path}: {error}.") from None
        except json.JSONDecodeError as error:
            raise ConfigError(f"{path}, line {error.lineno}: invalid JSON ({error.msg}).") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: a run file must hold a JSON object.")
        return cls.from_dict(data)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")


def _check_model_path(method: str, model_path: str) -> None:
    """Require a model folder for every method that trains a language model.

    Methods that read no model (``MethodSpec.uses_model`` false, such as the TF-IDF baseline)
    accept any ``model_path``, empty included, and never read it.
    """
    from .methods import get_method, list_methods

    spec = get_method(method)  # raises ConfigError for an unknown method
    if spec.uses_model and not (model_path or "").strip():
        model_free = ", ".join(other.name for other in list_methods() if not other.uses_model)
        raise ConfigError(f"No model folder given, but the method {method!r} trains a language model. Set "
                          "model_path (peftt train --model) to a local model folder (Hugging Face format, with "
                          "config.json), or choose "
                          f"a method that reads no model ({model_free or 'none registered'}).", field="model_path")


def field_help(cls) -> dict[str, str]:
    """Return each field's help text, for tooltips and ``--help``."""
    return {spec.name: spec.metadata.get("help", "") for spec in fields(cls)}
