"""Write a magenta.js checkpoint folder from our PyTorch weights: the importer's exact inverse.

config.json names the data converter, weights_manifest.json lists every TF-named weight (importer/mapping.py)
and the shards hold them back to back, cut into 4 MB files as tfjs' converter does. `quantize` stores each
weight as uint8 (q1) or uint16 (q2) with a per-tensor scale and min, the way Magenta published its _q1/_q2
models. Used by the parity tests (magenta.js in node decodes what this writes) and by anyone who wants to
run a model trained here in magenta.js.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from contract.codec import MAX_PITCH, MIN_PITCH
from importer.errors import CheckpointError
from importer.magenta_js import CONFIG_FILE, MANIFEST_FILE
from importer.mapping import to_tf
from vae.configs import ModelConfig

SHARD_BYTES = 4 * 1024 * 1024
QUANTIZATIONS = {None: None, "q1": np.uint8, "q2": np.uint16}


def magenta_js_spec(cfg: ModelConfig) -> dict:
    """config.json for a model magenta.js can run; raises for one it cannot (its limits, not ours)."""
    hier = cfg.decoder == "hier"
    if hier != (cfg.encoder == "hier"):
        raise CheckpointError("magenta.js pairs a hierarchical decoder with a two-level encoder and a flat one with "
                              "a flat encoder; this model mixes them")
    if cfg.encoder_layers != 1:
        raise CheckpointError("magenta.js runs single-layer encoders (per level) only")
    melody = {"minPitch": MIN_PITCH, "maxPitch": MAX_PITCH}
    args: dict = {"numSteps": cfg.num_steps}
    if hier:
        args["numSegments"] = cfg.num_bars
    if cfg.codec == "melody":
        converter = {"type": "MelodyConverter", "args": {**args, **melody}}
    elif cfg.codec == "drums":
        kind = "DrumsConverter" if cfg.encoder_input == "drum_roll" else "DrumsOneHotConverter"
        converter = {"type": kind, "args": args}
    else:
        converter = {"type": "TrioConverter", "args": {**args, "melArgs": dict(melody), "bassArgs": dict(melody),
                                                       "drumsArgs": {}}}
    return {"type": "MusicVAE", "dataConverter": converter}


def write_magenta_js(state: dict, cfg: ModelConfig, folder: str | Path, quantize: str | None = None) -> Path:
    """Write `state` (a MusicVAE state dict, tensors or arrays) as a magenta.js folder; -> the folder."""
    if quantize not in QUANTIZATIONS:
        raise ValueError(f"quantize must be one of {list(QUANTIZATIONS)}, not {quantize!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    spec = magenta_js_spec(cfg)
    tensors = to_tf({k: _numpy(v) for k, v in state.items()}, cfg)
    weights, chunks = [], []
    for name, value in tensors.items():
        entry, data = _stored(name, value, QUANTIZATIONS[quantize])
        weights.append(entry)
        chunks.append(data)
    stream = b"".join(chunks)
    paths = []
    for i, start in enumerate(range(0, max(len(stream), 1), SHARD_BYTES)):
        paths.append(f"group1-shard{i + 1}of{-(-len(stream) // SHARD_BYTES)}")
        (folder / paths[-1]).write_bytes(stream[start: start + SHARD_BYTES])
    (folder / CONFIG_FILE).write_text(json.dumps(spec, indent=1) + "\n")
    (folder / MANIFEST_FILE).write_text(json.dumps([{"paths": paths, "weights": weights}]) + "\n")
    return folder


def _numpy(value) -> np.ndarray:
    return value.detach().cpu().numpy() if hasattr(value, "detach") else np.asarray(value)


def _stored(name: str, value: np.ndarray, qtype) -> tuple[dict, bytes]:
    value = np.ascontiguousarray(value, dtype=np.float32)
    entry = {"name": name, "shape": list(value.shape), "dtype": "float32"}
    if qtype is None:
        return entry, value.astype("<f4").tobytes()
    low, high = float(value.min()), float(value.max())
    levels = np.iinfo(qtype).max
    scale = (high - low) / levels if high > low else 1.0
    stored = np.clip(np.round((value.astype(np.float64) - low) / scale), 0, levels).astype(qtype)
    entry["quantization"] = {"dtype": np.dtype(qtype).name, "scale": scale, "min": low}
    return entry, stored.astype(np.dtype(qtype).newbyteorder("<")).tobytes()
