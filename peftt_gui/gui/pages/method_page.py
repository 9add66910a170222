"""Method page: choose how to adapt the model and set the training hyperparameters.

The forms are generated from the engine's ``TrainingConfig`` and from the chosen
method's options class, so a new engine setting appears here without GUI code.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.core.config import TrainingConfig
from peftt_gui.gui.config_form import ConfigForm
from peftt_gui.gui.methods import (
    ADVANCED_TRAINING_FIELDS,
    BASIC_TRAINING_FIELDS,
    MethodChoice,
    method_choices,
    method_title,
    option_defaults,
)
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.state import ProjectState

LAYER_COLUMNS = 4
METHOD_COLUMNS = 2


class LayerChecklist(QWidget):
    """One check box per linear layer of the model; ``checked()`` lists the ticked ones."""

    sigChanged = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self)
        self.placeholder.setWordWrap(True)
        self.grid.addWidget(self.placeholder, 0, 0, 1, LAYER_COLUMNS)
        self._retranslate()

    def set_layers(self, names: list[str], checked: list[str]) -> None:
        """Show ``names`` as check boxes with ``checked`` ticked (no signal)."""
        for box in self.boxes.values():
            self.grid.removeWidget(box)
            box.deleteLater()
        self.boxes.clear()
        for index, name in enumerate(names):
            box = QCheckBox(name, self)
            box.setChecked(name in checked)
            box.toggled.connect(self._emit)
            self.boxes[name] = box
            self.grid.addWidget(box, 1 + index // LAYER_COLUMNS, index % LAYER_COLUMNS)
        self.placeholder.setVisible(not names)

    def checked(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def _emit(self, _checked: bool) -> None:
        self.sigChanged.emit(self.checked())

    def _retranslate(self) -> None:
        self.placeholder.setText(self.tr(
            "Choose a model on the Model page to list its linear layers. Until then the "
            "default of the model type is used (query and value for BERT)."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class MethodPage(Page):
    """The registered methods, a training form and the chosen method's options form."""

    key = "method"

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.choices = method_choices()
        self._learning_rate_edited = False
        self._options_class: type | None = None
        self.options_form: ConfigForm | None = None
        self.layer_checklist: LayerChecklist | None = None

        self._build_method_group()

        # The engine's defaults; the learning rate follows the chosen method's default
        # until the user edits it.
        self.training_group = QGroupBox(self)
        self.training_form = ConfigForm(TrainingConfig, BASIC_TRAINING_FIELDS, self)
        self.advanced_button = QToolButton(self)
        self.advanced_button.setCheckable(True)
        self.advanced_button.toggled.connect(self._on_advanced_toggled)
        self.advanced_form = ConfigForm(TrainingConfig, ADVANCED_TRAINING_FIELDS, self)
        self.advanced_form.hide()
        self.learning_rate = self.training_form.editors["learning_rate"]
        self.learning_rate.setValue(self.choices[0].default_learning_rate)
        training_layout = QVBoxLayout(self.training_group)
        training_layout.addWidget(self.training_form)
        training_layout.addWidget(self.advanced_button)
        training_layout.addWidget(self.advanced_form)
        for form in (self.training_form, self.advanced_form):
            for name, value in form.values().items():
                self.state.set_hyperparameter(name, value)
            form.sigValueChanged.connect(self._on_training_value_changed)

        self.options_group = QGroupBox(self)
        self.options_layout = QVBoxLayout(self.options_group)

        # Training settings and method options side by side, so both show below the list.
        forms = QHBoxLayout()
        forms.addWidget(self.training_group, 1, Qt.AlignmentFlag.AlignTop)
        forms.addWidget(self.options_group, 1, Qt.AlignmentFlag.AlignTop)
        self.body.addWidget(self.method_group)
        self.body.addLayout(forms)
        self.body.addStretch(1)

        state.sigChanged.connect(self._on_state_changed)
        self._update_options_form()
        self.retranslate()

    def _build_method_group(self) -> None:
        # The registry's methods in its order, two per row: title, then a one-line summary.
        self.method_group = QGroupBox(self)
        self._method_buttons = QButtonGroup(self)
        self.method_radios: dict[str, QRadioButton] = {}
        self.method_notes: dict[str, QLabel] = {}
        method_layout = QGridLayout(self.method_group)
        method_layout.setHorizontalSpacing(18)
        method_layout.setVerticalSpacing(8)
        for index, choice in enumerate(self.choices):
            radio = QRadioButton(self)
            note = QLabel(self)
            note.setWordWrap(True)
            note.setIndent(22)
            self._method_buttons.addButton(radio)
            self.method_radios[choice.name] = radio
            self.method_notes[choice.name] = note
            # Title and summary in one cell, so that a wrapped summary stays under its title.
            cell = QWidget(self)
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(0)
            cell_layout.addWidget(radio)
            cell_layout.addWidget(note)
            cell_layout.addStretch(1)
            row, column = divmod(index, METHOD_COLUMNS)
            method_layout.addWidget(cell, row, column)
        for column in range(METHOD_COLUMNS):
            method_layout.setColumnStretch(column, 1)
        self._method_buttons.buttonToggled.connect(self._on_method_toggled)

    # Shortcuts to editors that other code and tests use.

    @property
    def epochs(self):
        return self.training_form.editors["epochs"]

    @property
    def batch_size(self):
        return self.training_form.editors["batch_size"]

    @property
    def max_length(self):
        return self.training_form.editors["max_length"]

    @property
    def seed(self):
        return self.training_form.editors["seed"]

    def description(self) -> str:
        return self.tr("Choose how the model is adapted to your classes, and the training "
                       "settings.")

    def method_notes_text(self) -> dict[str, str]:
        """Return the translated one-line summary of each built-in method."""
        return {
            "finetune": self.tr("Trains every weight of the model and a classification "
                                "head. Strongest with enough data; needs the most memory."),
            "lora": self.tr("Freezes the model and trains low-rank adapters on the attention "
                            "layers and a classification head, usually under 1% of the "
                            "parameters."),
            "prompt": self.tr("The masked language model fills the mask of a template, and "
                              "label words map its answer to a class. Every weight is "
                              "trained."),
            "prompt-lora": self.tr("A template and verbalizer as above, with the model "
                                   "frozen and only LoRA adapters trained."),
            "dora": self.tr("LoRA with a trained magnitude per output (DoRA) and a "
                            "classification head; often a little stronger than LoRA."),
            "rslora": self.tr("LoRA scaled by alpha / √rank (rsLoRA), which keeps high ranks "
                              "stable, and a classification head."),
            "ia3": self.tr("Trains only vectors that rescale keys, values and feed-forward "
                           "activations (IA3), and a classification head: fewer weights "
                           "than LoRA."),
            "prompt-ia3": self.tr("A template and verbalizer, with the model frozen and only "
                                  "IA3 scaling vectors trained."),
            "prefix": self.tr("Trains key and value vectors placed before the input in every "
                              "layer (prefix tuning), and a classification head; the model "
                              "stays frozen."),
            "prompt-prefix": self.tr("A template and verbalizer, with the model frozen and only "
                                     "a prefix in every layer trained."),
            "prompt-tuning": self.tr("Trains embeddings placed before the input, with a "
                                     "template and label words at the mask; the model stays "
                                     "frozen."),
            "p-tuning": self.tr("Virtual tokens computed by a small MLP or LSTM before the "
                                "input, with a template and label words; the model stays "
                                "frozen."),
            "baseline": self.tr("Logistic regression on TF-IDF weights of syllable 1-2-grams. "
                                "No language model: trains in seconds and gives a reference "
                                "score."),
        }

    def retranslate(self) -> None:
        super().retranslate()
        self.method_group.setTitle(self.tr("Method"))
        notes = self.method_notes_text()
        for choice in self.choices:
            self.method_radios[choice.name].setText(method_title(choice.name))
            # A method added to the engine later shows its English registry summary.
            self.method_notes[choice.name].setText(notes.get(choice.name, choice.summary))

        self.training_group.setTitle(self.tr("Training"))
        self._retranslate_advanced_button()
        choice = self.selected_method()
        if choice is not None and choice.uses_lora:
            self.options_group.setTitle(self.tr("LoRA"))
        else:
            self.options_group.setTitle(self.tr("Method options"))
        self._check_values()

    def _retranslate_advanced_button(self) -> None:
        if self.advanced_button.isChecked():
            self.advanced_button.setText(self.tr("Hide advanced settings"))
        else:
            self.advanced_button.setText(self.tr("Show advanced settings"))

    def _on_advanced_toggled(self, checked: bool) -> None:
        self.advanced_form.setVisible(checked)
        self._retranslate_advanced_button()

    # Method.

    def selected_method(self) -> MethodChoice | None:
        for choice in self.choices:
            if self.method_radios[choice.name].isChecked():
                return choice
        return None

    def _on_method_toggled(self, _button, checked: bool) -> None:
        if not checked:
            return
        choice = self.selected_method()
        if choice is None:
            return
        self.state.set_method(choice.name, uses_prompt=choice.uses_prompt)
        if not self._learning_rate_edited:
            self.learning_rate.blockSignals(True)
            self.learning_rate.setValue(choice.default_learning_rate)
            self.learning_rate.blockSignals(False)
            self.state.set_hyperparameter("learning_rate", self.learning_rate.value())
        self._update_options_form()
        self.retranslate()

    def _on_training_value_changed(self, name: str, value: object) -> None:
        if name == "learning_rate":
            self._learning_rate_edited = True
        self.state.set_hyperparameter(name, value)
        self._check_values()

    # Method options.

    def _update_options_form(self) -> None:
        """Rebuild the options form when the chosen method has another options class."""
        choice = self.selected_method()
        options_class = choice.options_class if choice is not None else None
        has_fields = options_class is not None and bool(
            getattr(options_class, "__dataclass_fields__", {}))
        self.options_group.setVisible(has_fields)
        if options_class is self._options_class:
            return
        self._options_class = options_class
        if self.options_form is not None:
            self.options_layout.removeWidget(self.options_form)
            self.options_form.deleteLater()
            self.options_form = None
            self.layer_checklist = None
        if not has_fields:
            self.state.set_method_options({})
            return

        # LoRA targets are short layer names, which the checklist offers. Other module lists
        # (IA3's "output.dense") stay comma-separated text.
        custom = {}
        if choice.uses_lora:
            custom["target_modules"] = self._make_layer_checklist
        self.options_form = ConfigForm(options_class, None, self, custom_editors=custom)
        self.options_form.sigValueChanged.connect(self._store_options)
        self.options_layout.addWidget(self.options_form)
        self._fill_layer_checklist()
        self._store_options()

    def _make_layer_checklist(self, parent: QWidget) -> LayerChecklist:
        self.layer_checklist = LayerChecklist(parent)
        self.layer_checklist.sigChanged.connect(self._store_options)
        return self.layer_checklist

    def _fill_layer_checklist(self) -> None:
        """Offer the model's linear layers, with the model type's default targets ticked."""
        if self.layer_checklist is None:
            return
        from peftt_gui.core.models import default_lora_targets

        info = self.state.model_info
        layers = self.state.linear_layers
        defaults = default_lora_targets(info.model_type) if info is not None else []
        self.layer_checklist.set_layers(layers, [name for name in defaults if name in layers])

    def _store_options(self, *_args) -> None:
        if self.options_form is None:
            return
        values = self.options_form.values()
        if self.layer_checklist is not None:
            values["target_modules"] = self.layer_checklist.checked()
        defaults = option_defaults(self.state.method) if self.state.method else {}
        self.state.set_method_options({**defaults, **values})
        self._check_values()

    # Validation.

    def _check_values(self) -> None:
        """Show the engine's verdict and the model's length limit beside the fields."""
        self.training_form.validate()
        self.advanced_form.validate()
        info = self.state.model_info
        max_length = self.max_length.value()
        if info is not None and max_length > info.max_positions:
            self.training_form.show_error("max_length", self.tr(
                "The model reads at most %1 tokens, so rows are cut to %1.")
                .replace("%1", str(info.max_positions)))
        if self.options_form is not None:
            self.options_form.validate()
            if self.layer_checklist is not None and self.layer_checklist.boxes \
                    and not self.layer_checklist.checked():
                self.options_form.show_error("target_modules", self.tr(
                    "None ticked: the default of the model type is used."))

    def _on_state_changed(self, field: str) -> None:
        if field in ("linear_layers", "model_info"):
            self._fill_layer_checklist()
            self._store_options()
