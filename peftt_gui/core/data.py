"""Loaders for classification data: ``Label<TAB>text``, CSV and JSONL files.

``load_splits`` reads a folder with train/validation/test files, three explicit files or
one file that it splits stratified. It normalizes every text and label with the project's
``Normalizer``, fixes the label list, and records per-file fingerprints and notes in
``DatasetSplits``. Every problem in a file raises ``DataError`` naming the file, the line
and the value, unless ``skip_bad_lines=True`` turns malformed lines into counted skips.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import math
import random
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from peftt_gui.core.errors import ConfigError, DataError, display_path, short_value
from peftt_gui.core.normalize import Normalizer, default_normalizer

logger = logging.getLogger(__name__)

SPLIT_NAMES = ("train", "validation", "test")
# File stems that a data folder may use for each split, matched case-insensitively.
SPLIT_FILE_STEMS = {
    "train": ("train",),
    "validation": ("validation", "valid", "dev", "val"),
    "test": ("test",),
}
TAB_EXTENSIONS = (".txt", ".tsv")
CSV_EXTENSIONS = (".csv",)
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
SUPPORTED_EXTENSIONS = TAB_EXTENSIONS + CSV_EXTENSIONS + JSONL_EXTENSIONS

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Latin letters in a Tibetan text are usually EWTS (Wylie) transliteration or English.
_LATIN_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Example:
    """One labelled text, located by ``path`` and the 1-based ``line`` in its source file."""

    text: str
    label: str
    path: str
    line: int


@dataclass
class DatasetSplits:
    """The train, validation and test examples of one dataset, with how they were read.

    ``labels`` is the fixed class order (index = class id). ``fingerprints`` maps each
    file's absolute path to the first 16 hex digits of the SHA-256 of its bytes.
    ``normalization`` is the normalizer's mode string, and ``skipped`` counts the bad
    lines dropped under ``skip_bad_lines=True``.
    """

    train: list[Example]
    validation: list[Example]
    test: list[Example]
    labels: list[str]
    fingerprints: dict[str, str] = field(default_factory=dict)
    normalization: str = ""
    notes: list[str] = field(default_factory=list)
    skipped: int = 0

    def split(self, name: str) -> list[Example]:
        """Return the examples of the split called ``name`` (train, validation or test)."""
        if name not in SPLIT_NAMES:
            raise ValueError(f"unknown split {name!r}. Use one of {', '.join(SPLIT_NAMES)}")
        return getattr(self, name)

    def label_counts(self, split: str) -> dict[str, int]:
        """Count the rows per label of one split, in ``labels`` order, zeros included."""
        counts = Counter(example.label for example in self.split(split))
        return {label: counts.get(label, 0) for label in self.labels}

    def summary(self) -> str:
        """Describe the splits, the rows per label, the skipped lines and the notes."""
        lines = [
            f"train {len(self.train)} rows, validation {len(self.validation)}, "
            f"test {len(self.test)} ({len(self.labels)} labels, "
            f"normalization {self.normalization})"
        ]

        counts = {name: self.label_counts(name) for name in SPLIT_NAMES}
        width = max([len("label")] + [len(label) for label in self.labels])
        lines.append(f"  {'label':<{width}}  {'train':>7}  {'validation':>10}  {'test':>7}")
        for label in self.labels:
            lines.append(
                f"  {label:<{width}}  {counts['train'][label]:>7}  "
                f"{counts['validation'][label]:>10}  {counts['test'][label]:>7}"
            )

        if self.skipped:
            lines.append(f"skipped {self.skipped} bad lines")
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)


@dataclass
class LoadedFile:
    """The examples read from one file, with its fingerprint and what the reader noticed."""

    path: Path
    examples: list[Example]
    fingerprint: str
    notes: list[str]
    skipped: int


@dataclass(frozen=True)
class _Row:
    line: int
    label: str
    text: str


class _BadLines:
    """Raise DataError for a bad line, or count it when ``skip`` is set.

    ``first`` describes the skipped line with the lowest number. Lines are checked in two
    passes (parsing, then normalization), so the order of reports is not the line order.
    """

    def __init__(self, path: Path, skip: bool):
        self.path = path
        self.skip = skip
        self.count = 0
        self.first: str | None = None
        self._first_line = 0

    def report(self, message: str, *, line: int, value: str) -> None:
        if not self.skip:
            raise DataError(message, path=self.path, line=line, value=value)
        self.count += 1
        if self.first is None or line < self._first_line:
            self.first = f"line {line}: {message}"
            self._first_line = line


# ---------------------------------------------------------------- reading one file


def read_examples(path: str | Path, *, normalizer: Normalizer | None = None,
                  skip_bad_lines: bool = False, text_column: str = "text",
                  label_column: str = "label") -> LoadedFile:
    """Read and normalize one data file, in the format given by its extension or content.

    ``.txt`` and ``.tsv`` files contain ``Label<TAB>text`` lines, unless their first line is a
    tab-separated header naming ``text_column`` and ``label_column``. ``.csv`` files need
    such a header. ``.jsonl`` and ``.ndjson`` files contain one JSON object per line with
    those two keys. Other extensions are recognized by their first line. Blank lines are
    ignored and counted in a note.

    With ``restore_tsheg="auto"``, the normalizer's ``is_space_separated`` decides once
    for the whole file whether spaces between syllables become tshegs.
    """
    normalizer = normalizer or default_normalizer()
    path = Path(path).expanduser().resolve()
    name = _display_name(path)

    data = _read_bytes(path)
    text = _decode_utf8(data, path)
    if not text.strip():
        raise DataError("the file is empty (no text, only whitespace or a byte order mark). "
                        "Choose the file that contains the data.", path=path, value="")

    bad_lines = _BadLines(path, skip_bad_lines)
    rows, blank_lines = _parse_rows(path, text, bad_lines, text_column, label_column)
    restore_tsheg, notes = _decide_tsheg_restoration(normalizer, rows, name)
    examples = _normalize_rows(rows, path, normalizer, restore_tsheg, bad_lines)

    if blank_lines:
        notes.append(f"{name}: ignored {blank_lines} blank lines")
    notes.extend(_latin_letter_note(examples, name))
    if bad_lines.count:
        notes.append(f"{name}: skipped {bad_lines.count} bad lines (skip_bad_lines=True), "
                     f"the first at {bad_lines.first}")
        logger.warning("%s: skipped %d bad lines, the first at %s",
                       display_path(path), bad_lines.count, bad_lines.first)
    if not examples:
        raise DataError(
            f"none of the lines could be read ({bad_lines.count} bad lines skipped). "
            f"The first problem is at {bad_lines.first}.",
            path=path, value="",
        )

    fingerprint = hashlib.sha256(data).hexdigest()[:16]
    return LoadedFile(path, examples, fingerprint, notes, bad_lines.count)


def _latin_letter_note(examples: list[Example], name: str) -> list[str]:
    """Note how many rows contain Latin letters, which the normalizer keeps unchanged."""
    latin = [example for example in examples if _LATIN_LETTER.search(example.text)]
    if not latin:
        return []
    return [f"{name}: {len(latin)} of {len(examples)} rows contain Latin letters (the first at line "
            f"{latin[0].line}). EWTS transliteration is not converted to Tibetan script, so the model sees "
            "those rows in Latin letters."]


def _display_name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise DataError("this is a folder, not a data file. Choose a .txt, .tsv, .csv or "
                        ".jsonl file, or pass the folder as folder=.",
                        path=path, value=str(path))
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError("file not found. Check the path or choose the file again.",
                        path=path, value=str(path)) from None
    except PermissionError:
        raise DataError("permission denied while reading the file. Make it readable for "
                        "your user.", path=path, value=str(path)) from None


def _decode_utf8(data: bytes, path: Path) -> str:
    """Decode ``data`` as UTF-8, dropping a leading byte order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start
        line = data.count(b"\n", 0, offset) + 1
        byte = data[offset:offset + 1].hex()
        raise DataError(
            f"the file is not valid UTF-8: byte 0x{byte} at byte offset {offset} cannot be "
            "decoded. Open the file in a text editor and save it again with the UTF-8 "
            "encoding.",
            path=path, line=line, value=f"0x{byte}",
        ) from None


