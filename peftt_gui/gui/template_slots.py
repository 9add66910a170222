"""Find the slots of an OpenPrompt-format template line for highlighting.

A slot is a brace group of comma-separated items whose first key names its kind:
``{"placeholder":"text_a"}``, ``{"mask"}``, ``{"soft"}``, ``{"soft": "word"}`` or
``{"meta": "title"}``, optionally followed by options such as
``"shortenable": "True"``. This lexer only decides what to colour. The engine's
template parser is the one that accepts or rejects a template for training.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

SLOT_KINDS = ("placeholder", "mask", "soft", "meta")
# First keys that OpenPrompt also accepts and that are valid but need no own colour.
OTHER_SLOT_KEYS = ("text", "special", "soft_id")
INVALID = "invalid"
_NAMED_KEY_EXAMPLES = {
    "placeholder": '{"placeholder": "text_a"}',
    "meta": '{"meta": "title"}',
}

_ITEM = re.compile(r'\s*"(?P<key>[^"]*)"\s*(?::\s*(?P<value>.*?))?\s*$', re.DOTALL)
_QUOTED = re.compile(r'"[^"]*"')

# Reasons shown in the tooltip of an invalid slot, translated when shown.
_UNMATCHED_CLOSE = QT_TRANSLATE_NOOP(
    "TemplateSlots", "Closing brace without an opening brace.")
_UNCLOSED_OPEN = QT_TRANSLATE_NOOP(
    "TemplateSlots", "Opening brace without a closing brace on this line.")
_OPEN_QUOTE = QT_TRANSLATE_NOOP(
    "TemplateSlots", "A quote is not closed.")
_EMPTY_SLOT = QT_TRANSLATE_NOOP(
    "TemplateSlots", "The slot is empty.")
_UNQUOTED_KEY = QT_TRANSLATE_NOOP(
    "TemplateSlots", 'Expected a quoted key such as "mask", found: {item}')
_MISSING_VALUE = QT_TRANSLATE_NOOP(
    "TemplateSlots", 'The key "{key}" has a colon but no value.')
_MISSING_NAME = QT_TRANSLATE_NOOP(
    "TemplateSlots", '"{key}" needs a quoted name, as in {example}.')
_UNKNOWN_KEY = QT_TRANSLATE_NOOP(
    "TemplateSlots", 'Unknown slot key "{key}"; expected placeholder, mask, soft or meta.')


@dataclass(frozen=True)
class Slot:
    """One slot (or malformed brace) of a line: ``start`` and ``length`` in characters.

    ``reason`` explains an invalid slot in the interface language.
    """

    start: int
    length: int
    kind: str
    reason: str = ""


def find_slots(line: str) -> list[Slot]:
    """Return the slots and malformed braces of ``line`` from left to right.

    An unmatched ``}`` is one invalid character. A ``{`` without its ``}`` is invalid
    up to the next unquoted ``{`` or the end of the line, because a slot cannot span lines.
    """
    slots = []
    position = 0
    while position < len(line):
        char = line[position]
        if char == "}":
            reason = _translate(_UNMATCHED_CLOSE)
            slots.append(Slot(position, 1, INVALID, reason))
            position += 1
            continue
        if char != "{":
            position += 1
            continue

        end, reopen = _closing_brace(line, position)
        if end is None:
            # Mark up to the next "{" (which may open a good slot) or the line end.
            stop = reopen if reopen is not None else len(line)
            reason = _translate(_UNCLOSED_OPEN)
            slots.append(Slot(position, stop - position, INVALID, reason))
            position = stop
            continue
        kind, reason = classify_slot(line[position + 1:end])
        slots.append(Slot(position, end + 1 - position, kind, reason))
        position = end + 1
    return slots


def classify_slot(content: str) -> tuple[str, str]:
    """Return ``(kind, reason)`` for the text between a slot's braces.

    ``kind`` is one of ``SLOT_KINDS``, "other" for the valid ``OTHER_SLOT_KEYS``, or
    "invalid" with a translated ``reason`` for the tooltip.
    """
    items = _split_items(content)
    if items is None:
        return INVALID, _translate(_OPEN_QUOTE)
    if not items or not items[0].strip():
        return INVALID, _translate(_EMPTY_SLOT)

    parsed = []
    for item in items:
        match = _ITEM.match(item)
        if match is None:
            message = _translate(_UNQUOTED_KEY)
            return INVALID, message.format(item=item.strip())
        if match.group("value") is not None and not match.group("value"):
            message = _translate(_MISSING_VALUE)
            return INVALID, message.format(key=match.group("key"))
        parsed.append((match.group("key"), match.group("value")))

    key, value = parsed[0]
    if key in _NAMED_KEY_EXAMPLES and (value is None or not _QUOTED.fullmatch(value)):
        message = _translate(_MISSING_NAME)
        return INVALID, message.format(key=key, example=_NAMED_KEY_EXAMPLES[key])
    if key in SLOT_KINDS:
        return key, ""
    if key in OTHER_SLOT_KEYS:
        return "other", ""
    message = _translate(_UNKNOWN_KEY)
    return INVALID, message.format(key=key)


def _translate(text: str) -> str:
    return QCoreApplication.translate("TemplateSlots", text)


def _closing_brace(line: str, start: int) -> tuple[int | None, int | None]:
    """Return ``(index of the closing brace, None)`` for the ``{`` at ``start``.

    Without one, returns ``(None, index of the next unquoted "{")`` or ``(None, None)``.
    """
    in_quote = False
    for index in range(start + 1, len(line)):
        char = line[index]
        if char == '"':
            in_quote = not in_quote
        elif not in_quote and char == "}":
            return index, None
        elif not in_quote and char == "{":
            return None, index
    return None, None


def _split_items(content: str) -> list[str] | None:
    """Split on commas outside quotes; None when a quote is left open."""
    items, current, in_quote = [], [], False
    for char in content:
        if char == '"':
            in_quote = not in_quote
        if char == "," and not in_quote:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    if in_quote:
        return None
    items.append("".join(current))
    return items


def cursor_in_slot(line_before_cursor: str) -> bool:
    """Return whether the text before the cursor leaves a ``{`` open."""
    return line_before_cursor.rfind("{") > line_before_cursor.rfind("}")
