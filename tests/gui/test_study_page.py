"""Study page: a study defined from the other pages' settings runs, stops, resumes without
repeating finished runs, and shows results that match ``core.study`` on the same database.
Study files round-trip through Open and Save, and the exports are ``core.study``'s own text.

The run test trains the session's tiny model on a slice of TNCC-title. The results tests
read a history of study runs written here, whose scores and predictions are known.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import numpy as np
import pytest

from peftt_gui.core import study
from peftt_gui.core.metrics import classification_metrics
from peftt_gui.core.storage import RunStorage
from peftt_gui.gui.methods import method_title
from peftt_gui.gui.pages.study_page import BOOTSTRAP_RESAMPLES
from peftt_gui.gui.study_views import METHOD_COLUMN, SHOTS_COLUMN

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_STUDY = REPO_ROOT / "examples" / "studies" / "tncc-few-shot.json"
TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'
RUN_STUDY = "gui-study"
TRAIN_ROWS = 96
EVAL_ROWS = 36
STUDY_TIMEOUT_MS = 900_000
TIMEOUT_MS = 30_000
TEST_F1_COLUMN = 5

# A few-shot study written straight into the history: two methods, three seeds, two k values.
LABELS = ["Arts", "Politics", "Religion"]
GOLD = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]
FEW_SHOT_STUDY = "few-shot"
FEW_SHOT_MODEL = "/models/tiny"
SEEDS = (1, 2, 3)
SHOTS = (4, 16)


def predictions_for(method: str, seed: int, shots: int) -> list[int]:
    """Return test predictions whose number of errors depends on method, seed and k."""
    errors = {"finetune": 3, "lora": 4, "prompt": 2}[method] - (1 if shots == 16 else 0) + seed % 2
    predicted = list(GOLD)
    for index in range(errors):
        predicted[index] = (GOLD[index] + 1) % len(LABELS)
    return predicted


def add_study_run(storage: RunStorage, name: str, method: str, seed: int, shots: int | None) -> int:
    """Write one finished study run as ``core.runner`` records it: scores, key and predictions."""
    cell = study.StudyCell(FEW_SHOT_MODEL, method, seed, shots, None)
    predicted = predictions_for(method, seed, shots or 16)
    test = classification_metrics(GOLD, predicted, LABELS)
    record = storage.create_run(
        name=f"{name}: {cell.key}", method=method, model_path=FEW_SHOT_MODEL, model_name="tiny",
        config={}, labels=LABELS, study=name,
        extra={"study_key": cell.key, "test_gold": GOLD, "test_predictions": predicted})
    storage.finish_run(record.id, "finished", test_macro_f1=test.macro_f1,
                       test_accuracy=test.accuracy, best_val_macro_f1=test.macro_f1 / 2 + 0.1 * seed,
                       trainable_percent=1.5 if method == "lora" else 100.0,
                       duration_s=10.0 * seed)
    return record.id


@pytest.fixture
def few_shot_history(isolated_history) -> Path:
    """The test's history: the few-shot study, with one finetune run at k = 4 besides the
    grid of lora and prompt runs, and a second study with one run on the full data."""
    isolated_history.parent.mkdir(parents=True, exist_ok=True)
    storage = RunStorage(isolated_history)
    for shots in SHOTS:
        for seed in SEEDS:
            for method in ("lora", "prompt"):
                add_study_run(storage, FEW_SHOT_STUDY, method, seed, shots)
    add_study_run(storage, FEW_SHOT_STUDY, "finetune", 1, 4)
    add_study_run(storage, "another-study", "lora", 1, None)
    storage.close()
    return isolated_history


def show_study_page(window, qtbot, name: str):
    page = window.pages["study"]
    window.show_page("study")
    with qtbot.waitSignal(page.sigResultsLoaded, timeout=TIMEOUT_MS,
                          check_params_cb=lambda shown: shown == name):
        page.show_study(name)
    return page


def table_texts(table) -> list[list[str]]:
    return [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]


def expected_texts(rows, cells) -> list[list[str]]:
    """Return results_table's cells as the page shows them: method titles, "all" for k."""
    expected = []
    for row, texts in zip(rows, cells):
        texts = list(texts)
        texts[METHOD_COLUMN] = method_title(row.method)
        texts[SHOTS_COLUMN] = "all" if row.shots is None else str(row.shots)
        expected.append(texts)
    return expected


# --- Running a study --------------------------------------------------------------------

