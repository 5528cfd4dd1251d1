"""Import one of Magenta's published MusicVAE checkpoints as a model bundle the server plays.

SOURCE is a magenta.js checkpoint folder (config.json, weights_manifest.json, shards), a TensorFlow
checkpoint (PREFIX of PREFIX.index, a folder holding one, or Magenta's .tar), or magenta:ID, which
downloads a published id into a cache folder first (needs a connection; see the README for the ids).
The config is read from the checkpoint's own config.json and tensor shapes; a TensorFlow checkpoint does
not record its length, so it needs --bars.

Examples:
  musicvae import ~/Downloads/mel_2bar_small --out models/magenta_mel_2bar_small --data data
  musicvae import magenta:mel_16bar_small_q2 --out models/magenta_mel_16bar_small
  musicvae import cat-mel_2bar_big.tar --bars 2 --out models/magenta_mel_2bar_big
"""
from __future__ import annotations

import argparse
from pathlib import Path

from contract.errors import UserError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help="magenta.js folder, TF checkpoint prefix/folder/.tar, or magenta:ID")
    parser.add_argument("--out", type=Path, required=True, help="bundle folder to create, e.g. models/NAME")
    parser.add_argument("--name", default="", help="model name in the manifest (default: the --out folder's name)")
    parser.add_argument("--data", type=Path, default=None,
                        help="data folder from `musicvae data`: attribute vectors and coordinates from real music")
    parser.add_argument("--bars", type=int, default=None, help="bars the model spans (TensorFlow checkpoints only)")
    parser.add_argument("--steps-per-bar", type=int, default=16, help="16th-note steps per bar (TF checkpoints)")
    parser.add_argument("--parity-windows", type=int, default=64, help="windows checked against PyTorch")
    parser.add_argument("--latent-windows", type=int, default=2000, help="data windows encoded for coordinates")
    parser.add_argument("--cache", type=Path, default=None, help="where magenta:ID downloads go")
    parser.add_argument("--force", action="store_true", help="replace an existing bundle folder")


def run(args: argparse.Namespace) -> int:
    from importer.bundle import ImportOptions, import_bundle

    options = ImportOptions(name=args.name, data=args.data, bars=args.bars, steps_per_bar=args.steps_per_bar,
                            parity_windows=args.parity_windows, latent_windows=args.latent_windows,
                            force=args.force, cache=args.cache)
    try:
        manifest = import_bundle(args.source, args.out, options)
    except (FileNotFoundError, FileExistsError, ValueError, RuntimeError) as exc:  # CheckpointError is a ValueError
        raise UserError(exc) from exc
    parity = manifest["parity"]
    attributes = ", ".join(manifest["attributes"]) or "none"
    print(f"wrote {args.out}: {manifest['name']} ({manifest['codec']}, {manifest['num_steps']} steps, z "
          f"{manifest['z_size']}) from {args.source}; parity over {parity['windows']} windows: mu diff "
          f"{parity['mu_max_abs_diff']:.2g}, argmax mismatches {parity['argmax_token_mismatches']}; "
          f"attributes: {attributes}")
    return 0
