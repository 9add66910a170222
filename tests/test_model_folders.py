"""Model folders as users have them (CINO, Tibetan-BERT, TiBERT): inspection, tokenizer check, training, export.

The folders are tiny look-alikes built in the session by ``tests/model_folders.py``.
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import numpy as np
import pytest
import torch

from peftt_gui.core.errors import ModelError
from peftt_gui.core.models import (
    inspect_model_folder,
    load_checked_tokenizer,
    load_masked_lm,
    load_tokenizer,
    make_tokenizer_config_portable,
    save_portable_tokenizer,
    sentencepiece_model_type,
)
from peftt_gui.core.tokenizer_check import UNKNOWN_RATE_WARNING, check_tokenizer, normalizer_state

FOLDERS = ["cino_folder", "cino_hub_folder", "tibetan_bert_folder", "tibert_folder"]
# The settings each folder's tokenizer needs overridden to keep Tibetan marks.
EXPECTED_OVERRIDES = {"cino_folder": {}, "cino_hub_folder": {}, "tibetan_bert_folder": {"strip_accents": False},
                      "tibert_folder": {"strip_accents": False}}
# tokenizer_config.json tokenizer_class values that transformers 4.x resolves.
TRANSFORMERS_4_CLASSES = {"PreTrainedTokenizerFast", "BertTokenizer", "BertTokenizerFast", "XLMRobertaTokenizer",
                          "XLMRobertaTokenizerFast", "RobertaTokenizer", "RobertaTokenizerFast",
                          "CamembertTokenizer", "CamembertTokenizerFast"}
# A word whose vowel signs and subjoined letters accent stripping deletes (it becomes བསབས).
MARKED_WORD = "བསྒྲུབས"
# Loads a tokenizer with google.protobuf made unimportable, and prints the class or the error.
LOAD_WITHOUT_PROTOBUF = """
import sys

class BlockProtobuf:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[:2] == ["google", "protobuf"]:
            raise ImportError(name + " is blocked for this test")

sys.meta_path.insert(0, BlockProtobuf())
from peftt_gui.core.errors import ModelError
from peftt_gui.core.models import load_tokenizer
try:
    print("loaded", type(load_tokenizer(sys.argv[1])).__name__)
except ModelError as error:
    print(error)
