"""Builders of tiny model folders in the shapes that users download: CINO, Tibetan-BERT, TiBERT.

The public models are too large for tests. Each builder therefore trains a real tokenizer
of the same kind on Tibetan text and writes a randomly initialised 2-layer model. The files
follow the published layout, in the form older transformers releases wrote:

- CINO as its authors distribute it: XLM-RoBERTa config, a SentencePiece Unigram model
  in ``sentencepiece.bpe.model`` (XLM-R's file name, whatever the algorithm), and the
  weights only as ``pytorch_model.bin``. No tokenizer JSON files.
- CINO as a hub copy: the same plus ``tokenizer.json``, a 4.x-style
  ``tokenizer_config.json``, ``special_tokens_map.json`` and ``model.safetensors``, whose
  weights differ from the ``.bin`` file so a test can tell which file was loaded.
- Tibetan-BERT: BERT config, a WordPiece ``vocab.txt`` in Google's BERT order, and a
  ``tokenizer_config.json`` with BERT's uncased defaults (``do_lower_case`` true,
  ``strip_accents`` null), which strip Tibetan vowel signs and subjoined letters.
- TiBERT: BERT config with the ``BertForPreTraining`` architecture (MLM and next-sentence
  heads), a ``vocab.txt`` converted from a SentencePiece model, no tokenizer config (so
  BERT's uncased defaults apply again), and TensorFlow-era ``LayerNorm.gamma``/``beta`` names.

Assumption for TiBERT: its SentencePiece model was trained on syllables (the tsheg taken as
a separator), and each piece became a WordPiece entry: a piece with the word-start marker
``▁`` is written without it, any other piece gets ``##``. Every character of the training
text is added in both forms, and the tsheg and shad as plain tokens, because BERT's
pre-tokenizer splits Tibetan punctuation into words of their own.
"""

from __future__ import annotations

import io
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from peftt_gui.core.normalize import Normalizer

TSHEG = "\u0f0b"
# A 2-layer model with hidden size 64: seconds to train, enough to exercise every code path.
TINY_SHAPE = {"hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 128}
BERT_SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


@dataclass(frozen=True)
class BuiltFolder:
    """A built model folder and what inspecting it must report."""

    path: Path
    architecture: str
    vocab_size: int
    tokenizer_kind: str
    parameter_count: int        # parameters in the weight file that the app must load
    tokenizer_class: str        # the transformers 5 class that AutoTokenizer must pick


def read_tibetan_texts(path: Path, limit: int) -> list[str]:
    """Read the text column of a ``Label<TAB>text`` file, normalized with the tsheg restored."""
    normalizer = Normalizer()
    texts = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            _, _, text = line.rstrip("\n").partition("\t")
            text = normalizer.normalize(text)
            if text:
                texts.append(text)
            if len(texts) >= limit:
                break
    return texts


def read_folder_training_texts(data_dir: Path) -> list[str]:
    """Read the rows that the look-alike tokenizers are trained on: TNCC-title and TUSA training text."""
    data_dir = Path(data_dir)
    return (read_tibetan_texts(data_dir / "tncc-title" / "train.txt", 3000)
            + read_tibetan_texts(data_dir / "tusa" / "train.txt", 1500))


def train_sentencepiece(texts: list[str], vocab_size: int, model_type: str) -> bytes:
    """Train a SentencePiece model with the library's defaults (nmt_nfkc normalization) and return it."""
    import sentencepiece

    sentencepiece.set_random_generator_seed(7)
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(texts), model_writer=model, vocab_size=vocab_size, model_type=model_type,
        character_coverage=1.0, num_threads=2, minloglevel=2)
    return model.getvalue()


# --- Weights ---------------------------------------------------------------------------

def _randomize(model, seed: int) -> None:
    """Give every parameter a distinct random value, so a weight that fails to load shows."""
    import torch

    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.add_(0.02 * torch.randn(parameter.shape, generator=generator))


def _legacy_state_dict(model, prefix: str, *, gamma_beta: bool = False) -> dict:
    """Return the state dict as transformers 3.x and 4.x saved it: with the position ids buffer.

    With ``gamma_beta``, LayerNorm weights get the names of checkpoints converted from
    TensorFlow (``LayerNorm.gamma``, ``LayerNorm.beta``).
    """
    import torch

    state = dict(model.state_dict())
    positions = model.config.max_position_embeddings
    state[f"{prefix}.embeddings.position_ids"] = torch.arange(positions).unsqueeze(0)
    if gamma_beta:
        state = {name.replace("LayerNorm.weight", "LayerNorm.gamma").replace("LayerNorm.bias", "LayerNorm.beta"):
                 tensor for name, tensor in state.items()}
    return state


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# --- CINO --------------------------------------------------------------------------------

