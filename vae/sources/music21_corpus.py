"""music21's bundled corpus -> `Piece`s: the folk-tune collections (ABC) and Bach's chorales (MusicXML).

Only these collections are read (docs/design.md, 'Data and splits'): essenFolksong, oneills1850,
ryansMammoth (ABC files, many tunes per file) and bach (chorales; the soprano and bass lines, both under
the chorale's piece id).

Speed, measured on this machine (essenFolksong/altdeu10.abc, 313 tunes, music21 10.5, warm): parsing the
whole file into an Opus (`converter.parse(path)`) and parsing each tune on its own (split at `X:` lines,
`converter.parseData(text, format="abc")`) both cost ~15 ms a tune. Splitting wins anyway: reading the `M:`
fields from the text first skips the tunes in dropped meters (3/4, 6/8, ...: 5,052 of the 12,000 tunes)
without parsing them at all, every tune is a unit of parallel work (files hold 1 to 800 tunes), and a
music21 failure is confined to its tune. The whole default corpus (6,947 pieces parsed) takes ~160 s on two
busy cores, once: results are cached (vae.sources.cache).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from vae.sources import SUPPORTED_METERS, Piece, Skip, to_line

COLLECTIONS = ("essenFolksong", "oneills1850", "ryansMammoth", "bach")
ABC_COLLECTIONS = ("essenFolksong", "oneills1850", "ryansMammoth")
BACH_SUFFIX_PREFERENCE = (".mxl", ".xml", ".musicxml", ".krn")  # one file per chorale: the first found

_METER_FIELD = re.compile(r"^M:\s*(.*?)\s*(%.*)?$")
_INLINE_METER = re.compile(r"\[M:\s*([^\]]*?)\s*\]")


@dataclass(frozen=True)
class Task:
    """One unit of parsing work: an ABC tune (text) or a chorale file."""

    kind: str  # "abc" | "bach"
    collection: str
    source: str  # the corpus file (cache key)
    index: int  # tune index within the file (0 for chorales)
    piece_id: str
    text: str = ""


def corpus_root() -> Path:
    import music21.corpus

    return Path(music21.corpus.__file__).parent


def normalize_meter(text: str) -> str:
    text = text.strip().replace(" ", "")
    return {"C": "4/4", "C|": "2/2", "": "none"}.get(text, text.lower() if text.lower() == "none" else text)


def split_abc(text: str) -> list[str]:
    """ABC file text -> one text per tune (the file header, if any, prefixed to every tune)."""
    chunks = re.split(r"(?m)^(?=X:)", text)
    header = chunks[0] if chunks and not chunks[0].lstrip().startswith("X:") else ""
    tunes = [c for c in chunks if c.lstrip().startswith("X:")]
    return [header + t if header.strip() else t for t in tunes]


def abc_meters(tune: str) -> list[str]:
    """Every meter a tune states (header M:, body M: lines, inline [M:]), normalized, in order."""
    meters = []
    for line in tune.splitlines():
        match = _METER_FIELD.match(line)
        if match:
            meters.append(normalize_meter(match.group(1)))
        meters.extend(normalize_meter(m) for m in _INLINE_METER.findall(line))
    return meters or ["none"]


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def list_tasks(collections=COLLECTIONS, limit: int | None = None, root: Path | None = None
               ) -> tuple[list[Task], list[Skip]]:
    """Parsing work for the chosen collections, and the tunes skipped from their text alone (meter).

    `limit` keeps at most that many pieces to parse per collection, in corpus file order (tunes dropped
    for their meter on the way are reported, but do not count).
    """
    root = root or corpus_root()
    tasks: list[Task] = []
    skips: list[Skip] = []
    for collection in collections:
        if collection not in COLLECTIONS:
            raise ValueError(f"unknown music21 collection {collection!r}; known: {', '.join(COLLECTIONS)}")
        folder = root / collection
        if not folder.is_dir():
            skips.append(Skip(collection, collection, "missing_collection", f"{folder} not found"))
            continue
        found = _bach_tasks(folder) if collection == "bach" else _abc_tasks(folder, collection, skips, limit)
        tasks.extend(found[:limit] if limit is not None else found)
    return tasks, skips


def _abc_tasks(folder: Path, collection: str, skips: list[Skip], limit: int | None) -> list[Task]:
    tasks = []
    for path in sorted(folder.glob("*.abc")):
        for index, tune in enumerate(split_abc(read_text(path))):
            if limit is not None and len(tasks) >= limit:
                return tasks
            piece_id = f"{collection}/{path.name}#{index}"
            meters = abc_meters(tune)
            if not any(m in SUPPORTED_METERS for m in meters):
                skips.append(Skip(piece_id, collection, "unsupported_meter", "", meters[0]))
                continue
            tasks.append(Task("abc", collection, str(path), index, piece_id, tune))
    return tasks


def _bach_tasks(folder: Path) -> list[Task]:
    by_stem: dict[str, Path] = {}
    for suffix in BACH_SUFFIX_PREFERENCE:
        for path in sorted(folder.glob(f"*{suffix}")):
            by_stem.setdefault(path.stem, path)
    return [Task("bach", "bach", str(p), 0, f"bach/{stem}") for stem, p in sorted(by_stem.items())]


def parse_task(task: Task) -> Piece | Skip:
    """Parse one tune or chorale. Never raises: a music21 failure becomes a Skip with its reason."""
    try:
        if task.kind == "abc":
            return _parse_abc(task)
        return _parse_bach(task)
    except Exception as exc:  # music21 raises many kinds on odd input; one bad tune must not stop the run
        return Skip(task.piece_id, task.collection, "parse_error", f"{type(exc).__name__}: {exc}"[:200])


def _parse_abc(task: Task) -> Piece | Skip:
    from music21 import converter, stream

    score = converter.parseData(task.text, format="abc")
    if isinstance(score, stream.Opus):
        score = score.scores[0]
    parts = list(score.parts)
    if not parts:
        return Skip(task.piece_id, task.collection, "no_notes", "no parts")
    # A folk tune is its first voice; further ABC voices (rare) are accompaniment.
    return _piece(task, score, [("tune", parts[0])])


def _parse_bach(task: Task) -> Piece | Skip:
    from music21 import converter

    score = converter.parse(task.source)
    parts = list(score.parts)
    if len(parts) < 2:
        return Skip(task.piece_id, task.collection, "no_notes", f"{len(parts)} part(s), need soprano and bass")

    def named(word: str, default):
        return next((p for p in parts if word in (p.partName or "").lower()), default)

    return _piece(task, score, [("soprano", named("soprano", parts[0])), ("bass", named("bass", parts[-1]))])


def _piece(task: Task, score, named_parts) -> Piece | Skip:
    from vae.sources.music21_part import read_measures, read_notes

    measures = read_measures(named_parts[0][1])
    if not measures:  # e.g. essen tunes written without bar lines: no grid to align to
        return Skip(task.piece_id, task.collection, "no_bar_lines", "music21 found no measures")
    lines, stats = [], {}
    for name, part in named_parts:
        notes, part_stats = read_notes(part)
        for key, value in part_stats.items():
            stats[key] = stats.get(key, 0) + value
        if notes:
            lines.append(to_line(name, "melody", notes, measures))
    if not lines:
        return Skip(task.piece_id, task.collection, "no_notes", "no notes")
    title = (score.metadata.title if score.metadata is not None else "") or ""
    return Piece(task.piece_id, task.collection, measures, lines, title, stats)
