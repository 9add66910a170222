"""Tests of the data loaders on files written here and on the real corpora."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from peftt_gui.core.data import (
    DatasetSplits,
    Example,
    load_splits,
    read_examples,
    sample_per_class,
)
from peftt_gui.core.errors import ConfigError, DataError
from peftt_gui.core.normalize import Normalizer, NormalizerConfig

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

TNCC_LABELS = sorted(["Politics", "Economics", "Education", "Tourism", "Environment",
                      "Language", "Literature", "Religion", "Arts", "Medicine", "Customs",
                      "Instruments"])

TRAIN_LINES = [
    "Positive\tཡག་པོ་འདུག",
    "Negative\tཡག་པོ་མི་འདུག",
    "Positive\tདགའ་པོ་བྱུང་།",
    "Negative\tསྐྱོ་པོ་བྱུང་།",
]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def write_lines(folder: Path, name: str, lines: list[str]) -> Path:
    return write(folder, name, "\n".join(lines) + "\n")


def real_folder(name: str) -> Path:
    folder = DATA / name
    if not folder.is_dir():
        pytest.skip(f"real data folder not found at {folder}")
    return folder


def check_location(error: DataError, path: Path, line: int | None, value: str) -> None:
    """Check that the error and its message name the file, the line and the value."""
    message = str(error)
    assert error.path == str(path.resolve())
    assert str(path.resolve()) in message
    assert error.line == line
    if line is not None:
        assert f", line {line}:" in message
    assert error.value == value


def make_examples(counts: dict[str, int]) -> list[Example]:
    examples = []
    for label, count in counts.items():
        for index in range(count):
            examples.append(Example(f"{label}-{index}", label, "memory", len(examples) + 1))
    return examples


# ---------------------------------------------------------------- real corpora


def count_lines(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


@pytest.mark.parametrize(("name", "sizes", "labels"), [
    ("tncc-title", (7422, 927, 927), TNCC_LABELS),
    ("tusa", (8000, 1000, 1000), ["Negative", "Positive"]),
])
def test_real_folder_sizes(name, sizes, labels):
    folder = real_folder(name)
    splits = load_splits(folder=folder)

    assert (len(splits.train), len(splits.validation), len(splits.test)) == sizes
    assert splits.labels == labels
    assert splits.skipped == 0
    for split, size in zip(("train", "validation", "test"), sizes):
        assert count_lines(folder / f"{split}.txt") == size


def test_real_tncc_restores_tsheg():
    splits = load_splits(folder=real_folder("tncc-title"))

    assert splits.train[0] == Example("བྲག་ཡེར་པ", "Tourism",
                                      str(DATA / "tncc-title" / "train.txt"), 1)
    assert splits.train[1].text == "༄༅ ལྭ་རིང་གི་རིགས"
    for split in ("train", "validation", "test"):
        assert f"tncc-title/{split}.txt: syllables are separated by spaces, so the tsheg " \
            "was restored" in splits.notes
    assert splits.normalization == "NFC+tsheg:auto"


def test_real_tusa_kept_as_is():
    folder = real_folder("tusa")
    splits = load_splits(folder=folder)
    first_line = (folder / "train.txt").read_text(encoding="utf-8").split("\n")[0]

    assert splits.train[0].text == first_line.split("\t")[1]
    assert "tusa/train.txt: syllables are separated by the tsheg, so the text was kept" \
        in splits.notes


def test_real_fingerprints():
    folder = real_folder("tncc-title")
    splits = load_splits(folder=folder)

    for split in ("train", "validation", "test"):
        path = folder / f"{split}.txt"
        expected = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        assert splits.fingerprints[str(path.resolve())] == expected


def test_real_tncc_loads_fast():
    folder = real_folder("tncc-title")
    load_splits(folder=folder)  # warm the file cache

    start = time.perf_counter()
    load_splits(folder=folder)
    assert time.perf_counter() - start < 1.0


def test_modules_import_without_torch_or_qt():
    code = ("import sys, peftt_gui.core.data, peftt_gui.core.normalize; "
            "print(sorted(m for m in ('torch', 'PySide6', 'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


# ---------------------------------------------------------------- formats


def test_label_tab_text_file(tmp_path):
    path = write(tmp_path, "train.txt", "\n".join(TRAIN_LINES))  # no final line break
    loaded = read_examples(path)

    assert [example.label for example in loaded.examples] == [
        "Positive", "Negative", "Positive", "Negative"]
    assert loaded.examples[2] == Example("དགའ་པོ་བྱུང་།", "Positive", str(path.resolve()), 3)
    assert loaded.skipped == 0
    assert not any("blank" in note for note in loaded.notes)


def test_bom_and_crlf(tmp_path):
    plain = write(tmp_path / "plain", "train.txt", "\n".join(TRAIN_LINES) + "\n")
    windows = write(tmp_path / "windows", "train.txt",
                    b"\xef\xbb\xbf" + ("\r\n".join(TRAIN_LINES) + "\r\n").encode("utf-8"))

    plain_examples = read_examples(plain).examples
    windows_examples = read_examples(windows).examples

    assert [(e.label, e.text, e.line) for e in windows_examples] == \
        [(e.label, e.text, e.line) for e in plain_examples]
    assert windows_examples[0].label == "Positive"
    assert not windows_examples[-1].text.endswith("\r")


def test_carriage_return_line_breaks(tmp_path):
    path = write(tmp_path, "train.txt", "\r".join(TRAIN_LINES))
    examples = read_examples(path).examples

    assert [(example.label, example.line) for example in examples] == [
        ("Positive", 1), ("Negative", 2), ("Positive", 3), ("Negative", 4)]


def test_blank_lines_ignored_with_note(tmp_path):
    path = write(tmp_path, "train.txt", TRAIN_LINES[0] + "\n\n  \n" + TRAIN_LINES[1] + "\n")
    loaded = read_examples(path)

    assert [example.line for example in loaded.examples] == [1, 4]
    assert loaded.notes[-1] == f"{tmp_path.name}/train.txt: ignored 2 blank lines"


def test_csv_with_quoted_fields(tmp_path):
    content = ('id,text,label\r\n'
               '1,"ཡག་པོ་འདུག, ""དགའ""",Positive\r\n'
               '2,"སྐྱོ་པོ།\r\nབྱུང་།",Negative\r\n'
               '3,ཡག་པོ་མི་འདུག,Negative\r\n')
    examples = read_examples(write(tmp_path, "data.csv", content)).examples

    assert [example.text for example in examples] == [
        'ཡག་པོ་འདུག, "དགའ"', "སྐྱོ་པོ། བྱུང་།", "ཡག་པོ་མི་འདུག"]
    assert [example.label for example in examples] == ["Positive", "Negative", "Negative"]
    # A record that spans two lines keeps the line it starts on.
    assert [example.line for example in examples] == [2, 3, 5]