def _parse_rows(path: Path, text: str, bad_lines: _BadLines, text_column: str,
                label_column: str) -> tuple[list[_Row], int]:
    """Parse ``text`` in the file's format and return its rows and the blank line count."""
    lines = _LINE_BREAK.split(text)
    first_number = next(number for number, line in enumerate(lines, 1) if line.strip())
    first_line = lines[first_number - 1]
    extension = path.suffix.lower()
    header_fields = [name.strip() for name in first_line.split("\t")]
    has_tab_header = text_column in header_fields and label_column in header_fields

    if extension in JSONL_EXTENSIONS:
        return _parse_jsonl(text, bad_lines, text_column, label_column)
    if extension in CSV_EXTENSIONS:
        return _parse_csv(path, text, ",", bad_lines, text_column, label_column)
    if extension in TAB_EXTENSIONS:
        if has_tab_header:
            return _parse_csv(path, text, "\t", bad_lines, text_column, label_column)
        return _parse_label_tab_text(text, bad_lines)

    # Unknown extension: recognize the format by the first line.
    stripped = first_line.lstrip()
    if stripped.startswith("{"):
        return _parse_jsonl(text, bad_lines, text_column, label_column)
    if "\t" in first_line:
        if has_tab_header:
            return _parse_csv(path, text, "\t", bad_lines, text_column, label_column)
        return _parse_label_tab_text(text, bad_lines)
    if "," in first_line:
        return _parse_csv(path, text, ",", bad_lines, text_column, label_column)
    raise DataError(
        f"cannot tell the format of a {extension or 'extensionless'} file from its first "
        f"line {short_value(first_line)}. Use Label<TAB>text lines (.txt or .tsv), CSV with "
        "a header (.csv) or JSON Lines (.jsonl).",
        path=path, line=first_number, value=first_line,
    )


