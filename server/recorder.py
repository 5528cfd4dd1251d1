"""Keyboard to latent: notes played on a MIDI keyboard, recorded for the model's length, become a clip.

`/record a` (or the pedal, or the arming note) arms a slot; the first note played starts the take at
beat 0, and the take ends the model's length later (at the tempo of that moment). Notes still held then
are cut at the end. The clip is handed on as Notes in beats, unquantised: the codec quantises it to the
16th-note grid exactly as for /encode.

A drum model takes only channel 10 (the General MIDI drum channel); a melody model takes every other
channel, so a drum pad on channel 10 does not leak into a melody.

Pure logic on times passed in: the MIDI input calls `expire` from a timer at `deadline`.
"""
from __future__ import annotations

from dataclasses import dataclass

from contract.codec import DEFAULT_BPM, GM_DRUM_CHANNEL, Note

SECONDS_PER_MINUTE = 60.0


@dataclass
class Take:
    slot: str
    start: float | None = None  # clock time of the first note; None until one is played
    bpm: float = DEFAULT_BPM
    notes: list[Note] | None = None
    held: dict[int, tuple[float, int]] | None = None  # pitch -> (start beat, velocity)


class KeyboardRecorder:
    def __init__(self, length_beats: float, drums: bool):
        self.length_beats = float(length_beats)
        self.drums = drums
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

    def takes_channel(self, channel: int) -> bool:
        return (channel == GM_DRUM_CHANNEL) == self.drums

    def note_on(self, pitch: int, velocity: int, channel: int, now: float, bpm: float) -> bool:
        """Record a note-on; False if no take is armed or the channel is not this model's."""
        take = self._take
        if take is None or not self.takes_channel(channel):
            return False
        if take.start is None:  # the first note starts the take
            take.start, take.bpm, take.notes, take.held = now, float(bpm), [], {}
        beat = self._beat(take, now)
        if beat >= self.length_beats:
            return False
        if pitch in take.held:  # the same key again before its note-off: end the first one here
            self._release(take, pitch, beat)
        take.held[pitch] = (beat, velocity)
        return True

    def note_off(self, pitch: int, channel: int, now: float) -> None:
        take = self._take
        if take is None or take.start is None or not self.takes_channel(channel) or pitch not in take.held:
            return
        self._release(take, pitch, min(self._beat(take, now), self.length_beats))

    def expire(self, now: float) -> tuple[str, list[Note]] | None:
        """At or after the deadline: end the take, -> (slot, notes in order of onset); else None."""
        deadline = self.deadline
        if deadline is None or now < deadline:
            return None
        take = self._take
        for pitch in list(take.held):
            self._release(take, pitch, self.length_beats)
        self._take = None
        return take.slot, sorted(take.notes)

    @staticmethod
    def _beat(take: Take, now: float) -> float:
        return (now - take.start) * take.bpm / SECONDS_PER_MINUTE

    @staticmethod
    def _release(take: Take, pitch: int, end: float) -> None:
        start, velocity = take.held.pop(pitch)
        # A key tapped shorter than the grid still sounds: the codec gives every note at least one step.
        take.notes.append(Note(start=start, pitch=pitch, velocity=velocity, duration=max(end - start, 1e-3)))
