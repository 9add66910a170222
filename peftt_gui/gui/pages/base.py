"""The common frame of every sidebar page: title, description, status line, body."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.widgets import MissingStatusLabel

TITLE_SCALE = 1.5


class Page(QWidget):
    """Base class of the pages; subclasses fill ``body`` and call ``retranslate()``.

    ``key`` names the page in settings, screenshots and tests; ``icon_name`` is the file
    stem of its sidebar icon in ``resources/icons``.
    """

    key = ""
    icon_name = ""
    sigRequirementActivated = Signal(object)

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state

        self.title_label = QLabel(self)
        self.description_label = QLabel(self)
        self.description_label.setWordWrap(True)
        self.description_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = MissingStatusLabel(state, self)
        self.status_label.setObjectName("missingStatus")
        self.status_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.status_label.setContentsMargins(8, 4, 8, 4)
        self.status_label.sigRequirementActivated.connect(self.sigRequirementActivated)

        # The body scrolls, so that long forms stay usable in a small window.
        body_widget = QWidget()
        self.body = QVBoxLayout(body_widget)
        self.body.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body_widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.description_label)
        layout.addWidget(self.status_label)
        layout.addWidget(scroll, 1)

    def title(self) -> str:
        """Return the translated page title (also the sidebar text)."""
        raise NotImplementedError

    def description(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every text of the page in the current language."""
        title_font = QFont(QApplication.font())
        if title_font.pointSizeF() > 0:
            title_font.setPointSizeF(title_font.pointSizeF() * TITLE_SCALE)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setText(self.title())
        self.description_label.setText(self.description())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
