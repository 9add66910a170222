"""Export a trained run as a self-contained bundle, and import bundles made elsewhere.

A bundle is a folder, or a zip of one folder, in the layout that peft and transformers
load on their own:

- peft methods (``lora``, ``prompt-lora``, ``ia3``, ``prompt-tuning`` and the others):
  ``adapter_config.json`` and ``adapter_model.safetensors``; for the methods with a
  classification head, its ``modules_to_save`` carry the head and the BERT pooler;
- full methods (``finetune``, ``prompt``): ``config.json`` and ``model.safetensors``;
- prompt methods whose template has ``{"soft"}`` slots: also ``soft_tokens.safetensors``;
- the tokenizer files at the root, so that ``AutoTokenizer.from_pretrained(bundle)`` works;
- the TF-IDF ``baseline``, which reads no model: ``baseline_features.json`` (n-gram
  vocabulary and IDF weights) and ``baseline_weights.safetensors`` (regression weights and
  biases), and no tokenizer;
- ``peftt_manifest.json``: base model (None for the baseline), labels, template, verbalizer,
  normalization, metrics, the sha256 of every file, and the logits of ``CHECK_TEXTS``;
- ``README.md``: a model card with the metrics and a loading snippet for plain peft and
  transformers (numpy for the baseline).

No bundle file is a pickle. The base model itself is never part of a bundle. An import
takes the folder of the local copy of the base model and rejects a copy whose fingerprint
or sizes differ; a baseline bundle imports without one.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Sequence

import numpy as np

from .. import __version__
from .errors import ExportError, ModelError, PefttError, display_path
from .methods import get_method
from .methods.baseline import FEATURES_FILE as BASELINE_FEATURES_FILE
from .methods.baseline import WEIGHTS_FILE as BASELINE_WEIGHTS_FILE
from .model_card import model_card
from .predict import BUNDLE_MANIFEST_NAME, read_manifest

log = logging.getLogger(__name__)

BUNDLE_FORMAT = "peftt-bundle"
BUNDLE_FORMAT_VERSION = 1
ADAPTER_FILES = ("adapter_config.json", "adapter_model.safetensors")
FULL_MODEL_FILES = ("config.json", "model.safetensors")
BASELINE_FILES = (BASELINE_FEATURES_FILE, BASELINE_WEIGHTS_FILE)

# File types that may contain pickled Python objects, which run code when they are loaded.
UNSAFE_WEIGHT_SUFFIXES = (".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt")

# Keys that transformers 5 copies from the load call into tokenizer_config.json; they
# describe how the tokenizer was loaded here, not the tokenizer.
TOKENIZER_LOAD_FLAGS = ("is_local", "local_files_only")

# Fixed texts whose logits the export compares between this process and a fresh one. They
# are stored in the manifest, so an import can repeat the comparison on another machine.
CHECK_TEXTS = (
    "བོད་ལྗོངས་ཀྱི་དཔལ་འབྱོར་འཕེལ་རྒྱས་",
    "སློབ་གྲྭ་ཆུང་ངུའི་སློབ་མ་ཚོས་བོད་ཡིག་སློབ་སྦྱོང་བྱེད་",
    "ལྷ་སའི་ཇོ་ཁང་དུ་ཆོས་ཞུ་བ་མང་པོ་འཛོམས་",
    "གསོ་བ་རིག་པའི་སྨན་ཁང་གསར་པ་ཞིག་བཙུགས་",
)
# Largest absolute logit difference accepted. The export compares two fp32 CPU runs of the
# same weights on one machine. An import compares against logits computed elsewhere, where
# another CPU or BLAS library may round differently, so it allows more.
EXPORT_TOLERANCE = 1e-4
IMPORT_TOLERANCE = 1e-3
CHECK_TIMEOUT_S = 900

# NOTE: a frozen app (PyInstaller) has no Python interpreter in sys.executable, so the
# fresh-process check needs another entry point there.
_RELOAD_COMMAND = "import sys; from peftt_gui.core.export import reload_main; sys.exit(reload_main(sys.argv[1:]))"


@dataclass(frozen=True)
class ExportReport:
    """Summary of one export: where the bundle is, its files and the check result."""

    path: Path                              # the bundle folder or .zip file
    method: str
    run_id: int | None
    files: tuple[str, ...]                  # bundle files, relative to its root
    size_bytes: int
    max_logit_difference: float | None      # None when the check was skipped


@dataclass(frozen=True)
class ImportedBundle:
    """A bundle copied into place by ``import_bundle``, ready for ``Predictor``."""

    path: Path
    manifest: dict
    base_model_path: Path | None            # None for a method that reads no model

    @property
    def method(self) -> str:
        return self.manifest["method"]

    @property
    def labels(self) -> list[str]:
        return list(self.manifest["labels"])

    def predictor(self, device: str = "auto"):
        """Load the bundle on top of its base model for prediction."""
        from .predict import Predictor

        return Predictor(self.path, base_model_path=self.base_model_path, device=device)


@dataclass
class _RunSource:
    weights_dir: Path
    manifest: dict                  # the run's peftt_run.json (or a bundle's manifest)
    record: Any | None              # the RunRecord when exported from the history
    base_model_path: Path | None    # None for a method that reads no model


# -- export ---------------------------------------------------------------------------------------


def export_run(record_or_weights_dir, out_dir: str | Path, *, as_zip: bool = False, storage=None,
               check: bool = True, base_model_path: str | Path | None = None) -> ExportReport:
    """Write a run's bundle to ``out_dir`` (a new folder, or ``out_dir.zip`` with ``as_zip``).

    ``record_or_weights_dir`` is a ``RunRecord``, a run id (with ``storage``) or a weights
    folder. ``base_model_path`` replaces the base model folder recorded with the run, for a
    base model that has moved since training.

    With ``check``, the bundle is reloaded in a fresh Python process and its logits on
    ``CHECK_TEXTS`` must equal those of the run loaded here. Everything is written to a
    temporary folder beside ``out_dir`` and renamed into place at the end. On any failure
    that folder is removed, and the ``ExportError`` message names the failed step.
    """
    source = _resolve_source(record_or_weights_dir, storage, base_model_path)
    destination = _destination(Path(out_dir).expanduser(), as_zip)
    run_id = getattr(source.record, "id", None)
    log.info("Export of %s to %s started", source.weights_dir, destination)

    created = _make_folders(destination.parent)
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent))
    finished = False
    try:
        bundle = staging / (destination.stem if as_zip else destination.name)
        bundle.mkdir()
        reference = _reference_logits(source) if check else None
        files = _write_bundle(source, bundle, reference)

        difference = None
        if check:
            difference = _check_in_fresh_process(bundle, source.base_model_path, reference,
                                                 source.manifest["labels"], staging)
        if as_zip:
            archive = _write_zip(bundle, staging / "bundle.zip")
            size = archive.stat().st_size
            os.replace(archive, destination)
        else:
            size = sum((bundle / name).stat().st_size for name in files)
            _move_into_place(bundle, destination)
        finished = True
    except OSError as error:
        raise ExportError(_os_error_message(error, destination, "write the bundle", source.weights_dir)) from error
    except PefttError as error:
        if isinstance(error, ExportError):
            raise
        raise ExportError(f"The export to {display_path(destination)} failed, so nothing was written: "
                          f"{error}") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if not finished:
            _remove_empty_folders(created)

    log.info("Export of run %s finished: %s (%d files, %.1f MiB)", run_id, destination, len(files), size / 2**20)
    return ExportReport(destination, source.manifest["method"], run_id, tuple(files), size, difference)


def _resolve_source(source, storage, base_model_path) -> _RunSource:
    from .models import inspect_model_folder

    record = None
    if isinstance(source, int) and not isinstance(source, bool):
        if storage is None:
            raise ExportError(f"Run {source} is given by id, so the run history is needed to find it. "
                              "Pass the storage, the RunRecord or the weights folder.")
        source = storage.get_run(source)
    if hasattr(source, "weights_dir") and hasattr(source, "status"):
        record = source
        if not record.weights_dir:
            raise ExportError(f"Run {record.id} ({record.name}) has no saved weights (status {record.status}), "
                              "so there is nothing to export.")
        source = record.weights_dir
    weights_dir = Path(source).expanduser()
    if not weights_dir.is_dir():
        raise ExportError(f"The weights folder {display_path(weights_dir)} does not exist. Choose the weights "
                          "folder of a finished run.")
    manifest = read_manifest(weights_dir)
    if not get_method(manifest["method"]).uses_model:
        if base_model_path is not None:
            log.info("The %s method reads no model, so the base model path %s is not used", manifest["method"],
                     base_model_path)
        return _RunSource(weights_dir, manifest, record, None)

    base = base_model_path or (record.model_path if record is not None else manifest["base_model"].get("path"))
    try:
        info = inspect_model_folder(base)
    except ModelError as error:
        if base_model_path is not None:
            raise
        raise ExportError(f"The run's base model cannot be read ({error}). If it has moved, give its folder as "
                          "the base model path (peftt export --base-model).") from None
    expected = manifest["base_model"]["fingerprint"]
    if info.fingerprint != expected:
        raise ExportError(f"The base model folder {display_path(info.path)} has changed since the run was trained "
                          f"(fingerprint {info.fingerprint}, expected {expected}). Give the base model folder the "
                          "run was trained on.")
    return _RunSource(weights_dir, manifest, record, Path(info.path))


def _destination(out_dir: Path, as_zip: bool) -> Path:
    destination = out_dir
    if as_zip and destination.suffix.lower() != ".zip":
        destination = destination.with_name(destination.name + ".zip")
    if destination.is_dir() and not any(destination.iterdir()) and not as_zip:
        return destination
    if destination.exists():
        raise ExportError(f"{display_path(destination)} already exists. Choose a new name for the bundle, or "
                          "delete the old one.")
    return destination


def _reference_logits(source: _RunSource) -> np.ndarray:
    """Logits of ``CHECK_TEXTS`` from the run's own weights, loaded in this process."""
    from .predict import Predictor

    predictor = Predictor(source.weights_dir, base_model_path=source.base_model_path, device="cpu")
    return predictor.logits(list(CHECK_TEXTS))


