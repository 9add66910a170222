"""Study grids: expansion, resumable runs tagged with the study, aggregation and significance."""

import math

import pytest

from peftt_gui.core import study
from peftt_gui.core.errors import ConfigError
from peftt_gui.core.storage import RunStorage

TEMPLATE = '{"placeholder":"text_a"} འདི་ནི་{"mask"}་ཡིན།'


def small_spec(model_dir, tncc_dir, **overrides):
    values = dict(
        name="unit-study", models=[str(model_dir)], methods=["finetune", "lora"], seeds=[1, 2],
        base={"data": {"folder": str(tncc_dir), "max_train_rows": 96, "max_eval_rows": 36},
              "training": {"epochs": 1, "batch_size": 16}},
        method_options={"lora": {"r": 2}}, include_baseline=False,
    )
    values.update(overrides)
    return study.StudySpec(**values)


def test_grid_skips_templates_for_plain_methods(tmp_path):
    spec = study.StudySpec(name="g", models=["m"], methods=["finetune", "prompt"], seeds=[1, 2],
                           shots_per_class=[None, 8], templates=[TEMPLATE, TEMPLATE + " "],
                           include_baseline=False)
    cells = study.expand_grid(spec)
    assert len([c for c in cells if c.method == "finetune"]) == 2 * 2       # seeds x shots
    assert len([c for c in cells if c.method == "prompt"]) == 2 * 2 * 2     # seeds x shots x templates
    assert len({cell.key for cell in cells}) == len(cells)


def test_spec_adds_baseline_by_default():
    assert study.StudySpec(name="x", models=["m"], methods=["lora"]).methods == ["lora", "baseline"]
    assert study.StudySpec(name="x", models=["m"], methods=["lora"], include_baseline=False).methods == ["lora"]


def test_spec_rejects_unknown_method():
    with pytest.raises(ConfigError) as error:
        study.StudySpec(name="x", models=["m"], methods=["nope"])
    assert "nope" in str(error.value)


def test_spec_file_round_trip(tmp_path):
    spec = study.StudySpec(name="x", models=["m"], methods=["lora"], learning_rates={"lora": 1e-3},
                           include_baseline=False)
    spec.save(tmp_path / "study.json")
    assert study.StudySpec.load(tmp_path / "study.json") == spec


def test_cell_config_sets_seed_shots_and_tag(tiny_model_dir, tncc_dir):
    spec = small_spec(tiny_model_dir, tncc_dir, shots_per_class=[4], learning_rates={"lora": 0.01})
    cell = study.StudyCell(str(tiny_model_dir), "lora", 2, 4, None)
    config = study.cell_config(spec, cell)
    assert config.training.seed == 2
    assert config.training.learning_rate == 0.01
    assert config.data.shots_per_class == 4
    assert config.study == "unit-study"
    assert "study:unit-study" in config.tags
    assert config.method_options == {"r": 2}


def test_study_runs_resumes_and_aggregates(tiny_model_dir, tncc_dir, tmp_path):
    storage = RunStorage(tmp_path / "history.db")
    spec = small_spec(tiny_model_dir, tncc_dir)

    # Stop after two runs, as the Stop button does.
    started = []
    first = study.run_study(spec, storage, progress=lambda update: started.append(update),
                            should_stop=lambda: len([u for u in started if u.cell is not None]) >= 2)
    assert len(first) == 2

    second = study.run_study(spec, storage)
    assert len(second) == 2                       # only the unfinished cells ran
    assert study.run_study(spec, storage) == []   # nothing left to run

    runs = storage.list_runs(study="unit-study")
    assert len(runs) == 4
    assert all(run.status == "finished" for run in runs)

    rows = study.study_results(storage, "unit-study")
    assert [(row.method, row.runs) for row in rows] == [("finetune", 2), ("lora", 2)]
    records = storage.get_runs([run.id for run in runs])
    lora_scores = [r.test_macro_f1 for r in records if r.method == "lora"]
    lora_row = rows[1]
    assert lora_row.mean["test_macro_f1"] == pytest.approx(sum(lora_scores) / 2)
    assert lora_row.mean["trainable_percent"] < 10

    significance = study.compare_methods(storage, "unit-study", "lora", "finetune", resamples=50)
    assert significance.pairs == 2
    assert 0.0 <= significance.p_value_bootstrap <= 1.0
    assert math.isnan(significance.p_value_seeds) or 0.0 <= significance.p_value_seeds <= 1.0

    header, cells = study.results_table(rows)
    markdown = study.to_markdown(header, cells)
    assert markdown.splitlines()[0].startswith("| model | method")
    assert f"{lora_row.mean['test_macro_f1']:.4f}" in markdown
    latex = study.to_latex(header, cells)
    assert r"\pm" in latex
    assert "macro-F1" in latex
    assert study.to_csv(header, cells).splitlines()[1].split(",")[1] == "finetune"


def test_few_shot_draws_k_per_class(tiny_model_dir, tncc_dir, tmp_path):
    storage = RunStorage(tmp_path / "history.db")
    spec = small_spec(tiny_model_dir, tncc_dir, methods=["lora"], seeds=[3], shots_per_class=[2],
                      base={"data": {"folder": str(tncc_dir), "max_eval_rows": 36},
                            "training": {"epochs": 1, "batch_size": 8}})
    (run_id,) = study.run_study(spec, storage)
    record = storage.get_run(run_id)
    assert record.config["data"]["shots_per_class"] == 2
    assert any("2 training rows per class" in note for note in record.extra["notes"])


def test_cli_compares_methods_at_each_few_shot_size(tiny_model_dir, tncc_dir, tmp_path, capsys):
    from peftt_gui.cli import main

    spec = small_spec(tiny_model_dir, tncc_dir, name="few-cli", seeds=[3], shots_per_class=[2, 4],
                      base={"data": {"folder": str(tncc_dir), "max_eval_rows": 36},
                            "training": {"epochs": 1, "batch_size": 8}}, method_options={"lora": {"r": 2}})
    spec.save(tmp_path / "study.json")
    history = str(tmp_path / "history.db")
    assert main(["--history", history, "study", str(tmp_path / "study.json"), "--compare", "lora,finetune"]) == 0

    output = capsys.readouterr().out
    lines = [line for line in output.splitlines() if line.startswith("lora vs finetune")]
    assert [line.split(":")[0] for line in lines] == ["lora vs finetune, k=2", "lora vs finetune, k=4"]
    storage = RunStorage(history)
    for shots, line in zip((2, 4), lines):
        expected = study.compare_methods(storage, "few-cli", "lora", "finetune", shots=shots)
        assert f"{expected.mean_difference:+.4f} over 1 pairs" in line

    # A pair of methods that never ran together is an error, not an empty line.
    assert main(["--history", history, "study", str(tmp_path / "study.json"), "--results-only",
                 "--compare", "lora,prompt"]) == 2
    assert "no finished runs of both lora and prompt" in capsys.readouterr().err
