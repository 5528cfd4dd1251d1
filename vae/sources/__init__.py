"""Readers that turn music files into `Piece`s: measures plus note lines, before any windowing.

Every source (music21's corpus, folders of MIDI files, Hydrogen drum songs) yields the same plain structure,
so bar-grid alignment, repeat expansion and windowing (vae/windows.py) are written once. A piece keeps its
notes per measure (measure index + offset inside the measure) so repeats can be expanded after caching.
Sources that cannot use a file say why with a `Skip`, never an exception.
"""
from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field

# Meters kept (docs/design.md, 'Data and splits'); quarter notes per written bar. Two 2/4 bars make one 16-step bar.
SUPPORTED_METERS = {"4/4": 4.0, "2/2": 4.0, "2/4": 2.0}


@dataclass
class Measure:
    """One written bar. offset/length in quarter notes; `length` is what the bar holds (a pickup is short)."""

    offset: float
    length: float
    meter: str  # "4/4", "3/4", ... as written
    repeat_start: bool = False
    repeat_end: int = 0  # times the section is played when this bar ends it (0: no repeat sign)
    voltas: tuple[int, ...] = ()  # ending numbers this bar belongs to (first/second endings)
    break_before: bool = False  # a new passage starts here (e.g. a looped Hydrogen pattern): no window crosses

    @property
    def bar_length(self) -> float:
        """Nominal length of a full bar in this meter (quarter notes)."""
        try:
            num, den = self.meter.split("/")
            return int(num) * 4.0 / int(den)
        except (ValueError, ZeroDivisionError):
            return 0.0  # not a meter we can read: never "full", never supported

    @property
    def full(self) -> bool:
        return abs(self.length - self.bar_length) < 1e-6


@dataclass
class Line:
    """One instrument part. notes: (measure index, offset in the measure, duration, pitch), in quarters.

    Melody lines may still be polyphonic here (chords, divisi): vae.windows takes the skyline and counts it.
    Drum lines hold General MIDI drum pitches; their durations do not matter.
    """

    name: str
    kind: str  # "melody" | "drums"
    notes: list[tuple[int, float, float, int]] = field(default_factory=list)


@dataclass
class Piece:
    id: str  # unique and stable: the split hashes it
    collection: str  # "essenFolksong", "bach", "midi", "hydrogen", ...
    measures: list[Measure]
    lines: list[Line]
    title: str = ""
    stats: dict[str, int] = field(default_factory=dict)  # source-side counts (e.g. off-grid Hydrogen hits)
    # Pieces sharing a split key share a split (the grooves of one MMA style file, identical game tracks);
    # empty: the id is the key.
    split_key: str = ""

    def meters(self) -> list[str]:
        return sorted({m.meter for m in self.measures})

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Piece":
        measures = [Measure(**{**m, "voltas": tuple(m.get("voltas", ()))}) for m in d["measures"]]
        lines = [Line(l["name"], l["kind"], [tuple(n) for n in l["notes"]]) for l in d["lines"]]
        return cls(d["id"], d["collection"], measures, lines, d.get("title", ""), dict(d.get("stats", {})),
                   d.get("split_key", ""))


@dataclass
class Skip:
    """A piece or file that yields nothing, and why (summed into report.json)."""

    id: str
    collection: str
    reason: str  # "unsupported_meter", "parse_error", "corrupt_file", "no_notes", "no_music_files", ...
    detail: str = ""
    meter: str = ""  # for unsupported_meter: the meter found

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Skip":
        return cls(**d)


def record_from_dict(d: dict) -> Piece | Skip:
    return Skip.from_dict(d) if "reason" in d else Piece.from_dict(d)



def to_line(name: str, kind: str, notes: list[tuple[float, float, int]], measures: list[Measure]) -> Line:
    """Attach each (start, duration, pitch) note to the measure it starts in (offset relative to it)."""
    starts = [m.offset for m in measures]
    out = []
    for start, duration, pitch in notes:
        index = max(0, bisect.bisect_right(starts, start + 1e-6) - 1)
        out.append((index, start - starts[index] if starts else start, duration, pitch))
    return Line(name, kind, out)