def _write_bundle(source: _RunSource, bundle: Path, reference: np.ndarray | None) -> list[str]:
    """Write weights, tokenizer, model card and manifest; return the file names."""
    spec = get_method(source.manifest["method"])
    _write_weights(source, bundle, spec)
    if spec.uses_model:
        _write_tokenizer(source.weights_dir, bundle)

    manifest = _bundle_manifest(source, reference)
    tokenizer = _tokenizer_for_card(bundle) if spec.uses_model else None
    card = model_card(manifest, bundle.name, tokenizer, CHECK_TEXTS[0])
    (bundle / "README.md").write_text(card, encoding="utf-8")

    names = sorted(path.name for path in bundle.iterdir())
    manifest["files"] = {name: _sha256(bundle / name) for name in names}
    _write_json(bundle / BUNDLE_MANIFEST_NAME, manifest)
    _check_no_home_path(bundle)
    return sorted(names + [BUNDLE_MANIFEST_NAME])


def bundle_weight_files(manifest: dict) -> tuple[str, ...]:
    """Return the weight files that a bundle (or run folder) of ``manifest``'s method and template has.

    Raises ``ExportError`` when the manifest's template cannot be parsed.
    """
    from .template import parse_template

    spec = get_method(manifest["method"])
    if not spec.uses_model:
        return BASELINE_FILES
    files = ADAPTER_FILES if spec.uses_peft else FULL_MODEL_FILES
    if not spec.uses_template:
        return files
    try:
        soft_count = parse_template(manifest.get("template") or "", require_mask=False).soft_count
    except PefttError as error:
        raise ExportError(f"The manifest's template is invalid ({error}). Export the run again.") from None
    if soft_count:
        from .methods.soft_tokens import SOFT_TOKENS_FILE

        files += (SOFT_TOKENS_FILE,)
    return files


