"""A magenta.js checkpoint folder, read with numpy: config.json, weights_manifest.json and its binary shards.

The manifest is a list of groups, each `{"paths": [shard files], "weights": [{"name", "shape", "dtype",
"quantization"?}]}`. A group's shards are one byte stream cut into files: concatenated in `paths` order,
its weights lie back to back in manifest order. A quantized weight is stored as uint8 (q1) or uint16 (q2)
with a per-tensor `scale` and `min` (value = v * scale + min, computed in double precision and stored as
float32, as tfjs-core's decodeWeights does) or as float16.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from importer.errors import CheckpointError

CONFIG_FILE = "config.json"
MANIFEST_FILE = "weights_manifest.json"
STORED_DTYPES = {"float32": np.float32, "int32": np.int32}
QUANTIZED_DTYPES = {"uint8": np.uint8, "uint16": np.uint16, "float16": np.float16}


@dataclass
class MagentaJsCheckpoint:
    path: Path
    spec: dict  # config.json: {"type": "MusicVAE", "dataConverter": {"type", "args"}, ...}
    tensors: dict[str, np.ndarray]  # every weight as float32 (int32 ones as stored)
    quantization: dict[str, str] = field(default_factory=dict)  # name -> "uint8" | "uint16" | "float16"


def is_magenta_js_folder(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST_FILE).exists()


def read_magenta_js(folder: str | Path) -> MagentaJsCheckpoint:
    folder = Path(folder)
    if not folder.is_dir():
        raise CheckpointError(f"{folder} is not a folder; a magenta.js checkpoint is a folder holding "
                              f"{CONFIG_FILE}, {MANIFEST_FILE} and the weight shards it lists")
    missing = [name for name in (CONFIG_FILE, MANIFEST_FILE) if not (folder / name).exists()]
    if missing:
        raise CheckpointError(f"{folder} is not a magenta.js checkpoint: it has no {' and no '.join(missing)}")
    spec = _read_json(folder / CONFIG_FILE)
    if not isinstance(spec, dict) or spec.get("type") != "MusicVAE":
        kind = spec.get("type") if isinstance(spec, dict) else None
        raise CheckpointError(f"{folder / CONFIG_FILE}: a {kind!r} checkpoint, not a MusicVAE one")
    groups = _read_json(folder / MANIFEST_FILE)
    if not isinstance(groups, list):
        raise CheckpointError(f"{folder / MANIFEST_FILE} must hold a list of weight groups")
    checkpoint = MagentaJsCheckpoint(folder, spec, {})
    for index, group in enumerate(groups):
        _read_group(folder, index, group, checkpoint)
    return checkpoint


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CheckpointError(f"{path} is not readable JSON: {exc}") from None


def _read_group(folder: Path, index: int, group, checkpoint: MagentaJsCheckpoint) -> None:
    where = f"{folder / MANIFEST_FILE} group {index}"
    if not isinstance(group, dict) or not isinstance(group.get("paths"), list) or \
            not isinstance(group.get("weights"), list):
        raise CheckpointError(f"{where}: a group needs a 'paths' list and a 'weights' list")
    stream = _concatenated_shards(folder, group["paths"], where)
    offset = 0
    for spec in group["weights"]:
        name, shape, stored, read_as = _weight_spec(spec, where)
        size = int(np.prod(shape, dtype=np.int64))
        nbytes = size * np.dtype(read_as).itemsize
        if offset + nbytes > len(stream):
            raise CheckpointError(f"{where}: weight {name!r} needs bytes {offset}..{offset + nbytes} but the shards "
                                  f"hold only {len(stream)} bytes: a shard is truncated (an interrupted download?)")
        raw = np.frombuffer(stream, dtype=np.dtype(read_as).newbyteorder("<"), count=size, offset=offset)
        offset += nbytes
        checkpoint.tensors[name] = _dequantize(raw, spec.get("quantization"), stored).reshape(shape)
        if "quantization" in spec:
            checkpoint.quantization[name] = spec["quantization"]["dtype"]
    if offset != len(stream):
        raise CheckpointError(f"{where}: the shards hold {len(stream)} bytes but the weights listed take {offset}; "
                              f"the manifest does not describe these shards")


def _concatenated_shards(folder: Path, paths: list, where: str) -> bytes:
    parts = []
    for name in paths:
        file = folder / str(name)
        if file.resolve().parent != folder.resolve():
            raise CheckpointError(f"{where}: shard path {name!r} points outside the checkpoint folder")
        if not file.is_file():
            raise CheckpointError(f"{where}: shard {name!r} is missing from {folder}")
        parts.append(file.read_bytes())
    return b"".join(parts)


def _weight_spec(spec, where: str) -> tuple[str, list[int], np.dtype, np.dtype]:
    """-> (name, shape, dtype of the values, dtype as stored in the shard)."""
    if not isinstance(spec, dict) or not isinstance(spec.get("name"), str) or not isinstance(spec.get("shape"), list):
        raise CheckpointError(f"{where}: each weight needs a 'name' and a 'shape' (got {spec!r:.120})")
    name, shape = spec["name"], spec["shape"]
    if not all(isinstance(d, int) and d >= 0 for d in shape):
        raise CheckpointError(f"{where}: weight {name!r} has shape {shape}, not a list of sizes")
    dtype = spec.get("dtype", "float32")
    if dtype not in STORED_DTYPES:
        raise CheckpointError(f"{where}: weight {name!r} has dtype {dtype!r}; known: {', '.join(STORED_DTYPES)}")
    stored = STORED_DTYPES[dtype]
    quantization = spec.get("quantization")
    if quantization is None:
        return name, shape, stored, stored
    qtype = quantization.get("dtype") if isinstance(quantization, dict) else None
    if qtype not in QUANTIZED_DTYPES:
        raise CheckpointError(f"{where}: weight {name!r} is quantized as {qtype!r}; known: {', '.join(QUANTIZED_DTYPES)}")
    if qtype != "float16" and not all(isinstance(quantization.get(k), (int, float)) for k in ("scale", "min")):
        raise CheckpointError(f"{where}: weight {name!r} is quantized as {qtype} without a numeric scale and min")
    return name, shape, stored, QUANTIZED_DTYPES[qtype]


def _dequantize(raw: np.ndarray, quantization: dict | None, stored: np.dtype) -> np.ndarray:
    if quantization is None:
        return raw.astype(stored)  # a copy: the tensor outlives the shard bytes
    if quantization["dtype"] == "float16":
        return raw.astype(np.float32)
    # tfjs: values[i] = v * scale + min in JavaScript doubles, stored into a Float32Array.
    return (raw.astype(np.float64) * float(quantization["scale"]) + float(quantization["min"])).astype(np.float32)
