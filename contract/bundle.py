"""A model bundle: manifest.json beside encoder.onnx and decoder.onnx (contract/graphs.py).

The format the exporter writes and the reader a server trusts a bundle with before it builds sessions: the
format and its version, the fields it reads, each graph's sha256 (a graph edited or truncated after export
is refused, not run), and the latent statistics and attribute vectors, as float32 numpy arrays. numpy only;
no ONNX Runtime here.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from contract.codec import CODECS, STEPS_PER_BEAT
from contract.graphs import GRAPHS

FORMAT = "musicvae-bundle"
SUPPORTED_VERSIONS = (1,)
FORMAT_VERSION = SUPPORTED_VERSIONS[-1]  # what the exporter writes
MANIFEST_FILE = "manifest.json"
REQUIRED_FIELDS = ("name", "codec", "num_classes", "num_bars", "steps_per_bar", "num_steps", "z_size", "graphs")


class BundleError(ValueError):
    """A bundle that cannot be served, with the reason and what to do about it."""


@dataclass
class LatentStats:
    """Where the training data lives in z: mean, principal directions (unit rows) and their stddevs."""

    mean: np.ndarray  # [z]
    components: np.ndarray  # [k, z]
    stddevs: np.ndarray  # [k]

    @property
    def num_coordinates(self) -> int:
        return int(self.components.shape[0])


@dataclass
class Bundle:
    path: Path
    manifest: dict
    name: str
    codec: str
    num_classes: int
    num_bars: int
    steps_per_bar: int
    num_steps: int
    z_size: int
    graph_paths: dict[str, Path]
    attributes: dict[str, np.ndarray] = field(default_factory=dict)  # name -> [z]
    latent: LatentStats | None = None

    @property
    def length_beats(self) -> float:
        return self.num_steps / STEPS_PER_BEAT


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_bundle(path: str | Path, verify: bool = True) -> Bundle:
    """Read and check a bundle folder. Raises BundleError saying what is wrong and how to fix it."""
    path = Path(path)
    manifest = _read_manifest(path)
    _check_format(path, manifest)
    graph_paths = {name: _graph_path(path, manifest, name, verify) for name in GRAPHS}
    z_size = int(manifest["z_size"])
    bundle = Bundle(
        path=path, manifest=manifest, name=str(manifest["name"]), codec=str(manifest["codec"]),
        num_classes=int(manifest["num_classes"]), num_bars=int(manifest["num_bars"]),
        steps_per_bar=int(manifest["steps_per_bar"]), num_steps=int(manifest["num_steps"]), z_size=z_size,
        graph_paths=graph_paths,
        attributes=_read_attributes(path, manifest.get("attributes") or {}, z_size),
        latent=_read_latent(path, manifest.get("latent"), z_size),
    )
    if bundle.num_steps != bundle.num_bars * bundle.steps_per_bar:
        raise BundleError(f"{path}/manifest.json: num_steps {bundle.num_steps} != num_bars {bundle.num_bars} "
                          f"x steps_per_bar {bundle.steps_per_bar}")
    return bundle


def _read_manifest(path: Path) -> dict:
    if not path.is_dir():
        raise BundleError(f"{path} is not a folder; a model bundle is a folder with manifest.json, "
                          f"encoder.onnx and decoder.onnx")
    file = path / MANIFEST_FILE
    if not file.exists():
        raise BundleError(f"{path} has no manifest.json: not a model bundle (write one with `musicvae export`)")
    try:
        manifest = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(f"{file} is not readable JSON: {exc}") from exc
    if not isinstance(manifest, dict):
        raise BundleError(f"{file} must hold a JSON object")
    return manifest


def _check_format(path: Path, manifest: dict) -> None:
    if manifest.get("format") != FORMAT:
        raise BundleError(f"{path}/manifest.json: format is {manifest.get('format')!r}, expected {FORMAT!r}")
    version = manifest.get("format_version")
    if version not in SUPPORTED_VERSIONS:
        raise BundleError(f"{path}/manifest.json: format_version {version!r} is not supported by this server "
                          f"(supports {', '.join(map(str, SUPPORTED_VERSIONS))}); re-export the bundle with "
                          f"this version of musicvae or upgrade the server")
    missing = [f for f in REQUIRED_FIELDS if f not in manifest]
    if missing:
        raise BundleError(f"{path}/manifest.json lacks {', '.join(missing)}")
    if manifest["codec"] not in CODECS:
        raise BundleError(f"{path}/manifest.json: unknown codec {manifest['codec']!r} ({' or '.join(CODECS)})")


def _graph_path(path: Path, manifest: dict, name: str, verify: bool) -> Path:
    entry = (manifest.get("graphs") or {}).get(name)
    if not isinstance(entry, dict) or "file" not in entry or "sha256" not in entry:
        raise BundleError(f"{path}/manifest.json: graphs.{name} must give 'file' and 'sha256'")
    file = path / str(entry["file"])
    if file.resolve().parent != path.resolve():
        raise BundleError(f"{path}/manifest.json: graphs.{name}.file must name a file inside the bundle")
    if not file.exists():
        raise BundleError(f"{path}: {file.name} is missing (the bundle is incomplete; re-export it)")
    if verify:
        actual = sha256_file(file)
        if actual != str(entry["sha256"]).lower():
            raise BundleError(f"{file}: sha256 {actual[:16]}... does not match the manifest's "
                              f"{str(entry['sha256'])[:16]}...: the graph changed or was damaged after export; "
                              f"re-export the bundle")
    return file


def _vector(values, size: int, what: str) -> np.ndarray:
    array = np.asarray(values, dtype=np.float32)
    if array.shape != (size,) or not np.isfinite(array).all():
        raise BundleError(f"manifest {what} must be {size} finite numbers (got shape {array.shape})")
    return array


def _read_attributes(path: Path, attributes: dict, z_size: int) -> dict[str, np.ndarray]:
    if not isinstance(attributes, dict):
        raise BundleError(f"{path}/manifest.json: attributes must map names to vectors")
    return {str(name): _vector(vec, z_size, f"attribute {name!r}") for name, vec in attributes.items()}


def _read_latent(path: Path, latent: dict | None, z_size: int) -> LatentStats | None:
    if not latent:
        return None
    try:
        mean = _vector(latent["mean"], z_size, "latent.mean")
        components = np.asarray(latent["components"], dtype=np.float32).reshape(-1, z_size)
        stddevs = np.asarray(latent["stddevs"], dtype=np.float32).reshape(-1)
    except (KeyError, TypeError, ValueError) as exc:
        raise BundleError(f"{path}/manifest.json: latent must hold mean, components and stddevs ({exc})") from exc
    if len(components) != len(stddevs) or not (np.isfinite(components).all() and np.isfinite(stddevs).all()):
        raise BundleError(f"{path}/manifest.json: latent has {len(components)} components but "
                          f"{len(stddevs)} stddevs, or non-finite values")
    return LatentStats(mean, components, stddevs)