def _write_weights(source: _RunSource, bundle: Path, spec) -> None:
    """Copy the method's weight files, with the peft and transformers configs made portable."""
    method = source.manifest["method"]
    files = bundle_weight_files(source.manifest)
    _require_files(source.weights_dir, files, method)
    if spec.uses_model and spec.uses_peft:
        _write_adapter(source, bundle)
    elif spec.uses_model:
        _write_full_model(source, bundle)
    # The baseline's files and the template's soft tokens are copied as they are.
    for name in files:
        if not (bundle / name).exists():
            _copy_file(source.weights_dir / name, bundle / name)


def _write_adapter(source: _RunSource, bundle: Path) -> None:
    _require_files(source.weights_dir, ADAPTER_FILES, source.manifest["method"])
    config = json.loads((source.weights_dir / "adapter_config.json").read_text(encoding="utf-8"))
    # peft stores the absolute base model path here; only the folder name travels.
    config["base_model_name_or_path"] = source.manifest["base_model"]["name"]
    _write_json(bundle / "adapter_config.json", config)
    _copy_file(source.weights_dir / "adapter_model.safetensors", bundle / "adapter_model.safetensors")
    if not get_method(source.manifest["method"]).uses_template:
        _require_head_in_adapter(bundle / "adapter_model.safetensors")


def _require_head_in_adapter(path: Path) -> None:
    if _classifier_outputs(path) is None:
        raise ExportError(f"{path.name} has no classification head in modules_to_save, so the adapter cannot "
                          "classify on its own. Train the run again with this version.")


