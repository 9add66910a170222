"""Metrics against scikit-learn on random and edge-case predictions."""

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from peftt_gui.core.metrics import classification_metrics


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_metrics_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    gold = rng.integers(0, 6, 300)
    predicted = np.where(rng.random(300) < 0.6, gold, rng.integers(0, 6, 300))
    labels = [f"c{i}" for i in range(6)]
    metrics = classification_metrics(gold, predicted, labels)
    assert metrics.macro_f1 == pytest.approx(f1_score(gold, predicted, average="macro"))
    assert metrics.accuracy == pytest.approx(accuracy_score(gold, predicted))
    assert metrics.confusion == confusion_matrix(gold, predicted, labels=range(6)).tolist()
    per_class = f1_score(gold, predicted, average=None, labels=range(6))
    assert list(metrics.per_class_f1.values()) == pytest.approx(per_class.tolist())


def test_class_predicted_but_absent_counts_as_zero():
    metrics = classification_metrics([0, 0, 1], [0, 2, 1], ["a", "b", "c"])
    assert metrics.per_class_f1["c"] == 0.0
    assert metrics.macro_f1 == pytest.approx(f1_score([0, 0, 1], [0, 2, 1], average="macro"))


def test_empty_split():
    metrics = classification_metrics([], [], ["a", "b"])
    assert metrics.count == 0
    assert metrics.accuracy == 0.0
