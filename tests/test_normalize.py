"""Tests of the Tibetan normalizer: Unicode forms, tsheg restoration and its detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from peftt_gui.core.errors import ConfigError
from peftt_gui.core.normalize import (
    Normalizer,
    NormalizerConfig,
    default_normalizer,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

KA = "\u0f40"
TSHEG = "\u0f0b"


def code_points(text: str) -> list[str]:
    return [f"U+{ord(character):04X}" for character in text]


@pytest.fixture
def normalizer() -> Normalizer:
    return Normalizer(NormalizerConfig(restore_tsheg="never"))


# Each precomposed character and the canonical sequence it must become.
PRECOMPOSED = [
    ("\u0f73", "\u0f71\u0f72"),  # vowel sign II
    ("\u0f75", "\u0f71\u0f74"),  # vowel sign UU
    ("\u0f81", "\u0f71\u0f80"),  # reversed II
    ("\u0f76", "\u0fb2\u0f80"),  # vocalic R
    ("\u0f78", "\u0fb3\u0f80"),  # vocalic L
    ("\u0f43", "\u0f42\u0fb7"),  # GHA
    ("\u0f4d", "\u0f4c\u0fb7"),  # DDHA
    ("\u0f52", "\u0f51\u0fb7"),  # DHA
    ("\u0f57", "\u0f56\u0fb7"),  # BHA
    ("\u0f5c", "\u0f5b\u0fb7"),  # DZHA
    ("\u0f69", "\u0f40\u0fb5"),  # KSSA
    ("\u0f93", "\u0f92\u0fb7"),  # subjoined GHA
    ("\u0f9d", "\u0f9c\u0fb7"),  # subjoined DDHA
    ("\u0fa2", "\u0fa1\u0fb7"),  # subjoined DHA
    ("\u0fa7", "\u0fa6\u0fb7"),  # subjoined BHA
    ("\u0fac", "\u0fab\u0fb7"),  # subjoined DZHA
    ("\u0fb9", "\u0f90\u0fb5"),  # subjoined KSSA
]


@pytest.mark.parametrize(("precomposed", "sequence"), PRECOMPOSED,
                         ids=[f"U+{ord(p):04X}" for p, _ in PRECOMPOSED])
def test_precomposed_equals_sequence(normalizer, precomposed, sequence):
    composed_form = normalizer.normalize(KA + precomposed)
    sequence_form = normalizer.normalize(KA + sequence)

    assert composed_form == sequence_form
    assert code_points(composed_form) == code_points(KA + sequence)


@pytest.mark.parametrize(("deprecated", "sequence"), [
    ("\u0f77", "\u0fb2\u0f71\u0f80"),
    ("\u0f79", "\u0fb3\u0f71\u0f80"),
])
def test_deprecated_vowels_mapped(normalizer, deprecated, sequence):
    assert code_points(normalizer.normalize(KA + deprecated)) == code_points(KA + sequence)
    # The same vowel spelled with the precomposed U+0F81 gives the same code points.
    assert normalizer.normalize(KA + deprecated) == normalizer.normalize(KA + sequence[0] + "\u0f81")


@pytest.mark.parametrize(("swapped", "canonical"), [
    ("\u0f72\u0f71", "\u0f71\u0f72"),  # i before a-chung
    ("\u0f74\u0f71", "\u0f71\u0f74"),  # u before a-chung
    ("\u0f80\u0f71", "\u0f71\u0f80"),  # reversed i before a-chung
    ("\u0f74\u0f72", "\u0f72\u0f74"),  # u before i
    ("\u0fb2\u0f74\u0f71", "\u0fb2\u0f71\u0f74"),  # after a subjoined letter
])
def test_vowel_order_is_canonical(normalizer, swapped, canonical):
    assert code_points(normalizer.normalize(KA + swapped)) == code_points(KA + canonical)


def test_non_breaking_tsheg_becomes_tsheg(normalizer):
    assert normalizer.normalize("\u0f62\u0f72\u0f44\u0f0c\u0f56\u0f7c\u0f51") == \
        "\u0f62\u0f72\u0f44\u0f0b\u0f56\u0f7c\u0f51"


@pytest.mark.parametrize("zero_width", ["\u200b", "\u200c", "\u200d", "\ufeff"])
def test_zero_width_removed(normalizer, zero_width):
    assert normalizer.normalize(zero_width + "བོད" + zero_width + TSHEG + "ཀྱི") == "བོད་ཀྱི"


def test_zero_width_between_vowels_reordered(normalizer):
    # A zero-width joiner would block canonical reordering if it were removed after NFC.
    assert normalizer.normalize(KA + "\u0f72\u200d\u0f71") == KA + "\u0f71\u0f72"


def test_zero_width_kept_when_configured():
    keeping = Normalizer(NormalizerConfig(remove_zero_width=False, restore_tsheg="never"))
    assert keeping.normalize("བོད\u200bཀྱི") == "བོད\u200bཀྱི"


def test_whitespace_collapsed_and_stripped(normalizer):
    text = " \t བོད་ཀྱི།\u00a0\u3000 \n  ལོ་རྒྱུས། \r\n"
    assert normalizer.normalize(text) == "བོད་ཀྱི། ལོ་རྒྱུས།"


def test_whitespace_kept_when_configured():
    keeping = Normalizer(NormalizerConfig(collapse_whitespace=False, restore_tsheg="never"))
    assert keeping.normalize(" བོད།  ལོ། ") == " བོད།  ལོ། "


def test_nfc_keeps_fullwidth_punctuation(normalizer):
    # NFKC would turn these into ASCII, so the default NFC keeps mixed text as written.
    assert normalizer.normalize("ཡག་པོ་འདུག！…") == "ཡག་པོ་འདུག！…"


def test_nfkc_form_is_available():
    nfkc = Normalizer(NormalizerConfig(unicode_form="NFKC", restore_tsheg="never"))
    assert nfkc.normalize("ཡག！") == "ཡག!"


@pytest.mark.parametrize(("text", "expected"), [
    ("བྲག ཡེར པ", "བྲག་ཡེར་པ"),
    ("བོད  ལྗོངས", "བོད་ལྗོངས"),
    # A space after a shad, a double shad or before a shad stays a space.
    ("བོད་ཀྱི། ལོ་རྒྱུས", "བོད་ཀྱི། ལོ་རྒྱུས"),
    ("ཚ རླབས འཕྱུར བ༎ ལྷ ས", "ཚ་རླབས་འཕྱུར་བ༎ ལྷ་ས"),
    ("བཀྲ ཤིས ། བདེ ལེགས", "བཀྲ་ཤིས ། བདེ་ལེགས"),
    # The head mark at the start keeps its space, with or without a shad after it.
    ("༄༅ ལྭ རིང གི རིགས", "༄༅ ལྭ་རིང་གི་རིགས"),
    ("༄༅། །བཀྲ ཤིས", "༄༅། །བཀྲ་ཤིས"),
    ("༈ གངས ལྗོངས", "༈ གངས་ལྗོངས"),
    # Brackets and Latin text are not syllables.
    ("༼ཤེལ རི༽ གྱི རྩོམ", "༼ཤེལ་རི༽ གྱི་རྩོམ"),
    ("CCTV བོད ལྗོངས", "CCTV བོད་ལྗོངས"),
    # Tibetan digits count as syllables.
    ("ལོ ༢༠༡༧ ལོར", "ལོ་༢༠༡༧་ལོར"),
    # A syllable ending in a vowel sign or a subjoined letter.
    ("ཀླུ སྒྲ", "ཀླུ་སྒྲ"),
    ("སྒྲ གཏམ", "སྒྲ་གཏམ"),
])
def test_restore_tsheg(text, expected):
    assert default_normalizer().normalize(text, restore_tsheg=True) == expected


def test_restore_tsheg_argument_overrides_config():
    never = Normalizer(NormalizerConfig(restore_tsheg="never"))
    always = Normalizer(NormalizerConfig(restore_tsheg="always"))

    assert never.normalize("བྲག ཡེར པ") == "བྲག ཡེར པ"
    assert never.normalize("བྲག ཡེར པ", restore_tsheg=True) == "བྲག་ཡེར་པ"
    assert always.normalize("བོད་ཀྱི་ལོ་རྒྱུས ལ") == "བོད་ཀྱི་ལོ་རྒྱུས་ལ"
    assert always.normalize("བྲག ཡེར", restore_tsheg=False) == "བྲག ཡེར"


def test_auto_decides_per_text():
    auto = default_normalizer()

    assert auto.normalize("བྲག ཡེར པ") == "བྲག་ཡེར་པ"
    # One stray space among tshegs is kept because the text is not space-separated.
    assert auto.normalize("བོད་ཀྱི་ལོ་རྒྱུས ལ") == "བོད་ཀྱི་ལོ་རྒྱུས ལ"


def test_is_space_separated_synthetic():
    normalizer = default_normalizer()

    assert normalizer.is_space_separated(["བྲག ཡེར པ", "ལྷ ས"])
    assert not normalizer.is_space_separated(["བོད་ཀྱི། ལོ་རྒྱུས། ཡག་པོ།"])
    assert not normalizer.is_space_separated([])
    assert not normalizer.is_space_separated(["English only text"])
    # U+0F0C counts as a tsheg.
    assert not normalizer.is_space_separated(["བོད\u0f0cཀྱི\u0f0cལོ རྒྱུས"])


def real_texts(relative: str) -> list[str]:
    path = DATA / relative
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    return [line.split("\t", 1)[1] for line in path.read_text(encoding="utf-8").split("\n")]


@pytest.mark.parametrize(("relative", "expected"), [
    ("tncc-title/train.txt", True),
    ("tncc-title/validation.txt", True),
    ("tncc-title/test.txt", True),
    ("tusa/train.txt", False),
    ("tusa/validation.txt", False),
    ("tusa/test.txt", False),
])
def test_is_space_separated_real_data(relative, expected):
    assert default_normalizer().is_space_separated(real_texts(relative)) is expected


@pytest.mark.parametrize("relative", ["tncc-title/train.txt", "tusa/train.txt"])
def test_normalize_is_idempotent_on_real_data(relative):
    normalizer = default_normalizer()
    for text in real_texts(relative)[:2000]:
        once = normalizer.normalize(text, restore_tsheg=True)
        assert normalizer.normalize(once, restore_tsheg=True) == once


def test_restored_titles_not_space_separated():
    titles = real_texts("tncc-title/train.txt")
    restored = [default_normalizer().normalize(text, restore_tsheg=True) for text in titles]

    assert restored[0] == "བྲག་ཡེར་པ"
    assert restored[1] == "༄༅ ལྭ་རིང་གི་རིགས"
    assert not default_normalizer().is_space_separated(restored)


def test_mode_default():
    assert NormalizerConfig().mode == "NFC+tsheg:auto"
    assert default_normalizer().mode == "NFC+tsheg:auto"


@pytest.mark.parametrize("config", [
    NormalizerConfig(),
    NormalizerConfig(unicode_form="NFKC", restore_tsheg="never"),
    NormalizerConfig(restore_tsheg="always", remove_zero_width=False),
    NormalizerConfig(unicode_form="NFD", collapse_whitespace=False),
    NormalizerConfig(remove_zero_width=False, collapse_whitespace=False),
])
def test_mode_round_trip(config):
    assert NormalizerConfig.from_mode(config.mode) == config


@pytest.mark.parametrize("mode", ["NFX+tsheg:auto", "NFC+tsheg:sometimes", "NFC+lowercase",
                                  "NFC+tsheg:"])
def test_from_mode_invalid(mode):
    with pytest.raises(ConfigError):
        NormalizerConfig.from_mode(mode)


def test_config_rejects_unknown_values():
    with pytest.raises(ConfigError) as form_error:
        NormalizerConfig(unicode_form="nfc")
    with pytest.raises(ConfigError) as tsheg_error:
        NormalizerConfig(restore_tsheg="yes")

    assert form_error.value.field == "unicode_form"
    assert "'nfc'" in str(form_error.value)
    assert tsheg_error.value.field == "restore_tsheg"
    assert "'yes'" in str(tsheg_error.value)


def test_default_normalizer_is_shared():
    assert default_normalizer() is default_normalizer()
    assert default_normalizer().config == NormalizerConfig()


def test_normalize_rejects_non_text():
    with pytest.raises(TypeError):
        default_normalizer().normalize(b"\xe0\xbd\x80")
