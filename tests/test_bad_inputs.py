"""Every bad input gets a clear error message, and nothing unsafe is loaded.

Each case of ``bad_inputs/cases.py`` is generated into a temporary folder and fed to the
engine function that reads it and to ``peftt train``. The engine raises a ``PefttError``
whose message names the file and line or the value. The command prints that message as one
line on stderr and exits with code 2, without a traceback.
"""

from __future__ import annotations

import ast
import builtins
import errno
import json
import os
from pathlib import Path

import pytest
import torch
from bad_inputs.cases import (
    DATA_CASES,
    GOOD_TEMPLATE,
    LABELS,
    MODEL_CASES,
    TEMPLATE_CASES,
    VERBALIZER,
    VERBALIZER_CASES,
    good_splits,
)

from peftt_gui.cli import main
from peftt_gui.core import runner
from peftt_gui.core.config import RunConfig
from peftt_gui.core.data import load_splits
from peftt_gui.core.errors import (
    ConfigError,
    DataError,
    ModelError,
    PefttError,
    ResourceError,
    TemplateError,
    VerbalizerError,
    display_path,
)
from peftt_gui.core.models import inspect_model_folder, load_masked_lm, load_tokenizer
from peftt_gui.core.normalize import Normalizer
from peftt_gui.core.template import parse_template
from peftt_gui.core.verbalizer import Verbalizer, encode_verbalizer

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "peftt_gui"
PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt")


