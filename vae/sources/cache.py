"""On-disk cache of parsed music21 pieces, one gzip JSON file per corpus file.

Parsing the corpus with music21 takes minutes; its result (measures + notes, before any windowing) is
cached so rebuilding the windows after a change to vae/windows.py costs seconds. An entry is keyed by the
corpus file's path, size and mtime and by PARSER_VERSION: bump it whenever the readers change what they
extract. Plain JSON, never pickle.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections import defaultdict
from pathlib import Path

from vae.sources import Piece, Skip, record_from_dict

PARSER_VERSION = 4


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("musicvae")) / "corpus"


class ParseCache:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self._files: dict[str, dict[str, dict]] = {}  # cache file -> {task index: record dict}

    def _path(self, source: str) -> Path:
        st = os.stat(source)
        key = f"{PARSER_VERSION}|{os.path.abspath(source)}|{st.st_size}|{st.st_mtime_ns}"
        return self.folder / f"{Path(source).name}.{hashlib.sha1(key.encode()).hexdigest()[:16]}.json.gz"

    def _load(self, path: Path) -> dict[str, dict]:
        if str(path) not in self._files:
            entries = {}
            if path.is_file():
                try:
                    with gzip.open(path, "rt", encoding="utf-8") as f:
                        entries = json.load(f)["records"]
                except (OSError, ValueError, KeyError):
                    entries = {}  # a damaged cache file is just re-parsed
            self._files[str(path)] = entries
        return self._files[str(path)]

    def get(self, task) -> Piece | Skip | None:
        """The cached record of a music21_corpus.Task, or None."""
        record = self._load(self._path(task.source)).get(str(task.index))
        return record_from_dict(record) if record is not None else None

    def store(self, results) -> None:
        """results: (Task, Piece | Skip) pairs. Parse errors are cached too: they are deterministic."""
        touched: dict[Path, dict] = defaultdict(dict)
        for task, record in results:
            touched[self._path(task.source)][str(task.index)] = record.to_dict()
        if not touched:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for path, new in touched.items():
            entries = self._load(path)
            entries.update(new)
            tmp = path.with_suffix(".tmp")
            with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=3) as f:
                json.dump({"version": PARSER_VERSION, "records": entries}, f, separators=(",", ":"))
            os.replace(tmp, path)
