"""Decode speed of paper-size models on this CPU, fp32 against the int8 variant: the measurement lives in
bench/paper_size.py (also `musicvae bench --paper-size`); this script writes results/paper_size_speed.json.

  python scripts/paper_size_speed.py --runs 20 --json results/paper_size_speed.json
  python scripts/paper_size_speed.py --published --runs 20     # the magenta.js shapes, fp32
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere: the repository's packages

from bench.paper_size import measure_paper_size, paper_configs, row_line  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--published", action="store_true", help="time the magenta.js model shapes (fp32 only)")
    args = parser.parse_args()
    result = measure_paper_size(args.runs, paper_configs(args.published), int8=not args.published,
                             on_row=lambda row: print(row_line(row), flush=True))
    print(f"load average during the run: {result['load_average']:.1f} on {os.cpu_count()} cores")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
