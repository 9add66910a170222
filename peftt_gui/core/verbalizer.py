"""Verbalizers: the Tibetan label words of each class, scored by the MLM head at the mask.

A label word is tokenized as it appears at the mask: when the template continues with a
tsheg after the mask, the word is tokenized with that tsheg, because the tokenizer learned
syllables together with their trailing tsheg. A word of several pieces is scored as the mean
log-probability of its pieces at the one mask position, in training and prediction alike, and
a class with several words scores the log of the mean probability of its words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from .errors import VerbalizerError, short_value

if TYPE_CHECKING:  # pragma: no cover
    from .normalize import Normalizer

_PIECE_MARKERS = ("▁", "##", "Ġ")


@dataclass(frozen=True)
class Verbalizer:
    """Label words per class, in the run's label order."""

    label_words: dict[str, tuple[str, ...]]

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Sequence[str] | str],
                     normalizer: "Normalizer | None" = None) -> "Verbalizer":
        words: dict[str, tuple[str, ...]] = {}
        for label, value in mapping.items():
            items = [value] if isinstance(value, str) else list(value)
            cleaned = [clean_label_word(item, normalizer) for item in items]
            words[str(label)] = tuple(word for word in cleaned if word)
        return cls(words)

    def to_dict(self) -> dict[str, list[str]]:
        return {label: list(words) for label, words in self.label_words.items()}

    def check_labels(self, labels: Sequence[str]) -> None:
        """Raise ``VerbalizerError`` unless every class has words and no unknown class is named."""
        missing = [label for label in labels if not self.label_words.get(label)]
        if missing:
            raise VerbalizerError(f"The verbalizer has no label word for the class(es) {', '.join(missing)}. "
                                  "Give every class at least one label word.")
        unknown = [label for label in self.label_words if label not in labels]
        if unknown:
            raise VerbalizerError(f"The verbalizer names the class(es) {', '.join(unknown)}, which the training "
                                  f"data does not have (classes: {', '.join(labels)}). Remove or rename them.")


def clean_label_word(word: str, normalizer: "Normalizer | None" = None) -> str:
    """Strip a typed piece marker (``▁``, ``##``) and normalize the word like the data."""
    word = word.strip()
    for marker in _PIECE_MARKERS:
        if word.startswith(marker):
            word = word[len(marker):]
    if normalizer is not None:
        word = normalizer.normalize(word, restore_tsheg=False)
    return word.strip()


def load_verbalizer(path: str | Path, labels: Sequence[str] | None = None,
                    normalizer: "Normalizer | None" = None) -> Verbalizer:
    """Read a verbalizer file without evaluating it.

    JSON: ``{"Politics": ["ཆབ་སྲིད"], ...}``. Text (OpenPrompt's manual verbalizer format): one
    line per class in the order of ``labels``, label words separated by commas.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise VerbalizerError(f"Cannot read the verbalizer file {path}: {error}. Save it as UTF-8 text.") from None

    if path.suffix.lower() == ".json":
        try:
            mapping = json.loads(text)
        except json.JSONDecodeError as error:
            raise VerbalizerError(f"{path}, line {error.lineno}: invalid JSON ({error.msg}). "
                                  'Write {"class": ["word", ...], ...}.') from None
        if not isinstance(mapping, dict):
            raise VerbalizerError(f"{path}: the JSON must be an object mapping each class to its label words.")
        return Verbalizer.from_mapping(mapping, normalizer)

    lines = [line for line in text.splitlines() if line.strip()]
    if labels is None:
        raise VerbalizerError(f"{path}: a text verbalizer lists words by class order, so the label list is needed.")
    if len(lines) != len(labels):
        raise VerbalizerError(f"{path} has {len(lines)} lines but the data has {len(labels)} classes. "
                              "Write one line of comma-separated label words per class, in class order.")
    return Verbalizer.from_mapping({label: line.split(",") for label, line in zip(labels, lines)}, normalizer)


def save_verbalizer(verbalizer: Verbalizer, path: str | Path, labels: Sequence[str]) -> None:
    """Write the JSON form (``.json``) or OpenPrompt's one-line-per-class text form."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        path.write_text(json.dumps(verbalizer.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
        return
    lines = [",".join(verbalizer.label_words.get(label, ())) for label in labels]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class WordPieces:
    label: str
    word: str
    ids: tuple[int, ...]
    pieces: tuple[str, ...]
    has_unknown: bool


