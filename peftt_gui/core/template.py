"""Prompt templates in OpenPrompt's text format, parsed without ``eval``.

A template mixes literal text with slots in braces::

    {"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།

Supported slots: ``{"placeholder":"text_a"}`` (the row's text, exactly once),
``{"mask"}`` (exactly once for prompt methods), ``{"soft"}`` and ``{"soft": "words"}``
(trainable prompt tokens, optionally initialised from the embeddings of words), and
``{"meta": ...}`` is rejected because rows carry no metadata. Keys other than
``placeholder``, ``mask``, ``soft``, ``shortenable`` and ``duplicate`` are rejected; a
``post_processing`` entry (a Python lambda in OpenPrompt) is rejected without being evaluated.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Literal, Sequence

from .errors import TemplateError, short_value

if TYPE_CHECKING:  # pragma: no cover
    from .normalize import Normalizer

TSHEG = "\u0f0b"
TEXT_SLOT = "text_a"
DEFAULT_TEMPLATE = '{"placeholder":"text_a"} ' + "འདི་ནི་" + '{"mask"}' + "་ཡིན།"

PartKind = Literal["literal", "text", "mask", "soft"]
_ALLOWED_KEYS = {"placeholder", "mask", "soft", "shortenable", "duplicate"}


@dataclass(frozen=True)
class TemplatePart:
    kind: PartKind
    value: str = ""


@dataclass(frozen=True)
class Template:
    """A parsed template: its source text and its parts in order."""

    source: str
    parts: tuple[TemplatePart, ...]

    @property
    def has_mask(self) -> bool:
        return any(part.kind == "mask" for part in self.parts)

    @property
    def soft_count(self) -> int:
        return sum(1 for part in self.parts if part.kind == "soft")

    @property
    def mask_suffix(self) -> str:
        """The tsheg that follows the mask, which label words absorb (see ``literal_after_mask``)."""
        following = self._part_after_mask()
        if following is not None and following.kind == "literal" and following.value.startswith(TSHEG):
            return TSHEG
        return ""

    def _part_after_mask(self) -> TemplatePart | None:
        for index, part in enumerate(self.parts):
            if part.kind == "mask":
                return self.parts[index + 1] if index + 1 < len(self.parts) else None
        return None

    def render(self, text: str, mask_text: str = "[MASK]") -> str:
        """Return the template filled with ``text``, for previews."""
        pieces = []
        for part in self.parts:
            if part.kind == "literal":
                pieces.append(part.value)
            elif part.kind == "text":
                pieces.append(text)
            elif part.kind == "mask":
                pieces.append(mask_text)
            else:
                pieces.append("[SOFT]")
        return "".join(pieces)


_SLOT_PATTERN = re.compile(r"\{([^{}]*)\}")


def parse_template(source: str, *, require_mask: bool = True,
                   normalizer: "Normalizer | None" = None) -> Template:
    """Parse an OpenPrompt text template and check its slots.

    Raises ``TemplateError`` naming the offending slot or rule.
    """
    if normalizer is not None:
        source = normalizer.normalize(source, restore_tsheg=False)
    if not source.strip():
        raise TemplateError("The template is empty. Write a template with one "
                            '{"placeholder":"text_a"} slot and one {"mask"} slot.')

    parts: list[TemplatePart] = []
    position = 0
    for match in _SLOT_PATTERN.finditer(source):
        literal = source[position:match.start()]
        _check_stray_braces(literal, source)
        if literal:
            parts.append(TemplatePart("literal", literal))
        parts.append(_parse_slot(match.group(1), match.group(0)))
        position = match.end()
    tail = source[position:]
    _check_stray_braces(tail, source)
    if tail:
        parts.append(TemplatePart("literal", tail))

    template = Template(source=source, parts=tuple(parts))
    _check_slot_counts(template, require_mask)
    return template


def _check_stray_braces(literal: str, source: str) -> None:
    if "{" in literal or "}" in literal:
        raise TemplateError(f"The template {short_value(source)} has an unmatched brace in "
                            f"{short_value(literal)}. Slots are written like {{\"mask\"}}; remove the stray brace.")


def _parse_slot(body: str, slot_text: str) -> TemplatePart:
    """Parse the inside of one brace pair as JSON-like key/value pairs, never evaluating code."""
    body = body.strip()
    if "post_processing" in body or "lambda" in body:
        raise TemplateError(f"The slot {short_value(slot_text)} contains Python code (post_processing). "
                            "Templates are data, so code in them is rejected and never run; remove it.")

    bare = _bare_keyword(body)
    if bare is not None:
        return _part_from_entries({bare: None}, slot_text)

    try:
        entries = json.loads("{" + body + "}")
    except json.JSONDecodeError as error:
        raise TemplateError(f"The slot {short_value(slot_text)} does not parse ({error.msg}). "
                            'Write slots as {"mask"}, {"placeholder":"text_a"} or {"soft": "words"}.') from None
    return _part_from_entries(entries, slot_text)


def _bare_keyword(body: str) -> str | None:
    """Return ``mask`` or ``soft`` for the set-like slots ``{"mask"}`` and ``{"soft"}``."""
    try:
        value = json.loads(body)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, str) else None


def _part_from_entries(entries: dict, slot_text: str) -> TemplatePart:
    unknown = sorted(set(entries) - _ALLOWED_KEYS)
    if unknown:
        raise TemplateError(f"The slot {short_value(slot_text)} has the unknown key {unknown[0]!r}. "
                            f"Allowed keys: {', '.join(sorted(_ALLOWED_KEYS))}.")
    if "mask" in entries:
        return TemplatePart("mask")
    if "soft" in entries:
        initial = entries["soft"]
        return TemplatePart("soft", initial if isinstance(initial, str) else "")
    if "placeholder" in entries:
        name = entries["placeholder"]
        if name != TEXT_SLOT:
            raise TemplateError(f"The slot {short_value(slot_text)} names the unknown placeholder {name!r}. "
                                f'Rows have one text, so the only placeholder is "{TEXT_SLOT}".')
        return TemplatePart("text", name)
    raise TemplateError(f"The slot {short_value(slot_text)} is neither a mask, a soft token nor a placeholder.")


def _check_slot_counts(template: Template, require_mask: bool) -> None:
    text_slots = sum(1 for part in template.parts if part.kind == "text")
    masks = sum(1 for part in template.parts if part.kind == "mask")
    if text_slots != 1:
        raise TemplateError(f"The template {short_value(template.source)} has {text_slots} text slots; "
                            'it needs exactly one {"placeholder":"text_a"}.')
    if require_mask and masks != 1:
        raise TemplateError(f"The template {short_value(template.source)} has {masks} mask slots; "
                            'it needs exactly one {"mask"}, where the label word is predicted.')
    if not require_mask and masks > 1:
        raise TemplateError(f"The template {short_value(template.source)} has {masks} mask slots; at most one is allowed.")


@dataclass(frozen=True)
class EncodedRows:
    """Token ids of every row, ready for dynamic padding."""

    input_ids: list[list[int]]
    mask_positions: list[int]          # -1 when the template has no mask
    soft_positions: list[list[int]]    # positions of the soft tokens in each row
    truncated: int                     # rows whose text slot was shortened


class PromptEncoder:
    """Turns rows into token ids: [CLS] template parts with the row's text [SEP].

    Each part is tokenized on its own, so the text slot can be truncated without touching
    the template: every row keeps its one mask. Literal parts are tokenized once.
    """

    def __init__(self, tokenizer, template: Template, max_length: int, soft_token_id: int | None = None):
        self.tokenizer = tokenizer
        self.template = template
        self.max_length = max_length
        self.soft_token_id = soft_token_id if soft_token_id is not None else tokenizer.unk_token_id
        self.cls_id, self.sep_id = special_token_ids(tokenizer)
        self._literal_ids = {index: self._tokenize_literal(index, part.value)
                             for index, part in enumerate(template.parts) if part.kind == "literal"}

        fixed = 2 + sum(len(ids) for ids in self._literal_ids.values())
        fixed += sum(1 for part in template.parts if part.kind in ("mask", "soft"))
        self.text_budget = max_length - fixed
        if self.text_budget < 1:
            raise TemplateError(f"The template takes {fixed} tokens, which leaves no room for the text at "
                                f"max length {max_length}. Shorten the template or raise the max length.")

    def _tokenize_literal(self, index: int, literal: str) -> list[int]:
        # The tsheg right after the mask belongs to the label word (the tokenizer learned
        # syllables together with their trailing tsheg), so it is not a token of the literal.
        previous = self.template.parts[index - 1] if index > 0 else None
        if previous is not None and previous.kind == "mask" and literal.startswith(TSHEG):
            literal = literal[len(TSHEG):]
        if not literal.strip():
            return []
        return list(self.tokenizer(literal, add_special_tokens=False)["input_ids"])

    def encode(self, texts: Sequence[str]) -> EncodedRows:
        text_ids = self.tokenizer(list(texts), add_special_tokens=False)["input_ids"] if texts else []
        rows, masks, softs = [], [], []
        truncated = 0
        for ids in text_ids:
            if len(ids) > self.text_budget:
                ids = ids[: self.text_budget]
                truncated += 1
            row, mask_position, soft_positions = self._assemble(ids)
            rows.append(row)
            masks.append(mask_position)
            softs.append(soft_positions)
        return EncodedRows(rows, masks, softs, truncated)

    def _assemble(self, text_ids: list[int]) -> tuple[list[int], int, list[int]]:
        row = [self.cls_id]
        mask_position = -1
        soft_positions = []
        for index, part in enumerate(self.template.parts):
            if part.kind == "literal":
                row.extend(self._literal_ids[index])
            elif part.kind == "text":
                row.extend(text_ids)
            elif part.kind == "mask":
                mask_position = len(row)
                row.append(self.tokenizer.mask_token_id)
            else:
                soft_positions.append(len(row))
                row.append(self.soft_token_id)
        row.append(self.sep_id)
        return row, mask_position, soft_positions

    def soft_layout(self) -> tuple[tuple[str, int], ...]:
        """Return where each soft token sits in a row, in template order.

        ``("start", i)`` is position ``i`` of the row and ``("end", i)`` is position
        ``len(row) - i``. Only the text slot varies in length, so a soft token before it has a
        fixed position and one after it a fixed distance from the row's end ([SEP] included).
        Soft-token methods find the positions from the padded batch with this layout.
        """
        lengths = [len(self._literal_ids[index]) if part.kind == "literal" else 1
                   for index, part in enumerate(self.template.parts)]
        layout = []
        position = 1  # after [CLS]
        after_text = False
        for index, part in enumerate(self.template.parts):
            if part.kind == "text":
                after_text = True
                continue
            if part.kind == "soft":
                # Counted from the end: this token, every later part, then [SEP].
                layout.append(("end", sum(lengths[index:]) + 1) if after_text else ("start", position))
            position += lengths[index]
        return tuple(layout)

    def pieces(self, text: str) -> list[str]:
        """Return the token strings of one rendered row, for the template preview."""
        encoded = self.encode([text])
        return self.tokenizer.convert_ids_to_tokens(encoded.input_ids[0])


def special_token_ids(tokenizer) -> tuple[int, int]:
    """Return the ids that open and close a sequence ([CLS]/[SEP] or <s>/</s>)."""
    cls_id = tokenizer.cls_token_id if tokenizer.cls_token_id is not None else tokenizer.bos_token_id
    sep_id = tokenizer.sep_token_id if tokenizer.sep_token_id is not None else tokenizer.eos_token_id
    if cls_id is None or sep_id is None:
        raise TemplateError("The tokenizer defines neither [CLS]/[SEP] nor <s>/</s>, so sequences cannot "
                            "be framed. Use a BERT or RoBERTa-family tokenizer.")
    return cls_id, sep_id


def plain_template() -> Template:
    """Return the template of methods without a prompt: the text alone."""
    return parse_template('{"placeholder":"text_a"}', require_mask=False)


def templates_from_lines(lines: Iterable[str]) -> list[str]:
    """Read templates from an OpenPrompt template file: one template per non-blank line."""
    return [line.strip() for line in lines if line.strip()]
