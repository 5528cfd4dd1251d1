"""Print the README's results tables (markdown) from the JSON files the commands in README.md write.

    python scripts/results_tables.py results/

reads results/test_*.json (`musicvae evaluate ... --json`), results/latent_*/latent.json
(`musicvae evaluate-latent ... --out`) and results/bench*.json (`musicvae bench ... --json`).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.table import markdown_table


def accuracy_table(tests: list[dict]) -> str:
    lines = ["| model | step | test windows | teacher-forced | sampled | sampled, z shuffled | majority baseline | "
             "KL (nats) | active dims | distinct prior decodes |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for m in tests:
        lines.append(f"| `{m['config']}` | {m['step']} | {m['windows']} | {m['teacher_forced_accuracy']:.3f} | "
                     f"{m['sampled_accuracy']:.3f} | {m['shuffled_z_sampled_accuracy']:.3f} | "
                     f"{m['majority_baseline_accuracy']:.3f} | {m['kl_total']:.1f} | "
                     f"{m['active_dims']} / {m['z_size']} (Burda: {m['active_dims_burda']}) | "
                     f"{m['prior_distinct_decodes']} / {m['prior_samples']} |")
    return "\n".join(lines)


def interpolation_table(latent: dict) -> str:
    interp = latent["interpolation"]
    lines = [f"| α | latent (slerp) | data space |", "| ---: | ---: | ---: |"]
    for a, x, d in zip(interp["alphas"], interp["latent_hamming_to_a"], interp["data_hamming_to_a"]):
        lines.append(f"| {a:.1f} | {x:.3f} | {d:.3f} |")
    return "\n".join(lines)


def attribute_table(latent: dict) -> str:
    attrs = latent["attributes"]
    lines = ["| vector added ↓ / measured → | " + " | ".join(attrs["measured"]) + " |",
             "| --- |" + " ---: |" * len(attrs["measured"])]
    for name, row in zip(attrs["names"], attrs["matrix"]):
        cells = [f"**{v:+.2f}**" if m == name else f"{v:+.2f}" for m, v in zip(attrs["measured"], row)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(folder: Path) -> None:
    tests = [json.loads(p.read_text()) for p in sorted(folder.glob("test_*.json"))]
    if tests:
        print("### Reconstruction on the test split\n\n" + accuracy_table(tests) + "\n")
    for path in sorted(folder.glob("latent_*/latent.json")):
        latent = json.loads(path.read_text())
        print(f"### Interpolation, {latent['bundle']}\n\n" + interpolation_table(latent) + "\n")
        if latent["attributes"]["names"]:
            print(f"### Attribute vectors, {latent['bundle']}\n\n" + attribute_table(latent) + "\n")
    for path in sorted(folder.glob("bench*.json")):  # bench.json, and bench_threads2.json for --threads 2
        bench = json.loads(path.read_text())
        print(f"### Latency, {bench['threads']} intra-op thread(s) ({path.name})\n\n" + markdown_table(bench) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "results"))