def write_files(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return folder


def run_peftt(capsys, *arguments: str) -> tuple[int, list[str]]:
    """Run the command line in this process; return its exit code and its non-empty stderr lines."""
    code = main([str(argument) for argument in arguments])
    stderr = capsys.readouterr().err
    return code, [line for line in stderr.splitlines() if line.strip()]


def assert_error_line(code: int, lines: list[str], expected, *, only_line: bool = True) -> str:
    """Assert exit code 2 and one ``peftt: error:`` line, the last, containing every fragment."""
    text = "\n".join(lines)
    assert code == 2, text
    assert "Traceback" not in text
    errors = [line for line in lines if line.startswith("peftt:")]
    assert len(errors) == 1, text
    assert lines[-1] == errors[0]
    assert errors[0].startswith("peftt: error: ")
    if only_line:
        assert len(lines) == 1, text
    for fragment in expected:
        assert fragment in errors[0]
    return errors[0]


def assert_fragments(error: BaseException, expected) -> None:
    message = str(error)
    for fragment in expected:
        assert fragment in message


def train_arguments(model_dir, data_dir, output_dir, *extra: str) -> list[str]:
    return ["train", "--no-history", "--model", model_dir, "--data", data_dir, "--output-dir", output_dir,
            "--epochs", "1", *extra]


@pytest.fixture
def good_data(tmp_path) -> Path:
    return write_files(tmp_path / "good-data", good_splits())


# -- data files ------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", DATA_CASES, ids=lambda case: case.id)
def test_data_case_in_loader(case, tmp_path):
    folder = write_files(tmp_path / "data", case.files())
    if case.loads:
        splits = load_splits(folder=folder, labels=case.labels)
        assert splits.labels == list(LABELS)
        return
    with pytest.raises((DataError, ConfigError)) as error:
        load_splits(folder=folder, labels=case.labels)
    assert_fragments(error.value, case.expected)


@pytest.mark.parametrize("case", [case for case in DATA_CASES if case.cli and not case.loads],
                         ids=lambda case: case.id)
def test_data_case_in_cli(case, tmp_path, tiny_model_dir, capsys):
    folder = write_files(tmp_path / "data", case.files())
    code, lines = run_peftt(capsys, *train_arguments(tiny_model_dir, folder, tmp_path / "runs"))
    assert_error_line(code, lines, case.expected)


def test_bom_and_crlf_leave_no_marks(tmp_path):
    case = next(case for case in DATA_CASES if case.id == "BOM and CRLF")
    splits = load_splits(folder=write_files(tmp_path / "data", case.files()))
    rows = splits.train + splits.validation + splits.test
    assert len(rows) == 20
    assert all("\r" not in row.text and "\ufeff" not in row.text for row in rows)
    assert {row.label for row in rows} == set(LABELS)
    assert [row.line for row in splits.train[:2]] == [1, 2]


def test_long_line_truncation_reported(tmp_path, tiny_model_dir):
    case = next(case for case in DATA_CASES if case.id == "50,000-character line")
    folder = write_files(tmp_path / "data", case.files())
    splits = load_splits(folder=folder)
    assert max(len(row.text) for row in splits.train) >= 50_000

    config = RunConfig(model_path=str(tiny_model_dir), method="finetune", data={"folder": str(folder)},
                       training={"max_length": 64})
    prepared = runner.prepare_run(config)
    assert prepared.truncated == {"train": 1, "validation": 0, "test": 0}
    assert "Rows shortened to max length 64: train 1, validation 0, test 0." in prepared.notes
    assert max(len(ids) for ids in prepared.encoded["train"].input_ids) == 64


def test_ewts_rows_load_with_a_note(tmp_path):
    case = next(case for case in DATA_CASES if case.id == "Tibetan mixed with EWTS")
    splits = load_splits(folder=write_files(tmp_path / "data", case.files()))
    assert splits.train[1].text == "chos lugs kyi dgon pa"
    notes = [note for note in splits.notes if "Latin letters" in note]
    assert len(notes) == 1
    assert "train.txt: 2 of 12 rows" in notes[0]
    assert "line 2" in notes[0]
    assert "EWTS" in notes[0]


def test_real_data_has_no_latin_note(tncc_dir):
    assert not [note for note in load_splits(folder=tncc_dir).notes if "Latin letters" in note]


# -- templates and verbalizers --------------------------------------------------------------------

@pytest.fixture
def no_eval(monkeypatch):
    """Fail the test if anything calls eval or exec while it runs."""
    calls = []

    def forbidden(name):
        def call(*args, **kwargs):
            calls.append(name)
            raise AssertionError(f"{name} was called")
        return call

    for name in ("eval", "exec"):
        monkeypatch.setattr(builtins, name, forbidden(name))
    return calls


@pytest.mark.parametrize("case", TEMPLATE_CASES, ids=lambda case: case.id)
def test_template_case_in_parser(case, no_eval):
    with pytest.raises(TemplateError) as error:
        parse_template(case.template, normalizer=Normalizer())
    assert_fragments(error.value, case.expected)
    assert no_eval == []


@pytest.mark.parametrize("case", VERBALIZER_CASES, ids=lambda case: case.id)
def test_verbalizer_case_in_encoder(case, tiny_tokenizer, no_eval):
    template = parse_template(case.template, normalizer=Normalizer())
    words = Verbalizer.from_mapping(case.verbalizer, Normalizer())
    with pytest.raises(VerbalizerError) as error:
        encode_verbalizer(words, list(LABELS), tiny_tokenizer, template.mask_suffix)
    assert_fragments(error.value, case.expected)
    assert no_eval == []


@pytest.mark.parametrize("case", TEMPLATE_CASES + VERBALIZER_CASES, ids=lambda case: case.id)
def test_prompt_case_in_cli(case, tmp_path, tiny_model_dir, good_data, capsys):
    arguments = train_arguments(tiny_model_dir, good_data, tmp_path / "runs", "--method", "prompt",
                                "--template", case.template, "--verbalizer",
                                json.dumps(case.verbalizer, ensure_ascii=False))
    code, lines = run_peftt(capsys, *arguments)
    assert_error_line(code, lines, case.expected)


def test_post_processing_lambda_is_never_run(tmp_path, no_eval):
    marker = tmp_path / "ran"
    source = ('{"placeholder":"text_a", "post_processing": lambda x: open(' + json.dumps(str(marker))
              + ', "w")} {"mask"}')
    with pytest.raises(TemplateError, match="post_processing"):
        parse_template(source)
    assert not marker.exists()
    assert no_eval == []


# -- model folders ---------------------------------------------------------------------------------

@pytest.mark.parametrize("case", MODEL_CASES, ids=lambda case: case.id)
def test_model_case_in_loader(case, tmp_path, tiny_model_dir):
    folder = tmp_path / "model"
    case.build(tiny_model_dir, folder)
    if case.fails_at == "inspect":
        with pytest.raises(ModelError) as error:
            inspect_model_folder(folder)
    else:
        inspect_model_folder(folder)
        load_tokenizer(folder)
        with pytest.raises(ModelError) as error:
            load_masked_lm(folder)
    assert_fragments(error.value, case.expected)
    assert str(folder) in str(error.value)


@pytest.mark.parametrize("case", MODEL_CASES, ids=lambda case: case.id)
def test_model_case_in_cli(case, tmp_path, tiny_model_dir, good_data, capsys):
    folder = tmp_path / "model"
    case.build(tiny_model_dir, folder)
    code, lines = run_peftt(capsys, *train_arguments(folder, good_data, tmp_path / "runs"))
    # A folder that passes inspection fails while the weights load, after the data notes.
    assert_error_line(code, lines, case.expected, only_line=case.fails_at == "inspect")


# -- other inputs of the command line -------------------------------------------------------------

def test_invalid_run_file(tmp_path, capsys):
    run_file = tmp_path / "run.json"
    run_file.write_text('{"model_path": "m",\n "data": }', encoding="utf-8")
    code, lines = run_peftt(capsys, "train", "--no-history", str(run_file))
    assert_error_line(code, lines, ("run.json", "line 2", "invalid JSON"))


@pytest.mark.parametrize("value, expected", [
    ('{"Politics": ["ཆབ་སྲིད"],}', ("--verbalizer", "line 1", "invalid JSON")),
    ('["ཆབ་སྲིད"]', ("--verbalizer", "JSON object")),
    ("missing-labels.json", ("missing-labels.json", "No such file")),
], ids=["invalid JSON", "a list", "missing file"])
def test_invalid_verbalizer_argument(value, expected, tmp_path, tiny_model_dir, good_data, capsys):
    arguments = train_arguments(tiny_model_dir, good_data, tmp_path / "runs", "--method", "prompt",
                                "--template", GOOD_TEMPLATE, "--verbalizer", value)
    code, lines = run_peftt(capsys, *arguments)
    assert_error_line(code, lines, expected)


def test_verbalizer_file_with_invalid_json(tmp_path, tiny_model_dir, good_data, capsys):
    path = tmp_path / "labels.json"
    path.write_text('{\n  "Politics": ["ཆབ་སྲིད"]\n  "Religion": ["ཆོས་ལུགས"]\n}', encoding="utf-8")
    arguments = train_arguments(tiny_model_dir, good_data, tmp_path / "runs", "--method", "prompt",
                                "--template", GOOD_TEMPLATE, "--verbalizer", path)
    code, lines = run_peftt(capsys, *arguments)
    assert_error_line(code, lines, ("labels.json", "line 3", "invalid JSON"))


def test_missing_template_file(tmp_path, tiny_model_dir, good_data, capsys):
    arguments = train_arguments(tiny_model_dir, good_data, tmp_path / "runs", "--method", "prompt",
                                "--template-file", tmp_path / "template.txt", "--verbalizer", json.dumps(VERBALIZER))
    code, lines = run_peftt(capsys, *arguments)
    assert_error_line(code, lines, ("template.txt", "No such file"))


def test_template_longer_than_max_length(tmp_path, tiny_model_dir, good_data, capsys):
    template = '{"placeholder":"text_a"} ' + "བོད་ལྗོངས་ཀྱི་" * 4 + '{"mask"}་ཡིན།'
    arguments = train_arguments(tiny_model_dir, good_data, tmp_path / "runs", "--method", "prompt",
                                "--template", template, "--verbalizer", json.dumps(VERBALIZER),
                                "--max-length", "8")
    code, lines = run_peftt(capsys, *arguments)
    assert_error_line(code, lines, ("max length 8", "no room for the text"))


# -- output folder and disk ------------------------------------------------------------------------

@pytest.fixture
def read_only_folder(tmp_path, monkeypatch) -> Path:
    """A folder without write permission.

    Permission bits do not bind root, so under root the write check's temporary file
    fails as it would on a read-only folder.
    """
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real_mkstemp = runner.tempfile.mkstemp

        def mkstemp(*args, dir=None, **kwargs):
            if dir is not None and Path(dir).resolve().is_relative_to(folder.resolve()):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(dir))
            return real_mkstemp(*args, dir=dir, **kwargs)

        monkeypatch.setattr(runner.tempfile, "mkstemp", mkstemp)
    yield folder
    folder.chmod(0o755)


