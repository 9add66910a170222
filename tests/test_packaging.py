"""Build the PyInstaller bundle (packaging/peftt-studio.spec) and run what it contains.

The bundle is built once per session into a temporary folder, which takes several
minutes on 2 CPU cores and about 1.2 GB of disk (CPU torch). The tests then start the
desktop app offscreen and run the bundled command line on a real model folder, so a
module, data file or Qt plugin missing from the bundle fails here rather than on a
user's machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT_S = 1500
RUN_TIMEOUT_S = 600
EXAMPLE_TEXT = "བོད་ལྗོངས་ཀྱི་དཔལ་འབྱོར"

# Files the app opens by path at run time, relative to the bundle's _internal folder.
BUNDLED_FILES = (
    "resources/fonts/NotoSerifTibetan-Regular.ttf",
    "resources/fonts/NotoSerifTibetan-Bold.ttf",
    "resources/fonts/OFL.txt",
    "resources/i18n/peftt_bo.qm",
    "resources/i18n/peftt_zh_CN.qm",
    "resources/icons/app.svg",
    "peftt_gui/core/storage/migrations/env.py",
    "peftt_gui/core/storage/migrations/script.py.mako",
    "peftt_gui/core/storage/migrations/versions/0001_initial_schema.py",
    "huggingface_hub/templates/modelcard_template.md",
)
QT_PLUGINS = (
    "platforms/libqoffscreen.so",
    "platforms/libqxcb.so",
    "platforms/libqwayland.so",
    "imageformats/libqsvg.so",
    "iconengines/libqsvgicon.so",
)


@pytest.fixture(scope="module")
def bundle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle built from the working tree by packaging/build.sh."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed; install the packaging "
                                              "extra: pip install -e '.[gui,packaging]'")
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle checks use Linux file names (.so plugins); run them on Linux")

    build_root = tmp_path_factory.mktemp("pyinstaller")
    environment = {**os.environ, "PYTHON": sys.executable,
                   "DIST_DIR": str(build_root / "dist"), "WORK_DIR": str(build_root / "work")}
    completed = subprocess.run(["bash", str(REPO_ROOT / "packaging" / "build.sh")], cwd=REPO_ROOT,
                               env=environment, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    assert completed.returncode == 0, f"build failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-5000:]}"
    print(completed.stdout.strip().splitlines()[-2])  # "Built ... in N s (SIZE)." shows with -s

    # No test reads PyInstaller's intermediate files (about 400 MB with CPU torch).
    shutil.rmtree(build_root / "work")
    return build_root / "dist" / "peftt-studio"


@pytest.fixture
def user_environment(tmp_path: Path) -> dict[str, str]:
    """Environment whose settings, data and history folders are inside ``tmp_path``."""
    home = tmp_path / "home"
    home.mkdir()
    return {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"), "XDG_CACHE_HOME": str(home / ".cache"),
            "PEFTT_HISTORY": str(tmp_path / "history.db"), "QT_QPA_PLATFORM": "offscreen"}


def run_cli(bundle_dir: Path, environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(bundle_dir / "peftt"), *arguments], env=environment, capture_output=True,
                          text=True, timeout=RUN_TIMEOUT_S)


def describe(completed: subprocess.CompletedProcess) -> str:
    return f"exit code {completed.returncode}\nstdout:\n{completed.stdout[-3000:]}\nstderr:\n{completed.stderr[-3000:]}"


@pytest.mark.parametrize("relative_path", BUNDLED_FILES)
def test_bundle_contains_file(bundle_dir, relative_path):
    assert (bundle_dir / "_internal" / relative_path).is_file()


@pytest.mark.parametrize("plugin", QT_PLUGINS)
def test_bundle_contains_qt_plugin(bundle_dir, plugin):
    assert (bundle_dir / "_internal" / "PySide6" / "Qt" / "plugins" / plugin).is_file()


def test_bundled_app_starts_offscreen(bundle_dir, user_environment):
    environment = {**user_environment, "PEFTT_QUIT_AFTER_START": "1"}
    completed = subprocess.run([str(bundle_dir / "peftt-studio")], env=environment, capture_output=True,
                               text=True, timeout=RUN_TIMEOUT_S)

    assert completed.returncode == 0, describe(completed)
    assert "window shown" in completed.stdout, describe(completed)
    assert "Training engine loaded" in completed.stderr, describe(completed)
    assert "Traceback" not in completed.stderr, describe(completed)


def test_bundled_cli_trains_predicts_exports(bundle_dir, user_environment, tiny_model_dir, tncc_dir, tmp_path):
    # A private copy, because export checks that the base model is unchanged since training,
    # and another test session on this machine may rebuild the cached tiny model meanwhile.
    model_dir = shutil.copytree(tiny_model_dir, tmp_path / "model")
    examples = REPO_ROOT / "examples" / "tncc-title"
    trained = run_cli(bundle_dir, user_environment, "train", "--model", str(model_dir),
                      "--method", "prompt-lora", "--data", str(tncc_dir),
                      "--template-file", str(examples / "template.txt"),
                      "--verbalizer", str(examples / "labels.json"), "--epochs", "1",
                      "--max-train-rows", "48", "--max-eval-rows", "24",
                      "--output-dir", str(tmp_path / "runs"))
    assert trained.returncode == 0, describe(trained)

    predicted = run_cli(bundle_dir, user_environment, "predict", "1", "--text", EXAMPLE_TEXT)
    assert predicted.returncode == 0, describe(predicted)
    header, row = predicted.stdout.strip().splitlines()[:2]
    assert header.startswith("text\tprediction\t"), describe(predicted)
    assert row.split("\t")[1] in header.split("\t")[2:], describe(predicted)

    # The export check reloads the bundle in a fresh process through "peftt -c CODE".
    exported = run_cli(bundle_dir, user_environment, "export", "1", "--out", str(tmp_path / "export"))
    assert exported.returncode == 0, describe(exported)
    assert "reloaded in a fresh process" in exported.stdout, describe(exported)


def test_bundled_cli_trains_on_cino_folder(bundle_dir, user_environment, cino_folder, tncc_dir, tmp_path):
    # CINO as its authors distribute it: the tokenizer is converted from
    # sentencepiece.bpe.model (sentencepiece and protobuf) and pytorch_model.bin is
    # read with weights_only, both inside the bundle.
    trained = run_cli(bundle_dir, user_environment, "train", "--model", str(cino_folder.path),
                      "--method", "finetune", "--data", str(tncc_dir), "--epochs", "1",
                      "--max-train-rows", "48", "--max-eval-rows", "24",
                      "--output-dir", str(tmp_path / "runs"))

    assert trained.returncode == 0, describe(trained)
    assert "finished" in run_cli(bundle_dir, user_environment, "runs").stdout
