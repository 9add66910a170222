"""The pages wired to the engine: model, data, preview, label words, training, history.

These tests use the session's tiny model and slices of TNCC-title, so each run trains
for a few optimizer steps only.
"""

from __future__ import annotations

import pytest

from peftt_gui.core.storage import RunStorage
from peftt_gui.gui.history_model import COLUMNS

TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'
EDITED_TEMPLATE = '{"placeholder":"text_a"} གསར་འགྱུར་འདི་{"mask"}་སྐོར་ཡིན།'
VERBALIZER = {
    "Politics": ["ཆབ་སྲིད"], "Economics": ["དཔལ་འབྱོར"], "Education": ["སློབ་གསོ"],
    "Tourism": ["ཡུལ་སྐོར"], "Environment": ["ཁོར་ཡུག"], "Language": ["སྐད་ཡིག"],
    "Literature": ["རྩོམ་རིག"], "Religion": ["ཆོས་ལུགས"], "Arts": ["སྒྱུ་རྩལ"],
    "Medicine": ["གསོ་རིག"], "Customs": ["སྲོལ་རྒྱུན"], "Instruments": ["རོལ་ཆ"],
}
TRAIN_ROWS = 48
EVAL_ROWS = 24
RUN_TIMEOUT_MS = 240_000


def open_model(window, qtbot, model_dir) -> None:
    """Choose the model folder and wait until its tokenizer and layers are loaded."""
    window.open_model_folder(str(model_dir))
    qtbot.waitUntil(lambda: window.state.tokenizer is not None and bool(window.state.linear_layers),
                    timeout=120_000)


def open_data(window, qtbot, data_dir, train_rows=TRAIN_ROWS, eval_rows=EVAL_ROWS) -> None:
    """Choose the data folder with row limits and wait until the limited splits are loaded."""
    page = window.pages["data"]
    page.options_form.set_value("max_train_rows", train_rows)
    page.options_form.set_value("max_eval_rows", eval_rows)
    window.open_data_folder(str(data_dir))
    qtbot.waitUntil(lambda: window.state.splits is not None
                    and len(window.state.splits.train) <= train_rows, timeout=60_000)


def choose_prompt_lora(window, *, epochs=1, log_every=10) -> None:
    page = window.pages["method"]
    page.method_radios["prompt-lora"].setChecked(True)
    page.epochs.setValue(epochs)
    page.batch_size.setValue(16)
    page.seed.setValue(7)
    page.advanced_form.set_value("log_every", log_every)
    page.advanced_form.set_value("device", "cpu")
    page.options_form.set_value("r", 4)


def wait_for_engine(window, qtbot) -> None:
    if not window.engine_loader.is_ready():
        with qtbot.waitSignal(window.engine_loader.sigEngineReady, timeout=120_000):
            window.engine_loader.start()
    qtbot.waitUntil(lambda: window.pages["train"].start_button.isEnabled(), timeout=10_000)


@pytest.fixture
def ready_window(main_window, qtbot, tiny_model_dir, tncc_dir):
    """A window with the tiny model, a TNCC-title slice and prompt + LoRA chosen."""
    open_model(main_window, qtbot, tiny_model_dir)
    open_data(main_window, qtbot, tncc_dir)
    choose_prompt_lora(main_window)
    template_page = main_window.pages["template"]
    template_page.editor.setPlainText(TEMPLATE)
    template_page.set_verbalizer(VERBALIZER)
    # The seed chosen above reloads the data (it draws the row subsets), so wait until that
    # reload has finished: a load in flight has set the splits to None.
    data_page = main_window.pages["data"]
    qtbot.waitUntil(lambda: main_window.state.splits is not None and not data_page._load_timer.isActive(),
                    timeout=60_000)
    return main_window


# Model page.

def test_model_page_shows_inspection(main_window, qtbot, tiny_model_dir):
    open_model(main_window, qtbot, tiny_model_dir)
    page = main_window.pages["model"]
    info = main_window.state.model_info

    assert info.model_type == "bert"
    assert page.detail_labels["architecture"].text() == "BertForMaskedLM (bert)"
    assert page.detail_labels["parameters"].text().replace(",", "") == str(info.parameter_count)
    assert page.detail_labels["vocabulary"].text().replace(",", "") == str(info.vocab_size)
    assert page.detail_labels["tokenizer"].text().startswith(info.tokenizer_kind)
    assert page.detail_labels["mlm_head"].text() == "yes"
    assert "query" in page.detail_labels["linear_layers"].text()
    assert page.status_message.text().startswith("Ready: the tokenizer has")


