"""Keyboard to latent: notes played on a MIDI keyboard, recorded for the model's length, become a clip.

`/record a` (or the pedal, or the arming note) arms a slot; the first note played starts the take, and
the take ends the model's length later (at the tempo of that moment). Where the take's bar grid begins:
- no loop playing (transport stopped, or nothing to play): at the first note, which is beat 0; a
  performer counts in with that note, as on a looper pedal.
- a loop playing: at the loop's bar line at or before the first note, so the take keeps the loop's grid
  (a phrase begun on beat 3 of the loop's bar starts on beat 3 of the take). A first note played up to
  half a 16th before a bar line counts as on it (a hand a touch early for the downbeat).
Notes still held at the end are cut there. The clip is handed on as Notes in beats, unquantised: the codec
quantises it to the 16th-note grid exactly as for /encode.

A drum model takes only channel 10 (the General MIDI drum channel); a melody model takes every other
channel, so a drum pad on channel 10 does not leak into a melody. A trio reads each part from the channel
it plays that part on when served alone (server/channels.py): melody on 1, bass on 2, drums on 10, and
every other channel into the melody.

Pure logic on times passed in: the MIDI input calls `expire` from a timer at `deadline`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from contract.codec import DEFAULT_BPM, GM_DRUM_CHANNEL, STEPS_PER_BAR, STEPS_PER_BEAT, Note
from server.channels import midi_channels

SECONDS_PER_MINUTE = 60.0
BEATS_PER_BAR = STEPS_PER_BAR // STEPS_PER_BEAT
EARLY_BEATS = 0.5 / STEPS_PER_BEAT  # half a 16th: a first note this close before a bar line is on it


@dataclass
class Take:
    slot: str
    start: float | None = None  # clock time of the take's beat 0; None until the first note is played
    bpm: float = DEFAULT_BPM
    notes: list[Note] | None = None
    held: dict[tuple[int, int], tuple[float, int]] | None = None  # (track, pitch) -> (start beat, velocity)


def input_tracks(drums_by_track: Sequence[bool]) -> tuple[dict[int, int], int | None]:
    """({channel: track} for the channels the model's parts play on alone, the track every other
    channel records into: the first melodic one, None for a drum model). The drum channel records only
    into a drum part."""
    placed = {channel: track for track, channel in enumerate(midi_channels([drums_by_track])[0])}
    melodic = [track for track, drums in enumerate(drums_by_track) if not drums]
    return placed, (melodic[0] if melodic else None)


class KeyboardRecorder:
    def __init__(self, length_beats: float, drums: bool | Sequence[bool]):
        """`drums`: whether the model is drums, or for a multi-track (trio) model, each track's
        (the codec's `drums_by_track`)."""
        self.length_beats = float(length_beats)
        self._placed, self._others = input_tracks((drums,) if isinstance(drums, bool) else tuple(drums))
        self._take: Take | None = None

    @property
    def armed(self) -> str | None:
        """The slot a take is armed or running for."""
        return None if self._take is None else self._take.slot

    @property
    def deadline(self) -> float | None:
        """When the running take ends (None while armed and waiting for the first note)."""
        take = self._take
        if take is None or take.start is None:
            return None
        return take.start + self.length_beats * SECONDS_PER_MINUTE / take.bpm

    def arm(self, slot: str) -> None:
        """Arm `slot`; a take already running is discarded."""
        self._take = Take(slot)

    def disarm(self) -> None:
        self._take = None

    def track_of(self, channel: int) -> int | None:
        """The track a note on this channel records into; None: not this model's channel."""
        if channel in self._placed:
            return self._placed[channel]
        return None if channel == GM_DRUM_CHANNEL else self._others

    def takes_channel(self, channel: int) -> bool:
        return self.track_of(channel) is not None

    def note_on(self, pitch: int, velocity: int, channel: int, now: float, bpm: float,
                bar_phase: float | None = None) -> bool:
        """Record a note-on; False if no take is armed or the channel is not this model's. `bar_phase`:
        beats since the playing loop's last bar line at `now` (None: no loop playing)."""
        take = self._take
        track = self.track_of(channel)
        if take is None or track is None:
            return False
        if take.start is None:  # the first note starts the take
            lead = 0.0 if bar_phase is None else self.lead_beats(bar_phase)
            take.start = now - lead * SECONDS_PER_MINUTE / float(bpm)
            take.bpm, take.notes, take.held = float(bpm), [], {}
        beat = self._beat(take, now)
        if beat >= self.length_beats:
            return False
        if (track, pitch) in take.held:  # the same key again before its note-off: end the first one here
            self._release(take, (track, pitch), beat)
        take.held[(track, pitch)] = (beat, velocity)
        return True

    def note_off(self, pitch: int, channel: int, now: float) -> None:
        take = self._take
        voice = (self.track_of(channel), pitch)
        if take is None or take.start is None or voice not in take.held:
            return
        self._release(take, voice, min(self._beat(take, now), self.length_beats))

    def expire(self, now: float) -> tuple[str, list[Note]] | None:
        """At or after the deadline: end the take, -> (slot, notes in order of onset); else None."""
        deadline = self.deadline
        if deadline is None or now < deadline:
            return None
        take = self._take
        for voice in list(take.held):
            self._release(take, voice, self.length_beats)
        self._take = None
        return take.slot, sorted(take.notes)

    @staticmethod
    def lead_beats(bar_phase: float) -> float:
        """Beats from the take's start to its first note, played `bar_phase` beats after a bar line."""
        phase = bar_phase % BEATS_PER_BAR
        return phase - BEATS_PER_BAR if phase >= BEATS_PER_BAR - EARLY_BEATS else phase

    @staticmethod
    def _beat(take: Take, now: float) -> float:
        return max(0.0, (now - take.start) * take.bpm / SECONDS_PER_MINUTE)  # an early first note is on 0

    @staticmethod
    def _release(take: Take, voice: tuple[int, int], end: float) -> None:
        start, velocity = take.held.pop(voice)
        track, pitch = voice
        # A key tapped shorter than the grid still sounds: the codec gives every note at least one step.
        take.notes.append(Note(start=start, pitch=pitch, velocity=velocity, duration=max(end - start, 1e-3),
                               track=track))
