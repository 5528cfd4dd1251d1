"""Note events <-> 16th-note token sequences <-> MIDI files (docs/design.md, 'Representation').

numpy and mido only: the live server imports this module, so nothing here may pull in torch.

Melody (90 classes, Magenta's one-hot melody encoding):
    0 = no event (whatever sounds keeps sounding, silence stays silent)
    1 = note-off
    2..89 = note-on of MIDI pitch 21..108
Drums (512 classes): a step is the set of the 9 drum classes hit, bit i = class i.

A `Note` is (pitch, velocity, start, duration) with start and duration in beats (quarter notes).
Encoding quantizes to the 16th-note grid; decoding yields exact grid positions, so
`decode(encode(notes)) == notes` for any grid-aligned input the representation can hold.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

STEPS_PER_BEAT = 4
STEPS_PER_BAR = 16
DEFAULT_VELOCITY = 100
DEFAULT_BPM = 120.0  # the tempo of written MIDI files and of the live loop until /bpm changes it

NO_EVENT = 0
NOTE_OFF = 1
MIN_PITCH = 21
MAX_PITCH = 108
MELODY_CLASSES = 2 + (MAX_PITCH - MIN_PITCH + 1)  # 90

# Magenta's 9-class drum map (magenta/music/drums_encoder_decoder.py): each class lists the General MIDI
# drum pitches it absorbs; the first pitch is the one a decoded hit is played with.
DRUM_CLASS_NAMES = (
    "kick", "snare", "closed_hihat", "open_hihat", "low_tom", "mid_tom", "high_tom", "crash", "ride",
)
DRUM_CLASS_PITCHES: tuple[tuple[int, ...], ...] = (
    (36, 35),
    (38, 27, 28, 31, 32, 33, 34, 37, 39, 40, 56, 65, 66, 75, 85),
    (42, 44, 54, 68, 69, 70, 71, 73, 78, 80, 22),
    (46, 67, 72, 74, 79, 81, 26),
    (45, 29, 41, 43, 61, 64, 84),
    (48, 47, 60, 63, 77, 86, 87),
    (50, 30, 62, 76, 83),
    (49, 52, 55, 57, 58),
    (51, 53, 59, 82),
)
DRUM_CLASSES = 1 << len(DRUM_CLASS_PITCHES)  # 512
DRUM_PITCH_TO_CLASS = {p: i for i, pitches in enumerate(DRUM_CLASS_PITCHES) for p in pitches}
DRUM_CLASS_TO_PITCH = tuple(pitches[0] for pitches in DRUM_CLASS_PITCHES)
DRUM_DURATION_STEPS = 1
GM_DRUM_CHANNEL = 9


@dataclass(frozen=True, order=True)
class Note:
    """One note event. start and duration are in beats (quarter notes)."""

    start: float
    pitch: int
    velocity: int = DEFAULT_VELOCITY
    duration: float = 0.25
    track: int = 0  # which part of a multi-track (trio) sequence: TRIO_TRACKS index; 0 for one-track codecs


@dataclass
class EncodeReport:
    """What encoding had to drop or change; the data pipeline sums these into its report."""

    notes_in: int = 0
    out_of_range: int = 0  # melody pitches outside 21..108, dropped
    unknown_drums: int = 0  # drum pitches absent from the 9-class map, dropped
    truncated: int = 0  # notes starting at or after the window end, dropped
    overlapped: int = 0  # melody notes cut short or hidden by an overlapping note (monophony)
    merged_hits: int = 0  # drum hits of one class on one step, merged
    dropped_pitches: dict[int, int] = field(default_factory=dict)

    def add(self, other: "EncodeReport") -> None:
        self.notes_in += other.notes_in
        self.out_of_range += other.out_of_range
        self.unknown_drums += other.unknown_drums
        self.truncated += other.truncated
        self.overlapped += other.overlapped
        self.merged_hits += other.merged_hits
        for pitch, count in other.dropped_pitches.items():
            self.dropped_pitches[pitch] = self.dropped_pitches.get(pitch, 0) + count

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["dropped_pitches"] = {str(k): v for k, v in sorted(self.dropped_pitches.items())}
        return d


class CodecError(ValueError):
    """Input the representation cannot hold (raised only in strict mode)."""


def to_step(beats: float) -> int:
    return int(round(float(beats) * STEPS_PER_BEAT))


def to_beats(steps: int) -> float:
    return steps / STEPS_PER_BEAT


class MelodyCodec:
    """Monophonic melody, 90 classes per 16th-note step."""

    name = "melody"
    num_classes = MELODY_CLASSES
    tracks = 1  # token tracks per step: tokens [steps]
    drums_by_track = (False,)  # for each track, whether it is a drum part (plays on the GM drum channel)

    def encode(self, notes: Iterable[Note], num_steps: int, strict: bool = False) -> np.ndarray:
        return self.encode_with_report(notes, num_steps, strict)[0]

    def encode_with_report(
        self, notes: Iterable[Note], num_steps: int, strict: bool = False
    ) -> tuple[np.ndarray, EncodeReport]:
        """Quantize notes into `num_steps` tokens.

        Pitches outside 21..108 raise CodecError when `strict`, else are dropped and counted. A note still
        sounding at the window end is cut there (no note-off is written: decoding ends it at the window end).
        Overlaps are resolved so the line stays monophonic: a note that starts cuts the one sounding, and of
        two notes starting on the same step the highest wins (the skyline).
        """
        report = EncodeReport()
        tokens = np.zeros(num_steps, dtype=np.int64)
        # onset step -> (pitch, end step); highest pitch wins a shared onset.
        onsets: dict[int, tuple[int, int]] = {}
        for n in notes:
            report.notes_in += 1
            pitch = int(n.pitch)
            if not MIN_PITCH <= pitch <= MAX_PITCH:
                if strict:
                    raise CodecError(f"melody pitch {pitch} is outside {MIN_PITCH}..{MAX_PITCH}")
                report.out_of_range += 1
                report.dropped_pitches[pitch] = report.dropped_pitches.get(pitch, 0) + 1
                continue
            start = to_step(n.start)
            if start >= num_steps or start < 0:
                report.truncated += 1
                continue
            end = max(start + 1, to_step(n.start + n.duration))
            if start in onsets:
                report.overlapped += 1
                if onsets[start][0] >= pitch:
                    continue
            onsets[start] = (pitch, end)
        starts = sorted(onsets)
        for i, start in enumerate(starts):
            pitch, end = onsets[start]
            next_start = starts[i + 1] if i + 1 < len(starts) else num_steps
            if next_start < end:
                report.overlapped += 1  # cut short by the next onset
            tokens[start] = 2 + pitch - MIN_PITCH
            if end < next_start:
                tokens[end] = NOTE_OFF  # a rest follows; otherwise the next onset (or the window end) ends it
        return tokens, report

    def decode(self, tokens: Sequence[int], velocity: int = DEFAULT_VELOCITY) -> list[Note]:
        """Tokens -> notes at exact grid positions. A note still sounding at the end ends there."""
        notes: list[Note] = []
        current: tuple[int, int] | None = None  # (pitch, start step)
        tokens = np.asarray(tokens).reshape(-1)
        for step, token in enumerate(tokens.tolist()):
            if token == NO_EVENT:
                continue
            if current is not None:
                notes.append(_melody_note(current, step, velocity))
                current = None
            if token >= 2:
                current = (MIN_PITCH + token - 2, step)
        if current is not None:
            notes.append(_melody_note(current, len(tokens), velocity))
        return notes


def _melody_note(current: tuple[int, int], end: int, velocity: int) -> Note:
    pitch, start = current
    return Note(start=to_beats(start), pitch=pitch, velocity=velocity, duration=to_beats(end - start))


class DrumCodec:
    """Nine drum classes per step; a token is the bit set of classes hit (512 classes)."""

    name = "drums"
    num_classes = DRUM_CLASSES
    tracks = 1
    drums_by_track = (True,)

    def encode(self, notes: Iterable[Note], num_steps: int, strict: bool = False) -> np.ndarray:
        return self.encode_with_report(notes, num_steps, strict)[0]

    def encode_with_report(
        self, notes: Iterable[Note], num_steps: int, strict: bool = False
    ) -> tuple[np.ndarray, EncodeReport]:
        """Drum pitches outside the 9-class map raise CodecError when `strict`, else are dropped and counted."""
        report = EncodeReport()
        tokens = np.zeros(num_steps, dtype=np.int64)
        for n in notes:
            report.notes_in += 1
            drum_class = DRUM_PITCH_TO_CLASS.get(int(n.pitch))
            if drum_class is None:
                if strict:
                    raise CodecError(f"drum pitch {n.pitch} is not in the 9-class General MIDI drum map")
                report.unknown_drums += 1
                report.dropped_pitches[int(n.pitch)] = report.dropped_pitches.get(int(n.pitch), 0) + 1
                continue
            step = to_step(n.start)
            if not 0 <= step < num_steps:
                report.truncated += 1
                continue
            bit = 1 << drum_class
            if tokens[step] & bit:
                report.merged_hits += 1
            tokens[step] |= bit
        return tokens, report

    def decode(self, tokens: Sequence[int], velocity: int = DEFAULT_VELOCITY) -> list[Note]:
        notes = []
        for step, token in enumerate(np.asarray(tokens).reshape(-1).tolist()):
            for drum_class, pitch in enumerate(DRUM_CLASS_TO_PITCH):
                if token >> drum_class & 1:
                    notes.append(Note(start=to_beats(step), pitch=pitch, velocity=velocity,
                                      duration=to_beats(DRUM_DURATION_STEPS)))
        return notes


class TrioCodec:
    """Magenta's trio: melody, bass and drums as three token tracks, tokens [steps, 3] (90, 90, 512 classes).

    A note's `track` says which part it belongs to (TRIO_TRACKS); the model decodes the three tracks with
    three decoders, so `num_classes` is the width of one step's noise over all three (692).
    """

    name = "trio"
    track_codecs = (MelodyCodec(), MelodyCodec(), DrumCodec())
    num_classes = sum(c.num_classes for c in track_codecs)
    tracks = len(track_codecs)  # tokens [steps, 3]
    drums_by_track = tuple(isinstance(c, DrumCodec) for c in track_codecs)  # (False, False, True)

    def encode(self, notes: Iterable[Note], num_steps: int, strict: bool = False) -> np.ndarray:
        return self.encode_with_report(notes, num_steps, strict)[0]

    def encode_with_report(
        self, notes: Iterable[Note], num_steps: int, strict: bool = False
    ) -> tuple[np.ndarray, EncodeReport]:
        """Each note goes to the track its `track` names; a track outside 0..2 raises CodecError."""
        notes = list(notes)
        bad = sorted({n.track for n in notes} - set(range(len(TRIO_TRACKS))))
        if bad:
            raise CodecError(f"trio notes must have track 0 (melody), 1 (bass) or 2 (drums), not {bad}")
        report = EncodeReport()
        columns = []
        for track, codec in enumerate(self.track_codecs):
            tokens, part = codec.encode_with_report([n for n in notes if n.track == track], num_steps, strict)
            report.add(part)
            columns.append(tokens)
        return np.stack(columns, axis=1), report

    def decode(self, tokens: Sequence[Sequence[int]], velocity: int = DEFAULT_VELOCITY) -> list[Note]:
        tokens = np.asarray(tokens).reshape(-1, len(TRIO_TRACKS))
        notes = []
        for track, codec in enumerate(self.track_codecs):
            notes += [replace(n, track=track) for n in codec.decode(tokens[:, track], velocity)]
        return sorted(notes)


TRIO_TRACKS = ("melody", "bass", "drums")
TRIO_CLASSES = TrioCodec.num_classes  # 692
CODECS = {"melody": MelodyCodec(), "drums": DrumCodec(), "trio": TrioCodec()}


def get_codec(name: str) -> MelodyCodec | DrumCodec | TrioCodec:
    try:
        return CODECS[name]
    except KeyError:
        raise CodecError(f"unknown codec {name!r}; known: {', '.join(CODECS)}") from None


# --------------------------------------------------------------------------------------------- MIDI files


@dataclass
class MidiContent:
    """What a MIDI file holds, in beats: pitched notes, drum notes (channel 10) and time signatures."""

    notes: list[Note]
    drums: list[Note]
    time_signatures: list[tuple[float, int, int]]  # (start beat, numerator, denominator)
    length_beats: float


def read_midi(path: str | Path) -> MidiContent:
    """Read a MIDI file into note events in beats. Raises ValueError (with the reason) on a corrupt file."""
    import mido

    try:
        mid = mido.MidiFile(str(path), clip=True)
    except Exception as exc:  # mido raises OSError, EOFError, KeyError, ValueError... on bad files
        raise ValueError(f"unreadable MIDI file: {exc}") from exc
    tpb = mid.ticks_per_beat or 480
    notes: list[Note] = []
    drums: list[Note] = []
    time_signatures: list[tuple[float, int, int]] = []
    end_tick = 0
    for track in mid.tracks:
        tick = 0
        sounding: dict[tuple[int, int], list[tuple[int, int]]] = {}  # (channel, pitch) -> [(start, vel)]
        for msg in track:
            tick += msg.time
            if msg.type == "time_signature":
                time_signatures.append((tick / tpb, msg.numerator, msg.denominator))
            elif msg.type == "note_on" and msg.velocity > 0:
                sounding.setdefault((msg.channel, msg.note), []).append((tick, msg.velocity))
            elif msg.type in ("note_off", "note_on"):
                starts = sounding.get((msg.channel, msg.note))
                if starts:
                    start, vel = starts.pop(0)
                    target = drums if msg.channel == GM_DRUM_CHANNEL else notes
                    target.append(Note(start=start / tpb, pitch=msg.note, velocity=vel,
                                       duration=(tick - start) / tpb))
        end_tick = max(end_tick, tick)
    notes.sort()
    drums.sort()
    time_signatures = sorted(set(time_signatures))
    return MidiContent(notes, drums, time_signatures, end_tick / tpb)


def write_midi(
    path: str | Path,
    notes: Iterable[Note],
    bpm: float = DEFAULT_BPM,
    drums: bool = False,
    ticks_per_beat: int = 480,
    program: int = 0,
) -> None:
    """Write notes as a one-track MIDI file in 4/4 (drums on channel 10)."""
    import mido

    channel = GM_DRUM_CHANNEL if drums else 0
    events: list[tuple[int, int, mido.Message]] = []  # (tick, order, message): note-offs sort first
    for n in notes:
        on = int(round(n.start * ticks_per_beat))
        off = max(on + 1, int(round((n.start + n.duration) * ticks_per_beat)))
        events.append((on, 1, mido.Message("note_on", note=int(n.pitch), velocity=int(n.velocity), channel=channel)))
        events.append((off, 0, mido.Message("note_off", note=int(n.pitch), velocity=0, channel=channel)))
    events.sort(key=lambda e: (e[0], e[1]))
    track = mido.MidiTrack()
    track.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(bpm), time=0))
    track.append(mido.MetaMessage("time_signature", numerator=4, denominator=4, time=0))
    if not drums:
        track.append(mido.Message("program_change", program=program, channel=channel, time=0))
    last = 0
    for tick, _, msg in events:
        track.append(msg.copy(time=tick - last))
        last = tick
    track.append(mido.MetaMessage("end_of_track", time=0))
    mid = mido.MidiFile(ticks_per_beat=ticks_per_beat)
    mid.tracks.append(track)
    mid.save(str(path))
