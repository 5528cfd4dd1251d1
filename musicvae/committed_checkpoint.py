"""Long trainings outlive a session: the newest checkpoint of a run is committed to the repository.

A session on this project's machines lasts a few hours and kills whatever still runs when it ends, while
a 16-bar model wants many more hours of training. So the newest checkpoint of such a run, with its
optimizer state (under 30 MB), is kept under `checkpoints/CONFIG/` in git. `musicvae recipe CONFIG` seeds
a new run directory from it, so training resumes to the step and the optimizer state, and stores the
newest checkpoint back there when it stops.
"""
from __future__ import annotations

import shutil
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
COMMITTED = REPO_ROOT / "checkpoints"
MAX_BYTES = 30 * 1024 * 1024  # the repository's limit for any committed checkpoint


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
    size = sum(f.stat().st_size for f in newest.iterdir())
    if size > MAX_BYTES:
        raise ValueError(f"{newest} is {size / 2**20:.1f} MiB, over the {MAX_BYTES / 2**20:.0f} MiB limit for git")
    target_dir = COMMITTED / config
    staging = COMMITTED / f".{config}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(newest, staging / newest.name)
    shutil.rmtree(target_dir, ignore_errors=True)
    staging.rename(target_dir)
    return target_dir / newest.name
