"""The model card (README.md) of an exported bundle: description, metrics, prompt, and a
snippet that loads the bundle with peft and transformers alone (numpy for the baseline).

The snippet reproduces the app's encoding, so its class scores equal the app's logits. For
prompt methods it tokenizes each template part on its own, cuts the text to the same token
budget, puts the trained soft tokens at their slots, and scores the label words as the app
does. For the TF-IDF baseline it splits syllables and weighs n-grams as the app does.
"""

from __future__ import annotations

import json
from typing import Sequence

from .methods import get_method

# peft adapters that put trained virtual tokens before the input, which moves the mask right.
PREPENDED_ADAPTERS = ("prompt-tuning", "p-tuning")


def model_card(manifest: dict, bundle_name: str, tokenizer, example_text: str) -> str:
    """Return the bundle's README.md: description, metrics, prompt and a loading snippet.

    ``tokenizer`` is the bundle's own, None for a method that reads no model. Prompt methods
    need it to write the template parts and label words as the app tokenizes them.
    ``example_text`` appears in the commands.
    """
    spec = get_method(manifest["method"])
    labels = manifest["labels"]
    source = manifest.get("source_run") or {}
    title = source.get("name") or bundle_name

    sections = [
        _card_front_matter(manifest),
        f"# {title}\n",
        f"A Tibetan text classifier trained with PEFTT Studio {manifest['app_version']} by the method {spec.title} "
        f"(`{spec.name}`) {_card_model_description(manifest)}\n",
        f"Classes, in the order of the outputs: {', '.join(labels)}.\n",
        _card_metrics(manifest.get("metrics") or {}, labels),
    ]
    if spec.uses_template:
        sections.append(_card_prompt(manifest))
    if not spec.uses_model:
        sections.append(_card_baseline_files())
    sections.append(_card_input_text(manifest))
    heading = "## Load with numpy" if not spec.uses_model else "## Load with peft and transformers"
    sections.append(f"{heading}\n\n{_card_snippet_notes(manifest)}```python\n"
                    + loading_snippet(manifest, bundle_name, tokenizer, example_text) + "```\n")
    sections.append(_card_peftt(manifest, bundle_name, example_text))
    return "\n".join(sections)


def _card_model_description(manifest: dict) -> str:
    base = manifest["base_model"]
    if base is None:
        return ("without a language model: a logistic regression on TF-IDF weights of Tibetan syllable n-grams. "
                "It needs no base model.")
    return (f"on the base model `{base['name']}` ({base['model_type']}, hidden size {base['hidden_size']}, "
            f"vocabulary {base['vocab_size']}, fingerprint `{base['fingerprint']}`).")


def _card_front_matter(manifest: dict) -> str:
    spec = get_method(manifest["method"])
    if not spec.uses_model:
        # No library_name: the bundle is plain safetensors and JSON, read with numpy.
        return ("---\nlanguage: bo\ntags:\n- tibetan\n- text-classification\n- peftt-studio\n- tf-idf\n"
                f"- {manifest['method']}\n---\n")
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


def _card_baseline_files() -> str:
    from .methods.baseline import FEATURES_FILE, WEIGHTS_FILE

    return ("## Files\n\n"
            f"- `{FEATURES_FILE}`: the n-gram vocabulary (`terms`, in the order of the weight columns), the IDF "
            "weight of each n-gram (`idf`), the n-gram lengths in syllables (`ngram_range`), and whether counts "
            "are replaced by 1 + log(count) (`sublinear_tf`).\n"
            f"- `{WEIGHTS_FILE}`: the logistic regression's `weight` (classes x n-grams) and `bias` (classes), "
            "float32.\n\n"
            "Syllables end at spaces and at Tibetan punctuation (Unicode category P in U+0F00-U+0FFF: the tsheg, "
            "the shad, head marks), and an n-gram joins its syllables with one space. A text's features are the "
            "counts of its n-grams in the vocabulary, multiplied by their IDF weights and scaled to unit length "
            "(L2), as scikit-learn's `TfidfVectorizer` computes them. The logits are `weight @ features + bias`, "
            "and their softmax gives the class probabilities. With two classes, the regression's one weight row "
            "w is stored as the rows -w/2 and w/2, which give the same probabilities.\n")


