"""The `musicvae` face: every subcommand explains itself, and the recipes name real configs."""
import subprocess
import sys
from pathlib import Path

import pytest

from musicvae.cli import SUBCOMMANDS, main

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


def test_serve_help_does_not_import_torch():
    """The live side never needs the training stack."""
    code = ("import sys; sys.modules['torch'] = None\n"
            "from musicvae.cli import main\n"
            "try:\n    main(['serve', '--help'])\nexcept SystemExit as e:\n    sys.exit(e.code)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_recipes_name_registered_configs():
    from musicvae.recipe import RECIPES
    from vae.configs import CONFIGS

    assert set(RECIPES) <= set(CONFIGS)
    assert {"mel_2bar_small", "mel_16bar_hier_small", "drums_2bar_small"} <= set(RECIPES)
