"""Training methods, registered by name. Importing this package registers the built-in ones.

Methods with a classification head live in ``classifier.py``, methods that score label words
at the mask in ``prompt.py``, and the TF-IDF baseline in ``baseline.py``. A plain name trains
a classification head (``lora``, ``ia3``, ``prefix``), and a ``prompt-`` name uses the template
and verbalizer with the same adapter. ``prompt-tuning`` and ``p-tuning`` are registered in the
prompt form only, where the virtual tokens are all that is trained on a frozen masked LM.
"""

from .options import (
    BaselineOptions,
    DoraOptions,
    IA3Options,
    LoraOptions,
    NoOptions,
    PrefixOptions,
    PromptTuningOptions,
    PTuningOptions,
    RsLoraOptions,
)
from .registry import MethodSpec, get_method, list_methods, method_names, register

_CLASSIFIER = "peftt_gui.core.methods.classifier"
_PROMPT = "peftt_gui.core.methods.prompt"

register(MethodSpec(
    name="finetune", title="Full fine-tuning",
    summary="A classification head on the encoder; every weight is trained.",
    uses_template=False, uses_peft=False, options_class=NoOptions,
    module=_CLASSIFIER, default_learning_rate=5e-5))
register(MethodSpec(
    name="prompt", title="Prompt-based fine-tuning",
    summary="A template with one mask and Tibetan label words scored by the MLM head (PET); "
            "every weight is trained.",
    uses_template=True, uses_peft=False, options_class=NoOptions,
    module=_PROMPT, default_learning_rate=5e-5))
register(MethodSpec(
    name="lora", title="LoRA",
    summary="A classification head plus low-rank adapters on the attention projections; only "
            "those are trained and saved.",
    uses_template=False, uses_peft=True, options_class=LoraOptions,
    module=_CLASSIFIER, default_learning_rate=5e-4))
register(MethodSpec(
    name="prompt-lora", title="Prompt + LoRA",
    summary="The prompt method with the encoder frozen and only LoRA adapters trained.",
    uses_template=True, uses_peft=True, options_class=LoraOptions,
    module=_PROMPT, default_learning_rate=5e-4))
# NOTE: the default learning rates from here on are usual starting points for each adapter, not
# values tuned on Tibetan data.
register(MethodSpec(
    name="dora", title="DoRA",
    summary="LoRA with a trained magnitude per output (weight-decomposed LoRA) and a classification head.",
    uses_template=False, uses_peft=True, options_class=DoraOptions,
    module=_CLASSIFIER, default_learning_rate=5e-4))
register(MethodSpec(
    name="rslora", title="rsLoRA",
    summary="LoRA scaled by alpha / sqrt(rank), which keeps high ranks stable, and a classification head.",
    uses_template=False, uses_peft=True, options_class=RsLoraOptions,
    module=_CLASSIFIER, default_learning_rate=5e-4))
register(MethodSpec(
    name="ia3", title="IA3",
    summary="A classification head plus learned vectors that rescale keys, values and feed-forward "
            "activations (IA3); fewer weights than LoRA.",
    uses_template=False, uses_peft=True, options_class=IA3Options,
    module=_CLASSIFIER, default_learning_rate=5e-3))
register(MethodSpec(
    name="prompt-ia3", title="Prompt + IA3",
    summary="The prompt method with the encoder frozen and only IA3 scaling vectors trained.",
    uses_template=True, uses_peft=True, options_class=IA3Options,
    module=_PROMPT, default_learning_rate=5e-3))
register(MethodSpec(
    name="prefix", title="Prefix tuning",
    summary="A classification head plus trained key and value vectors before the input in every layer "
            "(prefix tuning, as in P-tuning v2); the encoder is frozen.",
    uses_template=False, uses_peft=True, options_class=PrefixOptions,
    module=_CLASSIFIER, default_learning_rate=1e-2))
register(MethodSpec(
    name="prompt-prefix", title="Prompt + prefix tuning",
    summary="The prompt method with the masked LM frozen and only a prefix in every layer trained.",
    uses_template=True, uses_peft=True, options_class=PrefixOptions,
    module=_PROMPT, default_learning_rate=1e-2))
register(MethodSpec(
    name="prompt-tuning", title="Soft prompt tuning",
    summary="Trained embeddings before the input, and label words scored at the mask by the frozen masked LM.",
    uses_template=True, uses_peft=True, options_class=PromptTuningOptions,
    module=_PROMPT, default_learning_rate=3e-2))
register(MethodSpec(
    name="p-tuning", title="P-tuning",
    summary="Virtual tokens computed by a small MLP or LSTM before the input, and label words scored at the "
            "mask by the frozen masked LM.",
    uses_template=True, uses_peft=True, options_class=PTuningOptions,
    module=_PROMPT, default_learning_rate=1e-2))
register(MethodSpec(
    name="baseline", title="TF-IDF baseline",
    summary="Logistic regression on TF-IDF weights of Tibetan syllable 1-2-grams; no language model, "
            "trains in seconds.",
    uses_template=False, uses_peft=False, options_class=BaselineOptions,
    module="peftt_gui.core.methods.baseline", default_learning_rate=0.0, engine="sklearn"))

__all__ = ["BaselineOptions", "DoraOptions", "IA3Options", "LoraOptions", "MethodSpec", "NoOptions",
           "PTuningOptions", "PrefixOptions", "PromptTuningOptions", "RsLoraOptions", "get_method",
           "list_methods", "method_names", "register"]