@dataclass(frozen=True)
class EncodedVerbalizer:
    """Label words as padded id matrices for scoring."""

    labels: tuple[str, ...]
    words: tuple[WordPieces, ...]
    piece_ids: list[list[int]]       # [words, max pieces], padded with 0
    piece_mask: list[list[float]]    # 1.0 for real pieces
    word_class: list[int]            # class index of each word


def tokenize_label_word(tokenizer, word: str, mask_suffix: str = "") -> tuple[list[int], list[str]]:
    """Return the ids and pieces of ``word`` as it appears at the mask (with ``mask_suffix``)."""
    form = word if word.endswith(mask_suffix) else word + mask_suffix
    ids = list(tokenizer(form, add_special_tokens=False)["input_ids"])
    pieces = tokenizer.convert_ids_to_tokens(ids)
    # SentencePiece tokenizers may emit a lone word-boundary piece before the word.
    while len(ids) > 1 and pieces[0] in _PIECE_MARKERS:
        ids, pieces = ids[1:], pieces[1:]
    return ids, list(pieces)


def encode_verbalizer(verbalizer: Verbalizer, labels: Sequence[str], tokenizer,
                      mask_suffix: str = "") -> EncodedVerbalizer:
    """Tokenize every label word and reject unknown pieces and words shared by two classes."""
    verbalizer.check_labels(labels)
    words: list[WordPieces] = []
    for label in labels:
        for word in verbalizer.label_words[label]:
            ids, pieces = tokenize_label_word(tokenizer, word, mask_suffix)
            has_unknown = tokenizer.unk_token_id is not None and tokenizer.unk_token_id in ids
            words.append(WordPieces(label, word, tuple(ids), tuple(pieces), has_unknown))

    _check_words(words)

    width = max(len(word.ids) for word in words)
    piece_ids = [list(word.ids) + [0] * (width - len(word.ids)) for word in words]
    piece_mask = [[1.0] * len(word.ids) + [0.0] * (width - len(word.ids)) for word in words]
    word_class = [list(labels).index(word.label) for word in words]
    return EncodedVerbalizer(tuple(labels), tuple(words), piece_ids, piece_mask, word_class)


def _check_words(words: Sequence[WordPieces]) -> None:
    for word in words:
        if not word.ids:
            raise VerbalizerError(f"The label word {short_value(word.word)} of class {word.label} tokenizes to "
                                  "nothing. Use a Tibetan word.")
        if word.has_unknown:
            raise VerbalizerError(f"The label word {short_value(word.word)} of class {word.label} contains the "
                                  f"unknown token (pieces: {' '.join(word.pieces)}), so the model cannot score it. "
                                  "Choose a word whose syllables are in the model's vocabulary.")

    owner: dict[tuple[int, ...], WordPieces] = {}
    for word in words:
        previous = owner.get(word.ids)
        if previous is not None and previous.label != word.label:
            raise VerbalizerError(f"The label words {short_value(previous.word)} ({previous.label}) and "
                                  f"{short_value(word.word)} ({word.label}) give the same token ids, so the two "
                                  "classes cannot be told apart. Give each class its own word.")
        owner.setdefault(word.ids, word)


def word_warnings(tokenizer, verbalizer: Verbalizer, labels: Sequence[str], mask_suffix: str = "") -> list[str]:
    """Return one warning per problem word without raising, for the verbalizer table."""
    problems = []
    seen: dict[tuple[int, ...], tuple[str, str]] = {}
    for label in labels:
        for word in verbalizer.label_words.get(label, ()):
            ids, pieces = tokenize_label_word(tokenizer, word, mask_suffix)
            if tokenizer.unk_token_id in ids:
                problems.append(f"{label}: {word} contains the unknown token ({' '.join(pieces)})")
            other = seen.get(tuple(ids))
            if other is not None and other[0] != label:
                problems.append(f"{label}: {word} has the same ids as {other[1]} ({other[0]})")
            seen.setdefault(tuple(ids), (label, word))
    return problems