def test_csv_named_columns(tmp_path):
    path = write(tmp_path, "data.csv", "sentence,class\nཡག་པོ།,pos\nཡག་པོ་མིན།,neg\n")
    examples = read_examples(path, text_column="sentence", label_column="class").examples

    assert [(example.text, example.label) for example in examples] == [
        ("ཡག་པོ།", "pos"), ("ཡག་པོ་མིན།", "neg")]


def test_tsv_with_header(tmp_path):
    path = write(tmp_path, "train.tsv", "text\tlabel\nཡག་པོ།\tpos\nཡག་པོ་མིན།\tneg\n")
    examples = read_examples(path).examples

    assert [(example.text, example.label, example.line) for example in examples] == [
        ("ཡག་པོ།", "pos", 2), ("ཡག་པོ་མིན།", "neg", 3)]


def test_jsonl_file(tmp_path):
    lines = [json.dumps({"text": "ཡག་པོ།", "label": "pos", "id": 1}, ensure_ascii=False),
             "",
             json.dumps({"text": "ཡག་པོ་མིན།", "label": 0})]
    examples = read_examples(write(tmp_path, "data.jsonl", "\n".join(lines))).examples

    assert [(example.text, example.label, example.line) for example in examples] == [
        ("ཡག་པོ།", "pos", 1), ("ཡག་པོ་མིན།", "0", 3)]


def test_unknown_extension_sniffed(tmp_path):
    tab = write(tmp_path, "a.data", "\n".join(TRAIN_LINES))
    jsonl = write(tmp_path, "b.data", '{"text": "ཡག", "label": "pos"}\n')
    csv_file = write(tmp_path, "c.data", "text,label\nཡག,pos\n")

    assert read_examples(tab).examples[0].label == "Positive"
    assert read_examples(jsonl).examples[0].label == "pos"
    assert read_examples(csv_file).examples[0].label == "pos"


