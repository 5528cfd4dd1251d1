"""Build the token-window data folder: 2-bar and 16-bar melodies, 2-bar drums (docs/design.md, 'Data and splits').

Sources: music21's bundled corpus (essenFolksong, oneills1850, ryansMammoth, and the soprano and bass lines
of the Bach chorales), folders of MIDI files (--midi), and for drums Hydrogen's demo songs
(hydrogen-data), MMA's groove library rendered to MIDI (mma), Freedoom's game music (freedoom) and
OpenTTD's OpenMSX music (openttd-openmsx); the last three give drum windows only. Kept meters: 4/4, 2/2
and 2/4 (two 2/4 bars make one 16-step bar); others are dropped and counted. Windows sit on the real bar
lines (pickups and repeats handled), hop 1 bar, all-rest windows dropped. Each piece goes to
train/valid/test by a fixed hash of its id, or of its split key where pieces must stay together (the
grooves of one MMA style file), 80/10/10. Duplicate windows are removed within a split, and a valid or test
window identical to one in an earlier split (train, then valid) is removed too, so evaluation never scores
a window that training saw; nor one within NEAR_DUPLICATE_STEPS differing steps of a training window
(vae/near_duplicates.py). Training windows never depend on the held-out splits.

Output: DATA/report.json, DATA/pieces.json, DATA/<dataset>/<split>-NNNNN.npz (tokens int16, piece int32).
music21 parsing is slow: it runs once, across --workers processes, and is cached (--cache).

Drums: none of the drum sources is human drumming (like the Groove MIDI Dataset, which cannot be
downloaded here): MMA grooves are 1-4 bar loops with randomised humanisation, Freedoom and OpenMSX are
sequenced compositions, Hydrogen's are demo songs. Add drum MIDI files (channel 10) with --midi.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from contract.errors import UserError
from contract.folders import publish_folder
from vae import shards
from vae.shards import DATASETS, SPLITS
from vae.near_duplicates import near_duplicates
from vae.sources import SUPPORTED_METERS, Piece, Skip, freedoom, hydrogen, midi_folder, mma, music21_corpus, openmsx
from vae.sources.cache import ParseCache, default_cache_dir

SPLIT_RULE = (
    "key = the piece's split key (the grooves of one MMA style file share one; identical Freedoom lumps too), "
    "else its id; bucket = int(sha1(key)[:8 bytes]) % 100: 0-79 train, 80-89 valid, 90-99 test; a collection "
    "of fewer than 20 keys (e.g. the 7 Hydrogen songs) is ranked by (bucket, hash) instead and its last 10% "
    "(at least 1) go to test, the 10% before them (at least 1) to valid, so no split is left empty"
)
SMALL_COLLECTION = 20  # below this many pieces, the plain 80/10/10 hash can leave valid or test empty
NEAR_DUPLICATE_STEPS = 2  # a held-out window this close (Hamming distance) to a training window is not a test
DEDUP_RULE = (
    "identical windows are kept once per split (first piece in id order wins); then valid drops windows "
    "found in train, and test drops windows found in train or valid; then valid and test drop windows that "
    f"differ from some training window in at most {NEAR_DUPLICATE_STEPS} steps (near duplicates); train is "
    "never filtered"
)
DRUM_SOURCES = ("mma", "freedoom", "openmsx")
DRUM_COLLECTIONS = ("hydrogen", *DRUM_SOURCES)
TASK_CHUNK = 8  # tunes per unit of parallel work: small enough to balance, large enough to amortize IPC


class NoWindowsError(RuntimeError):
    """No source gave a single window."""


def _hash(piece_id: str) -> int:
    return int.from_bytes(hashlib.sha1(piece_id.encode("utf-8")).digest()[:8], "big")


def split_of(piece_id: str) -> str:
    """The split of a piece of a large collection: a fixed hash, so it never depends on what else is read."""
    bucket = _hash(piece_id) % 100
    return "train" if bucket < 80 else "valid" if bucket < 90 else "test"


def assign_splits(pieces: list[Piece]) -> dict[str, str]:
    """piece id -> split (SPLIT_RULE). Pieces of one collection share a rule, pieces of one split key share a
    split; every id gets one split."""
    by_collection: dict[str, dict[str, None]] = defaultdict(dict)  # collection -> split keys, in order
    key_of = {}
    for piece in pieces:
        key_of[piece.id] = piece.split_key or piece.id
        by_collection[piece.collection][key_of[piece.id]] = None
    key_split: dict[str, str] = {}
    for keys in by_collection.values():
        key_split.update(_split_keys(list(keys)))
    return {piece_id: key_split[key] for piece_id, key in key_of.items()}


def _split_keys(keys: list[str]) -> dict[str, str]:
    """The split of every key of one collection (SPLIT_RULE)."""
    if len(keys) >= SMALL_COLLECTION or len(keys) < 3:
        return {k: split_of(k) for k in keys}
    ranked = sorted(keys, key=lambda k: (_hash(k) % 100, _hash(k)))
    held_out = max(1, round(0.1 * len(keys)))
    splits = {}
    for rank, key in enumerate(ranked):
        from_end = len(ranked) - rank
        splits[key] = "test" if from_end <= held_out else "valid" if from_end <= 2 * held_out else "train"
    return splits


@dataclass
class BuildOptions:
    out: Path
    midi_dirs: list[Path] = field(default_factory=list)
    music21: bool = True
    collections: tuple[str, ...] = music21_corpus.COLLECTIONS
    hydrogen: bool = True
    hydrogen_paths: list[Path] = field(default_factory=lambda: list(hydrogen.DEFAULT_DIRS))
    drum_sources: tuple[str, ...] = DRUM_SOURCES  # drum-only sources read (a subset of DRUM_SOURCES)
    mma_library: Path = mma.LIBRARY  # MMA style files: a folder (searched recursively) or one .mma file
    freedoom_wads: list[Path] = field(default_factory=list)  # empty: the installed WADs, else fetched
    openmsx_dir: Path = openmsx.DEFAULT_DIR
    workers: int = 2
    cache_dir: Path | None = None  # None: no cache
    limit: int | None = None
    progress: bool = True


# ------------------------------------------------------------------------------------------------ CLI


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("data"), help="data folder to write (default: data)")
    parser.add_argument("--midi", type=Path, action="append", default=[], metavar="DIR",
                        help="a folder (searched recursively) or file of MIDI to add; repeatable")
    parser.add_argument("--no-music21", action="store_true", help="leave out music21's corpus")
    parser.add_argument("--collections", default=",".join(music21_corpus.COLLECTIONS),
                        help="comma-separated music21 collections (default: all of %(default)s)")
    parser.add_argument("--no-hydrogen", action="store_true", help="leave out the Hydrogen drum songs")
    parser.add_argument("--hydrogen", type=Path, action="append", default=None, metavar="PATH",
                        help="Hydrogen .h2song/.h2pattern file or folder; repeatable "
                             f"(default: {', '.join(map(str, hydrogen.DEFAULT_DIRS))})")
    parser.add_argument("--drum-sources", default=",".join(DRUM_SOURCES), metavar="LIST",
                        help="comma-separated drum-only sources to read, or 'none' (default: %(default)s)")
    parser.add_argument("--mma-library", type=Path, default=mma.LIBRARY, metavar="DIR",
                        help="MMA groove library: a folder of .mma style files or one file (default: %(default)s)")
    parser.add_argument("--freedoom", type=Path, action="append", default=[], metavar="WAD",
                        help="a Freedoom WAD or folder of WADs; repeatable (default: the installed package's, "
                             "else `apt-get download freedoom` into the cache)")
    parser.add_argument("--openmsx", type=Path, default=openmsx.DEFAULT_DIR, metavar="DIR",
                        help="OpenMSX MIDI folder (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=BuildOptions.workers,
                        help="parallel parsing processes (default: %(default)s)")
    parser.add_argument("--cache", type=Path, default=None, metavar="DIR",
                        help=f"parsed-corpus cache (default: {default_cache_dir()})")
    parser.add_argument("--no-cache", action="store_true", help="parse everything again, cache nothing")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="parse at most N pieces per music21 collection (for quick builds)")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")


def run(args: argparse.Namespace) -> int:
    collections = tuple(c.strip() for c in args.collections.split(",") if c.strip())
    drum_sources = tuple(d.strip() for d in args.drum_sources.split(",") if d.strip() and d.strip() != "none")
    options = BuildOptions(
        out=args.out,
        midi_dirs=list(args.midi),
        music21=not args.no_music21,
        collections=collections,
        hydrogen=not args.no_hydrogen,
        hydrogen_paths=list(args.hydrogen) if args.hydrogen else list(hydrogen.DEFAULT_DIRS),
        drum_sources=drum_sources,
        mma_library=args.mma_library,
        freedoom_wads=list(args.freedoom),
        openmsx_dir=args.openmsx,
        workers=max(1, args.workers),
        cache_dir=None if args.no_cache else (args.cache or default_cache_dir()),
        limit=args.limit,
        progress=not args.quiet,
    )
    try:
        report = build_dataset(options)
    except (NoWindowsError, ValueError) as exc:  # nothing usable found; bad options (unknown collection, ...)
        raise UserError(exc) from exc
    print(summary(report))
    return 0


def summary(report: dict) -> str:
    lines = [f"wrote {report['out']} in {report['timing']['total_s']:.0f} s: "
             f"{report['pieces']['kept']} pieces kept of {report['pieces']['read']} read"]
    for name, d in report["datasets"].items():
        counts = ", ".join(f"{s} {d['windows'][s]}" for s in SPLITS)
        near = sum(d.get("removed_as_near_duplicate_of_train", {}).values())
        lines.append(f"  {name:<11} {counts}; {near} held-out near duplicates of train dropped")
        if d["codec"] == "drums":
            for collection, per_split in d["by_collection"].items():
                lines.append(f"    {collection:<13} " + ", ".join(f"{s} {per_split.get(s, 0)}" for s in SPLITS))
    skipped = ", ".join(f"{r} {n}" for r, n in report["pieces"]["skipped_by_reason"].items())
    lines.append(f"  skipped: {skipped or 'none'}")
    for collection, c in report["pieces"]["by_collection"].items():
        if c["skipped"] and collection in DRUM_COLLECTIONS:
            reasons = ", ".join(f"{r} {n}" for r, n in sorted(c["skipped"].items()))
            lines.append(f"    {collection:<13} {c['kept']} kept of {c['read']} read; skipped {reasons}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------ build


def build_dataset(options: BuildOptions | None = None, **kwargs) -> dict:
    """Read every source, cut windows, split, deduplicate, write shards + report.json. Returns the report.

    The folder is written beside `out` and swapped in when complete, so a trainer reading an older build
    never sees half-written shards. Raises NoWindowsError when no source gives a single window (the report
    is still written: into `out` if that does not exist yet, else beside it, leaving the old build alone).
    """
    options = options or BuildOptions(**kwargs)
    t0 = time.perf_counter()
    out = Path(options.out).resolve()
    _check_replaceable(out)
    staging = out.with_name(out.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    records, timing = _read_sources(options)
    t1 = time.perf_counter()
    pieces = sorted((r for r in records if isinstance(r, Piece)), key=lambda p: p.id)
    skips = [r for r in records if isinstance(r, Skip)]
    windowed = _window_all(pieces, options)
    t2 = time.perf_counter()
    report = _assemble(staging, pieces, skips, windowed, options)
    report["out"] = str(out)
    report["timing"] = {**timing, "read_s": round(t1 - t0, 2), "window_s": round(t2 - t1, 2),
                        "total_s": round(time.perf_counter() - t0, 2)}
    _write_json(staging / "report.json", report)
    if not any(sum(d["windows"].values()) for d in report["datasets"].values()):
        where = publish_folder(staging, out) if not out.exists() else staging / "report.json"
        reasons = ", ".join(f"{r}: {n}" for r, n in report["pieces"]["skipped_by_reason"].items()) or "none"
        raise NoWindowsError(
            f"no window at all from {report['pieces']['read']} piece(s) read (skipped: {reasons}); "
            f"see {where if where.name == 'report.json' else where / 'report.json'}"
        )
    publish_folder(staging, out)
    return report


def _check_replaceable(out: Path) -> None:
    """A build replaces `out` whole: refuse anything but an empty folder or an earlier data build."""
    if out.is_file() or (out.is_dir() and any(out.iterdir()) and not (out / "report.json").is_file()):
        raise ValueError(f"{out} exists and is not a musicvae data folder (no report.json): "
                         "refusing to replace it; choose another --out")


def _read_sources(options: BuildOptions) -> tuple[list[Piece | Skip], dict]:
    """Parse every source once (music21 results and MMA renders cached), in parallel. Returns records and
    timing facts."""
    unknown = sorted(set(options.drum_sources) - set(DRUM_SOURCES))
    if unknown:
        raise ValueError(f"unknown drum source {', '.join(unknown)}; known: {', '.join(DRUM_SOURCES)}")
    scratch = Path(tempfile.mkdtemp(prefix="musicvae-data-"))  # renders and downloads when nothing is cached
    try:
        return _read_all(options, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _read_all(options: BuildOptions, scratch: Path) -> tuple[list[Piece | Skip], dict]:
    records: list[Piece | Skip] = []
    jobs: list[tuple] = []
    if options.music21:
        tasks, skips = music21_corpus.list_tasks(options.collections, options.limit)
        records.extend(skips)
        jobs.extend(("m21", t) for t in tasks)
    for folder in options.midi_dirs:
        folder = Path(folder)
        files = midi_folder.find_files(folder) if folder.exists() else []
        if not files:
            reason = "no_music_files" if folder.exists() else "missing_path"
            records.append(Skip(f"midi/{folder}", "midi", reason, f"no MIDI files in {folder}"))
        jobs.extend(("midi", str(p), midi_folder.piece_id(folder, p)) for p in files)
    if options.hydrogen:
        files = hydrogen.find_files(options.hydrogen_paths)
        if not files:  # no drums at all: say where we looked
            where = ", ".join(map(str, options.hydrogen_paths))
            records.append(Skip("hydrogen", "hydrogen", "no_music_files",
                                f"no .h2song/.h2pattern in {where} (Debian package hydrogen-data has demo songs)"))
        jobs.extend(("h2", str(p)) for p in files)
    drum_jobs, drum_skips, timing = _drum_jobs(options, Path(options.cache_dir) if options.cache_dir else scratch)
    jobs.extend(drum_jobs)
    records.extend(drum_skips)
    cache = ParseCache(options.cache_dir) if options.cache_dir else None
    todo, cached = _from_cache(jobs, cache)
    records.extend(cached)
    parsed = _run_parallel(_parse_job, _chunks(todo, TASK_CHUNK), options, "parse", len(todo))
    for _, result in parsed:
        records.extend(result if isinstance(result, list) else [result])
    if cache is not None:
        cache.store([(job[1], record) for job, record in parsed if job[0] == "m21"])
    return records, {"parsed_pieces": len(todo), "cached_pieces": len(cached), "workers": options.workers,
                     **timing}


def _drum_jobs(options: BuildOptions, cache: Path) -> tuple[list[tuple], list[Skip], dict]:
    """Parse jobs of the drum-only sources, after the work they need first (MMA renders, the Freedoom
    download); a source that is not there is one Skip saying how to install it."""
    jobs: list[tuple] = []
    skips: list[Skip] = []
    timing: dict = {}
    if "mma" in options.drum_sources:
        files = mma.library_files(options.mma_library)
        if not files or not shutil.which("mma"):
            why = f"no .mma style files in {options.mma_library}" if files == [] else "no mma program"
            skips.append(Skip("mma", mma.COLLECTION, "missing_source", f"{why} (Debian: apt-get install mma)"))
        else:
            t0 = time.perf_counter()
            rendered = mma.render_all(files, Path(options.mma_library), cache / "mma", options.progress)
            timing.update(mma_render_s=round(time.perf_counter() - t0, 2),
                          mma_styles_rendered=sum(not r.cached for r in rendered), mma_styles=len(rendered))
            jobs.extend(("mma", r) for r in rendered)
    if "freedoom" in options.drum_sources:
        wads, why = freedoom.find_wads(options.freedoom_wads, cache / "freedoom")
        if not wads:
            skips.append(Skip("freedoom", freedoom.COLLECTION, "missing_source", why))
        jobs.extend(("freedoom", str(w)) for w in wads)
    if "openmsx" in options.drum_sources:
        files = openmsx.find_files(options.openmsx_dir)
        if not files:
            skips.append(Skip("openmsx", openmsx.COLLECTION, "missing_source",
                              f"no MIDI files in {options.openmsx_dir} (Debian: apt-get install {openmsx.PACKAGE})"))
        jobs.extend(("openmsx", str(p), openmsx.piece_id(options.openmsx_dir, p)) for p in files)
    return jobs, skips, timing


def _from_cache(jobs, cache: ParseCache | None):
    if cache is None:
        return jobs, []
    todo, hits = [], []
    for job in jobs:
        record = cache.get(job[1]) if job[0] == "m21" else None
        if record is None:
            todo.append(job)
        else:
            hits.append(record)
    return todo, hits


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _parse_job(chunk: list[tuple]) -> list[tuple[tuple, Piece | Skip | list[Piece | Skip]]]:
    """(job, record) per job; an MMA style file or a WAD gives a list of records (one per groove or lump)."""
    readers = {
        "m21": lambda job: music21_corpus.parse_task(job[1]),
        "midi": lambda job: midi_folder.read_file(job[1], job[2]),
        "h2": lambda job: hydrogen.read_file(job[1]),
        "mma": lambda job: mma.read_rendered(job[1]),
        "freedoom": lambda job: freedoom.read_wad(job[1]),
        "openmsx": lambda job: openmsx.read_file(job[1], job[2]),
    }
    return [(job, readers[job[0]](job)) for job in chunk]


def _window_job(chunk: list[Piece]) -> list:
    from vae.windows import piece_windows

    specs = list(DATASETS.values())
    return [(piece.id, piece_windows(piece, specs)) for piece in chunk]


def _run_parallel(fn, chunks: list[list], options: BuildOptions, what: str, total: int) -> list:
    """fn(chunk) -> list of results, over all chunks, on `workers` processes, with a progress bar."""
    from tqdm import tqdm

    results: list = []
    bar = tqdm(total=total, desc=what, unit="piece", disable=not options.progress or total == 0,
               file=sys.stderr, smoothing=0.05)
    if options.workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            results.extend(fn(chunk))
            bar.update(len(chunk))
    else:
        if options.music21:
            import music21  # noqa: F401  (imported once here, inherited by the forked workers)
        context = multiprocessing.get_context("fork")
        with context.Pool(options.workers) as pool:
            for part in pool.imap_unordered(fn, chunks):
                results.extend(part)
                bar.update(len(part))
    bar.close()
    return results


def _window_all(pieces: list[Piece], options: BuildOptions) -> dict:
    chunk = max(1, min(64, len(pieces) // (4 * options.workers) or 1))
    results = _run_parallel(_window_job, _chunks(pieces, chunk), options, "windows", len(pieces))
    return dict(results)


# ------------------------------------------------------------------------------------------------ report


def _assemble(out: Path, pieces: list[Piece], skips: list[Skip], windowed: dict, options: BuildOptions) -> dict:
    stats, pitches, drum_pitches = Counter(), Counter(), Counter()
    kept: list[Piece] = []
    for piece in pieces:
        result = windowed[piece.id]
        stats.update(result.stats)
        stats.update({f"source_{k}": v for k, v in piece.stats.items()})
        if any(len(w) for w in result.windows.values()):
            kept.append(piece)
            pitches.update(result.pitches)
            drum_pitches.update(result.drum_pitches)
        elif not any(m in SUPPORTED_METERS for m in piece.meters()):
            skips.append(Skip(piece.id, piece.collection, "unsupported_meter", "", _main_meter(piece)))
        else:
            skips.append(Skip(piece.id, piece.collection, "no_windows",
                              "fewer complete bars on the grid than the shortest window, or only rests"))
    index = {p.id: i for i, p in enumerate(kept)}
    splits = assign_splits(kept)
    datasets = {name: _write_dataset(out, name, kept, windowed, index, splits) for name in DATASETS}
    _write_json(out / "pieces.json", [
        {"index": i, "id": p.id, "collection": p.collection, "split": splits[p.id], "title": p.title,
         "meters": p.meters(), **({"split_key": p.split_key} if p.split_key else {})} for i, p in enumerate(kept)
    ])
    return {
        "format": "musicvae-data",
        "format_version": 1,
        "out": str(out),
        "options": {
            "music21_collections": list(options.collections) if options.music21 else [],
            "midi_dirs": [str(d) for d in options.midi_dirs],
            "hydrogen_paths": [str(p) for p in options.hydrogen_paths] if options.hydrogen else [],
            "drum_sources": list(options.drum_sources),
            "limit": options.limit,
        },
        "grid": {
            "steps_per_bar": 16, "steps_per_quarter": 4, "hop_bars": 1,
            "meters_kept": sorted(SUPPORTED_METERS),
            "note": "bars are 4 quarter notes; two 2/4 bars make one; the grid starts at the first complete "
                    "bar (after any pickup); repeats expanded; no transposition",
        },
        "split_rule": SPLIT_RULE,
        "dedup_rule": DEDUP_RULE,
        "pieces": _piece_summary(pieces, kept, skips, splits),
        "datasets": datasets,
        "notes": _note_summary(stats, pitches, drum_pitches),
        "counts": dict(sorted(stats.items())),
    }


def _main_meter(piece: Piece) -> str:
    counts = Counter(m.meter for m in piece.measures)
    return counts.most_common(1)[0][0] if counts else "none"


def _write_dataset(out: Path, name: str, kept: list[Piece], windowed: dict, index: dict, splits: dict) -> dict:
    spec = DATASETS[name]
    raw = {s: 0 for s in SPLITS}
    dup_within = {s: 0 for s in SPLITS}
    cross = {s: 0 for s in SPLITS}
    chosen: dict[str, tuple[list[np.ndarray], list[Piece]]] = {}
    seen_before: set[bytes] = set()  # windows of earlier splits (train, then valid)
    for split in SPLITS:
        seen: set[bytes] = set()
        tokens, owners = [], []
        for piece in kept:
            if splits[piece.id] != split:
                continue
            for window in windowed[piece.id].windows[name]:
                raw[split] += 1
                key = window.tobytes()
                if key in seen:
                    dup_within[split] += 1
                    continue
                seen.add(key)
                if key in seen_before:
                    cross[split] += 1
                    continue
                tokens.append(window)
                owners.append(piece)
        seen_before |= seen
        chosen[split] = (tokens, owners)
    near = _drop_near_duplicates(chosen, spec.num_steps)
    written, by_collection = {}, defaultdict(Counter)
    for split in SPLITS:
        tokens, owners = chosen[split]
        for piece in owners:
            by_collection[piece.collection][split] += 1
        array = np.stack(tokens) if tokens else np.zeros((0, spec.num_steps), np.int16)
        piece_ids = np.asarray([index[p.id] for p in owners], np.int32)
        paths = shards.write_shards(out, name, split, array, piece_ids)
        written[split] = {"windows": len(tokens), "shards": [p.name for p in paths], "pieces": len(set(piece_ids.tolist()))}
    return {
        "codec": spec.codec, "num_bars": spec.num_bars, "num_steps": spec.num_steps,
        "windows": {s: written[s]["windows"] for s in SPLITS},
        "pieces": {s: written[s]["pieces"] for s in SPLITS},
        "raw_windows": raw,
        "duplicates_within_split": dup_within,
        "removed_as_in_earlier_split": cross,
        "removed_as_near_duplicate_of_train": {s: sum(near[s].values()) for s in SPLITS},
        "near_duplicates_by_collection": _by_collection(near),
        "by_collection": {c: dict(v) for c, v in sorted(by_collection.items())},
        "shards": {s: written[s]["shards"] for s in SPLITS},
    }


def _drop_near_duplicates(chosen: dict, num_steps: int) -> dict[str, Counter]:
    """Drop, in place, valid and test windows within NEAR_DUPLICATE_STEPS steps of a training window.
    Returns per split the number dropped by collection. Train is left exactly as it was."""
    train = chosen["train"][0]
    reference = np.stack(train) if train else np.zeros((0, num_steps), np.int16)
    dropped: dict[str, Counter] = {s: Counter() for s in SPLITS}
    for split in SPLITS[1:]:
        tokens, owners = chosen[split]
        if not tokens:
            continue
        near = near_duplicates(reference, np.stack(tokens), NEAR_DUPLICATE_STEPS)
        dropped[split].update(owners[i].collection for i in np.flatnonzero(near))
        chosen[split] = ([t for t, n in zip(tokens, near) if not n], [o for o, n in zip(owners, near) if not n])
    return dropped


def _by_collection(counts: dict[str, Counter]) -> dict[str, dict[str, int]]:
    collections = sorted({c for per_split in counts.values() for c in per_split})
    return {c: {s: counts[s][c] for s in SPLITS if counts[s][c]} for c in collections}


def _piece_summary(pieces: list[Piece], kept: list[Piece], skips: list[Skip], splits: dict) -> dict:
    by_collection: dict[str, dict] = defaultdict(lambda: {"read": 0, "kept": 0, "skipped": Counter()})
    for p in pieces:
        by_collection[p.collection]["read"] += 1
    for p in kept:
        by_collection[p.collection]["kept"] += 1
    examples: dict[str, list] = defaultdict(list)
    parsed = {p.id for p in pieces}
    for s in skips:
        if s.id not in parsed:  # skipped before or while parsing (parsed pieces are counted above)
            by_collection[s.collection]["read"] += 1
        by_collection[s.collection]["skipped"][s.reason] += 1
        if len(examples[s.reason]) < 5:
            examples[s.reason].append({"id": s.id, "detail": s.detail, "meter": s.meter})
    kept_meters = Counter("+".join(p.meters()) for p in kept)
    return {
        "read": sum(c["read"] for c in by_collection.values()),
        "kept": len(kept),
        "skipped": len(skips),
        "skipped_by_reason": dict(Counter(s.reason for s in skips).most_common()),
        "skipped_by_meter": dict(Counter(s.meter for s in skips if s.reason == "unsupported_meter").most_common()),
        "kept_by_meter": dict(kept_meters.most_common()),
        "kept_by_split": dict(Counter(splits.values())),
        "by_collection": {c: {**v, "skipped": dict(v["skipped"])} for c, v in sorted(by_collection.items())},
        "skipped_examples": dict(examples),
    }


def _note_summary(stats: Counter, pitches: Counter, drum_pitches: Counter) -> dict:
    from contract.codec import DRUM_CLASS_NAMES, DRUM_PITCH_TO_CLASS

    drum_classes = Counter()
    for pitch, n in drum_pitches.items():
        cls = DRUM_PITCH_TO_CLASS.get(pitch)
        drum_classes[DRUM_CLASS_NAMES[cls] if cls is not None else "unknown"] += n
    return {
        "melody_notes": sum(pitches.values()),
        "pitch_range": [min(pitches), max(pitches)] if pitches else None,
        "pitch_histogram": {str(p): n for p, n in sorted(pitches.items())},
        "drum_hits": sum(drum_pitches.values()),
        "drum_class_histogram": dict(drum_classes.most_common()),
        "melody_lines": stats["melody_lines"],
        "polyphonic_lines_skylined": stats["polyphonic_lines"],
        "skyline_hidden_notes": stats["skyline_hidden"],
        "skyline_cut_notes": stats["skyline_cut"],
        "out_of_range_notes": stats["out_of_range"],
        "off_grid_notes": stats["off_grid_notes"],
    }


def _write_json(path: Path, data) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n")
    os.replace(tmp, path)
