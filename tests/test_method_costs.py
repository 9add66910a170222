"""Checks of bench/method_costs.py, the per-method training and prediction costs.

The FLOP counts are compared with closed-form counts of the tiny model's encoder matrices.
One method is measured in this process and one through the worker subprocess. The table
and the memory comparison are checked on figures that the tests give.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "method_costs.py"
MIB = 2**20


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("method_costs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shape(tiny_model_dir):
    config = json.loads((tiny_model_dir / "config.json").read_text(encoding="utf-8"))
    return config["num_hidden_layers"], config["hidden_size"], config["intermediate_size"]


def encoder_matrices(layers: int, hidden: int, intermediate: int) -> int:
    """Query, key, value and attention output (h x h each), and the two feed-forward matrices."""
    return layers * (4 * hidden * hidden + 2 * hidden * intermediate)


def build(bench, method: str, model_dir: Path):
    from peftt_gui.core.methods.common import BuildContext
    from peftt_gui.core.models import inspect_model_folder, load_tokenizer

    tokenizer = load_tokenizer(model_dir)
    labels, template, verbalizer, _train, _scored = bench.load_method_rows(method, tokenizer, 8, 8)
    spec = bench.get_method(method)
    context = BuildContext(spec=spec, model_info=inspect_model_folder(model_dir), tokenizer=tokenizer,
                           labels=labels, options=spec.options({}), template=template, verbalizer=verbalizer)
    return spec.builder().build(context)


def test_matmul_count_finetune(bench, tiny_model_dir, shape):
    trained, frozen = bench.encoder_matmul_parameters(build(bench, "finetune", tiny_model_dir))

    assert trained == encoder_matrices(*shape)
    assert frozen == 0


def test_matmul_count_lora(bench, tiny_model_dir, shape):
    layers, hidden, _ = shape
    rank = bench.get_method("lora").options({}).r

    trained, frozen = bench.encoder_matmul_parameters(build(bench, "lora", tiny_model_dir))

    # LoRA's default targets for BERT are query and value: A (r x h) and B (h x r) on each.
    assert trained == layers * 2 * (2 * rank * hidden)
    assert frozen == encoder_matrices(*shape)


def test_measure_prompt_tuning(bench, tiny_model_dir, shape):
    result = bench.measure_method("prompt-tuning", tiny_model_dir, rows=16, eval_rows=24, batch_size=8)

    virtual = bench.get_method("prompt-tuning").options({}).num_virtual_tokens
    assert result["rows"] == 16
    assert result["eval_rows"] == 24
    assert result["virtual_tokens_per_row"] == virtual
    assert result["encoder_matmul_trained"] == 0
    assert result["encoder_matmul_frozen"] == encoder_matrices(*shape)
    tokens = round(result["tokens_per_row"] * 16) + virtual * 16
    assert result["train_flops"] == 4 * encoder_matrices(*shape) * tokens
    assert result["trainable_params"] < result["total_params"]
    assert result["samples_per_s"] > 0
    assert result["eval_rows_per_s"] > 0
    if sys.platform == "linux":
        assert result["peak_growth_bytes"] > 0
        assert result["process_peak_bytes"] > result["peak_growth_bytes"]


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self")
def test_reset_peak_rss_lowers_peak(bench):
    import numpy as np

    block = np.ones(200 * MIB // 8)
    del block
    before = bench._status_bytes("VmHWM")

    assert bench.reset_peak_rss()
    after = bench._status_bytes("VmHWM")
    assert after < before - 100 * MIB


def test_run_worker_subprocess(bench, tiny_model_dir, tmp_path):
    args = argparse.Namespace(rows=8, eval_rows=8, batch_size=4, threads=1)

    result = bench.run_worker("finetune", tiny_model_dir, args, tmp_path)

    assert "error" not in result, result.get("error")
    assert result["method"] == "finetune"
    assert result["rows"] == 8
    assert result["torch_threads"] == 1
    assert result["trainable_params"] == result["total_params"]


def test_run_worker_reports_failure(bench, tmp_path):
    args = argparse.Namespace(rows=8, eval_rows=8, batch_size=4, threads=1)

    result = bench.run_worker("lora", tmp_path / "no-model", args, tmp_path)

    assert result["method"] == "lora"
    assert "no-model" in result["error"]


def test_check_methods_rejects_baseline(bench):
    with pytest.raises(bench.ConfigError, match="baseline"):
        bench.check_methods(["finetune", "baseline"])
    assert "baseline" not in bench.default_methods()
    assert {"finetune", "prompt", "lora", "prompt-lora"} <= set(bench.default_methods())


def figures(method: str, peak_mib: int) -> dict:
    return {"method": method, "trainable_params": 50, "total_params": 200, "tokens_per_row": 10.0,
            "virtual_tokens_per_row": 0, "samples_per_s": 12.5, "flops_per_s": 5e8,
            "peak_growth_bytes": peak_mib * MIB, "process_peak_bytes": (peak_mib + 400) * MIB,
            "eval_rows_per_s": 300.0}


def test_memory_savings(bench):
    results = [figures("finetune", 100), figures("lora", 40), figures("prompt", 80),
               {"method": "prompt-lora", "error": "failed"}]

    savings = bench.memory_savings(results)

    assert len(savings) == 1
    assert savings[0]["method"] == "lora"
    assert savings[0]["against"] == "finetune"
    assert savings[0]["saving"] == pytest.approx(0.6)


def test_format_table(bench):
    results = [figures("lora", 40), {"method": "prefix", "error": "ValueError: bad prefix"}]
    bench.add_mfu(results, 1e10)

    lines = bench.format_table(results).splitlines()

    assert lines[0].startswith("| method | trainable % | samples/s |")
    assert lines[2] == "| lora | 25.00 | 12.5 | 10.0 | 5.0 | 40 | 440 | 300 |"
    assert lines[3].startswith("| prefix | failed: ValueError: bad prefix |")
