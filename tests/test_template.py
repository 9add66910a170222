"""Template parsing, rendering and encoding (truncation keeps the mask)."""

import pytest

from peftt_gui.core.errors import TemplateError
from peftt_gui.core.normalize import Normalizer
from peftt_gui.core.template import TSHEG, PromptEncoder, parse_template, plain_template

TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'


def test_parse_parts_in_order():
    template = parse_template(TEMPLATE)
    kinds = [part.kind for part in template.parts]
    assert kinds == ["text", "literal", "mask", "literal"]
    assert template.parts[1].value == " འདི་ནི་"
    assert template.has_mask
    assert template.mask_suffix == TSHEG


def test_parse_openprompt_spacing_and_soft():
    template = parse_template('{"soft"} {"soft": "གསར་འགྱུར"} { "placeholder" : "text_a" } {"mask"}')
    assert [part.kind for part in template.parts if part.kind != "literal"] == ["soft", "soft", "text", "mask"]
    assert template.parts[2].value == "གསར་འགྱུར"
    assert template.soft_count == 2


def test_render_fills_text_and_mask():
    assert parse_template(TEMPLATE).render("བོད", "[M]") == "བོད འདི་ནི་[M]་ཡིན།"


@pytest.mark.parametrize("source, fragment", [
    ('{"placeholder":"text_a"} འདི་ནི་ཡིན།', "0 mask slots"),
    ('{"placeholder":"text_a"} {"mask"} {"mask"}', "2 mask slots"),
    ('འདི་ནི་{"mask"}', "0 text slots"),
    ('{"placeholder":"text_b"} {"mask"}', "unknown placeholder 'text_b'"),
    ('{"placeholder":"text_a", "post_processing": lambda x: x.lower()} {"mask"}', "post_processing"),
    ('{"placeholder":"text_a"} {"meta":"title"} {"mask"}', "unknown key 'meta'"),
    ('{"placeholder":"text_a"} {mask} {"mask"}', "does not parse"),
    ('{"placeholder":"text_a"} } {"mask"}', "unmatched brace"),
    ("   ", "empty"),
])
def test_parse_rejects_bad_template(source, fragment):
    with pytest.raises(TemplateError) as error:
        parse_template(source)
    assert fragment in str(error.value)


def test_post_processing_is_never_evaluated(monkeypatch):
    import builtins

    def forbidden(*args, **kwargs):
        raise AssertionError("eval was called")

    monkeypatch.setattr(builtins, "eval", forbidden)
    with pytest.raises(TemplateError):
        parse_template('{"placeholder":"text_a", "post_processing": lambda x: __import__("os")} {"mask"}')


def test_parse_normalizes_template_text():
    template = parse_template('{"placeholder":"text_a"}\u200b འདི་ནི\u0f0c{"mask"}', normalizer=Normalizer())
    assert "\u200b" not in template.source
    assert "\u0f0c" not in template.source


def test_plain_template_has_no_mask():
    template = plain_template()
    assert not template.has_mask
    assert [part.kind for part in template.parts] == ["text"]


def test_encoder_keeps_mask_when_truncating(tiny_tokenizer):
    template = parse_template(TEMPLATE)
    encoder = PromptEncoder(tiny_tokenizer, template, max_length=16)
    long_text = "བོད་ལྗོངས་ཀྱི་" * 40
    encoded = encoder.encode([long_text, "བོད"])
    assert encoded.truncated == 1
    assert len(encoded.input_ids[0]) == 16
    for ids, position in zip(encoded.input_ids, encoded.mask_positions):
        assert ids.count(tiny_tokenizer.mask_token_id) == 1
        assert ids[position] == tiny_tokenizer.mask_token_id
        assert ids[0] == tiny_tokenizer.cls_token_id
        assert ids[-1] == tiny_tokenizer.sep_token_id


def test_encoder_rejects_template_longer_than_max_length(tiny_tokenizer):
    template = parse_template('{"placeholder":"text_a"} ' + "བོད་ལྗོངས་ཀྱི་" * 20 + '{"mask"}')
    with pytest.raises(TemplateError) as error:
        PromptEncoder(tiny_tokenizer, template, max_length=16)
    assert "max length 16" in str(error.value)


def test_encoder_moves_tsheg_after_mask_to_label_word(tiny_tokenizer):
    template = parse_template('{"placeholder":"text_a"} {"mask"}་ཡིན།')
    encoder = PromptEncoder(tiny_tokenizer, template, max_length=32)
    encoded = encoder.encode(["བོད"])
    after_mask = encoded.input_ids[0][encoded.mask_positions[0] + 1:-1]
    assert after_mask == tiny_tokenizer("ཡིན།", add_special_tokens=False)["input_ids"]
