"""Masked-LM pre-training on packed blocks with syllable-level whole-word masking.

The loop is shared by ``peftt build-model`` (a new BERT from scratch) and by
:func:`continue_pretraining`, which adapts any local masked LM to more Tibetan text.
Training runs until a time limit, and the learning-rate schedule (warm-up, then linear
decay to zero) is sized to that limit from the measured time per step.

torch and transformers are imported inside functions so that importing this module
stays cheap for the GUI.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import peftt_gui
from peftt_gui.core.errors import ConfigError, DataError, ModelError

if TYPE_CHECKING:
    import numpy as np
    import torch

logger = logging.getLogger(__name__)

PROVENANCE_FILE = "peftt_build.json"
"""Name of the provenance record written into every model folder this module saves."""


@dataclass(frozen=True)
class PretrainingProgress:
    """One progress report of a build or pre-training run.

    ``phase`` is ``"tokenizer"``, ``"tokenize"``, ``"pretrain"``, ``"evaluate"`` or
    ``"save"``. ``total_steps`` is the current plan, re-estimated from the measured
    time per step, so it can change while training runs. ``loss`` is the smoothed
    training MLM loss (``None`` before the first step). Times are in seconds.
    """

    phase: str
    step: int
    total_steps: int
    loss: float | None
    elapsed_s: float
    eta_s: float | None


ProgressCallback = Callable[[PretrainingProgress], None]
StopCallback = Callable[[], bool]


@dataclass(frozen=True)
class PretrainingSettings:
    """Hyperparameters of the masked-LM loop.

    ``time_limit_s`` bounds the training steps together with the held-out evaluations
    before and after them, while tokenization and saving come on top. ``max_steps``
    optionally ends training earlier, after that many optimizer steps, which makes a
    run independent of machine speed (as tests need).
    """

    time_limit_s: float = 900.0
    batch_size: int = 32
    learning_rate: float = 1e-3
    warmup_fraction: float = 0.06
    weight_decay: float = 0.01
    max_grad_norm: float = 1.0
    max_steps: int | None = None
    mask_probability: float = 0.15
    eval_fraction: float = 0.02
    seed: int = 13

    def __post_init__(self):
        if not self.time_limit_s > 0:
            raise ConfigError(f"time_limit_s must be positive, got {self.time_limit_s}.",
                              field="time_limit_s")
        if self.max_steps is not None and self.max_steps < 1:
            raise ConfigError(f"max_steps must be at least 1, got {self.max_steps}.",
                              field="max_steps")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {self.batch_size}.",
                              field="batch_size")
        if not self.learning_rate > 0:
            raise ConfigError(f"learning_rate must be positive, got {self.learning_rate}.",
                              field="learning_rate")
        if not 0 <= self.warmup_fraction < 1:
            raise ConfigError(f"warmup_fraction must be in [0, 1), got {self.warmup_fraction}.",
                              field="warmup_fraction")
        if not 0 < self.mask_probability < 1:
            raise ConfigError(
                f"mask_probability must be between 0 and 1, got {self.mask_probability}.",
                field="mask_probability")
        if not 0 < self.eval_fraction < 0.5:
            raise ConfigError(f"eval_fraction must be between 0 and 0.5, got {self.eval_fraction}.",
                              field="eval_fraction")


@dataclass(frozen=True)
class PretrainingResult:
    """Numbers of one finished masked-LM run.

    Losses are mean cross-entropy per masked token. ``eval_accuracy`` is the share of
    masked held-out tokens predicted exactly. ``initial_eval_loss`` is measured on the
    same held-out blocks and masks before the first step, so it is directly comparable
    with ``eval_loss``. ``stopped`` is true when ``should_stop`` ended training early.
    """

    steps: int
    train_blocks: int
    eval_blocks: int
    block_length: int
    train_tokens: int
    train_seconds: float
    tokens_per_second: float
    final_train_loss: float | None
    initial_eval_loss: float
    eval_loss: float
    eval_accuracy: float
    stopped: bool
    loss_history: list[float] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class ContinuedPretrainingReport:
    """Output folder, base model and training numbers of one :func:`continue_pretraining` run."""

    model_dir: Path
    base_model_dir: Path
    texts: int
    corpus_tokens: int
    total_seconds: float
    pretraining: PretrainingResult


# --- Tokenizing for whole-word masking -------------------------------------------------

@functools.lru_cache(maxsize=None)
def _is_syllable_boundary(char: str) -> bool:
    # The tsheg, the shad and every other punctuation or space end a syllable.
    # Tibetan digits (category Nd) do not, so a number is masked as one unit.
    return char.isspace() or unicodedata.category(char)[0] in "PZ"


def _word_start_flags(text: str, offsets: Sequence[tuple[int, int]]) -> list[bool]:
    """Flag the tokens of ``text`` that begin a new syllable group.

    A group is the smallest run of tokens that covers whole syllables, so masking a
    group masks all pieces of its syllables. A token that spans two syllables joins them
    into one group.
    """
    boundaries_before = [0] * (len(text) + 1)
    for position, char in enumerate(text):
        boundaries_before[position + 1] = boundaries_before[position] + _is_syllable_boundary(char)

    flags = []
    previous_end_syllable = -1
    for start, end in offsets:
        if end <= start:
            flags.append(True)
            previous_end_syllable = -1
            continue
        flags.append(boundaries_before[start] > previous_end_syllable)
        previous_end_syllable = boundaries_before[end - 1]
    return flags


def tokenize_for_mlm(tokenizer: Any, texts: Sequence[str],
                     chunk_size: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    """Tokenize ``texts`` into one token stream with a [SEP] after each text.

    Returns the token ids and a same-length boolean array that marks the first token of
    each syllable group (see :func:`_word_start_flags`). A tokenizer without offset
    mapping (a slow tokenizer) gets every token flagged, which masks single tokens.
    """
    import numpy as np

    sep_id = tokenizer.sep_token_id
    if sep_id is None:
        raise ModelError("The tokenizer has no [SEP] (sep_token) to separate texts in a "
                         "pre-training block. Use a BERT-style tokenizer.")
    ids: list[int] = []
    starts: list[bool] = []
    if not getattr(tokenizer, "is_fast", False):
        logger.warning("Tokenizer %s has no offset mapping: masking single tokens instead "
                       "of whole syllables.", type(tokenizer).__name__)

    for first in range(0, len(texts), chunk_size):
        chunk = list(texts[first:first + chunk_size])
        if getattr(tokenizer, "is_fast", False):
            encoded = tokenizer(chunk, add_special_tokens=False, return_offsets_mapping=True,
                                return_attention_mask=False, return_token_type_ids=False)
            for text, text_ids, offsets in zip(chunk, encoded["input_ids"],
                                               encoded["offset_mapping"]):
                ids.extend(text_ids)
                starts.extend(_word_start_flags(text, offsets))
                ids.append(sep_id)
                starts.append(True)
        else:
            for text in chunk:
                text_ids = tokenizer(text, add_special_tokens=False)["input_ids"]
                ids.extend(text_ids)
                starts.extend([True] * len(text_ids))
                ids.append(sep_id)
                starts.append(True)
    return np.asarray(ids, dtype=np.int64), np.asarray(starts, dtype=bool)


def pack_blocks(ids: np.ndarray, word_starts: np.ndarray, block_length: int,
                cls_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Cut the token stream into blocks of ``block_length``, each opening with [CLS].

    Texts run on across [SEP] inside a block. The tail that does not fill a whole block
    is dropped. Returns ``(input_ids, word_starts)`` tensors of shape (blocks, length).
    """
    import torch

    body = block_length - 1
    count = len(ids) // body
    if count == 0:
        return (torch.empty((0, block_length), dtype=torch.long),
                torch.empty((0, block_length), dtype=torch.bool))
    block_ids = torch.from_numpy(ids[:count * body].reshape(count, body))
    block_starts = torch.from_numpy(word_starts[:count * body].reshape(count, body))
    cls_column = torch.full((count, 1), cls_id, dtype=torch.long)
    return (torch.cat([cls_column, block_ids], dim=1),
            torch.cat([torch.ones((count, 1), dtype=torch.bool), block_starts], dim=1))


