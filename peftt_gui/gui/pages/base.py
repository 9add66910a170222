"""The common frame of every sidebar page: title, description, status line, body.

Pages run engine calls through ``start_task``, which keeps each ``Worker`` until it ends
and reports failures through ``sigError``. The main window passes those to the notifier.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget
from shiboken6 import Shiboken

from peftt_gui.gui.pages import SPECS_BY_KEY
from peftt_gui.gui.state import ProjectState
from peftt_gui.gui.widgets import MissingStatusLabel
from peftt_gui.gui.worker import Worker

TITLE_SCALE = 1.5


class Page(QWidget):
    """Base class of the pages; subclasses fill ``body`` and call ``retranslate()``.

    ``key`` names the page in settings, screenshots and tests, and its entry in
    ``PAGE_SPECS``; it is also the file stem of its sidebar icon in ``resources/icons``.
    """

    key = ""
    # Whether the page shows the line of what training still needs (or "Ready to train").
    # Pages that do not prepare the Train page's run turn it off.
    shows_requirements = True
    sigRequirementActivated = Signal(object)
    sigError = Signal(object, str)

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self._tasks: set[Worker] = set()

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
        if not self.shows_requirements:
            self.status_label.hide()

        # The body scrolls, so that long forms stay usable in a small window.
        body_widget = QWidget()
        self.body = QVBoxLayout(body_widget)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body_widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.description_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.scroll_area, 1)

    def title(self) -> str:
        """Return the translated page title (also the sidebar text)."""
        return SPECS_BY_KEY[self.key].title()

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

    # Engine tasks.

    def start_task(self, function: Callable[..., object], *args,
                   on_finished: Callable[[object], None] | None = None,
                   on_failed: Callable[[BaseException, str], None] | None = None,
                   on_cancelled: Callable[[], None] | None = None,
                   on_progress: Callable[[list], None] | None = None,
                   **kwargs) -> Worker:
        """Run ``function`` in a Worker; results come back in the GUI thread.

        ``on_progress`` receives every progress value since the last call, as a list.
        Without ``on_failed``, a failure is emitted as ``sigError``. The callbacks are
        skipped once the page has been deleted, because a result may arrive after that.
        """
        worker = Worker(function, *args, **kwargs)
        if on_progress is not None:
            worker.sigProgressBatch.connect(self._while_alive(on_progress))
        if on_finished is not None:
            worker.sigFinished.connect(self._while_alive(on_finished))
        worker.sigFailed.connect(self._while_alive(
            on_failed if on_failed is not None else self.sigError.emit))
        if on_cancelled is not None:
            worker.sigCancelled.connect(self._while_alive(on_cancelled))
        for signal in (worker.sigFinished, worker.sigFailed, worker.sigCancelled):
            signal.connect(lambda *_args, worker=worker: self._tasks.discard(worker))
        self._tasks.add(worker)
        worker.start()
        return worker

    def _while_alive(self, callback: Callable[..., None]) -> Callable[..., None]:
        def call(*args) -> None:
            if Shiboken.isValid(self):
                callback(*args)
        return call

    def running_tasks(self) -> list[Worker]:
        return [worker for worker in self._tasks if worker.is_running()]

    def stop_tasks(self, timeout_ms: int = 30_000) -> bool:
        """Cancel every running task and wait for their threads; False on timeout."""
        for worker in self.running_tasks():
            worker.cancel()
        return all(worker.wait(timeout_ms) for worker in list(self._tasks))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
