"""Trainable share of each method on the published CINO-v2 and Tibetan-BERT architectures.

Each method is built by this project's own builders (``methods/classifier.py`` and
``methods/prompt.py`` through the registry), so the counts include the classification head,
the LoRA target modules and the rank defaults that a real run uses. The published
weights are never read: the builders' model loaders are replaced by ones that build the
same transformers class from the architecture's ``config.json`` on the meta device, so
CINO-large-v2 needs no memory for its weights. The loader for a classifier also reports
which modules a real checkpoint lacks (the head, and the BERT pooler when the checkpoint
has none), because the peft methods train and save those too.

Printed as Markdown, with 12 classes (TNCC-title):

  architectures   layers, sizes, vocabulary, and the parameters of the masked LM and of the classifier
  methods         trainable parameters per method, and their share of all parameters of the
                  built model: the classifier or masked LM, the adapter, and peft's frozen copy
                  of each module that the adapter trains and saves (the head)
  LoRA variants   other ranks and target modules, the LoRA matrices alone, and the LoRA ranks
                  whose share falls in a given range (0.17-0.47 % by default)

    nice -n 15 python bench/real_architectures.py
    python bench/real_architectures.py --architectures CINO-base-v2 --methods lora prompt-lora --json counts.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from peftt_gui.core.methods import get_method, list_methods  # noqa: E402
from peftt_gui.core.methods.common import BuildContext  # noqa: E402
from peftt_gui.core.models import ModelInfo  # noqa: E402
from peftt_gui.core.template import parse_template  # noqa: E402
from peftt_gui.core.verbalizer import EncodedVerbalizer, WordPieces  # noqa: E402

TNCC_LABELS = ("Politics", "Economics", "Education", "Tourism", "Environment", "Language",
               "Literature", "Religion", "Arts", "Medicine", "Customs", "Instruments")
# The template of examples/tncc-title. Its text does not change any count, because the
# template has no soft tokens.
PROMPT_TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་སྐོར་གྱི་གསར་འགྱུར་རེད།'
# LoRA's share of the parameters of Tibetan PLMs as quoted from the PEFTT study (arXiv 2309.12109).
# NOTE: only the study's abstract was available, which does not give this range.
PAPER_SHARE = (0.0017, 0.0047)


@dataclass(frozen=True)
class Architecture:
    """A published model's shape, as its config.json gives it."""

    name: str
    model_type: str                 # "xlm-roberta" or "bert"
    layers: int
    hidden: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int              # max_position_embeddings
    type_vocab_size: int
    pad_token_id: int
    layer_norm_eps: float
    checkpoint_class: str           # the transformers class whose weights the published folder contains
    source: str

    def config(self):
        """Return the transformers config of this architecture."""
        from transformers import BertConfig, XLMRobertaConfig

        config_class = {"xlm-roberta": XLMRobertaConfig, "bert": BertConfig}[self.model_type]
        return config_class(vocab_size=self.vocab_size, hidden_size=self.hidden, num_hidden_layers=self.layers,
                            num_attention_heads=self.heads, intermediate_size=self.intermediate,
                            max_position_embeddings=self.max_positions, type_vocab_size=self.type_vocab_size,
                            pad_token_id=self.pad_token_id, layer_norm_eps=self.layer_norm_eps,
                            architectures=[self.checkpoint_class])


# The fine-tuned copies' configs are those of the base models plus the classifier labels.
_CINO_SMALL_CONFIG = "https://huggingface.co/UTibetNLP/cino-small-v2_tusa/blob/main/config.json"
_CINO_README = "https://github.com/ymcui/Chinese-Minority-PLM README.md (mirror iflytek/cino)"
_TIBETAN_BERT_CONFIG = "https://huggingface.co/UTibetNLP/tibetan-bert_tncc-title_tsheg/blob/main/config.json"