def _write_full_model(source: _RunSource, bundle: Path) -> None:
    _require_files(source.weights_dir, FULL_MODEL_FILES, source.manifest["method"])
    config = json.loads((source.weights_dir / "config.json").read_text(encoding="utf-8"))
    config.pop("_name_or_path", None)
    _write_json(bundle / "config.json", config)
    _copy_file(source.weights_dir / "model.safetensors", bundle / "model.safetensors")


def _require_files(folder: Path, names: Sequence[str], method: str) -> None:
    missing = [name for name in names if not (folder / name).is_file()]
    if missing:
        raise ExportError(f"{display_path(folder)} is missing {', '.join(missing)}, which a {method} run saves. "
                          "The weights folder is incomplete; train the run again.")


def _write_tokenizer(weights_dir: Path, bundle: Path) -> None:
    """Copy the tokenizer files to the bundle root, readable by transformers 4.x and 5.x."""
    from .models import make_tokenizer_config_portable

    folder = weights_dir / "tokenizer" if (weights_dir / "tokenizer").is_dir() else weights_dir
    if not (folder / "tokenizer_config.json").is_file():
        raise ExportError(f"{weights_dir} has no tokenizer (tokenizer/tokenizer_config.json). Train the run again.")
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name.startswith(("tokenizer", "special_tokens", "added_tokens", "vocab",
                                                    "merges", "sentencepiece", "spiece")):
            _copy_file(path, bundle / path.name)

    config_path = bundle / "tokenizer_config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    for key in TOKENIZER_LOAD_FLAGS:
        config.pop(key, None)
    if (bundle / "tokenizer.json").is_file():
        # transformers 5 writes its own class name (TokenizersBackend), which 4.x does not know.
        # Both versions load a tokenizer.json with PreTrainedTokenizerFast.
        config["tokenizer_class"] = "PreTrainedTokenizerFast"
    _write_json(config_path, config)
    make_tokenizer_config_portable(bundle)


def _bundle_manifest(source: _RunSource, reference: np.ndarray | None) -> dict:
    run = source.manifest
    record = source.record
    manifest = {
        "format": BUNDLE_FORMAT,
        "format_version": BUNDLE_FORMAT_VERSION,
        "app_version": __version__,
        "method": run["method"],
        "method_options": run.get("method_options") or {},
        "base_model": _bundle_base_model(run["base_model"], source.base_model_path),
        "labels": list(run["labels"]),
        "template": run.get("template"),
        "verbalizer": run.get("verbalizer"),
        "normalization": run["normalization"],
        "max_length": run["max_length"],
        "tokenizer_overrides": run.get("tokenizer_overrides") or {},
        "metrics": _record_metrics(record) if record is not None else dict(run.get("metrics") or {}),
        "source_run": None if record is None else {"id": record.id, "name": record.name},
    }
    if reference is not None:
        manifest["check"] = {"texts": list(CHECK_TEXTS), "logits": reference.tolist()}
    return manifest


def _bundle_base_model(base: dict | None, path: Path | None) -> dict | None:
    """Return the manifest's description of the base model; None for a method that reads no model."""
    if base is None or path is None:
        return None
    return {"name": base["name"], "path": display_path(path.absolute()), "fingerprint": base["fingerprint"],
            "model_type": base["model_type"], "hidden_size": base["hidden_size"], "vocab_size": base["vocab_size"]}


def _record_metrics(record) -> dict:
    return {
        "best_epoch": record.best_epoch,
        "validation_macro_f1": record.best_val_macro_f1,
        "validation_accuracy": record.best_val_accuracy,
        "test_macro_f1": record.test_macro_f1,
        "test_accuracy": record.test_accuracy,
        "test_per_class_f1": record.test_per_class_f1,
        "trainable_params": record.trainable_params,
        "total_params": record.total_params,
        "trainable_percent": record.trainable_percent,
        "duration_s": record.duration_s,
    }


def _check_no_home_path(bundle: Path) -> None:
    home = str(Path.home()).rstrip(os.sep) + os.sep
    if home == os.sep:
        return
    for path in bundle.iterdir():
        if path.suffix in (".json", ".md") and home in path.read_text(encoding="utf-8"):
            raise ExportError(f"{path.name} would contain the home folder path {home}. This is a bug in the export; "
                              "please report it.")


def _tokenizer_for_card(bundle: Path):
    from .models import load_tokenizer

    return load_tokenizer(bundle)


# -- the fresh-process check ----------------------------------------------------------------------


def reload_main(argv: Sequence[str]) -> int:
    """Entry point of the fresh process: write a bundle's labels and logits on ``CHECK_TEXTS``.

    Arguments: bundle folder, base model folder (empty for a method that reads no model),
    output JSON file.
    """
    from .predict import Predictor

    bundle, base, output = argv
    predictor = Predictor(bundle, base_model_path=base or None, device="cpu")
    logits = predictor.logits(list(CHECK_TEXTS))
    Path(output).write_text(json.dumps({"labels": predictor.labels, "logits": logits.tolist()}), encoding="utf-8")
    return 0


