"""OpenMSX, OpenTTD's music set (Debian `openttd-openmsx`, GPL-2) -> drum `Piece`s.

31 composed MIDI files in /usr/share/games/openttd/baseset/openmsx/. Sequenced compositions, not human
drumming. Each file is one piece (split by file); only the drum channel is read, and a file without drums
is skipped and counted (`no_drums`).
"""
from __future__ import annotations

from pathlib import Path

from vae.sources import Piece, Skip, midi_folder

COLLECTION = "openmsx"
DEFAULT_DIR = Path("/usr/share/games/openttd/baseset/openmsx")
PACKAGE = "openttd-openmsx"


def find_files(folder: str | Path = DEFAULT_DIR) -> list[Path]:
    folder = Path(folder)
    return midi_folder.find_files(folder) if folder.exists() else []


def piece_id(folder: str | Path, path: Path) -> str:
    folder = Path(folder)
    return f"{COLLECTION}/{path.name if folder.is_file() else path.relative_to(folder).as_posix()}"


def read_file(path: str | Path, pid: str) -> Piece | Skip:
    return midi_folder.read_file(path, pid, COLLECTION, drums_only=True)