def prepare_project(window, model_dir, data_dir) -> None:
    """Choose the model, a small data slice and short training on the other pages."""
    window.state.set_model_folder(str(model_dir))
    data_page = window.pages["data"]
    data_page.options_form.set_value("max_train_rows", TRAIN_ROWS)
    data_page.options_form.set_value("max_eval_rows", EVAL_ROWS)
    window.open_data_folder(str(data_dir))
    method_page = window.pages["method"]
    method_page.epochs.setValue(2)
    method_page.batch_size.setValue(8)
    method_page.advanced_form.set_value("device", "cpu")


def second_run_training(page) -> bool:
    """Return whether the study's second run has made a first optimizer step, not its last."""
    state = page.control.current_state if page.control is not None else None
    return (page.study_bar.value() == 1 and state is not None and state.total_steps > 0
            and 1 <= state.step < state.total_steps - 2)


@pytest.mark.slow  # five runs of the tiny model, about 1 CPU-minute
def test_study_stops_resumes_and_shows_results(main_window, qtbot, tiny_model_dir, tncc_dir,
                                               isolated_history):
    window = main_window
    prepare_project(window, tiny_model_dir, tncc_dir)
    page = window.pages["study"]
    window.show_page("study")
    definition = page.definition
    definition.name_edit.setText(RUN_STUDY)
    for method in ("finetune", "lora"):
        definition.method_checklist.boxes[method].setChecked(True)
    definition.seeds_edit.setText("1, 2")
    definition.baseline_check.setChecked(False)

    spec = definition.current_spec()
    assert spec.models == [str(tiny_model_dir)]
    assert spec.methods == ["finetune", "lora"]
    assert spec.base["data"]["folder"] == str(tncc_dir)
    assert spec.base["data"]["max_train_rows"] == TRAIN_ROWS
    assert spec.base["training"]["epochs"] == 2
    assert spec.base["training"]["batch_size"] == 8
    assert "learning_rate" not in spec.base["training"]

    # Stop while the second run trains: the first stays finished, the second is cancelled.
    with qtbot.waitSignal(page.sigStudyFinished, timeout=STUDY_TIMEOUT_MS) as stopped:
        assert page.start_study()
        assert not page.start_button.isEnabled()
        qtbot.waitUntil(lambda: second_run_training(page), timeout=STUDY_TIMEOUT_MS)
        page.stop_study()
    assert stopped.args[0].stopped
    assert stopped.args[0].finished == 1
    assert stopped.args[0].total == 4
    storage = RunStorage(isolated_history)
    first_runs = storage.get_runs([run.id for run in storage.list_runs(study=RUN_STUDY)])
    assert sorted(record.status for record in first_runs) == ["cancelled", "finished"]
    first_finished = next(record for record in first_runs if record.status == "finished")
    stopped_key = next(record.extra["study_key"] for record in first_runs
                       if record.status == "cancelled")

    # Start again: only the three unfinished cells run, the stopped one among them.
    with qtbot.waitSignal(page.sigStudyFinished, timeout=STUDY_TIMEOUT_MS) as resumed:
        assert page.start_study()
    assert not resumed.args[0].stopped
    assert resumed.args[0].finished == 4
    assert len(resumed.args[0].run_ids) == 3
    records = storage.get_runs([run.id for run in storage.list_runs(study=RUN_STUDY)])
    finished = [record for record in records if record.status == "finished"]
    assert len(records) == 5
    assert len(finished) == 4
    assert len({record.extra["study_key"] for record in finished}) == 4
    assert first_finished.id in {record.id for record in finished}
    assert [record.extra["study_key"] for record in finished].count(stopped_key) == 1
    assert page.study_bar.value() == 4

    # The results table shows core.study's aggregation of the same database.
    qtbot.waitUntil(lambda: page.results is not None and page.results.name == RUN_STUDY
                    and sum(row.runs for row in page.results.rows) == 4, timeout=TIMEOUT_MS)
    rows = study.study_results(storage, RUN_STUDY)
    header, cells = study.results_table(rows)
    assert table_texts(page.results_table) == expected_texts(rows, cells)
    assert [row.method for row in rows] == ["finetune", "lora"]
    lora_scores = [record.test_macro_f1 for record in finished if record.method == "lora"]
    lora_row = [texts for texts in table_texts(page.results_table)
                if texts[METHOD_COLUMN] == method_title("lora")][0]
    assert lora_row[TEST_F1_COLUMN].startswith(f"{np.mean(lora_scores):.4f} ± {np.std(lora_scores, ddof=1):.4f}")
    assert page.study_combo.currentText() == RUN_STUDY
    assert not page.shots_plot.isVisibleTo(page)
    storage.close()