"""


@pytest.fixture(scope="module")
def validation_texts(tncc_dir):
    """TNCC-title validation titles, normalized like run data."""
    from model_folders import read_tibetan_texts

    return read_tibetan_texts(tncc_dir / "validation.txt", 10_000)


def transformers_4_problems(folder: pathlib.Path) -> list[str]:
    """List what in a saved tokenizer folder transformers 4.x would fail on.

    This inspects tokenizer_config.json against what 4.x reads; it does not run 4.x.
    """
    config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    problems = []
    name = config.get("tokenizer_class")
    if name not in TRANSFORMERS_4_CLASSES:
        problems.append(f"tokenizer_class {name!r} is not a transformers 4.x class")
    if isinstance(config.get("extra_special_tokens"), list):
        problems.append("extra_special_tokens is a list; 4.x calls .keys() on it")
    if not (folder / "tokenizer.json").is_file():
        problems.append("no tokenizer.json, which the 4.x fast classes load")
    slow_files = {"BertTokenizer": "vocab.txt", "XLMRobertaTokenizer": "sentencepiece.bpe.model"}
    if name in slow_files and not (folder / slow_files[name]).is_file():
        problems.append(f"{name} without {slow_files[name]}")
    return problems


# --- Inspection and loading ------------------------------------------------------------

@pytest.mark.parametrize("folder_fixture", FOLDERS)
def test_folder_inspects_and_loads(folder_fixture, request):
    built = request.getfixturevalue(folder_fixture)
    info = inspect_model_folder(built.path)

    assert info.architectures == (built.architecture,)
    assert info.vocab_size == built.vocab_size
    assert info.tokenizer_kind == built.tokenizer_kind
    assert info.parameter_count == built.parameter_count
    assert info.has_mlm_head

    tokenizer = load_tokenizer(built.path)
    assert type(tokenizer).__name__ == built.tokenizer_class
    assert len(tokenizer) == built.vocab_size

    model = load_masked_lm(built.path)
    assert model.config.vocab_size == built.vocab_size
    assert model.get_input_embeddings().weight.shape[0] == len(tokenizer)


@pytest.mark.parametrize("folder_fixture", FOLDERS)
def test_max_positions_fit_model(folder_fixture, request):
    built = request.getfixturevalue(folder_fixture)
    info = inspect_model_folder(built.path)
    model = load_masked_lm(built.path).eval()
    mask_token_id = load_tokenizer(built.path).mask_token_id

    # 512 for both BERT (512 positions) and XLM-R (514 positions, numbered from pad_token_id + 1).
    assert info.max_positions == 512
    with torch.no_grad():
        logits = model(input_ids=torch.full((1, info.max_positions), mask_token_id)).logits
        assert logits.shape == (1, info.max_positions, built.vocab_size)
        with pytest.raises((IndexError, RuntimeError)):
            model(input_ids=torch.full((1, info.max_positions + 1), mask_token_id))


def test_bin_only_folder_notes_legacy_weights(cino_folder):
    info = inspect_model_folder(cino_folder.path)
    assert info.weight_files == ("pytorch_model.bin",)
    assert any("weights_only=True" in note for note in info.notes)


def test_cino_ids_follow_fairseq_offset(cino_folder):
    import sentencepiece

    tokenizer = load_tokenizer(cino_folder.path)
    processor = sentencepiece.SentencePieceProcessor(model_file=str(cino_folder.path / "sentencepiece.bpe.model"))
    text = "བོད་ལྗོངས་ཀྱི་དཔལ་འབྱོར་འཕེལ་རྒྱས།"

    assert tokenizer.convert_tokens_to_ids(["<s>", "<pad>", "</s>", "<unk>"]) == [0, 1, 2, 3]
    assert tokenizer.mask_token_id == processor.get_piece_size() + 1
    assert tokenizer(text, add_special_tokens=False)["input_ids"] == [i + 1 for i in processor.encode(text)]


def test_hub_copy_loads_safetensors_not_bin(cino_hub_folder):
    from safetensors.torch import load_file

    name = "roberta.encoder.layer.0.attention.self.query.weight"
    from_safetensors = load_file(cino_hub_folder.path / "model.safetensors")[name]
    from_bin = torch.load(cino_hub_folder.path / "pytorch_model.bin", weights_only=True)[name]
    assert not torch.equal(from_safetensors, from_bin)

    info = inspect_model_folder(cino_hub_folder.path)
    assert any("model.safetensors is loaded" in note for note in info.notes)
    loaded = load_masked_lm(cino_hub_folder.path).state_dict()[name]
    assert torch.equal(loaded, from_safetensors)


def test_tibert_gamma_beta_names_load(tibert_folder):
    state = torch.load(tibert_folder.path / "pytorch_model.bin", weights_only=True)
    gamma = state["bert.encoder.layer.1.output.LayerNorm.gamma"]
    beta = state["bert.encoder.layer.1.output.LayerNorm.beta"]

    loaded = load_masked_lm(tibert_folder.path).state_dict()
    assert torch.equal(loaded["bert.encoder.layer.1.output.LayerNorm.weight"], gamma)
    assert torch.equal(loaded["bert.encoder.layer.1.output.LayerNorm.bias"], beta)


def test_has_mlm_head_follows_bin_weights(tibetan_bert_folder, tmp_path):
    from transformers import BertConfig, BertModel

    folder = tmp_path / "encoder-only"
    folder.mkdir()
    for name in ("config.json", "vocab.txt", "tokenizer_config.json"):
        shutil.copy(tibetan_bert_folder.path / name, folder / name)
    encoder = BertModel(BertConfig.from_pretrained(folder), add_pooling_layer=False)
    torch.save({f"bert.{name}": tensor for name, tensor in encoder.state_dict().items()},
               folder / "pytorch_model.bin")

    info = inspect_model_folder(folder)
    assert info.architectures == ("BertForMaskedLM",)
    assert not info.has_mlm_head
    assert info.parameter_count == encoder.num_parameters()


def test_sentencepiece_model_type_read_from_proto(cino_folder, folder_training_texts, tmp_path):
    from model_folders import train_sentencepiece

    bpe_model = tmp_path / "sentencepiece.bpe.model"
    bpe_model.write_bytes(train_sentencepiece(folder_training_texts[:500], vocab_size=400, model_type="bpe"))

    assert sentencepiece_model_type(cino_folder.path / "sentencepiece.bpe.model") == "Unigram"
    assert sentencepiece_model_type(bpe_model) == "BPE"
    assert sentencepiece_model_type(tmp_path / "missing.model") is None


def _load_without_protobuf(folder: pathlib.Path) -> str:
    result = subprocess.run([sys.executable, "-c", LOAD_WITHOUT_PROTOBUF, str(folder)], capture_output=True,
                            text=True, check=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    return result.stdout


def test_sentencepiece_conversion_needs_protobuf(cino_folder, cino_hub_folder):
    # Converting sentencepiece.bpe.model parses its protobuf; a tokenizer.json needs no conversion.
    output = _load_without_protobuf(cino_folder.path)
    assert "pip install protobuf" in output
    assert _load_without_protobuf(cino_hub_folder.path).strip() == "loaded XLMRobertaTokenizer"


# --- Legacy weights are loaded safely --------------------------------------------------

class _FileCreatingPayload:
    """A pickle that creates a file when unpickled without restrictions."""

    def __init__(self, marker: pathlib.Path):
        self.marker = marker

    def __reduce__(self):
        return (pathlib.Path.touch, (self.marker,))


def test_bin_with_pickled_object_rejected(tibetan_bert_folder, tmp_path):
    folder = tmp_path / "tampered"
    shutil.copytree(tibetan_bert_folder.path, folder)
    marker = tmp_path / "code-ran"
    state = torch.load(folder / "pytorch_model.bin", weights_only=True)
    state["bert.embeddings.payload"] = _FileCreatingPayload(marker)
    torch.save(state, folder / "pytorch_model.bin")

    info = inspect_model_folder(folder)
    assert info.parameter_count is None
    with pytest.raises(ModelError, match="other than tensors"):
        load_masked_lm(folder)
    assert not marker.exists()


# --- The tokenizer check ---------------------------------------------------------------

@pytest.mark.parametrize("folder_fixture", FOLDERS)
def test_checked_tokenizer_keeps_validation_text(folder_fixture, request, validation_texts):
    built = request.getfixturevalue(folder_fixture)
    tokenizer, report = load_checked_tokenizer(built.path, validation_texts, built.vocab_size)
    print(f"\n{folder_fixture}: {report.summary()}")

    assert report.rows == len(validation_texts)
    assert report.keeps_text, report.warnings
    assert report.lost_characters == {}
    assert report.unknown_rate < UNKNOWN_RATE_WARNING
    assert 10 < report.tokens_per_row_mean < 60
    assert report.tokens_per_row_p95 >= report.tokens_per_row_mean
    assert report.overrides == EXPECTED_OVERRIDES[folder_fixture]
    assert type(tokenizer).__name__ == built.tokenizer_class

    word_ids = tokenizer(MARKED_WORD, add_special_tokens=False)["input_ids"]
    assert "".join(tokenizer.decode(word_ids).split()) == MARKED_WORD


@pytest.mark.parametrize("folder_fixture", ["tibetan_bert_folder", "tibert_folder"])
def test_accent_stripping_named_as_cause(folder_fixture, request, validation_texts):
    built = request.getfixturevalue(folder_fixture)
    report = check_tokenizer(load_tokenizer(built.path), validation_texts[:200])

    assert not report.keeps_text
    assert "\u0f74" in report.lost_characters      # TIBETAN VOWEL SIGN U
    assert "\u0fb2" in report.lost_characters      # TIBETAN SUBJOINED LETTER RA
    assert report.settings_at_fault == ("do_lower_case=True with strip_accents unset, so BERT strips accents too",)
    assert any("Setting at fault" in warning for warning in report.warnings)


def test_override_recorded_in_report(tibetan_bert_folder, validation_texts):
    tokenizer, report = load_checked_tokenizer(tibetan_bert_folder.path, validation_texts[:200])

    assert report.overrides == {"strip_accents": False}
    assert report.settings_at_fault
    assert "strip_accents=False" in report.warnings[0]
    assert normalizer_state(tokenizer)["strip_accents"] is False
    assert normalizer_state(tokenizer)["lowercase"] is True


def test_stripped_vocabulary_keeps_folder_settings(folder_training_texts, tmp_path):
    import unicodedata

    from model_folders import train_wordpiece_vocab

    # A vocabulary built from text whose marks were already stripped: overriding the
    # setting would turn most syllables into unknown tokens.
    def strip_marks(text):
        return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")

    stripped = [strip_marks(text) for text in folder_training_texts[:1500]]
    vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *train_wordpiece_vocab(stripped, 800)]
    (tmp_path / "vocab.txt").write_text("".join(token + "\n" for token in vocabulary), encoding="utf-8")
    (tmp_path / "tokenizer_config.json").write_text(json.dumps({"tokenizer_class": "BertTokenizer"}))

    tokenizer, report = load_checked_tokenizer(tmp_path, folder_training_texts[:300])
    assert report.overrides == {}
    assert normalizer_state(tokenizer)["strip_accents"] is None
    assert any("stripped" in warning for warning in report.warnings)


def test_unknown_rate_warning_lists_text(cino_folder):
    tokenizer = load_tokenizer(cino_folder.path)
    report = check_tokenizer(tokenizer, ["བོད་ལྗོངས། ✪✪✪", "ཆབ་སྲིད་ ✪"])

    assert report.unknown_tokens >= 2
    assert report.unknown_rate > UNKNOWN_RATE_WARNING
    assert any("✪" in text for text in report.unknown_text)
    assert report.keeps_text  # unknown spans are reported as unknown, not as lost text
    assert any("unknown token" in warning for warning in report.warnings)


def test_tokenizer_larger_than_embedding_rejected(cino_folder, tmp_path):
    with pytest.raises(ModelError, match="vocab_size 2001"):
        load_checked_tokenizer(cino_folder.path, ["བོད་ལྗོངས།"], model_vocab_size=2001)


# --- Saved tokenizer configs load in transformers 4.x -----------------------------------

def test_built_model_tokenizer_config_portable(tiny_model_dir):
    assert transformers_4_problems(tiny_model_dir) == []


@pytest.mark.parametrize("folder_fixture", FOLDERS)
def test_saved_tokenizer_config_portable(folder_fixture, request, tmp_path):
    built = request.getfixturevalue(folder_fixture)
    tokenizer, report = load_checked_tokenizer(built.path, ["བོད་ལྗོངས་ཀྱི་སློབ་གསོ།"])
    save_portable_tokenizer(tokenizer, tmp_path)

    assert transformers_4_problems(tmp_path) == []
    reloaded = load_tokenizer(tmp_path)
    assert reloaded.get_vocab() == tokenizer.get_vocab()
    assert reloaded.all_special_ids == tokenizer.all_special_ids
    assert normalizer_state(reloaded) == normalizer_state(tokenizer)


def test_portable_config_moves_special_token_list(tmp_path):
    config = {"tokenizer_class": "XLMRobertaTokenizer", "extra_special_tokens": ["<s>", "</s>"]}
    (tmp_path / "tokenizer_config.json").write_text(json.dumps(config))

    changes = make_tokenizer_config_portable(tmp_path)
    saved = json.loads((tmp_path / "tokenizer_config.json").read_text())
    assert len(changes) == 2
    assert "extra_special_tokens" not in saved
    assert saved["additional_special_tokens"] == ["<s>", "</s>"]
    assert saved["tokenizer_class"] == "XLMRobertaTokenizerFast"


# --- Every method trains on every folder, reloads, exports and imports ------------------

METHODS = ["finetune", "prompt", "lora", "prompt-lora"]


@pytest.fixture(scope="module")
def folder_runs(tmp_path_factory, tncc_dir):
    """Return ``train(built, method)``, which trains once per folder and method (1 epoch, 96 rows).

    It returns the ``RunOutcome`` and the ``RunStorage`` that contains its history row, so that
    the training test and the export tests share one run.
    """
    from test_methods_integration import TEMPLATE, VERBALIZER

    from peftt_gui.core.config import RunConfig
    from peftt_gui.core.runner import run_training
    from peftt_gui.core.storage import RunStorage

    workspace = tmp_path_factory.mktemp("folder-runs")
    storage = RunStorage(workspace / "history.db")
    outcomes = {}

    def train(built, method: str):
        key = (built.path, method)
        if key not in outcomes:
            config = RunConfig(model_path=str(built.path), method=method,
                               data={"folder": str(tncc_dir), "max_train_rows": 96, "max_eval_rows": 32},
                               training={"epochs": 1, "batch_size": 16, "seed": 7}, template=TEMPLATE,
                               verbalizer=VERBALIZER, output_dir=str(workspace / "runs"),
                               method_options={"r": 4} if "lora" in method else {})
            outcomes[key] = run_training(config, storage=storage)
        return outcomes[key], storage

    return train


@pytest.mark.slow
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("folder_fixture", FOLDERS)
def test_method_trains_and_reloads(folder_fixture, method, request, folder_runs):
    from peftt_gui.core.predict import Predictor
    from peftt_gui.core.runner import MANIFEST_NAME
    from peftt_gui.core.trainer import predict_logits

    built = request.getfixturevalue(folder_fixture)
    outcome, storage = folder_runs(built, method)

    # The history and the manifest record the tokenizer check and its overrides.
    record = storage.get_run(outcome.run_id)
    overrides = EXPECTED_OVERRIDES[folder_fixture]
    assert record.status == "finished"
    assert record.extra["tokenizer_overrides"] == overrides
    assert record.extra["tokenizer_check"]["changed_rows"] == 0
    assert any(note.startswith("Tokenizer ") for note in record.extra["notes"])
    weights = pathlib.Path(outcome.weights_dir)
    manifest = json.loads((weights / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["tokenizer_overrides"] == overrides

    # The saved tokenizer carries the override and loads in transformers 4.x too.
    saved_config = json.loads((weights / "tokenizer" / "tokenizer_config.json").read_text(encoding="utf-8"))
    if overrides:
        assert saved_config["strip_accents"] is False
    assert transformers_4_problems(weights / "tokenizer") == []

    # The Predictor reloads the weights and the tokenizer and reproduces the logits.
    texts = [row.text for row in outcome.prepared.splits.test[:6]]
    expected = predict_logits(outcome.model, outcome.prepared.encoded["test"],
                              outcome.prepared.tokenizer.pad_token_id, next(outcome.model.parameters()).device)[:6]
    predictor = Predictor(weights)
    assert normalizer_state(predictor.tokenizer) == normalizer_state(outcome.prepared.tokenizer)
    np.testing.assert_allclose(predictor.logits(texts), expected, atol=1e-5, rtol=1e-4)


@pytest.fixture(scope="module")
def folder_bundles(folder_runs, tmp_path_factory):
    """Return ``export(built, method)``, which exports the run of ``folder_runs`` once, with its check.

    It returns the ``RunOutcome`` and the ``ExportReport``.
    """
    from peftt_gui.core.export import export_run

    workspace = tmp_path_factory.mktemp("folder-bundles")
    reports = {}

    def export(built, method: str):
        outcome, storage = folder_runs(built, method)
        key = (built.path, method)
        if key not in reports:
            bundle = workspace / f"{built.path.parent.name}-{method}"
            reports[key] = export_run(storage.get_run(outcome.run_id), bundle)
        return outcome, reports[key]

    return export


def reload_texts(outcome) -> list[str]:
    """Texts whose logits a reloaded bundle must reproduce: test titles and the export's check texts."""
    from peftt_gui.core.export import CHECK_TEXTS

    return [row.text for row in outcome.prepared.splits.test[:3]] + list(CHECK_TEXTS)