# --- Masking ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _MaskingVocabulary:
    mask_id: int
    special_ids: torch.Tensor
    replacement_ids: torch.Tensor


def _masking_vocabulary(tokenizer: Any, vocab_size: int) -> _MaskingVocabulary:
    import torch

    if tokenizer.mask_token_id is None:
        raise ModelError("The tokenizer has no [MASK] token (mask_token), so it cannot be "
                         "used for masked-LM pre-training.")
    special = sorted({i for i in tokenizer.all_special_ids if i is not None and i < vocab_size})
    special_ids = torch.tensor(special, dtype=torch.long)
    is_special = torch.zeros(vocab_size, dtype=torch.bool)
    is_special[special_ids] = True
    return _MaskingVocabulary(mask_id=tokenizer.mask_token_id, special_ids=special_ids,
                              replacement_ids=torch.nonzero(~is_special).flatten())


def mask_whole_syllables(input_ids: torch.Tensor, word_starts: torch.Tensor,
                         vocab: _MaskingVocabulary, probability: float,
                         generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Select syllable groups with ``probability`` and mask all their tokens.

    Of the selected tokens 80% become [MASK], 10% a random non-special token and 10%
    stay as they are (the BERT recipe). Returns ``(inputs, labels)`` with labels -100
    wherever no prediction is wanted.
    """
    import torch

    group_ids = torch.cumsum(word_starts.long(), dim=1)
    group_draws = torch.rand(group_ids.shape[0], group_ids.shape[1] + 1, generator=generator)
    selected = torch.gather(group_draws, 1, group_ids) < probability
    selected &= ~torch.isin(input_ids, vocab.special_ids)
    if not selected.any():
        # An all -100 batch gives a NaN loss, so predict at least one ordinary token.
        candidates = torch.nonzero(~torch.isin(input_ids, vocab.special_ids))
        if len(candidates):
            pick = candidates[torch.randint(len(candidates), (1,), generator=generator)][0]
            selected[pick[0], pick[1]] = True

    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    inputs = input_ids.clone()
    action = torch.rand(input_ids.shape, generator=generator)
    inputs[selected & (action < 0.8)] = vocab.mask_id
    randomize = selected & (action >= 0.8) & (action < 0.9)
    random_ids = vocab.replacement_ids[
        torch.randint(len(vocab.replacement_ids), input_ids.shape, generator=generator)]
    inputs[randomize] = random_ids[randomize]
    return inputs, labels


# --- The training loop -----------------------------------------------------------------

# Prediction-head attributes of transformers masked LMs: BERT ("cls"), RoBERTa and
# XLM-R ("lm_head"), ALBERT ("predictions").
_PREDICTION_HEADS = ("cls", "lm_head", "predictions")
_POSITION_BUCKET = 64


class _StepPlanner:
    """Re-estimate the total step count from the measured time per step.

    The first step is left out of the mean because it carries one-off costs (memory
    allocation, kernel selection). The plan is what fits into the time left, capped at
    ``max_steps``, so the learning rate decays to zero about when training ends.
    """

    def __init__(self, deadline: float, reserve_s: float, max_steps: int | None):
        self.deadline = deadline
        self.reserve_s = reserve_s
        self.max_steps = max_steps
        self.steps = 0
        # Without max_steps, the plan is unknown until the first step has been timed.
        self.planned: int | None = max_steps
        self._first_step_s = 0.0
        self._later_steps_s = 0.0

    def mean_step_s(self) -> float | None:
        if self.steps == 0:
            return None
        if self.steps == 1:
            return self._first_step_s
        return self._later_steps_s / (self.steps - 1)

    def record(self, step_seconds: float) -> None:
        if self.steps == 0:
            self._first_step_s = step_seconds
        else:
            self._later_steps_s += step_seconds
        self.steps += 1
        remaining = self.deadline - self.reserve_s - time.monotonic()
        mean = self.mean_step_s()
        self.planned = self.steps + max(0, int(remaining / mean)) if mean else self.steps
        if self.max_steps is not None:
            self.planned = min(self.planned, self.max_steps)

    def has_time_for_step(self) -> bool:
        # The first step always runs because there is no step time to judge it by yet.
        if self.max_steps is not None and self.steps >= self.max_steps:
            return False
        mean = self.mean_step_s() or 0.0
        return time.monotonic() + mean + self.reserve_s <= self.deadline

    def eta_s(self) -> float | None:
        mean = self.mean_step_s()
        if mean is None or self.planned is None:
            return None
        return max(0.0, (self.planned - self.steps) * mean) + self.reserve_s


def _learning_rate_factor(step: int, planned: int | None, warmup_fraction: float) -> float:
    if planned is None:
        # The first step only times the machine: a full learning rate before any warm-up
        # could throw a freshly initialised model off.
        return 0.0
    warmup = max(1, round(warmup_fraction * planned))
    if step < warmup:
        return (step + 1) / warmup
    return max(0.0, (planned - step) / max(1, planned - warmup))


def _make_optimizer(model: Any, settings: PretrainingSettings):
    import torch

    decay, no_decay = [], []
    for parameter in model.parameters():
        if not parameter.requires_grad:
            continue
        # Biases and LayerNorm weights are not decayed, as in the BERT recipe.
        (no_decay if parameter.ndim < 2 else decay).append(parameter)
    groups = [{"params": decay, "weight_decay": settings.weight_decay},
              {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=settings.learning_rate, betas=(0.9, 0.98), eps=1e-6)


def masked_logits_and_targets(model: Any, inputs: torch.Tensor,
                              labels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Return the masked-LM logits and labels at the masked positions only.

    Running the prediction head on the masked 15% of positions instead of all of them
    saved about 40% of the step time of a 4-layer, hidden-256, 8k-vocabulary BERT
    (measured on 2 CPU cores). The positions are padded to a multiple of
    ``_POSITION_BUCKET`` with label -100, which the loss ignores. A new tensor size on
    every step made the process grow by about 7 MB per step with glibc's allocator.
    Models whose head is not a known single module get the full forward pass.
    """
    import torch

    positions = torch.nonzero(labels.flatten() != -100).flatten()
    padded_count = -(-len(positions) // _POSITION_BUCKET) * _POSITION_BUCKET
    padding = padded_count - len(positions)
    # Padding repeats position 0, and its targets are set to -100.
    positions = torch.cat([positions, torch.zeros(padding, dtype=torch.long)])
    targets = labels.flatten()[positions]
    targets[len(targets) - padding:] = -100

    head = next((getattr(model, name) for name in _PREDICTION_HEADS if hasattr(model, name)), None)
    if head is None or model.base_model is model:
        logits = model(input_ids=inputs).logits
        return logits.flatten(0, 1)[positions], targets
    hidden = model.base_model(input_ids=inputs)[0]
    return head(hidden.flatten(0, 1)[positions]), targets


def evaluate_mlm(model: Any, blocks: torch.Tensor, word_starts: torch.Tensor,
                 vocab: _MaskingVocabulary, settings: PretrainingSettings) -> tuple[float, float]:
    """Return ``(loss, accuracy)`` over masked tokens of the held-out blocks.

    The masks come from a generator seeded from ``settings.seed``, so every call on the
    same blocks masks the same tokens and the numbers are comparable.
    """
    import torch

    generator = torch.Generator().manual_seed(settings.seed + 1)
    loss_sum, correct, counted = 0.0, 0, 0
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        for first in range(0, len(blocks), settings.batch_size):
            inputs, labels = mask_whole_syllables(
                blocks[first:first + settings.batch_size],
                word_starts[first:first + settings.batch_size],
                vocab, settings.mask_probability, generator)
            logits, targets = masked_logits_and_targets(model, inputs, labels)
            loss_sum += torch.nn.functional.cross_entropy(logits, targets, reduction="sum").item()
            correct += (logits.argmax(-1) == targets).sum().item()
            counted += int((targets != -100).sum())
    model.train(was_training)
    return loss_sum / max(1, counted), correct / max(1, counted)


def _split_blocks(blocks: torch.Tensor, word_starts: torch.Tensor,
                  settings: PretrainingSettings):
    import torch

    if len(blocks) < 2:
        raise DataError(f"The corpus fills {len(blocks)} block(s) of {blocks.shape[1]} tokens, "
                        "but pre-training needs at least 2 (one to train on, one to evaluate). "
                        "Add more text or lower max_length.")
    order = torch.randperm(len(blocks), generator=torch.Generator().manual_seed(settings.seed))
    eval_count = max(1, round(settings.eval_fraction * len(blocks)))
    eval_index, train_index = order[:eval_count], order[eval_count:]
    return blocks[train_index], word_starts[train_index], blocks[eval_index], word_starts[eval_index]


def _shuffled_batches(count: int, batch_size: int, generator: torch.Generator):
    """Yield index batches over ``count`` blocks, one reshuffled epoch after another."""
    import torch

    while True:
        order = torch.randperm(count, generator=generator)
        for first in range(0, count, batch_size):
            yield order[first:first + batch_size]


def _train_step(model: Any, optimizer: Any, inputs: torch.Tensor, labels: torch.Tensor,
                learning_rate: float, max_grad_norm: float) -> float:
    """Run one optimizer step at ``learning_rate`` and return its MLM loss."""
    import torch

    for group in optimizer.param_groups:
        group["lr"] = learning_rate
    logits, targets = masked_logits_and_targets(model, inputs, labels)
    loss = torch.nn.functional.cross_entropy(logits, targets)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    return loss.item()


def run_mlm_pretraining(model: Any, tokenizer: Any, blocks: torch.Tensor,
                        word_starts: torch.Tensor, settings: PretrainingSettings, *,
                        progress: ProgressCallback | None = None,
                        should_stop: StopCallback | None = None,
                        clock_origin: float | None = None) -> PretrainingResult:
    """Train ``model`` in place with whole-syllable masked LM until the time limit or max_steps.

    About ``settings.eval_fraction`` of the blocks are held out and evaluated before and
    after training. ``should_stop`` is checked before every optimizer step. Once it
    returns true, no further step runs, but the final evaluation still does, so the
    result describes the weights as they are. Progress reports count elapsed time from
    ``clock_origin`` (a ``time.monotonic()`` value, by default the start of this call),
    so a caller can include its own earlier phases.
    """
    import torch

    started = time.monotonic()
    deadline = started + settings.time_limit_s
    clock_origin = started if clock_origin is None else clock_origin
    vocab = _masking_vocabulary(tokenizer, model.config.vocab_size)
    train_blocks, train_starts, eval_blocks, eval_starts = _split_blocks(blocks, word_starts,
                                                                         settings)

    def report(phase: str, planner: _StepPlanner | None, loss: float | None) -> None:
        if progress is not None:
            progress(PretrainingProgress(
                phase=phase, step=planner.steps if planner else 0,
                total_steps=(planner.planned or 0) if planner else 0, loss=loss,
                elapsed_s=time.monotonic() - clock_origin,
                eta_s=planner.eta_s() if planner else None))

    # The held-out evaluation runs twice, so its measured time is reserved for the second run.
    report("evaluate", None, None)
    initial_loss, _ = evaluate_mlm(model, eval_blocks, eval_starts, vocab, settings)
    planner = _StepPlanner(deadline, reserve_s=time.monotonic() - started,
                           max_steps=settings.max_steps)

    model.train()
    optimizer = _make_optimizer(model, settings)
    generator = torch.Generator().manual_seed(settings.seed)
    batches = _shuffled_batches(len(train_blocks), settings.batch_size, generator)
    losses: list[float] = []
    smoothed: float | None = None
    stopped = False
    train_tokens = 0
    train_started = time.monotonic()

    while planner.has_time_for_step():
        if should_stop is not None and should_stop():
            stopped = True
            break

        step_started = time.monotonic()
        batch = next(batches)
        inputs, labels = mask_whole_syllables(train_blocks[batch], train_starts[batch],
                                              vocab, settings.mask_probability, generator)
        factor = _learning_rate_factor(planner.steps, planner.planned, settings.warmup_fraction)
        value = _train_step(model, optimizer, inputs, labels,
                            settings.learning_rate * factor, settings.max_grad_norm)
        planner.record(time.monotonic() - step_started)

        train_tokens += inputs.numel()
        losses.append(value)
        smoothed = value if smoothed is None else 0.95 * smoothed + 0.05 * value
        report("pretrain", planner, smoothed)

    train_seconds = time.monotonic() - train_started
    report("evaluate", planner, smoothed)
    eval_loss, eval_accuracy = evaluate_mlm(model, eval_blocks, eval_starts, vocab, settings)
    return PretrainingResult(
        steps=planner.steps, train_blocks=len(train_blocks),
        eval_blocks=len(eval_blocks), block_length=blocks.shape[1], train_tokens=train_tokens,
        train_seconds=round(train_seconds, 3),
        tokens_per_second=round(train_tokens / train_seconds, 1) if train_seconds > 0 else 0.0,
        final_train_loss=smoothed, initial_eval_loss=initial_loss, eval_loss=eval_loss,
        eval_accuracy=eval_accuracy, stopped=stopped, loss_history=losses)


# --- Output folders and provenance -----------------------------------------------------

def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def folder_size_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def check_output_folder(out_dir: Path, overwrite: bool) -> None:
    """Raise ``ConfigError`` unless ``out_dir`` may receive a new model folder."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ConfigError(f"The output path {out_dir} is a file. Choose a folder path.",
                          field="out_dir")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not overwrite:
        raise ConfigError(f"The output folder {out_dir} already exists and is not empty. "
                          "Choose another folder or allow overwriting.", field="out_dir")


def make_staging_folder(out_dir: Path) -> Path:
    """Create a hidden sibling of ``out_dir`` to write into before :func:`publish_folder`."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.partial-", dir=out_dir.parent))
    # mkdtemp creates the folder readable by its owner only, unlike a folder from mkdir.
    staging.chmod(0o755)
    return staging


