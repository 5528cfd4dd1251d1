"""Looping the current sequence for MIDI and audio out (docs/design.md, 'Playback, MIDI and audio').

`LoopScheduler` is pure logic on a clock you pass in (tests drive it with a fake one): it loops the
playing notes at the tempo and switches to a newly decoded sequence only at the next bar line, keeping the
loop's phase, so a morph never cuts a note mid-bar. Every note-on it emits is matched by a note-off: at
the note's end, before the same pitch starts again, at a switch, and on `stop`.

`Playback` runs a scheduler on a thread against real time and forwards its events to sinks (the MIDI
port, the synth), each of which has `note_on(pitch, velocity, track)`, `note_off(pitch, track)` and
`close()`. Every event carries its note's track (a trio model's 0 melody, 1 bass, 2 drums; 0 for one-track
models): the sink decides where a track plays (server/midi_out.py: one MIDI channel per track). A pitch
sounds once per track, so the bass and the melody may hold the same pitch at once.
"""
from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from contract.codec import DEFAULT_BPM, STEPS_PER_BAR, STEPS_PER_BEAT, Note

log = logging.getLogger("musicvae.server")

MAX_CATCH_UP_STEPS = STEPS_PER_BAR  # late by more than a bar (machine stalled): skip ahead, don't burst
FOLLOW_POLL_S = 0.005  # how often the loop reads an external clock (a 16th at 300 bpm is 50 ms)


@dataclass(frozen=True)
class Event:
    step: int  # absolute 16th-note step since playback started
    kind: str  # "on" | "off"
    pitch: int
    velocity: int = 0
    track: int = 0  # the note's track (Note.track): which part, so which MIDI channel, plays it


class Sink(Protocol):
    def note_on(self, pitch: int, velocity: int, track: int = 0) -> None: ...
    def note_off(self, pitch: int, track: int = 0) -> None: ...
    def close(self) -> None: ...


Voice = tuple[int, int]  # (track, pitch): what sounds, and what a note-off ends
OnsTable = list[list[tuple[int, int, int, int]]]  # per loop step: (track, pitch, velocity, length in steps)


