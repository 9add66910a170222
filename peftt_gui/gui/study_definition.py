"""The Definition tab of the Study page: the form that becomes a ``core.study.StudySpec``.

The settings that every run of the study shares (data, training, method options, label
words) come from the other pages until a study file is shown. From then on that file's own
settings are kept, so that opening and saving a file changes nothing in it. The model and
template lists follow the Model and Template pages while no file is shown: the folder or
template chosen there takes the place of the one it replaced.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.errors import ConfigError, PefttError, display_path
from peftt_gui.core.methods import get_method
from peftt_gui.core.methods.registry import NO_MODEL
from peftt_gui.core.study import BASELINE_METHOD, StudySpec
from peftt_gui.gui.compare_views import fill_placeholders
from peftt_gui.gui.methods import method_title, setting_name
from peftt_gui.gui.run_config import DEFAULT_NORMALIZATION, data_config, method_options, training_config
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.study_views import MethodChecklist, shots_text

DEFAULT_SEEDS = "13, 21, 42"
LIST_ROWS = 3
# The training settings that the summary names; the learning rate and the seed are set per
# method and per cell.
SUMMARY_TRAINING_FIELDS = ("epochs", "batch_size", "max_length")
LIST_SEPARATORS = re.compile(r"[,;\s]+")
# ProjectState fields that the summary of the shared settings shows.
SUMMARY_STATE_FIELDS = ("model_folder", "data_paths", "data_options", "method", "hyperparameters",
                        "method_options", "verbalizer", "labels")


@dataclass(frozen=True)
class FileSettings:
    """The shared run settings of a shown study file; ``path`` is empty before it is saved."""

    path: str
    base: dict
    method_options: dict


class StudyDefinition(QWidget):
    """Name, models, methods with learning rates, seeds, k, templates and the shared settings."""

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.file_settings: FileSettings | None = None
        self._method_order: list[str] = []
        self._mirrored_model = ""
        self._mirrored_template = ""

        self.form = QFormLayout()
        self.form_labels: dict[str, QLabel] = {}
        self._build_grid_rows()
        self._build_shared_group()

        self.open_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.copy_command_button = QPushButton(self)
        file_row = QHBoxLayout()
        file_row.addWidget(self.open_button)
        file_row.addWidget(self.save_button)
        file_row.addStretch(1)
        file_row.addWidget(self.copy_command_button)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.shared_group)
        layout.addLayout(file_row)
        layout.addStretch(1)

        state.sigChanged.connect(self._on_state_changed)
        self._mirror_model()
        self._mirror_template()
        self.retranslate()

    def _build_grid_rows(self) -> None:
        self.name_edit = QLineEdit(self)
        self._add_form_row("name", self.name_edit)

        self.model_list = _short_list(self)
        self.add_model_button = QPushButton(self)
        self.add_model_button.clicked.connect(self._choose_model_folder)
        self.remove_model_button = QPushButton(self)
        self.remove_model_button.clicked.connect(lambda: _remove_selected(self.model_list))
        self._add_form_row("models", _list_with_buttons(
            self.model_list, self.add_model_button, self.remove_model_button))

        self.method_checklist = MethodChecklist(self)
        self.method_checklist.sigChanged.connect(self.show_shared_settings)
        self._add_form_row("methods", self.method_checklist)
        self.baseline_check = QCheckBox(self)
        self.baseline_check.setChecked(True)
        self._add_form_row("baseline", self.baseline_check)

        self.seeds_edit = QLineEdit(DEFAULT_SEEDS, self)
        self._add_form_row("seeds", self.seeds_edit)
        self.shots_edit = QLineEdit(self)
        self._add_form_row("shots", self.shots_edit)

        self.template_list = _short_list(self)
        self.add_template_button = QPushButton(self)
        self.add_template_button.clicked.connect(self._add_template)
        self.remove_template_button = QPushButton(self)
        self.remove_template_button.clicked.connect(lambda: _remove_selected(self.template_list))
        self._add_form_row("templates", _list_with_buttons(
            self.template_list, self.add_template_button, self.remove_template_button))

    def _add_form_row(self, key: str, field: QWidget) -> None:
        label = QLabel(self)
        self.form_labels[key] = label
        self.form.addRow(label, field)

    def _build_shared_group(self) -> None:
        self.shared_group = QGroupBox(self)
        form = QFormLayout(self.shared_group)
        self.shared_labels: dict[str, QLabel] = {}
        self.shared_values: dict[str, QLabel] = {}
        for key in ("data", "training", "options", "words"):
            label, value = QLabel(self), QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.shared_labels[key], self.shared_values[key] = label, value
            form.addRow(label, value)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.use_pages_button = QPushButton(self)
        self.use_pages_button.clicked.connect(self.use_page_settings)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_label, 1)
        source_row.addWidget(self.use_pages_button)
        form.addRow(source_row)

    def retranslate(self) -> None:
        labels = {"name": self.tr("Name:"), "models": self.tr("Models:"),
                  "methods": self.tr("Methods:"), "baseline": "",
                  "seeds": self.tr("Seeds:"), "shots": self.tr("k per class:"),
                  "templates": self.tr("Templates:")}
        for key, text in labels.items():
            self.form_labels[key].setText(text)
        self.name_edit.setPlaceholderText(self.tr("For example tncc-methods"))
        self.name_edit.setToolTip(self.tr(
            "The study's runs are tagged with this name. Start on a name whose runs partly "
            "finished resumes that study."))
        self.add_model_button.setText(self.tr("Add folder…"))
        self.remove_model_button.setText(self.tr("Remove"))
        self.model_list.setToolTip(self.tr(
            "Model folders of the study. The model chosen on the Model page is added here."))
        self.baseline_check.setText(self.tr("Include the TF-IDF baseline"))
        self.baseline_check.setToolTip(self.tr(
            "Logistic regression on TF-IDF weights of syllable n-grams: it reads no model, "
            "runs once per seed and k, and takes seconds."))
        self.seeds_edit.setPlaceholderText(DEFAULT_SEEDS)
        self.seeds_edit.setToolTip(self.tr(
            "Each method runs once per seed; the results are the mean and standard deviation "
            "over seeds."))
        self.shots_edit.setPlaceholderText(self.tr("Empty: the full training data"))
        self.shots_edit.setToolTip(self.tr(
            "Few-shot sizes: training rows drawn per class with the seed, such as 8, 32, 128. "
            "Add “all” to run on the full training data too."))
        self.add_template_button.setText(self.tr("Add template"))
        self.add_template_button.setToolTip(self.tr(
            "Add a copy of the current template to edit. Prompt methods run once per "
            "template; the other methods use none."))
        self.remove_template_button.setText(self.tr("Remove"))
        self.template_list.setToolTip(self.tr(
            "Templates of the prompt methods; double-click one to edit it. The template of "
            "the Template & verbalizer page is added here."))

        self.shared_group.setTitle(self.tr("Settings shared by every run"))
        shared_labels = {"data": self.tr("Data:"), "training": self.tr("Training:"),
                         "options": self.tr("Method options:"), "words": self.tr("Label words:")}
        for key, text in shared_labels.items():
            self.shared_labels[key].setText(text)
        self.use_pages_button.setText(self.tr("Use the settings of the other pages"))
        self.open_button.setText(self.tr("Open study…"))
        self.save_button.setText(self.tr("Save study…"))
        self.save_button.setToolTip(self.tr("Write the study as a JSON file for peftt study."))
        self.copy_command_button.setText(self.tr("Copy command for a GPU server…"))
        self.copy_command_button.setToolTip(self.tr(
            "Save the study file and copy the command that runs it on another machine "
            "(peftt study FILE.json) to the clipboard."))
        self.show_shared_settings()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # The lists.

    def model_paths(self) -> list[str]:
        return [self.model_list.item(row).text() for row in range(self.model_list.count())]

    def template_texts(self) -> list[str]:
        texts = [self.template_list.item(row).text().strip()
                 for row in range(self.template_list.count())]
        return [text for text in texts if text]

    def _choose_model_folder(self) -> None:
        start = self.state.model_folder or str(Path.home())
        path = QFileDialog.getExistingDirectory(self, self.tr("Add a model folder"), start)
        if path:
            self.add_model(path)

    def add_model(self, path: str) -> None:
        if path and path not in self.model_paths():
            self.model_list.addItem(path)

    def add_template(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.template_list.addItem(item)
        return item

    def _add_template(self) -> None:
        texts = self.template_texts()
        item = self.add_template(self.state.template_text or (texts[-1] if texts else ""))
        self.template_list.setCurrentItem(item)
        self.template_list.editItem(item)

    def _on_state_changed(self, field: str) -> None:
        if self.file_settings is None:
            if field == "model_folder":
                self._mirror_model()
            elif field == "template_text":
                self._mirror_template()
        if field in SUMMARY_STATE_FIELDS:
            self.show_shared_settings()

    def _mirror_model(self) -> None:
        old, new = self._mirrored_model, self.state.model_folder
        self._mirrored_model = new
        _replace_in_list(self.model_list, old, new, editable=False)

    def _mirror_template(self) -> None:
        old, new = self._mirrored_template, self.state.template_text.strip()
        self._mirrored_template = new
        _replace_in_list(self.template_list, old, new, editable=True)

    def use_page_settings(self) -> None:
        """Take the shared run settings from the other pages again, instead of the shown file."""
        self.file_settings = None
        self._mirrored_model = ""
        self._mirrored_template = ""
        self._mirror_model()
        self._mirror_template()
        self.show_shared_settings()

    # The study.

    def checked_methods(self) -> list[str]:
        """Return the ticked methods, in the shown file's order and then in registry order."""
        checked = self.method_checklist.checked()
        ordered = [name for name in self._method_order if name in checked]
        return ordered + [name for name in checked if name not in ordered]

    def current_spec(self) -> StudySpec:
        """Return the study as defined in the form; raises ConfigError for a missing or bad part."""
        name = self.name_edit.text().strip()
        if not name:
            raise ConfigError(self.tr("Give the study a name: its runs are tagged with it, and "
                                      "Start on the same name resumes the study."), field="name")
        methods = self.checked_methods()
        include_baseline = self.baseline_check.isChecked()
        if not methods and not include_baseline:
            raise ConfigError(self.tr("Tick at least one method."), field="methods")
        models = self.model_paths()
        if methods and not models:
            raise ConfigError(self.tr("Add at least one model folder, or choose a model on the "
                                      "Model page."), field="models")
        seeds = self._parse_seeds()
        shots = self._parse_shots()
        learning_rates = self.method_checklist.learning_rates()

        base, options = self.shared_settings(methods)
        templates = self.template_texts()
        prompt_methods = [method for method in methods if get_method(method).uses_template]
        if prompt_methods and not templates:
            raise ConfigError(fill_placeholders(self.tr(
                "%1 needs a template: add one under Templates, or write it on the Template & "
                "verbalizer page."), method_title(prompt_methods[0])), field="templates")
        if prompt_methods and not base.get("verbalizer"):
            raise ConfigError(fill_placeholders(self.tr(
                "%1 needs label words for every class: set them on the Template & verbalizer "
                "page."), method_title(prompt_methods[0])), field="verbalizer")
        # One template is the base's. With several, each prompt run takes one from the list,
        # and a file's own base template stays as it was.
        if len(templates) == 1 or (templates and self.file_settings is None):
            base["template"] = templates[0]
        study_templates = templates if len(templates) > 1 else []

        return StudySpec(
            name=name, models=models or [NO_MODEL],
            methods=methods + ([BASELINE_METHOD] if include_baseline else []), seeds=seeds,
            shots_per_class=shots, templates=study_templates, base=base, method_options=options,
            learning_rates=learning_rates, include_baseline=include_baseline)

    def _parse_seeds(self) -> list[int]:
        seeds: list[int] = []
        for token in _tokens(self.seeds_edit.text()):
            if not token.isdigit():
                raise ConfigError(fill_placeholders(self.tr(
                    "Seeds are whole numbers separated by commas, such as 13, 21, 42; “%1” is "
                    "not one."), token), field="seeds")
            if int(token) not in seeds:
                seeds.append(int(token))
        if not seeds:
            raise ConfigError(self.tr("Give at least one seed, such as 13, 21, 42."), field="seeds")
        return seeds

    def _parse_shots(self) -> list[int | None]:
        full_data_words = {"all", shots_text(None).casefold()}
        shots: list[int | None] = []
        for token in _tokens(self.shots_edit.text()):
            if token.casefold() in full_data_words:
                value = None
            elif token.isdigit() and int(token) >= 1:
                value = int(token)
            else:
                raise ConfigError(fill_placeholders(self.tr(
                    "Few-shot sizes are whole numbers of 1 or more separated by commas, such as "
                    "8, 32, 128; “%1” is not one. Leave the field empty to train on the full "
                    "data."), token), field="shots_per_class")
            if value not in shots:
                shots.append(value)
        return shots or [None]

    def shared_settings(self, methods: list[str]) -> tuple[dict, dict]:
        """Return the study's ``base`` and ``method_options``: the shown file's, or the pages'."""
        if self.file_settings is not None:
            return (copy.deepcopy(self.file_settings.base),
                    copy.deepcopy(self.file_settings.method_options))

        project = self.state.snapshot()
        data = data_config(project)
        if data is None:
            raise ConfigError(self.tr("Choose the training data on the Data page first."),
                              field="data")
        data_values = {key: value for key, value in dataclasses.asdict(data).items()
                       if value is not None and key != "shots_per_class"}
        training = dataclasses.asdict(training_config(project))
        training.pop("seed")
        training.pop("learning_rate")
        base = {"data": data_values, "training": training, "normalization": DEFAULT_NORMALIZATION}
        if project.verbalizer:
            base["verbalizer"] = project.verbalizer

        # The Method page's options belong to its method. Other methods keep their defaults,
        # because option names such as use_dora mean different things per method.
        options = {}
        if project.method in methods and method_options(project):
            options[project.method] = method_options(project)
        return base, options

    def show_spec(self, spec: StudySpec, path: str = "") -> None:
        """Fill the form from ``spec`` and keep its shared run settings (those of file ``path``)."""
        self.name_edit.setText(spec.name)
        _fill_list(self.model_list, [model for model in spec.models if model != NO_MODEL],
                   editable=False)
        methods = [method for method in spec.methods if method != BASELINE_METHOD]
        self._method_order = methods
        self.method_checklist.set_checked(methods)
        self.method_checklist.set_learning_rates(spec.learning_rates)
        self.baseline_check.setChecked(spec.include_baseline or BASELINE_METHOD in spec.methods)
        self.seeds_edit.setText(", ".join(str(seed) for seed in spec.seeds))
        shots = spec.shots_per_class
        self.shots_edit.setText("" if shots == [None] else ", ".join(shots_text(k) for k in shots))
        templates = list(spec.templates) or ([spec.base["template"]] if spec.base.get("template") else [])
        _fill_list(self.template_list, templates, editable=True)
        self.file_settings = FileSettings(path, copy.deepcopy(spec.base),
                                          copy.deepcopy(spec.method_options))
        self.show_shared_settings()

    def set_file_path(self, path: str) -> None:
        """Record that the shown study was saved as ``path``."""
        if self.file_settings is not None:
            self.file_settings = dataclasses.replace(self.file_settings, path=path)
            self.show_shared_settings()

    def show_shared_settings(self) -> None:
        """Summarize the shared run settings and name their source."""
        file_settings = self.file_settings
        self.use_pages_button.setVisible(file_settings is not None)
        if file_settings is not None:
            self.source_label.setText(fill_placeholders(self.tr(
                "From the study file %1. The other pages do not change them."),
                display_path(file_settings.path) if file_settings.path else self.tr("(not saved)")))
            base, options = file_settings.base, file_settings.method_options
        else:
            self.source_label.setText(self.tr(
                "From the Data, Method and Template & verbalizer pages. Each method uses its "
                "default learning rate unless one is set above."))
            try:
                base, options = self.shared_settings(self.checked_methods())
            except PefttError as error:
                for value in self.shared_values.values():
                    value.setText("")
                self.shared_values["data"].setText(str(error))
                return

        not_set = self.tr("not set")
        separator = self.tr("; ", "separator between settings")
        data = base.get("data") or {}
        source = next((data[key] for key in ("folder", "single_file", "train") if data.get(key)), "")
        limits = []
        if data.get("max_train_rows"):
            limits.append(fill_placeholders(self.tr("at most %1 training rows"), data["max_train_rows"]))
        if data.get("max_eval_rows"):
            limits.append(fill_placeholders(self.tr("at most %1 validation and test rows"),
                                            data["max_eval_rows"]))
        self.shared_values["data"].setText(", ".join([source or not_set, *limits]))
        training = base.get("training") or {}
        self.shared_values["training"].setText(separator.join(
            f"{setting_name(key)} {training[key]}" for key in SUMMARY_TRAINING_FIELDS if key in training))
        self.shared_values["options"].setText(separator.join(
            f"{method_title(method)}: " + ", ".join(f"{key} {value}" for key, value in values.items())
            for method, values in options.items()) or self.tr("the defaults of each method"))
        words = base.get("verbalizer") or {}
        self.shared_values["words"].setText(
            fill_placeholders(self.tr("%1 classes"), len(words)) if words else not_set)