def publish_folder(staging: Path, out_dir: Path, overwrite: bool) -> None:
    """Move a complete ``staging`` folder to ``out_dir``.

    A rename within one file system is atomic, so ``out_dir`` is either absent, the old
    folder or the complete new one. An existing ``out_dir`` is moved aside first and
    deleted after the new folder is in place.
    """
    check_output_folder(out_dir, overwrite)
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
        os.replace(out_dir, old)
    os.replace(staging, out_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_provenance(folder: Path, record: dict[str, Any]) -> None:
    """Write ``record`` as the provenance file, stamped with app version and time (UTC)."""
    stamped = {"app": "peftt-studio", "app_version": peftt_gui.__version__,
               "created_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
               **record}
    (folder / PROVENANCE_FILE).write_text(json.dumps(stamped, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")


def read_provenance(folder: Path) -> dict[str, Any] | None:
    """Return the provenance record of a model folder, or ``None`` when it has none."""
    path = folder / PROVENANCE_FILE
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        logger.warning("Ignoring unreadable provenance file %s: %s", path, error)
        return None


def pretraining_record(settings: PretrainingSettings, result: PretrainingResult) -> dict[str, Any]:
    """Return the provenance section that describes one pre-training run."""
    numbers = asdict(result)
    numbers.pop("loss_history")
    return {"settings": asdict(settings), **numbers}


def set_portable_tokenizer_class(folder: Path) -> None:
    """Record ``PreTrainedTokenizerFast`` as the tokenizer class in ``tokenizer_config.json``.

    transformers 5 writes ``TokenizersBackend`` there, a class that transformers 4.x
    does not have. 5.x loads ``PreTrainedTokenizerFast`` as an alias of the same class,
    so the folder loads in both.
    """
    path = folder / "tokenizer_config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    if config.get("tokenizer_class") in (None, "TokenizersBackend"):
        config["tokenizer_class"] = "PreTrainedTokenizerFast"
        path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def save_model_folder(model: Any, tokenizer: Any, out_dir: Path, overwrite: bool,
                      record: dict[str, Any]) -> int:
    """Save model, tokenizer and provenance ``record`` to ``out_dir`` through a staging folder.

    Returns the size in bytes of the model and tokenizer files, which is also added to
    the provenance as ``size_bytes``. The staging folder is removed if anything fails.
    """
    staging = make_staging_folder(out_dir)
    try:
        model.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        set_portable_tokenizer_class(staging)
        size_bytes = folder_size_bytes(staging)
        write_provenance(staging, {**record, "size_bytes": size_bytes})
        publish_folder(staging, out_dir, overwrite)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return size_bytes


# --- Continuing pre-training of an existing model --------------------------------------

def _usable_block_length(config: Any, max_length: int) -> int:
    limit = getattr(config, "max_position_embeddings", max_length)
    if getattr(config, "model_type", "") in ("roberta", "xlm-roberta", "camembert"):
        # RoBERTa-style positions start after the padding index, so two are unusable.
        limit -= 2
    if max_length > limit:
        raise ConfigError(f"max_length {max_length} exceeds the {limit} positions the model "
                          "supports. Lower max_length.", field="max_length")
    return max_length


def _load_masked_lm(model_dir: Path):
    from transformers import AutoModelForMaskedLM, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
        model = AutoModelForMaskedLM.from_pretrained(model_dir, local_files_only=True)
    except (OSError, ValueError) as error:
        raise ModelError(f"Cannot load a masked LM and its tokenizer from {model_dir}: {error}. "
                         "Choose a folder with config.json, the weights and the tokenizer "
                         "files.") from error
    return tokenizer, model


def continue_pretraining(model_dir: Path, texts: Sequence[str], out_dir: Path,
                         time_limit_s: float, *, max_length: int = 128, batch_size: int = 32,
                         learning_rate: float = 1e-4, seed: int = 13,
                         max_steps: int | None = None, overwrite: bool = False,
                         progress: ProgressCallback | None = None,
                         should_stop: StopCallback | None = None,
                         corpus_files: Sequence[dict[str, Any]] = ()) -> ContinuedPretrainingReport:
    """Continue masked-LM training of the local model in ``model_dir`` on ``texts``.

    This is task-adaptive pre-training: the model keeps its tokenizer and vocabulary.
    ``texts`` are used as given, so normalize them first. The result is written to
    ``out_dir`` (through a hidden staging folder) with the tokenizer and a provenance
    file that names the base model with its fingerprint and fingerprints the texts.
    ``corpus_files``, records such as the name and sha256 of each file the texts came
    from, are stored with them. ``learning_rate`` defaults lower than for a new model
    because the weights are already trained.
    """
    import torch

    from peftt_gui.core.models import fingerprint_folder

    started = time.monotonic()
    model_dir, out_dir = Path(model_dir), Path(out_dir)
    settings = PretrainingSettings(time_limit_s=time_limit_s, batch_size=batch_size,
                                   learning_rate=learning_rate, seed=seed, max_steps=max_steps)
    check_output_folder(out_dir, overwrite)
    texts = [text for text in texts if text.strip()]
    if not texts:
        raise DataError("No text to pre-train on: every given text is empty.")

    logger.info("Continuing pre-training of %s on %d texts for at most %.0f s",
                model_dir, len(texts), time_limit_s)
    tokenizer, model = _load_masked_lm(model_dir)
    block_length = _usable_block_length(model.config, max_length)

    if progress is not None:
        progress(PretrainingProgress("tokenize", 0, 0, None, time.monotonic() - started, None))
    ids, starts = tokenize_for_mlm(tokenizer, texts)
    blocks, block_starts = pack_blocks(ids, starts, block_length, tokenizer.cls_token_id)
    torch.manual_seed(seed)
    result = run_mlm_pretraining(model, tokenizer, blocks, block_starts, settings,
                                 progress=progress, should_stop=should_stop,
                                 clock_origin=started)

    if progress is not None:
        progress(PretrainingProgress("save", result.steps, result.steps,
                                     result.final_train_loss, time.monotonic() - started, 0.0))
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
    save_model_folder(model, tokenizer, out_dir, overwrite, {
        "kind": "continue-pretraining",
        "base_model": {"path": str(model_dir.resolve()), "name": model_dir.name,
                       "fingerprint": fingerprint_folder(model_dir), "provenance": read_provenance(model_dir)},
        "corpus": {"texts": len(texts), "sha256": digest, "tokens": int(len(ids)), "files": list(corpus_files)},
        "pretraining": pretraining_record(settings, result),
        "build_seconds": round(time.monotonic() - started, 1),
    })
    total_seconds = round(time.monotonic() - started, 1)

    logger.info("Saved the further pre-trained model to %s: %d steps, MLM accuracy %.3f",
                out_dir, result.steps, result.eval_accuracy)
    return ContinuedPretrainingReport(model_dir=out_dir, base_model_dir=model_dir,
                                      texts=len(texts), corpus_tokens=int(len(ids)),
                                      total_seconds=total_seconds, pretraining=result)