def test_unknown_extension_unrecognized(tmp_path):
    path = write(tmp_path, "a.data", "\nཡག་པོ།\n")
    with pytest.raises(DataError) as error:
        read_examples(path)
    check_location(error.value, path, 2, "ཡག་པོ།")
    assert "cannot tell the format" in str(error.value)


def test_text_and_label_normalized(tmp_path):
    path = write(tmp_path, "train.txt",
                 " Positive \tཀ\u0f73\u200b་ཁ\u0f0cག \n\ufeffNegative\t  ང \u00a0\n")
    examples = read_examples(path).examples

    assert examples[0].label == "Positive"
    assert examples[0].text == "ཀ\u0f71\u0f72་ཁ་ག"
    assert examples[1] == Example("ང", "Negative", str(path.resolve()), 2)


# ---------------------------------------------------------------- errors


def test_file_not_found(tmp_path):
    path = tmp_path / "missing.txt"
    with pytest.raises(DataError) as error:
        load_splits(train=path)
    check_location(error.value, path, None, str(path.resolve()))
    assert "file not found" in str(error.value)


def test_not_utf8(tmp_path):
    content = ("Positive\tཡག་པོ\n".encode("utf-8") + b"Negative\tmauvais caf\xe9\n")
    path = write(tmp_path, "train.txt", content)
    with pytest.raises(DataError) as error:
        read_examples(path)

    offset = content.index(b"\xe9")
    check_location(error.value, path, 2, "0xe9")
    message = str(error.value)
    assert "not valid UTF-8" in message
    assert f"byte 0xe9 at byte offset {offset}" in message
    assert "save it again with the UTF-8 encoding" in message


def test_three_fields(tmp_path):
    path = write_lines(tmp_path, "train.txt", [TRAIN_LINES[0], "Negative\tཡག\tམིན"])
    with pytest.raises(DataError) as error:
        read_examples(path)

    check_location(error.value, path, 2, "Negative\tཡག\tམིན")
    assert "expected 2 tab-separated fields (label, text) but found 3" in str(error.value)
    assert "'Negative\\tཡག\\tམིན'" in str(error.value)


@pytest.mark.parametrize(("line", "delimiter"), [
    ("Negative,ཡག་པོ་མི་འདུག", "a comma"),
    ("Negative;ཡག་པོ་མི་འདུག", "a semicolon"),
    ("Negative ཡག་པོ་མི་འདུག", "a space"),
    ("Negative ཡག་པོ, མི་འདུག", "a space"),
])
def test_no_tab_names_delimiter(tmp_path, line, delimiter):
    path = write_lines(tmp_path, "train.txt", [TRAIN_LINES[0], TRAIN_LINES[1], line])
    with pytest.raises(DataError) as error:
        read_examples(path)

    check_location(error.value, path, 3, line)
    assert "contains no tab" in str(error.value)
    assert f"seems to end at {delimiter}" in str(error.value)
    assert repr(line) in str(error.value)


@pytest.mark.parametrize("text", ["", "   ", "\u200b"])
def test_blank_text(tmp_path, text):
    path = write_lines(tmp_path, "train.txt", [TRAIN_LINES[0], f"Negative\t{text}"])
    with pytest.raises(DataError) as error:
        read_examples(path)

    check_location(error.value, path, 2, text)
    assert "is blank" in str(error.value)
    assert "'Negative'" in str(error.value)


def test_blank_label(tmp_path):
    path = write_lines(tmp_path, "train.txt", [TRAIN_LINES[0], " \tཡག་པོ"])
    with pytest.raises(DataError) as error:
        read_examples(path)

    check_location(error.value, path, 2, " ")
    assert "label" in str(error.value)
    assert "is blank" in str(error.value)


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\xef\xbb\xbf", b" \r\n\t"])
def test_empty_file(tmp_path, content):
    path = write(tmp_path, "train.txt", content)
    with pytest.raises(DataError) as error:
        read_examples(path)
    check_location(error.value, path, None, "")
    assert "the file is empty" in str(error.value)


