"""A form generated from the fields of an engine config dataclass.

Each field declared with ``core.config.option`` gets an editor chosen from its type and
metadata: a check box for ``bool``, a combo box for ``choices``, a spin box for numbers
(range from ``minimum`` and ``maximum``), a line edit for text. The field's help text is
the editor's tooltip. An optional number (``int | None``) shows ``none_text`` at its
lowest value, which stands for None. A label beside each editor shows why the value
typed there is invalid, in the words of the form or of the engine's ``ConfigError``.
"""

from __future__ import annotations

import dataclasses
import math
import re
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from peftt_gui.gui.config_text import choice_text, field_help, field_label, none_text
from peftt_gui.gui.fonts import tibetan_line_height
from peftt_gui.gui.widgets import ScientificSpinBox

INT_LIMIT = 2**31 - 1
LINE_EDIT_MIN_WIDTH = 240
SPIN_BOX_MIN_WIDTH = 110
# Pixels added to the text's line height for an editor's frame and margins.
EDITOR_PADDING = 4
TIBETAN_LETTER = re.compile("[\u0f40-\u0fbc]")
FLOAT_LIMIT = 1e9
ERROR_COLOR = "#d0191f"
# Values below this minimum get a spin box in scientific notation (learning rates).
SCIENTIFIC_BELOW = 1e-4


@dataclass(frozen=True)
class FieldSpec:
    """One config field as the form needs it."""

    name: str
    kind: type                       # bool, int, float, str or list
    optional: bool
    default: object
    help: str
    minimum: float | None
    maximum: float | None
    choices: tuple | None


def field_specs(config_class: type, names: Sequence[str] | None = None) -> list[FieldSpec]:
    """Return the specs of ``config_class``'s fields (all, or ``names`` in that order)."""
    hints = typing.get_type_hints(config_class)
    by_name = {spec.name: spec for spec in dataclasses.fields(config_class)}
    result = []
    for name in names if names is not None else list(by_name):
        spec = by_name[name]
        kind, optional = _base_type(hints[name])
        if spec.default is not dataclasses.MISSING:
            default = spec.default
        elif spec.default_factory is not dataclasses.MISSING:
            default = spec.default_factory()
        else:
            default = None
        meta = spec.metadata
        result.append(FieldSpec(name, kind, optional, default, meta.get("help", ""),
                                meta.get("minimum"), meta.get("maximum"), meta.get("choices")))
    return result


