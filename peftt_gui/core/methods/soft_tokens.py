"""Trainable soft tokens of a template (``{"soft"}`` and ``{"soft": "words"}`` slots).

The prompt encoder puts a placeholder id where each soft slot is. The ``SoftTokens`` module
keeps one embedding row per slot and writes those rows over the input embeddings at the
slots' positions, so they are trained with the method's other trainable weights and the
placeholder's own embedding is never used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import torch
from torch import nn

from ..errors import ModelError, TemplateError, short_value
from ..template import PromptEncoder, Template

SOFT_TOKENS_FILE = "soft_tokens.safetensors"


class SoftTokens(nn.Module):
    """One trainable embedding per soft slot, placed by a layout from ``PromptEncoder.soft_layout``."""

    def __init__(self, initial: torch.Tensor, layout: Sequence[tuple[str, int]]):
        super().__init__()
        if initial.size(0) != len(layout):
            raise ValueError(f"The soft-token embeddings ({initial.size(0)}) must match the soft slots "
                             f"({len(layout)}).")
        self.embedding = nn.Parameter(initial.detach().clone().float())
        self.layout = tuple(layout)

    def positions(self, attention_mask: torch.Tensor) -> torch.Tensor:
        """Return the soft-token positions of each row of a right-padded batch, [batch, slots]."""
        lengths = attention_mask.sum(dim=1)
        columns = [torch.full_like(lengths, offset) if anchor == "start" else lengths - offset
                   for anchor, offset in self.layout]
        return torch.stack(columns, dim=1)

    def insert(self, embeddings: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """Return ``embeddings`` [batch, length, hidden] with the soft tokens written at their positions."""
        batch = embeddings.size(0)
        positions = self.positions(attention_mask)
        rows = torch.arange(batch, device=embeddings.device).unsqueeze(1).expand_as(positions)
        values = self.embedding.to(embeddings.dtype).unsqueeze(0).expand(batch, -1, -1)
        return embeddings.index_put((rows, positions), values)

    def save(self, folder: str | Path) -> None:
        from safetensors.torch import save_file

        save_file({"embedding": self.embedding.detach().cpu().contiguous()}, str(Path(folder) / SOFT_TOKENS_FILE))

    @classmethod
    def load(cls, folder: str | Path, layout: Sequence[tuple[str, int]]) -> "SoftTokens":
        from safetensors.torch import load_file

        path = Path(folder) / SOFT_TOKENS_FILE
        if not path.is_file():
            raise ModelError(f"{folder} has no {SOFT_TOKENS_FILE}, but the run's template has soft tokens. "
                             "Choose the complete weights folder of the run.")
        embedding = load_file(str(path))["embedding"]
        if embedding.size(0) != len(layout):
            raise ModelError(f"{path} contains {embedding.size(0)} soft tokens but the template has {len(layout)}. "
                             "Use the weights with the template they were trained with.")
        return cls(embedding, layout)


def soft_layout(tokenizer, template: Template) -> tuple[tuple[str, int], ...]:
    """Return the soft-token layout of ``template`` (empty without soft slots)."""
    if not template.soft_count:
        return ()
    # The layout does not depend on the maximum length; a large one leaves room for the text.
    return PromptEncoder(tokenizer, template, max_length=1_000_000).soft_layout()


def initial_soft_embeddings(template: Template, tokenizer, word_embeddings: nn.Embedding) -> torch.Tensor:
    """Return a starting embedding for each soft slot of ``template``.

    A slot with words starts at the mean embedding of the first piece of each word, and words
    are separated by spaces. A slot without words starts at the embedding of a random
    non-special vocabulary token, drawn from torch's global generator, which the run seeds.
    """
    rows = []
    special = set(tokenizer.all_special_ids)
    candidates = torch.tensor([i for i in range(word_embeddings.num_embeddings) if i not in special])
    for part in template.parts:
        if part.kind != "soft":
            continue
        if part.value.strip():
            ids = [_first_piece(tokenizer, word, part.value) for word in part.value.split()]
        else:
            ids = [int(candidates[torch.randint(len(candidates), (1,))])]
        with torch.no_grad():
            rows.append(word_embeddings.weight[torch.tensor(ids)].float().mean(dim=0))
    return torch.stack(rows)


def _first_piece(tokenizer, word: str, slot_words: str) -> int:
    ids = list(tokenizer(word, add_special_tokens=False)["input_ids"])
    pieces = tokenizer.convert_ids_to_tokens(ids)
    # SentencePiece tokenizers may emit a lone word-boundary piece before the word.
    while len(ids) > 1 and pieces[0] in ("▁", "Ġ"):
        ids, pieces = ids[1:], pieces[1:]
    if not ids or ids[0] == tokenizer.unk_token_id:
        raise TemplateError(f"The soft token words {short_value(slot_words)} start with a piece the model does not "
                            f"know ({' '.join(pieces) or 'nothing'}). Choose Tibetan words from the model's "
                            "vocabulary, or write {\"soft\"} for a random start.")
    return ids[0]
