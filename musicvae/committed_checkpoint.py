"""Long trainings outlive a session: the newest checkpoint of a run is committed to the repository.

A session on this project's machines lasts a few hours and kills whatever still runs when it ends, while
a 16-bar model wants many more hours of training. So the newest checkpoint of such a run, with its
optimizer state (under 30 MB), is kept under `checkpoints/CONFIG/` in git, its tensor files compressed
losslessly. `musicvae recipe CONFIG` seeds a new run directory from it, so training resumes to the step and
the optimizer state, and stores the newest checkpoint back there when it stops.

A tensor file is stored as its bytes regrouped into four planes (byte 0 of every 4-byte word, then byte 1,
...), then gzipped: float32 weights and Adam moments share their exponent bytes, which gzip only finds once
they sit together. That is 7% smaller than gzip alone on the drum fine-tune's 31 MB, enough to bring it
under the limit. Checkpoints committed before this are plain gzip and still read.
"""
from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
COMMITTED = REPO_ROOT / "checkpoints"
MAX_BYTES = 30 * 1000 * 1000  # the repository's limit for any committed checkpoint, read as decimal MB
TENSORS = "*.safetensors"
PLANES = ".planes4.gz"  # how store() writes a tensor file
GZIP = ".gz"  # the file gzipped as it is: checkpoints stored before the planes
WORD = 4  # float32
LENGTH_BYTES = 8  # the planes are padded to whole words: the true length comes first
CHUNK = 1 << 20


def committed(config: str) -> Path | None:
    """The committed checkpoint directory of a config, or None."""
    found = sorted((COMMITTED / config).glob("step-*")) if (COMMITTED / config).is_dir() else []
    return found[-1] if found else None


def seed_run(config: str, run_dir: Path) -> Path | None:
    """Copy the committed checkpoint into a run directory that has none yet; returns what was copied."""
    from vae.checkpoint import CHECKPOINTS, list_checkpoints

    source = committed(config)
    if source is None or list_checkpoints(run_dir):
        return None
    target = run_dir / CHECKPOINTS / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, target)
    for packed in target.glob(TENSORS + PLANES):
        _unpack_planes(packed)
    for packed in target.glob(TENSORS + GZIP):
        _unpack_gzip(packed)
    return target


def _unpack_planes(packed: Path) -> None:
    packed.with_name(packed.name.removesuffix(PLANES)).write_bytes(from_planes(gzip.decompress(packed.read_bytes())))
    packed.unlink()


def _unpack_gzip(packed: Path) -> None:
    with gzip.open(packed, "rb") as src, open(packed.with_suffix(""), "wb") as dst:
        shutil.copyfileobj(src, dst, CHUNK)
    packed.unlink()


def store(config: str, run_dir: Path) -> Path:
    """Replace the committed checkpoint of a config by the newest one of a run (refused above 30 MB)."""
    from vae.checkpoint import OPTIMIZER_FILE, list_checkpoints

    found = list_checkpoints(run_dir)
    if not found:
        raise FileNotFoundError(f"{run_dir} holds no checkpoint to store")
    newest = found[-1]
    if not (newest / OPTIMIZER_FILE).exists():
        raise ValueError(f"{newest} has no optimizer state: it could not be resumed exactly")
    target_dir = COMMITTED / config
    staging = COMMITTED / f".{config}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    _pack(newest, staging / newest.name)
    size = sum(f.stat().st_size for f in (staging / newest.name).iterdir())
    if size > MAX_BYTES:
        shutil.rmtree(staging)
        raise ValueError(f"{newest} is {size / 1e6:.1f} MB compressed, over the {MAX_BYTES / 1e6:.0f} MB limit "
                         "for git")
    shutil.rmtree(target_dir, ignore_errors=True)
    staging.rename(target_dir)
    return target_dir / newest.name


def to_planes(data: bytes) -> bytes:
    """`data`'s length, then its bytes regrouped by position in a 4-byte word (zero-padded to whole words)."""
    words = np.frombuffer(data + bytes(-len(data) % WORD), dtype=np.uint8).reshape(-1, WORD)
    return len(data).to_bytes(LENGTH_BYTES, "little") + np.ascontiguousarray(words.T).tobytes()


def from_planes(packed: bytes) -> bytes:
    """The inverse of to_planes."""
    length = int.from_bytes(packed[:LENGTH_BYTES], "little")
    planes = np.frombuffer(packed, dtype=np.uint8, offset=LENGTH_BYTES).reshape(WORD, -1)
    return np.ascontiguousarray(planes.T).tobytes()[:length]


def _pack(checkpoint: Path, target: Path) -> None:
    """A copy of a checkpoint directory with its tensor files in planes, gzipped (mtime 0: the same bytes
    each time)."""
    target.mkdir(parents=True)
    for f in checkpoint.iterdir():
        if not f.match(TENSORS):
            shutil.copy2(f, target / f.name)
            continue
        with open(target / (f.name + PLANES), "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as dst:
            dst.write(to_planes(f.read_bytes()))
