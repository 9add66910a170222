"""Label-word search: rank vocabulary words per class by how the masked LM fills the template's mask.

For each class, the training rows of that class alone are put into the template, and the
masked LM's log-probabilities at the mask are averaged over them (the in-class term). A word
scores its in-class term minus the mean of the in-class terms of all classes, a PMI-style
contrast: words the LM prefers for this class's rows more than for the others' rank first.
Candidates are whole Tibetan syllables or words of the vocabulary, and a word is scored as a
verbalizer scores it (the mean log-probability of its pieces at the one mask). Each word is
suggested for one class only, so the suggestions form a valid verbalizer.

``MaskScorer`` also scores a verbalizer zero-shot (no training), to compare suggestions
with hand-written or random label words.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

import numpy as np

from .errors import TemplateError, VerbalizerError, short_value
from .template import TSHEG, PromptEncoder, Template, parse_template
from .verbalizer import Verbalizer, encode_verbalizer, tokenize_label_word

if TYPE_CHECKING:  # pragma: no cover
    from .metrics import ClassificationMetrics
    from .normalize import Normalizer

log = logging.getLogger(__name__)

# Tibetan letters, vowel signs and subjoined letters (U+0F40-U+0FBC), in syllables joined by single
# tshegs, optionally with a final tsheg. Digits, punctuation and byte-fallback pieces never match.
_TIBETAN_WORD = re.compile("^[\u0f40-\u0fbc]+(?:\u0f0b[\u0f40-\u0fbc]+)*\u0f0b?$")
_TIBETAN_LETTER = re.compile("[\u0f40-\u0fbc]")
# Markers of a word-initial piece, stripped before matching. "##" marks a WordPiece continuation.
_WORD_START_MARKERS = ("▁", "Ġ")
_CONTINUATION_MARKER = "##"


@dataclass(frozen=True)
class Candidate:
    """A vocabulary word that may serve as a label word, tokenized as it appears at the mask."""

    word: str
    ids: tuple[int, ...]
    pieces: tuple[str, ...]


@dataclass(frozen=True)
class WordSuggestion:
    """One suggested label word, as the verbalizer table shows it."""

    word: str
    score: float                  # in_class minus the mean of every class's in-class term
    pieces: tuple[str, ...]
    in_class: float               # mean log-probability at the mask over the class's training rows


def candidate_words(tokenizer, mask_suffix: str = "", min_letters: int = 2) -> list[Candidate]:
    """Return the vocabulary's whole Tibetan syllables and words, tokenized as label words.

    A token qualifies when, without a word-start marker, it is Tibetan letters in syllables
    joined by tshegs, optionally ending with a tsheg, with at least ``min_letters`` letters,
    and is no WordPiece continuation (``##``) or special token. Words whose pieces at the mask
    contain the unknown token or split a syllable are dropped, and words with the same pieces
    appear once.
    """
    special = set(tokenizer.all_special_ids)
    seen: set[tuple[int, ...]] = set()
    candidates = []
    for token, token_id in sorted(tokenizer.get_vocab().items(), key=lambda item: item[1]):
        if token_id in special or token.startswith(_CONTINUATION_MARKER):
            continue
        text = token
        for marker in _WORD_START_MARKERS:
            text = text.removeprefix(marker)
        if not _TIBETAN_WORD.match(text) or len(_TIBETAN_LETTER.findall(text)) < min_letters:
            continue
        word = text.rstrip(TSHEG)
        ids, pieces = tokenize_label_word(tokenizer, word, mask_suffix)
        if not ids or tokenizer.unk_token_id in ids or tuple(ids) in seen:
            continue
        # A piece that ends inside a syllable means the token was a fragment (ད + པ་), not a word.
        if any(not piece.endswith(TSHEG) for piece in pieces[:-1]):
            continue
        seen.add(tuple(ids))
        candidates.append(Candidate(word, tuple(ids), tuple(pieces)))
    return candidates


class MaskScorer:
    """A masked LM and a template: log-probabilities at the mask for rows of text, without training."""

    def __init__(self, model_dir: str | Path, template: str | Template, *, normalizer: "Normalizer | None" = None,
                 sample_texts: Sequence[str] = (), max_length: int = 128, batch_size: int = 64,
                 device: str = "auto"):
        """Load the model and its tokenizer, checked on ``sample_texts`` (training rows) as a run checks it."""
        from .models import inspect_model_folder, load_checked_tokenizer, load_masked_lm, load_tokenizer
        from .tokenizer_check import sample_texts as pick_sample
        from .trainer import choose_device

        self.model_info = inspect_model_folder(model_dir)
        if not self.model_info.has_mlm_head:
            raise TemplateError(f"The model {self.model_info.name} has no masked-LM head, so it cannot score words "
                                "at the mask. Choose a masked-LM checkpoint.")
        if isinstance(template, str):
            template = parse_template(template, require_mask=True, normalizer=normalizer)
        if template.soft_count:
            raise TemplateError(f"The template {short_value(template.source)} has soft tokens, which are random "
                                "until a run trains them, so label words cannot be chosen with it. Search with "
                                "the template's words only, then add the soft tokens for training.")
        self.template = template
        if sample_texts:
            # The same check and overrides as a run, so words are tokenized as in training.
            self.tokenizer, _ = load_checked_tokenizer(self.model_info.path, pick_sample(list(sample_texts)),
                                                       self.model_info.vocab_size)
        else:
            self.tokenizer = load_tokenizer(self.model_info.path)
        self.encoder = PromptEncoder(self.tokenizer, template, min(max_length, self.model_info.max_positions))
        self.batch_size = batch_size
        self.device = choose_device(device)
        masked_lm = load_masked_lm(self.model_info.path).to(self.device).eval()
        self._body = getattr(masked_lm, masked_lm.base_model_prefix)
        self._head = masked_lm.cls if hasattr(masked_lm, "cls") else masked_lm.lm_head

    def mask_log_probs(self, texts: Sequence[str]):
        """Return the log-probabilities of the vocabulary at the mask of each row, [rows, vocab] (torch, CPU)."""
        import torch

        from .trainer import EncodedSplit, collate

        encoded = self.encoder.encode(list(texts))
        split = EncodedSplit(encoded.input_ids, np.zeros(len(texts), dtype=np.int64), encoded.mask_positions)
        outputs = []
        with torch.inference_mode():
            for start in range(0, len(texts), self.batch_size):
                indices = list(range(start, min(start + self.batch_size, len(texts))))
                batch = collate(split, indices, self.tokenizer.pad_token_id, self.device)
                hidden = self._body(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])[0]
                rows = torch.arange(len(indices), device=self.device)
                logits = self._head(hidden[rows, batch["mask_positions"]])
                outputs.append(torch.log_softmax(logits.float(), dim=-1).cpu())
        if not outputs:
            return torch.zeros((0, len(self.tokenizer)))
        return torch.cat(outputs)

    def class_means(self, texts_by_class: Mapping[str, Sequence[str]],
                    on_class: Callable[[int, str], None] | None = None) -> dict[str, np.ndarray]:
        """Return each class's mean log-probability of every vocabulary token at the mask.

        Each class's rows are scored in batches of their own, so one class's means do not
        depend on the other classes' rows, not even through padding. ``on_class(index, label)``
        is called before each class is scored, for progress reports, and an exception it raises
        (a cancel, for example) stops the scoring.
        """
        means = {}
        for index, (label, texts) in enumerate(texts_by_class.items()):
            if on_class is not None:
                on_class(index, label)
            if not texts:
                raise VerbalizerError(f"The class {label} has no training rows, so no label word can be chosen "
                                      "for it. Add rows of that class.")
            means[label] = self.mask_log_probs(texts).double().mean(dim=0).numpy()
        return means

    def zero_shot(self, verbalizer: Mapping[str, Sequence[str]], texts: Sequence[str], gold: Sequence[str],
                  labels: Sequence[str], normalizer: "Normalizer | None" = None,
                  log_probs=None, calibrate: bool = False) -> "ClassificationMetrics":
        """Score ``verbalizer`` on rows without training and return the classification metrics.

        ``log_probs`` (from ``mask_log_probs(texts)``) saves scoring the rows again when several
        verbalizers are compared on the same rows. With ``calibrate`` each class's score has its
        mean over the rows subtracted, so a label word that is frequent everywhere does not win
        every row (contextual calibration in the spirit of Zhao et al., 2021).
        """
        from .methods.prompt import VerbalizerHead
        from .metrics import classification_metrics

        words = Verbalizer.from_mapping(verbalizer, normalizer)
        head = VerbalizerHead(encode_verbalizer(words, labels, self.tokenizer, self.template.mask_suffix))
        if log_probs is None:
            log_probs = self.mask_log_probs(texts)
        scores = head(log_probs)
        if calibrate:
            scores = scores - scores.mean(dim=0, keepdim=True)
        predicted = scores.argmax(dim=1).numpy()
        index = {label: i for i, label in enumerate(labels)}
        return classification_metrics([index[label] for label in gold], predicted, labels)


def rank_label_words(class_means: Mapping[str, np.ndarray], candidates: Sequence[Candidate], top_n: int = 5,
                     pool_size: int | None = 200) -> dict[str, list[WordSuggestion]]:
    """Return the ``top_n`` candidates of each class with the highest contrast score.

    A word's in-class term is the mean over its pieces of the class's mean log-probability, and
    its score that term minus the mean of the in-class terms of all classes. Only the
    ``pool_size`` words with the highest in-class term of a class compete for it (all words with
    None), which keeps words that are rare everywhere, and so have a large but meaningless
    contrast, out. Each word goes to one class only.
    """
    labels = list(class_means)
    width = max(len(candidate.ids) for candidate in candidates)
    ids = np.zeros((len(candidates), width), dtype=np.int64)
    mask = np.zeros((len(candidates), width))
    for row, candidate in enumerate(candidates):
        ids[row, :len(candidate.ids)] = candidate.ids
        mask[row, :len(candidate.ids)] = 1.0
    # in_class[c, w] is the mean over word w's pieces of class c's mean log-probability.
    in_class = np.stack([(class_means[label][ids] * mask).sum(axis=1) / mask.sum(axis=1) for label in labels])
    contrast = in_class - in_class.mean(axis=0, keepdims=True)

    # Each class ranks its pool by contrast. In each round every class takes its best word that no
    # class has taken yet, the class with the highest such score first, so no class goes empty
    # while its pool has a free word.
    rankings = []
    for class_index in range(len(labels)):
        pool = np.argsort(-in_class[class_index], kind="stable")
        pool = pool if pool_size is None else pool[:pool_size]
        rankings.append(sorted(pool.tolist(), key=lambda word: -contrast[class_index, word]))
    suggestions: dict[str, list[WordSuggestion]] = {label: [] for label in labels}
    assigned: set[int] = set()
    for _ in range(top_n):
        best = {index: next((word for word in ranking if word not in assigned), None)
                for index, ranking in enumerate(rankings)}
        for class_index in sorted(best, key=lambda index: -np.inf if best[index] is None
                                  else -contrast[index, best[index]]):
            word = next((word for word in rankings[class_index] if word not in assigned), None)
            if word is None:
                continue
            assigned.add(word)
            suggestions[labels[class_index]].append(WordSuggestion(
                candidates[word].word, float(contrast[class_index, word]), candidates[word].pieces,
                float(in_class[class_index, word])))
    return suggestions


def suggest_label_words(scorer: MaskScorer, texts_by_class: Mapping[str, Sequence[str]], top_n: int = 5,
                        pool_size: int | None = 200, min_letters: int = 2,
                        on_class: Callable[[int, str], None] | None = None) -> dict[str, list[WordSuggestion]]:
    """Suggest ``top_n`` label words per class from the classes' training rows (class -> suggestions).

    ``on_class`` is passed to ``MaskScorer.class_means``.
    """
    candidates = candidate_words(scorer.tokenizer, scorer.template.mask_suffix, min_letters)
    if not candidates:
        raise VerbalizerError(f"The vocabulary of {scorer.model_info.name} has no whole Tibetan syllable or word "
                              "to suggest. Write the label words by hand.")
    means = scorer.class_means(texts_by_class, on_class)
    suggestions = rank_label_words(means, candidates, top_n, pool_size)
    log.info("Suggested label words for %d classes from %d candidates of %s", len(suggestions), len(candidates),
             scorer.model_info.name)
    return suggestions


def suggested_verbalizer(suggestions: Mapping[str, Sequence[WordSuggestion]],
                         per_class: int = 1) -> dict[str, list[str]]:
    """Return a verbalizer mapping with the ``per_class`` best suggestions of each class."""
    missing = [label for label, words in suggestions.items() if not words]
    if missing:
        raise VerbalizerError(f"No label word was found for the class(es) {', '.join(missing)}. Raise the pool "
                              "size or write their label words by hand.")
    return {label: [suggestion.word for suggestion in words[:per_class]] for label, words in suggestions.items()}


def random_verbalizer(candidates: Sequence[Candidate], labels: Sequence[str],
                      rng: np.random.Generator) -> dict[str, list[str]]:
    """Draw one distinct candidate word per class, a reference for judging suggested words."""
    chosen = rng.choice(len(candidates), size=len(labels), replace=False)
    return {label: [candidates[index].word] for label, index in zip(labels, chosen)}


def texts_by_class(rows: Sequence, labels: Sequence[str], max_rows_per_class: int | None = None,
                   seed: int = 13) -> dict[str, list[str]]:
    """Group the texts of ``rows`` (``data.Example``) by class in ``labels`` order.

    With ``max_rows_per_class``, a larger class keeps that many rows drawn with ``seed``, in
    file order, which bounds the scoring time on large training sets.
    """
    import random

    grouped: dict[str, list[str]] = {label: [] for label in labels}
    for row in rows:
        grouped[row.label].append(row.text)
    if max_rows_per_class is None:
        return grouped
    rng = random.Random(seed)
    for label, texts in grouped.items():
        if len(texts) > max_rows_per_class:
            keep = sorted(rng.sample(range(len(texts)), max_rows_per_class))
            grouped[label] = [texts[index] for index in keep]
    return grouped
