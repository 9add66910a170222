"""The model card (README.md) of an exported bundle: description, metrics, prompt, and a
snippet that loads the bundle with peft and transformers alone.

The snippet reproduces the app's encoding, so its class scores equal the app's logits. For
prompt methods it tokenizes each template part on its own, cuts the text to the same token
budget, and scores the label words as the app does.
"""

from __future__ import annotations

import json
from typing import Sequence

from .methods import get_method


def model_card(manifest: dict, bundle_name: str, tokenizer, example_text: str) -> str:
    """Return the bundle's README.md: description, metrics, prompt and a loading snippet.

    ``tokenizer`` is the bundle's own. Prompt methods need it to write the template parts
    and label words as the app tokenizes them. ``example_text`` appears in the commands.
    """
    spec = get_method(manifest["method"])
    base = manifest["base_model"]
    labels = manifest["labels"]
    source = manifest.get("source_run") or {}
    title = source.get("name") or bundle_name

    sections = [
        _card_front_matter(manifest),
        f"# {title}\n",
        f"A Tibetan text classifier trained with PEFTT Studio {manifest['app_version']} by the method {spec.title} "
        f"(`{spec.name}`) on the base model `{base['name']}` ({base['model_type']}, hidden size "
        f"{base['hidden_size']}, vocabulary {base['vocab_size']}, fingerprint `{base['fingerprint']}`).\n",
        f"Classes, in the order of the outputs: {', '.join(labels)}.\n",
        _card_metrics(manifest.get("metrics") or {}, labels),
    ]
    if spec.uses_template:
        sections.append(_card_prompt(manifest))
    sections.append(_card_input_text(manifest))
    sections.append("## Load with peft and transformers\n\n```python\n"
                    + loading_snippet(manifest, bundle_name, tokenizer, example_text) + "```\n")
    sections.append(_card_peftt(manifest, bundle_name, example_text))
    return "\n".join(sections)


def _card_front_matter(manifest: dict) -> str:
    spec = get_method(manifest["method"])
    library = "peft" if spec.uses_peft else "transformers"
    return (f"---\nlanguage: bo\nlibrary_name: {library}\nbase_model: {manifest['base_model']['name']}\n"
            f"tags:\n- tibetan\n- text-classification\n- peftt-studio\n- {manifest['method']}\n---\n")


def _card_metrics(metrics: dict, labels: Sequence[str]) -> str:
    def cell(value) -> str:
        return "-" if value is None else f"{value:.4f}"

    best_epoch = metrics.get("best_epoch")
    validation = "validation" + (f" (best epoch {best_epoch})" if best_epoch is not None else "")
    lines = ["## Metrics\n", "| split | macro-F1 | accuracy |", "|---|---|---|",
             f"| {validation} | {cell(metrics.get('validation_macro_f1'))} | "
             f"{cell(metrics.get('validation_accuracy'))} |",
             f"| test | {cell(metrics.get('test_macro_f1'))} | {cell(metrics.get('test_accuracy'))} |"]
    per_class = metrics.get("test_per_class_f1")
    if per_class:
        lines += ["", "| class | test F1 |", "|---|---|"]
        lines += [f"| {label} | {cell(per_class.get(label))} |" for label in labels]
    if all(metrics.get(key) is not None for key in ("trainable_params", "total_params", "trainable_percent")):
        lines += ["", f"Trainable parameters: {metrics['trainable_params']:,} of {metrics['total_params']:,} "
                      f"({metrics['trainable_percent']:.3f}%)."]
    return "\n".join(lines) + "\n"


def _card_prompt(manifest: dict) -> str:
    lines = ["## Prompt\n", f"Template (OpenPrompt format): `{manifest['template']}`\n",
             "| class | label words |", "|---|---|"]
    for label in manifest["labels"]:
        words = manifest["verbalizer"].get(label, [])
        lines.append(f"| {label} | {', '.join([words] if isinstance(words, str) else words)} |")
    lines.append("\nA class scores the log of the mean probability of its label words at the mask. A word of "
                 "several pieces scores the mean log-probability of its pieces.")
    return "\n".join(lines) + "\n"


def _card_input_text(manifest: dict) -> str:
    return ("## Input text\n\n"
            f"Training text was normalized with the mode `{manifest['normalization']}`: zero-width characters "
            "removed, the non-breaking tsheg replaced by a tsheg, Unicode NFC, runs of spaces collapsed, and "
            "spaces between syllables replaced by tshegs when a text separates its syllables with spaces. "
            "Give the snippet text normalized the same way; `peftt predict` does it for you.\n")


def _card_peftt(manifest: dict, bundle_name: str, example_text: str) -> str:
    base_name = manifest["base_model"]["name"]
    return ("## Load with PEFTT Studio\n\n"
            f"    peftt import {bundle_name} --base-model path/to/{base_name}\n"
            f"    peftt predict path/to/imported/{bundle_name} --text \"{example_text}\"\n")


