"""A Magenta checkpoint as a normal model bundle: weights mapped onto MusicVAE, graphs exported, parity
checked against PyTorch, latent coordinates, attribute vectors, all published atomically as `musicvae
export` does.

With no data folder the windows come from the model itself: random z from the prior decoded at
temperature 1, the "music the model makes". Parity is checked on them, and the latent coordinates are the
principal directions of their encodings. Attribute vectors need real music, so they come from --data
(encoded by the imported encoder), else from a shipped attribute_vecs.json, else there are none.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from contract.folders import publish_folder
from importer.config import model_config
from importer.errors import CheckpointError
from importer.mapping import to_state_dict
from importer.source import Source

SAMPLE_BATCH = 64


@dataclass
class ImportOptions:
    name: str = ""  # the bundle's model name; default: the output folder's name
    data: Path | None = None
    bars: int | None = None  # TensorFlow checkpoints only
    steps_per_bar: int = 16
    parity_windows: int = 64
    latent_windows: int = 2000
    force: bool = False
    seed: int = 0
    cache: Path | None = None


def import_bundle(source: str, out: Path, options: ImportOptions = ImportOptions()) -> dict:
    """Read SOURCE, build and verify the bundle, publish it at `out`; -> its manifest."""
    from importer.source import default_cache, open_source, scratch

    out = Path(out)
    if out.exists() and not options.force:
        raise FileExistsError(f"{out} exists; pass --force to replace it")
    with scratch() as work:
        weights = open_source(source, options.bars, options.steps_per_bar, options.cache or default_cache(), Path(work))
        model, config = build_model(weights, options.name or out.name)
        staging = out.parent / f".{out.name}.partial-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            manifest = _build(model, config, weights, staging, options)
            publish_folder(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return manifest


def build_model(weights: Source, name: str):
    """-> (MusicVAE in eval mode holding the checkpoint's weights, its Config)."""
    import torch

    from vae.configs import Config, TrainConfig
    from vae.model import MusicVAE

    cfg = model_config(weights.tensors, weights.representation, weights.description)
    model = MusicVAE(cfg)
    shapes = {k: tuple(v.shape) for k, v in model.state_dict().items()}
    state = to_state_dict(weights.tensors, cfg, shapes)
    model.load_state_dict({k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state.items()}, strict=True)
    return model.eval(), Config(name, cfg, TrainConfig(), dataset_name(cfg))


def dataset_name(cfg) -> str:
    """The `musicvae data` dataset whose windows fit this model (mel_2bar, mel_16bar, drums_2bar)."""
    prefix = {"melody": "mel", "drums": "drums"}.get(cfg.codec, cfg.codec)
    return f"{prefix}_{cfg.num_bars}bar"


def _build(model, config, weights: Source, staging: Path, options: ImportOptions) -> dict:
    from contract.bundle import MANIFEST_FILE
    from contract.graphs import DECODER, ENCODER, graph_file
    from export.bundle import _encode_mu
    from export.latent_stats import principal_coordinates
    from export.manifest import build_manifest, write_json
    from export.onnx_graphs import export_decoder, export_encoder
    from export.parity import check_parity
    from vae.checkpoint import BUNDLE_WEIGHTS, save_checkpoint

    m = config.model
    rng = np.random.default_rng(options.seed)
    _say(f"{weights.kind} checkpoint {weights.description}: {m.codec}, {m.num_bars} bars, z {m.z_size}, "
         f"{m.encoder} encoder, {m.decoder} decoder")
    _say("writing ONNX graphs")
    encoder_path, decoder_path = staging / graph_file(ENCODER), staging / graph_file(DECODER)
    export_encoder(model, encoder_path, m.num_steps)
    export_decoder(model, decoder_path)
    windows, origin = _windows(config, decoder_path, options, rng)
    parity_set = windows["parity"]
    _say(f"checking parity with PyTorch on {len(parity_set)} windows ({origin})")
    parity = check_parity(model, encoder_path, decoder_path, parity_set, seed=options.seed)

    latent_set = windows["latent"]
    _say(f"encoding {len(latent_set)} windows ({origin}) for coordinates and attribute vectors")
    mu = _encode_mu(model, latent_set)
    coordinates = {**principal_coordinates(mu).as_dict(), "source": origin}
    vectors, info = _attributes(mu, latent_set, m, weights, origin)

    quantized = sorted(set(weights.quantization.values()))
    imported = {"source": weights.description, "format": weights.kind, "quantization": quantized,
                "windows": origin}
    save_checkpoint(staging / BUNDLE_WEIGHTS, model, config, step=0, extra={"imported": imported})
    manifest = build_manifest(config, staging, training={"imported": imported}, metrics={},
                              parity={**parity.as_dict(), "splits": origin}, attributes=vectors,
                              attribute_info=info, latent=coordinates)
    write_json(staging / MANIFEST_FILE, manifest)
    return manifest


def _windows(config, decoder_path: Path, options: ImportOptions, rng: np.random.Generator) -> tuple[dict, str]:
    """Token windows for parity and latent statistics: the data's (--data), else the model's own samples."""
    if options.data is not None:
        from vae.shards import load_windows

        try:
            test = load_windows(options.data, config.dataset, "test")
            train = load_windows(options.data, config.dataset, "train")
        except (FileNotFoundError, ValueError) as exc:
            raise CheckpointError(f"--data {options.data}: no {config.dataset} windows for this model ({exc})") from None
        return {"parity": _subset(test, options.parity_windows, rng),
                "latent": _subset(train, options.latent_windows, rng)}, f"data {config.dataset}"
    count = max(options.parity_windows, min(options.latent_windows, 512))
    _say(f"sampling {count} windows from the prior")
    samples = sample_windows(decoder_path, config.model, count, options.seed)
    return {"parity": samples[: options.parity_windows], "latent": samples}, "model samples (prior, T=1)"


def sample_windows(decoder_path: Path, cfg, count: int, seed: int) -> np.ndarray:
    """`count` sequences decoded at temperature 1 from z ~ N(0, I) by the bundle's own decoder graph (far
    faster than PyTorch's step loop, and parity-checked right after): what the model plays on its own."""
    from contract.graphs import decoder_feed
    from contract.noise import uniform_noise
    from export.parity import cpu_session

    decoder = cpu_session(decoder_path)
    z_rng = np.random.default_rng(seed)
    parts = []
    for start in range(0, count, SAMPLE_BATCH):
        n = min(SAMPLE_BATCH, count - start)
        z = z_rng.standard_normal((n, cfg.z_size)).astype(np.float32)
        u = uniform_noise((n, cfg.num_steps, cfg.num_classes), seed + start)
        parts.append(decoder.run(None, decoder_feed(z, np.ones(n, np.float32), u))[0])
    return np.concatenate(parts)


def _subset(windows: np.ndarray, limit: int, rng: np.random.Generator) -> np.ndarray:
    if len(windows) <= limit:
        return windows
    return windows[np.sort(rng.choice(len(windows), size=limit, replace=False))]


def _attributes(mu: np.ndarray, windows: np.ndarray, m, weights: Source, origin: str) -> tuple[dict, dict]:
    from export.latent_stats import attribute_vectors

    if origin.startswith("data") and m.codec in ("melody", "drums"):
        return attribute_vectors(mu, windows, m.codec)
    if weights.attributes:
        vectors = {}
        for name, vec in weights.attributes.items():
            if len(vec) != m.z_size:
                raise CheckpointError(f"{weights.description}: attribute {name!r} has {len(vec)} values, z has {m.z_size}")
            vectors[name] = np.asarray(vec, dtype=np.float32)
        return vectors, {name: {"source": "attribute_vecs.json"} for name in vectors}
    _say("no attribute vectors: pass --data DIR to compute them on real music (none for trio)")
    return {}, {}


def _say(message: str) -> None:
    print(f"[import {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