def _parse_label_tab_text(text: str, bad_lines: _BadLines) -> tuple[list[_Row], int]:
    rows: list[_Row] = []
    blank_lines = 0
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if not line.strip():
            blank_lines += 1
            continue

        fields = line.split("\t")
        if len(fields) != 2:
            bad_lines.report(_describe_field_count(line, len(fields)), line=number,
                             value=line)
            continue
        rows.append(_Row(number, fields[0], fields[1]))

    # The last line usually ends with a line break, which leaves one empty piece.
    if text.endswith(("\n", "\r")):
        blank_lines -= 1
    return rows, blank_lines


def _describe_field_count(line: str, field_count: int) -> str:
    """Explain why a ``Label<TAB>text`` line does not split into two fields."""
    if field_count > 2:
        return (f"expected 2 tab-separated fields (label, text) but found {field_count} in "
                f"{short_value(line)}. Remove the extra tabs from the text, or use a CSV "
                "file with quoted fields.")

    # The delimiter that occurs first most likely ends the label.
    candidates = {",": "a comma", ";": "a semicolon", "|": "a vertical bar", " ": "a space"}
    found = [character for character in candidates if character in line]
    message = f"expected 'label<TAB>text' but the line {short_value(line)} contains no tab."
    if not found:
        return message + " Put a tab between the label and the text."
    delimiter = candidates[min(found, key=line.index)]
    return (f"{message} The first field seems to end at {delimiter}. Separate label and "
            "text with one tab, or save the file as .csv with a header row naming the text "
            "and label columns.")