def _card_snippet_notes(manifest: dict) -> str:
    """Return the paragraphs that explain where the snippet departs from a plain forward call."""
    spec = get_method(manifest["method"])
    notes = []
    if not spec.uses_model:
        notes.append("The snippet needs numpy and safetensors only, not scikit-learn.")
    if spec.adapter == "prefix" and not spec.uses_template:
        notes.append("peft 0.21's `PeftModel` forward does not run prefix tuning on a sequence classifier with "
                     "transformers 5: it looks for a `past_key_values` argument of the encoder, which "
                     "transformers 5.25 calls `cache`. The snippet therefore takes the trained prefix from peft "
                     "(`get_prompt`) and passes it to the transformers model as its cache, with the attention "
                     "mask widened by the prefix length.")
    if spec.adapter in PREPENDED_ADAPTERS:
        notes.append("peft puts the trained virtual tokens before the input, so the model's outputs have that "
                     "many extra positions first, and the snippet reads the mask that many positions later.")
    if _soft_count(manifest):
        from .methods.soft_tokens import SOFT_TOKENS_FILE

        notes.append('The template\'s `{"soft"}` slots are trained embeddings, stored in '
                     f"`{SOFT_TOKENS_FILE}` (tensor `embedding`, one row per slot in template order). They are "
                     "not vocabulary tokens: the snippet puts a placeholder token at each slot, replaces its input "
                     "embedding by the trained row, and runs the model on `inputs_embeds`.")
    return "".join(note + "\n\n" for note in notes)


def _soft_count(manifest: dict) -> int:
    """Return the number of ``{"soft"}`` slots of the manifest's template (0 without a template)."""
    from .template import parse_template

    if not get_method(manifest["method"]).uses_template:
        return 0
    return parse_template(manifest["template"], require_mask=False).soft_count


def _card_peftt(manifest: dict, bundle_name: str, example_text: str) -> str:
    base = manifest["base_model"]
    base_option = f" --base-model path/to/{base['name']}" if base is not None else ""
    return ("## Load with PEFTT Studio\n\n"
            f"    peftt import {bundle_name}{base_option}\n"
            f"    peftt predict path/to/imported/{bundle_name} --text \"{example_text}\"\n")


def loading_snippet(manifest: dict, bundle_name: str, tokenizer, example_text: str) -> str:
    """Return Python code that loads the bundle with peft and transformers alone (numpy for the baseline).

    The code defines ``class_scores(text)``, which returns one score per class in label order:
    the head's or the regression's logits, or for prompt methods the verbalizer's class scores.
    """
    spec = get_method(manifest["method"])
    example = f"\n\nprint(labels[int(class_scores({_py(example_text)}).argmax())])\n"
    if not spec.uses_model:
        return _baseline_snippet(manifest, bundle_name) + example

    prefix_classifier = spec.adapter == "prefix" and not spec.uses_template
    header = [
        "import inspect" if prefix_classifier else None,
        "import math" if spec.uses_template else None,
        "import torch",
        "from peft import PeftModel" if spec.uses_peft else None,
        "from safetensors.torch import load_file" if _soft_count(manifest) else None,
        "from transformers import {}, AutoTokenizer".format(
            "AutoModelForMaskedLM" if spec.uses_template else "AutoModelForSequenceClassification"),
        "",
        f"base = {_py(manifest['base_model']['name'])}  # your copy of the base model folder",
        f"bundle = {_py(bundle_name)}  # this folder",
        f"labels = {_py(manifest['labels'])}",
        "tokenizer = AutoTokenizer.from_pretrained(bundle)",
    ]
    if spec.uses_template:
        body = _prompt_snippet(manifest, spec, tokenizer)
    elif prefix_classifier:
        body = _prefix_classifier_snippet(manifest)
    else:
        body = _classifier_snippet(manifest, spec)
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


def _prefix_classifier_snippet(manifest: dict) -> str:
    return f"""model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=len(labels))
model = PeftModel.from_pretrained(model, bundle).eval()
classifier = model.get_base_model()
prefix_length = model.active_peft_config.num_virtual_tokens
# Recent transformers releases name the encoder's cache argument `cache`, older ones `past_key_values`.
encoder = getattr(classifier, classifier.base_model_prefix)
cache_name = "cache" if "cache" in inspect.signature(encoder.forward).parameters else "past_key_values"


def class_scores(text):
    inputs = tokenizer(text, truncation=True, max_length={manifest['max_length']}, return_tensors="pt")
    attention_mask = torch.cat([torch.ones(1, prefix_length, dtype=inputs.attention_mask.dtype),
                                inputs.attention_mask], dim=1)
    with torch.no_grad():
        prefix = model.get_prompt(batch_size=1)  # the trained keys and values of every layer
        outputs = classifier(input_ids=inputs.input_ids, attention_mask=attention_mask, **{{cache_name: prefix}})
    return outputs.logits[0]  # one logit per class, in the order of labels
"""


