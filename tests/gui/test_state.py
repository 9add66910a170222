"""ProjectState: what is missing before training, and change signals."""

from __future__ import annotations

import pytest

from peftt_gui.gui.state import ProjectData, ProjectState, Requirement


def test_empty_project_misses_model_data_method():
    assert ProjectData().missing() == [Requirement.MODEL, Requirement.DATA, Requirement.METHOD]


def test_complete_fine_tuning_project_is_ready():
    data = ProjectData(model_folder="/models/bert", data_paths={"folder": "/data/tncc"},
                       method="finetune")

    assert data.missing() == []


def test_separate_files_need_train_split():
    only_test = ProjectData(model_folder="m", method="finetune", data_paths={"test": "t.txt"})
    with_train = ProjectData(model_folder="m", method="finetune", data_paths={"train": "a.txt"})

    assert only_test.missing() == [Requirement.DATA]
    assert with_train.missing() == []


def test_prompt_method_needs_template_and_verbalizer():
    data = ProjectData(model_folder="m", data_paths={"folder": "d"}, method="prompt",
                       method_uses_prompt=True)
    assert data.missing() == [Requirement.TEMPLATE, Requirement.VERBALIZER]

    data.template_text = '{"placeholder":"text_a"} {"mask"}'
    data.verbalizer = {"Politics": ["ཆབ་སྲིད"]}
    assert data.missing() == []


def test_verbalizer_must_cover_every_label():
    data = ProjectData(model_folder="m", data_paths={"folder": "d"}, method="prompt",
                       method_uses_prompt=True, template_text='{"mask"}',
                       verbalizer={"Politics": ["ཆབ་སྲིད"], "Arts": [" "]},
                       labels=["Politics", "Arts"])
    assert data.missing() == [Requirement.VERBALIZER]

    data.verbalizer["Arts"] = ["སྒྱུ་རྩལ"]
    assert data.missing() == []

    data.labels.append("Medicine")
    assert data.missing() == [Requirement.VERBALIZER]


def test_setters_emit_field_name(qtbot):
    state = ProjectState()

    with qtbot.waitSignal(state.sigChanged) as blocker:
        state.set_model_folder("/models/bert")
    assert blocker.args == ["model_folder"]

    with qtbot.waitSignal(state.sigChanged) as blocker:
        state.set_hyperparameter("epochs", 3)
    assert blocker.args == ["hyperparameters"]
    assert state.hyperparameters == {"epochs": 3}


def test_same_value_emits_nothing(qtbot):
    state = ProjectState()
    state.set_template_text("abc")

    with qtbot.assertNotEmitted(state.sigChanged):
        state.set_template_text("abc")


def test_method_prompt_flag_change_emits(qtbot):
    state = ProjectState()
    state.set_method("lora", uses_prompt=False)

    with qtbot.waitSignal(state.sigChanged) as blocker:
        state.set_method("lora", uses_prompt=True)
    assert blocker.args == ["method"]
    assert state.missing() == [Requirement.MODEL, Requirement.DATA, Requirement.TEMPLATE,
                               Requirement.VERBALIZER]


def test_unknown_data_key_rejected():
    with pytest.raises(ValueError, match="unknown data path keys"):
        ProjectState().set_data_paths({"dev": "x.txt"})


def test_data_paths_drop_empty_values():
    state = ProjectState()
    state.set_data_paths({"train": "a.txt", "validation": "", "test": ""})

    assert state.data_paths == {"train": "a.txt"}


def test_snapshot_is_independent_copy():
    state = ProjectState()
    state.set_verbalizer({"Arts": ["སྒྱུ་རྩལ"]})
    snapshot = state.snapshot()
    snapshot.verbalizer["Arts"].append("x")

    assert state.verbalizer == {"Arts": ["སྒྱུ་རྩལ"]}
