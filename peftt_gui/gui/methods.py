"""The engine's training methods and hyperparameter defaults, with the GUI's names for them.

The methods come from ``peftt_gui.core.methods`` (its registry and ``config`` import no
torch, so the window may import them). The registry's titles are English only, so the
titles of the built-in methods are translated here. A method that the GUI does not
know yet shows its registry title.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from peftt_gui.core.config import TrainingConfig
from peftt_gui.core.methods import LoraOptions, list_methods

CONTEXT = "Methods"

METHOD_TITLES = {
    "finetune": QT_TRANSLATE_NOOP("Methods", "Full fine-tuning"),
    "lora": QT_TRANSLATE_NOOP("Methods", "LoRA"),
    "prompt": QT_TRANSLATE_NOOP("Methods", "Prompt (template + verbalizer)"),
    "prompt-lora": QT_TRANSLATE_NOOP("Methods", "Prompt + LoRA"),
}

# Hyperparameter keys of ProjectState with their names for summaries (the Method page
# form has its own labels, with the colon each language puts after a label). The
# lora_* keys are the LoRA method options without the prefix.
HYPERPARAMETER_NAMES = {
    "learning_rate": QT_TRANSLATE_NOOP("Methods", "learning rate"),
    "epochs": QT_TRANSLATE_NOOP("Methods", "epochs"),
    "batch_size": QT_TRANSLATE_NOOP("Methods", "batch size"),
    "max_length": QT_TRANSLATE_NOOP("Methods", "maximum length"),
    "seed": QT_TRANSLATE_NOOP("Methods", "seed"),
    "lora_r": QT_TRANSLATE_NOOP("Methods", "LoRA rank"),
    "lora_alpha": QT_TRANSLATE_NOOP("Methods", "LoRA alpha"),
    "lora_dropout": QT_TRANSLATE_NOOP("Methods", "LoRA dropout"),
    "lora_target_modules": QT_TRANSLATE_NOOP("Methods", "LoRA target modules"),
}
LORA_KEYS = frozenset(key for key in HYPERPARAMETER_NAMES if key.startswith("lora_"))
TRAINING_KEYS = ("epochs", "batch_size", "max_length", "seed")


@dataclass(frozen=True)
class MethodChoice:
    """A registered method as the Method page lists it."""

    name: str
    uses_prompt: bool
    uses_lora: bool
    default_learning_rate: float
    summary: str


def method_choices() -> list[MethodChoice]:
    """Return the registered methods in registry order."""
    return [MethodChoice(spec.name, spec.uses_template, spec.uses_peft,
                         spec.default_learning_rate, spec.summary)
            for spec in list_methods()]


def find_method(name: str) -> MethodChoice | None:
    return next((choice for choice in method_choices() if choice.name == name), None)


def method_title(name: str) -> str:
    """Return the translated title of the method ``name``."""
    if name in METHOD_TITLES:
        return QCoreApplication.translate(CONTEXT, METHOD_TITLES[name])
    spec = next((spec for spec in list_methods() if spec.name == name), None)
    return spec.title if spec is not None else name


def hyperparameter_name(key: str) -> str:
    """Return the translated name of a hyperparameter key (the key itself if unknown)."""
    title = HYPERPARAMETER_NAMES.get(key)
    return QCoreApplication.translate(CONTEXT, title) if title else key


def training_defaults() -> dict[str, object]:
    """Return the engine's defaults of the training settings that the Method page shows."""
    defaults = TrainingConfig()
    return {key: getattr(defaults, key) for key in TRAINING_KEYS}


def lora_defaults() -> dict[str, object]:
    """Return the engine's LoRA option defaults under their ``lora_`` keys."""
    defaults = LoraOptions()
    return {"lora_r": defaults.r, "lora_alpha": defaults.alpha,
            "lora_dropout": defaults.dropout,
            "lora_target_modules": list(defaults.target_modules)}