def _tokens(text: str) -> list[str]:
    return [token for token in LIST_SEPARATORS.split(text.strip()) if token]


def _short_list(parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    row_height = widget.fontMetrics().height() + 8
    widget.setFixedHeight(LIST_ROWS * row_height + 2 * widget.frameWidth())
    return widget


def _list_with_buttons(widget: QListWidget, *buttons: QPushButton) -> QWidget:
    box = QWidget(widget.parentWidget())
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 1)
    column = QVBoxLayout()
    for button in buttons:
        column.addWidget(button)
    column.addStretch(1)
    layout.addLayout(column)
    return box


def _remove_selected(widget: QListWidget) -> None:
    for item in widget.selectedItems():
        widget.takeItem(widget.row(item))


def _fill_list(widget: QListWidget, texts: list[str], *, editable: bool) -> None:
    widget.clear()
    for text in texts:
        item = QListWidgetItem(text, widget)
        if editable:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)


def _replace_in_list(widget: QListWidget, old: str, new: str, *, editable: bool) -> None:
    """Put ``new`` where ``old`` is in the list, or first when ``old`` is absent; never twice."""
    if old == new:
        old = ""
    texts = [widget.item(row).text() for row in range(widget.count())]
    if old and old in texts:
        row = texts.index(old)
        if new and new not in texts:
            widget.item(row).setText(new)
        else:
            widget.takeItem(row)
    elif new and new not in texts:
        item = QListWidgetItem(new)
        if editable:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        widget.insertItem(0, item)
