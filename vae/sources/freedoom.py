"""Freedoom's music (Debian `freedoom`, BSD-style licence) -> drum `Piece`s.

`freedoom1.wad` and `freedoom2.wad` carry 67 composed game tracks as standard MIDI files inside the WAD:
a header `<4sii` (IWAD/PWAD, lump count, directory offset), a directory of `<ii8s` entries (offset, size,
name), and music lumps named `D_*` that start with `MThd`. No game engine is needed: when the WADs are
not installed, `apt-get download freedoom` fetches the package and `dpkg-deb -x` unpacks it into the
cache. These are sequenced compositions, not human drumming.

Each music lump is one piece (id `freedoom/<wad>/<lump>`), split by its content hash so a track present in
both WADs lands in one split. Only the drum channel is read. A lump that is not MIDI (`not_midi`), that
runs past the end of the WAD or that mido cannot parse (`corrupt_lump`), or that has no drums
(`no_drums`) is skipped and counted; a damaged WAD header skips the WAD (`corrupt_file`).
"""
from __future__ import annotations

import hashlib
import io
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

from vae.sources import Piece, Skip
from vae.sources.midi_folder import read_midi

COLLECTION = "freedoom"
PACKAGE = "freedoom"
SYSTEM_DIRS = (Path("/usr/share/games/doom"),)
WAD_NAMES = ("freedoom1.wad", "freedoom2.wad")
HEADER = struct.Struct("<4sii")
DIRECTORY_ENTRY = struct.Struct("<ii8s")
MUSIC_PREFIX = "D_"
DOWNLOAD_TIMEOUT_S = 600


def find_wads(paths: list[Path] | None = None, cache: Path | None = None) -> tuple[list[Path], str]:
    """The WADs to read and, when there are none, why. `paths`: files or folders given by the user;
    else the installed package's WADs; else the package unpacked into `cache` (downloaded once)."""
    if paths:
        found = [w for p in map(Path, paths) for w in ([p] if p.is_file() else sorted(p.glob("*.wad")))]
        return found, "" if found else f"no .wad in {', '.join(map(str, paths))}"
    installed = [d / n for d in SYSTEM_DIRS for n in WAD_NAMES if (d / n).is_file()]
    if installed:
        return installed, ""
    if cache is None:
        return [], f"{PACKAGE} is not installed (apt-get install {PACKAGE}) and there is no cache to unpack it into"
    unpacked = [cache / "root/usr/share/games/doom" / n for n in WAD_NAMES]
    if not all(w.is_file() for w in unpacked):
        reason = unpack_package(cache)
        if reason:
            return [], reason
    return [w for w in unpacked if w.is_file()], ""


def unpack_package(cache: Path) -> str:
    """`apt-get download freedoom` + `dpkg-deb -x` into cache/root. Returns "" or why it failed."""
    if not (shutil.which("apt-get") and shutil.which("dpkg-deb")):
        return f"no WADs found and no apt-get/dpkg-deb to fetch Debian's {PACKAGE} package"
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="musicvae-freedoom-") as tmp:
        Path(tmp).chmod(0o777)  # apt drops to the _apt user to download
        try:
            got = subprocess.run(["apt-get", "download", PACKAGE], cwd=tmp, capture_output=True, text=True,
                                 timeout=DOWNLOAD_TIMEOUT_S)
            debs = sorted(Path(tmp).glob(f"{PACKAGE}_*.deb"))
            if got.returncode != 0 or not debs:
                return f"apt-get download {PACKAGE} failed: {(got.stderr or got.stdout).strip()[-300:]}"
            staging = cache / "root.partial"
            shutil.rmtree(staging, ignore_errors=True)
            unpacked = subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(staging)], capture_output=True,
                                      text=True, timeout=DOWNLOAD_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"fetching {PACKAGE} failed: {exc}"
        if unpacked.returncode != 0:
            return f"dpkg-deb -x failed: {unpacked.stderr.strip()[-300:]}"
        shutil.rmtree(cache / "root", ignore_errors=True)
        staging.rename(cache / "root")
    return ""


def music_lumps(data: bytes) -> list[tuple[str, bytes | None, str]]:
    """(name, bytes, "") for each D_* lump of a WAD image, or (name, None, why) for one past the end.
    Raises ValueError when the header or directory itself is damaged."""
    if len(data) < HEADER.size:
        raise ValueError(f"{len(data)} bytes: too short for a WAD header")
    ident, count, directory = HEADER.unpack_from(data)
    if ident not in (b"IWAD", b"PWAD"):
        raise ValueError(f"not a WAD (starts with {ident!r})")
    if count < 0 or directory < 0 or directory + count * DIRECTORY_ENTRY.size > len(data):
        raise ValueError(f"directory of {count} lumps at {directory} lies outside the {len(data)}-byte file")
    lumps = []
    for i in range(count):
        offset, size, raw = DIRECTORY_ENTRY.unpack_from(data, directory + i * DIRECTORY_ENTRY.size)
        name = raw.split(b"\0", 1)[0].decode("ascii", "replace").upper()
        if not name.startswith(MUSIC_PREFIX):
            continue
        if offset < 0 or size < 0 or offset + size > len(data):
            lumps.append((name, None, f"lump at {offset}+{size} runs past the end of the WAD"))
        else:
            lumps.append((name, data[offset:offset + size], ""))
    return lumps


def read_wad(path: str | Path) -> list[Piece | Skip]:
    """Every music lump of one WAD: a Piece for each with drums, a Skip (with its reason) for the rest."""
    import mido

    path = Path(path)
    wad = path.stem
    try:
        lumps = music_lumps(path.read_bytes())
    except (OSError, ValueError) as exc:
        return [Skip(f"{COLLECTION}/{wad}", COLLECTION, "corrupt_file", str(exc))]
    records: list[Piece | Skip] = []
    for name, data, why in lumps:
        pid = f"{COLLECTION}/{wad}/{name}"
        if data is None:
            records.append(Skip(pid, COLLECTION, "corrupt_lump", why))
            continue
        if not data.startswith(b"MThd"):
            records.append(Skip(pid, COLLECTION, "not_midi", f"starts with {data[:4]!r}, not MThd"))
            continue
        key = f"{COLLECTION}/{hashlib.sha1(data).hexdigest()[:16]}"
        try:
            mid = mido.MidiFile(file=io.BytesIO(data), clip=True)
            records.append(read_midi(mid, pid, COLLECTION, name, drums_only=True, split_key=key))
        except Exception as exc:  # mido raises OSError, EOFError, KeyError, ValueError... on bad data
            records.append(Skip(pid, COLLECTION, "corrupt_lump", f"{type(exc).__name__}: {exc}"))
    return records