def _cino_config(vocab_size: int) -> dict:
    # The keys of CINO's published config.json (written by transformers 4.x), tiny sizes.
    return {
        "architectures": ["XLMRobertaForMaskedLM"], "attention_probs_dropout_prob": 0.1,
        "bos_token_id": 0, "eos_token_id": 2, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
        "initializer_range": 0.02, "layer_norm_eps": 1e-05, "max_position_embeddings": 514,
        "model_type": "xlm-roberta", "output_past": True, "pad_token_id": 1,
        "position_embedding_type": "absolute", "transformers_version": "4.15.0", "type_vocab_size": 1,
        "use_cache": True, "vocab_size": vocab_size, **TINY_SHAPE,
    }


def build_cino_folder(folder: Path, texts: list[str], *, hub_copy: bool = False, seed: int = 11) -> BuiltFolder:
    """Write a CINO look-alike; ``hub_copy`` adds the tokenizer JSON files and ``model.safetensors``."""
    import torch
    from transformers import AutoTokenizer, XLMRobertaConfig, XLMRobertaForMaskedLM

    folder.mkdir(parents=True, exist_ok=True)
    spm_model = train_sentencepiece(texts, vocab_size=2000, model_type="unigram")
    (folder / "sentencepiece.bpe.model").write_bytes(spm_model)

    # fairseq's dictionary puts <s>, <pad>, </s>, <unk> first, shifts every other SentencePiece
    # id by one and appends <mask>: 2000 pieces (with <unk>, <s>, </s>) make 2002 ids.
    config = _cino_config(vocab_size=2000 + 2)
    _write_json(folder / "config.json", config)

    torch.manual_seed(seed)
    model = XLMRobertaForMaskedLM(XLMRobertaConfig(**config))
    _randomize(model, seed)
    parameter_count = model.num_parameters()
    if not hub_copy:
        torch.save(_legacy_state_dict(model, "roberta"), folder / "pytorch_model.bin")
        return BuiltFolder(folder, "XLMRobertaForMaskedLM", 2002, "SentencePiece (Unigram)", parameter_count,
                           "XLMRobertaTokenizer")

    # The hub copy: model.safetensors contains the weights to load, and the .bin file other ones.
    model.save_pretrained(folder, safe_serialization=True)
    _write_json(folder / "config.json", config)  # save_pretrained rewrote it in the 5.x form
    _randomize(model, seed + 1)
    torch.save(_legacy_state_dict(model, "roberta"), folder / "pytorch_model.bin")

    tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    tokenizer.backend_tokenizer.save(str(folder / "tokenizer.json"))
    mask = {"content": "<mask>", "single_word": False, "lstrip": True, "rstrip": False, "normalized": False}
    names = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "sep_token": "</s>",
             "pad_token": "<pad>", "cls_token": "<s>"}
    _write_json(folder / "special_tokens_map.json", {**names, "mask_token": mask})
    _write_json(folder / "tokenizer_config.json", {
        **names, "mask_token": {**mask, "normalized": True, "__type": "AddedToken"},
        "model_max_length": 512, "sp_model_kwargs": {}, "special_tokens_map_file": None,
        "name_or_path": "hfl/cino-base-v2", "tokenizer_class": "XLMRobertaTokenizer"})
    return BuiltFolder(folder, "XLMRobertaForMaskedLM", 2002, "SentencePiece (Unigram)", parameter_count,
                       "XLMRobertaTokenizer")


# --- Tibetan-BERT --------------------------------------------------------------------------

def _bert_config(architecture: str, vocab_size: int) -> dict:
    # The keys of a config.json written by transformers 4.x for Google's BERT, tiny sizes.
    return {
        "architectures": [architecture], "attention_probs_dropout_prob": 0.1, "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1, "initializer_range": 0.02, "layer_norm_eps": 1e-12,
        "max_position_embeddings": 512, "model_type": "bert", "pad_token_id": 0,
        "position_embedding_type": "absolute", "transformers_version": "4.9.2", "type_vocab_size": 2,
        "use_cache": True, "vocab_size": vocab_size, **TINY_SHAPE,
    }


