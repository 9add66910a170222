"""The choices the user has made so far (model, data, method, template, verbalizer).

``ProjectData`` is plain Python and lists what is still missing before training can
start. ``ProjectState`` wraps it in a QObject that emits ``sigChanged(field)`` after
each change, so every page that shows a field or a status line can follow it.

``ProjectState`` also keeps the engine objects loaded for these choices: the model's
``ModelInfo``, its tokenizer and linear layer names, and the loaded ``DatasetSplits``.
Those objects are shared between pages (the Template page tokenizes with the tokenizer
that the Model page loaded) and are never copied into a ``ProjectData`` snapshot.
"""

from __future__ import annotations

import copy
import enum
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

DATA_SPLITS = ("train", "validation", "test")
DATA_FOLDER_KEY = "folder"
# One file that the engine splits into train, validation and test by ratios.
DATA_SINGLE_FILE_KEY = "single_file"
DATA_PATH_KEYS = (DATA_FOLDER_KEY, DATA_SINGLE_FILE_KEY, *DATA_SPLITS)


class Requirement(enum.Enum):
    """One thing that training needs and the user has not given yet."""

    MODEL = "model"
    DATA = "data"
    METHOD = "method"
    TEMPLATE = "template"
    VERBALIZER = "verbalizer"


@dataclass
class ProjectData:
    """The user's choices; empty values mean "not chosen yet".

    ``data_paths`` maps "folder" (a folder with train/validation/test files),
    "single_file" (one file to split) or split names to paths. ``data_options`` contains
    the other ``DataConfig`` fields (row limits, columns, split ratios).
    ``hyperparameters`` holds ``TrainingConfig`` fields and ``method_options`` the
    fields of the chosen method's options class. ``verbalizer`` maps each class label
    to its label words. ``labels`` are the class labels found in the training split,
    empty until the data has been loaded.
    """

    model_folder: str = ""
    data_paths: dict[str, str] = field(default_factory=dict)
    data_options: dict[str, object] = field(default_factory=dict)
    method: str = ""
    method_uses_prompt: bool = False
    hyperparameters: dict[str, object] = field(default_factory=dict)
    method_options: dict[str, object] = field(default_factory=dict)
    template_text: str = ""
    verbalizer: dict[str, list[str]] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)

    def missing(self) -> list[Requirement]:
        """Return what training still needs, in the order of the pages."""
        missing = []
        if not self.model_folder:
            missing.append(Requirement.MODEL)
        if not any(self.data_paths.get(key) for key in
                   (DATA_FOLDER_KEY, DATA_SINGLE_FILE_KEY, "train")):
            missing.append(Requirement.DATA)
        if not self.method:
            missing.append(Requirement.METHOD)
        if self.method_uses_prompt:
            if not self.template_text.strip():
                missing.append(Requirement.TEMPLATE)
            if not self._verbalizer_complete():
                missing.append(Requirement.VERBALIZER)
        return missing

    def _verbalizer_complete(self) -> bool:
        classes = self.labels or list(self.verbalizer)
        if not classes:
            return False
        return all(any(word.strip() for word in self.verbalizer.get(label, []))
                   for label in classes)