def test_csv_header_only(tmp_path):
    path = write(tmp_path, "train.csv", "text,label\r\n")
    with pytest.raises(DataError) as error:
        read_examples(path)

    check_location(error.value, path, 1, "text,label")
    assert "header row 'text,label' but no data rows" in str(error.value)


def test_csv_missing_columns(tmp_path):
    path = write(tmp_path, "train.csv", "sentence,category\nཡག,pos\n")
    with pytest.raises(DataError) as error:
        read_examples(path)

    check_location(error.value, path, 1, "text, label")
    message = str(error.value)
    assert "no column 'text' or 'label'" in message
    assert "The columns found are 'sentence', 'category'" in message


def test_csv_wrong_field_count(tmp_path):
    path = write(tmp_path, "train.csv", "text,label\nཡག,pos\nཡག, པོ,neg\n")
    with pytest.raises(DataError) as error:
        read_examples(path)

    check_location(error.value, path, 3, "ཡག, པོ,neg")
    assert "has 3 fields but the header has 2" in str(error.value)


@pytest.mark.parametrize(("line", "expected"), [
    ('{"text": "ཡག", "label": ', "is not valid JSON"),
    ('["ཡག", "pos"]', "found the list"),
    ('{"sentence": "ཡག", "label": "pos"}', "no 'text' key. Its keys are 'sentence', 'label'"),
    ('{"text": "ཡག", "label": null}', "'label' a string or an integer"),
])
def test_jsonl_bad_line(tmp_path, line, expected):
    path = write(tmp_path, "train.jsonl", '{"text": "ཡག", "label": "pos"}\n' + line + "\n")
    with pytest.raises(DataError) as error:
        read_examples(path)

    check_location(error.value, path, 2, line)
    assert expected in str(error.value)


def test_validation_label_missing_from_train(tmp_path):
    write_lines(tmp_path, "train.txt", TRAIN_LINES)
    validation = write_lines(tmp_path, "dev.txt", [TRAIN_LINES[0], "Neutral\tཡག་པོ།"])
    with pytest.raises(DataError) as error:
        load_splits(folder=tmp_path)

    check_location(error.value, validation, 2, "Neutral")
    assert "label 'Neutral' does not occur in the training split" in str(error.value)


def test_test_label_missing_from_train(tmp_path):
    train = write_lines(tmp_path, "a/train.txt", TRAIN_LINES)
    test = write_lines(tmp_path, "a/test.txt", ["Neutral\tཡག་པོ།"])
    with pytest.raises(DataError) as error:
        load_splits(train=train, test=test)
    check_location(error.value, test, 1, "Neutral")


def test_given_label_without_training_rows(tmp_path):
    train = write_lines(tmp_path, "train.txt", TRAIN_LINES)
    with pytest.raises(DataError) as error:
        load_splits(train=train, labels=["Negative", "Neutral", "Positive"])

    check_location(error.value, train, None, "Neutral")
    assert "class 'Neutral' from labels= has no training rows" in str(error.value)


def test_train_label_outside_given_labels(tmp_path):
    train = write_lines(tmp_path, "train.txt", TRAIN_LINES)
    with pytest.raises(DataError) as error:
        load_splits(train=train, labels=["Positive", "Other"])

    check_location(error.value, train, 2, "Negative")
    assert "label 'Negative' is not in the label list" in str(error.value)


def test_single_class(tmp_path):
    train = write_lines(tmp_path, "train.txt", ["Positive\tཡག", "Positive\tདགའ"])
    with pytest.raises(DataError) as error:
        load_splits(train=train)

    check_location(error.value, train, None, "Positive")
    assert "single class, 'Positive', but classification needs at least two" \
        in str(error.value)


def test_folder_not_found(tmp_path):
    with pytest.raises(DataError) as error:
        load_splits(folder=tmp_path / "nowhere")
    assert "folder not found" in str(error.value)
    assert str(tmp_path / "nowhere") in str(error.value)


def test_folder_without_train_file(tmp_path):
    write_lines(tmp_path, "data.txt", TRAIN_LINES)
    with pytest.raises(DataError) as error:
        load_splits(folder=tmp_path)
    assert "no training file" in str(error.value)
    assert "found data.txt" in str(error.value)


