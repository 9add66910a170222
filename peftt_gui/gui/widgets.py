"""Small widgets shared by the pages: a path picker and the "still missing" status line."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from peftt_gui.gui.state import ProjectState, Requirement


ERROR_COLOR = "#d0191f"
SUCCESS_COLOR = "#2a7a2e"


def set_message(label: QLabel, text: str, *, error: bool = False, success: bool = False) -> None:
    """Show ``text`` in ``label``: red for an error, green for success; hide it when empty."""
    color = ""
    if error:
        color = ERROR_COLOR
    elif success:
        color = SUCCESS_COLOR
    label.setStyleSheet(f"color: {color};" if color else "")
    label.setText(text)
    label.setVisible(bool(text))


def format_duration(seconds: float) -> str:
    """Return a translated duration such as "2 min 05 s" or "1 h 20 min"."""
    seconds = max(int(round(seconds)), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        text = QCoreApplication.translate("Duration", "%1 h %2 min")
        return text.replace("%1", str(hours)).replace("%2", f"{minutes:02d}")
    if minutes:
        text = QCoreApplication.translate("Duration", "%1 min %2 s")
        return text.replace("%1", str(minutes)).replace("%2", f"{seconds:02d}")
    return QCoreApplication.translate("Duration", "%1 s").replace("%1", str(seconds))


class PathPicker(QWidget):
    """A line edit with a Browse button for one folder or file.

    ``sigPathChosen(path)`` fires when the user picks a path in the dialog or finishes
    typing one (Enter or leaving the field); an empty string means "cleared".
    """

    sigPathChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, folder: bool,
                 file_filter: str = ""):
        super().__init__(parent)
        self._folder = folder
        self._file_filter = file_filter
        self._dialog_title = ""
        self._last_emitted = ""

        self.line_edit = QLineEdit(self)
        self.line_edit.setClearButtonEnabled(True)
        self.line_edit.editingFinished.connect(self._on_editing_finished)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.browse_button)
        self._retranslate()

    def path(self) -> str:
        return self.line_edit.text().strip()

    def set_path(self, path: str) -> None:
        """Show ``path`` without emitting ``sigPathChosen``."""
        self.line_edit.setText(path)
        self._last_emitted = path

    def set_dialog_title(self, title: str) -> None:
        self._dialog_title = title

    def set_file_filter(self, file_filter: str) -> None:
        self._file_filter = file_filter

    def browse(self) -> None:
        start = self.path() or str(Path.home())
        if self._folder:
            path = QFileDialog.getExistingDirectory(self, self._dialog_title, start)
        else:
            path, _ = QFileDialog.getOpenFileName(self, self._dialog_title, start,
                                                  self._file_filter)
        if path:
            self.line_edit.setText(path)
            self._emit(path)

    def _on_editing_finished(self) -> None:
        self._emit(self.path())

    def _emit(self, path: str) -> None:
        if path != self._last_emitted:
            self._last_emitted = path
            self.sigPathChosen.emit(path)

    def _retranslate(self) -> None:
        self.browse_button.setText(self.tr("Browse…"))
        if self._folder:
            self.line_edit.setPlaceholderText(self.tr("Choose a folder"))
        else:
            self.line_edit.setPlaceholderText(self.tr("Choose a file"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class MissingStatusLabel(QLabel):
    """One line saying what training still needs, each item a link to its page."""

    sigRequirementActivated = Signal(object)

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self._on_link_activated)
        state.sigChanged.connect(self.refresh)
        self.refresh()

    def requirement_text(self, requirement: Requirement) -> str:
        texts = {
            Requirement.MODEL: self.tr("a model folder"),
            Requirement.DATA: self.tr("training data"),
            Requirement.METHOD: self.tr("a method"),
            Requirement.TEMPLATE: self.tr("a template"),
            Requirement.VERBALIZER: self.tr("label words for every class"),
        }
        return texts[requirement]

    def refresh(self, _field: str = "") -> None:
        missing = self._state.missing()
        if not missing:
            # lupdate does not look inside f-strings, so the text is translated first.
            ready = html.escape(self.tr("Ready to train."))
            self.setText(f'<span style="color:#2a7a2e">&#10003; {ready}</span>')
            return
        links = [f'<a href="{item.value}">{html.escape(self.requirement_text(item))}</a>'
                 for item in missing]
        separator = html.escape(self.tr(", ", "separator between missing items"))
        message = html.escape(self.tr("Still missing before training: %1"))
        self.setText(message.replace("%1", separator.join(links)))

    def _on_link_activated(self, link: str) -> None:
        self.sigRequirementActivated.emit(Requirement(link))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)


class ScientificSpinBox(QDoubleSpinBox):
    """A spin box for small positive values such as learning rates, shown as ``2e-05``.

    The arrows halve or double the value, which suits values that span decades.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # QDoubleSpinBox rounds values to `decimals`; keep enough for 1e-8 steps.
        self.setDecimals(12)

    def textFromValue(self, value: float) -> str:
        return f"{value:.3g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, position: int) -> object:
        stripped = text.strip()
        if not stripped:
            return QValidator.State.Intermediate, text, position
        try:
            value = float(stripped)
        except ValueError:
            # A prefix such as "1e" or "1e-" may still become a number.
            partial = stripped.rstrip("eE+-.")
            state = QValidator.State.Intermediate if _is_float(partial) else QValidator.State.Invalid
            return state, text, position
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, position
        return QValidator.State.Intermediate, text, position

    def stepBy(self, steps: int) -> None:
        self.setValue(self.value() * (2.0 ** steps))


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
