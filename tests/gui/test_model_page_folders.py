"""The Model page on model folders as users have them: CINO (two layouts), Tibetan-BERT, TiBERT.

The folders are tiny look-alikes built in the session by ``tests/model_folders.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QLocale

LEGACY_NOTE = "legacy PyTorch format (pytorch_model.bin)"
BOTH_FORMATS_NOTE = "model.safetensors is loaded"

# What the page must show per folder: model type, maximum sequence length, tokenizer files,
# and which weights note. The other values come from the folder's BuiltFolder.
EXPECTED = {
    # XLM-RoBERTa numbers positions from pad_token_id + 1, so 514 position embeddings hold 512 tokens.
    "cino_folder": ("xlm-roberta", 512, "sentencepiece.bpe.model", LEGACY_NOTE),
    "cino_hub_folder": ("xlm-roberta", 512, "tokenizer.json, sentencepiece.bpe.model", BOTH_FORMATS_NOTE),
    "tibetan_bert_folder": ("bert", 512, "vocab.txt", LEGACY_NOTE),
    "tibert_folder": ("bert", 512, "vocab.txt", LEGACY_NOTE),
}

# Loads a model folder's tokenizer and layers while the engine loader's thread is inside its
# first import of transformers, as when a folder is opened right after the window appears.
LOAD_DURING_ENGINE_IMPORT = """
import sys, threading, time
from peftt_gui.core.models import inspect_model_folder
from peftt_gui.gui.engine_loader import import_engine
from peftt_gui.gui.tasks import load_model_parts

info = inspect_model_folder(sys.argv[1])
assert "transformers" not in sys.modules
engine = threading.Thread(target=import_engine, kwargs={"progress": lambda name: None, "cancel": threading.Event()})
engine.start()
while "transformers" not in sys.modules:
    time.sleep(0.001)
parts = load_model_parts(info, [], progress=lambda value: None, cancel=threading.Event())
engine.join()
print(len(parts.tokenizer), ",".join(parts.linear_layers))
"""


def open_model_and_wait(window, qtbot, path) -> None:
    """Choose ``path`` as the model folder; wait for its inspection, then for its tokenizer."""
    # Choosing a folder first clears the previous inspection, which emits "model_info" with None.
    def inspected(field: str) -> bool:
        return field == "model_info" and window.state.model_info is not None

    with qtbot.waitSignal(window.state.sigChanged, timeout=60_000, check_params_cb=inspected):
        window.open_model_folder(str(path))
    qtbot.waitUntil(lambda: window.state.tokenizer is not None and bool(window.state.linear_layers),
                    timeout=120_000)


@pytest.mark.parametrize("folder_fixture", list(EXPECTED))
def test_model_page_shows_folder(folder_fixture, request, main_window, qtbot):
    built = request.getfixturevalue(folder_fixture)
    model_type, max_length, tokenizer_files, weights_note = EXPECTED[folder_fixture]
    page = main_window.pages["model"]
    locale = QLocale()

    open_model_and_wait(main_window, qtbot, built.path)

    assert main_window.state.model_info.path == str(built.path)
    assert page.detail_labels["architecture"].text() == f"{built.architecture} ({model_type})"
    assert page.detail_labels["vocabulary"].text() == locale.toString(built.vocab_size)
    assert page.detail_labels["tokenizer"].text() == f"{built.tokenizer_kind} ({tokenizer_files})"
    assert page.detail_labels["parameters"].text() == locale.toString(built.parameter_count)
    assert page.detail_labels["mlm_head"].text() == "yes"
    assert page.detail_labels["max_length"].text() == locale.toString(max_length)
    assert page.detail_labels["size"].text() == "2 layers, hidden size 64, 2 attention heads"
    assert "query" in page.detail_labels["linear_layers"].text()

    # The weights note: legacy .bin read with weights_only, or which of two formats is loaded.
    notes = page.notes_label.text()
    assert page.notes_label.isVisibleTo(page)
    assert weights_note in notes
    if weights_note == LEGACY_NOTE:
        assert "torch.load(weights_only=True)" in notes
        assert BOTH_FORMATS_NOTE not in notes
    else:
        assert LEGACY_NOTE not in notes

    assert page.status_message.text() == (
        f"Ready: the tokenizer has {locale.toString(built.vocab_size)} tokens.")


def test_model_page_replaces_previous_folder(main_window, qtbot, cino_folder, tibert_folder):
    page = main_window.pages["model"]

    open_model_and_wait(main_window, qtbot, cino_folder.path)
    open_model_and_wait(main_window, qtbot, tibert_folder.path)

    assert page.detail_labels["architecture"].text() == "BertForPreTraining (bert)"
    assert page.detail_labels["tokenizer"].text() == "WordPiece (vocab.txt)"
    assert page.detail_labels["vocabulary"].text() == QLocale().toString(tibert_folder.vocab_size)
    assert LEGACY_NOTE in page.notes_label.text()
    assert len(main_window.state.tokenizer) == tibert_folder.vocab_size


def test_model_parts_load_during_engine_import(cino_hub_folder):
    result = subprocess.run([sys.executable, "-c", LOAD_DURING_ENGINE_IMPORT, str(cino_hub_folder.path)],
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "HF_HUB_OFFLINE": "1", "QT_QPA_PLATFORM": "offscreen"})

    assert result.returncode == 0, result.stderr[-3000:]
    size, layers = result.stdout.split()
    assert int(size) == cino_hub_folder.vocab_size
    assert "query" in layers.split(",")
