"""A `Piece` -> token windows on a grid aligned to its real bar lines.

Steps, in order:
1. Repeats are expanded (|: :| and first/second endings), because a tune is played that way. An
   anacrusis written as a bar of its own between two complete bars (a section's pickup, or the opening
   pickup heard again at a repeat) is laid over the end of the bar before it, as it is played, instead of
   shifting every later bar line.
2. The bars are cut into *segments* of one steady grid: the grid's origin is the first complete bar
   (a pickup lies before it), a 16-step bar is 4 quarter notes (4/4 and 2/2; two 2/4 bars make one), and a
   segment ends at a bar in another meter, at a complete bar that does not start on the grid (e.g. an odd
   2/4 bar inside 4/4), or at a passage break. Windows never cross segments.
3. Each line is made monophonic (skyline: the highest sounding note; an overlap shorter than a 16th is
   legato and just cuts the earlier note) and quantized to 16ths relative to the segment's origin, then
   encoded once per segment with contract.codec.
4. Windows of 2 or 16 bars are cut with a 1-bar (16-step) hop. A window starting while a note sounds
   does not re-attack it (its first event may be a note-off, which is dropped), windows without a single
   note-on are dropped, and the last bar of a piece may be completed with rests.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from contract.codec import MIN_PITCH, MAX_PITCH, NOTE_OFF, Note, get_codec
from vae.shards import DatasetSpec
from vae.sources import SUPPORTED_METERS, Measure, Piece

EPS = 1e-6
BAR_QUARTERS = 4.0  # one 16-step bar
STEPS_PER_QUARTER = 4
LEGATO_OVERLAP = 0.25  # quarters: a shorter overlap is a performance artefact, not polyphony
MAX_EXPANSION = 4  # a repeat structure that grows a piece more than this is malformed: left unexpanded


@dataclass
class Segment:
    start: float  # where its first bar (maybe a pickup) begins
    origin: float | None  # the grid's zero: start of its first complete bar
    end: float
    final: bool = False  # the piece ends here: the last bar may be completed with rests

    def num_bars(self) -> int:
        if self.origin is None:
            return 0
        bars = (self.end - self.origin) / BAR_QUARTERS
        return max(0, math.ceil(bars - EPS) if self.final else math.floor(bars + EPS))


@dataclass
class PieceWindows:
    """What one piece gives: windows per dataset and the counts the report sums."""

    windows: dict[str, np.ndarray]
    stats: Counter = field(default_factory=Counter)
    pitches: Counter = field(default_factory=Counter)  # melody notes encoded, by MIDI pitch
    drum_pitches: Counter = field(default_factory=Counter)  # drum hits read, by GM pitch


def expand_repeats(measures: list[Measure]) -> list[int]:
    """Measure indices in playing order. Falls back to written order for malformed repeat structures."""
    order: list[int] = []
    jumps: Counter = Counter()
    section_start, pass_number = 0, 1
    i = 0
    while i < len(measures):
        m = measures[i]
        if m.repeat_start and i != section_start:
            section_start, pass_number = i, 1
        if m.voltas and pass_number not in m.voltas:
            i += 1
            continue
        order.append(i)
        if len(order) > MAX_EXPANSION * len(measures):
            return list(range(len(measures)))
        if m.repeat_end and jumps[i] < m.repeat_end - 1:
            jumps[i] += 1
            pass_number += 1
            i = section_start
            continue
        if m.repeat_end or (m.voltas and (i + 1 == len(measures) or not measures[i + 1].voltas)):
            section_start, pass_number = i + 1, 1  # the next section repeats from here
        i += 1
    return order


@dataclass
class Placed:
    index: int  # into piece.measures
    offset: float  # in the played time line
    overlay: bool = False  # an anacrusis laid over the end of the bar before it


def layout(measures: list[Measure], order: list[int], stats: Counter | None = None) -> list[Placed]:
    """Place the played bars end to end, except an anacrusis: an incomplete bar that comes right after a
    complete one (the downbeat grid is intact) and right before another complete one is laid over the end of
    the previous bar, as it is played (ABC writes a section's pickup, and the pickup heard again at a
    repeat, as a bar of its own)."""
    placed: list[Placed] = []
    position, origin = 0.0, None
    for k, i in enumerate(order):
        m = measures[i]
        following = measures[order[k + 1]] if k + 1 < len(order) else None
        if m.full and m.bar_length > 0 and (
                origin is None or abs(math.remainder(position - origin, m.bar_length)) > EPS):
            origin = position  # the first complete bar, or a new grid after a real shift
        aligned = origin is not None and m.bar_length > 0 and \
            abs(math.remainder(position - origin, m.bar_length)) < EPS
        if (not m.full and aligned and position > origin and following is not None and following.full
                and m.length < m.bar_length and not m.break_before):
            placed.append(Placed(i, position - m.length, overlay=True))
            if stats is not None:
                stats["pickup_overlays"] += 1
            continue
        placed.append(Placed(i, position))
        position += m.length
    return placed


def segments(measures: list[Measure], placed: list[Placed]) -> tuple[list[Segment], Counter]:
    """Cut the placed bars into steady-grid segments (see the module docstring)."""
    out: list[Segment] = []
    stats: Counter = Counter()
    current: Segment | None = None
    position = 0.0
    for p in placed:
        m = measures[p.index]
        if p.overlay:
            continue
        start, position = p.offset, p.offset + m.length
        if m.meter not in SUPPORTED_METERS:
            stats["bars_unsupported_meter"] += 1
            current = None
            continue
        stats["bars"] += 1
        if current is not None and m.break_before:
            current = None
        if current is not None and m.full:
            if current.origin is None:
                current.origin = start
            elif abs(math.remainder(start - current.origin, SUPPORTED_METERS[m.meter])) > EPS:
                stats["grid_breaks"] += 1  # e.g. a lone 2/4 bar inside 4/4 shifts the downbeat
                current = None
        if current is None:
            current = Segment(start, start if m.full else None, position)
            out.append(current)
        current.end = position
    if out and out[-1].end >= position - EPS:
        out[-1].final = True
    return out, stats


def skyline(notes: list[tuple[float, float, int]], stats: Counter) -> list[tuple[float, float, int]]:
    """(start, end, pitch) -> monophonic: at any time the highest sounding note (counted in stats)."""
    out: list[list] = []
    for start, end, pitch in sorted(notes, key=lambda n: (n[0], -n[2])):
        if out and start < out[-1][1] - EPS:
            previous = out[-1]
            if abs(start - previous[0]) < EPS:
                stats["skyline_hidden"] += 1  # same onset, lower note
                continue
            if pitch < previous[2] and previous[1] - start > LEGATO_OVERLAP + EPS:
                stats["skyline_hidden"] += 1  # a lower note under a sounding higher one
                continue
            stats["skyline_cut" if previous[1] - start > LEGATO_OVERLAP + EPS else "legato_cut"] += 1
            previous[1] = start
        out.append([start, end, pitch])
    return [tuple(n) for n in out]


def _placed_notes(piece: Piece, placed: list[Placed], stats: Counter) -> list[list[tuple[float, float, int]]]:
    """Per line: (start, end, pitch) in the played time line. Where an anacrusis is laid over the end of a
    bar, that bar's notes give way: cut where the anacrusis starts, dropped if they start under it."""
    by_measure: dict[int, list[Placed]] = {}
    for p in placed:
        by_measure.setdefault(p.index, []).append(p)
    overlays = [(p.offset, p.offset + piece.measures[p.index].length) for p in placed if p.overlay]
    lines = []
    for line in piece.lines:
        notes = []
        for index, rel, duration, pitch in line.notes:
            for p in by_measure.get(index, ()):
                notes.append((p.offset + rel, p.offset + rel + duration, int(pitch), p.overlay))
        lines.append([n[:3] for n in _give_way(notes, overlays, stats)])
    return lines


