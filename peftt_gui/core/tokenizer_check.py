"""Tokenizer checks on real Tibetan rows, run before a run trains with the tokenizer.

Pre-trained Tibetan models ship tokenizers whose settings can damage Tibetan text. The
common case is BERT's uncased default: ``do_lower_case=True`` with ``strip_accents`` unset
makes the normalizer strip accents, that is decompose the text (NFD) and delete every
combining mark (Unicode category Mn). In Tibetan those are the vowel signs (U+0F71-U+0F7E,
U+0F80-U+0F84) and all subjoined letters (U+0F8D-U+0FBC), so ``བསྒྲུབས`` reaches the model as
``བསབས``. The check finds such losses by tokenizing and decoding each row, names the setting
at fault and proposes an override that ``models.load_checked_tokenizer`` applies and verifies.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Sequence

import numpy as np

# Share of unknown tokens above which the report warns.
UNKNOWN_RATE_WARNING = 0.01
# Rows tokenized by the check before a run; the rows are spread over the whole split.
SAMPLE_ROWS = 2000
# Characters listed in messages and kept in the report.
LISTED_CHARACTERS = 8


@dataclass(frozen=True)
class TokenizerReport:
    """Lengths, unknown tokens and lost characters of a tokenizer on a sample of rows.

    Lengths include the special tokens added around each row ([CLS] and [SEP], or <s> and </s>).
    ``unknown_rate`` is the share of the rows' own tokens, special tokens excluded, that
    are the unknown token. A row counts as changed when its decoded tokens, compared without
    whitespace, Unicode compatibility variants (NFKC) or letter case, differ from the row
    with its unknown spans removed, so unknown tokens are reported once, not as lost text.
    """

    tokenizer_class: str
    rows: int
    tokens_per_row_mean: float
    tokens_per_row_p95: float
    max_tokens_per_row: int
    unknown_rate: float
    unknown_tokens: int
    unknown_text: dict[str, int]         # text spans that became the unknown token, most frequent first
    changed_rows: int
    lost_characters: dict[str, int]      # character -> times lost, most frequent first
    example: tuple[str, str] | None      # the first changed row, as given and as decoded
    settings_at_fault: tuple[str, ...] = ()
    overrides: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def keeps_text(self) -> bool:
        return self.changed_rows == 0

    @property
    def lost_tibetan_characters(self) -> int:
        return sum(count for character, count in self.lost_characters.items() if _is_tibetan(character))

    def summary(self) -> str:
        """Return one line for logs and the run notes."""
        outcome = "every character kept" if self.keeps_text else f"{self.changed_rows} rows changed"
        overridden = ""
        if self.overrides:
            overridden = ", overrides " + ", ".join(f"{key}={value}" for key, value in self.overrides.items())
        return (f"Tokenizer {self.tokenizer_class}: {self.tokens_per_row_mean:.1f} tokens per row "
                f"(p95 {self.tokens_per_row_p95:.0f}), {100 * self.unknown_rate:.2f}% unknown tokens, "
                f"{outcome} in {self.rows} sample rows{overridden}.")

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary, for the run history."""
        data = asdict(self)
        data["example"] = list(self.example) if self.example else None
        return data


def sample_texts(texts: Sequence[str], limit: int = SAMPLE_ROWS) -> list[str]:
    """Return at most ``limit`` rows spread evenly over ``texts`` (files are often sorted by class)."""
    if len(texts) <= limit:
        return list(texts)
    step = len(texts) / limit
    return [texts[int(index * step)] for index in range(limit)]


