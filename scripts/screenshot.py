"""Save a PNG of every page of the main window in every interface language.

    python scripts/screenshot.py                      # offscreen, into docs/screenshots
    python scripts/screenshot.py --languages bo --pages template
    python scripts/screenshot.py --model ~/models/cino-base-v2 --epochs 3
    xvfb-run -s "-screen 0 1280x900x24" python scripts/screenshot.py --platform xcb --hold 5

Files are named ``page-<page>-<language>.png``. A page taller than the window also gets
``page-<page>-end-<language>.png``, scrolled to its end, and the History page gets
``page-history-<tab>-<language>.png`` for its settings, curves and test results.

The script drives the real flow, as a user would. It opens a model folder (by default the
4-layer model in ``.cache/local-model-default``, else the newest tiny test model in
``.cache``) and the TNCC-title data with row limits. It chooses the prompt + LoRA method,
a Tibetan template and label words, scores them before training and trains a short run,
so that the plots and the history contain real data. Settings, run history and run
folders go to a temporary folder, never to the user's own. ``--hold`` keeps the window on
screen for that many seconds, so that an outside tool (``import -window root``) can
capture it from a real X server.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

DEFAULT_MODEL = REPO_ROOT / ".cache" / "local-model-default"
DEMO_DATA_FOLDER = (REPO_ROOT.parent / "shared" / "data" / "tncc-title").resolve()
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
# A TNCC-title test title, with spaces between syllables as in the data, for the Playground.
DEMO_TITLE = "ལི ཁེ ཆང གིས རྒྱལ སྲིད སྤྱི ཁྱབ ཁང གི རྒྱུན ལས ཚོགས འདུ གཙོ སྐྱོང གནང བ"
HISTORY_TABS = {1: "settings", 2: "curves", 3: "results"}
STEP_TIMEOUT_S = 900


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "screenshots",
                        help="folder for the PNG files (created if missing)")
    parser.add_argument("--languages", nargs="+", default=["en", "bo", "zh_CN"],
                        help="interface languages to capture")
    parser.add_argument("--pages", nargs="+", default=None,
                        help="page keys to capture (default: every page)")
    parser.add_argument("--size", default="1280x1000", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--platform", default="offscreen",
                        help="Qt platform plugin (offscreen, or xcb under Xvfb)")
    parser.add_argument("--hold", type=float, default=0.0,
                        help="seconds to keep the window shown before quitting")
    parser.add_argument("--model", type=Path, default=None,
                        help="model folder (default: .cache/local-model-default, else the "
                             "newest .cache/tiny-model-*)")
    parser.add_argument("--data", type=Path, default=DEMO_DATA_FOLDER,
                        help="data folder with train, validation and test files")
    parser.add_argument("--train-rows", type=int, default=240,
                        help="training rows of the demo run (a stratified sample)")
    parser.add_argument("--eval-rows", type=int, default=120,
                        help="validation and test rows of the demo run")
    parser.add_argument("--epochs", type=int, default=3, help="epochs of the demo run")
    parser.add_argument("--no-train", action="store_true",
                        help="skip scoring and training (the plots and history stay empty)")
    return parser.parse_args()


def default_model() -> Path:
    if DEFAULT_MODEL.is_dir():
        return DEFAULT_MODEL
    tiny = sorted((REPO_ROOT / ".cache").glob("tiny-model-*/config.json"),
                  key=lambda path: path.stat().st_mtime)
    if not tiny:
        sys.exit("No model folder found: pass --model, or run the tests once to build the "
                 "tiny model in .cache/")
    return tiny[-1].parent


def wait_until(app, predicate, what: str, timeout_s: float = STEP_TIMEOUT_S) -> None:
    """Process events until ``predicate()`` is true; exit with a message on timeout."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            sys.exit(f"Timed out after {timeout_s:.0f} s waiting for {what}")
        app.processEvents()
        time.sleep(0.02)


