"""The main window: a sidebar of pages, the menus, the status bar and the engine status.

Nothing imported here may import torch or transformers, because the window must
appear before they load; ``EngineLoader`` imports them once the window has painted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from peftt_gui import __version__
from peftt_gui.gui.engine_loader import EngineInfo, EngineLoader
from peftt_gui.gui.i18n import NATIVE_NAMES, SYSTEM_LANGUAGE, Translations, apply_language
from peftt_gui.gui.icons import icon
from peftt_gui.gui.notifier import Notifier
from peftt_gui.gui.pages import PAGE_SPECS, SPECS_BY_KEY, PageSpec
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.settings import AppSettings
from peftt_gui.gui.state import ProjectState, Requirement

logger = logging.getLogger(__name__)

# The page that lets the user supply each missing requirement.
REQUIREMENT_PAGES = {
    Requirement.MODEL: "model",
    Requirement.DATA: "data",
    Requirement.METHOD: "method",
    Requirement.TEMPLATE: "template",
    Requirement.VERBALIZER: "template",
}
# If the platform sends no paint event (a minimized start), load the engine anyway.
ENGINE_START_FALLBACK_MS = 1500
SIDEBAR_MIN_WIDTH = 150


class PageRegistry(Mapping[str, Page]):
    """The main window's pages by key, in sidebar order, built when first needed.

    Reading a page builds it and every page before it, in sidebar order, because a
    page may read what an earlier one put in the project state when it was built.
    """

    def __init__(self, build: Callable[[PageSpec], Page]):
        self._build = build
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        if key not in SPECS_BY_KEY:
            raise KeyError(key)
        for spec in PAGE_SPECS:
            if key in self._built:
                break
            if spec.key not in self._built:
                self._built[spec.key] = self._build(spec)
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(SPECS_BY_KEY)

    def __len__(self) -> int:
        return len(PAGE_SPECS)

    def built(self) -> list[Page]:
        """Return the pages built so far, without building any."""
        return list(self._built.values())

    def built_page(self, key: str) -> Page | None:
        return self._built.get(key)

    def next_unbuilt(self) -> str | None:
        return next((spec.key for spec in PAGE_SPECS if spec.key not in self._built), None)


class MainWindow(QMainWindow):
    """Sidebar + stacked pages over one shared ``ProjectState``."""

    sigFirstPaint = Signal()

    def __init__(self, settings: AppSettings, *, translations: Translations | None = None,
                 notifier: Notifier | None = None, engine_loader: EngineLoader | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        # Set first: event() reads it, and Qt sends events while the window is built.
        self._painted = False
        self.settings = settings
        self.translations = translations
        self.notifier = notifier
        self.engine_loader = engine_loader if engine_loader is not None else EngineLoader(self)
        self.state = ProjectState(self)
        self._open_dialogs: list[QMessageBox] = []
        # Closing during a run shows a confirmation first. Tests and scripts turn it off.
        self.confirm_close_during_run = True

        self.setWindowIcon(icon("app"))
        self._build_pages()
        self._build_status_bar()
        self._build_menus()
        if notifier is not None:
            notifier.set_window(self)

        self.engine_loader.sigEngineReady.connect(self._on_engine_ready)
        self.engine_loader.sigEngineFailed.connect(self._on_engine_failed)
        self.engine_loader.sigModuleLoading.connect(self._on_engine_module_loading)

        self._retranslate()
        self.resize(1100, 760)
        self._restore_layout()

    # Construction.

    def _build_pages(self) -> None:
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setSpacing(2)
        self.stack = QStackedWidget(self)
        # Each page has a placeholder in the stack until it is built.
        for spec in PAGE_SPECS:
            item = QListWidgetItem(icon(spec.key), "", self.sidebar)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, 36))
            self.stack.addWidget(QWidget(self.stack))
        self.pages = PageRegistry(self._build_page)
        # Only the first page is built before the window shows; the others follow its
        # first paint, one per pass of the event loop (see _build_next_page).
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row_changed)
        self.sidebar.setCurrentRow(0)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_page(self, spec: PageSpec) -> Page:
        page_class = spec.page_class()
        page = (page_class(self.state, self.settings, self) if spec.takes_settings
                else page_class(self.state, self))
        index = PAGE_SPECS.index(spec)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(max(self.sidebar.currentRow(), 0))

        page.sigRequirementActivated.connect(self._on_requirement_activated)
        page.sigError.connect(self._on_page_error)
        if spec.key in ("train", "study"):
            page.sigHistoryChanged.connect(self._on_history_changed)
        if spec.key == "history":
            page.sigResumeRequested.connect(self.resume_run)
            page.sigCompareRequested.connect(self.compare_runs)
            page.sigRunsLoaded.connect(self._on_history_runs_loaded)
        if spec.key == "train" and self.engine_loader.is_ready():
            page.set_engine_info(self.engine_loader.info)
        return page

    def _on_sidebar_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.pages[PAGE_SPECS[row].key]
        self.stack.setCurrentIndex(row)

    def _build_next_page(self) -> None:
        key = self.pages.next_unbuilt()
        if key is None:
            # The plots of the pages follow, one per pass as well. Imported here because
            # plots imports numpy, which the first paint need not wait for.
            from peftt_gui.gui.plots import build_plots_later

            build_plots_later(self)
            return
        self.pages[key]
        QTimer.singleShot(0, self, self._build_next_page)

    def _build_status_bar(self) -> None:
        self.engine_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.engine_label)

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()

        self.file_menu = menu_bar.addMenu("")
        self.open_model_action = QAction(self)
        self.open_model_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_model_action.triggered.connect(self._choose_model_folder)
        self.open_data_action = QAction(self)
        self.open_data_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_data_action.triggered.connect(self._choose_data_folder)
        self.recent_models_menu = QMenu(self)
        self.recent_models_menu.aboutToShow.connect(self._fill_recent_models_menu)
        self.recent_data_menu = QMenu(self)
        self.recent_data_menu.aboutToShow.connect(self._fill_recent_data_menu)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.open_model_action)
        self.file_menu.addAction(self.open_data_action)
        self.file_menu.addMenu(self.recent_models_menu)
        self.file_menu.addMenu(self.recent_data_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.settings_menu = menu_bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        current = self.settings.language()
        for code in (SYSTEM_LANGUAGE, *NATIVE_NAMES):
            action = QAction(NATIVE_NAMES.get(code, ""), self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            action.triggered.connect(lambda _checked, code=code: self.choose_language(code))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = menu_bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("PEFTT Studio"))
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            item.setText(SPECS_BY_KEY[item.data(Qt.ItemDataRole.UserRole)].title())
        self._fit_sidebar()

        self.file_menu.setTitle(self.tr("&File"))
        self.open_model_action.setText(self.tr("Open &model folder…"))
        self.open_data_action.setText(self.tr("Open &data folder…"))
        self.recent_models_menu.setTitle(self.tr("Recent models"))
        self.recent_data_menu.setTitle(self.tr("Recent data"))
        self.quit_action.setText(self.tr("&Quit"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions[SYSTEM_LANGUAGE].setText(self.tr("System"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About PEFTT Studio"))
        self._show_engine_status()

    def _fit_sidebar(self) -> None:
        # Measured from the texts, because sizeHintForColumn() is 0 before the list is shown.
        metrics = self.sidebar.fontMetrics()
        text_width = max((metrics.horizontalAdvance(self.sidebar.item(row).text())
                          for row in range(self.sidebar.count())), default=0)
        padding = 2 * self.sidebar.frameWidth() + 40
        self.sidebar.setFixedWidth(max(text_width + self.sidebar.iconSize().width() + padding,
                                       SIDEBAR_MIN_WIDTH))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_sidebar()
        super().changeEvent(event)

    # Pages.

    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentRow(list(SPECS_BY_KEY).index(key))

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def _on_requirement_activated(self, requirement: Requirement) -> None:
        self.show_page(REQUIREMENT_PAGES[requirement])

    def _on_page_error(self, error: BaseException, traceback_text: str) -> None:
        if self.notifier is not None:
            self.notifier.notify_exception(error, traceback_text or None)
        else:
            logger.error("%s: %s", type(error).__name__, error)

    def _on_history_changed(self, run_id: object) -> None:
        self.pages["history"].reload(run_id if isinstance(run_id, int) else None)

    def compare_runs(self, run_ids: list) -> None:
        """Show the Compare page with the runs ``run_ids`` side by side."""
        self.pages["compare"].compare(run_ids)
        self.show_page("compare")

    def _on_history_runs_loaded(self) -> None:
        # The Compare page reads the history that the History page has opened.
        history = self.pages["history"]
        self.pages["compare"].set_history(history.storage, history.model.runs)

    def resume_run(self, run_id: int) -> None:
        """Resume a stored run on the Train page (when no run is in progress)."""
        train = self.pages["train"]
        if train.resume(run_id):
            self.show_page("train")
        else:
            QMessageBox.information(self, self.tr("PEFTT Studio"), self.tr(
                "A run is in progress. Wait for it to end, or stop it, before resuming "
                "another one."))

    def stop_tasks(self, timeout_ms: int = 60_000) -> bool:
        """Cancel the running engine tasks of every page and wait for them to end."""
        stopped = True
        for page in self.pages.built():
            stopped = page.stop_tasks(timeout_ms) and stopped
        return stopped

    # File menu.

    def _choose_model_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open model folder"),
                                                self.state.model_folder)
        if path:
            self.open_model_folder(path)

    def open_model_folder(self, path: str) -> None:
        self.pages["model"]._on_model_folder_chosen(path)
        self.show_page("model")

    def _choose_data_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open data folder"))
        if path:
            self.open_data_folder(path)

    def open_data_folder(self, path: str) -> None:
        page = self.pages["data"]
        page.folder_radio.setChecked(True)
        page.folder_picker.set_path(path)
        page._on_data_folder_chosen(path)
        self.show_page("data")

    def _fill_recent_models_menu(self) -> None:
        self._fill_recent_menu(self.recent_models_menu, self.settings.recent_models(),
                               self.open_model_folder)

    def _fill_recent_data_menu(self) -> None:
        self._fill_recent_menu(self.recent_data_menu, self.settings.recent_data(),
                               self.open_data_folder)

    def _fill_recent_menu(self, menu: QMenu, paths: list[str], open_path) -> None:
        menu.clear()
        for path in paths:
            action = menu.addAction(path)
            action.triggered.connect(lambda _checked=False, path=path: open_path(path))
        if not paths:
            menu.addAction(self.tr("(none)")).setEnabled(False)

    # Settings menu.

    def choose_language(self, setting: str) -> None:
        """Store the interface language ("system" or a code) and switch to it now."""
        self.settings.set_language(setting)
        self.language_actions[setting].setChecked(True)
        if self.translations is None:
            return
        language = apply_language(QApplication.instance(), self.translations, setting)
        logger.info("Interface language set to %s (%s)", setting, language)

    # Help menu.

    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About PEFTT Studio"))
        box.setIconPixmap(icon("app").pixmap(64, 64))
        box.setText(self.tr("<b>PEFTT Studio</b> %1").replace("%1", __version__))
        box.setInformativeText(self.tr(
            "Fine-tune Tibetan language models with full fine-tuning, prompt templates "
            "with verbalizers, or LoRA, without writing code.<br><br>Tibetan text is "
            "shown in Noto Serif Tibetan, licensed under the SIL Open Font License 1.1."))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.finished.connect(lambda _result: self._forget_dialog(box))
        self._open_dialogs.append(box)
        box.open()
        return box

    def _forget_dialog(self, box: QMessageBox) -> None:
        if box in self._open_dialogs:
            self._open_dialogs.remove(box)
        box.deleteLater()

    # Engine loading.

    def start_engine_after_first_paint(self) -> None:
        """Load the engine once the window has painted (or after a fallback delay)."""
        if self._painted:
            QTimer.singleShot(0, self.engine_loader.start)
            return
        self.sigFirstPaint.connect(self.engine_loader.start,
                                   Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(ENGINE_START_FALLBACK_MS, self.engine_loader.start)

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            # Queued, so that the engine thread starts after this paint has finished.
            QTimer.singleShot(0, self, self.sigFirstPaint.emit)
            # The other pages follow, after the engine thread has started.
            QTimer.singleShot(0, self, self._build_next_page)
        return result

    def _on_engine_module_loading(self, module: str) -> None:
        self.engine_label.setText(self.tr("Loading the training engine (%1)…")
                                  .replace("%1", module))

    def _on_engine_ready(self, info: EngineInfo) -> None:
        train = self.pages.built_page("train")
        if train is not None:
            train.set_engine_info(info)
        self._show_engine_status()

    def _on_engine_failed(self, error: BaseException, traceback_text: str) -> None:
        self._show_engine_status()
        if self.notifier is not None:
            self.notifier.notify_exception(error, traceback_text)

    def _show_engine_status(self) -> None:
        info = self.engine_loader.info
        if info is not None:
            self.engine_label.setText(self.tr("Engine ready: torch %1 on %2")
                                      .replace("%1", info.torch_version)
                                      .replace("%2", info.device))
        elif self.engine_loader.failed:
            self.engine_label.setText(self.tr("The training engine failed to load"))
        else:
            self.engine_label.setText(self.tr("Loading the training engine…"))

    # Layout persistence.

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None and not self.restoreGeometry(geometry):
            logger.warning("Ignoring stored window geometry that Qt cannot restore")
        window_state = self.settings.window_state()
        if window_state is not None and not self.restoreState(window_state):
            logger.warning("Ignoring stored window state that Qt cannot restore")

    def save_layout(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        train, study = self.pages.built_page("train"), self.pages.built_page("study")
        if train is not None and train.is_running() and self.confirm_close_during_run:
            answer = QMessageBox.question(self, self.tr("PEFTT Studio"), self.tr(
                "A run is in progress. Stop it and quit? The run keeps a checkpoint and "
                "can resume later."))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if study is not None and study.is_running() and self.confirm_close_during_run:
            answer = QMessageBox.question(self, self.tr("PEFTT Studio"), self.tr(
                "A study is running. Stop it and quit? Start on the Study page resumes it "
                "later, and the stopped run starts again from its beginning."))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_layout()
        for box in list(self._open_dialogs):
            box.close()
        # Requests the stop without waiting, so that the window closes at once. The workers
        # keep their QThreads alive meanwhile, and app.shut_down() waits for them.
        self.stop_tasks(timeout_ms=0)
        super().closeEvent(event)

