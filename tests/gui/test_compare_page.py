"""Compare page: runs written into a history are compared from the History page or from the
page's own list. Table cells, best marks, curves, settings, confusion matrices, changed
predictions and exports are checked against the database and ``core.compare``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from peftt_gui.core.compare import compare_runs
from peftt_gui.core.config import RunConfig
from peftt_gui.core.runner import load_run_data, make_normalizer
from peftt_gui.core.storage import EpochRecord, RunStorage
from peftt_gui.gui.compare_views import BEST_BACKGROUND, BEST_ROLE, VALUE_ROLE
from peftt_gui.gui.fonts import tibetan_family
from peftt_gui.gui.pages.compare_page import RUN_ID_ROLE, ComparePage
from peftt_gui.gui.state import ProjectState

LABELS = ["Arts", "Politics", "Religion"]
TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'
VERBALIZER = {"Arts": ["སྒྱུ་རྩལ"], "Politics": ["ཆབ་སྲིད"], "Religion": ["ཆོས་ལུགས"]}
TRAIN = ["Arts\tསྒྱུ་རྩལ་གྱི་འགྲན་སྡུར་", "Arts\tགླུ་གཞས་དང་ཞབས་བྲོ་", "Politics\tཆབ་སྲིད་ཀྱི་གནས་ཚུལ་",
         "Politics\tསྲིད་གཞུང་གི་སྒྲིག་འཛུགས་", "Religion\tཆོས་ལུགས་ཀྱི་དགོན་པ་", "Religion\tབླ་མའི་ཆོས་འཁོར་"]
VALIDATION = ["Arts\tཐང་ཀ་འབྲི་བའི་སྒྱུ་རྩལ་", "Politics\tའཐུས་མི་ཚོགས་འདུ་", "Religion\tམཆོད་རྟེན་བསྐོར་བ་",
              "Arts\tཟློས་གར་གྱི་འཁྲབ་སྟོན་", "Politics\tསྲིད་ཇུས་གསར་པ་", "Religion\tདགོན་པའི་གྲྭ་པ་"]
TEST = ["Arts\tཔར་རིས་འགྲེམས་སྟོན་", "Politics\tཚོགས་ཆེན་གྱི་གྲོས་ཆོད་", "Religion\tཆོས་ཀྱི་དུས་ཆེན་"]

# Values chosen so that the best run of every row is known without computing it.
RUNS = {
    "A": dict(name="lora r8", method="lora", options={"r": 8}, learning_rate=None, epochs=[0.5, 0.7, 0.66],
              val_f1=0.70, val_accuracy=0.80, test_f1=0.60, test_accuracy=0.75,
              per_class={"Arts": 0.5, "Politics": 0.7, "Religion": 0.6}, trainable=1000, total=100_000,
              duration=120.5, peak_mib=500, losses=[1.2, 1.0, 0.8, 0.7],
              confusion=[[2, 1, 0], [0, 3, 0], [1, 0, 2]], predictions=[0, 1, 2, 0, 1, 2]),
    "B": dict(name="prompt %2 & #1", method="prompt", options={}, learning_rate=None, epochs=[0.6, 0.65],
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
# The best runs of each row when A and B alone are compared, and when all three are.
BEST_OF_AB = {
    "Validation macro-F1": {"A"}, "Validation accuracy": {"B"}, "Test macro-F1": {"B"},
    "Test accuracy": {"A"}, "Test F1: Arts": {"B"}, "Test F1: Politics": {"A"},
    "Test F1: Religion": {"A"}, "Trainable parameters": {"A"}, "Trainable %": {"A"},
    "Duration (s)": {"B"}, "Peak memory (MiB)": {"B"}, "Epochs": set(),
}
BEST_OF_ABC = {
    "Validation macro-F1": {"A"}, "Validation accuracy": {"B"}, "Test macro-F1": {"B"},
    "Test accuracy": {"A", "C"}, "Test F1: Arts": {"B"}, "Test F1: Politics": {"A", "C"},
    "Test F1: Religion": {"A"}, "Trainable parameters": {"C"}, "Trainable %": {"C"},
    "Duration (s)": {"B"}, "Peak memory (MiB)": {"B"}, "Epochs": set(),
}
# Display formats of the non-score rows, as the page and the Markdown table show them.
DISPLAY = {"Trainable parameters": "{:,.0f}", "Trainable %": "{:.3f}", "Duration (s)": "{:.1f}",
           "Peak memory (MiB)": "{:.0f}", "Epochs": "{:,.0f}"}
TIMEOUT_MS = 20_000


def add_run(storage: RunStorage, data_dir, spec: dict) -> int:
    """Write one finished run into the history as the runner would, with data fingerprints."""
    prompt = spec["method"] == "prompt"
    config = RunConfig(model_path="/models/tiny", method=spec["method"], data={"folder": str(data_dir)},
                       training={"epochs": len(spec["epochs"]), "learning_rate": spec["learning_rate"]},
                       method_options=spec["options"], template=TEMPLATE, verbalizer=VERBALIZER)
    fingerprints = load_run_data(config, make_normalizer("NFC+tsheg:auto")).fingerprints
    record = storage.create_run(name=spec["name"], method=spec["method"], model_path="/models/tiny",
                                model_name="tiny", config=config.to_dict(), template=TEMPLATE if prompt else "",
                                verbalizer=VERBALIZER if prompt else None, normalization="NFC+tsheg:auto",
                                labels=LABELS)
    storage.update_run(record.id, trainable_params=spec["trainable"], total_params=spec["total"],
                       trainable_percent=100.0 * spec["trainable"] / spec["total"], data_files=fingerprints)
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
def history(isolated_history, data_dir):
    """Write runs A, B and C into the test's history (``PEFTT_HISTORY``) and return the
    storage and the run ids by key."""
    isolated_history.parent.mkdir(parents=True, exist_ok=True)
    storage = RunStorage(isolated_history)
    ids = {key: add_run(storage, data_dir, spec) for key, spec in RUNS.items()}
    return storage, ids


def stored_table(storage: RunStorage, run_ids: list[int]) -> dict[str, list]:
    """The expected metric rows, read back from the history one run at a time."""
    records = [storage.get_run(run_id) for run_id in run_ids]
    table = {
        "Validation macro-F1": [record.best_val_macro_f1 for record in records],
        "Validation accuracy": [record.best_val_accuracy for record in records],
        "Test macro-F1": [record.test_macro_f1 for record in records],
        "Test accuracy": [record.test_accuracy for record in records],
    }
    for label in LABELS:
        table[f"Test F1: {label}"] = [record.test_per_class_f1[label] for record in records]
    table["Trainable parameters"] = [record.trainable_params for record in records]
    table["Trainable %"] = [record.trainable_percent for record in records]
    table["Duration (s)"] = [record.duration_s for record in records]
    table["Peak memory (MiB)"] = [record.peak_memory_bytes / 2**20 for record in records]
    table["Epochs"] = [len(storage.get_epochs(record.id)) for record in records]
    return table


def open_window(make_main_window, qtbot):
    window = make_main_window()
    history = window.pages["history"]
    compare = window.pages["compare"]
    qtbot.waitUntil(lambda: compare.storage is not None and compare.run_list.count() > 0,
                    timeout=TIMEOUT_MS)
    return window, history, compare


def select_in_history(history, run_ids: list[int]) -> None:
    history.table.clearSelection()
    for run_id in run_ids:
        index = history.proxy.mapFromSource(history.model.index(history.model.row_of(run_id), 0))
        history.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def check_metrics_table(page, storage, ids: dict, keys: list[str], best: dict) -> None:
    table = page.metrics_table
    expected = stored_table(storage, [ids[key] for key in keys])
    headers = [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]
    assert headers == [f"#{ids[key]} {RUNS[key]['name']}" for key in keys]
    labels = [table.verticalHeaderItem(row).text() for row in range(table.rowCount())]
    assert labels == list(expected)

    for row, (label, values) in enumerate(expected.items()):
        for column, (key, value) in enumerate(zip(keys, values)):
            item = table.item(row, column)
            assert item.text() == DISPLAY.get(label, "{:.4f}").format(value), (label, key)
            assert item.data(VALUE_ROLE) == pytest.approx(value), (label, key)
            marked = key in best[label]
            assert item.data(BEST_ROLE) == marked, (label, key)
            assert item.font().bold() == marked, (label, key)
            assert (item.background().color().name() == BEST_BACKGROUND) == marked, (label, key)
            assert ("Best value" in item.toolTip()) == marked, (label, key)


def test_history_compare_button_opens_page(make_main_window, qtbot, history):
    storage, ids = history
    window, history_page, page = open_window(make_main_window, qtbot)
    window.show_page("history")

    select_in_history(history_page, [ids["B"]])
    assert not history_page.compare_button.isEnabled()
    select_in_history(history_page, [ids["B"], ids["A"]])
    assert history_page.compare_button.isEnabled()
    assert history_page.selected_run_ids() == [ids["A"], ids["B"]]

    with qtbot.waitSignal(page.sigComparisonLoaded, timeout=TIMEOUT_MS) as blocker:
        history_page.compare_button.click()
    assert blocker.args == [[ids["A"], ids["B"]]]
    assert window.current_page() is page
    assert page.checked_run_ids() == [ids["A"], ids["B"]]
    check_metrics_table(page, storage, ids, ["A", "B"], BEST_OF_AB)
    rule = page.metrics_table.verticalHeaderItem(page.metrics_table.rowCount() - 1).toolTip()
    assert "none is marked" in rule


def test_page_compares_checked_runs(make_main_window, qtbot, history):
    storage, ids = history
    window, _history_page, page = open_window(make_main_window, qtbot)
    window.show_page("compare")
    assert page.results_widgets.isHidden()
    assert not page.compare_button.isEnabled()

    items = {page.run_list.item(row).data(RUN_ID_ROLE): page.run_list.item(row)
             for row in range(page.run_list.count())}
    assert set(items) == set(ids.values())
    assert items[ids["B"]].text().startswith(f"#{ids['B']} prompt %2 & #1")
    items[ids["C"]].setCheckState(Qt.CheckState.Checked)
    assert not page.compare_button.isEnabled()
    items[ids["A"]].setCheckState(Qt.CheckState.Checked)
    items[ids["B"]].setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(page.sigComparisonLoaded, timeout=TIMEOUT_MS):
        page.compare_button.click()

    assert not page.results_widgets.isHidden()
    check_metrics_table(page, storage, ids, ["A", "B", "C"], BEST_OF_ABC)

    # One loss curve and one validation macro-F1 curve per run, with the stored points.
    for key in "ABC":
        run_id = ids[key]
        steps = storage.get_steps(run_id)
        x, y = page.curves.loss_plot.curve(str(run_id)).getData()
        assert list(x) == [step.step for step in steps]
        assert list(y) == pytest.approx(RUNS[key]["losses"])
        x, y = page.curves.f1_plot.curve(str(run_id)).getData()
        assert list(x) == list(range(1, len(RUNS[key]["epochs"]) + 1))
        assert list(y) == pytest.approx(RUNS[key]["epochs"])
    legend = [label.text for _sample, label in page.curves.loss_plot.legend.items]
    assert legend == [f"#{ids[key]} {RUNS[key]['name']}" for key in "ABC"]


def test_settings_tab_lists_only_differences(make_main_window, qtbot, history):
    _storage, ids = history
    _window, _history_page, page = open_window(make_main_window, qtbot)
    with qtbot.waitSignal(page.sigComparisonLoaded, timeout=TIMEOUT_MS):
        page.compare([ids["C"], ids["A"], ids["B"]])

    table = page.config_table
    rows = {table.verticalHeaderItem(row).text(): [table.item(row, column).text()
                                                   for column in range(table.columnCount())]
            for row in range(table.rowCount())}
    assert rows == {
        "method": ["lora", "prompt", "lora"],
        "training.epochs": ["3", "2", "3"],
        "training.learning_rate": ["-", "-", "0.0005"],
        "method_options.r": ["8", "-", "16"],
        "template": ["-", TEMPLATE, "-"],
        "verbalizer.Arts": ["-", "སྒྱུ་རྩལ", "-"],
        "verbalizer.Politics": ["-", "ཆབ་སྲིད", "-"],
        "verbalizer.Religion": ["-", "ཆོས་ལུགས", "-"],
    }
    template_row = list(rows).index("template")
    assert table.item(template_row, 1).font().families()[0] == tibetan_family()
    assert table.item(list(rows).index("method"), 0).font().families()[0] != tibetan_family()
    assert not table.isHidden()
    assert page.same_config_label.isHidden()


def test_confusion_matrices_and_difference(make_main_window, qtbot, history):
    storage, ids = history
    _window, _history_page, page = open_window(make_main_window, qtbot)
    with qtbot.waitSignal(page.sigComparisonLoaded, timeout=TIMEOUT_MS):
        page.compare([ids["A"], ids["B"], ids["C"]])

    assert page.pair() == (ids["A"], ids["B"])
    confusion = page.confusion
    assert confusion.heatmap_a.matrix.tolist() == storage.get_run(ids["A"]).test_confusion
    assert confusion.heatmap_b.matrix.tolist() == storage.get_run(ids["B"]).test_confusion
    expected = [[1, -1, 0], [1, -1, 0], [-1, 0, 1]]     # B minus A, worked out by hand
    table = confusion.difference_table
    cells = [[table.item(row, column).text() for column in range(3)] for row in range(3)]
    assert cells == [[f"{value:+d}" if value else "0" for value in row] for row in expected]
    assert [table.verticalHeaderItem(row).text() for row in range(3)] == LABELS
    # A diagonal gain and an off-diagonal loss are green, the reverse red, zero uncoloured.
    assert table.item(0, 0).background().color().green() > table.item(0, 0).background().color().red()
    assert table.item(0, 1).background().color().green() > table.item(0, 1).background().color().red()
    assert table.item(1, 0).background().color().red() > table.item(1, 0).background().color().green()
    assert table.item(0, 2).background().style() == Qt.BrushStyle.NoBrush
    assert "1 rows in #" in table.item(0, 1).toolTip()

    page.set_pair(ids["A"], ids["C"])
    assert confusion.heatmap_b.matrix.tolist() == RUNS["C"]["confusion"]
    assert table.item(0, 2).text() == "+1"
    confusion.split_combo.setCurrentIndex(confusion.split_combo.findData("validation"))
    assert confusion.heatmap_a.matrix.tolist() == storage.get_run(ids["A"]).val_confusion


def test_changed_predictions_between_pair(make_main_window, qtbot, history, data_dir):
    _storage, ids = history
    _window, _history_page, page = open_window(make_main_window, qtbot)
    with qtbot.waitSignal(page.sigChangedPredictionsLoaded, timeout=TIMEOUT_MS) as blocker:
        page.compare([ids["A"], ids["B"], ids["C"]])
    assert blocker.args == [ids["A"], ids["B"]]

    table = page.changed_view.table
    rows = [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]
    texts = [line.split("\t")[1] for line in VALIDATION]
    assert rows == [["2", texts[1], "Politics", "Politics", "Religion"],
                    ["4", texts[3], "Arts", "Arts", "Politics"]]
    header = [table.horizontalHeaderItem(column).text() for column in (3, 4)]
    assert header == [f"#{ids['A']} lora r8", f"#{ids['B']} prompt %2 & #1"]
    assert table.item(0, 1).font().families()[0] == tibetan_family()
    assert table.item(0, 3).foreground().color().name() == "#2a7a2e"
    assert table.item(0, 4).foreground().color().name() == "#d0191f"
    summary = page.changed_view.summary_label.text()
    assert summary == (f"2 validation rows are predicted differently. #{ids['A']} lora r8 is right "
                       f"on 2 of them, #{ids['B']} prompt %2 & #1 on 0.")

    with qtbot.waitSignal(page.sigChangedPredictionsLoaded, timeout=TIMEOUT_MS):
        page.set_pair(ids["A"], ids["C"])
    assert table.rowCount() == 0
    assert page.changed_view.summary_label.text() == "Both runs predict every validation row the same way."

    # Edited data files no longer match the stored predictions: the engine's message shows.
    (data_dir / "validation.txt").write_text("\n".join(VALIDATION[::-1]) + "\n", encoding="utf-8")
    with qtbot.waitSignal(page.sigComparisonLoaded, timeout=TIMEOUT_MS):
        page.compare([ids["A"], ids["B"]])
    qtbot.waitUntil(lambda: "changed since it was trained" in page.changed_view.summary_label.text(),
                    timeout=TIMEOUT_MS)
    assert table.rowCount() == 0

    # The second comparison replaced the curves of the first.
    assert page.curves.loss_plot.point_count(str(ids["A"])) == len(RUNS["A"]["losses"])
    with pytest.raises(KeyError):
        page.curves.loss_plot.point_count(str(ids["C"]))


def test_exports_match_core_compare(make_main_window, qtbot, history, tmp_path, monkeypatch):
    storage, ids = history
    window, _history_page, page = open_window(make_main_window, qtbot)
    window.show_page("compare")
    run_ids = [ids["A"], ids["B"], ids["C"]]
    with qtbot.waitSignal(page.sigComparisonLoaded, timeout=TIMEOUT_MS):
        page.compare(run_ids)
    expected = compare_runs(storage, run_ids)

    # The file dialog's name without a suffix gets the format's suffix.
    chosen = []

    def choose(_parent, _title, name, _filter):
        chosen.append(name)
        return str(tmp_path / "table"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    with qtbot.waitSignal(page.sigExported, timeout=TIMEOUT_MS) as blocker:
        page.export_buttons["csv"].click()
    assert chosen == [f"comparison-{ids['A']}-{ids['B']}-{ids['C']}.csv"]
    assert blocker.args == [str(tmp_path / "table.csv")]
    assert (tmp_path / "table.csv").read_text(encoding="utf-8") == expected.to_csv()

    for kind, text in (("markdown", expected.to_markdown()), ("latex", expected.to_latex())):
        path = tmp_path / f"comparison.{kind}"
        with qtbot.waitSignal(page.sigExported, timeout=TIMEOUT_MS):
            page.export_table(kind, str(path))
        assert path.read_text(encoding="utf-8") == text
    assert "**0.7000**" in (tmp_path / "comparison.markdown").read_text(encoding="utf-8")
    assert "Saved" in page.message_label.text()

    for plot in ("curves", "confusion"):
        path = tmp_path / f"{plot}.png"
        with qtbot.waitSignal(page.sigExported, timeout=TIMEOUT_MS):
            page.save_plot(plot, str(path))
        image = QImage(str(path))
        assert not image.isNull()
        assert image.width() > 200
        assert image.height() > 100

    with qtbot.waitSignal(page.sigExported, timeout=1000, raising=False) as blocker:
        page.export_table("csv", str(tmp_path / "missing-folder" / "table.csv"))
    qtbot.waitUntil(lambda: "could not be saved" in page.message_label.text(), timeout=TIMEOUT_MS)
    assert not blocker.signal_triggered


def test_compare_needs_two_runs(make_main_window, qtbot, history):
    _storage, ids = history
    _window, _history_page, page = open_window(make_main_window, qtbot)

    page.compare([ids["A"], ids["A"]])

    assert page.comparison is None
    assert page.message_label.text() == "Check two or more runs to compare."
    assert page.checked_run_ids() == [ids["A"]]
    assert not page.compare_button.isEnabled()


def test_compare_waits_for_history(qtbot, history):
    storage, ids = history
    page = ComparePage(ProjectState())
    qtbot.addWidget(page)

    page.compare([ids["B"], ids["A"]])
    assert page.message_label.text() == "Opening the run history…"
    assert page.comparison is None

    with qtbot.waitSignal(page.sigChangedPredictionsLoaded, timeout=TIMEOUT_MS):
        with qtbot.waitSignal(page.sigComparisonLoaded, timeout=TIMEOUT_MS) as blocker:
            page.set_history(storage, storage.list_runs())
    assert blocker.args == [[ids["A"], ids["B"]]]
    assert page.checked_run_ids() == [ids["A"], ids["B"]]
    assert page.stop_tasks()