def _give_way(notes, overlays, stats: Counter):
    if not overlays:
        return notes
    out = []
    for start, end, pitch, is_overlay in notes:
        if not is_overlay:
            for a, b in overlays:
                if a - EPS <= start < b - EPS:
                    stats["overlay_dropped_notes"] += 1
                    break
                if start < a < end:
                    end = a
            else:
                out.append((start, end, pitch, is_overlay))
            continue
        out.append((start, end, pitch, is_overlay))
    return out


def _quantize(notes, origin: float, stats: Counter) -> list[Note]:
    out = []
    for start, end, pitch in notes:
        exact = (start - origin) * STEPS_PER_QUARTER
        step = round(exact)
        if abs(exact - step) > 1e-3:
            stats["off_grid_notes"] += 1
        end_step = max(step + 1, round((end - origin) * STEPS_PER_QUARTER))
        out.append(Note(start=step / STEPS_PER_QUARTER, pitch=pitch, duration=(end_step - step) / STEPS_PER_QUARTER))
    return out


def _windows(tokens: np.ndarray, num_bars: int, melody: bool, stats: Counter, name: str) -> list[np.ndarray]:
    steps_per_bar = 16
    out = []
    total_bars = len(tokens) // steps_per_bar
    for bar in range(0, total_bars - num_bars + 1):
        window = tokens[bar * steps_per_bar:(bar + num_bars) * steps_per_bar].copy()
        if melody:
            events = np.flatnonzero(window)
            if len(events) and window[events[0]] == NOTE_OFF:
                window[events[0]] = 0  # the note it ends began before the window
            if not (window >= 2).any():
                stats[f"{name}_rest_windows"] += 1
                continue
        elif not window.any():
            stats[f"{name}_rest_windows"] += 1
            continue
        out.append(window)
    return out