ARCHITECTURES = (
    Architecture("CINO-small-v2", "xlm-roberta", 6, 768, 12, 3072, 135359, 514, 1, 1, 1e-5,
                 "XLMRobertaForMaskedLM", f"{_CINO_SMALL_CONFIG}; {_CINO_README}"),
    # NOTE: the vocabulary of CINO-base-v2 and CINO-large-v2 is CINO-small-v2's 135,359. Their
    # configs were not available; the README gives "136K" for all v2 models, and 135,359
    # reproduces its parameter counts (190M and 442M).
    Architecture("CINO-base-v2", "xlm-roberta", 12, 768, 12, 3072, 135359, 514, 1, 1, 1e-5,
                 "XLMRobertaForMaskedLM", _CINO_README),
    Architecture("CINO-large-v2", "xlm-roberta", 24, 1024, 16, 4096, 135359, 514, 1, 1, 1e-5,
                 "XLMRobertaForMaskedLM", _CINO_README),
    # NOTE: whether the published Tibetan-BERT weights contain the BERT pooler is not known.
    # BertForPreTraining (pooler included) is assumed; the LoRA variants table shows the
    # other case.
    Architecture("Tibetan-BERT", "bert", 12, 768, 12, 3072, 32267, 512, 2, 0, 1e-12,
                 "BertForPreTraining", _TIBETAN_BERT_CONFIG),
)


@dataclass(frozen=True)
class MethodCount:
    """Trainable and total parameters of one method on one architecture, tied tensors counted once."""

    architecture: str
    method: str
    options: dict = field(default_factory=dict)
    trainable: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.trainable / self.total


# -- building through the project's method builders --------------------------------------------

def _checkpoint_keys(architecture: Architecture, config) -> set[str]:
    """Return the state-dict keys of the published checkpoint, built on the meta device."""
    import torch
    import transformers

    with torch.device("meta"):
        checkpoint = getattr(transformers, architecture.checkpoint_class)(config)
    return set(checkpoint.state_dict())


def _meta_sequence_classifier(architecture: Architecture):
    """Return a stand-in for ``models.load_sequence_classifier`` that loads no weights.

    Like the real loader it reads the folder's config with the label settings and, with
    ``with_new_modules``, returns the top-level modules whose weights the checkpoint lacks.
    """
    import torch
    from transformers import AutoConfig, AutoModelForSequenceClassification

    def load(path, labels, with_new_modules=False):
        config = AutoConfig.from_pretrained(str(path), num_labels=len(labels), id2label=dict(enumerate(labels)),
                                            label2id={label: i for i, label in enumerate(labels)})
        with torch.device("meta"):
            model = AutoModelForSequenceClassification.from_config(config)
        if not with_new_modules:
            return model

        checkpoint_keys = _checkpoint_keys(architecture, config)
        prefix = model.base_model_prefix + "."
        missing = [key for key in model.state_dict() if key not in checkpoint_keys]
        return model, sorted({key.removeprefix(prefix).split(".")[0] for key in missing})

    return load


def _meta_masked_lm(path):
    """Stand-in for ``models.load_masked_lm`` that builds the masked LM on the meta device."""
    import torch
    from transformers import AutoConfig, AutoModelForMaskedLM

    config = AutoConfig.from_pretrained(str(path))
    with torch.device("meta"):
        return AutoModelForMaskedLM.from_config(config)


@contextlib.contextmanager
def meta_loaders(architecture: Architecture):
    """Make the method builders build ``architecture`` on the meta device, without weight files."""
    import torch

    from peftt_gui.core.methods import classifier, prompt

    with (mock.patch.object(classifier, "load_sequence_classifier", _meta_sequence_classifier(architecture)),
          mock.patch.object(prompt, "load_masked_lm", _meta_masked_lm),
          torch.device("meta")):
        # Adapters, soft prompts and verbalizer buffers are created on the meta device too.
        yield


def model_info(architecture: Architecture, folder: Path) -> ModelInfo:
    """Describe a folder that holds only ``architecture``'s config.json."""
    return ModelInfo(path=str(folder), name=architecture.name, model_type=architecture.model_type,
                     architectures=(architecture.checkpoint_class,), num_layers=architecture.layers,
                     hidden_size=architecture.hidden, num_heads=architecture.heads,
                     vocab_size=architecture.vocab_size, max_positions=architecture.max_positions,
                     parameter_count=None, tokenizer_kind="none", tokenizer_files=(), weight_files=(),
                     has_mlm_head=True, fingerprint="config-only")


def placeholder_verbalizer(labels) -> EncodedVerbalizer:
    """Return one single-piece label word per class. The ids only fill buffers, never parameters."""
    words = tuple(WordPieces(label, label, (5 + i,), (label,), False) for i, label in enumerate(labels))
    return EncodedVerbalizer(labels=tuple(labels), words=words, piece_ids=[[5 + i] for i in range(len(labels))],
                             piece_mask=[[1.0] for _ in labels], word_class=list(range(len(labels))))


