"""Export a trained checkpoint as a self-describing model bundle: encoder.onnx, decoder.onnx and
manifest.json (attribute vectors, latent coordinates, test metrics, parity report).

The bundle is built in a temporary folder beside the destination and renamed into place only after the
ONNX graphs pass the parity check against PyTorch, so a failed or interrupted export never leaves a
half-written bundle. An existing destination is refused unless --force.

Example:
  musicvae export runs/mel_2bar_small --data data --out models/mel_2bar_small
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from contract.errors import UserError
from contract.folders import publish_folder


@dataclass
class ExportOptions:
    parity_windows: int = 256
    latent_windows: int = 20000
    metric_windows: int = 2000
    force: bool = False
    seed: int = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("checkpoint", type=Path, help="checkpoint dir (or training run dir: newest checkpoint)")
    parser.add_argument("--data", type=Path, required=True, help="data folder from `musicvae data`")
    parser.add_argument("--out", type=Path, required=True, help="bundle folder to create, e.g. models/NAME")
    parser.add_argument("--force", action="store_true", help="replace an existing bundle folder")
    parser.add_argument("--parity-windows", type=int, default=ExportOptions.parity_windows,
                        help="test windows checked against PyTorch")
    parser.add_argument("--latent-windows", type=int, default=ExportOptions.latent_windows,
                        help="training windows encoded for attribute vectors and coordinates")
    parser.add_argument("--metric-windows", type=int, default=ExportOptions.metric_windows,
                        help="test windows scored for the manifest's metrics (0: skip)")


def run(args: argparse.Namespace) -> int:
    options = ExportOptions(args.parity_windows, args.latent_windows, args.metric_windows, args.force)
    try:
        manifest = export_bundle(args.checkpoint, args.data, args.out, options)
    except (FileNotFoundError, FileExistsError, ValueError, RuntimeError) as exc:
        raise UserError(exc) from exc
    parity = manifest["parity"]
    print(f"wrote {args.out}: {manifest['name']} ({manifest['codec']}, {manifest['num_steps']} steps, "
          f"z {manifest['z_size']}); parity over {parity['windows']} windows: mu diff "
          f"{parity['mu_max_abs_diff']:.2g}, argmax mismatches {parity['argmax_token_mismatches']}; "
          f"attributes: {', '.join(manifest['attributes'])}")
    return 0


def export_bundle(checkpoint: Path, data_dir: Path, out: Path, options: ExportOptions = ExportOptions()) -> dict:
    """Export, verify and atomically publish a bundle; returns its manifest."""
    from vae.checkpoint import load_model

    out = Path(out)
    if out.exists() and not options.force:
        raise FileExistsError(f"{out} exists; pass --force to replace it")
    if not Path(checkpoint).exists():
        raise FileNotFoundError(f"checkpoint {checkpoint} does not exist")
    try:
        model, config, meta = load_model(checkpoint)
    except Exception as exc:  # a truncated file raises safetensors' own SafetensorError, among others
        raise ValueError(f"cannot load checkpoint {checkpoint}: {exc}") from exc
    staging = out.parent / f".{out.name}.partial-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    try:
        manifest = _build(model, config, meta, Path(data_dir), staging, options)
        publish_folder(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


def _copy_weights(meta: dict, staging: Path) -> None:
    """Keep the PyTorch weights beside the graphs (pytorch/): the benchmark times the same model in eager
    mode from them, and anyone can re-export the bundle. The server never reads them."""
    from vae.checkpoint import BUNDLE_WEIGHTS, CONFIG_FILE, MODEL_FILE, STATE_FILE

    target = staging / BUNDLE_WEIGHTS
    target.mkdir()
    for name in (CONFIG_FILE, MODEL_FILE, STATE_FILE):
        shutil.copy2(Path(meta["path"]) / name, target / name)


def _build(model, config, meta: dict, data_dir: Path, staging: Path, options: ExportOptions) -> dict:
    from contract.bundle import MANIFEST_FILE
    from contract.graphs import DECODER, ENCODER, graph_file
    from export.latent_stats import attribute_vectors, principal_coordinates
    from export.manifest import build_manifest, write_json
    from export.onnx_graphs import export_decoder, export_encoder
    from export.parity import check_parity
    from vae.shards import load_windows

    m = config.model
    rng = np.random.default_rng(options.seed)
    test = load_windows(data_dir, config.dataset, "test")
    train = load_windows(data_dir, config.dataset, "train")
    _check_shape(test, m.num_steps, config.dataset)

    _say("writing ONNX graphs")
    encoder_path, decoder_path = staging / graph_file(ENCODER), staging / graph_file(DECODER)
    export_encoder(model, encoder_path, m.num_steps)
    export_decoder(model, decoder_path)

    parity_set, sources = _parity_windows(data_dir, config.dataset, test, train, options.parity_windows, rng)
    _say(f"checking parity with PyTorch on {len(parity_set)} windows ({sources})")
    parity = check_parity(model, encoder_path, decoder_path, parity_set, seed=options.seed)

    latent_set = _subset(train, options.latent_windows, rng)
    _say(f"encoding {len(latent_set)} training windows for attribute vectors and coordinates")
    mu = _encode_mu(model, latent_set)
    vectors, quartiles = attribute_vectors(mu, latent_set, m.codec)
    coordinates = principal_coordinates(mu)

    metrics = _test_metrics(model, _subset(test, options.metric_windows, rng)) if options.metric_windows else {}
    _copy_weights(meta, staging)
    training = {"data": _data_summary(data_dir, config.dataset), "checkpoint": meta}
    manifest = build_manifest(config, staging, training=training, metrics=metrics, parity={**parity.as_dict(), "splits": sources},
                              attributes=vectors, attribute_info=quartiles, latent=coordinates.as_dict())
    write_json(staging / MANIFEST_FILE, manifest)
    return manifest


def _check_shape(windows: np.ndarray, num_steps: int, dataset: str) -> None:
    if windows.ndim != 2 or windows.shape[1] != num_steps:
        raise ValueError(f"{dataset} windows have shape {windows.shape}, the model expects [N, {num_steps}]")


def _parity_windows(data_dir: Path, dataset: str, test: np.ndarray, train: np.ndarray, limit: int,
                    rng: np.random.Generator) -> tuple[np.ndarray, str]:
    """Test windows first; a small test split is topped up from valid, then train, to reach `limit`."""
    from vae.shards import load_windows

    parts, names = [test], ["test"]
    for split in ("valid", "train"):
        if sum(map(len, parts)) >= limit:
            break
        windows = train if split == "train" else load_windows(data_dir, dataset, split)
        parts.append(windows)
        names.append(split)
    return _subset(np.concatenate(parts), limit, rng), "+".join(names)


def _subset(windows: np.ndarray, limit: int, rng: np.random.Generator) -> np.ndarray:
    if len(windows) <= limit:
        return windows
    return windows[np.sort(rng.choice(len(windows), size=limit, replace=False))]


def _encode_mu(model, windows: np.ndarray, batch: int = 512) -> np.ndarray:
    import torch

    parts = []
    with torch.no_grad():
        for i in range(0, len(windows), batch):
            mu, _ = model.encode(torch.from_numpy(np.ascontiguousarray(windows[i:i + batch], dtype=np.int64)))
            parts.append(mu.numpy())
    return np.concatenate(parts)


def _test_metrics(model, windows: np.ndarray) -> dict:
    from vae.evaluate import evaluate_windows

    _say(f"scoring {len(windows)} test windows")
    return evaluate_windows(model, windows)


def _data_summary(data_dir: Path, dataset: str) -> dict:
    report_path = data_dir / "report.json"
    if not report_path.exists():
        return {"dataset": dataset}
    report = json.loads(report_path.read_text())
    summary = {"dataset": dataset}
    for key in ("sources", "windows", "pieces"):
        if key in report:
            value = report[key]
            summary[key] = value.get(dataset, value) if isinstance(value, dict) and dataset in value else value
    return summary


def _say(message: str) -> None:
    print(f"[export {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
