"""What the Playground's source inspection reports for folders of methods with and without a model."""

import json
import threading

import pytest

from peftt_gui.core.predict import BUNDLE_MANIFEST_NAME
from peftt_gui.core.runner import MANIFEST_NAME
from peftt_gui.gui.tasks import inspect_predictor_source


def inspect(path):
    return inspect_predictor_source(str(path), progress=lambda _: None, cancel=threading.Event())


@pytest.mark.parametrize(("manifest_name", "kind"), [(MANIFEST_NAME, "run"), (BUNDLE_MANIFEST_NAME, "bundle")])
def test_baseline_folder_needs_no_base_model(manifest_name, kind, tmp_path):
    (tmp_path / manifest_name).write_text(json.dumps({"method": "baseline", "base_model": None, "labels": ["a"]}),
                                          encoding="utf-8")

    source = inspect(tmp_path)

    assert source.kind == kind
    assert source.base_model_found
    assert source.base_model_name == ""


def test_lora_folder_with_missing_base_model(tmp_path):
    manifest = {"method": "lora", "labels": ["a"],
                "base_model": {"name": "tiny", "path": str(tmp_path / "moved-away")}}
    (tmp_path / BUNDLE_MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")

    source = inspect(tmp_path)

    assert source.kind == "bundle"
    assert not source.base_model_found
    assert source.base_model_name == "tiny"
