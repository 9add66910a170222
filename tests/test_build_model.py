"""Tests of the Tibetan tokenizer, the masked-LM pre-training loop and ``build_local_model``."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from peftt_gui.core.build_model import (
    BYTE_PIECES,
    SPECIAL_TOKENS,
    build_local_model,
    read_corpus_file,
    train_tokenizer,
)
from peftt_gui.core.errors import ConfigError, DataError
from peftt_gui.core.normalize import default_normalizer
from peftt_gui.core.pretraining import (
    PROVENANCE_FILE,
    PretrainingSettings,
    _masking_vocabulary,
    _word_start_flags,
    continue_pretraining,
    file_sha256,
    mask_whole_syllables,
    pack_blocks,
    tokenize_for_mlm,
)

TSHEG = "\u0f0b"
SHAD = "\u0f0d"

# Topic names of TNCC-title and common sentiment words, written without a trailing tsheg.
LABEL_WORDS = [
    "ཆབ་སྲིད", "དཔལ་འབྱོར", "སློབ་གསོ", "ཡུལ་སྐོར", "ཁོར་ཡུག", "སྐད་ཡིག", "རྩོམ་རིག",
    "ཆོས་ལུགས", "སྒྱུ་རྩལ", "སྨན་བཅོས", "གོམས་སྲོལ", "རོལ་ཆ", "དགའ", "བདེ", "སྡུག",
    "ཡག་པོ", "ཞན་པོ",
]

# A model small enough that building it costs little more than its time limit.
MICRO_MODEL = {"vocab_size": 1000, "layers": 1, "hidden": 64, "heads": 2, "intermediate": 128,
               "batch_size": 16}


def _texts(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 1)[1] for line in lines if line.strip()]


@pytest.fixture(scope="module")
def training_texts(tncc_dir: Path, tusa_dir: Path) -> list[str]:
    tncc, _ = read_corpus_file(tncc_dir / "train.txt")
    tusa, _ = read_corpus_file(tusa_dir / "train.txt")
    return tncc + tusa


@pytest.fixture(scope="module")
def tokenizer(training_texts: list[str]):
    return train_tokenizer(training_texts, vocab_size=8000)


@pytest.fixture(scope="module")
def validation_texts(tncc_dir: Path, tusa_dir: Path) -> list[str]:
    tncc = [default_normalizer().normalize(text, restore_tsheg=True) for text in _texts(tncc_dir / "validation.txt")]
    return tncc + _texts(tusa_dir / "validation.txt")


@pytest.fixture(scope="module")
def tiny_provenance(tiny_model_dir: Path) -> dict:
    return json.loads((tiny_model_dir / PROVENANCE_FILE).read_text(encoding="utf-8"))


# --- Corpus reading --------------------------------------------------------------------

def test_read_corpus_drops_labels_restores_tsheg(tncc_dir: Path):
    texts, record = read_corpus_file(tncc_dir / "train.txt")

    assert record.label_column_dropped
    assert record.tsheg_restored
    assert record.texts == len(texts) == 7422
    assert not any("\t" in text for text in texts)
    assert texts[0] == "བྲག་ཡེར་པ"
    # The space after the head mark ༄༅ is normal spelling and stays.
    assert texts[1] == "༄༅ ལྭ་རིང་གི་རིགས"


def test_read_corpus_plain_text_kept_whole(tmp_path: Path):
    path = tmp_path / "plain.txt"
    path.write_text("བོད་ཀྱི་སྐད་ཡིག།\n\nཀ་ཁ་ག་ང་།\tཅ་ཆ།\n", encoding="utf-8")

    texts, record = read_corpus_file(path)

    assert not record.label_column_dropped
    assert not record.tsheg_restored
    assert texts == ["བོད་ཀྱི་སྐད་ཡིག།", "ཀ་ཁ་ག་ང་། ཅ་ཆ།"]  # the normalizer collapses the tab


def test_read_corpus_rejects_non_utf8(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("ཀ་ཁ\n".encode("utf-8") + b"caf\xe9\n")

    with pytest.raises(DataError, match="line 2"):
        read_corpus_file(path)


def test_corpus_uses_shared_normalizer(tmp_path: Path):
    path = tmp_path / "titles.txt"
    path.write_text("Politics\tཀྲུང གོ མི དམངས\nArts\tཀ་ཁ། ག\n", encoding="utf-8")
    texts, record = read_corpus_file(path)
    assert record.tsheg_restored
    assert texts == ["ཀྲུང་གོ་མི་དམངས", "ཀ་ཁ། ག"]


# --- The tokenizer ---------------------------------------------------------------------

def test_tokenizer_round_trips_real_rows(tokenizer, validation_texts: list[str]):
    tested = "".join(validation_texts)
    assert TSHEG in tested
    assert SHAD in tested
    assert any("\u0f71" <= char <= "\u0f84" for char in tested), "no vowel sign in sample"
    assert any("\u0f90" <= char <= "\u0fbc" for char in tested), "no subjoined letter in sample"

    mismatches = []
    for text in validation_texts:
        ids = tokenizer(text)["input_ids"]
        decoded = tokenizer.decode(ids, skip_special_tokens=True)
        if decoded != unicodedata.normalize("NFC", text):
            mismatches.append((text, decoded))
    assert mismatches == []


def test_tokenizer_round_trips_spaces_and_digits(tokenizer):
    for text in [" ཀ་ཁ།  ག་ང ", "ཕྱི་ལོ་༢༠༢༤ ལོའི་ཟླ་༣", "Tibetan བོད་ཡིག 2024!", "了！❤"]:
        ids = tokenizer(text)["input_ids"]
        assert tokenizer.decode(ids, skip_special_tokens=True) == text


def test_tokenizer_adds_bert_specials(tokenizer):
    single = tokenizer("ཀ་ཁ")
    pair = tokenizer("ཀ་ཁ", "ག་ང")
    cls_id, sep_id = tokenizer.cls_token_id, tokenizer.sep_token_id

    assert single["input_ids"][0] == cls_id
    assert single["input_ids"][-1] == sep_id
    assert pair["input_ids"].count(sep_id) == 2
    assert pair["token_type_ids"][0] == 0
    assert pair["token_type_ids"][-1] == 1
    assert tokenizer.convert_ids_to_tokens(list(range(5))) == list(SPECIAL_TOKENS)


def test_tokenizer_few_unknowns_on_tusa(tokenizer, tusa_dir: Path):
    byte_piece_ids = set(tokenizer.convert_tokens_to_ids(BYTE_PIECES))
    unknown = byte_pieces = total = 0
    for text in _texts(tusa_dir / "validation.txt"):
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
        unknown += ids.count(tokenizer.unk_token_id)
        byte_pieces += sum(1 for token_id in ids if token_id in byte_piece_ids)
        total += len(ids)

    assert unknown == 0
    assert byte_pieces / total < 0.01


def test_label_words_with_tsheg_one_token(tokenizer):
    def is_one_token(word: str) -> bool:
        return len(tokenizer(word, add_special_tokens=False)["input_ids"]) == 1

    with_tsheg = sum(is_one_token(word + TSHEG) for word in LABEL_WORDS)
    bare = sum(is_one_token(word) for word in LABEL_WORDS)

    assert with_tsheg >= 0.7 * len(LABEL_WORDS)
    assert with_tsheg > bare


def test_tokenizer_rejects_bad_settings(training_texts: list[str]):
    with pytest.raises(ConfigError) as small:
        train_tokenizer(training_texts[:10], vocab_size=100)
    with pytest.raises(ConfigError) as unknown_kind:
        train_tokenizer(training_texts[:10], kind="wordpiece")

    assert small.value.field == "vocab_size"
    assert unknown_kind.value.field == "kind"


# --- Whole-syllable masking ------------------------------------------------------------

def test_word_start_flags_group_syllables():
    text = "ཆབ་སྲིད་ཀྱི། ག"
    # Tokens: ཆབ་སྲིད་ | ཀྱ | ི | ། | space | ག  (the shad closes the syllable ཀྱི, like a tsheg)
    offsets = [(0, 8), (8, 10), (10, 11), (11, 12), (12, 13), (13, 14)]

    assert _word_start_flags(text, offsets) == [True, True, False, False, True, True]


def test_word_start_flags_specials_start_groups():
    assert _word_start_flags("ཀ་ཁ", [(0, 0), (0, 2), (2, 3), (0, 0)]) == [True, True, True, True]


def test_masking_covers_whole_syllable_groups(tokenizer, validation_texts: list[str]):
    import torch

    ids, starts = tokenize_for_mlm(tokenizer, validation_texts[:300])
    blocks, block_starts = pack_blocks(ids, starts, 64, tokenizer.cls_token_id)
    vocab = _masking_vocabulary(tokenizer, len(tokenizer))
    generator = torch.Generator().manual_seed(0)

    inputs, labels = mask_whole_syllables(blocks, block_starts, vocab, 0.3, generator)

    selected = labels != -100
    special = torch.isin(blocks, vocab.special_ids)
    groups = torch.cumsum(block_starts.long(), dim=1)
    for row in range(len(blocks)):
        for group in groups[row].unique():
            members = (groups[row] == group) & ~special[row]
            assert selected[row][members].all() or not selected[row][members].any()
    assert not selected[special].any()
    assert 0.2 < selected.sum() / (~special).sum() < 0.4
    assert (inputs[selected] == tokenizer.mask_token_id).float().mean() > 0.7
    assert torch.equal(inputs[~selected], blocks[~selected])


def test_pack_blocks_open_with_cls():
    import numpy as np

    ids = np.arange(10, 30)
    starts = np.ones(20, dtype=bool)

    blocks, block_starts = pack_blocks(ids, starts, 8, cls_id=2)

    assert blocks.shape == (2, 8)
    assert blocks[:, 0].tolist() == [2, 2]
    assert blocks[1, 1:].tolist() == list(range(17, 24))
    assert block_starts.all()


def test_pretraining_settings_validated():
    with pytest.raises(ConfigError) as no_time:
        PretrainingSettings(time_limit_s=0)
    with pytest.raises(ConfigError) as no_batch:
        PretrainingSettings(batch_size=0)

    assert no_time.value.field == "time_limit_s"
    assert no_batch.value.field == "batch_size"


# --- The tiny model built by the session fixture ---------------------------------------

def test_saved_model_reloads_offline(tiny_model_dir: Path):
    import torch
    from transformers import AutoModelForMaskedLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir, local_files_only=True)
    model = AutoModelForMaskedLM.from_pretrained(tiny_model_dir, local_files_only=True)
    encoded = tokenizer(f"བོད་ཀྱི་{tokenizer.mask_token}་ཡིག", return_tensors="pt")
    with torch.inference_mode():
        logits = model(**encoded).logits

    assert type(model).__name__ == "BertForMaskedLM"
    assert (tiny_model_dir / "model.safetensors").is_file()
    assert logits.shape == (1, encoded["input_ids"].shape[1], len(tokenizer))
    assert tokenizer.mask_token_id in encoded["input_ids"][0].tolist()
    assert tokenizer.decode(tokenizer("ཀ་ཁ། 了")["input_ids"], skip_special_tokens=True) == "ཀ་ཁ། 了"


def test_tokenizer_config_names_portable_class(tiny_model_dir: Path):
    config = json.loads((tiny_model_dir / "tokenizer_config.json").read_text(encoding="utf-8"))

    assert config["tokenizer_class"] == "PreTrainedTokenizerFast"
    assert config["mask_token"] == "[MASK]"
    assert config["cls_token"] == "[CLS]"


def test_provenance_describes_build(tiny_provenance: dict, tncc_dir: Path, tusa_dir: Path):
    import peftt_gui

    files = tiny_provenance["corpus"]["files"]
    pretraining = tiny_provenance["pretraining"]

    assert tiny_provenance["kind"] == "build-model"
    assert tiny_provenance["app_version"] == peftt_gui.__version__
    assert [entry["sha256"] for entry in files] == [
        file_sha256(tncc_dir / "train.txt"), file_sha256(tusa_dir / "train.txt")]
    assert [entry["tsheg_restored"] for entry in files] == [True, False]
    assert tiny_provenance["model"]["layers"] == 2
    assert tiny_provenance["tokenizer"]["vocab_size"] == 3000
    # Fewer steps than max_steps only when the time limit guard ran out (a busy machine).
    assert 1 <= pretraining["steps"] <= pretraining["settings"]["max_steps"]
    assert pretraining["eval_blocks"] >= 1
    assert 0.0 <= pretraining["eval_accuracy"] <= 1.0
    assert pretraining["train_seconds"] <= pretraining["settings"]["time_limit_s"]
    assert tiny_provenance["size_bytes"] > 1_000_000


def test_mlm_loss_decreases(tiny_provenance: dict):
    pretraining = tiny_provenance["pretraining"]

    assert pretraining["eval_loss"] < pretraining["initial_eval_loss"] - 0.5


def test_build_with_max_steps_learns(tusa_dir: Path, tmp_path: Path):
    report = build_local_model([tusa_dir / "validation.txt"], tmp_path / "model",
                               time_limit_s=120.0, max_steps=40, **MICRO_MODEL)

    history = report.pretraining.loss_history
    assert report.pretraining.steps == 40
    assert sum(history[-5:]) / 5 < sum(history[:5]) / 5 - 0.3
    assert report.pretraining.eval_loss < report.pretraining.initial_eval_loss


# --- Builds with time limits and stops -------------------------------------------------

def test_build_honours_time_limit(tusa_dir: Path, tmp_path: Path):
    phases = []

    report = build_local_model([tusa_dir / "validation.txt"], tmp_path / "model",
                               time_limit_s=5.0, progress=lambda p: phases.append(p.phase),
                               **MICRO_MODEL)

    # The first step always runs, because no step time is known before it. The check uses the
    # build's own clock, so a busy machine cannot fail it; steps simply get fewer.
    assert report.pretraining.train_seconds <= 5.0 or report.pretraining.steps == 1
    assert report.pretraining.steps >= 1
    assert not report.pretraining.stopped
    assert phases[0] == "tokenizer"
    assert phases[-1] == "save"
    assert "pretrain" in phases
    assert (tmp_path / "model" / PROVENANCE_FILE).is_file()
    assert [path.name for path in tmp_path.iterdir()] == ["model"]


def test_should_stop_ends_build(tusa_dir: Path, tmp_path: Path):
    steps_seen = []

    def progress(update):
        if update.phase == "pretrain":
            steps_seen.append(update.step)

    report = build_local_model([tusa_dir / "validation.txt"], tmp_path / "model",
                               time_limit_s=300.0, progress=progress,
                               should_stop=lambda: len(steps_seen) >= 3, **MICRO_MODEL)

    provenance = json.loads((tmp_path / "model" / PROVENANCE_FILE).read_text(encoding="utf-8"))
    assert report.pretraining.stopped
    assert report.pretraining.steps == 3
    assert provenance["pretraining"]["stopped"] is True


def test_build_rejects_existing_folder(tusa_dir: Path, tmp_path: Path):
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "keep.txt").write_text("user file", encoding="utf-8")

    with pytest.raises(ConfigError) as error:
        build_local_model([tusa_dir / "validation.txt"], tmp_path / "model", time_limit_s=1.0)

    assert error.value.field == "out_dir"
    assert (tmp_path / "model" / "keep.txt").is_file()


def test_build_rejects_heads_not_dividing_hidden(tusa_dir: Path, tmp_path: Path):
    with pytest.raises(ConfigError) as error:
        build_local_model([tusa_dir / "validation.txt"], tmp_path / "model", hidden=100, heads=3)

    assert error.value.field == "heads"


def test_continue_pretraining_saves_model(tiny_model_dir: Path, tusa_dir: Path,
                                         tmp_path: Path):
    from transformers import AutoModelForMaskedLM

    texts = _texts(tusa_dir / "validation.txt")[:400]

    report = continue_pretraining(tiny_model_dir, texts, tmp_path / "adapted", time_limit_s=3.0)

    provenance = json.loads((tmp_path / "adapted" / PROVENANCE_FILE).read_text(encoding="utf-8"))
    assert report.pretraining.steps > 0
    assert report.pretraining.train_seconds <= 3.0 or report.pretraining.steps == 1
    assert provenance["kind"] == "continue-pretraining"
    assert provenance["base_model"]["path"] == str(tiny_model_dir.resolve())
    assert provenance["base_model"]["provenance"]["kind"] == "build-model"
    assert provenance["corpus"]["texts"] == 400
    assert AutoModelForMaskedLM.from_pretrained(tmp_path / "adapted", local_files_only=True)