def test_read_only_output_fails_before_loading(read_only_folder, tiny_model_dir, good_data, monkeypatch):
    def prepare_run(config):
        raise AssertionError("the data was loaded before the output folder was checked")

    monkeypatch.setattr(runner, "prepare_run", prepare_run)
    config = RunConfig(model_path=str(tiny_model_dir), data={"folder": str(good_data)},
                       output_dir=str(read_only_folder))
    with pytest.raises(ResourceError) as error:
        runner.run_training(config)
    assert_fragments(error.value, (str(read_only_folder), "Permission denied", "another output folder"))


def test_read_only_output_in_cli(read_only_folder, tiny_model_dir, good_data, tmp_path, capsys):
    history = tmp_path / "history.db"
    code, lines = run_peftt(capsys, "--history", history, "train", "--model", tiny_model_dir, "--data", good_data,
                            "--output-dir", read_only_folder)
    assert_error_line(code, lines, (str(read_only_folder), "Permission denied"))

    from peftt_gui.core.storage import RunStorage

    assert RunStorage(history).list_runs() == []


def test_output_path_that_is_a_file(tmp_path, tiny_model_dir, good_data, capsys):
    target = tmp_path / "runs"
    target.write_text("not a folder", encoding="utf-8")
    code, lines = run_peftt(capsys, *train_arguments(tiny_model_dir, good_data, target))
    assert_error_line(code, lines, (str(target), "Cannot write run files"))


