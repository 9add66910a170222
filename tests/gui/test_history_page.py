"""History page: runs from the database, sorted, filtered, edited and deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from peftt_gui.core.storage import RunStorage
from peftt_gui.gui.history_model import COLUMNS

LABELS = ["Arts", "Politics"]
DEAD_PID = 2**22 + 12345


def add_run(storage: RunStorage, name: str, method: str, status: str, test_f1: float | None,
            tags=()) -> int:
    record = storage.create_run(name=name, method=method, model_path="/models/tiny",
                                model_name="tiny", config={"method": method}, labels=LABELS,
                                template='{"placeholder":"text_a"} {"mask"}',
                                verbalizer={"Arts": ["སྒྱུ་རྩལ"], "Politics": ["ཆབ་སྲིད"]},
                                tags=tags)
    storage.add_steps(record.id, [(1, 0.5, 2.0, 1e-3), (2, 1.0, 1.5, 1e-3)])
    if status != "running":
        fields = {}
        if test_f1 is not None:
            fields = {"test_macro_f1": test_f1, "best_val_macro_f1": test_f1 + 0.01,
                      "test_per_class_f1": {"Arts": test_f1, "Politics": test_f1},
                      "test_confusion": [[3, 1], [0, 4]]}
        storage.finish_run(record.id, status, **fields)
    return record.id


def visible_names(page) -> list[str]:
    column = COLUMNS.index("name")
    return [page.proxy.index(row, column).data() for row in range(page.proxy.rowCount())]


def open_history_page(make_main_window, qtbot):
    window = make_main_window()
    page = window.pages["history"]
    qtbot.waitUntil(lambda: page.storage is not None, timeout=20_000)
    return window, page


def test_history_sorts_and_filters(make_main_window, qtbot, isolated_history):
    storage = RunStorage(isolated_history)
    add_run(storage, "lora small", "lora", "finished", 0.41, tags=["pilot"])
    add_run(storage, "prompt best", "prompt", "finished", 0.73)
    add_run(storage, "full broken", "finetune", "failed", None)
    add_run(storage, "prompt-lora mid", "prompt-lora", "finished", 0.55, tags=["pilot"])
    _window, page = open_history_page(make_main_window, qtbot)

    # Newest first by default.
    assert visible_names(page) == ["prompt-lora mid", "full broken", "prompt best", "lora small"]

    page.table.sortByColumn(COLUMNS.index("test_f1"), Qt.SortOrder.DescendingOrder)
    assert visible_names(page) == ["prompt best", "prompt-lora mid", "lora small", "full broken"]
    page.table.sortByColumn(COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)
    assert visible_names(page) == ["full broken", "lora small", "prompt best", "prompt-lora mid"]

    # The run number column sorts as numbers and shows the id that Compare and the CLI use.
    page.table.sortByColumn(COLUMNS.index("id"), Qt.SortOrder.AscendingOrder)
    assert visible_names(page) == ["lora small", "prompt best", "full broken", "prompt-lora mid"]
    ids = [page.proxy.index(row, COLUMNS.index("id")).data() for row in range(page.proxy.rowCount())]
    assert ids == [str(run.id) for run in sorted(storage.list_runs(), key=lambda run: run.id)]

    page.filter_edit.setText("pilot")
    assert visible_names(page) == ["lora small", "prompt-lora mid"]
    page.filter_edit.clear()
    page.method_filter.setCurrentIndex(page.method_filter.findData("prompt"))
    assert visible_names(page) == ["prompt best"]
    page.method_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("failed"))
    assert visible_names(page) == ["full broken"]
    assert page.proxy.index(0, COLUMNS.index("test_f1")).data() == ""


def test_history_marks_dead_runs_interrupted(make_main_window, qtbot, isolated_history):
    storage = RunStorage(isolated_history)
    run_id = add_run(storage, "killed", "lora", "running", None)
    storage.update_run(run_id, pid=DEAD_PID)
    window, page = open_history_page(make_main_window, qtbot)

    assert storage.get_run(run_id).status == "interrupted"
    assert page.model.index(0, COLUMNS.index("status")).data() == "interrupted"
    assert "marked as interrupted" in page.message_label.text()

    # The message follows a language switch, as the other texts do.
    window.choose_language("zh_CN")
    qtbot.waitUntil(lambda: "marked as interrupted" not in page.message_label.text(), timeout=2000)
    assert "1" in page.message_label.text()
    window.choose_language("en")


def test_history_details_and_edits(make_main_window, qtbot, isolated_history, monkeypatch):
    storage = RunStorage(isolated_history)
    first = add_run(storage, "first", "prompt", "finished", 0.6)
    second = add_run(storage, "second", "lora", "cancelled", None)
    _window, page = open_history_page(make_main_window, qtbot)

    with qtbot.waitSignal(page.sigDetailsLoaded, timeout=20_000) as blocker:
        page.select_run(first)
    assert blocker.args == [first]
    details = page.details
    assert details.template_view.toPlainText() == '{"placeholder":"text_a"} {"mask"}'
    assert details.verbalizer_table.item(1, 1).text() == "ཆབ་སྲིད"
    assert details.loss_plot.point_count("loss") == 2
    assert details.confusion.matrix.tolist() == [[3, 1], [0, 4]]
    assert details.class_f1_chart.values("f1") == [0.6, 0.6]
    assert not details.resume_button.isVisibleTo(details)

    details.name_edit.setText("renamed")
    with qtbot.waitSignal(page.sigDetailsLoaded, timeout=20_000):
        details.rename_button.click()
    details.notes_edit.setPlainText("ཟིན་ཐོ། good template")
    with qtbot.waitSignal(page.sigDetailsLoaded, timeout=20_000):
        details.save_notes_button.click()
    details.tags_edit.setText("pilot， tncc")
    with qtbot.waitSignal(page.sigDetailsLoaded, timeout=20_000):
        details.save_tags_button.click()
    record = storage.get_run(first)
    assert record.name == "renamed"
    assert record.notes == "ཟིན་ཐོ། good template"
    assert record.tags == ("pilot", "tncc")
    assert visible_names(page)[1] == "renamed"

    with qtbot.waitSignal(page.sigDetailsLoaded, timeout=20_000):
        page.select_run(second)
    assert details.resume_button.isVisibleTo(details)

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.sigRunsLoaded, timeout=20_000):
        details.delete_button.click()
    assert [run.id for run in storage.list_runs()] == [first]
    assert visible_names(page) == ["renamed"]


def test_history_delete_needs_confirmation(make_main_window, qtbot, isolated_history,
                                           monkeypatch):
    storage = RunStorage(isolated_history)
    run_id = add_run(storage, "keep me", "prompt", "finished", 0.5)
    _window, page = open_history_page(make_main_window, qtbot)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args, **_kwargs: QMessageBox.StandardButton.No)

    page.delete_run(run_id)
    qtbot.wait(200)
    assert [run.id for run in storage.list_runs()] == [run_id]


def test_status_filter_lists_storage_statuses():
    # The page lists the statuses from history_model, so that it need not import SQLAlchemy
    # before the window's first paint. Both lists must stay equal.
    from peftt_gui.core.storage import RUN_STATUSES
    from peftt_gui.gui.history_model import STATUS_TEXTS

    assert tuple(STATUS_TEXTS) == RUN_STATUSES


def test_status_filter_offers_every_status(main_window):
    page = main_window.pages["history"]
    statuses = [page.status_filter.itemData(index) for index in range(page.status_filter.count())]

    assert statuses == ["", "running", "finished", "failed", "cancelled", "interrupted"]
