"""The sidebar pages of the main window, one module per page.

``PAGE_SPECS`` lists them in sidebar order with what the sidebar needs before a page
exists (key, icon, title). The main window builds the first page before it shows and
the others after its first paint, so this module imports no page module.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class PageSpec:
    """One sidebar entry: ``class_name`` in ``peftt_gui.gui.pages.<module>``."""

    key: str
    module: str
    class_name: str
    # The untranslated title; the translation context is the class name, as for self.tr().
    title_source: str
    # Model and Data keep recent folders, so they also take the app settings.
    takes_settings: bool = False

    def title(self) -> str:
        return QCoreApplication.translate(self.class_name, self.title_source)

    def page_class(self) -> type:
        module = importlib.import_module(f"{__name__}.{self.module}")
        return getattr(module, self.class_name)


PAGE_SPECS: tuple[PageSpec, ...] = (
    PageSpec("model", "model_page", "ModelPage",
             QT_TRANSLATE_NOOP("ModelPage", "Model"), takes_settings=True),
    PageSpec("data", "data_page", "DataPage",
             QT_TRANSLATE_NOOP("DataPage", "Data"), takes_settings=True),
    PageSpec("method", "method_page", "MethodPage",
             QT_TRANSLATE_NOOP("MethodPage", "Method")),
    PageSpec("template", "template_page", "TemplatePage",
             QT_TRANSLATE_NOOP("TemplatePage", "Template & verbalizer")),
    PageSpec("train", "train_page", "TrainPage",
             QT_TRANSLATE_NOOP("TrainPage", "Train")),
    PageSpec("history", "history_page", "HistoryPage",
             QT_TRANSLATE_NOOP("HistoryPage", "History")),
    PageSpec("compare", "compare_page", "ComparePage",
             QT_TRANSLATE_NOOP("ComparePage", "Compare")),
    PageSpec("playground", "playground_page", "PlaygroundPage",
             QT_TRANSLATE_NOOP("PlaygroundPage", "Playground")),
    PageSpec("study", "study_page", "StudyPage",
             QT_TRANSLATE_NOOP("StudyPage", "Study")),
)
SPECS_BY_KEY = {spec.key: spec for spec in PAGE_SPECS}