def drive_flow(window, app, args) -> int | None:
    """Choose model, data, method, template and label words; score; train one run.

    Returns the id of the demo run, or None with ``--no-train``.
    """
    state = window.state
    print(f"model: {args.model}")
    window.open_model_folder(str(args.model))
    wait_until(app, lambda: state.tokenizer is not None and bool(state.linear_layers),
               "the model's tokenizer")

    data_page = window.pages["data"]
    data_page.options_form.set_value("max_train_rows", args.train_rows)
    data_page.options_form.set_value("max_eval_rows", args.eval_rows)
    window.open_data_folder(str(args.data))
    wait_until(app, lambda: state.splits is not None
               and len(state.splits.train) <= args.train_rows, "the data")

    method_page = window.pages["method"]
    method_page.method_radios["prompt-lora"].setChecked(True)
    method_page.epochs.setValue(args.epochs)
    method_page.batch_size.setValue(16)
    method_page.max_length.setValue(64)
    method_page.advanced_form.set_value("log_every", 1)
    template_page = window.pages["template"]
    template_page.editor.setPlainText(DEMO_TEMPLATE)
    template_page.set_verbalizer(DEMO_VERBALIZER)
    wait_until(app, lambda: template_page.word_check is not None
               and template_page.preview is not None, "the template preview")
    wait_until(app, lambda: data_page.length_stats is not None, "the token lengths")
    if args.no_train:
        return None

    template_page.score_before_training()
    wait_until(app, lambda: template_page.zero_shot_score is not None, "the zero-shot score")
    wait_until(app, window.engine_loader.is_ready, "the engine")
    train_page = window.pages["train"]
    train_page.name_edit.setText("prompt-lora demo")
    finished = []
    train_page.sigRunFinished.connect(finished.append)
    if not train_page.start_training():
        sys.exit("The demo run did not start; see the messages above")
    wait_until(app, lambda: bool(finished) or not train_page.is_running(), "the demo run")
    if not finished:
        sys.exit(f"The demo run failed: {train_page.result_label.text()}")
    history = window.pages["history"]
    run_id = finished[0].run_id
    wait_until(app, lambda: history.details.run_id() == run_id, "the run's history details")
    print(f"run {run_id}: {finished[0].status}, test macro-F1 {finished[0].test_macro_f1}")
    return run_id


def prepare_playground(window, app, run_id: int) -> None:
    """Load the demo run on the Playground page and predict ``DEMO_TITLE``."""
    page = window.pages["playground"]
    window.show_page("playground")
    wait_until(app, lambda: any(run.run_id == run_id for run in page.runs),
               "the Playground's run list")
    page.select_run(run_id)
    wait_until(app, lambda: page.predictor is not None, "the Playground's model")
    page.editor.setPlainText(DEMO_TITLE)
    page.predict_now()
    wait_until(app, lambda: page.prediction is not None, "the Playground's prediction")


def capture(window, app, args, language: str) -> None:
    window.choose_language(language)
    for _ in range(5):
        app.processEvents()
    for key in args.pages or list(window.pages):
        window.show_page(key)
        app.processEvents()
        path = args.out / f"page-{key}-{language}.png"
        window.grab().save(str(path))
        print(path)
        scroll_bar = window.pages[key].scroll_area.verticalScrollBar()
        if scroll_bar.maximum() > 0:
            scroll_bar.setValue(scroll_bar.maximum())
            app.processEvents()
            path = args.out / f"page-{key}-end-{language}.png"
            window.grab().save(str(path))
            print(path)
            scroll_bar.setValue(0)
        if key == "history":
            details = window.pages["history"].details
            for index, name in HISTORY_TABS.items():
                details.setCurrentIndex(index)
                app.processEvents()
                path = args.out / f"page-history-{name}-{language}.png"
                window.grab().save(str(path))
                print(path)
            details.setCurrentIndex(0)


def main() -> int:
    args = parse_arguments()
    args.model = args.model or default_model()
    os.environ["QT_QPA_PLATFORM"] = args.platform
    width, height = (int(part) for part in args.size.lower().split("x"))

    # A private history and run folder: platformdirs reads XDG_DATA_HOME on Linux.
    scratch = Path(tempfile.mkdtemp(prefix="peftt-screenshots-"))
    os.environ["PEFTT_HISTORY"] = str(scratch / "history.db")
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")

    # Imported after the platform is chosen; peftt_gui.gui applies the PySide6 guard.
    import peftt_gui.gui  # noqa: F401
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from peftt_gui.gui.app import create_main_window, setup_application

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))

    app = QApplication([sys.argv[0]])
    context = setup_application(app, show_error_dialogs=False)
    context.notifier.sigNotification.connect(
        lambda notification: print(f"error: {notification.message}", file=sys.stderr))
    args.out.mkdir(parents=True, exist_ok=True)

    window = create_main_window(context)
    window.confirm_close_during_run = False
    window.choose_language("en")
    window.resize(width, height)
    window.show()
    window.engine_loader.start()
    app.processEvents()
    run_id = drive_flow(window, app, args)
    if run_id is not None and "playground" in window.pages:
        prepare_playground(window, app, run_id)

    for language in args.languages:
        capture(window, app, args, language)

    if args.hold > 0:
        QTimer.singleShot(int(args.hold * 1000), app.quit)
        app.exec()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