def test_folder_with_two_train_files(tmp_path):
    write_lines(tmp_path, "train.txt", TRAIN_LINES)
    write(tmp_path, "train.csv", "text,label\nཡག,pos\n")
    with pytest.raises(DataError) as error:
        load_splits(folder=tmp_path)
    assert "several train files (train.csv, train.txt)" in str(error.value)


def test_folder_without_validation_and_test(tmp_path):
    write_lines(tmp_path, "train.txt", TRAIN_LINES)
    splits = load_splits(folder=tmp_path)

    assert len(splits.train) == 4
    assert splits.validation == []
    assert splits.test == []
    assert f"{tmp_path.name}: no validation file, so the validation split is empty" \
        in splits.notes


@pytest.mark.parametrize("arguments", [
    {},
    {"folder": "a", "train": "b"},
    {"single_file": "a", "train": "b"},
    {"folder": "a", "test": "b"},
])
def test_sources_conflict(arguments):
    with pytest.raises(ConfigError):
        load_splits(**arguments)


def test_empty_source_strings_ignored(tmp_path):
    train = write_lines(tmp_path, "train.txt", TRAIN_LINES)
    splits = load_splits(folder="", train=str(train), validation="", test="", single_file="")
    assert len(splits.train) == 4


def test_file_given_as_folder(tmp_path):
    with pytest.raises(DataError) as error:
        load_splits(train=tmp_path)
    assert "this is a folder" in str(error.value)


# ---------------------------------------------------------------- skipping bad lines


def test_skip_bad_lines_counts_and_notes(tmp_path):
    lines = TRAIN_LINES + ["Positive\t\u200b", "Negative\tཡག\tམིན", "no tab here"]
    train = write_lines(tmp_path, "train.txt", lines)
    splits = load_splits(train=train, skip_bad_lines=True)

    assert len(splits.train) == 4
    assert splits.skipped == 3
    note = next(note for note in splits.notes if "skipped" in note)
    assert note.startswith(f"{tmp_path.name}/train.txt: skipped 3 bad lines")
    assert "the first at line 5:" in note


def test_skip_bad_lines_off_raises_on_first(tmp_path):
    train = write_lines(tmp_path, "train.txt", TRAIN_LINES + ["x\ty\tz", "no tab"])
    with pytest.raises(DataError) as error:
        load_splits(train=train)
    assert error.value.line == 5


def test_skip_bad_lines_all_bad(tmp_path):
    train = write_lines(tmp_path, "train.txt", ["a\tb\tc", "no tab"])
    with pytest.raises(DataError) as error:
        load_splits(train=train, skip_bad_lines=True)
    assert "none of the lines could be read (2 bad lines skipped)" in str(error.value)


def test_skip_bad_lines_keeps_file_errors(tmp_path):
    train = write(tmp_path, "train.txt", b"Positive\t\xff\n")
    with pytest.raises(DataError):
        load_splits(train=train, skip_bad_lines=True)


# ---------------------------------------------------------------- tsheg per file


def test_tsheg_detected_per_file(tmp_path):
    write_lines(tmp_path, "train.txt", ["Positive\tཡག པོ འདུག", "Negative\tཡག པོ མི འདུག"])
    write_lines(tmp_path, "test.txt", ["Positive\tཡག་པོ། དགའ་པོ།"])
    splits = load_splits(folder=tmp_path)

    assert splits.train[0].text == "ཡག་པོ་འདུག"
    assert splits.test[0].text == "ཡག་པོ། དགའ་པོ།"
    assert f"{tmp_path.name}/train.txt: syllables are separated by spaces, so the tsheg " \
        "was restored" in splits.notes
    assert f"{tmp_path.name}/test.txt: syllables are separated by the tsheg, so the text " \
        "was kept" in splits.notes


def test_tsheg_never_keeps_spaces_with_note(tmp_path):
    train = write_lines(tmp_path, "train.txt", ["Positive\tཡག པོ", "Negative\tཡག པོ མིན"])
    never = Normalizer(NormalizerConfig(restore_tsheg="never"))
    splits = load_splits(train=train, normalizer=never)

    assert splits.train[0].text == "ཡག པོ"
    assert splits.normalization == "NFC+tsheg:never"
    assert any("restore_tsheg=never keeps the spaces" in note for note in splits.notes)