def build_method(method: str, info: ModelInfo, labels=TNCC_LABELS, options: dict | None = None,
                 pad_token_id: int = 0):
    """Build ``method`` on the model folder of ``info`` with the registry's builder, as a run does."""
    spec = get_method(method)
    template = parse_template(PROMPT_TEMPLATE, require_mask=spec.uses_template)
    context = BuildContext(spec=spec, model_info=info, tokenizer=SimpleNamespace(pad_token_id=pad_token_id),
                           labels=list(labels), options=spec.options(options or {}), template=template,
                           verbalizer=placeholder_verbalizer(labels) if spec.uses_template else None)
    return spec.builder().build(context)


def count_method(architecture: Architecture, method: str, options: dict | None = None,
                 labels=TNCC_LABELS) -> MethodCount:
    """Count the trainable and total parameters of ``method`` on ``architecture``, without weights."""
    with tempfile.TemporaryDirectory() as folder:
        architecture.config().save_pretrained(folder)
        with meta_loaders(architecture):
            model = build_method(method, model_info(architecture, Path(folder)), labels, options,
                                 architecture.pad_token_id)
        trainable, total = model.parameter_counts()
    return MethodCount(architecture.name, method, dict(options or {}), trainable, total)


def torch_methods() -> list[str]:
    """Return the registered methods that train a model (all but the TF-IDF baseline)."""
    return [spec.name for spec in list_methods() if spec.uses_model]


# -- sizes and LoRA rank ranges ---------------------------------------------------------------

def model_sizes(architecture: Architecture, num_labels: int = len(TNCC_LABELS)) -> dict:
    """Return the parameter counts of the masked LM and of the classifier, and the embeddings' share."""
    import torch
    from transformers import AutoModelForMaskedLM, AutoModelForSequenceClassification

    config = architecture.config()
    config.num_labels = num_labels
    with torch.device("meta"):
        masked_lm = AutoModelForMaskedLM.from_config(config)
        classifier = AutoModelForSequenceClassification.from_config(config)
    word_embeddings = architecture.vocab_size * architecture.hidden
    classifier_total = sum(p.numel() for p in classifier.parameters())
    return {"masked_lm": sum(p.numel() for p in masked_lm.parameters()), "classifier": classifier_total,
            "word_embeddings": word_embeddings, "word_embedding_share": word_embeddings / classifier_total}


def lora_rank_range(architecture: Architecture, method: str = "lora", targets: list | None = None,
                    share_range: tuple[float, float] = PAPER_SHARE) -> tuple[int, int] | None:
    """Return the smallest and largest LoRA rank whose trainable share lies in ``share_range``.

    Both counts grow by the same number of LoRA weights per rank, so builds at ranks 1 and 2
    give the line. A build at each bound then checks it. Returns None when no rank fits.
    """
    options = {"target_modules": list(targets or [])}
    at_rank_1 = count_method(architecture, method, {**options, "r": 1})
    at_rank_2 = count_method(architecture, method, {**options, "r": 2})
    per_rank = at_rank_2.trainable - at_rank_1.trainable
    fixed_trainable = at_rank_1.trainable - per_rank
    fixed_total = at_rank_1.total - per_rank

    # share(r) = (a + b r) / (c + b r) rises with r, so solve share(r) = bound for each bound.
    low, high = share_range
    r_low = max(1, math.ceil((low * fixed_total - fixed_trainable) / (per_rank * (1 - low))))
    r_high = math.floor((high * fixed_total - fixed_trainable) / (per_rank * (1 - high)))
    if r_high < r_low:
        return None
    for rank in (r_low, r_high):
        share = count_method(architecture, method, {**options, "r": rank}).share
        if not low <= share <= high:
            raise AssertionError(f"LoRA r={rank} on {architecture.name} gives {share:.4%}, outside the solved range; "
                                 "the count is not linear in the rank.")
    return r_low, r_high


# -- report -----------------------------------------------------------------------------------

def _cell(count: MethodCount) -> str:
    # Shares below 0.1 % get a third decimal, so that prompt tuning does not show as 0.00 %.
    share = f"{count.share:.3%}" if count.share < 0.001 else f"{count.share:.2%}"
    return f"{share} ({count.trainable:,})"


