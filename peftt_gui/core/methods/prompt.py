"""Prompt methods: a template with one mask, label words scored by the MLM head.

``prompt`` trains every weight of the masked LM; ``prompt-lora`` freezes it and trains LoRA
adapters only. The MLM head runs at the mask position alone, not over the whole sequence.
"""

from __future__ import annotations

import math
from pathlib import Path

import torch
from torch import nn

from ..models import load_masked_lm
from ..verbalizer import EncodedVerbalizer
from .common import BuildContext, TaskModel, apply_lora


class VerbalizerHead(nn.Module):
    """Turns the vocabulary log-probabilities at the mask into one score per class."""

    def __init__(self, encoded: EncodedVerbalizer):
        super().__init__()
        num_classes = len(encoded.labels)
        member = torch.zeros(num_classes, len(encoded.words), dtype=torch.bool)
        for word_index, class_index in enumerate(encoded.word_class):
            member[class_index, word_index] = True
        self.register_buffer("piece_ids", torch.tensor(encoded.piece_ids, dtype=torch.long), persistent=False)
        self.register_buffer("piece_mask", torch.tensor(encoded.piece_mask), persistent=False)
        self.register_buffer("member", member, persistent=False)
        self.register_buffer("log_word_count", member.sum(dim=1).float().log(), persistent=False)

    def word_scores(self, log_probs: torch.Tensor) -> torch.Tensor:
        """Mean log-probability of each word's pieces: [batch, vocab] -> [batch, words]."""
        gathered = log_probs[:, self.piece_ids]                       # [batch, words, pieces]
        mask = self.piece_mask.to(gathered.dtype)
        return (gathered * mask).sum(-1) / mask.sum(-1)

    def forward(self, log_probs: torch.Tensor) -> torch.Tensor:
        scores = self.word_scores(log_probs)                          # [batch, words]
        expanded = scores.unsqueeze(1).masked_fill(~self.member, -math.inf)
        return torch.logsumexp(expanded, dim=-1) - self.log_word_count  # log of mean word probability


class PromptModel(TaskModel):
    uses_mask = True

    def __init__(self, network: nn.Module, masked_lm: nn.Module, labels: list[str], encoded: EncodedVerbalizer):
        super().__init__(network, labels)
        # ``masked_lm`` is the transformers model. With LoRA, ``network`` is the PeftModel around it,
        # and the LoRA layers sit inside the modules of ``masked_lm``, so calling them uses the adapters.
        self.encoder = getattr(masked_lm, masked_lm.base_model_prefix)
        self.mlm_head = masked_lm.cls if hasattr(masked_lm, "cls") else masked_lm.lm_head
        self.verbalizer = VerbalizerHead(encoded)

    def mask_log_probs(self, input_ids, attention_mask, mask_positions) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        rows = torch.arange(hidden.size(0), device=hidden.device)
        logits = self.mlm_head(hidden[rows, mask_positions])          # [batch, vocab]
        return torch.log_softmax(logits.float(), dim=-1)

    def forward(self, input_ids, attention_mask, mask_positions=None) -> torch.Tensor:
        return self.verbalizer(self.mask_log_probs(input_ids, attention_mask, mask_positions))

    def label_word_scores(self, input_ids, attention_mask, mask_positions) -> torch.Tensor:
        """Scores of every label word (for the playground), [batch, words]."""
        return self.verbalizer.word_scores(self.mask_log_probs(input_ids, attention_mask, mask_positions))


def build(context: BuildContext) -> PromptModel:
    masked_lm = load_masked_lm(context.model_info.path)
    if not context.spec.uses_peft:
        return PromptModel(masked_lm, masked_lm, context.labels, context.verbalizer)

    peft_model, matched = apply_lora(masked_lm, context.options, context.model_info.model_type, None)
    model = PromptModel(peft_model, peft_model.base_model.model, context.labels, context.verbalizer)
    model.lora_modules = matched
    return model


def load(context: BuildContext, folder: str | Path) -> PromptModel:
    """Reload trained weights written by ``save_weights``."""
    if not context.spec.uses_peft:
        masked_lm = load_masked_lm(folder)
        return PromptModel(masked_lm, masked_lm, context.labels, context.verbalizer)

    from peft import PeftModel

    base = load_masked_lm(context.model_info.path)
    network = PeftModel.from_pretrained(base, str(folder))
    return PromptModel(network, network.base_model.model, context.labels, context.verbalizer)
