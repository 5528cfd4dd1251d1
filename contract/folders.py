"""Folders written whole: a bundle, a data build. Readers see the old folder or the new one, never half."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


def publish_folder(staging: Path, out: Path) -> Path:
    """Move the finished `staging` folder to `out`: an old `out` is renamed aside first and deleted after,
    so a crash leaves either the old folder or the new one in place. -> out"""
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    shutil.rmtree(old, ignore_errors=True)
    return out
