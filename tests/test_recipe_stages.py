"""A two-stage recipe end to end on the tiny data: the first stage trains, the second is warm-started from
its checkpoint at the recipe's steps, and the bundle is exported from the second under the config's name.
Run again, it redoes nothing: the first stage is skipped once the second has a checkpoint."""
from __future__ import annotations

import argparse
import json

from vae.configs import tiny_config


def test_a_two_stage_recipe_ships_its_second_stage(tiny_data_dir, tmp_path, monkeypatch, capsys):
    from musicvae import recipe as R
    from vae import configs as C
    from vae.checkpoint import list_checkpoints

    name = "tiny_two_stage"
    monkeypatch.setitem(C.CONFIGS, name, tiny_config(name, steps=4, checkpoint_every=2, eval_every=2,
                                                     eval_windows=32))
    monkeypatch.setitem(C.FINETUNES, name, dict(learning_rate=1e-3, checkpoint_every=3, eval_every=3))
    recipe = R.Recipe(name, steps=4, finetune_steps=3)
    monkeypatch.setitem(R.RECIPES, name, recipe)
    args = argparse.Namespace(config=name, data=tiny_data_dir, runs=tmp_path / "runs", models=tmp_path / "models",
                              steps=None, fresh=False)

    assert R.run(args) == 0
    first, second = tmp_path / "runs" / name, tmp_path / "runs" / recipe.finetune_key
    assert list_checkpoints(first)[-1].name == "step-00000004"
    assert list_checkpoints(second)[-1].name == "step-00000003"
    run_config = json.loads((second / "config.json").read_text())
    assert run_config["name"] == name and run_config["train"]["learning_rate"] == 1e-3
    assert run_config["train"]["warm_start"] == str(first / "checkpoints" / "step-00000004")
    manifest = json.loads((tmp_path / "models" / name / "manifest.json").read_text())
    assert manifest["name"] == name and manifest["training"]["checkpoint"]["step"] == 3

    capsys.readouterr()
    assert R.run(args) == 0
    assert "first stage (4 steps) is not needed" in capsys.readouterr().err
    assert list_checkpoints(second)[-1].name == "step-00000003"
