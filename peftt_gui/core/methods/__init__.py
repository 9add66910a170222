"""Training methods, registered by name. Importing this package registers the built-in ones."""

from .registry import LoraOptions, MethodSpec, NoOptions, get_method, list_methods, method_names, register

register(MethodSpec(
    name="finetune", title="Full fine-tuning",
    summary="A classification head on the encoder; every weight is trained.",
    uses_template=False, uses_peft=False, options_class=NoOptions,
    module="peftt_gui.core.methods.classifier", default_learning_rate=5e-5))
register(MethodSpec(
    name="prompt", title="Prompt-based fine-tuning",
    summary="A template with one mask and Tibetan label words scored by the MLM head (PET); "
            "every weight is trained.",
    uses_template=True, uses_peft=False, options_class=NoOptions,
    module="peftt_gui.core.methods.prompt", default_learning_rate=5e-5))
register(MethodSpec(
    name="lora", title="LoRA",
    summary="A classification head plus low-rank adapters on the attention projections; only "
            "those are trained and saved.",
    uses_template=False, uses_peft=True, options_class=LoraOptions,
    module="peftt_gui.core.methods.classifier", default_learning_rate=5e-4))
register(MethodSpec(
    name="prompt-lora", title="Prompt + LoRA",
    summary="The prompt method with the encoder frozen and only LoRA adapters trained.",
    uses_template=True, uses_peft=True, options_class=LoraOptions,
    module="peftt_gui.core.methods.prompt", default_learning_rate=5e-4))

__all__ = ["LoraOptions", "MethodSpec", "NoOptions", "get_method", "list_methods", "method_names", "register"]
