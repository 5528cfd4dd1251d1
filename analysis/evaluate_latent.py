"""Reproduce the paper's latent-space findings on a bundle's test windows (numpy + onnxruntime only).

(a) Interpolation (paper section 5.2, Figure 5): for pairs of test windows A, B, decode slerp(zA, zB, alpha)
    at temperature 0 and measure the normalized Hamming distance of the result to A. In latent space it
    should rise smoothly from ~0 to ~the A-B distance; data-space interpolation (each step taken from B with
    probability alpha) is the baseline, whose intermediate sequences are not melodies of either.
(b) Attribute vectors (section 5.3, Figure 7): add each attribute vector to the latents of test windows
    and measure how much every attribute of the decoded windows moves, in units of that attribute's standard
    deviation over the test set. A working vector moves its own attribute (the diagonal) most.

Writes JSON (and PNG plots with matplotlib when installed) and prints both tables.

Example:
  musicvae evaluate-latent models/mel_2bar_small --data data --out results/latent
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass
class LatentStudyOptions:
    pairs: int = 128
    alphas: int = 11
    windows: int = 512
    seed: int = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bundle", type=Path, help="model bundle folder (manifest.json, encoder.onnx, decoder.onnx)")
    parser.add_argument("--data", type=Path, required=True, help="data folder from `musicvae data`")
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for latent.json and the PNG plots (default: print only)")
    parser.add_argument("--pairs", type=int, default=LatentStudyOptions.pairs,
                        help="A/B pairs for the interpolation study (default: %(default)s)")
    parser.add_argument("--windows", type=int, default=LatentStudyOptions.windows,
                        help="test windows for the attribute matrix (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=LatentStudyOptions.seed)


def run(args: argparse.Namespace) -> int:
    from contract.bundle import BundleError
    from contract.errors import UserError
    from server.engine import Engine, EngineOptions

    try:
        engine = Engine(args.bundle, EngineOptions(provider="cpu", warmup=1))
        from vae.shards import load_windows

        test = load_windows(args.data, engine.bundle.manifest["config"]["dataset"], "test")
    except (BundleError, FileNotFoundError, ValueError) as exc:
        raise UserError(exc) from exc
    options = LatentStudyOptions(pairs=args.pairs, windows=args.windows, seed=args.seed)
    result = study(engine, test, options)
    print(format_tables(result))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "latent.json").write_text(json.dumps(result, indent=1) + "\n")
        written = plot(result, args.out)
        print(f"wrote {args.out / 'latent.json'}" + "".join(f", {p}" for p in written))
    return 0


def study(engine, test: np.ndarray, options: LatentStudyOptions = LatentStudyOptions()) -> dict:
    rng = np.random.default_rng(options.seed)
    test = _distinct_nonempty(test)
    return {
        "bundle": engine.bundle.name,
        "interpolation": interpolation_study(engine, test, options, rng),
        "attributes": attribute_study(engine, test, options, rng),
    }


# ------------------------------------------------------------------------------------------ interpolation


def interpolation_study(engine, test: np.ndarray, options: LatentStudyOptions, rng) -> dict:
    from server.latent import slerp

    n = min(options.pairs, len(test) // 2)
    order = rng.permutation(len(test))[: 2 * n]
    a, b = test[order[:n]], test[order[n:]]
    za, zb = engine.encode_tokens(a), engine.encode_tokens(b)
    alphas = np.linspace(0.0, 1.0, options.alphas)
    latent_to_a, latent_to_b, data_to_a = [], [], []
    for alpha in alphas:
        z = np.stack([slerp(za[i], zb[i], float(alpha)) for i in range(n)])
        decoded = engine.decode_batch(z, 0.0)
        latent_to_a.append(_hamming(decoded, a))
        latent_to_b.append(_hamming(decoded, b))
        take_b = rng.random(a.shape) < alpha
        data_to_a.append(_hamming(np.where(take_b, b, a), a))
    latent_curve = np.mean(latent_to_a, axis=1)
    return {
        "pairs": n,
        "alphas": alphas.round(4).tolist(),
        "latent_hamming_to_a": latent_curve.round(4).tolist(),
        "latent_hamming_to_b": np.mean(latent_to_b, axis=1).round(4).tolist(),
        "data_hamming_to_a": np.mean(data_to_a, axis=1).round(4).tolist(),
        "a_b_hamming": float(_hamming(a, b).mean().round(4)),
        # Smooth: the mean curve never steps back by more than noise as alpha grows.
        "latent_monotonic": bool(np.all(np.diff(latent_curve) >= -0.01)),
        "largest_step": float(np.max(np.abs(np.diff(latent_curve))).round(4)),
    }


def _hamming(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return (x != y).mean(axis=1)


# --------------------------------------------------------------------------------------------- attributes


def attribute_study(engine, test: np.ndarray, options: LatentStudyOptions, rng) -> dict:
    from vae.attributes import measure_all

    vectors = engine.bundle.attributes
    if not vectors:
        return {"names": [], "matrix": [], "diagonal_positive": False}
    windows = test[rng.permutation(len(test))[: options.windows]]
    codec = engine.bundle.codec
    z = engine.encode_tokens(windows)
    before = measure_all(engine.decode_batch(z, 0.0), codec)
    scale = {name: max(float(values.std()), 1e-6) for name, values in measure_all(test, codec).items()}
    names = list(vectors)
    measured = list(before)
    matrix = []
    for name in names:
        after = measure_all(engine.decode_batch(z + vectors[name][None, :], 0.0), codec)
        matrix.append([float(((after[m] - before[m]).mean() / scale[m]).round(4)) for m in measured])
    diagonal = [matrix[i][measured.index(name)] for i, name in enumerate(names)]
    own_largest = [abs(diagonal[i]) >= max(abs(v) for v in matrix[i]) for i in range(len(names))]
    return {
        "windows": len(windows),
        "names": names,
        "measured": measured,
        "matrix": matrix,  # rows: vector added; columns: attribute measured; units: test-set std
        "diagonal": diagonal,
        "diagonal_positive": bool(all(d > 0 for d in diagonal)),
        "own_attribute_moves_most": own_largest,
    }


def _distinct_nonempty(windows: np.ndarray) -> np.ndarray:
    windows = np.unique(np.asarray(windows, dtype=np.int64), axis=0)
    return windows[(windows > 0).any(axis=1)]


# ------------------------------------------------------------------------------------------------ output


def format_tables(result: dict) -> str:
    interp = result["interpolation"]
    lines = [f"interpolation over {interp['pairs']} test pairs (normalized Hamming distance to A; "
             f"A-B distance {interp['a_b_hamming']:.3f})",
             f"{'alpha':>6} {'latent':>8} {'data':>8}"]
    for alpha, latent, data in zip(interp["alphas"], interp["latent_hamming_to_a"], interp["data_hamming_to_a"]):
        lines.append(f"{alpha:>6.2f} {latent:>8.3f} {data:>8.3f}")
    lines.append(f"latent curve monotonic: {interp['latent_monotonic']} (largest step {interp['largest_step']:.3f})")
    attrs = result["attributes"]
    if attrs["names"]:
        lines.append("")
        lines.append(f"attribute vectors over {attrs['windows']} test windows: change of each measured attribute "
                     "(columns) when a vector (rows) is added, in test-set standard deviations")
        width = max(len(n) for n in attrs["measured"]) + 1
        lines.append(" " * 18 + "".join(f"{m:>{width}}" for m in attrs["measured"]))
        for name, row in zip(attrs["names"], attrs["matrix"]):
            lines.append(f"{name:<18}" + "".join(f"{v:>{width}.2f}" for v in row))
        lines.append(f"diagonal positive for every attribute: {attrs['diagonal_positive']}")
    return "\n".join(lines)


def plot(result: dict, out: Path) -> list[Path]:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed (pip install '.[plot]'): no PNG plots", file=sys.stderr)
        return []
    interp, attrs = result["interpolation"], result["attributes"]
    fig, ax = plt.subplots(figsize=(5, 3.5))
    ax.plot(interp["alphas"], interp["latent_hamming_to_a"], "o-", label="latent (slerp)")
    ax.plot(interp["alphas"], interp["data_hamming_to_a"], "s--", label="data space")
    ax.set_xlabel("interpolation amount α")
    ax.set_ylabel("Hamming distance to A")
    ax.set_title(f"{result['bundle']}: interpolation")
    ax.legend()
    fig.tight_layout()
    paths = [out / "interpolation.png"]
    fig.savefig(paths[0], dpi=120)
    plt.close(fig)
    if attrs["names"]:
        matrix = np.array(attrs["matrix"])
        fig, ax = plt.subplots(figsize=(6, 4.5))
        limit = max(np.abs(matrix).max(), 1e-6)
        image = ax.imshow(matrix, cmap="RdBu_r", vmin=-limit, vmax=limit)
        ax.set_xticks(range(len(attrs["measured"])), attrs["measured"], rotation=40, ha="right")
        ax.set_yticks(range(len(attrs["names"])), attrs["names"])
        for i in range(matrix.shape[0]):
            for j in range(matrix.shape[1]):
                ax.text(j, i, f"{matrix[i, j]:.2f}", ha="center", va="center", fontsize=8)
        ax.set_xlabel("attribute measured")
        ax.set_ylabel("attribute vector added")
        fig.colorbar(image, label="change (test-set std)")
        fig.tight_layout()
        paths.append(out / "attributes.png")
        fig.savefig(paths[1], dpi=120)
        plt.close(fig)
    return paths
