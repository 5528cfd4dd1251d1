"""The `musicvae` face: every subcommand explains itself, and the recipes name real configs."""
import subprocess
import sys
from pathlib import Path

import pytest

from contract.errors import ExitCode
from musicvae.cli import SUBCOMMANDS, extra_installing, main

REPO = Path(__file__).resolve().parent.parent


def test_top_level_help_lists_every_subcommand(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in SUBCOMMANDS)


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_each_subcommand_has_help(name, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([name, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert f"musicvae {name}" in out and len(out.splitlines()) > 3


def test_unknown_subcommand_is_an_error_naming_the_choices(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["trian"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# `musicvae ARGS` as in the live install: the training stack and the plot extra cannot be imported.
WITHOUT_EXTRAS = """
import sys
MISSING = {"torch", "music21", "onnx", "onnxscript", "safetensors", "matplotlib"}
class NotInstalled:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in MISSING:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, NotInstalled())
from musicvae.cli import main
sys.exit(main(sys.argv[1:]))
"""


def musicvae_without_extras(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITHOUT_EXTRAS, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_each_help_works_without_the_training_stack(name):
    done = musicvae_without_extras(name, "--help")
    assert done.returncode == 0, done.stderr
    assert f"usage: musicvae {name}" in done.stdout


def test_train_without_torch_names_the_extra_to_install():
    done = musicvae_without_extras("train", "mel_2bar_small", "--data", "d", "--out", "o")
    assert done.returncode == ExitCode.MISSING_EXTRA
    assert done.stderr.strip() == ('musicvae train: needs the "train" extra (torch is not installed): '
                                   'pip install -e ".[train]"')


def test_extras_are_read_from_the_package_metadata():
    assert extra_installing("torch") == extra_installing("music21") == "train"
    assert extra_installing("matplotlib.pyplot") == "plot"
    assert extra_installing("numpy") is None  # a base requirement, not an extra


def test_a_user_error_is_one_line_and_exit_code_1(capsys, tmp_path):
    code = main(["evaluate-latent", str(tmp_path / "no_such_bundle"), "--data", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == ExitCode.ERROR
    assert err.startswith("musicvae evaluate-latent: error: ") and "no_such_bundle" in err
    assert len(err.splitlines()) == 1


def test_recipes_name_registered_configs():
    from musicvae.recipe import RECIPES
    from vae.configs import CONFIGS

    assert set(RECIPES) <= set(CONFIGS)
    assert {"mel_2bar_small", "mel_16bar_hier_small", "drums_2bar_small"} <= set(RECIPES)


def test_recipes_say_which_bundles_are_shipped():
    """A recipe not marked "not shipped" rebuilds a bundle that models/ holds, and the others name why not."""
    from musicvae.recipe import RECIPES

    for name, recipe in RECIPES.items():
        assert (REPO / "models" / name / "manifest.json").exists() == (not recipe.not_shipped), name


def test_a_two_stage_recipe_warm_starts_its_second_stage_from_the_first():
    """drums_2bar_small's bundle is a fine-tune of its 2,000-step run: the same name and model (so the bundle
    and its manifest keep their name), the settings of vae.configs.FINETUNES, warm-started from the first
    stage's checkpoint at the recipe's steps; its runs and committed checkpoint have their own name."""
    from musicvae.recipe import RECIPES
    from vae.configs import FINETUNES, finetune_config, get_config

    recipe = RECIPES["drums_2bar_small"]
    assert recipe.finetune_steps > 0 and recipe.finetune_key == "drums_2bar_small.finetune"
    base, second = get_config("drums_2bar_small"), finetune_config("drums_2bar_small", "runs/x/step-00002000")
    assert second.name == base.name and second.model == base.model and second.dataset == base.dataset
    assert second.train.warm_start == "runs/x/step-00002000" and second.train != base.train
    assert all(getattr(second.train, k) == v for k, v in FINETUNES["drums_2bar_small"].items())
    with pytest.raises(ValueError, match="no second stage"):
        finetune_config("mel_2bar_small", "x")
