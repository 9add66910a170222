"""Command-line behaviour that the engine tests do not reach."""

from pathlib import Path

from peftt_gui import cli
from peftt_gui.core.pretraining import PretrainingProgress


def test_build_model_progress_prints(monkeypatch, tmp_path, capsys):
    seen = {}

    def fake_build(corpus_files, out_dir, *, progress, **settings):
        progress(PretrainingProgress("tokenizer", 0, 0, None, 0.5, None))
        progress(PretrainingProgress("pretrain", 3, 10, 7.25, 2.0, 6.0))
        seen["settings"] = settings
        return type("Report", (), {"model_dir": out_dir, "steps": 3})()

    monkeypatch.setattr("peftt_gui.core.build_model.build_local_model", fake_build)
    code = cli.main(["build-model", "--corpus", str(tmp_path / "c.txt"), "--out", str(tmp_path / "m"),
                     "--layers", "2", "--time-limit", "30"])
    captured = capsys.readouterr()
    assert code == 0
    assert "pre-training 3/10 (30%) loss 7.250" in captured.err
    assert seen["settings"]["layers"] == 2
    assert seen["settings"]["time_limit_s"] == 30.0
    assert f"Model written to {Path(tmp_path / 'm')}" in captured.out