def _base_type(hint) -> tuple[type, bool]:
    """Return (the non-None type, whether None is allowed) of a field annotation."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        members = [member for member in typing.get_args(hint) if member is not type(None)]
        return _base_type(members[0])[0], True
    origin = typing.get_origin(hint)
    return (origin or hint), False


class ConfigForm(QWidget):
    """Editors for some fields of a config dataclass; ``sigValueChanged(name, value)``.

    ``custom_editors`` maps field names to factories of widgets that the caller
    manages itself (a checklist of layers, for example). Such a field gets a row with
    its label and tooltip, and ``values()`` leaves it out.
    """

    sigValueChanged = Signal(str, object)

    def __init__(self, config_class: type, names: Sequence[str] | None = None,
                 parent: QWidget | None = None, *,
                 custom_editors: dict[str, Callable[[QWidget], QWidget]] | None = None):
        super().__init__(parent)
        self.config_class = config_class
        self.specs = {spec.name: spec for spec in field_specs(config_class, names)}
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._row_labels: dict[str, QLabel] = {}
        self._custom = set(custom_editors or {})

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        for name, spec in self.specs.items():
            factory = (custom_editors or {}).get(name)
            editor = factory(self) if factory is not None else self._make_editor(spec)
            self.editors[name] = editor
            error = QLabel(self)
            error.setStyleSheet(f"color: {ERROR_COLOR};")
            error.setWordWrap(True)
            error.hide()
            self.error_labels[name] = error
            cell = QWidget(self)
            cell_layout = QHBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.addWidget(editor)
            cell_layout.addWidget(error, 1)
            # Editors keep their own width; the message, or empty space, takes the rest.
            cell_layout.addStretch(0 if isinstance(editor, QLineEdit) else 1)
            label = QLabel(self)
            self._row_labels[name] = label
            self.form.addRow(label, cell)
        self.retranslate()

    # Editors.

    def _make_editor(self, spec: FieldSpec) -> QWidget:
        if spec.kind is bool:
            editor = QCheckBox(self)
            editor.setChecked(bool(spec.default))
            editor.toggled.connect(lambda value, name=spec.name: self._changed(name, value))
        elif spec.choices:
            editor = QComboBox(self)
            for choice in spec.choices:
                editor.addItem(str(choice), choice)
            editor.setCurrentIndex(max(editor.findData(spec.default), 0))
            editor.currentIndexChanged.connect(
                lambda _index, name=spec.name: self._changed(name, self.value(name)))
        elif spec.kind is int:
            editor = self._int_editor(spec)
        elif spec.kind is float:
            editor = self._float_editor(spec)
        else:
            editor = QLineEdit(self)
            if isinstance(spec.default, str):
                editor.setText(spec.default)
            elif isinstance(spec.default, list):
                editor.setText(", ".join(map(str, spec.default)))
            editor.editingFinished.connect(
                lambda name=spec.name: self._changed(name, self.value(name)))
            editor.setMinimumWidth(LINE_EDIT_MIN_WIDTH)
        editor.setObjectName(spec.name)
        return editor

    def _int_editor(self, spec: FieldSpec) -> QSpinBox:
        editor = QSpinBox(self)
        minimum = int(spec.minimum) if spec.minimum is not None else 0
        maximum = int(spec.maximum) if spec.maximum is not None else INT_LIMIT
        if spec.optional:
            # The value below the minimum shows none_text and stands for None.
            minimum -= 1
        editor.setRange(minimum, maximum)
        editor.setValue(minimum if spec.default is None else int(spec.default))
        editor.valueChanged.connect(lambda _value, name=spec.name: self._changed(name, self.value(name)))
        editor.lineEdit().textEdited.connect(lambda text, name=spec.name: self._check_typed(name, text))
        editor.setMinimumWidth(SPIN_BOX_MIN_WIDTH)
        return editor

    def _float_editor(self, spec: FieldSpec) -> QDoubleSpinBox:
        minimum = float(spec.minimum) if spec.minimum is not None else 0.0
        maximum = float(spec.maximum) if spec.maximum is not None else FLOAT_LIMIT
        if 0 < minimum < SCIENTIFIC_BELOW:
            editor = ScientificSpinBox(self)
        else:
            editor = QDoubleSpinBox(self)
            editor.setDecimals(3)
            editor.setSingleStep(_step_for(minimum, maximum))
        editor.setRange(minimum, maximum)
        if spec.default is not None:
            editor.setValue(float(spec.default))
        editor.valueChanged.connect(lambda _value, name=spec.name: self._changed(name, self.value(name)))
        editor.lineEdit().textEdited.connect(lambda text, name=spec.name: self._check_typed(name, text))
        editor.setMinimumWidth(SPIN_BOX_MIN_WIDTH)
        return editor

    # Values.

    def values(self) -> dict[str, object]:
        """Return the value of every generated editor, by field name."""
        return {name: self.value(name) for name in self.specs if name not in self._custom}

    def value(self, name: str) -> object:
        spec = self.specs[name]
        editor = self.editors[name]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox):
            if spec.optional and editor.value() == editor.minimum():
                return None
            return editor.value()
        if isinstance(editor, QDoubleSpinBox):
            return editor.value()
        if isinstance(editor, QLineEdit):
            if spec.kind is list:
                return [item.strip() for item in editor.text().replace("，", ",").split(",")
                        if item.strip()]
            return editor.text().strip()
        raise KeyError(f"{name} has a custom editor; read it from that widget")

    def set_value(self, name: str, value: object) -> None:
        """Show ``value`` in the editor of ``name``; emits ``sigValueChanged`` if it changed."""
        editor = self.editors[name]
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else int(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value))
        elif isinstance(editor, QLineEdit):
            editor.setText(", ".join(map(str, value)) if isinstance(value, list) else str(value))
            self._changed(name, self.value(name))

    def _changed(self, name: str, value: object) -> None:
        self.show_error(name, "")
        self.sigValueChanged.emit(name, value)

    # Validation messages.

    def show_error(self, name: str, message: str) -> None:
        """Show ``message`` beside the editor of ``name`` (an empty message hides it)."""
        label = self.error_labels[name]
        label.setText(message)
        label.setVisible(bool(message))

    def errors(self) -> dict[str, str]:
        return {name: label.text() for name, label in self.error_labels.items() if label.text()}

    def validate(self, extra: dict[str, object] | None = None) -> str:
        """Build the config from the values (and ``extra``); show and return its error.

        Returns "" when the engine accepts the values.
        """
        from peftt_gui.core.errors import ConfigError

        for name in self.specs:
            if not self._typed_error(name):
                self.show_error(name, "")
        try:
            self.config_class(**{**self.values(), **(extra or {})})
        except ConfigError as error:
            if error.field in self.specs:
                self.show_error(error.field, str(error))
            return str(error)
        return ""

    def _check_typed(self, name: str, text: str) -> None:
        """Show a message while the typed text is not a value the field accepts."""
        self.show_error(name, self._typed_error(name, text))

    def _typed_error(self, name: str, text: str | None = None) -> str:
        editor = self.editors[name]
        if not isinstance(editor, QAbstractSpinBox):
            return ""
        if text is None:
            text = editor.lineEdit().text()
        stripped = text.strip()
        if not stripped or stripped == editor.specialValueText():
            return ""
        try:
            number = float(stripped)
        except ValueError:
            return self.tr("Enter a number.")
        low, high = editor.minimum(), editor.maximum()
        if self.specs[name].optional and isinstance(editor, QSpinBox):
            low += 1
        if number < low or number > high:
            return (self.tr("Enter a value from %1 to %2.")
                    .replace("%1", _number_text(low)).replace("%2", _number_text(high)))
        if isinstance(editor, QSpinBox) and not number.is_integer():
            return self.tr("Enter a whole number.")
        return ""

    # Texts.

    def retranslate(self) -> None:
        for name, spec in self.specs.items():
            self._row_labels[name].setText(field_label(name))
            tooltip = field_help(spec.help)
            self.editors[name].setToolTip(tooltip)
            self._row_labels[name].setToolTip(tooltip)
            editor = self.editors[name]
            if isinstance(editor, QSpinBox) and spec.optional:
                editor.setSpecialValueText(none_text(name))
            if isinstance(editor, QComboBox):
                for index in range(editor.count()):
                    editor.setItemText(index, choice_text(editor.itemData(index)))
        self._bool_labels_after_box()
        self._fit_editor_heights()

    def _fit_editor_heights(self) -> None:
        # A Tibetan interface shows Tibetan special texts such as "all" in the editors, and
        # their own height comes from the Latin font, which clips Tibetan stacks.
        tibetan_ui = any(TIBETAN_LETTER.search(field_label(name)) for name in self.specs)
        height = tibetan_line_height(self.font()) + EDITOR_PADDING if tibetan_ui else 0
        for editor in self.editors.values():
            if isinstance(editor, (QAbstractSpinBox, QLineEdit, QComboBox)):
                editor.setMinimumHeight(height)

    def _bool_labels_after_box(self) -> None:
        # A check box carries its own text, so its row label stays empty.
        for name, editor in self.editors.items():
            if isinstance(editor, QCheckBox):
                editor.setText(self._row_labels[name].text())
                self._row_labels[name].setText("")

    def set_row_visible(self, name: str, visible: bool) -> None:
        self.form.setRowVisible(list(self.specs).index(name), visible)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _step_for(minimum: float, maximum: float) -> float:
    if maximum <= 1.0:
        return 0.01
    return 0.1 if maximum <= 10.0 else 1.0


def _number_text(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}" if math.isfinite(value) else str(value)
