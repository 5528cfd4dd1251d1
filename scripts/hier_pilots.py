"""Side-by-side pilots of remedies for the collapsed 16-bar hierarchical model, at equal wall-clock.

Writes one config JSON per pilot (the registered mel_16bar_hier_small with one remedy changed), then
trains them all at once, one torch thread each, for --minutes, and tabulates the last validation of
each into results/hier_pilots.json. Example (what made the shipped table):

    python scripts/hier_pilots.py --data data --minutes 20
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from vae.configs import Config, get_config

BASE = "mel_16bar_hier_small"
WARM = "models/mel_2bar_small"


def pilots(base: Config) -> dict[str, Config]:
    t, m = base.train, base.model
    # eval on 256 validation windows every 100 steps: pilots are short, evaluation must stay cheap.
    t = replace(t, eval_every=100, eval_windows=256, checkpoint_every=100, warm_start="", word_dropout=0.0)
    variants = {
        "cold": t,
        "warm": replace(t, warm_start=WARM),
        "warm_wd50": replace(t, warm_start=WARM, word_dropout=0.5),
        "warm_wd50_lr1e-3": replace(t, warm_start=WARM, word_dropout=0.5, learning_rate=1e-3),
        "warm_wd75": replace(t, warm_start=WARM, word_dropout=0.75),
    }
    return {name: replace(base, name=f"pilot_{name}", train=train) for name, train in variants.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="data")
    parser.add_argument("--runs", type=Path, default=Path("runs/pilots"))
    parser.add_argument("--minutes", type=float, default=20.0)
    parser.add_argument("--only", help="comma-separated pilot names (default: all)")
    parser.add_argument("--table-only", action="store_true", help="only tabulate finished pilots")
    parser.add_argument("--out", type=Path, default=Path("results/hier_pilots.json"))
    args = parser.parse_args()
    chosen = pilots(get_config(BASE))
    if args.only:
        chosen = {k: v for k, v in chosen.items() if k in args.only.split(",")}
    if not args.table_only:
        _train_all(chosen, args)
    return _tabulate(chosen, args)


def _train_all(chosen: dict[str, Config], args) -> None:
    args.runs.mkdir(parents=True, exist_ok=True)
    procs = []
    for name, config in chosen.items():
        path = args.runs / f"{name}.json"
        path.write_text(json.dumps(config.to_dict(), indent=2) + "\n")
        cmd = [sys.executable, "-m", "vae.train", str(path), "--data", args.data, "--out", str(args.runs / name),
               "--max-minutes", str(args.minutes), "--threads", "1", "--no-progress"]
        log = open(args.runs / f"{name}.log", "w")
        procs.append(subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT))
        print(" ".join(cmd), flush=True)
    for proc in procs:
        proc.wait()


def _tabulate(chosen: dict[str, Config], args) -> int:
    rows = []
    for name, config in chosen.items():
        metrics = args.runs / name / "metrics.jsonl"
        if not metrics.exists():
            continue
        history = [json.loads(line) for line in metrics.read_text().splitlines()]
        last = history[-1]
        rows.append({"pilot": name, "steps": last["step"], "minutes": args.minutes,
                     "changes": _changes(config), "valid": last["valid"],
                     "history": [{"step": h["step"], **h["valid"]} for h in history]})
    command = f"python scripts/hier_pilots.py --data {args.data} --minutes {args.minutes:g}"
    args.out.write_text(json.dumps({"command": command, "threads_per_pilot": 1, "concurrent_pilots": len(chosen),
                                    "measured": time.strftime("%Y-%m-%d"), "pilots": rows}, indent=1) + "\n")
    for r in rows:
        v = r["valid"]
        print(f"{r['pilot']:<20} step {r['steps']:>5}  TF {v['teacher_forced_accuracy']:.3f}  sampled "
              f"{v['sampled_accuracy']:.3f}  drop {v['z_use_drop']:+.3f}  Burda {v['active_dims_burda']}  "
              f"distinct {v['prior_distinct_decodes']}")
    return 0


def _changes(config: Config) -> dict:
    base = get_config(BASE).train
    return {k: v for k, v in config.train.__dict__.items() if getattr(base, k) != v}


if __name__ == "__main__":
    sys.exit(main())
