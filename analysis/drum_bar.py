"""Measure a drum bundle against issue 14's bar, on the shipped ONNX graphs and the held-out split.

  reconstruction: `musicvae evaluate`'s numbers (posterior mean, argmax) on the test split (styles, files
    and songs no training window came from; near duplicates of training windows already dropped by the
    data build), per source, and pooled over Freedoom + OpenMSX: the sequenced game music, unlike the MMA
    loops that make up most of training;
  prior, temperature 0: how many of 64 latents z ~ N(0, I) decode to distinct patterns;
  prior, temperature 0.5: of 256 samples, the share with a kick or a snare, and the share that is not an
    exact copy of any training window;
  attribute vectors: the matrix of analysis.evaluate_latent (diagonal positive?).

Example:
  python -m analysis.drum_bar models/drums_2bar_small --data data.drums --json results/bar_drums_2bar_small.json
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from contract.codec import DRUM_CLASS_NAMES

COMPOSED_SOURCES = ("freedoom", "openmsx")


@dataclass(frozen=True)
class Bar:
    sampled_accuracy: float = 0.85
    distinct_prior_decodes: int = 56  # of PRIOR_LATENTS
    kick_or_snare: float = 0.90
    not_a_training_copy: float = 0.50


PRIOR_LATENTS = 64
PRIOR_SAMPLES = 256
SAMPLE_TEMPERATURE = 0.5
SEED = 0


def prior_study(engine, train: np.ndarray, seed: int = SEED) -> dict:
    """Distinct greedy decodes of prior latents, and what temperature-0.5 samples contain."""
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((PRIOR_LATENTS, engine.z_size)).astype(np.float32)
    greedy = engine.decode_batch(z, 0.0)
    distinct = len({row.tobytes() for row in greedy})
    z = rng.standard_normal((PRIOR_SAMPLES, engine.z_size)).astype(np.float32)
    samples = engine.decode_batch(z, SAMPLE_TEMPERATURE, seed=seed)
    kick_or_snare = (samples & ((1 << DRUM_CLASS_NAMES.index("kick")) | (1 << DRUM_CLASS_NAMES.index("snare")))) > 0
    training = {row.astype(np.int64).tobytes() for row in train}
    copies = np.array([row.astype(np.int64).tobytes() in training for row in samples])
    return {
        "prior_latents": PRIOR_LATENTS,
        "distinct_decodes_at_temperature_0": distinct,
        "samples_at_temperature_0_5": PRIOR_SAMPLES,
        "share_with_kick_or_snare": float(kick_or_snare.any(axis=1).mean()),
        "share_not_a_training_copy": float(1.0 - copies.mean()),
        "share_empty": float((samples == 0).all(axis=1).mean()),
        "seed": seed,
    }


def pooled(by_group: dict, names: tuple[str, ...]) -> dict:
    """Sampled accuracy over the windows of several groups together (weighted by their windows)."""
    present = [by_group[n] for n in names if n in by_group]
    windows = sum(g["windows"] for g in present)
    if not windows:
        return {"windows": 0, "sampled_accuracy": None, "sources": list(names)}
    accuracy = sum(g["sampled_accuracy"] * g["windows"] for g in present) / windows
    return {"windows": windows, "sampled_accuracy": accuracy, "sources": [n for n in names if n in by_group]}


def verdicts(test: dict, prior: dict, attributes: dict, bar: Bar = Bar()) -> dict:
    def line(value, least, command):
        return {"value": value, "bar": least, "met": value is not None and value >= least, "command": command}

    return {
        "sampled_accuracy": line(test["sampled_accuracy"], bar.sampled_accuracy, "evaluate"),
        "distinct_prior_decodes": line(prior["distinct_decodes_at_temperature_0"], bar.distinct_prior_decodes, "prior"),
        "kick_or_snare": line(prior["share_with_kick_or_snare"], bar.kick_or_snare, "prior"),
        "not_a_training_copy": line(prior["share_not_a_training_copy"], bar.not_a_training_copy, "prior"),
        "attribute_diagonal_positive": {"value": attributes.get("diagonal"), "met": bool(attributes.get("diagonal_positive")),
                                        "command": "attributes"},
    }


def measure(bundle: Path, data: Path, attribute_windows: int = 512) -> dict:
    from analysis.evaluate_latent import LatentStudyOptions, attribute_study
    from server.engine import Engine, EngineOptions
    from vae.evaluate import evaluate_checkpoint
    from vae.shards import load_windows

    engine = Engine(bundle, EngineOptions(provider="cpu"))
    if engine.bundle.codec != "drums":
        raise ValueError(f"{bundle} is a {engine.bundle.codec} bundle, not a drum bundle")
    dataset = engine.bundle.manifest["config"]["dataset"]
    test = evaluate_checkpoint(bundle, data, progress=False)
    test.pop("kl_per_dim", None)
    by_group = test.get("sampled_accuracy_by_group", {})
    prior = prior_study(engine, load_windows(data, dataset, "train"))
    attributes = attribute_study(engine, load_windows(data, dataset, "test"),
                                 LatentStudyOptions(windows=attribute_windows), np.random.default_rng(SEED))
    where = f"{bundle} --data {data}"
    return {
        "bundle": str(bundle),
        "data": str(data),
        "commands": {
            "evaluate": f"musicvae evaluate {where}",
            "prior": f"python -m analysis.drum_bar {where} (prior_study, seed {SEED})",
            "attributes": f"python -m analysis.drum_bar {where} (analysis.evaluate_latent.attribute_study, "
                          f"{attribute_windows} test windows, seed {SEED})",
        },
        "test": test,
        "per_source": by_group,
        "composed_game_music": pooled(by_group, COMPOSED_SOURCES),
        "prior": prior,
        "attributes": attributes,
        "bar": verdicts(test, prior, attributes),
    }


def bar_section(result: dict) -> dict:
    """What a bundle's test_metrics.json keeps of a measurement (the test metrics are already there)."""
    return {k: result[k] for k in ("commands", "per_source", "composed_game_music", "prior", "attributes", "bar")}