# --- Results of a study in the history --------------------------------------------------

def test_results_list_table_and_plot(main_window, qtbot, few_shot_history):
    page = show_study_page(main_window, qtbot, FEW_SHOT_STUDY)

    assert [page.study_combo.itemText(index) for index in range(page.study_combo.count())] == \
        ["another-study", FEW_SHOT_STUDY]
    storage = RunStorage(few_shot_history)
    rows = study.study_results(storage, FEW_SHOT_STUDY)
    header, cells = study.results_table(rows)
    storage.close()
    assert table_texts(page.results_table) == expected_texts(rows, cells)
    assert page.results_table.rowCount() == 5

    # One curve per method: the mean test macro-F1 over seeds against log2(k).
    assert page.shots_plot.isVisibleTo(page)
    for method in ("lora", "prompt"):
        x, y = page.shots_plot.curve_data(Path(FEW_SHOT_MODEL).name, method, None)
        scores = [[classification_metrics(GOLD, predictions_for(method, seed, shots), LABELS).macro_f1
                   for seed in SEEDS] for shots in SHOTS]
        assert list(x) == [math.log2(shots) for shots in SHOTS]
        assert list(y) == pytest.approx([np.mean(values) for values in scores])


def test_results_of_another_study_shown_on_choice(main_window, qtbot, few_shot_history):
    page = show_study_page(main_window, qtbot, FEW_SHOT_STUDY)

    with qtbot.waitSignal(page.sigResultsLoaded, timeout=TIMEOUT_MS) as loaded:
        page.study_combo.setCurrentIndex(page.study_combo.findText("another-study"))
    assert loaded.args == ["another-study"]
    assert page.results_table.rowCount() == 1
    assert page.results_table.item(0, SHOTS_COLUMN).text() == "all"
    assert not page.shots_plot.isVisibleTo(page)


def test_compare_row_names_both_tests(main_window, qtbot, few_shot_history):
    page = show_study_page(main_window, qtbot, FEW_SHOT_STUDY)
    page.method_a_combo.setCurrentIndex(page.method_a_combo.findData("prompt"))
    page.method_b_combo.setCurrentIndex(page.method_b_combo.findData("lora"))
    page.compare_shots_combo.setCurrentIndex(page.compare_shots_combo.findData(4))

    with qtbot.waitSignal(page.sigComparisonShown, timeout=TIMEOUT_MS) as shown:
        page.compare_selected()

    storage = RunStorage(few_shot_history)
    expected = study.compare_methods(storage, FEW_SHOT_STUDY, "prompt", "lora", shots=4,
                                     resamples=BOOTSTRAP_RESAMPLES)
    storage.close()
    result = shown.args[0]
    assert result.pairs == 3
    assert result.p_value_seeds == pytest.approx(expected.p_value_seeds)
    assert result.p_value_bootstrap == pytest.approx(expected.p_value_bootstrap)
    text = page.comparison_label.text()
    assert f"{expected.mean_difference:+.4f}" in text
    assert f"Paired t-test over seeds: p = {expected.p_value_seeds:.4f}." in text
    assert (f"Paired bootstrap over test examples ({BOOTSTRAP_RESAMPLES} resamples): "
            f"p = {expected.p_value_bootstrap:.4f}.") in text


def test_compare_row_reports_missing_pairs(main_window, qtbot, few_shot_history):
    page = show_study_page(main_window, qtbot, FEW_SHOT_STUDY)
    page.method_a_combo.setCurrentIndex(page.method_a_combo.findData("finetune"))
    page.method_b_combo.setCurrentIndex(page.method_b_combo.findData("prompt"))
    page.compare_shots_combo.setCurrentIndex(page.compare_shots_combo.findData(16))

    with qtbot.waitSignal(page.sigComparisonShown, timeout=TIMEOUT_MS, raising=False) as shown:
        page.compare_selected()
        qtbot.waitUntil(lambda: "no finished runs of both" in page.comparison_label.text(),
                        timeout=TIMEOUT_MS)
    assert not shown.signal_triggered
    assert page.compare_button.isEnabled()


def test_compare_needs_two_methods(main_window, qtbot, few_shot_history):
    page = show_study_page(main_window, qtbot, "another-study")
    assert page.method_a_combo.count() == 1
    assert not page.compare_button.isEnabled()


