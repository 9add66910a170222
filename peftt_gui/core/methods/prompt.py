"""Prompt methods: a template with one mask, label words scored by the MLM head.

``prompt`` trains every weight of the masked LM. The other prompt methods freeze it and train
a peft adapter: LoRA (``prompt-lora``), IA3 (``prompt-ia3``), a prefix in every layer
(``prompt-prefix``), embeddings before the input (``prompt-tuning``) or virtual tokens computed
by a small network (``p-tuning``). Soft tokens of the template are trained with every method.
The MLM head runs at the mask position alone, not over the whole sequence.
"""

from __future__ import annotations

import math
from pathlib import Path

import torch
from torch import nn

from ..models import load_masked_lm
from ..verbalizer import EncodedVerbalizer
from .common import (
    PROMPT_LEARNING_ADAPTERS,
    BuildContext,
    TaskModel,
    apply_adapter,
    cache_argument,
    prefix_inputs,
    prompt_learning_type,
)
from .soft_tokens import SoftTokens, initial_soft_embeddings, soft_layout

# peft types that put virtual tokens before the input, which moves the mask right by their count.
_PREPENDED_TYPES = ("PROMPT_TUNING", "P_TUNING")


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

    def __init__(self, network: nn.Module, masked_lm: nn.Module, labels: list[str], encoded: EncodedVerbalizer,
                 soft_tokens: SoftTokens | None = None):
        super().__init__(network, labels)
        # ``masked_lm`` is the transformers model. With a peft adapter, ``network`` is the PeftModel
        # around it: LoRA and IA3 layers sit inside the modules of ``masked_lm``, so calling them uses
        # the adapters, while prefixes and virtual tokens come from ``network.get_prompt``.
        self.encoder = getattr(masked_lm, masked_lm.base_model_prefix)
        self.mlm_head = masked_lm.cls if hasattr(masked_lm, "cls") else masked_lm.lm_head
        self.verbalizer = VerbalizerHead(encoded)
        self.soft_tokens = soft_tokens
        self.prompt_learning = prompt_learning_type(network)
        self.cache_name = cache_argument(self.encoder)

    @property
    def virtual_prefix_length(self) -> int:
        """Virtual tokens before the row's own tokens (prompt tuning, P-tuning), else 0."""
        if self.prompt_learning not in _PREPENDED_TYPES:
            return 0
        return self.network.active_peft_config.num_virtual_tokens

    def hidden_states(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """Run the encoder with soft tokens, prefix or virtual tokens in place; [batch, length, hidden].

        With prompt tuning or P-tuning the output has ``virtual_prefix_length`` extra positions first.
        """
        if self.soft_tokens is None and self.prompt_learning is None:
            return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

        embeddings = self.encoder.get_input_embeddings()(input_ids)
        if self.soft_tokens is not None:
            embeddings = self.soft_tokens.insert(embeddings, attention_mask)
        extra = {}
        if self.prompt_learning in _PREPENDED_TYPES:
            prompts = self.network.get_prompt(batch_size=input_ids.size(0)).to(embeddings.dtype)
            embeddings = torch.cat([prompts, embeddings], dim=1)
            attention_mask = torch.cat([attention_mask.new_ones(prompts.shape[:2]), attention_mask], dim=1)
        elif self.prompt_learning is not None:
            attention_mask, extra = prefix_inputs(self.network, attention_mask, self.cache_name)
        return self.encoder(inputs_embeds=embeddings, attention_mask=attention_mask, **extra).last_hidden_state

    def mask_log_probs(self, input_ids, attention_mask, mask_positions) -> torch.Tensor:
        hidden = self.hidden_states(input_ids, attention_mask)
        rows = torch.arange(hidden.size(0), device=hidden.device)
        logits = self.mlm_head(hidden[rows, mask_positions + self.virtual_prefix_length])  # [batch, vocab]
        return torch.log_softmax(logits.float(), dim=-1)

    def forward(self, input_ids, attention_mask, mask_positions=None) -> torch.Tensor:
        return self.verbalizer(self.mask_log_probs(input_ids, attention_mask, mask_positions))

    def label_word_scores(self, input_ids, attention_mask, mask_positions) -> torch.Tensor:
        """Scores of every label word (for the playground), [batch, words]."""
        return self.verbalizer.word_scores(self.mask_log_probs(input_ids, attention_mask, mask_positions))

    def save_weights(self, folder) -> None:
        super().save_weights(folder)
        if self.soft_tokens is not None:
            self.soft_tokens.save(folder)


def build(context: BuildContext) -> PromptModel:
    masked_lm = load_masked_lm(context.model_info.path)
    soft_tokens = _new_soft_tokens(context, masked_lm)
    if not context.spec.uses_peft:
        return PromptModel(masked_lm, masked_lm, context.labels, context.verbalizer, soft_tokens)

    # peft 0.21 wraps a model for prompt learning only under a task type. Feature extraction adds no
    # head, and PromptModel calls the encoder itself, never that wrapper's forward.
    task_type = "FEATURE_EXTRACTION" if context.spec.adapter in PROMPT_LEARNING_ADAPTERS else None
    peft_model, matched = apply_adapter(masked_lm, context.options, context.model_info.model_type, task_type)
    if type(context.options).adapter == "prompt-tuning" and context.options.init_words.strip():
        _init_prompt_from_words(peft_model, context.tokenizer, context.options.init_words)
    model = PromptModel(peft_model, peft_model.get_base_model(), context.labels, context.verbalizer, soft_tokens)
    model.lora_modules = matched
    return model


def load(context: BuildContext, folder: str | Path) -> PromptModel:
    """Reload trained weights written by ``save_weights``."""
    layout = soft_layout(context.tokenizer, context.template)
    soft_tokens = SoftTokens.load(folder, layout) if layout else None
    if not context.spec.uses_peft:
        masked_lm = load_masked_lm(folder)
        return PromptModel(masked_lm, masked_lm, context.labels, context.verbalizer, soft_tokens)

    from peft import PeftModel

    base = load_masked_lm(context.model_info.path)
    network = PeftModel.from_pretrained(base, str(folder))
    return PromptModel(network, network.get_base_model(), context.labels, context.verbalizer, soft_tokens)


def _new_soft_tokens(context: BuildContext, masked_lm: nn.Module) -> SoftTokens | None:
    layout = soft_layout(context.tokenizer, context.template)
    if not layout:
        return None
    initial = initial_soft_embeddings(context.template, context.tokenizer, masked_lm.get_input_embeddings())
    return SoftTokens(initial, layout)


def _init_prompt_from_words(peft_model, tokenizer, words: str) -> None:
    """Start the soft prompt at the embeddings of the pieces of ``words``, repeated to fill it.

    peft can do this itself (``PromptTuningInit.TEXT``), but it loads the tokenizer again by
    path, without the settings the run's tokenizer check may have changed.
    """
    from ..errors import ConfigError

    ids = list(tokenizer(words, add_special_tokens=False)["input_ids"])
    if not ids or tokenizer.unk_token_id in ids:
        raise ConfigError(f"The initial words {words!r} of the soft prompt tokenize to nothing or to unknown "
                          "pieces. Give Tibetan words from the model's vocabulary, or leave them empty.",
                          field="init_words")
    embedding = peft_model.prompt_encoder[peft_model.active_adapter].embedding
    count = embedding.num_embeddings
    repeated = torch.tensor((ids * math.ceil(count / len(ids)))[:count])
    with torch.no_grad():
        embedding.weight.copy_(peft_model.word_embeddings(repeated).float())
