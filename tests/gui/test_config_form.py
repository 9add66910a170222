"""Forms generated from config dataclasses, and the translatable texts they show."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from peftt_gui.core.config import DataConfig, TrainingConfig, option
from peftt_gui.core.errors import ConfigError
from peftt_gui.core.methods import list_methods
from peftt_gui.gui.config_form import ConfigForm
from peftt_gui.gui.config_text import FIELD_LABELS, HELP_TEXTS
from peftt_gui.gui.methods import METHOD_TITLES
from peftt_gui.gui.pages.data_page import DATA_OPTION_FIELDS


@dataclass
class Range:
    low: int = option(1, "Lower end.", minimum=0, maximum=100)
    high: int = option(2, "Upper end.", minimum=0, maximum=100)
    unit: str = option("cm", "Unit of both ends.", choices=("cm", "mm"))

    def __post_init__(self):
        if self.low > self.high:
            raise ConfigError(f"low = {self.low} is above high = {self.high}.", field="high")


@pytest.fixture
def training_form(qtbot, app_context):
    form = ConfigForm(TrainingConfig)
    qtbot.addWidget(form)
    form.show()
    return form


def test_editors_follow_field_types(training_form):
    editors = training_form.editors

    assert isinstance(editors["epochs"], QSpinBox)
    assert (editors["epochs"].minimum(), editors["epochs"].maximum()) == (1, 1000)
    assert isinstance(editors["class_weights"], QCheckBox)
    assert isinstance(editors["device"], QComboBox)
    assert [editors["device"].itemData(index) for index in range(4)] == [
        "auto", "cuda", "mps", "cpu"]
    assert training_form.values()["epochs"] == TrainingConfig().epochs
    assert training_form.values()["device"] == "auto"


def test_help_text_is_tooltip(training_form):
    help_text = TrainingConfig.__dataclass_fields__["epochs"].metadata["help"]

    assert training_form.editors["epochs"].toolTip() == help_text
    assert training_form.editors["class_weights"].text() == "Weight classes by frequency"


def test_typed_value_out_of_range(training_form, qtbot):
    editor = training_form.editors["epochs"]
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "0")

    assert training_form.error_labels["epochs"].text() == "Enter a value from 1 to 1000."
    assert training_form.error_labels["epochs"].isVisibleTo(training_form)

    editor.setValue(7)
    assert training_form.errors() == {}


def test_optional_number_shows_none_text(qtbot, app_context):
    form = ConfigForm(DataConfig, ["max_train_rows"])
    qtbot.addWidget(form)
    editor = form.editors["max_train_rows"]

    assert form.value("max_train_rows") is None
    assert editor.text() == "all"
    form.set_value("max_train_rows", 48)
    assert form.value("max_train_rows") == 48
    form.set_value("max_train_rows", None)
    assert form.value("max_train_rows") is None


def test_engine_error_beside_field(qtbot, app_context):
    form = ConfigForm(Range)
    qtbot.addWidget(form)
    changes = []
    form.sigValueChanged.connect(lambda name, value: changes.append((name, value)))
    form.set_value("low", 5)

    assert changes == [("low", 5)]
    assert form.validate() == "low = 5 is above high = 2."
    assert form.errors() == {"high": "low = 5 is above high = 2."}
    form.set_value("high", 9)
    assert form.validate() == ""
    assert form.errors() == {}


def test_list_field_is_comma_separated(qtbot, app_context):
    from peftt_gui.core.methods.registry import get_method

    form = ConfigForm(get_method("ia3").options_class)
    qtbot.addWidget(form)
    editor = form.editors["target_modules"]
    assert isinstance(editor, QLineEdit)
    editor.setText("key, value，output.dense")
    editor.editingFinished.emit()

    assert form.value("target_modules") == ["key", "value", "output.dense"]


def engine_help_texts() -> dict[str, str]:
    """Return the help text of every field the GUI shows, by field name."""
    classes = [TrainingConfig] + [spec.options_class for spec in list_methods()]
    texts = {spec.name: spec.metadata["help"] for cls in classes
             for spec in dataclasses.fields(cls)}
    for name in DATA_OPTION_FIELDS:
        texts[name] = DataConfig.__dataclass_fields__[name].metadata["help"]
    return texts


def test_every_help_text_translatable():
    missing = {name: text for name, text in engine_help_texts().items() if text not in HELP_TEXTS}

    assert missing == {}


def test_every_field_has_label():
    assert sorted(set(engine_help_texts()) - set(FIELD_LABELS)) == []


def test_every_method_has_title_and_note(main_window):
    page = main_window.pages["method"]
    notes = page.method_notes_text()

    assert sorted(spec.name for spec in list_methods() if spec.name not in METHOD_TITLES) == []
    assert sorted(spec.name for spec in list_methods() if spec.name not in notes) == []