def _check_in_fresh_process(bundle: Path, base_model_path: Path | None, reference: np.ndarray,
                            labels: list[str], workdir: Path) -> float:
    """Reload ``bundle`` in a new Python process and compare its logits with ``reference``."""
    output = workdir / "reload.json"
    package_root = str(Path(__file__).resolve().parents[2])
    python_path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": python_path}
    command = [sys.executable, "-c", _RELOAD_COMMAND, str(bundle), str(base_model_path or ""), str(output)]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=CHECK_TIMEOUT_S,
                                   env=environment)
    except subprocess.TimeoutExpired:
        raise ExportError(f"The export check timed out: reloading the bundle in a fresh process took more than "
                          f"{CHECK_TIMEOUT_S} s. Nothing was written.") from None
    if completed.returncode != 0:
        raise ExportError(f"The export check failed: the bundle does not load in a fresh process "
                          f"({_last_line(completed.stderr)}). Nothing was written.")

    reloaded = json.loads(output.read_text(encoding="utf-8"))
    if reloaded["labels"] != list(labels):
        raise ExportError(f"The export check failed: the reloaded bundle has the classes "
                          f"{', '.join(reloaded['labels'])} instead of {', '.join(labels)}. Nothing was written.")
    return compare_logits(reference, np.asarray(reloaded["logits"], dtype=np.float64), labels, CHECK_TEXTS,
                          EXPORT_TOLERANCE, "The export check failed: the bundle reloaded in a fresh process")


def compare_logits(expected: np.ndarray, actual: np.ndarray, labels: Sequence[str], texts: Sequence[str],
                   tolerance: float, context: str) -> float:
    """Return the largest absolute difference, or raise ``ExportError`` naming the worst cell."""
    expected = np.asarray(expected, dtype=np.float64)
    if actual.shape != expected.shape:
        raise ExportError(f"{context} gives logits of shape {actual.shape} instead of {expected.shape}.")
    difference = np.abs(actual - expected)
    row, column = np.unravel_index(int(np.argmax(np.nan_to_num(difference, nan=np.inf))), difference.shape)
    largest = float(difference[row, column])
    if not largest <= tolerance:   # also true for NaN
        raise ExportError(f"{context} gives logit {actual[row, column]:.6f} instead of {expected[row, column]:.6f} "
                          f"for class {labels[column]} on check text {row + 1} ({texts[row]}). The largest "
                          f"difference is {largest:.3g}, above the tolerance {tolerance:g}.")
    return largest


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no error output"


# -- files ----------------------------------------------------------------------------------------