def test_disk_full_while_saving_weights(tmp_path, tiny_model_dir, good_data, monkeypatch, capsys, caplog):
    from peftt_gui.core.methods.common import TaskModel
    from peftt_gui.core.storage import RunStorage

    # Every path under tmp_path is shown as ~, as paths under a user's home folder are.
    monkeypatch.setenv("HOME", str(tmp_path))
    real_save = TaskModel.save_weights

    def save_until_full(self, folder):
        (Path(folder) / "model.safetensors").write_bytes(b"\0" * 1024)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder))

    monkeypatch.setattr(TaskModel, "save_weights", save_until_full)
    caplog.set_level("INFO", logger="peftt_gui")
    history = tmp_path / "history.db"
    arguments = ["--history", history, "train", "--model", tiny_model_dir, "--data", good_data,
                 "--output-dir", tmp_path / "runs", "--epochs", "1", "--method", "finetune"]
    code, lines = run_peftt(capsys, *arguments)

    error_line = assert_error_line(code, lines, ("Disk full", "~/runs/run-1-finetune/weights"), only_line=False)
    assert str(tmp_path) not in error_line
    run_dir = tmp_path / "runs" / "run-1-finetune"
    assert not (run_dir / "weights").exists()
    storage = RunStorage(history)
    record = storage.get_run(1)
    assert record.status == "failed"
    assert record.error == error_line.removeprefix("peftt: error: ")
    assert record.data_files.keys() == {"train.txt", "validation.txt", "test.txt"}
    # NOTE: the storage package logs the history file's full path; only the other engine logs are checked.
    engine_logs = [record.getMessage() for record in caplog.records
                   if not record.name.startswith("peftt_gui.core.storage")]
    assert engine_logs
    assert not [message for message in engine_logs if str(tmp_path) in message]

    # With space again, the run resumes from its last checkpoint and saves only safetensors.
    monkeypatch.setattr(TaskModel, "save_weights", real_save)
    outcome = runner.resume_run(1, storage)
    assert outcome.status == "finished"
    assert storage.get_run(1).weights_dir == str(run_dir / "weights")
    assert (run_dir / "weights" / "model.safetensors").is_file()
    written = [path.relative_to(run_dir) for path in run_dir.rglob("*") if path.is_file()]
    assert Path("checkpoint/checkpoint.safetensors") in written
    assert not [path for path in written if path.suffix in PICKLE_SUFFIXES]


def test_disk_full_while_writing_checkpoint(tmp_path, monkeypatch):
    from safetensors.torch import save_file as real_save_file
    from test_devices import ToyClassifier, toy_trainer

    from peftt_gui.core import checkpoint

    saves = []

    def save_file(tensors, filename, metadata=None):
        # The second checkpoint (after epoch 2) finds the disk full halfway through.
        saves.append(filename)
        if len(saves) == 2:
            Path(filename).write_bytes(b"\0" * 100)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), filename)
        return real_save_file(tensors, filename, metadata=metadata)

    monkeypatch.setattr("safetensors.torch.save_file", save_file)  # write_checkpoint imports it when called
    torch.manual_seed(0)
    with pytest.raises(ResourceError) as error:
        toy_trainer(ToyClassifier(), tmp_path / "checkpoint", epochs=2).fit()
    assert_fragments(error.value, ("Disk full", "the checkpoint", str(tmp_path / "checkpoint")))
    assert sorted(path.name for path in (tmp_path / "checkpoint").iterdir()) == ["checkpoint.safetensors"]
    _, state = checkpoint.read_checkpoint(tmp_path / "checkpoint")
    assert state["epochs_done"] == 1


# -- paths in messages, logs and the history -------------------------------------------------------

