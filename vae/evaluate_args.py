"""The arguments of `musicvae evaluate`, apart from vae/evaluate.py (which imports torch) so that
`musicvae evaluate --help` works in the live install."""
from __future__ import annotations

import argparse

from vae.shards import SPLITS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("checkpoint", help="checkpoint directory, or a training run directory (its newest checkpoint)")
    parser.add_argument("--data", required=True, help="data folder written by `musicvae data`")
    parser.add_argument("--split", default="test", choices=SPLITS, help="default: %(default)s")
    parser.add_argument("--json", help="also write the metrics to this JSON file")
    parser.add_argument("--limit", type=int, help="score a fixed random subset of at most this many windows")
    parser.add_argument("--batch-size", type=int, default=256, help="default: %(default)s")
    parser.add_argument("--threads", type=int, default=2, help="torch CPU threads (default: %(default)s)")
