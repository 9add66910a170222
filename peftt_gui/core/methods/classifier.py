"""Methods with a classification head: ``finetune`` (all weights) and ``lora`` (LoRA + head)."""

from __future__ import annotations

from pathlib import Path

import torch

from ..models import load_sequence_classifier
from .common import BuildContext, TaskModel, apply_lora


class ClassifierModel(TaskModel):
    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                mask_positions: torch.Tensor | None = None) -> torch.Tensor:
        return self.network(input_ids=input_ids, attention_mask=attention_mask).logits


def build(context: BuildContext) -> ClassifierModel:
    network, new_modules = load_sequence_classifier(context.model_info.path, context.labels, with_new_modules=True)
    _set_pad_token(network, context.tokenizer)
    if not context.spec.uses_peft:
        return ClassifierModel(network, context.labels)

    # Every freshly initialised module (the head, and the BERT pooler when the checkpoint is a
    # masked LM without one) is trained and saved with the adapter: a frozen random pooler would
    # be initialised differently wherever the adapter is loaded.
    peft_model, matched = apply_lora(network, context.options, context.model_info.model_type, "SEQ_CLS",
                                     modules_to_save=new_modules)
    model = ClassifierModel(peft_model, context.labels)
    model.lora_modules = matched
    return model


def load(context: BuildContext, folder: str | Path) -> ClassifierModel:
    """Reload trained weights written by ``save_weights``."""
    if not context.spec.uses_peft:
        network = load_sequence_classifier(folder, context.labels)
        return ClassifierModel(network, context.labels)

    from peft import PeftModel

    base = load_sequence_classifier(context.model_info.path, context.labels)
    _set_pad_token(base, context.tokenizer)
    network = PeftModel.from_pretrained(base, str(folder))
    return ClassifierModel(network, context.labels)


def _set_pad_token(network, tokenizer) -> None:
    if network.config.pad_token_id is None and tokenizer.pad_token_id is not None:
        network.config.pad_token_id = tokenizer.pad_token_id
