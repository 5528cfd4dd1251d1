"""External clocks the playback loop (server/playback.py) can follow: MIDI clock in and Ableton Link.

Without one, the loop keeps its own time at /bpm. With one, the loop reads a `Reading` (running or not,
the beat position, the tempo) from the source every few milliseconds and places its steps on that beat
grid: a 16th note is a quarter beat, a bar is BEATS_PER_BAR beats, so clips switch where the source's bars
begin (Link's quantum is one bar) and the loop's start falls on a bar line of the source.

- `MidiClock` (`--clock-in NAME`): 24 pulses per quarter note; Start (position 0), Stop, Continue (from
  where it stopped) and Song Position Pointer; the tempo is measured from the pulse intervals over the last
  beat. Between pulses the position is interpolated, never past the next pulse. The tempo belongs to the
  master, so /bpm cannot change it.
- `LinkClock` (`--link`, the `aalink` package): joins the Link session on the local network; the loop
  follows the session's tempo and beat; /bpm sets the session's tempo for every peer. Start/stop sync is
  on: the loop plays while the session plays, /play and /stop start and stop the session for every peer
  that has start/stop sync on (Ableton Live: "Start Stop Sync" in its Link preferences), and a peer's
  start or stop starts or stops the loop. Joining adopts the session's state: a server alone in a session
  is stopped until /play (joining never starts or stops the other peers).

Both are fed and read on different threads, so both are thread-safe.
"""
from __future__ import annotations

import asyncio
import logging
import threading
import warnings
from collections import Counter, deque
from dataclasses import dataclass
from typing import Protocol

from contract.codec import DEFAULT_BPM, STEPS_PER_BAR, STEPS_PER_BEAT

log = logging.getLogger("musicvae.server")

BEATS_PER_BAR = STEPS_PER_BAR // STEPS_PER_BEAT  # 4: the loop's bar, in quarter notes
LINK_QUANTUM = BEATS_PER_BAR  # Link aligns peers' phase over one bar
MIDI_PPQN = 24  # MIDI clock pulses per quarter note
TEMPO_WINDOW = MIDI_PPQN  # pulse intervals averaged for the tempo: one beat
MIN_BPM, MAX_BPM = 20.0, 400.0  # a measured tempo is clamped here (a stalled or flooding clock)

# MIDI system real-time and common messages a clock input reads (the first byte).
CLOCK, START, CONTINUE, STOP, SONG_POSITION = 0xF8, 0xFA, 0xFB, 0xFC, 0xF2
SIXTEENTH_PULSES = MIDI_PPQN // STEPS_PER_BEAT  # Song Position counts 16ths: 6 pulses each


class ClockError(RuntimeError):
    """The clock cannot start, or cannot do what was asked; the text says why."""


@dataclass(frozen=True)
class Reading:
    running: bool
    beat: float  # quarter notes from the source's origin; bar lines at multiples of BEATS_PER_BAR
    bpm: float


class ClockSource(Protocol):
    name: str

    def read(self, now: float) -> Reading: ...
    def set_bpm(self, bpm: float) -> None: ...  # raises ClockError where the tempo is not ours to set
    def close(self) -> None: ...


class MidiClock:
    """MIDI clock in: feed it every message of the clock port (`feed`), read it from the loop (`read`)."""

    name = "MIDI clock"

    def __init__(self, initial_bpm: float = DEFAULT_BPM):
        self._lock = threading.Lock()
        self._pulses = 0  # pulses since the song's start
        self._running = False
        self._waiting_first = False  # after Start/Continue the next pulse is the position itself
        self._last_pulse: float | None = None
        self._intervals: deque[float] = deque(maxlen=TEMPO_WINDOW)
        self._bpm = float(initial_bpm)
        self.counts: Counter[str] = Counter()

    def feed(self, data, now: float) -> None:
        """One MIDI message (bytes) received at `now`; anything but clock messages is counted and ignored."""
        status = data[0] if len(data) else None
        with self._lock:
            if status == CLOCK:
                self._pulse(now)
            elif status == START:
                self._pulses, self._running, self._waiting_first = 0, True, True
            elif status == CONTINUE:
                self._running, self._waiting_first = True, True
            elif status == STOP:
                self._running = False
            elif status == SONG_POSITION and len(data) == 3:
                self._pulses = ((data[2] << 7) | data[1]) * SIXTEENTH_PULSES
            else:
                self.counts["ignored"] += 1
                return
            self.counts[{CLOCK: "pulse", START: "start", CONTINUE: "continue", STOP: "stop"}.get(status, "position")] += 1

    def _pulse(self, now: float) -> None:
        if self._last_pulse is not None and now > self._last_pulse:
            self._intervals.append(now - self._last_pulse)
            mean = sum(self._intervals) / len(self._intervals)
            self._bpm = min(MAX_BPM, max(MIN_BPM, 60.0 / (mean * MIDI_PPQN)))
        self._last_pulse = now
        if not self._running:
            return
        if self._waiting_first:
            self._waiting_first = False
        else:
            self._pulses += 1

    def read(self, now: float) -> Reading:
        with self._lock:
            beat = self._pulses / MIDI_PPQN
            running = self._running and not self._waiting_first
            if running and self._last_pulse is not None:
                since = max(0.0, now - self._last_pulse) * self._bpm / 60.0
                beat += min(since, 1.0 / MIDI_PPQN)  # up to the next pulse, never past it
            return Reading(running, beat, self._bpm)

    def set_bpm(self, bpm: float) -> None:
        raise ClockError("the tempo follows the MIDI clock in; change it at the clock's source")

    def close(self) -> None:
        pass


class LinkClock:
    """A peer of the Ableton Link session on the local network (aalink, which needs an asyncio loop: it
    runs on a thread of its own; reads go straight to Link, which is thread-safe)."""

    name = "Ableton Link"

    def __init__(self, bpm: float = DEFAULT_BPM, quantum: float = LINK_QUANTUM):
        try:
            import aalink
        except ImportError as exc:
            raise ClockError(f"Ableton Link needs the aalink package ({exc}): pip install aalink") from None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="musicvae-link", daemon=True)
        self._thread.start()

        async def join():
            link = aalink.Link(float(bpm))  # aalink binds its callbacks to the running loop: this one
            link.quantum = float(quantum)
            link.start_stop_sync_enabled = True
            link.enabled = True
            return link

        try:
            self.link = asyncio.run_coroutine_threadsafe(join(), self._loop).result(timeout=10)
        except Exception as exc:  # aalink raises RuntimeError and its own errors where Link cannot start
            self._stop_loop()
            raise ClockError(f"Ableton Link could not start: {type(exc).__name__}: {exc}") from None
        log.info("Ableton Link on (tempo %.1f, quantum %g, %d peer(s) so far)", self.link.tempo, quantum,
                 self.link.num_peers)

    @property
    def peers(self) -> int:
        return int(self.link.num_peers)

    @property
    def playing(self) -> bool:
        return bool(self.link.playing)

    def set_playing(self, playing: bool) -> None:
        """Start or stop the session (every peer with start/stop sync on follows)."""
        self.link.playing = bool(playing)

    def read(self, now: float) -> Reading:
        return Reading(bool(self.link.playing), float(self.link.beat), float(self.link.tempo))

    def set_bpm(self, bpm: float) -> None:
        self.link.tempo = float(bpm)

    def close(self) -> None:
        try:
            self.link.enabled = False
        finally:
            self._stop_loop()

    def _stop_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(2.0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            if not self._loop.is_running():
                self._loop.close()
