"""Folders of MIDI files -> `Piece`s: one melody line per (track, channel), one drum line for channel 10.

`contract.codec.read_midi` merges every track into one note list, which would turn a band arrangement into one
skyline; here each instrument stays its own line (as Magenta's melody extractor does), while all lines of
a file share the piece id, so a file never straddles two splits. Bars come from the file's time signatures
(no time signature: 4/4, as the MIDI standard says); MIDI has no repeat signs and its bar grid starts at 0.
"""
from __future__ import annotations

from pathlib import Path

from contract.codec import GM_DRUM_CHANNEL
from vae.sources import Line, Measure, Piece, Skip, to_line

MIDI_SUFFIXES = (".mid", ".midi", ".kar", ".smf")


def find_files(folder: str | Path) -> list[Path]:
    folder = Path(folder)
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in MIDI_SUFFIXES)


def piece_id(folder: str | Path, path: Path) -> str:
    folder = Path(folder)
    rel = path.name if folder.is_file() else path.relative_to(folder).as_posix()
    return f"midi/{folder.name}/{rel}" if not folder.is_file() else f"midi/{rel}"


def read_file(path: str | Path, pid: str, collection: str = "midi", drums_only: bool = False) -> Piece | Skip:
    import mido

    try:
        mid = mido.MidiFile(str(path), clip=True)
    except Exception as exc:  # mido raises OSError, EOFError, KeyError, ValueError... on bad files
        return Skip(pid, collection, "corrupt_file", f"{type(exc).__name__}: {exc}")
    return read_midi(mid, pid, collection, Path(path).stem, drums_only)


def read_midi(mid, pid: str, collection: str = "midi", title: str = "", drums_only: bool = False,
              split_key: str = "") -> Piece | Skip:
    """A parsed mido.MidiFile -> Piece. Every channel-10 note of the file is one drum line (a kit written
    over several tracks is still one kit); with `drums_only` the melodic lines are left out, so a drum
    source never adds melody windows, and a file without drums is a Skip ("no_drums")."""
    tpb = mid.ticks_per_beat or 480
    lines: dict[tuple[int, int], list[tuple[float, float, int]]] = {}
    time_signatures: dict[float, str] = {}
    end = 0.0
    for track_index, track in enumerate(mid.tracks):
        tick = 0
        sounding: dict[tuple[int, int], list[int]] = {}  # (channel, pitch) -> start ticks
        for msg in track:
            tick += msg.time
            if msg.type == "time_signature":
                time_signatures[tick / tpb] = f"{msg.numerator}/{msg.denominator}"
            elif msg.type == "note_on" and msg.velocity > 0:
                sounding.setdefault((msg.channel, msg.note), []).append(tick)
            elif msg.type in ("note_off", "note_on"):
                starts = sounding.get((msg.channel, msg.note))
                if starts:
                    start = starts.pop(0)
                    key = (-1, msg.channel) if msg.channel == GM_DRUM_CHANNEL else (track_index, msg.channel)
                    lines.setdefault(key, []).append((start / tpb, (tick - start) / tpb, msg.note))
        end = max(end, tick / tpb)
    if not any(lines.values()):
        return Skip(pid, collection, "no_notes", "no notes in any track")
    if drums_only:
        lines = {key: notes for key, notes in lines.items() if key[1] == GM_DRUM_CHANNEL}
        if not lines:
            return Skip(pid, collection, "no_drums", "no notes on the drum channel (10)")
    measures = midi_measures(time_signatures, end)
    out: list[Line] = []
    for (track_index, channel), notes in sorted(lines.items(), key=lambda item: (item[0][0] < 0, item[0])):
        if channel == GM_DRUM_CHANNEL:
            out.append(to_line("drums-ch10", "drums", sorted(notes), measures))
        else:
            out.append(to_line(f"track{track_index}-ch{channel + 1}", "melody", sorted(notes), measures))
    return Piece(pid, collection, measures, out, title, split_key=split_key)


def midi_measures(time_signatures: dict[float, str], end: float) -> list[Measure]:
    """Bars laid out from beat 0 by the time signatures; a change mid-bar cuts that bar short."""
    changes = sorted(time_signatures.items())
    if not changes or changes[0][0] > 0:
        changes.insert(0, (0.0, "4/4"))
    measures: list[Measure] = []
    for i, (start, meter) in enumerate(changes):
        stop = changes[i + 1][0] if i + 1 < len(changes) else end
        num, den = (int(x) for x in meter.split("/"))
        bar = num * 4.0 / den
        t = start
        while t < stop - 1e-6 and bar > 0:
            measures.append(Measure(t, min(bar, stop - t), meter))
            t += bar
    return measures
