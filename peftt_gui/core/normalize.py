"""The one Tibetan text normalizer, used on data, templates, label words and prediction input.

Every string that reaches a tokenizer goes through the same steps, in this order:

1. Zero-width characters (U+200B, U+200C, U+200D, U+FEFF) are removed.
2. Tibetan compatibility characters are mapped to their canonical spelling: the
   non-breaking tsheg U+0F0C becomes U+0F0B, and the deprecated vowel signs U+0F77 and
   U+0F79 become U+0FB2 U+0F71 U+0F80 and U+0FB3 U+0F71 U+0F80.
3. Unicode normalization, NFC by default.
4. Runs of whitespace collapse to one space, and the ends are stripped.
5. Optionally, a space between two Tibetan syllables becomes a tsheg (see
   ``Normalizer.is_space_separated``).

Why NFC: every Tibetan precomposed character (U+0F43 GHA, U+0F73 II, U+0F75 UU, U+0F81,
the subjoined U+0F93 and the others) is a composition exclusion, so NFC decomposes it
exactly as NFD does. NFC also applies canonical reordering, so ``U+0F72 U+0F71`` and
``U+0F71 U+0F72`` become the same code points and the same token ids. NFKC would also map
U+0F0C, U+0F77 and U+0F79, but it rewrites non-Tibetan characters too (fullwidth
punctuation, the ellipsis, superscript digits), which the real sentiment data contains and
a pre-trained tokenizer may know. Step 2 therefore maps only those three characters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from peftt_gui.core.errors import ConfigError

TSHEG = "\u0f0b"
NON_BREAKING_TSHEG = "\u0f0c"
ZERO_WIDTH_CHARACTERS = ("\u200b", "\u200c", "\u200d", "\ufeff")

UNICODE_FORMS = ("NFC", "NFD", "NFKC", "NFKD")
RESTORE_TSHEG_CHOICES = ("auto", "always", "never")

# Compatibility characters that NFC leaves alone but that render like a canonical sequence.
_COMPATIBILITY_MAP = {
    ord(NON_BREAKING_TSHEG): TSHEG,
    0x0F77: "\u0fb2\u0f71\u0f80",
    0x0F79: "\u0fb3\u0f71\u0f80",
}
_ZERO_WIDTH_MAP = {ord(character): None for character in ZERO_WIDTH_CHARACTERS}

# A syllable ends in a letter, a vowel sign, a subjoined letter, a combining mark or a digit.
_SYLLABLE_END = (
    "\u0f00\u0f18\u0f19\u0f20-\u0f33\u0f35\u0f37\u0f39\u0f3e\u0f3f"
    "\u0f40-\u0f6c\u0f71-\u0f84\u0f86-\u0fbc\u0fc6"
)
# A syllable starts with a letter or a digit, never with a combining sign.
_SYLLABLE_START = "\u0f00\u0f20-\u0f33\u0f40-\u0f6c\u0f88-\u0f8c"

# Spaces after a shad, a head mark (U+0F04 U+0F05) or any other punctuation are not
# matched, because Tibetan writes a space there too.
_INTER_SYLLABLE_SPACES = re.compile(f"(?<=[{_SYLLABLE_END}]) +(?=[{_SYLLABLE_START}])")

# Maximum number of lines that is_space_separated reads, which keeps the check fast on
# large files.
DETECTION_SAMPLE_LINES = 1000


@dataclass(frozen=True)
class NormalizerConfig:
    """Settings of a ``Normalizer``, recorded on each run as the ``mode`` string."""

    unicode_form: str = "NFC"
    restore_tsheg: str = "auto"
    remove_zero_width: bool = True
    collapse_whitespace: bool = True

    def __post_init__(self) -> None:
        if self.unicode_form not in UNICODE_FORMS:
            raise ConfigError(
                f"unicode_form {self.unicode_form!r} is not a Unicode normalization form. "
                f"Use one of {', '.join(UNICODE_FORMS)} (NFC is the default).",
                field="unicode_form",
            )
        if self.restore_tsheg not in RESTORE_TSHEG_CHOICES:
            raise ConfigError(
                f"restore_tsheg {self.restore_tsheg!r} is invalid. Use 'auto' (restore when "
                "syllables are separated by spaces), 'always' or 'never'.",
                field="restore_tsheg",
            )

    @property
    def mode(self) -> str:
        """Short stable text form such as ``NFC+tsheg:auto``, which ``from_mode`` parses."""
        parts = [self.unicode_form, f"tsheg:{self.restore_tsheg}"]
        if not self.remove_zero_width:
            parts.append("zero-width:keep")
        if not self.collapse_whitespace:
            parts.append("whitespace:keep")
        return "+".join(parts)

    @classmethod
    def from_mode(cls, mode: str) -> NormalizerConfig:
        """Parse a ``mode`` string back into a config, raising ConfigError if it is invalid."""
        unicode_form, *options = mode.strip().split("+")
        settings: dict[str, object] = {"unicode_form": unicode_form}

        for option in options:
            name, _, value = option.partition(":")
            if name == "tsheg" and value:
                settings["restore_tsheg"] = value
            elif option == "zero-width:keep":
                settings["remove_zero_width"] = False
            elif option == "whitespace:keep":
                settings["collapse_whitespace"] = False
            else:
                raise ConfigError(
                    f"normalization mode {mode!r} contains the unknown part {option!r}. "
                    "Expected a form such as 'NFC+tsheg:auto', optionally followed by "
                    "'+zero-width:keep' and '+whitespace:keep'.",
                    field="normalization",
                )
        return cls(**settings)


class Normalizer:
    """Normalize Tibetan text so that visually identical input gives identical code points."""

    def __init__(self, config: NormalizerConfig | None = None):
        self.config = config or NormalizerConfig()

    @property
    def mode(self) -> str:
        """The config's ``mode`` string."""
        return self.config.mode

    def __repr__(self) -> str:
        return f"Normalizer({self.mode!r})"

    def normalize(self, text: str, *, restore_tsheg: bool | None = None) -> str:
        """Return ``text`` normalized by the steps in the module docstring.

        ``restore_tsheg`` overrides the config for this call. With ``None``, the config
        decides, and ``auto`` restores the tsheg when ``text`` itself looks space-separated.
        The data loader decides once per file and passes ``True`` or ``False``.
        """
        if not isinstance(text, str):
            raise TypeError(f"normalize() expects str, got {type(text).__name__}")

        if self.config.remove_zero_width:
            text = text.translate(_ZERO_WIDTH_MAP)
        text = text.translate(_COMPATIBILITY_MAP)
        text = unicodedata.normalize(self.config.unicode_form, text)
        # NOTE: NFC does not reorder a vowel sign written before a subjoined letter
        # (U+0F72 U+0FB2), because subjoined letters have combining class 0. Such text
        # keeps its order and tokenizes differently from the usual U+0FB2 U+0F72.
        if self.config.collapse_whitespace:
            text = " ".join(text.split())

        if restore_tsheg is None:
            restore_tsheg = self._restores_tsheg_by_default(text)
        if restore_tsheg:
            text = _INTER_SYLLABLE_SPACES.sub(TSHEG, text)
        return text

    def is_space_separated(self, lines: Iterable[str]) -> bool:
        """Return whether the syllables in ``lines`` are separated by spaces, not tshegs.

        Reads at most ``DETECTION_SAMPLE_LINES`` lines and counts spaces between two
        Tibetan syllables against tshegs (U+0F0B and U+0F0C). The text is space-separated
        when such spaces outnumber the tshegs. Spaces after a shad or a head mark do not
        count, so ordinary Tibetan with spaces between sentences is not space-separated.
        """
        spaces = 0
        tshegs = 0
        for line in islice(lines, DETECTION_SAMPLE_LINES):
            spaces += len(_INTER_SYLLABLE_SPACES.findall(line))
            tshegs += line.count(TSHEG) + line.count(NON_BREAKING_TSHEG)
        return spaces > tshegs

    def _restores_tsheg_by_default(self, text: str) -> bool:
        if self.config.restore_tsheg == "always":
            return True
        if self.config.restore_tsheg == "never":
            return False
        return self.is_space_separated([text])


@functools.cache
def default_normalizer() -> Normalizer:
    """Return the shared normalizer with the default config (``NFC+tsheg:auto``)."""
    return Normalizer(NormalizerConfig())
