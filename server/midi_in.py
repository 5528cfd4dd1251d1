"""MIDI in (`--midi-in NAME`): knobs, a keyboard and a pedal played into the server.

A control change bound in the mapping (server/midi_map.py) sets alpha, an attribute amount, a principal
coordinate or the temperature of the model it names; `/learn TARGET` (`/drums/learn TARGET`) binds the next
CC moved to TARGET of that model and rewrites the mapping file; `/record SLOT` (`/drums/record SLOT`), the
pedal or the arming note arm a keyboard take (server/recorder.py) that ends up encoded into that model's
slot. Every model has its own recorder (its length, drums or not); one take is armed at a time, and the
notes played go to the armed one. SysEx, unparseable bytes and messages with no use here are ignored and
counted (`MidiRouter.counts`), never raised.

A model is named by its address prefix ("/drums"), or None for the first model (bare addresses, mapping
entries without one); the actions get it back as given, so replies go out in the namespace it came in.

A take is timed by when its notes were played, from the backend's timestamps (server/midi_time.py), not
by when the server read them. The port is read through python-rtmidi with mido parsing the bytes (mido's own input port drops
unparseable bytes silently; here they are counted). NAME is an existing output port of another client,
matched by its full name or by the part after "client:" (an unknown NAME lists the ports that exist);
`virtual:NAME` opens a virtual input port that a DAW connects to instead. APIs are tried as for MIDI out
(server/midi_out.py: the platform default, then JACK on Linux; MUSICVAE_MIDI_API picks one).
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from contract.codec import Note
from server.midi_map import PEDAL_DOWN, Binding, MidiMap, MidiMapStore, Target
from server.midi_out import CLIENT_NAME, MidiUnavailable, candidate_apis
from server.midi_time import PlayedTimeline
from server.recorder import KeyboardRecorder

log = logging.getLogger("musicvae.server")

VIRTUAL_PREFIX = "virtual:"
SYSEX_START = 0xF0
ACTIVE_SENSE = 0xFE
TIMING = {0xF8, 0xF1}  # clock and time code: a clock input's business
DROPPED = {ACTIVE_SENSE}
# A take ends this long after its last beat was played, so that notes played before the end but read late
# (a busy machine) still land in it; the encode waits as long.
LATE_READ_S = 0.2
MIDI_POLL_S = 0.001  # how often the reader looks at rtmidi's queue: adds at most this to a knob's latency


class UnknownPort(MidiUnavailable):
    """The MIDI system works but has no port of that name; the text lists the ports it has."""


Model = str | None  # a model's address prefix ("/drums"); None: the first model


@dataclass
class MidiActions:
    """What the server does with MIDI in; each runs on the MIDI thread (or a timer), so keep them short."""

    control: Callable[[Binding, int], None]  # a bound CC moved: (its binding, with its model; the value 0..127)
    learned: Callable[[int, Target, Model, str | None], None]  # (cc, target, model, error persisting it or None)
    armed: Callable[[str, Model], None]  # a take was armed for (slot, model) by the pedal or the arming note
    recorded: Callable[[str, list[Note], Model], None]  # a take ended: (slot, its notes, model)
    bpm: Callable[[Model], float]  # the tempo a take of that model is timed at
    # beats since that model's playing loop's last bar line at a clock time, None when no loop plays (a take
    # then starts at its first note; server/recorder.py)
    bar_phase: Callable[[float, Model], float | None] = lambda at, model: None


class MidiRouter:
    """Turns parsed MIDI into actions; thread-safe (the MIDI thread, OSC handlers and a timer call it)."""

    def __init__(self, mapping: MidiMap, store: MidiMapStore | None, recorders: Mapping[str, KeyboardRecorder],
                 actions: MidiActions, clock: Callable[[], float] = time.monotonic):
        """`recorders`: each model's, by prefix, the first model's first."""
        self.mapping = mapping
        self.store = store
        self.recorders = dict(recorders)
        self.actions = actions
        self.clock = clock
        self.counts: Counter[str] = Counter()
        self._learning: tuple[Target, Model] | None = None
        self._take_model: Model = None  # the model of the armed take
        self._pedal_down = False
        self._timer: threading.Timer | None = None
        self._lock = threading.RLock()

    # ------------------------------------------------------------------------------------ from OSC

    def learn(self, target: Target, model: Model = None) -> None:
        """The next CC moved drives `target` of `model`."""
        with self._lock:
            self._learning = (target, model)

    @property
    def learning(self) -> Target | None:
        learning = self._learning
        return None if learning is None else learning[0]

    @property
    def recorder(self) -> KeyboardRecorder:
        """The recorder of the armed take's model (the first model's when none was armed)."""
        return self._recorder_of(self._take_model)

    def _recorder_of(self, model: Model) -> KeyboardRecorder:
        return self.recorders[next(iter(self.recorders)) if model is None else model]

    def arm(self, slot: str, model: Model = None) -> None:
        """Arm `model`'s slot; a take armed or running for any model is discarded (one keyboard, one take)."""
        with self._lock:
            self._cancel_timer()
            self.recorder.disarm()
            self._take_model = model
            self.recorder.arm(slot)

    # ---------------------------------------------------------------------------------- from MIDI

    def handle(self, data: Sequence[int], now: float | None = None) -> None:
        """One MIDI message as bytes, played at `now` (default: the router's clock); anything unusable is
        counted and dropped."""
        import mido

        now = self.clock() if now is None else now
        if data and data[0] == SYSEX_START:
            self.counts["sysex"] += 1
            return
        try:
            msg = mido.Message.from_bytes(list(data))
        except (ValueError, TypeError):
            self.counts["garbage"] += 1
            return
        if msg.type == "control_change":
            self._control(msg.channel, msg.control, msg.value)
        elif msg.type in ("note_on", "note_off"):
            self._note(msg, now)
        else:  # clock, program change, pitch bend, aftertouch ...: not ours
            self.counts["ignored"] += 1

    def _control(self, channel: int, cc: int, value: int) -> None:
        self.counts["cc"] += 1
        with self._lock:
            learning, self._learning = self._learning, None
            if learning is not None:
                self.mapping = self.mapping.bind(cc, *learning)
                mapping = self.mapping
            bound = self.mapping.controls.get(cc)
        if learning is not None:
            self.actions.learned(cc, *learning, self._persist(mapping))
            return
        if bound is not None and bound.accepts(channel):
            self.actions.control(bound, value)
        elif cc == self.mapping.record.pedal_cc:
            self._pedal(value >= PEDAL_DOWN)
        else:
            self.counts["unbound_cc"] += 1

    def _pedal(self, down: bool) -> None:
        with self._lock:
            pressed, self._pedal_down = down and not self._pedal_down, down
        if pressed:  # the press arms; holding or releasing does nothing more
            self._arm_from_midi()

    def _note(self, msg, now: float) -> None:
        self.counts["note"] += 1
        on = msg.type == "note_on" and msg.velocity > 0
        if msg.note == self.mapping.record.note:
            if on:
                self._arm_from_midi()
            return
        with self._lock:
            model = self._take_model
            if on:
                started = self.recorder.deadline is None
                phase = self.actions.bar_phase(now, model) if started else None
                taken = self.recorder.note_on(msg.note, msg.velocity, msg.channel, now, self.actions.bpm(model),
                                              phase)
                if taken and started:
                    self._schedule(self.recorder.deadline + LATE_READ_S - self.clock())
            else:
                self.recorder.note_off(msg.note, msg.channel, now)

    def _arm_from_midi(self) -> None:
        record = self.mapping.record
        self.arm(record.slot, record.model)
        self.actions.armed(record.slot, record.model)

    # ------------------------------------------------------------------------------- the take's end

    def _schedule(self, delay: float) -> None:
        self._cancel_timer()
        self._timer = threading.Timer(max(0.0, delay), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expire(self) -> None:
        with self._lock:
            now = self.clock() - LATE_READ_S  # what was played until then has been read by now
            model = self._take_model
            result = self.recorder.expire(now)
            if result is None and self.recorder.deadline is not None:  # the timer woke a little early
                self._schedule(self.recorder.deadline - now)
        if result is not None:
            self.actions.recorded(*result, model)

    def _persist(self, mapping: MidiMap) -> str | None:
        if self.store is None:
            return None
        try:
            self.store.save(mapping)
        except OSError as exc:
            log.error("could not save the MIDI mapping to %s: %s", self.store.path, exc)
            return f"learned, but not saved to {self.store.path}: {exc}"
        return None

    def close(self) -> None:
        with self._lock:
            self._cancel_timer()


# ----------------------------------------------------------------------------------------- the port


class MidiInPort:
    """An open MIDI input feeding `on_message(bytes, played)` on a reader thread of its own.

    `played` is when the message was played, on the monotonic clock, from the backend's timestamps
    (server/midi_time.py), not when this thread got to it. The queue is polled rather than read through
    rtmidi's callback, so the backend's thread never waits for Python's GIL (that delays its stamps).
    """

    def __init__(self, name: str, on_message: Callable[[list[int], float], None], timing: bool = False,
                 clock: Callable[[], float] = time.monotonic):
        self._on_message = on_message
        self._clock = clock
        self._dropped = DROPPED if timing else DROPPED | TIMING
        self._timeline = PlayedTimeline()
        self.midi_in, self.name, self.api = open_input(name)
        # rtmidi filters nothing: JACK's deltas count from the last message seen, filtered or not, so every
        # delta is summed here and what is not ours (active sensing; clock unless this is a clock input)
        # is dropped after. SysEx comes through to be counted.
        self.midi_in.ignore_types(sysex=False, timing=False, active_sense=False)
        self._running = True
        self._thread = threading.Thread(target=self._read, name="musicvae-midi-in", daemon=True)
        self._thread.start()
        log.info("MIDI in from %r (%s)", self.name, self.api)

    def _read(self) -> None:
        while self._running:
            try:
                event = self.midi_in.get_message()
            except Exception:  # the port went away under us (closing)
                return
            if event is None:
                time.sleep(MIDI_POLL_S)
                continue
            message, delta = event
            played = self._timeline.stamp(delta, self._clock())
            if message and message[0] in self._dropped:
                continue
            try:
                self._on_message(message, played)
            except Exception:  # a bug must cost one message, never the MIDI thread
                log.exception("MIDI in: handling %r failed", message)

    def close(self) -> None:
        self._running = False
        if self._thread is not threading.current_thread():
            self._thread.join(1.0)
        try:
            self.midi_in.close_port()
        except Exception:
            log.exception("closing MIDI in failed")


def open_input(name: str):
    """-> (an open rtmidi.MidiIn, the port's name, the API's name); MidiUnavailable says why not."""
    try:
        import rtmidi
    except ImportError as exc:
        raise MidiUnavailable(f"python-rtmidi is not installed ({exc}): pip install python-rtmidi") from None
    errors, seen, reachable = [], [], False
    for api in candidate_apis():
        api_id = getattr(rtmidi, f"API_{api}", None) if api else rtmidi.API_UNSPECIFIED
        if api_id is None:
            errors.append(f"{api}: no such rtmidi API")
            continue
        try:
            midi_in = rtmidi.MidiIn(rtapi=api_id, name=CLIENT_NAME)
        except Exception as exc:  # rtmidi raises SystemError/RtMidiError when the MIDI system is absent
            errors.append(f"{api or 'default API'}: {str(exc).splitlines()[0]}")
            continue
        reachable = True
        api_name = rtmidi.get_api_name(midi_in.get_current_api())
        if name.startswith(VIRTUAL_PREFIX):
            midi_in.open_virtual_port(name[len(VIRTUAL_PREFIX):])
            return midi_in, name[len(VIRTUAL_PREFIX):], api_name
        ports = midi_in.get_ports()
        match = [i for i, port in enumerate(ports) if port == name or port.split(":", 1)[-1].strip() == name]
        if match:
            midi_in.open_port(match[0], "in")
            return midi_in, ports[match[0]], api_name
        seen += [f"{port} ({api_name})" for port in ports]
        midi_in.delete()
    if not reachable:
        raise MidiUnavailable(f"no MIDI system to read {name!r} from ({'; '.join(errors)}). On Linux without "
                              f"/dev/snd start a JACK server first (jackd -d dummy)")
    raise UnknownPort(f"no MIDI input port {name!r}; ports that exist: {', '.join(seen) or 'none'} "
                      f"(or {VIRTUAL_PREFIX}{name} to open a virtual port a DAW connects to)")
