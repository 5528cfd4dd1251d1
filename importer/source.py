"""What `musicvae import SOURCE` reads: a magenta.js folder, a TensorFlow checkpoint (prefix, folder or .tar),
or `magenta:ID`, a published id downloaded into a cache folder first (only where the machine is online)."""
from __future__ import annotations

import json
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from importer.config import Representation, representation_from_shapes, representation_from_spec
from importer.errors import CheckpointError
from importer.magenta_js import CONFIG_FILE, MANIFEST_FILE, is_magenta_js_folder, read_magenta_js
from importer.published import lookup
from importer.tf_checkpoint import is_tf_checkpoint, read_tf_checkpoint

MAGENTA_PREFIX = "magenta:"
ATTRIBUTE_FILE = "attribute_vecs.json"  # {name: [z floats]}, where a checkpoint ships attribute vectors
DOWNLOAD_TIMEOUT_S = 30


@dataclass
class Source:
    description: str
    kind: str  # "magenta.js" | "tensorflow"
    tensors: dict[str, np.ndarray]
    representation: Representation
    quantization: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, list] = field(default_factory=dict)


def open_source(source: str, bars: int | None, steps_per_bar: int, cache: Path, workdir: Path) -> Source:
    """Read SOURCE. `bars` is needed for TensorFlow checkpoints, which do not record their length."""
    if source.startswith(MAGENTA_PREFIX):
        return _published(source[len(MAGENTA_PREFIX):], cache, workdir)
    path = Path(source).expanduser()
    if is_magenta_js_folder(path) or (path / CONFIG_FILE).exists():
        checkpoint = read_magenta_js(path)
        rep = representation_from_spec(checkpoint.spec, str(path / CONFIG_FILE))
        return Source(str(path), "magenta.js", checkpoint.tensors, rep, checkpoint.quantization,
                      _attribute_file(path))
    if path.suffix == ".tar" and path.is_file():
        path = _extract(path, workdir)
    prefix = _tf_prefix(path)
    if prefix is None:
        raise CheckpointError(f"{source} is not a checkpoint: give a magenta.js folder ({CONFIG_FILE} + "
                              f"{MANIFEST_FILE} + shards), a TensorFlow checkpoint prefix (PREFIX.index beside "
                              f"PREFIX.data-00000-of-00001), a folder or .tar holding one, or magenta:ID")
    if not bars:
        raise CheckpointError(f"{source} is a TensorFlow checkpoint, which does not record how many bars it "
                              f"models: pass --bars N (Magenta's cat-* models: 2, hierdec-*_16bar: 16)")
    tensors = read_tf_checkpoint(prefix)
    return Source(str(prefix), "tensorflow", tensors, representation_from_shapes(tensors, bars, steps_per_bar))


def _tf_prefix(path: Path) -> Path | None:
    if is_tf_checkpoint(path):
        return path
    if path.is_dir():
        indexes = sorted(path.rglob("*.index"))
        if len(indexes) == 1:
            return Path(str(indexes[0])[: -len(".index")])
        if len(indexes) > 1:
            raise CheckpointError(f"{path} holds several checkpoints ({', '.join(p.name for p in indexes[:4])}); "
                                  f"give the prefix of one")
    return None


def _extract(tar: Path, workdir: Path) -> Path:
    target = workdir / tar.stem
    try:
        with tarfile.open(tar) as archive:
            archive.extractall(target, filter="data")  # refuses absolute paths and links out of the folder
    except (tarfile.TarError, OSError) as exc:
        raise CheckpointError(f"{tar}: cannot unpack ({exc})") from None
    return target


def _attribute_file(folder: Path) -> dict[str, list]:
    file = folder / ATTRIBUTE_FILE
    if not file.exists():
        return {}
    try:
        data = json.loads(file.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise CheckpointError(f"{file} is not readable JSON: {exc}") from None
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise CheckpointError(f"{file} must map attribute names to vectors")
    return data


# ------------------------------------------------------------------------------------------ downloads


def _published(ident: str, cache: Path, workdir: Path) -> Source:
    try:
        entry = lookup(ident)
    except KeyError as exc:
        raise CheckpointError(str(exc.args[0])) from None
    if not entry.supported:
        raise CheckpointError(f"magenta:{ident}: {entry.note}")
    target = cache / ident
    if entry.kind == "magenta.js":
        if not (target / MANIFEST_FILE).exists():
            _download_folder(entry.url, target)
        return open_source(str(target), None, 16, cache, workdir)
    tar = cache / f"{ident}.tar"
    if not tar.exists():
        _download(entry.url, tar)
    return open_source(str(tar), entry.bars, 16, cache, workdir)


def _download_folder(url: str, target: Path) -> None:
    staging = target.parent / f".{target.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name in (CONFIG_FILE, MANIFEST_FILE):
        _download(f"{url}/{name}", staging / name)
    for group in json.loads((staging / MANIFEST_FILE).read_text()):
        for shard in group.get("paths", []):
            _download(f"{url}/{shard}", staging / Path(shard).name)
    try:
        _download(f"{url}/{ATTRIBUTE_FILE}", staging / ATTRIBUTE_FILE)
    except CheckpointError:
        pass  # most checkpoints ship none
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)


def _download(url: str, file: Path) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    partial = file.with_name(file.name + ".partial")
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_S) as response, open(partial, "wb") as out:
            shutil.copyfileobj(response, out)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        partial.unlink(missing_ok=True)
        raise CheckpointError(f"cannot download {url} ({getattr(exc, 'reason', exc)}): this machine looks offline "
                              f"or the file moved. Download it where you are online and pass the folder or "
                              f"file to `musicvae import` instead of magenta:ID") from None
    partial.rename(file)


def default_cache() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("musicvae")) / "magenta"


def scratch() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="musicvae-import-")
