"""The `musicvae` command: a thin face that imports each part only when its subcommand runs.

Each subcommand lives in a module exposing `add_arguments(parser)` and `run(args) -> int | None`, so
`musicvae serve` never imports torch and `musicvae --help` imports nothing heavy.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# name -> (module, one-line summary, long description)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "data": ("vae.data", "build token windows (2-bar, 16-bar melody; 2-bar drums) from MIDI and music21"),
    "train": ("vae.train", "train a MusicVAE config on a data folder, with checkpoints and resume"),
    "evaluate": ("vae.evaluate", "test-split reconstruction accuracy, KL and active latent dimensions"),
    "export": ("export.bundle", "checkpoint -> ONNX model bundle with parity check, attributes, coordinates"),
    "evaluate-latent": ("analysis.evaluate_latent", "interpolation and attribute-vector study of a bundle"),
    "serve": ("server.cli", "start the live OSC server on a model bundle"),
    "bench": ("bench.run", "decode/encode latency of bundles, ORT vs PyTorch, and the OSC round trip"),
    "recipe": ("musicvae.recipe", "rebuild a shipped bundle from scratch: data, training, export"),
    "examples": ("musicvae.examples", "write listenable MIDI examples and piano-roll PNGs from a bundle"),
}


def _top_parser() -> argparse.ArgumentParser:
    lines = "\n".join(f"  {name:<16} {summary}" for name, (_, summary) in SUBCOMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="musicvae",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="MusicVAE trained in PyTorch, exported to ONNX, played live over OSC.",
        epilog=f"subcommands:\n{lines}\n\nRun `musicvae SUBCOMMAND --help` for each one's options.",
    )
    parser.add_argument("subcommand", nargs="?", choices=list(SUBCOMMANDS), metavar="SUBCOMMAND")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in SUBCOMMANDS:
        parser = _top_parser()
        if not argv or argv[0] in ("-h", "--help"):
            parser.print_help()
            return 0
        parser.parse_args(argv[:1])  # prints the choices and exits 2
        return 2
    name, rest = argv[0], argv[1:]
    module_name, summary = SUBCOMMANDS[name]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(
        prog=f"musicvae {name}",
        description=(module.__doc__ or summary).strip(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    module.add_arguments(parser)
    args = parser.parse_args(rest)
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
