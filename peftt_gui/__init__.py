"""PEFTT Studio: adapt Tibetan pre-trained language models to classification tasks."""

__version__ = "0.1.0"