def _parse_csv(path: Path, text: str, delimiter: str, bad_lines: _BadLines,
               text_column: str, label_column: str) -> tuple[list[_Row], int]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = _csv_records(path, reader)
    blank_lines = 0

    # The header is the first non-empty record.
    header: list[str] | None = None
    header_line = 1
    for header_line, record in records:
        if any(value.strip() for value in record):
            header = [name.strip() for name in record]
            break
        blank_lines += 1
    if header is None:
        raise DataError("the file is empty. Choose the file that contains the data.",
                        path=path, value="")
    text_index, label_index = _csv_column_indexes(path, header, header_line, text_column,
                                                  label_column)

    rows: list[_Row] = []
    for number, record in records:
        if not any(value.strip() for value in record):
            blank_lines += 1
            continue
        if len(record) != len(header):
            row_text = delimiter.join(record)
            bad_lines.report(
                f"the row {short_value(row_text)} has {len(record)} fields but the header "
                f"has {len(header)}. Put double quotes around fields that contain the "
                f"delimiter {_delimiter_name(delimiter)}.",
                line=number, value=row_text,
            )
            continue
        rows.append(_Row(number, record[label_index], record[text_index]))

    if not rows and not bad_lines.count:
        header_text = delimiter.join(header)
        raise DataError(f"the file contains the header row {short_value(header_text)} but "
                        "no data rows. Add rows below the header.",
                        path=path, line=header_line, value=header_text)
    return rows, blank_lines


def _csv_records(path: Path, reader) -> Iterator[tuple[int, list[str]]]:
    """Yield each CSV record with the line number it starts on."""
    while True:
        start_line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise DataError(f"the CSV file does not parse: {error}. Check the quoting "
                            "near this line.", path=path, line=reader.line_num,
                            value=str(error)) from None
        yield start_line, record


def _csv_column_indexes(path: Path, header: list[str], header_line: int,
                        text_column: str, label_column: str) -> tuple[int, int]:
    missing = [name for name in (text_column, label_column) if name not in header]
    other_delimiter = next((mark for mark in (";", "\t", "|") if len(header) == 1 and mark in header[0]), None)
    if missing and other_delimiter is not None:
        raise DataError(
            f"the header {short_value(header[0])} is one field, because the file is separated by "
            f"{_delimiter_name(other_delimiter)} but a .csv file is read as comma-separated. Save it "
            "with commas between fields, or as tab-separated .tsv with the same header.",
            path=path, line=header_line, value=header[0],
        )
    if missing:
        found = ", ".join(repr(name) for name in header)
        raise DataError(
            f"the header has no column {' or '.join(repr(name) for name in missing)}. The "
            f"columns found are {found}. Pass text_column= and label_column= with the "
            "right names, or rename the columns.",
            path=path, line=header_line, value=", ".join(missing),
        )
    return header.index(text_column), header.index(label_column)


def _delimiter_name(delimiter: str) -> str:
    return "(tab)" if delimiter == "\t" else repr(delimiter)


def _parse_jsonl(text: str, bad_lines: _BadLines, text_column: str,
                 label_column: str) -> tuple[list[_Row], int]:
    rows: list[_Row] = []
    blank_lines = 0
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if not line.strip():
            blank_lines += 1
            continue
        row = _parse_json_object(line, number, bad_lines, text_column, label_column)
        if row is not None:
            rows.append(row)

    if text.endswith(("\n", "\r")):
        blank_lines -= 1
    return rows, blank_lines


def _parse_json_object(line: str, number: int, bad_lines: _BadLines, text_column: str,
                       label_column: str) -> _Row | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        bad_lines.report(f"the line {short_value(line)} is not valid JSON ({error.msg} at "
                         f"column {error.colno}). Each line must be one JSON object.",
                         line=number, value=line)
        return None
    if not isinstance(record, dict):
        bad_lines.report(f"expected a JSON object with {text_column!r} and {label_column!r} "
                         f"keys, found the {type(record).__name__} {short_value(line)}.",
                         line=number, value=line)
        return None

    missing = [key for key in (text_column, label_column) if key not in record]
    if missing:
        found = ", ".join(repr(key) for key in record) or "none"
        bad_lines.report(f"the object has no {' or '.join(repr(key) for key in missing)} "
                         f"key. Its keys are {found}. Pass text_column= and label_column= "
                         "with the right names.", line=number, value=line)
        return None

    text, label = record[text_column], record[label_column]
    if isinstance(label, int) and not isinstance(label, bool):
        label = str(label)
    if not isinstance(text, str) or not isinstance(label, str):
        bad_lines.report(f"{text_column!r} must be a string and {label_column!r} a string or "
                         f"an integer, in {short_value(line)}.", line=number, value=line)
        return None
    return _Row(number, label, text)


