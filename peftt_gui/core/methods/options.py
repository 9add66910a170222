"""Options of the registered methods, one dataclass per method family.

The GUI builds each method's form from these fields and their help text, so every field
is declared with ``option``. ``adapter`` names the peft adapter an options class
configures; the torch-side builder (``methods/adapters.py``) dispatches on it.
No torch or peft import happens here, so the window can list the methods cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..config import option, validate_fields
from ..errors import ConfigError


@dataclass
class NoOptions:
    """Methods without options of their own."""

    adapter: ClassVar[str | None] = None

    def __post_init__(self):
        validate_fields(self)


@dataclass
class LoraOptions:
    adapter: ClassVar[str | None] = "lora"

    r: int = option(8, "LoRA rank: the inner size of each low-rank update.", minimum=1, maximum=1024)
    alpha: float = option(16.0, "LoRA alpha: updates are scaled by alpha / rank.", minimum=0.0)
    dropout: float = option(0.1, "Dropout on the LoRA input.", minimum=0.0, maximum=0.9)
    target_modules: list = option([], "Linear layers that get LoRA; empty: the default of the model type "
                                      "(query and value for BERT and XLM-RoBERTa).")
    use_rslora: bool = option(False, "rsLoRA: scale by alpha / sqrt(rank), which keeps high ranks stable.")
    use_dora: bool = option(False, "DoRA: learn a magnitude per output besides the LoRA direction.")

    def __post_init__(self):
        validate_fields(self)


@dataclass
class DoraOptions(LoraOptions):
    """LoRA options with DoRA on by default (the ``dora`` method)."""

    use_dora: bool = option(True, "DoRA: learn a magnitude per output besides the LoRA direction.")


@dataclass
class RsLoraOptions(LoraOptions):
    """LoRA options with rsLoRA scaling on by default (the ``rslora`` method)."""

    use_rslora: bool = option(True, "rsLoRA: scale by alpha / sqrt(rank), which keeps high ranks stable.")


@dataclass
class IA3Options:
    adapter: ClassVar[str | None] = "ia3"

    target_modules: list = option([], "Linear layers whose activations IA3 rescales; empty: the default of the "
                                      "model type (key, value and output.dense for BERT and XLM-RoBERTa).")
    feedforward_modules: list = option([], "Those target modules that are feed-forward layers, whose input is "
                                           "rescaled instead of their output; empty: output.dense.")

    def __post_init__(self):
        validate_fields(self)


@dataclass
class PromptTuningOptions:
    adapter: ClassVar[str | None] = "prompt-tuning"

    num_virtual_tokens: int = option(20, "Trainable embeddings put before the input.", minimum=1, maximum=512)
    init_words: str = option("", "Tibetan text whose token embeddings initialise the virtual tokens, repeated "
                                 "to fill them; empty: embeddings of random vocabulary tokens.")

    def __post_init__(self):
        validate_fields(self)


@dataclass
class PTuningOptions:
    adapter: ClassVar[str | None] = "p-tuning"

    num_virtual_tokens: int = option(20, "Virtual tokens put before the input.", minimum=1, maximum=512)
    encoder_type: str = option("MLP", "Network that computes the virtual tokens from their embeddings.",
                               choices=("MLP", "LSTM"))
    encoder_hidden_size: int = option(128, "Hidden size of that network.", minimum=1, maximum=8192)
    encoder_dropout: float = option(0.0, "Dropout inside that network.", minimum=0.0, maximum=0.9)

    def __post_init__(self):
        validate_fields(self)


@dataclass
class PrefixOptions:
    adapter: ClassVar[str | None] = "prefix"

    num_virtual_tokens: int = option(20, "Trainable key and value vectors added before the input in every "
                                         "attention layer.", minimum=1, maximum=512)
    prefix_projection: bool = option(False, "Compute the prefix with a two-layer network (more trainable "
                                            "weights, often more stable) instead of training it directly.")
    encoder_hidden_size: int = option(128, "Hidden size of that network (with the projection only).",
                                      minimum=1, maximum=8192)

    def __post_init__(self):
        validate_fields(self)


@dataclass
class BaselineOptions:
    adapter: ClassVar[str | None] = None

    ngram_min: int = option(1, "Shortest syllable n-gram used as a feature.", minimum=1, maximum=5)
    ngram_max: int = option(2, "Longest syllable n-gram used as a feature.", minimum=1, maximum=5)
    min_df: int = option(1, "Keep n-grams that occur in at least this many training rows.", minimum=1)
    max_features: int | None = option(None, "Keep at most this many n-grams, the most frequent; empty: all.",
                                      minimum=1)
    sublinear_tf: bool = option(True, "Use 1 + log(count) instead of the raw count of an n-gram in a row.")
    C: float = option(10.0, "Inverse L2 regularisation strength of the logistic regression; larger values fit "
                            "the training rows more closely.", minimum=1e-6, maximum=1e6)
    class_weight: str = option("balanced", "balanced: weight each class by its inverse frequency, which helps "
                                           "rare classes; none: every row counts the same. The run's class "
                                           "weights setting also turns balancing on.",
                               choices=("none", "balanced"))
    max_iter: int = option(1000, "Maximum iterations of the Newton-CG solver.", minimum=10, maximum=100000)

    def __post_init__(self):
        validate_fields(self)
        if self.ngram_min > self.ngram_max:
            raise ConfigError(f"ngram_min = {self.ngram_min} is above ngram_max = {self.ngram_max}. Set "
                              "ngram_min to at most ngram_max.", field="ngram_min")
