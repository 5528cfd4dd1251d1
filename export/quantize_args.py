"""The arguments of `musicvae quantize`, apart from export/quantize.py (which imports onnx) so that
`musicvae quantize --help` works in the live install."""
from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bundle", type=Path, help="a model bundle folder")
    parser.add_argument("--out", type=Path, required=True, help="the int8 bundle folder to create")
    parser.add_argument("--data", type=Path, default=None,
                        help="data folder: measure token agreement on the test windows (else on prior draws)")
    parser.add_argument("--windows", type=int, default=1000, help="test windows compared (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="replace an existing folder")
