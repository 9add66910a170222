"""The method registry: every training method registers here by name, and the GUI lists it.

Specs are light (no torch import): the builder module is imported only when a run starts.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, fields
from typing import Any, Callable

from ..errors import ConfigError
from .options import LoraOptions, NoOptions

__all__ = ["ENGINES", "NO_MODEL", "Builder", "LoraOptions", "MethodSpec", "NoOptions", "get_method",
           "list_methods", "method_names", "register"]

# How a method trains. A "torch" method builds a TaskModel for the shared Trainer. An "sklearn"
# method fits a scikit-learn model on the text alone, without a model folder or tokenizer.
ENGINES = ("torch", "sklearn")
# The model path of runs and study cells of methods that read no model.
NO_MODEL = "-"


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
    engine: str = "torch"

    def __post_init__(self):
        if self.engine not in ENGINES:
            raise ValueError(f"The method {self.name!r} has the unknown engine {self.engine!r}. "
                             f"Use one of {', '.join(ENGINES)}.")

    @property
    def adapter(self) -> str | None:
        """The peft adapter the method trains (lora, ia3, prefix, ...), None without one."""
        return self.options_class.adapter

    @property
    def uses_model(self) -> bool:
        """False for methods that train on the text alone, such as the TF-IDF baseline."""
        return self.engine == "torch"

    def builder(self):
        """Import and return the method's module.

        A torch method's module defines ``build`` and ``load``; the baseline's module
        defines ``run`` and ``load``.
        """
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
