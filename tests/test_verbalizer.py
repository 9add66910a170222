"""Label word cleaning, tokenization at the mask, and verbalizer validation."""

import json

import pytest

from peftt_gui.core.errors import VerbalizerError
from peftt_gui.core.normalize import Normalizer
from peftt_gui.core.verbalizer import (Verbalizer, clean_label_word, encode_verbalizer, load_verbalizer,
                                       save_verbalizer, tokenize_label_word, word_warnings)

LABELS = ["Politics", "Religion"]


def test_clean_strips_piece_markers():
    assert clean_label_word("▁ཆབ་སྲིད") == "ཆབ་སྲིད"
    assert clean_label_word("##ཆོས") == "ཆོས"
    assert clean_label_word(" ཆོས\u0f0c", Normalizer()) == "ཆོས\u0f0b"


def test_tsheg_suffix_changes_pieces(tiny_tokenizer):
    bare_ids, _ = tokenize_label_word(tiny_tokenizer, "ཆབ་སྲིད")
    at_mask_ids, pieces = tokenize_label_word(tiny_tokenizer, "ཆབ་སྲིད", "\u0f0b")
    assert at_mask_ids == tiny_tokenizer("ཆབ་སྲིད་", add_special_tokens=False)["input_ids"]
    assert pieces[-1].endswith("\u0f0b")
    assert len(at_mask_ids) <= len(bare_ids) + 1


def test_encode_builds_padded_matrices(tiny_tokenizer):
    verbalizer = Verbalizer.from_mapping({"Politics": ["ཆབ་སྲིད", "སྲིད་གཞུང"], "Religion": "ཆོས་ལུགས"})
    encoded = encode_verbalizer(verbalizer, LABELS, tiny_tokenizer, "\u0f0b")
    assert encoded.word_class == [0, 0, 1]
    width = max(len(word.ids) for word in encoded.words)
    assert all(len(row) == width for row in encoded.piece_ids)
    for word, mask in zip(encoded.words, encoded.piece_mask):
        assert sum(mask) == len(word.ids)


def test_missing_class_is_named():
    with pytest.raises(VerbalizerError) as error:
        Verbalizer.from_mapping({"Politics": ["ཆབ་སྲིད"]}).check_labels(LABELS)
    assert "Religion" in str(error.value)


def test_unknown_class_is_named():
    verbalizer = Verbalizer.from_mapping({"Politics": ["ཆབ་སྲིད"], "Religion": ["ཆོས"], "Sports": ["རྩེད་མོ"]})
    with pytest.raises(VerbalizerError) as error:
        verbalizer.check_labels(LABELS)
    assert "Sports" in str(error.value)


def test_unknown_token_word_rejected(tiny_tokenizer):
    verbalizer = Verbalizer.from_mapping({"Politics": ["ཆབ་སྲིད"], "Religion": ["[UNK]"]})
    with pytest.raises(VerbalizerError) as error:
        encode_verbalizer(verbalizer, LABELS, tiny_tokenizer)
    assert "[UNK]" in str(error.value)
    assert "unknown token" in str(error.value)


def test_colliding_words_rejected(tiny_tokenizer):
    verbalizer = Verbalizer.from_mapping({"Politics": ["ཆོས"], "Religion": ["ཆོས"]})
    with pytest.raises(VerbalizerError) as error:
        encode_verbalizer(verbalizer, LABELS, tiny_tokenizer)
    assert "same token ids" in str(error.value)
    assert "Politics" in str(error.value) and "Religion" in str(error.value)


def test_word_warnings_do_not_raise(tiny_tokenizer):
    verbalizer = Verbalizer.from_mapping({"Politics": ["ཆོས"], "Religion": ["ཆོས", "[UNK]"]})
    warnings = word_warnings(tiny_tokenizer, verbalizer, LABELS)
    assert any("unknown token" in warning for warning in warnings)
    assert any("same ids" in warning for warning in warnings)


def test_files_round_trip(tmp_path):
    verbalizer = Verbalizer.from_mapping({"Politics": ["ཆབ་སྲིད", "སྲིད་གཞུང"], "Religion": ["ཆོས"]})
    for name in ("words.json", "words.txt"):
        path = tmp_path / name
        save_verbalizer(verbalizer, path, LABELS)
        assert load_verbalizer(path, LABELS) == verbalizer
    assert json.loads((tmp_path / "words.json").read_text(encoding="utf-8"))["Religion"] == ["ཆོས"]


def test_text_file_line_count_checked(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("ཆབ་སྲིད\n", encoding="utf-8")
    with pytest.raises(VerbalizerError) as error:
        load_verbalizer(path, LABELS)
    assert "1 lines" in str(error.value) and "2 classes" in str(error.value)
