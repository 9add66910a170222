"""Shared pieces of the torch-side methods: the task model base class and peft adapter wrapping."""

from __future__ import annotations

import inspect
import logging
import warnings
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from ..errors import ConfigError
from ..models import ModelInfo, default_lora_targets, linear_layer_names
from ..template import Template
from ..verbalizer import EncodedVerbalizer
from .registry import MethodSpec

log = logging.getLogger(__name__)


@dataclass
class BuildContext:
    """Inputs a method needs to build or reload its network."""

    spec: MethodSpec
    model_info: ModelInfo
    tokenizer: Any
    labels: list[str]
    options: Any
    template: Template | None = None
    verbalizer: EncodedVerbalizer | None = None
    extra: dict = field(default_factory=dict)


class TaskModel(nn.Module):
    """A network that maps a padded batch to one logit per class."""

    uses_mask = False

    def __init__(self, network: nn.Module, labels: list[str]):
        super().__init__()
        self.network = network
        self.labels = list(labels)
        self.lora_modules: list[str] = []

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                mask_positions: torch.Tensor | None = None) -> torch.Tensor:
        raise NotImplementedError

    def save_weights(self, folder) -> None:
        """Write the trained weights as safetensors in the method's standard layout."""
        self.network.save_pretrained(str(folder), safe_serialization=True)

    def trainable_state(self) -> dict[str, torch.Tensor]:
        """Return copies of the trainable tensors (kept for the best epoch)."""
        return {name: parameter.detach().clone() for name, parameter in self.named_parameters()
                if parameter.requires_grad}

    def load_trainable_state(self, state: dict[str, torch.Tensor]) -> None:
        own = dict(self.named_parameters())
        with torch.no_grad():
            for name, tensor in state.items():
                own[name].copy_(tensor)

    def parameter_counts(self) -> tuple[int, int]:
        """Return (trainable, total) counts, each shared (tied) tensor counted once."""
        seen: set[int] = set()
        trainable = total = 0
        for parameter in self.parameters():
            if id(parameter) in seen:
                continue
            seen.add(id(parameter))
            total += parameter.numel()
            if parameter.requires_grad:
                trainable += parameter.numel()
        return trainable, total


# Defaults per model type, the same as peft 0.21's TRANSFORMERS_MODELS_TO_IA3_*_MAPPING for
# BERT and RoBERTa, which has no entry for XLM-RoBERTa and CamemBERT although their layer names
# are RoBERTa's. "output.dense" matches both the attention output and the feed-forward output
# projection of each layer.
DEFAULT_IA3_TARGETS = ["key", "value", "output.dense"]
DEFAULT_IA3_FEEDFORWARD = ["output.dense"]
# Adapters that add virtual tokens or a prefix instead of changing layers (peft's prompt learning).
PROMPT_LEARNING_ADAPTERS = ("prompt-tuning", "p-tuning", "prefix")


def lora_config(options, model_type: str, task_type: str | None, modules_to_save: list[str] | None = None):
    """Build a peft ``LoraConfig`` from the method options."""
    from peft import LoraConfig

    targets = list(options.target_modules) or default_lora_targets(model_type)
    return LoraConfig(r=options.r, lora_alpha=options.alpha, lora_dropout=options.dropout,
                      target_modules=targets, use_rslora=options.use_rslora, use_dora=options.use_dora,
                      task_type=task_type, bias="none", modules_to_save=modules_to_save or None)


