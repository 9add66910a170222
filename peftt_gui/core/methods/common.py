"""Shared pieces of the torch-side methods: the task model base class and LoRA wrapping."""

from __future__ import annotations

import logging
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


def lora_config(options, model_type: str, task_type: str | None, modules_to_save: list[str] | None = None):
    """Build a peft ``LoraConfig`` from the method options."""
    from peft import LoraConfig

    targets = list(options.target_modules) or default_lora_targets(model_type)
    return LoraConfig(r=options.r, lora_alpha=options.alpha, lora_dropout=options.dropout,
                      target_modules=targets, use_rslora=options.use_rslora, use_dora=options.use_dora,
                      task_type=task_type, bias="none", modules_to_save=modules_to_save or None)


def apply_lora(model: nn.Module, options, model_type: str, task_type: str | None,
               modules_to_save: list[str] | None = None):
    """Wrap ``model`` with LoRA; raise ``ConfigError`` listing the linear layers when nothing matches."""
    from peft import get_peft_model
    from peft.tuners.lora import LoraLayer

    config = lora_config(options, model_type, task_type, modules_to_save)
    available = linear_layer_names(model)
    try:
        peft_model = get_peft_model(model, config)
    except ValueError as error:  # peft's NoMatchingPeftModuleError is a ValueError
        if "not found" in str(error) or "No modules were targeted" in str(error) or "Target modules" in str(error):
            raise ConfigError(f"The LoRA target modules {sorted(config.target_modules)} match no layer of this "
                              f"model. Its linear layers are: {', '.join(available)}.",
                              field="target_modules") from None
        raise
    matched = sorted(name for name, module in peft_model.named_modules() if isinstance(module, LoraLayer))
    log.info("LoRA on %d modules (%s)", len(matched), ", ".join(sorted(config.target_modules)))
    return peft_model, matched
