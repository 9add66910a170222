"""Fixtures shared by the whole test suite: the real data folders and a tiny Tibetan model.

GUI fixtures live in ``tests/gui/conftest.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

# Tests never reach a model hub, and Qt never needs a display.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent

# A 2-layer, hidden-128 BERT (about 0.9M parameters) pre-trained for 150 steps, about
# 20 s on 2 CPU cores: enough to exercise every code path that needs a real masked LM,
# far too little to score well. A step count instead of a time limit makes the model
# the same on a slow or busy machine. The time limit only guards against a hang.
TINY_MODEL_PARAMS = {
    "vocab_size": 3000,
    "layers": 2,
    "hidden": 128,
    "heads": 2,
    "intermediate": 512,
    "max_length": 128,
    "time_limit_s": 300.0,
    "max_steps": 150,
    "batch_size": 32,
    "learning_rate": 1e-3,
    "seed": 13,
}
TINY_MODEL_CORPUS = ("tncc-title/train.txt", "tusa/train.txt")


@pytest.fixture(scope="session")
def shared_data_dir() -> Path:
    """Folder of the real Tibetan data sets, ``../shared/data`` beside the repository."""
    path = REPO_ROOT.parent / "shared" / "data"
    if not path.is_dir():
        pytest.skip(f"real data folder {path} not found; place the TNCC-title and TUSA "
                    "folders there to run this test")
    return path


def _data_subfolder(shared_data_dir: Path, name: str) -> Path:
    path = shared_data_dir / name
    if not (path / "train.txt").is_file():
        pytest.skip(f"data set {path} not found (expected train.txt, validation.txt, test.txt)")
    return path


@pytest.fixture(scope="session")
def tncc_dir(shared_data_dir: Path) -> Path:
    """TNCC-title news titles: 12 topic classes, syllables separated by spaces."""
    return _data_subfolder(shared_data_dir, "tncc-title")


@pytest.fixture(scope="session")
def tusa_dir(shared_data_dir: Path) -> Path:
    """TUSA short texts: Positive and Negative sentiment."""
    return _data_subfolder(shared_data_dir, "tusa")


def _tiny_model_cache_key(corpus_files: list[Path]) -> str:
    # The key changes with the parameters, the build code, the library versions and the
    # corpus, so a cached model is never older than what would be built now.
    import tokenizers
    import torch
    import transformers

    import peftt_gui
    from peftt_gui.core import build_model, pretraining

    digest = hashlib.sha256(json.dumps(TINY_MODEL_PARAMS, sort_keys=True).encode())
    for module in (build_model, pretraining):
        digest.update(Path(module.__file__).read_bytes())
    versions = (peftt_gui.__version__, transformers.__version__, tokenizers.__version__,
                torch.__version__)
    digest.update(repr(versions).encode())
    for path in corpus_files:
        digest.update(pretraining.file_sha256(path).encode())
    return digest.hexdigest()[:12]


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory, shared_data_dir: Path) -> Path:
    """Folder of a tiny BERT masked LM and its tokenizer, built from TNCC-title + TUSA.

    Under CI (``CI`` set) the model is built fresh into a session temporary folder.
    Elsewhere it is cached in ``$PEFTT_TEST_CACHE`` or the repository's ``.cache/``
    under a key of its parameters and code, so a repeated local run skips the build.
    Tests must not write into this folder.
    """
    from peftt_gui.core.build_model import build_local_model
    from peftt_gui.core.pretraining import PROVENANCE_FILE

    corpus_files = [shared_data_dir / name for name in TINY_MODEL_CORPUS]
    if os.environ.get("CI"):
        out_dir = tmp_path_factory.mktemp("tiny-model") / "model"
    else:
        cache_root = Path(os.environ.get("PEFTT_TEST_CACHE") or REPO_ROOT / ".cache")
        out_dir = cache_root / f"tiny-model-{_tiny_model_cache_key(corpus_files)}"
        if (out_dir / PROVENANCE_FILE).is_file():
            return out_dir

    build_local_model(corpus_files, out_dir, overwrite=True, **TINY_MODEL_PARAMS)
    return out_dir


@pytest.fixture(scope="session")
def tiny_tokenizer(tiny_model_dir: Path):
    """The tiny model's tokenizer, loaded offline once per session."""
    from peftt_gui.core.models import load_tokenizer

    return load_tokenizer(tiny_model_dir)


# --- Model folders in the shapes users download (builders in tests/model_folders.py) ---

@pytest.fixture(scope="session")
def folder_training_texts(shared_data_dir: Path) -> list[str]:
    """Tibetan rows (tsheg restored) on which the look-alike tokenizers are trained."""
    from model_folders import read_folder_training_texts

    return read_folder_training_texts(shared_data_dir)


@pytest.fixture(scope="session")
def cino_folder(tmp_path_factory: pytest.TempPathFactory, folder_training_texts):
    """CINO as its authors distribute it: sentencepiece.bpe.model and pytorch_model.bin only."""
    from model_folders import build_cino_folder

    return build_cino_folder(tmp_path_factory.mktemp("cino") / "cino-base-v2", folder_training_texts)


@pytest.fixture(scope="session")
def cino_hub_folder(tmp_path_factory: pytest.TempPathFactory, folder_training_texts):
    """CINO as a hub copy: tokenizer JSON files, and model.safetensors beside a different .bin."""
    from model_folders import build_cino_folder

    return build_cino_folder(tmp_path_factory.mktemp("cino-hub") / "cino-base-v2", folder_training_texts,
                             hub_copy=True)


@pytest.fixture(scope="session")
def tibetan_bert_folder(tmp_path_factory: pytest.TempPathFactory, folder_training_texts):
    """Tibetan-BERT look-alike: WordPiece vocab.txt with BERT's uncased tokenizer config."""
    from model_folders import build_tibetan_bert_folder

    return build_tibetan_bert_folder(tmp_path_factory.mktemp("tibetan-bert") / "tibetan_bert",
                                     folder_training_texts)


@pytest.fixture(scope="session")
def tibert_folder(tmp_path_factory: pytest.TempPathFactory, folder_training_texts):
    """TiBERT look-alike: vocab.txt converted from SentencePiece, no tokenizer config."""
    from model_folders import build_tibert_folder

    return build_tibert_folder(tmp_path_factory.mktemp("tibert") / "TiBERT", folder_training_texts)
