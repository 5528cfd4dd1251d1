"""MMA (Musical MIDI Accompaniment, Debian `mma`) grooves -> drum `Piece`s.

MMA's library (/usr/share/mma/lib: stdlib, casio, yamaha, zoom, kara, pflib, alexis) holds ~2,000
`DefGroove` definitions in 277 style files: a main groove and its variations (Sus, Plus, 1, 2, ...),
intros, fills and endings. None of it is human drumming: a groove is a 1-4 bar loop with MMA's randomised
humanisation (RTime, RSkip, RVolume), so 16 rendered bars repeat with small variations.

Rendering: all grooves of one style file are played in one `mma` run (16 bars each, a MIDI marker before
each, `RndSeed` fixed so a render is reproducible), which costs one MMA start per file instead of one per
groove (measured: 0.56 s for 8beat.mma's 15 grooves against ~0.22 s for one). A groove that makes MMA fail
is dropped (MMA names the failing line) and the file rendered again without it. Rendered MIDI is cached
(keyed by the style file, its size and mtime, MMA's version and RENDER_VERSION), so only the first build
pays; the `mma` processes run one at a time under `nice`, since training usually shares the machine.

Each groove is one piece (id `mma/<dir>/<file>/<groove>`); the grooves of one style file share a split key,
so a test groove's variations are never in training. Only the drum channel is read. Grooves not in 4/4
(3/4 waltzes, 6/8, MMA `Time 3`) and grooves without drums are skipped and counted.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from contract.codec import GM_DRUM_CHANNEL
from vae.sources import Line, Measure, Piece, Skip

COLLECTION = "mma"
LIBRARY = Path("/usr/share/mma/lib")
BARS_PER_GROOVE = 16  # covers every loop length (1-4 bars) several times
RENDER_VERSION = 3  # bump when the song text or the reading below changes what a render holds
TEMPO = 120
RENDER_TIMEOUT_S = 300
NICE = 10
MARKER_PREFIX = "GROOVE:"
END_MARKER = "END-OF-GROOVES"  # after the last groove: its length is known without trailing note-offs

_DEFGROOVE = re.compile(r"^\s*defgroove\s+([^\s$]+)", re.IGNORECASE | re.MULTILINE)
_ERROR_LINE = re.compile(r"Error:\s*<Line (\d+)>\s*<File:([^>]*)>")


def library_files(root: str | Path = LIBRARY) -> list[Path]:
    """Every style file under the library root (a single .mma file is its own library)."""
    root = Path(root)
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.mma") if p.is_file()) if root.is_dir() else []


def groove_names(path: str | Path) -> list[str]:
    """The DefGroove names of a style file, in order, each once (MMA ignores case)."""
    text = Path(path).read_text(encoding="latin-1")
    seen, names = set(), []
    for name in _DEFGROOVE.findall(text):
        if name.upper() not in seen:
            seen.add(name.upper())
            names.append(name)
    return names


def style_name(path: Path, root: Path) -> str:
    """`stdlib/8beat` for /usr/share/mma/lib/stdlib/8beat.mma: the style's id and MMA's extended name."""
    root = Path(root)
    rel = path.relative_to(root) if root.is_dir() else Path(path.name)
    return rel.with_suffix("").as_posix()


@dataclass
class Rendered:
    """One style file rendered: the MIDI (None when no groove rendered) and the grooves that failed."""

    style: str
    grooves: list[str]
    midi: Path | None
    failed: dict[str, str] = field(default_factory=dict)
    cached: bool = False


def song_text(path: Path, grooves: list[str]) -> tuple[str, dict[int, str]]:
    """The MMA song that plays each groove for BARS_PER_GROOVE bars; also song line -> groove.

    Grooves are named in MMA's extended form `/abs/path/style:groove`, so a groove name defined in two
    style files (and any library outside MMA's search path) resolves to the file it was read from."""
    lines = ["RndSeed 1", f"Tempo {TEMPO}"]
    owner: dict[int, str] = {}
    reference = Path(path).resolve().with_suffix("")
    for name in grooves:
        block = [f"Groove {reference}:{name}", f"MidiMark {MARKER_PREFIX}{name}"] + ["C"] * BARS_PER_GROOVE
        for offset in range(len(block)):
            owner[len(lines) + offset + 1] = name  # MMA counts lines from 1
        lines += block
    lines += [f"MidiMark {END_MARKER}", "z"]  # MMA writes a mark only before a bar: a silent one
    return "\n".join(lines) + "\n", owner


def mma_version() -> str:
    try:
        out = subprocess.run(["mma", "-v"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    found = re.findall(r"^\d[\w.]*$", out.stdout + out.stderr, re.MULTILINE)
    return found[-1] if found else ""


def _command(song: Path, midi: Path) -> list[str]:
    nice = ["nice", "-n", str(NICE)] if shutil.which("nice") else []
    return nice + ["mma", str(song), "-f", str(midi)]


def _cache_key(path: Path, version: str) -> str:
    st = path.stat()
    key = f"{RENDER_VERSION}|{version}|{path.resolve()}|{st.st_size}|{st.st_mtime_ns}|{BARS_PER_GROOVE}|{TEMPO}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def render_style(path: Path, library: Path, cache: Path, version: str) -> Rendered:
    """Render (or fetch from the cache) every groove of one style file."""
    path = Path(path)
    style = style_name(path, library)
    stem = f"{style.replace('/', '__')}.{_cache_key(path, version)}"
    index, midi = cache / f"{stem}.json", cache / f"{stem}.mid"
    if index.is_file():
        try:
            entry = json.loads(index.read_text())
            if not entry["grooves"] or midi.is_file():
                return Rendered(style, entry["grooves"], midi if entry["grooves"] else None, entry["failed"],
                                cached=True)
        except (OSError, ValueError, KeyError):
            pass  # a damaged entry is rendered again
    grooves = groove_names(path)
    failed: dict[str, str] = {}
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="musicvae-mma-") as tmp:
        while grooves:
            error = _render_once(path, grooves, Path(tmp), midi)
            if error is None:
                break
            culprit, message = error
            for name in ([culprit] if culprit else list(grooves)):
                failed[name] = message
                grooves.remove(name)
    entry = {"style": style, "grooves": grooves, "failed": failed}
    tmp_index = cache / f"{stem}.json.tmp"
    tmp_index.write_text(json.dumps(entry) + "\n")
    os.replace(tmp_index, index)
    return Rendered(style, grooves, midi if grooves else None, failed)


def _render_once(path: Path, grooves: list[str], tmp: Path, midi: Path):
    """None on success (MIDI written to `midi`), else (failing groove or None for all, MMA's message)."""
    text, owner = song_text(path, grooves)
    song = tmp / "song.mma"
    song.write_text(text)
    out = tmp / "song.mid"
    try:
        result = subprocess.run(_command(song, out), capture_output=True, text=True, cwd=tmp,
                                timeout=RENDER_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None, f"mma timed out after {RENDER_TIMEOUT_S} s"
    message = (result.stdout + result.stderr).strip()
    if result.returncode == 0 and out.is_file():
        os.replace(out, midi)
        return None
    found = _ERROR_LINE.search(message)
    errors = [line for line in message.splitlines() if "Error" in line] or message.splitlines()[-1:]
    reason = " ".join(errors)[:300] or f"mma exited with {result.returncode}"
    if found and Path(found.group(2)).name == song.name and int(found.group(1)) in owner:
        return owner[int(found.group(1))], reason
    return None, reason


def render_all(files: list[Path], library: Path, cache: Path, progress: bool = True) -> list[Rendered]:
    """Render every style file, one `mma` process at a time (see the module docstring)."""
    from tqdm import tqdm

    version = mma_version()
    out = []
    for path in tqdm(files, desc="mma render", unit="style", disable=not progress or not files, file=sys.stderr):
        out.append(render_style(path, library, cache, version))
    return out


# ------------------------------------------------------------------------------------------------ reading


def read_rendered(rendered: Rendered) -> list[Piece | Skip]:
    """One Piece per 4/4 groove with drums; a Skip for every other groove, saying why."""
    import mido

    records: list[Piece | Skip] = [
        Skip(_piece_id(rendered.style, name), COLLECTION, "render_error", reason)
        for name, reason in rendered.failed.items()
    ]
    if rendered.midi is None:
        return records
    try:
        mid = mido.MidiFile(str(rendered.midi), clip=True)
    except Exception as exc:  # a damaged cache file: every groove of the style is lost, and said so
        return records + [Skip(_piece_id(rendered.style, n), COLLECTION, "corrupt_file", f"{type(exc).__name__}: {exc}")
                          for n in rendered.grooves]
    events = _events(mid)
    markers = events.markers
    for i, (tick, name) in enumerate(markers):
        end = markers[i + 1][0] if i + 1 < len(markers) else events.end
        records.append(_groove_piece(rendered.style, name, tick, end, events, mid.ticks_per_beat or 480))
    missing = set(rendered.grooves) - {name for _, name in markers}
    records += [Skip(_piece_id(rendered.style, n), COLLECTION, "render_error", "no marker in the rendered MIDI")
                for n in sorted(missing)]
    return records


@dataclass
class _Events:
    markers: list[tuple[int, str]]  # (tick, groove name)
    meters: list[tuple[int, str]]  # (tick, "n/d")
    drums: list[tuple[int, int]]  # (tick, GM pitch) of channel-10 note-ons
    end: int


def _events(mid) -> _Events:
    markers, meters, drums = [], [], []
    last_tick, end_marker = 0, None
    for track in mid.tracks:
        tick = 0
        for msg in track:
            tick += msg.time
            if msg.type == "marker" and msg.text.startswith(MARKER_PREFIX):
                markers.append((tick, msg.text[len(MARKER_PREFIX):]))
            elif msg.type == "marker" and msg.text == END_MARKER:
                end_marker = tick
            elif msg.type == "time_signature":
                meters.append((tick, f"{msg.numerator}/{msg.denominator}"))
            elif msg.type == "note_on" and msg.velocity > 0 and msg.channel == GM_DRUM_CHANNEL:
                drums.append((tick, msg.note))
        last_tick = max(last_tick, tick)
    end = end_marker if end_marker is not None else last_tick
    return _Events(sorted(markers), sorted(meters), sorted(drums), end)


def _piece_id(style: str, groove: str) -> str:
    return f"{COLLECTION}/{style}/{groove}"


def _groove_piece(style: str, name: str, start: int, end: int, events: _Events, tpb: int) -> Piece | Skip:
    pid = _piece_id(style, name)
    bar_beats = (end - start) / tpb / BARS_PER_GROOVE
    meter = "4/4"
    at = bisect.bisect_right([t for t, _ in events.meters], start) - 1
    if at >= 0:
        meter = events.meters[at][1]
    if meter != "4/4" or abs(bar_beats - 4.0) > 1e-6:
        written = meter if abs(_meter_beats(meter) - bar_beats) < 1e-6 else f"{bar_beats:g}/4"
        return Skip(pid, COLLECTION, "unsupported_meter", f"{bar_beats:g} beats a bar", written)
    sixteenth = tpb / 4
    lo = bisect.bisect_left(events.drums, (start - sixteenth / 2, -1))
    hi = bisect.bisect_left(events.drums, (end - sixteenth / 2, -1))
    hits = events.drums[lo:hi]  # a hit humanised to just before the marker still belongs to this groove
    if not hits:
        return Skip(pid, COLLECTION, "no_drums", "the groove plays no drum channel")
    measures = [Measure(4.0 * bar, 4.0, "4/4") for bar in range(BARS_PER_GROOVE)]
    notes = []
    for tick, pitch in hits:
        beats = max(0.0, (tick - start) / tpb)
        bar = min(int(round(beats * 4)) // 16, BARS_PER_GROOVE - 1)
        notes.append((bar, beats - 4.0 * bar, 0.25, pitch))
    return Piece(pid, COLLECTION, measures, [Line("drums", "drums", notes)], name,
                 {"drum_hits": len(notes)}, split_key=f"{COLLECTION}/{style}")


def _meter_beats(meter: str) -> float:
    try:
        num, den = meter.split("/")
        return int(num) * 4.0 / int(den)
    except (ValueError, ZeroDivisionError):
        return 0.0