def _decide_tsheg_restoration(normalizer: Normalizer, rows: list[_Row],
                              name: str) -> tuple[bool, list[str]]:
    """Return whether to restore the tsheg in this file, with a note on the decision."""
    setting = normalizer.config.restore_tsheg
    space_separated = normalizer.is_space_separated(row.text for row in rows)

    if setting == "always":
        return True, [f"{name}: restored the tsheg between syllables (restore_tsheg=always)"]
    if setting == "never":
        if space_separated:
            return False, [f"{name}: syllables are separated by spaces, but restore_tsheg="
                           "never keeps the spaces"]
        return False, []
    if space_separated:
        return True, [f"{name}: syllables are separated by spaces, so the tsheg was restored"]
    return False, [f"{name}: syllables are separated by the tsheg, so the text was kept"]


def _normalize_rows(rows: list[_Row], path: Path, normalizer: Normalizer,
                    restore_tsheg: bool, bad_lines: _BadLines) -> list[Example]:
    examples = []
    for row in rows:
        label = normalizer.normalize(row.label, restore_tsheg=False)
        text = normalizer.normalize(row.text, restore_tsheg=restore_tsheg)

        if not label:
            bad_lines.report(f"the label {short_value(row.label)} is blank after "
                             "normalization. Write the class name in the label field.",
                             line=row.line, value=row.label)
            continue
        if not text:
            bad_lines.report(f"the text {short_value(row.text)} of label {label!r} is blank "
                             "after normalization. Add the text or remove the line.",
                             line=row.line, value=row.text)
            continue
        examples.append(Example(text, label, str(path), row.line))
    return examples


# ---------------------------------------------------------------- the splits