def format_report(result: dict) -> str:
    lines = [f"{result['bundle']} on {result['data']} (test split)"]
    for name, v in result["bar"].items():
        value = v["value"]
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        least = f" (bar {v['bar']})" if "bar" in v else ""
        lines.append(f"  {name:<28} {shown}{least}: {'met' if v['met'] else 'MISSED'}")
    for name, g in result["per_source"].items():
        lines.append(f"  sampled accuracy, {name:<10} {g['sampled_accuracy']:.3f} ({g['windows']} windows)")
    c = result["composed_game_music"]
    if c["windows"]:
        lines.append(f"  sampled accuracy, Freedoom + OpenMSX pooled {c['sampled_accuracy']:.3f} ({c['windows']} windows)")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bundle", type=Path, help="drum model bundle")
    parser.add_argument("--data", type=Path, required=True, help="data folder with the drums_2bar dataset")
    parser.add_argument("--json", type=Path, help="write the result here")
    parser.add_argument("--merge-into", type=Path, metavar="JSON",
                        help="also add the result under 'bar' to this metrics file (e.g. the bundle's test_metrics.json)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads for the evaluation")


def run(args: argparse.Namespace) -> int:
    import torch

    torch.set_num_threads(max(1, args.threads))
    try:
        result = measure(args.bundle, args.data)
    except (FileNotFoundError, ValueError) as exc:
        print(f"drum_bar: error: {exc}", file=sys.stderr)
        return 1
    print(format_report(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    if args.merge_into:
        metrics = json.loads(args.merge_into.read_text()) if args.merge_into.is_file() else {}
        metrics["bar"] = bar_section(result)
        args.merge_into.write_text(json.dumps(metrics, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    sys.exit(run(parser.parse_args()))