def check_tokenizer(tokenizer, texts: Sequence[str]) -> TokenizerReport:
    """Tokenize and decode ``texts`` and report lengths, unknown tokens and lost characters.

    ``texts`` should be normalized as the run normalizes its data. The report names the
    tokenizer setting at fault when Tibetan marks are lost to accent stripping, and warns
    above ``UNKNOWN_RATE_WARNING`` unknown tokens.
    """
    rows = [text for text in texts if text.strip()]
    name = type(tokenizer).__name__
    if not rows:
        return TokenizerReport(name, 0, 0.0, 0.0, 0, 0.0, 0, {}, 0, {}, None,
                               warnings=("The tokenizer check had no text rows to tokenize.",))

    unknown_id = tokenizer.unk_token_id
    special_count = tokenizer.num_special_tokens_to_add(pair=False)
    encoded, offsets = _encode(tokenizer, rows)

    lengths = []
    total_tokens = unknown_tokens = changed_rows = 0
    unknown_text: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    example = None
    for index, (text, ids) in enumerate(zip(rows, encoded)):
        lengths.append(len(ids) + special_count)
        total_tokens += len(ids)
        unknown_positions = [position for position, token_id in enumerate(ids) if token_id == unknown_id]
        unknown_tokens += len(unknown_positions)
        if unknown_positions and offsets is None:
            continue  # without offsets, unknown spans cannot be distinguished from lost text

        spans = [offsets[index][position] for position in unknown_positions]
        unknown_text.update(text[start:end] for start, end in spans)
        row_lost, decoded = _round_trip(tokenizer, text, ids, spans)
        if decoded is not None:
            changed_rows += 1
            lost.update(row_lost)
            example = example or (text, decoded)

    settings = _settings_at_fault(tokenizer, lost)
    report = TokenizerReport(
        tokenizer_class=name, rows=len(rows),
        tokens_per_row_mean=float(np.mean(lengths)), tokens_per_row_p95=float(np.percentile(lengths, 95)),
        max_tokens_per_row=int(max(lengths)),
        unknown_rate=unknown_tokens / total_tokens if total_tokens else 0.0, unknown_tokens=unknown_tokens,
        unknown_text=dict(unknown_text.most_common(LISTED_CHARACTERS)), changed_rows=changed_rows,
        lost_characters=dict(lost.most_common()), example=example, settings_at_fault=settings)
    return replace(report, warnings=tuple(_warnings(report)))


def _encode(tokenizer, rows: list[str]) -> tuple[list[list[int]], list[list[tuple[int, int]]] | None]:
    """Return the token ids of each row, and the character offsets of each token when available."""
    # Only tokenizers backed by the ``tokenizers`` library return character offsets.
    if not getattr(tokenizer, "is_fast", False):
        return tokenizer(rows, add_special_tokens=False)["input_ids"], None
    encoded = tokenizer(rows, add_special_tokens=False, return_offsets_mapping=True)
    offsets = [[tuple(pair) for pair in row] for row in encoded["offset_mapping"]]
    return encoded["input_ids"], offsets


def _round_trip(tokenizer, text: str, ids: list[int],
                unknown_spans: list[tuple[int, int]]) -> tuple[Counter[str], str | None]:
    """Decode the known tokens of a row and compare them with the row less its unknown spans.

    Returns the lost characters, and the decoded text when the row changed (else None).
    """
    known_ids = [token_id for token_id in ids if token_id != tokenizer.unk_token_id]
    decoded = tokenizer.decode(known_ids, skip_special_tokens=False, clean_up_tokenization_spaces=False)
    expected = _remove_spans(text, unknown_spans)

    before = Counter(_comparison_form(expected))
    after = Counter(_comparison_form(decoded))
    changed = before != after
    return before - after, decoded if changed else None


def _remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    removed = set()
    for start, end in spans:
        removed.update(range(start, end))
    return "".join(character for position, character in enumerate(text) if position not in removed)


def _comparison_form(text: str) -> str:
    # Tokenizer decoders add or drop spaces (SentencePiece's ▁, WordPiece's joins), and
    # uncased models lowercase on purpose, so neither counts as a change. NFKC does not
    # hide a Tibetan loss: it only maps U+0F0C, U+0F77 and U+0F79 in the Tibetan block.
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _is_tibetan(character: str) -> bool:
    return "\u0f00" <= character <= "\u0fff"