def load_splits(*, folder: str | Path | None = None, train: str | Path | None = None,
                validation: str | Path | None = None, test: str | Path | None = None,
                single_file: str | Path | None = None,
                split_ratios: Sequence[float] = (0.8, 0.1, 0.1), seed: int = 13,
                normalizer: Normalizer | None = None, skip_bad_lines: bool = False,
                labels: Sequence[str] | None = None, text_column: str = "text",
                label_column: str = "label", max_rows: int | None = None) -> DatasetSplits:
    """Load, normalize and check the train, validation and test splits of a dataset.

    Give exactly one source. ``folder`` contains a train file and optionally validation (or
    dev, valid, val) and test files, in any supported format. ``train`` with optional
    ``validation`` and ``test`` names the files. ``single_file`` is split stratified by
    ``split_ratios`` with ``seed``, and every class keeps at least one training row.
    A missing validation or test file gives an empty split and a note.

    The label list is ``labels`` when given (its order is kept, so a trained model's
    class ids stay valid). Otherwise it is the sorted set of training labels, which does
    not depend on row order. Every validation and test label must occur in training.

    ``max_rows`` caps each split at that many rows for quick runs and tests. The rows are
    a stratified sample drawn with ``seed``, and they keep their file order. Every class
    keeps at least one training row, so ``max_rows`` must be at least the class count.

    Raises DataError for a file or row problem and ConfigError for an invalid argument.
    """
    # A form field left empty arrives as "", which means the source is not given.
    sources = (folder, train, validation, test, single_file)
    folder, train, validation, test, single_file = (
        None if source == "" else source for source in sources)
    normalizer = normalizer or default_normalizer()
    read = dict(normalizer=normalizer, skip_bad_lines=skip_bad_lines,
                text_column=text_column, label_column=label_column)
    _check_max_rows(max_rows)

    # Read the files.
    notes: list[str] = []
    if single_file is not None:
        _check_sources(folder, train, validation, test, single_file)
        _check_split_ratios(split_ratios)
        loaded = {"train": read_examples(single_file, **read)}
        splits = _split_stratified(loaded["train"].examples, split_ratios, seed)
        notes.append(f"{_display_name(loaded['train'].path)}: split {len(splits[0])}/"
                     f"{len(splits[1])}/{len(splits[2])} stratified by label "
                     f"(ratios {tuple(split_ratios)}, seed {seed})")
    else:
        paths = _split_paths(folder, train, validation, test, single_file, notes)
        loaded = {name: read_examples(path, **read) for name, path in paths.items()
                  if path is not None}
        splits = tuple(loaded[name].examples if name in loaded else []
                       for name in SPLIT_NAMES)
    train_rows, validation_rows, test_rows = splits
    for file in loaded.values():
        notes.extend(file.notes)

    # Fix the label list and check every split against it.
    train_path = loaded["train"].path
    label_list = _fix_labels(train_rows, labels, normalizer, train_path)
    _check_labels_known(validation_rows, label_list, train_path, labels is not None)
    _check_labels_known(test_rows, label_list, train_path, labels is not None)

    # Cap the splits for quick runs.
    if max_rows is not None:
        train_rows = _cap_split(train_rows, max_rows, seed, "train", notes, label_list)
        validation_rows = _cap_split(validation_rows, max_rows, seed, "validation", notes)
        test_rows = _cap_split(test_rows, max_rows, seed, "test", notes)

    result = DatasetSplits(
        train=list(train_rows), validation=list(validation_rows), test=list(test_rows),
        labels=label_list,
        fingerprints={str(file.path): file.fingerprint for file in loaded.values()},
        normalization=normalizer.mode, notes=notes,
        skipped=sum(file.skipped for file in loaded.values()),
    )
    logger.info("loaded %d/%d/%d rows with %d labels from %s", len(result.train),
                len(result.validation), len(result.test), len(label_list), display_path(train_path))
    return result


def _check_sources(folder, train, validation, test, single_file) -> None:
    """Raise ConfigError unless exactly one data source is given."""
    sources = [name for name, value in (("folder", folder), ("train", train),
                                        ("single_file", single_file)) if value is not None]
    if len(sources) != 1:
        raise ConfigError(
            "give exactly one data source (folder=, train= with optional validation= and "
            f"test=, or single_file=), got {', '.join(sources) or 'none'}.",
            field=sources[-1] if sources else "folder",
        )
    if train is None and (validation is not None or test is not None):
        raise ConfigError("validation= and test= go with train=, because a folder or a "
                          "single file provides its own splits.", field="validation")


def _split_paths(folder, train, validation, test, single_file,
                 notes: list[str]) -> dict[str, Path | None]:
    """Return the file of each split, from the folder or from the explicit arguments."""
    _check_sources(folder, train, validation, test, single_file)
    if folder is None:
        return {"train": Path(train),
                "validation": None if validation is None else Path(validation),
                "test": None if test is None else Path(test)}

    folder = Path(folder).expanduser().resolve()
    if not folder.is_dir():
        raise DataError("folder not found. Choose the folder that contains train.txt (or "
                        "train.csv, train.jsonl) and optionally validation and test files.",
                        path=folder, value=str(folder))
    files = sorted(path for path in folder.iterdir()
                   if path.is_file() and path.suffix.lower() in SUPPORTED_EXTENSIONS)

    paths: dict[str, Path | None] = {}
    for split, stems in SPLIT_FILE_STEMS.items():
        matches = [path for path in files if path.stem.lower() in stems]
        if len(matches) > 1:
            raise DataError(f"the folder has several {split} files "
                            f"({', '.join(path.name for path in matches)}). Keep one.",
                            path=folder, value=matches[0].name)
        paths[split] = matches[0] if matches else None

    if paths["train"] is None:
        found = ", ".join(path.name for path in files) or "no data files"
        raise DataError(f"the folder has no training file. Expected train.txt, train.tsv, "
                        f"train.csv or train.jsonl, found {found}.",
                        path=folder, value=found)
    for split in ("validation", "test"):
        if paths[split] is None:
            notes.append(f"{folder.name}: no {split} file, so the {split} split is empty")
    return paths


