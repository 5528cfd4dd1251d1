"""Long trainings outlive a session: the newest checkpoint of a run is committed to the repository.

A session on this project's machines lasts a few hours and kills whatever still runs when it ends, while
a 16-bar model wants many more hours of training. So the newest checkpoint of such a run, with its
optimizer state (under 30 MB), is kept under `checkpoints/CONFIG/` in git, its tensor files gzipped
(losslessly: float32 weights and Adam moments shrink by about a fifth, which brings the drum model's
33 MB under the limit). `musicvae recipe CONFIG` seeds
a new run directory from it, so training resumes to the step and the optimizer state, and stores the
newest checkpoint back there when it stops.
"""
from __future__ import annotations

import gzip
import shutil
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
COMMITTED = REPO_ROOT / "checkpoints"
MAX_BYTES = 30 * 1024 * 1024  # the repository's limit for any committed checkpoint
TENSORS = "*.safetensors"
GZIP = ".gz"
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
    for packed in target.glob(TENSORS + GZIP):
        with gzip.open(packed, "rb") as src, open(packed.with_suffix(""), "wb") as dst:
            shutil.copyfileobj(src, dst, CHUNK)
        packed.unlink()
    return target


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
        raise ValueError(f"{newest} is {size / 2**20:.1f} MiB gzipped, over the {MAX_BYTES / 2**20:.0f} MiB limit "
                         "for git")
    shutil.rmtree(target_dir, ignore_errors=True)
    staging.rename(target_dir)
    return target_dir / newest.name


def _pack(checkpoint: Path, target: Path) -> None:
    """A copy of a checkpoint directory with its tensor files gzipped (mtime 0: the same bytes each time)."""
    target.mkdir(parents=True)
    for f in checkpoint.iterdir():
        if not f.match(TENSORS):
            shutil.copy2(f, target / f.name)
            continue
        with open(f, "rb") as src, open(target / (f.name + GZIP), "wb") as raw, \
                gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as dst:
            shutil.copyfileobj(src, dst, CHUNK)
