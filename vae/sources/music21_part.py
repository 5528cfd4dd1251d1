"""music21 part -> measures (with repeat signs and endings) and notes, the shape vae.sources.Piece wants.

Shared by the ABC (folk tune) and MusicXML (Bach chorale) readers. Only measure-level facts are read here;
repeats are expanded later (vae.windows.expand_repeats), because music21's own `expandRepeats()` costs more
than parsing the tune did (measured: ~43 ms against ~31 ms per Ryan's Mammoth tune).
"""
from __future__ import annotations

from vae.sources import Measure

EPS = 1e-6


def read_measures(part) -> list[Measure]:
    """The written bars of a part, in order, with their meter, repeat signs and first/second endings."""
    from music21 import bar, spanner, stream

    measures: list[Measure] = []
    index_of: dict[int, int] = {}
    meter = "4/4"  # no time signature at all: music21 and MIDI both assume 4/4
    for m in part.getElementsByClass(stream.Measure):
        if m.timeSignature is not None:
            meter = m.timeSignature.ratioString
        left, right = m.leftBarline, m.rightBarline
        repeat_start = isinstance(left, bar.Repeat) and left.direction == "start"
        repeat_end = (right.times or 2) if isinstance(right, bar.Repeat) and right.direction == "end" else 0
        index_of[id(m)] = len(measures)
        measures.append(Measure(float(m.offset), float(m.duration.quarterLength), meter, repeat_start, repeat_end))
    for bracket in part.spanners.getElementsByClass(spanner.RepeatBracket):
        try:
            numbers = tuple(int(n) for n in bracket.numberRange)
        except (TypeError, ValueError):
            continue
        for m in bracket.getSpannedElements():
            if id(m) in index_of:
                measures[index_of[id(m)]].voltas = numbers
    _absorb_lone_short_meters(measures)
    return measures


def _absorb_lone_short_meters(measures: list[Measure]) -> None:
    """music21's ABC reader gives a lone incomplete bar (a pickup, a bar split at a repeat) a time signature
    of its own length (1/8, 1/16, ...) although the tune states none; it is an incomplete bar of the
    surrounding meter, and treating it as a meter change would cut the tune's grid in two."""
    for i, m in enumerate(measures):
        before = measures[i - 1].meter if i > 0 else None
        after = measures[i + 1].meter if i + 1 < len(measures) else None
        around = {x for x in (before, after) if x is not None}
        if len(around) != 1:
            continue
        meter = around.pop()
        if m.meter != meter and m.length < _bar_length(meter) - EPS:
            m.meter = meter


def _bar_length(meter: str) -> float:
    num, den = meter.split("/")
    return int(num) * 4.0 / int(den)


def read_notes(part) -> tuple[list[tuple[float, float, int]], dict[str, int]]:
    """Sounding notes of a part as (start, duration, pitch) in quarters from the part start.

    Tied notes are merged into one; grace notes (no duration) and chord symbols are left out; a written
    chord gives all its pitches (the skyline is taken later, where it is counted).
    """
    from music21 import chord, harmony, stream

    stats = {"grace_notes": 0, "chords": 0}
    notes: list[list] = []  # [start, duration, pitch]
    open_by_pitch: dict[int, int] = {}  # pitch -> index in notes of the last note, for ties
    for m in part.getElementsByClass(stream.Measure):
        base = float(m.offset)
        for el in m.recurse().notes:
            if isinstance(el, harmony.Harmony):
                continue
            duration = float(el.duration.quarterLength)
            if duration <= 0 or el.duration.isGrace:
                stats["grace_notes"] += 1
                continue
            site = el.activeSite
            start = base + float(el.offset) + (float(site.offset) if site is not None and site is not m else 0.0)
            if isinstance(el, chord.Chord):
                stats["chords"] += 1
                pitches = [p.midi for p in el.pitches]
            else:
                pitches = [el.pitch.midi]
            tie = el.tie.type if el.tie is not None else None
            for pitch in pitches:
                prev = open_by_pitch.get(pitch)
                if tie in ("stop", "continue") and prev is not None:
                    p_start, p_dur, _ = notes[prev]
                    if abs(p_start + p_dur - start) < EPS:
                        notes[prev][1] = start + duration - p_start
                        continue
                open_by_pitch[pitch] = len(notes)
                notes.append([start, duration, int(pitch)])
    return [tuple(n) for n in notes], stats