def test_tsheg_always(tmp_path):
    train = write_lines(tmp_path, "train.txt", ["Positive\tཡག་པོ་འདུག ཡག", "Negative\tམིན"])
    always = Normalizer(NormalizerConfig(restore_tsheg="always"))
    splits = load_splits(train=train, normalizer=always)

    assert splits.train[0].text == "ཡག་པོ་འདུག་ཡག"
    assert any("restore_tsheg=always" in note for note in splits.notes)


# ---------------------------------------------------------------- labels


def test_labels_sorted_regardless_of_row_order(tmp_path):
    first = write_lines(tmp_path, "a.txt", ["b\tཀ", "c\tཁ", "a\tག"])
    second = write_lines(tmp_path, "b.txt", ["a\tག", "c\tཁ", "b\tཀ"])

    assert load_splits(train=first).labels == ["a", "b", "c"]
    assert load_splits(train=second).labels == ["a", "b", "c"]


def test_given_labels_keep_order(tmp_path):
    train = write_lines(tmp_path, "train.txt", TRAIN_LINES)
    splits = load_splits(train=train, labels=["Positive", "Negative"])

    assert splits.labels == ["Positive", "Negative"]
    assert list(splits.label_counts("train")) == ["Positive", "Negative"]


@pytest.mark.parametrize("labels", [["Positive", "Positive", "Negative"], "Positive",
                                    ["Positive", " "]])
def test_given_labels_invalid(tmp_path, labels):
    train = write_lines(tmp_path, "train.txt", TRAIN_LINES)
    with pytest.raises(ConfigError):
        load_splits(train=train, labels=labels)


# ---------------------------------------------------------------- single-file split


def unbalanced_file(folder: Path) -> Path:
    lines = ([f"big\tཀ་{i}" for i in range(80)] + [f"mid\tཁ་{i}" for i in range(19)]
             + ["one\tག", "two\tང་༡", "two\tང་༢"])
    # Interleave the classes so that file order and label order differ.
    lines = lines[::2] + lines[1::2]
    return write_lines(folder, "all.txt", lines)


def test_single_file_split_stratified(tmp_path):
    splits = load_splits(single_file=unbalanced_file(tmp_path))

    assert splits.label_counts("train") == {"big": 64, "mid": 15, "one": 1, "two": 2}
    assert splits.label_counts("validation") == {"big": 8, "mid": 2, "one": 0, "two": 0}
    assert splits.label_counts("test") == {"big": 8, "mid": 2, "one": 0, "two": 0}


def test_single_file_split_partitions_rows(tmp_path):
    path = unbalanced_file(tmp_path)
    splits = load_splits(single_file=path)
    all_rows = read_examples(path).examples
    parts = splits.train + splits.validation + splits.test

    assert sorted(parts, key=lambda example: example.line) == all_rows
    assert len(set(parts)) == len(all_rows)
    for part in (splits.train, splits.validation, splits.test):
        assert [example.line for example in part] == sorted(example.line for example in part)


def test_single_file_split_reproducible(tmp_path):
    path = unbalanced_file(tmp_path)

    first = load_splits(single_file=path, seed=7)
    again = load_splits(single_file=path, seed=7)
    other = load_splits(single_file=path, seed=8)

    assert first.validation == again.validation
    assert first.test == again.test
    assert first.validation != other.validation


def test_single_file_split_note(tmp_path):
    # Validation and test are rounded half up per class: 'mid' (19 rows) gives 5 to each,
    # and 'two' (2 rows) gives 1 to validation and keeps 1 for training.
    splits = load_splits(single_file=unbalanced_file(tmp_path), split_ratios=(0.5, 0.25, 0.25))
    assert splits.notes[0] == (f"{tmp_path.name}/all.txt: split 51/26/25 stratified by label "
                               "(ratios (0.5, 0.25, 0.25), seed 13)")


@pytest.mark.parametrize("ratios", [(0.8, 0.1), (0.8, 0.1, 0.2), (0, 0.5, 0.5),
                                    (1.2, -0.1, -0.1)])
def test_split_ratios_invalid(tmp_path, ratios):
    with pytest.raises(ConfigError) as error:
        load_splits(single_file=unbalanced_file(tmp_path), split_ratios=ratios)
    assert error.value.field == "split_ratios"