class LoopScheduler:
    def __init__(self, loop_steps: int, bpm: float = DEFAULT_BPM, steps_per_bar: int = STEPS_PER_BAR):
        self.loop_steps = int(loop_steps)
        self.steps_per_bar = steps_per_bar
        self.bpm = float(bpm)
        self._ons: OnsTable | None = None
        self._pending: OnsTable | None = None
        self._sounding: dict[Voice, int] = {}  # (track, pitch) -> absolute step its note ends
        self._anchor_time = 0.0  # the clock time of absolute step `_anchor_step`
        self._anchor_step = 0.0
        self._next_step = 0  # first step not yet processed
        self.switches = 0
        self.following = False  # placed on an external clock by `follow`

    # ----------------------------------------------------------------------------------------- control

    @property
    def playing(self) -> bool:
        return self._ons is not None

    @property
    def cued(self) -> bool:
        """New notes wait for the next bar line."""
        return self._pending is not None

    @property
    def last_step(self) -> int:
        """The newest step processed (-1 before the first)."""
        return self._next_step - 1

    @property
    def sounding(self) -> list[int]:
        """The pitches sounding, every track's."""
        return sorted(pitch for _, pitch in self._sounding)

    def set_notes(self, notes: Sequence[Note], now: float) -> None:
        """Play these notes: at once if nothing plays yet, else from the next bar line."""
        table = self._table(notes)
        if self._ons is None:
            self._ons, self._pending = table, None
            if self.following:  # in phase with the followed clock: from its next step
                self._next_step = math.ceil(self.step_at(now) - 1e-9)
            else:
                self._anchor_time, self._anchor_step, self._next_step = now, 0.0, 0
        else:
            self._pending = table

    def set_bpm(self, bpm: float, now: float) -> None:
        """Change tempo from now on, without a jump in position."""
        self._anchor_step, self._anchor_time = self.step_at(now), now
        self.bpm = float(bpm)

    def halt(self) -> list[Event]:
        """Transport stop: note-offs for everything sounding; the loop keeps its notes for the restart."""
        return self._end_all()

    def restart(self, now: float, step: float = 0.0) -> None:
        """Carry on from `step` (16ths) at `now`: the loop's start, or where a followed clock is."""
        self._anchor_time, self._anchor_step = now, float(step)
        self._next_step = math.ceil(step - 1e-9)

    def follow(self, step: float, bpm: float, now: float) -> list[Event]:
        """Place the loop on an external clock (server/clock.py): it is at `step` 16ths at `now`, at `bpm`.
        Bar lines fall where the clock's do. A jump back (MIDI Start, a Link timeline reset) carries on
        from the new position, ending what sounds; a jump ahead is `advance`'s catch-up."""
        self.following = True
        back = step < self._next_step - 1
        self._anchor_time, self._anchor_step, self.bpm = now, float(step), float(bpm)
        if not back:
            return []
        events = self.halt()
        self._next_step = math.ceil(step - 1e-9)
        return events

    def stop(self) -> list[Event]:
        """Silence: note-offs for everything sounding; the loop forgets its notes."""
        events = self._end_all()
        self._ons = self._pending = None
        return events

    # ---------------------------------------------------------------------------------------------- time

    def step_at(self, now: float) -> float:
        return self._anchor_step + (now - self._anchor_time) * self.bpm / 60.0 * STEPS_PER_BEAT

    def time_of(self, step: float) -> float:
        return self._anchor_time + (step - self._anchor_step) * 60.0 / (self.bpm * STEPS_PER_BEAT)

    def next_time(self) -> float | None:
        """When the next unprocessed step falls due (None when idle)."""
        return self.time_of(self._next_step) if self.playing else None

    def advance(self, now: float) -> list[Event]:
        """All events due up to `now`, in order (note-offs before note-ons on the same step)."""
        if not self.playing:
            return []
        target = math.floor(self.step_at(now) + 1e-9)
        events: list[Event] = []
        if target - self._next_step > MAX_CATCH_UP_STEPS:
            events += self._end_all()
            self._next_step = target
        while self._next_step <= target:
            events += self._process(self._next_step)
            self._next_step += 1
        return events

    # ------------------------------------------------------------------------------------------ internal

    def _table(self, notes: Sequence[Note]) -> OnsTable:
        table: OnsTable = [[] for _ in range(self.loop_steps)]
        for n in notes:
            start = int(round(n.start * STEPS_PER_BEAT))
            length = max(1, int(round(n.duration * STEPS_PER_BEAT)))
            if 0 <= start < self.loop_steps:
                table[start].append((int(n.track), int(n.pitch), int(n.velocity), length))
        return table

    def _end_all(self) -> list[Event]:
        """Note-offs for everything sounding, now."""
        events = [Event(self._next_step, "off", pitch, track=track) for track, pitch in sorted(self._sounding)]
        self._sounding.clear()
        return events

    def _process(self, step: int) -> list[Event]:
        ended = sorted(voice for voice, end in self._sounding.items() if end <= step)
        events = [Event(step, "off", pitch, track=track) for track, pitch in ended]
        for voice in ended:
            del self._sounding[voice]
        if self._pending is not None and step % self.steps_per_bar == 0:
            events += [Event(step, "off", pitch, track=track) for track, pitch in sorted(self._sounding)]
            self._sounding.clear()
            self._ons, self._pending = self._pending, None
            self.switches += 1
        for track, pitch, velocity, length in self._ons[step % self.loop_steps]:
            if (track, pitch) in self._sounding:  # retrigger: end the old note first
                events.append(Event(step, "off", pitch, track=track))
            events.append(Event(step, "on", pitch, velocity, track))
            self._sounding[(track, pitch)] = step + length
        return events


