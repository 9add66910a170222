"""Translatable labels and help texts of the engine's config fields.

The forms take each field's help text from the engine's field metadata and show it
through ``QCoreApplication.translate(HELP_CONTEXT, help)``. lupdate cannot see those
runtime strings, so ``HELP_TEXTS`` repeats them with ``QT_TRANSLATE_NOOP``. A help text
that the engine changes shows in English until it is added here (a test compares the two).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

LABEL_CONTEXT = "ConfigFields"
HELP_CONTEXT = "ConfigHelp"

# Form labels per field name. Fields of the same name in two config classes mean the same.
FIELD_LABELS = {
    # TrainingConfig
    "epochs": QT_TRANSLATE_NOOP("ConfigFields", "Epochs:"),
    "batch_size": QT_TRANSLATE_NOOP("ConfigFields", "Batch size:"),
    "gradient_accumulation": QT_TRANSLATE_NOOP("ConfigFields", "Gradient accumulation:"),
    "learning_rate": QT_TRANSLATE_NOOP("ConfigFields", "Learning rate:"),
    "weight_decay": QT_TRANSLATE_NOOP("ConfigFields", "Weight decay:"),
    "warmup_ratio": QT_TRANSLATE_NOOP("ConfigFields", "Warm-up share:"),
    "max_grad_norm": QT_TRANSLATE_NOOP("ConfigFields", "Gradient clipping norm:"),
    "max_length": QT_TRANSLATE_NOOP("ConfigFields", "Maximum length (tokens):"),
    "seed": QT_TRANSLATE_NOOP("ConfigFields", "Random seed:"),
    "early_stopping_patience": QT_TRANSLATE_NOOP("ConfigFields", "Early stopping patience:"),
    "class_weights": QT_TRANSLATE_NOOP("ConfigFields", "Weight classes by frequency"),
    "eval_batch_size": QT_TRANSLATE_NOOP("ConfigFields", "Evaluation batch size:"),
    "mixed_precision": QT_TRANSLATE_NOOP("ConfigFields", "Mixed precision:"),
    "device": QT_TRANSLATE_NOOP("ConfigFields", "Device:"),
    "log_every": QT_TRANSLATE_NOOP("ConfigFields", "Report the loss every (steps):"),
    "checkpoint_every_epoch": QT_TRANSLATE_NOOP("ConfigFields", "Save a checkpoint after each epoch"),
    # DataConfig
    "text_column": QT_TRANSLATE_NOOP("ConfigFields", "Text column:"),
    "label_column": QT_TRANSLATE_NOOP("ConfigFields", "Label column:"),
    "skip_bad_lines": QT_TRANSLATE_NOOP("ConfigFields", "Skip lines that do not parse"),
    "max_train_rows": QT_TRANSLATE_NOOP("ConfigFields", "Training rows at most:"),
    "max_eval_rows": QT_TRANSLATE_NOOP("ConfigFields", "Validation and test rows at most:"),
    "shots_per_class": QT_TRANSLATE_NOOP("ConfigFields", "Few-shot rows per class:"),
    # LoraOptions
    "r": QT_TRANSLATE_NOOP("ConfigFields", "Rank (r):"),
    "alpha": QT_TRANSLATE_NOOP("ConfigFields", "Alpha:"),
    "dropout": QT_TRANSLATE_NOOP("ConfigFields", "Dropout:"),
    "target_modules": QT_TRANSLATE_NOOP("ConfigFields", "Target modules:"),
    "use_rslora": QT_TRANSLATE_NOOP("ConfigFields", "rsLoRA scaling"),
    "use_dora": QT_TRANSLATE_NOOP("ConfigFields", "DoRA"),
    # IA3Options
    "feedforward_modules": QT_TRANSLATE_NOOP("ConfigFields", "Feed-forward modules:"),
    # PrefixOptions, PromptTuningOptions, PTuningOptions
    "num_virtual_tokens": QT_TRANSLATE_NOOP("ConfigFields", "Virtual tokens:"),
    "prefix_projection": QT_TRANSLATE_NOOP("ConfigFields", "Compute the prefix with a small network"),
    "encoder_hidden_size": QT_TRANSLATE_NOOP("ConfigFields", "Hidden size of that network:"),
    "init_words": QT_TRANSLATE_NOOP("ConfigFields", "Initialise from these words:"),
    "encoder_type": QT_TRANSLATE_NOOP("ConfigFields", "Network:"),
    "encoder_dropout": QT_TRANSLATE_NOOP("ConfigFields", "Dropout in that network:"),
    # BaselineOptions
    "ngram_min": QT_TRANSLATE_NOOP("ConfigFields", "Shortest n-gram (syllables):"),
    "ngram_max": QT_TRANSLATE_NOOP("ConfigFields", "Longest n-gram (syllables):"),
    "min_df": QT_TRANSLATE_NOOP("ConfigFields", "Minimum rows per n-gram:"),
    "max_features": QT_TRANSLATE_NOOP("ConfigFields", "N-grams at most:"),
    "sublinear_tf": QT_TRANSLATE_NOOP("ConfigFields", "Logarithmic n-gram counts"),
    "C": QT_TRANSLATE_NOOP("ConfigFields", "Inverse regularisation (C):"),
    "class_weight": QT_TRANSLATE_NOOP("ConfigFields", "Class weights:"),
    "max_iter": QT_TRANSLATE_NOOP("ConfigFields", "Solver iterations at most:"),
}

# Meaning of an empty optional number, shown in its spin box at the lowest value.
NONE_TEXTS = {
    "max_train_rows": QT_TRANSLATE_NOOP("ConfigFields", "all"),
    "max_eval_rows": QT_TRANSLATE_NOOP("ConfigFields", "all"),
    "shots_per_class": QT_TRANSLATE_NOOP("ConfigFields", "off"),
    "learning_rate": QT_TRANSLATE_NOOP("ConfigFields", "method default"),
    "max_features": QT_TRANSLATE_NOOP("ConfigFields", "all"),
}

# Display names of choice values; values not listed show as they are.
CHOICE_TEXTS = {
    "auto": QT_TRANSLATE_NOOP("ConfigFields", "automatic"),
    "no": QT_TRANSLATE_NOOP("ConfigFields", "off (fp32)"),
    "cpu": QT_TRANSLATE_NOOP("ConfigFields", "CPU"),
    "cuda": QT_TRANSLATE_NOOP("ConfigFields", "CUDA GPU"),
    "mps": QT_TRANSLATE_NOOP("ConfigFields", "Apple GPU (MPS)"),
    "none": QT_TRANSLATE_NOOP("ConfigFields", "none"),
    "balanced": QT_TRANSLATE_NOOP("ConfigFields", "balanced"),
}

HELP_TEXTS = (
    # TrainingConfig
    QT_TRANSLATE_NOOP("ConfigHelp", "Passes over the training set."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Rows per batch on the device."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Batches summed before each optimizer step (effective batch = "
                                    "batch size x this)."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Peak learning rate of AdamW; empty uses the method's default."),
    QT_TRANSLATE_NOOP("ConfigHelp", "AdamW weight decay (not applied to biases and LayerNorm)."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Fraction of the optimizer steps spent warming the learning rate "
                                    "up from 0, before linear decay to 0."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Gradient clipping norm; 0 turns clipping off."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Maximum tokens per row, template included; longer texts are "
                                    "shortened (the template and its mask are kept)."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Random seed for initialisation, shuffling and dropout."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Stop after this many epochs without a better validation "
                                    "macro-F1; 0 turns early stopping off."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Weight the loss by inverse class frequency (helps rare classes)."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Rows per batch during evaluation and prediction."),
    QT_TRANSLATE_NOOP("ConfigHelp", "auto: bf16 or fp16 where the GPU supports it, fp32 on CPU."),
    QT_TRANSLATE_NOOP("ConfigHelp", "auto picks CUDA, then MPS, then CPU."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Optimizer steps between loss reports (fewer host syncs on a GPU)."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Save a resumable checkpoint after each epoch."),
    # DataConfig
    QT_TRANSLATE_NOOP("ConfigHelp", "CSV/JSONL column holding the text."),
    QT_TRANSLATE_NOOP("ConfigHelp", "CSV/JSONL column holding the label."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Skip lines that do not parse, and report how many."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Use at most this many training rows (stratified); empty: all."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Use at most this many validation and test rows; empty: all."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Few-shot: draw this many training rows per class with the seed."),
    # LoraOptions
    QT_TRANSLATE_NOOP("ConfigHelp", "LoRA rank: the inner size of each low-rank update."),
    QT_TRANSLATE_NOOP("ConfigHelp", "LoRA alpha: updates are scaled by alpha / rank."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Dropout on the LoRA input."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Linear layers that get LoRA; empty: the default of the model "
                                    "type (query and value for BERT and XLM-RoBERTa)."),
    QT_TRANSLATE_NOOP("ConfigHelp", "rsLoRA: scale by alpha / sqrt(rank), which keeps high ranks "
                                    "stable."),
    QT_TRANSLATE_NOOP("ConfigHelp", "DoRA: learn a magnitude per output besides the LoRA direction."),
    # IA3Options
    QT_TRANSLATE_NOOP("ConfigHelp", "Linear layers whose activations IA3 rescales; empty: the default "
                                    "of the model type (key, value and output.dense for BERT and "
                                    "XLM-RoBERTa)."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Those target modules that are feed-forward layers, whose input "
                                    "is rescaled instead of their output; empty: output.dense."),
    # PrefixOptions
    QT_TRANSLATE_NOOP("ConfigHelp", "Trainable key and value vectors added before the input in every "
                                    "attention layer."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Compute the prefix with a two-layer network (more trainable "
                                    "weights, often more stable) instead of training it directly."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Hidden size of that network (with the projection only)."),
    # PromptTuningOptions
    QT_TRANSLATE_NOOP("ConfigHelp", "Trainable embeddings put before the input."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Tibetan text whose token embeddings initialise the virtual "
                                    "tokens, repeated to fill them; empty: embeddings of random "
                                    "vocabulary tokens."),
    # PTuningOptions
    QT_TRANSLATE_NOOP("ConfigHelp", "Virtual tokens put before the input."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Network that computes the virtual tokens from their embeddings."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Hidden size of that network."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Dropout inside that network."),
    # BaselineOptions
    QT_TRANSLATE_NOOP("ConfigHelp", "Shortest syllable n-gram used as a feature."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Longest syllable n-gram used as a feature."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Keep n-grams that occur in at least this many training rows."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Keep at most this many n-grams, the most frequent; empty: all."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Use 1 + log(count) instead of the raw count of an n-gram in a "
                                    "row."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Inverse L2 regularisation strength of the logistic regression; "
                                    "larger values fit the training rows more closely."),
    QT_TRANSLATE_NOOP("ConfigHelp", "balanced: weight each class by its inverse frequency, which helps "
                                    "rare classes; none: every row counts the same. The run's class "
                                    "weights setting also turns balancing on."),
    QT_TRANSLATE_NOOP("ConfigHelp", "Maximum iterations of the Newton-CG solver."),
)


def field_label(name: str) -> str:
    """Return the translated form label of a config field (its name if unknown)."""
    label = FIELD_LABELS.get(name)
    return QCoreApplication.translate(LABEL_CONTEXT, label) if label else name + ":"


def field_help(help_text: str) -> str:
    """Return the translation of an engine help text, or the text itself."""
    return QCoreApplication.translate(HELP_CONTEXT, help_text) if help_text else ""


def none_text(name: str) -> str:
    text = NONE_TEXTS.get(name)
    return QCoreApplication.translate(LABEL_CONTEXT, text) if text else ""


def choice_text(value: object) -> str:
    text = CHOICE_TEXTS.get(str(value))
    return QCoreApplication.translate(LABEL_CONTEXT, text) if text else str(value)