def _copy_file(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_zip(bundle: Path, archive: Path) -> Path:
    """Zip ``bundle`` as one top-level folder, then read every entry back to verify its CRC."""
    with zipfile.ZipFile(archive, "w") as handle:
        for path in sorted(bundle.iterdir()):
            # Weights hardly compress, so they are stored as they are.
            compression = zipfile.ZIP_STORED if path.suffix == ".safetensors" else zipfile.ZIP_DEFLATED
            handle.write(path, f"{bundle.name}/{path.name}", compress_type=compression)
    with zipfile.ZipFile(archive) as handle:
        damaged = handle.testzip()
    if damaged is not None:
        raise ExportError(f"The zip entry {damaged} failed its CRC check right after writing. The disk may be "
                          "failing; export to another folder.")
    return archive


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return the folders created, deepest first."""
    missing = [path for path in (folder, *folder.parents) if not path.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_empty_folders(folders: list[Path]) -> None:
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:   # not empty (another process wrote there) or already gone
            return


def _move_into_place(folder: Path, destination: Path) -> None:
    if destination.is_dir():
        destination.rmdir()   # an empty folder, checked before writing
    os.rename(folder, destination)


def _os_error_message(error: OSError, destination: Path, action: str, source: Path | None = None) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        needed = _folder_size(source) if source is not None else None
        size = f" (about {needed / 2**20:.0f} MiB are needed)" if needed else ""
        return (f"Disk full: cannot {action} {display_path(destination)}{size}. Nothing was written. Free some "
                "disk space or choose another disk.")
    return (f"Cannot {action} {display_path(destination)}: {error.strerror or error}. Nothing was written. Check "
            "that the folder is writable.")


def _folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


# -- import ---------------------------------------------------------------------------------------


def import_bundle(path_or_zip: str | Path, target_dir: str | Path, base_model_dir: str | Path | None = None, *,
                  labels: Sequence[str] | None = None, check: bool = True) -> ImportedBundle:
    """Check a bundle folder or zip against ``base_model_dir`` and copy it to ``target_dir``.

    ``target_dir`` is the bundle's new folder, which must not exist or must be empty.
    ``base_model_dir`` is the local copy of the bundle's base model. A bundle of a method
    that reads no model (the TF-IDF baseline) needs none and ignores one given. The import
    raises ``ExportError`` naming the cause, and writes nothing, for:

    - zip entries that would land outside the target (absolute paths, ``..``, symbolic links);
    - pickle-based weight files (``.bin``, ``.pt``, ``.pkl`` and the like);
    - files whose sha256 differs from the manifest;
    - no ``base_model_dir`` for a bundle that needs a base model;
    - a base model whose fingerprint, model type, hidden size or vocabulary differs;
    - a label list that differs from the head, the verbalizer, or ``labels`` when given.

    With ``check``, the bundle is loaded on the base model and must reproduce the logits
    stored at export.
    """
    source = Path(path_or_zip).expanduser()
    target = Path(target_dir).expanduser()
    if target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise ExportError(f"{display_path(target)} already exists. Choose a new folder for the imported bundle.")
    log.info("Import of %s into %s started", source, target)

    created = _make_folders(target.parent)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
    finished = False
    try:
        root = _stage_bundle(source, staging / "source")
        manifest = _validate_bundle(root)
        base_info = _inspect_base_model(manifest, base_model_dir)
        if base_info is not None:
            _check_base_model(manifest, base_info)
        _check_labels(root, manifest, labels)

        if base_info is not None:
            manifest["base_model"]["path"] = base_info.path
            _write_json(root / BUNDLE_MANIFEST_NAME, manifest)
        if check:
            _check_reference_logits(root, manifest, base_info.path if base_info is not None else None)
        _move_into_place(root, target)
        finished = True
    except OSError as error:
        raise ExportError(_os_error_message(error, target, "import the bundle into")) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if not finished:
            _remove_empty_folders(created)

    log.info("Import of %s finished: %s (%s on %s)", source, target, manifest["method"],
             base_info.name if base_info is not None else "no base model")
    return ImportedBundle(target, manifest, Path(base_info.path) if base_info is not None else None)


def _inspect_base_model(manifest: dict, base_model_dir: str | Path | None):
    """Return the ``ModelInfo`` of ``base_model_dir`` when the bundle's method reads a model, else None.

    Raises ``ExportError`` when the method reads a model and no base model folder was given,
    and ``ModelError`` when the folder is not a model folder.
    """
    from .models import inspect_model_folder

    spec = get_method(manifest["method"])
    if not spec.uses_model:
        if base_model_dir is not None:
            log.info("The %s bundle reads no model, so the base model %s is not used", spec.name, base_model_dir)
        return None
    if base_model_dir is None:
        name = (manifest.get("base_model") or {}).get("name")
        raise ExportError(f"The {spec.name} bundle runs on the base model {name}, so the import needs your copy of "
                          "that model folder. Give it as the base model (peftt import --base-model FOLDER).")
    return inspect_model_folder(base_model_dir)


def _stage_bundle(source: Path, staging: Path) -> Path:
    """Extract or copy ``source`` into ``staging`` and return the folder holding the manifest."""
    if source.is_dir():
        _check_folder_entries(source)
        shutil.copytree(source, staging)
    elif source.is_file():
        _extract_zip(source, staging)
    else:
        raise ExportError(f"The bundle {source} does not exist. Choose a bundle folder or .zip file.")

    if (staging / BUNDLE_MANIFEST_NAME).is_file():
        return staging
    children = list(staging.iterdir())
    if len(children) == 1 and (children[0] / BUNDLE_MANIFEST_NAME).is_file():
        return children[0]
    raise ExportError(f"{source} has no {BUNDLE_MANIFEST_NAME}, so it is not a PEFTT Studio bundle. Export the run "
                      "with peftt export, or choose the bundle's folder.")


def _check_folder_entries(folder: Path) -> None:
    names = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink():
            raise ExportError(f"The bundle entry {relative} is a symbolic link. A bundle may contain only files and "
                              "folders; replace the link by the file.")
        if path.is_file():
            names.append(relative)
    _check_weight_file_types(names)


def _extract_zip(archive: Path, staging: Path) -> None:
    """Extract ``archive`` after checking every entry; nothing is written when one is rejected."""
    try:
        handle = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as error:
        raise ExportError(f"{archive} is not a readable zip file ({error}). Choose a bundle .zip or folder.") from None
    with handle:
        members = handle.infolist()
        seen: set[str] = set()
        for info in members:
            _check_zip_member(info, seen)
        _check_weight_file_types([info.filename for info in members if not info.is_dir()])
        _check_free_space(sum(info.file_size for info in members), staging.parent)

        staging.mkdir()
        for info in members:
            target = staging.joinpath(*_member_parts(info.filename))
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with handle.open(info) as reader, target.open("xb") as writer:
                shutil.copyfileobj(reader, writer, 2**20)


def _member_parts(name: str) -> tuple[str, ...]:
    return tuple(part for part in PurePosixPath(name.replace("\\", "/")).parts if part not in ("", "."))


def _check_zip_member(info: zipfile.ZipInfo, seen: set[str]) -> None:
    name = info.filename
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        raise ExportError(f"The zip entry {name!r} is a symbolic link, which could point outside the target folder. "
                          "A bundle may contain only files and folders; the zip was rejected.")
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise ExportError(f"The zip entry {name!r} is not a plain file or folder; the zip was rejected.")

    unix_name = name.replace("\\", "/")
    if unix_name.startswith("/") or re.match(r"^[A-Za-z]:", unix_name) or ".." in unix_name.split("/"):
        raise ExportError(f"The zip entry {name!r} would be written outside the target folder (an absolute path "
                          "or '..'); the zip was rejected and nothing was extracted.")
    key = "/".join(_member_parts(name))
    if key in seen and not info.is_dir():
        raise ExportError(f"The zip contains the entry {name!r} twice; the zip was rejected.")
    seen.add(key)


def _check_weight_file_types(names: Sequence[str]) -> None:
    unsafe = sorted(name for name in names if name.lower().endswith(UNSAFE_WEIGHT_SUFFIXES))
    if unsafe:
        raise ExportError(f"The bundle contains pickle-based files ({', '.join(unsafe)}), which can run code when "
                          "they are loaded. PEFTT Studio reads weights only from safetensors; remove these files "
                          "or export the bundle again.")


def _check_free_space(needed: int, folder: Path) -> None:
    free = shutil.disk_usage(folder).free
    if needed > free:
        raise ExportError(f"Disk full: the bundle needs {needed / 2**20:.0f} MiB but {folder} has "
                          f"{free / 2**20:.0f} MiB free. Free some disk space or import into another disk.")


def _validate_bundle(root: Path) -> dict:
    """Check the manifest format, the method's files and every file's sha256."""
    try:
        manifest = json.loads((root / BUNDLE_MANIFEST_NAME).read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ExportError(f"{BUNDLE_MANIFEST_NAME} is not valid JSON ({error}). Export the bundle again.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise ExportError(f"{BUNDLE_MANIFEST_NAME} is not a PEFTT Studio bundle manifest (format "
                          f"{manifest.get('format') if isinstance(manifest, dict) else None!r}). Export the run "
                          "again with peftt export.")
    version = manifest.get("format_version")
    if not isinstance(version, int):
        raise ExportError(f"{BUNDLE_MANIFEST_NAME} has the invalid format version {version!r}. Export the bundle "
                          "again.")
    if version > BUNDLE_FORMAT_VERSION:
        raise ExportError(f"The bundle has format version {manifest['format_version']}, written by PEFTT Studio "
                          f"{manifest.get('app_version')}; this version reads up to {BUNDLE_FORMAT_VERSION}. "
                          "Update PEFTT Studio.")
    try:
        spec = get_method(manifest.get("method", ""))
    except PefttError:
        raise ExportError(f"The bundle's method {manifest.get('method')!r} is unknown to this version of "
                          "PEFTT Studio.") from None

    required = bundle_weight_files(manifest) + (("tokenizer_config.json",) if spec.uses_model else ())
    missing = [name for name in required if not (root / name).is_file()]
    if missing:
        raise ExportError(f"The bundle is missing {', '.join(missing)}, which a {spec.name} bundle needs. "
                          "Export it again.")
    for name, expected in (manifest.get("files") or {}).items():
        if "/" in name or "\\" in name or name in ("", ".", ".."):
            raise ExportError(f"The manifest lists the file {name!r}, which is not a name at the bundle root. "
                              "The bundle was rejected.")
        path = root / name
        if not path.is_file():
            raise ExportError(f"The bundle is missing {name}, which its manifest lists. Copy the whole bundle "
                              "again.")
        if _sha256(path) != expected:
            raise ExportError(f"The bundle file {name} is damaged: its sha256 differs from the manifest. Copy the "
                              "bundle again.")
    return manifest


def _check_base_model(manifest: dict, info) -> None:
    expected = manifest.get("base_model") or {}
    name = info.name
    differences = []
    for key, what in (("model_type", "model type"), ("hidden_size", "hidden size"),
                      ("vocab_size", "vocabulary"), ("fingerprint", "fingerprint")):
        if expected.get(key) != getattr(info, key):
            differences.append(f"{what} {expected.get(key)} in the bundle vs {getattr(info, key)} in {name}")
    if differences:
        raise ExportError(f"The bundle was trained on the base model {expected.get('name')}, which {name} is not: "
                          f"{'; '.join(differences)}. Choose the folder of {expected.get('name')} as the base "
                          "model.")


def _check_labels(root: Path, manifest: dict, expected: Sequence[str] | None) -> None:
    labels = manifest.get("labels")
    if not isinstance(labels, list) or not labels or not all(isinstance(label, str) for label in labels):
        raise ExportError(f"{BUNDLE_MANIFEST_NAME} has no valid label list. Export the bundle again.")

    spec = get_method(manifest["method"])
    weights = root / ("adapter_model.safetensors" if spec.uses_peft else "model.safetensors")
    if not spec.uses_model:
        outputs = _tensor_rows(root / BASELINE_WEIGHTS_FILE, "weight")
        if outputs != len(labels):
            raise ExportError(f"The bundle lists {len(labels)} classes but its regression weights have {outputs} "
                              "rows. Export the bundle again.")
    elif spec.uses_template:
        classes = list((manifest.get("verbalizer") or {}).keys())
        if sorted(classes) != sorted(labels):
            raise ExportError(f"The bundle's verbalizer has the classes {', '.join(classes)} but its label list is "
                              f"{', '.join(labels)}. Export the bundle again.")
    else:
        outputs = _classifier_outputs(weights)
        if outputs != len(labels):
            raise ExportError(f"The bundle lists {len(labels)} classes but its classification head has "
                              f"{outputs} outputs. Export the bundle again.")

    if expected is not None and list(expected) != labels:
        raise ExportError(_label_difference(labels, list(expected)))


def _label_difference(bundle_labels: list[str], expected: list[str]) -> str:
    only_bundle = [label for label in bundle_labels if label not in expected]
    only_expected = [label for label in expected if label not in bundle_labels]
    if not only_bundle and not only_expected:
        return (f"The bundle has the expected classes in another order: {', '.join(bundle_labels)} in the bundle "
                f"vs {', '.join(expected)} expected. Output i is class i, so the order must match.")
    details = []
    if only_bundle:
        details.append(f"only in the bundle: {', '.join(only_bundle)}")
    if only_expected:
        details.append(f"only in the expected labels: {', '.join(only_expected)}")
    return f"The bundle's classes differ from the expected ones ({'; '.join(details)})."


def _classifier_outputs(path: Path) -> int | None:
    """Return the number of outputs of the classification head stored in a safetensors file."""
    from safetensors import SafetensorError, safe_open

    try:
        with safe_open(str(path), framework="numpy") as handle:
            for key in handle.keys():
                if key.endswith(("classifier.weight", "classifier.out_proj.weight")):
                    return int(handle.get_slice(key).get_shape()[0])
    except (SafetensorError, OSError) as error:
        raise ExportError(f"{path.name} is not a valid safetensors file ({error}). Export the bundle again.") from None
    return None


def _tensor_rows(path: Path, key: str) -> int | None:
    """Return the first dimension of tensor ``key`` in a safetensors file, None without that tensor."""
    from safetensors import SafetensorError, safe_open

    try:
        with safe_open(str(path), framework="numpy") as handle:
            if key not in handle.keys():
                return None
            return int(handle.get_slice(key).get_shape()[0])
    except (SafetensorError, OSError) as error:
        raise ExportError(f"{path.name} is not a valid safetensors file ({error}). Export the bundle again.") from None


def _check_reference_logits(root: Path, manifest: dict, base_model_path: str | None) -> None:
    """Load the bundle and compare its logits on the stored check texts with the exporter's."""
    from .predict import Predictor

    try:
        predictor = Predictor(root, base_model_path=base_model_path, device="cpu")
    except PefttError as error:
        where = f"on the base model {Path(base_model_path).name}" if base_model_path else "for prediction"
        raise ExportError(f"The bundle does not load {where}: {error}") from None
    stored = manifest.get("check")
    if not stored:
        log.warning("The bundle has no reference logits, so the import only checked that it loads")
        return
    actual = predictor.logits(list(stored["texts"]))
    compare_logits(np.asarray(stored["logits"]), actual.astype(np.float64), manifest["labels"], stored["texts"],
                   IMPORT_TOLERANCE, "The imported bundle, loaded on this base model,")