def train_wordpiece_vocab(texts: list[str], vocab_size: int) -> list[str]:
    """Train a WordPiece vocabulary with BERT's pre-tokenizer on text with its marks intact."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, special_tokens=list(BERT_SPECIAL_TOKENS),
                                        show_progress=False)
    tokenizer.train_from_iterator(texts, trainer)
    pieces = sorted(tokenizer.get_vocab().items(), key=lambda item: item[1])
    return [piece for piece, _ in pieces if piece not in BERT_SPECIAL_TOKENS]


def _write_bert_folder(folder: Path, architecture: str, vocabulary: list[str], seed: int,
                       *, gamma_beta: bool) -> int:
    """Write vocab.txt, config.json and a legacy pytorch_model.bin; return the parameter count."""
    import torch
    from transformers import BertConfig, BertForMaskedLM, BertForPreTraining

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocab.txt").write_text("".join(token + "\n" for token in vocabulary), encoding="utf-8")
    config = _bert_config(architecture, len(vocabulary))
    _write_json(folder / "config.json", config)

    torch.manual_seed(seed)
    model_class = BertForPreTraining if architecture == "BertForPreTraining" else BertForMaskedLM
    model = model_class(BertConfig(**config))
    _randomize(model, seed)
    torch.save(_legacy_state_dict(model, "bert", gamma_beta=gamma_beta), folder / "pytorch_model.bin")
    return model.num_parameters()


def build_tibetan_bert_folder(folder: Path, texts: list[str], *, seed: int = 12) -> BuiltFolder:
    """Write a Tibetan-BERT look-alike: WordPiece vocab.txt and BERT's uncased tokenizer config."""
    # Google's BERT order: [PAD], unused slots, then [UNK] [CLS] [SEP] [MASK] at ids 100-103.
    unused = [f"[unused{index}]" for index in range(99)]
    vocabulary = ["[PAD]", *unused, "[UNK]", "[CLS]", "[SEP]", "[MASK]", *train_wordpiece_vocab(texts, 3000)]
    parameter_count = _write_bert_folder(folder, "BertForMaskedLM", vocabulary, seed, gamma_beta=False)
    _write_json(folder / "tokenizer_config.json", {
        "do_lower_case": True, "strip_accents": None, "tokenize_chinese_chars": True,
        "model_max_length": 512, "tokenizer_class": "BertTokenizer"})
    _write_json(folder / "special_tokens_map.json", {
        "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]",
        "mask_token": "[MASK]"})
    return BuiltFolder(folder, "BertForMaskedLM", len(vocabulary), "WordPiece", parameter_count, "BertTokenizer")


# --- TiBERT ------------------------------------------------------------------------------

def sentencepiece_to_wordpiece(spm_model: bytes, texts: list[str]) -> list[str]:
    """Convert SentencePiece pieces into WordPiece entries (see the module docstring)."""
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(model_proto=spm_model)
    entries: dict[str, None] = {}
    for piece_id in range(processor.get_piece_size()):
        if processor.is_control(piece_id) or processor.is_unknown(piece_id):
            continue
        piece = processor.id_to_piece(piece_id)
        if piece.startswith("\u2581"):
            if piece[1:]:
                entries[piece[1:]] = None
        else:
            entries["##" + piece] = None

    characters = sorted({character for text in texts for character in text if not character.isspace()})
    for character in characters:
        entries.setdefault(character, None)
        if unicodedata.category(character)[0] not in "PZ":
            entries.setdefault("##" + character, None)
    return list(entries)


def build_tibert_folder(folder: Path, texts: list[str], *, seed: int = 13) -> BuiltFolder:
    """Write a TiBERT look-alike: vocab.txt converted from SentencePiece, no tokenizer config."""
    syllables = [" ".join(text.split(TSHEG)) for text in texts]
    spm_model = train_sentencepiece(syllables, vocab_size=2000, model_type="bpe")
    vocabulary = [*BERT_SPECIAL_TOKENS, *sentencepiece_to_wordpiece(spm_model, texts)]
    parameter_count = _write_bert_folder(folder, "BertForPreTraining", vocabulary, seed, gamma_beta=True)
    return BuiltFolder(folder, "BertForPreTraining", len(vocabulary), "WordPiece", parameter_count,
                       "BertTokenizer")
