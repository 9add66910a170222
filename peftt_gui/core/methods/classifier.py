"""Methods with a classification head: ``finetune`` (all weights) and the head with a peft adapter
(``lora``, ``dora``, ``rslora``, ``ia3``, ``prefix``)."""

from __future__ import annotations

from pathlib import Path

import torch

from ..models import load_sequence_classifier
from .common import BuildContext, TaskModel, apply_adapter, cache_argument, prefix_inputs, prompt_learning_type


class ClassifierModel(TaskModel):
    def __init__(self, network, labels: list[str]):
        super().__init__(network, labels)
        self.prompt_learning = prompt_learning_type(network)
        if self.prompt_learning == "PREFIX_TUNING":
            encoder = getattr(network.get_base_model(), network.get_base_model().base_model_prefix)
            self.cache_name = cache_argument(encoder)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                mask_positions: torch.Tensor | None = None) -> torch.Tensor:
        if self.prompt_learning != "PREFIX_TUNING":
            return self.network(input_ids=input_ids, attention_mask=attention_mask).logits
        # The transformers classifier passes extra keyword arguments on to its encoder, so the
        # prefix reaches every attention layer as the cache.
        attention_mask, extra = prefix_inputs(self.network, attention_mask, self.cache_name)
        return self.network.get_base_model()(input_ids=input_ids, attention_mask=attention_mask, **extra).logits


def build(context: BuildContext) -> ClassifierModel:
    network, new_modules = load_sequence_classifier(context.model_info.path, context.labels, with_new_modules=True)
    _set_pad_token(network, context.tokenizer)
    if not context.spec.uses_peft:
        return ClassifierModel(network, context.labels)

    # Every freshly initialised module (the head, and the BERT pooler when the checkpoint is a
    # masked LM without one) is trained and saved with the adapter: a frozen random pooler would
    # be initialised differently wherever the adapter is loaded.
    peft_model, matched = apply_adapter(network, context.options, context.model_info.model_type, "SEQ_CLS",
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
