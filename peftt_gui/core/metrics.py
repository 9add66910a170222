"""Classification metrics computed over a whole split with the run's fixed label list."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Sequence

import numpy as np


@dataclass(frozen=True)
class ClassificationMetrics:
    """Metrics of one split: macro-F1 is the headline figure because classes are unbalanced."""

    macro_f1: float
    accuracy: float
    per_class_f1: dict[str, float]
    confusion: list[list[int]]
    support: dict[str, int]
    count: int

    def to_dict(self) -> dict:
        return asdict(self)


def confusion_matrix(gold: Sequence[int], predicted: Sequence[int], num_classes: int) -> np.ndarray:
    """Return the ``num_classes`` x ``num_classes`` matrix with gold classes as rows."""
    gold_array = np.asarray(gold, dtype=np.int64)
    predicted_array = np.asarray(predicted, dtype=np.int64)
    flat = gold_array * num_classes + predicted_array
    return np.bincount(flat, minlength=num_classes * num_classes).reshape(num_classes, num_classes)


def classification_metrics(gold: Sequence[int], predicted: Sequence[int],
                           labels: Sequence[str]) -> ClassificationMetrics:
    """Compute macro-F1, accuracy, per-class F1 and the confusion matrix.

    Every class of ``labels`` counts towards macro-F1, including classes absent from this
    split (their F1 is 0 when they are predicted, and they are left out when they are neither
    present nor predicted, as scikit-learn does for labels never seen).
    """
    num_classes = len(labels)
    matrix = confusion_matrix(gold, predicted, num_classes)
    true_positive = np.diag(matrix).astype(np.float64)
    gold_count = matrix.sum(axis=1).astype(np.float64)
    predicted_count = matrix.sum(axis=0).astype(np.float64)

    denominator = gold_count + predicted_count
    f1 = np.divide(2 * true_positive, denominator, out=np.zeros(num_classes), where=denominator > 0)
    present = denominator > 0
    macro_f1 = float(f1[present].mean()) if present.any() else 0.0
    total = int(matrix.sum())
    accuracy = float(true_positive.sum() / total) if total else 0.0

    return ClassificationMetrics(
        macro_f1=macro_f1,
        accuracy=accuracy,
        per_class_f1={label: float(f1[i]) for i, label in enumerate(labels)},
        confusion=matrix.tolist(),
        support={label: int(gold_count[i]) for i, label in enumerate(labels)},
        count=total,
    )