def piece_windows(piece: Piece, specs: list[DatasetSpec]) -> PieceWindows:
    """All windows of one piece for each dataset spec whose codec matches a line's kind."""
    result = PieceWindows({spec.name: [] for spec in specs})
    stats = result.stats
    order = expand_repeats(piece.measures)
    stats["bars_written"] += len(piece.measures)
    stats["bars_played"] += len(order)
    placed = layout(piece.measures, order, stats)
    segs, seg_stats = segments(piece.measures, placed)
    stats.update(seg_stats)
    for line, notes in zip(piece.lines, _placed_notes(piece, placed, stats)):
        melody = line.kind == "melody"
        if melody:
            notes = _melody_notes(notes, stats, result.pitches)
        else:
            stats["drum_hits"] += len(notes)
            result.drum_pitches.update(p for _, _, p in notes)
        codec = get_codec("melody" if melody else "drums")
        for seg in segs:
            bars = seg.num_bars()
            if bars == 0:
                continue
            inside = [n for n in notes if seg.origin - EPS <= n[0] < seg.end - EPS]
            tokens, report = codec.encode_with_report(_quantize(inside, seg.origin, stats), bars * 16)
            stats["quantize_collisions"] += report.overlapped if melody else report.merged_hits
            stats["unknown_drums"] += report.unknown_drums
            for spec in specs:
                if spec.codec == codec.name:
                    result.windows[spec.name].extend(_windows(tokens, spec.num_bars, melody, stats, spec.name))
    result.windows = {
        name: np.stack(w).astype(np.int16) if w else np.zeros((0, spec.num_steps), np.int16)
        for (name, w), spec in zip(result.windows.items(), specs)
    }
    return result


def _melody_notes(notes, stats: Counter, pitches: Counter):
    kept = []
    for n in notes:
        if MIN_PITCH <= n[2] <= MAX_PITCH:
            kept.append(n)
        else:
            stats["out_of_range"] += 1
    before = stats["skyline_hidden"] + stats["skyline_cut"]
    mono = skyline(kept, stats)
    if stats["skyline_hidden"] + stats["skyline_cut"] > before:
        stats["polyphonic_lines"] += 1
    stats["melody_lines"] += 1
    stats["melody_notes"] += len(mono)
    pitches.update(p for _, _, p in mono)
    return mono