def _prompt_snippet(manifest: dict, spec, tokenizer) -> str:
    from .methods.soft_tokens import SOFT_TOKENS_FILE

    parts, text_budget, label_words, strip_marker = _prompt_pieces(manifest, tokenizer)
    if spec.uses_peft:
        loading = "model = PeftModel.from_pretrained(AutoModelForMaskedLM.from_pretrained(base), bundle).eval()\n"
    else:
        loading = "model = AutoModelForMaskedLM.from_pretrained(bundle).eval()\n"
    mask_offset = ""
    if spec.adapter in PREPENDED_ADAPTERS:
        loading += "virtual_tokens = model.active_peft_config.num_virtual_tokens  # put before the input by peft\n"
        mask_offset = " + virtual_tokens"

    soft_branch = ""
    run_model = "        logits = model(input_ids=torch.tensor([ids])).logits\n"
    if _soft_count(manifest):
        loading += (f'soft_tokens = load_file(f"{{bundle}}/{SOFT_TOKENS_FILE}")["embedding"]  '
                    "# one row per soft slot, in template order\n")
        soft_branch = ('        elif part == "{soft}":\n'
                       "            soft_at.append(len(ids))\n"
                       "            ids.append(tokenizer.unk_token_id)  # a placeholder; its embedding is replaced\n")
        run_model = ("        embeddings = model.get_input_embeddings()(torch.tensor([ids]))\n"
                     "        embeddings[0, soft_at] = soft_tokens\n"
                     "        logits = model(inputs_embeds=embeddings).logits\n")

    words = "\n".join(f"    {_py(label)}: {_py(label_words[label])}," for label in manifest["labels"])
    word_ids = "tokenizer(word, add_special_tokens=False).input_ids"
    helper = ""
    if strip_marker:
        word_ids = "word_ids(word)"
        helper = ("\n\ndef word_ids(word):  # without the word-boundary piece the tokenizer puts first\n"
                  "    ids = tokenizer(word, add_special_tokens=False).input_ids\n"
                  "    while len(ids) > 1 and tokenizer.convert_ids_to_tokens(ids[0]) in (\"▁\", \"##\", \"Ġ\"):\n"
                  "        ids = ids[1:]\n"
                  "    return ids\n")
    soft_list = "    soft_at = []\n" if soft_branch else ""
    return loading + f"""# The template's parts, each tokenized on its own as in training. The tsheg after the mask
# belongs to the label words.
parts = {_py(parts)}
label_words = {{  # as they are tokenized at the mask
{words}
}}{helper}


def class_scores(text):
    ids = [tokenizer.cls_token_id]
{soft_list}    for part in parts:
        if part == "{{mask}}":
            mask_at = len(ids)
            ids.append(tokenizer.mask_token_id)
        elif part == "{{text}}":
            ids += tokenizer(text, add_special_tokens=False).input_ids[:{text_budget}]
{soft_branch}        else:
            ids += tokenizer(part, add_special_tokens=False).input_ids
    ids.append(tokenizer.sep_token_id)
    with torch.no_grad():
{run_model}    log_probs = logits[0, mask_at{mask_offset}].log_softmax(-1)
    scores = []
    for label in labels:  # mean log-probability over a word's pieces, log-mean-exp over a class's words
        word_scores = torch.stack([log_probs[{word_ids}].mean()
                                   for word in label_words[label]])
        scores.append(word_scores.logsumexp(0) - math.log(len(word_scores)))
    return torch.stack(scores)
"""


def _baseline_snippet(manifest: dict, bundle_name: str) -> str:
    from .methods.baseline import FEATURES_FILE, WEIGHTS_FILE

    header = f"""import json
import re
import unicodedata
from collections import Counter

import numpy as np
from safetensors.numpy import load_file

bundle = {_py(bundle_name)}  # this folder
labels = {_py(manifest['labels'])}
with open(f"{{bundle}}/{FEATURES_FILE}", encoding="utf-8") as handle:
    features = json.load(handle)
weights = load_file(f"{{bundle}}/{WEIGHTS_FILE}")  # weight [classes, n-grams], bias [classes]
"""
    return header + r"""column = {term: index for index, term in enumerate(features["terms"])}
idf = np.asarray(features["idf"])
low, high = features["ngram_range"]
# Syllables end at spaces and at Tibetan punctuation (Unicode category P): tsheg, shad, head marks.
punctuation = "".join(chr(code) for code in range(0x0F00, 0x1000) if unicodedata.category(chr(code)).startswith("P"))
boundary = re.compile("[\\s" + re.escape(punctuation) + "]+")


def class_scores(text):
    syllables = [syllable for syllable in boundary.split(text) if syllable]
    ngrams = [" ".join(syllables[start:start + size]) for size in range(low, high + 1)
              for start in range(len(syllables) - size + 1)]
    tfidf = np.zeros(len(column))
    for index, count in Counter(column[ngram] for ngram in ngrams if ngram in column).items():
        tfidf[index] = 1 + np.log(count) if features["sublinear_tf"] else count
    tfidf *= idf
    norm = np.linalg.norm(tfidf)
    if norm > 0:
        tfidf /= norm  # unit length, as TfidfVectorizer(norm="l2")
    return weights["weight"] @ tfidf.astype(np.float32) + weights["bias"]  # one logit per class
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
