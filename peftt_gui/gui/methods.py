"""The engine's training methods and settings, with the GUI's names for them.

The methods come from ``peftt_gui.core.methods`` (its registry and ``config`` import no
torch, so the window may import them). The registry's titles are English only, so the
titles of the built-in methods are translated here. A method that the GUI does not
know yet shows its registry title.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from peftt_gui.core.config import TrainingConfig
from peftt_gui.core.methods import get_method, list_methods

CONTEXT = "Methods"

METHOD_TITLES = {
    "finetune": QT_TRANSLATE_NOOP("Methods", "Full fine-tuning"),
    "lora": QT_TRANSLATE_NOOP("Methods", "LoRA"),
    "prompt": QT_TRANSLATE_NOOP("Methods", "Prompt (template + verbalizer)"),
    "prompt-lora": QT_TRANSLATE_NOOP("Methods", "Prompt + LoRA"),
    "dora": QT_TRANSLATE_NOOP("Methods", "DoRA"),
    "rslora": QT_TRANSLATE_NOOP("Methods", "rsLoRA"),
    "ia3": QT_TRANSLATE_NOOP("Methods", "IA3"),
    "prompt-ia3": QT_TRANSLATE_NOOP("Methods", "Prompt + IA3"),
    "prefix": QT_TRANSLATE_NOOP("Methods", "Prefix tuning"),
    "prompt-prefix": QT_TRANSLATE_NOOP("Methods", "Prompt + prefix tuning"),
    "prompt-tuning": QT_TRANSLATE_NOOP("Methods", "Soft prompt tuning"),
    "p-tuning": QT_TRANSLATE_NOOP("Methods", "P-tuning"),
    "baseline": QT_TRANSLATE_NOOP("Methods", "TF-IDF baseline"),
}

# Training settings on the Method page's first form; the others are under "Advanced".
BASIC_TRAINING_FIELDS = ("learning_rate", "epochs", "batch_size", "max_length", "seed")
ADVANCED_TRAINING_FIELDS = tuple(spec.name for spec in dataclasses.fields(TrainingConfig)
                                 if spec.name not in BASIC_TRAINING_FIELDS)

# Names of settings in one-line summaries (the Method page form has its own labels, with
# the colon each language puts after a label): training settings, then method options.
SETTING_NAMES = {
    "learning_rate": QT_TRANSLATE_NOOP("Methods", "learning rate"),
    "epochs": QT_TRANSLATE_NOOP("Methods", "epochs"),
    "batch_size": QT_TRANSLATE_NOOP("Methods", "batch size"),
    "max_length": QT_TRANSLATE_NOOP("Methods", "maximum length"),
    "seed": QT_TRANSLATE_NOOP("Methods", "seed"),
}
OPTION_NAMES = {
    "r": QT_TRANSLATE_NOOP("Methods", "LoRA rank"),
    "alpha": QT_TRANSLATE_NOOP("Methods", "LoRA alpha"),
    "dropout": QT_TRANSLATE_NOOP("Methods", "LoRA dropout"),
    "target_modules": QT_TRANSLATE_NOOP("Methods", "LoRA target modules"),
    "use_rslora": QT_TRANSLATE_NOOP("Methods", "rsLoRA"),
    "use_dora": QT_TRANSLATE_NOOP("Methods", "DoRA"),
}


@dataclass(frozen=True)
class MethodChoice:
    """A registered method as the Method page lists it.

    ``uses_lora`` marks methods whose options are LoRA's (a rank ``r`` and target modules).
    """

    name: str
    uses_prompt: bool
    uses_lora: bool
    default_learning_rate: float
    summary: str
    options_class: type


def method_choices() -> list[MethodChoice]:
    """Return the registered methods in registry order."""
    return [MethodChoice(spec.name, spec.uses_template, _has_lora_options(spec.options_class),
                         spec.default_learning_rate, spec.summary, spec.options_class)
            for spec in list_methods()]


def _has_lora_options(options_class: type) -> bool:
    names = {spec.name for spec in dataclasses.fields(options_class)}
    return {"r", "target_modules"} <= names


def find_method(name: str) -> MethodChoice | None:
    return next((choice for choice in method_choices() if choice.name == name), None)


def method_title(name: str) -> str:
    """Return the translated title of the method ``name``."""
    if name in METHOD_TITLES:
        return QCoreApplication.translate(CONTEXT, METHOD_TITLES[name])
    spec = next((spec for spec in list_methods() if spec.name == name), None)
    return spec.title if spec is not None else name


def setting_name(key: str) -> str:
    """Return the translated summary name of a training setting (the key if unknown)."""
    title = SETTING_NAMES.get(key)
    return QCoreApplication.translate(CONTEXT, title) if title else key


def option_name(key: str) -> str:
    """Return the translated summary name of a method option (the key if unknown)."""
    title = OPTION_NAMES.get(key)
    return QCoreApplication.translate(CONTEXT, title) if title else key


def option_defaults(method: str) -> dict[str, object]:
    """Return the defaults of the method's options class, by field name."""
    options = get_method(method).options()
    return dataclasses.asdict(options)