@pytest.mark.parametrize("kind, writer", [("csv", study.to_csv), ("markdown", study.to_markdown),
                                          ("latex", study.to_latex)])
def test_exports_match_core_writers(main_window, qtbot, few_shot_history, tmp_path, kind, writer):
    page = show_study_page(main_window, qtbot, FEW_SHOT_STUDY)
    path = tmp_path / f"results.{kind}"

    with qtbot.waitSignal(page.sigExported, timeout=TIMEOUT_MS):
        page.export_table(kind, str(path))

    storage = RunStorage(few_shot_history)
    header, cells = study.results_table(study.study_results(storage, FEW_SHOT_STUDY))
    storage.close()
    # Bytes, because the CSV writer ends rows with \r\n, which reading as text would change.
    assert path.read_bytes() == writer(header, cells).encode("utf-8")


def test_empty_history_says_how_to_start(main_window, qtbot):
    page = main_window.pages["study"]
    with qtbot.waitSignal(page.sigStudiesListed, timeout=TIMEOUT_MS) as listed:
        main_window.show_page("study")
    assert listed.args == [[]]
    assert page.results is None
    assert "No study in the history yet" in page.results_message.text()
    assert not page.results_widgets.isVisibleTo(page)


# --- Defining a study -------------------------------------------------------------------

def test_example_file_round_trip(main_window, qtbot, tmp_path):
    page = main_window.pages["study"]
    with qtbot.waitSignal(page.sigSpecOpened, timeout=TIMEOUT_MS):
        page.open_study(str(EXAMPLE_STUDY))
    definition = page.definition
    assert definition.name_edit.text() == "tncc-few-shot"
    assert definition.shots_edit.text() == "8, 32, 128"
    assert definition.method_checklist.rate_edits["lora"].text() == "0.002"

    saved = tmp_path / "saved.json"
    with qtbot.waitSignal(page.sigSpecSaved, timeout=TIMEOUT_MS):
        page.save_study(str(saved))
    # The file lists the baseline among the methods after loading, as StudySpec adds it.
    example = study.StudySpec.load(EXAMPLE_STUDY)
    assert json.loads(saved.read_text(encoding="utf-8")) == dataclasses.asdict(example)
    assert "baseline" in example.methods
    assert str(saved) in definition.source_label.text().replace("~", str(Path.home()))


def test_page_spec_round_trip(main_window, qtbot, tmp_path, tncc_dir):
    window = main_window
    window.state.set_model_folder("/models/first")
    window.state.set_data_paths({"folder": str(tncc_dir)})
    window.state.set_template_text(TEMPLATE)
    window.state.set_verbalizer({"Arts": ["སྒྱུ་རྩལ"], "Politics": ["ཆབ་སྲིད"]})
    window.pages["method"].method_radios["lora"].setChecked(True)
    window.pages["method"].options_form.set_value("r", 4)
    definition = window.pages["study"].definition
    definition.name_edit.setText("round trip")
    definition.add_model("/models/second")
    for method in ("prompt-lora", "lora"):
        definition.method_checklist.boxes[method].setChecked(True)
    definition.method_checklist.rate_edits["lora"].setText("0.002")
    definition.seeds_edit.setText("13 21, 42, 13")
    definition.shots_edit.setText("all, 8, 32")
    definition.add_template(TEMPLATE.replace("ཡིན", "རེད"))

    spec = definition.current_spec()
    assert spec.models == ["/models/first", "/models/second"]
    assert spec.methods == ["lora", "prompt-lora", "baseline"]
    assert spec.seeds == [13, 21, 42]
    assert spec.shots_per_class == [None, 8, 32]
    assert spec.templates == [TEMPLATE, TEMPLATE.replace("ཡིན", "རེད")]
    assert spec.learning_rates == {"lora": 0.002}
    assert list(spec.method_options) == ["lora"]
    assert spec.method_options["lora"]["r"] == 4
    assert spec.base["verbalizer"] == {"Arts": ["སྒྱུ་རྩལ"], "Politics": ["ཆབ་སྲིད"]}

    page = window.pages["study"]
    path = tmp_path / "study.json"
    with qtbot.waitSignal(page.sigSpecSaved, timeout=TIMEOUT_MS):
        page.save_study(str(path))
    assert study.StudySpec.load(path) == spec

    # Opened again, the file's settings stay even when the other pages change.
    with qtbot.waitSignal(page.sigSpecOpened, timeout=TIMEOUT_MS):
        page.open_study(str(path))
    window.pages["method"].epochs.setValue(9)
    window.state.set_model_folder("/models/third")
    assert definition.current_spec() == spec
    assert definition.use_pages_button.isVisibleTo(definition)

    definition.use_page_settings()
    assert definition.current_spec().base["training"]["epochs"] == 9
    assert definition.model_paths()[0] == "/models/third"


