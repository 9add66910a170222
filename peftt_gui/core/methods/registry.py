"""The method registry: every training method registers here by name, and the GUI lists it.

Specs are light (no torch import): the builder module is imported only when a run starts.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, fields
from typing import Any, Callable

from ..config import option, validate_fields
from ..errors import ConfigError


@dataclass
class NoOptions:
    """Methods without options of their own."""

    def __post_init__(self):
        validate_fields(self)


@dataclass
class LoraOptions:
    r: int = option(8, "LoRA rank: the inner size of each low-rank update.", minimum=1, maximum=1024)
    alpha: float = option(16.0, "LoRA alpha: updates are scaled by alpha / rank.", minimum=0.0)
    dropout: float = option(0.1, "Dropout on the LoRA input.", minimum=0.0, maximum=0.9)
    target_modules: list = option([], "Linear layers that get LoRA; empty: the default of the model type "
                                      "(query and value for BERT and XLM-RoBERTa).")
    use_rslora: bool = option(False, "rsLoRA: scale by alpha / sqrt(rank), which keeps high ranks stable.")
    use_dora: bool = option(False, "DoRA: learn a magnitude per output besides the LoRA direction.")

    def __post_init__(self):
        validate_fields(self)


@dataclass(frozen=True)
class MethodSpec:
    """A registered method: what the GUI shows and where its builder lives."""

    name: str
    title: str
    summary: str
    uses_template: bool
    uses_peft: bool
    options_class: type
    module: str
    default_learning_rate: float
    tags: tuple[str, ...] = field(default_factory=tuple)

    def builder(self):
        """Import and return the method's module (it defines ``build`` and ``load``)."""
        return importlib.import_module(self.module)

    def options(self, values: dict[str, Any] | None = None):
        """Build and validate this method's options from a mapping."""
        values = dict(values or {})
        known = {spec.name for spec in fields(self.options_class)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"The method {self.name!r} has no option {unknown[0]!r}. "
                              f"Its options: {', '.join(sorted(known)) or '(none)'}.", field=unknown[0])
        return self.options_class(**values)


_REGISTRY: dict[str, MethodSpec] = {}


def register(spec: MethodSpec) -> MethodSpec:
    if spec.name in _REGISTRY:
        raise ValueError(f"The method {spec.name!r} is registered twice.")
    _REGISTRY[spec.name] = spec
    return spec


def get_method(name: str) -> MethodSpec:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(f"Unknown method {name!r}. Available methods: {', '.join(_REGISTRY)}.",
                          field="method") from None


def list_methods() -> list[MethodSpec]:
    return list(_REGISTRY.values())


def method_names() -> list[str]:
    return list(_REGISTRY)


Builder = Callable[..., Any]