class Playback:
    """A scheduler thread on the real clock, fanning events out to sinks.

    `source` (server/clock.py: MIDI clock in, Ableton Link) puts the loop on an external clock, read every
    FOLLOW_POLL_S; without one the loop keeps its own time at /bpm. `play`/`stop` are the transport: stop
    ends every sounding note and holds the loop; play restarts it from its first bar (on an external clock,
    from where that clock is). `on_beat(bar, step)` hears every beat the loop plays: the bar within the
    loop (from 1) and the 16th within the bar (0, 4, 8, 12).
    """

    def __init__(self, loop_steps: int, sinks: Sequence[Sink], bpm: float = DEFAULT_BPM,
                 clock: Callable[[], float] = time.monotonic, source=None,
                 on_beat: Callable[[int, int], None] | None = None):
        self.scheduler = LoopScheduler(loop_steps, bpm)
        self.sinks = list(sinks)
        self.clock = clock
        self.source = source
        self.on_beat = on_beat
        self.events_sent = 0
        self.transport_running = True
        self._halted = False
        self._beat_step: int | None = None  # the last step announced to on_beat
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name="musicvae-playback", daemon=True)
        self._thread.start()

    def set_notes(self, notes: Sequence[Note]) -> None:
        with self._cond:
            self.scheduler.set_notes(notes, self.clock())
            self._cond.notify()

    def set_bpm(self, bpm: float) -> None:
        """The loop's tempo; on an external clock, the clock's (server.clock.ClockError where not ours)."""
        if self.source is not None:
            self.source.set_bpm(bpm)
            return
        with self._cond:
            self.scheduler.set_bpm(bpm, self.clock())
            self._cond.notify()

    def set_source(self, source) -> None:
        """Follow `source` from now on; None: the loop's own clock again, from where it is, at its tempo."""
        with self._cond:
            self.source = source
            self.scheduler.following = source is not None
            if source is None:
                now = self.clock()
                self._send(self.scheduler.halt())
                self.scheduler.restart(now, self.scheduler.step_at(now))
                self._halted = not self.transport_running
            self._cond.notify()

    def play(self) -> None:
        with self._cond:
            self.transport_running = True
            if self._halted and self.source is None:
                self.scheduler.restart(self.clock())
                self._halted = False
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self.transport_running = False
            self._halt()
            self._cond.notify()

    def bar_phase(self, at: float) -> float | None:
        """Beats since the loop's last bar line at clock time `at`; None while it plays nothing (stopped,
        halted by its clock, or no notes yet)."""
        with self._cond:
            if not (self.transport_running and not self._halted and self.scheduler.playing):
                return None
            step = self.scheduler.step_at(at) % self.scheduler.steps_per_bar
        return step / STEPS_PER_BEAT

    def _loop(self) -> None:
        while True:
            with self._cond:
                if self._stopping:
                    return
                wait = None
                if self._sync(self.clock()):
                    self._send(self.scheduler.advance(self.clock()))
                    self._announce()
                    due = self.scheduler.next_time()
                    wait = None if due is None else max(0.0, due - self.clock())
                if self.source is not None:  # an external clock moves on its own: look again soon
                    wait = FOLLOW_POLL_S if wait is None else min(wait, FOLLOW_POLL_S)
                if wait is None or wait > 0:
                    self._cond.wait(wait)

    def _sync(self, now: float) -> bool:
        """Follow the transport and the source; False while stopped."""
        if not self.transport_running:
            return self._halt()
        if self.source is None:
            return True
        reading = self.source.read(now)
        if not reading.running:
            return self._halt()
        step = reading.beat * STEPS_PER_BEAT
        if self._halted:  # carry on from where the clock is now, not from where it stopped
            self.scheduler.restart(now, step)
            self._halted = False
        self._send(self.scheduler.follow(step, reading.bpm, now))
        return True

    def _halt(self) -> bool:
        if not self._halted:
            self._send(self.scheduler.halt())
            self._halted = True
        return False

    def _announce(self) -> None:
        """on_beat for each beat the loop has reached since the last call (the newest only, if several)."""
        step = self.scheduler.last_step
        if self.on_beat is None or not self.scheduler.playing or step < 0:
            return
        beat_step = step - step % STEPS_PER_BEAT
        if beat_step == self._beat_step:
            return
        self._beat_step = beat_step
        position = beat_step % self.scheduler.loop_steps
        try:
            self.on_beat(position // self.scheduler.steps_per_bar + 1, position % self.scheduler.steps_per_bar)
        except Exception:  # a failing listener must not stop the clock
            log.exception("playhead listener failed")

    def _send(self, events: Sequence[Event]) -> None:
        for event in events:
            for sink in self.sinks:
                try:
                    if event.kind == "on":
                        sink.note_on(event.pitch, event.velocity, event.track)
                    else:
                        sink.note_off(event.pitch, event.track)
                except Exception:  # one broken sink must not silence the others or stop the clock
                    log.exception("playback sink %s failed", type(sink).__name__)
            self.events_sent += 1

    def close(self) -> None:
        """Stop the loop, send every pending note-off, close the sinks."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(2.0)
        with self._cond:
            self._send(self.scheduler.stop())
        for sink in self.sinks:
            try:
                sink.close()
            except Exception:
                log.exception("closing %s failed", type(sink).__name__)