def test_model_and_template_follow_other_pages(main_window):
    window = main_window
    definition = window.pages["study"].definition
    window.state.set_model_folder("/models/a")
    definition.add_model("/models/b")
    window.state.set_model_folder("/models/c")
    assert definition.model_paths() == ["/models/c", "/models/b"]

    window.state.set_template_text(TEMPLATE)
    window.state.set_template_text(TEMPLATE + " ")
    window.state.set_template_text(TEMPLATE.replace("ཡིན", "རེད"))
    assert definition.template_texts() == [TEMPLATE.replace("ཡིན", "རེད")]


@pytest.mark.parametrize("field, text, message", [
    ("seeds", "13, x", "“x” is not one"),
    ("seeds", "", "at least one seed"),
    ("shots", "8, 0", "“0” is not one"),
    ("rate", "fast", "“fast” is not"),
])
def test_invalid_values_named_on_start(main_window, field, text, message, tncc_dir):
    window = main_window
    window.state.set_model_folder("/models/a")
    window.state.set_data_paths({"folder": str(tncc_dir)})
    page = window.pages["study"]
    definition = page.definition
    definition.name_edit.setText("invalid")
    definition.method_checklist.boxes["lora"].setChecked(True)
    editors = {"seeds": definition.seeds_edit, "shots": definition.shots_edit,
               "rate": definition.method_checklist.rate_edits["lora"]}
    editors[field].setText(text)

    assert not page.start_study()
    assert message in page.message_label.text()
    assert page.worker is None


def test_prompt_method_needs_template(main_window, tncc_dir):
    window = main_window
    window.state.set_model_folder("/models/a")
    window.state.set_data_paths({"folder": str(tncc_dir)})
    page = window.pages["study"]
    page.definition.name_edit.setText("no template")
    page.definition.method_checklist.boxes["prompt"].setChecked(True)

    assert not page.start_study()
    assert "needs a template" in page.message_label.text()


def test_copy_command_writes_file_and_clipboard(main_window, qtbot, tmp_path, tncc_dir):
    from PySide6.QtWidgets import QApplication

    window = main_window
    window.state.set_model_folder("/models/a")
    window.state.set_data_paths({"folder": str(tncc_dir)})
    page = window.pages["study"]
    page.definition.name_edit.setText("server study")
    page.definition.method_checklist.boxes["lora"].setChecked(True)
    path = tmp_path / "server study.json"

    with qtbot.waitSignal(page.sigCommandCopied, timeout=TIMEOUT_MS) as copied:
        page.copy_command(str(path))
    assert copied.args == ["peftt study 'server study.json'"]
    assert QApplication.clipboard().text() == "peftt study 'server study.json'"
    assert study.StudySpec.load(path) == page.definition.current_spec()


def test_train_page_copies_run_command(main_window, qtbot, tmp_path, tncc_dir):
    from PySide6.QtWidgets import QApplication

    from peftt_gui.core.config import RunConfig

    window = main_window
    window.state.set_model_folder("/models/a")
    window.state.set_data_paths({"folder": str(tncc_dir)})
    window.pages["method"].method_radios["lora"].setChecked(True)
    window.pages["method"].epochs.setValue(7)
    train = window.pages["train"]
    assert train.copy_command_button.isEnabled()
    path = tmp_path / "lora run.json"

    with qtbot.waitSignal(train.sigCommandCopied, timeout=TIMEOUT_MS) as copied:
        train.copy_command(str(path))
    command = "accelerate launch -m peftt_gui.cli train 'lora run.json'"
    assert copied.args == [command]
    assert QApplication.clipboard().text() == command
    config = RunConfig.load(path)
    assert config.method == "lora"
    assert config.model_path == "/models/a"
    assert config.training.epochs == 7
    assert command in train.result_label.text()


def test_page_listed_after_playground(main_window):
    keys = list(main_window.pages)
    assert keys.index("study") == keys.index("playground") + 1
    row = keys.index("study")
    assert main_window.sidebar.item(row).text() == "Study"
    assert not main_window.sidebar.item(row).icon().isNull()