def test_real_single_file_split():
    folder = real_folder("tncc-title")
    splits = load_splits(single_file=folder / "train.txt")

    assert len(splits.train) + len(splits.validation) + len(splits.test) == 7422
    train_counts = splits.label_counts("train")
    for label, count in splits.label_counts("validation").items():
        # Each class keeps its share of the rows within rounding.
        assert abs(count - 0.1 * (train_counts[label] / 0.8)) <= 1.5


# ---------------------------------------------------------------- max_rows


def test_max_rows_stratified(tmp_path):
    splits = load_splits(single_file=unbalanced_file(tmp_path), max_rows=10)

    assert len(splits.train) == 10
    assert len(splits.validation) == 10
    assert len(splits.test) == 10
    assert all(count >= 1 for count in splits.label_counts("train").values())
    assert splits.label_counts("train")["big"] == 6
    assert [example.line for example in splits.train] == \
        sorted(example.line for example in splits.train)
    assert "max_rows=10: kept a stratified sample of 10 of 82 train rows" in splits.notes


def test_max_rows_reproducible(tmp_path):
    path = unbalanced_file(tmp_path)
    assert load_splits(single_file=path, max_rows=10).train == \
        load_splits(single_file=path, max_rows=10).train


def test_max_rows_larger_than_split(tmp_path):
    train = write_lines(tmp_path, "train.txt", TRAIN_LINES)
    splits = load_splits(train=train, max_rows=100)
    assert len(splits.train) == 4
    assert not any("stratified sample" in note for note in splits.notes)


def test_max_rows_below_class_count(tmp_path):
    with pytest.raises(ConfigError) as error:
        load_splits(single_file=unbalanced_file(tmp_path), max_rows=3)
    assert "smaller than the 4 classes" in str(error.value)


@pytest.mark.parametrize("max_rows", [0, -1, 2.5, True])
def test_max_rows_invalid(tmp_path, max_rows):
    train = write_lines(tmp_path, "train.txt", TRAIN_LINES)
    with pytest.raises(ConfigError):
        load_splits(train=train, max_rows=max_rows)


# ---------------------------------------------------------------- sample_per_class


def test_sample_per_class():
    examples = make_examples({"a": 10, "b": 5, "c": 3})
    sample = sample_per_class(examples, 3, seed=1)

    assert Counter(example.label for example in sample) == {"a": 3, "b": 3, "c": 3}
    assert [example.line for example in sample] == sorted(example.line for example in sample)
    assert sample == sample_per_class(examples, 3, seed=1)
    assert sample != sample_per_class(examples, 3, seed=2)


def test_sample_per_class_too_few():
    with pytest.raises(DataError) as error:
        sample_per_class(make_examples({"a": 10, "b": 2}), 4, seed=1)

    assert error.value.value == "b"
    assert "class 'b' has 2 rows, fewer than k=4" in str(error.value)
    assert "k=2 or less" in str(error.value)


@pytest.mark.parametrize("k", [0, -2, 1.5])
def test_sample_per_class_invalid_k(k):
    with pytest.raises(ConfigError):
        sample_per_class(make_examples({"a": 2, "b": 2}), k, seed=1)


def test_sample_per_class_empty():
    with pytest.raises(DataError):
        sample_per_class([], 1, seed=1)


# ---------------------------------------------------------------- DatasetSplits


def test_summary_and_label_counts():
    splits = DatasetSplits(
        train=make_examples({"Negative": 3, "Positive": 2}),
        validation=make_examples({"Positive": 1}),
        test=[], labels=["Negative", "Positive"], normalization="NFC+tsheg:auto",
        notes=["x/train.txt: a note"], skipped=2,
    )

    assert splits.label_counts("train") == {"Negative": 3, "Positive": 2}
    assert splits.label_counts("validation") == {"Negative": 0, "Positive": 1}
    assert splits.label_counts("test") == {"Negative": 0, "Positive": 0}
    summary = splits.summary().splitlines()
    assert summary[0] == ("train 5 rows, validation 1, test 0 (2 labels, "
                          "normalization NFC+tsheg:auto)")
    assert summary[2].split() == ["Negative", "3", "0", "0"]
    assert "skipped 2 bad lines" in summary
    assert summary[-1] == "note: x/train.txt: a note"
    with pytest.raises(ValueError):
        splits.label_counts("dev")
