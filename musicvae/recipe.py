"""Rebuild a model bundle from scratch on a fresh machine: data, training, export, evaluation. The shipped
bundles (models/README.md) are rebuilt to the step they were trained to; the recipes marked "not shipped"
build a bundle this repository does not ship.

Each stage is skipped when its output already exists (pass --fresh to redo everything), so an interrupted
recipe picks up where it stopped; training resumes from its newest checkpoint.

  1. data      musicvae data --out DATA                  (music21 corpus; Hydrogen, MMA, Freedoom and
                                                         OpenMSX drums; cached parse and MMA renders)
  2. train     musicvae train CONFIG --data DATA --out runs/CONFIG --steps N
     finetune  (configs with a second stage, vae.configs.FINETUNES: drums_2bar_small) the same model,
               warm-started from step N of runs/CONFIG, trained into runs/CONFIG.finetune
  3. export    musicvae export RUN --data DATA --out models/CONFIG --force   (RUN: the last stage's run)
  4. evaluate  musicvae evaluate RUN --data DATA --json models/CONFIG/test_metrics.json
               (drums: also python -m analysis.drum_bar models/CONFIG --data DATA, merged into that file)

--steps changes the steps of the last stage: the fine-tune where there is one.

Example:
  musicvae recipe mel_2bar_small
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from contract.errors import UserError


@dataclass(frozen=True)
class Recipe:
    config: str
    steps: int  # training steps of the shipped bundle (models/README.md) or the reported run; of its first stage if two
    seed: int = 0
    not_shipped: str = ""  # why models/ holds no such bundle; empty for a shipped one
    finetune_steps: int = 0  # steps of the second stage (vae.configs.FINETUNES); 0: none

    @property
    def finetune_key(self) -> str:
        """The second stage's run directory name and committed-checkpoint name."""
        return f"{self.config}.finetune"


RECIPES = {r.config: r for r in (
    Recipe("mel_2bar_small", steps=7500),
    Recipe("mel_16bar_hier_small", steps=2453),
    Recipe("mel_16bar_flat_small", steps=2406,
           not_shipped="the flat side of the README's 16-bar comparison: a training run, never exported"),
    Recipe("drums_2bar_small", steps=2000, finetune_steps=23000),
)}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    shipped = ", ".join(name for name, r in RECIPES.items() if not r.not_shipped)
    others = "; ".join(f"{name} (not shipped: {r.not_shipped})" for name, r in RECIPES.items() if r.not_shipped)
    parser.add_argument("config", choices=list(RECIPES), metavar="CONFIG",
                        help=f"the bundle to build: {shipped} (shipped in models/); {others}")
    parser.add_argument("--data", type=Path, default=Path("data"), help="data folder (built if missing)")
    parser.add_argument("--runs", type=Path, default=Path("runs"), help="where training runs go")
    parser.add_argument("--models", type=Path, default=Path("models"), help="where the bundle goes")
    parser.add_argument("--steps", type=int, default=None, help="override the recipe's training steps")
    parser.add_argument("--fresh", action="store_true", help="redo every stage, even those already done")


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from vae.checkpoint import checkpoint_dir
    from vae.configs import finetune_config, get_config

    recipe = RECIPES[args.config]
    first, bundle = args.runs / recipe.config, args.models / recipe.config
    stages = [("data", lambda: _data(args.data, args.fresh, recipe.config))]
    if recipe.finetune_steps:
        last = args.runs / recipe.finetune_key
        second = finetune_config(recipe.config, str(checkpoint_dir(first, recipe.steps)))
        stages += [("train", lambda: _first_stage(recipe, args.data, first, last, args.fresh)),
                   ("finetune", lambda: _train(second, recipe.finetune_key, args.steps or recipe.finetune_steps,
                                                recipe.seed, args.data, last, args.fresh))]
    else:
        last = first
        stages.append(("train", lambda: _train(get_config(recipe.config), recipe.config, args.steps or recipe.steps,
                                               recipe.seed, args.data, first, args.fresh)))
    stages += [("export", lambda: _export(last, args.data, bundle)),
               ("evaluate", lambda: _evaluate(last, args.data, bundle, recipe.config))]
    with tqdm(total=len(stages), desc=f"recipe {recipe.config}", unit="stage", position=0) as bar:
        for name, stage in stages:
            bar.set_postfix_str(name)
            try:
                stage()
            except (FileNotFoundError, FileExistsError, ValueError, RuntimeError) as exc:
                raise UserError(f"{name} failed: {exc}") from exc
            bar.update()
    print(f"rebuilt {bundle}; serve it with: musicvae serve --model {bundle}")
    return 0


