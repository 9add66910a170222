"""Reload trained weights from a run folder and predict classes for new Tibetan text."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from .errors import ModelError
from .methods import get_method
from .models import inspect_model_folder, load_tokenizer
from .runner import MANIFEST_NAME, make_normalizer
from .template import PromptEncoder, parse_template, plain_template
from .verbalizer import Verbalizer, encode_verbalizer

log = logging.getLogger(__name__)

# The manifest of an exported bundle (see ``export.py``); run weights folders have ``MANIFEST_NAME``.
BUNDLE_MANIFEST_NAME = "peftt_manifest.json"


@dataclass(frozen=True)
class Prediction:
    """The predicted class of one text, with the probability of every class."""

    text: str
    label: str
    probabilities: dict[str, float]
    # (class, label word) -> mean log-probability of the word's pieces at the mask; None for
    # methods without label words.
    word_scores: dict[tuple[str, str], float] | None


def read_manifest(folder: str | Path) -> dict:
    """Read the manifest of a run weights folder (``peftt_run.json``) or of a bundle (``peftt_manifest.json``)."""
    path = Path(folder) / MANIFEST_NAME
    if not path.is_file():
        path = Path(folder) / BUNDLE_MANIFEST_NAME
    if not path.is_file():
        raise ModelError(f"{folder} has neither {MANIFEST_NAME} nor {BUNDLE_MANIFEST_NAME}, so it is not a trained "
                         "run folder or bundle. Choose the weights folder of a finished run or an exported bundle.")
    return json.loads(path.read_text(encoding="utf-8"))


class Predictor:
    """A trained model ready for prediction, rebuilt from its manifest and weights."""

    def __init__(self, weights_dir: str | Path, base_model_path: str | Path | None = None, device: str = "auto"):
        from .methods.common import BuildContext
        from .trainer import choose_device

        self.weights_dir = Path(weights_dir)
        self.manifest = read_manifest(self.weights_dir)
        self.labels: list[str] = list(self.manifest["labels"])
        self.spec = get_method(self.manifest["method"])
        if not self.spec.uses_model:
            self._load_without_model()
            return
        base_path = base_model_path or self.manifest["base_model"].get("path")
        if base_model_path is None and not (base_path and Path(base_path).expanduser().is_dir()):
            raise ModelError(f"The base model {self.manifest['base_model'].get('name')} of {self.weights_dir} is "
                             f"not at {base_path}. Give its folder as the base model path (--base-model).")
        self.model_info = inspect_model_folder(base_path)
        # The saved tokenizer already carries the run's overrides; passing them again also covers
        # the base folder's tokenizer, used when the run saved none.
        self.tokenizer = load_tokenizer(self._tokenizer_dir(base_path), self.manifest.get("tokenizer_overrides"))
        self.normalizer = make_normalizer(self.manifest["normalization"])

        template, encoded_words = plain_template(), None
        if self.spec.uses_template:
            template = parse_template(self.manifest["template"], normalizer=self.normalizer)
            words = Verbalizer.from_mapping(self.manifest["verbalizer"], self.normalizer)
            encoded_words = encode_verbalizer(words, self.labels, self.tokenizer, template.mask_suffix)
        self.template = template
        self.encoded_verbalizer = encoded_words
        self.encoder = PromptEncoder(self.tokenizer, template, int(self.manifest["max_length"]))

        context = BuildContext(spec=self.spec, model_info=self.model_info, tokenizer=self.tokenizer,
                               labels=self.labels, options=self.spec.options(self.manifest.get("method_options")),
                               template=template, verbalizer=encoded_words)
        self.device = choose_device(device)
        self.model = self.spec.builder().load(context, self.weights_dir).to(self.device).eval()

    def _load_without_model(self) -> None:
        """Reload a method that reads no model folder (the TF-IDF baseline); it runs on the CPU."""
        import torch

        self.model_info, self.tokenizer, self.encoder = None, None, None
        self.normalizer = make_normalizer(self.manifest["normalization"])
        self.template, self.encoded_verbalizer = plain_template(), None
        self.device = torch.device("cpu")
        self.model = self.spec.builder().load(self.weights_dir, self.labels)

    def _tokenizer_dir(self, base_path) -> Path:
        # Run folders keep the tokenizer in tokenizer/, bundles at their root.
        if (self.weights_dir / "tokenizer").is_dir():
            return self.weights_dir / "tokenizer"
        if (self.weights_dir / "tokenizer_config.json").is_file():
            return self.weights_dir
        return Path(base_path)

    def _split(self, texts: Sequence[str]):
        from .trainer import EncodedSplit

        normalized = [self.normalizer.normalize(text) for text in texts]
        encoded = self.encoder.encode(normalized)
        return EncodedSplit(encoded.input_ids, np.zeros(len(texts), dtype=np.int64), encoded.mask_positions)

    def logits(self, texts: Sequence[str], batch_size: int = 128) -> np.ndarray:
        """Class logits for ``texts`` in input order."""
        from .trainer import predict_logits

        if not self.spec.uses_model:
            return self.model.logits([self.normalizer.normalize(text) for text in texts])
        return predict_logits(self.model, self._split(texts), self.tokenizer.pad_token_id, self.device, batch_size)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """Predict the class of each text, with class probabilities and label-word scores."""
        logits = self.logits(texts)
        shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
        probabilities = shifted / shifted.sum(axis=1, keepdims=True)
        word_scores = self.label_word_scores(texts) if self.encoded_verbalizer is not None else None
        label_words = self.label_words
        results = []
        for row, text in enumerate(texts):
            scores = None
            if word_scores is not None:
                scores = {pair: float(word_scores[row, index]) for index, pair in enumerate(label_words)}
            results.append(Prediction(text, self.labels[int(probabilities[row].argmax())],
                                      dict(zip(self.labels, probabilities[row].tolist())), scores))
        return results

    @property
    def label_words(self) -> list[tuple[str, str]]:
        """(class, label word) pairs in verbalizer order; empty for methods without label words."""
        if self.encoded_verbalizer is None:
            return []
        return [(word.label, word.word) for word in self.encoded_verbalizer.words]

    def label_word_scores(self, texts: Sequence[str], batch_size: int = 128) -> np.ndarray:
        """Score every label word at the mask of each text; [texts, label words].

        A word's score is the mean log-probability of its pieces, the value that the
        verbalizer head averages (as probabilities) over the words of each class. Columns
        follow ``label_words``.
        """
        import torch

        from .trainer import collate

        if self.encoded_verbalizer is None:
            raise ModelError(f"The {self.spec.name} method of {self.weights_dir} has no label words to score. "
                             "Label-word scores exist for the prompt methods only.")
        split = self._split(texts)
        outputs = [np.zeros((0, len(self.encoded_verbalizer.words)), dtype=np.float32)]
        with torch.inference_mode():
            for start in range(0, len(texts), batch_size):
                indices = list(range(start, min(start + batch_size, len(texts))))
                batch = collate(split, indices, self.tokenizer.pad_token_id, self.device)
                scores = self.model.label_word_scores(batch["input_ids"], batch["attention_mask"],
                                                      batch["mask_positions"])
                outputs.append(scores.float().cpu().numpy())
        return np.concatenate(outputs)
