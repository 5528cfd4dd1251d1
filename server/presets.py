"""Presets: named snapshots of both slots, alpha, attributes, temperature and seed, kept in memory and
persisted to one JSON file per model, written atomically (temp file in the same folder, fsync, rename,
fsync the folder). A crash or kill -9 at any point leaves either the old file or the new one, never a
torn one.

`put` and `get` are cheap and run on the receiving thread; `persist` resolves pending encodes and writes
the file, so it runs on the decode worker.
"""
from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
import time
from pathlib import Path

from server.state import LiveState

log = logging.getLogger("musicvae.server")

FORMAT = "musicvae-presets"
VERSION = 1
TMP_PREFIX = ".presets-"
TMP_SUFFIX = ".tmp"
# Test hook: when a preset of this name is being written, stop half-way through the temp file for
# MUSICVAE_TEST_SAVE_PAUSE_SECONDS, so a test can kill -9 the process mid-save.
PAUSE_ENV = "MUSICVAE_TEST_SAVE_PAUSE"


def default_state_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("musicvae-live", appauthor=False))


def presets_path(state_dir: Path, model_name: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", model_name) or "model"
    return Path(state_dir) / f"presets-{safe}.json"


class PresetStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._entries: dict[str, dict | LiveState] = {}  # a dict came from disk, a LiveState from /preset/save
        self._lock = threading.Lock()
        self._writing = threading.Lock()  # two sessions serving one bundle share this store: one write at a time
        self.saves = 0
        self._load()

    def _load(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for stale in self.path.parent.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"):  # torn temp files of a crashed save
            stale.unlink(missing_ok=True)
        if not self.path.exists():
            return
        try:
            payload = json.loads(self.path.read_text(encoding="utf-8"))
            presets = payload["presets"]
            if payload.get("format") != FORMAT or not isinstance(presets, dict):
                raise ValueError(f"not a {FORMAT} file")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            keep = self.path.with_suffix(f".unreadable-{int(time.time())}.json")
            self.path.replace(keep)
            log.error("presets file %s is unreadable (%s); moved it to %s and started empty", self.path, exc, keep)
            return
        self._entries = dict(presets)
        log.info("%d preset(s) from %s", len(self._entries), self.path)

    def names(self) -> list[str]:
        with self._lock:
            return sorted(self._entries)

    def put(self, name: str, snapshot: LiveState) -> None:
        with self._lock:
            self._entries[name] = snapshot

    def get(self, name: str) -> dict | LiveState:
        with self._lock:
            if name not in self._entries:
                known = ", ".join(sorted(self._entries)[:20]) or "none saved yet"
                raise KeyError(f"unknown preset {name!r} (known: {known})")
            return self._entries[name]

    def persist(self) -> None:
        """Write every preset (pending encodes resolved) atomically to the presets file."""
        with self._writing:  # the snapshot and its write together: a later snapshot is never overwritten
            with self._lock:
                entries = dict(self._entries)
            presets = {name: (e.to_preset() if isinstance(e, LiveState) else e) for name, e in entries.items()}
            payload = json.dumps({"format": FORMAT, "version": VERSION, "presets": presets}, indent=1,
                                 sort_keys=True)
            write_atomic(self.path, payload.encode("utf-8"), pause=_pause_seconds(presets))
            self.saves += 1


def write_atomic(path: Path, data: bytes, pause: float = 0.0) -> None:
    """Replace `path` with `data` so that readers and crashes see the old or the new file, never a mix."""
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if pause:  # test hook: half a file on disk, then wait to be killed
                f.write(data[: len(data) // 2])
                f.flush()
                os.fsync(f.fileno())
                time.sleep(pause)
            else:
                f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)  # the rename itself must reach the disk too


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; its rename is durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _pause_seconds(presets: dict) -> float:
    name = os.environ.get(PAUSE_ENV)
    if name and name in presets:
        return float(os.environ.get(f"{PAUSE_ENV}_SECONDS", "60"))
    return 0.0
