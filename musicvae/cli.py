"""The `musicvae` command: a thin face that imports each part only when its subcommand runs.

Each subcommand lives in a module exposing `add_arguments(parser)` and `run(args) -> int | None`, so
`musicvae serve` never imports torch and `musicvae --help` imports nothing heavy. A module that imports the
training stack declares its arguments in a torch-free module instead (ARGUMENTS), so every `--help` works
in the live install; run without the extra it needs, a subcommand says which one to install. A `run` raises
contract.errors.UserError for anything its user can fix; the exit codes are contract.errors.ExitCode.
"""
from __future__ import annotations

import argparse
import ast
import importlib
import importlib.util
import re
import sys
from importlib import metadata
from pathlib import Path

from contract.errors import ExitCode, UserError

DISTRIBUTION = "musicvae-live"

# name -> (module with add_arguments and run, one-line summary); the module's docstring is the --help text
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "data": ("vae.data", "build token windows (2-bar, 16-bar melody; 2-bar drums) from MIDI and music21"),
    "train": ("vae.train", "train a MusicVAE config on a data folder, with checkpoints and resume"),
    "evaluate": ("vae.evaluate", "test-split reconstruction accuracy, KL and active latent dimensions"),
    "export": ("export.bundle", "checkpoint -> ONNX model bundle with parity check, attributes, coordinates"),
    "quantize": ("export.quantize", "int8 variant of a bundle's decoder (paper-size speed on CPU), with token agreement"),
    "import": ("importer.cli", "Magenta's published checkpoint (magenta.js, TensorFlow, magenta:ID) -> model bundle"),
    "evaluate-latent": ("analysis.evaluate_latent", "interpolation and attribute-vector study of a bundle"),
    "serve": ("server.cli", "start the live OSC server on a model bundle"),
    "bench": ("bench.run", "decode/encode latency of bundles, ORT vs PyTorch, and the OSC round trip"),
    "recipe": ("musicvae.recipe", "rebuild a bundle from scratch: data, training, export (shipped or not)"),
    "examples": ("musicvae.examples", "write listenable MIDI examples and piano-roll PNGs from a bundle"),
}
# Subcommands whose module imports the training stack: their arguments, in a torch-free module.
ARGUMENTS = {"train": "vae.train_options", "evaluate": "vae.evaluate_args", "quantize": "export.quantize_args"}


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
            return ExitCode.OK
        parser.parse_args(argv[:1])  # prints the choices and exits 2
        return ExitCode.USAGE
    name, rest = argv[0], argv[1:]
    module_name, summary = SUBCOMMANDS[name]
    try:
        parser = argparse.ArgumentParser(prog=f"musicvae {name}", description=_docstring(module_name) or summary,
                                         formatter_class=argparse.RawDescriptionHelpFormatter)
        importlib.import_module(ARGUMENTS.get(name, module_name)).add_arguments(parser)
        args = parser.parse_args(rest)
        return int(importlib.import_module(module_name).run(args) or ExitCode.OK)
    except UserError as exc:
        print(f"musicvae {name}: error: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    except ModuleNotFoundError as exc:
        extra = extra_installing(exc.name or "")
        if extra is None:
            raise
        print(f'musicvae {name}: needs the "{extra}" extra ({exc.name} is not installed): '
              f'pip install -e ".[{extra}]"', file=sys.stderr)
        return ExitCode.MISSING_EXTRA
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED


def _docstring(module_name: str) -> str | None:
    """A module's docstring, read from its source without importing it (which may need torch)."""
    spec = importlib.util.find_spec(module_name)
    if spec is None or not spec.origin:
        return None
    return ast.get_docstring(ast.parse(Path(spec.origin).read_text(encoding="utf-8")))


def extra_installing(module: str) -> str | None:
    """The optional extra of this package whose requirements install `module` (top-level import name), read
    from the installed package's metadata, i.e. pyproject.toml's optional-dependencies."""
    try:
        requirements = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return None
    top = module.split(".")[0].lower()
    for requirement in requirements:
        found = re.match(r"\s*([A-Za-z0-9._-]+).*;.*\bextra\s*==\s*['\"]([^'\"]+)['\"]", requirement)
        if found and found.group(1).lower().replace("-", "_") == top:
            return found.group(2)
    return None


if __name__ == "__main__":
    sys.exit(main())
