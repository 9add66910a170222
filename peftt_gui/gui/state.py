"""The choices the user has made so far (model, data, method, template, verbalizer).

``ProjectData`` is plain Python and lists what is still missing before training can
start. ``ProjectState`` wraps it in a QObject that emits ``sigChanged(field)`` after
each change, so every page that shows a field or a status line can follow it.
"""

from __future__ import annotations

import copy
import enum
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

DATA_SPLITS = ("train", "validation", "test")
DATA_FOLDER_KEY = "folder"


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

    ``data_paths`` maps "folder" (a folder with train/validation/test files) or split
    names to paths. ``verbalizer`` maps each class label to its label words.
    ``labels`` are the class labels found in the training split, empty until the data
    has been loaded.
    """

    model_folder: str = ""
    data_paths: dict[str, str] = field(default_factory=dict)
    method: str = ""
    method_uses_prompt: bool = False
    hyperparameters: dict[str, object] = field(default_factory=dict)
    template_text: str = ""
    verbalizer: dict[str, list[str]] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)

    def missing(self) -> list[Requirement]:
        """Return what training still needs, in the order of the pages."""
        missing = []
        if not self.model_folder:
            missing.append(Requirement.MODEL)
        if not (self.data_paths.get(DATA_FOLDER_KEY) or self.data_paths.get("train")):
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
    what it has just read without starting a loop.
    """

    sigChanged = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._data = ProjectData()

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
    def method(self) -> str:
        return self._data.method

    @property
    def method_uses_prompt(self) -> bool:
        return self._data.method_uses_prompt

    @property
    def hyperparameters(self) -> dict[str, object]:
        return dict(self._data.hyperparameters)

    @property
    def template_text(self) -> str:
        return self._data.template_text

    @property
    def verbalizer(self) -> dict[str, list[str]]:
        return {label: list(words) for label, words in self._data.verbalizer.items()}

    @property
    def labels(self) -> list[str]:
        return list(self._data.labels)

    # Changes.

    def set_model_folder(self, path: str) -> None:
        self._update("model_folder", str(path))

    def set_data_paths(self, paths: dict[str, str]) -> None:
        unknown = set(paths) - {DATA_FOLDER_KEY, *DATA_SPLITS}
        if unknown:
            raise ValueError(f"unknown data path keys {sorted(unknown)}; expected "
                             f"{DATA_FOLDER_KEY!r} or one of {DATA_SPLITS}")
        self._update("data_paths", {key: str(value) for key, value in paths.items() if value})

    def set_method(self, name: str, *, uses_prompt: bool) -> None:
        changed = self._data.method_uses_prompt != uses_prompt
        self._data.method_uses_prompt = uses_prompt
        if not self._update("method", name) and changed:
            self.sigChanged.emit("method")

    def set_hyperparameter(self, name: str, value: object) -> None:
        values = dict(self._data.hyperparameters)
        values[name] = value
        self._update("hyperparameters", values)

    def set_template_text(self, text: str) -> None:
        self._update("template_text", text)

    def set_verbalizer(self, verbalizer: dict[str, list[str]]) -> None:
        cleaned = {label: [word for word in words if word] for label, words in verbalizer.items()}
        self._update("verbalizer", cleaned)

    def set_labels(self, labels: list[str]) -> None:
        self._update("labels", list(labels))

    def _update(self, name: str, value: object) -> bool:
        if getattr(self._data, name) == value:
            return False
        setattr(self._data, name, value)
        self.sigChanged.emit(name)
        return True