def normalizer_state(tokenizer) -> dict | None:
    """Return the backend normalizer's settings as JSON data, or None for tokenizers without one."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    normalizer = getattr(backend, "normalizer", None)
    if normalizer is None:
        return None
    try:
        return json.loads(normalizer.__getstate__())
    except (AttributeError, TypeError, ValueError):
        return None


def _stripping_steps(state: dict | None) -> list[str]:
    """Name each step of a normalizer that deletes combining marks."""
    if not state:
        return []
    kind = state.get("type")
    if kind == "Sequence":
        return [step for inner in state.get("normalizers", []) for step in _stripping_steps(inner)]
    if kind == "StripAccents":
        return ["a StripAccents step in the normalizer of tokenizer.json"]
    if kind == "BertNormalizer":
        if state.get("strip_accents") is True:
            return ["strip_accents=True"]
        if state.get("strip_accents") is None and state.get("lowercase"):
            return ["do_lower_case=True with strip_accents unset, so BERT strips accents too"]
    return []


def _settings_at_fault(tokenizer, lost: Counter[str]) -> tuple[str, ...]:
    lost_marks = any(_is_tibetan(character) and unicodedata.category(character) == "Mn" for character in lost)
    if not lost_marks:
        return ()
    return tuple(_stripping_steps(normalizer_state(tokenizer)))


def mark_preserving_overrides(tokenizer, report: TokenizerReport) -> dict[str, Any]:
    """Return the ``from_pretrained`` settings that stop the normalizer stripping Tibetan marks.

    Only BERT's ``strip_accents`` is overridden. ``do_lower_case`` stays as the folder sets
    it, because lowercasing leaves Tibetan unchanged and keeps Latin words matching an
    uncased vocabulary. Returns an empty dict when no Tibetan mark was lost to accent stripping.
    """
    # NOTE: a StripAccents step inside a tokenizer.json normalizer is reported but not
    # overridden, because no loading option removes it. The check keeps warning about it.
    state = normalizer_state(tokenizer)
    if not report.settings_at_fault or not state:
        return {}
    steps = state.get("normalizers", [state]) if state.get("type") == "Sequence" else [state]
    if any(step.get("type") == "BertNormalizer" and _stripping_steps(step) for step in steps):
        return {"strip_accents": False}
    return {}


def settle_overrides(original: TokenizerReport, overridden: TokenizerReport,
                     overrides: dict[str, Any]) -> tuple[bool, TokenizerReport]:
    """Decide whether the run uses the overridden tokenizer, and return the report to keep.

    The override is used when it loses fewer Tibetan characters and raises the unknown
    rate by at most ``UNKNOWN_RATE_WARNING``. A larger rise means that the vocabulary was
    built from text with the marks already stripped, so the folder's own settings match
    what the model learned and are kept, with a warning.
    """
    settings = "; ".join(original.settings_at_fault)
    setting_names = ", ".join(f"{key}={value}" for key, value in overrides.items())
    if overridden.lost_tibetan_characters >= original.lost_tibetan_characters:
        warning = (f"Loading the tokenizer with {setting_names} did not keep the Tibetan marks, so the "
                   "folder's settings are kept and the model will not see them.")
        return False, replace(original, warnings=original.warnings + (warning,))

    if overridden.unknown_rate > original.unknown_rate + UNKNOWN_RATE_WARNING:
        warning = (f"With {setting_names}, {_percent(overridden.unknown_rate)} of the tokens are unknown "
                   f"against {_percent(original.unknown_rate)} with the folder's settings ({settings}): the "
                   "vocabulary was built from text whose vowel signs and subjoined letters had been stripped. "
                   "The folder's settings are kept, so this model cannot tell apart words that differ only "
                   "in those marks.")
        return False, replace(original, warnings=original.warnings + (warning,))

    notice = (f"The folder's tokenizer settings ({settings}) deleted {original.lost_tibetan_characters} Tibetan "
              f"vowel signs and subjoined letters ({_character_list(original.lost_characters)}) from "
              f"{original.changed_rows} of {original.rows} sample rows. This run loads the tokenizer with "
              f"{setting_names}, which keeps them, and {_percent(overridden.unknown_rate)} of the tokens "
              "are unknown.")
    return True, replace(overridden, settings_at_fault=original.settings_at_fault, overrides=dict(overrides),
                         warnings=(notice,) + overridden.warnings)


def _warnings(report: TokenizerReport) -> list[str]:
    warnings = []
    if report.changed_rows:
        cause = f" Setting at fault: {'; '.join(report.settings_at_fault)}." if report.settings_at_fault else ""
        warnings.append(f"{report.changed_rows} of {report.rows} sample rows lose or change characters when "
                        f"tokenized and decoded (lost most often: {_character_list(report.lost_characters)}), "
                        f"so the model does not see them.{cause}")
    if report.unknown_rate > UNKNOWN_RATE_WARNING:
        spans = ", ".join(repr(text) for text in report.unknown_text) or "not known for this tokenizer"
        warnings.append(f"{_percent(report.unknown_rate)} of the tokens of the sample rows are the unknown token "
                        f"(warning above {_percent(UNKNOWN_RATE_WARNING)}); text that became unknown: {spans}. "
                        "The vocabulary lacks these characters, so the model sees them all as one token.")
    return warnings


def _character_list(counts: dict[str, int]) -> str:
    items = list(counts.items())[:LISTED_CHARACTERS]
    if not items:
        return "none"
    return ", ".join(f"U+{ord(character):04X} {unicodedata.name(character, '?')} ×{count}"
                     for character, count in items)


def _percent(rate: float) -> str:
    if 0 < rate < 0.0001:
        return "under 0.01%"
    return f"{100 * rate:.2f}%"
