"""Translations: complete, placeholders intact, compiled files current, sources extracted."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator

from peftt_gui.gui.plots import LivePlot, StaticPlot
from peftt_gui.resources import resource_path

REPO_ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("bo", "zh_CN")
# Qt-style %1 arguments, str.format fields such as {key}, and HTML tags.
PLACEHOLDER = re.compile(r"%\d+|\{[A-Za-z_][A-Za-z0-9_]*\}|</?[a-z]+>")


def qt_tool(name: str) -> str | None:
    """Find a PySide6 tool next to the running interpreter (a venv not on PATH) or on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def ts_path(language: str) -> Path:
    return resource_path("i18n", f"peftt_{language}.ts")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """Return (context, source, translation element) of every message in a .ts file."""
    root = ET.parse(path).getroot()
    result = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            result.append((name, message.findtext("source"), message.find("translation")))
    return result


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_translated(language):
    problems = []
    for context, source, translation in messages(ts_path(language)):
        state = translation.get("type", "")
        if state in ("unfinished", "obsolete", "vanished") or not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} ({state or 'empty'})")

    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders(language):
    problems = []
    for context, source, translation in messages(ts_path(language)):
        expected = sorted(PLACEHOLDER.findall(source))
        found = sorted(PLACEHOLDER.findall(translation.text or ""))
        if expected != found:
            problems.append(f"{context}: {source!r} has {expected}, translation has {found}")

    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_file_current_and_loadable(language, tmp_path):
    qm = resource_path("i18n", f"peftt_{language}.qm")
    assert qm.is_file(), f"{qm} is missing; run scripts/update_translations.sh"

    # A git checkout does not keep modification times, so the committed .qm is compared with a
    # fresh compile of its .ts. PySide6 ships lrelease, so it is always there.
    lrelease = qt_tool("pyside6-lrelease")
    assert lrelease, "pyside6-lrelease not found beside the interpreter or on PATH"
    fresh = tmp_path / qm.name
    subprocess.run([lrelease, "-silent", str(ts_path(language)), "-qm", str(fresh)], check=True, timeout=60)
    assert fresh.read_bytes() == qm.read_bytes(), (
        f"{qm.name} differs from its .ts; run scripts/update_translations.sh --release")

    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "&File") not in ("", "&File")


def test_known_translations():
    translator = QTranslator()
    translator.load(str(resource_path("i18n", "peftt_zh_CN.qm")))

    assert translator.translate("ModelPage", "Model") == "模型"
    assert translator.translate("TrainPage", "macro-F1") == "macro-F1"


def test_ts_files_list_every_source_string(tmp_path):
    lupdate = qt_tool("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate not found beside the interpreter or on PATH"
    sources = sorted(str(path) for path in (REPO_ROOT / "peftt_gui" / "gui").rglob("*.py"))
    extracted = tmp_path / "current.ts"
    subprocess.run([lupdate, "-extensions", "py", "-silent", *sources,
                    "-ts", str(extracted)], check=True, cwd=REPO_ROOT, timeout=120)

    current = {(context, source) for context, source, _ in messages(extracted)}
    for language in LANGUAGES:
        stored = {(context, source) for context, source, _ in messages(ts_path(language))}
        assert sorted(current - stored) == [], (
            f"strings missing from peftt_{language}.ts; run scripts/update_translations.sh "
            "and translate them")


# Latin words that stay Latin in every language: field terms, names, formats, and the
# option values that a slot or a config contains.
KEPT_LATIN = {
    "LoRA", "macro", "F1", "PEFTT", "Studio", "EWTS", "torch", "transformers", "cpu",
    "Tab", "CSV", "JSONL", "txt", "tsv", "csv", "jsonl", "Alpha", "Dropout", "linear",
    "placeholder", "mask", "soft", "meta", "text_a", "query", "value", "CPU", "CUDA",
    "MPS", "English", "Noto", "Serif", "Tibetan", "SIL", "Open", "Font", "License",
    "alpha", "dropout", "token", "BERT",
    # Method, library and format names, and option values of the engine's settings.
    "DoRA", "rsLoRA", "IA3", "AdamW", "LayerNorm", "OpenPrompt", "MLP", "LSTM", "TF", "IDF",
    "XLM", "RoBERTa", "json", "auto", "bf16", "fp16", "fp32", "GPU", "Apple", "sqrt", "log",
    "count", "output", "dense", "key", "gram", "Newton", "CG", "none", "balanced", "tuning",
    "logistic", "regression", "L2",
    # File formats that the Compare page exports.
    "Markdown", "LaTeX", "PNG", "zip", "JSON",
    # Words of the commands that "Copy command for a GPU server" shows.
    "peftt", "study", "train", "FILE", "accelerate", "launch", "peftt_gui", "cli",
}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_0-9]*")
HTML_TAG = re.compile(r"<[^>]+>")


def english_leftovers(text: str) -> list[str]:
    plain = HTML_TAG.sub(" ", text).replace("&", "")
    return [word for word in LATIN_WORD.findall(plain)
            if word not in KEPT_LATIN and len(word) > 1]


def visible_texts(window) -> list[str]:
    """Return every text of the window that a user can read, outside pyqtgraph's menus."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton, QGroupBox, QLabel, QLineEdit, QMenu, QPlainTextEdit, QTableView,
        QWidget,
    )

    def inside_plot(widget) -> bool:
        # pyqtgraph's own (disabled) context menus are parented to the plot widgets.
        while widget is not None:
            if isinstance(widget, (LivePlot, StaticPlot)):
                return True
            widget = widget.parent()
        return False

    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if inside_plot(widget):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QMenu):
            texts.append(widget.title())
        elif isinstance(widget, QTableView):
            model = widget.model()
            texts += [str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                      for column in range(model.columnCount())]
    for action in window.findChildren(QAction):
        if not inside_plot(action.parent()):
            texts += [action.text(), action.toolTip()]
    for row in range(window.sidebar.count()):
        texts.append(window.sidebar.item(row).text())

    # Axis labels and legend entries drawn by pyqtgraph are ours.
    train = window.pages["train"]
    for plot in (train.loss_plot, train.metrics_plot):
        for side in ("left", "bottom"):
            texts.append(plot.plot_item.getAxis(side).labelText)
        texts += [label.text for _sample, label in plot.legend.items]
    return [text for text in texts if text]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_left_in_window(make_main_window, qtbot, language, tmp_path):
    window = make_main_window()
    window.open_model_folder(str(tmp_path))
    window.pages["method"].method_radios["prompt-lora"].setChecked(True)
    window.choose_language(language)
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() != "Model", timeout=2000)
    # The engine's own messages are English; the folder has no model, so one shows.
    model_status = window.pages["model"].status_message
    qtbot.waitUntil(lambda: "config.json" in model_status.text(), timeout=10_000)
    engine_messages = {model_status.text()}

    leftovers = {}
    for text in visible_texts(window):
        if text in engine_messages:
            continue
        words = [word for word in english_leftovers(text) if word not in str(tmp_path)]
        if words:
            leftovers[text] = words
    assert leftovers == {}
    window.choose_language("en")
