"""Method page: choose how to adapt the model and set the training hyperparameters."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.gui.methods import (
    MethodChoice,
    lora_defaults,
    method_choices,
    method_title,
    training_defaults,
)
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.widgets import ScientificSpinBox


class MethodPage(Page):
    """Radio buttons for the method, a form for the shared and the LoRA hyperparameters."""

    key = "method"
    icon_name = "method"

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)

        self.method_group = QGroupBox(self)
        self._method_buttons = QButtonGroup(self)
        self.choices = method_choices()
        self.method_radios: dict[str, QRadioButton] = {}
        self.method_notes: dict[str, QLabel] = {}
        method_layout = QVBoxLayout(self.method_group)
        for choice in self.choices:
            radio = QRadioButton(self)
            note = QLabel(self)
            note.setWordWrap(True)
            note.setIndent(24)
            self._method_buttons.addButton(radio)
            self.method_radios[choice.name] = radio
            self.method_notes[choice.name] = note
            method_layout.addWidget(radio)
            method_layout.addWidget(note)
        self._method_buttons.buttonToggled.connect(self._on_method_toggled)

        # The engine's defaults; the learning rate follows the chosen method's default
        # until the user edits it.
        defaults = training_defaults()
        self.training_group = QGroupBox(self)
        self.training_form = QFormLayout(self.training_group)
        self.learning_rate = ScientificSpinBox(self)
        self.learning_rate.setRange(1e-8, 1.0)
        self.learning_rate.setValue(self.choices[0].default_learning_rate)
        self.learning_rate.valueChanged.connect(self._on_learning_rate_changed)
        self._learning_rate_edited = False
        self.state.set_hyperparameter("learning_rate", self.learning_rate.value())
        self.training_form.addRow(QLabel(), self.learning_rate)
        self.epochs = self._add_int(self.training_form, "epochs", defaults["epochs"], 1, 1000)
        self.batch_size = self._add_int(self.training_form, "batch_size",
                                        defaults["batch_size"], 1, 4096)
        self.max_length = self._add_int(self.training_form, "max_length",
                                        defaults["max_length"], 8, 4096)
        self.seed = self._add_int(self.training_form, "seed", defaults["seed"], 0, 2**31 - 1)

        lora = lora_defaults()
        self.lora_group = QGroupBox(self)
        self.lora_form = QFormLayout(self.lora_group)
        self.lora_rank = self._add_int(self.lora_form, "lora_r", lora["lora_r"], 1, 1024)
        self.lora_alpha = self._add_double(self.lora_form, "lora_alpha", lora["lora_alpha"],
                                           0.0, 4096.0, decimals=1, step=1.0)
        self.lora_dropout = self._add_double(self.lora_form, "lora_dropout",
                                             lora["lora_dropout"], 0.0, 0.9,
                                             decimals=2, step=0.05)
        self.lora_targets = QLineEdit(", ".join(lora["lora_target_modules"]), self)
        self.lora_targets.editingFinished.connect(self._on_lora_targets_edited)
        self.lora_form.addRow(QLabel(), self.lora_targets)
        self._on_lora_targets_edited()

        self.body.addWidget(self.method_group)
        self.body.addWidget(self.training_group)
        self.body.addWidget(self.lora_group)
        self.body.addStretch(1)

        self._update_lora_visibility()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Method")

    def description(self) -> str:
        return self.tr("Choose how the model is adapted to your classes, and the training "
                       "settings.")

    def retranslate(self) -> None:
        super().retranslate()
        self.method_group.setTitle(self.tr("Method"))
        notes = {
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
        }
        for choice in self.choices:
            self.method_radios[choice.name].setText(method_title(choice.name))
            # A method added to the engine later shows its English registry summary.
            self.method_notes[choice.name].setText(notes.get(choice.name, choice.summary))

        self.training_group.setTitle(self.tr("Training"))
        self._set_row_label(self.training_form, 0, self.tr("Learning rate:"))
        self._set_row_label(self.training_form, 1, self.tr("Epochs:"))
        self._set_row_label(self.training_form, 2, self.tr("Batch size:"))
        self._set_row_label(self.training_form, 3, self.tr("Maximum length (tokens):"))
        self._set_row_label(self.training_form, 4, self.tr("Random seed:"))
        self.max_length.setToolTip(self.tr(
            "Longer texts are truncated to this many tokens; batches are padded only to "
            "their longest text."))

        self.lora_group.setTitle(self.tr("LoRA"))
        self._set_row_label(self.lora_form, 0, self.tr("Rank (r):"))
        self._set_row_label(self.lora_form, 1, self.tr("Alpha:"))
        self._set_row_label(self.lora_form, 2, self.tr("Dropout:"))
        self._set_row_label(self.lora_form, 3, self.tr("Target modules:"))
        self.lora_targets.setToolTip(self.tr(
            "Names of the linear layers that get adapters, separated by commas."))
        self.lora_targets.setPlaceholderText(self.tr(
            "Default of the model type (query, value for BERT)"))

    def selected_method(self) -> MethodChoice | None:
        for choice in self.choices:
            if self.method_radios[choice.name].isChecked():
                return choice
        return None

    def _on_method_toggled(self, _button, checked: bool) -> None:
        if not checked:
            return
        choice = self.selected_method()
        if choice is not None:
            self.state.set_method(choice.name, uses_prompt=choice.uses_prompt)
            if not self._learning_rate_edited:
                self.learning_rate.blockSignals(True)
                self.learning_rate.setValue(choice.default_learning_rate)
                self.learning_rate.blockSignals(False)
                self.state.set_hyperparameter("learning_rate", self.learning_rate.value())
        self._update_lora_visibility()

    def _on_learning_rate_changed(self, value: float) -> None:
        self._learning_rate_edited = True
        self.state.set_hyperparameter("learning_rate", value)

    def _update_lora_visibility(self) -> None:
        choice = self.selected_method()
        self.lora_group.setVisible(choice is not None and choice.uses_lora)

    def _on_lora_targets_edited(self) -> None:
        names = [name.strip() for name in self.lora_targets.text().split(",") if name.strip()]
        self.state.set_hyperparameter("lora_target_modules", names)

    def _add_int(self, form: QFormLayout, key: str, value: int, minimum: int,
                 maximum: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(minimum, maximum)
        box.setValue(value)
        box.valueChanged.connect(lambda new, key=key: self.state.set_hyperparameter(key, new))
        self.state.set_hyperparameter(key, value)
        form.addRow(QLabel(), box)
        return box

    def _add_double(self, form: QFormLayout, key: str, value: float, minimum: float,
                    maximum: float, *, decimals: int, step: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setDecimals(decimals)
        box.setRange(minimum, maximum)
        box.setSingleStep(step)
        box.setValue(value)
        box.valueChanged.connect(lambda new, key=key: self.state.set_hyperparameter(key, new))
        self.state.set_hyperparameter(key, value)
        form.addRow(QLabel(), box)
        return box

    @staticmethod
    def _set_row_label(form: QFormLayout, row: int, text: str) -> None:
        form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(text)
