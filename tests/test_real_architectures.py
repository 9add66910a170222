"""Checks of bench/real_architectures.py, the trainable share of each method on the published architectures.

The script builds each method through the project's builders with model loaders that read
no weights. These tests run its counting function on tiny configs of both model types. They
compare the counts with closed-form parameter counts, and with the same builders loading a
real saved checkpoint, so that a drift in the formulas or in the weight-free loaders fails.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "real_architectures.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("real_architectures", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    # dataclasses resolve the string annotations through sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def tiny(bench, model_type: str, checkpoint_class: str):
    """Return a 2-layer architecture of ``model_type`` whose checkpoint is ``checkpoint_class``."""
    xlmr = model_type == "xlm-roberta"
    return bench.Architecture(name=f"tiny-{model_type}", model_type=model_type, layers=2, hidden=32, heads=2,
                              intermediate=48, vocab_size=101, max_positions=66 if xlmr else 64,
                              type_vocab_size=1 if xlmr else 2, pad_token_id=1 if xlmr else 0,
                              layer_norm_eps=1e-5, checkpoint_class=checkpoint_class, source="test")


TINY_CASES = [("xlm-roberta", "XLMRobertaForMaskedLM"), ("bert", "BertForPreTraining"),
              ("bert", "BertForMaskedLM")]


# -- closed-form parameter counts of BERT and XLM-RoBERTa ---------------------------------------

def encoder_parameters(a) -> int:
    """Embeddings and transformer layers, without pooler or heads."""
    h, i = a.hidden, a.intermediate
    embeddings = (a.vocab_size + a.max_positions + a.type_vocab_size) * h + 2 * h
    layer = 4 * (h * h + h) + 2 * h + (h * i + i) + (i * h + h) + 2 * h
    return embeddings + a.layers * layer


def classifier_head(a, classes: int) -> int:
    """The sequence-classification head: XLM-R's dense + out_proj, BERT's one linear layer."""
    h = a.hidden
    out = h * classes + classes
    return (h * h + h) + out if a.model_type == "xlm-roberta" else out


def pooler(a) -> int:
    return a.hidden * a.hidden + a.hidden


def classifier_parameters(a, classes: int) -> int:
    # BERT's classifier runs on the pooler output; XLM-R's head has its own dense layer.
    with_pooler = pooler(a) if a.model_type == "bert" else 0
    return encoder_parameters(a) + with_pooler + classifier_head(a, classes)


def masked_lm_parameters(a) -> int:
    # Transform dense + layer norm + output bias; the decoder weight is tied to the word embeddings.
    h = a.hidden
    return encoder_parameters(a) + (h * h + h) + 2 * h + a.vocab_size


def new_classifier_modules(a, classes: int) -> int:
    """Weights a checkpoint lacks for the classifier: the head, and a pooler missing from an MLM-only BERT."""
    missing_pooler = pooler(a) if a.checkpoint_class == "BertForMaskedLM" else 0
    return classifier_head(a, classes) + missing_pooler


def lora_parameters(a, rank: int, projections: int = 2) -> int:
    # Each square h x h projection gets A (r x h) and B (h x r).
    return a.layers * projections * rank * (a.hidden + a.hidden)


# -- counts against the closed form ---------------------------------------------------------------

@pytest.mark.parametrize("model_type,checkpoint", TINY_CASES)
def test_counts_full_training(bench, model_type, checkpoint):
    a = tiny(bench, model_type, checkpoint)
    classes = len(bench.TNCC_LABELS)

    finetune = bench.count_method(a, "finetune")
    assert finetune.total == classifier_parameters(a, classes)
    assert finetune.trainable == finetune.total

    prompt = bench.count_method(a, "prompt")
    assert prompt.total == masked_lm_parameters(a)
    assert prompt.trainable == prompt.total


@pytest.mark.parametrize("model_type,checkpoint", TINY_CASES)
@pytest.mark.parametrize("rank", [1, 8])
def test_counts_lora_with_head(bench, model_type, checkpoint, rank):
    a = tiny(bench, model_type, checkpoint)
    classes = len(bench.TNCC_LABELS)
    new_modules = new_classifier_modules(a, classes)

    count = bench.count_method(a, "lora", {"r": rank})
    assert count.trainable == lora_parameters(a, rank) + new_modules
    # peft keeps the frozen original of each module it trains and saves (modules_to_save).
    assert count.total == classifier_parameters(a, classes) + lora_parameters(a, rank) + new_modules


@pytest.mark.parametrize("model_type,checkpoint", TINY_CASES[:2])
def test_counts_lora_targets(bench, model_type, checkpoint):
    a = tiny(bench, model_type, checkpoint)
    targets = ["query", "key", "value", "attention.output.dense"]
    count = bench.count_method(a, "lora", {"target_modules": targets})
    assert count.trainable == lora_parameters(a, 8, projections=4) + new_classifier_modules(a, 12)


@pytest.mark.parametrize("model_type,checkpoint", TINY_CASES[:2])
def test_counts_prompt_lora(bench, model_type, checkpoint):
    a = tiny(bench, model_type, checkpoint)
    count = bench.count_method(a, "prompt-lora")
    assert count.trainable == lora_parameters(a, 8)
    assert count.total == masked_lm_parameters(a) + lora_parameters(a, 8)


@pytest.mark.parametrize("model_type,checkpoint", TINY_CASES[:2])
def test_counts_other_adapters(bench, model_type, checkpoint):
    a = tiny(bench, model_type, checkpoint)
    head = new_classifier_modules(a, 12)
    h = a.hidden

    # DoRA adds a magnitude per output feature of each adapted projection.
    assert bench.count_method(a, "dora").trainable == lora_parameters(a, 8) + a.layers * 2 * h + head
    # IA3 scales key and value outputs, and the inputs of both output.dense layers, which the
    # default feed-forward list "output.dense" matches: h + h + h + intermediate per layer.
    assert bench.count_method(a, "ia3").trainable == a.layers * (3 * h + a.intermediate) + head
    # Prefix tuning: 20 virtual tokens, a key and a value vector per layer.
    assert bench.count_method(a, "prefix").trainable == 20 * a.layers * 2 * h + head
    prompt_tuning = bench.count_method(a, "prompt-tuning")
    assert prompt_tuning.trainable == 20 * h
    assert prompt_tuning.total == masked_lm_parameters(a) + 20 * h


# -- weight-free loaders against real checkpoints ------------------------------------------------

def save_checkpoint(a, folder: Path) -> None:
    import torch
    import transformers

    torch.manual_seed(0)
    getattr(transformers, a.checkpoint_class)(a.config()).save_pretrained(str(folder))


@pytest.mark.parametrize("model_type,checkpoint", TINY_CASES)
def test_meta_counts_match_real_checkpoint(bench, tmp_path, model_type, checkpoint):
    a = tiny(bench, model_type, checkpoint)
    save_checkpoint(a, tmp_path)
    info = bench.model_info(a, tmp_path)

    for method in bench.torch_methods():
        real = bench.build_method(method, info, pad_token_id=a.pad_token_id).parameter_counts()
        meta = bench.count_method(a, method)
        assert (meta.trainable, meta.total) == real, method


# -- LoRA rank range and the published architectures ---------------------------------------------

def test_lora_rank_range_bounds(bench):
    a = tiny(bench, "bert", "BertForPreTraining")
    share_range = (0.05, 0.15)
    low, high = bench.lora_rank_range(a, share_range=share_range)

    assert share_range[0] <= bench.count_method(a, "lora", {"r": low}).share <= share_range[1]
    assert share_range[0] <= bench.count_method(a, "lora", {"r": high}).share <= share_range[1]
    assert low == 1 or bench.count_method(a, "lora", {"r": low - 1}).share < share_range[0]
    assert bench.count_method(a, "lora", {"r": high + 1}).share > share_range[1]


def test_lora_rank_range_none(bench):
    # The XLM-R head alone is a large share of a tiny model, above any range near zero.
    a = tiny(bench, "xlm-roberta", "XLMRobertaForMaskedLM")
    assert bench.lora_rank_range(a, share_range=(0.0001, 0.0002)) is None


def test_published_sizes_match_readme(bench):
    """The configs come within 0.5 % of the CINO README's rounded 148M, 190M and 442M parameters."""
    published = {"CINO-small-v2": 148e6, "CINO-base-v2": 190e6, "CINO-large-v2": 442e6}
    for a in bench.ARCHITECTURES:
        if a.name in published:
            # The README counts XLMRobertaModel, which has a pooler.
            counted = encoder_parameters(a) + pooler(a)
            assert abs(counted - published[a.name]) < 0.005 * published[a.name], a.name


def test_without_pooler_changes_checkpoint(bench):
    bert = next(a for a in bench.ARCHITECTURES if a.model_type == "bert")
    variant = bench.without_pooler(bert)
    assert variant.checkpoint_class == "BertForMaskedLM"
    assert replace(variant, name=bert.name, checkpoint_class=bert.checkpoint_class) == bert