def test_lora_targets_default_per_model_type(main_window, qtbot, tiny_model_dir):
    open_model(main_window, qtbot, tiny_model_dir)
    page = main_window.pages["method"]
    page.method_radios["lora"].setChecked(True)

    assert sorted(page.layer_checklist.boxes) == sorted(main_window.state.linear_layers)
    assert page.layer_checklist.checked() == ["query", "value"]
    assert main_window.state.method_options["target_modules"] == ["query", "value"]

    page.layer_checklist.boxes["key"].setChecked(True)
    assert main_window.state.method_options["target_modules"] == ["key", "query", "value"]


def test_model_error_shown_on_page(main_window, qtbot, tmp_path):
    main_window.open_model_folder(str(tmp_path))
    page = main_window.pages["model"]

    qtbot.waitUntil(lambda: "config.json" in page.status_message.text(), timeout=10_000)
    assert main_window.state.model_info is None


# Data page.

def test_data_page_shows_classes_and_preview(main_window, qtbot, tncc_dir):
    open_data(main_window, qtbot, tncc_dir, train_rows=60, eval_rows=30)
    page = main_window.pages["data"]
    splits = main_window.state.splits

    assert page.classes_table.rowCount() == 12
    assert page.class_chart.categories == splits.labels
    assert sum(page.class_chart.values("train")) == len(splits.train)
    assert page.preview_table.rowCount() == 20
    assert page.preview_table.item(0, 1).text() == splits.train[0].text
    assert "tsheg was restored" in page.notes_label.text()
    assert main_window.state.labels == splits.labels


def test_data_error_shows_file_and_line(main_window, qtbot, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "train.txt").write_text("Politics\tཆབ་སྲིད་ཀྱི་གནས་ཚུལ།\nArts no tab here\n",
                                   encoding="utf-8")
    main_window.open_data_folder(str(bad))
    page = main_window.pages["data"]

    qtbot.waitUntil(lambda: page.error_group.isVisibleTo(page), timeout=10_000)
    assert page.error_file.text().endswith("train.txt")
    assert page.error_line.text() == "2"
    assert "contains no tab" in page.error_message.text()
    assert main_window.state.splits is None


def test_token_lengths_count_truncation(main_window, qtbot, tiny_model_dir, tncc_dir):
    open_model(main_window, qtbot, tiny_model_dir)
    open_data(main_window, qtbot, tncc_dir, train_rows=60, eval_rows=30)
    page = main_window.pages["data"]
    main_window.pages["method"].max_length.setValue(12)

    qtbot.waitUntil(lambda: page.length_stats is not None
                    and page.length_stats.max_length == 12, timeout=20_000)
    stats = page.length_stats
    assert stats.text_budget == 10
    assert stats.truncated == int((stats.lengths > 10).sum()) > 0
    assert f"{stats.truncated} of {len(stats.lengths)}" in page.length_label.text()
    assert page.length_plot.counts.sum() == len(stats.lengths)


# Template page.

def test_live_preview_shows_pieces(main_window, qtbot, tiny_model_dir, tncc_dir):
    open_model(main_window, qtbot, tiny_model_dir)
    open_data(main_window, qtbot, tncc_dir)
    main_window.pages["method"].method_radios["prompt"].setChecked(True)
    page = main_window.pages["template"]
    page.editor.setPlainText(TEMPLATE)

    qtbot.waitUntil(lambda: page.preview is not None and bool(page.preview.rows)
                    and bool(page.preview.rows[0].pieces), timeout=20_000)
    row = page.preview.rows[0]
    assert row.pieces[0] == "[CLS]"
    assert row.pieces[row.mask_index] == "[MASK]"
    rendered, pieces = page.preview_rows[0]
    assert main_window.state.splits.train[0].text in rendered.text()
    assert "[MASK]" in pieces.text()
    assert f"mask at token {row.mask_index + 1}" in pieces.text()


def test_template_error_shown_in_preview(main_window, qtbot, tncc_dir):
    open_data(main_window, qtbot, tncc_dir)
    main_window.pages["method"].method_radios["prompt"].setChecked(True)
    page = main_window.pages["template"]
    page.editor.setPlainText('{"placeholder":"text_a"} no mask here')

    qtbot.waitUntil(lambda: page.preview is not None and bool(page.preview.error),
                    timeout=20_000)
    assert "mask" in page.template_message.text()