def loading_snippet(manifest: dict, bundle_name: str, tokenizer, example_text: str) -> str:
    """Return Python code that loads the bundle with peft and transformers alone.

    The code defines ``class_scores(text)``, which returns one score per class in label order:
    the head's logits, or for prompt methods the verbalizer's class scores.
    """
    spec = get_method(manifest["method"])
    header = [
        "import math" if spec.uses_template else None,
        "import torch",
        "from peft import PeftModel" if spec.uses_peft else None,
        "from transformers import {}, AutoTokenizer".format(
            "AutoModelForMaskedLM" if spec.uses_template else "AutoModelForSequenceClassification"),
        "",
        f"base = {_py(manifest['base_model']['name'])}  # your copy of the base model folder",
        f"bundle = {_py(bundle_name)}  # this folder",
        f"labels = {_py(manifest['labels'])}",
        "tokenizer = AutoTokenizer.from_pretrained(bundle)",
    ]
    body = _prompt_snippet(manifest, spec, tokenizer) if spec.uses_template else _classifier_snippet(manifest, spec)
    example = f"\n\nprint(labels[int(class_scores({_py(example_text)}).argmax())])\n"
    return "\n".join(line for line in header if line is not None) + "\n" + body + example


def _classifier_snippet(manifest: dict, spec) -> str:
    if spec.uses_peft:
        loading = ("model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=len(labels))\n"
                   "model = PeftModel.from_pretrained(model, bundle).eval()\n")
    else:
        loading = "model = AutoModelForSequenceClassification.from_pretrained(bundle).eval()\n"
    return loading + f"""

def class_scores(text):
    inputs = tokenizer(text, truncation=True, max_length={manifest['max_length']}, return_tensors="pt")
    with torch.no_grad():
        return model(**inputs).logits[0]  # one logit per class, in the order of labels
"""


def _prompt_snippet(manifest: dict, spec, tokenizer) -> str:
    parts, text_budget, label_words, strip_marker = _prompt_pieces(manifest, tokenizer)
    if spec.uses_peft:
        loading = "model = PeftModel.from_pretrained(AutoModelForMaskedLM.from_pretrained(base), bundle).eval()\n"
    else:
        loading = "model = AutoModelForMaskedLM.from_pretrained(bundle).eval()\n"
    words = "\n".join(f"    {_py(label)}: {_py(label_words[label])}," for label in manifest["labels"])
    soft = ('        elif part == "{soft}":\n            ids.append(tokenizer.unk_token_id)\n'
            if "{soft}" in parts else "")
    word_ids = "tokenizer(word, add_special_tokens=False).input_ids"
    helper = ""
    if strip_marker:
        word_ids = "word_ids(word)"
        helper = ("\n\ndef word_ids(word):  # without the word-boundary piece the tokenizer puts first\n"
                  "    ids = tokenizer(word, add_special_tokens=False).input_ids\n"
                  "    while len(ids) > 1 and tokenizer.convert_ids_to_tokens(ids[0]) in (\"▁\", \"##\", \"Ġ\"):\n"
                  "        ids = ids[1:]\n"
                  "    return ids\n")
    return loading + f"""# The template's parts, each tokenized on its own as in training. The tsheg after the mask
# belongs to the label words.
parts = {_py(parts)}
label_words = {{  # as they are tokenized at the mask
{words}
}}{helper}


def class_scores(text):
    ids = [tokenizer.cls_token_id]
    for part in parts:
        if part == "{{mask}}":
            mask_at = len(ids)
            ids.append(tokenizer.mask_token_id)
        elif part == "{{text}}":
            ids += tokenizer(text, add_special_tokens=False).input_ids[:{text_budget}]
{soft}        else:
            ids += tokenizer(part, add_special_tokens=False).input_ids
    ids.append(tokenizer.sep_token_id)
    with torch.no_grad():
        log_probs = model(input_ids=torch.tensor([ids])).logits[0, mask_at].log_softmax(-1)
    scores = []
    for label in labels:  # mean log-probability over a word's pieces, log-mean-exp over a class's words
        word_scores = torch.stack([log_probs[{word_ids}].mean()
                                   for word in label_words[label]])
        scores.append(word_scores.logsumexp(0) - math.log(len(word_scores)))
    return torch.stack(scores)
"""


def _prompt_pieces(manifest: dict, tokenizer) -> tuple[list[str], int, dict[str, list[str]], bool]:
    """Return the template parts as the app tokenizes them, the text budget, the label words at
    the mask, and whether the snippet must drop a leading word-boundary piece from them."""
    from .runner import make_normalizer
    from .template import TSHEG, PromptEncoder, parse_template
    from .verbalizer import Verbalizer, encode_verbalizer

    normalizer = make_normalizer(manifest["normalization"])
    template = parse_template(manifest["template"], normalizer=normalizer)
    parts: list[str] = []
    for index, part in enumerate(template.parts):
        if part.kind != "literal":
            parts.append("{" + part.kind + "}")
            continue
        literal = part.value
        if index > 0 and template.parts[index - 1].kind == "mask" and literal.startswith(TSHEG):
            literal = literal[len(TSHEG):]
        if literal.strip():
            parts.append(literal)
    text_budget = PromptEncoder(tokenizer, template, int(manifest["max_length"])).text_budget

    words = Verbalizer.from_mapping(manifest["verbalizer"], normalizer)
    encoded = encode_verbalizer(words, manifest["labels"], tokenizer, template.mask_suffix)
    suffix = template.mask_suffix
    label_words: dict[str, list[str]] = {label: [] for label in manifest["labels"]}
    strip_marker = False
    for word in encoded.words:
        form = word.word if word.word.endswith(suffix) else word.word + suffix
        label_words[word.label].append(form)
        strip_marker |= list(tokenizer(form, add_special_tokens=False)["input_ids"]) != list(word.ids)
    return parts, text_budget, label_words, strip_marker


def _py(value) -> str:
    """Return ``value`` as a Python literal (JSON strings and lists are valid Python)."""
    return json.dumps(value, ensure_ascii=False)
