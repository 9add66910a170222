"""Save a PNG of every page of the main window in every interface language.

    python scripts/screenshot.py                      # offscreen, into docs/screenshots
    python scripts/screenshot.py --languages bo --pages template
    xvfb-run -s "-screen 0 1280x900x24" python scripts/screenshot.py --platform xcb --hold 5

Files are named ``page-<page>-<language>.png``. The window is filled with demo input
(a model folder path, the TNCC-title classes with Tibetan label words, a Tibetan
template), so that the pages show real widgets in use. Nothing is trained and no
result is shown. The settings go to a temporary folder, never to the user's own settings.
``--hold`` keeps the last window on screen for that many seconds, so that an outside
tool (``import -window root``) can capture it from a real X server.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

DEMO_MODEL_FOLDER = str(Path.home() / "models" / "tibetan-bert-small")
DEMO_DATA_FOLDER = str((REPO_ROOT.parent / "shared" / "data" / "tncc-title").resolve())
DEMO_TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་གི་གསར་འགྱུར་རེད།'
# TNCC-title class names with Tibetan label words, as a linguist would type them.
DEMO_VERBALIZER = {
    "Politics": ["ཆབ་སྲིད"],
    "Economics": ["དཔལ་འབྱོར"],
    "Education": ["སློབ་གསོ"],
    "Tourism": ["ཡུལ་སྐོར"],
    "Environment": ["ཁོར་ཡུག"],
    "Language": ["སྐད་ཡིག"],
    "Literature": ["རྩོམ་རིག"],
    "Religion": ["ཆོས་ལུགས"],
    "Arts": ["སྒྱུ་རྩལ"],
    "Medicine": ["གསོ་རིག"],
    "Customs": ["གོམས་སྲོལ"],
    "Instruments": ["རོལ་ཆས"],
}


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "screenshots",
                        help="folder for the PNG files (created if missing)")
    parser.add_argument("--languages", nargs="+", default=["en", "bo", "zh_CN"],
                        help="interface languages to capture")
    parser.add_argument("--pages", nargs="+", default=None,
                        help="page keys to capture (default: every page)")
    parser.add_argument("--size", default="1100x760", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--platform", default="offscreen",
                        help="Qt platform plugin (offscreen, or xcb under Xvfb)")
    parser.add_argument("--hold", type=float, default=0.0,
                        help="seconds to keep the last window shown before quitting")
    parser.add_argument("--no-engine", action="store_true",
                        help="do not load torch/transformers (the status bar then shows "
                             "that the engine is loading)")
    return parser.parse_args()


def fill_demo_input(window) -> None:
    """Fill the pages with demo choices, as a user would."""
    window.open_model_folder(DEMO_MODEL_FOLDER)
    window.open_data_folder(DEMO_DATA_FOLDER)
    window.pages["method"].method_radios["prompt-lora"].setChecked(True)
    template_page = window.pages["template"]
    template_page.editor.setPlainText(DEMO_TEMPLATE)
    template_page.set_verbalizer(DEMO_VERBALIZER)
    window.state.set_labels(list(DEMO_VERBALIZER))


def load_engine(window, app, timeout_ms: int = 120_000) -> None:
    """Load the engine as the app does, so that the status bar shows the real engine."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    window.engine_loader.sigEngineReady.connect(loop.quit)
    window.engine_loader.sigEngineFailed.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    window.engine_loader.start()
    loop.exec()


def main() -> int:
    args = parse_arguments()
    os.environ["QT_QPA_PLATFORM"] = args.platform
    width, height = (int(part) for part in args.size.lower().split("x"))

    # Imported after the platform is chosen; peftt_gui.gui applies the PySide6 guard.
    import peftt_gui.gui  # noqa: F401
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from peftt_gui.gui.app import setup_application

    settings_folder = tempfile.mkdtemp(prefix="peftt-screenshots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_folder)

    app = QApplication([sys.argv[0]])
    context = setup_application(app)
    args.out.mkdir(parents=True, exist_ok=True)

    # One loader for every window: the engine is imported once per process.
    from peftt_gui.gui.engine_loader import EngineLoader
    from peftt_gui.gui.main_window import MainWindow

    loader = EngineLoader(app)
    window = None
    for language in args.languages:
        if window is not None:
            window.close()
            window.deleteLater()
        window = MainWindow(context.settings, translations=context.translations,
                            notifier=context.notifier, engine_loader=loader)
        window.choose_language(language)
        window.resize(width, height)
        fill_demo_input(window)
        window.show()
        app.processEvents()
        if not args.no_engine and not loader.is_ready():
            load_engine(window, app)
        app.processEvents()

        for key in args.pages or list(window.pages):
            window.show_page(key)
            app.processEvents()
            path = args.out / f"page-{key}-{language}.png"
            window.grab().save(str(path))
            print(path)

    if args.hold > 0 and window is not None:
        QTimer.singleShot(int(args.hold * 1000), app.quit)
        app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