def _data(data: Path, fresh: bool, config: str) -> None:
    from vae.data import BuildOptions, build_dataset
    from vae.sources.cache import default_cache_dir

    if (data / "report.json").exists() and not fresh:
        missing = _missing_drum_sources(data, config)
        if not missing:
            print(f"data: {data} exists, kept (--fresh rebuilds it)", file=sys.stderr)
            return
        print(f"data: {data} was built without the drum sources {', '.join(missing)}: rebuilding it",
              file=sys.stderr)
    build_dataset(BuildOptions(out=data, cache_dir=default_cache_dir()))  # the cache `musicvae data` fills


def _missing_drum_sources(data: Path, config: str) -> list[str]:
    """A drum model trains on every drum source: those an existing data folder was built without."""
    from vae.configs import get_config
    from vae.data import DRUM_SOURCES

    if get_config(config).model.codec != "drums":
        return []
    built = json.loads((data / "report.json").read_text()).get("options", {}).get("drum_sources", [])
    return [s for s in DRUM_SOURCES if s not in built]


def _first_stage(recipe: Recipe, data: Path, first: Path, last: Path, fresh: bool) -> None:
    """The first of two stages; not needed once the second has a checkpoint (here or committed)."""
    from musicvae.committed_checkpoint import committed
    from vae.checkpoint import list_checkpoints
    from vae.configs import get_config

    if not fresh and (list_checkpoints(last) or committed(recipe.finetune_key) is not None):
        print(f"train: the second stage has a checkpoint; its first stage ({recipe.steps} steps) is not needed",
              file=sys.stderr)
        return
    _train(get_config(recipe.config), recipe.config, recipe.steps, recipe.seed, data, first, fresh)


def _train(config, key: str, steps: int, seed: int, data: Path, run_dir: Path, fresh: bool) -> None:
    """Train `config` to `steps` in `run_dir`, seeded from (and stored back to) the committed checkpoint
    `key` when there is one."""
    from musicvae.committed_checkpoint import committed, seed_run, store
    from vae.train import TrainOptions, train

    if fresh and run_dir.exists():
        shutil.rmtree(run_dir)
    if not fresh and (seeded := seed_run(key, run_dir)):
        print(f"train: resuming the committed checkpoint {seeded.name}", file=sys.stderr)
    train(config, data, run_dir, TrainOptions(steps=steps, seed=seed, resume=run_dir.exists()))
    if committed(key) is not None:  # a long training kept in git: keep its newest state there
        print(f"train: stored {store(key, run_dir)}", file=sys.stderr)


def _export(run_dir: Path, data: Path, bundle: Path) -> None:
    from export.bundle import ExportOptions, export_bundle

    export_bundle(run_dir, data, bundle, ExportOptions(force=True))


def _evaluate(run_dir: Path, data: Path, bundle: Path, config: str) -> None:
    from vae.configs import get_config
    from vae.evaluate import evaluate_checkpoint, format_table

    metrics = evaluate_checkpoint(run_dir, data)
    print(format_table(metrics, f"{bundle.name} on the full test split"))
    if get_config(config).model.codec == "drums":  # issue 14's bar: per source, prior samples, attributes
        from analysis.drum_bar import bar_section, format_report, measure

        result = measure(bundle, data)
        metrics["bar"] = bar_section(result)
        print(format_report(result))
    (bundle / "test_metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