@pytest.mark.slow
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("folder_fixture", FOLDERS)
def test_bundle_exports_and_imports(folder_fixture, method, request, folder_bundles, tmp_path):
    from test_export import model_logits

    from peftt_gui.core.export import EXPORT_TOLERANCE, import_bundle
    from peftt_gui.core.predict import Predictor

    built = request.getfixturevalue(folder_fixture)
    outcome, report = folder_bundles(built, method)
    texts = reload_texts(outcome)

    # The export reloaded the bundle in a fresh process and compared the logits itself.
    assert report.method == method
    assert report.max_logit_difference is not None
    assert report.max_logit_difference <= EXPORT_TOLERANCE

    # The app imports the bundle onto the same folder and predicts as the trained model did.
    imported = import_bundle(report.path, tmp_path / "imported", built.path)
    assert imported.labels == outcome.prepared.splits.labels
    predictor = Predictor(imported.path)
    assert normalizer_state(predictor.tokenizer) == normalizer_state(outcome.prepared.tokenizer)
    np.testing.assert_allclose(predictor.logits(texts), model_logits(outcome, texts), atol=1e-5, rtol=1e-4)


@pytest.mark.slow
@pytest.mark.parametrize("folder_fixture", FOLDERS)
def test_plain_peft_loads_bundles(folder_fixture, request, folder_bundles):
    from test_export import PLAIN_RELOAD, model_logits, run_json

    built = request.getfixturevalue(folder_fixture)
    results = [folder_bundles(built, method) for method in METHODS]
    texts = reload_texts(results[0][0])

    # One process, without the app, runs each bundle's model card snippet on the base folder.
    scores = run_json(PLAIN_RELOAD, str(built.path), json.dumps([str(report.path) for _, report in results]),
                      json.dumps(texts, ensure_ascii=False))

    for method, (outcome, _), method_scores in zip(METHODS, results, scores):
        np.testing.assert_allclose(np.array(method_scores), model_logits(outcome, texts), atol=1e-5, rtol=1e-4,
                                   err_msg=method)