def _markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def architecture_table(architectures, sizes: dict) -> str:
    header = ["architecture", "layers", "hidden", "heads", "intermediate", "vocabulary", "max positions",
              "masked LM parameters", "classifier parameters", "word embeddings"]
    rows = [[a.name, str(a.layers), str(a.hidden), str(a.heads), str(a.intermediate), f"{a.vocab_size:,}",
             str(a.max_positions), f"{sizes[a.name]['masked_lm']:,}", f"{sizes[a.name]['classifier']:,}",
             f"{sizes[a.name]['word_embedding_share']:.0%}"] for a in architectures]
    return _markdown_table(header, rows)


def method_table(architectures, methods: list[str], counts: dict) -> str:
    header = ["method"] + [a.name for a in architectures]
    rows = [[method] + [_cell(counts[(a.name, method)]) for a in architectures] for method in methods]
    return _markdown_table(header, rows)


# Rows of the LoRA variants table: (label, method, options). Each is built on every architecture.
LORA_VARIANTS = (
    ("lora r=8 query,value (default)", "lora", {}),
    ("lora r=4 query,value", "lora", {"r": 4}),
    ("lora r=16 query,value", "lora", {"r": 16}),
    ("lora r=8 query,key,value,attention.output.dense", "lora",
     {"target_modules": ["query", "key", "value", "attention.output.dense"]}),
    ("prompt-lora r=8 query,value (LoRA matrices only)", "prompt-lora", {}),
)


def lora_variant_table(architectures, share_range: tuple[float, float]) -> tuple[str, dict]:
    results = {}
    rows = []
    for label, method, options in LORA_VARIANTS:
        cells = []
        for architecture in architectures:
            count = count_method(architecture, method, options)
            results[(label, architecture.name)] = count
            cells.append(_cell(count))
        rows.append([label] + cells)

    # The classifier methods' share includes the head; prompt-lora's is the LoRA matrices alone.
    for method, row_label in (("lora", "lora query,value"), ("prompt-lora", "LoRA matrices alone (prompt-lora)")):
        cells = []
        for architecture in architectures:
            fit = lora_rank_range(architecture, method, share_range=share_range)
            results[(f"{method} ranks in range", architecture.name)] = fit
            cells.append("none" if fit is None else f"r = {fit[0]} to {fit[1]}")
        rows.append([f"{row_label}: ranks with {share_range[0]:.2%} to {share_range[1]:.2%}"] + cells)

    header = ["LoRA variant"] + [a.name for a in architectures]
    return _markdown_table(header, rows), results


def without_pooler(architecture: Architecture) -> Architecture:
    """Return ``architecture`` with a checkpoint that lacks the BERT pooler (a masked-LM-only export)."""
    from dataclasses import replace

    return replace(architecture, name=f"{architecture.name} (no pooler)", checkpoint_class="BertForMaskedLM")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = [a.name for a in ARCHITECTURES]
    parser.add_argument("--architectures", nargs="+", choices=names, default=names,
                        help="Architectures to count (default: all).")
    parser.add_argument("--methods", nargs="+", help="Methods to count (default: every method that trains a model).")
    parser.add_argument("--share-range", nargs=2, type=float, default=PAPER_SHARE, metavar=("LOW", "HIGH"),
                        help="Trainable share, as fractions, for the LoRA rank range (default: 0.0017 0.0047).")
    parser.add_argument("--no-variants", action="store_true", help="Skip the LoRA variants table.")
    parser.add_argument("--json", type=Path, help="Also write every count to this JSON file.")
    args = parser.parse_args()

    architectures = [a for a in ARCHITECTURES if a.name in args.architectures]
    methods = args.methods or torch_methods()
    sizes = {a.name: model_sizes(a) for a in architectures}
    counts = {(a.name, method): count_method(a, method) for a in architectures for method in methods}
    print(f"## Architectures\n\n{architecture_table(architectures, sizes)}\n")
    print(f"## Trainable share per method ({len(TNCC_LABELS)} classes, default options)\n\n"
          f"{method_table(architectures, methods, counts)}\n")

    variants = {}
    if not args.no_variants:
        variant_architectures = list(architectures)
        variant_architectures += [without_pooler(a) for a in architectures if a.model_type == "bert"]
        table, variants = lora_variant_table(variant_architectures, tuple(args.share_range))
        print(f"## LoRA variants\n\n{table}\n")

    if args.json:
        payload = {"sizes": sizes, "methods": [asdict(c) | {"share": c.share} for c in counts.values()],
                   "variants": [{"variant": label, "architecture": name,
                                 **(asdict(value) | {"share": value.share} if isinstance(value, MethodCount)
                                    else {"ranks": value})}
                                for (label, name), value in variants.items()]}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