def test_display_path_shortens_home(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    assert display_path(tmp_path / "user" / "data" / "train.txt") == "~/data/train.txt"
    assert display_path(tmp_path / "user") == "~"
    assert display_path(tmp_path / "user2" / "train.txt") == str(tmp_path / "user2" / "train.txt")
    assert display_path("relative/train.txt") == "relative/train.txt"


def test_data_error_shows_home_as_tilde(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = write_files(tmp_path / "data", {"train.txt": b""})
    with pytest.raises(DataError) as error:
        load_splits(folder=folder)
    assert str(error.value).startswith("~/data/train.txt: ")
    assert error.value.path == str(folder / "train.txt")


def test_fingerprints_keyed_relative_to_data_folder(tmp_path):
    fingerprints = {str(tmp_path / "data" / "train.txt"): "a", str(tmp_path / "data" / "dev" / "test.txt"): "b"}
    assert runner.relative_fingerprints(fingerprints) == {"train.txt": "a", "dev/test.txt": "b"}
    assert runner.relative_fingerprints({}) == {}


# -- what is loaded, and how ------------------------------------------------------------------------

def package_calls() -> list[tuple[Path, ast.Call]]:
    """Return every call expression in the package's source, with its file."""
    calls = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        calls.extend((path, node) for node in ast.walk(tree) if isinstance(node, ast.Call))
    return calls


def keyword_value(call: ast.Call, name: str):
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value.value if isinstance(keyword.value, ast.Constant) else keyword.value
    return None


def called_name(call: ast.Call) -> str:
    return ast.unparse(call.func)


def test_no_remote_code_in_package():
    for path, call in package_calls():
        value = keyword_value(call, "trust_remote_code")
        assert value in (None, False), f"{path}:{call.lineno} sets trust_remote_code"


def test_no_eval_or_unsafe_load_in_package():
    for path, call in package_calls():
        name = called_name(call)
        assert name not in ("eval", "exec", "builtins.eval", "builtins.exec"), f"{path}:{call.lineno} calls {name}"
        assert name not in ("pickle.load", "pickle.loads"), f"{path}:{call.lineno} unpickles data"
        if name == "torch.load":
            assert keyword_value(call, "weights_only") is True, f"{path}:{call.lineno} torch.load without weights_only"


def _state_dict(model_dir: Path) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    return load_file(str(model_dir / "model.safetensors"))


def _copy_without_weights(source: Path, target: Path) -> Path:
    target.mkdir()
    for path in source.iterdir():
        if path.is_file() and path.suffix != ".safetensors":
            (target / path.name).write_bytes(path.read_bytes())
    return target


def test_bin_only_folder_loads_tensors(tmp_path, tiny_model_dir):
    folder = _copy_without_weights(tiny_model_dir, tmp_path / "bin-only")
    expected = _state_dict(tiny_model_dir)
    torch.save(expected, folder / "pytorch_model.bin")

    info = inspect_model_folder(folder)
    assert info.weight_files == ("pytorch_model.bin",)
    model = load_masked_lm(folder)
    loaded = model.state_dict()
    for name, tensor in expected.items():
        if name in loaded:
            assert torch.equal(loaded[name], tensor), name


def test_safetensors_preferred_over_bin(tmp_path, tiny_model_dir):
    folder = _copy_without_weights(tiny_model_dir, tmp_path / "both")
    (folder / "model.safetensors").write_bytes((tiny_model_dir / "model.safetensors").read_bytes())
    torch.save({name: torch.zeros_like(tensor) for name, tensor in _state_dict(tiny_model_dir).items()},
               folder / "pytorch_model.bin")

    loaded = load_masked_lm(folder).state_dict()
    for name, tensor in _state_dict(tiny_model_dir).items():
        if name in loaded:
            assert torch.equal(loaded[name], tensor), name


class _RunsCodeWhenUnpickled:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_bin_with_code_is_rejected(tmp_path, tiny_model_dir):
    folder = _copy_without_weights(tiny_model_dir, tmp_path / "evil")
    marker = tmp_path / "code-ran"
    state = dict(_state_dict(tiny_model_dir))
    state["extra"] = _RunsCodeWhenUnpickled(marker)
    torch.save(state, folder / "pytorch_model.bin")

    with pytest.raises(ModelError) as error:
        load_masked_lm(folder)
    assert "rejected" in str(error.value) or "cannot be loaded" in str(error.value)
    assert not marker.exists()
    assert isinstance(error.value, PefttError)
