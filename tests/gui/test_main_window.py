"""Main window: pages, status lines, menus, language switching, persisted layout."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from peftt_gui.gui.fonts import TIBETAN_UI_SCALE

from peftt_gui.gui.settings import AppSettings
from peftt_gui.gui.state import Requirement

PAGE_TITLES = ["Model", "Data", "Method", "Template & verbalizer", "Train", "History",
               "Compare", "Playground", "Study"]


def sidebar_texts(window) -> list[str]:
    return [window.sidebar.item(row).text() for row in range(window.sidebar.count())]


def test_sidebar_lists_pages_in_order(main_window):
    assert sidebar_texts(main_window) == PAGE_TITLES
    assert list(main_window.pages) == ["model", "data", "method", "template", "train",
                                       "history", "compare", "playground", "study"]
    for row in range(main_window.sidebar.count()):
        assert not main_window.sidebar.item(row).icon().isNull()


def test_sidebar_switches_page(main_window):
    main_window.sidebar.setCurrentRow(3)

    assert main_window.current_page() is main_window.pages["template"]
    assert main_window.current_page().title_label.text() == "Template & verbalizer"


def test_sidebar_fits_longest_title(main_window):
    metrics = main_window.sidebar.fontMetrics()

    widest = max(metrics.horizontalAdvance(text) for text in PAGE_TITLES)
    assert main_window.sidebar.width() > widest + main_window.sidebar.iconSize().width()


def test_preparing_pages_show_missing_items(main_window):
    preparing = {"model", "data", "method", "template", "train"}
    for page in main_window.pages.values():
        assert page.status_label.isVisibleTo(page) == (page.key in preparing), page.key
        text = page.status_label.text()
        assert "Still missing before training" in text
        assert "a model folder" in text


def test_status_line_follows_state(main_window, tmp_path):
    main_window.open_model_folder(str(tmp_path))
    main_window.open_data_folder(str(tmp_path))
    main_window.pages["method"].method_radios["finetune"].setChecked(True)

    for page in main_window.pages.values():
        assert "Ready to train." in page.status_label.text()


def test_prompt_method_requires_template(main_window, tmp_path):
    main_window.pages["method"].method_radios["prompt-lora"].setChecked(True)

    assert main_window.state.missing()[-2:] == [Requirement.TEMPLATE, Requirement.VERBALIZER]
    assert main_window.pages["method"].options_group.isVisibleTo(main_window.pages["method"])

    template_page = main_window.pages["template"]
    template_page.editor.setPlainText('{"placeholder":"text_a"} {"mask"}')
    template_page.set_verbalizer({"Politics": ["ཆབ་སྲིད"]})
    assert Requirement.TEMPLATE not in main_window.state.missing()
    assert Requirement.VERBALIZER not in main_window.state.missing()


def test_missing_item_link_opens_its_page(main_window):
    main_window.show_page("train")

    main_window.pages["train"].status_label.linkActivated.emit("data")
    assert main_window.current_page() is main_window.pages["data"]


def test_open_model_folder_updates_state_and_recent(main_window, tmp_path):
    main_window.open_model_folder(str(tmp_path))

    assert main_window.state.model_folder == str(tmp_path)
    assert main_window.current_page() is main_window.pages["model"]
    assert main_window.pages["model"].folder_picker.path() == str(tmp_path)
    assert AppSettings().recent_models() == [str(tmp_path)]
    assert main_window.pages["model"].recent_list.item(0).text() == str(tmp_path)


def test_recent_data_menu_lists_folders(main_window, tmp_path):
    main_window.open_data_folder(str(tmp_path))
    main_window._fill_recent_data_menu()

    texts = [action.text() for action in main_window.recent_data_menu.actions()]
    assert texts == [str(tmp_path)]


def test_separate_data_files(main_window, tmp_path):
    page = main_window.pages["data"]
    page.files_radio.setChecked(True)
    page.split_pickers["train"].line_edit.setText(str(tmp_path / "train.txt"))
    page.split_pickers["train"].line_edit.editingFinished.emit()

    assert main_window.state.data_paths == {"train": str(tmp_path / "train.txt")}
    assert Requirement.DATA not in main_window.state.missing()


def test_hyperparameters_reach_state(main_window):
    page = main_window.pages["method"]
    page.epochs.setValue(7)
    page.learning_rate.lineEdit().setText("3e-4")
    page.learning_rate.interpretText()

    assert main_window.state.hyperparameters["epochs"] == 7
    assert main_window.state.hyperparameters["learning_rate"] == 3e-4
    assert page.learning_rate.text() == "0.0003"


def test_start_disabled_until_ready(main_window):
    start = main_window.pages["train"].start_button

    assert not start.isEnabled()
    assert start.toolTip() == "Complete the missing items first."


def test_language_switch_retranslates(main_window, qtbot):
    # Qt posts the LanguageChange events, so the texts change on the next event loop pass.
    main_window.choose_language("zh_CN")
    qtbot.waitUntil(lambda: sidebar_texts(main_window)[0] == "模型", timeout=2000)
    assert main_window.file_menu.title().startswith("文件")
    assert "训练" in main_window.pages["model"].status_label.text()
    assert main_window.pages["template"].editor.undo_action.text() == "撤销"

    main_window.choose_language("bo")
    qtbot.waitUntil(lambda: sidebar_texts(main_window)[0] == "དཔེ་དབྱིབས", timeout=2000)
    assert AppSettings().language() == "bo"
    system_size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    assert QApplication.font().pointSizeF() == system_size * TIBETAN_UI_SCALE

    main_window.choose_language("en")
    qtbot.waitUntil(lambda: sidebar_texts(main_window) == PAGE_TITLES, timeout=2000)
    assert main_window.language_actions["en"].isChecked()
    assert QApplication.font().pointSizeF() == system_size


def test_window_layout_persists(make_main_window):
    # Smaller than the offscreen screen (800 x 600), which restoreGeometry() clamps to.
    first = make_main_window()
    first.resize(700, 500)
    first.close()

    stored = AppSettings().geometry()
    assert isinstance(stored, QByteArray)
    second = make_main_window()
    assert second.size().width() == 700
    assert second.size().height() == 500


def test_about_box_opens_and_closes(main_window, qtbot):
    box = main_window.show_about()

    assert isinstance(box, QMessageBox)
    assert "PEFTT Studio" in box.text()
    box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not main_window._open_dialogs, timeout=2000)


def test_quit_action_closes_window(main_window, qtbot):
    main_window.quit_action.trigger()

    qtbot.waitUntil(lambda: not main_window.isVisible(), timeout=2000)


def test_template_page_has_tibetan_editor(main_window):
    page = main_window.pages["template"]
    page.editor.setPlainText('{"placeholder":"text_a"} འདི་ནི་{"mask"}་གི་གསར་འགྱུར་རེད།')

    assert main_window.state.template_text.startswith('{"placeholder"')
    assert page.editor.font().families()[0] == "Noto Serif Tibetan"


def test_verbalizer_marks_unknown_class(main_window):
    page = main_window.pages["template"]
    page.set_verbalizer({"Politics": ["ཆབ་སྲིད"], "Sports": ["རྩེད་མོ"]})
    main_window.state.set_labels(["Politics", "Arts"])

    labels = [page.verbalizer_table.item(row, 0).text()
              for row in range(page.verbalizer_table.rowCount())]
    assert labels == ["Politics", "Sports", "Arts"]
    sports = page.verbalizer_table.item(1, 0)
    assert sports.toolTip() == "This class is not in the training data."
    assert page.verbalizer_table.item(0, 0).toolTip() == ""


def test_label_words_split_on_commas(main_window):
    page = main_window.pages["template"]
    page.set_verbalizer({"Politics": ["ཆབ་སྲིད", "སྲིད་ཇུས"]})
    page.verbalizer_table.item(0, 1).setText("ཆབ་སྲིད，སྲིད་ཇུས、 གཞུང་")

    assert main_window.state.verbalizer == {"Politics": ["ཆབ་སྲིད", "སྲིད་ཇུས", "གཞུང་"]}


def test_engine_status_while_loading(main_window):
    assert main_window.engine_label.text() == "Loading the training engine…"
    assert main_window.pages["train"].summary_values["engine"].text() == "loading…"


def test_history_page_empty_state(main_window, qtbot):
    page = main_window.pages["history"]
    qtbot.waitUntil(lambda: page.storage is not None, timeout=10_000)

    assert page.model.rowCount() == 0
    assert page.empty_label.isVisibleTo(page)
    assert page.model.headerData(6, Qt.Orientation.Horizontal) == "Validation macro-F1"


def test_methods_come_from_registry(main_window):
    from peftt_gui.core.methods import method_names

    page = main_window.pages["method"]
    assert list(page.method_radios) == method_names()
    assert page.method_radios["prompt-lora"].text() == "Prompt + LoRA"


def test_learning_rate_follows_method_until_edited(main_window):
    from peftt_gui.core.methods import get_method

    page = main_window.pages["method"]
    page.method_radios["lora"].setChecked(True)
    assert page.learning_rate.value() == get_method("lora").default_learning_rate
    assert main_window.state.hyperparameters["learning_rate"] == page.learning_rate.value()

    page.learning_rate.setValue(1e-4)
    page.method_radios["finetune"].setChecked(True)
    assert page.learning_rate.value() == 1e-4


def test_training_defaults_come_from_engine(main_window):
    from peftt_gui.core.config import TrainingConfig

    page = main_window.pages["method"]
    defaults = TrainingConfig()
    assert page.epochs.value() == defaults.epochs
    assert page.seed.value() == defaults.seed
    assert main_window.state.hyperparameters["max_length"] == defaults.max_length
