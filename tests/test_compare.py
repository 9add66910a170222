"""compare_runs on runs written straight into a history: every table cell is checked against
the stored values, with the best values chosen by hand."""

from __future__ import annotations

import csv
import io
import time

import numpy as np
import pytest

from peftt_gui import cli
from peftt_gui.core.compare import best_positions, compare_runs, flatten_config, latex_escape
from peftt_gui.core.config import RunConfig
from peftt_gui.core.errors import PefttError
from peftt_gui.core.storage import EpochRecord, RunStorage

LABELS = ["Arts", "Politics", "Religion"]
TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'
VERBALIZER = {"Arts": ["སྒྱུ་རྩལ"], "Politics": ["ཆབ་སྲིད"], "Religion": ["ཆོས་ལུགས"]}
TRAIN = ["Arts\tསྒྱུ་རྩལ་གྱི་འགྲན་སྡུར་", "Arts\tགླུ་གཞས་དང་ཞབས་བྲོ་", "Politics\tཆབ་སྲིད་ཀྱི་གནས་ཚུལ་",
         "Politics\tསྲིད་གཞུང་གི་སྒྲིག་འཛུགས་", "Religion\tཆོས་ལུགས་ཀྱི་དགོན་པ་", "Religion\tབླ་མའི་ཆོས་འཁོར་"]
VALIDATION = ["Arts\tཐང་ཀ་འབྲི་བའི་སྒྱུ་རྩལ་", "Politics\tའཐུས་མི་ཚོགས་འདུ་", "Religion\tམཆོད་རྟེན་བསྐོར་བ་",
              "Arts\tཟློས་གར་གྱི་འཁྲབ་སྟོན་", "Politics\tསྲིད་ཇུས་གསར་པ་", "Religion\tདགོན་པའི་གྲྭ་པ་"]
TEST = ["Arts\tཔར་རིས་འགྲེམས་སྟོན་", "Politics\tཚོགས་ཆེན་གྱི་གྲོས་ཆོད་", "Religion\tཆོས་ཀྱི་དུས་ཆེན་"]

# Three runs whose values make each row's best run known without computing it.
RUNS = {
    "A": dict(name="lora r8", method="lora", options={"r": 8}, learning_rate=None, epochs=[0.5, 0.7, 0.66],
              val_f1=0.70, val_accuracy=0.80, test_f1=0.60, test_accuracy=0.75,
              per_class={"Arts": 0.5, "Politics": 0.7, "Religion": 0.6}, trainable=1000, total=100_000,
              duration=120.5, peak_mib=500, losses=[1.2, 1.0, 0.8, 0.7],
              confusion=[[2, 1, 0], [0, 3, 0], [1, 0, 2]], predictions=[0, 1, 2, 0, 1, 2]),
    "B": dict(name="prompt_100% & #1", method="prompt", options={}, learning_rate=None, epochs=[0.6, 0.65],
              val_f1=0.65, val_accuracy=0.85, test_f1=0.62, test_accuracy=0.70,
              per_class={"Arts": 0.9, "Politics": 0.4, "Religion": 0.56}, trainable=100_000, total=100_000,
              duration=60.25, peak_mib=300, losses=[1.5, 0.9, 0.6],
              confusion=[[3, 0, 0], [1, 2, 0], [0, 0, 3]], predictions=[0, 2, 2, 1, 1, 2]),
    "C": dict(name="lora r16", method="lora", options={"r": 16}, learning_rate=5e-4, epochs=[0.4, 0.68, 0.6],
              val_f1=0.68, val_accuracy=0.80, test_f1=0.55, test_accuracy=0.75,
              per_class={"Arts": 0.5, "Politics": 0.7, "Religion": 0.2}, trainable=800, total=100_000,
              duration=200.0, peak_mib=700, losses=[1.1, 1.0],
              confusion=[[1, 1, 1], [0, 3, 0], [0, 1, 2]], predictions=[0, 1, 2, 0, 1, 2]),
}
BEST = {
    "validation macro-F1": {"A"}, "validation accuracy": {"B"}, "test macro-F1": {"B"},
    "test accuracy": {"A", "C"}, "test F1 Arts": {"B"}, "test F1 Politics": {"A", "C"},
    "test F1 Religion": {"A"}, "trainable parameters": {"C"}, "trainable %": {"C"}, "duration (s)": {"B"},
    "peak memory (MiB)": {"B"}, "epochs": set(),
}