class ProjectState(QObject):
    """The shared ``ProjectData`` of one window; setters emit ``sigChanged(field name)``.

    A setter that receives the current value emits nothing, so a page may write back
    what it has just read without starting a loop. The loaded engine objects emit
    "model_info", "tokenizer", "linear_layers" and "splits".
    """

    sigChanged = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._data = ProjectData()
        self._model_info: Any = None
        self._tokenizer: Any = None
        self._linear_layers: list[str] = []
        self._splits: Any = None

    def snapshot(self) -> ProjectData:
        """Return a deep copy of the current choices (for building a run config)."""
        return copy.deepcopy(self._data)

    def missing(self) -> list[Requirement]:
        return self._data.missing()

    def is_ready(self) -> bool:
        return not self._data.missing()

    # Read access.

    @property
    def model_folder(self) -> str:
        return self._data.model_folder

    @property
    def data_paths(self) -> dict[str, str]:
        return dict(self._data.data_paths)

    @property
    def data_options(self) -> dict[str, object]:
        return copy.deepcopy(self._data.data_options)

    @property
    def method(self) -> str:
        return self._data.method

    @property
    def method_uses_prompt(self) -> bool:
        return self._data.method_uses_prompt

    @property
    def hyperparameters(self) -> dict[str, object]:
        return dict(self._data.hyperparameters)

    @property
    def method_options(self) -> dict[str, object]:
        return copy.deepcopy(self._data.method_options)

    @property
    def template_text(self) -> str:
        return self._data.template_text

    @property
    def verbalizer(self) -> dict[str, list[str]]:
        return {label: list(words) for label, words in self._data.verbalizer.items()}

    @property
    def labels(self) -> list[str]:
        return list(self._data.labels)

    @property
    def model_info(self) -> Any:
        """The ``core.models.ModelInfo`` of the model folder, or None before inspection."""
        return self._model_info

    @property
    def tokenizer(self) -> Any:
        """The model's tokenizer, or None until it has loaded."""
        return self._tokenizer

    @property
    def linear_layers(self) -> list[str]:
        """Short names of the model's linear layers (LoRA target candidates)."""
        return list(self._linear_layers)

    @property
    def splits(self) -> Any:
        """The loaded ``core.data.DatasetSplits``, or None until the data has loaded."""
        return self._splits

    # Changes.

    def set_model_folder(self, path: str) -> None:
        if self._update("model_folder", str(path)):
            self.set_model_info(None)
            self.set_tokenizer(None)
            self.set_linear_layers([])

    def set_data_paths(self, paths: dict[str, str]) -> None:
        unknown = set(paths) - set(DATA_PATH_KEYS)
        if unknown:
            raise ValueError(f"unknown data path keys {sorted(unknown)}; expected one of "
                             f"{DATA_PATH_KEYS}")
        cleaned = {key: str(value) for key, value in paths.items() if value}
        if self._update("data_paths", cleaned):
            self.set_splits(None)

    def set_data_option(self, name: str, value: object) -> None:
        values = copy.deepcopy(self._data.data_options)
        values[name] = value
        self._update("data_options", values)

    def set_method(self, name: str, *, uses_prompt: bool) -> None:
        changed = self._data.method_uses_prompt != uses_prompt
        self._data.method_uses_prompt = uses_prompt
        if not self._update("method", name) and changed:
            self.sigChanged.emit("method")

    def set_hyperparameter(self, name: str, value: object) -> None:
        values = dict(self._data.hyperparameters)
        values[name] = value
        self._update("hyperparameters", values)

    def set_method_options(self, options: dict[str, object]) -> None:
        self._update("method_options", copy.deepcopy(dict(options)))

    def set_template_text(self, text: str) -> None:
        self._update("template_text", text)

    def set_verbalizer(self, verbalizer: dict[str, list[str]]) -> None:
        cleaned = {label: [word for word in words if word] for label, words in verbalizer.items()}
        self._update("verbalizer", cleaned)

    def set_labels(self, labels: list[str]) -> None:
        self._update("labels", list(labels))

    def set_model_info(self, info: Any) -> None:
        self._replace("_model_info", "model_info", info)

    def set_tokenizer(self, tokenizer: Any) -> None:
        self._replace("_tokenizer", "tokenizer", tokenizer)

    def set_linear_layers(self, names: list[str]) -> None:
        if list(names) != self._linear_layers:
            self._linear_layers = list(names)
            self.sigChanged.emit("linear_layers")

    def set_splits(self, splits: Any) -> None:
        """Keep the loaded splits and take the class labels from their training split."""
        if self._replace("_splits", "splits", splits) and splits is not None:
            self.set_labels(list(splits.labels))

    def _update(self, name: str, value: object) -> bool:
        if getattr(self._data, name) == value:
            return False
        setattr(self._data, name, value)
        self.sigChanged.emit(name)
        return True

    def _replace(self, attribute: str, signal_name: str, value: Any) -> bool:
        # Identity, not equality: a reloaded tokenizer is a new object even if it compares equal.
        if getattr(self, attribute) is value:
            return False
        setattr(self, attribute, value)
        self.sigChanged.emit(signal_name)
        return True