def _fix_labels(train_rows: list[Example], labels: Sequence[str] | None,
                normalizer: Normalizer, train_path: Path) -> list[str]:
    """Return the class order, checking it against the training rows."""
    train_labels = Counter(example.label for example in train_rows)

    if labels is None:
        label_list = sorted(train_labels)
    else:
        label_list = _normalize_label_list(labels, normalizer)
        for example in train_rows:
            if example.label not in label_list:
                raise DataError(
                    f"label {example.label!r} is not in the label list given as labels= "
                    f"({', '.join(label_list)}). Add it to the list or fix the row.",
                    path=example.path, line=example.line, value=example.label,
                )
        for label in label_list:
            if label not in train_labels:
                raise DataError(
                    f"class {label!r} from labels= has no training rows. Add training rows "
                    "with this label, or remove it from the label list.",
                    path=train_path, value=label,
                )

    if len(label_list) < 2:
        only = label_list[0] if label_list else ""
        raise DataError(
            f"the training split has a single class, {only!r}, but classification needs "
            "at least two. Check that the label field is the right column.",
            path=train_path, value=only,
        )
    return label_list


def _normalize_label_list(labels: Sequence[str], normalizer: Normalizer) -> list[str]:
    if isinstance(labels, str):
        raise ConfigError("labels= must be a list of class names, not one string.",
                          field="labels")
    label_list = [normalizer.normalize(label, restore_tsheg=False) for label in labels]
    repeated = [label for label, count in Counter(label_list).items() if count > 1]
    if repeated or "" in label_list:
        raise ConfigError(f"labels= must list distinct, non-blank class names, but "
                          f"{repeated[0] if repeated else ''!r} is repeated or blank.",
                          field="labels")
    return label_list


def _check_labels_known(rows: list[Example], label_list: list[str], train_path: Path,
                        labels_given: bool) -> None:
    known = set(label_list)
    for example in rows:
        if example.label in known:
            continue
        where = ("the label list given as labels=" if labels_given
                 else f"the training split ({_display_name(train_path)})")
        raise DataError(
            f"label {example.label!r} does not occur in {where}, so the model cannot "
            "predict it. Add training rows with this label, or fix or remove this row.",
            path=example.path, line=example.line, value=example.label,
        )


def _check_max_rows(max_rows: int | None) -> None:
    if max_rows is None:
        return
    if isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 1:
        raise ConfigError(f"max_rows must be a positive integer or None, got {max_rows!r}.",
                          field="max_rows")


# ---------------------------------------------------------------- stratified sampling


def _group_indexes(examples: Sequence[Example]) -> dict[str, list[int]]:
    """Return the indexes of ``examples`` per label, labels in sorted order."""
    groups: dict[str, list[int]] = {}
    for index, example in enumerate(examples):
        groups.setdefault(example.label, []).append(index)
    return {label: groups[label] for label in sorted(groups)}


def _split_stratified(examples: list[Example], ratios: Sequence[float],
                      seed: int) -> tuple[list[Example], list[Example], list[Example]]:
    """Split ``examples`` into train, validation and test per label, reproducibly."""
    train_ratio, validation_ratio, test_ratio = _check_split_ratios(ratios)
    rng = random.Random(seed)
    chosen: tuple[list[int], list[int], list[int]] = ([], [], [])

    for indexes in _group_indexes(examples).values():
        indexes = indexes[:]
        rng.shuffle(indexes)
        count = len(indexes)
        validation_count = math.floor(count * validation_ratio + 0.5)
        test_count = math.floor(count * test_ratio + 0.5)

        # Every class keeps a training row; take it from test first, then validation.
        while count - validation_count - test_count < 1:
            if test_count:
                test_count -= 1
            else:
                validation_count -= 1

        chosen[1].extend(indexes[:validation_count])
        chosen[2].extend(indexes[validation_count:validation_count + test_count])
        chosen[0].extend(indexes[validation_count + test_count:])

    train, validation, test = ([examples[i] for i in sorted(part)] for part in chosen)
    return train, validation, test