def adapter_config(options, model_type: str, task_type: str | None, modules_to_save: list[str] | None = None):
    """Build the peft config of the adapter that ``options`` describes (see ``options.py``)."""
    import peft

    adapter = type(options).adapter
    modules_to_save = modules_to_save or None
    if adapter == "lora":
        return lora_config(options, model_type, task_type, modules_to_save)
    if adapter == "ia3":
        targets = list(options.target_modules) or list(DEFAULT_IA3_TARGETS)
        feedforward = list(options.feedforward_modules)
        if not feedforward:
            feedforward = [name for name in DEFAULT_IA3_FEEDFORWARD if name in targets]
        return peft.IA3Config(target_modules=targets, feedforward_modules=feedforward, task_type=task_type,
                              modules_to_save=modules_to_save)
    if adapter == "prompt-tuning":
        # Sampled vocabulary embeddings start the prompt near real tokens. Words given in the
        # options replace them after the model is built (see ``prompt._init_prompt_from_words``).
        return peft.PromptTuningConfig(num_virtual_tokens=options.num_virtual_tokens,
                                       prompt_tuning_init=peft.PromptTuningInit.SAMPLE_VOCAB,
                                       task_type=task_type, modules_to_save=modules_to_save)
    if adapter == "p-tuning":
        return peft.PromptEncoderConfig(num_virtual_tokens=options.num_virtual_tokens,
                                        encoder_reparameterization_type=options.encoder_type,
                                        encoder_hidden_size=options.encoder_hidden_size,
                                        encoder_dropout=options.encoder_dropout, task_type=task_type,
                                        modules_to_save=modules_to_save)
    if adapter == "prefix":
        return peft.PrefixTuningConfig(num_virtual_tokens=options.num_virtual_tokens,
                                       prefix_projection=options.prefix_projection,
                                       encoder_hidden_size=options.encoder_hidden_size, task_type=task_type,
                                       modules_to_save=modules_to_save)
    raise ValueError(f"The options {type(options).__name__} name no known peft adapter ({adapter!r}).")


def apply_adapter(model: nn.Module, options, model_type: str, task_type: str | None,
                  modules_to_save: list[str] | None = None):
    """Wrap ``model`` with the peft adapter of ``options`` and return it with the adapted module names.

    Raises ``ConfigError`` listing the linear layers when the target modules match nothing.
    """
    from peft import get_peft_model
    from peft.tuners.tuners_utils import BaseTunerLayer

    config = adapter_config(options, model_type, task_type, modules_to_save)
    available = linear_layer_names(model)
    try:
        with warnings.catch_warnings():
            # peft 0.21 calls a transformers 5 property that warns about its own deprecation.
            warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*", category=FutureWarning)
            peft_model = get_peft_model(model, config)
    except ValueError as error:  # peft's NoMatchingPeftModuleError is a ValueError
        if "not found" in str(error) or "No modules were targeted" in str(error) or "Target modules" in str(error):
            name = {"lora": "LoRA", "ia3": "IA3"}.get(type(options).adapter, type(options).adapter)
            raise ConfigError(f"The {name} target modules {sorted(config.target_modules)} match no layer of this "
                              f"model. Its linear layers are: {', '.join(available)}.",
                              field="target_modules") from None
        raise
    matched = sorted(name for name, module in peft_model.named_modules() if isinstance(module, BaseTunerLayer))
    if matched:
        log.info("%s on %d modules (%s)", type(options).adapter, len(matched), ", ".join(sorted(config.target_modules)))
    else:
        log.info("%s with %d virtual tokens", type(options).adapter, config.num_virtual_tokens)
    return peft_model, matched


def apply_lora(model: nn.Module, options, model_type: str, task_type: str | None,
               modules_to_save: list[str] | None = None):
    """Wrap ``model`` with LoRA (``apply_adapter`` with ``LoraOptions``)."""
    return apply_adapter(model, options, model_type, task_type, modules_to_save)


def prompt_learning_type(network: nn.Module) -> str | None:
    """Return the peft prompt-learning type of ``network`` (PREFIX_TUNING, P_TUNING, ...), or None."""
    from peft import PeftModel

    if not isinstance(network, PeftModel):
        return None
    config = network.active_peft_config
    return str(config.peft_type.value) if config.is_prompt_learning else None


def cache_argument(encoder: nn.Module) -> str:
    """Return the name under which ``encoder.forward`` takes past keys and values.

    transformers 5 renamed ``past_key_values`` to ``cache`` in BERT and RoBERTa and keeps the
    old name as a deprecated alias until 5.40.
    """
    parameters = inspect.signature(encoder.forward).parameters
    return "cache" if "cache" in parameters else "past_key_values"


def prefix_inputs(network: nn.Module, attention_mask: torch.Tensor, cache_name: str) -> tuple[torch.Tensor, dict]:
    """Return the attention mask widened by the prefix, and the prefix as the encoder's cache argument.

    peft 0.21's own prefix forward looks for ``past_key_values`` in the model's signature, which
    transformers 5 renamed, so the methods pass the prefix themselves.
    """
    batch = attention_mask.size(0)
    virtual = network.active_peft_config.num_virtual_tokens
    ones = attention_mask.new_ones(batch, virtual)
    return torch.cat([ones, attention_mask], dim=1), {cache_name: network.get_prompt(batch)}
