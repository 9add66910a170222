"""The catalogue of bad inputs: data files, templates, verbalizers and model folders.

Every case writes its files when a test runs, so no bad file is committed. A case names the
fragments that the error message must contain (the file, the line, the value) or, for
inputs that must load, has no fragments.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("Politics", "Religion")
# Tibetan syllables (with their tsheg) from which the rows are built.
SYLLABLES = {
    "Politics": ("བོད་", "ལྗོངས་", "ཆབ་", "སྲིད་", "གཞུང་", "ཚོགས་", "འདུ་", "དམངས་", "ཁྲིམས་", "སྲོལ་"),
    "Religion": ("ཆོས་", "ལུགས་", "དགོན་", "པ་", "སངས་", "རྒྱས་", "བླ་", "མ་", "མཆོད་", "རྟེན་"),
}
ROWS_PER_SPLIT = {"train": 6, "validation": 2, "test": 2}


def tibetan_text(label: str, index: int, length: int = 5) -> str:
    syllables = SYLLABLES[label]
    return "".join(syllables[(index * 3 + step) % len(syllables)] for step in range(length)).rstrip("་") + "།"


def tab_lines(split: str, labels: tuple[str, ...] = LABELS) -> list[str]:
    count = ROWS_PER_SPLIT[split]
    offset = {"train": 0, "validation": 10, "test": 20}[split]
    return [f"{label}\t{tibetan_text(label, offset + index)}" for index in range(count) for label in labels]


def tab_file(lines: list[str], line_end: str = "\n") -> bytes:
    return (line_end.join(lines) + line_end).encode("utf-8")


def good_splits() -> dict[str, bytes]:
    """A valid folder: train, validation and test files of two classes."""
    return {f"{split}.txt": tab_file(tab_lines(split)) for split in ROWS_PER_SPLIT}


def with_train(content: bytes, name: str = "train.txt") -> dict[str, bytes]:
    files = {key: value for key, value in good_splits().items() if key != "train.txt"}
    files[name] = content
    return files


def train_with_line(line: str, at: int = 3) -> dict[str, bytes]:
    """Valid splits whose training file has ``line`` as line ``at`` (1-based)."""
    lines = tab_lines("train")
    lines.insert(at - 1, line)
    return with_train(tab_file(lines))


def csv_splits(header: str, train_rows: list[str] | None, delimiter: str = ",") -> dict[str, bytes]:
    """Valid CSV splits under ``header``, whose training rows are ``train_rows`` when given."""
    files = {}
    for split in ROWS_PER_SPLIT:
        rows = [delimiter.join((text, label)) for label, text in (line.split("\t") for line in tab_lines(split))]
        if split == "train" and train_rows is not None:
            rows = train_rows
        files[f"{split}.csv"] = ("\n".join([header] + rows) + "\n").encode("utf-8")
    return files


# -- data files ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DataCase:
    """A data folder to load. ``expected`` fragments must all appear in the error message."""

    id: str
    files: Callable[[], dict[str, bytes]]
    expected: tuple[str, ...] = ()
    labels: tuple[str, ...] | None = None     # an explicit label list (the loader's labels=)
    cli: bool = True                           # also feed it to `peftt train` (failing cases only)

    @property
    def loads(self) -> bool:
        return not self.expected


def _latin1_train() -> dict[str, bytes]:
    lines = tab_lines("train")
    content = "\n".join(lines[:2]).encode("utf-8") + b"\nPolitics\tCaf\xe9 politique\n" + \
        "\n".join(lines[2:]).encode("utf-8") + b"\n"
    return with_train(content)


def _bom_crlf() -> dict[str, bytes]:
    return {f"{split}.txt": b"\xef\xbb\xbf" + tab_file(tab_lines(split), "\r\n") for split in ROWS_PER_SPLIT}


def _long_line() -> dict[str, bytes]:
    long_text = "".join(SYLLABLES["Politics"][index % 10] for index in range(12_500))  # 50,000 characters
    assert len(long_text) >= 50_000
    return train_with_line(f"Politics\t{long_text}", at=2)


def _ewts_mixed() -> dict[str, bytes]:
    lines = tab_lines("train")
    lines[1] = "Religion\tchos lugs kyi dgon pa"
    lines[4] = f"Politics\t{tibetan_text('Politics', 3)} bod ljongs"
    return with_train(tab_file(lines))


def _label_only_in_test() -> dict[str, bytes]:
    files = good_splits()
    files["test.txt"] = tab_file(tab_lines("test") + [f"Sports\t{tibetan_text('Politics', 7)}"])
    return files


def _single_class() -> dict[str, bytes]:
    return {f"{split}.txt": tab_file(tab_lines(split, ("Politics",))) for split in ROWS_PER_SPLIT}


def _duplicate_train() -> dict[str, bytes]:
    files = good_splits()
    files["train.csv"] = b"text,label\n" + tibetan_text("Politics", 1).encode() + b",Politics\n"
    return files


def _no_train() -> dict[str, bytes]:
    files = good_splits()
    del files["train.txt"]
    return files


def _bad_jsonl() -> dict[str, bytes]:
    files = {key: value for key, value in good_splits().items() if key != "train.txt"}
    rows = [json.dumps({"text": text, "label": label}, ensure_ascii=False)
            for label, text in (line.split("\t") for line in tab_lines("train"))]
    rows.insert(2, '{"text": "བོད་ལྗོངས", "label": "Politics"')
    files["train.jsonl"] = ("\n".join(rows) + "\n").encode("utf-8")
    return files


def _jsonl_wrong_keys() -> dict[str, bytes]:
    files = {key: value for key, value in good_splits().items() if key != "train.txt"}
    rows = [json.dumps({"sentence": text, "label": label}, ensure_ascii=False)
            for label, text in (line.split("\t") for line in tab_lines("train"))]
    files["train.jsonl"] = ("\n".join(rows) + "\n").encode("utf-8")
    return files


DATA_CASES = [
    DataCase("empty file", lambda: with_train(b""), ("train.txt", "empty")),
    DataCase("whitespace and BOM only", lambda: with_train(b"\xef\xbb\xbf \n\n"), ("train.txt", "empty")),
    DataCase("header-only CSV", lambda: csv_splits("text,label", []),
             ("train.csv", "line 1", "'text,label'", "no data rows")),
    DataCase("CSV with semicolons", lambda: csv_splits("text;label", None, delimiter=";"),
             ("train.csv", "line 1", "';'", "comma")),
    DataCase("line with three fields", lambda: train_with_line(f"Politics\t{tibetan_text('Politics', 1)}\textra"),
             ("train.txt", "line 3", "found 3")),
    DataCase("line without a tab", lambda: train_with_line(f"Politics {tibetan_text('Politics', 1)}"),
             ("train.txt", "line 3", "no tab", "a space")),
    DataCase("CSV row with an extra field", lambda: csv_splits("text,label", ["བོད,ལྗོངས,Politics"]),
             ("train.csv", "line 2", "3 fields", "double quotes")),
    DataCase("CSV without the label column", lambda: csv_splits("text,class", ["བོད,Politics"]),
             ("train.csv", "line 1", "'label'", "'class'")),
    DataCase("BOM and CRLF", _bom_crlf),
    DataCase("Latin-1 bytes", _latin1_train, ("train.txt", "line 3", "0xe9", "UTF-8")),
    DataCase("blank label", lambda: train_with_line(f"\t{tibetan_text('Politics', 1)}"),
             ("train.txt", "line 3", "label", "blank")),
    DataCase("blank text", lambda: train_with_line("Politics\t \u200b "), ("train.txt", "line 3", "text", "blank")),
    DataCase("label only in test", _label_only_in_test, ("test.txt", "line 5", "'Sports'", "training split")),
    DataCase("class without training rows", good_splits, ("train.txt", "'Sports'", "no training rows"),
             labels=("Politics", "Religion", "Sports"), cli=False),
    DataCase("label outside the label list", good_splits, ("train.txt", "line 2", "'Religion'", "label list"),
             labels=("Politics", "Sports"), cli=False),
    DataCase("single class", _single_class, ("train.txt", "single class", "'Politics'")),
    DataCase("50,000-character line", _long_line),
    DataCase("Tibetan mixed with EWTS", _ewts_mixed),
    DataCase("invalid JSON line", _bad_jsonl, ("train.jsonl", "line 3", "not valid JSON")),
    DataCase("JSONL without the text key", _jsonl_wrong_keys, ("train.jsonl", "line 1", "'text'", "'sentence'")),
    DataCase("two training files", _duplicate_train, ("train.csv", "train.txt", "several train files")),
    DataCase("no training file", _no_train, ("no training file", "validation.txt")),
]


# -- templates and verbalizers --------------------------------------------------------------------

VERBALIZER = {"Politics": ["ཆབ་སྲིད"], "Religion": ["ཆོས་ལུགས"]}
GOOD_TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'


@dataclass(frozen=True)
class PromptCase:
    """A template or verbalizer that must be rejected, with the fragments of the message."""

    id: str
    template: str = GOOD_TEMPLATE
    verbalizer: dict = field(default_factory=lambda: dict(VERBALIZER))
    expected: tuple[str, ...] = ()
    stage: str = "template"     # template: parse_template rejects it; verbalizer: encode_verbalizer does


TEMPLATE_CASES = [
    PromptCase("no mask", template='{"placeholder":"text_a"} འདི་ནི་ཆབ་སྲིད་ཡིན།', expected=("0 mask slots",)),
    PromptCase("two masks", template='{"placeholder":"text_a"} {"mask"} འདི་ནི་{"mask"}་ཡིན།',
               expected=("2 mask slots",)),
    PromptCase("no text slot", template='འདི་ནི་{"mask"}་ཡིན།', expected=("0 text slots", "text_a")),
    PromptCase("two text slots", template='{"placeholder":"text_a"} {"placeholder":"text_a"} {"mask"}',
               expected=("2 text slots",)),
    PromptCase("unknown placeholder", template='{"placeholder":"text_b"} འདི་ནི་{"mask"}་ཡིན།',
               expected=("'text_b'", "placeholder")),
    PromptCase("unknown key", template='{"placeholder":"text_a"} {"meta":"title"} {"mask"}',
               expected=("'meta'", "Allowed keys")),
    PromptCase("post_processing lambda",
               template='{"placeholder":"text_a", "post_processing": lambda x: __import__("os").remove("x")} '
                        '{"mask"}',
               expected=("post_processing", "never run")),
    PromptCase("unmatched brace", template='{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།}',
               expected=("unmatched brace", "'་ཡིན།}'")),
    PromptCase("brace inside a slot", template='{"placeholder":"text_a"} འདི་ནི་{"mask"་ཡིན།}',
               expected=("'{\"mask\"་ཡིན།}'", "does not parse")),
    PromptCase("slot that is not JSON", template='{placeholder: text_a} {"mask"}', expected=("does not parse",)),
    PromptCase("empty template", template="  ", expected=("empty",)),
]

VERBALIZER_CASES = [
    PromptCase("verbalizer missing a class", verbalizer={"Politics": ["ཆབ་སྲིད"]},
               expected=("Religion", "no label word"), stage="verbalizer"),
    PromptCase("verbalizer naming an unknown class", verbalizer={**VERBALIZER, "Sports": ["རྩེད་མོ"]},
               expected=("Sports", "does not have"), stage="verbalizer"),
    # The test tokenizer has byte fallback, so only the unknown token itself maps to its id.
    PromptCase("label word that is the unknown token", verbalizer={**VERBALIZER, "Religion": ["[UNK]"]},
               expected=("'[UNK]'", "Religion", "unknown token"), stage="verbalizer"),
    PromptCase("two classes with the same word", verbalizer={"Politics": ["ཆབ་སྲིད"], "Religion": ["ཆབ་སྲིད"]},
               expected=("Politics", "Religion", "same token ids"), stage="verbalizer"),
    PromptCase("class with an empty word list", verbalizer={**VERBALIZER, "Religion": [" ", "▁"]},
               expected=("Religion", "no label word"), stage="verbalizer"),
]


# -- model folders ---------------------------------------------------------------------------------

def _copy_model(source: Path, target: Path, skip: tuple[str, ...] = ()) -> None:
    target.mkdir(parents=True)
    for path in source.iterdir():
        if path.is_file() and path.name not in skip:
            shutil.copy(path, target / path.name)


def _empty(source: Path, target: Path) -> None:
    target.mkdir(parents=True)


def _without_tokenizer(source: Path, target: Path) -> None:
    _copy_model(source, target, skip=("tokenizer.json", "tokenizer_config.json", "vocab.txt"))


def _corrupt_safetensors(source: Path, target: Path) -> None:
    _copy_model(source, target)
    (target / "model.safetensors").write_bytes(os.urandom(4096))


def _truncated_safetensors(source: Path, target: Path) -> None:
    _copy_model(source, target)
    path = target / "model.safetensors"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _gpt2(source: Path, target: Path) -> None:
    _copy_model(source, target)
    config = {"model_type": "gpt2", "architectures": ["GPT2LMHeadModel"], "n_embd": 128, "n_layer": 2,
              "n_head": 2, "vocab_size": 3000}
    (target / "config.json").write_text(json.dumps(config), encoding="utf-8")


def _invalid_config(source: Path, target: Path) -> None:
    _copy_model(source, target)
    (target / "config.json").write_text('{"model_type": "bert",', encoding="utf-8")


def _no_weights(source: Path, target: Path) -> None:
    _copy_model(source, target, skip=("model.safetensors",))


def _missing(source: Path, target: Path) -> None:
    pass


@dataclass(frozen=True)
class ModelCase:
    id: str
    build: Callable[[Path, Path], None]     # (tiny model folder, target folder)
    expected: tuple[str, ...]
    fails_at: str = "inspect"               # inspect: inspect_model_folder; load: loading the weights


MODEL_CASES = [
    ModelCase("model folder missing", _missing, ("does not exist",)),
    ModelCase("model folder empty", _empty, ("no config.json",)),
    ModelCase("model folder without tokenizer", _without_tokenizer, ("no tokenizer files",)),
    ModelCase("model folder without weights", _no_weights, ("no weights", "model.safetensors")),
    ModelCase("invalid config.json", _invalid_config, ("config.json", "not valid JSON")),
    ModelCase("GPT-2 config", _gpt2, ("'gpt2'", "not supported")),
    ModelCase("corrupt safetensors", _corrupt_safetensors, ("model.safetensors", "corrupt"), fails_at="load"),
    ModelCase("truncated safetensors", _truncated_safetensors, ("model.safetensors", "corrupt"), fails_at="load"),
]
