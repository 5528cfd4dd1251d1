"""When a MIDI message was played, from the backend's own timestamps rather than from when Python read it.

rtmidi stamps every incoming message with the time since the previous one, taken by the backend (JACK's
process cycle, ALSA's sequencer queue, CoreMIDI's host time) before the message is queued. Summing these
deltas gives the timeline the sender played, whatever the delay before Python gets to read the queue: a
server starved of CPU or of the GIL reads a keyboard phrase late and in bursts, yet times it as played.

The sum is placed on the monotonic clock (the clock timers and the playback loop use) by the offset
`arrival - played` of the message read soonest after it was played: the smallest offset seen. The first
message fixes it; a later message read sooner lowers it, which moves later messages earlier by that much
(only if the very first message was itself read late).

Two backend details this relies on (measured on JACK's dummy backend, python-rtmidi 1.5):
- The delta counts from the previous message the backend saw, including ones rtmidi's own filter drops
  (RtMidi's JACK input updates its "last time" before filtering): so the port lets rtmidi drop nothing
  and every message's delta is summed here, dropped or not.
- Read with a Python callback, the backend's thread must take the GIL before it stamps the next message:
  two busy Python threads put stamps 125 ms late and lost a message. Polling the queue leaves the
  backend's thread free of Python; the stamps then kept the sender's timing within 8 ms (a JACK cycle).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PlayedTimeline:
    """Feed each message's (delta, arrival) in order; -> the time it was played, on the arrival clock."""

    played: float = 0.0  # seconds since the first message, by the backend's deltas
    offset: float | None = None  # arrival clock minus `played`: the smallest seen

    def stamp(self, delta: float, arrival: float) -> float:
        if self.offset is not None:  # the first message's delta means nothing (rtmidi gives 0)
            self.played += max(0.0, float(delta))
        lag = arrival - self.played
        if self.offset is None or lag < self.offset:
            self.offset = lag
        return self.played + self.offset