def _check_split_ratios(ratios: Sequence[float]) -> tuple[float, float, float]:
    values = tuple(float(ratio) for ratio in ratios)
    valid = (len(values) == 3 and all(0 <= ratio <= 1 for ratio in values)
             and values[0] > 0 and math.isclose(sum(values), 1.0, abs_tol=1e-6))
    if not valid:
        raise ConfigError(
            f"split_ratios must be three fractions (train, validation, test) that sum to 1, "
            f"with train above 0, such as (0.8, 0.1, 0.1). Got {tuple(ratios)!r}.",
            field="split_ratios",
        )
    return values


def _allocate(group_sizes: dict[str, int], total: int, at_least_one: bool) -> dict[str, int]:
    """Share ``total`` rows among groups in proportion to their sizes.

    Uses the largest remainder, so the shares add up to ``total`` exactly. With
    ``at_least_one``, every group gets a row, taken from the largest shares.
    """
    size_sum = sum(group_sizes.values())
    quotas = {label: total * size / size_sum for label, size in group_sizes.items()}
    shares = {label: math.floor(quota) for label, quota in quotas.items()}
    by_remainder = sorted(quotas, key=lambda label: (shares[label] - quotas[label], label))
    for label in by_remainder[:total - sum(shares.values())]:
        shares[label] += 1

    if at_least_one:
        for label in [label for label, share in shares.items() if share == 0]:
            largest = max(shares, key=lambda other: (shares[other], other))
            shares[largest] -= 1
            shares[label] = 1
    return shares


def _cap_split(rows: list[Example], max_rows: int, seed: int, split: str,
               notes: list[str], label_list: list[str] | None = None) -> list[Example]:
    """Return a stratified sample of at most ``max_rows`` rows, in file order.

    With ``label_list`` (the training split), every class keeps at least one row.
    """
    if len(rows) <= max_rows:
        return rows
    if label_list is not None and max_rows < len(label_list):
        raise ConfigError(
            f"max_rows={max_rows} is smaller than the {len(label_list)} classes, but the "
            f"training split needs a row per class. Use max_rows={len(label_list)} or more.",
            field="max_rows",
        )

    groups = _group_indexes(rows)
    shares = _allocate({label: len(indexes) for label, indexes in groups.items()},
                       max_rows, at_least_one=label_list is not None)
    rng = random.Random(seed)
    chosen = []
    for label, indexes in groups.items():
        chosen.extend(rng.sample(indexes, shares[label]))

    notes.append(f"max_rows={max_rows}: kept a stratified sample of {max_rows} of "
                 f"{len(rows)} {split} rows")
    return [rows[index] for index in sorted(chosen)]


def sample_per_class(examples: Sequence[Example], k: int, seed: int) -> list[Example]:
    """Return ``k`` examples of each label for few-shot runs, drawn with ``seed``.

    The result keeps the order of ``examples``. A class with fewer than ``k`` rows raises
    DataError rather than giving fewer shots, because runs with unequal shots per class
    would not be comparable with published k-shot results.
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ConfigError(f"k (examples per class) must be a positive integer, got {k!r}.",
                          field="k")
    if not examples:
        raise DataError("there are no examples to sample from.", value="")

    groups = _group_indexes(examples)
    for label, indexes in groups.items():
        if len(indexes) < k:
            smallest = min(len(group) for group in groups.values())
            raise DataError(
                f"class {label!r} has {len(indexes)} rows, fewer than k={k}. Use k={smallest} "
                "or less, or add rows for this class.",
                path=examples[indexes[0]].path, value=label,
            )

    rng = random.Random(seed)
    chosen = []
    for indexes in groups.values():
        chosen.extend(rng.sample(indexes, k))
    return [examples[index] for index in sorted(chosen)]
