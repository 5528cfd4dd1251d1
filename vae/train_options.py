"""The options of one training invocation and their command-line form (`musicvae train`, `python -m vae.train`).

Apart from vae/train.py, which imports torch, so that `musicvae train --help` works in the live install.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass


@dataclass(frozen=True)
class TrainOptions:
    steps: int | None = None  # total steps (overrides the config's)
    max_minutes: float | None = None  # wall-clock budget for this invocation
    seed: int = 0
    resume: bool = False
    threads: int | None = None  # torch CPU threads per rank (default: min(2, cores) / ranks)
    device: str | None = None
    progress: bool = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("config", help="config name (see vae/configs.py) or path of a config JSON file")
    parser.add_argument("--data", required=True, help="data folder written by `musicvae data`")
    parser.add_argument("--out", required=True, help="run directory (checkpoints, metrics, config)")
    parser.add_argument("--steps", type=int, default=TrainOptions.steps,
                        help="total training steps (default: the config's)")
    parser.add_argument("--max-minutes", type=float, default=TrainOptions.max_minutes,
                        help="stop after this much wall-clock time (for equal-time comparisons)")
    parser.add_argument("--seed", type=int, default=TrainOptions.seed, help="default: %(default)s")
    parser.add_argument("--resume", action="store_true", help="continue the run in --out from its newest checkpoint")
    parser.add_argument("--threads", type=int, default=TrainOptions.threads,
                        help="torch threads per process (default: min(2, cores) / ranks)")
    parser.add_argument("--device", default=TrainOptions.device,
                        help="cpu, cuda, cuda:1 ... (default: cuda when present)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def options_from(args: argparse.Namespace) -> TrainOptions:
    return TrainOptions(steps=args.steps, max_minutes=args.max_minutes, seed=args.seed, resume=args.resume,
                        threads=args.threads, device=args.device, progress=not args.no_progress)