def wordpiece_tokenizer():
    """A BERT-style WordPiece tokenizer whose vocabulary contains only a few Tibetan syllables."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "་", "།", "ཆབ", "སྲིད",
                  "སྒྱུ", "རྩལ", "དཔལ", "འབྱོར"]
    backend = Tokenizer(models.WordPiece({word: index for index, word in enumerate(vocabulary)},
                                         unk_token="[UNK]"))
    backend.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False)
    backend.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    return PreTrainedTokenizerFast(tokenizer_object=backend, unk_token="[UNK]",
                                   cls_token="[CLS]", sep_token="[SEP]", pad_token="[PAD]",
                                   mask_token="[MASK]")


def test_label_word_warnings(main_window, qtbot):
    main_window.state.set_tokenizer(wordpiece_tokenizer())
    main_window.state.set_labels(["Arts", "Economics", "Politics"])
    page = main_window.pages["template"]
    page.editor.setPlainText(TEMPLATE)
    page.set_verbalizer({"Arts": ["སྒྱུ་རྩལ"], "Economics": ["ཆབ་སྲིད"],
                         "Politics": ["ཆབ་སྲིད", "ཀཀཀ"]})

    qtbot.waitUntil(lambda: page.word_check is not None, timeout=20_000)
    problems = page.word_problems()
    assert "Arts" not in problems
    assert problems["Politics"] == [
        "ཆབ་སྲིད has the same tokens as ཆབ་སྲིད of class Economics, so the two classes cannot "
        "be told apart.",
        "ཀཀཀ contains the unknown token, so the model cannot score it."]
    text = page.verbalizer_message.text()
    assert "Politics: ཀཀཀ contains the unknown token" in text
    assert "Politics: ཆབ་སྲིད has the same ids as ཆབ་སྲིད (Economics)" in text
    politics_words = page.verbalizer_table.item(2, 1)
    assert "unknown token" in politics_words.toolTip()
    assert page.verbalizer_table.item(0, 2).text() == "སྒྱུ ་ རྩལ ་"


def test_verbalizer_import_export(main_window, tmp_path):
    main_window.state.set_labels(["Arts", "Politics"])
    page = main_window.pages["template"]
    page.set_verbalizer({"Arts": ["སྒྱུ་རྩལ"], "Politics": ["ཆབ་སྲིད", "གཞུང"]})

    for name in ("words.json", "words.txt"):
        page.export_verbalizer_file(str(tmp_path / name))
        page.set_verbalizer({})
        assert page.import_verbalizer_file(str(tmp_path / name))
        assert main_window.state.verbalizer == {"Arts": ["སྒྱུ་རྩལ"],
                                                "Politics": ["ཆབ་སྲིད", "གཞུང"]}
    assert (tmp_path / "words.txt").read_text(encoding="utf-8") == "སྒྱུ་རྩལ\nཆབ་སྲིད,གཞུང\n"


def test_template_import_export(main_window, tmp_path):
    page = main_window.pages["template"]
    path = tmp_path / "templates.txt"
    path.write_text(f"{TEMPLATE}\n\n{EDITED_TEMPLATE}\n", encoding="utf-8")

    assert page.import_template_file(str(path), index=1)
    assert main_window.state.template_text == EDITED_TEMPLATE
    page.export_template_file(str(tmp_path / "out.txt"))
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == EDITED_TEMPLATE + "\n"


def test_score_before_training(ready_window, qtbot):
    page = ready_window.pages["template"]
    with qtbot.waitSignal(page.sigZeroShotScored, timeout=RUN_TIMEOUT_MS):
        page.score_before_training()

    score = page.zero_shot_score
    assert score.rows == len(ready_window.state.splits.validation)
    assert 0.0 <= score.metrics.macro_f1 <= 1.0
    assert sorted(score.metrics.per_class_f1) == sorted(VERBALIZER)
    assert f"{score.metrics.macro_f1:.3f}" in page.zero_shot_label.text()
    assert page.zero_shot_chart.categories == score.labels


# Training and history.

def test_full_flow_records_run(ready_window, qtbot, isolated_history):
    window = ready_window
    window.pages["template"].editor.setPlainText(EDITED_TEMPLATE)
    wait_for_engine(window, qtbot)
    train = window.pages["train"]
    history = window.pages["history"]

    with qtbot.waitSignal(train.sigRunFinished, timeout=RUN_TIMEOUT_MS) as blocker:
        train.start_button.click()
    result = blocker.args[0]
    assert result.status == "finished"

    # The Train page drew the run.
    assert train.loss_plot.point_count("train_loss") == train.training_state.step > 0
    assert train.metrics_plot.point_count("macro_f1") == 1
    assert "finished" in train.result_label.text()

    # The History page lists the run, selected, with the values of the database.
    qtbot.waitUntil(lambda: history.selected_run_id() == result.run_id, timeout=20_000)
    record = RunStorage(isolated_history).get_run(result.run_id)
    assert record.status == "finished"
    assert record.template == EDITED_TEMPLATE
    assert record.method == "prompt-lora"
    assert record.config["data"]["max_train_rows"] == TRAIN_ROWS
    assert record.config["method_options"]["r"] == 4
    assert record.test_macro_f1 == pytest.approx(result.test_macro_f1)
    row = history.model.row_of(result.run_id)
    test_f1 = history.model.index(row, COLUMNS.index("test_f1")).data()
    assert test_f1 == f"{record.test_macro_f1:.4f}"
    assert history.model.index(row, COLUMNS.index("status")).data() == "finished"

    # Its details show the stored curves and test results.
    qtbot.waitUntil(lambda: history.details.run_id() == result.run_id, timeout=20_000)
    details = history.details
    assert details.template_view.toPlainText() == EDITED_TEMPLATE
    assert details.loss_plot.point_count("loss") == train.loss_plot.point_count("train_loss")
    assert details.metrics_plot.point_count("macro_f1") == 1
    assert details.confusion.matrix.tolist() == record.test_confusion
    assert details.class_f1_chart.categories == record.labels


def test_stop_leaves_cancelled_run(ready_window, qtbot, isolated_history):
    window = ready_window
    choose_prompt_lora(window, epochs=3, log_every=1)
    wait_for_engine(window, qtbot)
    train = window.pages["train"]

    def stop_at_first_step(_events):
        train.stop_training()

    train.start_training()
    train.worker.sigProgressBatch.connect(stop_at_first_step)
    with qtbot.waitSignal(train.sigRunFinished, timeout=RUN_TIMEOUT_MS) as blocker:
        pass
    result = blocker.args[0]

    assert result.status == "cancelled"
    record = RunStorage(isolated_history).get_run(result.run_id)
    assert record.status == "cancelled"
    assert record.finished_at is not None
    assert train.training_state.step < 9
    assert train.resume_button.isEnabled()
    assert "stopped" in train.result_label.text()


def test_resume_finishes_stopped_run(ready_window, qtbot, isolated_history):
    window = ready_window
    choose_prompt_lora(window, epochs=2, log_every=1)
    wait_for_engine(window, qtbot)
    train = window.pages["train"]
    train.start_training()
    train.worker.sigProgressBatch.connect(lambda _events: train.stop_training())
    with qtbot.waitSignal(train.sigRunFinished, timeout=RUN_TIMEOUT_MS) as stopped:
        pass
    run_id = stopped.args[0].run_id

    # Resume from the History page, as a user would.
    history = window.pages["history"]
    qtbot.waitUntil(lambda: history.details.run_id() == run_id, timeout=20_000)
    with qtbot.waitSignal(train.sigRunFinished, timeout=RUN_TIMEOUT_MS) as resumed:
        history.details.resume_button.click()

    assert resumed.args[0].run_id == run_id
    assert resumed.args[0].status == "finished"
    assert window.current_page() is train
    record = RunStorage(isolated_history).get_run(run_id)
    assert record.status == "finished"
    assert record.last_finished_epoch == 2


def test_build_local_model_dialog(main_window, qtbot, tncc_dir, tmp_path):
    corpus = tmp_path / "corpus.txt"
    lines = (tncc_dir / "train.txt").read_text(encoding="utf-8").splitlines()[:400]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = main_window.pages["model"].open_build_dialog()
    dialog.add_corpus_files([str(corpus)])
    dialog.size_combo.setCurrentIndex(dialog.size_combo.findData("small"))
    dialog.time_limit.setValue(1)
    dialog.output_picker.set_path(str(tmp_path / "built"))

    def stop_when_pretraining(report):
        if report.phase == "pretrain":
            dialog.stop_button.click()

    dialog.start_build()
    dialog.worker.sigProgress.connect(stop_when_pretraining)
    with qtbot.waitSignal(dialog.sigModelBuilt, timeout=RUN_TIMEOUT_MS) as blocker:
        pass

    assert blocker.args == [str(tmp_path / "built")]
    assert main_window.state.model_folder == str(tmp_path / "built")
    qtbot.waitUntil(lambda: main_window.state.model_info is not None, timeout=60_000)
    assert main_window.state.model_info.num_layers == 2
    assert "is now selected" in dialog.status_label.text()
    dialog.close()


def test_run_error_reaches_notifier(ready_window, qtbot, app_context):
    window = ready_window
    window.pages["template"].editor.setPlainText('{"placeholder":"text_a"} no mask here')
    wait_for_engine(window, qtbot)
    train = window.pages["train"]

    with qtbot.waitSignal(app_context.notifier.sigNotification,
                          timeout=RUN_TIMEOUT_MS) as blocker:
        assert train.start_training()
    notification = blocker.args[0]

    assert notification.expected
    assert "0 mask slots" in notification.message
    assert train.result_label.text().startswith("The run failed: ")
    assert train.start_button.isEnabled()
    for box in app_context.notifier.open_boxes:
        box.close()