def add_run(storage: RunStorage, data_dir, spec: dict, labels=LABELS) -> int:
    """Write one finished run into the history as the runner would."""
    prompt = spec["method"] == "prompt"
    config = RunConfig(model_path="/models/tiny", method=spec["method"], data={"folder": str(data_dir)},
                       training={"epochs": len(spec["epochs"]), "learning_rate": spec["learning_rate"]},
                       method_options=spec["options"], template=TEMPLATE, verbalizer=VERBALIZER)
    record = storage.create_run(name=spec["name"], method=spec["method"], model_path="/models/tiny",
                                model_name="tiny", config=config.to_dict(), template=TEMPLATE if prompt else "",
                                verbalizer=VERBALIZER if prompt else None, normalization="NFC+tsheg:auto",
                                labels=labels)
    storage.update_run(record.id, trainable_params=spec["trainable"], total_params=spec["total"],
                       trainable_percent=100.0 * spec["trainable"] / spec["total"])
    storage.add_steps(record.id, [(step, step / len(spec["losses"]), loss, 1e-3)
                                  for step, loss in enumerate(spec["losses"], 1)])
    for epoch, f1 in enumerate(spec["epochs"], 1):
        storage.add_epoch(record.id, EpochRecord(epoch=epoch, train_loss=1.0 / epoch, val_macro_f1=f1))
    storage.finish_run(record.id, "finished", duration_s=spec["duration"], best_val_macro_f1=spec["val_f1"],
                       best_val_accuracy=spec["val_accuracy"], test_macro_f1=spec["test_f1"],
                       test_accuracy=spec["test_accuracy"], test_per_class_f1=spec["per_class"],
                       test_confusion=spec["confusion"], val_confusion=spec["confusion"],
                       peak_memory_bytes=spec["peak_mib"] * 2**20, last_finished_epoch=len(spec["epochs"]),
                       extra={"validation_predictions": spec["predictions"]})
    return record.id


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for name, lines in (("train", TRAIN), ("validation", VALIDATION), ("test", TEST)):
        (folder / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def history(tmp_path, data_dir):
    storage = RunStorage(tmp_path / "history.db")
    ids = {key: add_run(storage, data_dir, spec) for key, spec in RUNS.items()}
    return storage, ids


@pytest.fixture
def comparison(history):
    storage, ids = history
    return compare_runs(storage, [ids["A"], ids["B"], ids["C"]])


def stored_values(storage: RunStorage, run_ids: list[int]) -> dict[str, list]:
    """The expected table, read back from the history one run at a time."""
    records = [storage.get_run(run_id) for run_id in run_ids]
    table = {
        "validation macro-F1": [record.best_val_macro_f1 for record in records],
        "validation accuracy": [record.best_val_accuracy for record in records],
        "test macro-F1": [record.test_macro_f1 for record in records],
        "test accuracy": [record.test_accuracy for record in records],
    }
    for label in LABELS:
        table[f"test F1 {label}"] = [record.test_per_class_f1[label] for record in records]
    table["trainable parameters"] = [record.trainable_params for record in records]
    table["trainable %"] = [record.trainable_percent for record in records]
    table["duration (s)"] = [record.duration_s for record in records]
    table["peak memory (MiB)"] = [record.peak_memory_bytes / 2**20 for record in records]
    table["epochs"] = [len(storage.get_epochs(record.id)) for record in records]
    return table


DISPLAY = {"trainable parameters": "{:,.0f}", "trainable %": "{:.3f}", "duration (s)": "{:.1f}",
           "peak memory (MiB)": "{:.0f}", "epochs": "{:,.0f}"}


def display(label: str, value) -> str:
    return DISPLAY.get(label, "{:.4f}").format(value)


def test_csv_cells_match_history(history, comparison):
    storage, ids = history
    order = ["A", "B", "C"]
    expected = stored_values(storage, [ids[key] for key in order])

    rows = list(csv.reader(io.StringIO(comparison.to_csv())))

    assert rows[0] == ["metric", f"#{ids['A']} lora r8", f"#{ids['B']} prompt_100% & #1", f"#{ids['C']} lora r16",
                       "best"]
    assert [row[0] for row in rows[1:]] == list(expected)
    for row in rows[1:]:
        label, cells, best = row[0], row[1:-1], row[-1]
        assert [float(cell) for cell in cells] == expected[label], label
        assert best.split() == [str(ids[key]) for key in order if key in BEST[label]], label


def test_markdown_cells_match_history(history, comparison):
    storage, ids = history
    order = ["A", "B", "C"]
    expected = stored_values(storage, [ids[key] for key in order])

    lines = comparison.to_markdown(include_config=False).splitlines()

    assert lines[0] == f"| metric | #{ids['A']} lora r8 | #{ids['B']} prompt_100% & #1 | #{ids['C']} lora r16 |"
    assert lines[1] == "|---|---:|---:|---:|"
    assert len(lines) == 2 + len(expected)
    for line, (label, values) in zip(lines[2:], expected.items()):
        cells = line.strip("| ").split(" | ")
        assert cells[0] == label
        for key, cell, value in zip(order, cells[1:], values):
            text = display(label, value)
            assert cell == (f"**{text}**" if key in BEST[label] else text), (label, key)


def test_latex_cells_match_history(history, comparison):
    storage, ids = history
    order = ["A", "B", "C"]
    expected = stored_values(storage, [ids[key] for key in order])

    lines = comparison.to_latex().splitlines()

    assert lines[:2] == [r"\begin{tabular}{lrrr}", r"\toprule"]
    assert lines[2] == (rf"metric & \#{ids['A']} lora r8 & \#{ids['B']} prompt\_100\% \& \#1 & "
                        rf"\#{ids['C']} lora r16 \\")
    assert lines[3] == r"\midrule"
    assert lines[-2:] == [r"\bottomrule", r"\end{tabular}"]
    body = lines[4:-2]
    assert len(body) == len(expected)
    for line, (label, values) in zip(body, expected.items()):
        assert line.endswith(r" \\")
        cells = line[:-3].split(" & ")
        assert cells[0] == label.replace("%", r"\%")
        for key, cell, value in zip(order, cells[1:], values):
            text = display(label, value)
            assert cell == (rf"\textbf{{{text}}}" if key in BEST[label] else text), (label, key)


def test_latex_escape_special_characters():
    assert latex_escape("a_b 50% & #1") == r"a\_b 50\% \& \#1"
    assert latex_escape(r"{x}~^\ $") == r"\{x\}\textasciitilde{}\textasciicircum{}\textbackslash{} \$"


def test_best_positions_rules():
    assert best_positions([0.5, 0.7, 0.7], "higher") == (1, 2)
    assert best_positions([3.0, 1.0, None], "lower") == (1,)
    assert best_positions([0.5, 0.5, 0.5], "higher") == ()      # all equal: none is better
    assert best_positions([None, 0.5, None], "higher") == (1,)  # the only value
    assert best_positions([None, None], "higher") == ()
    assert best_positions([1, 2], None) == ()


def test_config_differences_only_changed_keys(history, comparison):
    differences = {item.key: item.values for item in comparison.config_differences}

    verbalizer_rows = {f"verbalizer.{label}": (None, VERBALIZER[label], None) for label in LABELS}
    assert differences == {
        "method": ("lora", "prompt", "lora"),
        "training.epochs": (3, 2, 3),
        "training.learning_rate": (None, None, 5e-4),
        "method_options.r": (8, None, 16),
        "template": (None, TEMPLATE, None),
        **verbalizer_rows,
    }
    markdown = comparison.to_markdown()
    assert "| setting | " in markdown
    assert "| training.learning_rate | - | - | 0.0005 |" in markdown
    assert "| verbalizer.Arts | - | སྒྱུ་རྩལ | - |" in markdown


def test_flatten_config_nests_and_drops_empty():
    assert flatten_config({"a": 1, "b": {"c": {"d": 2}, "e": []}, "f": {}}) == {"a": 1, "b.c.d": 2, "b.e": []}


def test_curves_come_from_history(history, comparison):
    storage, ids = history
    for key in RUNS:
        curves = comparison.curves[ids[key]]
        steps = storage.get_steps(ids[key])
        assert curves.steps == tuple(step.step for step in steps)
        # The history keeps step losses as float32.
        assert curves.losses == tuple(float(np.float32(loss)) for loss in RUNS[key]["losses"])
        assert curves.epochs == tuple(range(1, len(RUNS[key]["epochs"]) + 1))
        assert curves.val_macro_f1 == tuple(RUNS[key]["epochs"])


def test_confusion_matrices_and_difference(history, comparison):
    storage, ids = history

    np.testing.assert_array_equal(comparison.confusion(ids["A"]), RUNS["A"]["confusion"])
    np.testing.assert_array_equal(comparison.confusion(ids["B"], "validation"),
                                  storage.get_run(ids["B"]).val_confusion)
    difference = comparison.confusion_difference(ids["A"], ids["B"])
    np.testing.assert_array_equal(difference, np.array(RUNS["B"]["confusion"]) - np.array(RUNS["A"]["confusion"]))
    assert difference.sum() == 0


def test_changed_predictions_between_runs(history, comparison):
    _, ids = history

    changed = comparison.changed_predictions(ids["A"], ids["B"])

    assert [item.index for item in changed] == [1, 3]
    assert [item.text for item in changed] == [VALIDATION[1].split("\t")[1], VALIDATION[3].split("\t")[1]]
    assert [item.gold for item in changed] == ["Politics", "Arts"]
    assert [item.prediction_a for item in changed] == ["Politics", "Arts"]
    assert [item.prediction_b for item in changed] == ["Religion", "Politics"]
    assert comparison.changed_predictions(ids["A"], ids["C"]) == []


def test_changed_predictions_check_data_files(history, data_dir):
    from peftt_gui.core.runner import load_run_data, make_normalizer

    storage, ids = history
    config = RunConfig.from_dict(storage.get_run(ids["A"]).config)
    fingerprints = load_run_data(config, make_normalizer("NFC+tsheg:auto")).fingerprints
    storage.update_run(ids["A"], data_files=fingerprints)
    storage.update_run(ids["B"], data_files=fingerprints)
    assert len(compare_runs(storage, [ids["A"], ids["B"]]).changed_predictions(ids["A"], ids["B"])) == 2

    (data_dir / "validation.txt").write_text("\n".join(VALIDATION[::-1]) + "\n", encoding="utf-8")
    with pytest.raises(PefttError, match="changed since it was trained"):
        compare_runs(storage, [ids["A"], ids["B"]]).changed_predictions(ids["A"], ids["B"])


def test_changed_predictions_need_same_classes(history, data_dir):
    storage, ids = history
    other = add_run(storage, data_dir, {**RUNS["C"], "name": "other classes"}, labels=["Arts", "Politics", "Sport"])
    comparison = compare_runs(storage, [ids["A"], other])

    with pytest.raises(PefttError, match="different classes"):
        comparison.changed_predictions(ids["A"], other)
    with pytest.raises(PefttError, match="different classes"):
        comparison.confusion_difference(ids["A"], other)


def test_changed_predictions_need_stored_predictions(history):
    storage, ids = history
    storage.update_run(ids["B"], extra={})
    comparison = compare_runs(storage, [ids["A"], ids["B"]])

    with pytest.raises(PefttError, match="no stored validation predictions"):
        comparison.changed_predictions(ids["A"], ids["B"])


def test_missing_predictions_name_stopped_run(history):
    storage, ids = history
    storage.update_run(ids["B"], extra={}, status="cancelled")
    comparison = compare_runs(storage, [ids["A"], ids["B"]])

    with pytest.raises(PefttError, match=r"predictions \(it was stopped\)") as raised:
        comparison.changed_predictions(ids["A"], ids["B"])
    assert "status cancelled" not in str(raised.value)
    assert "choose another run" in str(raised.value)


def test_compare_rejects_repeated_and_missing_runs(history):
    storage, ids = history
    with pytest.raises(PefttError, match="given twice"):
        compare_runs(storage, [ids["A"], ids["A"]])
    with pytest.raises(PefttError, match="not found"):
        compare_runs(storage, [ids["A"], 999])


def test_ten_runs_read_once(tmp_path, data_dir, monkeypatch):
    storage = RunStorage(tmp_path / "ten.db")
    ids = [add_run(storage, data_dir, {**RUNS["A"], "name": f"run {index}", "losses": [1.0] * 300})
           for index in range(10)]
    calls = {"get_run": 0, "get_runs": 0, "get_steps": 0, "get_epochs": 0}
    for name in calls:
        original = getattr(storage, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(storage, name, counted)

    started = time.perf_counter()
    comparison = compare_runs(storage, ids)
    elapsed = time.perf_counter() - started

    assert calls == {"get_run": 0, "get_runs": 1, "get_steps": 10, "get_epochs": 10}
    assert len(comparison.runs) == 10
    assert all(len(curves.steps) == 300 for curves in comparison.curves.values())
    assert elapsed < 5.0   # about 0.1 s on 2 CPU cores; a query per step would take far longer


def test_cli_compare_prints_table(history, comparison, capsys):
    storage, ids = history
    arguments = ["--history", str(storage.path), "compare", str(ids["A"]), str(ids["B"]), str(ids["C"])]

    assert cli.main([*arguments, "--format", "latex"]) == 0
    assert capsys.readouterr().out == comparison.to_latex()
    assert cli.main([*arguments, "--format", "csv"]) == 0
    assert capsys.readouterr().out == comparison.to_csv()
    assert cli.main(["--history", str(storage.path), "compare", "lora r8", "lora r16"]) == 0
    assert capsys.readouterr().out == compare_runs(storage, [ids["A"], ids["C"]]).to_markdown()
